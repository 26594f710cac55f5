//! What a program actually did in one year of the masterplan: whether it ran, the money spent per funding
//! source, its indicator's actual value (beside the program's own target for that year), a note and the
//! evidence (data dukung) it rests on. Files are referred to by name, link or path, never copied in.

use serde::{Deserialize, Serialize};

use crate::i18n::Text;
use crate::model::{FundingSource, Id};

/// Whether a program ran in a year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RealisationStatus {
    #[default]
    NotStarted,
    Running,
    Done,
    /// Behind its plan; a reason is required.
    Delayed,
    /// Given up; a reason is required.
    Dropped,
}

impl RealisationStatus {
    pub const ALL: [RealisationStatus; 5] = [
        RealisationStatus::NotStarted,
        RealisationStatus::Running,
        RealisationStatus::Done,
        RealisationStatus::Delayed,
        RealisationStatus::Dropped,
    ];

    /// The name shown for this status.
    pub fn text(self) -> Text {
        match self {
            RealisationStatus::NotStarted => Text::MonevStatusNotStarted,
            RealisationStatus::Running => Text::MonevStatusRunning,
            RealisationStatus::Done => Text::MonevStatusDone,
            RealisationStatus::Delayed => Text::MonevStatusDelayed,
            RealisationStatus::Dropped => Text::MonevStatusDropped,
        }
    }

    /// The word stored in the workbook, the import and JSON.
    pub fn key(self) -> &'static str {
        match self {
            RealisationStatus::NotStarted => "not_started",
            RealisationStatus::Running => "running",
            RealisationStatus::Done => "done",
            RealisationStatus::Delayed => "delayed",
            RealisationStatus::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// True when the program ran that year (running or done): what the implementation rate counts.
    pub fn ran(self) -> bool {
        matches!(self, RealisationStatus::Running | RealisationStatus::Done)
    }

    /// True when a reason must be given (delayed, dropped).
    pub fn needs_reason(self) -> bool {
        matches!(self, RealisationStatus::Delayed | RealisationStatus::Dropped)
    }
}

/// The realisation of one program in one year, identified by the two. The money spent is kept apart, per
/// funding source ([`Spending`]), so two agencies' copies filling different sources do not conflict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Realisation {
    pub program_id: Id,
    pub year: i32,
    pub status: RealisationStatus,
    /// Why the program is delayed or dropped; may be empty for the other statuses.
    pub reason: String,
    /// The indicator's actual value as reported, beside the program's target for the year (`YearTarget`).
    pub actual: String,
    pub note: String,
    /// Data dukung: a document name, a link or a file path, as text.
    pub evidence: String,
}

impl Realisation {
    /// An empty realisation of `program` in `year`: not started, nothing reported.
    pub fn new(program_id: Id, year: i32) -> Self {
        Realisation {
            program_id,
            year,
            status: RealisationStatus::NotStarted,
            reason: String::new(),
            actual: String::new(),
            note: String::new(),
            evidence: String::new(),
        }
    }

    pub fn key(&self) -> (Id, i32) {
        (self.program_id, self.year)
    }
}

/// The money a program actually spent in one year from one funding source, in whole rupiah.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Spending {
    pub program_id: Id,
    pub year: i32,
    pub source: FundingSource,
    pub amount: i64,
}

impl Spending {
    pub fn key(&self) -> (Id, i32, FundingSource) {
        (self.program_id, self.year, self.source)
    }
}
