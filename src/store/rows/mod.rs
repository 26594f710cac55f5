//! Reading the workbook into memory and writing each [`Change`] as SQL. Every written row gets the time and
//! the person of the change.

mod quick_wins;
mod sql;
mod strategy;

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

pub use sql::Stamp;
use sql::{collect, id, invalid};

use crate::model::{
    ActionType, Agency, Band, Body, BudgetLine, Change, Dimension, Element, FinanceValue, FundingSource, LevelText,
    Member, Pillar, Profile, Program, ProgramStatus, ProjectionSettings, ReadinessItem, RegionType, Round, Score,
    ValueKind, Workbook, YearTarget, stable_id,
};

pub fn load(conn: &Connection) -> rusqlite::Result<Workbook> {
    let profile = conn
        .query_row(
            "SELECT masterplan_id, region_name, region_type, region_code, province, capital, period_start, \
             period_end, vision, mission, is_example FROM profile WHERE id = 1",
            [],
            |r| {
                let region_type: String = r.get(2)?;
                Ok(Profile {
                    masterplan_id: id(r, 0)?,
                    region_name: r.get(1)?,
                    region_type: RegionType::from_key(&region_type).ok_or_else(|| invalid(2, "region_type"))?,
                    region_code: r.get(3)?,
                    province: r.get(4)?,
                    capital: r.get(5)?,
                    period_start: r.get(6)?,
                    period_end: r.get(7)?,
                    vision: r.get(8)?,
                    mission: r.get(9)?,
                    is_example: r.get(10)?,
                })
            },
        )
        .optional()?
        .ok_or(rusqlite::Error::QueryReturnedNoRows)?;

    let dimensions = collect(
        conn,
        "SELECT id, key, name_id, name_en, gloss_id, gloss_en, color, position FROM dimension ORDER BY position, key",
        |r| {
            Ok(Dimension {
                id: id(r, 0)?,
                key: r.get(1)?,
                name_id: r.get(2)?,
                name_en: r.get(3)?,
                gloss_id: r.get(4)?,
                gloss_en: r.get(5)?,
                color: r.get(6)?,
                position: r.get(7)?,
            })
        },
    )?;
    let elements = collect(
        conn,
        "SELECT e.id, e.dimension_id, e.key, e.name_id, e.name_en, e.position FROM element e \
         JOIN dimension d ON d.id = e.dimension_id ORDER BY d.position, e.position, e.key",
        |r| {
            Ok(Element {
                id: id(r, 0)?,
                dimension_id: id(r, 1)?,
                key: r.get(2)?,
                name_id: r.get(3)?,
                name_en: r.get(4)?,
                position: r.get(5)?,
            })
        },
    )?;
    let agencies =
        collect(conn, "SELECT id, code, name, short_name, position FROM agency ORDER BY position, code", |r| {
            Ok(Agency { id: id(r, 0)?, code: r.get(1)?, name: r.get(2)?, short_name: r.get(3)?, position: r.get(4)? })
        })?;
    let members = collect(
        conn,
        "SELECT id, body, name, role, agency_id, position FROM member ORDER BY body, position, name",
        |r| {
            let body: String = r.get(1)?;
            let agency: Option<String> = r.get(4)?;
            Ok(Member {
                id: id(r, 0)?,
                body: Body::from_key(&body).ok_or_else(|| invalid(1, "body"))?,
                name: r.get(2)?,
                role: r.get(3)?,
                agency_id: agency.map(|a| Uuid::parse_str(&a)).transpose().map_err(|_| invalid(4, "agency_id"))?,
                position: r.get(5)?,
            })
        },
    )?;
    let programs = load_programs(conn)?;
    let readiness_items = collect(
        conn,
        "SELECT id, pillar, dimension_id, code, question_id, question_en, levels_json, weight, target_level, position \
         FROM readiness_item ORDER BY position, id",
        |r| {
            let pillar: String = r.get(1)?;
            let dimension: Option<String> = r.get(2)?;
            let levels: String = r.get(6)?;
            Ok(ReadinessItem {
                id: id(r, 0)?,
                pillar: Pillar::from_key(&pillar).ok_or_else(|| invalid(1, "pillar"))?,
                dimension_id: dimension
                    .map(|d| Uuid::parse_str(&d))
                    .transpose()
                    .map_err(|_| invalid(2, "dimension_id"))?,
                code: r.get(3)?,
                question_id: r.get(4)?,
                question_en: r.get(5)?,
                levels: serde_json::from_str::<[LevelText; 5]>(&levels).map_err(|_| invalid(6, "levels_json"))?,
                weight: r.get(7)?,
                target_level: r.get(8)?,
                position: r.get(9)?,
            })
        },
    )?;
    let bands =
        collect(conn, "SELECT id, name_id, name_en, min, position FROM readiness_band ORDER BY min, position", |r| {
            Ok(Band { id: id(r, 0)?, name_id: r.get(1)?, name_en: r.get(2)?, min: r.get(3)?, position: r.get(4)? })
        })?;
    let rounds = collect(conn, "SELECT id, name, year, position FROM readiness_round ORDER BY position, id", |r| {
        Ok(Round { id: id(r, 0)?, name: r.get(1)?, year: r.get(2)?, position: r.get(3)? })
    })?;
    let scores = collect(
        conn,
        "SELECT round_id, item_id, level, evidence, note, scored_by, scored_at FROM readiness_score \
         ORDER BY round_id, item_id",
        |r| {
            Ok(Score {
                round_id: id(r, 0)?,
                item_id: id(r, 1)?,
                level: r.get(2)?,
                evidence: r.get(3)?,
                note: r.get(4)?,
                scored_by: r.get(5)?,
                scored_at: r.get(6)?,
            })
        },
    )?;
    let finance = collect(
        conn,
        "SELECT line, year, kind, amount, is_estimate FROM finance_value ORDER BY line, year, kind",
        |r| {
            let kind: String = r.get(2)?;
            Ok(FinanceValue {
                line: r.get(0)?,
                year: r.get(1)?,
                kind: ValueKind::from_key(&kind).ok_or_else(|| invalid(2, "kind"))?,
                amount: r.get(3)?,
                is_estimate: r.get(4)?,
            })
        },
    )?;
    let finance_settings = load_finance_settings(conn)?;
    let strategy = strategy::load(conn)?;
    let quick_wins = quick_wins::load(conn)?;
    Ok(Workbook {
        profile,
        dimensions,
        elements,
        agencies,
        members,
        programs,
        readiness_items,
        bands,
        rounds,
        scores,
        finance,
        finance_settings,
        strategy,
        quick_wins,
    })
}

