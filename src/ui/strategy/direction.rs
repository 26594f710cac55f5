//! The direction (arah dan kerangka) of one dimension: for the dimension as a whole and for each element, a
//! goal, the strategies with the issues they answer and the programs that carry them out, and the indicators
//! with a baseline and targets for years 1, 5 and 10. Deleting a strategy that programs name asks first, right
//! whether to unlink them or move them to another strategy.

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::{change_edit, dimension_combo, issue_label, push_checked, refusal};
use crate::i18n::{Lang, Message, Text};
use crate::model::{
    Change, Direction, Edit, Id, Indicator, IndicatorTarget, ProgramDisposal, Strategy, StrategyChange, StrategyItem,
    Workbook, new_id,
};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};
use crate::ui::names;

/// Writes one text field of an indicator.
type SetIndicator = fn(&mut Indicator, String);

/// A strategy being deleted, and what the user chose for its programs.
struct Deleting {
    strategy: Id,
    move_programs: bool,
    move_to: Option<Id>,
}

#[derive(Default)]
pub struct DirectionTab {
    new_strategy: HashMap<Option<Id>, String>,
    new_indicator: HashMap<Option<Id>, String>,
    link_choice: HashMap<Id, Option<Id>>,
    problem: Option<Message>,
    deleting: Option<Deleting>,
}

/// How a strategy is called on buttons and in dialogs: its code, else its text.
fn strategy_name(s: &StrategyItem) -> String {
    if s.code.trim().is_empty() { s.text.clone() } else { s.code.clone() }
}

/// The masterplan years an indicator's targets are typed for: years 1, 5 and 10 of the period (fewer when the
/// period is shorter).
fn target_years(workbook: &Workbook) -> Vec<(i32, i32)> {
    let p = &workbook.profile;
    let mut years: Vec<(i32, i32)> =
        [1, 5, 10].into_iter().map(|n| (n, p.period_start + n - 1)).filter(|(_, y)| *y <= p.period_end).collect();
    if years.last().is_some_and(|(_, y)| *y != p.period_end) {
        years.push((p.period_end - p.period_start + 1, p.period_end));
    }
    years
}

