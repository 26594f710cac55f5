//! The names of domain values in the interface language. The names of the domain enums (status, funding
//! source, pillar, ...) are their own `text()`, next to each enum in `model`.

use crate::i18n::Lang;
use crate::model::{Dimension, Element};

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
    let hex = hex.trim_start_matches('#');
    let channel = |i: usize| hex.get(i..i + 2).and_then(|c| u8::from_str_radix(c, 16).ok());
    match (channel(0), channel(2), channel(4)) {
        (Some(r), Some(g), Some(b)) if hex.len() == 6 => egui::Color32::from_rgb(r, g, b),
        _ => egui::Color32::GRAY,
    }
}
