//! The history and sync records checked on open: a journal entry, the file's identity or a peer's base that
//! cannot be read back is a problem of the file, never an empty value or a nil id.

use rusqlite::Connection;
use rusqlite::types::ValueRef;
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
    };
    bad.then_some(match expect {
        Expect::Id | Expect::OptionalId | Expect::Ids => Text::ContentBadId,
        Expect::Texts | Expect::Json => Text::ContentBadJson,
        Expect::Origin => Text::ContentBadOrigin,
    })
}

const CHECKED: &[(&str, &[(&str, Expect)])] = &[
    ("replica", &[("replica_id", Expect::Id), ("scope_agency_id", Expect::OptionalId)]),
    ("sync_peer", &[("agency_id", Expect::OptionalId), ("base_json", Expect::Json)]),
    (
        "journal",
        &[
            ("id", Expect::Id),
            ("replica_id", Expect::Id),
            ("label_args", Expect::Texts),
            ("origin", Expect::Origin),
            ("agency_id", Expect::OptionalId),
            ("agencies", Expect::Ids),
        ],
    ),
];

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
