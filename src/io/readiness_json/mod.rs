//! The readiness framework as a JSON file: [`export_framework`] writes the workbook's items and bands, and
//! [`import_framework`] reads such a file back, checking every value and naming where each problem is, as a
//! JSON path such as `items[3].weight`. A framework is shared between regions this way, and frameworks
//! published elsewhere (the national SPBE e-government index, its successor the Indeks Pemerintah Digital, a
//! province's own rubric) are typed up once and loaded like any other.
//!
//! # Format, version 1
//!
//! One UTF-8 JSON object (a byte order mark is allowed):
//!
//! ```json
//! {
//!   "format": "smartcity-workbench/readiness-framework",
//!   "version": 1,
//!   "_note": "keys starting with an underscore are comments, anywhere in the file",
//!   "bands": [
//!     { "name_id": "Kurang", "name_en": "Poor", "min": 0.0 },
//!     { "name_id": "Cukup", "name_en": "Fair", "min": 1.8 }
//!   ],
//!   "items": [
//!     {
//!       "code": "ST-01",
//!       "pillar": "structure",
//!       "dimension": null,
//!       "question_id": "Apakah tersedia SDM pelaksana TIK …?",
//!       "question_en": "Are there enough ICT staff …?",
//!       "weight": 3,
//!       "target_level": 4,
//!       "levels": [
//!         { "id": "Belum ada SDM TIK khusus", "en": "No dedicated ICT staff" },
//!         "… four more: level 1 (Rintisan) to level 5 (Optimum), in order"
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! - `format` must be exactly [`FORMAT`]; `version` is a whole number. A file with a version above
//!   [`VERSION`] was written by a newer app and is refused as a whole, with that one message.
//! - `bands`: the named ranges of the 1-5 index, each applying from its `min` (0 to 5) up to the next band's;
//!   `min` strictly ascending, names unique. `name_en` may be left out. The list may be empty.
//! - `items`: at least one, at most [`MAX_ITEMS`], in the order they are shown.
//!   - `code`: unique in the file, ignoring case and surrounding spaces.
//!   - `pillar`: `structure`, `infrastructure` or `superstructure` (the Indonesian `struktur`,
//!     `infrastruktur`, `suprastruktur` are accepted too, ignoring case).
//!   - `dimension`: the key of one of the workbook's dimensions (`governance`, `branding`, `economy`,
//!     `living`, `society`, `environment` by default), or `null` or left out for a general item.
//!   - `question_id` must not be empty; `question_en` may be empty or left out.
//!   - `weight`: a number of 0 or more (relative: indices divide by the sum of the weights, so they need not
//!     add up to 100; the model's upper limit applies).
//!   - `target_level`: a whole number from 1 to 5.
//!   - `levels`: exactly five, for levels 1 to 5; each `{ "id": …, "en": … }` (`en` may be left out) or a
//!     plain string, which is the Indonesian text.
//! - Texts are trimmed at both ends and hold at most [`MAX_TEXT_CHARS`] characters. Unknown keys are
//!   refused (a typo such as `wieght` must not silently drop a weight), except comments starting with `_`.
//!
//! The export writes every key in the order above, with `dimension` always present and whole weights as
//! integers, so the same framework always gives the same bytes and an export imports back unchanged.
//!
//! # What an import does
//!
//! The file is the whole framework. Every item keeps the id of the workbook item with the same code (ignoring
//! case), so scores and program links stay attached; a new code gets `stable_id("readiness-item", code)`,
//! the id the seeded framework uses, so the same item has the same id in every workbook. Items are positioned
//! in file order. Bands keep the id of the workbook band with the same Indonesian name; new ones are derived
//! from the name. Workbook items whose code is not in the file are listed in
//! [`FrameworkImport::missing_items`]: the UI asks whether to remove them; [`FrameworkImport::changes`]
//! builds the edit either way. The bands of the file replace the workbook's.
//!
//! # Loading the SPBE index (or a similar national index)
//!
//! The SPBE evaluation scores indicators grouped in aspects, grouped in domains (Kebijakan Internal, Tata
//! Kelola, Manajemen, Layanan SPBE), each indicator on the same five capability levels (Rintisan, Terkelola,
//! Terdefinisi, Terpadu dan Terukur, Optimum), and weighs them into one index. It maps onto this format so:
//!
//! - **indicator → item.** `question_id` is the indicator's name or question, `levels` its five criteria.
//! - **domain and aspect → the code**, which keeps the grouping visible and sortable: indicator 5 of aspect 2
//!   of domain 1 is `SPBE-1.2-05`. Their names may be kept as comments (`"_domain": "Tata Kelola SPBE"`).
//! - **domain → pillar**, a choice made once per domain: internal policy (Kebijakan Internal) →
//!   `superstructure`, governance and management (Tata Kelola, Manajemen) → `structure`, services
//!   (Layanan) → `infrastructure`. `dimension` is `null` (or `governance`: SPBE is e-government).
//! - **weights**: the indicator's share of the whole index (domain weight × aspect weight × indicator
//!   weight, e.g. `1.93` for 1.93 %), so that the workbook's weighted index, sum(level × weight) / sum(weight),
//!   is the SPBE index.
//! - **bands**: the index predicates (Kurang from 0, Cukup from 1.8, Baik from 2.6, Sangat Baik from 3.5,
//!   Memuaskan from 4.2).

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::i18n::{Lang, Message, Text};
use crate::model::{
    Band, Change, Field, Id, LevelText, MAX_LEVEL, MAX_TEXT_CHARS, MIN_LEVEL, Pillar, ReadinessItem, Workbook,
    stable_id, validate_change,
};

