//! The app's dialogs: the path dialog and what its choice does, the merge dialogs, the repair window, the
//! notice, the quick guide and the About window.

use super::App;
use crate::i18n::Text;
use crate::store;
use crate::ui::damaged::RepairChoice;
use crate::ui::file_dialog::{Outcome, Purpose};
use crate::ui::guide::guide_window;

impl App {
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        if let Some(dialog) = &mut self.dialog {
            match dialog.ui(ctx, lang) {
                Outcome::Pending => {}
                Outcome::Cancelled => self.dialog = None,
                Outcome::Chosen(path) => {
                    let purpose = dialog.purpose;
                    self.dialog = None;
                    match purpose {
                        Purpose::Open => self.open_path(&path),
                        Purpose::New => self.create_workbook(&path),
                        Purpose::SaveCopy => self.save_copy(&path),
                        Purpose::AgencyCopy | Purpose::MergeFrom | Purpose::Package | Purpose::ReissueCopy => {
                            let request = match &self.session {
                                Some(session) => self.merge.path_chosen(purpose, &path, session),
                                None => None,
                            };
                            if let Some(request) = request {
                                self.merge_request(request);
                            }
                        }
                    }
                }
            }
        }
        if let Some(request) = self.merge.ui(ctx, lang, self.session.as_ref()) {
            self.merge_request(request);
        }
        if self.repair.ui(ctx, lang, self.session.as_ref()) == Some(RepairChoice::Repair) {
            self.repair_contents();
        }
        if let Some(notice) = self.notice.clone() {
            let modal = egui::Modal::new(egui::Id::unique("notice")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.label(notice.show(lang));
                ui.add_space(8.0);
                ui.button(Text::Ok.get(lang)).clicked()
            });
            if modal.inner || modal.should_close() {
                self.notice = None;
            }
        }
        if self.show_guide {
            guide_window(ctx, lang, &mut self.show_guide);
        }
        if self.show_about {
            let mut open = true;
            egui::Window::new(Text::CmdAbout.get(lang)).open(&mut open).collapsible(false).resizable(false).show(
                ctx,
                |ui| {
                    ui.heading("Smart City Workbench");
                    ui.label(format!("{} {}", Text::Version.get(lang), env!("CARGO_PKG_VERSION")));
                    ui.label(Text::AboutText.get(lang));
                    ui.label(format!("{}: {}", Text::DataFolder.get(lang), self.data_dir.path().display()));
                    ui.label(format!("{}: {}", Text::SchemaVersion.get(lang), store::schema::CURRENT_VERSION));
                },
            );
            self.show_about = open;
        }
    }
}
