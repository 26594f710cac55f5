//! The indicators of a direction: a grid of name, unit, baseline and the targets for years 1, 5 and 10.

use egui::{RichText, Ui};

use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, Indicator, IndicatorTarget, StrategyChange, Workbook};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};
use crate::ui::strategy::{change_edit, push_checked};

/// Writes one text field of an indicator.
type SetIndicator = fn(&mut Indicator, String);

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

/// The edit putting a changed indicator.
fn put(changed: Indicator) -> Edit {
    change_edit(&changed.name.clone(), StrategyChange::PutIndicator(changed))
}

pub(super) fn indicators_ui(
    ui: &mut Ui,
    cx: &mut ViewCx<'_>,
    drafts: &mut Drafts,
    indicators: &[&Indicator],
    place: &str,
) {
    let lang = cx.lang;
    let years = target_years(cx.session.workbook());
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
                indicator_row_ui(ui, cx, drafts, indicator, &years);
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

/// One indicator's fields, its targets and its delete button.
fn indicator_row_ui(
    ui: &mut Ui,
    cx: &mut ViewCx<'_>,
    drafts: &mut Drafts,
    indicator: &Indicator,
    years: &[(i32, i32)],
) {
    let lang = cx.lang;
    let texts: [(&str, f32, &String, SetIndicator); 3] = [
        ("name", 220.0, &indicator.name, |i, v| i.name = v),
        ("unit", 90.0, &indicator.unit, |i, v| i.unit = v),
        ("baseline", 110.0, &indicator.baseline, |i, v| i.baseline = v),
    ];
    for (key, width, current, set) in texts {
        let id = egui::Id::unique(("indicator", indicator.id, key));
        let name = format!("{} {key}", indicator.name);
        if let Some(value) = text_field(ui, drafts, FieldSpec::new(id, &name).width(width), current, lang) {
            let mut changed = indicator.clone();
            set(&mut changed, value.trim().to_string());
            push_checked(cx, drafts, id, value, put(changed));
        }
    }
    for (_, year) in years {
        let id = egui::Id::unique(("indicator_target", indicator.id, *year));
        let name = format!("{} {} {year}", indicator.name, Text::Target.get(lang));
        let current = indicator.target(*year).unwrap_or("");
        if let Some(value) = text_field(ui, drafts, FieldSpec::new(id, &name).width(90.0), current, lang) {
            let mut changed = indicator.clone();
            changed.targets.retain(|t| t.year != *year);
            changed.targets.push(IndicatorTarget { year: *year, value: value.clone() });
            changed.normalise();
            push_checked(cx, drafts, id, value, put(changed));
        }
    }
    let delete = ui.button("🗑");
    if delete.accessible_name(Message::with(Text::DeleteNamed, [indicator.name.clone()]).show(lang)).clicked() {
        cx.push(Edit::one(
            Message::with(Text::EditDeleteStrategic, [indicator.name.clone()]),
            Change::Strategy(StrategyChange::RemoveIndicator(indicator.id)),
        ));
    }
}
