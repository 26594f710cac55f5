//! Reading and writing the strategy: issues, SWOT, goals, directions, strategies, indicators and their links.
//! Link rows (issue and goal dimensions, strategy issues, indicator targets) are written whole with their row:
//! a row has only a handful of them. Their ids derive from the two ends, so every copy of a workbook agrees.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::sql::{Stamp, collect, id, invalid, optional_id};
use crate::model::{
    Direction, Id, Indicator, IndicatorTarget, Issue, IssueSource, RegionalGoal, Strategy, StrategyChange,
    StrategyItem, SwotEntry, SwotKind, stable_id,
};

/// Pairs (owner, linked) of a link table, grouped by owner, each group sorted.
fn links(conn: &Connection, sql: &str) -> rusqlite::Result<HashMap<Id, Vec<Id>>> {
    let mut grouped: HashMap<Id, Vec<Id>> = HashMap::new();
    for (owner, linked) in collect(conn, sql, |r| Ok((id(r, 0)?, id(r, 1)?)))? {
        grouped.entry(owner).or_default().push(linked);
    }
    grouped.values_mut().for_each(|v| v.sort());
    Ok(grouped)
}

pub fn load(conn: &Connection) -> rusqlite::Result<Strategy> {
    let mut issue_dimensions = links(conn, "SELECT issue_id, dimension_id FROM strategic_issue_dimension")?;
    let issues = collect(
        conn,
        "SELECT id, code, title, description, source, readiness_item_id, position FROM strategic_issue \
         ORDER BY position, id",
        |r| {
            let source: String = r.get(4)?;
            Ok(Issue {
                id: id(r, 0)?,
                code: r.get(1)?,
                title: r.get(2)?,
                description: r.get(3)?,
                source: IssueSource::from_key(&source).ok_or_else(|| invalid(4, "source"))?,
                dimension_ids: Vec::new(),
                readiness_item_id: optional_id(r, 5)?,
                position: r.get(6)?,
            })
        },
    )?
    .into_iter()
    .map(|i| Issue { dimension_ids: issue_dimensions.remove(&i.id).unwrap_or_default(), ..i })
    .collect();
    let swot = collect(
        conn,
        "SELECT id, dimension_id, kind, text, issue_id, readiness_item_id, position FROM swot_entry \
         ORDER BY position, id",
        |r| {
            let kind: String = r.get(2)?;
            Ok(SwotEntry {
                id: id(r, 0)?,
                dimension_id: id(r, 1)?,
                kind: SwotKind::from_key(&kind).ok_or_else(|| invalid(2, "kind"))?,
                text: r.get(3)?,
                issue_id: optional_id(r, 4)?,
                readiness_item_id: optional_id(r, 5)?,
                position: r.get(6)?,
            })
        },
    )?;
    let mut goal_dimensions = links(conn, "SELECT goal_id, dimension_id FROM regional_goal_dimension")?;
    let goals =
        collect(conn, "SELECT id, code, goal, target, position FROM regional_goal ORDER BY position, id", |r| {
            Ok(RegionalGoal {
                id: id(r, 0)?,
                code: r.get(1)?,
                goal: r.get(2)?,
                target: r.get(3)?,
                dimension_ids: Vec::new(),
                position: r.get(4)?,
            })
        })?
        .into_iter()
        .map(|g| RegionalGoal { dimension_ids: goal_dimensions.remove(&g.id).unwrap_or_default(), ..g })
        .collect();
    let directions = collect(
        conn,
        "SELECT id, dimension_id, element_id, goal, position FROM direction ORDER BY position, id",
        |r| {
            Ok(Direction {
                id: id(r, 0)?,
                dimension_id: id(r, 1)?,
                element_id: optional_id(r, 2)?,
                goal: r.get(3)?,
                position: r.get(4)?,
            })
        },
    )?;
    let mut strategy_issues = links(conn, "SELECT strategy_id, issue_id FROM strategy_issue")?;
    let strategies =
        collect(conn, "SELECT id, direction_id, code, text, position FROM strategy ORDER BY position, id", |r| {
            Ok(StrategyItem {
                id: id(r, 0)?,
                direction_id: id(r, 1)?,
                code: r.get(2)?,
                text: r.get(3)?,
                issue_ids: Vec::new(),
                position: r.get(4)?,
            })
        })?
        .into_iter()
        .map(|s| StrategyItem { issue_ids: strategy_issues.remove(&s.id).unwrap_or_default(), ..s })
        .collect();
    let mut targets: HashMap<Id, Vec<IndicatorTarget>> = HashMap::new();
    let rows = collect(
        conn,
        "SELECT indicator_id, year, value FROM strategy_indicator_target ORDER BY indicator_id, year",
        |r| Ok((id(r, 0)?, IndicatorTarget { year: r.get(1)?, value: r.get(2)? })),
    )?;
    for (indicator, target) in rows {
        targets.entry(indicator).or_default().push(target);
    }
    let indicators = collect(
        conn,
        "SELECT id, direction_id, name, unit, baseline, position FROM strategy_indicator ORDER BY position, id",
        |r| {
            Ok(Indicator {
                id: id(r, 0)?,
                direction_id: id(r, 1)?,
                name: r.get(2)?,
                unit: r.get(3)?,
                baseline: r.get(4)?,
                targets: Vec::new(),
                position: r.get(5)?,
            })
        },
    )?
    .into_iter()
    .map(|i| Indicator { targets: targets.remove(&i.id).unwrap_or_default(), ..i })
    .collect();
    Ok(Strategy { issues, swot, goals, directions, strategies, indicators })
}

