//! Quick wins and workshops: the prioritisation criteria and their weights, each program's scores, saved
//! alternative selections, and the workshop sessions with their participant groups, dot votes, attendance and
//! decisions (the minutes, berita acara).
//!
//! Everything here is keyed by program id without living inside [`super::Program`]: removing a program keeps
//! its scores and votes, so undoing the removal brings them back; analyses skip rows of programs that are gone.
//! The quick-win mark itself is the program's own `quick_win` flag (shown on the board, the table and the
//! import), so there is exactly one truth for "this program is a quick win".

use serde::{Deserialize, Serialize};

use super::{Change, Id, Workbook, stable_id};

/// The highest weight of one criterion, in points. Weights are relative (shown as shares of 100 %).
pub const MAX_CRITERION_WEIGHT: u32 = 1000;
/// Scores run from 1 to 5, like readiness levels.
pub const MIN_SCORE: u8 = 1;
pub const MAX_SCORE: u8 = 5;
/// The most dots one group can give one program: far above any show of hands, so typos are caught.
pub const MAX_DOTS: u32 = 10_000;
/// Workshop stages: Tahap I to IV.
pub const STAGES: std::ops::RangeInclusive<u8> = 1..=4;

/// One prioritisation criterion. Scores are 1-5; for a criterion where lower is better (cost), a score of 1
/// counts as 5 and 5 as 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: Id,
    /// Stable key of the default criteria (`impact`, `urgency`, `cost`, `agency_readiness`,
    /// `time_to_deliver`, `visibility`); free text for the region's own.
    pub key: String,
    pub name_id: String,
    pub name_en: String,
    /// Points, 0-1000; a criterion's share is its weight over the sum of the weights.
    pub weight: u32,
    pub lower_is_better: bool,
    pub position: i64,
}

impl Criterion {
    /// The score as it counts: reversed for "lower is better".
    pub fn effective(&self, score: u8) -> u8 {
        if self.lower_is_better { MAX_SCORE + MIN_SCORE - score } else { score }
    }
}

/// The key of the criterion the "deliverable within 12 months" filter reads (score 3 = within 12 months).
pub const TIME_TO_DELIVER: &str = "time_to_deliver";
/// The key of the criterion the "agency readiness at least" filter reads.
pub const AGENCY_READINESS: &str = "agency_readiness";

/// A program's score on one criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub program_id: Id,
    pub criterion_id: Id,
    pub score: u8,
}

/// A saved alternative selection of quick wins, for side-by-side comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    pub id: Id,
    pub name: String,
    /// The budget cap it was picked under, in rupiah.
    pub cap: i64,
    pub first_year: i32,
    /// How many years from `first_year` count towards the cap (1 or 2).
    pub years: u8,
    pub programs: Vec<Id>,
    pub position: i64,
}

/// What the quick-win picker remembers in the workbook: the budget cap the facilitator set (one row, like the
/// profile). A workbook without it uses the default cap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickerSetting {
    /// In rupiah.
    pub cap: i64,
}

/// One workshop session (a stage of the masterplan guidance), whose minutes are its berita acara.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    pub id: Id,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub place: String,
    /// Tahap I-IV.
    pub stage: u8,
    pub notes: String,
    pub position: i64,
}

/// A group of participants that votes together (e.g. the agencies of one dimension, or the council).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantGroup {
    pub id: Id,
    pub workshop_id: Id,
    pub name: String,
    pub position: i64,
}

/// The dots a group gave a program, counted by the facilitator from a show of hands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    pub group_id: Id,
    pub program_id: Id,
    pub dots: u32,
}

/// A person on the attendance list of a workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub id: Id,
    pub workshop_id: Id,
    pub name: String,
    /// Position and agency, e.g. "Kepala Diskominfo".
    pub role: String,
    pub present: bool,
    pub position: i64,
}

/// What a decision was about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    ProgramAdded,
    ProgramMoved,
    QuickWinChosen,
    /// A quick win unmarked again, e.g. when the quick wins were replaced by another set.
    QuickWinDropped,
    Other,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 5] = [
        DecisionKind::ProgramAdded,
        DecisionKind::ProgramMoved,
        DecisionKind::QuickWinChosen,
        DecisionKind::QuickWinDropped,
        DecisionKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DecisionKind::ProgramAdded => "program_added",
            DecisionKind::ProgramMoved => "program_moved",
            DecisionKind::QuickWinChosen => "quick_win_chosen",
            DecisionKind::QuickWinDropped => "quick_win_dropped",
            DecisionKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A decision recorded in the minutes of a workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub id: Id,
    pub workshop_id: Id,
    pub kind: DecisionKind,
    pub program_id: Option<Id>,
    pub text: String,
    pub position: i64,
}