/// The projection settings with their typed rates, or `None` when the workbook has none of its own.
fn load_finance_settings(conn: &Connection) -> rusqlite::Result<Option<ProjectionSettings>> {
    let settings = conn
        .query_row(
            "SELECT base_first, base_last, pessimistic_bp, base_bp, optimistic_bp, envelope_bp FROM finance_setting \
             WHERE id = 1",
            [],
            |r| {
                Ok(ProjectionSettings {
                    base_first: r.get(0)?,
                    base_last: r.get(1)?,
                    rates: BTreeMap::new(),
                    pessimistic_bp: r.get(2)?,
                    base_bp: r.get(3)?,
                    optimistic_bp: r.get(4)?,
                    envelope_bp: r.get(5)?,
                })
            },
        )
        .optional()?;
    let Some(mut settings) = settings else { return Ok(None) };
    let rates = collect(conn, "SELECT line, rate_bp FROM finance_rate ORDER BY line", |r| Ok((r.get(0)?, r.get(1)?)))?;
    settings.rates = rates.into_iter().collect();
    Ok(Some(settings))
}

fn write_finance_value(conn: &Connection, v: &FinanceValue, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    // Derived id: the same line, year and kind have the same row id in every copy of the workbook.
    let id = stable_id("finance-value", &format!("{}/{}/{}", v.line, v.year, v.kind.key()));
    conn.prepare_cached(
        "INSERT INTO finance_value (id, line, year, kind, amount, is_estimate, updated_at, changed_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(line, year, kind) DO UPDATE SET amount = ?5, \
         is_estimate = ?6, updated_at = ?7, changed_by = ?8",
    )?
    .execute(params![
        id.to_string(),
        v.line,
        v.year,
        v.kind.key(),
        v.amount,
        v.is_estimate,
        stamp.at,
        stamp.by
    ])?;
    Ok(())
}

