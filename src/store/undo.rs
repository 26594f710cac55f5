//! The undo list of one session: an append-only list of steps with a cursor. Undo moves the cursor back,
//! redo forward; a new step after an undo drops the steps that were undone.

use super::peers::MeetingRecord;
use crate::i18n::Message;
use crate::model::Change;

#[derive(Clone, Debug)]
pub struct Step {
    pub label: Message,
    /// Changes that undo the step, in order.
    pub undo: Vec<Change>,
    /// Changes that redo the step, in order.
    pub redo: Vec<Change>,
    /// For a merge: the other copy's base before and after, moved back and forth with the content.
    pub meeting: Option<MeetingRecord>,
}

#[derive(Default, Debug)]
pub struct UndoList {
    steps: Vec<Step>,
    /// Steps before the cursor are done; steps at and after it are undone.
    cursor: usize,
}

impl UndoList {
    pub fn push(&mut self, step: Step) {
        self.steps.truncate(self.cursor);
        self.steps.push(step);
        self.cursor = self.steps.len();
    }

    pub fn undo_step(&self) -> Option<&Step> {
        self.cursor.checked_sub(1).and_then(|i| self.steps.get(i))
    }

    pub fn redo_step(&self) -> Option<&Step> {
        self.steps.get(self.cursor)
    }

    pub fn moved_back(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn moved_forward(&mut self) {
        self.cursor = (self.cursor + 1).min(self.steps.len());
    }
}
