//! The programs: a program row with its budget lines, yearly targets and links to readiness items and a
//! strategy. The lines, targets and links are written whole with their program: a program has only tens of
//! them. Their ids derive from the program id and what identifies them, so every copy of a workbook agrees.

use std::collections::HashMap;

use rusqlite::{Connection, Row, params};
use uuid::Uuid;

use super::sql::{Stamp, TableWrite, collect, id, invalid};
use super::strategy;
use crate::model::{ActionType, BudgetLine, FundingSource, Program, ProgramStatus, YearTarget, stable_id};

static PROGRAM: TableWrite = TableWrite::upsert(
    "program",
    &[
        "id",
        "code",
        "name",
        "description",
        "element_id",
        "agency_id",
        "action_type",
        "location",
        "start_year",
        "end_year",
        "status",
        "outputs",
        "indicator",
        "indicator_baseline",
        "quick_win",
        "position",
    ],
    "id",
);
static BUDGET_LINE: TableWrite = TableWrite::insert("budget_line", &["id", "program_id", "year", "source", "amount"]);
static TARGET: TableWrite = TableWrite::insert("program_target", &["id", "program_id", "year", "target"]);
static READINESS_LINK: TableWrite = TableWrite::insert("program_readiness", &["id", "program_id", "item_id"]);

fn program_row(r: &Row<'_>) -> rusqlite::Result<Program> {
    let agency: Option<String> = r.get(5)?;
    let action: String = r.get(6)?;
    let status: String = r.get(10)?;
    Ok(Program {
        id: id(r, 0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        description: r.get(3)?,
        element_id: id(r, 4)?,
        agency_id: agency.map(|a| Uuid::parse_str(&a)).transpose().map_err(|_| invalid(5, "agency_id"))?,
        action_type: ActionType::from_key(&action).ok_or_else(|| invalid(6, "action_type"))?,
        location: r.get(7)?,
        start_year: r.get(8)?,
        end_year: r.get(9)?,
        status: ProgramStatus::from_key(&status).ok_or_else(|| invalid(10, "status"))?,
        outputs: r.get(11)?,
        indicator: r.get(12)?,
        indicator_baseline: r.get(13)?,
        targets: Vec::new(),
        budget: Vec::new(),
        quick_win: r.get(14)?,
        position: r.get(15)?,
        readiness_items: Vec::new(),
        strategy_id: None,
    })
}

/// Give each program the rows that name it (rows naming no program are left out).
fn attach<T>(
    programs: &mut [Program],
    index: &HashMap<Uuid, usize>,
    rows: Vec<(Uuid, T)>,
    add: impl Fn(&mut Program, T),
) {
    for (program, row) in rows {
        if let Some(&at) = index.get(&program) {
            add(&mut programs[at], row);
        }
    }
}

/// Every program with its budget, targets and links.
pub fn load(conn: &Connection) -> rusqlite::Result<Vec<Program>> {
    let mut programs = collect(
        conn,
        "SELECT id, code, name, description, element_id, agency_id, action_type, location, start_year, end_year, \
         status, outputs, indicator, indicator_baseline, quick_win, position FROM program ORDER BY position, id",
        program_row,
    )?;
    let index: HashMap<Uuid, usize> = programs.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let lines = collect(
        conn,
        "SELECT program_id, year, source, amount FROM budget_line ORDER BY program_id, year, source",
        |r| {
            let source: String = r.get(2)?;
            let source = FundingSource::from_key(&source).ok_or_else(|| invalid(2, "source"))?;
            Ok((id(r, 0)?, BudgetLine { year: r.get(1)?, source, amount: r.get(3)? }))
        },
    )?;
    attach(&mut programs, &index, lines, |p, line| p.budget.push(line));
    let targets =
        collect(conn, "SELECT program_id, year, target FROM program_target ORDER BY program_id, year", |r| {
            Ok((id(r, 0)?, YearTarget { year: r.get(1)?, target: r.get(2)? }))
        })?;
    attach(&mut programs, &index, targets, |p, target| p.targets.push(target));
    let links = collect(conn, "SELECT program_id, item_id FROM program_readiness ORDER BY program_id, item_id", |r| {
        Ok((id(r, 0)?, id(r, 1)?))
    })?;
    attach(&mut programs, &index, links, |p, item| p.readiness_items.push(item));
    attach(&mut programs, &index, strategy::load_program_links(conn)?, |p, linked| p.strategy_id = Some(linked));
    for program in &mut programs {
        // Sources sort by their declared order, which differs from the order of their keys in SQL.
        program.budget.sort_by_key(|l| (l.year, l.source));
    }
    Ok(programs)
}

/// Write a program with its budget, targets and readiness links; `fresh` when the file has none of them yet.
pub fn write(conn: &Connection, p: &Program, stamp: &Stamp<'_>, fresh: bool) -> rusqlite::Result<()> {
    let id = p.id.to_string();
    let values = params![
        id,
        p.code,
        p.name,
        p.description,
        p.element_id.to_string(),
        p.agency_id.map(|a| a.to_string()),
        p.action_type.key(),
        p.location,
        p.start_year,
        p.end_year,
        p.status.key(),
        p.outputs,
        p.indicator,
        p.indicator_baseline,
        p.quick_win,
        p.position,
    ];
    PROGRAM.write(conn, values, stamp)?;
    // The budget and targets are written whole: simpler than diffing, and a program has only tens of lines.
    conn.prepare_cached("DELETE FROM budget_line WHERE program_id = ?1")?.execute([&id])?;
    conn.prepare_cached("DELETE FROM program_target WHERE program_id = ?1")?.execute([&id])?;
    for line in &p.budget {
        // Derived ids: the same line has the same id in every copy of the workbook.
        let line_id = stable_id("budget-line", &format!("{id}/{}/{}", line.year, line.source.key()));
        BUDGET_LINE.write(conn, params![line_id.to_string(), id, line.year, line.source.key(), line.amount], stamp)?;
    }
    for target in &p.targets {
        let target_id = stable_id("program-target", &format!("{id}/{}", target.year));
        TARGET.write(conn, params![target_id.to_string(), id, target.year, target.target], stamp)?;
    }
    strategy::write_program_link(conn, p.id, p.strategy_id, stamp, fresh)?;
    write_readiness_links(conn, p, stamp, fresh)
}

fn write_readiness_links(conn: &Connection, p: &Program, stamp: &Stamp<'_>, fresh: bool) -> rusqlite::Result<()> {
    if fresh && p.readiness_items.is_empty() {
        // A new file of an older schema version (migration tests) has no link table to touch.
        return Ok(());
    }
    let id = p.id.to_string();
    if !fresh {
        conn.prepare_cached("DELETE FROM program_readiness WHERE program_id = ?1")?.execute([&id])?;
    }
    for item in &p.readiness_items {
        let link_id = stable_id("program-readiness", &format!("{id}/{item}"));
        READINESS_LINK.write(conn, params![link_id.to_string(), id, item.to_string()], stamp)?;
    }
    Ok(())
}
