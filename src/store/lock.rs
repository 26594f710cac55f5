//! One writer per workbook. While a workbook is open for editing, its process holds an operating-system lock
//! on a small file in the app's data folder (not beside the workbook, which stays a single file). The
//! operating system drops the lock when the process ends, even when it is killed, so a stale lock never
//! blocks anyone.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use crate::paths;

/// A held lock; dropping it releases the workbook for other processes.
#[derive(Debug)]
pub struct WorkbookLock {
    _file: File,
}

pub enum LockError {
    /// Another window or process has the workbook open for editing.
    InUse,
    Io(std::io::Error),
}

/// FNV-1a: a hash that is the same in every build, so two versions of the app agree on the lock's name.
fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

fn lock_path(workbook: &Path) -> PathBuf {
    let canonical = workbook.canonicalize().unwrap_or_else(|_| workbook.to_path_buf());
    let hash = stable_hash(canonical.as_os_str().as_encoded_bytes());
    paths::data_dir().join("locks").join(format!("{hash:016x}.lock"))
}

pub fn acquire(workbook: &Path) -> Result<WorkbookLock, LockError> {
    let path = lock_path(workbook);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(LockError::Io)?;
    }
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(LockError::Io)?;
    match file.try_lock() {
        Ok(()) => Ok(WorkbookLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(LockError::InUse),
        Err(std::fs::TryLockError::Error(e)) => Err(LockError::Io(e)),
    }
}
