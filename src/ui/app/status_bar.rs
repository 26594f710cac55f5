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
                ui.label(RichText::new(session.path().display().to_string()).monospace().small());
                ui.separator();
            }
            let text = self.status_text();
            match &self.status {
                Some(Status { is_error: true, .. }) => {
                    ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {text}"))
                }
                _ => ui.label(format!("✔ {text}")),
            };
        });
    }
}
