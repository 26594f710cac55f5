//! The look: a light theme with slightly larger type than egui's default, and the projector theme of
//! presentation mode: light, high contrast, body text of 16 points shown at [`PRESENT_ZOOM`] (32 px).

use crate::charts::DEJAVU_SANS;

/// DejaVu Sans, a fallback for symbols egui's own fonts lack (arrows, check marks, warning signs): the same
/// file the charts draw with, so the app and its exports match.
pub const FALLBACK_FONT: &[u8] = DEJAVU_SANS;

/// Where the context remembers that the projector theme is on (read by [`presenting`]).
fn projector_flag() -> egui::Id {
    egui::Id::unique("smartcity-projector-theme")
}

/// Whether the projector theme is on: the charts then draw their labels as large as the body text.
pub fn presenting(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(projector_flag())).unwrap_or(false)
}

pub fn apply(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.data_mut(|d| d.insert_temp(projector_flag(), false));
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
        // Back from the projector theme, if it was on.
        style.visuals = egui::Visuals::light();
        style.spacing = egui::style::Spacing::default();
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

/// The body text size of the projector theme, in points.
pub const PROJECTOR_BODY: f32 = 16.0;

/// The zoom presentation mode starts at: the projector theme's body of 16 points is 32 px on screen (capitals
/// about 22 px), what the back row of a meeting hall needs at 1024x768. Ctrl +/- adjust it.
pub const PRESENT_ZOOM: f32 = 2.0;

/// The projector theme: white panels, near-black text and strokes, large type and roomy controls, so a
/// room can read it from the back on a 1024x768 projector. [`apply`] undoes it.
pub fn apply_projector(ctx: &egui::Context) {
    use egui::{Color32, FontFamily, FontId, Stroke, TextStyle};
    ctx.data_mut(|d| d.insert_temp(projector_flag(), true));
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            // Small text is body text on a projector: nothing a room reads is below 32 px at the zoom.
            (TextStyle::Small, FontId::new(PROJECTOR_BODY, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(PROJECTOR_BODY, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(PROJECTOR_BODY, FontFamily::Proportional)),
            (TextStyle::Heading, FontId::new(24.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(PROJECTOR_BODY, FontFamily::Monospace)),
        ]
        .into();
        // The zoom enlarges spacing and controls with the text: these are the editing theme's.
        style.spacing = egui::style::Spacing::default();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        let mut visuals = egui::Visuals::light();
        let ink = Color32::from_gray(12);
        visuals.override_text_color = Some(ink);
        visuals.panel_fill = Color32::WHITE;
        visuals.window_fill = Color32::WHITE;
        visuals.extreme_bg_color = Color32::WHITE;
        visuals.faint_bg_color = Color32::from_gray(236);
        visuals.widgets.noninteractive.fg_stroke = Stroke::new(1.5, ink);
        visuals.widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::from_gray(150));
        visuals.widgets.inactive.fg_stroke = Stroke::new(1.5, ink);
        visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(110));
        visuals.widgets.hovered.fg_stroke = Stroke::new(2.0, Color32::BLACK);
        visuals.widgets.active.fg_stroke = Stroke::new(2.0, Color32::BLACK);
        visuals.selection.bg_fill = Color32::from_rgb(0xB8, 0xD4, 0xF5);
        visuals.selection.stroke = Stroke::new(2.0, Color32::from_rgb(0x0B, 0x3D, 0x91));
        style.visuals = visuals;
    });
}
