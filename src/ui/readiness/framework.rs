//! Editing the readiness framework: items (code, pillar, dimension, questions, the five level descriptions,
//! weight, target level), the index bands, and JSON export and import of the whole framework.

use std::array::from_fn;
use std::fs;
use std::path::PathBuf;

use egui::{ComboBox, RichText, Ui};

use super::scoring::question;
use crate::i18n::{Lang, Message, Text, format_decimal};
use crate::io::atomic_file::write_atomically;
use crate::io::readiness_json::{export_framework, import_framework};
use crate::model::{Band, Change, Edit, Field, LevelText, Pillar, ReadinessItem, new_id};
use crate::ui::fields::{Drafts, FieldSpec, choice, problem_label, text_field};
use crate::ui::section::wrapping_section;
use crate::ui::{ViewCx, names};

#[derive(Default)]
pub struct FrameworkEditor {
    drafts: Drafts,
    json_path: String,
    json_status: Option<(Message, bool)>,
}

/// A text of an item: its label, field, and how to read and write it.
struct ItemText {
    label: Text,
    field: Field,
    width: f32,
    get: fn(&ReadinessItem) -> String,
    set: fn(&mut ReadinessItem, String) -> Result<(), Message>,
}

/// A text of a band: its header, width, and how to read and write it.
type BandText = (Text, f32, fn(&Band) -> String, fn(&mut Band, String) -> Result<(), Message>);

fn number(text: &str) -> Result<f64, Message> {
    text.trim().replace(',', ".").parse::<f64>().map_err(|_| Message::new(Text::NotANumber))
}

/// Puts `value` into `slot`: the write of an [`ItemText`] once its text is read.
fn put<T>(slot: &mut T, value: T) -> Result<(), Message> {
    *slot = value;
    Ok(())
}

/// An [`ItemText`] in one line.
const fn item_text(
    label: Text,
    field: Field,
    width: f32,
    get: fn(&ReadinessItem) -> String,
    set: fn(&mut ReadinessItem, String) -> Result<(), Message>,
) -> ItemText {
    ItemText { label, field, width, get, set }
}

const ITEM_TEXTS: [ItemText; 5] = [
    item_text(Text::ColCode, Field::ItemCode, 100.0, |i| i.code.clone(), |i, v| put(&mut i.code, v.trim().to_string())),
    item_text(
        Text::QuestionId,
        Field::ItemQuestion,
        620.0,
        |i| i.question_id.clone(),
        |i, v| put(&mut i.question_id, v),
    ),
    item_text(
        Text::QuestionEn,
        Field::ItemQuestion,
        620.0,
        |i| i.question_en.clone(),
        |i, v| put(&mut i.question_en, v),
    ),
    item_text(
        Text::Weight,
        Field::ItemWeight,
        70.0,
        |i| format_decimal(i.weight, 1),
        |i, v| put(&mut i.weight, number(&v)?),
    ),
    item_text(
        Text::TargetLevel,
        Field::ItemTarget,
        50.0,
        |i| i.target_level.to_string(),
        |i, v| put(&mut i.target_level, v.trim().parse::<u8>().map_err(|_| Message::new(Text::LevelOutOfRange))?),
    ),
];

