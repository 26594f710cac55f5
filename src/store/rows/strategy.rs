//! Reading and writing the strategy: issues, SWOT, goals, directions, strategies, indicators and their links.
//! Link rows (issue and goal dimensions, strategy issues, indicator targets) are written whole with their row:
//! a row has only a handful of them. Their ids derive from the two ends, so every copy of a workbook agrees.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::sql::{Stamp, TableWrite, collect, delete, id, invalid, optional_id};
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
    Ok(Strategy {
        issues: load_issues(conn)?,
        swot: load_swot(conn)?,
        goals: load_goals(conn)?,
        directions: load_directions(conn)?,
        strategies: load_strategies(conn)?,
        indicators: load_indicators(conn)?,
    })
}

fn load_issues(conn: &Connection) -> rusqlite::Result<Vec<Issue>> {
    let mut dimensions = links(conn, "SELECT issue_id, dimension_id FROM strategic_issue_dimension")?;
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
    )?;
    Ok(issues.into_iter().map(|i| Issue { dimension_ids: dimensions.remove(&i.id).unwrap_or_default(), ..i }).collect())
}

fn load_swot(conn: &Connection) -> rusqlite::Result<Vec<SwotEntry>> {
    collect(
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
    )
}

fn load_goals(conn: &Connection) -> rusqlite::Result<Vec<RegionalGoal>> {
    let mut dimensions = links(conn, "SELECT goal_id, dimension_id FROM regional_goal_dimension")?;
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
        })?;
    Ok(goals
        .into_iter()
        .map(|g| RegionalGoal { dimension_ids: dimensions.remove(&g.id).unwrap_or_default(), ..g })
        .collect())
}

fn load_directions(conn: &Connection) -> rusqlite::Result<Vec<Direction>> {
    collect(conn, "SELECT id, dimension_id, element_id, goal, position FROM direction ORDER BY position, id", |r| {
        Ok(Direction {
            id: id(r, 0)?,
            dimension_id: id(r, 1)?,
            element_id: optional_id(r, 2)?,
            goal: r.get(3)?,
            position: r.get(4)?,
        })
    })
}

fn load_strategies(conn: &Connection) -> rusqlite::Result<Vec<StrategyItem>> {
    let mut issues = links(conn, "SELECT strategy_id, issue_id FROM strategy_issue")?;
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
        })?;
    Ok(strategies
        .into_iter()
        .map(|s| StrategyItem { issue_ids: issues.remove(&s.id).unwrap_or_default(), ..s })
        .collect())
}

fn load_indicators(conn: &Connection) -> rusqlite::Result<Vec<Indicator>> {
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
    )?;
    Ok(indicators.into_iter().map(|i| Indicator { targets: targets.remove(&i.id).unwrap_or_default(), ..i }).collect())
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

static ISSUE: TableWrite = TableWrite::upsert(
    "strategic_issue",
    &["id", "code", "title", "description", "source", "readiness_item_id", "position"],
    "id",
);
static SWOT: TableWrite = TableWrite::upsert(
    "swot_entry",
    &["id", "dimension_id", "kind", "text", "issue_id", "readiness_item_id", "position"],
    "id",
);
static GOAL: TableWrite = TableWrite::upsert("regional_goal", &["id", "code", "goal", "target", "position"], "id");
static DIRECTION: TableWrite =
    TableWrite::upsert("direction", &["id", "dimension_id", "element_id", "goal", "position"], "id");
static STRATEGY: TableWrite = TableWrite::upsert("strategy", &["id", "direction_id", "code", "text", "position"], "id");
static INDICATOR: TableWrite =
    TableWrite::upsert("strategy_indicator", &["id", "direction_id", "name", "unit", "baseline", "position"], "id");
static INDICATOR_TARGET: TableWrite =
    TableWrite::insert("strategy_indicator_target", &["id", "indicator_id", "year", "value"]);

/// Write one change. The caller holds the transaction.
pub fn write(conn: &Connection, change: &StrategyChange, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    use StrategyChange::*;
    let text = |id: Option<Id>| id.map(|i| i.to_string());
    match change {
        PutIssue(i) => {
            let values = params![
                i.id.to_string(),
                i.code,
                i.title,
                i.description,
                i.source.key(),
                text(i.readiness_item_id),
                i.position
            ];
            ISSUE.write(conn, values, stamp)?;
            write_links(conn, "strategic_issue_dimension", "issue_id", "dimension_id", i.id, &i.dimension_ids, stamp)
        }
        RemoveIssue(row) => delete(conn, "strategic_issue", *row),
        PutSwot(s) => {
            let (issue, item) = (text(s.issue_id), text(s.readiness_item_id));
            let values =
                params![s.id.to_string(), s.dimension_id.to_string(), s.kind.key(), s.text, issue, item, s.position];
            SWOT.write(conn, values, stamp)
        }
        RemoveSwot(row) => delete(conn, "swot_entry", *row),
        PutGoal(g) => {
            GOAL.write(conn, params![g.id.to_string(), g.code, g.goal, g.target, g.position], stamp)?;
            write_links(conn, "regional_goal_dimension", "goal_id", "dimension_id", g.id, &g.dimension_ids, stamp)
        }
        RemoveGoal(row) => delete(conn, "regional_goal", *row),
        PutDirection(d) => {
            let values = params![d.id.to_string(), d.dimension_id.to_string(), text(d.element_id), d.goal, d.position];
            DIRECTION.write(conn, values, stamp)
        }
        RemoveDirection(row) => delete(conn, "direction", *row),
        PutStrategy(s) => {
            let values = params![s.id.to_string(), s.direction_id.to_string(), s.code, s.text, s.position];
            STRATEGY.write(conn, values, stamp)?;
            write_links(conn, "strategy_issue", "strategy_id", "issue_id", s.id, &s.issue_ids, stamp)
        }
        RemoveStrategy(row) => delete(conn, "strategy", *row),
        PutIndicator(i) => write_indicator(conn, i, stamp),
        RemoveIndicator(row) => delete(conn, "strategy_indicator", *row),
    }
}

/// Write an indicator with its yearly targets (written whole).
fn write_indicator(conn: &Connection, i: &Indicator, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let indicator = i.id.to_string();
    let values = params![indicator, i.direction_id.to_string(), i.name, i.unit, i.baseline, i.position];
    INDICATOR.write(conn, values, stamp)?;
    conn.prepare_cached("DELETE FROM strategy_indicator_target WHERE indicator_id = ?1")?.execute([&indicator])?;
    for t in &i.targets {
        let target_id = stable_id("indicator-target", &format!("{indicator}/{}", t.year));
        INDICATOR_TARGET.write(conn, params![target_id.to_string(), indicator, t.year, t.value], stamp)?;
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
