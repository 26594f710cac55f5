//! The ids and positions of the rows read: kept from the workbook where codes (bands: names) match, derived
//! otherwise.

use std::collections::{HashMap, HashSet};

use super::FrameworkImport;
use super::walk::BandIn;
use crate::model::{Band, Id, ReadinessItem, Workbook, stable_id};

/// Codes are the same ignoring case and surrounding spaces, as the model compares them.
pub(super) fn code_key(code: &str) -> String {
    code.trim().to_ascii_lowercase()
}

/// A band's key for its derived id: the seed's way (`Sangat Baik` → `sangat_baik`).
pub(super) fn band_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join("_").to_lowercase()
}

/// Ids and positions: the workbook's ids where codes (bands: names) match, derived ids otherwise, never one
/// the workbook or the file already uses.
pub(super) fn assign_ids(workbook: &Workbook, items: Vec<ReadinessItem>, bands: Vec<BandIn>) -> FrameworkImport {
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
            ReadinessItem { id, position: i as i64, ..item }
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
pub(super) fn fresh_id(used: &mut HashSet<Id>, kind: &str, key: &str) -> Id {
    let mut id = stable_id(kind, key);
    let mut n = 2;
    while used.contains(&id) {
        id = stable_id(kind, &format!("{key}#{n}"));
        n += 1;
    }
    used.insert(id);
    id
}
