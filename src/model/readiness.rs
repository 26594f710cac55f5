//! The readiness assessment (kesiapan daerah): a framework of items on three pillars, optionally tied to a
//! dimension, each with five level descriptions and a weight; assessment rounds whose scores give each item a
//! level with its evidence; and bands that name ranges of the 1-5 index. All of it is data the planners edit.

use serde::{Deserialize, Serialize};

use super::Id;
use crate::i18n::Text;

/// The three pillars of the national guidance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    /// Struktur: human resources, budget, governance.
    Structure,
    /// Infrastruktur: physical, digital and social infrastructure.
    Infrastructure,
    /// Suprastruktur: regulation, institutions, procedures.
    Superstructure,
}

impl Pillar {
    pub const ALL: [Pillar; 3] = [Pillar::Structure, Pillar::Infrastructure, Pillar::Superstructure];

    /// The name shown for this pillar.
    pub fn text(self) -> Text {
        match self {
            Pillar::Structure => Text::PillarStructure,
            Pillar::Infrastructure => Text::PillarInfrastructure,
            Pillar::Superstructure => Text::PillarSuperstructure,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Pillar::Structure => "structure",
            Pillar::Infrastructure => "infrastructure",
            Pillar::Superstructure => "superstructure",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// What a level means, in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelText {
    pub id: String,
    pub en: String,
}

/// The lowest and highest level of the scale.
pub const MIN_LEVEL: u8 = 1;
pub const MAX_LEVEL: u8 = 5;

/// One question of the framework.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadinessItem {
    pub id: Id,
    pub pillar: Pillar,
    /// The dimension the item is about, if it is about one.
    pub dimension_id: Option<Id>,
    pub code: String,
    pub question_id: String,
    pub question_en: String,
    /// What levels 1..=5 mean, in order.
    pub levels: [LevelText; 5],
    /// Relative weight (>= 0); indices divide by the sum of the weights that count, so weights need not add
    /// up to 100.
    pub weight: f64,
    /// The level the region aims for; the gap is target minus score.
    pub target_level: u8,
    pub position: i64,
}

/// A named range of the index: the band applies from `min` (inclusive) up to the next band's `min`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub id: Id,
    pub name_id: String,
    pub name_en: String,
    pub min: f64,
    pub position: i64,
}

/// One assessment: the baseline or a later round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: Id,
    pub name: String,
    pub year: i32,
    pub position: i64,
}

impl Round {
    /// The round as headers and lists name it: `Putaran 2 (2024)`, or the name alone when it already says
    /// its year (`Baseline 2021`, never `Baseline 2021 (2021)`).
    pub fn label(&self) -> String {
        if self.name.contains(&self.year.to_string()) {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.year)
        }
    }
}

/// The level an item reached in a round, with its evidence ("data dukung").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub round_id: Id,
    pub item_id: Id,
    pub level: u8,
    pub evidence: String,
    pub note: String,
    pub scored_by: String,
    /// ISO 8601, UTC.
    pub scored_at: String,
}
