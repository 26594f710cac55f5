//! Files that are not workbooks, or damaged ones, are refused and never written to; a newer version opens
//! read-only and is never written to either.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use smartcity_workbench::i18n::Text;
use smartcity_workbench::model::{Change, Edit};
use smartcity_workbench::seed;
use smartcity_workbench::store::{self, CommitError, OpenError, ReadOnlyReason, Session, schema};

use crate::common::*;

/// Open `path` for editing and for reading; both must be refused the way `expected` says, and neither may
/// change the file or leave a journal beside it.
fn assert_refused(path: &Path, expected: impl Fn(&OpenError) -> bool) -> OpenError {
    let before = bytes(path);
    assert_eq!(sidecars(path), Vec::<PathBuf>::new(), "no journal before opening {}", path.display());
    let error = match Session::open(path, AUTHOR) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(error) => error,
    };
    assert!(expected(&error), "{}: unexpected refusal {error:?}", path.display());
    assert!(bytes(path) == before, "{} changed after a refused open", path.display());
    assert_eq!(sidecars(path), Vec::<PathBuf>::new(), "a refused open left a journal beside {}", path.display());
    assert!(!store::is_in_use(path), "a refused open keeps no lock");

    let again = Session::open_read_only(path, AUTHOR).err();
    assert_eq!(again.as_ref(), Some(&error), "reading only refuses {} the same way", path.display());
    assert!(bytes(path) == before);
    assert_eq!(sidecars(path), Vec::<PathBuf>::new());
    error
}

/// The page size and page count the header of a SQLite file records.
fn pages(path: &Path) -> (usize, usize) {
    let header = bytes(path);
    let size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => usize::from(size),
    };
    let count = u32::from_be_bytes([header[28], header[29], header[30], header[31]]) as usize;
    (size, count)
}

#[test]
fn a_missing_file_is_not_created() {
    let dir = temp_dir();
    let path = dir.path().join("missing.smartcity");
    assert_eq!(Session::open(&path, AUTHOR).err(), Some(OpenError::NotFound));
    assert!(!path.exists());
    assert_eq!(sidecars(&path), Vec::<PathBuf>::new());
}

#[test]
fn text_and_empty_files_are_not_sqlite() {
    let dir = temp_dir();
    let text = dir.path().join("notes.smartcity");
    std::fs::write(&text, "Rencana induk smart city\n".repeat(40)).unwrap();
    assert_refused(&text, |e| *e == OpenError::NotSqlite);

    let empty = dir.path().join("empty.smartcity");
    std::fs::write(&empty, b"").unwrap();
    assert_refused(&empty, |e| *e == OpenError::NotSqlite);

    let header_only = dir.path().join("magic.smartcity");
    std::fs::write(&header_only, b"SQLite format 3\0").unwrap();
    assert_refused(&header_only, |e| *e == OpenError::NotSqlite);
}

#[test]
fn another_applications_sqlite_file_is_foreign() {
    let dir = temp_dir();
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');",
    )
    .unwrap();
    drop(conn);
    assert_refused(&path, |e| *e == OpenError::Foreign);
}

#[test]
fn a_truncated_workbook_is_refused() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let full = bytes(&path);
    let (size, count) = pages(&path);
    assert!(count >= 6, "the demo has several pages ({count})");
    assert_eq!(full.len(), size * count);
    std::fs::write(&path, &full[..full.len() / 2]).unwrap();
    assert_refused(&path, |e| *e == OpenError::Truncated);

    // A cut at a page boundary too.
    std::fs::write(&path, &full[..size * (count - 1)]).unwrap();
    assert_refused(&path, |e| *e == OpenError::Truncated);
}

#[test]
fn a_workbook_with_objects_we_did_not_create_is_refused() {
    let extras = [
        ("view", "CREATE VIEW agency_names AS SELECT name FROM agency"),
        ("trigger", "CREATE TRIGGER stamp AFTER UPDATE ON agency BEGIN UPDATE agency SET name = 'x'; END"),
        ("table", "CREATE TABLE extra (id INTEGER PRIMARY KEY)"),
        ("index", "CREATE INDEX agency_code ON agency(code)"),
        ("missing", "DROP TABLE workshop_decision"),
        ("altered", "ALTER TABLE agency ADD COLUMN note TEXT"),
    ];
    let dir = temp_dir();
    for (name, sql) in extras {
        let path = demo_file(dir.path(), &format!("{name}.smartcity"));
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(sql).unwrap();
        drop(conn);
        let header = store::read_header(&path).unwrap();
        assert_eq!(header.application_id, schema::APPLICATION_ID, "{name}: still carries our application id");
        assert_eq!(header.user_version, schema::CURRENT_VERSION, "{name}");
        let error = assert_refused(&path, |e| matches!(e, OpenError::UnexpectedSchema(_)));
        if let OpenError::UnexpectedSchema(detail) = &error
            && name != "altered"
        {
            let object = sql.split_whitespace().nth(2).unwrap();
            assert!(detail.contains(object), "{name}: {detail:?} names {object}");
        }
    }
}

#[test]
fn a_workbook_with_a_damaged_page_is_refused() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let (size, count) = pages(&path);
    let mut damaged = bytes(&path);
    let page = count / 2;
    assert!(page > 1, "not the first page, which holds the header");
    for (i, byte) in damaged[(page - 1) * size..page * size].iter_mut().enumerate() {
        *byte = (i % 251) as u8 ^ 0xA5;
    }
    std::fs::write(&path, &damaged).unwrap();
    assert_refused(&path, |e| matches!(e, OpenError::Damaged(_) | OpenError::UnexpectedSchema(_)));
}

#[test]
fn a_newer_version_opens_read_only_and_is_never_written() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "newer.smartcity");
    let newer = schema::CURRENT_VERSION + 1;
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", newer).unwrap();
    drop(conn);
    let before = bytes(&path);
    assert_eq!(sidecars(&path), Vec::<PathBuf>::new());

    let mut session = Session::open(&path, AUTHOR).expect("a newer version opens");
    assert_eq!(session.read_only(), Some(&ReadOnlyReason::NewerVersion(newer)));
    assert_eq!(session.file_version(), newer);
    assert_eq!(session.workbook(), &seed::demo_workbook());
    assert!(!store::is_in_use(&path), "a read-only session takes no lock");
    let added = new_agency("9.94.01", "Badan Baru", session.workbook().next_agency_position());
    let edit = Edit::one(label(Text::EditAddAgency, "Badan Baru"), Change::PutAgency(added.clone()));
    assert_eq!(session.commit(edit), Err(CommitError::ReadOnly));
    assert_eq!(session.workbook().agency(added.id), None);
    assert_eq!(session.revision(), 0);
    assert_eq!(session.undo(), Err(CommitError::ReadOnly));
    assert_eq!(session.redo(), Err(CommitError::ReadOnly));
    drop(session);

    assert!(bytes(&path) == before, "the newer file is unchanged");
    assert_eq!(sidecars(&path), Vec::<PathBuf>::new());
    let reader = Session::open_read_only(&path, AUTHOR).unwrap();
    assert_eq!(reader.read_only(), Some(&ReadOnlyReason::NewerVersion(newer)));
    drop(reader);
    assert!(bytes(&path) == before);
}