impl DirectionTab {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        drafts: &mut Drafts,
        dimension: &mut Option<Id>,
        programs_of: &HashMap<Id, Vec<Id>>,
    ) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            dimension_combo(ui, workbook, dimension, lang, "direction_dimension");
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
            }
        });
        let Some(dimension) = *dimension else { return };
        let Some(d) = workbook.dimension(dimension) else { return };
        egui::ScrollArea::vertical().id_salt("strategy_direction").auto_shrink(false).show(ui, |ui| {
            let mut places: Vec<(Option<Id>, String)> =
                vec![(None, Message::with(Text::DimensionAsAWhole, [names::dimension(d, lang)]).show(lang))];
            places.extend(workbook.elements_of(dimension).map(|e| (Some(e.id), names::element(e, lang).to_string())));
            for (element, name) in places {
                ui.add_space(6.0);
                ui.label(RichText::new(&name).size(18.0).strong().color(names::color(&d.color)));
                ui.add_enabled_ui(cx.editable, |ui| {
                    ui.indent(("direction_place", element), |ui| {
                        self.place_ui(ui, cx, drafts, dimension, element, &name, programs_of);
                    });
                });
            }
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn place_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        drafts: &mut Drafts,
        dimension: Id,
        element: Option<Id>,
        name: &str,
        programs_of: &HashMap<Id, Vec<Id>>,
    ) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let strategy = &workbook.strategy;
        let direction = strategy.direction_of(dimension, element).cloned();
        // A direction is created by its first goal, strategy or indicator.
        let direction_or_new = || {
            direction.clone().unwrap_or_else(|| Direction {
                id: new_id(),
                dimension_id: dimension,
                element_id: element,
                goal: String::new(),
                position: Strategy::next_position(&strategy.directions, |d| d.position),
            })
        };
        let creating = |changes: &mut Vec<Change>, d: &Direction| {
            if direction.is_none() {
                changes.insert(0, Change::Strategy(StrategyChange::PutDirection(d.clone())));
            }
        };

        ui.horizontal(|ui| {
            ui.label(Text::DirectionGoal.get(lang));
            let id = egui::Id::unique(("direction_goal", dimension, element));
            let field_name = format!("{} {name}", Text::DirectionGoal.get(lang));
            let current = direction.as_ref().map_or("", |d| d.goal.as_str());
            let spec = FieldSpec::new(id, &field_name).width((ui.available_width() - 10.0).clamp(200.0, 760.0));
            let mut hint = spec;
            if direction.is_none() {
                hint.hint = Some(Text::NoDirectionYet.get(lang).to_string());
            }
            if let Some(value) = text_field(ui, drafts, hint, current, lang) {
                let changed = Direction { goal: value.trim().to_string(), ..direction_or_new() };
                push_checked(cx, drafts, id, value, change_edit(name, StrategyChange::PutDirection(changed)));
            }
            problem_label(ui, drafts, id, lang);
        });

        ui.label(RichText::new(Text::StrategiesTitle.get(lang)).strong());
        if let Some(direction) = &direction {
            for s in strategy.strategies_of(direction.id) {
                self.strategy_ui(ui, cx, drafts, s, dimension, programs_of);
            }
        }
        ui.horizontal(|ui| {
            let text = self.new_strategy.entry(element).or_default();
            let field_name = format!("{} {name}", Text::NewStrategy.get(lang));
            ui.add_sized([(ui.available_width() - 160.0).clamp(160.0, 600.0), 24.0], egui::TextEdit::singleline(text))
                .accessible_name(&field_name);
            let add = ui.button(Text::AddStrategy.get(lang));
            if add.accessible_name(format!("{} {name}", Text::AddStrategy.get(lang))).clicked() {
                let d = direction_or_new();
                let s = StrategyItem {
                    id: new_id(),
                    direction_id: d.id,
                    code: String::new(),
                    text: text.trim().to_string(),
                    issue_ids: Vec::new(),
                    position: Strategy::next_position(&strategy.strategies, |s| s.position),
                };
                let mut changes = vec![Change::Strategy(StrategyChange::PutStrategy(s.clone()))];
                creating(&mut changes, &d);
                let edit = Edit::new(Message::with(Text::EditAddStrategic, [s.text.clone()]), changes);
                self.problem = refusal(cx, &edit);
                if self.problem.is_none() {
                    cx.edits.push(edit);
                    text.clear();
                }
            }
        });

        ui.label(RichText::new(Text::IndicatorsTitle.get(lang)).strong());
        if let Some(direction) = &direction {
            let indicators: Vec<&Indicator> = strategy.indicators_of(direction.id).collect();
            if !indicators.is_empty() {
                self.indicators_ui(ui, cx, drafts, &indicators, name);
            }
        }
        ui.horizontal(|ui| {
            let text = self.new_indicator.entry(element).or_default();
            let field_name = format!("{} {name}", Text::NewIndicator.get(lang));
            ui.add_sized([(ui.available_width() - 160.0).clamp(160.0, 600.0), 24.0], egui::TextEdit::singleline(text))
                .accessible_name(&field_name);
            let add = ui.button(Text::AddIndicator.get(lang));
            if add.accessible_name(format!("{} {name}", Text::AddIndicator.get(lang))).clicked() {
                let d = direction_or_new();
                let i = Indicator {
                    id: new_id(),
                    direction_id: d.id,
                    name: text.trim().to_string(),
                    unit: String::new(),
                    baseline: String::new(),
                    targets: Vec::new(),
                    position: Strategy::next_position(&strategy.indicators, |i| i.position),
                };
                let mut changes = vec![Change::Strategy(StrategyChange::PutIndicator(i.clone()))];
                creating(&mut changes, &d);
                let edit = Edit::new(Message::with(Text::EditAddStrategic, [i.name.clone()]), changes);
                self.problem = refusal(cx, &edit);
                if self.problem.is_none() {
                    cx.edits.push(edit);
                    text.clear();
                }
            }
        });
    }

    fn strategy_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        drafts: &mut Drafts,
        s: &StrategyItem,
        dimension: Id,
        programs_of: &HashMap<Id, Vec<Id>>,
    ) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let label = strategy_name(s);
        let put = |changed: StrategyItem| change_edit(&strategy_name(&changed), StrategyChange::PutStrategy(changed));
        ui.group(|ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let code_id = egui::Id::unique(("strategy_code", s.id));
                let code_name = format!("{} {}", Text::ColCode.get(lang), s.text);
                if let Some(value) =
                    text_field(ui, drafts, FieldSpec::new(code_id, &code_name).width(80.0), &s.code, lang)
                {
                    push_checked(
                        cx,
                        drafts,
                        code_id,
                        value.clone(),
                        put(StrategyItem { code: value.trim().to_string(), ..s.clone() }),
                    );
                }
                let text_id = egui::Id::unique(("strategy_text", s.id));
                let text_name = Message::with(Text::StrategyText, [label.clone()]).show(lang);
                let width = (ui.available_width() - 40.0).clamp(160.0, 700.0);
                if let Some(value) =
                    text_field(ui, drafts, FieldSpec::new(text_id, &text_name).width(width), &s.text, lang)
                {
                    push_checked(
                        cx,
                        drafts,
                        text_id,
                        value.clone(),
                        put(StrategyItem { text: value.trim().to_string(), ..s.clone() }),
                    );
                }
                let delete = ui.button("🗑").on_hover_text(Text::DeleteStrategyTitle.get(lang));
                if delete.accessible_name(Message::with(Text::DeleteNamed, [label.clone()]).show(lang)).clicked() {
                    self.deleting = Some(Deleting { strategy: s.id, move_programs: false, move_to: None });
                }
            });
            for id in [egui::Id::unique(("strategy_code", s.id)), egui::Id::unique(("strategy_text", s.id))] {
                problem_label(ui, drafts, id, lang);
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(Text::AnswersIssues.get(lang)).weak());
                for i in &s.issue_ids {
                    ui.label(RichText::new(issue_label(workbook, *i)).italics());
                }
                let menu_name = format!("{} {label}", Text::AnswersIssues.get(lang));
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
                            cx.edits.push(put(changed));
                        }
                    }
                })
                .response
                .accessible_name(menu_name);
            });
            self.programs_ui(ui, cx, s, dimension, programs_of);
            if self.deleting.as_ref().is_some_and(|d| d.strategy == s.id) {
                self.delete_panel_ui(ui, cx);
            }
        });
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
        let label = strategy_name(s);
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
                    let changed = crate::model::Program { strategy_id: None, ..program.clone() };
                    cx.edits.push(Edit::one(
                        Message::with(Text::EditProgramStrategy, [program.name.clone()]),
                        Change::PutProgram(changed),
                    ));
                }
            }
            let choice = self.link_choice.entry(s.id).or_default();
            let text =
                choice.and_then(|p| workbook.program(p)).map_or(Text::ChooseProgram.get(lang), |p| p.name.as_str());
            let picker_name = format!("{} {label}", Text::ChooseProgram.get(lang));
            egui::ComboBox::from_id_salt(("strategy_link", s.id))
                .selected_text(text)
                .width(260.0)
                .show_ui(ui, |ui| {
                    // The dimension's programs: the ones a strategy of it can plausibly carry.
                    let candidates = workbook.programs.iter().filter(|p| {
                        p.strategy_id != Some(s.id)
                            && workbook.dimension_of(p.element_id).is_some_and(|d| d.id == dimension)
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
                let changed = crate::model::Program { strategy_id: Some(s.id), ..program.clone() };
                cx.edits.push(Edit::one(
                    Message::with(Text::EditProgramStrategy, [program.name.clone()]),
                    Change::PutProgram(changed),
                ));
                *choice = None;
            }
        });
    }

    fn indicators_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        drafts: &mut Drafts,
        indicators: &[&Indicator],
        place: &str,
    ) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let years = target_years(workbook);
        let put = |changed: Indicator| change_edit(&changed.name.clone(), StrategyChange::PutIndicator(changed));
        egui::ScrollArea::horizontal().id_salt(("indicators", place)).show(ui, |ui| {
            egui::Grid::new(("indicators_grid", place)).striped(true).spacing([6.0, 4.0]).show(ui, |ui| {
                ui.label(RichText::new(Text::IndicatorName.get(lang)).strong());
                ui.label(RichText::new(Text::IndicatorUnit.get(lang)).strong());
                ui.label(RichText::new(Text::Baseline.get(lang)).strong());
                for (n, year) in &years {
                    ui.label(
                        RichText::new(Message::with(Text::TargetYearN, [year.to_string(), n.to_string()]).show(lang))
                            .strong(),
                    );
                }
                ui.label("");
                ui.end_row();
                for indicator in indicators {
                    let texts: [(&str, f32, &String, SetIndicator); 3] = [
                        ("name", 220.0, &indicator.name, |i, v| i.name = v),
                        ("unit", 90.0, &indicator.unit, |i, v| i.unit = v),
                        ("baseline", 110.0, &indicator.baseline, |i, v| i.baseline = v),
                    ];
                    for (key, width, current, set) in texts {
                        let id = egui::Id::unique(("indicator", indicator.id, key));
                        let name = format!("{} {key}", indicator.name);
                        if let Some(value) =
                            text_field(ui, drafts, FieldSpec::new(id, &name).width(width), current, lang)
                        {
                            let mut changed = (*indicator).clone();
                            set(&mut changed, value.trim().to_string());
                            push_checked(cx, drafts, id, value, put(changed));
                        }
                    }
                    for (_, year) in &years {
                        let id = egui::Id::unique(("indicator_target", indicator.id, *year));
                        let name = format!("{} {} {year}", indicator.name, Text::Target.get(lang));
                        let current = indicator.target(*year).unwrap_or("");
                        if let Some(value) =
                            text_field(ui, drafts, FieldSpec::new(id, &name).width(90.0), current, lang)
                        {
                            let mut changed = (*indicator).clone();
                            changed.targets.retain(|t| t.year != *year);
                            changed.targets.push(IndicatorTarget { year: *year, value: value.clone() });
                            changed.normalise();
                            push_checked(cx, drafts, id, value, put(changed));
                        }
                    }
                    let delete = ui.button("🗑");
                    if delete
                        .accessible_name(Message::with(Text::DeleteNamed, [indicator.name.clone()]).show(lang))
                        .clicked()
                    {
                        cx.edits.push(Edit::one(
                            Message::with(Text::EditDeleteStrategic, [indicator.name.clone()]),
                            Change::Strategy(StrategyChange::RemoveIndicator(indicator.id)),
                        ));
                    }
                    ui.end_row();
                }
            });
        });
        for indicator in indicators {
            for key in ["name", "unit", "baseline"] {
                problem_label(ui, drafts, egui::Id::unique(("indicator", indicator.id, key)), lang);
            }
            for (_, year) in &years {
                problem_label(ui, drafts, egui::Id::unique(("indicator_target", indicator.id, *year)), lang);
            }
        }
    }

    /// The question asked, under the strategy itself, before it goes: what happens to the programs that carry
    /// it out. Escape or Cancel keeps it.
    fn delete_panel_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let Some(deleting) = &mut self.deleting else { return };
        let Some(strategy) = workbook.strategy.strategy(deleting.strategy) else {
            self.deleting = None;
            return;
        };
        let programs = workbook.programs_of_strategy(strategy.id).count();
        let mut close = false;
        let stroke = egui::Stroke::new(2.0, ui.visuals().warn_fg_color);
        egui::Frame::group(ui.style()).stroke(stroke).show(ui, |ui| {
            ui.set_max_width(640.0);
            ui.heading(Text::DeleteStrategyTitle.get(lang));
            let name = strategy_name(strategy);
            if programs == 0 {
                ui.label(Message::with(Text::DeleteStrategyNone, [strategy.text.clone()]).show(lang));
            } else {
                ui.label(
                    Message::with(Text::DeleteStrategyAsk, [programs.to_string(), strategy.text.clone()]).show(lang),
                );
                ui.radio_value(&mut deleting.move_programs, false, Text::UnlinkPrograms.get(lang));
                ui.radio_value(&mut deleting.move_programs, true, Text::MovePrograms.get(lang));
                // Choosing where to move them answers "move" as well.
                let before = deleting.move_to;
                move_target_ui(ui, workbook, strategy.id, &mut deleting.move_to, lang);
                if deleting.move_to != before {
                    deleting.move_programs = true;
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = !(programs > 0 && deleting.move_programs && deleting.move_to.is_none());
                let confirm = ui.add_enabled(cx.editable && ready, egui::Button::new(Text::DeleteConfirm.get(lang)));
                if confirm.clicked() {
                    let disposal = match (deleting.move_programs, deleting.move_to) {
                        (true, Some(to)) => ProgramDisposal::MoveTo(to),
                        _ => ProgramDisposal::Unlink,
                    };
                    let edit = Edit::new(
                        Message::with(Text::EditDeleteStrategic, [name.clone()]),
                        workbook.remove_strategy(strategy.id, disposal),
                    );
                    self.problem = refusal(cx, &edit);
                    if self.problem.is_none() {
                        cx.edits.push(edit);
                    }
                    close = true;
                }
                if ui.button(Text::Cancel.get(lang)).clicked() {
                    close = true;
                }
            });
        });
        if close || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.deleting = None;
        }
    }
}

/// The other strategies to move programs to, those of the same dimension first.
fn move_target_ui(ui: &mut Ui, workbook: &Workbook, leaving: Id, move_to: &mut Option<Id>, lang: Lang) {
    let strategy = &workbook.strategy;
    ui.label(RichText::new(Text::MoveTarget.get(lang)).strong());
    egui::ScrollArea::vertical().id_salt("move_programs_to").max_height(220.0).show(ui, |ui| {
        // The leaving strategy's own dimension first: where its programs most likely belong.
        let own = strategy.dimension_of_strategy(leaving);
        let mut others: Vec<_> = strategy.strategies.iter().filter(|s| s.id != leaving).collect();
        others.sort_by_key(|s| strategy.dimension_of_strategy(s.id) != own);
        for s in others {
            let dimension = strategy
                .dimension_of_strategy(s.id)
                .and_then(|d| workbook.dimension(d))
                .map_or("", |d| names::dimension(d, lang));
            let text = if s.code.is_empty() { s.text.clone() } else { format!("{} — {}", s.code, s.text) };
            ui.selectable_value(move_to, Some(s.id), format!("{text} ({dimension})"));
        }
    });
}
