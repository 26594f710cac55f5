//! The charts of a workbook, built from its data and its analyses: the one place that decides what each chart
//! shows (series, titles, colours, translated labels). The app's finance, readiness and quick-win ranking views,
//! the books and the chart export all build their charts here, so an exported chart is the picture the app shows.
//!
//! Pure functions of the workbook and the analyses passed in (computed once by the caller); no egui.

use std::collections::{HashMap, HashSet};

use super::quick_wins::{Bubble, ValueForMoneyChart};
use super::{
    Chart, CostVsEnvelopeChart, FundingMixChart, GapBarChart, HeatmapChart, ProjectionChart, RadarChart, RadarSeries,
    RevenueCompositionChart, StackSeries,
};
use crate::analysis::finance::FinanceAnalysis;
use crate::analysis::quick_wins::{Ranked, Window, picker_cap};
use crate::analysis::readiness::{Index, RoundResult, round_result};
use crate::i18n::{Lang, Text};
use crate::model::{Dimension, FundingSource, Id, LineTree, Pillar, Program, Scenario, Workbook, rgb_from_hex};

/// Colours of the revenue parts and funding sources (dimension colours come from the workbook).
pub const PALETTE: [[u8; 3]; 9] = [
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

/// Round colours of the radar, in round order.
pub const ROUND_COLORS: [[u8; 3]; 6] = [
    [0x2E, 0x5E, 0xAA],
    [0xD9, 0x82, 0x2B],
    [0x3A, 0x7F, 0x2E],
    [0xB8, 0x3A, 0x3A],
    [0x7D, 0x4A, 0x9E],
    [0x23, 0x89, 0x7D],
];

/// Gaps on the bar chart: the largest ten.
pub const GAPS_CHARTED: usize = 10;

/// The revenue parts of the composition chart, bottom up.
pub const REVENUE_PARTS: [&str; 8] = ["4.1", "4.2.1.2", "4.2.1.3", "4.2.1.1", "4.2.2", "4.2.3", "4.2.4", "4.3"];

/// The colour of a dimension whose `#rrggbb` cannot be read, as the app draws it.
const UNREADABLE_COLOR: [u8; 3] = [160, 160, 160];

/// Which chart of a workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Revenue,
    Projection,
    CostVsEnvelope,
    FundingMix,
    Radar,
    Heatmap,
    Gaps,
    ValueForMoney,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Revenue,
        Kind::Projection,
        Kind::CostVsEnvelope,
        Kind::FundingMix,
        Kind::Radar,
        Kind::Heatmap,
        Kind::Gaps,
        Kind::ValueForMoney,
    ];

    /// A stable name: the app's texture name and the file name it offers when saving the chart.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Revenue => "revenue",
            Kind::Projection => "projection",
            Kind::CostVsEnvelope => "cost-vs-envelope",
            Kind::FundingMix => "funding-mix",
            Kind::Radar => "radar",
            Kind::Heatmap => "heatmap",
            Kind::Gaps => "gaps",
            Kind::ValueForMoney => "value-for-money",
        }
    }
}

/// A chart with which one it is.
pub type KindChart = (Kind, Box<dyn Chart>);

/// `#rrggbb` to a colour; grey when the workbook holds something else.
pub fn rgb(hex: &str) -> [u8; 3] {
    rgb_from_hex(hex).unwrap_or(UNREADABLE_COLOR)
}

fn dimension_name(d: &Dimension, lang: Lang) -> String {
    match lang {
        Lang::Id => d.name_id.clone(),
        Lang::En => d.name_en.clone(),
    }
}

/// The four finance charts, in order: revenue, projection, cost against the envelope, funding mix.
pub fn finance(workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) -> Vec<KindChart> {
    vec![
        (Kind::Revenue, Box::new(revenue(analysis, lang))),
        (Kind::Projection, Box::new(projection(analysis, lang))),
        (Kind::CostVsEnvelope, Box::new(cost_vs_envelope(workbook, analysis, lang))),
        (Kind::FundingMix, Box::new(funding_mix(&funding_by_source(workbook), lang))),
    ]
}

/// The three readiness charts, in order: the radar of every round (`per_round`, from [`indices_by_round`]),
/// and the heatmap and the largest gaps of `result` (one round).
pub fn readiness(
    workbook: &Workbook,
    result: &RoundResult,
    per_round: &[(Id, Vec<Index>)],
    lang: Lang,
) -> Vec<KindChart> {
    vec![
        (Kind::Radar, Box::new(radar(workbook, per_round, lang))),
        (Kind::Heatmap, Box::new(heatmap(workbook, result, lang))),
        (Kind::Gaps, Box::new(gaps(workbook, result, lang))),
    ]
}

