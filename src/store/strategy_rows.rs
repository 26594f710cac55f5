//! Reading and writing the strategy: issues, SWOT, goals, strategies, indicators and program links.

use rusqlite::Connection;

use super::rows::Stamp;
use crate::model::{Strategy, StrategyChange};

pub fn load(_conn: &Connection) -> rusqlite::Result<Strategy> {
    Ok(Strategy::default())
}

/// Write one change. The caller holds the transaction.
pub fn write(_conn: &Connection, change: &StrategyChange, _stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    match *change {}
}

/// Write all rows into an empty schema (new workbooks, the demo). Writes nothing when there is nothing, so
/// files of older schema versions without these tables can still be written.
pub fn write_all(_conn: &Connection, _all: &Strategy, _stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    Ok(())
}
