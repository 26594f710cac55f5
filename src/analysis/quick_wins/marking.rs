//! Marking a set of programs as quick wins, from the picker or a saved selection. Adding marks the set and
//! leaves every other quick win marked; replacing also unmarks the quick wins outside the set, which the
//! view asks the facilitator to confirm after saying how many. A marked program is recorded in the chosen
//! workshop's minutes as a quick win chosen.

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

    /// The plan as one undo step; each newly marked program recorded in `workshop`'s minutes when given.
    pub fn edit(&self, workbook: &Workbook, workshop: Option<Id>) -> Edit {
        let mut changes = Vec::new();
        let mut position = QuickWins::next_position(&workbook.quick_wins.decisions, |d| d.position);
        let flagged = self.marked.iter().map(|id| (*id, true)).chain(self.unmarked.iter().map(|id| (*id, false)));
        for (id, quick_win) in flagged {
            let Some(program) = workbook.program(id) else { continue };
            changes.push(Change::PutProgram(Program { quick_win, ..program.clone() }));
            if quick_win && let Some(workshop) = workshop {
                changes.push(Change::QuickWin(QuickWinChange::PutDecision(Decision {
                    id: new_id(),
                    workshop_id: workshop,
                    kind: DecisionKind::QuickWinChosen,
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
    fn the_set_already_marked_is_an_empty_plan() {
        let (wb, ids) = workbook();
        assert!(MarkPlan::of(&wb, &[ids[0], ids[1]], MarkMode::Add).is_empty());
        assert!(MarkPlan::of(&wb, &[ids[0], ids[1]], MarkMode::Replace).is_empty());
        assert!(!MarkPlan::of(&wb, &[ids[0]], MarkMode::Replace).is_empty(), "replacing unmarks the second");
    }
}