/// What the `format` key holds.
pub const FORMAT: &str = "smartcity-workbench/readiness-framework";
/// The format version this app writes, and the newest it reads.
pub const VERSION: u64 = 1;
/// The most items a file may hold: far above any published framework, low enough to keep a hostile file cheap.
pub const MAX_ITEMS: usize = 2_000;
/// The most bands a file may hold.
pub const MAX_BANDS: usize = 20;

const NOTE: &str = "Readiness framework (kerangka kesiapan) of the Smart City Masterplan Workbench. Keys starting \
                    with _ are comments. Kunci yang diawali _ adalah komentar.";
const ROOT_KEYS: &[&str] = &["format", "version", "bands", "items"];
const ITEM_KEYS: &[&str] =
    &["code", "pillar", "dimension", "question_id", "question_en", "weight", "target_level", "levels"];
const LEVEL_KEYS: &[&str] = &["id", "en"];
const BAND_KEYS: &[&str] = &["name_id", "name_en", "min"];
/// The longest object key shown in a path; hostile files may use keys of any length.
const MAX_KEY_SHOWN: usize = 40;

/// One problem of the file: where (a JSON path such as `items[3].weight`, empty for the file as a whole) and
/// what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonProblem {
    pub path: String,
    pub message: Message,
}

impl JsonProblem {
    /// One line for a report: `items[3].weight: The weight must be a number of 0 or more`.
    pub fn show(&self, lang: Lang) -> String {
        let message = self.message.show(lang);
        if self.path.is_empty() { message } else { Text::FrameworkJsonAt.fill(lang, &[&self.path, &message]) }
    }
}

/// A checked framework file, ready to be put into the workbook it was read against.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkImport {
    /// The file's items in file order, with ids (kept from the workbook where the code matches) and positions
    /// `0..`.
    pub items: Vec<ReadinessItem>,
    /// The file's bands, ascending, with positions `0..`.
    pub bands: Vec<Band>,
    /// Workbook items whose code the file does not hold, in workbook order: the UI decides whether to remove
    /// them.
    pub missing_items: Vec<Id>,
    /// Workbook bands the file's bands replace.
    pub replaced_bands: Vec<Id>,
}

impl FrameworkImport {
    /// The missing items that cannot be removed without losing data: they have scores or programs linked.
    pub fn missing_in_use(&self, workbook: &Workbook) -> Vec<Id> {
        self.missing_items.iter().copied().filter(|id| in_use(workbook, *id)).collect()
    }

    /// The changes that put this framework into `workbook`, as one edit: only rows that differ. Missing items
    /// are removed when `remove_missing` is set and nothing refers to them; the ones that stay move after the
    /// file's items, in their order. Every change passes [`validate_change`] applied in sequence.
    pub fn changes(&self, workbook: &Workbook, remove_missing: bool) -> Vec<Change> {
        let mut changes = Vec::new();
        for item in &self.items {
            if workbook.readiness_item(item.id) != Some(item) {
                changes.push(Change::PutReadinessItem(item.clone()));
            }
        }
        let mut position = self.items.len() as i64;
        for id in &self.missing_items {
            let Some(old) = workbook.readiness_item(*id) else { continue };
            if remove_missing && !in_use(workbook, *id) {
                changes.push(Change::RemoveReadinessItem(*id));
                continue;
            }
            if old.position != position {
                changes.push(Change::PutReadinessItem(ReadinessItem { position, ..old.clone() }));
            }
            position += 1;
        }
        for band in &self.bands {
            if workbook.band(band.id) != Some(band) {
                changes.push(Change::PutBand(band.clone()));
            }
        }
        changes.extend(self.replaced_bands.iter().map(|id| Change::RemoveBand(*id)));
        changes
    }
}

/// Whether the model refuses to remove the item (scores or programs refer to it).
fn in_use(workbook: &Workbook, item: Id) -> bool {
    !validate_change(workbook, &Change::RemoveReadinessItem(item)).is_empty()
}

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

