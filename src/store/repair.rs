//! Repairing a damaged file: every fix of [`super::audit`] applied in rounds (removing a program leaves its
//! budget lines pointing at nothing, which the next round finds and removes), each removed row or cleared
//! value kept so that undo puts back exactly what was there.

use rusqlite::Connection;
use rusqlite::types::{Value, ValueRef};

use super::audit::{ContentProblem, FixAction, Found, check};
use crate::model::Workbook;

/// More rounds than any chain of references in the schema is long.
const MAX_ROUNDS: usize = 8;

/// A value exactly as the file held it: text that is not UTF-8 (one of the problems a repair removes) is
/// kept as its bytes and put back as text.
#[derive(Debug, Clone)]
enum Raw {
    Value(Value),
    BadText(Vec<u8>),
}

impl Raw {
    fn read(value: ValueRef<'_>) -> Raw {
        match value {
            ValueRef::Null => Raw::Value(Value::Null),
            ValueRef::Integer(n) => Raw::Value(Value::Integer(n)),
            ValueRef::Real(x) => Raw::Value(Value::Real(x)),
            ValueRef::Text(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => Raw::Value(Value::Text(text.to_string())),
                Err(_) => Raw::BadText(bytes.to_vec()),
            },
            ValueRef::Blob(bytes) => Raw::Value(Value::Blob(bytes.to_vec())),
        }
    }

    /// The SQL placeholder for parameter `at`, and the parameter.
    fn bind(&self, at: usize) -> (String, Value) {
        match self {
            Raw::Value(value) => (format!("?{at}"), value.clone()),
            Raw::BadText(bytes) => (format!("CAST(?{at} AS TEXT)"), Value::Blob(bytes.clone())),
        }
    }
}

/// What one fix removed or cleared, to put it back.
#[derive(Debug, Clone)]
enum Undo {
    Reinsert { table: String, rowid: i64, columns: Vec<String>, values: Vec<Raw> },
    Restore { table: String, rowid: i64, column: String, value: Raw },
}

/// Everything one repair changed, in the order it changed it.
#[derive(Debug, Clone, Default)]
pub struct RawRepair {
    undo: Vec<Undo>,
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Apply one fix; `None` when its row is already gone (removed by an earlier fix).
fn apply(conn: &Connection, problem: &ContentProblem) -> rusqlite::Result<Option<Undo>> {
    let table = quote(&problem.table);
    let rowid = problem.fix.rowid;
    match problem.fix.action {
        FixAction::RemoveRow => {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table} WHERE rowid = ?1"))?;
            let columns: Vec<String> = stmt.column_names().map(String::from).collect();
            let mut rows = stmt.query([rowid])?;
            let Some(row) = rows.next()? else { return Ok(None) };
            let values = (0..columns.len()).map(|i| row.get_ref(i).map(Raw::read)).collect::<rusqlite::Result<_>>()?;
            conn.execute(&format!("DELETE FROM {table} WHERE rowid = ?1"), [rowid])?;
            Ok(Some(Undo::Reinsert { table: problem.table.clone(), rowid, columns, values }))
        }
        FixAction::ClearField => {
            let column = quote(&problem.field);
            let sql = format!("SELECT {column} FROM {table} WHERE rowid = ?1");
            let mut stmt = conn.prepare(&sql)?;
            let mut rows = stmt.query([rowid])?;
            let Some(row) = rows.next()? else { return Ok(None) };
            let value = Raw::read(row.get_ref(0)?);
            conn.execute(&format!("UPDATE {table} SET {column} = NULL WHERE rowid = ?1"), [rowid])?;
            Ok(Some(Undo::Restore { table: problem.table.clone(), rowid, column: problem.field.clone(), value }))
        }
    }
}

/// Fix `first` and whatever the fixes reveal, until the file is clean. Foreign keys must be off on `conn`
/// (so a removal cascades nowhere unseen). Returns the clean workbook, every problem fixed, and the undo.
pub fn run(
    conn: &Connection,
    first: Vec<ContentProblem>,
) -> rusqlite::Result<(Workbook, Vec<ContentProblem>, RawRepair)> {
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if enforced {
        // A removal would cascade to rows the undo does not know of.
        return Err(rusqlite::Error::InvalidQuery);
    }
    let mut fixed = Vec::new();
    let mut repair = RawRepair::default();
    let mut current = first;
    for _ in 0..MAX_ROUNDS {
        for problem in &current {
            if let Some(undo) = apply(conn, problem)? {
                repair.undo.push(undo);
            }
        }
        fixed.append(&mut current);
        match check(conn)? {
            Found::Clean(workbook) => return Ok((*workbook, fixed, repair)),
            Found::Problems(next) => current = next,
        }
    }
    Err(rusqlite::Error::InvalidQuery)
}

/// Put back, newest first, everything `repair` changed. Check constraints must be off on `conn` for the rows
/// that broke them to go back in.
pub fn undo(conn: &Connection, repair: &RawRepair) -> rusqlite::Result<()> {
    for step in repair.undo.iter().rev() {
        match step {
            Undo::Reinsert { table, rowid, columns, values } => {
                let names: Vec<String> = columns.iter().map(|c| quote(c)).collect();
                let (marks, mut bound): (Vec<String>, Vec<Value>) =
                    values.iter().enumerate().map(|(i, value)| value.bind(i + 2)).unzip();
                let sql = format!(
                    "INSERT INTO {} (rowid, {}) VALUES (?1, {})",
                    quote(table),
                    names.join(", "),
                    marks.join(", ")
                );
                bound.insert(0, Value::Integer(*rowid));
                conn.execute(&sql, rusqlite::params_from_iter(bound))?;
            }
            Undo::Restore { table, rowid, column, value } => {
                let (mark, value) = value.bind(2);
                let sql = format!("UPDATE {} SET {} = {mark} WHERE rowid = ?1", quote(table), quote(column));
                conn.execute(&sql, rusqlite::params![rowid, value])?;
            }
        }
    }
    Ok(())
}