impl FrameworkEditor {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        egui::ScrollArea::vertical().id_salt("framework").auto_shrink(false).show(ui, |ui| {
            ui.label(
                RichText::new(
                    Message::with(Text::FrameworkItems, [workbook.readiness_items.len().to_string()]).show(lang),
                )
                .strong(),
            );
            let total_weight: f64 = workbook.readiness_items.iter().map(|i| i.weight).sum();
            for item in &workbook.readiness_items {
                let share = if total_weight > 0.0 { item.weight / total_weight * 100.0 } else { 0.0 };
                let title = format!(
                    "{} · {} · {} % — {}",
                    item.code,
                    item.pillar.text().get(lang),
                    format_decimal(share, 1),
                    question(item, lang)
                );
                wrapping_section(ui, ("framework_item", item.id), false, title, |ui| self.item_ui(ui, cx, item));
            }
            ui.add_enabled_ui(cx.editable, |ui| {
                if ui.button(Text::AddItem.get(lang)).clicked() {
                    let item = ReadinessItem {
                        id: new_id(),
                        pillar: Pillar::Structure,
                        dimension_id: None,
                        code: format!("BARU-{:02}", workbook.readiness_items.len() + 1),
                        question_id: Text::NewItemQuestion.get(Lang::Id).to_string(),
                        question_en: Text::NewItemQuestion.get(Lang::En).to_string(),
                        levels: from_fn(|_| LevelText::default()),
                        weight: 1.0,
                        target_level: 4,
                        position: workbook.next_readiness_position(),
                    };
                    cx.push(Edit::one(
                        Message::with(Text::EditAddItem, [item.code.clone()]),
                        Change::PutReadinessItem(item),
                    ));
                }
            });
            ui.add_space(12.0);
            self.bands_ui(ui, cx);
            ui.add_space(12.0);
            self.json_ui(ui, cx);
        });
    }

    fn item_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, item: &ReadinessItem) {
        let lang = cx.lang;
        egui::Grid::new(("item_grid", item.id)).num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
            self.item_texts_ui(ui, cx, item);
            item_choices_ui(ui, cx, item);
        });
        ui.label(RichText::new(Text::LevelDescriptions.get(lang)).strong());
        self.levels_ui(ui, cx, item);
        ui.add_enabled_ui(cx.editable, |ui| {
            if ui.button(Text::DeleteItem.get(lang)).clicked() {
                cx.push(delete_item_edit(cx, item));
            }
        });
    }

    /// The item's code, questions, weight and target level, one grid row each.
    fn item_texts_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, item: &ReadinessItem) {
        let lang = cx.lang;
        for spec in &ITEM_TEXTS {
            ui.label(spec.label.get(lang));
            let id = egui::Id::unique(("item_text", item.id, spec.label));
            let name = format!("{} {}", item.code, spec.label.get(lang));
            let field = FieldSpec::new(id, &name).width(spec.width).enabled(cx.editable);
            if let Some(value) = text_field(ui, &mut self.drafts, field, &(spec.get)(item), lang) {
                let mut changed = item.clone();
                match (spec.set)(&mut changed, value.clone()) {
                    Err(problem) => self.drafts.refuse(id, value, problem),
                    Ok(()) => self.push_checked(
                        cx,
                        id,
                        value,
                        spec.field,
                        Edit::one(
                            Message::with(Text::EditItem, [item.code.clone()]),
                            Change::PutReadinessItem(changed),
                        ),
                    ),
                }
            }
            problem_label(ui, &self.drafts, id, lang);
            ui.end_row();
        }
    }

    /// The five level descriptions of an item, in Indonesian and English.
    fn levels_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, item: &ReadinessItem) {
        let lang = cx.lang;
        let level_width = ((ui.available_width() - 60.0) / 2.0).clamp(240.0, 560.0);
        egui::Grid::new(("item_levels", item.id)).num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
            for level in 0..5 {
                ui.label((level + 1).to_string());
                for (language, get, set) in [
                    (
                        Lang::Id,
                        (|l: &LevelText| l.id.clone()) as fn(&LevelText) -> String,
                        (|l: &mut LevelText, v| l.id = v) as fn(&mut LevelText, String),
                    ),
                    (Lang::En, |l: &LevelText| l.en.clone(), |l: &mut LevelText, v| l.en = v),
                ] {
                    let id = egui::Id::unique(("item_level", item.id, level, language));
                    let name = format!("{} {} {} ({})", item.code, Text::Level.get(lang), level + 1, language.code());
                    let field = FieldSpec::new(id, &name).width(level_width).enabled(cx.editable);
                    if let Some(value) = text_field(ui, &mut self.drafts, field, &get(&item.levels[level]), lang) {
                        let mut changed = item.clone();
                        set(&mut changed.levels[level], value.clone());
                        let edit = Edit::one(
                            Message::with(Text::EditItem, [item.code.clone()]),
                            Change::PutReadinessItem(changed),
                        );
                        self.push_checked(cx, id, value, Field::ItemLevels, edit);
                    }
                }
                ui.end_row();
            }
        });
    }

    fn push_checked(&mut self, cx: &mut ViewCx<'_>, id: egui::Id, value: String, field: Field, edit: Edit) {
        if let Err(problems) = cx.propose(edit) {
            let problem = problems.iter().find(|p| p.field == field).unwrap_or(&problems[0]);
            self.drafts.refuse(id, value, problem.message.clone());
        }
    }

    fn bands_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.label(RichText::new(Text::Bands.get(lang)).strong());
        egui::Grid::new("bands").striped(true).spacing([8.0, 4.0]).show(ui, |ui| {
            for header in [Text::BandFrom, Text::BandNameId, Text::BandNameEn] {
                ui.label(RichText::new(header.get(lang)).strong());
            }
            ui.end_row();
            for band in &workbook.bands {
                let texts: [BandText; 3] = [
                    (
                        Text::BandFrom,
                        60.0,
                        |b| format_decimal(b.min, 1),
                        |b, v| {
                            b.min = number(&v)?;
                            Ok(())
                        },
                    ),
                    (
                        Text::BandNameId,
                        160.0,
                        |b| b.name_id.clone(),
                        |b, v| {
                            b.name_id = v;
                            Ok(())
                        },
                    ),
                    (
                        Text::BandNameEn,
                        160.0,
                        |b| b.name_en.clone(),
                        |b, v| {
                            b.name_en = v;
                            Ok(())
                        },
                    ),
                ];
                for (label, width, get, set) in texts {
                    let id = egui::Id::unique(("band", band.id, label));
                    let name = format!("{} {}", label.get(lang), band.name_id);
                    let field = FieldSpec::new(id, &name).width(width).enabled(cx.editable);
                    if let Some(value) = text_field(ui, &mut self.drafts, field, &get(band), lang) {
                        let mut changed = band.clone();
                        match set(&mut changed, value.clone()) {
                            Err(problem) => self.drafts.refuse(id, value, problem),
                            Ok(()) => self.push_checked(
                                cx,
                                id,
                                value,
                                Field::BandMin,
                                Edit::one(
                                    Message::with(Text::EditBand, [band.name_id.clone()]),
                                    Change::PutBand(changed),
                                ),
                            ),
                        }
                    }
                }
                ui.end_row();
            }
        });
    }

    fn json_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        ui.label(RichText::new(Text::FrameworkJson.get(lang)).strong());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::PathLabel.get(lang));
            ui.add_sized(
                [380.0, 24.0],
                egui::TextEdit::singleline(&mut self.json_path).hint_text("…/kerangka-kesiapan.json"),
            )
            .labelled_by(label.id);
            if ui.button(Text::ExportJson.get(lang)).clicked() {
                let path = PathBuf::from(self.json_path.trim());
                let text = export_framework(cx.session.workbook());
                self.json_status = Some(match write_atomically(&path, text.as_bytes()) {
                    Ok(()) => (Message::with(Text::ChartSaved, [path.display().to_string()]), false),
                    Err(e) => (Message::with(Text::ExportFailed, [e]), true),
                });
            }
            if ui.add_enabled(cx.editable, egui::Button::new(Text::ImportJson.get(lang))).clicked() {
                self.json_status = Some(import_json(cx, self.json_path.trim()));
            }
        });
        if let Some((message, error)) = &self.json_status {
            if *error {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", message.show(lang)));
            } else {
                ui.label(message.show(lang));
            }
        }
    }
}

