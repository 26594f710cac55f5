//! The agency-copy dialog: which agency the copy is for, and whether only its programs or everything is
//! editable there. The path is asked next, by the app's path dialog.

use super::frame::{self, Frame, Outcome};
use crate::i18n::{Lang, Text};
use crate::model::{Id, Workbook};
use crate::store::Session;

pub struct CopyDialog {
    agency: Option<Id>,
    only_agency: bool,
    error: bool,
}

impl CopyDialog {
    pub fn new(session: &Session) -> Self {
        CopyDialog { agency: session.workbook().agencies.first().map(|a| a.id), only_agency: true, error: false }
    }

    /// The chosen scope: `Some(agency)` when only that agency's programs are editable.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang, workbook: &Workbook) -> Outcome<Option<Id>> {
        let look = Frame { id: "agency_copy", width: 520.0, title: Text::CopyDialogTitle, hint: Text::CopyDialogHint };
        frame::dialog(ctx, lang, look, |ui, outcome| {
            ui.radio_value(&mut self.only_agency, true, Text::CopyScopeAgency.get(lang));
            ui.radio_value(&mut self.only_agency, false, Text::CopyScopeAll.get(lang));
            ui.add_space(6.0);
            ui.add_enabled_ui(self.only_agency, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label(Text::CopyDialogAgency.get(lang));
                    let chosen = self.agency.and_then(|id| workbook.agency(id)).map_or("–", |a| a.label());
                    egui::ComboBox::from_id_salt("copy_agency")
                        .width(320.0)
                        .selected_text(chosen)
                        .show_ui(ui, |ui| {
                            for agency in &workbook.agencies {
                                ui.selectable_value(&mut self.agency, Some(agency.id), &agency.name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
            });
            if self.error {
                ui.colored_label(ui.visuals().error_fg_color, Text::CopyNeedsAgency.get(lang));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(Text::CopyContinue.get(lang)).clicked() {
                    match (self.only_agency, self.agency) {
                        (false, _) => *outcome = Outcome::Chosen(None),
                        (true, Some(agency)) => *outcome = Outcome::Chosen(Some(agency)),
                        (true, None) => self.error = true,
                    }
                }
                if ui.button(Text::Cancel.get(lang)).clicked() {
                    *outcome = Outcome::Cancelled;
                }
            });
        })
    }
}
