//! Reading and writing the quick wins: criteria, scores, saved selections, and the workshops with their groups,
//! votes, attendance and decisions. Row ids of scores and votes are derived from what identifies them, so the
//! same score has the same id in every copy of a workbook (for merging).

use rusqlite::{Connection, params};
use uuid::Uuid;

use super::sql::{Stamp, collect, id, invalid};
use crate::model::quick_wins::{
    Attendee, Criterion, CriterionScore, Decision, DecisionKind, ParticipantGroup, Selection, Vote, Workshop,
};
use crate::model::{QuickWinChange, QuickWins, stable_id};

/// True when the file has the quick-win tables (older schema versions do not: then everything is empty).
fn has_tables(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'qw_criterion'", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n > 0)
}

pub fn load(conn: &Connection) -> rusqlite::Result<QuickWins> {
    if !has_tables(conn)? {
        return Ok(QuickWins::default());
    }
    let criteria = collect(
        conn,
        "SELECT id, key, name_id, name_en, weight, lower_is_better, position FROM qw_criterion ORDER BY position, id",
        |r| {
            Ok(Criterion {
                id: id(r, 0)?,
                key: r.get(1)?,
                name_id: r.get(2)?,
                name_en: r.get(3)?,
                weight: r.get(4)?,
                lower_is_better: r.get(5)?,
                position: r.get(6)?,
            })
        },
    )?;
    let scores =
        collect(conn, "SELECT program_id, criterion_id, score FROM qw_score ORDER BY program_id, criterion_id", |r| {
            Ok(CriterionScore { program_id: id(r, 0)?, criterion_id: id(r, 1)?, score: r.get(2)? })
        })?;
    let selections = collect(
        conn,
        "SELECT id, name, cap, first_year, years, programs_json, position FROM qw_selection ORDER BY position, id",
        |r| {
            let programs: String = r.get(5)?;
            Ok(Selection {
                id: id(r, 0)?,
                name: r.get(1)?,
                cap: r.get(2)?,
                first_year: r.get(3)?,
                years: r.get(4)?,
                programs: serde_json::from_str(&programs).map_err(|_| invalid(5, "programs_json"))?,
                position: r.get(6)?,
            })
        },
    )?;
    let workshops = collect(
        conn,
        "SELECT id, title, date, place, stage, notes, position FROM workshop ORDER BY position, id",
        |r| {
            Ok(Workshop {
                id: id(r, 0)?,
                title: r.get(1)?,
                date: r.get(2)?,
                place: r.get(3)?,
                stage: r.get(4)?,
                notes: r.get(5)?,
                position: r.get(6)?,
            })
        },
    )?;
    let groups =
        collect(conn, "SELECT id, workshop_id, name, position FROM workshop_group ORDER BY position, id", |r| {
            Ok(ParticipantGroup { id: id(r, 0)?, workshop_id: id(r, 1)?, name: r.get(2)?, position: r.get(3)? })
        })?;
    let votes =
        collect(conn, "SELECT group_id, program_id, dots FROM workshop_vote ORDER BY group_id, program_id", |r| {
            Ok(Vote { group_id: id(r, 0)?, program_id: id(r, 1)?, dots: r.get(2)? })
        })?;
    let attendees = collect(
        conn,
        "SELECT id, workshop_id, name, role, present, position FROM workshop_attendee ORDER BY position, id",
        |r| {
            Ok(Attendee {
                id: id(r, 0)?,
                workshop_id: id(r, 1)?,
                name: r.get(2)?,
                role: r.get(3)?,
                present: r.get(4)?,
                position: r.get(5)?,
            })
        },
    )?;
    let decisions = collect(
        conn,
        "SELECT id, workshop_id, kind, program_id, text, position FROM workshop_decision ORDER BY position, id",
        |r| {
            let kind: String = r.get(2)?;
            let program: Option<String> = r.get(3)?;
            Ok(Decision {
                id: id(r, 0)?,
                workshop_id: id(r, 1)?,
                kind: DecisionKind::from_key(&kind).ok_or_else(|| invalid(2, "kind"))?,
                program_id: program.map(|p| Uuid::parse_str(&p)).transpose().map_err(|_| invalid(3, "program_id"))?,
                text: r.get(4)?,
                position: r.get(5)?,
            })
        },
    )?;
    Ok(QuickWins { criteria, scores, selections, workshops, groups, votes, attendees, decisions })
}

