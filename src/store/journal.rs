//! The history of changes kept in the file: every commit, undo, redo and merge with who, when, what, and where
//! it came from (this copy, a merge of another copy's file, a change package). Not masterplan content: it is
//! never merged as rows, but entries of a merged copy are added to this file's history once each.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::records;
use crate::i18n::{Message, Text};
use crate::model::{Change, Id, MonevChange, QuickWinChange, Workbook};

/// Where a recorded change came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Edit,
    Undo,
    Redo,
    Merge,
    Package,
    Copy,
}

impl Origin {
    pub const ALL: [Origin; 6] =
        [Origin::Edit, Origin::Undo, Origin::Redo, Origin::Merge, Origin::Package, Origin::Copy];

    pub fn key(self) -> &'static str {
        match self {
            Origin::Edit => "edit",
            Origin::Undo => "undo",
            Origin::Redo => "redo",
            Origin::Merge => "merge",
            Origin::Package => "package",
            Origin::Copy => "copy",
        }
    }

    pub fn from_key(key: &str) -> Option<Origin> {
        Self::ALL.into_iter().find(|o| o.key() == key)
    }

    pub fn label(self) -> Text {
        match self {
            Origin::Edit => Text::OriginEdit,
            Origin::Undo => Text::OriginUndo,
            Origin::Redo => Text::OriginRedo,
            Origin::Merge => Text::OriginMerge,
            Origin::Package => Text::OriginPackage,
            Origin::Copy => Text::OriginCopy,
        }
    }
}

/// One entry of the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub id: Uuid,
    /// The copy (replica) where the change was made.
    pub replica_id: Uuid,
    /// That copy's name when the change was made (empty for the coordinator's workbook).
    pub place: String,
    pub at: String,
    pub by: String,
    /// The edit's label as a [`Text`] key name and its arguments, so it is shown in the reader's language.
    pub label_key: String,
    pub label_args: Vec<String>,
    pub origin: Origin,
    /// For merges and packages: the file merged in.
    pub source_file: String,
    /// The agency the change came from: the scope of the copy where it was made, or of the copy merged in.
    pub agency_id: Option<Id>,
    /// The agencies whose programs (or the agencies themselves) it touched.
    pub agencies: Vec<Id>,
    pub changes: i64,
}

impl JournalEntry {
    pub fn label(&self) -> Message {
        let text = Text::ALL.iter().copied().find(|t| format!("{t:?}") == self.label_key).unwrap_or(Text::Invalid);
        Message::with(text, self.label_args.clone())
    }

    /// Whether the entry concerns `agency`: made in its copy, or touching its programs.
    pub fn concerns(&self, agency: Id) -> bool {
        self.agency_id == Some(agency) || self.agencies.contains(&agency)
    }
}

/// The agencies `changes` touch in `workbook` (before they apply): agencies put or removed, and the agencies of
/// the programs and members put or removed (old and new), and of the programs scored, voted on or decided in
/// the minutes. Old and new both count, so an edit and its undo are attributed to the same agencies.
pub fn agencies_touched(workbook: &Workbook, changes: &[Change]) -> Vec<Id> {
    let program_agency = |id: Id| workbook.program(id).and_then(|p| p.agency_id);
    let decision_agency = |id: Id| {
        workbook.quick_wins.decisions.iter().find(|d| d.id == id).and_then(|d| d.program_id).and_then(program_agency)
    };
    let mut touched = Vec::new();
    for change in changes {
        match change {
            Change::PutAgency(a) => touched.push(a.id),
            Change::RemoveAgency(id) => touched.push(*id),
            Change::PutProgram(p) => touched.extend(p.agency_id.into_iter().chain(program_agency(p.id))),
            Change::RemoveProgram(id) => touched.extend(program_agency(*id)),
            Change::PutMember(m) => {
                touched.extend(m.agency_id.into_iter().chain(workbook.member(m.id).and_then(|old| old.agency_id)));
            }
            Change::RemoveMember(id) => touched.extend(workbook.member(*id).and_then(|old| old.agency_id)),
            Change::QuickWin(change) => match change {
                QuickWinChange::PutScore(s) => touched.extend(program_agency(s.program_id)),
                QuickWinChange::RemoveScore { program, .. } | QuickWinChange::RemoveVote { program, .. } => {
                    touched.extend(program_agency(*program));
                }
                QuickWinChange::PutVote(v) => touched.extend(program_agency(v.program_id)),
                QuickWinChange::PutDecision(d) => {
                    touched.extend(d.program_id.and_then(program_agency).into_iter().chain(decision_agency(d.id)));
                }
                QuickWinChange::RemoveDecision(id) => touched.extend(decision_agency(*id)),
                _ => {}
            },
            // What a program did after the signing is its agency's report.
            Change::Monev(change) => match change {
                MonevChange::PutRealisation(r) => touched.extend(program_agency(r.program_id)),
                MonevChange::PutSpending(s) => touched.extend(program_agency(s.program_id)),
                MonevChange::RemoveRealisation { program, .. } | MonevChange::RemoveSpending { program, .. } => {
                    touched.extend(program_agency(*program));
                }
                _ => {}
            },
            _ => {}
        }
    }
    touched.sort();
    touched.dedup();
    touched
}

