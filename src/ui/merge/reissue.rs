//! The re-issue dialog: the copies this workbook issued (agency, file, when issued, when revoked), with a
//! button per active copy. Re-issuing writes a new copy with a new key and revokes the old one (the store does
//! that); the path of the new copy is asked next, by the app's path dialog.

use std::path::Path;

use egui::RichText;

use super::frame::{self, Frame, Outcome};
use crate::i18n::{Lang, Message, Text, format_timestamp};
use crate::model::Workbook;
use crate::store::IssuedCopy;

pub struct ReissueDialog {
    copies: Vec<IssuedCopy>,
}

/// Who the copy is for: its agency, or everything for an unscoped copy.
pub fn holder(copy: &IssuedCopy, workbook: &Workbook, lang: Lang) -> String {
    match copy.scope {
        Some(id) => workbook.agency(id).map_or_else(|| copy.name.clone(), |a| a.label().to_string()),
        None => Text::ReissueAllAgencies.get(lang).to_string(),
    }
}

impl ReissueDialog {
    pub fn new(copies: Vec<IssuedCopy>) -> Self {
        ReissueDialog { copies }
    }

    /// The chosen copy is the one to re-issue.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang, workbook: &Workbook) -> Outcome<IssuedCopy> {
        let look =
            Frame { id: "reissue_copy", width: 720.0, title: Text::ReissueDialogTitle, hint: Text::ReissueDialogHint };
        // Times of issue and revocation in the region's time zone.
        let zone = workbook.profile.time_zone;
        frame::dialog(ctx, lang, look, |ui, outcome| {
            if self.copies.is_empty() {
                ui.label(Text::ReissueNone.get(lang));
            }
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                egui::Grid::new("issued_copies").striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
                    for text in
                        [Text::ReissueColAgency, Text::ReissueColFile, Text::ReissueColIssued, Text::ReissueColRevoked]
                    {
                        ui.label(RichText::new(text.get(lang)).strong());
                    }
                    ui.end_row();
                    for copy in &self.copies {
                        let who = holder(copy, workbook, lang);
                        ui.label(&who);
                        let file = Path::new(&copy.file)
                            .file_name()
                            .map_or_else(|| copy.file.clone(), |n| n.to_string_lossy().into_owned());
                        ui.label(file).on_hover_text(&copy.file);
                        ui.label(format_timestamp(&copy.issued_at, zone, lang));
                        match &copy.revoked_at {
                            Some(at) => {
                                ui.label(format_timestamp(at, zone, lang));
                            }
                            None => {
                                ui.label(RichText::new(Text::ReissueActive.get(lang)).weak());
                                let name = Message::with(Text::ReissueButtonFor, [who]).show(lang);
                                let button = ui.button(Text::ReissueButton.get(lang)).accessible_name(name);
                                if button.clicked() {
                                    *outcome = Outcome::Chosen(copy.clone());
                                }
                            }
                        }
                        ui.end_row();
                    }
                });
            });
            ui.add_space(8.0);
            if ui.button(Text::Cancel.get(lang)).clicked() {
                *outcome = Outcome::Cancelled;
            }
        })
    }
}
