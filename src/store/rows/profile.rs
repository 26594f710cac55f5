//! The region's rows: the profile, the reference dimensions and elements, the agencies and the members of the
//! council and team.

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::sql::{Stamp, TableWrite, collect, id, invalid};
use crate::i18n::TimeZone;
use crate::model::{Agency, Body, Dimension, Element, Member, Profile, RegionType};

static PROFILE: TableWrite = TableWrite::upsert("profile", PROFILE_COLUMNS, "id");
/// Files of schema versions before 11 have every column but the last, the time zone.
static PROFILE_BEFORE_ZONE: TableWrite =
    TableWrite::upsert("profile", PROFILE_COLUMNS.split_at(PROFILE_COLUMNS.len() - 1).0, "id");
const PROFILE_COLUMNS: &[&str] = &[
    "id",
    "masterplan_id",
    "region_name",
    "region_type",
    "region_code",
    "province",
    "capital",
    "period_start",
    "period_end",
    "vision",
    "mission",
    "is_example",
    "time_zone",
];
static DIMENSION: TableWrite =
    TableWrite::insert("dimension", &["id", "key", "name_id", "name_en", "gloss_id", "gloss_en", "color", "position"]);
static ELEMENT: TableWrite =
    TableWrite::insert("element", &["id", "dimension_id", "key", "name_id", "name_en", "position"]);
static AGENCY: TableWrite = TableWrite::upsert("agency", &["id", "code", "name", "short_name", "position"], "id");
static MEMBER: TableWrite =
    TableWrite::upsert("member", &["id", "body", "name", "role", "agency_id", "position"], "id");

pub fn load_profile(conn: &Connection) -> rusqlite::Result<Profile> {
    conn.query_row(
        "SELECT masterplan_id, region_name, region_type, region_code, province, capital, period_start, \
         period_end, vision, mission, is_example, time_zone FROM profile WHERE id = 1",
        [],
        |r| {
            let region_type: String = r.get(2)?;
            let zone: String = r.get(11)?;
            Ok(Profile {
                masterplan_id: id(r, 0)?,
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
                time_zone: TimeZone::from_key(&zone).ok_or_else(|| invalid(11, "time_zone"))?,
            })
        },
    )
    .optional()?
    .ok_or(rusqlite::Error::QueryReturnedNoRows)
}

pub fn load_dimensions(conn: &Connection) -> rusqlite::Result<Vec<Dimension>> {
    collect(
        conn,
        "SELECT id, key, name_id, name_en, gloss_id, gloss_en, color, position FROM dimension ORDER BY position, key",
        |r| {
            Ok(Dimension {
                id: id(r, 0)?,
                key: r.get(1)?,
                name_id: r.get(2)?,
                name_en: r.get(3)?,
                gloss_id: r.get(4)?,
                gloss_en: r.get(5)?,
                color: r.get(6)?,
                position: r.get(7)?,
            })
        },
    )
}

pub fn load_elements(conn: &Connection) -> rusqlite::Result<Vec<Element>> {
    collect(
        conn,
        "SELECT e.id, e.dimension_id, e.key, e.name_id, e.name_en, e.position FROM element e \
         JOIN dimension d ON d.id = e.dimension_id ORDER BY d.position, e.position, e.key",
        |r| {
            Ok(Element {
                id: id(r, 0)?,
                dimension_id: id(r, 1)?,
                key: r.get(2)?,
                name_id: r.get(3)?,
                name_en: r.get(4)?,
                position: r.get(5)?,
            })
        },
    )
}

pub fn load_agencies(conn: &Connection) -> rusqlite::Result<Vec<Agency>> {
    collect(conn, "SELECT id, code, name, short_name, position FROM agency ORDER BY position, code", |r| {
        Ok(Agency { id: id(r, 0)?, code: r.get(1)?, name: r.get(2)?, short_name: r.get(3)?, position: r.get(4)? })
    })
}

pub fn load_members(conn: &Connection) -> rusqlite::Result<Vec<Member>> {
    collect(conn, "SELECT id, body, name, role, agency_id, position FROM member ORDER BY body, position, name", |r| {
        let body: String = r.get(1)?;
        let agency: Option<String> = r.get(4)?;
        Ok(Member {
            id: id(r, 0)?,
            body: Body::from_key(&body).ok_or_else(|| invalid(1, "body"))?,
            name: r.get(2)?,
            role: r.get(3)?,
            agency_id: agency.map(|a| Uuid::parse_str(&a)).transpose().map_err(|_| invalid(4, "agency_id"))?,
            position: r.get(5)?,
        })
    })
}

/// Write the profile; `zoned` is false only for files of schema versions without its time zone.
pub fn write_profile(conn: &Connection, p: &Profile, stamp: &Stamp<'_>, zoned: bool) -> rusqlite::Result<()> {
    let (id, masterplan, region_type) = (1, p.masterplan_id.to_string(), p.region_type.key());
    let mut values = params![
        id,
        masterplan,
        p.region_name,
        region_type,
        p.region_code,
        p.province,
        p.capital,
        p.period_start,
        p.period_end,
        p.vision,
        p.mission,
        p.is_example,
    ]
    .to_vec();
    if !zoned {
        return PROFILE_BEFORE_ZONE.write(conn, &values, stamp);
    }
    let zone = p.time_zone.key();
    values.push(&zone);
    PROFILE.write(conn, &values, stamp)
}

pub fn write_dimension(conn: &Connection, d: &Dimension, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let values = params![d.id.to_string(), d.key, d.name_id, d.name_en, d.gloss_id, d.gloss_en, d.color, d.position];
    DIMENSION.write(conn, values, stamp)
}

pub fn write_element(conn: &Connection, e: &Element, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let values = params![e.id.to_string(), e.dimension_id.to_string(), e.key, e.name_id, e.name_en, e.position];
    ELEMENT.write(conn, values, stamp)
}

pub fn write_agency(conn: &Connection, a: &Agency, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    AGENCY.write(conn, params![a.id.to_string(), a.code, a.name, a.short_name, a.position], stamp)
}

pub fn write_member(conn: &Connection, m: &Member, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    let agency = m.agency_id.map(|a| a.to_string());
    MEMBER.write(conn, params![m.id.to_string(), m.body.key(), m.name, m.role, agency, m.position], stamp)
}