/// The program -> strategy links, for `rows::load_programs`.
pub fn load_program_links(conn: &Connection) -> rusqlite::Result<Vec<(Id, Id)>> {
    collect(conn, "SELECT program_id, strategy_id FROM program_strategy", |r| Ok((id(r, 0)?, id(r, 1)?)))
}

/// Write the strategy a program names, replacing the one it named; `fresh` when the file holds no link yet
/// (then a program without strategy touches nothing, so files of older versions can be written).
pub fn write_program_link(
    conn: &Connection,
    program: Id,
    strategy: Option<Id>,
    stamp: &Stamp<'_>,
    fresh: bool,
) -> rusqlite::Result<()> {
    if fresh && strategy.is_none() {
        return Ok(());
    }
    let program_text = program.to_string();
    if !fresh {
        conn.prepare_cached("DELETE FROM program_strategy WHERE program_id = ?1")?.execute([&program_text])?;
    }
    if let Some(strategy) = strategy {
        conn.prepare_cached(
            "INSERT INTO program_strategy (id, program_id, strategy_id, updated_at, changed_by) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            stable_id("program-strategy", &program_text).to_string(),
            program_text,
            strategy.to_string(),
            stamp.at,
            stamp.by
        ])?;
    }
    Ok(())
}

/// Replace the links of `owner` in a link table with `linked`.
fn write_links(
    conn: &Connection,
    table: &str,
    owner_column: &str,
    linked_column: &str,
    owner: Id,
    linked: &[Id],
    stamp: &Stamp<'_>,
) -> rusqlite::Result<()> {
    let owner_text = owner.to_string();
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE {owner_column} = ?1"))?.execute([&owner_text])?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO {table} (id, {owner_column}, {linked_column}, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5)"
    ))?;
    for other in linked {
        let link_id = stable_id(table, &format!("{owner_text}/{other}"));
        insert.execute(params![link_id.to_string(), owner_text, other.to_string(), stamp.at, stamp.by])?;
    }
    Ok(())
}

fn delete(conn: &Connection, table: &str, row: Id) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?.execute([row.to_string()])?;
    Ok(())
}

