//! The projection: its settings (base years, typed growth rates, scenario adjustments, the smart city
//! envelope), the three scenarios side by side, and the envelope against the programs' cost with the gap.

use egui::{RichText, Ui};

use super::amount_text;
use crate::analysis::finance::{FinanceAnalysis, ScenarioProjection};
use crate::i18n::{Lang, Message, Text, format_decimal, rupiah_short};
use crate::model::{BASIS_POINTS, Change, Edit, LineTree, ProjectionSettings, Scenario};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};
use crate::ui::grid::TextGrid;

#[derive(Default)]
pub struct ProjectionTab {
    drafts: Drafts,
}

/// Basis points as a percentage with a decimal comma: 150 -> "1,5".
fn bp_text(bp: i32) -> String {
    format_decimal(f64::from(bp) / 100.0, 2).trim_end_matches('0').trim_end_matches(',').to_string()
}

/// A typed percentage ("1,5" or "-2") as basis points.
fn parse_percent(text: &str) -> Result<i32, Message> {
    let value: f64 = text
        .trim()
        .trim_end_matches('%')
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| Message::new(Text::NotANumber))?;
    let bp = (value * 100.0).round();
    if !bp.is_finite() || bp.abs() > f64::from(BASIS_POINTS) * 10.0 {
        return Err(Message::new(Text::NotANumber));
    }
    Ok(bp as i32)
}

impl ProjectionTab {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, analysis: &FinanceAnalysis) {
        let lang = cx.lang;
        self.settings_ui(ui, cx, &analysis.settings);
        for note in &analysis.projection.notes {
            ui.colored_label(ui.visuals().warn_fg_color, note.show(lang));
        }
        ui.add_space(8.0);
        egui::CollapsingHeader::new(RichText::new(Text::GrowthRates.get(lang)).strong())
            .id_salt("growth_rates_section")
            .show(ui, |ui| self.rates_ui(ui, cx, analysis));
        ui.add_space(8.0);
        table_ui(ui, analysis, lang);
    }

    fn settings_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, settings: &ProjectionSettings) {
        let lang = cx.lang;
        ui.label(RichText::new(Text::ProjectionSettings.get(lang)).strong());
        type Setting =
            (Text, fn(&ProjectionSettings) -> String, fn(&mut ProjectionSettings, &str) -> Result<(), Message>);
        let fields: [Setting; 6] = [
            (
                Text::BaseFirst,
                |s| s.base_first.to_string(),
                |s, v| {
                    s.base_first = v.trim().parse().map_err(|_| Message::new(Text::NotAYear))?;
                    Ok(())
                },
            ),
            (
                Text::BaseLast,
                |s| s.base_last.to_string(),
                |s, v| {
                    s.base_last = v.trim().parse().map_err(|_| Message::new(Text::NotAYear))?;
                    Ok(())
                },
            ),
            (
                Text::PessimisticAdjustment,
                |s| bp_text(s.pessimistic_bp),
                |s, v| {
                    s.pessimistic_bp = parse_percent(v)?;
                    Ok(())
                },
            ),
            (
                Text::BaseAdjustment,
                |s| bp_text(s.base_bp),
                |s, v| {
                    s.base_bp = parse_percent(v)?;
                    Ok(())
                },
            ),
            (
                Text::OptimisticAdjustment,
                |s| bp_text(s.optimistic_bp),
                |s, v| {
                    s.optimistic_bp = parse_percent(v)?;
                    Ok(())
                },
            ),
            (
                Text::EnvelopeShare,
                |s| bp_text(s.envelope_bp),
                |s, v| {
                    s.envelope_bp = parse_percent(v)?;
                    Ok(())
                },
            ),
        ];
        egui::Grid::new("projection_settings").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
            for (label, get, set) in fields {
                ui.label(label.get(lang));
                let id = egui::Id::unique(("projection_setting", label));
                let spec = FieldSpec::new(id, label.get(lang)).width(80.0).enabled(cx.editable);
                if let Some(typed) = text_field(ui, &mut self.drafts, spec, &get(settings), lang) {
                    let mut changed = settings.clone();
                    match set(&mut changed, &typed) {
                        Err(problem) => self.drafts.refuse(id, typed, problem),
                        Ok(()) => self.push_checked(cx, id, typed, changed),
                    }
                }
                problem_label(ui, &self.drafts, id, lang);
                ui.end_row();
            }
        });
    }

    fn push_checked(&mut self, cx: &mut ViewCx<'_>, id: egui::Id, typed: String, settings: ProjectionSettings) {
        let edit = Edit::one(Message::new(Text::EditProjectionSettings), Change::PutFinanceSettings(Some(settings)));
        if let Err(problems) = cx.propose(edit) {
            let problem = &problems[0];
            self.drafts.refuse(id, typed, problem.message.clone());
        }
    }

    /// The growth of the main lines: their CAGR over the base years, or a typed rate in its place.
    fn rates_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, analysis: &FinanceAnalysis) {
        let lang = cx.lang;
        let tree = LineTree::get();
        ui.label(RichText::new(Text::GrowthRatesHelp.get(lang)).weak());
        egui::Grid::new("growth_rates").striped(true).spacing([10.0, 3.0]).show(ui, |ui| {
            for header in [Text::Line, Text::Growth, Text::Source, Text::TypedRate] {
                ui.label(RichText::new(header.get(lang)).strong());
            }
            ui.end_row();
            for (index, rate) in analysis.projection.rates.iter().enumerate() {
                let Some(line) = tree.lines.get(index) else { continue };
                if line.depth > 2 {
                    continue;
                }
                let name = if lang == Lang::En { &line.name_en } else { &line.name_id };
                ui.label(format!("{}{} {}", "  ".repeat(line.depth), line.code, name));
                ui.label(format!("{} %", format_decimal(rate.rate * 100.0, 2)));
                ui.label(rate.describe().show(lang));
                let id = egui::Id::unique(("typed_rate", &line.code));
                let current = analysis.settings.rates.get(&line.code).map_or_else(String::new, |bp| bp_text(*bp));
                let field_name = format!("{} {}", Text::TypedRate.get(lang), line.code);
                let spec = FieldSpec::new(id, &field_name).width(70.0).enabled(cx.editable);
                if let Some(typed) = text_field(ui, &mut self.drafts, spec, &current, lang) {
                    let mut changed = analysis.settings.clone();
                    if typed.trim().is_empty() {
                        changed.rates.remove(&line.code);
                        self.push_checked(cx, id, typed, changed);
                    } else {
                        match parse_percent(&typed) {
                            Err(problem) => self.drafts.refuse(id, typed, problem),
                            Ok(bp) => {
                                changed.rates.insert(line.code.clone(), bp);
                                self.push_checked(cx, id, typed, changed);
                            }
                        }
                    }
                }
                ui.end_row();
            }
        });
    }
}

