//! Marking a set of programs as quick wins, from the picker or a saved selection. Adding marks the set and
//! leaves every other quick win marked; replacing also unmarks the quick wins outside the set, which the
//! view asks the facilitator to confirm after saying how many. With a workshop chosen, its minutes record
//! each program marked as a quick win chosen and each one unmarked as a quick win dropped, so the minutes
//! stay true.

use std::collections::HashSet;

use crate::i18n::{Message, Text};
use crate::model::quick_wins::{Decision, DecisionKind, QuickWins};
use crate::model::{Change, Edit, Id, Program, QuickWinChange, Workbook, new_id};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkMode {
    /// Mark the set; the other quick wins stay.
    Add,
    /// Mark the set and unmark every other quick win.
    Replace,
}

/// What marking a set would change, in workbook order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkPlan {
    /// Programs of the set not marked yet.
    pub marked: Vec<Id>,
    /// Quick wins outside the set that replacing unmarks (always empty when adding).
    pub unmarked: Vec<Id>,
}

impl MarkPlan {
    pub fn of(workbook: &Workbook, set: &[Id], mode: MarkMode) -> MarkPlan {
        let set: HashSet<Id> = set.iter().copied().collect();
        let mut plan = MarkPlan::default();
        for p in &workbook.programs {
            if set.contains(&p.id) && !p.quick_win {
                plan.marked.push(p.id);
            } else if mode == MarkMode::Replace && !set.contains(&p.id) && p.quick_win {
                plan.unmarked.push(p.id);
            }
        }
        plan
    }

    pub fn is_empty(&self) -> bool {
        self.marked.is_empty() && self.unmarked.is_empty()
    }

    /// The programs unmarked that some workshop's minutes record as chosen (and not dropped since): what
    /// the minutes would leave untrue unless the drop is recorded.
    pub fn recorded_as_chosen(&self, workbook: &Workbook) -> usize {
        let q = &workbook.quick_wins;
        let last_word = |id: Id| {
            q.decisions
                .iter()
                .filter(|d| d.program_id == Some(id))
                .filter(|d| matches!(d.kind, DecisionKind::QuickWinChosen | DecisionKind::QuickWinDropped))
                .max_by_key(|d| d.position)
                .map(|d| d.kind)
        };
        self.unmarked.iter().filter(|id| last_word(**id) == Some(DecisionKind::QuickWinChosen)).count()
    }

    /// The plan as one undo step; each program marked or unmarked recorded in `workshop`'s minutes when given.
    pub fn edit(&self, workbook: &Workbook, workshop: Option<Id>) -> Edit {
        let mut changes = Vec::new();
        let mut position = QuickWins::next_position(&workbook.quick_wins.decisions, |d| d.position);
        let flagged = self.marked.iter().map(|id| (*id, true)).chain(self.unmarked.iter().map(|id| (*id, false)));
        for (id, quick_win) in flagged {
            let Some(program) = workbook.program(id) else { continue };
            changes.push(Change::PutProgram(Program { quick_win, ..program.clone() }));
            if let Some(workshop) = workshop {
                changes.push(Change::QuickWin(QuickWinChange::PutDecision(Decision {
                    id: new_id(),
                    workshop_id: workshop,
                    kind: if quick_win { DecisionKind::QuickWinChosen } else { DecisionKind::QuickWinDropped },
                    program_id: Some(id),
                    text: String::new(),
                    position,
                })));
                position += 1;
            }
        }
        let label = if self.unmarked.is_empty() {
            Message::with(Text::QwEditMark, [self.marked.len().to_string()])
        } else {
            Message::with(Text::QwEditReplace, [self.marked.len().to_string(), self.unmarked.len().to_string()])
        };
        Edit::new(label, changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quick_wins::Workshop;
    use crate::seed::new_workbook;

    /// Four programs, the first two already quick wins.
    fn workbook() -> (Workbook, Vec<Id>) {
        let mut wb = new_workbook("Kabupaten Uji", 2022);
        for (n, quick_win) in [true, true, false, false].into_iter().enumerate() {
            let program = Program { code: format!("P{n}"), quick_win, ..wb.new_program(None, &format!("Program {n}")) };
            wb.programs.push(program);
        }
        let ids = wb.programs.iter().map(|p| p.id).collect();
        (wb, ids)
    }

    #[test]
    fn adding_marks_the_set_and_keeps_every_other_quick_win() {
        let (wb, ids) = workbook();
        let plan = MarkPlan::of(&wb, &[ids[1], ids[2]], MarkMode::Add);
        assert_eq!(plan, MarkPlan { marked: vec![ids[2]], unmarked: vec![] });
        let edit = plan.edit(&wb, None);
        assert_eq!(edit.changes.len(), 1, "only the one program not marked yet changes");
    }

    #[test]
    fn replacing_also_unmarks_the_quick_wins_outside_the_set() {
        let (wb, ids) = workbook();
        let plan = MarkPlan::of(&wb, &[ids[1], ids[2]], MarkMode::Replace);
        assert_eq!(plan, MarkPlan { marked: vec![ids[2]], unmarked: vec![ids[0]] });
        let mut after = wb.clone();
        for change in &plan.edit(&wb, None).changes {
            after.apply(change);
        }
        let marked: Vec<bool> = after.programs.iter().map(|p| p.quick_win).collect();
        assert_eq!(marked, [false, true, true, false]);
    }

    #[test]
    fn the_minutes_record_what_was_chosen_and_what_was_dropped() {
        let (mut wb, ids) = workbook();
        let workshop = Workshop {
            id: new_id(),
            title: "Lokakarya III".into(),
            date: "2022-03-01".into(),
            place: "Andoolo".into(),
            stage: 3,
            notes: String::new(),
            position: 0,
        };
        wb.quick_wins.workshops.push(workshop.clone());
        let plan = MarkPlan::of(&wb, &[ids[2]], MarkMode::Replace);
        let decisions: Vec<(DecisionKind, Option<Id>)> = plan
            .edit(&wb, Some(workshop.id))
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::QuickWin(QuickWinChange::PutDecision(d)) => Some((d.kind, d.program_id)),
                _ => None,
            })
            .collect();
        assert_eq!(
            decisions,
            [
                (DecisionKind::QuickWinChosen, Some(ids[2])),
                (DecisionKind::QuickWinDropped, Some(ids[0])),
                (DecisionKind::QuickWinDropped, Some(ids[1])),
            ]
        );
        // Nothing recorded yet: unmarking leaves no minutes untrue. Once recorded as chosen, it would.
        assert_eq!(plan.recorded_as_chosen(&wb), 0);
        let chosen = |kind, position| Decision {
            id: new_id(),
            workshop_id: workshop.id,
            kind,
            program_id: Some(ids[1]),
            text: String::new(),
            position,
        };
        wb.quick_wins.decisions.push(chosen(DecisionKind::QuickWinChosen, 0));
        assert_eq!(plan.recorded_as_chosen(&wb), 1);
        wb.quick_wins.decisions.push(chosen(DecisionKind::QuickWinDropped, 1));
        assert_eq!(plan.recorded_as_chosen(&wb), 0, "its drop is recorded after its choice");
    }

    #[test]
    fn the_set_already_marked_is_an_empty_plan() {
        let (wb, ids) = workbook();
        assert!(MarkPlan::of(&wb, &[ids[0], ids[1]], MarkMode::Add).is_empty());
        assert!(MarkPlan::of(&wb, &[ids[0], ids[1]], MarkMode::Replace).is_empty());
        assert!(!MarkPlan::of(&wb, &[ids[0]], MarkMode::Replace).is_empty(), "replacing unmarks the second");
    }
}
