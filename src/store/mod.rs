//! The workbook file, and the only module that speaks SQL. A [`Session`] is one open workbook: the SQLite
//! connection, the in-memory snapshot the UI reads, and the undo list. Every edit goes through
//! [`Session::commit`]: validated, written in one transaction, applied to the snapshot, recorded for undo.

mod audit;
mod checked;
mod clock;
pub mod copies;
mod damaged;
mod journal;
mod lock;
mod open;
mod peers;
mod records;
mod repair;
mod rows;
pub mod schema;
pub mod sync;
mod undo;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use audit::{ContentProblem, Fix, FixAction};
pub use checked::Checked;
pub use clock::{current_year, now_iso};
pub use copies::IssuedCopy;
pub use damaged::RepairError;
pub use journal::{JournalEntry, Origin};
pub use open::{OpenError, harden, read_header};
pub use peers::Replica;
pub use sync::Meeting;

use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, Problem, Workbook, validate_change};
use lock::{LockError, WorkbookLock};
use undo::{Step, UndoList};

/// Why a workbook is open read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Written by a newer version of the app: shown, never changed.
    NewerVersion(i32),
    /// Open for editing in another window or process.
    InUse,
    /// The file or its folder cannot be written (permissions, a read-only medium).
    NotWritable(String),
    /// Opened only to read, e.g. by `info`.
    Requested,
    /// The file holds rows the model forbids: shown, never changed, until the user repairs it.
    Damaged(Vec<ContentProblem>),
}

impl ReadOnlyReason {
    pub fn message(&self) -> Message {
        match self {
            ReadOnlyReason::NewerVersion(v) => Message::with(Text::ReadOnlyNewer, [v.to_string()]),
            ReadOnlyReason::InUse => Message::new(Text::ReadOnlyInUse),
            ReadOnlyReason::NotWritable(detail) => Message::with(Text::ReadOnlyNotWritable, [detail.clone()]),
            ReadOnlyReason::Requested => Message::new(Text::ReadOnlyRequested),
            ReadOnlyReason::Damaged(problems) => Message::with(Text::ReadOnlyDamaged, [problems.len().to_string()]),
        }
    }
}

/// Why an edit was not saved. Nothing of it reached the file or the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitError {
    Invalid(Vec<Problem>),
    ReadOnly,
    /// An agency copy may change only that agency's programs; the message names the agency.
    OutOfScope(Message),
    /// SQLite or the disk refused (disk full, file gone); the detail is the system's own words.
    Storage(String),
}

impl CommitError {
    pub fn message(&self) -> Message {
        match self {
            CommitError::Invalid(problems) => {
                problems.first().map_or_else(|| Message::new(Text::Invalid), |p| p.message.clone())
            }
            CommitError::ReadOnly => Message::new(Text::CannotEditReadOnly),
            CommitError::OutOfScope(message) => message.clone(),
            CommitError::Storage(detail) => Message::with(Text::SaveFailed, [detail.clone()]),
        }
    }
}

/// One open workbook.
pub struct Session {
    path: PathBuf,
    conn: Connection,
    workbook: Workbook,
    undo_list: UndoList,
    revision: u64,
    read_only: Option<ReadOnlyReason>,
    author: String,
    file_version: i32,
    /// This file's identity and scope for merging, read once when opened.
    replica: Option<Replica>,
    /// What the last repair changed, while its undo step is in the undo list.
    repair: Option<repair::RawRepair>,
    _lock: Option<WorkbookLock>,
}

impl Session {
    /// Open an existing workbook. Files that fail the checks are refused untouched; newer versions, files
    /// open elsewhere and files we cannot write open read-only (on an in-memory copy).
    pub fn open(path: &Path, author: &str) -> Result<Session, OpenError> {
        let (checked, version) = open::open_checked(path)?;
        if version > schema::CURRENT_VERSION {
            return Self::read_only_copy(path, &checked, version, ReadOnlyReason::NewerVersion(version), author)
                .map_err(|_| OpenError::TooNew(version));
        }
        // Checked before a byte is written (an older file is checked on a migrated copy in memory).
        let mut clean = None;
        if version == schema::CURRENT_VERSION {
            sync::identity(&checked)?;
            match audit::check(&checked)? {
                audit::Found::Clean(workbook) => clean = Some(*workbook),
                audit::Found::Problems(_) => {
                    return Self::read_only_copy(path, &checked, version, ReadOnlyReason::Requested, author);
                }
            }
        } else {
            let copy = Self::read_only_copy(path, &checked, version, ReadOnlyReason::Requested, author)?;
            if copy.damage().is_some() {
                return Ok(copy);
            }
        }
        let lock = match lock::acquire(path) {
            Ok(lock) => lock,
            Err(LockError::InUse) => {
                return Self::read_only_copy(path, &checked, version, ReadOnlyReason::InUse, author);
            }
            Err(LockError::Io(e)) => {
                let reason = ReadOnlyReason::NotWritable(e.to_string());
                return Self::read_only_copy(path, &checked, version, reason, author);
            }
        };
        drop(checked);
        let conn = match Self::open_writable(path, version) {
            Ok(conn) => conn,
            Err(e) => {
                let (checked, version) = open::open_checked(path)?;
                let reason = ReadOnlyReason::NotWritable(e.to_string());
                return Self::read_only_copy(path, &checked, version, reason, author);
            }
        };
        let workbook = match clean {
            Some(workbook) => workbook,
            None => rows::load(&conn)?,
        };
        let replica = Some(sync::identity(&conn)?);
        let mut session = Session::fresh(path, author, conn, workbook, version, replica);
        session._lock = Some(lock);
        Ok(session)
    }

