//! The direction (arah dan kerangka) of one dimension: for the dimension as a whole and for each element, a
//! goal, the strategies with the issues they answer and the programs that carry them out, and the indicators
//! with a baseline and targets for years 1, 5 and 10. Deleting a strategy that programs name asks first, right
//! whether to unlink them or move them to another strategy.

mod delete;
mod indicators;
mod strategies;

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::{change_edit, dimension_combo, propose, push_checked};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Change, Direction, Edit, Id, Indicator, Strategy, StrategyChange, StrategyItem, Workbook, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};
use crate::ui::names;
use delete::Deleting;

#[derive(Default)]
pub struct DirectionTab {
    new_strategy: HashMap<Option<Id>, String>,
    new_indicator: HashMap<Option<Id>, String>,
    link_choice: HashMap<Id, Option<Id>>,
    problem: Option<Message>,
    deleting: Option<Deleting>,
}

/// One place a direction is set for: the dimension as a whole (no element) or one of its elements.
struct Place<'a> {
    dimension: Id,
    element: Option<Id>,
    /// The place's name in headings and field names.
    name: &'a str,
}

/// How a strategy is called on buttons and in dialogs: its code, else its text.
fn strategy_name(s: &StrategyItem) -> String {
    if s.code.trim().is_empty() { s.text.clone() } else { s.code.clone() }
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
                        let place = Place { dimension, element, name: &name };
                        self.place_ui(ui, cx, drafts, &place, programs_of);
                    });
                });
            }
        });
    }

    fn place_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        drafts: &mut Drafts,
        place: &Place<'_>,
        programs_of: &HashMap<Id, Vec<Id>>,
    ) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let strategy = &workbook.strategy;
        let direction = strategy.direction_of(place.dimension, place.element).cloned();
        goal_ui(ui, cx, drafts, place, direction.as_ref());

        ui.label(RichText::new(Text::StrategiesTitle.get(lang)).strong());
        if let Some(direction) = &direction {
            for s in strategy.strategies_of(direction.id) {
                self.strategy_ui(ui, cx, drafts, s, place.dimension, programs_of);
            }
        }
        let text = self.new_strategy.entry(place.element).or_default();
        if add_row_ui(ui, text, (Text::NewStrategy, Text::AddStrategy), place.name, lang) {
            let d = direction.clone().unwrap_or_else(|| new_direction(workbook, place));
            let s = StrategyItem {
                id: new_id(),
                direction_id: d.id,
                code: String::new(),
                text: text.trim().to_string(),
                issue_ids: Vec::new(),
                position: Strategy::next_position(&strategy.strategies, |s| s.position),
            };
            let label = Message::with(Text::EditAddStrategic, [s.text.clone()]);
            let change = StrategyChange::PutStrategy(s);
            self.problem = push_new(cx, direction.is_none().then_some(d), change, label);
            if self.problem.is_none() {
                text.clear();
            }
        }

        ui.label(RichText::new(Text::IndicatorsTitle.get(lang)).strong());
        if let Some(direction) = &direction {
            let indicators: Vec<&Indicator> = strategy.indicators_of(direction.id).collect();
            if !indicators.is_empty() {
                indicators::indicators_ui(ui, cx, drafts, &indicators, place.name);
            }
        }
        let text = self.new_indicator.entry(place.element).or_default();
        if add_row_ui(ui, text, (Text::NewIndicator, Text::AddIndicator), place.name, lang) {
            let d = direction.clone().unwrap_or_else(|| new_direction(workbook, place));
            let i = Indicator {
                id: new_id(),
                direction_id: d.id,
                name: text.trim().to_string(),
                unit: String::new(),
                baseline: String::new(),
                targets: Vec::new(),
                position: Strategy::next_position(&strategy.indicators, |i| i.position),
            };
            let label = Message::with(Text::EditAddStrategic, [i.name.clone()]);
            let change = StrategyChange::PutIndicator(i);
            self.problem = push_new(cx, direction.is_none().then_some(d), change, label);
            if self.problem.is_none() {
                text.clear();
            }
        }
    }
}

/// A new, empty direction for `place`, after the last one. A direction is created by its first goal,
/// strategy or indicator.
fn new_direction(workbook: &Workbook, place: &Place<'_>) -> Direction {
    Direction {
        id: new_id(),
        dimension_id: place.dimension,
        element_id: place.element,
        goal: String::new(),
        position: Strategy::next_position(&workbook.strategy.directions, |d| d.position),
    }
}

/// Pushes `change` (after `creating`, the direction it needs when that is new) as one edit labelled `label`;
/// the problem when it would be refused.
fn push_new(
    cx: &mut ViewCx<'_>,
    creating: Option<Direction>,
    change: StrategyChange,
    label: Message,
) -> Option<Message> {
    let mut changes = vec![Change::Strategy(change)];
    if let Some(d) = creating {
        changes.insert(0, Change::Strategy(StrategyChange::PutDirection(d)));
    }
    propose(cx, Edit::new(label, changes))
}

/// The place's goal (a hint while it has no direction yet).
fn goal_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, drafts: &mut Drafts, place: &Place<'_>, direction: Option<&Direction>) {
    let lang = cx.lang;
    let name = place.name;
    ui.horizontal(|ui| {
        ui.label(Text::DirectionGoal.get(lang));
        let id = egui::Id::unique(("direction_goal", place.dimension, place.element));
        let field_name = format!("{} {name}", Text::DirectionGoal.get(lang));
        let current = direction.map_or("", |d| d.goal.as_str());
        let spec = FieldSpec::new(id, &field_name).width((ui.available_width() - 10.0).clamp(200.0, 760.0));
        let mut hint = spec;
        if direction.is_none() {
            hint.hint = Some(Text::NoDirectionYet.get(lang).to_string());
        }
        if let Some(value) = text_field(ui, drafts, hint, current, lang) {
            let base = direction.cloned().unwrap_or_else(|| new_direction(cx.session.workbook(), place));
            let changed = Direction { goal: value.trim().to_string(), ..base };
            push_checked(cx, drafts, id, value, change_edit(name, StrategyChange::PutDirection(changed)));
        }
        problem_label(ui, drafts, id, lang);
    });
}

/// A text field for a new item of `place` and its Add button (`texts`: the field's and the button's name);
/// true when Add was clicked.
fn add_row_ui(ui: &mut Ui, text: &mut String, texts: (Text, Text), place: &str, lang: Lang) -> bool {
    let (field, button) = texts;
    ui.horizontal(|ui| {
        let field_name = format!("{} {place}", field.get(lang));
        ui.add_sized([(ui.available_width() - 160.0).clamp(160.0, 600.0), 24.0], egui::TextEdit::singleline(text))
            .accessible_name(&field_name);
        let add = ui.button(button.get(lang));
        add.accessible_name(format!("{} {place}", button.get(lang))).clicked()
    })
    .inner
}