/// The value-for-money chart as the app's ranking opens on it: the cost in `window` (from the analysis
/// `ranked`), the default cap drawn, the workbook's marked quick wins filled, money shown. None when no
/// program is a scored candidate.
pub fn quick_wins(workbook: &Workbook, ranked: &[Ranked], window: Window, lang: Lang) -> Vec<KindChart> {
    let chart = value_for_money(workbook, ranked, window, Some(picker_cap(workbook)), &[], false, lang);
    if chart.bubbles.is_empty() { Vec::new() } else { vec![(Kind::ValueForMoney, Box::new(chart))] }
}

/// The value-for-money chart of the scored programs of `ranked` that can start within `window`: `chosen`
/// are filled (the workbook's marked quick wins when none are given), the cap drawn when given, amounts
/// left out when `hide_money`.
pub fn value_for_money(
    workbook: &Workbook,
    ranked: &[Ranked],
    window: Window,
    cap: Option<i64>,
    chosen: &[Id],
    hide_money: bool,
    lang: Lang,
) -> ValueForMoneyChart {
    let programs: HashMap<Id, &Program> = workbook.programs.iter().map(|p| (p.id, p)).collect();
    let chosen: HashSet<Id> = chosen.iter().copied().collect();
    let bubbles = ranked
        .iter()
        .filter(|r| r.rank.is_some())
        .filter_map(|r| {
            let p = *programs.get(&r.program)?;
            // Only programs that can start within the quick-win years are candidates.
            if p.start_year > window.last_year() {
                return None;
            }
            let chosen = if chosen.is_empty() { r.quick_win } else { chosen.contains(&r.program) };
            Some(Bubble {
                label: if p.code.trim().is_empty() { p.name.chars().take(16).collect() } else { p.code.clone() },
                cost: r.cost,
                score: r.score.value()?,
                votes: r.votes,
                color: workbook.dimension_of(p.element_id).map_or(UNREADABLE_COLOR, |d| rgb(&d.color)),
                chosen,
                labelled: chosen,
            })
        })
        .collect();
    ValueForMoneyChart {
        lang,
        title: Text::QwChartTitle.get(lang).to_string(),
        x_label: Text::QwChartX.get(lang).to_string(),
        y_label: Text::QwChartY.get(lang).to_string(),
        cap_label: Text::QwCap.get(lang).to_string(),
        bubbles,
        cap,
        hide_money,
    }
}

/// Revenue by part per year of history.
pub fn revenue(analysis: &FinanceAnalysis, lang: Lang) -> RevenueCompositionChart {
    let tree = LineTree::get();
    let years: Vec<i32> = analysis.history.years.iter().map(|y| y.year).collect();
    let series = REVENUE_PARTS
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
        lang,
        title: Text::ChartRevenueTitle.get(lang).to_string(),
        years,
        series,
        y_label: Text::Rupiah.get(lang).to_string(),
        estimate_label: Text::Estimate.get(lang).to_string(),
    }
}

/// Revenue history up to the projection's anchor, then its three scenarios.
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
        lang,
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