    /// Open only to read, on an in-memory copy: the file is never written, not even migrated.
    pub fn open_read_only(path: &Path, author: &str) -> Result<Session, OpenError> {
        let (checked, version) = open::open_checked(path)?;
        if version > schema::CURRENT_VERSION {
            return Self::read_only_copy(path, &checked, version, ReadOnlyReason::NewerVersion(version), author)
                .map_err(|_| OpenError::TooNew(version));
        }
        Self::read_only_copy(path, &checked, version, ReadOnlyReason::Requested, author)
    }

    /// The schema version of the file as it was opened (before any migration of the in-memory copy).
    pub fn file_version(&self) -> i32 {
        self.file_version
    }

    fn open_writable(path: &Path, version: i32) -> rusqlite::Result<Connection> {
        let mut conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        harden(&conn)?;
        // WAL: one sync per commit and readers never block; FULL: an acknowledged edit survives a power cut.
        let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::InvalidQuery);
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        if version < schema::CURRENT_VERSION {
            let tx = conn.transaction()?;
            schema::migrate(&tx, version, schema::CURRENT_VERSION)?;
            tx.commit()?;
        }
        Ok(conn)
    }

    /// A read-only session on an in-memory copy, migrated in memory if it is older: the file is never touched.
    fn read_only_copy(
        path: &Path,
        source: &Connection,
        version: i32,
        reason: ReadOnlyReason,
        author: &str,
    ) -> Result<Session, OpenError> {
        let mut conn = Connection::open_in_memory()?;
        {
            let backup = rusqlite::backup::Backup::new(source, &mut conn)?;
            backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
        }
        harden(&conn)?;
        if version < schema::CURRENT_VERSION {
            schema::migrate(&conn, version, schema::CURRENT_VERSION)?;
        }
        let (workbook, replica, reason) = match reason {
            // A newer version's rules are not ours to check it by.
            ReadOnlyReason::NewerVersion(_) => (rows::load(&conn)?, peers::load_replica(&conn)?, reason),
            reason => {
                let replica = Some(sync::identity(&conn)?);
                let view = damaged::audited_view(&conn)?;
                let reason = if view.problems.is_empty() { reason } else { ReadOnlyReason::Damaged(view.problems) };
                (view.workbook, replica, reason)
            }
        };
        let mut session = Session::fresh(path, author, conn, workbook, version, replica);
        session.read_only = Some(reason);
        Ok(session)
    }

    /// A session on `conn` with nothing done yet: writable and unlocked until the caller says otherwise.
    fn fresh(
        path: &Path,
        author: &str,
        conn: Connection,
        workbook: Workbook,
        file_version: i32,
        replica: Option<Replica>,
    ) -> Session {
        Session {
            path: path.to_path_buf(),
            conn,
            workbook,
            undo_list: UndoList::default(),
            revision: 0,
            read_only: None,
            author: author.to_string(),
            file_version,
            replica,
            repair: None,
            _lock: None,
        }
    }

    /// Write `workbook` as a new file at `path` (replacing what is there) and open it. The file is built
    /// beside the target and renamed into place, so a failure leaves no half-written workbook.
    pub fn create(path: &Path, workbook: &Workbook, author: &str) -> Result<Session, OpenError> {
        write_new_file(path, workbook, author).map_err(|e| OpenError::Io(e.to_string()))?;
        Session::open(path, author)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn workbook(&self) -> &Workbook {
        &self.workbook
    }

    /// Bumped on every committed change, undo and redo: caches of derived data compare against it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        self.read_only.as_ref()
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    /// Check an edit without saving it.
    pub fn check(&self, edit: &Edit) -> Vec<Problem> {
        let mut scratch: Option<Workbook> = None;
        for change in &edit.changes {
            let current = scratch.as_ref().unwrap_or(&self.workbook);
            let problems = validate_change(current, change);
            if !problems.is_empty() {
                return problems;
            }
            if edit.changes.len() > 1 {
                scratch.get_or_insert_with(|| self.workbook.clone()).apply(change);
            }
        }
        Vec::new()
    }

    /// Validate, write in one transaction, apply, and record as one undo step.
    pub fn commit(&mut self, edit: Edit) -> Result<(), CommitError> {
        self.commit_edit(edit, true)
    }

    /// [`Session::commit`], with the rules checked or not (`validate`: false only for an edit already checked
    /// against the workbook as it is, see `checked.rs`). Scope and read-only are always enforced.
    fn commit_edit(&mut self, edit: Edit, validate: bool) -> Result<(), CommitError> {
        if self.read_only.is_some() {
            return Err(CommitError::ReadOnly);
        }
        if edit.changes.is_empty() {
            // Nothing changed (e.g. a bulk action on programs already there): no undo step either.
            return Ok(());
        }
        let mut edit = edit;
        self.claim_new_programs(&mut edit.changes);
        if let Some(message) = self.out_of_scope(&edit.changes) {
            return Err(CommitError::OutOfScope(message));
        }
        let recorded = self.journal_entry(&edit.label, &edit.changes, Origin::Edit);
        let undo = self.apply_all(&edit.changes, validate, &|conn| {
            recorded.as_ref().map_or(Ok(()), |e| journal::insert(conn, e))
        })?;
        self.undo_list.push(Step { label: edit.label, undo, redo: edit.changes, meeting: None });
        Ok(())
    }

    /// Apply `changes` to the file and the snapshot as one transaction, with `also` (the journal entry, merge bases)
    /// written in the same transaction; returns the inverse changes, in the order that undoes them. On any
    /// failure the file and the snapshot are as before.
    fn apply_all(
        &mut self,
        changes: &[Change],
        validate: bool,
        also: &dyn Fn(&Connection) -> rusqlite::Result<()>,
    ) -> Result<Vec<Change>, CommitError> {
        let at = now_iso();
        let stamp = rows::Stamp { at: &at, by: &self.author };
        let tx = self.conn.unchecked_transaction().map_err(|e| CommitError::Storage(e.to_string()))?;
        let mut inverses: Vec<Change> = Vec::with_capacity(changes.len());
        let mut failure = None;
        for change in changes {
            if validate {
                let problems = validate_change(&self.workbook, change);
                if !problems.is_empty() {
                    failure = Some(CommitError::Invalid(problems));
                    break;
                }
            }
            if let Err(e) = rows::write(&tx, change, &stamp) {
                failure = Some(CommitError::Storage(e.to_string()));
                break;
            }
            inverses.push(self.workbook.inverse(change));
            self.workbook.apply(change);
        }
        if failure.is_none()
            && let Err(e) = also(&tx)
        {
            failure = Some(CommitError::Storage(e.to_string()));
        }
        let failure = match failure {
            None => tx.commit().err().map(|e| CommitError::Storage(e.to_string())),
            some => some,
        };
        if let Some(error) = failure {
            // The transaction rolled back when dropped; put the snapshot back the same way.
            for inverse in inverses.iter().rev() {
                self.workbook.apply(inverse);
            }
            return Err(error);
        }
        inverses.reverse();
        self.revision += 1;
        Ok(inverses)
    }

    /// What Undo would undo, for the Edit menu.
    pub fn undo_label(&self) -> Option<&Message> {
        self.undo_list.undo_step().map(|s| &s.label)
    }

    pub fn redo_label(&self) -> Option<&Message> {
        self.undo_list.redo_step().map(|s| &s.label)
    }

    /// Undo the last step; returns its label.
    pub fn undo(&mut self) -> Result<Option<Message>, CommitError> {
        if self.read_only.is_some() {
            return Err(CommitError::ReadOnly);
        }
        let Some(step) = self.undo_list.undo_step().cloned() else { return Ok(None) };
        if self.is_repair_step(&step) {
            self.undo_repair(&step.label)?;
            self.undo_list.moved_back();
            return Ok(Some(step.label));
        }
        self.replay(&step, false)?;
        self.undo_list.moved_back();
        Ok(Some(step.label))
    }

    pub fn redo(&mut self) -> Result<Option<Message>, CommitError> {
        if self.read_only.is_some() {
            return Err(CommitError::ReadOnly);
        }
        let Some(step) = self.undo_list.redo_step().cloned() else { return Ok(None) };
        self.replay(&step, true)?;
        self.undo_list.moved_forward();
        Ok(Some(step.label))
    }

    /// Undo (`forward` false) or redo a step through the same path, with its journal entry and, for a merge,
    /// the other copy's base as it was before or after.
    fn replay(&mut self, step: &Step, forward: bool) -> Result<(), CommitError> {
        let (changes, origin) = if forward { (&step.redo, Origin::Redo) } else { (&step.undo, Origin::Undo) };
        let recorded = self.journal_entry(&step.label, changes, origin);
        let author = self.author.clone();
        let also = |conn: &Connection| -> rusqlite::Result<()> {
            if let Some(e) = &recorded {
                journal::insert(conn, e)?;
            }
            step.meeting.as_ref().map_or(Ok(()), |m| m.write(conn, forward, &author))
        };
        self.apply_all(changes, false, &also)?;
        Ok(())
    }

    /// Write a complete, single-file copy to `dest` through a temporary file and an atomic rename.
    pub fn save_copy(&self, dest: &Path) -> Result<(), String> {
        let temp = temp_path(dest);
        let _ = std::fs::remove_file(&temp);
        let result = (|| -> Result<(), String> {
            self.conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()]).map_err(|e| e.to_string())?;
            finish_file(&temp, dest)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }

    /// Fold the WAL back into the file and leave rollback-journal mode, so the closed workbook is one
    /// complete file that any SQLite reader can open, even read-only.
    pub fn close(self) {
        drop(self);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Only a session holding the lock has the file itself open for writing.
        if self._lock.is_some() {
            let _ = self.conn.pragma_update(None, "wal_checkpoint", "TRUNCATE");
            let _ = self.conn.pragma_update(None, "journal_mode", "DELETE");
        }
    }
}

