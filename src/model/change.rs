//! The one vocabulary of edits. A view never mutates the workbook: it builds an [`Edit`] of [`Change`]s, and
//! the store validates, writes, applies and records it as one undo step.

use super::{
    Agency, Band, FinanceValue, Id, Member, Profile, Program, ProjectionSettings, QuickWinChange, ReadinessItem, Round,
    Score, StrategyChange, ValueKind,
};
use crate::i18n::Message;

/// One row-level change. Each has an exact inverse (see [`super::Workbook::inverse`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Profile(Profile),
    PutAgency(Agency),
    RemoveAgency(Id),
    PutMember(Member),
    RemoveMember(Id),
    /// A program with its whole budget and targets.
    PutProgram(Program),
    RemoveProgram(Id),
    PutReadinessItem(ReadinessItem),
    RemoveReadinessItem(Id),
    PutBand(Band),
    RemoveBand(Id),
    PutRound(Round),
    RemoveRound(Id),
    /// A score is identified by its round and item.
    PutScore(Score),
    RemoveScore {
        round: Id,
        item: Id,
    },
    /// A budget value is identified by its line, year and kind.
    PutFinanceValue(FinanceValue),
    RemoveFinanceValue {
        line: String,
        year: i32,
        kind: ValueKind,
    },
    /// The projection settings, whole; `None` goes back to the defaults (the workbook holds none).
    PutFinanceSettings(Option<ProjectionSettings>),
    /// Issues, SWOT, goals, strategies, indicators and program links (`strategy.rs`).
    Strategy(StrategyChange),
    /// Criteria, scores, quick-win marks, votes and workshop minutes (`quick_wins.rs`).
    QuickWin(QuickWinChange),
}

/// What the user did, as one undo step: a label for the Edit menu and the changes it made.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub label: Message,
    pub changes: Vec<Change>,
}

impl Edit {
    pub fn new(label: impl Into<Message>, changes: Vec<Change>) -> Self {
        Edit { label: label.into(), changes }
    }

    pub fn one(label: impl Into<Message>, change: Change) -> Self {
        Edit::new(label, vec![change])
    }
}
