//! The strict readers of history and sync records: a journal entry, the file's identity or a peer's base that
//! cannot be read back is an error of the file, never an empty value or a nil id. They depend on nothing else
//! in the store; the audit checks the same records on open (`audit::record_problems`).

use rusqlite::Error::FromSqlConversionFailure;
use rusqlite::types::Type;
use uuid::Uuid;

/// `text`, which the file holds in `column`, as an id: a bad one is an error of the file, never the nil id.
pub fn parse_id(text: &str, column: usize) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// `text`, which the file holds in `column`, as JSON of `T`: a bad one is an error, never an empty value.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str, column: usize) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// The error for `value` in `column`, which is not a `what`.
pub fn not_a(column: usize, what: &str, value: &str) -> rusqlite::Error {
    FromSqlConversionFailure(column, Type::Text, format!("{value:?} is not a valid {what}").into())
}
