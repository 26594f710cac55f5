//! Workbooks with the right tables but rows our model forbids, planted with SQLite outside the app: each kind
//! is found and named (table, row, field), the file opens read-only and is never written, `info` exits 1 and
//! names it, imports and merges into or from it are refused, and the repair is one step that undo takes back.

use std::path::Path;

use rusqlite::Connection;
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::merge::package;
use smartcity_workbench::merge::workflow;
use smartcity_workbench::store::{OpenError, ReadOnlyReason, Session};

use super::common::*;

/// The first program (by position) with budget lines, and its id.
fn first_program(conn: &Connection) -> String {
    conn.query_row(
        "SELECT id FROM program WHERE id IN (SELECT program_id FROM budget_line) ORDER BY position LIMIT 1",
        [],
        |r| r.get(0),
    )
    .expect("a program with budget lines")
}

fn first_line(conn: &Connection) -> String {
    conn.query_row("SELECT id FROM budget_line ORDER BY rowid LIMIT 1", [], |r| r.get(0)).expect("a budget line")
}

/// Put text into an INTEGER column of a STRICT table, as a file edited byte by byte would hold it: the table
/// is made non-strict for the write, then strict again.
fn plant_text_amount(conn: &Connection) -> String {
    let line = first_line(conn);
    let sql: String =
        conn.query_row("SELECT sql FROM sqlite_schema WHERE name = 'budget_line'", [], |r| r.get(0)).unwrap();
    conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
    conn.execute("UPDATE sqlite_schema SET sql = ?1 WHERE name = 'budget_line'", [sql.replace(") STRICT", ")")])
        .unwrap();
    conn.execute_batch("PRAGMA writable_schema = RESET").unwrap();
    conn.execute("UPDATE budget_line SET amount = 'lima juta' WHERE id = ?1", [&line]).unwrap();
    conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
    conn.execute("UPDATE sqlite_schema SET sql = ?1 WHERE name = 'budget_line'", [&sql]).unwrap();
    conn.execute_batch("PRAGMA writable_schema = RESET").unwrap();
    line
}

