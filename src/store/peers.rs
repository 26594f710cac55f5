//! What a file remembers of the copies of its masterplan: its own identity (the replica), and per other copy
//! the base of their last meeting (`sync_peer`); the meeting record that undo and redo move back and forth.

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::clock::now_iso;
use super::records;
use crate::model::Id;

/// A copy of the masterplan: its identity, a name for people, and the agency whose programs alone it may edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replica {
    pub id: Uuid,
    /// The agency's name for agency copies; empty for the coordinator's workbook.
    pub name: String,
    /// `Some(agency)`: only that agency's programs are editable here.
    pub scope: Option<Id>,
}

/// A peer's base before and after a merge, so undo and redo move it with the content.
#[derive(Clone, Debug)]
pub struct MeetingRecord {
    pub peer: Replica,
    pub before: Option<(String, String)>,
    pub after: Option<(String, String)>,
    pub package: Option<String>,
}

/// This file's identity; a row that cannot be read back is an error, never a nil id.
pub(super) fn load_replica(conn: &Connection) -> rusqlite::Result<Option<Replica>> {
    conn.query_row("SELECT replica_id, name, scope_agency_id FROM replica WHERE id = 1", [], |r| {
        let scope: Option<String> = r.get(2)?;
        Ok(Replica {
            id: records::parse_id(&r.get::<_, String>(0)?, 0)?,
            name: r.get(1)?,
            scope: scope.map(|s| records::parse_id(&s, 2)).transpose()?,
        })
    })
    .optional()
}

pub(super) fn peer_row(conn: &Connection, peer: Uuid) -> rusqlite::Result<Option<(String, String)>> {
    key_row(conn, &peer.to_string())
}

pub(super) fn key_row(conn: &Connection, key: &str) -> rusqlite::Result<Option<(String, String)>> {
    conn.query_row("SELECT base_json, met_at FROM sync_peer WHERE peer_id = ?1", [key], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

pub(super) fn write_peer(conn: &Connection, peer: &Replica, base: &(String, String), by: &str) -> rusqlite::Result<()> {
    write_key(conn, &peer.id.to_string(), peer, base, by)
}

pub(super) fn write_key(
    conn: &Connection,
    key: &str,
    peer: &Replica,
    base: &(String, String),
    by: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_peer (peer_id, name, agency_id, met_at, base_json, updated_at, changed_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?6) ON CONFLICT(peer_id) DO UPDATE SET name = ?2, agency_id = ?3, \
         met_at = ?4, base_json = ?5, updated_at = ?4, changed_by = ?6",
    )?
    .execute(params![key, peer.name, peer.scope.map(|s| s.to_string()), base.1, base.0, by])?;
    Ok(())
}

impl MeetingRecord {
    /// Write the base after the merge (`forward`) or put back the one before it (undo).
    pub(super) fn write(&self, conn: &Connection, forward: bool, by: &str) -> rusqlite::Result<()> {
        match (forward, &self.before) {
            (true, _) => {
                if let Some(after) = &self.after {
                    write_peer(conn, &self.peer, after, by)?;
                }
            }
            (false, _) if self.after.is_none() => {}
            (false, Some(before)) => write_peer(conn, &self.peer, before, by)?,
            (false, None) => {
                conn.execute("DELETE FROM sync_peer WHERE peer_id = ?1", [self.peer.id.to_string()])?;
            }
        }
        if let Some(hash) = &self.package {
            if forward {
                conn.execute(
                    "INSERT OR IGNORE INTO applied_package (hash, applied_at, changed_by) VALUES (?1, ?2, ?3)",
                    params![hash, now_iso(), by],
                )?;
            } else {
                conn.execute("DELETE FROM applied_package WHERE hash = ?1", [hash])?;
            }
        }
        Ok(())
    }
}
