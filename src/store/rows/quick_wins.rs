//! Reading and writing the quick wins: criteria, scores, saved selections, and the workshops with their groups,
//! votes, attendance and decisions. Row ids of scores and votes are derived from what identifies them, so the
//! same score has the same id in every copy of a workbook (for merging).

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::sql::{Stamp, TableWrite, collect, delete, has_table, id, invalid};
use crate::model::quick_wins::{
    Attendee, Criterion, CriterionScore, Decision, DecisionKind, ParticipantGroup, PickerSetting, Selection, Vote,
    Workshop,
};
use crate::model::{QuickWinChange, QuickWins, stable_id};

pub fn load(conn: &Connection) -> rusqlite::Result<QuickWins> {
    if !has_table(conn, "qw_criterion")? {
        return Ok(QuickWins::default());
    }
    Ok(QuickWins {
        criteria: load_criteria(conn)?,
        scores: load_scores(conn)?,
        selections: load_selections(conn)?,
        workshops: load_workshops(conn)?,
        groups: load_groups(conn)?,
        votes: load_votes(conn)?,
        attendees: load_attendees(conn)?,
        decisions: load_decisions(conn)?,
        picker: if has_table(conn, "qw_setting")? { load_picker(conn)? } else { None },
    })
}

fn load_picker(conn: &Connection) -> rusqlite::Result<Option<PickerSetting>> {
    conn.query_row("SELECT cap FROM qw_setting WHERE id = 1", [], |r| Ok(PickerSetting { cap: r.get(0)? })).optional()
}

fn load_criteria(conn: &Connection) -> rusqlite::Result<Vec<Criterion>> {
    collect(
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
    )
}

fn load_scores(conn: &Connection) -> rusqlite::Result<Vec<CriterionScore>> {
    collect(conn, "SELECT program_id, criterion_id, score FROM qw_score ORDER BY program_id, criterion_id", |r| {
        Ok(CriterionScore { program_id: id(r, 0)?, criterion_id: id(r, 1)?, score: r.get(2)? })
    })
}

fn load_selections(conn: &Connection) -> rusqlite::Result<Vec<Selection>> {
    collect(
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
    )
}

fn load_workshops(conn: &Connection) -> rusqlite::Result<Vec<Workshop>> {
    collect(conn, "SELECT id, title, date, place, stage, notes, position FROM workshop ORDER BY position, id", |r| {
        Ok(Workshop {
            id: id(r, 0)?,
            title: r.get(1)?,
            date: r.get(2)?,
            place: r.get(3)?,
            stage: r.get(4)?,
            notes: r.get(5)?,
            position: r.get(6)?,
        })
    })
}

fn load_groups(conn: &Connection) -> rusqlite::Result<Vec<ParticipantGroup>> {
    collect(conn, "SELECT id, workshop_id, name, position FROM workshop_group ORDER BY position, id", |r| {
        Ok(ParticipantGroup { id: id(r, 0)?, workshop_id: id(r, 1)?, name: r.get(2)?, position: r.get(3)? })
    })
}

fn load_votes(conn: &Connection) -> rusqlite::Result<Vec<Vote>> {
    collect(conn, "SELECT group_id, program_id, dots FROM workshop_vote ORDER BY group_id, program_id", |r| {
        Ok(Vote { group_id: id(r, 0)?, program_id: id(r, 1)?, dots: r.get(2)? })
    })
}

fn load_attendees(conn: &Connection) -> rusqlite::Result<Vec<Attendee>> {
    collect(
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
    )
}

fn load_decisions(conn: &Connection) -> rusqlite::Result<Vec<Decision>> {
    collect(
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
    )
}

static PICKER: TableWrite = TableWrite::upsert("qw_setting", &["id", "cap"], "id");
static CRITERION: TableWrite = TableWrite::upsert(
    "qw_criterion",
    &["id", "key", "name_id", "name_en", "weight", "lower_is_better", "position"],
    "id",
);
static SCORE: TableWrite =
    TableWrite::upsert("qw_score", &["id", "program_id", "criterion_id", "score"], "program_id, criterion_id");
static SELECTION: TableWrite = TableWrite::upsert(
    "qw_selection",
    &["id", "name", "cap", "first_year", "years", "programs_json", "position"],
    "id",
);
static WORKSHOP: TableWrite =
    TableWrite::upsert("workshop", &["id", "title", "date", "place", "stage", "notes", "position"], "id");
