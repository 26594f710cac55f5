//! Reading and writing monitoring and evaluation: realisation per program and year, spending per source, the
//! evaluation framework and its scores. Ids of realisation, spending and score rows are derived from what
//! identifies them, so the same row has the same id in every copy of a workbook (for merging).

use rusqlite::{Connection, params};

use super::sql::{Stamp, TableWrite, collect, delete, has_table, id, invalid};
use crate::model::monev::{evaluation_score_id, realisation_id, spending_id};
use crate::model::{
    EvaluationDimension, EvaluationItem, EvaluationScore, FundingSource, Monev, MonevChange, Realisation,
    RealisationStatus, Spending,
};

static REALISATION: TableWrite = TableWrite::upsert(
    "realisation",
    &["id", "program_id", "year", "status", "reason", "actual", "note", "evidence"],
    "program_id, year",
);
static SPENDING: TableWrite = TableWrite::upsert(
    "realisation_spending",
    &["id", "program_id", "year", "source", "amount"],
    "program_id, year, source",
);
static DIMENSION: TableWrite =
    TableWrite::upsert("evaluation_dimension", &["id", "key", "name_id", "name_en", "weight", "position"], "id");
static ITEM: TableWrite = TableWrite::upsert(
    "evaluation_item",
    &["id", "dimension_id", "key", "name_id", "name_en", "weight", "position"],
    "id",
);
static SCORE: TableWrite =
    TableWrite::upsert("evaluation_score", &["id", "year", "item_id", "score", "evidence", "note"], "year, item_id");

/// Everything of monev in the file; empty for files of schema versions before 12.
pub fn load(conn: &Connection) -> rusqlite::Result<Monev> {
    if !has_table(conn, "realisation")? {
        return Ok(Monev::default());
    }
    let realisations = collect(
        conn,
        "SELECT program_id, year, status, reason, actual, note, evidence FROM realisation ORDER BY program_id, year",
        |r| {
            let status: String = r.get(2)?;
            Ok(Realisation {
                program_id: id(r, 0)?,
                year: r.get(1)?,
                status: RealisationStatus::from_key(&status).ok_or_else(|| invalid(2, "status"))?,
                reason: r.get(3)?,
                actual: r.get(4)?,
                note: r.get(5)?,
                evidence: r.get(6)?,
            })
        },
    )?;
    let mut spending = collect(conn, "SELECT program_id, year, source, amount FROM realisation_spending", |r| {
        let source: String = r.get(2)?;
        Ok(Spending {
            program_id: id(r, 0)?,
            year: r.get(1)?,
            source: FundingSource::from_key(&source).ok_or_else(|| invalid(2, "source"))?,
            amount: r.get(3)?,
        })
    })?;
    // Sources sort in the model's order, not by their keys' spelling.
    spending.sort_by_key(Spending::key);
    Ok(Monev {
        realisations,
        spending,
        dimensions: load_dimensions(conn)?,
        items: load_items(conn)?,
        scores: load_scores(conn)?,
    })
}

fn load_dimensions(conn: &Connection) -> rusqlite::Result<Vec<EvaluationDimension>> {
    collect(
        conn,
        "SELECT id, key, name_id, name_en, weight, position FROM evaluation_dimension ORDER BY position, id",
        |r| {
            Ok(EvaluationDimension {
                id: id(r, 0)?,
                key: r.get(1)?,
                name_id: r.get(2)?,
                name_en: r.get(3)?,
                weight: r.get(4)?,
                position: r.get(5)?,
            })
        },
    )
}

fn load_items(conn: &Connection) -> rusqlite::Result<Vec<EvaluationItem>> {
    collect(
        conn,
        "SELECT id, dimension_id, key, name_id, name_en, weight, position FROM evaluation_item ORDER BY position, id",
        |r| {
            Ok(EvaluationItem {
                id: id(r, 0)?,
                dimension_id: id(r, 1)?,
                key: r.get(2)?,
                name_id: r.get(3)?,
                name_en: r.get(4)?,
                weight: r.get(5)?,
                position: r.get(6)?,
            })
        },
    )
}

fn load_scores(conn: &Connection) -> rusqlite::Result<Vec<EvaluationScore>> {
    collect(conn, "SELECT year, item_id, score, evidence, note FROM evaluation_score ORDER BY year, item_id", |r| {
        Ok(EvaluationScore {
            year: r.get(0)?,
            item_id: id(r, 1)?,
            score: r.get(2)?,
            evidence: r.get(3)?,
            note: r.get(4)?,
        })
    })
}

/// Write one change. The caller holds the transaction.
pub fn write(conn: &Connection, change: &MonevChange, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    use MonevChange as C;
    match change {
        C::PutRealisation(r) => {
            let row = realisation_id(r.program_id, r.year).to_string();
            let values =
                params![row, r.program_id.to_string(), r.year, r.status.key(), r.reason, r.actual, r.note, r.evidence];
            REALISATION.write(conn, values, stamp)
        }
        C::RemoveRealisation { program, year } => delete(conn, "realisation", realisation_id(*program, *year)),
        C::PutSpending(s) => {
            let row = spending_id(s.program_id, s.year, s.source).to_string();
            SPENDING.write(conn, params![row, s.program_id.to_string(), s.year, s.source.key(), s.amount], stamp)
        }
        C::RemoveSpending { program, year, source } => {
            delete(conn, "realisation_spending", spending_id(*program, *year, *source))
        }
        C::PutDimension(d) => {
            DIMENSION.write(conn, params![d.id.to_string(), d.key, d.name_id, d.name_en, d.weight, d.position], stamp)
        }
        C::RemoveDimension(id) => delete(conn, "evaluation_dimension", *id),
        C::PutItem(i) => {
            let values = params![
                i.id.to_string(),
                i.dimension_id.to_string(),
                i.key,
                i.name_id,
                i.name_en,
                i.weight,
                i.position
            ];
            ITEM.write(conn, values, stamp)
        }
        C::RemoveItem(id) => delete(conn, "evaluation_item", *id),
        C::PutScore(s) => {
            let row = evaluation_score_id(s.year, s.item_id).to_string();
            SCORE.write(conn, params![row, s.year, s.item_id.to_string(), s.score, s.evidence, s.note], stamp)
        }
        C::RemoveScore { year, item } => delete(conn, "evaluation_score", evaluation_score_id(*year, *item)),
    }
}

/// Write all rows into a fresh schema (new workbooks, the demo): the framework the migration seeded gives way
/// to the workbook's own, so the file reads back as exactly `all`. Writes nothing into files of schema
/// versions without these tables.
pub fn write_all(conn: &Connection, all: &Monev, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    use MonevChange as C;
    if !has_table(conn, "realisation")? {
        return Ok(());
    }
    conn.execute_batch("DELETE FROM evaluation_score; DELETE FROM evaluation_item; DELETE FROM evaluation_dimension;")?;
    let changes = (all.dimensions.iter().cloned().map(C::PutDimension))
        .chain(all.items.iter().cloned().map(C::PutItem))
        .chain(all.scores.iter().cloned().map(C::PutScore))
        .chain(all.realisations.iter().cloned().map(C::PutRealisation))
        .chain(all.spending.iter().copied().map(C::PutSpending));
    for change in changes {
        write(conn, &change, stamp)?;
    }
    Ok(())
}
