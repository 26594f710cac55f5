//! The Monev dashboard of the chosen year and across years, from the figures cached per revision: the
//! headline rates, the charts (the same pictures the report writes), the tables per dimension, agency and
//! funding source, and the programs behind schedule or over budget first.

use egui::{RichText, Ui};

use crate::analysis::monev::{MonevFigures, Rate, Realised, YearFigures};
use crate::charts::Chart;
use crate::charts::monev::{implementation_by_dimension, spending_by_year};
use crate::i18n::{Message, Text, format_decimal, rupiah_short};
use crate::ui::ViewCx;
use crate::ui::charts::ChartTextures;
use crate::ui::names;

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{} %", format_decimal(v * 100.0, 1)))
}

fn points(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format_decimal(v, 2))
}

/// An amount, or dots when the presentation hides money.
fn money(amount: i64, cx: &ViewCx<'_>) -> String {
    if cx.hide_money { "•••".to_string() } else { rupiah_short(amount, cx.lang) }
}

pub fn dashboard_ui(ui: &mut Ui, cx: &ViewCx<'_>, figures: &MonevFigures, year: i32, charts: &mut ChartTextures) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let Some(y) = figures.year(year) else { return };
    egui::ScrollArea::vertical().id_salt("monev_dashboard").auto_shrink(false).show(ui, |ui| {
        headline_ui(ui, cx, y);
        ui.add_space(8.0);
        let pictures: Vec<(String, Box<dyn Chart>)> = vec![
            ("monev-rate".to_string(), Box::new(implementation_by_dimension(workbook, y, lang))),
            ("monev-spent".to_string(), Box::new(spending_by_year(workbook, figures, lang))),
        ];
        if !cx.hide_money {
            charts.ui(ui, &pictures, lang);
        } else {
            charts.ui(ui, &pictures[..1], lang);
        }
        lists_ui(ui, cx, y);
        ui.add_space(8.0);
        ui.label(RichText::new(Text::MonevByDimension.get(lang)).strong());
        let rows = y.by_dimension.iter().zip(&y.budget_by_dimension).filter_map(|((id, rate), (_, money))| {
            Some((names::dimension(workbook.dimension(*id)?, lang).to_string(), Some(*rate), *money))
        });
        table_ui(ui, cx, "monev_by_dimension", Text::MonevDimension, rows.collect());
        ui.label(RichText::new(Text::MonevByElement.get(lang)).strong());
        elements_ui(ui, cx, y);
        indicators_ui(ui, cx, y);
        ui.label(RichText::new(Text::MonevByAgency.get(lang)).strong());
        let rows = y.budget_by_agency.iter().map(|(agency, money)| {
            let name = agency.and_then(|a| workbook.agency(a)).map_or(Text::NoAgency.get(lang), |a| a.label());
            (name.to_string(), None, *money)
        });
        table_ui(ui, cx, "monev_by_agency", Text::ColAgency, rows.collect());
        ui.label(RichText::new(Text::MonevBySource.get(lang)).strong());
        let rows = y.budget_by_source.iter().map(|(source, money)| (source.text().get(lang).to_string(), None, *money));
        table_ui(ui, cx, "monev_by_source", Text::MonevSource, rows.collect());
        ui.label(RichText::new(Text::MonevAcrossYears.get(lang)).strong());
        years_ui(ui, cx, figures);
    });
}

fn headline_ui(ui: &mut Ui, cx: &ViewCx<'_>, y: &YearFigures) {
    let lang = cx.lang;
    let rate = y.implementation;
    let ran = Message::with(Text::MonevRateValue, [rate.ran.to_string(), rate.due.to_string(), percent(rate.value())]);
    ui.label(RichText::new(format!("{}: {}", Text::MonevImplementation.get(lang), ran.show(lang))).size(18.0).strong());
    let budget = Message::with(
        Text::MonevSpentOfPlanned,
        [money(y.budget.spent, cx), money(y.budget.planned, cx), percent(y.budget.ratio())],
    );
    ui.label(format!("{}: {}", Text::MonevBudgetRealisation.get(lang), budget.show(lang)));
    let envelope = match y.envelope {
        Some(envelope) => Message::with(
            Text::MonevEnvelopeUsed,
            [money(y.apbd.spent, cx), money(envelope, cx), percent(y.envelope_used())],
        ),
        None => Message::new(Text::MonevNoEnvelope),
    };
    ui.label(format!("{}: {}", Text::MonevEnvelope.get(lang), envelope.show(lang)));
    ui.label(
        RichText::new(Message::with(Text::MonevReported, [y.reported.to_string(), rate.due.to_string()]).show(lang))
            .weak(),
    );
}

/// The most programs a list shows on the dashboard, worst first: the rest are in the grid and the report.
const LISTED: usize = 15;

/// "… and 985 more", under a list cut at [`LISTED`].
fn more_ui(ui: &mut Ui, cx: &ViewCx<'_>, len: usize) {
    if len > LISTED {
        ui.label(RichText::new(Message::with(Text::MonevMore, [(len - LISTED).to_string()]).show(cx.lang)).weak());
    }
}

