//! Writing agency copies and the issuer's record of them. Each copy gets its own Ed25519 key pair: the secret
//! goes into the copy's `replica` row, the public key and the copy's scope into the issuer's `issued_copy`
//! row, the only source the issuer believes for what that copy may change. Re-issuing a copy writes a new one
//! with a new key and revokes the old record in the same transaction.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::journal::{self, Origin};
use super::peers::{Replica, load_replica, write_peer};
use super::sync::{entry, meeting_time};
use super::{CommitError, Session, harden, now_iso, write_new_file};
use crate::i18n::{Message, Text};
use crate::model::{Agency, Id};
use crate::signing;

/// The issuer's record of a copy it wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedCopy {
    /// The copy's replica id.
    pub copy_id: Uuid,
    /// The agency whose programs alone the copy may change (`None`: everything).
    pub scope: Option<Id>,
    pub name: String,
    /// The copy's Ed25519 public key, hex.
    pub public_key: String,
    /// Where the copy was written.
    pub file: String,
    pub issued_at: String,
    /// When the copy was re-issued or revoked: its packages and workbook are refused since.
    pub revoked_at: Option<String>,
}

fn damaged(detail: impl std::fmt::Display) -> Message {
    Message::with(Text::TrustRecordDamaged, [detail.to_string()])
}

fn uuid(text: &str) -> Result<Uuid, Message> {
    Uuid::parse_str(text).map_err(|_| damaged(format!("id {text:?}")))
}

fn load_issued(conn: &Connection, filter: Option<Uuid>) -> Result<Vec<IssuedCopy>, Message> {
    let mut stmt = conn
        .prepare(
            "SELECT copy_id, scope_agency_id, name, public_key, file, issued_at, revoked_at FROM issued_copy \
             WHERE ?1 IS NULL OR copy_id = ?1 ORDER BY issued_at, copy_id",
        )
        .map_err(damaged)?;
    let rows = stmt
        .query_map([filter.map(|id| id.to_string())], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .map_err(damaged)?;
    let mut out = Vec::new();
    for row in rows {
        let (id, scope, name, public_key, file, issued_at, revoked_at) = row.map_err(damaged)?;
        let scope = scope.as_deref().map(uuid).transpose()?;
        out.push(IssuedCopy { copy_id: uuid(&id)?, scope, name, public_key, file, issued_at, revoked_at });
    }
    Ok(out)
}

fn insert_issued(conn: &Connection, copy: &IssuedCopy, by: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO issued_copy (copy_id, scope_agency_id, name, public_key, file, issued_at, revoked_at, \
         updated_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?6, ?7)",
        params![
            copy.copy_id.to_string(),
            copy.scope.map(|s| s.to_string()),
            copy.name,
            copy.public_key,
            copy.file,
            copy.issued_at,
            by
        ],
    )?;
    Ok(())
}

/// The signing key (secret, hex) kept in the `replica` row of `conn`'s file, if it has one.
pub(super) fn load_signing_key(conn: &Connection) -> Result<Option<String>, Message> {
    conn.query_row("SELECT signing_key FROM replica WHERE id = 1", [], |r| r.get::<_, Option<String>>(0))
        .optional()
        .map(Option::flatten)
        .map_err(damaged)
}

impl Session {
    /// Every copy this workbook wrote, oldest first, revoked ones included.
    pub fn issued_copies(&self) -> Result<Vec<IssuedCopy>, Message> {
        load_issued(&self.conn, None)
    }

    /// This workbook's record of the copy with replica id `copy`, if it wrote one.
    pub fn issued_copy(&self, copy: Uuid) -> Result<Option<IssuedCopy>, Message> {
        Ok(load_issued(&self.conn, Some(copy))?.into_iter().next())
    }

    /// This copy's own signing key (secret, hex); `None` for a workbook that was never made as a copy.
    pub fn signing_key(&self) -> Result<Option<String>, Message> {
        load_signing_key(&self.conn)
    }

    /// Write a copy of this workbook for an agency at `dest`: everything editable (`scope` `None`) or only that
    /// agency's programs. Both files remember each other as they are now, the base of their first merge. The
    /// copy gets a fresh signing key; this workbook records its public key and scope.
    pub fn write_agency_copy(&mut self, dest: &Path, scope: Option<&Agency>) -> Result<(), Message> {
        self.issue_copy(dest, scope, None)
    }

    /// Where a re-issued copy of `copy` goes unless the user says otherwise: beside this workbook, named
    /// `<agency short name>-<YYYYMMDD>.smartcity` (`salinan-…` for a copy of everything).
    pub fn reissue_destination(&self, copy: &IssuedCopy) -> std::path::PathBuf {
        let short = copy
            .scope
            .and_then(|id| self.workbook.agency(id))
            .map(|a| if a.short_name.is_empty() { a.code.clone() } else { a.short_name.clone() })
            .unwrap_or_else(|| "salinan".to_string());
        let day: String = now_iso().chars().take(10).filter(char::is_ascii_digit).collect();
        let stem: String = short.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
        self.path.with_file_name(format!("{stem}-{day}.smartcity"))
    }