/// The programs' APBD cost per dimension against the envelope of the base scenario, year by year.
pub fn cost_vs_envelope(workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) -> CostVsEnvelopeChart {
    let costs = &analysis.program_costs;
    let stacks = costs
        .by_dimension
        .iter()
        .filter_map(|(id, per_year)| {
            let d = workbook.dimension(*id)?;
            Some(StackSeries {
                name: dimension_name(d, lang),
                color: rgb(&d.color),
                values: per_year.iter().map(|c| Some(c.apbd)).collect(),
                estimated: vec![false; per_year.len()],
            })
        })
        .collect();
    let envelope = match analysis.projection.scenario(Scenario::Base) {
        Some(Ok(base)) => {
            costs.years.iter().map(|y| base.gaps.iter().find(|g| g.year == *y).and_then(|g| g.envelope)).collect()
        }
        _ => vec![None; costs.years.len()],
    };
    CostVsEnvelopeChart {
        lang,
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

/// The funding mix of `by_source` ([`funding_by_source`]), each source in its own colour.
pub fn funding_mix(by_source: &[(FundingSource, i64)], lang: Lang) -> FundingMixChart {
    let parts = by_source
        .iter()
        .map(|(s, sum)| {
            let at = FundingSource::ALL.iter().position(|x| x == s).unwrap_or(0);
            (s.text().get(lang).to_string(), PALETTE[at % PALETTE.len()], *sum)
        })
        .collect();
    FundingMixChart { title: Text::ChartFundingTitle.get(lang).to_string(), parts, lang }
}

/// The index of each dimension in one round's result, in dimension order.
pub fn dimension_indices(result: &RoundResult) -> Vec<Index> {
    result.by_dimension.iter().map(|(_, index)| *index).collect()
}

/// The index of each dimension in every round, in round order: what the radar shows.
pub fn indices_by_round(workbook: &Workbook) -> Vec<(Id, Vec<Index>)> {
    workbook.rounds.iter().map(|r| (r.id, dimension_indices(&round_result(workbook, r.id)))).collect()
}

/// The dimension indices of every round (`per_round`, in round order) as a radar.
pub fn radar(workbook: &Workbook, per_round: &[(Id, Vec<Index>)], lang: Lang) -> RadarChart {
    let axes = workbook.dimensions.iter().map(|d| dimension_name(d, lang)).collect();
    let series = per_round
        .iter()
        .enumerate()
        .map(|(i, (round, indices))| RadarSeries {
            name: workbook.round(*round).map_or_else(String::new, |r| r.label()),
            color: ROUND_COLORS[i % ROUND_COLORS.len()],
            values: indices.iter().map(|x| x.value).collect(),
        })
        .collect();
    RadarChart { title: Text::ChartRadarTitle.get(lang).to_string(), axes, scale_max: 5.0, series }
}

/// One round's index per dimension (and general) and pillar.
pub fn heatmap(workbook: &Workbook, result: &RoundResult, lang: Lang) -> HeatmapChart {
    let mut rows: Vec<String> = workbook.dimensions.iter().map(|d| dimension_name(d, lang)).collect();
    rows.push(Text::General.get(lang).to_string());
    HeatmapChart {
        title: Text::ChartHeatmapTitle.get(lang).to_string(),
        rows,
        columns: Pillar::ALL.iter().map(|p| p.text().get(lang).to_string()).collect(),
        values: result.grid.iter().map(|row| row.iter().map(|x| x.value).collect()).collect(),
        scale_max: 5.0,
    }
}

/// One round's largest gaps ([`GAPS_CHARTED`]), by item code.
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
        gaps: gaps.iter().map(|(_, gap)| *gap).collect(),
        axis_label: Text::ChartGapsAxis.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::finance::analyse;
    use crate::analysis::quick_wins::ranking;
    use crate::charts::to_svg;
    use crate::seed::{demo_workbook, new_workbook};

    #[test]
    fn the_demo_workbook_has_every_chart_with_data() {
        let workbook = demo_workbook();
        let analysis = analyse(&workbook).unwrap();
        let per_round = indices_by_round(&workbook);
        let latest = round_result(&workbook, workbook.rounds.last().unwrap().id);
        let mut charts = finance(&workbook, &analysis, Lang::En);
        charts.extend(readiness(&workbook, &latest, &per_round, Lang::En));
        let window = Window::first_year_of(&workbook);
        charts.extend(quick_wins(&workbook, &ranking(&workbook, window), window, Lang::En));
        assert_eq!(charts.iter().map(|(k, _)| *k).collect::<Vec<_>>(), Kind::ALL);
        for (kind, chart) in &charts {
            let svg = to_svg(chart.as_ref(), 800, 600).unwrap();
            assert!(svg.contains("<svg"), "{kind:?}");
        }
        let radar = radar(&workbook, &per_round, Lang::Id);
        assert_eq!(radar.series.len(), workbook.rounds.len());
        assert_eq!(radar.axes.len(), workbook.dimensions.len());
        assert_eq!(
            funding_mix(&funding_by_source(&workbook), Lang::En).parts.len(),
            funding_by_source(&workbook).len()
        );
    }

    #[test]
    fn the_value_for_money_chart_needs_a_scored_candidate() {
        let workbook = demo_workbook();
        let window = Window::first_year_of(&workbook);
        let ranked = ranking(&workbook, window);
        let charts = quick_wins(&workbook, &ranked, window, Lang::Id);
        assert_eq!(charts.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [Kind::ValueForMoney]);
        let chart = value_for_money(&workbook, &ranked, window, Some(picker_cap(&workbook)), &[], false, Lang::Id);
        let marked = workbook.programs.iter().filter(|p| p.quick_win).count();
        assert!(
            chart.bubbles.iter().filter(|b| b.chosen).count() <= marked && chart.cap == Some(picker_cap(&workbook))
        );
        let empty = new_workbook("Kabupaten Uji", 2022);
        let window = Window::first_year_of(&empty);
        assert!(quick_wins(&empty, &ranking(&empty, window), window, Lang::Id).is_empty());
    }

    #[test]
    fn colours_fall_back_to_the_apps_grey() {
        assert_eq!(rgb("#2E5EAA"), [0x2E, 0x5E, 0xAA]);
        assert_eq!(rgb("2e5eaa"), [0x2E, 0x5E, 0xAA]);
        assert_eq!(rgb("blue"), UNREADABLE_COLOR);
        assert_eq!(rgb("#2E5EAA00"), UNREADABLE_COLOR);
    }

    #[test]
    fn funding_leaves_out_sources_without_money() {
        let mut workbook = demo_workbook();
        for program in &mut workbook.programs {
            program.budget.retain(|l| l.source == FundingSource::Apbn);
        }
        let by_source = funding_by_source(&workbook);
        assert!(by_source.iter().all(|(s, _)| *s == FundingSource::Apbn));
        let mix = funding_mix(&by_source, Lang::Id);
        assert!(mix.parts.iter().all(|(_, color, _)| *color == PALETTE[1]));
    }
}
