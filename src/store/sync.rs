//! What a workbook file remembers for merging: its own identity and scope (the replica), what each other copy
//! looked like when they last met (the base of the next three-way merge), and the change packages already
//! applied. Applying a merge writes its changes, its history entry and the new base in one transaction, as one
//! undo step; undoing it puts the old base back, so the same file can be merged again.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use uuid::Uuid;

use super::journal::{self, JournalEntry, Origin};
use super::open::OpenError;
use super::peers::{MeetingRecord, Replica, key_row, load_replica, peer_row, write_key};
use super::records;
use super::undo::Step;
use super::{CommitError, Session, clock, now_iso};
use crate::i18n::{Message, Text};
use crate::model::{Agency, Change, Id, MonevChange, Program, Workbook};

/// What a merge learns about the copy merged in.
#[derive(Clone, Debug)]
pub struct Meeting {
    pub peer: Replica,
    /// What the other copy looked like: the base of the next merge with it (`None` keeps the one recorded:
    /// a change package holds only part of the other copy).
    pub base: Option<Workbook>,
    pub origin: Origin,
    /// The file merged in, as the user named it.
    pub source_file: String,
    /// The hash of the change package applied, so applying it again does nothing.
    pub package_hash: Option<String>,
    /// The other copy's history entries, added here once each.
    pub their_journal: Vec<JournalEntry>,
}

/// This file's identity, which every workbook of our versions holds from its first migration on: missing or
/// unreadable, the file is damaged beyond what a repair may do (it would have to make one up).
pub(super) fn identity(conn: &Connection) -> Result<Replica, OpenError> {
    let damaged = |detail: String| OpenError::Damaged(format!("replica: {detail}"));
    load_replica(conn).map_err(|e| damaged(e.to_string()))?.ok_or_else(|| damaged("no row".to_string()))
}

/// The message for sync or history records of this file that cannot be read back.
fn damaged(error: rusqlite::Error) -> Message {
    Message::with(Text::RecordsDamaged, [error.to_string()])
}

/// When two copies meet, as ISO 8601 with nanoseconds, so two meetings within one second still order.
pub fn meeting_time() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let seconds = clock::iso_from_unix(now.as_secs() as i64);
    format!("{}.{:09}Z", seconds.trim_end_matches('Z'), now.subsec_nanos())
}

/// True when the meeting at `a` is later than the one at `b` (either precision: `…:05Z` or `…:05.123Z`).
pub fn met_later(a: &str, b: &str) -> bool {
    a.trim_end_matches('Z') > b.trim_end_matches('Z')
}

/// The `sync_peer` key of what this copy last sent to `peer` in a change package (not a peer of its own).
fn sent_key(peer: Uuid) -> String {
    format!("sent:{peer}")
}

pub(super) fn entry(replica: &Replica, author: &str, label: &Message, origin: Origin) -> JournalEntry {
    JournalEntry {
        id: Uuid::new_v4(),
        replica_id: replica.id,
        place: replica.name.clone(),
        at: now_iso(),
        by: author.to_string(),
        label_key: format!("{:?}", label.text),
        label_args: label.args.clone(),
        origin,
        source_file: String::new(),
        agency_id: replica.scope,
        agencies: Vec::new(),
        changes: 0,
    }
}

impl Session {
    /// This file's identity and scope (`None` only for files this build cannot read the tables of).
    pub fn replica(&self) -> Option<&Replica> {
        self.replica.as_ref()
    }

    /// The agency whose programs alone this copy may edit.
    pub fn scope(&self) -> Option<&Agency> {
        self.replica.as_ref().and_then(|r| r.scope).and_then(|id| self.workbook.agency(id))
    }

    /// Whether this workbook may change `program`: always, except in an agency copy, which changes only the
    /// programs of its agency (the same rule the commit enforces, for views to show the others read-only).
    pub fn may_edit_program(&self, program: &Program) -> bool {
        self.replica.as_ref().and_then(|r| r.scope).is_none_or(|agency| program.agency_id == Some(agency))
    }

