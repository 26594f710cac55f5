//! Reading the workbook into memory and writing each [`Change`] as SQL. Every written row gets the time and
//! the person of the change.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use crate::model::{Agency, Body, Change, Dimension, Element, Member, Profile, RegionType, Workbook};

/// Who made a change and when, stamped on every row it writes.
pub struct Stamp<'a> {
    pub at: &'a str,
    pub by: &'a str,
}

fn uuid(row: &Row<'_>, index: usize) -> rusqlite::Result<Uuid> {
    let text: String = row.get(index)?;
    Uuid::parse_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e)))
}

fn invalid(index: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        index,
        rusqlite::types::Type::Text,
        format!("unexpected value for {what}").into(),
    )
}

pub fn load(conn: &Connection) -> rusqlite::Result<Workbook> {
    let profile = conn
        .query_row(
            "SELECT masterplan_id, region_name, region_type, region_code, province, capital, period_start, \
             period_end, vision, mission, is_example FROM profile WHERE id = 1",
            [],
            |r| {
                let region_type: String = r.get(2)?;
                Ok(Profile {
                    masterplan_id: uuid(r, 0)?,
                    region_name: r.get(1)?,
                    region_type: RegionType::from_key(&region_type).ok_or_else(|| invalid(2, "region_type"))?,
                    region_code: r.get(3)?,
                    province: r.get(4)?,
                    capital: r.get(5)?,
                    period_start: r.get(6)?,
                    period_end: r.get(7)?,
                    vision: r.get(8)?,
                    mission: r.get(9)?,
                    is_example: r.get(10)?,
                })
            },
        )
        .optional()?
        .ok_or(rusqlite::Error::QueryReturnedNoRows)?;

    let dimensions = collect(
        conn,
        "SELECT id, key, name_id, name_en, gloss_id, gloss_en, color, position FROM dimension ORDER BY position, key",
        |r| {
            Ok(Dimension {
                id: uuid(r, 0)?,
                key: r.get(1)?,
                name_id: r.get(2)?,
                name_en: r.get(3)?,
                gloss_id: r.get(4)?,
                gloss_en: r.get(5)?,
                color: r.get(6)?,
                position: r.get(7)?,
            })
        },
    )?;
    let elements = collect(
        conn,
        "SELECT e.id, e.dimension_id, e.key, e.name_id, e.name_en, e.position FROM element e \
         JOIN dimension d ON d.id = e.dimension_id ORDER BY d.position, e.position, e.key",
        |r| {
            Ok(Element {
                id: uuid(r, 0)?,
                dimension_id: uuid(r, 1)?,
                key: r.get(2)?,
                name_id: r.get(3)?,
                name_en: r.get(4)?,
                position: r.get(5)?,
            })
        },
    )?;
    let agencies =
        collect(conn, "SELECT id, code, name, short_name, position FROM agency ORDER BY position, code", |r| {
            Ok(Agency { id: uuid(r, 0)?, code: r.get(1)?, name: r.get(2)?, short_name: r.get(3)?, position: r.get(4)? })
        })?;
    let members = collect(
        conn,
        "SELECT id, body, name, role, agency_id, position FROM member ORDER BY body, position, name",
        |r| {
            let body: String = r.get(1)?;
            let agency: Option<String> = r.get(4)?;
            Ok(Member {
                id: uuid(r, 0)?,
                body: Body::from_key(&body).ok_or_else(|| invalid(1, "body"))?,
                name: r.get(2)?,
                role: r.get(3)?,
                agency_id: agency.map(|a| Uuid::parse_str(&a)).transpose().map_err(|_| invalid(4, "agency_id"))?,
                position: r.get(5)?,
            })
        },
    )?;
    Ok(Workbook { profile, dimensions, elements, agencies, members })
}

fn collect<T>(
    conn: &Connection,
    sql: &str,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], map)?;
    rows.collect()
}

/// Write one change. The caller holds the transaction.
pub fn write(conn: &Connection, change: &Change, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    match change {
        Change::Profile(p) => {
            conn.execute(
                "INSERT INTO profile (id, masterplan_id, region_name, region_type, region_code, province, capital, \
                 period_start, period_end, vision, mission, is_example, updated_at, changed_by) \
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
                 ON CONFLICT(id) DO UPDATE SET masterplan_id = ?1, region_name = ?2, region_type = ?3, \
                 region_code = ?4, province = ?5, capital = ?6, period_start = ?7, period_end = ?8, vision = ?9, \
                 mission = ?10, is_example = ?11, updated_at = ?12, changed_by = ?13",
                params![
                    p.masterplan_id.to_string(),
                    p.region_name,
                    p.region_type.key(),
                    p.region_code,
                    p.province,
                    p.capital,
                    p.period_start,
                    p.period_end,
                    p.vision,
                    p.mission,
                    p.is_example,
                    stamp.at,
                    stamp.by
                ],
            )?;
        }
        Change::PutAgency(a) => {
            conn.execute(
                "INSERT INTO agency (id, code, name, short_name, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET code = ?2, name = ?3, \
                 short_name = ?4, position = ?5, updated_at = ?6, changed_by = ?7",
                params![a.id.to_string(), a.code, a.name, a.short_name, a.position, stamp.at, stamp.by],
            )?;
        }
        Change::RemoveAgency(id) => {
            conn.execute("DELETE FROM agency WHERE id = ?1", [id.to_string()])?;
        }
        Change::PutMember(m) => {
            conn.execute(
                "INSERT INTO member (id, body, name, role, agency_id, position, updated_at, changed_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET body = ?2, name = ?3, \
                 role = ?4, agency_id = ?5, position = ?6, updated_at = ?7, changed_by = ?8",
                params![
                    m.id.to_string(),
                    m.body.key(),
                    m.name,
                    m.role,
                    m.agency_id.map(|a| a.to_string()),
                    m.position,
                    stamp.at,
                    stamp.by
                ],
            )?;
        }
        Change::RemoveMember(id) => {
            conn.execute("DELETE FROM member WHERE id = ?1", [id.to_string()])?;
        }
    }
    Ok(())
}

/// Write a whole workbook into an empty schema (new workbooks, the demo).
pub fn write_all(conn: &Connection, workbook: &Workbook, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    write(conn, &Change::Profile(workbook.profile.clone()), stamp)?;
    for d in &workbook.dimensions {
        conn.execute(
            "INSERT INTO dimension (id, key, name_id, name_en, gloss_id, gloss_en, color, position, updated_at, \
             changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                d.id.to_string(),
                d.key,
                d.name_id,
                d.name_en,
                d.gloss_id,
                d.gloss_en,
                d.color,
                d.position,
                stamp.at,
                stamp.by
            ],
        )?;
    }
    for e in &workbook.elements {
        conn.execute(
            "INSERT INTO element (id, dimension_id, key, name_id, name_en, position, updated_at, changed_by) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                e.id.to_string(),
                e.dimension_id.to_string(),
                e.key,
                e.name_id,
                e.name_en,
                e.position,
                stamp.at,
                stamp.by
            ],
        )?;
    }
    for a in &workbook.agencies {
        write(conn, &Change::PutAgency(a.clone()), stamp)?;
    }
    for m in &workbook.members {
        write(conn, &Change::PutMember(m.clone()), stamp)?;
    }
    Ok(())
}
