//! The Keuangan (finance) view: the past years' APBD typed line by line in either layout, the ratios per year,
//! and the projection with its three scenarios, the smart city envelope against the programs' cost, and the
//! charts. The analysis is computed once per workbook revision, never per frame.

mod apbd_grid;
mod charts;
mod projection;

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::ViewCx;
use crate::analysis::finance::{FinanceAnalysis, analyse};
use crate::i18n::{Lang, Message, Text, format_decimal, format_rupiah_short};
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
            ui.heading(Text::NavFinance.get(lang));
            ui.add_space(12.0);
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
                    egui::ScrollArea::vertical().id_salt("finance_projection").auto_shrink(false).show(ui, |ui| {
                        self.projection.ui(ui, cx, analysis);
                        self.charts.projection_ui(ui, cx.session.workbook(), analysis, lang);
                    });
                }
            }
        }
    }
}

/// An amount with "≈" when any part of it is an estimate.
pub fn amount_text(amount: i64, estimate: bool) -> String {
    if estimate { format!("≈ {}", format_rupiah_short(amount)) } else { format_rupiah_short(amount) }
}

fn percent_text(percent: f64, estimate: bool) -> String {
    let text = format!("{} %", format_decimal(percent, 2));
    if estimate { format!("≈ {text}") } else { text }
}

/// The ratios per year of history.
fn ratios_ui(ui: &mut Ui, analysis: &FinanceAnalysis, lang: Lang) {
    ui.label(RichText::new(Text::EstimateLegend.get(lang)).weak());
    egui::ScrollArea::horizontal().id_salt("ratios").show(ui, |ui| {
        egui::Grid::new("ratios_grid").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
            for header in [
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
            ] {
                ui.label(RichText::new(header.get(lang)).strong());
            }
            ui.end_row();
            let roles = &LineTree::get().roles;
            for r in &analysis.ratios {
                ui.label(r.year.to_string());
                for line in [roles.revenue, roles.pad] {
                    match analysis.history.total(line, r.year) {
                        Some(total) => ui.label(amount_text(total.amount, total.estimate)),
                        None => ui.label("–"),
                    };
                }
                for line in [roles.revenue, roles.pad] {
                    match analysis.history.growth(line, r.year) {
                        Some(growth) => ui.label(format!("{} %", format_decimal(growth, 1))),
                        None => ui.label("–"),
                    };
                }
                match (&r.decentralisation, r.band) {
                    (Some(ratio), Some(band)) => {
                        ui.label(format!("{} · {}", percent_text(ratio.percent, ratio.estimate), band.text().get(lang)))
                    }
                    _ => ui.label("–"),
                };
                for ratio in [&r.personnel_share, &r.capital_share] {
                    match ratio {
                        Some(ratio) => ui.label(percent_text(ratio.percent, ratio.estimate)),
                        None => ui.label("–"),
                    };
                }
                match &r.fiscal_capacity {
                    Some(capacity) => {
                        let ratio = capacity
                            .ratio_to_personnel
                            .map_or_else(String::new, |x| format!(" (x{})", format_decimal(x, 2)));
                        ui.label(format!("{}{ratio}", amount_text(capacity.amount, capacity.estimate)))
                    }
                    None => ui.label("–"),
                };
                match &r.smart_city_share {
                    Some(ratio) => ui.label(percent_text(ratio.percent, ratio.estimate)),
                    None => ui.label("–"),
                };
                ui.end_row();
            }
        });
    });
    ui.label(RichText::new(Text::FiscalCapacityNote.get(lang)).weak().small());
}
