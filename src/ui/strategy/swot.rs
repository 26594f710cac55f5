//! The SWOT matrix of one dimension: four quadrants in large type for the projector (the size is adjustable),
//! an entry added at the foot of each quadrant, and the chosen entry edited below with its links to an issue
//! or a readiness item.

use egui::{Color32, RichText, Ui};

use super::{change_edit, dimension_combo, issue_label, propose, push_checked};
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, Id, Strategy, StrategyChange, SwotEntry, SwotKind, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};
use crate::ui::readiness::item_question;

pub struct SwotTab {
    text_size: f32,
    selected: Option<Id>,
    new_text: [String; 4],
    problem: Option<Message>,
}

impl Default for SwotTab {
    fn default() -> Self {
        SwotTab { text_size: 18.0, selected: None, new_text: Default::default(), problem: None }
    }
}

fn quadrant_color(kind: SwotKind) -> Color32 {
    match kind {
        SwotKind::Strength => Color32::from_rgb(0x2E, 0x7D, 0x32),
        SwotKind::Weakness => Color32::from_rgb(0xC6, 0x28, 0x28),
        SwotKind::Opportunity => Color32::from_rgb(0x15, 0x65, 0xC0),
        SwotKind::Threat => Color32::from_rgb(0xEF, 0x6C, 0x00),
    }
}

impl SwotTab {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, drafts: &mut Drafts, dimension: &mut Option<Id>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            dimension_combo(ui, workbook, dimension, lang, "swot_dimension");
            ui.add_space(12.0);
            ui.add(egui::Slider::new(&mut self.text_size, 12.0..=32.0).text(Text::TextSize.get(lang)));
        });
        let Some(dimension) = *dimension else { return };
        egui::ScrollArea::vertical().id_salt("swot_matrix").auto_shrink(false).show(ui, |ui| {
            for row in [[SwotKind::Strength, SwotKind::Weakness], [SwotKind::Opportunity, SwotKind::Threat]] {
                ui.columns(2, |columns| {
                    for (ui, kind) in columns.iter_mut().zip(row) {
                        self.quadrant_ui(ui, cx, dimension, kind);
                    }
                });
                ui.add_space(6.0);
            }
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
            }
            if let Some(entry) = self.selected.and_then(|id| cx.session.workbook().strategy.swot_entry(id)).cloned() {
                ui.separator();
                ui.add_enabled_ui(cx.editable, |ui| self.editor_ui(ui, cx, drafts, &entry));
            }
        });
    }

    fn quadrant_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, dimension: Id, kind: SwotKind) {
        let lang = cx.lang;
        let strategy = &cx.session.workbook().strategy;
        let color = quadrant_color(kind);
        egui::Frame::group(ui.style()).stroke(egui::Stroke::new(2.0, color)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(kind.text().get(lang)).size(self.text_size + 4.0).strong().color(color));
            for entry in strategy.swot.iter().filter(|e| e.dimension_id == dimension && e.kind == kind) {
                let text = RichText::new(format!("• {}", entry.text)).size(self.text_size);
                let selected = self.selected == Some(entry.id);
                let response = ui.add(egui::Button::selectable(selected, text).wrap());
                if response.clicked() {
                    self.selected = if selected { None } else { Some(entry.id) };
                }
            }
            ui.add_enabled_ui(cx.editable, |ui| {
                ui.horizontal(|ui| {
                    let at = kind as usize;
                    let name = Message::with(Text::SwotNewEntry, [kind.text().get(lang)]).show(lang);
                    let width = (ui.available_width() - 40.0).max(120.0);
                    let field = ui.add_sized([width, 24.0], egui::TextEdit::singleline(&mut self.new_text[at]));
                    field.accessible_name(&name);
                    let add =
                        ui.button("➕").on_hover_text(Message::with(Text::SwotAdd, [kind.text().get(lang)]).show(lang));
                    if add.accessible_name(Message::with(Text::SwotAdd, [kind.text().get(lang)]).show(lang)).clicked() {
                        let entry = SwotEntry {
                            id: new_id(),
                            dimension_id: dimension,
                            kind,
                            text: self.new_text[at].trim().to_string(),
                            issue_id: None,
                            readiness_item_id: None,
                            position: Strategy::next_position(&strategy.swot, |e| e.position),
                        };
                        let edit = Edit::one(
                            Message::with(Text::EditAddStrategic, [entry.text.clone()]),
                            Change::Strategy(StrategyChange::PutSwot(entry)),
                        );
                        self.problem = propose(cx, edit);
                        if self.problem.is_none() {
                            self.new_text[at].clear();
                        }
                    }
                });
            });
        });
    }

    fn editor_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, drafts: &mut Drafts, entry: &SwotEntry) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let put = |changed: SwotEntry| change_edit(&changed.text.clone(), StrategyChange::PutSwot(changed));
        ui.label(RichText::new(Text::SwotEditTitle.get(lang)).strong());
        let id = egui::Id::unique(("swot_text", entry.id));
        let spec = FieldSpec::new(id, Text::SwotEditTitle.get(lang)).width(ui.available_width().min(700.0));
        if let Some(value) = text_field(ui, drafts, spec, &entry.text, lang) {
            let changed = SwotEntry { text: value.trim().to_string(), ..entry.clone() };
            push_checked(cx, drafts, id, value, put(changed));
        }
        problem_label(ui, drafts, id, lang);
        ui.horizontal_wrapped(|ui| {
            let mut issue = entry.issue_id;
            let none = Text::NoneChosen.get(lang);
            let text = issue.map_or_else(|| none.to_string(), |i| issue_label(workbook, i));
            egui::ComboBox::from_id_salt(("swot_issue", entry.id))
                .selected_text(text)
                .width(320.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut issue, None, none);
                    for i in &workbook.strategy.issues {
                        ui.selectable_value(&mut issue, Some(i.id), issue_label(workbook, i.id));
                    }
                })
                .response
                .accessible_name(Text::LinkedIssue.get(lang));
            let mut item = entry.readiness_item_id;
            let text = item.and_then(|i| workbook.readiness_item(i)).map_or(none, |i| i.code.as_str());
            egui::ComboBox::from_id_salt(("swot_item", entry.id))
                .selected_text(text)
                .width(120.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut item, None, none);
                    for i in &workbook.readiness_items {
                        ui.selectable_value(&mut item, Some(i.id), &i.code).on_hover_text(item_question(i, lang));
                    }
                })
                .response
                .accessible_name(Text::LinkedItem.get(lang));
            if issue != entry.issue_id || item != entry.readiness_item_id {
                cx.push(put(SwotEntry { issue_id: issue, readiness_item_id: item, ..entry.clone() }));
            }
            if ui.button(Message::with(Text::DeleteNamed, [Text::SwotEditTitle.get(lang)]).show(lang)).clicked() {
                cx.push(Edit::one(
                    Message::with(Text::EditDeleteStrategic, [entry.text.clone()]),
                    Change::Strategy(StrategyChange::RemoveSwot(entry.id)),
                ));
                self.selected = None;
            }
        });
    }
}
