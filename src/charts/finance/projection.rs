//! The projection chart: the revenue history and its projection, with the pessimistic-optimistic band.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{Axes, AxisSpec};
use super::legend::{Legend, Swatch};
use super::scale::point;
use super::stacks::{readout_line, readout_text};
use super::style::{BASE, HISTORY, OPTIMISTIC, PESSIMISTIC};
use crate::charts::{Canvas, Chart, TextMode, fail, measure};
use crate::i18n::{Lang, rupiah_short};

/// Revenue history and its projection: the history as a solid line with dots, the base projection dashed,
/// and the band between the pessimistic and the optimistic projection filled lightly, edged by both.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectionChart {
    pub title: String,
    /// The points, left to right, equally spaced.
    pub years: Vec<i32>,
    /// Rupiah per year, each in the order of `years`. A line breaks where a value is missing; the band is
    /// filled where both `low` and `high` have a value.
    pub history: Vec<Option<i64>>,
    pub base: Vec<Option<i64>>,
    pub low: Vec<Option<i64>>,
    pub high: Vec<Option<i64>>,
    /// The legend: history, base, pessimistic, optimistic. An empty label leaves its entry out.
    pub labels: [String; 4],
    pub y_label: String,
    /// The language of the amounts' units (`M` or `bn` for miliar).
    pub lang: Lang,
}

/// Where a [`ProjectionChart`] puts everything, for drawing and read-out alike.
struct Lines<'s> {
    /// History, base, pessimistic, optimistic: one value per year.
    values: [Vec<Option<f64>>; 4],
    legend: Legend,
    spec: AxisSpec<'s>,
    axes: Axes,
}

impl ProjectionChart {
    fn layout<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Lines<'_> {
        let top = c.body_top(&self.title);
        let years = self.years.len();
        let values = |line: &[Option<i64>]| (0..years).map(|i| point(line, i)).collect::<Vec<_>>();
        let values = [values(&self.history), values(&self.base), values(&self.low), values(&self.high)];

        let swatches = [
            Swatch::Line { color: HISTORY, dashed: false, marker: true },
            Swatch::Line { color: BASE, dashed: true, marker: false },
            Swatch::Band(PESSIMISTIC),
            Swatch::Band(OPTIMISTIC),
        ];
        let has = |line: &[Option<f64>]| line.iter().any(Option::is_some);
        let items = (0..4).filter(|&k| has(&values[k])).map(|k| (self.labels[k].as_str(), swatches[k])).collect();
        let legend = Legend::new(c, items);
        let drawn: Vec<f64> = values.iter().flat_map(|line| line.iter().flatten().copied()).collect();
        let data = if drawn.is_empty() {
            (0.0, 0.0)
        } else {
            drawn.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)))
        };
        let spec = AxisSpec {
            y_label: &self.y_label,
            years: &self.years,
            data,
            headroom: c.px(6.0),
            zero_based: false,
            footer: false,
            lang: self.lang,
        };
        let axes = Axes::layout(c, top, &spec, &legend);
        Lines { values, legend, spec, axes }
    }
}

impl Chart for ProjectionChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        c.frame(&self.title)?;
        let Lines { values: [history, base, low, high], legend, spec, axes } = self.layout(&c);
        let years = self.years.len();
        axes.draw(&c, &spec)?;

        // The band, over each run of years where both edges have a value; a one-year run is a bar.
        let both: Vec<Option<(f64, f64)>> = low.iter().zip(&high).map(|(l, h)| l.zip(*h)).collect();
        let mut i = 0;
        while i < years {
            if both[i].is_none() {
                i += 1;
                continue;
            }
            let start = i;
            while i < years && both[i].is_some() {
                i += 1;
            }
            let run: Vec<(usize, (f64, f64))> = (start..i).filter_map(|k| both[k].map(|b| (k, b))).collect();
            if let [(k, (l, h))] = run[..] {
                let half = c.px(4.0).max(1);
                let (x, yl, yh) = (axes.x(k), axes.y(l), axes.y(h));
                area.draw(&Rectangle::new([(x - half, yl), (x + half, yh)], BASE.mix(0.16).filled())).map_err(fail)?;
            } else {
                let mut polygon: Vec<(i32, i32)> = run.iter().map(|&(k, (_, h))| (axes.x(k), axes.y(h))).collect();
                polygon.extend(run.iter().rev().map(|&(k, (l, _))| (axes.x(k), axes.y(l))));
                area.draw(&Polygon::new(polygon, BASE.mix(0.16).filled())).map_err(fail)?;
            }
        }

        axes.line(&c, low.iter().copied(), (PESSIMISTIC, 1.5), false, false)?;
        axes.line(&c, high.iter().copied(), (OPTIMISTIC, 1.5), false, false)?;
        axes.line(&c, base.iter().copied(), (BASE, 2.5), true, false)?;
        axes.line(&c, history.iter().copied(), (HISTORY, 2.5), false, true)?;
        legend.draw(&c)
    }

    fn readout(&self, width: u32, height: u32, x: f64, y: f64) -> Option<String> {
        measure(width, height, |c| {
            let i = self.layout(c).axes.year_at(x, y)?;
            let lines = [&self.history, &self.base, &self.low, &self.high]
                .into_iter()
                .zip(&self.labels)
                .filter_map(|(line, label)| {
                    Some(readout_line(label, rupiah_short(line.get(i).copied()??, self.lang), false))
                })
                .collect();
            readout_text(self.years[i], lines)
        })
    }
}
