//! Merging two copies of one masterplan. Every row of a [`Workbook`](crate::model::Workbook) is seen as
//! `(kind, id) -> fields` ([`fields`]); one registry ([`kinds`]) lists the row kinds and how a merged row becomes
//! a [`Change`](crate::model::Change) again. [`plan`] compares both sides with the state they had when they last
//! met, field by field, and yields what is new, what is taken and what conflicts; once every conflict has a
//! choice, the plan becomes the changes of one [`Edit`](crate::model::Edit). [`workflow`] ties this to files:
//! workbooks, change packages ([`package`], checked by [`trust`]) and what each file remembers about its peers. No SQL and no egui here.

mod consistency;
pub mod fields;
pub mod kinds;
/// Change packages: an agency copy's changes since it last met the coordinator, hashed and signed.
pub mod package;
pub mod plan;
pub mod scope;
pub mod trust;
pub mod workflow;

#[cfg(test)]
mod tests;

pub use fields::Fields;
pub use kinds::{FieldMaps, KINDS, Kind, RowKey, field_maps_of};
pub use plan::{Conflict, Entry, Outcome, Plan, Side, Summary};
