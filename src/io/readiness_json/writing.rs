//! Writing the framework file: the workbook's items and bands as pretty JSON, always the same bytes.

use serde::Serialize;
use serde_json::Value;

use super::{FORMAT, NOTE, VERSION};
use crate::model::{LevelText, Workbook};

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    #[serde(rename = "_note")]
    note: &'static str,
    bands: Vec<BandOut<'a>>,
    items: Vec<ItemOut<'a>>,
}

#[derive(Serialize)]
struct BandOut<'a> {
    name_id: &'a str,
    name_en: &'a str,
    min: f64,
}

#[derive(Serialize)]
struct ItemOut<'a> {
    code: &'a str,
    pillar: &'static str,
    dimension: Option<&'a str>,
    question_id: &'a str,
    question_en: &'a str,
    weight: Value,
    target_level: u8,
    levels: &'a [LevelText; 5],
}

/// The workbook's framework (items in their order, bands ascending) as pretty JSON in the format above.
pub fn export_framework(workbook: &Workbook) -> String {
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        note: NOTE,
        bands: workbook
            .bands
            .iter()
            .map(|b| BandOut { name_id: &b.name_id, name_en: &b.name_en, min: b.min })
            .collect(),
        items: workbook
            .readiness_items
            .iter()
            .map(|item| ItemOut {
                code: &item.code,
                pillar: item.pillar.key(),
                dimension: item.dimension_id.and_then(|d| workbook.dimension(d)).map(|d| d.key.as_str()),
                question_id: &item.question_id,
                question_en: &item.question_en,
                weight: weight_value(item.weight),
                target_level: item.target_level,
                levels: &item.levels,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("a framework always serialises");
    text.push('\n');
    text
}

/// Whole weights as integers (`3`, not `3.0`), for people editing the file by hand.
fn weight_value(weight: f64) -> Value {
    if weight.fract() == 0.0 && weight.abs() < 9.0e15 { Value::from(weight as i64) } else { Value::from(weight) }
}