/// Add an entry; an entry already there (the same id, from an earlier merge) is kept as it is.
pub fn insert(conn: &Connection, e: &JournalEntry) -> rusqlite::Result<()> {
    let args = serde_json::to_string(&e.label_args).unwrap_or_else(|_| "[]".into());
    let agencies: Vec<String> = e.agencies.iter().map(Uuid::to_string).collect();
    let agencies = serde_json::to_string(&agencies).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT OR IGNORE INTO journal (id, replica_id, place, at, by, label_key, label_args, origin, source_file, \
         agency_id, agencies, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        e.id.to_string(),
        e.replica_id.to_string(),
        e.place,
        e.at,
        e.by,
        e.label_key,
        args,
        e.origin.key(),
        e.source_file,
        e.agency_id.map(|a| a.to_string()),
        agencies,
        e.changes
    ])?;
    Ok(())
}

/// The whole history, oldest first; `since` keeps only entries at or after that time.
pub fn load(conn: &Connection, since: Option<&str>) -> rusqlite::Result<Vec<JournalEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, replica_id, place, at, by, label_key, label_args, origin, source_file, agency_id, agencies, \
         changes FROM journal WHERE at >= ?1 ORDER BY at, rowid",
    )?;
    let rows = stmt.query_map([since.unwrap_or("")], |r| {
        let args: String = r.get(6)?;
        let origin: String = r.get(7)?;
        let agency: Option<String> = r.get(9)?;
        let agencies: Vec<String> = records::parse_json(&r.get::<_, String>(10)?, 10)?;
        Ok(JournalEntry {
            id: records::parse_id(&r.get::<_, String>(0)?, 0)?,
            replica_id: records::parse_id(&r.get::<_, String>(1)?, 1)?,
            place: r.get(2)?,
            at: r.get(3)?,
            by: r.get(4)?,
            label_key: r.get(5)?,
            label_args: records::parse_json(&args, 6)?,
            origin: Origin::from_key(&origin).ok_or_else(|| records::not_a(7, "origin", &origin))?,
            source_file: r.get(8)?,
            agency_id: agency.map(|a| records::parse_id(&a, 9)).transpose()?,
            agencies: agencies.iter().map(|a| records::parse_id(a, 10)).collect::<rusqlite::Result<_>>()?,
            changes: r.get(11)?,
        })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quick_wins::{CriterionScore, Decision, DecisionKind};
    use crate::model::{Body, Member, Program, new_id};
    use crate::seed;

    /// The agencies `changes` touch, and those their undo touches once they are applied.
    fn edit_and_undo(workbook: &Workbook, changes: Vec<Change>) -> (Vec<Id>, Vec<Id>) {
        let mut after = workbook.clone();
        let mut undo = Vec::new();
        for change in &changes {
            undo.push(after.inverse(change));
            after.apply(change);
        }
        undo.reverse();
        (agencies_touched(workbook, &changes), agencies_touched(&after, &undo))
    }

    #[test]
    fn an_edit_and_its_undo_are_attributed_to_the_same_agencies() {
        let demo = seed::demo_workbook();
        let program = demo.programs.iter().find(|p| p.agency_id.is_some()).unwrap().clone();
        let agency = program.agency_id.unwrap();
        let other = demo.agencies.iter().find(|a| a.id != agency).unwrap().id;
        let member = Member {
            id: new_id(),
            body: Body::Team,
            name: "Wa Ode".into(),
            role: "Anggota".into(),
            agency_id: Some(agency),
            position: 99,
        };
        let criterion = demo.quick_wins.criteria[0].id;
        let score = CriterionScore { program_id: program.id, criterion_id: criterion, score: 4 };
        let workshop = demo.quick_wins.workshops[0].id;
        let decision = Decision {
            id: new_id(),
            workshop_id: workshop,
            kind: DecisionKind::QuickWinChosen,
            program_id: Some(program.id),
            text: String::new(),
            position: 99,
        };
        let cases: Vec<(&str, Vec<Change>, Vec<Id>)> = vec![
            ("a member added", vec![Change::PutMember(member.clone())], vec![agency]),
            (
                "a program moved to another agency",
                vec![Change::PutProgram(Program { agency_id: Some(other), ..program.clone() })],
                {
                    let mut both = vec![agency, other];
                    both.sort();
                    both
                },
            ),
            ("a program removed", vec![Change::RemoveProgram(program.id)], vec![agency]),
            ("a program scored", vec![Change::QuickWin(QuickWinChange::PutScore(score))], vec![agency]),
            ("a decision recorded", vec![Change::QuickWin(QuickWinChange::PutDecision(decision))], vec![agency]),
        ];
        for (what, changes, expected) in cases {
            let (edit, undo) = edit_and_undo(&demo, changes);
            assert_eq!(edit, expected, "{what}");
            assert_eq!(undo, expected, "{what}: its undo");
        }
    }
}
