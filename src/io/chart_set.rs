//! The main charts of a workbook, built from its data with the chart structs the app shows
//! (`crate::charts`): the finance charts (revenue composition, projection, program cost against the
//! envelope, funding mix) and the readiness charts (radar of every round, dimension x pillar heatmap and the
//! largest gaps of the latest round). Exports write them as SVG and PNG; the books put them in as pictures.
//! Charts without data (no budget history, no readiness round, no program money) are left out.

use std::path::Path;

use crate::analysis::finance::{FinanceAnalysis, analyse};
use crate::analysis::readiness::round_result;
use crate::charts::{
    Chart, CostVsEnvelopeChart, FundingMixChart, GapBarChart, HeatmapChart, ProjectionChart, RadarChart, RadarSeries,
    RevenueCompositionChart, StackSeries, to_svg, write_png,
};
use crate::i18n::{Lang, Text};
use crate::io::export::{WriteError, temporary_path, write_file};
use crate::io::program_table::{FUNDING_SOURCES, word_for};
use crate::io::spreadsheet::tables::pillar_text;
use crate::model::{FundingSource, LineTree, Pillar, Scenario, Workbook};

/// Colours of revenue parts and funding sources, as in the app.
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

/// Round colours of the radar, in round order, as in the app.
const ROUND_COLORS: [[u8; 3]; 6] = [
    [0x2E, 0x5E, 0xAA],
    [0xD9, 0x82, 0x2B],
    [0x3A, 0x7F, 0x2E],
    [0xB8, 0x3A, 0x3A],
    [0x7D, 0x4A, 0x9E],
    [0x23, 0x89, 0x7D],
];

/// Gaps on the bar chart, as in the app.
const GAPS_CHARTED: usize = 10;

/// The revenue parts of the composition chart, bottom up.
const REVENUE_PARTS: [&str; 8] = ["4.1", "4.2.1.2", "4.2.1.3", "4.2.1.1", "4.2.2", "4.2.3", "4.2.4", "4.3"];

/// The default picture size of exported charts, and of the PNG before scaling.
pub const DEFAULT_SIZE: (u32, u32) = (1200, 900);

/// A named chart: the file stem it is exported under (in the export's language) and the chart.
pub type NamedChart = (String, Box<dyn Chart>);

/// `#rrggbb` to a colour; grey when the workbook holds something else.
fn rgb(hex: &str) -> [u8; 3] {
    let digits = hex.trim_start_matches('#');
    let channel = |i: usize| digits.get(i..i + 2).and_then(|c| u8::from_str_radix(c, 16).ok());
    match (channel(0), channel(2), channel(4)) {
        (Some(r), Some(g), Some(b)) if digits.len() == 6 => [r, g, b],
        _ => [0x9E, 0x9E, 0x9E],
    }
}

fn stem(lang: Lang, id: &str, en: &str) -> String {
    format!("{}-{}", Text::ChartFilePrefix.get(lang), if lang == Lang::Id { id } else { en })
}

/// The main charts of `workbook`, titled in `lang`, in the order the books and the export list them.
pub fn main_charts(workbook: &Workbook, lang: Lang) -> Vec<NamedChart> {
    let mut charts = Vec::new();
    if let Ok(analysis) = analyse(workbook) {
        charts.extend(finance_charts(workbook, &analysis, lang));
    }
    charts.extend(readiness_charts(workbook, lang));
    charts
}

fn dimension_name(d: &crate::model::Dimension, lang: Lang) -> String {
    if lang == Lang::Id { d.name_id.clone() } else { d.name_en.clone() }
}

