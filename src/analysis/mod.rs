//! Pure functions over the model: what the views and exports compute from a workbook. No SQL, no egui;
//! unit-tested with hand-checked numbers.

pub mod completeness;
pub mod finance;
pub mod monev;
pub mod overview;
pub mod programs;
pub mod quick_wins;
pub mod readiness;
pub mod strategy;
pub mod sums;
