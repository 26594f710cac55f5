//! The status bar: badges of the open workbook, its path, and the status line.

use egui::{Color32, RichText, Ui};

use super::{App, Status};
use crate::i18n::Text;
use crate::ui::badges::example_badge;
use crate::ui::merge::scope_badge;

impl App {
    pub(super) fn status_ui(&self, ui: &mut Ui) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            if let Some(session) = &self.session {
                if session.workbook().profile.is_example {
                    example_badge(ui, lang);
                }
                if let Some(reason) = session.read_only() {
                    ui.label(
                        RichText::new(Text::ReadOnlyBadge.get(lang))
                            .color(Color32::WHITE)
                            .background_color(Color32::DARK_RED),
                    )
                    .on_hover_text(reason.message().show(lang));
                }
                scope_badge(ui, lang, session);
                // The path gives way to the message: shortened, whole on hover.
                let path = session.path().display().to_string();
                let room = (ui.available_width() * 0.35).max(120.0);
                ui.scope(|ui| {
                    ui.set_max_width(room);
                    let label = egui::Label::new(RichText::new(&path).monospace().small()).truncate();
                    ui.add(label).on_hover_text(&path);
                });
                ui.separator();
            }
            // The message is read in full: it wraps onto more lines rather than being cut off.
            let text = self.status_text();
            let (mark, color) = match &self.status {
                Some(Status { is_error: true, .. }) => ("⚠", Some(ui.visuals().error_fg_color)),
                _ => ("✔", None),
            };
            let mut message = RichText::new(format!("{mark} {text}"));
            if let Some(color) = color {
                message = message.color(color);
            }
            ui.add(egui::Label::new(message).wrap());
        });
    }
}
