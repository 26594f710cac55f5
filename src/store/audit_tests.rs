//! The whole-workbook check on hand-made workbooks in memory.

use rusqlite::Connection;

use super::audit::{ContentProblem, FixAction, Found, check};
use super::damaged::audited_view;
use super::{repair, rows, schema};
use crate::i18n::{Lang, Text};
use crate::seed::demo_workbook;

fn demo_conn() -> Connection {
    let conn = Connection::open_in_memory().expect("memory");
    schema::migrate(&conn, 0, schema::CURRENT_VERSION).expect("schema");
    let stamp = rows::Stamp { at: "2026-01-01T00:00:00Z", by: "test" };
    rows::write_all(&conn, &demo_workbook(), &stamp).expect("rows");
    // As the repair runs: nothing cascades unseen, and a test may plant what a foreign key forbids.
    conn.pragma_update(None, "foreign_keys", false).expect("pragma");
    conn
}

fn problems(conn: &Connection) -> Vec<ContentProblem> {
    match check(conn).expect("check") {
        Found::Clean(_) => Vec::new(),
        Found::Problems(problems) => problems,
    }
}

fn first_program(conn: &Connection) -> String {
    conn.query_row("SELECT id FROM program ORDER BY position LIMIT 1", [], |r| r.get(0)).expect("program")
}

#[test]
fn the_demo_is_clean() {
    assert!(problems(&demo_conn()).is_empty());
}

#[test]
fn a_year_outside_the_period_names_the_program_and_its_field() {
    let conn = demo_conn();
    let id = first_program(&conn);
    conn.execute("UPDATE program SET start_year = 1990 WHERE id = ?1", [&id]).expect("plant");
    let found = problems(&conn);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].table.as_str(), found[0].row.as_str(), found[0].field.as_str()),
        ("program", &*id, "start_year")
    );
    assert_eq!(found[0].message.text, Text::YearOutsidePeriod);
    assert_eq!(found[0].fix.action, FixAction::RemoveRow);
    assert!(found[0].show(Lang::En).starts_with(&format!("table program, row {id}, field start_year: ")));
}

#[test]
fn only_the_second_of_two_programs_with_one_code_is_a_problem() {
    let conn = demo_conn();
    let (first, second): (String, String) = conn
        .query_row("SELECT a.code, b.id FROM program a, program b WHERE a.position < b.position LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("two programs");
    conn.execute("UPDATE program SET code = ?1 WHERE id = ?2", [&first, &second]).expect("plant");
    let found = problems(&conn);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].row.as_str(), found[0].field.as_str()), (&*second, "code"));
    assert_eq!(found[0].message.text, Text::ProgramCodeTaken);
}

#[test]
fn a_negative_amount_names_the_budget_line() {
    let conn = demo_conn();
    conn.pragma_update(None, "ignore_check_constraints", true).expect("pragma");
    let line: String = conn.query_row("SELECT id FROM budget_line LIMIT 1", [], |r| r.get(0)).expect("line");
    conn.execute("UPDATE budget_line SET amount = -5 WHERE id = ?1", [&line]).expect("plant");
    let found = problems(&conn);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].table.as_str(), found[0].row.as_str(), found[0].field.as_str()),
        ("budget_line", &*line, "amount")
    );
    assert_eq!(found[0].message.text, Text::AmountNegative);
}

#[test]
fn a_dangling_agency_is_cleared_and_a_dangling_program_removes_its_line() {
    let conn = demo_conn();
    let id = first_program(&conn);
    conn.execute("UPDATE program SET agency_id = 'a0000000-0000-0000-0000-000000000000' WHERE id = ?1", [&id])
        .expect("plant");
    let found = problems(&conn);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].field.as_str(), found[0].fix.action), ("agency_id", FixAction::ClearField));
    assert_eq!(found[0].message.text, Text::ContentDangling);
}

