//! A session on a damaged file: what it shows (the workbook as a repair would leave it, on a copy in memory),
//! the repair itself (one transaction, one undo step) and the undo of a repair (the rows put back exactly,
//! the session read-only again).

use rusqlite::Connection;

use super::audit::{self, ContentProblem, Found};
use super::lock::{self, LockError};
use super::undo::Step;
use super::{CommitError, Origin, ReadOnlyReason, Session, harden, journal, peers, repair};
use crate::i18n::{Message, Text};
use crate::model::Workbook;

/// Why a repair did not happen. Nothing of it reached the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepairError {
    /// Open for editing in another window or process.
    InUse,
    /// SQLite or the disk refused; the detail is the system's own words.
    Storage(String),
}

impl RepairError {
    pub fn message(&self) -> Message {
        match self {
            RepairError::InUse => Message::new(Text::ReadOnlyInUse),
            RepairError::Storage(detail) => Message::with(Text::SaveFailed, [detail.clone()]),
        }
    }
}

impl From<rusqlite::Error> for RepairError {
    fn from(error: rusqlite::Error) -> Self {
        RepairError::Storage(error.to_string())
    }
}

/// What a session shows of a file: the workbook and every problem the file holds.
pub(super) struct View {
    pub workbook: Workbook,
    pub problems: Vec<ContentProblem>,
}

/// The workbook in `conn` and every problem it holds. For a damaged file the workbook is the one a repair
/// would leave, read from a copy in memory: `conn` is never written.
pub(super) fn audited_view(conn: &Connection) -> rusqlite::Result<View> {
    let first = match audit::check(conn)? {
        Found::Clean(workbook) => {
            return Ok(View { workbook: *workbook, problems: Vec::new() });
        }
        Found::Problems(first) => first,
    };
    let mut copy = Connection::open_in_memory()?;
    {
        let backup = rusqlite::backup::Backup::new(conn, &mut copy)?;
        backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
    }
    harden(&copy)?;
    copy.pragma_update(None, "foreign_keys", false)?;
    let (workbook, problems, _) = repair::run(&copy, first)?;
    Ok(View { workbook, problems })
}

impl Session {
    /// The problems of a damaged file, while it is open read-only because of them.
    pub fn damage(&self) -> Option<&[ContentProblem]> {
        match &self.read_only {
            Some(ReadOnlyReason::Damaged(problems)) => Some(problems),
            _ => None,
        }
    }

    /// `Err` naming every problem when this file is damaged: imports and merges into or from it are refused
    /// whole until it is repaired.
    pub fn refuse_if_damaged(&self) -> Result<(), Message> {
        let Some(problems) = self.damage() else { return Ok(()) };
        let head = Message::with(Text::DamagedRefused, [self.path.display().to_string(), problems.len().to_string()]);
        Err(head.with_details(problems.iter().map(ContentProblem::line)))
    }

    /// Apply every fix to the file in one transaction, recorded as one undo step ("Repair") and one history
    /// entry; the session is then writable. Returns the problems fixed (none when the file was not damaged).
    pub fn repair(&mut self) -> Result<Vec<ContentProblem>, RepairError> {
        if self.damage().is_none() {
            return Ok(Vec::new());
        }
        if self._lock.is_none() {
            let lock = lock::acquire(&self.path).map_err(|e| match e {
                LockError::InUse => RepairError::InUse,
                LockError::Io(e) => RepairError::Storage(e.to_string()),
            })?;
            self.conn = Self::open_writable(&self.path, self.file_version)?;
            self._lock = Some(lock);
            self.replica = peers::load_replica(&self.conn)?;
        }
        let label = Message::new(Text::RepairStep);
        let recorded = self.journal_entry(&label, &[], Origin::Edit);
        let (workbook, fixed, raw) = self.without_constraints(|conn| {
            let first = match audit::check(conn)? {
                Found::Clean(workbook) => return Ok((*workbook, Vec::new(), repair::RawRepair::default())),
                Found::Problems(first) => first,
            };
            let done = repair::run(conn, first)?;
            if let Some(entry) = &recorded {
                journal::insert(conn, entry)?;
            }
            Ok(done)
        })?;
        self.workbook = workbook;
        self.read_only = None;
        self.revision += 1;
        self.repair = Some(raw);
        self.undo_list.push(Step { label, undo: Vec::new(), redo: Vec::new(), meeting: None });
        Ok(fixed)
    }

    /// A repair's undo step carries no changes of the model: its rows are kept in the session.
    pub(super) fn is_repair_step(&self, step: &Step) -> bool {
        step.label.text == Text::RepairStep && step.undo.is_empty() && step.redo.is_empty() && self.repair.is_some()
    }

    /// Put back exactly the rows the repair removed or cleared; the file is damaged again, so the session is
    /// read-only again.
    pub(super) fn undo_repair(&mut self, label: &Message) -> Result<(), CommitError> {
        let storage = |e: rusqlite::Error| CommitError::Storage(e.to_string());
        let Some(raw) = self.repair.clone() else { return Ok(()) };
        let recorded = self.journal_entry(label, &[], Origin::Undo);
        self.without_constraints(|conn| {
            repair::undo(conn, &raw)?;
            if let Some(entry) = &recorded {
                journal::insert(conn, entry)?;
            }
            Ok(())
        })
        .map_err(storage)?;
        let view = audited_view(&self.conn).map_err(storage)?;
        self.workbook = view.workbook;
        self.read_only = (!view.problems.is_empty()).then_some(ReadOnlyReason::Damaged(view.problems));
        self.repair = None;
        self.revision += 1;
        Ok(())
    }

    /// Run `work` in one transaction with foreign keys and check constraints off (so nothing cascades unseen
    /// and rows that broke a check can go back), turning them on again whatever happens.
    fn without_constraints<T>(&self, work: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> rusqlite::Result<T> {
        self.conn.pragma_update(None, "foreign_keys", false)?;
        self.conn.pragma_update(None, "ignore_check_constraints", true)?;
        let result = (|| -> rusqlite::Result<T> {
            let tx = self.conn.unchecked_transaction()?;
            let value = work(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        let restored = self
            .conn
            .pragma_update(None, "ignore_check_constraints", false)
            .and_then(|()| self.conn.pragma_update(None, "foreign_keys", true));
        let value = result?;
        restored?;
        Ok(value)
    }
}