/// Write the settings whole (the row and its rates), or remove them for `None`.
fn write_finance_settings(
    conn: &Connection,
    settings: Option<&ProjectionSettings>,
    stamp: &Stamp<'_>,
) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM finance_rate")?.execute([])?;
    let Some(s) = settings else {
        conn.prepare_cached("DELETE FROM finance_setting")?.execute([])?;
        return Ok(());
    };
    conn.prepare_cached(
        "INSERT INTO finance_setting (id, base_first, base_last, pessimistic_bp, base_bp, optimistic_bp, envelope_bp, \
         updated_at, changed_by) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET \
         base_first = ?1, base_last = ?2, pessimistic_bp = ?3, base_bp = ?4, optimistic_bp = ?5, envelope_bp = ?6, \
         updated_at = ?7, changed_by = ?8",
    )?
    .execute(params![
        s.base_first,
        s.base_last,
        s.pessimistic_bp,
        s.base_bp,
        s.optimistic_bp,
        s.envelope_bp,
        stamp.at,
        stamp.by
    ])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO finance_rate (id, line, rate_bp, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (line, rate) in &s.rates {
        insert.execute(params![stable_id("finance-rate", line).to_string(), line, rate, stamp.at, stamp.by])?;
    }
    Ok(())
}

fn load_programs(conn: &Connection) -> rusqlite::Result<Vec<Program>> {
    let mut programs = collect(
        conn,
        "SELECT id, code, name, description, element_id, agency_id, action_type, location, start_year, end_year, \
         status, outputs, indicator, indicator_baseline, quick_win, position FROM program ORDER BY position, id",
        |r| {
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
        },
    )?;
    let index: HashMap<Uuid, usize> = programs.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let lines = collect(
        conn,
        "SELECT program_id, year, source, amount FROM budget_line ORDER BY program_id, year, source",
        |r| {
            let source: String = r.get(2)?;
            Ok((
                id(r, 0)?,
                BudgetLine {
                    year: r.get(1)?,
                    source: FundingSource::from_key(&source).ok_or_else(|| invalid(2, "source"))?,
                    amount: r.get(3)?,
                },
            ))
        },
    )?;
    for (program, line) in lines {
        if let Some(&at) = index.get(&program) {
            programs[at].budget.push(line);
        }
    }
    let targets =
        collect(conn, "SELECT program_id, year, target FROM program_target ORDER BY program_id, year", |r| {
            Ok((id(r, 0)?, YearTarget { year: r.get(1)?, target: r.get(2)? }))
        })?;
    for (program, target) in targets {
        if let Some(&at) = index.get(&program) {
            programs[at].targets.push(target);
        }
    }
    let links = collect(conn, "SELECT program_id, item_id FROM program_readiness ORDER BY program_id, item_id", |r| {
        Ok((id(r, 0)?, id(r, 1)?))
    })?;
    for (program, item) in links {
        if let Some(&at) = index.get(&program) {
            programs[at].readiness_items.push(item);
        }
    }
    for (program, strategy) in strategy::load_program_links(conn)? {
        if let Some(&at) = index.get(&program) {
            programs[at].strategy_id = Some(strategy);
        }
    }
    for program in &mut programs {
        // Sources sort by their declared order, which differs from the order of their keys in SQL.
        program.budget.sort_by_key(|l| (l.year, l.source));
    }
    Ok(programs)
}