fn problem(path: &str, message: impl Into<Message>) -> JsonProblem {
    JsonProblem { path: path.to_string(), message: message.into() }
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

/// A parsed item before ids are known.
struct ItemIn {
    code: String,
    pillar: Pillar,
    dimension_id: Option<Id>,
    question_id: String,
    question_en: String,
    levels: [LevelText; 5],
    weight: f64,
    target_level: u8,
}

struct BandIn {
    name_id: String,
    name_en: String,
    min: f64,
}

/// Collects every problem while walking the file.
#[derive(Default)]
struct Walk {
    problems: Vec<JsonProblem>,
}

impl Walk {
    fn push(&mut self, path: &str, message: impl Into<Message>) {
        self.problems.push(problem(path, message));
    }

    /// A required key of `object`, reported at `path.key` when it is missing.
    fn field<'v>(&mut self, object: &'v Map<String, Value>, path: &str, key: &str) -> Option<&'v Value> {
        let value = object.get(key);
        if value.is_none() {
            self.push(&join(path, key), Text::FrameworkJsonMissing);
        }
        value
    }

    /// Keys other than `known` and comments (`_…`), each reported at its own path.
    fn unknown_keys(&mut self, object: &Map<String, Value>, path: &str, known: &[&str]) {
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
    fn text(
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

    fn string(&mut self, value: &Value, at: &str, non_empty: bool) -> Option<String> {
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
    fn list<'v>(&mut self, value: &'v Value, path: &str, max: usize) -> Option<&'v Vec<Value>> {
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

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            self.push(path, Text::FrameworkJsonExpectObject);
        }
        object
    }

    fn bands(&mut self, value: &Value) -> Vec<BandIn> {
        let Some(list) = self.list(value, "bands", MAX_BANDS) else { return Vec::new() };
        let mut bands: Vec<BandIn> = Vec::new();
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut previous: Option<f64> = None;
        for (i, value) in list.iter().enumerate() {
            let path = format!("bands[{i}]");
            let Some(object) = self.object(value, &path) else { continue };
            self.unknown_keys(object, &path, BAND_KEYS);
            let name_id = self.text(object, &path, "name_id", true, true);
            if let Some(name) = &name_id {
                if let Some(first) = names.get(&name.to_lowercase()) {
                    let args = [name.clone(), format!("bands[{first}]")];
                    self.push(&join(&path, "name_id"), Message::with(Text::FrameworkJsonDuplicateBand, args));
                } else {
                    names.insert(name.to_lowercase(), i);
                }
            }
            let name_en = self.text(object, &path, "name_en", false, false);
            let min = self.field(object, &path, "min").and_then(|v| self.band_min(v, &join(&path, "min"), previous));
            if let Some(min) = min {
                previous = Some(min);
            }
            if let (Some(name_id), Some(name_en), Some(min)) = (name_id, name_en, min) {
                bands.push(BandIn { name_id, name_en, min });
            }
        }
        bands
    }

    fn band_min(&mut self, value: &Value, at: &str, previous: Option<f64>) -> Option<f64> {
        let Some(min) = value.as_f64() else {
            self.push(at, Text::FrameworkJsonExpectNumber);
            return None;
        };
        if !min.is_finite() || !(0.0..=f64::from(MAX_LEVEL)).contains(&min) {
            self.push(at, Text::FrameworkJsonBandRange);
            return None;
        }
        if let Some(previous) = previous
            && min <= previous
        {
            self.push(at, Message::with(Text::FrameworkJsonBandOrder, [previous.to_string()]));
            return None;
        }
        Some(min)
    }

    fn items(&mut self, workbook: &Workbook, value: &Value) -> Vec<ItemIn> {
        let Some(list) = self.list(value, "items", MAX_ITEMS) else { return Vec::new() };
        if list.is_empty() {
            self.push("items", Text::FrameworkJsonNoItems);
        }
        let mut items = Vec::new();
        let mut codes: HashMap<String, usize> = HashMap::new();
        for (i, value) in list.iter().enumerate() {
            let path = format!("items[{i}]");
            let Some(object) = self.object(value, &path) else { continue };
            self.unknown_keys(object, &path, ITEM_KEYS);
            let code = self.text(object, &path, "code", true, true);
            if let Some(code) = &code {
                if let Some(first) = codes.get(&code_key(code)) {
                    let args = [code.clone(), format!("items[{first}]")];
                    self.push(&join(&path, "code"), Message::with(Text::FrameworkJsonDuplicateCode, args));
                } else {
                    codes.insert(code_key(code), i);
                }
            }
            let pillar = self.field(object, &path, "pillar").and_then(|v| self.pillar(v, &join(&path, "pillar")));
            let dimension = self.dimension(workbook, object.get("dimension"), &join(&path, "dimension"));
            let question_id = self.text(object, &path, "question_id", true, true);
            let question_en = self.text(object, &path, "question_en", false, false);
            let weight = self.field(object, &path, "weight").and_then(|v| self.weight(v, &join(&path, "weight")));
            let target =
                self.field(object, &path, "target_level").and_then(|v| self.target(v, &join(&path, "target_level")));
            let levels = self.field(object, &path, "levels").and_then(|v| self.levels(v, &join(&path, "levels")));
            if let (
                Some(code),
                Some(pillar),
                Some(dimension_id),
                Some(question_id),
                Some(question_en),
                Some(weight),
                Some(target_level),
                Some(levels),
            ) = (code, pillar, dimension, question_id, question_en, weight, target, levels)
            {
                items.push(ItemIn {
                    code,
                    pillar,
                    dimension_id,
                    question_id,
                    question_en,
                    levels,
                    weight,
                    target_level,
                });
            }
        }
        items
    }

    fn pillar(&mut self, value: &Value, at: &str) -> Option<Pillar> {
        let word = self.string(value, at, false)?;
        let found = match word.to_lowercase().as_str() {
            "struktur" => Some(Pillar::Structure),
            "infrastruktur" => Some(Pillar::Infrastructure),
            "suprastruktur" => Some(Pillar::Superstructure),
            key => Pillar::from_key(key),
        };
        if found.is_none() {
            let keys: Vec<&str> = Pillar::ALL.iter().map(|p| p.key()).collect();
            self.push(at, Message::with(Text::FrameworkJsonUnknownPillar, [word, keys.join(", ")]));
        }
        found
    }

    /// `Some(None)` for a general item (null or no key), `Some(Some(id))` for a dimension of the workbook.
    fn dimension(&mut self, workbook: &Workbook, value: Option<&Value>, at: &str) -> Option<Option<Id>> {
        let key = match value {
            None | Some(Value::Null) => return Some(None),
            Some(value) => self.string(value, at, false)?,
        };
        if key.is_empty() {
            return Some(None);
        }
        match workbook.dimensions.iter().find(|d| d.key.eq_ignore_ascii_case(&key)) {
            Some(dimension) => Some(Some(dimension.id)),
            None => {
                let keys: Vec<&str> = workbook.dimensions.iter().map(|d| d.key.as_str()).collect();
                self.push(at, Message::with(Text::FrameworkJsonUnknownDimension, [key, keys.join(", ")]));
                None
            }
        }
    }

    fn weight(&mut self, value: &Value, at: &str) -> Option<f64> {
        let Some(weight) = value.as_f64() else {
            self.push(at, Text::FrameworkJsonExpectNumber);
            return None;
        };
        if !weight.is_finite() || weight < 0.0 {
            self.push(at, Text::FrameworkJsonWeight);
            return None;
        }
        Some(weight)
    }

    fn target(&mut self, value: &Value, at: &str) -> Option<u8> {
        let level =
            value.as_f64().filter(|l| l.fract() == 0.0 && (f64::from(MIN_LEVEL)..=f64::from(MAX_LEVEL)).contains(l));
        if level.is_none() {
            self.push(at, Text::FrameworkJsonTargetLevel);
        }
        level.map(|l| l as u8)
    }

    fn levels(&mut self, value: &Value, at: &str) -> Option<[LevelText; 5]> {
        let list = self.list(value, at, usize::MAX)?;
        if list.len() != usize::from(MAX_LEVEL) {
            self.push(at, Message::with(Text::FrameworkJsonLevelCount, [list.len().to_string()]));
            return None;
        }
        let mut levels: Vec<LevelText> = Vec::with_capacity(5);
        for (k, value) in list.iter().enumerate() {
            let path = format!("{at}[{k}]");
            let level = match value {
                Value::String(_) => self.string(value, &path, false).map(|id| LevelText { id, en: String::new() }),
                Value::Object(object) => {
                    self.unknown_keys(object, &path, LEVEL_KEYS);
                    let id = self.text(object, &path, "id", true, false);
                    let en = self.text(object, &path, "en", false, false);
                    id.zip(en).map(|(id, en)| LevelText { id, en })
                }
                _ => {
                    self.push(&path, Text::FrameworkJsonExpectLevel);
                    None
                }
            };
            levels.extend(level);
        }
        levels.try_into().ok()
    }
}