    /// Write a new copy in place of the copy `old` (same scope, new key) and revoke the old one: its packages
    /// and its workbook are refused from now on. An existing file at `dest` is never written over.
    pub fn reissue_copy(&mut self, old: Uuid, dest: &Path) -> Result<(), Message> {
        if dest.exists() {
            return Err(Message::with(Text::ReissueExists, [dest.display().to_string()]));
        }
        let record = self.issued_copy(old)?.ok_or_else(|| Message::with(Text::ReissueUnknown, [old.to_string()]))?;
        let scope = match record.scope {
            Some(id) => Some(
                self.workbook
                    .agency(id)
                    .cloned()
                    .ok_or_else(|| Message::with(Text::ReissueUnknown, [id.to_string()]))?,
            ),
            None => None,
        };
        self.issue_copy(dest, scope.as_ref(), Some(old))
    }

    fn issue_copy(&mut self, dest: &Path, scope: Option<&Agency>, revoke: Option<Uuid>) -> Result<(), Message> {
        if self.read_only.is_some() {
            return Err(CommitError::ReadOnly.message());
        }
        let Some(own) = self.replica.clone() else { return Err(Message::new(Text::CopyNoIdentity)) };
        // A copy of a scoped copy keeps that scope: it can never be wider than the copy it was made from.
        let scope = match (own.scope, scope) {
            (None, scope) => scope,
            (Some(ours), Some(wanted)) if wanted.id == ours => Some(wanted),
            (Some(ours), Some(_)) => return Err(self.scope_refusal(ours)),
            (Some(ours), None) => Some(self.workbook.agency(ours).ok_or_else(|| self.scope_refusal(ours))?),
        };
        let scope = scope.cloned();
        let scope = scope.as_ref();
        let failed = |e: String| Message::with(Text::CopyFailed, [e]);
        let (secret, public_key) = signing::generate().map_err(failed)?;
        write_new_file(dest, &self.workbook, &self.author).map_err(failed)?;
        let base = (serde_json::to_string(&self.workbook).map_err(|e| failed(e.to_string()))?, meeting_time());
        let file_name = |p: &Path| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let name = scope.map_or_else(|| file_name(dest), |a| a.label().to_string());
        let copy = (|| -> rusqlite::Result<Replica> {
            let conn = Connection::open(dest)?;
            harden(&conn)?;
            let tx = conn.unchecked_transaction()?;
            tx.execute(
                "UPDATE replica SET name = ?1, scope_agency_id = ?2, signing_key = ?5, updated_at = ?3, \
                 changed_by = ?4 WHERE id = 1",
                params![name, scope.map(|a| a.id.to_string()), now_iso(), self.author, secret],
            )?;
            let copy = load_replica(&tx)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            write_peer(&tx, &own, &base, &self.author)?;
            let label = Message::with(Text::JournalCopyMade, [file_name(&self.path)]);
            let mut e = entry(&copy, &self.author, &label, Origin::Copy);
            e.source_file = self.path.display().to_string();
            journal::insert(&tx, &e)?;
            tx.commit()?;
            Ok(copy)
        })();
        let recorded = copy.and_then(|copy| {
            let record = IssuedCopy {
                copy_id: copy.id,
                scope: copy.scope,
                name: name.clone(),
                public_key,
                file: dest.display().to_string(),
                issued_at: meeting_time(),
                revoked_at: None,
            };
            let label = Message::with(Text::JournalCopyFor, [name.clone(), file_name(dest)]);
            let mut e = entry(&own, &self.author, &label, Origin::Copy);
            e.agency_id = copy.scope;
            e.source_file = dest.display().to_string();
            let tx = self.conn.unchecked_transaction()?;
            write_peer(&tx, &copy, &base, &self.author)?;
            journal::insert(&tx, &e)?;
            insert_issued(&tx, &record, &self.author)?;
            if let Some(old) = revoke {
                tx.execute(
                    "UPDATE issued_copy SET revoked_at = ?2, updated_at = ?2, changed_by = ?3 WHERE copy_id = ?1",
                    params![old.to_string(), record.issued_at, self.author],
                )?;
            }
            tx.commit()
        });
        if let Err(e) = recorded {
            // Neither a copy without a record nor a record without a copy remains.
            let _ = std::fs::remove_file(dest);
            return Err(failed(e.to_string()));
        }
        self.revision += 1;
        Ok(())
    }
}