/// Everything about quick wins and the workshops in a workbook. Lists are sorted as the store reads them:
/// by position then id (scores by program then criterion, votes by group then program).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuickWins {
    /// Empty in workbooks of older schema versions: then [`QuickWins::criteria_in_force`] gives the defaults.
    pub criteria: Vec<Criterion>,
    pub scores: Vec<CriterionScore>,
    pub selections: Vec<Selection>,
    pub workshops: Vec<Workshop>,
    pub groups: Vec<ParticipantGroup>,
    pub votes: Vec<Vote>,
    pub attendees: Vec<Attendee>,
    pub decisions: Vec<Decision>,
    /// The picker's cap; `None` in workbooks where it was never set (and of older schema versions).
    #[serde(default)]
    pub picker: Option<PickerSetting>,
}

/// The default criteria: (key, Indonesian, English, weight points, lower is better).
const DEFAULT_CRITERIA: [(&str, &str, &str, u32, bool); 6] = [
    ("impact", "Dampak bagi warga", "Impact on citizens", 25, false),
    ("urgency", "Urgensi", "Urgency", 20, false),
    ("cost", "Biaya (makin rendah makin baik)", "Cost (lower is better)", 15, true),
    (AGENCY_READINESS, "Kesiapan OPD penanggung jawab", "Readiness of the responsible agency", 15, false),
    (TIME_TO_DELIVER, "Waktu pelaksanaan (3 = dalam 12 bulan)", "Time to deliver (3 = within 12 months)", 15, false),
    ("visibility", "Visibilitas bagi publik", "Visibility to the public", 10, false),
];

impl QuickWins {
    /// The six default criteria with weights adding up to 100, ids derived from their keys so every workbook
    /// (and every copy) names them alike.
    pub fn default_criteria() -> Vec<Criterion> {
        DEFAULT_CRITERIA
            .iter()
            .enumerate()
            .map(|(i, (key, id, en, weight, lower))| Criterion {
                id: stable_id("criterion", key),
                key: key.to_string(),
                name_id: id.to_string(),
                name_en: en.to_string(),
                weight: *weight,
                lower_is_better: *lower,
                position: i as i64,
            })
            .collect()
    }

    /// New workbooks start with the default criteria.
    pub fn with_default_criteria() -> Self {
        QuickWins { criteria: Self::default_criteria(), ..Default::default() }
    }

    /// The criteria that count: the workbook's own, or the defaults when it has none (older files).
    pub fn criteria_in_force(&self) -> std::borrow::Cow<'_, [Criterion]> {
        if self.criteria.is_empty() {
            std::borrow::Cow::Owned(Self::default_criteria())
        } else {
            std::borrow::Cow::Borrowed(&self.criteria)
        }
    }

    /// The changes that store the defaults, when the workbook holds no criteria of its own yet: prepended to
    /// an edit of a criterion so the defaults and the edit are one undo step.
    pub fn materialise_criteria(&self) -> Vec<Change> {
        if self.criteria.is_empty() {
            Self::default_criteria().into_iter().map(|c| Change::QuickWin(QuickWinChange::PutCriterion(c))).collect()
        } else {
            Vec::new()
        }
    }

    pub fn criterion(&self, id: Id) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Binary search: scores are kept sorted by program, then criterion (a grid of 10,000 programs asks
    /// this for every visible cell each frame).
    pub fn score(&self, program: Id, criterion: Id) -> Option<u8> {
        self.scores
            .binary_search_by(|s| (s.program_id, s.criterion_id).cmp(&(program, criterion)))
            .ok()
            .map(|at| self.scores[at].score)
    }

    pub fn workshop(&self, id: Id) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.id == id)
    }

    pub fn group(&self, id: Id) -> Option<&ParticipantGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn groups_of(&self, workshop: Id) -> impl Iterator<Item = &ParticipantGroup> {
        self.groups.iter().filter(move |g| g.workshop_id == workshop)
    }

    pub fn attendees_of(&self, workshop: Id) -> impl Iterator<Item = &Attendee> {
        self.attendees.iter().filter(move |a| a.workshop_id == workshop)
    }

    pub fn decisions_of(&self, workshop: Id) -> impl Iterator<Item = &Decision> {
        self.decisions.iter().filter(move |d| d.workshop_id == workshop)
    }

    /// Binary search: votes are kept sorted by group, then program.
    pub fn vote(&self, group: Id, program: Id) -> Option<&Vote> {
        self.votes
            .binary_search_by(|v| (v.group_id, v.program_id).cmp(&(group, program)))
            .ok()
            .map(|at| &self.votes[at])
    }

    pub fn selection(&self, id: Id) -> Option<&Selection> {
        self.selections.iter().find(|s| s.id == id)
    }

    fn attendee(&self, id: Id) -> Option<&Attendee> {
        self.attendees.iter().find(|a| a.id == id)
    }

    fn decision(&self, id: Id) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }

    /// The position after the last row of a list, for appending.
    pub fn next_position<T>(rows: &[T], position: impl Fn(&T) -> i64) -> i64 {
        rows.iter().map(position).max().map_or(0, |p| p + 1)
    }

    /// The changes that remove a workshop with everything in it: votes, groups, attendees, decisions, then the
    /// workshop. One edit, so one undo restores all of it.
    pub fn remove_workshop(&self, id: Id) -> Vec<Change> {
        let groups: Vec<Id> = self.groups_of(id).map(|g| g.id).collect();
        let mut changes: Vec<Change> = self
            .votes
            .iter()
            .filter(|v| groups.contains(&v.group_id))
            .map(|v| QuickWinChange::RemoveVote { group: v.group_id, program: v.program_id })
            .chain(groups.iter().map(|g| QuickWinChange::RemoveGroup(*g)))
            .chain(self.attendees_of(id).map(|a| QuickWinChange::RemoveAttendee(a.id)))
            .chain(self.decisions_of(id).map(|d| QuickWinChange::RemoveDecision(d.id)))
            .map(Change::QuickWin)
            .collect();
        changes.push(Change::QuickWin(QuickWinChange::RemoveWorkshop(id)));
        changes
    }

    /// The changes that remove a group with its votes.
    pub fn remove_group(&self, id: Id) -> Vec<Change> {
        let mut changes: Vec<Change> = self
            .votes
            .iter()
            .filter(|v| v.group_id == id)
            .map(|v| Change::QuickWin(QuickWinChange::RemoveVote { group: v.group_id, program: v.program_id }))
            .collect();
        changes.push(Change::QuickWin(QuickWinChange::RemoveGroup(id)));
        changes
    }

    /// The changes that remove a criterion with its scores.
    pub fn remove_criterion(&self, id: Id) -> Vec<Change> {
        let mut changes: Vec<Change> = self
            .scores
            .iter()
            .filter(|s| s.criterion_id == id)
            .map(|s| Change::QuickWin(QuickWinChange::RemoveScore { program: s.program_id, criterion: id }))
            .collect();
        changes.push(Change::QuickWin(QuickWinChange::RemoveCriterion(id)));
        changes
    }
}