fn finance_charts(workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) -> Vec<NamedChart> {
    let mut charts: Vec<NamedChart> = Vec::new();
    let tree = LineTree::get();
    let history_years: Vec<i32> = analysis.history.years.iter().map(|y| y.year).collect();
    if !history_years.is_empty() {
        let series = REVENUE_PARTS
            .iter()
            .enumerate()
            .filter_map(|(i, code)| {
                let line = tree.index(code)?;
                let totals: Vec<_> = history_years.iter().map(|y| analysis.history.total(line, *y)).collect();
                Some(StackSeries {
                    name: tree.name(code, lang),
                    color: PALETTE[i % PALETTE.len()],
                    values: totals.iter().map(|t| t.map(|t| t.amount)).collect(),
                    estimated: totals.iter().map(|t| t.is_some_and(|t| t.estimate)).collect(),
                })
            })
            .collect();
        charts.push((
            stem(lang, "pendapatan", "revenue"),
            Box::new(RevenueCompositionChart {
                title: Text::ChartRevenueTitle.get(lang).to_string(),
                years: history_years.clone(),
                series,
                y_label: Text::Rupiah.get(lang).to_string(),
                estimate_label: Text::Estimate.get(lang).to_string(),
            }),
        ));
        charts.push((stem(lang, "proyeksi", "projection"), Box::new(projection_chart(analysis, lang))));
    }
    let costs = &analysis.program_costs;
    let stacks: Vec<StackSeries> = costs
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
    if !workbook.programs.is_empty() {
        charts.push((
            stem(lang, "biaya-dan-pagu", "cost-vs-envelope"),
            Box::new(CostVsEnvelopeChart {
                title: Text::ChartCostTitle.get(lang).to_string(),
                years: costs.years.clone(),
                stacks,
                envelope,
                envelope_label: Text::Envelope.get(lang).to_string(),
                y_label: Text::Rupiah.get(lang).to_string(),
                estimate_label: Text::Estimate.get(lang).to_string(),
            }),
        ));
    }
    let parts: Vec<(String, [u8; 3], i64)> = FundingSource::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let lines = workbook.programs.iter().flat_map(|p| &p.budget).filter(|l| l.source == *s);
            (i, s, lines.fold(0i64, |sum, l| sum.saturating_add(l.amount)))
        })
        .filter(|(_, _, sum)| *sum > 0)
        .map(|(i, s, sum)| (word_for(&FUNDING_SOURCES, *s, lang).to_string(), PALETTE[i % PALETTE.len()], sum))
        .collect();
    if !parts.is_empty() {
        charts.push((
            stem(lang, "sumber-dana", "funding-mix"),
            Box::new(FundingMixChart { title: Text::ChartFundingTitle.get(lang).to_string(), parts }),
        ));
    }
    charts
}

/// History up to the projection's anchor, then the three scenarios, as the app's projection chart.
fn projection_chart(analysis: &FinanceAnalysis, lang: Lang) -> ProjectionChart {
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

/// The radar of every round; the heatmap and the gaps of the latest round.
fn readiness_charts(workbook: &Workbook, lang: Lang) -> Vec<NamedChart> {
    let Some(latest) = workbook.rounds.last() else { return Vec::new() };
    let axes: Vec<String> = workbook.dimensions.iter().map(|d| dimension_name(d, lang)).collect();
    let series = workbook
        .rounds
        .iter()
        .enumerate()
        .map(|(i, round)| RadarSeries {
            name: format!("{} ({})", round.name, round.year),
            color: ROUND_COLORS[i % ROUND_COLORS.len()],
            values: round_result(workbook, round.id).by_dimension.iter().map(|(_, x)| x.value).collect(),
        })
        .collect();
    let radar =
        RadarChart { title: Text::ChartRadarTitle.get(lang).to_string(), axes: axes.clone(), scale_max: 5.0, series };
    let result = round_result(workbook, latest.id);
    let mut rows = axes;
    rows.push(Text::General.get(lang).to_string());
    let heatmap = HeatmapChart {
        title: Text::ChartHeatmapTitle.get(lang).to_string(),
        rows,
        columns: Pillar::ALL.iter().map(|p| pillar_text(*p).get(lang).to_string()).collect(),
        values: result.grid.iter().map(|row| row.iter().map(|x| x.value).collect()).collect(),
        scale_max: 5.0,
    };
    let gaps: Vec<_> = result
        .gaps
        .iter()
        .take(GAPS_CHARTED)
        .filter_map(|g| workbook.readiness_item(g.item).map(|i| (i.code.clone(), f64::from(g.gap))))
        .collect();
    let bars = GapBarChart {
        title: Text::ChartGapsTitle.get(lang).to_string(),
        labels: gaps.iter().map(|(code, _)| code.clone()).collect(),
        gaps: gaps.iter().map(|(_, gap)| *gap).collect(),
        axis_label: Text::ChartGapsAxis.get(lang).to_string(),
    };
    vec![
        (stem(lang, "kesiapan-radar", "readiness-radar"), Box::new(radar)),
        (stem(lang, "kesiapan-peta-panas", "readiness-heatmap"), Box::new(heatmap)),
        (stem(lang, "kesiapan-kesenjangan", "readiness-gaps"), Box::new(bars)),
    ]
}

/// The size of a chart file: the SVG's size in pixels, and the PNG's as that size times `scale` (2.0 for
/// print: 2400x1800 from 1200x900).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartSize {
    pub width: u32,
    pub height: u32,
    pub scale: f64,
}

