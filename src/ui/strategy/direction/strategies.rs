//! One strategy of a direction: its code and text, the issues it answers and the programs that carry it out.

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::{Deleting, DirectionTab, strategy_name};
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, Id, Program, StrategyChange, StrategyItem, Workbook};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};
use crate::ui::strategy::{change_edit, issue_label, push_checked};

/// The edit putting a changed strategy.
fn put(changed: StrategyItem) -> Edit {
    change_edit(&strategy_name(&changed), StrategyChange::PutStrategy(changed))
}

/// The edit setting the strategy `program` carries out.
fn program_strategy_edit(program: &Program, strategy: Option<Id>) -> Edit {
    let changed = Program { strategy_id: strategy, ..program.clone() };
    Edit::one(Message::with(Text::EditProgramStrategy, [program.name.clone()]), Change::PutProgram(changed))
}

impl DirectionTab {
    pub(super) fn strategy_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        drafts: &mut Drafts,
        s: &StrategyItem,
        dimension: Id,
        programs_of: &HashMap<Id, Vec<Id>>,
    ) {
        let lang = cx.lang;
        ui.group(|ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| self.strategy_fields_ui(ui, cx, drafts, s));
            for id in [egui::Id::unique(("strategy_code", s.id)), egui::Id::unique(("strategy_text", s.id))] {
                problem_label(ui, drafts, id, lang);
            }
            ui.horizontal_wrapped(|ui| issues_ui(ui, cx, s));
            self.programs_ui(ui, cx, s, dimension, programs_of);
            if self.deleting.as_ref().is_some_and(|d| d.strategy == s.id) {
                self.delete_panel_ui(ui, cx);
            }
        });
    }

    /// The strategy's code and text fields and its delete button.
    fn strategy_fields_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, drafts: &mut Drafts, s: &StrategyItem) {
        let lang = cx.lang;
        let label = strategy_name(s);
        let code_id = egui::Id::unique(("strategy_code", s.id));
        let code_name = format!("{} {}", Text::ColCode.get(lang), s.text);
        if let Some(value) = text_field(ui, drafts, FieldSpec::new(code_id, &code_name).width(80.0), &s.code, lang) {
            let edit = put(StrategyItem { code: value.trim().to_string(), ..s.clone() });
            push_checked(cx, drafts, code_id, value, edit);
        }
        let text_id = egui::Id::unique(("strategy_text", s.id));
        let text_name = Message::with(Text::StrategyText, [label.clone()]).show(lang);
        let width = (ui.available_width() - 40.0).clamp(160.0, 700.0);
        if let Some(value) = text_field(ui, drafts, FieldSpec::new(text_id, &text_name).width(width), &s.text, lang) {
            let edit = put(StrategyItem { text: value.trim().to_string(), ..s.clone() });
            push_checked(cx, drafts, text_id, value, edit);
        }
        let delete = ui.button("🗑").on_hover_text(Text::DeleteStrategyTitle.get(lang));
        if delete.accessible_name(Message::with(Text::DeleteNamed, [label]).show(lang)).clicked() {
            self.deleting = Some(Deleting { strategy: s.id, move_programs: false, move_to: None });
        }
    }

    /// The programs carrying out a strategy, with unlink buttons and a picker to link one more.
    fn programs_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        s: &StrategyItem,
        dimension: Id,
        programs_of: &HashMap<Id, Vec<Id>>,
    ) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(Text::CarriedOutBy.get(lang)).weak());
            let linked = programs_of.get(&s.id).map_or(&[][..], Vec::as_slice);
            if linked.is_empty() {
                ui.label(RichText::new(Text::NoProgramYet.get(lang)).italics().color(ui.visuals().warn_fg_color));
            }
            for program in linked.iter().filter_map(|p| workbook.program(*p)) {
                let name = if program.code.is_empty() { program.name.clone() } else { program.code.clone() };
                ui.label(RichText::new(&name).strong()).on_hover_text(&program.name);
                let unlink = ui.add_enabled(cx.editable, egui::Button::new("✖").small());
                if unlink.accessible_name(Message::with(Text::Unlink, [program.name.clone()]).show(lang)).clicked() {
                    cx.push(program_strategy_edit(program, None));
                }
            }
            let choice = self.link_choice.entry(s.id).or_default();
            link_ui(ui, cx, s, dimension, choice);
        });
    }
}

/// The issues a strategy answers and the menu to choose them.
fn issues_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, s: &StrategyItem) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    ui.label(RichText::new(Text::AnswersIssues.get(lang)).weak());
    for i in &s.issue_ids {
        ui.label(RichText::new(issue_label(workbook, *i)).italics());
    }
    let menu_name = format!("{} {}", Text::AnswersIssues.get(lang), strategy_name(s));
    ui.menu_button("✏", |ui| {
        for issue in &workbook.strategy.issues {
            let mut on = s.issue_ids.contains(&issue.id);
            if ui.checkbox(&mut on, issue_label(workbook, issue.id)).changed() {
                let mut changed = s.clone();
                changed.issue_ids.retain(|x| *x != issue.id);
                if on {
                    changed.issue_ids.push(issue.id);
                    changed.issue_ids.sort();
                }
                cx.push(put(changed));
            }
        }
    })
    .response
    .accessible_name(menu_name);
}

/// The picker of one more program for the strategy (the dimension's programs) and its Link button.
fn link_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, s: &StrategyItem, dimension: Id, choice: &mut Option<Id>) {
    let lang = cx.lang;
    let workbook: &Workbook = cx.session.workbook();
    let label = strategy_name(s);
    let text = choice.and_then(|p| workbook.program(p)).map_or(Text::ChooseProgram.get(lang), |p| p.name.as_str());
    let picker_name = format!("{} {label}", Text::ChooseProgram.get(lang));
    egui::ComboBox::from_id_salt(("strategy_link", s.id))
        .selected_text(text)
        .width(260.0)
        .show_ui(ui, |ui| {
            // The dimension's programs: the ones a strategy of it can plausibly carry.
            let candidates = workbook.programs.iter().filter(|p| {
                p.strategy_id != Some(s.id) && workbook.dimension_of(p.element_id).is_some_and(|d| d.id == dimension)
            });
            for p in candidates {
                let name = if p.code.is_empty() { p.name.clone() } else { format!("{} {}", p.code, p.name) };
                ui.selectable_value(choice, Some(p.id), name);
            }
        })
        .response
        .accessible_name(picker_name);
    let link = ui.add_enabled(cx.editable && choice.is_some(), egui::Button::new(Text::Link.get(lang)));
    if link.accessible_name(format!("{} {label}", Text::Link.get(lang))).clicked()
        && let Some(program) = choice.and_then(|p| workbook.program(p))
    {
        cx.push(program_strategy_edit(program, Some(s.id)));
        *choice = None;
    }
}
