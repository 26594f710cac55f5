//! The finance charts in the app: revenue composition over the history, the projection with its scenario
//! band, the programs' cost by dimension against the envelope, and the funding mix of the programs.

use egui::Ui;

use crate::analysis::finance::FinanceAnalysis;
use crate::charts::{
    Chart, CostVsEnvelopeChart, FundingMixChart, ProjectionChart, RevenueCompositionChart, StackSeries,
};
use crate::i18n::{Lang, Text};
use crate::model::{FundingSource, LineTree, Scenario, Workbook};
use crate::ui::charts::ChartTextures;
use crate::ui::names;

/// Colours of the revenue parts and funding sources (dimension colours come from the workbook).
const PALETTE: [[u8; 3]; 9] = [
    [0x2E, 0x5E, 0xAA],
    [0xD9, 0x82, 0x2B],
    [0x23, 0x89, 0x7D],
    [0xB8, 0x3A, 0x3A],
    [0x7D, 0x4A, 0x9E],
    [0x3A, 0x7F, 0x2E],
    [0x8C, 0x6D, 0x31],
    [0x5B, 0x8D, 0xD6],
    [0x9E, 0x9E, 0x9E],
];

fn rgb(hex: &str) -> [u8; 3] {
    let c = names::color(hex);
    [c.r(), c.g(), c.b()]
}

#[derive(Default)]
pub struct FinanceCharts {
    history: ChartTextures,
    projection: ChartTextures,
    /// The programs' money per funding source, summed once per workbook revision.
    funding: Option<Vec<(FundingSource, i64)>>,
}

impl FinanceCharts {
    pub fn invalidate(&mut self) {
        self.history.invalidate();
        self.projection.invalidate();
        self.funding = None;
    }

    /// Revenue by part per year of history.
    pub fn history_ui(&mut self, ui: &mut Ui, _workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) {
        let tree = LineTree::get();
        let years: Vec<i32> = analysis.history.years.iter().map(|y| y.year).collect();
        let parts = ["4.1", "4.2.1.2", "4.2.1.3", "4.2.1.1", "4.2.2", "4.2.3", "4.2.4", "4.3"];
        let series = parts
            .iter()
            .enumerate()
            .filter_map(|(i, code)| {
                let line = tree.index(code)?;
                let totals: Vec<_> = years.iter().map(|y| analysis.history.total(line, *y)).collect();
                Some(StackSeries {
                    name: tree.name(code, lang),
                    color: PALETTE[i % PALETTE.len()],
                    values: totals.iter().map(|t| t.map(|t| t.amount)).collect(),
                    estimated: totals.iter().map(|t| t.is_some_and(|t| t.estimate)).collect(),
                })
            })
            .collect();
        let chart = RevenueCompositionChart {
            title: Text::ChartRevenueTitle.get(lang).to_string(),
            years,
            series,
            y_label: Text::Rupiah.get(lang).to_string(),
            estimate_label: Text::Estimate.get(lang).to_string(),
        };
        self.history.ui(ui, &[("revenue".to_string(), Box::new(chart) as Box<dyn Chart>)], lang);
    }

    /// The projection, the cost against the envelope, and the funding mix.
    pub fn projection_ui(&mut self, ui: &mut Ui, workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) {
        let roles = &LineTree::get().roles;
        let projection = &analysis.projection;
        let history_years: Vec<i32> = analysis.history.years.iter().map(|y| y.year).collect();
        let mut years: Vec<i32> = history_years.iter().copied().filter(|y| *y < projection.anchor).collect();
        years.extend(projection.years.iter().copied());
        years.sort_unstable();
        years.dedup();
        let scenario_line = |s: Scenario| -> Vec<Option<i64>> {
            let Some(Ok(p)) = projection.scenario(s) else { return vec![None; years.len()] };
            years
                .iter()
                .map(|y| {
                    let i = projection.years.iter().position(|x| x == y)?;
                    if *y <= projection.anchor {
                        return None;
                    }
                    p.lines.get(roles.revenue).and_then(|l| l.get(i).copied().flatten())
                })
                .collect()
        };
        let history: Vec<Option<i64>> = years.iter().map(|y| analysis.history.amount(roles.revenue, *y)).collect();
        let projection_chart = ProjectionChart {
            title: Text::ChartProjectionTitle.get(lang).to_string(),
            years: years.clone(),
            history,
            base: scenario_line(Scenario::Base),
            low: scenario_line(Scenario::Pessimistic),
            high: scenario_line(Scenario::Optimistic),
            labels: [
                Text::History.get(lang).to_string(),
                Scenario::Base.text().get(lang).to_string(),
                Scenario::Pessimistic.text().get(lang).to_string(),
                Scenario::Optimistic.text().get(lang).to_string(),
            ],
            y_label: Text::Rupiah.get(lang).to_string(),
        };
        let costs = &analysis.program_costs;
        let stacks = costs
            .by_dimension
            .iter()
            .filter_map(|(id, per_year)| {
                let d = workbook.dimension(*id)?;
                Some(StackSeries {
                    name: names::dimension(d, lang).to_string(),
                    color: rgb(&d.color),
                    values: per_year.iter().map(|c| Some(c.apbd)).collect(),
                    estimated: vec![false; per_year.len()],
                })
            })
            .collect();
        let envelope = match projection.scenario(Scenario::Base) {
            Some(Ok(base)) => base.gaps.iter().map(|g| g.envelope).collect(),
            _ => vec![None; costs.years.len()],
        };
        let cost_chart = CostVsEnvelopeChart {
            title: Text::ChartCostTitle.get(lang).to_string(),
            years: costs.years.clone(),
            stacks,
            envelope,
            envelope_label: Text::Envelope.get(lang).to_string(),
            y_label: Text::Rupiah.get(lang).to_string(),
            estimate_label: Text::Estimate.get(lang).to_string(),
        };
        let funding = self.funding.get_or_insert_with(|| {
            FundingSource::ALL
                .iter()
                .map(|s| {
                    let lines = workbook.programs.iter().flat_map(|p| &p.budget).filter(|l| l.source == *s);
                    (*s, lines.fold(0i64, |sum, l| sum.saturating_add(l.amount)))
                })
                .collect()
        });
        let parts = funding
            .iter()
            .enumerate()
            .filter(|(_, (_, sum))| *sum > 0)
            .map(|(i, (s, sum))| (names::source(*s).get(lang).to_string(), PALETTE[i % PALETTE.len()], *sum))
            .collect();
        let mix = FundingMixChart { title: Text::ChartFundingTitle.get(lang).to_string(), parts };
        let charts: Vec<(String, Box<dyn Chart>)> = vec![
            ("projection".to_string(), Box::new(projection_chart)),
            ("cost-vs-envelope".to_string(), Box::new(cost_chart)),
            ("funding-mix".to_string(), Box::new(mix)),
        ];
        self.projection.ui(ui, &charts, lang);
    }
}
