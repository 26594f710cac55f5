//! The weakest items of a readiness round: each gap with its level and target, turning it into a strategic
//! issue in one click, and the programs that address it (link one more or unlink one).

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::scoring::{level_color, question};
use crate::analysis::readiness::{Gap, RoundResult};
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, Id, Issue, IssueSource, Strategy, StrategyChange, new_id};
use crate::ui::ViewCx;

/// Gaps listed on screen; the rest are counted.
const GAPS_SHOWN: usize = 15;

/// The weakest items first, at most [`GAPS_SHOWN`], and how many more there are.
pub(super) fn gaps_ui(
    ui: &mut Ui,
    cx: &mut ViewCx<'_>,
    result: &RoundResult,
    link_choice: &mut HashMap<Id, Option<Id>>,
) {
    let lang = cx.lang;
    ui.label(RichText::new(Text::WeakestItems.get(lang)).strong().size(17.0));
    if result.gaps.is_empty() {
        ui.label(Text::NoGaps.get(lang));
    }
    for gap in result.gaps.iter().take(GAPS_SHOWN) {
        gap_ui(ui, cx, gap, link_choice);
    }
    if result.gaps.len() > GAPS_SHOWN {
        ui.label(Message::with(Text::MoreGaps, [(result.gaps.len() - GAPS_SHOWN).to_string()]).show(lang));
    }
}

/// One gap: level, target, code, the issue button, the question and the programs addressing it.
fn gap_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, gap: &Gap, link_choice: &mut HashMap<Id, Option<Id>>) {
    let lang = cx.lang;
    let Some(item) = cx.session.workbook().readiness_item(gap.item) else { return };
    ui.group(|ui| {
        ui.set_max_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(" {} ", gap.level))
                    .color(egui::Color32::WHITE)
                    .background_color(level_color(gap.level))
                    .strong(),
            );
            ui.label(RichText::new(format!("→ {} ({} {})", gap.target, Text::Gap.get(lang), gap.gap)).strong());
            ui.label(RichText::new(&item.code).weak());
            turn_into_issue_ui(ui, cx, gap.item);
        });
        ui.add(egui::Label::new(question(item, lang)).wrap());
        links_ui(ui, cx, gap.item, link_choice.entry(gap.item).or_default());
    });
}

/// A weak readiness item turned into a strategic issue in one click; once it is one, the issue's code is shown
/// instead.
fn turn_into_issue_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, item: Id) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let strategy = &workbook.strategy;
    if let Some(issue) = strategy.issues.iter().find(|i| i.readiness_item_id == Some(item)) {
        ui.label(RichText::new(Message::with(Text::AlreadyAnIssue, [issue.code.clone()]).show(lang)).weak());
        return;
    }
    let Some(readiness_item) = workbook.readiness_item(item) else { return };
    let button = ui.add_enabled(cx.editable, egui::Button::new(Text::TurnIntoIssue.get(lang)).small());
    let name = format!("{} {}", Text::TurnIntoIssue.get(lang), readiness_item.code);
    if button.accessible_name(name).clicked() {
        let title = question(readiness_item, lang).to_string();
        let issue = Issue {
            id: new_id(),
            code: format!("IS-{:02}", strategy.issues.len() + 1),
            title: title.clone(),
            description: String::new(),
            source: IssueSource::Readiness,
            dimension_ids: readiness_item.dimension_id.into_iter().collect(),
            readiness_item_id: Some(item),
            position: Strategy::next_position(&strategy.issues, |i| i.position),
        };
        cx.push(Edit::one(
            Message::with(Text::EditTurnIntoIssue, [title]),
            Change::Strategy(StrategyChange::PutIssue(issue)),
        ));
    }
}

/// The programs that address an item, with a way to link one more or unlink one.
fn links_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, item: Id, choice: &mut Option<Id>) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(Text::AddressedBy.get(lang)).weak());
        let linked: Vec<_> = workbook.programs.iter().filter(|p| p.readiness_items.contains(&item)).collect();
        if linked.is_empty() {
            ui.label(RichText::new(Text::NoProgramYet.get(lang)).italics());
        }
        for program in &linked {
            ui.label(RichText::new(&program.name).strong());
            let unlink = ui.add_enabled(cx.editable, egui::Button::new("✖").small());
            if unlink.accessible_name(Message::with(Text::Unlink, [program.name.clone()]).show(lang)).clicked() {
                let mut changed = (*program).clone();
                changed.readiness_items.retain(|i| *i != item);
                cx.push(Edit::one(
                    Message::with(Text::EditUnlinkProgram, [program.name.clone()]),
                    Change::PutProgram(changed),
                ));
            }
        }
        let text = choice.and_then(|p| workbook.program(p)).map_or(Text::ChooseProgram.get(lang), |p| p.name.as_str());
        egui::ComboBox::from_id_salt(("link_program", item))
            .selected_text(text)
            .width(260.0)
            .show_ui(ui, |ui| {
                for p in workbook.programs.iter().filter(|p| !p.readiness_items.contains(&item)) {
                    ui.selectable_value(choice, Some(p.id), &p.name);
                }
            })
            .response
            .accessible_name(Text::ChooseProgram.get(lang));
        if ui.add_enabled(cx.editable && choice.is_some(), egui::Button::new(Text::Link.get(lang))).clicked()
            && let Some(program) = choice.and_then(|p| workbook.program(p))
        {
            let mut changed = program.clone();
            changed.readiness_items.push(item);
            changed.normalise();
            cx.push(Edit::one(
                Message::with(Text::EditLinkProgram, [program.name.clone()]),
                Change::PutProgram(changed),
            ));
            *choice = None;
        }
    });
}