/// Each kind of forbidden content: its name, how to plant it (returning the row's id) and the table and field
/// the problem must name.
type Plant = fn(&Connection) -> String;
const KINDS: &[(&str, Plant, &str, &str)] = &[
    (
        "year outside the period",
        |c| {
            let id = first_program(c);
            c.execute("UPDATE program SET start_year = 1990 WHERE id = ?1", [&id]).unwrap();
            id
        },
        "program",
        "start_year",
    ),
    (
        "duplicate program code",
        |c| {
            let (code, id): (String, String) = c
                .query_row(
                    "SELECT a.code, b.id FROM program a, program b WHERE a.position < b.position LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            c.execute("UPDATE program SET code = ?1 WHERE id = ?2", [&code, &id]).unwrap();
            id
        },
        "program",
        "code",
    ),
    (
        "amount above the limit",
        |c| {
            let line = first_line(c);
            c.execute("UPDATE budget_line SET amount = 200000000000000 WHERE id = ?1", [&line]).unwrap();
            line
        },
        "budget_line",
        "amount",
    ),
    (
        "negative amount",
        |c| {
            let line = first_line(c);
            c.execute_batch("PRAGMA ignore_check_constraints = ON").unwrap();
            c.execute("UPDATE budget_line SET amount = -5000000 WHERE id = ?1", [&line]).unwrap();
            line
        },
        "budget_line",
        "amount",
    ),
    ("text in an integer column", plant_text_amount, "budget_line", "amount"),
    (
        "dangling reference",
        |c| {
            let id = first_program(c);
            c.execute("UPDATE program SET agency_id = '0f0f0f0f-0000-4000-8000-000000000000' WHERE id = ?1", [&id])
                .unwrap();
            id
        },
        "program",
        "agency_id",
    ),
    (
        "invalid UTF-8",
        |c| {
            let id = first_program(c);
            c.execute("UPDATE program SET name = CAST(x'ff41' AS TEXT) WHERE id = ?1", [&id]).unwrap();
            id
        },
        "program",
        "name",
    ),
    (
        "budget line outside its program's years",
        |c| {
            let (id, line, year): (String, String, i32) = c
                .query_row(
                    "SELECT p.id, b.id, b.year FROM program p JOIN budget_line b ON b.program_id = p.id \
                     WHERE b.year > p.start_year ORDER BY b.year DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .unwrap();
            c.execute("UPDATE program SET end_year = ?1 WHERE id = ?2", rusqlite::params![year - 1, id]).unwrap();
            line
        },
        "budget_line",
        "year",
    ),
    (
        "money spent above the limit",
        |c| {
            let id: String = c.query_row("SELECT id FROM realisation_spending LIMIT 1", [], |r| r.get(0)).unwrap();
            c.execute("UPDATE realisation_spending SET amount = 200000000000000 WHERE id = ?1", [&id]).unwrap();
            id
        },
        "realisation_spending",
        "amount",
    ),
    (
        "a delay without its reason",
        |c| {
            let id: String = c.query_row("SELECT id FROM realisation LIMIT 1", [], |r| r.get(0)).unwrap();
            c.execute("UPDATE realisation SET status = 'delayed', reason = '' WHERE id = ?1", [&id]).unwrap();
            id
        },
        "realisation",
        "reason",
    ),
];

/// A demo workbook at `dir/name` with `plant` applied by a plain SQLite connection (foreign keys off, as any
/// SQLite tool has them); returns the path and the planted row's id.
fn planted(dir: &Path, name: &str, plant: Plant) -> (std::path::PathBuf, String) {
    let path = demo_file(dir, name);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    let row = plant(&conn);
    drop(conn);
    (path, row)
}

#[test]
fn every_kind_of_forbidden_content_is_named_and_the_file_is_never_written() {
    let dir = temp_dir();
    for (at, (kind, plant, table, field)) in KINDS.iter().enumerate() {
        let (path, row) = planted(dir.path(), &format!("kind{at}.smartcity"), *plant);
        let before = bytes(&path);
        let mut session = Session::open(&path, AUTHOR).unwrap_or_else(|e| panic!("{kind}: {e:?}"));
        let problems = session.damage().unwrap_or_else(|| panic!("{kind}: not found")).to_vec();
        assert!(
            problems.iter().any(|p| p.table == *table && p.field == *field && p.row == row),
            "{kind}: {table}.{field} of {row} in {:?}",
            problems.iter().map(|p| p.show(Lang::En)).collect::<Vec<_>>()
        );
        assert!(matches!(session.read_only(), Some(ReadOnlyReason::Damaged(_))), "{kind}");
        let edit = swap_agencies(&session.workbook().agencies[0], &session.workbook().agencies[1]);
        assert!(session.commit(edit).is_err(), "{kind}: no edit while damaged");
        drop(session);
        assert!(bytes(&path) == before, "{kind}: the file is untouched");
        assert!(sidecars(&path).is_empty(), "{kind}: no journal files left");

        let output = run(dir.path(), &["info", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{kind}: {}", show(&output));
        let shown = text(&output.stdout);
        assert!(shown.contains(&format!("table {table}, row {row}, field {field}: ")), "{kind}: {shown}");
        let json = run(dir.path(), &["info", path.to_str().unwrap(), "--json"]);
        assert_eq!(json.status.code(), Some(1), "{kind}");
        let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
        let listed = value["problems"].as_array().expect("a problems array");
        assert!(listed.iter().any(|p| p["table"] == *table && p["field"] == *field && p["row"] == *row), "{kind}");
        assert!(bytes(&path) == before, "{kind}: info does not write");
    }
}

#[test]
fn a_clean_workbook_has_no_problems_and_info_exits_0() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "clean.smartcity");
    assert!(open(&path).damage().is_none());
    assert_eq!(info_json(dir.path(), &path)["problems"], serde_json::json!([]));
}

#[test]
fn the_repair_is_one_step_that_undo_takes_back_exactly() {
    let dir = temp_dir();
    let (path, row) = planted(dir.path(), "repair.smartcity", KINDS[0].1);
    let mut session = open(&path);
    let problems = session.damage().expect("damaged").len();
    let fixed = session.repair().expect("repaired");
    assert_eq!(fixed.len(), problems, "every problem listed is fixed");
    assert!(session.read_only().is_none(), "writable after the repair");
    assert!(session.workbook().programs.iter().all(|p| p.id.to_string() != row));
    assert!(Session::open_read_only(&path, AUTHOR).unwrap().damage().is_none(), "the file itself is clean");
    let journal = session.journal().expect("journal");
    assert_eq!(journal.last().map(|e| e.label_key.as_str()), Some("RepairStep"));

    session.undo().expect("undo");
    assert_eq!(session.damage().map(<[_]>::len), Some(problems), "damaged (and read-only) again");
    let reread = Session::open_read_only(&path, AUTHOR).unwrap();
    assert_eq!(reread.damage().map(<[_]>::len), Some(problems), "the file holds the rows again");
    let conn = plain_read_only(&path);
    let start: i32 = conn.query_row("SELECT start_year FROM program WHERE id = ?1", [&row], |r| r.get(0)).unwrap();
    assert_eq!(start, 1990, "the program is back exactly as it was");
}

#[test]
fn the_command_line_repairs_with_a_dry_run_first() {
    let dir = temp_dir();
    let (path, row) = planted(dir.path(), "cli.smartcity", KINDS[6].1);
    let p = path.to_str().unwrap();
    let before = bytes(&path);
    let dry = succeeded(&run(dir.path(), &["repair", p, "--dry-run"])).clone();
    assert!(text(&dry.stdout).contains(&format!("remove row {row} from table program")), "{}", show(&dry));
    assert!(bytes(&path) == before, "a dry run writes nothing");
    let done = succeeded(&run(dir.path(), &["repair", p])).clone();
    assert!(text(&done.stdout).contains("fixes applied"), "{}", show(&done));
    assert_eq!(info_json(dir.path(), &path)["problems"], serde_json::json!([]), "clean afterwards");
    let again = succeeded(&run(dir.path(), &["repair", p])).clone();
    assert!(text(&again.stdout).contains("nothing to repair"), "{}", show(&again));
}

#[test]
fn imports_and_merges_into_or_from_a_damaged_workbook_are_refused_with_the_list() {
    let dir = temp_dir();
    let (damaged, row) = planted(dir.path(), "damaged.smartcity", KINDS[0].1);
    let clean = demo_file(dir.path(), "clean.smartcity");
    let template = dir.path().join("programs.csv");
    succeeded(&run(dir.path(), &["import", "--template", template.to_str().unwrap()]));
    let before = bytes(&damaged);
    let import = run(dir.path(), &["import", damaged.to_str().unwrap(), template.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(1), "{}", show(&import));
    assert!(text(&import.stderr).contains(&format!("table program, row {row}, field start_year")), "{}", show(&import));
    assert!(bytes(&damaged) == before, "import refused untouched");

    let clean_before = bytes(&clean);
    let ours = Session::open_read_only(&clean, AUTHOR).unwrap();
    let error = workflow::prepare_trusting(&ours, &damaged, false, true).err().expect("refused");
    assert!(error.show(Lang::En).contains(&format!("row {row}, field start_year")), "{}", error.show(Lang::En));
    drop(ours);
    assert!(bytes(&clean) == clean_before, "merge from it refused untouched");

    let into = Session::open(&damaged, AUTHOR).unwrap();
    let error = workflow::prepare_trusting(&into, &clean, false, true).err().expect("refused");
    assert!(error.show(Lang::Id).contains("tidak sah"), "{}", error.show(Lang::Id));
    let cli = run(dir.path(), &["merge", damaged.to_str().unwrap(), clean.to_str().unwrap(), "--trust"]);
    assert_eq!(cli.status.code(), Some(1), "{}", show(&cli));
    drop(into);
    assert!(bytes(&damaged) == before, "merge into it refused untouched");
}

#[test]
fn history_and_merge_records_that_cannot_be_read_make_the_file_damaged() {
    let dir = temp_dir();
    let plants = [
        ("journal", "UPDATE journal SET replica_id = 'not-an-id'", "replica_id"),
        ("journal", "UPDATE journal SET agencies = '[\"x\"'", "agencies"),
    ];
    for (at, (table, sql, field)) in plants.iter().enumerate() {
        let path = demo_file(dir.path(), &format!("records{at}.smartcity"));
        {
            let mut session = open(&path);
            let edit = swap_agencies(&session.workbook().agencies[0], &session.workbook().agencies[1]);
            commit(&mut session, edit);
        }
        let conn = Connection::open(&path).unwrap();
        assert!(conn.execute(sql, []).unwrap() > 0, "{sql}");
        drop(conn);
        let session = Session::open(&path, AUTHOR).unwrap();
        let problems = session.damage().unwrap_or_else(|| panic!("{sql}: not found"));
        assert!(problems.iter().any(|p| p.table == *table && p.field == *field), "{sql}: {problems:?}");
    }
}

#[test]
fn a_file_whose_identity_is_missing_or_unreadable_is_refused_untouched() {
    let dir = temp_dir();
    for (at, sql) in ["UPDATE replica SET replica_id = 'not-an-id'", "DELETE FROM replica"].iter().enumerate() {
        let path = demo_file(dir.path(), &format!("identity{at}.smartcity"));
        Connection::open(&path).unwrap().execute(sql, []).unwrap();
        let before = bytes(&path);
        for opened in [Session::open(&path, AUTHOR), Session::open_read_only(&path, AUTHOR)] {
            let error = opened.err().unwrap_or_else(|| panic!("{sql}: opened"));
            assert!(matches!(&error, OpenError::Damaged(detail) if detail.contains("replica")), "{sql}: {error:?}");
        }
        assert!(bytes(&path) == before, "{sql}");
    }
}

#[test]
fn a_signed_package_with_a_history_entry_that_cannot_be_read_is_refused_whole() {
    let dir = temp_dir();
    let base = demo_file(dir.path(), "base.smartcity");
    let copy = dir.path().join("copy.smartcity");
    open(&base).write_agency_copy(&copy, None).expect("copy written");
    let mut session = open(&copy);
    let edit = swap_agencies(&session.workbook().agencies[0], &session.workbook().agencies[1]);
    commit(&mut session, edit);
    let package = dir.path().join("changes.smartcity-package");
    workflow::write_package(&mut session, &package).expect("package written");
    drop(session);
    let secret: String =
        plain_read_only(&copy).query_row("SELECT signing_key FROM replica", [], |r| r.get(0)).expect("the key");
    let mut decoded = package::decode(&bytes(&package)).expect("decodes").package;
    assert!(!decoded.journal.is_empty(), "the package carries the copy's history");
    decoded.journal[0]["label_key"] = serde_json::json!("NotAText");
    std::fs::write(&package, package::encode(&decoded, &secret).expect("signed again")).unwrap();

    let ours = Session::open_read_only(&base, AUTHOR).unwrap();
    let error = workflow::prepare(&ours, &package, false).err().expect("refused");
    assert!(error.show(Lang::En).contains("NotAText"), "{}", error.show(Lang::En));
}

#[test]
fn a_workbook_after_ordinary_removals_is_not_damaged() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "removed.smartcity");
    let mut session = open(&path);
    let decided = session.workbook().quick_wins.decisions.iter().find_map(|d| d.program_id).expect("a decision");
    let label = label(smartcity_workbench::i18n::Text::EditDeleteProgram, "x");
    commit(
        &mut session,
        smartcity_workbench::model::Edit::one(label, smartcity_workbench::model::Change::RemoveProgram(decided)),
    );
    drop(session);
    let reopened = open(&path);
    assert_eq!(reopened.damage().map(|p| p.iter().map(|p| p.show(Lang::En)).collect::<Vec<_>>()), None);
    assert!(reopened.read_only().is_none());
}
