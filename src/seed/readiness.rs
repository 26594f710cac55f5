//! The readiness framework every new workbook gets (`assets/seed/readiness.json`) and the demo's baseline
//! round of scores (`assets/demo/readiness-baseline.json`).

use serde::Deserialize;

use crate::model::{Band, Dimension, LevelText, Pillar, ReadinessItem, Round, Score, stable_id};

const READINESS_JSON: &str = include_str!("../../assets/seed/readiness.json");
const DEMO_BASELINE_JSON: &str = include_str!("../../assets/demo/readiness-baseline.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadinessSeed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    bands: Vec<BandSeed>,
    items: Vec<ItemSeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandSeed {
    key: String,
    name_id: String,
    name_en: String,
    min: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemSeed {
    code: String,
    pillar: Pillar,
    dimension: Option<String>,
    weight: f64,
    target_level: u8,
    question_id: String,
    question_en: String,
    levels: [LevelText; 5],
}

/// The default readiness framework and the index bands (SPBE), for every new workbook. Item and band ids are
/// derived from their codes, so the same item has the same id in every workbook.
pub fn readiness_framework(dimensions: &[Dimension]) -> (Vec<ReadinessItem>, Vec<Band>) {
    let seed: ReadinessSeed = serde_json::from_str(READINESS_JSON).expect("assets/seed/readiness.json is valid");
    let bands = seed
        .bands
        .into_iter()
        .enumerate()
        .map(|(i, b)| Band {
            id: stable_id("band", &b.key),
            name_id: b.name_id,
            name_en: b.name_en,
            min: b.min,
            position: i as i64,
        })
        .collect();
    let items = seed
        .items
        .into_iter()
        .enumerate()
        .map(|(i, item)| ReadinessItem {
            id: stable_id("readiness-item", &item.code),
            pillar: item.pillar,
            dimension_id: item.dimension.map(|key| {
                dimensions
                    .iter()
                    .find(|d| d.key == key)
                    .unwrap_or_else(|| panic!("readiness item {}: no dimension {key}", item.code))
                    .id
            }),
            code: item.code,
            question_id: item.question_id,
            question_en: item.question_en,
            levels: item.levels,
            weight: item.weight,
            target_level: item.target_level,
            position: i as i64,
        })
        .collect();
    (items, bands)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineSeed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    round: RoundSeed,
    scores: Vec<ScoreSeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundSeed {
    name: String,
    year: i32,
    scored_by: String,
    scored_at: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoreSeed {
    item: String,
    level: u8,
    evidence: String,
    note: String,
}

/// The demo's baseline round (2021) with its scores, against the default framework.
pub(super) fn demo_baseline(items: &[ReadinessItem]) -> (Round, Vec<Score>) {
    let seed: BaselineSeed =
        serde_json::from_str(DEMO_BASELINE_JSON).expect("assets/demo/readiness-baseline.json is valid");
    let round = Round {
        id: stable_id("demo-round", &seed.round.name),
        name: seed.round.name,
        year: seed.round.year,
        position: 0,
    };
    let mut scores: Vec<Score> = seed
        .scores
        .into_iter()
        .map(|s| Score {
            round_id: round.id,
            item_id: items
                .iter()
                .find(|i| i.code == s.item)
                .unwrap_or_else(|| panic!("demo baseline: no readiness item {}", s.item))
                .id,
            level: s.level,
            evidence: s.evidence,
            note: s.note,
            scored_by: seed.round.scored_by.clone(),
            scored_at: seed.round.scored_at.clone(),
        })
        .collect();
    scores.sort_by_key(|s| (s.round_id, s.item_id));
    (round, scores)
}