fn temp_path(dest: &Path) -> PathBuf {
    let mut name = dest.as_os_str().to_owned();
    name.push(format!(".tmp{}", std::process::id()));
    name.into()
}

/// Flush `temp` to disk and rename it over `dest`.
fn finish_file(temp: &Path, dest: &Path) -> Result<(), String> {
    std::fs::File::open(temp).and_then(|f| f.sync_all()).map_err(|e| e.to_string())?;
    std::fs::rename(temp, dest).map_err(|e| e.to_string())?;
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Make the rename itself durable where the platform allows syncing a directory.
        if let Ok(dir) = std::fs::File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// Build a new workbook file at `path` from `workbook`, atomically.
pub fn write_new_file(path: &Path, workbook: &Workbook, author: &str) -> Result<(), String> {
    let temp = temp_path(path);
    let _ = std::fs::remove_file(&temp);
    let result = (|| -> Result<(), String> {
        let mut conn = Connection::open(&temp).map_err(|e| e.to_string())?;
        harden(&conn).map_err(|e| e.to_string())?;
        let tx = conn.transaction().map_err(|e| e.to_string())?;
        schema::migrate(&tx, 0, schema::CURRENT_VERSION).map_err(|e| e.to_string())?;
        let at = now_iso();
        rows::write_all(&tx, workbook, &rows::Stamp { at: &at, by: author }).map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())?;
        conn.close().map_err(|(_, e)| e.to_string())?;
        finish_file(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// True when another window or process has `path` open for editing.
pub fn is_in_use(path: &Path) -> bool {
    matches!(lock::acquire(path), Err(LockError::InUse))
}

/// Write a workbook file at an older schema `version`, for migration tests and tools. Only the objects of that
/// version are created, and only the rows they can hold.
#[doc(hidden)]
pub fn write_file_at_version(path: &Path, workbook: &Workbook, version: i32) -> Result<(), String> {
    let conn = Connection::open(path).map_err(|e| e.to_string())?;
    schema::migrate(&conn, 0, version).map_err(|e| e.to_string())?;
    // Keep only what the tables of that version can hold.
    let mut held = workbook.clone();
    if version < schema::MONEV_VERSION {
        held.monev = Default::default();
    }
    if version < schema::ZONE_VERSION {
        held.profile.time_zone = Default::default();
        held.quick_wins.picker = None;
    }
    if version < schema::QUICK_WINS_VERSION {
        held.quick_wins = Default::default();
    }
    if version < schema::STRATEGY_VERSION {
        held.strategy = Default::default();
        held.programs.iter_mut().for_each(|p| p.strategy_id = None);
    }
    if version < 4 {
        held.finance_settings = None;
    }
    if version < 3 {
        held.readiness_items.clear();
        held.bands.clear();
        held.rounds.clear();
        held.scores.clear();
        held.programs.iter_mut().for_each(|p| p.readiness_items.clear());
    }
    if version < 2 {
        held.programs.clear();
        held.finance.clear();
    }
    let workbook = &held;
    let stamp = rows::Stamp { at: &now_iso(), by: "test" };
    rows::write_all_zoned(&conn, workbook, &stamp, version >= schema::ZONE_VERSION).map_err(|e| e.to_string())?;
    Ok(())
}
#[cfg(test)]
mod audit_tests;
