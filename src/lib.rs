//! Smart City Masterplan Workbench: an offline desktop workbench for Indonesian regencies and cities writing
//! their ten-year smart city masterplan. Dependencies point one way: `ui -> {store, seed} -> model`.

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
