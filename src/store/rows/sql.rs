//! What every table's reader and writer shares: the stamp written on each row, the strict readers of ids and
//! keys, and the small statements (collect a query, delete a row, upsert a row) the table modules are built of.

use rusqlite::types::Type;
use rusqlite::{Connection, Row};
use uuid::Uuid;

/// Who made a change and when, stamped on every row it writes.
pub struct Stamp<'a> {
    pub at: &'a str,
    pub by: &'a str,
}

/// The id in column `index`: a bad one is an error of the file, never the nil id.
pub fn id(row: &Row<'_>, index: usize) -> rusqlite::Result<Uuid> {
    let text: String = row.get(index)?;
    Uuid::parse_str(&text).map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

/// The id in column `index`, which may be empty (NULL).
pub fn optional_id(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<Uuid>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| {
        Uuid::parse_str(&t).map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
    })
    .transpose()
}

/// The error for column `index`, whose text is not a valid `what`.
pub fn invalid(index: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, format!("unexpected value for {what}").into())
}

/// Every row of `sql` (a query without parameters), each mapped by `map`.
pub fn collect<T>(
    conn: &Connection,
    sql: &str,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], map)?;
    rows.collect()
}