/// Write one change. The caller holds the transaction.
pub fn write(conn: &Connection, change: &StrategyChange, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    use StrategyChange::*;
    match change {
        PutIssue(i) => {
            conn.prepare_cached(
                "INSERT INTO strategic_issue (id, code, title, description, source, readiness_item_id, position, \
                 updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET \
                 code = ?2, title = ?3, description = ?4, source = ?5, readiness_item_id = ?6, position = ?7, \
                 updated_at = ?8, changed_by = ?9",
            )?
            .execute(params![
                i.id.to_string(),
                i.code,
                i.title,
                i.description,
                i.source.key(),
                i.readiness_item_id.map(|r| r.to_string()),
                i.position,
                stamp.at,
                stamp.by
            ])?;
            write_links(conn, "strategic_issue_dimension", "issue_id", "dimension_id", i.id, &i.dimension_ids, stamp)?;
        }
        RemoveIssue(row) => delete(conn, "strategic_issue", *row)?,
        PutSwot(s) => {
            conn.prepare_cached(
                "INSERT INTO swot_entry (id, dimension_id, kind, text, issue_id, readiness_item_id, position, \
                 updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET \
                 dimension_id = ?2, kind = ?3, text = ?4, issue_id = ?5, readiness_item_id = ?6, position = ?7, \
                 updated_at = ?8, changed_by = ?9",
            )?
            .execute(params![
                s.id.to_string(),
                s.dimension_id.to_string(),
                s.kind.key(),
                s.text,
                s.issue_id.map(|i| i.to_string()),
                s.readiness_item_id.map(|r| r.to_string()),
                s.position,
                stamp.at,
                stamp.by
            ])?;
        }
        RemoveSwot(row) => delete(conn, "swot_entry", *row)?,
        PutGoal(g) => {
            conn.prepare_cached(
                "INSERT INTO regional_goal (id, code, goal, target, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET code = ?2, goal = ?3, \
                 target = ?4, position = ?5, updated_at = ?6, changed_by = ?7",
            )?
            .execute(params![
                g.id.to_string(),
                g.code,
                g.goal,
                g.target,
                g.position,
                stamp.at,
                stamp.by
            ])?;
            write_links(conn, "regional_goal_dimension", "goal_id", "dimension_id", g.id, &g.dimension_ids, stamp)?;
        }
        RemoveGoal(row) => delete(conn, "regional_goal", *row)?,
        PutDirection(d) => {
            conn.prepare_cached(
                "INSERT INTO direction (id, dimension_id, element_id, goal, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET dimension_id = ?2, \
                 element_id = ?3, goal = ?4, position = ?5, updated_at = ?6, changed_by = ?7",
            )?
            .execute(params![
                d.id.to_string(),
                d.dimension_id.to_string(),
                d.element_id.map(|e| e.to_string()),
                d.goal,
                d.position,
                stamp.at,
                stamp.by
            ])?;
        }
        RemoveDirection(row) => delete(conn, "direction", *row)?,
        PutStrategy(s) => {
            conn.prepare_cached(
                "INSERT INTO strategy (id, direction_id, code, text, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET direction_id = ?2, code = ?3, \
                 text = ?4, position = ?5, updated_at = ?6, changed_by = ?7",
            )?
            .execute(params![
                s.id.to_string(),
                s.direction_id.to_string(),
                s.code,
                s.text,
                s.position,
                stamp.at,
                stamp.by
            ])?;
            write_links(conn, "strategy_issue", "strategy_id", "issue_id", s.id, &s.issue_ids, stamp)?;
        }
        RemoveStrategy(row) => delete(conn, "strategy", *row)?,
        PutIndicator(i) => {
            conn.prepare_cached(
                "INSERT INTO strategy_indicator (id, direction_id, name, unit, baseline, position, updated_at, \
                 changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET \
                 direction_id = ?2, name = ?3, unit = ?4, baseline = ?5, position = ?6, updated_at = ?7, \
                 changed_by = ?8",
            )?
            .execute(params![
                i.id.to_string(),
                i.direction_id.to_string(),
                i.name,
                i.unit,
                i.baseline,
                i.position,
                stamp.at,
                stamp.by
            ])?;
            let indicator = i.id.to_string();
            conn.prepare_cached("DELETE FROM strategy_indicator_target WHERE indicator_id = ?1")?
                .execute([&indicator])?;
            let mut insert = conn.prepare_cached(
                "INSERT INTO strategy_indicator_target (id, indicator_id, year, value, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for t in &i.targets {
                let target_id = stable_id("indicator-target", &format!("{indicator}/{}", t.year));
                insert.execute(params![target_id.to_string(), indicator, t.year, t.value, stamp.at, stamp.by])?;
            }
        }
        RemoveIndicator(row) => delete(conn, "strategy_indicator", *row)?,
    }
    Ok(())
}

/// Write all rows into an empty schema (new workbooks, the demo). Writes nothing when there is nothing, so
/// files of older schema versions without these tables can still be written. Issues before SWOT entries and
/// strategies, directions before strategies and indicators: each row's links point at rows already written.
pub fn write_all(conn: &Connection, all: &Strategy, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let puts = all
        .issues
        .iter()
        .cloned()
        .map(StrategyChange::PutIssue)
        .chain(all.swot.iter().cloned().map(StrategyChange::PutSwot))
        .chain(all.goals.iter().cloned().map(StrategyChange::PutGoal))
        .chain(all.directions.iter().cloned().map(StrategyChange::PutDirection))
        .chain(all.strategies.iter().cloned().map(StrategyChange::PutStrategy))
        .chain(all.indicators.iter().cloned().map(StrategyChange::PutIndicator));
    for change in puts {
        write(conn, &change, stamp)?;
    }
    Ok(())
}