/// Write a program with its budget, targets and readiness links; `fresh` when the file has none of them yet.
fn write_program(conn: &Connection, p: &Program, stamp: &Stamp<'_>, fresh: bool) -> rusqlite::Result<()> {
    let id = p.id.to_string();
    conn.prepare_cached(
        "INSERT INTO program (id, code, name, description, element_id, agency_id, action_type, location, start_year, \
         end_year, status, outputs, indicator, indicator_baseline, quick_win, position, updated_at, changed_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) \
         ON CONFLICT(id) DO UPDATE SET code = ?2, name = ?3, description = ?4, element_id = ?5, agency_id = ?6, \
         action_type = ?7, location = ?8, start_year = ?9, end_year = ?10, status = ?11, outputs = ?12, \
         indicator = ?13, indicator_baseline = ?14, quick_win = ?15, position = ?16, updated_at = ?17, changed_by = ?18",
    )?
    .execute(params![
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
        stamp.at,
        stamp.by
    ])?;
    // The budget and targets are written whole: simpler than diffing, and a program has only tens of lines.
    conn.prepare_cached("DELETE FROM budget_line WHERE program_id = ?1")?.execute([&id])?;
    conn.prepare_cached("DELETE FROM program_target WHERE program_id = ?1")?.execute([&id])?;
    let mut insert_line = conn.prepare_cached(
        "INSERT INTO budget_line (id, program_id, year, source, amount, updated_at, changed_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for line in &p.budget {
        // Derived ids: the same line has the same id in every copy of the workbook.
        let line_id = stable_id("budget-line", &format!("{id}/{}/{}", line.year, line.source.key()));
        insert_line.execute(params![
            line_id.to_string(),
            id,
            line.year,
            line.source.key(),
            line.amount,
            stamp.at,
            stamp.by
        ])?;
    }
    let mut insert_target = conn.prepare_cached(
        "INSERT INTO program_target (id, program_id, year, target, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for target in &p.targets {
        let target_id = stable_id("program-target", &format!("{id}/{}", target.year));
        insert_target.execute(params![target_id.to_string(), id, target.year, target.target, stamp.at, stamp.by])?;
    }
    strategy::write_program_link(conn, p.id, p.strategy_id, stamp, fresh)?;
    if fresh && p.readiness_items.is_empty() {
        // A new file of an older schema version (migration tests) has no link table to touch.
        return Ok(());
    }
    if !fresh {
        conn.prepare_cached("DELETE FROM program_readiness WHERE program_id = ?1")?.execute([&id])?;
    }
    let mut insert_link = conn.prepare_cached(
        "INSERT INTO program_readiness (id, program_id, item_id, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for item in &p.readiness_items {
        let link_id = stable_id("program-readiness", &format!("{id}/{item}"));
        insert_link.execute(params![link_id.to_string(), id, item.to_string(), stamp.at, stamp.by])?;
    }
    Ok(())
}

fn write_readiness_item(conn: &Connection, i: &ReadinessItem, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let levels = serde_json::to_string(&i.levels).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.prepare_cached(
        "INSERT INTO readiness_item (id, pillar, dimension_id, code, question_id, question_en, levels_json, weight, \
         target_level, position, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
         ON CONFLICT(id) DO UPDATE SET pillar = ?2, dimension_id = ?3, code = ?4, question_id = ?5, question_en = ?6, \
         levels_json = ?7, weight = ?8, target_level = ?9, position = ?10, updated_at = ?11, changed_by = ?12",
    )?
    .execute(params![
        i.id.to_string(),
        i.pillar.key(),
        i.dimension_id.map(|d| d.to_string()),
        i.code,
        i.question_id,
        i.question_en,
        levels,
        i.weight,
        i.target_level,
        i.position,
        stamp.at,
        stamp.by
    ])?;
    Ok(())
}