    /// In an agency copy a new program without an agency is that agency's: the copy can only hold its own.
    pub(super) fn claim_new_programs(&self, changes: &mut [Change]) {
        let Some(agency) = self.replica.as_ref().and_then(|r| r.scope) else { return };
        for change in changes {
            if let Change::PutProgram(p) = change
                && p.agency_id.is_none()
                && self.workbook.program(p.id).is_none()
            {
                p.agency_id = Some(agency);
            }
        }
    }

    /// Why `changes` may not be made in this copy: in an agency copy, only that agency's programs change.
    pub(super) fn out_of_scope(&self, changes: &[Change]) -> Option<Message> {
        let agency = self.replica.as_ref()?.scope?;
        let own = |program: Option<Id>| {
            program.is_none_or(|id| self.workbook.program(id).is_none_or(|p| p.agency_id == Some(agency)))
        };
        let owns = |program: Id| self.workbook.program(program).is_some_and(|p| p.agency_id == Some(agency));
        let allowed = changes.iter().all(|change| match change {
            Change::PutProgram(p) => p.agency_id == Some(agency) && own(Some(p.id)),
            Change::RemoveProgram(id) => self.workbook.program(*id).is_some_and(|p| p.agency_id == Some(agency)),
            // The agency reports what its own programs did after the signing; the evaluation is the
            // coordinator's.
            Change::Monev(change) => match change {
                MonevChange::PutRealisation(r) => owns(r.program_id),
                MonevChange::PutSpending(s) => owns(s.program_id),
                MonevChange::RemoveRealisation { program, .. } | MonevChange::RemoveSpending { program, .. } => {
                    owns(*program)
                }
                _ => false,
            },
            _ => false,
        });
        let name = self.workbook.agency(agency).map_or_else(|| agency.to_string(), |a| a.label().to_string());
        (!allowed).then(|| Message::with(Text::OutOfScope, [name]))
    }

    pub(super) fn scope_refusal(&self, agency: Id) -> Message {
        let name = self.workbook.agency(agency).map_or_else(|| agency.to_string(), |a| a.label().to_string());
        Message::with(Text::OutOfScope, [name])
    }

    /// A history entry for an edit made here, before it is applied.
    pub(super) fn journal_entry(&self, label: &Message, changes: &[Change], origin: Origin) -> Option<JournalEntry> {
        let replica = self.replica.as_ref()?;
        let mut e = entry(replica, &self.author, label, origin);
        e.agencies = journal::agencies_touched(&self.workbook, changes);
        e.changes = changes.len() as i64;
        Some(e)
    }

    /// The other copies this file has met, most recently met first: (identity, when).
    pub fn peers(&self) -> Result<Vec<(Replica, String)>, Message> {
        self.peers_by("met_at DESC, peer_id")
    }

    /// The copy this file was made from (the first copy it met), and when they last met: the one its change
    /// packages are for. `None` for a file that was not made as a copy and never merged.
    pub fn origin(&self) -> Result<Option<(Replica, String)>, Message> {
        Ok(self.peers_by("rowid LIMIT 1")?.into_iter().next())
    }

    fn peers_by(&self, order: &str) -> Result<Vec<(Replica, String)>, Message> {
        const PEERS: &str = "WHERE peer_id NOT LIKE 'sent:%'";
        let query = || -> rusqlite::Result<Vec<(Replica, String)>> {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT peer_id, name, agency_id, met_at FROM sync_peer {PEERS} ORDER BY {order}"))?;
            let rows = stmt.query_map([], |r| {
                let scope: Option<String> = r.get(2)?;
                let peer = Replica {
                    id: records::parse_id(&r.get::<_, String>(0)?, 0)?,
                    name: r.get(1)?,
                    scope: scope.map(|s| records::parse_id(&s, 2)).transpose()?,
                };
                Ok((peer, r.get(3)?))
            })?;
            rows.collect()
        };
        query().map_err(damaged)
    }

    /// History entries made at or after `since`.
    pub fn journal_since(&self, since: &str) -> Result<Vec<JournalEntry>, Message> {
        journal::load(&self.conn, Some(since)).map_err(damaged)
    }

    /// The history, oldest first.
    pub fn journal(&self) -> Result<Vec<JournalEntry>, Message> {
        journal::load(&self.conn, None).map_err(damaged)
    }

