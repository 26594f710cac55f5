//! The names of domain values in the interface language. The names of the domain enums (status, funding
//! source, pillar, ...) are their own `text()`, next to each enum in `model`.

use crate::i18n::Lang;
use crate::model::{Dimension, Element, rgb_from_hex};

pub fn dimension(d: &Dimension, lang: Lang) -> &str {
    match lang {
        Lang::Id => &d.name_id,
        Lang::En => &d.name_en,
    }
}

pub fn element(e: &Element, lang: Lang) -> &str {
    match lang {
        Lang::Id => &e.name_id,
        Lang::En => &e.name_en,
    }
}

/// `#rrggbb` to a colour; grey when the workbook holds something else.
pub fn color(hex: &str) -> egui::Color32 {
    rgb_from_hex(hex).map_or(egui::Color32::GRAY, |[r, g, b]| egui::Color32::from_rgb(r, g, b))
}