/// Per masterplan year: revenue in the three scenarios, spending, the envelope, the programs' cost (APBD and
/// other sources) and the gap of the base scenario, with totals.
fn table_ui(ui: &mut Ui, analysis: &FinanceAnalysis, lang: Lang) {
    let roles = &LineTree::get().roles;
    let projection = &analysis.projection;
    let scenario = |s: Scenario| projection.scenario(s).and_then(|r| r.as_ref().ok());
    ui.label(RichText::new(Text::EnvelopeAgainstCost.get(lang)).strong());
    for s in Scenario::ALL {
        if let Some(Err(error)) = projection.scenario(s) {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("⚠ {}: {}", s.text().get(lang), error.message().show(lang)),
            );
        }
    }
    let headers = [
        Text::Year.get(lang).to_string(),
        format!("{} ({})", Text::Revenue.get(lang), Scenario::Pessimistic.text().get(lang)),
        format!("{} ({})", Text::Revenue.get(lang), Scenario::Base.text().get(lang)),
        format!("{} ({})", Text::Revenue.get(lang), Scenario::Optimistic.text().get(lang)),
        Text::Spending.get(lang).to_string(),
        Text::Envelope.get(lang).to_string(),
        Text::ProgramCostApbd.get(lang).to_string(),
        Text::ProgramCostOther.get(lang).to_string(),
        Text::GapColumn.get(lang).to_string(),
    ]
    .map(|h| RichText::new(h).strong())
    .to_vec();
    let short = |v: Option<i64>| RichText::new(v.map_or_else(|| "–".into(), |v| rupiah_short(v, lang)));
    let base = scenario(Scenario::Base);
    let mut rows = Vec::new();
    for (i, year) in projection.years.iter().enumerate() {
        let mut row = vec![RichText::new(year.to_string())];
        for s in Scenario::ALL {
            row.push(short(
                scenario(s).and_then(|p| p.lines.get(roles.revenue)).and_then(|l| l.get(i).copied().flatten()),
            ));
        }
        let gap = base.and_then(|b| b.gaps.get(i));
        row.push(short(gap.and_then(|g| g.spending)));
        row.push(short(gap.and_then(|g| g.envelope)));
        let cost = analysis.program_costs.in_year(*year);
        row.push(short(Some(cost.apbd)));
        row.push(short(Some(cost.other)));
        row.push(match gap.and_then(|g| g.gap.map(|x| (x, g.gap_percent))) {
            Some((amount, percent)) => {
                let text = format!(
                    "{}{}",
                    amount_text(amount, false, lang),
                    percent.map_or_else(String::new, |p| format!(" ({} %)", format_decimal(p, 1)))
                );
                if amount > 0 { RichText::new(text).color(ui.visuals().error_fg_color) } else { RichText::new(text) }
            }
            None => RichText::new("–"),
        });
        rows.push(row);
    }
    if let Some(base) = base {
        rows.push(total_row(base, lang));
    }
    let widths = [70.0, 130.0, 130.0, 130.0, 120.0, 120.0, 130.0, 130.0, 160.0];
    TextGrid { headers, rows }.show(ui, "projection_table", &widths, 2);
    ui.label(RichText::new(Text::GapExplained.get(lang)).weak().small());
}

/// The totals of the base scenario under the years.
fn total_row(base: &ScenarioProjection, lang: Lang) -> Vec<RichText> {
    let total = &base.total;
    let strong = |text: String| RichText::new(text).strong();
    let gap = format!(
        "{}{}",
        rupiah_short(total.gap, lang),
        total.gap_percent.map_or_else(String::new, |p| format!(" ({} %)", format_decimal(p, 1)))
    );
    let blank = || RichText::new("");
    vec![
        strong(Text::Total.get(lang).to_string()),
        blank(),
        blank(),
        blank(),
        blank(),
        strong(rupiah_short(total.envelope, lang)),
        strong(rupiah_short(total.program_apbd, lang)),
        blank(),
        strong(gap),
    ]
}
