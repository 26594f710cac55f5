//! Integration tests of the workbook file: round trips, undo and redo through the file, migrations of older
//! versions, files that must be refused untouched, one writer per workbook, durability under SIGKILL, and the
//! headless command line.

mod books;
mod charts;
mod cli;
mod common;
mod damaged;
mod export;
mod generate;
mod house;
mod import;
mod kill;
mod merge;
mod migrations;
mod minutes_export;
mod monev;
mod quick_wins;
mod refused;
mod round_trip;
mod store;
mod strategy;
mod undo;