static GROUP: TableWrite = TableWrite::upsert("workshop_group", &["id", "workshop_id", "name", "position"], "id");
static VOTE: TableWrite =
    TableWrite::upsert("workshop_vote", &["id", "group_id", "program_id", "dots"], "group_id, program_id");
static ATTENDEE: TableWrite =
    TableWrite::upsert("workshop_attendee", &["id", "workshop_id", "name", "role", "present", "position"], "id");
static DECISION: TableWrite =
    TableWrite::upsert("workshop_decision", &["id", "workshop_id", "kind", "program_id", "text", "position"], "id");

/// Write one change. The caller holds the transaction.
pub fn write(conn: &Connection, change: &QuickWinChange, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    use QuickWinChange as C;
    match change {
        C::PutCriterion(c) => {
            let values =
                params![c.id.to_string(), c.key, c.name_id, c.name_en, c.weight, c.lower_is_better, c.position];
            CRITERION.write(conn, values, stamp)
        }
        C::RemoveCriterion(id) => delete(conn, "qw_criterion", *id),
        C::PutScore(s) => {
            let id = stable_id("qw-score", &format!("{}/{}", s.program_id, s.criterion_id));
            SCORE.write(
                conn,
                params![id.to_string(), s.program_id.to_string(), s.criterion_id.to_string(), s.score],
                stamp,
            )
        }
        C::RemoveScore { program, criterion } => conn
            .prepare_cached("DELETE FROM qw_score WHERE program_id = ?1 AND criterion_id = ?2")?
            .execute([program.to_string(), criterion.to_string()])
            .map(|_| ()),
        C::PutSelection(s) => write_selection(conn, s, stamp),
        C::RemoveSelection(id) => delete(conn, "qw_selection", *id),
        C::PutWorkshop(w) => {
            let values = params![w.id.to_string(), w.title, w.date, w.place, w.stage, w.notes, w.position];
            WORKSHOP.write(conn, values, stamp)
        }
        C::RemoveWorkshop(id) => delete(conn, "workshop", *id),
        C::PutGroup(g) => {
            GROUP.write(conn, params![g.id.to_string(), g.workshop_id.to_string(), g.name, g.position], stamp)
        }
        C::RemoveGroup(id) => delete(conn, "workshop_group", *id),
        C::PutVote(v) => {
            let id = stable_id("workshop-vote", &format!("{}/{}", v.group_id, v.program_id));
            VOTE.write(conn, params![id.to_string(), v.group_id.to_string(), v.program_id.to_string(), v.dots], stamp)
        }
        C::RemoveVote { group, program } => conn
            .prepare_cached("DELETE FROM workshop_vote WHERE group_id = ?1 AND program_id = ?2")?
            .execute([group.to_string(), program.to_string()])
            .map(|_| ()),
        C::PutAttendee(a) => {
            let values = params![a.id.to_string(), a.workshop_id.to_string(), a.name, a.role, a.present, a.position];
            ATTENDEE.write(conn, values, stamp)
        }
        C::RemoveAttendee(id) => delete(conn, "workshop_attendee", *id),
        C::PutDecision(d) => write_decision(conn, d, stamp),
        C::RemoveDecision(id) => delete(conn, "workshop_decision", *id),
        C::PutPicker(Some(setting)) => PICKER.write(conn, params![1, setting.cap], stamp),
        C::PutPicker(None) => conn.prepare_cached("DELETE FROM qw_setting")?.execute([]).map(|_| ()),
    }
}

fn write_selection(conn: &Connection, s: &Selection, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let programs =
        serde_json::to_string(&s.programs).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let values = params![s.id.to_string(), s.name, s.cap, s.first_year, s.years, programs, s.position];
    SELECTION.write(conn, values, stamp)
}

fn write_decision(conn: &Connection, d: &Decision, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let program = d.program_id.map(|p| p.to_string());
    let values = params![d.id.to_string(), d.workshop_id.to_string(), d.kind.key(), program, d.text, d.position];
    DECISION.write(conn, values, stamp)
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
        .chain(all.decisions.iter().cloned().map(C::PutDecision))
        .chain(all.picker.iter().cloned().map(|p| C::PutPicker(Some(p))));
    for change in changes {
        write(conn, &change, stamp)?;
    }
    Ok(())
}