/// Write one change. The caller holds the transaction.
pub fn write(conn: &Connection, change: &QuickWinChange, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    use QuickWinChange as C;
    let (at, by) = (stamp.at, stamp.by);
    let delete = |sql: &str, id: &Uuid| conn.prepare_cached(sql)?.execute([id.to_string()]).map(|_| ());
    match change {
        C::PutCriterion(c) => {
            conn.prepare_cached(
                "INSERT INTO qw_criterion (id, key, name_id, name_en, weight, lower_is_better, position, updated_at, \
                 changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET key = ?2, \
                 name_id = ?3, name_en = ?4, weight = ?5, lower_is_better = ?6, position = ?7, updated_at = ?8, \
                 changed_by = ?9",
            )?
            .execute(params![
                c.id.to_string(),
                c.key,
                c.name_id,
                c.name_en,
                c.weight,
                c.lower_is_better,
                c.position,
                at,
                by
            ])?;
        }
        C::RemoveCriterion(id) => delete("DELETE FROM qw_criterion WHERE id = ?1", id)?,
        C::PutScore(s) => {
            let id = stable_id("qw-score", &format!("{}/{}", s.program_id, s.criterion_id));
            conn.prepare_cached(
                "INSERT INTO qw_score (id, program_id, criterion_id, score, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(program_id, criterion_id) DO UPDATE SET score = ?4, \
                 updated_at = ?5, changed_by = ?6",
            )?
            .execute(params![
                id.to_string(),
                s.program_id.to_string(),
                s.criterion_id.to_string(),
                s.score,
                at,
                by
            ])?;
        }
        C::RemoveScore { program, criterion } => {
            conn.prepare_cached("DELETE FROM qw_score WHERE program_id = ?1 AND criterion_id = ?2")?
                .execute([program.to_string(), criterion.to_string()])?;
        }
        C::PutSelection(s) => {
            let programs =
                serde_json::to_string(&s.programs).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            conn.prepare_cached(
                "INSERT INTO qw_selection (id, name, cap, first_year, years, programs_json, position, updated_at, \
                 changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET name = ?2, \
                 cap = ?3, first_year = ?4, years = ?5, programs_json = ?6, position = ?7, updated_at = ?8, \
                 changed_by = ?9",
            )?
            .execute(params![
                s.id.to_string(),
                s.name,
                s.cap,
                s.first_year,
                s.years,
                programs,
                s.position,
                at,
                by
            ])?;
        }
        C::RemoveSelection(id) => delete("DELETE FROM qw_selection WHERE id = ?1", id)?,
        C::PutWorkshop(w) => {
            conn.prepare_cached(
                "INSERT INTO workshop (id, title, date, place, stage, notes, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET title = ?2, date = ?3, \
                 place = ?4, stage = ?5, notes = ?6, position = ?7, updated_at = ?8, changed_by = ?9",
            )?
            .execute(params![
                w.id.to_string(),
                w.title,
                w.date,
                w.place,
                w.stage,
                w.notes,
                w.position,
                at,
                by
            ])?;
        }
        C::RemoveWorkshop(id) => delete("DELETE FROM workshop WHERE id = ?1", id)?,
        C::PutGroup(g) => {
            conn.prepare_cached(
                "INSERT INTO workshop_group (id, workshop_id, name, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET workshop_id = ?2, name = ?3, \
                 position = ?4, updated_at = ?5, changed_by = ?6",
            )?
            .execute(params![g.id.to_string(), g.workshop_id.to_string(), g.name, g.position, at, by])?;
        }
        C::RemoveGroup(id) => delete("DELETE FROM workshop_group WHERE id = ?1", id)?,
        C::PutVote(v) => {
            let id = stable_id("workshop-vote", &format!("{}/{}", v.group_id, v.program_id));
            conn.prepare_cached(
                "INSERT INTO workshop_vote (id, group_id, program_id, dots, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(group_id, program_id) DO UPDATE SET dots = ?4, \
                 updated_at = ?5, changed_by = ?6",
            )?
            .execute(params![
                id.to_string(),
                v.group_id.to_string(),
                v.program_id.to_string(),
                v.dots,
                at,
                by
            ])?;
        }
        C::RemoveVote { group, program } => {
            conn.prepare_cached("DELETE FROM workshop_vote WHERE group_id = ?1 AND program_id = ?2")?
                .execute([group.to_string(), program.to_string()])?;
        }
        C::PutAttendee(a) => {
            conn.prepare_cached(
                "INSERT INTO workshop_attendee (id, workshop_id, name, role, present, position, updated_at, \
                 changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET workshop_id = ?2, \
                 name = ?3, role = ?4, present = ?5, position = ?6, updated_at = ?7, changed_by = ?8",
            )?
            .execute(params![
                a.id.to_string(),
                a.workshop_id.to_string(),
                a.name,
                a.role,
                a.present,
                a.position,
                at,
                by
            ])?;
        }
        C::RemoveAttendee(id) => delete("DELETE FROM workshop_attendee WHERE id = ?1", id)?,
        C::PutDecision(d) => {
            conn.prepare_cached(
                "INSERT INTO workshop_decision (id, workshop_id, kind, program_id, text, position, updated_at, \
                 changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET workshop_id = ?2, \
                 kind = ?3, program_id = ?4, text = ?5, position = ?6, updated_at = ?7, changed_by = ?8",
            )?
            .execute(params![
                d.id.to_string(),
                d.workshop_id.to_string(),
                d.kind.key(),
                d.program_id.map(|p| p.to_string()),
                d.text,
                d.position,
                at,
                by
            ])?;
        }
        C::RemoveDecision(id) => delete("DELETE FROM workshop_decision WHERE id = ?1", id)?,
    }
    Ok(())
}

/// Write all rows into an empty schema (new workbooks, the demo). Writes nothing when there is nothing, so
/// files of older schema versions without these tables can still be written.
pub fn write_all(conn: &Connection, all: &QuickWins, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    use QuickWinChange as C;
    // Workshops before what points at them.
    let changes = all
        .criteria
        .iter()
        .cloned()
        .map(C::PutCriterion)
        .chain(all.scores.iter().cloned().map(C::PutScore))
        .chain(all.selections.iter().cloned().map(C::PutSelection))
        .chain(all.workshops.iter().cloned().map(C::PutWorkshop))
        .chain(all.groups.iter().cloned().map(C::PutGroup))
        .chain(all.votes.iter().cloned().map(C::PutVote))
        .chain(all.attendees.iter().cloned().map(C::PutAttendee))
        .chain(all.decisions.iter().cloned().map(C::PutDecision));
    for change in changes {
        write(conn, &change, stamp)?;
    }
    Ok(())
}
