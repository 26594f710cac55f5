//! Quick wins and workshops: the prioritisation criteria and their weights, each program's scores,
//! the programs chosen as quick wins, saved alternative selections, dot votes and workshop minutes.

use serde::{Deserialize, Serialize};

use super::{Change, Problem, Workbook};

/// Everything about quick wins and the workshops in a workbook.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuickWins {}

/// A row-level change to the quick wins; each has an exact inverse.
#[derive(Clone, Debug, PartialEq)]
pub enum QuickWinChange {}

/// The change that undoes `change` on `workbook` as it is now.
pub fn inverse(_workbook: &Workbook, change: &QuickWinChange) -> Change {
    match *change {}
}

/// Apply a validated change.
pub fn apply(_workbook: &mut Workbook, change: &QuickWinChange) {
    match *change {}
}

/// What is wrong with `change` on `workbook`; empty when it may be committed.
pub fn validate(_workbook: &Workbook, change: &QuickWinChange) -> Vec<Problem> {
    match *change {}
}
