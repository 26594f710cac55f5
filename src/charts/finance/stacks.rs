//! Stacked columns of amounts per year: the series, their totals, drawing, total labels and read-outs.

use plotters::prelude::*;

use super::axes::{Axes, AxisSpec};
use super::legend::{Legend, hatch};
use super::style::{VALUE, lighten, money_label};
use crate::charts::{Canvas, rgb};
use crate::i18n::{Lang, rupiah_short};

/// One part of a stacked column: a revenue source or a dimension, with an amount per year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StackSeries {
    pub name: String,
    pub color: [u8; 3],
    /// Rupiah per year, in the order of the chart's years; `None` where there is no amount.
    pub values: Vec<Option<i64>>,
    /// Per year: the amount is an estimate, drawn lighter and hatched. Missing entries count as `false`.
    pub estimated: Vec<bool>,
}

/// The amount of a stack part in year `i`, negative ones as 0.
pub(super) fn part(series: &StackSeries, i: usize) -> Option<f64> {
    series.values.get(i).copied().flatten().map(|v| v.max(0) as f64)
}

pub(super) fn is_estimate(series: &StackSeries, i: usize) -> bool {
    series.estimated.get(i).copied().unwrap_or(false) && part(series, i).is_some_and(|v| v > 0.0)
}

/// Each year's total of `series` (`None` when no part has an amount) and whether a part of it is an estimate.
pub(super) fn stack_totals(series: &[StackSeries], years: usize) -> Vec<(Option<f64>, bool)> {
    (0..years)
        .map(|i| {
            let parts: Vec<f64> = series.iter().filter_map(|s| part(s, i)).collect();
            let total = if parts.is_empty() { None } else { Some(parts.iter().sum()) };
            (total, series.iter().any(|s| is_estimate(s, i)))
        })
        .collect()
}

/// The stacked columns of `series`, bottom up in series order: estimates lighter and hatched, a thin white
/// line between parts.
pub(super) fn draw_stacks<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    axes: &Axes,
    series: &[StackSeries],
) -> Result<(), String> {
    let half = ((axes.slot() * 0.62).round() as i32).min(c.px(110.0)).max(2) / 2;
    for i in 0..axes.years {
        let x = axes.x(i);
        let mut sum = 0.0;
        for s in series {
            let Some(v) = part(s, i).filter(|&v| v > 0.0) else { continue };
            let (y0, y1) = (axes.y(sum), axes.y(sum + v));
            sum += v;
            let color = rgb(s.color);
            if is_estimate(s, i) {
                c.rect((x - half, y1), (x + half, y0), &lighten(color, 0.55))?;
                hatch(c, (x - half, y1), (x + half, y0), color)?;
            } else {
                c.rect((x - half, y1), (x + half, y0), &color)?;
            }
            if y0 - y1 >= 3 {
                c.path(vec![(x - half, y1), (x + half, y1)], c.stroke(WHITE, 1.0))?;
            }
        }
    }
    Ok(())
}

/// The labels of the column totals, if every one fits in `room` pixels: `Rp 1,41 T`, or `1,41 T` when that
/// is too wide; after "≈" when part of the total is an estimate. `None` when even the short ones do not fit.
pub(super) fn fitting_totals<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    totals: &[(Option<f64>, bool)],
    room: i32,
    lang: Lang,
) -> Option<Vec<Option<String>>> {
    [true, false].into_iter().find_map(|with_rp| {
        let labels: Vec<Option<String>> = totals
            .iter()
            .map(|&(total, estimated)| {
                total.map(|total| {
                    let amount = money_label(total, lang);
                    let amount = if with_rp { amount.as_str() } else { amount.trim_start_matches("Rp ") };
                    if estimated { format!("≈ {amount}") } else { amount.to_string() }
                })
            })
            .collect();
        (c.widest(labels.iter().flatten(), VALUE) <= room).then_some(labels)
    })
}

/// Where a chart of stacked columns puts everything, for drawing and read-out alike.
pub(super) struct Columns<'s> {
    /// Each year's total and whether a part of it is an estimate.
    pub(super) totals: Vec<(Option<f64>, bool)>,
    pub(super) legend: Legend,
    pub(super) spec: AxisSpec<'s>,
    pub(super) axes: Axes,
    /// The total labels, when they all fit (see [`fitting_totals`]).
    pub(super) labels: Option<Vec<Option<String>>>,
}

/// One line of a read-out: `name: Rp 1,5 T`, the amount after "≈" when it is an estimate, the name left out
/// when there is none.
pub(super) fn readout_line(name: &str, amount: String, estimated: bool) -> String {
    let amount = if estimated { format!("≈ {amount}") } else { amount };
    match name.trim() {
        "" => amount,
        name => format!("{name}: {amount}"),
    }
}

/// The read-out lines of the parts of a stack in year `i`, bottom up; parts without an amount left out.
pub(super) fn stack_readout(series: &[StackSeries], i: usize, lang: Lang) -> impl Iterator<Item = String> + '_ {
    series.iter().filter_map(move |s| {
        let amount = s.values.get(i).copied().flatten()?;
        Some(readout_line(&s.name, rupiah_short(amount, lang), is_estimate(s, i)))
    })
}

/// The text of a read-out: the year, then `lines`; `None` when there is no line.
pub(super) fn readout_text(year: i32, lines: Vec<String>) -> Option<String> {
    (!lines.is_empty()).then(|| std::iter::once(year.to_string()).chain(lines).collect::<Vec<_>>().join("\n"))
}

/// The label of a column total in a read-out.
pub(super) const TOTAL: &str = "Total";