/// `path.key`, or `key` at the root.
fn join(path: &str, key: &str) -> String {
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

/// Codes are the same ignoring case and surrounding spaces, as the model compares them.
fn code_key(code: &str) -> String {
    code.trim().to_ascii_lowercase()
}

/// A band's key for its derived id: the seed's way (`Sangat Baik` → `sangat_baik`).
fn band_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("_").to_lowercase()
}

/// Ids and positions: the workbook's ids where codes (bands: names) match, derived ids otherwise, never one
/// the workbook or the file already uses.
fn assign_ids(workbook: &Workbook, items: Vec<ItemIn>, bands: Vec<BandIn>) -> FrameworkImport {
    let mut by_code: HashMap<String, Id> = HashMap::new();
    for item in &workbook.readiness_items {
        by_code.entry(code_key(&item.code)).or_insert(item.id);
    }
    let mut used: HashSet<Id> = workbook.readiness_items.iter().map(|i| i.id).collect();
    let items: Vec<ReadinessItem> = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let id = match by_code.get(&code_key(&item.code)) {
                Some(id) => *id,
                None => fresh_id(&mut used, "readiness-item", &item.code),
            };
            ReadinessItem {
                id,
                pillar: item.pillar,
                dimension_id: item.dimension_id,
                code: item.code,
                question_id: item.question_id,
                question_en: item.question_en,
                levels: item.levels,
                weight: item.weight,
                target_level: item.target_level,
                position: i as i64,
            }
        })
        .collect();

    let mut by_name: HashMap<String, Id> = HashMap::new();
    for band in &workbook.bands {
        by_name.entry(band.name_id.trim().to_lowercase()).or_insert(band.id);
    }
    let mut used_bands: HashSet<Id> = workbook.bands.iter().map(|b| b.id).collect();
    let bands: Vec<Band> = bands
        .into_iter()
        .enumerate()
        .map(|(i, band)| Band {
            id: match by_name.get(&band.name_id.to_lowercase()) {
                Some(id) => *id,
                None => fresh_id(&mut used_bands, "band", &band_key(&band.name_id)),
            },
            name_id: band.name_id,
            name_en: band.name_en,
            min: band.min,
            position: i as i64,
        })
        .collect();

    let kept: HashSet<Id> = items.iter().map(|i| i.id).collect();
    let kept_bands: HashSet<Id> = bands.iter().map(|b| b.id).collect();
    FrameworkImport {
        missing_items: workbook.readiness_items.iter().map(|i| i.id).filter(|id| !kept.contains(id)).collect(),
        replaced_bands: workbook.bands.iter().map(|b| b.id).filter(|id| !kept_bands.contains(id)).collect(),
        items,
        bands,
    }
}