/// Behind schedule first, then over budget, then reported outside their years.
fn lists_ui(ui: &mut Ui, cx: &ViewCx<'_>, y: &YearFigures) {
    let (lang, workbook) = (cx.lang, cx.session.workbook());
    let code = |id| workbook.program(id).map_or_else(String::new, |p| format!("{} {}", p.code, p.name));
    ui.label(RichText::new(Message::with(Text::MonevBehind, [y.behind.len().to_string()]).show(lang)).strong());
    if y.behind.is_empty() {
        ui.label(Text::MonevNothingBehind.get(lang));
    }
    for b in y.behind.iter().take(LISTED) {
        let reason = if b.reason.is_empty() { String::new() } else { format!(": {}", b.reason) };
        ui.label(format!("• {} — {}{reason}", code(b.program), b.status.text().get(lang)));
    }
    more_ui(ui, cx, y.behind.len());
    if !y.over_budget.is_empty() {
        ui.label(
            RichText::new(Message::with(Text::MonevOverBudgetList, [y.over_budget.len().to_string()]).show(lang))
                .strong(),
        );
        for o in y.over_budget.iter().take(LISTED) {
            let amounts =
                Message::with(Text::MonevOverrun, [money(o.spent, cx), money(o.planned, cx), money(o.overrun, cx)]);
            ui.colored_label(ui.visuals().warn_fg_color, format!("• {} — {}", code(o.program), amounts.show(lang)));
        }
        more_ui(ui, cx, y.over_budget.len());
    }
    if !y.not_due_reported.is_empty() {
        ui.label(RichText::new(Text::MonevNotDueReported.get(lang)).strong());
        for id in y.not_due_reported.iter().take(LISTED) {
            ui.label(format!("• {}", code(*id)));
        }
        more_ui(ui, cx, y.not_due_reported.len());
    }
}

/// Per element: programs due, ran and the rate (money is per dimension, agency and source).
fn elements_ui(ui: &mut Ui, cx: &ViewCx<'_>, y: &YearFigures) {
    let (lang, workbook) = (cx.lang, cx.session.workbook());
    egui::Grid::new("monev_by_element").striped(true).num_columns(4).spacing([16.0, 4.0]).show(ui, |ui| {
        for header in [Text::MonevElement, Text::MonevColDue, Text::MonevColRan, Text::MonevColRate] {
            ui.label(RichText::new(header.get(lang)).strong());
        }
        ui.end_row();
        for (id, rate) in y.by_element.iter().filter(|(_, r)| r.due > 0) {
            let Some(element) = workbook.element(*id) else { continue };
            ui.label(names::element(element, lang));
            ui.label(rate.due.to_string());
            ui.label(rate.ran.to_string());
            ui.label(percent(rate.value()));
            ui.end_row();
        }
    });
    ui.add_space(8.0);
}

/// How the indicators stand, and the lowest ones below their target.
fn indicators_ui(ui: &mut Ui, cx: &ViewCx<'_>, y: &YearFigures) {
    let (lang, workbook) = (cx.lang, cx.session.workbook());
    let s = y.indicator_summary();
    ui.label(RichText::new(Text::MonevIndicators.get(lang)).strong());
    let counts = [s.with_target, s.reported, s.met, s.below].map(|n| n.to_string());
    ui.label(Message::with(Text::MonevIndicatorCounts, counts).show(lang));
    let below = y.indicators_below();
    for i in below.iter().take(LISTED) {
        let code = workbook.program(i.program).map_or("", |p| p.code.as_str());
        let line = Message::with(
            Text::MonevIndicatorBelow,
            [code.to_string(), i.actual.clone(), i.target.clone(), percent(i.achievement)],
        );
        ui.label(format!("• {}", line.show(lang)));
    }
    more_ui(ui, cx, below.len());
    ui.add_space(8.0);
}

/// Rows of (name, rate, money): due, ran, rate, planned, spent, spent / planned.
fn table_ui(ui: &mut Ui, cx: &ViewCx<'_>, id: &str, first: Text, rows: Vec<(String, Option<Rate>, Realised)>) {
    let lang = cx.lang;
    egui::Grid::new(id).striped(true).num_columns(7).spacing([16.0, 4.0]).show(ui, |ui| {
        let headers = [
            first,
            Text::MonevColDue,
            Text::MonevColRan,
            Text::MonevColRate,
            Text::MonevPlanned,
            Text::MonevSpent,
            Text::MonevColRealised,
        ];
        for header in headers {
            ui.label(RichText::new(header.get(lang)).strong());
        }
        ui.end_row();
        for (name, rate, realised) in rows {
            ui.label(name);
            let (due, ran) = rate.map_or((String::new(), String::new()), |r| (r.due.to_string(), r.ran.to_string()));
            ui.label(due);
            ui.label(ran);
            ui.label(rate.map_or_else(String::new, |r| percent(r.value())));
            ui.label(money(realised.planned, cx));
            ui.label(money(realised.spent, cx));
            ui.label(percent(realised.ratio()));
            ui.end_row();
        }
    });
    ui.add_space(8.0);
}

fn years_ui(ui: &mut Ui, cx: &ViewCx<'_>, figures: &MonevFigures) {
    let lang = cx.lang;
    egui::Grid::new("monev_years").striped(true).num_columns(6).spacing([16.0, 4.0]).show(ui, |ui| {
        let headers = [
            Text::MonevYear,
            Text::MonevColRate,
            Text::MonevPlanned,
            Text::MonevSpent,
            Text::MonevColIndex,
            Text::MonevColImprovement,
        ];
        for header in headers {
            ui.label(RichText::new(header.get(lang)).strong());
        }
        ui.end_row();
        for y in &figures.years {
            let evaluation = figures.evaluation_year(y.year);
            ui.label(y.year.to_string());
            ui.label(percent(y.implementation.value()));
            ui.label(money(y.budget.planned, cx));
            ui.label(money(y.budget.spent, cx));
            ui.label(points(evaluation.and_then(|e| e.index)));
            ui.label(evaluation.and_then(|e| e.improvement).map_or_else(|| "–".to_string(), signed));
            ui.end_row();
        }
    });
}

/// An improvement with its sign: "+0,53", "−0,20".
pub fn signed(value: f64) -> String {
    if value < 0.0 { format!("−{}", format_decimal(-value, 2)) } else { format!("+{}", format_decimal(value, 2)) }
}