/// A row-level change to the quick wins; each has an exact inverse.
#[derive(Clone, Debug, PartialEq)]
pub enum QuickWinChange {
    PutCriterion(Criterion),
    RemoveCriterion(Id),
    /// A score is identified by its program and criterion.
    PutScore(CriterionScore),
    RemoveScore {
        program: Id,
        criterion: Id,
    },
    PutSelection(Selection),
    RemoveSelection(Id),
    PutWorkshop(Workshop),
    RemoveWorkshop(Id),
    PutGroup(ParticipantGroup),
    RemoveGroup(Id),
    /// A vote is identified by its group and program.
    PutVote(Vote),
    RemoveVote {
        group: Id,
        program: Id,
    },
    PutAttendee(Attendee),
    RemoveAttendee(Id),
    PutDecision(Decision),
    RemoveDecision(Id),
    /// The picker's setting, whole; `None` goes back to the default cap.
    PutPicker(Option<PickerSetting>),
}

fn qw(change: QuickWinChange) -> Change {
    Change::QuickWin(change)
}

/// The change that undoes `change` on `workbook` as it is now.
pub fn inverse(workbook: &Workbook, change: &QuickWinChange) -> Change {
    use QuickWinChange as C;
    let q = &workbook.quick_wins;
    qw(match change {
        C::PutCriterion(new) => q.criterion(new.id).cloned().map_or(C::RemoveCriterion(new.id), C::PutCriterion),
        C::RemoveCriterion(id) => q.criterion(*id).cloned().map_or(C::RemoveCriterion(*id), C::PutCriterion),
        C::PutScore(new) => match q.score(new.program_id, new.criterion_id) {
            Some(score) => C::PutScore(CriterionScore { score, ..new.clone() }),
            None => C::RemoveScore { program: new.program_id, criterion: new.criterion_id },
        },
        C::RemoveScore { program, criterion } => match q.score(*program, *criterion) {
            Some(score) => C::PutScore(CriterionScore { program_id: *program, criterion_id: *criterion, score }),
            None => C::RemoveScore { program: *program, criterion: *criterion },
        },
        C::PutSelection(new) => q.selection(new.id).cloned().map_or(C::RemoveSelection(new.id), C::PutSelection),
        C::RemoveSelection(id) => q.selection(*id).cloned().map_or(C::RemoveSelection(*id), C::PutSelection),
        C::PutWorkshop(new) => q.workshop(new.id).cloned().map_or(C::RemoveWorkshop(new.id), C::PutWorkshop),
        C::RemoveWorkshop(id) => q.workshop(*id).cloned().map_or(C::RemoveWorkshop(*id), C::PutWorkshop),
        C::PutGroup(new) => q.group(new.id).cloned().map_or(C::RemoveGroup(new.id), C::PutGroup),
        C::RemoveGroup(id) => q.group(*id).cloned().map_or(C::RemoveGroup(*id), C::PutGroup),
        C::PutVote(new) => q
            .vote(new.group_id, new.program_id)
            .cloned()
            .map_or(C::RemoveVote { group: new.group_id, program: new.program_id }, C::PutVote),
        C::RemoveVote { group, program } => {
            q.vote(*group, *program).cloned().map_or(C::RemoveVote { group: *group, program: *program }, C::PutVote)
        }
        C::PutAttendee(new) => q.attendee(new.id).cloned().map_or(C::RemoveAttendee(new.id), C::PutAttendee),
        C::RemoveAttendee(id) => q.attendee(*id).cloned().map_or(C::RemoveAttendee(*id), C::PutAttendee),
        C::PutDecision(new) => q.decision(new.id).cloned().map_or(C::RemoveDecision(new.id), C::PutDecision),
        C::RemoveDecision(id) => q.decision(*id).cloned().map_or(C::RemoveDecision(*id), C::PutDecision),
        C::PutPicker(_) => C::PutPicker(q.picker.clone()),
    })
}