/// `stable_id(kind, key)`, or `key#2`, `key#3`… when that id is taken (a workbook row whose code was changed
/// after it was seeded keeps the id of its old code).
fn fresh_id(used: &mut HashSet<Id>, kind: &str, key: &str) -> Id {
    let mut id = stable_id(kind, key);
    let mut n = 2;
    while used.contains(&id) {
        id = stable_id(kind, &format!("{key}#{n}"));
        n += 1;
    }
    used.insert(id);
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::{demo_workbook, new_workbook};

    /// Apply `changes` one by one as the store would: each must pass validation first.
    fn apply_all(workbook: &mut Workbook, changes: &[Change]) {
        for change in changes {
            let problems = validate_change(workbook, change);
            assert!(problems.is_empty(), "{change:?}: {problems:?}");
            workbook.apply(change);
        }
    }

    /// The demo's export as a JSON value, to break in one place.
    fn demo_value() -> Value {
        serde_json::from_str(&export_framework(&demo_workbook())).unwrap()
    }

    fn problems_of(text: &str) -> Vec<JsonProblem> {
        import_framework(&demo_workbook(), text).expect_err("the file is refused")
    }

    /// The one problem of the demo's export after `edit`.
    fn only_problem(edit: impl FnOnce(&mut Value)) -> JsonProblem {
        let mut value = demo_value();
        edit(&mut value);
        let problems = problems_of(&value.to_string());
        assert_eq!(problems.len(), 1, "{problems:#?}");
        problems.into_iter().next().unwrap()
    }

    fn assert_problem(problem: &JsonProblem, path: &str, text: Text) {
        assert_eq!((problem.path.as_str(), problem.message.text), (path, text), "{problem:?}");
    }

    fn set(value: &mut Value, pointer: &str, new: Value) {
        *value.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = new;
    }

    fn remove(value: &mut Value, pointer: &str, key: &str) {
        value.pointer_mut(pointer).unwrap().as_object_mut().unwrap().remove(key).expect("the key was there");
    }

    #[test]
    fn an_export_imports_back_to_the_same_framework() {
        let demo = demo_workbook();
        let text = export_framework(&demo);
        assert_eq!(text, export_framework(&demo_workbook()), "the export is deterministic");
        assert!(text.contains("\"format\": \"smartcity-workbench/readiness-framework\""));
        assert!(text.contains("\"weight\": 3,"), "whole weights are written as integers");
        assert!(text.contains("\"dimension\": null"));
        let import = import_framework(&demo, &text).unwrap();
        assert_eq!(import.items, demo.readiness_items);
        assert_eq!(import.bands, demo.bands);
        assert!(import.missing_items.is_empty() && import.replaced_bands.is_empty());
        assert!(import.changes(&demo, true).is_empty(), "nothing to change");
        // And into a new workbook: the same seeded ids, so the same rows.
        let fresh = new_workbook("Kabupaten Contoh", 2026);
        let import = import_framework(&fresh, &text).unwrap();
        assert_eq!(import.items, fresh.readiness_items);
        assert_eq!(import.bands, fresh.bands);
    }

    #[test]
    fn fractional_weights_and_empty_texts_round_trip() {
        let mut workbook = new_workbook("Kabupaten Contoh", 2026);
        workbook.readiness_items[0].weight = 1.93;
        workbook.readiness_items[1].question_en = String::new();
        workbook.readiness_items[1].levels[4] = LevelText::default();
        let import = import_framework(&workbook, &export_framework(&workbook)).unwrap();
        assert_eq!(import.items, workbook.readiness_items);
    }

    #[test]
    fn codes_keep_their_ids_and_missing_items_are_listed() {
        let demo = demo_workbook();
        let mut value = demo_value();
        set(&mut value, "/items/0/question_id", Value::from("Pertanyaan yang diperbaiki"));
        set(&mut value, "/items/1/code", Value::from("  st-02 "));
        let items = value["items"].as_array_mut().unwrap();
        let last = items.pop().unwrap();
        let mut new_item = items[0].clone();
        new_item["code"] = Value::from("NEW-01");
        items.push(new_item);
        let import = import_framework(&demo, &value.to_string()).unwrap();

        assert_eq!(import.items[0].id, demo.readiness_items[0].id);
        assert_eq!(import.items[1].id, demo.readiness_items[1].id, "codes match ignoring case and spaces");
        assert_eq!(import.items[1].code, "st-02");
        let new = import.items.last().unwrap();
        assert_eq!(new.id, stable_id("readiness-item", "NEW-01"));
        let gone = demo.readiness_items.iter().find(|i| i.code == last["code"]).unwrap();
        assert_eq!(import.missing_items, vec![gone.id]);
        assert_eq!(import.missing_in_use(&demo), vec![gone.id], "the demo scored it");

        // Removing is refused for an item with a score: it stays, after the file's items.
        let mut workbook = demo.clone();
        apply_all(&mut workbook, &import.changes(&demo, true));
        assert_eq!(workbook.readiness_items.len(), import.items.len() + 1);
        assert_eq!(workbook.readiness_items.last().unwrap().id, gone.id);
        assert_eq!(&workbook.readiness_items[..import.items.len()], &import.items[..]);
        assert!(workbook.score(workbook.rounds[0].id, demo.readiness_items[0].id).is_some(), "scores stay attached");
    }

    #[test]
    fn a_derived_id_never_takes_one_already_in_the_workbook() {
        let mut workbook = new_workbook("Kabupaten Contoh", 2026);
        workbook.readiness_items[0].code = "X-01".into(); // keeps the id derived from ST-01
        let mut value: Value = serde_json::from_str(&export_framework(&workbook)).unwrap();
        let mut again = value["items"][0].clone();
        again["code"] = Value::from("ST-01");
        value["items"].as_array_mut().unwrap().push(again);
        let import = import_framework(&workbook, &value.to_string()).unwrap();
        let ids: HashSet<Id> = import.items.iter().map(|i| i.id).collect();
        assert_eq!(ids.len(), import.items.len());
        assert_eq!(import.items[0].id, stable_id("readiness-item", "ST-01"));
        assert_eq!(import.items.last().unwrap().id, stable_id("readiness-item", "ST-01#2"));
        let mut after = workbook.clone();
        apply_all(&mut after, &import.changes(&workbook, true));
        assert_eq!(after.readiness_items, import.items);
    }

    #[test]
    fn not_json_says_where() {
        let syntax = problems_of("{\n  \"format\": \"x\"\n  \"version\": 1\n}");
        assert_problem(&syntax[0], "", Text::FrameworkJsonSyntax);
        assert_eq!(&syntax[0].message.args[..2], ["3", "3"], "line and column");
        assert!(syntax[0].show(Lang::En).starts_with("Not valid JSON (line 3, column 3): expected"), "{syntax:?}");
        assert_problem(&problems_of("{\"items\": [")[0], "", Text::FrameworkJsonEof);
        assert_problem(&problems_of("weight: 3")[0], "", Text::FrameworkJsonSyntax);
        assert_problem(&problems_of("{\"a\": 1} trailing")[0], "", Text::FrameworkJsonSyntax);
        for empty in ["", "  \n", "\u{feff}"] {
            assert_problem(&problems_of(empty)[0], "", Text::FrameworkJsonEmptyFile);
        }
        for other in ["[1, 2]", "\"framework\"", "null"] {
            assert_problem(&problems_of(other)[0], "", Text::FrameworkJsonNotObject);
        }
        // A weight too large for a double is caught by the parser.
        let huge = export_framework(&demo_workbook()).replacen("\"weight\": 3", "\"weight\": 1e999", 1);
        assert_problem(&problems_of(&huge)[0], "", Text::FrameworkJsonSyntax);
        // A byte order mark is fine.
        assert!(import_framework(&demo_workbook(), &format!("\u{feff}{}", export_framework(&demo_workbook()))).is_ok());
    }

    #[test]
    fn another_kind_of_file_or_a_newer_version_is_refused_with_one_message() {
        let p = only_problem(|v| set(v, "/format", Value::from("smartcity-workbench/programs")));
        assert_problem(&p, "format", Text::FrameworkJsonWrongFormat);
        let p = only_problem(|v| remove(v, "", "format"));
        assert_problem(&p, "format", Text::FrameworkJsonMissing);
        let p = only_problem(|v| {
            set(v, "/version", Value::from(2));
            set(v, "/items", Value::from(5)); // whatever version 2 holds is not judged
        });
        assert_problem(&p, "version", Text::FrameworkJsonNewerVersion);
        assert_eq!(p.message.args, ["2", "1"]);
        assert!(p.show(Lang::Id).contains("versi 2"));
        for bad in [Value::from(0), Value::from("1"), Value::from(1.5), Value::from(-1)] {
            assert_problem(&only_problem(|v| set(v, "/version", bad)), "version", Text::FrameworkJsonBadVersion);
        }
        assert_problem(&only_problem(|v| remove(v, "", "version")), "version", Text::FrameworkJsonMissing);
    }

    #[test]
    fn missing_and_unknown_fields_are_named() {
        assert_problem(
            &only_problem(|v| remove(v, "/items/3", "weight")),
            "items[3].weight",
            Text::FrameworkJsonMissing,
        );
        assert_problem(&only_problem(|v| remove(v, "", "bands")), "bands", Text::FrameworkJsonMissing);
        assert_problem(
            &only_problem(|v| remove(v, "/items/0", "levels")),
            "items[0].levels",
            Text::FrameworkJsonMissing,
        );
        assert_problem(
            &only_problem(|v| remove(v, "/items/2/levels/1", "id")),
            "items[2].levels[1].id",
            Text::FrameworkJsonMissing,
        );
        // A typo is named, and so is the field it failed to give.
        let mut value = demo_value();
        let weight = value["items"][0]["weight"].take();
        remove(&mut value, "/items/0", "weight");
        value["items"][0]["wieght"] = weight;
        let problems = problems_of(&value.to_string());
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert_problem(&problems[0], "items[0].wieght", Text::FrameworkJsonUnknownField);
        assert_problem(&problems[1], "items[0].weight", Text::FrameworkJsonMissing);
        assert!(problems[0].show(Lang::En).contains("code, pillar, dimension"));
        // Comments are fine anywhere; optional texts may be left out.
        let mut value = demo_value();
        value["_source"] = Value::from("Bimtek 2021");
        value["items"][0]["_comment"] = Value::from("dari Buku I");
        remove(&mut value, "/items/0", "question_en");
        remove(&mut value, "/items/0", "dimension");
        remove(&mut value, "/bands/0", "name_en");
        let import = import_framework(&demo_workbook(), &value.to_string()).unwrap();
        assert_eq!(import.items[0].question_en, "");
        assert_eq!(import.bands[0].name_en, "");
        // A hostile key is cut in the path.
        let p = only_problem(|v| v["items"][1]["k".repeat(500)] = Value::from(1));
        assert_eq!(p.path, format!("items[1].{}…", "k".repeat(MAX_KEY_SHOWN)));
    }

    #[test]
    fn pillars_dimensions_and_types_are_checked() {
        let p = only_problem(|v| set(v, "/items/1/pillar", Value::from("roads")));
        assert_problem(&p, "items[1].pillar", Text::FrameworkJsonUnknownPillar);
        assert_eq!(p.message.args, ["roads", "structure, infrastructure, superstructure"]);
        let p = only_problem(|v| set(v, "/items/2/dimension", Value::from("tourism")));
        assert_problem(&p, "items[2].dimension", Text::FrameworkJsonUnknownDimension);
        assert_eq!(p.message.args[1], "governance, branding, economy, living, society, environment");
        let p = only_problem(|v| set(v, "/items/2/dimension", Value::from(3)));
        assert_problem(&p, "items[2].dimension", Text::FrameworkJsonExpectText);
        let p = only_problem(|v| set(v, "/items/0/code", Value::Null));
        assert_problem(&p, "items[0].code", Text::FrameworkJsonExpectText);
        let p = only_problem(|v| set(v, "/items/4", Value::from("ST-05")));
        assert_problem(&p, "items[4]", Text::FrameworkJsonExpectObject);
        let p = only_problem(|v| set(v, "/items", Value::from("all of them")));
        assert_problem(&p, "items", Text::FrameworkJsonExpectList);
        let p = only_problem(|v| set(v, "/items", Value::Array(Vec::new())));
        assert_problem(&p, "items", Text::FrameworkJsonNoItems);
        let p = only_problem(|v| set(v, "/items", Value::Array(vec![Value::Null; MAX_ITEMS + 1])));
        assert_problem(&p, "items", Text::FrameworkJsonTooMany);
        // The Indonesian pillar names and any case of a dimension key are understood.
        let mut value = demo_value();
        set(&mut value, "/items/0/pillar", Value::from("Suprastruktur"));
        set(&mut value, "/items/0/dimension", Value::from("Living"));
        let import = import_framework(&demo_workbook(), &value.to_string()).unwrap();
        assert_eq!(import.items[0].pillar, Pillar::Superstructure);
        assert_eq!(import.items[0].dimension_id, Some(stable_id("dimension", "living")));
    }

    #[test]
    fn weights_levels_and_targets_are_checked() {
        let p = only_problem(|v| set(v, "/items/0/weight", Value::from(-1)));
        assert_problem(&p, "items[0].weight", Text::FrameworkJsonWeight);
        let p = only_problem(|v| set(v, "/items/0/weight", Value::from("3")));
        assert_problem(&p, "items[0].weight", Text::FrameworkJsonExpectNumber);
        // The model's own upper limit applies too, with the model's message.
        let p = only_problem(|v| set(v, "/items/6/weight", Value::from(1.0e6)));
        assert_problem(&p, "items[6].weight", Text::WeightOutOfRange);
        for count in [4, 6, 0] {
            let p = only_problem(|v| {
                let levels = v["items"][0]["levels"].as_array_mut().unwrap();
                levels.resize(count, Value::from("tingkat"));
            });
            assert_problem(&p, "items[0].levels", Text::FrameworkJsonLevelCount);
            assert_eq!(p.message.args, [count.to_string()]);
        }
        let p = only_problem(|v| set(v, "/items/0/levels/2", Value::from(3)));
        assert_problem(&p, "items[0].levels[2]", Text::FrameworkJsonExpectLevel);
        for bad in [Value::from(0), Value::from(6), Value::from(3.5), Value::from("4"), Value::from(-1)] {
            let p = only_problem(|v| set(v, "/items/0/target_level", bad));
            assert_problem(&p, "items[0].target_level", Text::FrameworkJsonTargetLevel);
        }
        let p = only_problem(|v| set(v, "/items/0/question_id", Value::from("   ")));
        assert_problem(&p, "items[0].question_id", Text::FrameworkJsonEmptyText);
        let p = only_problem(|v| set(v, "/items/0/code", Value::from("")));
        assert_problem(&p, "items[0].code", Text::FrameworkJsonEmptyText);
        let p = only_problem(|v| set(v, "/items/0/question_en", Value::from("x".repeat(MAX_TEXT_CHARS + 1))));
        assert_problem(&p, "items[0].question_en", Text::TooLong);
        // Zero is a fine weight (an item that does not count), and 4.0 a fine target.
        let mut value = demo_value();
        set(&mut value, "/items/0/weight", Value::from(0));
        set(&mut value, "/items/0/target_level", Value::from(4.0));
        assert!(import_framework(&demo_workbook(), &value.to_string()).is_ok());
    }

    #[test]
    fn duplicate_codes_name_the_first_use() {
        let p = only_problem(|v| set(v, "/items/5/code", Value::from(" st-01 ")));
        assert_problem(&p, "items[5].code", Text::FrameworkJsonDuplicateCode);
        assert_eq!(p.message.args, ["st-01", "items[0]"]);
        assert_eq!(p.show(Lang::En), "items[5].code: The code \"st-01\" is already used at items[0]");
    }

    #[test]
    fn bands_must_ascend_within_zero_to_five() {
        let p = only_problem(|v| set(v, "/bands/2/min", Value::from(1.0)));
        assert_problem(&p, "bands[2].min", Text::FrameworkJsonBandOrder);
        assert_eq!(p.message.args, ["1.8"]);
        let p = only_problem(|v| set(v, "/bands/2/min", Value::from(1.8)));
        assert_problem(&p, "bands[2].min", Text::FrameworkJsonBandOrder);
        let p = only_problem(|v| set(v, "/bands/0/min", Value::from(-0.5)));
        assert_problem(&p, "bands[0].min", Text::FrameworkJsonBandRange);
        let p = only_problem(|v| set(v, "/bands/4/min", Value::from(5.5)));
        assert_problem(&p, "bands[4].min", Text::FrameworkJsonBandRange);
        let p = only_problem(|v| set(v, "/bands/4/min", Value::from("4,2")));
        assert_problem(&p, "bands[4].min", Text::FrameworkJsonExpectNumber);
        let p = only_problem(|v| set(v, "/bands/3/name_id", Value::from("cukup")));
        assert_problem(&p, "bands[3].name_id", Text::FrameworkJsonDuplicateBand);
        let p = only_problem(|v| set(v, "/bands/1/name_id", Value::from("")));
        assert_problem(&p, "bands[1].name_id", Text::FrameworkJsonEmptyText);
        let p = only_problem(|v| remove(v, "/bands/1", "min"));
        assert_problem(&p, "bands[1].min", Text::FrameworkJsonMissing);
        // Fewer bands replace the workbook's; renamed ones get new ids.
        let demo = demo_workbook();
        let mut value = demo_value();
        value["bands"] = serde_json::json!([{ "name_id": "Rendah", "min": 0 }, { "name_id": "Baik", "min": 3 }]);
        let import = import_framework(&demo, &value.to_string()).unwrap();
        assert_eq!(import.bands[0].id, stable_id("band", "rendah"));
        assert_eq!(import.bands[1].id, stable_id("band", "baik"), "Baik keeps its id");
        assert_eq!(import.replaced_bands.len(), 4);
        let mut after = demo.clone();
        apply_all(&mut after, &import.changes(&demo, false));
        assert_eq!(after.bands, import.bands);
    }

    #[test]
    fn every_problem_of_the_file_is_reported_in_file_order() {
        let mut value = demo_value();
        set(&mut value, "/bands/1/min", Value::from(9));
        set(&mut value, "/items/3/pillar", Value::from("x"));
        set(&mut value, "/items/3/weight", Value::from(-2));
        set(&mut value, "/items/20/target_level", Value::from(7));
        let problems = problems_of(&value.to_string());
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["bands[1].min", "items[3].pillar", "items[3].weight", "items[20].target_level"]);
    }

    /// Three SPBE-like domains with a few indicators, typed up by hand: comments name the domains and aspects,
    /// the codes keep domain and aspect, weights are each indicator's share of the index in percent.
    const SPBE_LIKE: &str = r#"{
      "format": "smartcity-workbench/readiness-framework",
      "version": 1,
      "_note": "Contoh: indeks SPBE yang diringkas, bukan bobot resmi",
      "bands": [
        { "name_id": "Kurang", "name_en": "Poor", "min": 0 },
        { "name_id": "Cukup", "name_en": "Fair", "min": 1.8 },
        { "name_id": "Baik", "name_en": "Good", "min": 2.6 },
        { "name_id": "Sangat Baik", "name_en": "Very good", "min": 3.5 },
        { "name_id": "Memuaskan", "name_en": "Excellent", "min": 4.2 }
      ],
      "items": [
        { "_domain": "Kebijakan Internal SPBE", "_aspect": "Kebijakan Internal Tata Kelola SPBE",
          "code": "SPBE-1.1-01", "pillar": "suprastruktur", "dimension": "governance",
          "question_id": "Kebijakan internal arsitektur SPBE instansi pusat/pemerintah daerah",
          "weight": 1.93, "target_level": 3,
          "levels": ["Rintisan: konsep kebijakan", "Terkelola: kebijakan ditetapkan",
                     "Terdefinisi: mengatur seluruh unsur", "Terpadu dan Terukur: dipakai lintas unit",
                     "Optimum: ditinjau berkala"] },
        { "_domain": "Kebijakan Internal SPBE", "code": "SPBE-1.1-02", "pillar": "superstructure",
          "question_id": "Kebijakan internal peta rencana SPBE", "weight": 1.93, "target_level": 3,
          "levels": ["1", "2", "3", "4", "5"] },
        { "_domain": "Tata Kelola SPBE", "_aspect": "Kelembagaan", "code": "SPBE-2.1-01", "pillar": "structure",
          "question_id": "Tim koordinasi SPBE", "question_en": "SPBE coordination team",
          "weight": 2.75, "target_level": 4,
          "levels": [{ "id": "Rintisan", "en": "Initial" }, { "id": "Terkelola", "en": "Managed" },
                     { "id": "Terdefinisi", "en": "Defined" }, { "id": "Terpadu dan Terukur", "en": "Integrated" },
                     { "id": "Optimum", "en": "Optimised" }] },
        { "_domain": "Tata Kelola SPBE", "code": "SPBE-2.2-01", "pillar": "structure",
          "question_id": "Arsitektur SPBE", "weight": 2.75, "target_level": 4,
          "levels": ["a", "b", "c", "d", "e"] },
        { "_domain": "Layanan SPBE", "_aspect": "Layanan Publik Berbasis Elektronik", "code": "SPBE-3.1-01",
          "pillar": "infrastructure", "dimension": "governance",
          "question_id": "Layanan pengaduan publik", "weight": 4.5, "target_level": 5,
          "levels": ["a", "b", "c", "d", "e"] },
        { "_domain": "Layanan SPBE", "code": "SPBE-3.1-02", "pillar": "infrastructure",
          "question_id": "Layanan data terbuka", "weight": 4.5, "target_level": 5,
          "levels": ["a", "b", "c", "d", "e"] }
      ]
    }"#;

    #[test]
    fn an_spbe_like_index_loads_the_same_way() {
        let workbook = new_workbook("Kabupaten Contoh", 2026);
        let import = import_framework(&workbook, SPBE_LIKE).unwrap_or_else(|p| panic!("{p:#?}"));
        let codes: Vec<&str> = import.items.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["SPBE-1.1-01", "SPBE-1.1-02", "SPBE-2.1-01", "SPBE-2.2-01", "SPBE-3.1-01", "SPBE-3.1-02"]);
        let pillars: Vec<Pillar> = import.items.iter().map(|i| i.pillar).collect();
        use Pillar::*;
        assert_eq!(pillars, [Superstructure, Superstructure, Structure, Structure, Infrastructure, Infrastructure]);
        assert_eq!(import.items[0].levels[0].id, "Rintisan: konsep kebijakan");
        assert_eq!(import.items[0].levels[0].en, "");
        assert_eq!(import.items[2].levels[4].en, "Optimised");
        assert_eq!(import.items[4].dimension_id, Some(stable_id("dimension", "governance")));
        assert_eq!(import.items[1].dimension_id, None);
        assert!((import.items.iter().map(|i| i.weight).sum::<f64>() - 18.36).abs() < 1e-9);
        assert!(import.items.iter().all(|i| i.id == stable_id("readiness-item", &i.code)));
        assert_eq!(import.bands, workbook.bands, "the SPBE bands are the seeded ones");
        assert_eq!(import.missing_items.len(), workbook.readiness_items.len());
        assert!(import.missing_in_use(&workbook).is_empty());

        let mut after = workbook.clone();
        apply_all(&mut after, &import.changes(&workbook, true));
        assert_eq!(after.readiness_items, import.items, "the seeded items were removed");
        // Kept instead: they follow the SPBE items.
        let mut kept = workbook.clone();
        apply_all(&mut kept, &import.changes(&workbook, false));
        assert_eq!(kept.readiness_items.len(), 6 + workbook.readiness_items.len());
        assert_eq!(&kept.readiness_items[..6], &import.items[..]);
        // And it exports back to a file that reads the same.
        let again = import_framework(&after, &export_framework(&after)).unwrap();
        assert_eq!(again.items, after.readiness_items);
    }
}
