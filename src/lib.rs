//! Smart City Masterplan Workbench: an offline desktop workbench for Indonesian regencies and cities writing
//! their ten-year smart city masterplan. One workbook is one SQLite file holding the whole masterplan.
//!
//! # The house
//!
//! Each folder has one job, and imports point down this list only (a test, `tests/workbook/house.rs`, keeps
//! it so: no import cycle between files or folders, no file over 600 lines, no function over 80):
//!
//! | layer | folder | its one job |
//! |---|---|---|
//! | leaves | `i18n`, `signing`, `paths` | texts and money the Indonesian way; Ed25519 keys as hex; where files live |
//! | domain | `model` | plain types, the edit vocabulary (`Change`, `Edit`) and every validation rule (`model/validate/`) |
//! | computing | `analysis`, `seed`, `generate`, `settings` | figures read from a workbook; reference data and the demo from `assets/`; large example workbooks; what the app remembers |
//! | drawing | `charts` | every chart, described once (`charts::of_workbook`), drawn by plotters for the screen and the files |
//! | the file | `store` | the only SQL: schema, migrations, opening checks, rows, undo, the journal, agency copies |
//! | copies | `merge` | rows as field maps, the three-way merge, trust of a copy, change packages |
//! | files out and in | `io` | the books (DOCX, HTML), spreadsheets, CSV, charts as files, program import, readiness JSON |
//! | faces | `ui`, `cli` | the egui app (the only egui) and the headless command line; both stand on everything below |
//!
//! # The path of an edit
//!
//! A widget in a view never changes the workbook. It reads the snapshot through its `ui::ViewCx` (language,
//! `&Session`, editable or not) and hands an [`model::Edit`] (a label and row-level [`model::Change`]s) to
//! the app through `ViewCx::propose` (checked there against `model/validate`, the problem returned to the
//! field it came from) or `ViewCx::push` (checked by the commit). After the frame, `App::commit` hands each
//! edit to [`store::Session::commit`], which checks what is not checked yet, writes the changes in one SQLite
//! transaction, applies them to the snapshot, records their inverses as one undo step and bumps
//! `Session::revision()` so caches of derived figures and charts rebuild. Requests that change more than rows
//! (an agency copy, a change package, a merge) go the same way: a view hands a request to the app, the app
//! carries it out and reports the result in one place.

/// Pure computations over the model: filters, sums, indices.
pub mod analysis;
/// Charts drawn by plotters onto any backend: bitmap for the app, SVG/PNG for exports (same code, same picture).
pub mod charts;
/// The command line: headless subcommands for scripts, tests and colleagues without a screen.
pub mod cli;
/// Large generated workbooks (example data) for load tests and benchmarks, deterministic from a seed.
pub mod generate;
/// Translations, money and number formatting: everything the user reads.
pub mod i18n;
/// Program import and export: the CSV/XLSX program table, its reader, checker and writer; the readiness
/// framework as JSON.
pub mod io;
/// Merging copies of one masterplan: rows as field maps, the three-way merge, conflicts and change packages.
pub mod merge;
/// Plain domain types and their validation rules; no SQL, no egui.
pub mod model;
/// Where the app keeps settings, the demo and locks.
pub mod paths;
/// Reference data (dimensions, elements) and the demo workbook, from `assets/`.
pub mod seed;
/// What the app remembers between starts.
pub mod settings;
/// Ed25519 keys of agency copies, as hex text: what the store and the merge both sign and verify with.
pub mod signing;
/// The workbook file: schema, migrations, opening checks, reads, writes and undo. The only SQL.
pub mod store;
/// The egui desktop app.
pub mod ui;