fn write_band(conn: &Connection, b: &Band, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO readiness_band (id, name_id, name_en, min, position, updated_at, changed_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET name_id = ?2, name_en = ?3, min = ?4, \
         position = ?5, updated_at = ?6, changed_by = ?7",
    )?
    .execute(params![b.id.to_string(), b.name_id, b.name_en, b.min, b.position, stamp.at, stamp.by])?;
    Ok(())
}

fn write_round(conn: &Connection, r: &Round, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO readiness_round (id, name, year, position, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT(id) DO UPDATE SET name = ?2, year = ?3, position = ?4, updated_at = ?5, changed_by = ?6",
    )?
    .execute(params![r.id.to_string(), r.name, r.year, r.position, stamp.at, stamp.by])?;
    Ok(())
}

fn write_score(conn: &Connection, s: &Score, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    // Derived id: the same round and item give the same row id in every copy of the workbook.
    let id = stable_id("readiness-score", &format!("{}/{}", s.round_id, s.item_id));
    conn.prepare_cached(
        "INSERT INTO readiness_score (id, round_id, item_id, level, evidence, note, scored_by, scored_at, updated_at, \
         changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(round_id, item_id) DO UPDATE SET \
         level = ?4, evidence = ?5, note = ?6, scored_by = ?7, scored_at = ?8, updated_at = ?9, changed_by = ?10",
    )?
    .execute(params![
        id.to_string(),
        s.round_id.to_string(),
        s.item_id.to_string(),
        s.level,
        s.evidence,
        s.note,
        s.scored_by,
        s.scored_at,
        stamp.at,
        stamp.by
    ])?;
    Ok(())
}

/// Write one change. The caller holds the transaction.
pub fn write(conn: &Connection, change: &Change, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    match change {
        Change::Profile(p) => {
            conn.execute(
                "INSERT INTO profile (id, masterplan_id, region_name, region_type, region_code, province, capital, \
                 period_start, period_end, vision, mission, is_example, updated_at, changed_by) \
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
                 ON CONFLICT(id) DO UPDATE SET masterplan_id = ?1, region_name = ?2, region_type = ?3, \
                 region_code = ?4, province = ?5, capital = ?6, period_start = ?7, period_end = ?8, vision = ?9, \
                 mission = ?10, is_example = ?11, updated_at = ?12, changed_by = ?13",
                params![
                    p.masterplan_id.to_string(),
                    p.region_name,
                    p.region_type.key(),
                    p.region_code,
                    p.province,
                    p.capital,
                    p.period_start,
                    p.period_end,
                    p.vision,
                    p.mission,
                    p.is_example,
                    stamp.at,
                    stamp.by
                ],
            )?;
        }
        Change::PutAgency(a) => {
            conn.execute(
                "INSERT INTO agency (id, code, name, short_name, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET code = ?2, name = ?3, \
                 short_name = ?4, position = ?5, updated_at = ?6, changed_by = ?7",
                params![a.id.to_string(), a.code, a.name, a.short_name, a.position, stamp.at, stamp.by],
            )?;
        }
        Change::RemoveAgency(id) => {
            conn.execute("DELETE FROM agency WHERE id = ?1", [id.to_string()])?;
        }
        Change::PutMember(m) => {
            conn.execute(
                "INSERT INTO member (id, body, name, role, agency_id, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET body = ?2, name = ?3, \
                 role = ?4, agency_id = ?5, position = ?6, updated_at = ?7, changed_by = ?8",
                params![
                    m.id.to_string(),
                    m.body.key(),
                    m.name,
                    m.role,
                    m.agency_id.map(|a| a.to_string()),
                    m.position,
                    stamp.at,
                    stamp.by
                ],
            )?;
        }
        Change::RemoveMember(id) => {
            conn.execute("DELETE FROM member WHERE id = ?1", [id.to_string()])?;
        }
        Change::PutProgram(p) => write_program(conn, p, stamp, false)?,
        Change::RemoveProgram(id) => {
            // Budget lines, targets and readiness links go with it (ON DELETE CASCADE).
            conn.prepare_cached("DELETE FROM program WHERE id = ?1")?.execute([id.to_string()])?;
        }
        Change::PutReadinessItem(item) => write_readiness_item(conn, item, stamp)?,
        Change::RemoveReadinessItem(id) => {
            conn.prepare_cached("DELETE FROM readiness_item WHERE id = ?1")?.execute([id.to_string()])?;
        }
        Change::PutBand(band) => write_band(conn, band, stamp)?,
        Change::RemoveBand(id) => {
            conn.prepare_cached("DELETE FROM readiness_band WHERE id = ?1")?.execute([id.to_string()])?;
        }
        Change::PutRound(round) => write_round(conn, round, stamp)?,
        Change::RemoveRound(id) => {
            conn.prepare_cached("DELETE FROM readiness_round WHERE id = ?1")?.execute([id.to_string()])?;
        }
        Change::PutScore(score) => write_score(conn, score, stamp)?,
        Change::RemoveScore { round, item } => {
            conn.prepare_cached("DELETE FROM readiness_score WHERE round_id = ?1 AND item_id = ?2")?
                .execute([round.to_string(), item.to_string()])?;
        }
        Change::PutFinanceValue(value) => write_finance_value(conn, value, stamp)?,
        Change::RemoveFinanceValue { line, year, kind } => {
            conn.prepare_cached("DELETE FROM finance_value WHERE line = ?1 AND year = ?2 AND kind = ?3")?
                .execute(params![line, year, kind.key()])?;
        }
        Change::PutFinanceSettings(settings) => write_finance_settings(conn, settings.as_ref(), stamp)?,
        Change::Strategy(c) => strategy::write(conn, c, stamp)?,
        Change::QuickWin(c) => quick_wins::write(conn, c, stamp)?,
    }
    Ok(())
}

