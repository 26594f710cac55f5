//! Importing realisation from the spreadsheets agencies send: pick a file, read the report of every problem
//! by row, then import it whole as one undo step (any refused row imports nothing). In an agency copy only
//! its own programs' rows pass. The template is written from here too.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use egui::{RichText, Ui};

use crate::i18n::{Lang, Message, Text};
use crate::io::read_file_preferring;
use crate::io::realisation::{RealisationPlan, SHEETS, write_realisation_template};
use crate::io::table::Table;
use crate::ui::ViewCx;
use crate::ui::file_dialog::browse_in_background;

const EXTENSIONS: &[&str] = &["csv", "xlsx"];

#[derive(Default)]
pub struct RealisationImport {
    path: String,
    table: Option<Table>,
    /// The plan and the workbook revision it was made against.
    plan: Option<(u64, RealisationPlan)>,
    error: Option<Message>,
    browsing: Option<Receiver<Option<PathBuf>>>,
    template_path: String,
    status: Option<Message>,
}

impl RealisationImport {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        if let Some(receiver) = &self.browsing
            && let Ok(chosen) = receiver.try_recv()
        {
            self.browsing = None;
            if let Some(path) = chosen {
                self.path = path.display().to_string();
                self.read();
            }
        }
        egui::ScrollArea::vertical().id_salt("monev_import").auto_shrink(false).show(ui, |ui| {
            ui.label(RichText::new(Text::RealisationImportTitle.get(lang)).strong().size(16.0));
            ui.label(RichText::new(Text::RealisationImportHelp.get(lang)).weak());
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(Text::ImportFile.get(lang));
                let field = ui
                    .add_sized([420.0, 24.0], egui::TextEdit::singleline(&mut self.path).hint_text("…/realisasi.xlsx"));
                let entered = field.labelled_by(label.id).lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.add_enabled(self.browsing.is_none(), egui::Button::new(Text::Browse.get(lang))).clicked() {
                    self.browsing = Some(browse_in_background(ui.ctx(), "CSV / XLSX".into(), EXTENSIONS, None, None));
                }
                if ui.button(Text::ImportRead.get(lang)).clicked() || entered {
                    self.read();
                }
            });
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", error.show(lang)));
            }
            self.plan_ui(ui, cx);
            if let Some(status) = &self.status {
                ui.label(status.show(lang));
            }
            ui.add_space(16.0);
            ui.separator();
            self.template_ui(ui, lang);
        });
    }

    fn read(&mut self) {
        self.plan = None;
        self.table = None;
        self.status = None;
        match read_file_preferring(Path::new(self.path.trim()), &SHEETS) {
            Ok(table) => {
                self.table = Some(table);
                self.error = None;
            }
            Err(error) => self.error = Some(error.message()),
        }
    }

    fn plan_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let Some(table) = &self.table else { return };
        let revision = cx.session.revision();
        if self.plan.as_ref().is_none_or(|(r, _)| *r != revision) {
            let scope = cx.session.scope().map(|a| a.id);
            self.plan = Some((revision, RealisationPlan::new(cx.session.workbook(), table, scope)));
        }
        let Some((_, plan)) = &self.plan else { return };
        ui.add_space(8.0);
        ui.label(RichText::new(Text::ImportReport.get(lang)).strong());
        let problems = plan.file_errors.len() + plan.problems.len();
        egui::ScrollArea::vertical().id_salt("monev_import_report").max_height(260.0).show(ui, |ui| {
            for (i, line) in plan.report(lang).iter().enumerate() {
                if i < problems {
                    ui.colored_label(ui.visuals().error_fg_color, line);
                } else {
                    ui.label(line);
                }
            }
        });
        if !plan.is_clean() {
            ui.label(RichText::new(Text::ImportRefused.get(lang)).italics());
        }
        let ready = plan.is_clean() && !plan.changes.is_empty() && cx.editable;
        let button =
            egui::Button::new(Message::with(Text::RealisationImportApply, [plan.program_years.to_string()]).show(lang));
        if ui.add_enabled(ready, button).clicked() {
            cx.push(plan.edit());
            self.status =
                Some(Message::with(Text::RealisationImportDone, [plan.program_years.to_string(), plan.source.clone()]));
            self.table = None;
            self.plan = None;
        }
    }

    fn template_ui(&mut self, ui: &mut Ui, lang: Lang) {
        ui.label(RichText::new(Text::RealisationTemplateTitle.get(lang)).strong());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::PathLabel.get(lang));
            ui.add_sized(
                [360.0, 24.0],
                egui::TextEdit::singleline(&mut self.template_path).hint_text("…/templat-realisasi.xlsx"),
            )
            .labelled_by(label.id);
            if ui.button(Text::TemplateWrite.get(lang)).clicked() {
                let path = PathBuf::from(self.template_path.trim());
                self.status = Some(match write_realisation_template(&path, lang) {
                    Ok(()) => Message::with(Text::TemplateWritten, [path.display().to_string()]),
                    Err(e) => Message::with(Text::ExportFailed, [e]),
                });
            }
        });
    }
}