impl Default for ChartSize {
    fn default() -> Self {
        ChartSize { width: DEFAULT_SIZE.0, height: DEFAULT_SIZE.1, scale: 2.0 }
    }
}

impl ChartSize {
    /// The PNG's pixels.
    pub fn png(self) -> (u32, u32) {
        let scaled = |side: u32| (f64::from(side) * self.scale).round().clamp(1.0, f64::from(u32::MAX)) as u32;
        (scaled(self.width), scaled(self.height))
    }

    /// Both sizes inside what charts draw (1 to [`crate::charts::MAX_SIDE`] pixels a side).
    pub fn check(self) -> Result<(), String> {
        let (w, h) = self.png();
        let max = crate::charts::MAX_SIDE;
        let ok = |side: u32| (1..=max).contains(&side);
        if self.scale.is_finite() && self.scale > 0.0 && [self.width, self.height, w, h].into_iter().all(ok) {
            Ok(())
        } else {
            Err(format!("{}x{} x{}", self.width, self.height, self.scale))
        }
    }
}

/// Why a chart file was not written: the chart could not be drawn, or the file not written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartFileError {
    Draw(String),
    Write(WriteError),
}

/// Write `chart` as SVG at `path` (atomically).
pub fn write_svg_file(chart: &dyn Chart, size: ChartSize, path: &Path) -> Result<(), ChartFileError> {
    let svg = to_svg(chart, size.width, size.height).map_err(ChartFileError::Draw)?;
    write_file(path, svg.as_bytes()).map_err(ChartFileError::Write)
}

/// Write `chart` as PNG at `path`, scaled, through a temporary file renamed into place.
pub fn write_png_file(chart: &dyn Chart, size: ChartSize, path: &Path) -> Result<(), ChartFileError> {
    let (w, h) = size.png();
    if path.is_dir() {
        return Err(ChartFileError::Write(WriteError::IsFolder(path.to_path_buf())));
    }
    // `write_png` goes through its own temporary file and removes it on failure; classify the failure here.
    match write_png(chart, w, h, path) {
        Ok(()) => Ok(()),
        Err(message) => {
            let probe = probe_writable(path);
            Err(probe.map_or(ChartFileError::Draw(message), ChartFileError::Write))
        }
    }
}

/// Why nothing can be written at `path`, found by trying: `None` when writing works (the failure was the
/// drawing).
fn probe_writable(path: &Path) -> Option<WriteError> {
    let temp = temporary_path(path);
    match std::fs::File::create(&temp) {
        Ok(_) => {
            let _ = std::fs::remove_file(&temp);
            None
        }
        Err(e) => Some(WriteError::from_io(path, &e)),
    }
}
