//! The look: a light theme with slightly larger type than egui's default, legible on a workshop projector.

/// DejaVu Sans, a fallback for symbols egui's own fonts lack (arrows, check marks, warning signs): the same
/// file the charts draw with, so the app and its exports match.
pub const FALLBACK_FONT: &[u8] = crate::charts::DEJAVU_SANS;

pub fn apply(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        ctx.add_font(FontInsert::new(
            &format!("DejaVuSans-{family:?}"),
            egui::FontData::from_static(FALLBACK_FONT),
            vec![InsertFontFamily { family, priority: FontPriority::Lowest }],
        ));
    }
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (TextStyle::Small, FontId::new(12.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(15.0, FontFamily::Proportional)),
            (TextStyle::Heading, FontId::new(22.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(13.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}
