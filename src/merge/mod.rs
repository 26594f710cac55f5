//! Merging two copies of one masterplan. Every row of a [`Workbook`](crate::model::Workbook) is seen as
//! `(kind, id) -> fields` ([`rows`]); one registry ([`kinds`]) lists the row kinds and how a merged row becomes a
//! [`Change`](crate::model::Change) again. [`plan`] compares both sides with the state they had when they last
//! met, field by field, and yields what is new, what is taken and what conflicts; once every conflict has a
//! choice, the plan becomes the changes of one [`Edit`](crate::model::Edit). [`workflow`] ties this to files:
//! workbooks, change packages and what each file remembers about its peers. No SQL and no egui here.

mod consistency;
pub mod kinds;
pub mod plan;
pub mod rows;
pub mod scope;
pub mod trust;
pub mod workflow;

#[cfg(test)]
mod tests;

pub use kinds::{KINDS, Kind};
pub use plan::{Conflict, Entry, Outcome, Plan, Side, Summary};
pub use rows::{Fields, RowKey, Rows, rows_of};
