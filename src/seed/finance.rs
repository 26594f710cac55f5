//! The demo's regional budget (APBD) history and projection settings, from `assets/demo/finance.json`.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{FinanceValue, ProjectionSettings, ValueKind};

const DEMO_FINANCE_JSON: &str = include_str!("../../assets/demo/finance.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FinanceSeed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    settings: ProjectionSettings,
    years: Vec<FinanceYearSeed>,
}

/// One year and kind of the demo's budget history: the figures reported in the press, used as they are, and
/// the estimates that fill the gaps (marked as estimates).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FinanceYearSeed {
    year: i32,
    kind: ValueKind,
    #[serde(rename = "_source")]
    _source: Option<String>,
    #[serde(default)]
    reported: BTreeMap<String, i64>,
    #[serde(default)]
    estimated: BTreeMap<String, i64>,
}

/// The demo's budget history of Konawe Selatan and its projection settings, from `assets/demo/finance.json`.
/// A line both reported and estimated in one year is a bug in the asset.
pub(super) fn demo_finance() -> (Vec<FinanceValue>, ProjectionSettings) {
    let seed: FinanceSeed = serde_json::from_str(DEMO_FINANCE_JSON).expect("assets/demo/finance.json is valid");
    let mut values = Vec::new();
    for year in seed.years {
        for (is_estimate, lines) in [(false, &year.reported), (true, &year.estimated)] {
            for (line, amount) in lines {
                let duplicate = values.iter().any(|v: &FinanceValue| v.key() == (line.as_str(), year.year, year.kind));
                assert!(!duplicate, "demo finance: {line} {} {} twice", year.year, year.kind.key());
                values.push(FinanceValue {
                    line: line.clone(),
                    year: year.year,
                    kind: year.kind,
                    amount: *amount,
                    is_estimate,
                });
            }
        }
    }
    values.sort_by(|a, b| a.key().cmp(&b.key()));
    (values, seed.settings)
}
