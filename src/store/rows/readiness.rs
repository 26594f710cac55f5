//! The readiness assessment: the framework's items and bands, the rounds and their scores. A score's id
//! derives from its round and item, so the same score has the same id in every copy of a workbook.

use rusqlite::{Connection, params};
use uuid::Uuid;

use super::sql::{Stamp, TableWrite, collect, id, invalid};
use crate::model::{Band, LevelText, Pillar, ReadinessItem, Round, Score, stable_id};

static ITEM: TableWrite = TableWrite::upsert(
    "readiness_item",
    &[
        "id",
        "pillar",
        "dimension_id",
        "code",
        "question_id",
        "question_en",
        "levels_json",
        "weight",
        "target_level",
        "position",
    ],
    "id",
);
static BAND: TableWrite = TableWrite::upsert("readiness_band", &["id", "name_id", "name_en", "min", "position"], "id");
static ROUND: TableWrite = TableWrite::upsert("readiness_round", &["id", "name", "year", "position"], "id");
static SCORE: TableWrite = TableWrite::upsert(
    "readiness_score",
    &["id", "round_id", "item_id", "level", "evidence", "note", "scored_by", "scored_at"],
    "round_id, item_id",
);

pub fn load_items(conn: &Connection) -> rusqlite::Result<Vec<ReadinessItem>> {
    collect(
        conn,
        "SELECT id, pillar, dimension_id, code, question_id, question_en, levels_json, weight, target_level, position \
         FROM readiness_item ORDER BY position, id",
        |r| {
            let pillar: String = r.get(1)?;
            let dimension: Option<String> = r.get(2)?;
            let levels: String = r.get(6)?;
            Ok(ReadinessItem {
                id: id(r, 0)?,
                pillar: Pillar::from_key(&pillar).ok_or_else(|| invalid(1, "pillar"))?,
                dimension_id: dimension
                    .map(|d| Uuid::parse_str(&d))
                    .transpose()
                    .map_err(|_| invalid(2, "dimension_id"))?,
                code: r.get(3)?,
                question_id: r.get(4)?,
                question_en: r.get(5)?,
                levels: serde_json::from_str::<[LevelText; 5]>(&levels).map_err(|_| invalid(6, "levels_json"))?,
                weight: r.get(7)?,
                target_level: r.get(8)?,
                position: r.get(9)?,
            })
        },
    )
}

pub fn load_bands(conn: &Connection) -> rusqlite::Result<Vec<Band>> {
    collect(conn, "SELECT id, name_id, name_en, min, position FROM readiness_band ORDER BY min, position", |r| {
        Ok(Band { id: id(r, 0)?, name_id: r.get(1)?, name_en: r.get(2)?, min: r.get(3)?, position: r.get(4)? })
    })
}

pub fn load_rounds(conn: &Connection) -> rusqlite::Result<Vec<Round>> {
    collect(conn, "SELECT id, name, year, position FROM readiness_round ORDER BY position, id", |r| {
        Ok(Round { id: id(r, 0)?, name: r.get(1)?, year: r.get(2)?, position: r.get(3)? })
    })
}

pub fn load_scores(conn: &Connection) -> rusqlite::Result<Vec<Score>> {
    collect(
        conn,
        "SELECT round_id, item_id, level, evidence, note, scored_by, scored_at FROM readiness_score \
         ORDER BY round_id, item_id",
        |r| {
            Ok(Score {
                round_id: id(r, 0)?,
                item_id: id(r, 1)?,
                level: r.get(2)?,
                evidence: r.get(3)?,
                note: r.get(4)?,
                scored_by: r.get(5)?,
                scored_at: r.get(6)?,
            })
        },
    )
}

pub fn write_item(conn: &Connection, i: &ReadinessItem, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let levels = serde_json::to_string(&i.levels).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let values = params![
        i.id.to_string(),
        i.pillar.key(),
        i.dimension_id.map(|d| d.to_string()),
        i.code,
        i.question_id,
        i.question_en,
        levels,
        i.weight,
        i.target_level,
        i.position,
    ];
    ITEM.write(conn, values, stamp)
}

pub fn write_band(conn: &Connection, b: &Band, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    BAND.write(conn, params![b.id.to_string(), b.name_id, b.name_en, b.min, b.position], stamp)
}

pub fn write_round(conn: &Connection, r: &Round, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    ROUND.write(conn, params![r.id.to_string(), r.name, r.year, r.position], stamp)
}

pub fn write_score(conn: &Connection, s: &Score, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    // Derived id: the same round and item give the same row id in every copy of the workbook.
    let id = stable_id("readiness-score", &format!("{}/{}", s.round_id, s.item_id));
    let values = params![
        id.to_string(),
        s.round_id.to_string(),
        s.item_id.to_string(),
        s.level,
        s.evidence,
        s.note,
        s.scored_by,
        s.scored_at,
    ];
    SCORE.write(conn, values, stamp)
}
