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

mod checking;
mod ids;
mod reading;
mod walk;
mod writing;

pub use reading::import_framework;
pub use writing::export_framework;

use crate::i18n::{Lang, Message, Text};
use crate::model::{Band, Change, Id, ReadinessItem, Workbook, validate_change};

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

#[cfg(test)]
mod tests;