    /// What `peer` looked like when this file last met it, and when.
    pub fn peer_base(&self, peer: Uuid) -> Result<Option<(Workbook, String)>, Message> {
        let row = peer_row(&self.conn, peer).map_err(damaged)?;
        row.map(|(json, met_at)| Ok((records::parse_json(&json, 0).map_err(damaged)?, met_at))).transpose()
    }

    /// What this copy last sent to `peer` in a change package, and when (`None` before the first package).
    pub fn sent_state(&self, peer: Uuid) -> Result<Option<(Workbook, String)>, Message> {
        let row = key_row(&self.conn, &sent_key(peer)).map_err(damaged)?;
        row.map(|(json, at)| Ok((records::parse_json(&json, 0).map_err(damaged)?, at))).transpose()
    }

    /// Remember that a change package holding this workbook as it is now was written for `peer`: the next
    /// package holds the changes since then (removals included). Not an edit: nothing to undo.
    pub fn record_sent(&mut self, peer: &Replica) -> Result<(), Message> {
        if self.read_only.is_some() {
            return Err(CommitError::ReadOnly.message());
        }
        let failed = |e: String| Message::with(Text::PackageWriteFailed, [e]);
        let state = (serde_json::to_string(&self.workbook).map_err(|e| failed(e.to_string()))?, meeting_time());
        write_key(&self.conn, &sent_key(peer.id), peer, &state, &self.author).map_err(|e| failed(e.to_string()))
    }

    /// Who changed each row of `table` last and when, by the row's id as text (`1` for single-row tables).
    pub fn row_stamps(&self, table: &str) -> Result<HashMap<String, (String, String)>, Message> {
        if !table.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Err(damaged(rusqlite::Error::InvalidParameterName(table.to_string())));
        }
        let query = || -> rusqlite::Result<HashMap<String, (String, String)>> {
            let sql = format!("SELECT CAST(id AS TEXT), updated_at, changed_by FROM {table}");
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))?;
            rows.collect()
        };
        query().map_err(damaged)
    }

    /// True when the change package with `hash` has been applied to this file.
    pub fn package_applied(&self, hash: &str) -> Result<bool, Message> {
        let found = self.conn.query_row("SELECT 1 FROM applied_package WHERE hash = ?1", [hash], |_| Ok(()));
        found.optional().map(|row| row.is_some()).map_err(damaged)
    }

    /// Apply a merge: its changes (validated, not limited by this copy's scope: the coordinator's changes reach
    /// agency copies too), a history entry and the other copy's new base, in one transaction and one undo step.
    pub fn apply_merge(&mut self, label: Message, changes: Vec<Change>, meeting: Meeting) -> Result<(), CommitError> {
        if self.read_only.is_some() {
            return Err(CommitError::ReadOnly);
        }
        let before = peer_row(&self.conn, meeting.peer.id).map_err(|e| CommitError::Storage(e.to_string()))?;
        // A plain file copy shares this file's identity: it is not a peer, and nothing is recorded about it.
        let itself = self.replica.as_ref().is_some_and(|own| own.id == meeting.peer.id);
        let after = match &meeting.base {
            Some(base) if !itself => {
                Some((serde_json::to_string(base).map_err(|e| CommitError::Storage(e.to_string()))?, meeting_time()))
            }
            _ => None,
        };
        let record = MeetingRecord { peer: meeting.peer.clone(), before, after, package: meeting.package_hash.clone() };
        // A merge that changes nothing still records the meeting, but adds no history entry of its own.
        let mut recorded = if changes.is_empty() { None } else { self.journal_entry(&label, &changes, meeting.origin) };
        if let Some(e) = &mut recorded {
            e.source_file = meeting.source_file.clone();
            e.place = meeting.peer.name.clone();
            e.agency_id = meeting.peer.scope;
        }
        let author = self.author.clone();
        let theirs = meeting.their_journal;
        let write = |conn: &Connection| -> rusqlite::Result<()> {
            for e in &theirs {
                journal::insert(conn, e)?;
            }
            if let Some(e) = &recorded {
                journal::insert(conn, e)?;
            }
            record.write(conn, true, &author)
        };
        let undo = self.apply_all(&changes, true, &write)?;
        if !changes.is_empty() {
            self.undo_list.push(Step { label, undo, redo: changes, meeting: Some(record) });
        }
        Ok(())
    }
}