/// The item's pillar and dimension, one grid row each; one edit when either changed.
fn item_choices_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, item: &ReadinessItem) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let mut changed = item.clone();
    ui.label(Text::Pillar.get(lang));
    ui.add_enabled_ui(cx.editable, |ui| {
        let name = format!("{} {}", item.code, Text::Pillar.get(lang));
        let text = |p: Pillar| p.text().get(lang).to_string();
        choice(ui, ("item_pillar", item.id), &name, &mut changed.pillar, &Pillar::ALL, text, 160.0);
    });
    ui.label("");
    ui.end_row();
    ui.label(Text::ColDimension.get(lang));
    ui.add_enabled_ui(cx.editable, |ui| {
        let text = item
            .dimension_id
            .and_then(|d| workbook.dimension(d))
            .map_or(Text::General.get(lang), |d| names::dimension(d, lang));
        ComboBox::from_id_salt(("item_dimension", item.id))
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut changed.dimension_id, None, Text::General.get(lang));
                for d in &workbook.dimensions {
                    ui.selectable_value(&mut changed.dimension_id, Some(d.id), names::dimension(d, lang));
                }
            })
            .response
            .accessible_name(format!("{} {}", item.code, Text::ColDimension.get(lang)));
    });
    ui.label("");
    ui.end_row();
    if changed != *item {
        cx.push(Edit::one(Message::with(Text::EditItem, [item.code.clone()]), Change::PutReadinessItem(changed)));
    }
}

/// Delete an item with everything that points at it, as one undo step that restores all of it.
fn delete_item_edit(cx: &ViewCx<'_>, item: &ReadinessItem) -> Edit {
    let changes = cx.session.workbook().remove_readiness_item(item.id);
    Edit::new(Message::with(Text::EditDeleteItem, [item.code.clone()]), changes)
}

/// Read a framework file and put its items and bands, as one undo step; items the file lacks stay.
fn import_json(cx: &mut ViewCx<'_>, path: &str) -> (Message, bool) {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return (Message::with(Text::ImportCannotRead, [e.to_string()]), true),
    };
    let lang = cx.lang;
    match import_framework(cx.session.workbook(), &text) {
        Err(problems) => {
            let lines: Vec<String> = problems.iter().take(10).map(|p| p.show(lang)).collect();
            (Message::with(Text::FrameworkRefused, [lines.join("; ")]), true)
        }
        Ok(import) => {
            let count = import.items.len();
            // Items the file lacks stay: they may hold scores a planner does not want to lose.
            let changes = import.changes(cx.session.workbook(), false);
            let edit = Edit::new(Message::with(Text::EditImportFramework, [count.to_string()]), changes);
            match cx.propose(edit) {
                Err(problems) => (problems[0].message.clone(), true),
                Ok(()) => (Message::with(Text::FrameworkImported, [count.to_string()]), false),
            }
        }
    }
}
