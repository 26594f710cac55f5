//! The finance rows: APBD values per line, year and kind, and the projection settings with their rates.
//! A value's id derives from its line, year and kind, so every copy of a workbook agrees.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::sql::{Stamp, TableWrite, collect, invalid};
use crate::model::{FinanceValue, ProjectionSettings, ValueKind, stable_id};

static VALUE: TableWrite =
    TableWrite::upsert("finance_value", &["id", "line", "year", "kind", "amount", "is_estimate"], "line, year, kind");
static SETTINGS: TableWrite = TableWrite::upsert(
    "finance_setting",
    &["id", "base_first", "base_last", "pessimistic_bp", "base_bp", "optimistic_bp", "envelope_bp"],
    "id",
);
static RATE: TableWrite = TableWrite::insert("finance_rate", &["id", "line", "rate_bp"]);

pub fn load_values(conn: &Connection) -> rusqlite::Result<Vec<FinanceValue>> {
    collect(conn, "SELECT line, year, kind, amount, is_estimate FROM finance_value ORDER BY line, year, kind", |r| {
        let kind: String = r.get(2)?;
        Ok(FinanceValue {
            line: r.get(0)?,
            year: r.get(1)?,
            kind: ValueKind::from_key(&kind).ok_or_else(|| invalid(2, "kind"))?,
            amount: r.get(3)?,
            is_estimate: r.get(4)?,
        })
    })
}

/// The projection settings with their typed rates, or `None` when the workbook has none of its own.
pub fn load_settings(conn: &Connection) -> rusqlite::Result<Option<ProjectionSettings>> {
    let settings = conn
        .query_row(
            "SELECT base_first, base_last, pessimistic_bp, base_bp, optimistic_bp, envelope_bp FROM finance_setting \
             WHERE id = 1",
            [],
            |r| {
                Ok(ProjectionSettings {
                    base_first: r.get(0)?,
                    base_last: r.get(1)?,
                    rates: BTreeMap::new(),
                    pessimistic_bp: r.get(2)?,
                    base_bp: r.get(3)?,
                    optimistic_bp: r.get(4)?,
                    envelope_bp: r.get(5)?,
                })
            },
        )
        .optional()?;
    let Some(mut settings) = settings else { return Ok(None) };
    let rates = collect(conn, "SELECT line, rate_bp FROM finance_rate ORDER BY line", |r| Ok((r.get(0)?, r.get(1)?)))?;
    settings.rates = rates.into_iter().collect();
    Ok(Some(settings))
}

pub fn write_value(conn: &Connection, v: &FinanceValue, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    // Derived id: the same line, year and kind have the same row id in every copy of the workbook.
    let id = stable_id("finance-value", &format!("{}/{}/{}", v.line, v.year, v.kind.key()));
    VALUE.write(conn, params![id.to_string(), v.line, v.year, v.kind.key(), v.amount, v.is_estimate], stamp)
}

/// Write the settings whole (the row and its rates), or remove them for `None`.
pub fn write_settings(
    conn: &Connection,
    settings: Option<&ProjectionSettings>,
    stamp: &Stamp<'_>,
) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM finance_rate")?.execute([])?;
    let Some(s) = settings else {
        conn.prepare_cached("DELETE FROM finance_setting")?.execute([])?;
        return Ok(());
    };
    let values = params![1, s.base_first, s.base_last, s.pessimistic_bp, s.base_bp, s.optimistic_bp, s.envelope_bp];
    SETTINGS.write(conn, values, stamp)?;
    for (line, rate) in &s.rates {
        RATE.write(conn, params![stable_id("finance-rate", line).to_string(), line, rate], stamp)?;
    }
    Ok(())
}
