//! Writing a file atomically: the bytes go to a temporary file beside the target, are flushed to disk and
//! renamed into place, so a failure never leaves half a file; and why a write failed, in words the user can
//! act on.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Message, Text};

/// Why a file could not be written, each with what the user can do about it (see [`WriteError::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The folder to write into does not exist.
    FolderMissing(PathBuf),
    /// The system refused to write there (permissions, a read-only disk or folder).
    NoPermission(PathBuf),
    /// The disk (or the user's quota) is full.
    DiskFull(PathBuf),
    /// Another program holds the file open and locked (Excel or Word on Windows).
    InUse(PathBuf),
    /// A folder stands where the file should go.
    IsFolder(PathBuf),
    /// Anything else, with the system's words.
    Other(PathBuf, String),
}

/// Windows' "the file is being used by another process" and "locked by another process".
const WINDOWS_SHARING_VIOLATION: i32 = 32;
const WINDOWS_LOCK_VIOLATION: i32 = 33;
/// ENOSPC, EDQUOT and EROFS on Linux, for toolchains whose `ErrorKind` does not name them.
const ENOSPC: i32 = 28;
const EDQUOT: i32 = 122;
const EROFS: i32 = 30;

impl WriteError {
    /// Classify an error of writing `path` (the final file, not the temporary one).
    pub fn from_io(path: &Path, error: &std::io::Error) -> WriteError {
        let path = path.to_path_buf();
        let raw = error.raw_os_error();
        if cfg!(windows) && matches!(raw, Some(WINDOWS_SHARING_VIOLATION | WINDOWS_LOCK_VIOLATION)) {
            return WriteError::InUse(path);
        }
        if path.is_dir() {
            return WriteError::IsFolder(path);
        }
        match error.kind() {
            ErrorKind::NotFound if path.parent().is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir()) => {
                WriteError::FolderMissing(path.parent().map(Path::to_path_buf).unwrap_or_default())
            }
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => WriteError::NoPermission(path),
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => WriteError::DiskFull(path),
            ErrorKind::IsADirectory => WriteError::IsFolder(path),
            _ if cfg!(unix) && matches!(raw, Some(ENOSPC | EDQUOT)) => WriteError::DiskFull(path),
            _ if cfg!(unix) && raw == Some(EROFS) => WriteError::NoPermission(path),
            _ => WriteError::Other(path, error.to_string()),
        }
    }

    /// The file that could not be written.
    pub fn path(&self) -> &Path {
        match self {
            WriteError::FolderMissing(p)
            | WriteError::NoPermission(p)
            | WriteError::DiskFull(p)
            | WriteError::InUse(p)
            | WriteError::IsFolder(p)
            | WriteError::Other(p, _) => p,
        }
    }

    /// What happened and what to do, translated when shown.
    pub fn message(&self) -> Message {
        let path = self.path().display().to_string();
        match self {
            WriteError::FolderMissing(_) => Message::with(Text::WriteFolderMissing, [path]),
            WriteError::NoPermission(_) => Message::with(Text::WriteNoPermission, [path]),
            WriteError::DiskFull(_) => Message::with(Text::WriteDiskFull, [path]),
            WriteError::InUse(_) => Message::with(Text::WriteInUse, [path]),
            WriteError::IsFolder(_) => Message::with(Text::WriteIsFolder, [path]),
            WriteError::Other(_, reason) => Message::with(Text::WriteOther, [path, reason.clone()]),
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().show(Lang::En))
    }
}

/// The temporary file a write to `path` goes through: hidden beside it, named by the process, so it is on
/// the same disk (the rename is atomic) and two processes never share one.
pub fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Write `bytes` to a temporary file beside `path`, flush it to disk and rename it over `path`. On any
/// failure the temporary file is removed and `path` is left as it was: never half a file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::IsFolder(path.to_path_buf()));
    }
    let temp = temporary_path(path);
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if let Err(error) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(WriteError::from_io(path, &error));
    }
    Ok(())
}

/// [`write_file`] with the error as an English sentence, for callers that show one string.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_file(path, bytes).map_err(|e| e.to_string())
}
