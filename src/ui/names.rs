//! The names of domain values in the interface language.

/// The name of a funding source, written once for the charts and the views.
pub use crate::charts::of_workbook::source_text as source;
use crate::i18n::{Lang, Text};
use crate::model::{ActionType, Dimension, Element, ProgramStatus, rgb_from_hex};

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

pub fn action_type(t: ActionType) -> Text {
    match t {
        ActionType::Policy => Text::ActionPolicy,
        ActionType::Infrastructure => Text::ActionInfrastructure,
        ActionType::Application => Text::ActionApplication,
        ActionType::Literacy => Text::ActionLiteracy,
    }
}

pub fn status(s: ProgramStatus) -> Text {
    match s {
        ProgramStatus::Planned => Text::StatusPlanned,
        ProgramStatus::Running => Text::StatusRunning,
        ProgramStatus::Done => Text::StatusDone,
        ProgramStatus::Dropped => Text::StatusDropped,
    }
}

/// `#rrggbb` to a colour; grey when the workbook holds something else.
pub fn color(hex: &str) -> egui::Color32 {
    rgb_from_hex(hex).map_or(egui::Color32::GRAY, |[r, g, b]| egui::Color32::from_rgb(r, g, b))
}
