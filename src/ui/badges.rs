//! Badges the app shows in more than one place (navigation, status bar, presentation bar).

use egui::{Color32, RichText, Ui};

use crate::i18n::{Lang, Text};

const BADGE_COLOR: Color32 = Color32::from_rgb(0xC2, 0x5E, 0x00);

/// "CONTOH": the badge of the demo and other example workbooks, with what it means on hover.
pub fn example_badge(ui: &mut Ui, lang: Lang) {
    ui.label(
        RichText::new(format!(" {} ", Text::ExampleBadge.get(lang)))
            .strong()
            .color(Color32::WHITE)
            .background_color(BADGE_COLOR),
    )
    .on_hover_text(Text::ExampleHint.get(lang));
}
