//! What every table's reader and writer shares: the stamp written on each row, the strict readers of ids and
//! keys, and the small statements (collect a query, delete a row, upsert a row) the table modules are built of.

use std::sync::OnceLock;

use rusqlite::types::{ToSql, Type};
use rusqlite::{Connection, Row};
use uuid::Uuid;

use crate::store::records::parse_id;

/// Who made a change and when, stamped on every row it writes.
pub struct Stamp<'a> {
    pub at: &'a str,
    pub by: &'a str,
}

/// The id in column `index`: a bad one is an error of the file, never the nil id.
pub fn id(row: &Row<'_>, index: usize) -> rusqlite::Result<Uuid> {
    parse_id(&row.get::<_, String>(index)?, index)
}

/// The id in column `index`, which may be empty (NULL).
pub fn optional_id(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<Uuid>> {
    row.get::<_, Option<String>>(index)?.map(|text| parse_id(&text, index)).transpose()
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

/// How one table's rows are written: every column in order, then the stamp's `updated_at` and `changed_by`.
/// An upsert names the columns a conflict is detected on and updates every other column (never `id`); an
/// insert writes new rows only (rows written whole, after their old ones were deleted).
pub struct TableWrite {
    table: &'static str,
    columns: &'static [&'static str],
    conflict: Option<&'static str>,
    sql: OnceLock<String>,
}

impl TableWrite {
    /// `INSERT … ON CONFLICT(conflict) DO UPDATE SET` every column but `id` and the conflict's own.
    pub const fn upsert(table: &'static str, columns: &'static [&'static str], conflict: &'static str) -> Self {
        TableWrite { table, columns, conflict: Some(conflict), sql: OnceLock::new() }
    }

    /// A plain `INSERT`.
    pub const fn insert(table: &'static str, columns: &'static [&'static str]) -> Self {
        TableWrite { table, columns, conflict: None, sql: OnceLock::new() }
    }

    fn sql(&self) -> &str {
        self.sql.get_or_init(|| {
            let all: Vec<&str> = self.columns.iter().copied().chain(["updated_at", "changed_by"]).collect();
            let values: Vec<String> = (1..=all.len()).map(|i| format!("?{i}")).collect();
            let insert = format!("INSERT INTO {} ({}) VALUES ({})", self.table, all.join(", "), values.join(", "));
            let Some(conflict) = self.conflict else { return insert };
            let keys: Vec<&str> = conflict.split(", ").collect();
            let set: Vec<String> = (all.iter().enumerate())
                .filter(|(_, column)| **column != "id" && !keys.contains(column))
                .map(|(i, column)| format!("{column} = ?{}", i + 1))
                .collect();
            format!("{insert} ON CONFLICT({conflict}) DO UPDATE SET {}", set.join(", "))
        })
    }

    /// Write one row: `values` for the columns in order, stamped with `stamp`.
    pub fn write(&self, conn: &Connection, values: &[&dyn ToSql], stamp: &Stamp<'_>) -> rusqlite::Result<()> {
        let mut all = values.to_vec();
        all.extend([&stamp.at as &dyn ToSql, &stamp.by]);
        conn.prepare_cached(self.sql())?.execute(all.as_slice())?;
        Ok(())
    }
}

/// True when the file has the table `name` (older schema versions lack later tables: then their rows are
/// empty).
pub fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1", [name], |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n > 0)
}

/// Remove the row `id` from `table`.
pub fn delete(conn: &Connection, table: &str, id: Uuid) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?.execute([id.to_string()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upsert_updates_every_column_but_the_id_and_the_conflict() {
        let write = TableWrite::upsert("t", &["id", "a", "b", "c"], "a, b");
        assert_eq!(
            write.sql(),
            "INSERT INTO t (id, a, b, c, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT(a, b) DO UPDATE SET c = ?4, updated_at = ?5, changed_by = ?6"
        );
        let insert = TableWrite::insert("t", &["id", "a"]);
        assert_eq!(insert.sql(), "INSERT INTO t (id, a, updated_at, changed_by) VALUES (?1, ?2, ?3, ?4)");
    }
}