#[test]
fn invalid_utf8_and_a_bad_journal_id_are_found_by_type() {
    let conn = demo_conn();
    let id = first_program(&conn);
    conn.execute("UPDATE program SET name = CAST(x'ff41' AS TEXT) WHERE id = ?1", [&id]).expect("plant");
    let found = problems(&conn);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].field.as_str(), found[0].message.text), ("name", Text::ContentBadUtf8));
    let conn = demo_conn();
    conn.execute(
        "INSERT INTO journal (id, replica_id, place, at, by, label_key, label_args, origin, source_file, agency_id, \
         agencies, changes) VALUES ('not-an-id', 'x', '', '2026', 'a', 'RepairStep', '[]', 'edit', '', NULL, '[]', 0)",
        [],
    )
    .expect("plant");
    let found = problems(&conn);
    assert_eq!(found.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["id", "replica_id"], "{found:?}");
    assert!(found.iter().all(|p| p.table == "journal" && p.message.text == Text::ContentBadId));
}

#[test]
fn the_view_of_a_damaged_file_is_the_repaired_one_and_the_file_is_untouched() {
    let conn = demo_conn();
    let id = first_program(&conn);
    let lines: i64 =
        conn.query_row("SELECT count(*) FROM budget_line WHERE program_id = ?1", [&id], |r| r.get(0)).expect("count");
    assert!(lines > 0, "the first demo program has budget lines");
    conn.execute("UPDATE program SET end_year = 2200 WHERE id = ?1", [&id]).expect("plant");
    let view = audited_view(&conn).expect("view");
    let (workbook, found) = (view.workbook, view.problems);
    assert!(workbook.programs.iter().all(|p| p.id.to_string() != id), "the view leaves the program out");
    assert_eq!(found[0].field, "end_year");
    assert_eq!(found.iter().filter(|p| p.table == "budget_line").count() as i64, lines, "{found:?}");
    let still: i64 = conn.query_row("SELECT count(*) FROM program WHERE id = ?1", [&id], |r| r.get(0)).expect("count");
    assert_eq!(still, 1, "the connection itself is not written");
}

#[test]
fn undo_of_a_repair_puts_back_every_row_exactly() {
    let conn = demo_conn();
    let id = first_program(&conn);
    conn.execute("UPDATE program SET end_year = 2200 WHERE id = ?1", [&id]).expect("plant");
    let dump = |conn: &Connection| -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT rowid || '|' || quote(amount) || program_id FROM budget_line ORDER BY rowid")
            .expect("q");
        let mut rows: Vec<String> = stmt.query_map([], |r| r.get(0)).expect("q").map(Result::unwrap).collect();
        rows.push(
            conn.query_row("SELECT rowid || end_year || name FROM program WHERE id = ?1", [&id], |r| r.get(0))
                .expect("p"),
        );
        rows
    };
    let before = dump(&conn);
    let (_, _, raw) = repair::run(&conn, problems(&conn)).expect("repair");
    assert!(problems(&conn).is_empty(), "repaired");
    repair::undo(&conn, &raw).expect("undo");
    assert_eq!(dump(&conn), before);
}

#[test]
fn a_score_out_of_its_levels_and_an_agency_without_a_name_are_named() {
    let conn = demo_conn();
    conn.pragma_update(None, "ignore_check_constraints", true).expect("pragma");
    let score: String = conn.query_row("SELECT id FROM readiness_score LIMIT 1", [], |r| r.get(0)).expect("score");
    conn.execute("UPDATE readiness_score SET level = 9 WHERE id = ?1", [&score]).expect("plant");
    let agency: String = conn.query_row("SELECT id FROM agency LIMIT 1", [], |r| r.get(0)).expect("agency");
    conn.execute("UPDATE agency SET name = '' WHERE id = ?1", [&agency]).expect("plant");
    let found = problems(&conn);
    let named: Vec<(&str, &str, &str)> =
        found.iter().map(|p| (p.table.as_str(), p.row.as_str(), p.field.as_str())).collect();
    assert!(named.contains(&("readiness_score", &*score, "level")), "{named:?}");
    assert!(named.contains(&("agency", &*agency, "name")), "{named:?}");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_strategic_issue_without_a_title_is_named_by_the_rule_of_an_edit() {
    let conn = demo_conn();
    let issue: String = conn.query_row("SELECT id FROM strategic_issue LIMIT 1", [], |r| r.get(0)).expect("issue");
    conn.execute("UPDATE strategic_issue SET title = '  ' WHERE id = ?1", [&issue]).expect("plant");
    let found = problems(&conn);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].table.as_str(), found[0].row.as_str(), found[0].field.as_str()),
        ("strategic_issue", &*issue, "title")
    );
}