/// Insert or replace a row by id, then restore the store's order.
fn put<T, K: Ord>(rows: &mut Vec<T>, row: T, same: impl Fn(&T, &T) -> bool, order: impl Fn(&T) -> K) {
    match rows.iter().position(|r| same(r, &row)) {
        Some(at) => rows[at] = row,
        None => rows.push(row),
    }
    rows.sort_by_key(order);
}

/// Apply a validated change.
pub fn apply(workbook: &mut Workbook, change: &QuickWinChange) {
    use QuickWinChange as C;
    let q = &mut workbook.quick_wins;
    match change {
        C::PutCriterion(c) => put(&mut q.criteria, c.clone(), |a, b| a.id == b.id, |c| (c.position, c.id)),
        C::RemoveCriterion(id) => q.criteria.retain(|c| c.id != *id),
        C::PutScore(s) => put(
            &mut q.scores,
            s.clone(),
            |a, b| a.program_id == b.program_id && a.criterion_id == b.criterion_id,
            |s| (s.program_id, s.criterion_id),
        ),
        C::RemoveScore { program, criterion } => {
            q.scores.retain(|s| !(s.program_id == *program && s.criterion_id == *criterion))
        }
        C::PutSelection(s) => put(&mut q.selections, s.clone(), |a, b| a.id == b.id, |s| (s.position, s.id)),
        C::RemoveSelection(id) => q.selections.retain(|s| s.id != *id),
        C::PutWorkshop(w) => put(&mut q.workshops, w.clone(), |a, b| a.id == b.id, |w| (w.position, w.id)),
        C::RemoveWorkshop(id) => q.workshops.retain(|w| w.id != *id),
        C::PutGroup(g) => put(&mut q.groups, g.clone(), |a, b| a.id == b.id, |g| (g.position, g.id)),
        C::RemoveGroup(id) => q.groups.retain(|g| g.id != *id),
        C::PutVote(v) => put(
            &mut q.votes,
            v.clone(),
            |a, b| a.group_id == b.group_id && a.program_id == b.program_id,
            |v| (v.group_id, v.program_id),
        ),
        C::RemoveVote { group, program } => q.votes.retain(|v| !(v.group_id == *group && v.program_id == *program)),
        C::PutAttendee(a) => put(&mut q.attendees, a.clone(), |a, b| a.id == b.id, |a| (a.position, a.id)),
        C::RemoveAttendee(id) => q.attendees.retain(|a| a.id != *id),
        C::PutDecision(d) => put(&mut q.decisions, d.clone(), |a, b| a.id == b.id, |d| (d.position, d.id)),
        C::RemoveDecision(id) => q.decisions.retain(|d| d.id != *id),
        C::PutPicker(setting) => q.picker = setting.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_weights_add_up_to_one_hundred_and_cost_is_reversed() {
        let criteria = QuickWins::default_criteria();
        assert_eq!(criteria.iter().map(|c| c.weight).sum::<u32>(), 100);
        let cost = criteria.iter().find(|c| c.key == "cost").unwrap();
        assert_eq!((cost.effective(1), cost.effective(5), cost.effective(3)), (5, 1, 3));
        let impact = criteria.iter().find(|c| c.key == "impact").unwrap();
        assert_eq!(impact.effective(4), 4);
    }
}