/// Write a whole workbook into an empty schema (new workbooks, the demo).
pub fn write_all(conn: &Connection, workbook: &Workbook, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    write(conn, &Change::Profile(workbook.profile.clone()), stamp)?;
    for d in &workbook.dimensions {
        conn.execute(
            "INSERT INTO dimension (id, key, name_id, name_en, gloss_id, gloss_en, color, position, updated_at, \
             changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                d.id.to_string(),
                d.key,
                d.name_id,
                d.name_en,
                d.gloss_id,
                d.gloss_en,
                d.color,
                d.position,
                stamp.at,
                stamp.by
            ],
        )?;
    }
    for e in &workbook.elements {
        conn.execute(
            "INSERT INTO element (id, dimension_id, key, name_id, name_en, position, updated_at, changed_by) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                e.id.to_string(),
                e.dimension_id.to_string(),
                e.key,
                e.name_id,
                e.name_en,
                e.position,
                stamp.at,
                stamp.by
            ],
        )?;
    }
    for a in &workbook.agencies {
        write(conn, &Change::PutAgency(a.clone()), stamp)?;
    }
    for m in &workbook.members {
        write(conn, &Change::PutMember(m.clone()), stamp)?;
    }
    // Readiness items before programs: programs link to them.
    for item in &workbook.readiness_items {
        write_readiness_item(conn, item, stamp)?;
    }
    for band in &workbook.bands {
        write_band(conn, band, stamp)?;
    }
    for round in &workbook.rounds {
        write_round(conn, round, stamp)?;
    }
    for score in &workbook.scores {
        write_score(conn, score, stamp)?;
    }
    // The strategy before programs: programs name strategies, and issues name readiness items (written above).
    strategy::write_all(conn, &workbook.strategy, stamp)?;
    for p in &workbook.programs {
        write_program(conn, p, stamp, true)?;
    }
    for value in &workbook.finance {
        write_finance_value(conn, value, stamp)?;
    }
    if let Some(settings) = &workbook.finance_settings {
        // Only a workbook with its own settings writes them: older schema versions have no table for them.
        write_finance_settings(conn, Some(settings), stamp)?;
    }
    quick_wins::write_all(conn, &workbook.quick_wins, stamp)?;
    Ok(())
}
