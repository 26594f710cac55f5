//! Reading and writing the quick wins: criteria, scores, quick-win marks, selections, votes and workshop minutes.

use rusqlite::Connection;

use super::rows::Stamp;
use crate::model::{QuickWinChange, QuickWins};

pub fn load(_conn: &Connection) -> rusqlite::Result<QuickWins> {
    Ok(QuickWins::default())
}

/// Write one change. The caller holds the transaction.
pub fn write(_conn: &Connection, change: &QuickWinChange, _stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    match *change {}
}

/// Write all rows into an empty schema (new workbooks, the demo). Writes nothing when there is nothing, so
/// files of older schema versions without these tables can still be written.
pub fn write_all(_conn: &Connection, _all: &QuickWins, _stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    Ok(())
}
