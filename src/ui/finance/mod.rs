//! The Keuangan (finance) view: the past years' APBD typed line by line in either layout, the ratios per year,
//! and the projection with its three scenarios, the smart city envelope against the programs' cost, and the
//! charts. The analysis is computed once per workbook revision, never per frame.

mod apbd_grid;
mod charts;
mod projection;

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::grid::TextGrid;
use super::section::view_heading;
use super::{ViewCx, theme};
use crate::analysis::finance::{FinanceAnalysis, Ratio, YearRatios, analyse};
use crate::i18n::{Lang, Message, Text, format_decimal, rupiah_short};
use crate::model::LineTree;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    ApbdGrid,
    Ratios,
    Projection,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::ApbdGrid, Tab::Ratios, Tab::Projection];

    fn label(self) -> Text {
        match self {
            Tab::ApbdGrid => Text::TabHistory,
            Tab::Ratios => Text::TabRatios,
            Tab::Projection => Text::TabProjection,
        }
    }
}

/// The analysis of one workbook revision, or why it could not be made.
#[derive(Default)]
struct Cached {
    key: Option<(PathBuf, u64)>,
    analysis: Option<Result<FinanceAnalysis, Message>>,
}

#[derive(Default)]
pub struct FinanceView {
    pub tab: Tab,
    cached: Cached,
    apbd_grid: apbd_grid::ApbdGrid,
    projection: projection::ProjectionTab,
    charts: charts::FinanceCharts,
}

impl FinanceView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let key = (cx.session.path().to_path_buf(), cx.session.revision());
        if self.cached.key.as_ref() != Some(&key) {
            self.cached.analysis = Some(analyse(cx.session.workbook()).map_err(|e| e.message()));
            self.cached.key = Some(key);
            self.charts.invalidate();
        }
        ui.horizontal_wrapped(|ui| {
            view_heading(ui, Text::NavFinance.get(lang));
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label().get(lang)).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        let analysis = match &self.cached.analysis {
            Some(Ok(analysis)) => Some(analysis),
            Some(Err(message)) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", message.show(lang)));
                None
            }
            None => None,
        };
        match self.tab {
            Tab::ApbdGrid => self.apbd_grid.ui(ui, cx, analysis),
            Tab::Ratios => {
                if let Some(analysis) = analysis {
                    egui::ScrollArea::vertical().id_salt("finance_ratios").auto_shrink(false).show(ui, |ui| {
                        ratios_ui(ui, analysis, lang);
                        self.charts.apbd_ui(ui, cx.session.workbook(), analysis, lang);
                    });
                }
            }
            Tab::Projection => {
                if let Some(analysis) = analysis {
                    // Presented, the charts come first: the room sees them on one screen, and the
                    // assumptions they follow from are below for the facilitator to scroll to.
                    let presenting = theme::presenting(ui.ctx());
                    egui::ScrollArea::vertical().id_salt("finance_projection").auto_shrink(false).show(ui, |ui| {
                        if presenting {
                            self.charts.projection_ui(ui, cx.session.workbook(), analysis, lang);
                            ui.separator();
                        }
                        self.projection.ui(ui, cx, analysis);
                        if !presenting {
                            self.charts.projection_ui(ui, cx.session.workbook(), analysis, lang);
                        }
                    });
                }
            }
        }
    }
}

/// An amount with "≈" when any part of it is an estimate.
pub fn amount_text(amount: i64, estimate: bool, lang: Lang) -> String {
    if estimate { format!("≈ {}", rupiah_short(amount, lang)) } else { rupiah_short(amount, lang) }
}

fn percent_text(percent: f64, estimate: bool) -> String {
    let text = format!("{} %", format_decimal(percent, 2));
    if estimate { format!("≈ {text}") } else { text }
}

/// The ratios per year of history; the years stay in view when the ratios scroll sideways.
fn ratios_ui(ui: &mut Ui, analysis: &FinanceAnalysis, lang: Lang) {
    ui.label(RichText::new(Text::EstimateLegend.get(lang)).weak());
    let headers = [
        Text::Year,
        Text::Revenue,
        Text::Pad,
        Text::RevenueGrowth,
        Text::PadGrowth,
        Text::Decentralisation,
        Text::PersonnelShare,
        Text::CapitalShare,
        Text::FiscalCapacity,
        Text::SmartCityShare,
    ]
    .map(|h| RichText::new(h.get(lang)).strong())
    .to_vec();
    let rows = analysis.ratios.iter().map(|r| ratio_row(analysis, r, lang).map(RichText::new).to_vec()).collect();
    let widths = [70.0, 120.0, 120.0, 110.0, 110.0, 180.0, 110.0, 110.0, 170.0, 110.0];
    TextGrid { headers, rows }.show(ui, "ratios", &widths, 2);
    ui.label(RichText::new(Text::FiscalCapacityNote.get(lang)).weak().small());
}

/// One year's row of the ratios.
fn ratio_row(analysis: &FinanceAnalysis, r: &YearRatios, lang: Lang) -> [String; 10] {
    let roles = &LineTree::get().roles;
    let dash = || "–".to_string();
    let total =
        |line| analysis.history.total(line, r.year).map_or_else(dash, |t| amount_text(t.amount, t.estimate, lang));
    let growth =
        |line| analysis.history.growth(line, r.year).map_or_else(dash, |g| format!("{} %", format_decimal(g, 1)));
    let percent = |ratio: &Option<Ratio>| ratio.as_ref().map_or_else(dash, |x| percent_text(x.percent, x.estimate));
    let decentralisation = match (&r.decentralisation, r.band) {
        (Some(ratio), Some(band)) => {
            format!("{} · {}", percent_text(ratio.percent, ratio.estimate), band.text().get(lang))
        }
        _ => dash(),
    };
    let capacity = r.fiscal_capacity.as_ref().map_or_else(dash, |capacity| {
        let ratio = capacity.ratio_to_personnel.map_or_else(String::new, |x| format!(" (x{})", format_decimal(x, 2)));
        format!("{}{ratio}", amount_text(capacity.amount, capacity.estimate, lang))
    });
    [
        r.year.to_string(),
        total(roles.revenue),
        total(roles.pad),
        growth(roles.revenue),
        growth(roles.pad),
        decentralisation,
        percent(&r.personnel_share),
        percent(&r.capital_share),
        capacity,
        percent(&r.smart_city_share),
    ]
}
