//! The history and sync records checked on open: a journal entry, the file's identity or a peer's base that
//! cannot be read back is a problem of the file, never an empty value or a nil id. The strict parsers here are
//! what the readers of those records use.

use rusqlite::Connection;
use rusqlite::Error::FromSqlConversionFailure;
use rusqlite::types::{Type, ValueRef};
use uuid::Uuid;

use super::audit::{ContentProblem, Fix, FixAction, label_of};
use super::journal::Origin;
use crate::i18n::{Message, Text};

/// What a record's text must be.
#[derive(Clone, Copy)]
enum Expect {
    Id,
    OptionalId,
    /// A JSON list of texts.
    Texts,
    /// A JSON list of ids.
    Ids,
    /// Any well-formed JSON document.
    Json,
    Origin,
    /// The name of a [`Text`]: a history entry's label. So a label key may never be removed from `Text`
    /// once a release wrote it: older files' histories hold it.
    TextKey,
    /// An Ed25519 public key, as 64 hex digits.
    Key,
}

fn why(expect: Expect, value: ValueRef<'_>) -> Option<Text> {
    let text = match value {
        ValueRef::Null if matches!(expect, Expect::OptionalId) => return None,
        ValueRef::Text(bytes) => std::str::from_utf8(bytes).ok()?,
        _ => return None,
    };
    let bad = match expect {
        Expect::Id | Expect::OptionalId => Uuid::parse_str(text).is_err(),
        Expect::Texts => serde_json::from_str::<Vec<String>>(text).is_err(),
        Expect::Ids => serde_json::from_str::<Vec<String>>(text)
            .map_or(true, |ids| ids.iter().any(|id| Uuid::parse_str(id).is_err())),
        Expect::Json => serde_json::from_str::<serde::de::IgnoredAny>(text).is_err(),
        Expect::Origin => Origin::from_key(text).is_none(),
        Expect::TextKey => !Text::ALL.iter().any(|t| format!("{t:?}") == text),
        Expect::Key => text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()),
    };
    bad.then_some(match expect {
        Expect::Id | Expect::OptionalId | Expect::Ids => Text::ContentBadId,
        Expect::Texts | Expect::Json => Text::ContentBadJson,
        Expect::Origin => Text::ContentBadOrigin,
        Expect::TextKey => Text::ContentBadLabel,
        Expect::Key => Text::ContentBadKey,
    })
}

const CHECKED: &[(&str, &[(&str, Expect)])] = &[
    // The file's own identity (`replica`) is not here: no repair could make one up, so a bad one refuses
    // the file on open (`sync::identity`).
    ("issued_copy", &[("copy_id", Expect::Id), ("scope_agency_id", Expect::OptionalId), ("public_key", Expect::Key)]),
    ("sync_peer", &[("agency_id", Expect::OptionalId), ("base_json", Expect::Json)]),
    (
        "journal",
        &[
            ("id", Expect::Id),
            ("replica_id", Expect::Id),
            ("label_args", Expect::Texts),
            ("label_key", Expect::TextKey),
            ("origin", Expect::Origin),
            ("agency_id", Expect::OptionalId),
            ("agencies", Expect::Ids),
        ],
    ),
];

/// `text`, which the file holds in `column`, as an id: a bad one is an error of the file, never the nil id.
pub fn parse_id(text: &str, column: usize) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(text).map_err(|e| FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// `text`, which the file holds in `column`, as JSON of `T`: a bad one is an error, never an empty value.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str, column: usize) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// The error for `value` in `column`, which is not a `what`.
pub fn not_a(column: usize, what: &str, value: &str) -> rusqlite::Error {
    FromSqlConversionFailure(column, Type::Text, format!("{value:?} is not a valid {what}").into())
}

/// Add a problem for every history or sync record that cannot be read back as what it must be.
pub fn check(conn: &Connection, out: &mut Vec<ContentProblem>) -> rusqlite::Result<()> {
    for (table, fields) in CHECKED {
        let names: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
        let mut stmt = conn.prepare(&format!("SELECT rowid, {} FROM {table}", names.join(", ")))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            for (at, (field, expect)) in fields.iter().enumerate() {
                let Some(text) = why(*expect, row.get_ref(at + 1)?) else { continue };
                out.push(ContentProblem {
                    table: (*table).to_string(),
                    row: label_of(conn, table, rowid)?,
                    field: (*field).to_string(),
                    message: Message::new(text),
                    fix: Fix { rowid, action: FixAction::RemoveRow },
                });
            }
        }
    }
    Ok(())
}
