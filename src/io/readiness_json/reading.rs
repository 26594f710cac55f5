//! Reading a framework file: the parse, the header, the walk over its bands and items, and the model's own
//! rules on the rows as they would be put.

use serde_json::{Map, Value};

use super::ids::assign_ids;
use super::walk::{Walk, problem};
use super::{FORMAT, FrameworkImport, JsonProblem, ROOT_KEYS, VERSION};
use crate::i18n::{Message, Text};
use crate::model::{Change, Field, Workbook, validate_change};

/// Read a framework file against `workbook`: every problem with its path, or the items and bands to put.
pub fn import_framework(workbook: &Workbook, text: &str) -> Result<FrameworkImport, Vec<JsonProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![problem("", Text::FrameworkJsonEmptyFile)]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| vec![syntax_problem(&e)])?;
    let Value::Object(root) = &value else {
        return Err(vec![problem("", Text::FrameworkJsonNotObject)]);
    };
    header(root)?;

    let mut walk = Walk::default();
    walk.unknown_keys(root, "", ROOT_KEYS);
    let bands = walk.field(root, "", "bands").map(|v| walk.bands(v)).unwrap_or_default();
    let items = walk.field(root, "", "items").map(|v| walk.items(workbook, v)).unwrap_or_default();
    if !walk.problems.is_empty() {
        return Err(walk.problems);
    }

    let import = assign_ids(workbook, items, bands);
    // The model's own rules (e.g. the largest weight), on the rows as they would be put.
    for (i, item) in import.items.iter().enumerate() {
        for p in validate_change(workbook, &Change::PutReadinessItem(item.clone())) {
            walk.problems.push(JsonProblem { path: model_path(&format!("items[{i}]"), p.field), message: p.message });
        }
    }
    for (i, band) in import.bands.iter().enumerate() {
        for p in validate_change(workbook, &Change::PutBand(band.clone())) {
            walk.problems.push(JsonProblem { path: model_path(&format!("bands[{i}]"), p.field), message: p.message });
        }
    }
    if walk.problems.is_empty() { Ok(import) } else { Err(walk.problems) }
}

/// A parse error with its line and column; serde_json's own words (English) say what was expected.
fn syntax_problem(error: &serde_json::Error) -> JsonProblem {
    let (line, column) = (error.line().to_string(), error.column().to_string());
    if error.is_eof() {
        return problem("", Message::with(Text::FrameworkJsonEof, [line, column]));
    }
    let full = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let detail = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    problem("", Message::with(Text::FrameworkJsonSyntax, [line, column, detail]))
}

/// `format` and `version`, checked before anything else: another kind of file, or a newer format, is refused
/// with one message rather than a list of everything that differs.
fn header(root: &Map<String, Value>) -> Result<(), Vec<JsonProblem>> {
    match root.get("format") {
        None => return Err(vec![problem("format", Text::FrameworkJsonMissing)]),
        Some(Value::String(format)) if format.trim() == FORMAT => {}
        Some(_) => return Err(vec![problem("format", Message::with(Text::FrameworkJsonWrongFormat, [FORMAT]))]),
    }
    match root.get("version") {
        None => Err(vec![problem("version", Text::FrameworkJsonMissing)]),
        Some(v) => match v.as_u64() {
            Some(version) if version > VERSION => {
                let args = [version.to_string(), VERSION.to_string()];
                Err(vec![problem("version", Message::with(Text::FrameworkJsonNewerVersion, args))])
            }
            Some(version) if version >= 1 => Ok(()),
            _ => Err(vec![problem("version", Text::FrameworkJsonBadVersion)]),
        },
    }
}

/// The path of a problem the model found on a row, from the field it names.
fn model_path(row: &str, field: Field) -> String {
    let key = match field {
        Field::ItemCode => "code",
        Field::ItemQuestion => "question_id",
        Field::ItemLevels => "levels",
        Field::ItemWeight => "weight",
        Field::ItemTarget => "target_level",
        Field::ItemDimension => "dimension",
        Field::BandName => "name_id",
        Field::BandMin => "min",
        _ => return row.to_string(),
    };
    format!("{row}.{key}")
}
