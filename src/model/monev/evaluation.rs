//! The ministry's yearly evaluation as data: five evaluation dimensions (Baseline, Output, Outcome, Impact,
//! Quick Win) with their items and weights, and the regency's self-assessment per year, a score with its
//! evidence and note per item. Weights differ between years and reports, so they are rows, never constants;
//! the defaults are the weighting one regency reported from the guide (Pedoman Evaluasi Smart City 2018).

use serde::{Deserialize, Serialize};

use crate::model::{Id, stable_id};

/// The highest weight of an evaluation dimension or item, in points; a share is a weight over the sum.
pub const MAX_EVALUATION_WEIGHT: u32 = 1000;
/// Scores are kept in hundredths of a point, so 3.71 is 371: exact, never a float in the file.
pub const SCORE_SCALE: u16 = 100;
/// The highest score of an item: 5.00.
pub const MAX_EVALUATION_SCORE: u16 = 500;

/// The keys of the five default dimensions; the suggestions computed from the workbook follow them.
pub const BASELINE: &str = "baseline";
pub const OUTPUT: &str = "output";
pub const OUTCOME: &str = "outcome";
pub const IMPACT: &str = "impact";
pub const QUICK_WIN: &str = "quick_win";

/// One dimension of the evaluation (not one of the six smart city dimensions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationDimension {
    pub id: Id,
    /// `baseline`, `output`, `outcome`, `impact`, `quick_win` for the defaults; free text for others.
    pub key: String,
    pub name_id: String,
    pub name_en: String,
    /// Points, 0-1000: the dimension's share of the achievement index is its weight over the sum.
    pub weight: u32,
    pub position: i64,
}

/// What the assessors ask under a dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationItem {
    pub id: Id,
    pub dimension_id: Id,
    pub key: String,
    pub name_id: String,
    pub name_en: String,
    /// Points, 0-1000, relative to the other items of its dimension.
    pub weight: u32,
    pub position: i64,
}

/// The self-assessment of one item in one year, identified by the two.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationScore {
    pub year: i32,
    pub item_id: Id,
    /// Hundredths of a point, 0-500 (0.00-5.00).
    pub score: u16,
    pub evidence: String,
    pub note: String,
}

impl EvaluationScore {
    pub fn key(&self) -> (i32, Id) {
        (self.year, self.item_id)
    }

    /// The score as a number of points, e.g. 3.71.
    pub fn points(&self) -> f64 {
        f64::from(self.score) / f64::from(SCORE_SCALE)
    }
}

/// The default dimensions: (key, Indonesian, English, weight points).
const DEFAULT_DIMENSIONS: [(&str, &str, &str, u32); 5] = [
    (BASELINE, "Baseline (kondisi awal)", "Baseline", 10),
    (OUTPUT, "Output (keluaran)", "Output", 20),
    (OUTCOME, "Outcome (hasil)", "Outcome", 30),
    (IMPACT, "Dampak", "Impact", 30),
    (QUICK_WIN, "Quick win", "Quick win", 10),
];

/// The default items: (dimension key, item key, Indonesian, English, weight points).
const DEFAULT_ITEMS: [(&str, &str, &str, &str, u32); 11] = [
    (
        BASELINE,
        "baseline_readiness",
        "Kondisi struktur, infrastruktur dan suprastruktur pada evaluasi tahun ini",
        "State of structure, infrastructure and superstructure at this year's evaluation",
        50,
    ),
    (
        BASELINE,
        "baseline_improvement",
        "Peningkatan masterplan dan quick win dibanding evaluasi sebelumnya",
        "Improvement of the masterplan and quick wins over the previous evaluation",
        50,
    ),
    (OUTPUT, "output_policy", "Regulasi penetapan masterplan", "A regulation adopting the masterplan", 40),
    (
        OUTPUT,
        "output_institutions",
        "Kelembagaan: dewan smart city, tim pelaksana, forum",
        "Institutions: smart city council, implementation team, forums",
        30,
    ),
    (OUTPUT, "output_budget", "Anggaran untuk smart city", "Budget for smart city", 30),
    (
        OUTCOME,
        "outcome_implementation",
        "Keterlaksanaan program masterplan",
        "How far the masterplan's programs are carried out",
        100,
    ),
    (IMPACT, "impact_services", "Peningkatan layanan publik", "Better public services", 40),
    (IMPACT, "impact_participation", "Keterlibatan warga", "Citizen involvement", 30),
    (
        IMPACT,
        "impact_sustainability",
        "Keberlanjutan program yang berjalan",
        "Sustainability of the running programs",
        30,
    ),
    (QUICK_WIN, "quick_win_innovation", "Inovasi program quick win", "Innovation of the quick-win programs", 50),
    (
        QUICK_WIN,
        "quick_win_continuation",
        "Keberlanjutan program quick win",
        "Continuation of the quick-win programs",
        50,
    ),
];

/// The id of a default dimension: derived from its key, so every workbook and copy names it alike.
pub fn dimension_id(key: &str) -> Id {
    stable_id("evaluation-dimension", key)
}

/// The id of a default item, derived from its key.
pub fn item_id(key: &str) -> Id {
    stable_id("evaluation-item", key)
}

/// The five default dimensions, weights adding up to 100.
pub fn default_dimensions() -> Vec<EvaluationDimension> {
    DEFAULT_DIMENSIONS
        .iter()
        .enumerate()
        .map(|(i, (key, name_id, name_en, weight))| EvaluationDimension {
            id: dimension_id(key),
            key: key.to_string(),
            name_id: name_id.to_string(),
            name_en: name_en.to_string(),
            weight: *weight,
            position: i as i64,
        })
        .collect()
}

/// The default items of the five dimensions, in the order they are asked.
pub fn default_items() -> Vec<EvaluationItem> {
    DEFAULT_ITEMS
        .iter()
        .enumerate()
        .map(|(i, (dimension, key, name_id, name_en, weight))| EvaluationItem {
            id: item_id(key),
            dimension_id: dimension_id(dimension),
            key: key.to_string(),
            name_id: name_id.to_string(),
            name_en: name_en.to_string(),
            weight: *weight,
            position: i as i64,
        })
        .collect()
}
