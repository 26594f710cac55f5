//! Opening a workbook defensively. A file from someone else is data: before we write a byte we check that it
//! is SQLite, that it carries our application id, that it is complete, that `quick_check` passes and that its
//! schema holds exactly the objects we create. A refused file is never written to.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::schema::{APPLICATION_ID, CURRENT_VERSION, expected_objects, schema_objects};
use crate::i18n::{Message, Text};

/// Why a file could not be opened as a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    NotFound,
    NotSqlite,
    /// A SQLite file of another application.
    Foreign,
    /// Shorter than its header says: a copy that did not finish.
    Truncated,
    /// `quick_check` found damage; the detail is SQLite's own report.
    Damaged(String),
    /// The schema holds objects we did not create, or lacks some we did.
    UnexpectedSchema(String),
    /// A newer version whose tables this build cannot read.
    TooNew(i32),
    /// The operating system refused (permissions, disk full...); the detail says what.
    Io(String),
}

impl OpenError {
    pub fn message(&self) -> Message {
        match self {
            OpenError::NotFound => Message::new(Text::OpenNotFound),
            OpenError::NotSqlite => Message::new(Text::OpenNotSqlite),
            OpenError::Foreign => Message::new(Text::OpenForeign),
            OpenError::Truncated => Message::new(Text::OpenTruncated),
            OpenError::Damaged(detail) => Message::with(Text::OpenDamaged, [detail.clone()]),
            OpenError::UnexpectedSchema(detail) => Message::with(Text::OpenUnexpectedSchema, [detail.clone()]),
            OpenError::TooNew(version) => Message::with(Text::OpenTooNew, [version.to_string()]),
            OpenError::Io(detail) => Message::with(Text::OpenIo, [detail.clone()]),
        }
    }
}

impl From<rusqlite::Error> for OpenError {
    fn from(error: rusqlite::Error) -> Self {
        OpenError::Io(error.to_string())
    }
}

/// What the header of a workbook file says, read without SQLite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub application_id: i32,
    pub user_version: i32,
}

/// Read and check the 100-byte SQLite header. Also catches truncated copies: the header records the page
/// count, and a file shorter than that is incomplete (unless a WAL beside it still holds pages).
pub fn read_header(path: &Path) -> Result<Header, OpenError> {
    let mut file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => OpenError::NotFound,
        _ => OpenError::Io(e.to_string()),
    })?;
    let length = file.metadata().map_err(|e| OpenError::Io(e.to_string()))?.len();
    let mut header = [0u8; 100];
    if length < 100 || file.read_exact(&mut header).is_err() {
        return Err(OpenError::NotSqlite);
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Err(OpenError::NotSqlite);
    }
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let application_id = be32(68) as i32;
    let user_version = be32(60) as i32;
    if application_id != APPLICATION_ID {
        return Err(OpenError::Foreign);
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    let page_count = u64::from(be32(28));
    let count_is_valid = be32(24) == be32(92);
    if count_is_valid && length < page_size * page_count && !wal_path(path).exists() {
        return Err(OpenError::Truncated);
    }
    Ok(Header { application_id, user_version })
}

pub fn wal_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

/// Settings on every connection: the file is untrusted data, never code.
pub fn harden(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    Ok(())
}

/// Open `path` read-only and check it thoroughly. Returns the read-only connection and its schema version.
pub fn open_checked(path: &Path) -> Result<(Connection, i32), OpenError> {
    read_header(path)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| OpenError::Io(e.to_string()))?;
    harden(&conn)?;
    let damage = structural_damage(&conn).map_err(|e| OpenError::Damaged(e.to_string()))?;
    if !damage.is_empty() {
        return Err(OpenError::Damaged(damage.join("; ")));
    }
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version < 1 {
        return Err(OpenError::UnexpectedSchema(format!("version {version}")));
    }
    if version <= CURRENT_VERSION {
        let found = schema_objects(&conn)?;
        let expected = expected_objects(version)?;
        if found != expected {
            let extra: Vec<&str> = found.iter().filter(|o| !expected.contains(o)).map(|o| o.1.as_str()).collect();
            let missing: Vec<&str> = expected.iter().filter(|o| !found.contains(o)).map(|o| o.1.as_str()).collect();
            return Err(OpenError::UnexpectedSchema(format!("+[{}] -[{}]", extra.join(", "), missing.join(", "))));
        }
    }
    Ok((conn, version))
}

/// What `quick_check` reports about the file's structure. Its reports about contents (a value of the wrong
/// type, a broken CHECK or NOT NULL) are left to the audited load, which names the row and can repair it.
fn structural_damage(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let lines = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|line| line != "ok" && !is_content_report(line)).collect())
}

fn is_content_report(line: &str) -> bool {
    line.starts_with("CHECK constraint failed in ")
        || line.starts_with("NULL value in ")
        || (line.starts_with("non-") && line.contains(" value in "))
}
