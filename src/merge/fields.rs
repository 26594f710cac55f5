//! Field maps: the common shape every kind of row takes for merging (a row's fields by name), so the merge
//! itself knows nothing about programs or agencies; and how fields are turned back into rows and shown.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A row's fields by name. A missing name means "no value" (e.g. no budget line for that year and source).
pub type Fields = BTreeMap<String, Value>;

/// A serialisable value as fields: the members of its JSON object.
pub fn to_fields<T: Serialize>(row: &T) -> Fields {
    match serde_json::to_value(row) {
        Ok(Value::Object(map)) => map.into_iter().collect(),
        // Every row type serialises to an object; anything else would be a programming error caught by tests.
        Ok(other) => BTreeMap::from([(String::from("value"), other)]),
        Err(_) => Fields::new(),
    }
}

/// Fields back into a row; fails when a merge produced something the row type cannot hold.
pub fn from_fields<T: for<'de> Deserialize<'de>>(fields: Fields) -> Result<T, String> {
    serde_json::from_value(Value::Object(fields.into_iter().collect())).map_err(|e| e.to_string())
}

/// Split a list field into one field per element, named `list/key`, so two sides that change different
/// elements (budget years, targets, links) merge without a conflict.
pub fn explode(fields: &mut Fields, list: &str, key: impl Fn(&Value) -> String) {
    if let Some(Value::Array(items)) = fields.remove(list) {
        for item in items {
            fields.insert(format!("{list}/{}", key(&item)), item);
        }
    }
}

/// The inverse of [`explode`]: gather `list/...` fields back into the list, in field-name order.
pub fn implode(fields: &mut Fields, list: &str) {
    let prefix = format!("{list}/");
    let names: Vec<String> = fields.keys().filter(|k| k.starts_with(&prefix)).cloned().collect();
    let items = names.into_iter().filter_map(|n| fields.remove(&n)).collect();
    fields.insert(list.to_string(), Value::Array(items));
}

/// A short name for a row, for people: its code and name, or whatever names it best.
pub fn title(fields: &Fields) -> String {
    let text = |name: &str| fields.get(name).and_then(Value::as_str).filter(|s| !s.trim().is_empty());
    match (text("code"), text("name")) {
        (Some(code), Some(name)) => return format!("{code} {name}"),
        (None, Some(name)) => return name.to_string(),
        _ => {}
    }
    for name in ["region_name", "name_id", "question_id", "code"] {
        if let Some(value) = text(name) {
            return value.to_string();
        }
    }
    if let (Some(line), Some(year)) = (text("line"), fields.get("year")) {
        return format!("{line} {year}");
    }
    fields.get("level").map_or_else(String::new, |level| format!("{level}"))
}

/// A field value as one line of text for previews: strings without quotes, nothing as "–".
pub fn show_value(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "–".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Object(map)) if map.contains_key("amount") => map["amount"].to_string(),
        Some(Value::Object(map)) if map.contains_key("target") => {
            map["target"].as_str().map_or_else(|| map["target"].to_string(), str::to_string)
        }
        Some(other) => other.to_string(),
    }
}
