//! The field checks of a framework file: its bands and items, each key against the format's rules.

use std::collections::HashMap;

use serde_json::Value;

use super::ids::code_key;
use super::walk::{BandIn, Walk, join};
use super::{BAND_KEYS, ITEM_KEYS, LEVEL_KEYS, MAX_BANDS, MAX_ITEMS};
use crate::i18n::{Message, Text};
use crate::model::{Id, LevelText, MAX_LEVEL, MIN_LEVEL, Pillar, ReadinessItem, Workbook};

impl Walk {
    pub(super) fn bands(&mut self, value: &Value) -> Vec<BandIn> {
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

    pub(super) fn band_min(&mut self, value: &Value, at: &str, previous: Option<f64>) -> Option<f64> {
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

    pub(super) fn items(&mut self, workbook: &Workbook, value: &Value) -> Vec<ReadinessItem> {
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
                // The id and position are assigned once every item is read (`ids`).
                items.push(ReadinessItem {
                    id: Id::nil(),
                    position: 0,
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

    pub(super) fn pillar(&mut self, value: &Value, at: &str) -> Option<Pillar> {
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
    pub(super) fn dimension(&mut self, workbook: &Workbook, value: Option<&Value>, at: &str) -> Option<Option<Id>> {
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

    pub(super) fn weight(&mut self, value: &Value, at: &str) -> Option<f64> {
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

    pub(super) fn target(&mut self, value: &Value, at: &str) -> Option<u8> {
        let level =
            value.as_f64().filter(|l| l.fract() == 0.0 && (f64::from(MIN_LEVEL)..=f64::from(MAX_LEVEL)).contains(l));
        if level.is_none() {
            self.push(at, Text::FrameworkJsonTargetLevel);
        }
        level.map(|l| l as u8)
    }

    pub(super) fn levels(&mut self, value: &Value, at: &str) -> Option<[LevelText; 5]> {
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
