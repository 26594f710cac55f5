//! The strategic narrative of the masterplan: strategic issues, SWOT per dimension, the regional (RPJMD) goals
//! the smart city vision serves, and the direction (goal, strategies, indicators) of each dimension and element.
//! Programs name the strategy they carry out.

use serde::{Deserialize, Serialize};

use super::{Change, Problem, Workbook};

/// Everything strategic in a workbook.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Strategy {}

/// A row-level change to the strategy; each has an exact inverse.
#[derive(Clone, Debug, PartialEq)]
pub enum StrategyChange {}

/// The change that undoes `change` on `workbook` as it is now.
pub fn inverse(_workbook: &Workbook, change: &StrategyChange) -> Change {
    match *change {}
}

/// Apply a validated change.
pub fn apply(_workbook: &mut Workbook, change: &StrategyChange) {
    match *change {}
}

/// What is wrong with `change` on `workbook`; empty when it may be committed.
pub fn validate(_workbook: &Workbook, change: &StrategyChange) -> Vec<Problem> {
    match *change {}
}
