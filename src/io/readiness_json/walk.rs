//! The walk over a framework file: the rows read so far, every problem found with its path, and the checks
//! of one JSON value (a required key, a text, a list, an object) the field checks build on.

use serde_json::{Map, Value};

use super::{JsonProblem, MAX_KEY_SHOWN};
use crate::i18n::{Message, Text};
use crate::model::MAX_TEXT_CHARS;

pub(super) struct BandIn {
    pub(super) name_id: String,
    pub(super) name_en: String,
    pub(super) min: f64,
}

/// Collects every problem while walking the file.
#[derive(Default)]
pub(super) struct Walk {
    pub(super) problems: Vec<JsonProblem>,
}

impl Walk {
    pub(super) fn push(&mut self, path: &str, message: impl Into<Message>) {
        self.problems.push(problem(path, message));
    }

    /// A required key of `object`, reported at `path.key` when it is missing.
    pub(super) fn field<'v>(&mut self, object: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v Value> {
        let value = object.get(key);
        if value.is_none() {
            self.push(&join(path, key), Text::FrameworkJsonMissing);
        }
        value
    }

    /// Keys other than `known` and comments (`_…`), each reported at its own path.
    pub(super) fn unknown_keys(&mut self, object: &Map<String, Value>, path: &str, known: &[&str]) {
        for key in object.keys() {
            if !key.starts_with('_') && !known.contains(&key.as_str()) {
                self.push(
                    &join(path, &shown_key(key)),
                    Message::with(Text::FrameworkJsonUnknownField, [known.join(", ")]),
                );
            }
        }
    }

    /// A string, trimmed: `required` refuses a missing key, `non_empty` an empty text.
    pub(super) fn text(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
        non_empty: bool,
    ) -> Option<String> {
        let at = join(path, key);
        let value = match object.get(key) {
            None if required => {
                self.push(&at, Text::FrameworkJsonMissing);
                return None;
            }
            None => return Some(String::new()),
            Some(value) => value,
        };
        self.string(value, &at, non_empty)
    }

    pub(super) fn string(&mut self, value: &Value, at: &str, non_empty: bool) -> Option<String> {
        let Value::String(text) = value else {
            self.push(at, Text::FrameworkJsonExpectText);
            return None;
        };
        let text = text.trim();
        if non_empty && text.is_empty() {
            self.push(at, Text::FrameworkJsonEmptyText);
            return None;
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            self.push(at, Message::with(Text::TooLong, [MAX_TEXT_CHARS.to_string()]));
            return None;
        }
        Some(text.to_string())
    }

    /// The list at `path`, at most `max` long.
    pub(super) fn list<'v>(&mut self, value: &'v Value, path: &str, max: usize) -> Option<&'v Vec<Value>> {
        let Value::Array(list) = value else {
            self.push(path, Text::FrameworkJsonExpectList);
            return None;
        };
        if list.len() > max {
            self.push(path, Message::with(Text::FrameworkJsonTooMany, [max.to_string()]));
            return None;
        }
        Some(list)
    }

    pub(super) fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            self.push(path, Text::FrameworkJsonExpectObject);
        }
        object
    }
}

/// `path.key`, or `key` at the root.
pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

/// A key as shown in a path: control characters dropped, long keys cut.
fn shown_key(key: &str) -> String {
    let clean: String = key.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() > MAX_KEY_SHOWN {
        clean.chars().take(MAX_KEY_SHOWN).collect::<String>() + "…"
    } else {
        clean
    }
}

pub(super) fn problem(path: &str, message: impl Into<Message>) -> JsonProblem {
    JsonProblem { path: path.to_string(), message: message.into() }
}
