//! The columns of a realisation file: one row per program, year and funding source. The export writes these
//! headers in the file's language; the import recognises them in either language or by key.

use crate::i18n::{Lang, Text};
use crate::io::program_table::{Word, fold, word};
use crate::model::RealisationStatus;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RealisationField {
    Code,
    /// For people only: the import reads the program by its code.
    Name,
    Year,
    Status,
    Reason,
    Source,
    /// For people only: the plan is the program's own budget line.
    Planned,
    Spent,
    /// For people only: the target is the program's own.
    Target,
    Actual,
    Note,
    Evidence,
}

impl RealisationField {
    pub const ALL: [RealisationField; 12] = [
        RealisationField::Code,
        RealisationField::Name,
        RealisationField::Year,
        RealisationField::Status,
        RealisationField::Reason,
        RealisationField::Source,
        RealisationField::Planned,
        RealisationField::Spent,
        RealisationField::Target,
        RealisationField::Actual,
        RealisationField::Note,
        RealisationField::Evidence,
    ];

    pub fn text(self) -> Text {
        match self {
            RealisationField::Code => Text::ColCode,
            RealisationField::Name => Text::ColName,
            RealisationField::Year => Text::MonevYear,
            RealisationField::Status => Text::ColStatus,
            RealisationField::Reason => Text::MonevReason,
            RealisationField::Source => Text::MonevSource,
            RealisationField::Planned => Text::MonevPlanned,
            RealisationField::Spent => Text::MonevSpent,
            RealisationField::Target => Text::MonevTarget,
            RealisationField::Actual => Text::MonevActual,
            RealisationField::Note => Text::MonevNote,
            RealisationField::Evidence => Text::MonevEvidence,
        }
    }

    /// The stable key, accepted as a header too.
    pub fn key(self) -> &'static str {
        match self {
            RealisationField::Code => "code",
            RealisationField::Name => "name",
            RealisationField::Year => "year",
            RealisationField::Status => "status",
            RealisationField::Reason => "reason",
            RealisationField::Source => "source",
            RealisationField::Planned => "planned",
            RealisationField::Spent => "spent",
            RealisationField::Target => "target",
            RealisationField::Actual => "actual",
            RealisationField::Note => "note",
            RealisationField::Evidence => "evidence",
        }
    }

    pub fn header(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    /// "Kode / Code", for messages about a missing column.
    pub fn both_headers(self) -> String {
        let (id, en) = (self.header(Lang::Id), self.header(Lang::En));
        if id == en { id.to_string() } else { format!("{id} / {en}") }
    }

    /// The field a header names, in Indonesian, English or by key (case and accents ignored).
    pub fn from_header(header: &str) -> Option<RealisationField> {
        let folded = fold(header);
        Self::ALL
            .into_iter()
            .find(|f| [f.header(Lang::Id), f.header(Lang::En), f.key()].iter().any(|h| fold(h) == folded))
    }

    /// Read from the file; the others are written for people and ignored on import.
    pub fn is_read(self) -> bool {
        !matches!(self, RealisationField::Name | RealisationField::Planned | RealisationField::Target)
    }
}

/// The words of the status column.
pub const STATUSES: [Word<RealisationStatus>; 5] = [
    word(RealisationStatus::NotStarted, "not_started", "Belum dimulai", "Not started", &["belum mulai"]),
    word(RealisationStatus::Running, "running", "Berjalan", "Running", &[]),
    word(RealisationStatus::Done, "done", "Selesai", "Done", &[]),
    word(RealisationStatus::Delayed, "delayed", "Terlambat", "Delayed", &["tertunda"]),
    word(RealisationStatus::Dropped, "dropped", "Dibatalkan", "Dropped", &["batal"]),
];
