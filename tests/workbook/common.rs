//! Helpers shared by the workbook tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rusqlite::{Connection, OpenFlags};
use smartcity_workbench::i18n::{Message, Text};
use smartcity_workbench::model::{Agency, Body, Edit, Member, Workbook, new_id};
use smartcity_workbench::paths::DATA_DIR_ENV;
use smartcity_workbench::seed;
use smartcity_workbench::store::{self, Session};

pub const AUTHOR: &str = "tester";

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Write the demo workbook at `dir/name` and return its path.
pub fn demo_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    store::write_new_file(&path, &seed::demo_workbook(), AUTHOR).expect("demo file written");
    path
}

/// Open for editing, or fail the test with the reason.
pub fn open(path: &Path) -> Session {
    Session::open(path, AUTHOR).unwrap_or_else(|e| panic!("cannot open {}: {e:?}", path.display()))
}

/// What the file holds right now, read through an in-memory copy (works while a writer has it open).
pub fn file_state(path: &Path) -> Workbook {
    let session =
        Session::open_read_only(path, AUTHOR).unwrap_or_else(|e| panic!("cannot read {}: {e:?}", path.display()));
    session.workbook().clone()
}

pub fn commit(session: &mut Session, edit: Edit) {
    let label = edit.label.clone();
    session.commit(edit).unwrap_or_else(|e| panic!("commit {label:?} failed: {e:?}"));
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// The journal files SQLite may leave beside `path` that exist right now.
pub fn sidecars(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"].iter().map(|s| with_suffix(path, s)).filter(|p| p.exists()).collect()
}

/// A plain connection that can only read, with none of the app's settings.
pub fn plain_read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("plain read-only connection")
}

pub fn pragma_i32(conn: &Connection, name: &str) -> i32 {
    conn.pragma_query_value(None, name, |r| r.get(0)).expect("pragma value")
}

pub fn agency_codes(conn: &Connection) -> Vec<String> {
    let mut stmt = conn.prepare("SELECT code FROM agency ORDER BY position, code").expect("agency query");
    stmt.query_map([], |r| r.get(0)).expect("agency rows").collect::<Result<_, _>>().expect("agency codes")
}

pub fn new_agency(code: &str, name: &str, position: i64) -> Agency {
    Agency { id: new_id(), code: code.into(), name: name.into(), short_name: String::new(), position }
}

pub fn new_member(workbook: &Workbook, body: Body, name: &str, agency: Option<&Agency>) -> Member {
    Member {
        id: new_id(),
        body,
        name: name.into(),
        role: "Anggota".into(),
        agency_id: agency.map(|a| a.id),
        position: workbook.next_member_position(body),
    }
}

/// An agency of `workbook` that no member refers to, so it may be removed.
pub fn unused_agency(workbook: &Workbook) -> Agency {
    workbook
        .agencies
        .iter()
        .find(|a| workbook.members.iter().all(|m| m.agency_id != Some(a.id)))
        .expect("an agency without members")
        .clone()
}

/// An agency of `workbook` that some member refers to.
pub fn used_agency(workbook: &Workbook) -> Agency {
    let id = workbook.members.iter().find_map(|m| m.agency_id).expect("a member with an agency");
    workbook.agency(id).expect("the member's agency").clone()
}

pub fn label(text: Text, arg: &str) -> Message {
    Message::with(text, [arg])
}

/// The edit the agency list makes for "move down": two agencies swap positions, one undo step.
pub fn swap_agencies(first: &Agency, second: &Agency) -> Edit {
    assert_ne!(first.position, second.position, "the agencies to swap have different positions");
    Edit::new(label(Text::EditMoveAgency, second.label()), smartcity_workbench::model::swap_agencies(first, second))
}

/// Run the built binary with `args`, its data folder in `data_dir`.
pub fn run(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smartcity-workbench"))
        .args(args)
        .env(DATA_DIR_ENV, data_dir)
        .output()
        .expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What a run did, for assertion messages.
pub fn show(output: &Output) -> String {
    format!("exit {:?}\nstdout: {}\nstderr: {}", output.status, text(&output.stdout), text(&output.stderr))
}

pub fn succeeded(output: &Output) -> &Output {
    assert!(output.status.success(), "{}", show(output));
    output
}

/// `info PATH --json`, parsed.
pub fn info_json(data_dir: &Path, path: &Path) -> serde_json::Value {
    let output = run(data_dir, &["info", path.to_str().unwrap(), "--json"]);
    serde_json::from_slice(&succeeded(&output).stdout).expect("info --json prints JSON")
}
