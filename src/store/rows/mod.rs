//! Reading the workbook into memory and writing each [`Change`] as SQL, one module per table group: the
//! region ([`profile`]), [`programs`], [`readiness`], [`finance`], [`strategy`], [`quick_wins`] and [`monev`], all built
//! of the shared pieces in [`sql`]. Every written row gets the time and the person of the change.

mod finance;
mod monev;
mod profile;
mod programs;
mod quick_wins;
mod readiness;
mod sql;
mod strategy;

use rusqlite::{Connection, params};

pub use sql::Stamp;
use sql::delete;

use crate::model::{Change, Workbook};

pub fn load(conn: &Connection) -> rusqlite::Result<Workbook> {
    Ok(Workbook {
        profile: profile::load_profile(conn)?,
        dimensions: profile::load_dimensions(conn)?,
        elements: profile::load_elements(conn)?,
        agencies: profile::load_agencies(conn)?,
        members: profile::load_members(conn)?,
        programs: programs::load(conn)?,
        readiness_items: readiness::load_items(conn)?,
        bands: readiness::load_bands(conn)?,
        rounds: readiness::load_rounds(conn)?,
        scores: readiness::load_scores(conn)?,
        finance: finance::load_values(conn)?,
        finance_settings: finance::load_settings(conn)?,
        strategy: strategy::load(conn)?,
        quick_wins: quick_wins::load(conn)?,
        monev: monev::load(conn)?,
    })
}

/// Write one change. The caller holds the transaction.
pub fn write(conn: &Connection, change: &Change, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    match change {
        Change::Profile(p) => profile::write_profile(conn, p, stamp, true),
        Change::PutAgency(a) => profile::write_agency(conn, a, stamp),
        Change::RemoveAgency(id) => delete(conn, "agency", *id),
        Change::PutMember(m) => profile::write_member(conn, m, stamp),
        Change::RemoveMember(id) => delete(conn, "member", *id),
        Change::PutProgram(p) => programs::write(conn, p, stamp, false),
        // Budget lines, targets and readiness links go with it (ON DELETE CASCADE).
        Change::RemoveProgram(id) => delete(conn, "program", *id),
        Change::PutReadinessItem(item) => readiness::write_item(conn, item, stamp),
        Change::RemoveReadinessItem(id) => delete(conn, "readiness_item", *id),
        Change::PutBand(band) => readiness::write_band(conn, band, stamp),
        Change::RemoveBand(id) => delete(conn, "readiness_band", *id),
        Change::PutRound(round) => readiness::write_round(conn, round, stamp),
        Change::RemoveRound(id) => delete(conn, "readiness_round", *id),
        Change::PutScore(score) => readiness::write_score(conn, score, stamp),
        Change::RemoveScore { round, item } => conn
            .prepare_cached("DELETE FROM readiness_score WHERE round_id = ?1 AND item_id = ?2")?
            .execute([round.to_string(), item.to_string()])
            .map(|_| ()),
        Change::PutFinanceValue(value) => finance::write_value(conn, value, stamp),
        Change::RemoveFinanceValue { line, year, kind } => conn
            .prepare_cached("DELETE FROM finance_value WHERE line = ?1 AND year = ?2 AND kind = ?3")?
            .execute(params![line, year, kind.key()])
            .map(|_| ()),
        Change::PutFinanceSettings(settings) => finance::write_settings(conn, settings.as_ref(), stamp),
        Change::Strategy(c) => strategy::write(conn, c, stamp),
        Change::QuickWin(c) => quick_wins::write(conn, c, stamp),
        Change::Monev(c) => monev::write(conn, c, stamp),
    }
}

/// Write a whole workbook into an empty schema (new workbooks, the demo).
pub fn write_all(conn: &Connection, workbook: &Workbook, stamp: &Stamp<'_>) -> rusqlite::Result<()> {
    write_all_zoned(conn, workbook, stamp, true)
}

/// [`write_all`] into a schema whose profile has no time zone yet (`zoned` false: versions before 11, for tests
/// of their migration).
pub fn write_all_zoned(conn: &Connection, workbook: &Workbook, stamp: &Stamp<'_>, zoned: bool) -> rusqlite::Result<()> {
    profile::write_profile(conn, &workbook.profile, stamp, zoned)?;
    for d in &workbook.dimensions {
        profile::write_dimension(conn, d, stamp)?;
    }
    for e in &workbook.elements {
        profile::write_element(conn, e, stamp)?;
    }
    for a in &workbook.agencies {
        profile::write_agency(conn, a, stamp)?;
    }
    for m in &workbook.members {
        profile::write_member(conn, m, stamp)?;
    }
    // Readiness items before programs: programs link to them.
    for item in &workbook.readiness_items {
        readiness::write_item(conn, item, stamp)?;
    }
    for band in &workbook.bands {
        readiness::write_band(conn, band, stamp)?;
    }
    for round in &workbook.rounds {
        readiness::write_round(conn, round, stamp)?;
    }
    for score in &workbook.scores {
        readiness::write_score(conn, score, stamp)?;
    }
    // The strategy before programs: programs name strategies, and issues name readiness items (written above).
    strategy::write_all(conn, &workbook.strategy, stamp)?;
    for p in &workbook.programs {
        programs::write(conn, p, stamp, true)?;
    }
    for value in &workbook.finance {
        finance::write_value(conn, value, stamp)?;
    }
    if let Some(settings) = &workbook.finance_settings {
        // Only a workbook with its own settings writes them: older schema versions have no table for them.
        finance::write_settings(conn, Some(settings), stamp)?;
    }
    quick_wins::write_all(conn, &workbook.quick_wins, stamp)?;
    monev::write_all(conn, &workbook.monev, stamp)
}
