//! The charts of the books, built from the workbook's analyses the way the app's finance and readiness views
//! build them (same chart structs, same titles and colours), in the book's language.

use super::build::{rgb, source_text};
use crate::analysis::finance::FinanceAnalysis;
use crate::analysis::readiness::RoundResult;
use crate::charts::{
    CostVsEnvelopeChart, FundingMixChart, GapBarChart, HeatmapChart, ProjectionChart, RadarChart, RadarSeries,
    RevenueCompositionChart, StackSeries,
};
use crate::i18n::{Lang, Text};
use crate::model::{FundingSource, Id, LineTree, Pillar, Scenario, Workbook};

/// Colours of the revenue parts and funding sources, as in the app.
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

/// Round colours on the radar, as in the app.
const ROUND_COLORS: [[u8; 3]; 6] = [
    [0x2E, 0x5E, 0xAA],
    [0xD9, 0x82, 0x2B],
    [0x3A, 0x7F, 0x2E],
    [0xB8, 0x3A, 0x3A],
    [0x7D, 0x4A, 0x9E],
    [0x23, 0x89, 0x7D],
];

/// Gaps charted: the longest ten.
const GAPS_CHARTED: usize = 10;

fn dimension_name(workbook: &Workbook, id: Id, lang: Lang) -> String {
    workbook.dimension(id).map_or_else(String::new, |d| match lang {
        Lang::Id => d.name_id.clone(),
        Lang::En => d.name_en.clone(),
    })
}

pub fn pillar_text(p: Pillar) -> Text {
    match p {
        Pillar::Structure => Text::PillarStructure,
        Pillar::Infrastructure => Text::PillarInfrastructure,
        Pillar::Superstructure => Text::PillarSuperstructure,
    }
}

/// Revenue by part per year of history.
pub fn revenue(analysis: &FinanceAnalysis, lang: Lang) -> RevenueCompositionChart {
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
    RevenueCompositionChart {
        title: Text::ChartRevenueTitle.get(lang).to_string(),
        years,
        series,
        y_label: Text::Rupiah.get(lang).to_string(),
        estimate_label: Text::Estimate.get(lang).to_string(),
    }
}

/// Revenue history and its projection in three scenarios.
pub fn projection(analysis: &FinanceAnalysis, lang: Lang) -> ProjectionChart {
    let roles = &LineTree::get().roles;
    let projection = &analysis.projection;
    let mut years: Vec<i32> =
        analysis.history.years.iter().map(|y| y.year).filter(|y| *y < projection.anchor).collect();
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
    ProjectionChart {
        title: Text::ChartProjectionTitle.get(lang).to_string(),
        history: years.iter().map(|y| analysis.history.amount(roles.revenue, *y)).collect(),
        base: scenario_line(Scenario::Base),
        low: scenario_line(Scenario::Pessimistic),
        high: scenario_line(Scenario::Optimistic),
        years,
        labels: [
            Text::History.get(lang).to_string(),
            Scenario::Base.text().get(lang).to_string(),
            Scenario::Pessimistic.text().get(lang).to_string(),
            Scenario::Optimistic.text().get(lang).to_string(),
        ],
        y_label: Text::Rupiah.get(lang).to_string(),
    }
}

/// The programs' APBD cost per dimension against the envelope (base scenario).
pub fn cost_vs_envelope(workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) -> CostVsEnvelopeChart {
    let costs = &analysis.program_costs;
    let stacks = costs
        .by_dimension
        .iter()
        .filter_map(|(id, per_year)| {
            let d = workbook.dimension(*id)?;
            Some(StackSeries {
                name: dimension_name(workbook, d.id, lang),
                color: rgb(&d.color),
                values: per_year.iter().map(|c| Some(c.apbd)).collect(),
                estimated: vec![false; per_year.len()],
            })
        })
        .collect();
    let envelope = match analysis.projection.scenario(Scenario::Base) {
        Some(Ok(base)) => base.gaps.iter().map(|g| g.envelope).collect(),
        _ => vec![None; costs.years.len()],
    };
    CostVsEnvelopeChart {
        title: Text::ChartCostTitle.get(lang).to_string(),
        years: costs.years.clone(),
        stacks,
        envelope,
        envelope_label: Text::Envelope.get(lang).to_string(),
        y_label: Text::Rupiah.get(lang).to_string(),
        estimate_label: Text::Estimate.get(lang).to_string(),
    }
}

/// The programs' money per funding source, in source order, sources without money left out.
pub fn funding_by_source(workbook: &Workbook) -> Vec<(FundingSource, i64)> {
    let mut sums = [0i64; FundingSource::ALL.len()];
    for line in workbook.programs.iter().flat_map(|p| &p.budget) {
        let at = FundingSource::ALL.iter().position(|s| *s == line.source).unwrap_or(0);
        sums[at] = sums[at].saturating_add(line.amount);
    }
    FundingSource::ALL.iter().zip(sums).filter(|(_, sum)| *sum > 0).map(|(s, sum)| (*s, sum)).collect()
}

pub fn funding_mix(workbook: &Workbook, lang: Lang) -> FundingMixChart {
    let parts = funding_by_source(workbook)
        .into_iter()
        .map(|(s, sum)| {
            let at = FundingSource::ALL.iter().position(|x| *x == s).unwrap_or(0);
            (source_text(s).get(lang).to_string(), PALETTE[at % PALETTE.len()], sum)
        })
        .collect();
    FundingMixChart { title: Text::ChartFundingTitle.get(lang).to_string(), parts }
}

/// The dimension indices of every round as a radar.
pub fn radar(workbook: &Workbook, per_round: &[(Id, RoundResult)], lang: Lang) -> RadarChart {
    let axes = workbook.dimensions.iter().map(|d| dimension_name(workbook, d.id, lang)).collect();
    let series = per_round
        .iter()
        .enumerate()
        .map(|(i, (round, result))| RadarSeries {
            name: workbook.round(*round).map_or_else(String::new, |r| format!("{} ({})", r.name, r.year)),
            color: ROUND_COLORS[i % ROUND_COLORS.len()],
            values: result.by_dimension.iter().map(|(_, x)| x.value).collect(),
        })
        .collect();
    RadarChart { title: Text::ChartRadarTitle.get(lang).to_string(), axes, scale_max: 5.0, series }
}

pub fn heatmap(workbook: &Workbook, result: &RoundResult, lang: Lang) -> HeatmapChart {
    let mut rows: Vec<String> = workbook.dimensions.iter().map(|d| dimension_name(workbook, d.id, lang)).collect();
    rows.push(Text::General.get(lang).to_string());
    HeatmapChart {
        title: Text::ChartHeatmapTitle.get(lang).to_string(),
        rows,
        columns: Pillar::ALL.iter().map(|p| pillar_text(*p).get(lang).to_string()).collect(),
        values: result.grid.iter().map(|row| row.iter().map(|x| x.value).collect()).collect(),
        scale_max: 5.0,
    }
}

pub fn gaps(workbook: &Workbook, result: &RoundResult, lang: Lang) -> GapBarChart {
    let gaps: Vec<_> = result
        .gaps
        .iter()
        .take(GAPS_CHARTED)
        .filter_map(|g| workbook.readiness_item(g.item).map(|i| (i.code.clone(), f64::from(g.gap))))
        .collect();
    GapBarChart {
        title: Text::ChartGapsTitle.get(lang).to_string(),
        labels: gaps.iter().map(|(code, _)| code.clone()).collect(),
        gaps: gaps.iter().map(|(_, g)| *g).collect(),
        axis_label: Text::ChartGapsAxis.get(lang).to_string(),
    }
}
