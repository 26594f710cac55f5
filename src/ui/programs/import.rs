//! Importing programs from CSV or XLSX: pick a file, check how its columns were recognised (and change it),
//! preview the rows, read the report of every problem, then import all rows as one undo step. An import with
//! any refused row imports nothing. The template in either language is written from here too.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::{ComboBox, RichText, Ui};

use crate::i18n::{Lang, Message, Text};
use crate::io::{ColumnMapping, ImportPlan, ProgramField, Table, program_table::COLUMNS, read_file, write_template};
use crate::ui::ViewCx;
use crate::ui::file_dialog::browse_in_background;

const PREVIEW_ROWS: usize = 8;
const EXTENSIONS: &[&str] = &["csv", "xlsx"];

#[derive(Default)]
pub struct ImportTab {
    path: String,
    table: Option<Table>,
    mapping: Option<ColumnMapping>,
    /// The plan and the workbook revision it was made against.
    plan: Option<(u64, ImportPlan)>,
    error: Option<Message>,
    browsing: Option<Receiver<Option<PathBuf>>>,
    template_path: String,
    template_lang: Lang,
    template_status: Option<Message>,
}

impl ImportTab {
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
        egui::ScrollArea::vertical().id_salt("import_scroll").auto_shrink(false).show(ui, |ui| {
            ui.label(RichText::new(Text::ImportTitle.get(lang)).strong().size(16.0));
            ui.label(RichText::new(Text::ImportHelp.get(lang)).weak());
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(Text::ImportFile.get(lang));
                let field =
                    ui.add_sized([420.0, 24.0], egui::TextEdit::singleline(&mut self.path).hint_text("…/program.xlsx"));
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
            if self.table.is_some() {
                self.plan_ui(ui, cx);
            }
            ui.add_space(16.0);
            ui.separator();
            self.template_ui(ui, lang);
        });
    }

    fn read(&mut self) {
        self.plan = None;
        self.table = None;
        match read_file(std::path::Path::new(self.path.trim())) {
            Ok(table) => {
                self.mapping = Some(ColumnMapping::detect(&table.headers));
                self.table = Some(table);
                self.error = None;
            }
            Err(error) => self.error = Some(error.message()),
        }
    }

    fn plan_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let (Some(table), Some(mapping)) = (&self.table, &mut self.mapping) else { return };
        let revision = cx.session.revision();
        if self.plan.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.plan = Some((revision, ImportPlan::new(cx.session.workbook(), table, mapping)));
        }
        let years: Vec<i32> = cx.session.workbook().profile.years().collect();
        let mut choices: Vec<ProgramField> = COLUMNS.iter().map(|c| c.field).collect();
        choices.extend(years.iter().map(|&y| ProgramField::Amount(y)));
        choices.extend(years.iter().map(|&y| ProgramField::Target(y)));

        ui.add_space(8.0);
        ui.label(RichText::new(Text::ImportColumns.get(lang)).strong());
        if mapping_ui(ui, table, mapping, &choices, lang) {
            self.plan = None;
            return;
        }
        ui.add_space(8.0);
        ui.label(RichText::new(Text::ImportPreview.get(lang)).strong());
        preview_ui(ui, table);

        let Some((_, plan)) = &self.plan else { return };
        ui.add_space(8.0);
        ui.label(RichText::new(Text::ImportReport.get(lang)).strong());
        let report = plan.report(lang);
        egui::ScrollArea::vertical().id_salt("import_report").max_height(220.0).show(ui, |ui| {
            let problems = plan.file_errors.len() + plan.problems.len();
            for (i, line) in report.iter().enumerate() {
                if i < problems {
                    ui.colored_label(ui.visuals().error_fg_color, line);
                } else {
                    ui.label(line);
                }
            }
        });
        let ready = plan.is_clean() && !plan.programs.is_empty() && cx.editable;
        let button = egui::Button::new(Message::with(Text::ImportApply, [plan.programs.len().to_string()]).show(lang));
        if !plan.is_clean() {
            ui.label(RichText::new(Text::ImportRefused.get(lang)).italics());
        }
        if ui.add_enabled(ready, button).clicked() {
            cx.push(plan.edit());
            self.table = None;
            self.plan = None;
            self.error = None;
        }
    }

    fn template_ui(&mut self, ui: &mut Ui, lang: Lang) {
        ui.label(RichText::new(Text::TemplateTitle.get(lang)).strong());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::PathLabel.get(lang));
            ui.add_sized(
                [360.0, 24.0],
                egui::TextEdit::singleline(&mut self.template_path).hint_text("…/template.xlsx"),
            )
            .labelled_by(label.id);
            ui.radio_value(&mut self.template_lang, Lang::Id, "Bahasa Indonesia");
            ui.radio_value(&mut self.template_lang, Lang::En, "English");
            if ui.button(Text::TemplateWrite.get(lang)).clicked() {
                let path = PathBuf::from(self.template_path.trim());
                self.template_status = Some(match write_template(&path, self.template_lang) {
                    Ok(()) => Message::with(Text::TemplateWritten, [path.display().to_string()]),
                    Err(e) => Message::with(Text::ExportFailed, [e]),
                });
            }
        });
        if let Some(status) = &self.template_status {
            ui.label(status.show(lang));
        }
    }
}

/// One row per column of the file with the program field it fills (or "ignore"); true when one was changed.
fn mapping_ui(ui: &mut Ui, table: &Table, mapping: &mut ColumnMapping, choices: &[ProgramField], lang: Lang) -> bool {
    let mut changed = false;
    egui::ScrollArea::horizontal().id_salt("import_columns").show(ui, |ui| {
        egui::Grid::new("import_mapping").striped(true).show(ui, |ui| {
            for (column, header) in table.headers.iter().enumerate() {
                ui.label(header);
                let current = mapping.field(column);
                let text =
                    current.map_or_else(|| Text::ImportIgnore.get(lang).to_string(), |f| f.header(lang).into_owned());
                let mut chosen = current;
                ComboBox::from_id_salt(("import_column", column))
                    .selected_text(text)
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, Text::ImportIgnore.get(lang));
                        for field in choices {
                            ui.selectable_value(&mut chosen, Some(*field), field.header(lang));
                        }
                    })
                    .response
                    .accessible_name(Message::with(Text::ImportColumnFor, [header.clone()]).show(lang));
                if chosen != current {
                    mapping.set(column, chosen);
                    changed = true;
                }
                ui.end_row();
            }
        });
    });
    changed
}

/// The first rows of the file as read, cells cut to 40 characters.
fn preview_ui(ui: &mut Ui, table: &Table) {
    egui::ScrollArea::horizontal().id_salt("import_preview").show(ui, |ui| {
        egui::Grid::new("import_preview_grid").striped(true).show(ui, |ui| {
            ui.label(RichText::new("#").strong());
            for header in &table.headers {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for row in table.rows.iter().filter(|r| !r.is_blank()).take(PREVIEW_ROWS) {
                ui.label(row.number.to_string());
                for column in 0..table.headers.len() {
                    let text: String = row.cell(column).text().chars().take(40).collect();
                    ui.label(text);
                }
                ui.end_row();
            }
        });
    });
}
