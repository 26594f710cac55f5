//! The main charts of a workbook, built by [`crate::charts::of_workbook`] exactly as the app builds the ones it
//! shows: the finance charts (revenue composition, projection, program cost against the
//! envelope, funding mix) and the readiness charts (radar of every round, dimension x pillar heatmap and the
//! largest gaps of the latest round), then the quick-win value-for-money chart as the ranking view opens on it.
//! Exports write them as SVG and PNG; the books put them in as pictures. Charts without data (no budget
//! history, no readiness round, no program money, no scored quick-win candidate) are left out.

use std::path::Path;

use crate::analysis::finance::analyse;
use crate::analysis::quick_wins::{Window, ranking};
use crate::analysis::readiness::round_result;
use crate::charts::of_workbook::{self, Kind};
use crate::charts::{Chart, MAX_SIDE, to_svg, write_png};
use crate::i18n::{Lang, Text};
use crate::io::atomic_file::{WriteError, temporary_path, write_file};
use crate::model::Workbook;

/// The default picture size of exported charts, and of the PNG before scaling.
pub const DEFAULT_SIZE: (u32, u32) = (1200, 900);

/// A named chart: the file stem it is exported under (in the export's language) and the chart.
pub type NamedChart = (String, Box<dyn Chart>);

/// The file stem of a chart in `lang`.
fn stem(kind: Kind, lang: Lang) -> String {
    let (id, en) = match kind {
        Kind::Revenue => ("pendapatan", "revenue"),
        Kind::Projection => ("proyeksi", "projection"),
        Kind::CostVsEnvelope => ("biaya-dan-pagu", "cost-vs-envelope"),
        Kind::FundingMix => ("sumber-dana", "funding-mix"),
        Kind::Radar => ("kesiapan-radar", "readiness-radar"),
        Kind::Heatmap => ("kesiapan-peta-panas", "readiness-heatmap"),
        Kind::Gaps => ("kesiapan-kesenjangan", "readiness-gaps"),
        Kind::ValueForMoney => ("quick-win-nilai-terhadap-biaya", "quick-win-value-for-money"),
    };
    format!("{}-{}", Text::ChartFilePrefix.get(lang), if lang == Lang::Id { id } else { en })
}

/// The main charts of `workbook`, titled in `lang`, in the order the books and the export list them, built by
/// [`of_workbook`] as the app builds them; the heatmap and gaps are the latest round's, the value for money
/// the first masterplan year's.
pub fn main_charts(workbook: &Workbook, lang: Lang) -> Vec<NamedChart> {
    let mut charts = Vec::new();
    if let Ok(analysis) = analyse(workbook) {
        let has_history = !analysis.history.years.is_empty();
        let has_money = !of_workbook::funding_by_source(workbook).is_empty();
        charts.extend(of_workbook::finance(workbook, &analysis, lang).into_iter().filter(|(kind, _)| match kind {
            Kind::Revenue | Kind::Projection => has_history,
            Kind::CostVsEnvelope => !workbook.programs.is_empty(),
            Kind::FundingMix => has_money,
            _ => true,
        }));
    }
    if let Some(latest) = workbook.rounds.last() {
        let result = round_result(workbook, latest.id);
        let per_round = of_workbook::indices_by_round(workbook);
        charts.extend(of_workbook::readiness(workbook, &result, &per_round, lang));
    }
    let window = Window::first_year_of(workbook);
    charts.extend(of_workbook::quick_wins(workbook, &ranking(workbook, window), window, lang));
    charts.into_iter().map(|(kind, chart)| (stem(kind, lang), chart)).collect()
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
        let max = MAX_SIDE;
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
