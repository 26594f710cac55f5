//! The finance charts: revenue by source per year, the revenue projection with its pessimistic-optimistic
//! band, program cost per dimension against the fiscal envelope, and the mix of funding sources. Each takes
//! its labels already translated.
//!
//! Amounts are whole rupiah (`i64`). Axes and labels write them short the Indonesian way, in both languages:
//! `Rp 500 M` (miliar), `Rp 1,5 T` (triliun), `Rp 25 jt` (juta), as [`crate::i18n::format_rupiah_short`] does.
//! Years stay integers. A missing amount (`None`, or a list shorter than the years) is left out, never drawn
//! as 0; a negative amount in a stack or a share is drawn as 0 (a stack cannot hold a negative part).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{AXIS, Canvas, Chart, EMPTY, GRID, MUTED, TEXT, TextMode, fail, measure, rgb};
use crate::i18n::{format_decimal, format_rupiah_short};

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

/// Revenue per year as stacked columns, one part per source (PAD, DAU, DAK, DBH, Dana Desa, other), bottom
/// up in series order, with each year's total on top when it fits ("≈" when a part of it is an estimate).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RevenueCompositionChart {
    pub title: String,
    /// The columns, left to right, equally spaced.
    pub years: Vec<i32>,
    pub series: Vec<StackSeries>,
    /// The caption above the amount axis, e.g. "Rupiah per tahun".
    pub y_label: String,
    /// The legend entry of the hatched parts ("estimasi"), shown when some part is an estimate.
    pub estimate_label: String,
}

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
}

/// Program cost per year as stacked columns, one part per dimension (in the dimension colours), against the
/// fiscal envelope drawn as a line with markers on top. A total above its year's envelope is printed red.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CostVsEnvelopeChart {
    pub title: String,
    pub years: Vec<i32>,
    pub stacks: Vec<StackSeries>,
    /// Rupiah per year available for the programs.
    pub envelope: Vec<Option<i64>>,
    pub envelope_label: String,
    pub y_label: String,
    /// The legend entry of the hatched (estimated) parts, shown when some part is an estimate.
    pub estimate_label: String,
}

/// The mix of funding sources as one horizontal 100 % bar, with a table under it: each source's colour,
/// name, share (`40,7%`) and amount (`Rp 45 M`). A source with a negative amount counts as 0. When the
/// sources do not all fit in the table, the last row "…" sums up the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FundingMixChart {
    pub title: String,
    /// Name, colour and rupiah of each source, in the order shown.
    pub parts: Vec<(String, [u8; 3], i64)>,
}

/// The history line.
const HISTORY: RGBColor = RGBColor(52, 58, 64);
/// The base projection and, lightly, the band.
const BASE: RGBColor = RGBColor(46, 94, 170);
const PESSIMISTIC: RGBColor = RGBColor(200, 80, 50);
const OPTIMISTIC: RGBColor = RGBColor(46, 140, 84);
/// The envelope line, dark so it stands out on any dimension colour.
const ENVELOPE: RGBColor = RGBColor(33, 37, 41);
/// A cost total above its envelope.
const OVER: RGBColor = RGBColor(192, 45, 35);
/// The swatch of "estimate" in the legend.
const ESTIMATE_SWATCH: RGBColor = RGBColor(120, 126, 134);
/// The axis span when there is nothing to scale it by: Rp 1 M.
const DEFAULT_SPAN: f64 = 1e9;

/// Text sizes.
const TICK: f64 = 11.5;
const CAPTION: f64 = 12.5;
const LEGEND: f64 = 13.0;
const VALUE: f64 = 11.5;

/// An amount on an axis or at a column, short: `Rp 0`, `Rp 500 M`, `Rp 1,5 T`, `Rp 25 jt`. Amounts beyond
/// `i64` (sums of huge values) are written in triliun.
pub(super) fn money_label(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let rounded = value.round();
    // i64::MAX as f64 rounds up to 2^63, which is out of range: stay below it.
    if rounded.abs() < 9.2e18 {
        return format_rupiah_short(rounded as i64);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    let triliun = (rounded.abs() / 1e12).round();
    let digits = format!("{triliun:.0}");
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    format!("{sign}Rp {grouped} T")
}

/// Whether [`money_label`] writes `value` exactly: at most two decimals of its unit (juta, miliar, triliun).
fn exact_in_short(value: f64) -> bool {
    let abs = value.abs();
    let unit = [1e12, 1e9, 1e6].into_iter().find(|&unit| abs >= unit).unwrap_or(1.0);
    let hundredths = abs / unit * 100.0;
    (hundredths - hundredths.round()).abs() < 1e-6 * hundredths.max(1.0)
}

/// A share as a percentage with one decimal comma: `40,7%`.
fn percent(share: f64) -> String {
    format!("{}%", format_decimal(share * 100.0, 1))
}

/// The scale of an axis covering `lo..=hi` in at most `max_intervals` intervals of a round step (1, 2, 2,5
/// or 5 times a power of ten, at least 1 rupiah): `(first, last, step)`, the ticks being `first..=last`
/// times `step`. Of the steps giving 3 or more intervals, the one reaching least beyond the data wins, the
/// larger step on a tie; so 0 to Rp 1,41 T gets 0, 500 M, 1 T, 1,5 T rather than an axis up to 2 T.
fn scale(lo: f64, hi: f64, max_intervals: i32) -> (f64, f64, f64) {
    let max_intervals = f64::from(max_intervals.max(1));
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0 && lo.is_finite()) {
        return (0.0, 1.0, 1.0);
    }
    let ticks_of = |step: f64| {
        let first = (lo / step + 1e-9).floor();
        let last = (hi / step - 1e-9).ceil().max(first + 1.0);
        (first, last, step)
    };
    let smallest = 10f64.powf((span / max_intervals).log10().floor());
    let mut best: Option<(f64, f64, f64)> = None;
    for power in [smallest / 10.0, smallest, smallest * 10.0, smallest * 100.0] {
        for step in [1.0, 2.0, 2.5, 5.0].map(|m| m * power) {
            if step < 1.0 {
                continue;
            }
            let (first, last, step) = ticks_of(step);
            let intervals = last - first;
            if intervals > max_intervals || intervals < max_intervals.min(3.0) {
                continue;
            }
            let reach = (last - first) * step;
            if best.is_none_or(|(f, l, s)| reach <= (l - f) * s * (1.0 + 1e-9)) {
                best = Some((first, last, step));
            }
        }
    }
    // No round step fits (a span of a few rupiah): a step of 1, or of span / intervals.
    best.unwrap_or_else(|| ticks_of((span / max_intervals).ceil().max(1.0)))
}

/// `color` lightened towards white by `amount` (0 = unchanged, 1 = white), as a solid colour.
fn lighten(color: RGBColor, amount: f64) -> RGBColor {
    let RGBColor(r, g, b) = color;
    let mix = |v: u8| (f64::from(v) + (255.0 - f64::from(v)) * amount).round() as u8;
    RGBColor(mix(r), mix(g), mix(b))
}

/// Dark or white text, whichever reads better on `background`.
fn ink_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance > 150.0 { TEXT } else { WHITE }
}

/// The amount of a stack part in year `i`, negative ones as 0.
fn part(series: &StackSeries, i: usize) -> Option<f64> {
    series.values.get(i).copied().flatten().map(|v| v.max(0) as f64)
}

fn is_estimate(series: &StackSeries, i: usize) -> bool {
    series.estimated.get(i).copied().unwrap_or(false) && part(series, i).is_some_and(|v| v > 0.0)
}

/// Each year's total of `series` (`None` when no part has an amount) and whether a part of it is an estimate.
fn stack_totals(series: &[StackSeries], years: usize) -> Vec<(Option<f64>, bool)> {
    (0..years)
        .map(|i| {
            let parts: Vec<f64> = series.iter().filter_map(|s| part(s, i)).collect();
            let total = if parts.is_empty() { None } else { Some(parts.iter().sum()) };
            (total, series.iter().any(|s| is_estimate(s, i)))
        })
        .collect()
}

/// The value of a line in year `i`.
fn point(values: &[Option<i64>], i: usize) -> Option<f64> {
    values.get(i).copied().flatten().map(|v| v as f64)
}

/// The smallest and largest of `values`, (0, 0) when there are none.
fn extent(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    values.into_iter().fold((0.0, 0.0), |(lo, hi), v| (f64::min(lo, v), f64::max(hi, v)))
}

/// How a legend entry shows what it names.
#[derive(Clone, Copy)]
enum Swatch {
    /// A filled square: a stack part.
    Fill(RGBColor),
    /// A light hatched square: an estimate.
    Hatched(RGBColor),
    /// A short line, maybe dashed, maybe with a dot: a line series.
    Line { color: RGBColor, dashed: bool, marker: bool },
    /// A light patch with a thin line through it: an edge of the projection band.
    Band(RGBColor),
}

/// The legend under a chart: its entries side by side, on more rows when they do not fit on one, centred.
struct Legend {
    entries: Vec<(String, Swatch, i32)>,
    rows: Vec<(Vec<usize>, i32)>,
    line: i32,
}

impl Legend {
    fn new<DB: DrawingBackend>(c: &Canvas<'_, DB>, items: Vec<(&str, Swatch)>) -> Legend {
        let margin = c.px(12.0);
        let (gap, spacing) = (c.px(7.0), c.px(20.0));
        let room = c.w - 2 * margin;
        let mut entries = Vec::with_capacity(items.len());
        for (name, swatch) in items {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let swatch_w = Legend::swatch_width(c, swatch);
            let name = c.fit(name, LEGEND, room - swatch_w - gap);
            let width = swatch_w + gap + c.width(&name, LEGEND);
            entries.push((name, swatch, width));
        }
        let mut rows: Vec<(Vec<usize>, i32)> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            match rows.last_mut() {
                Some((row, width)) if *width + spacing + entry.2 <= room => {
                    row.push(i);
                    *width += spacing + entry.2;
                }
                _ => rows.push((vec![i], entry.2)),
            }
        }
        Legend { entries, rows, line: c.line(LEGEND) + c.px(4.0) }
    }

    fn swatch_width<DB: DrawingBackend>(c: &Canvas<'_, DB>, swatch: Swatch) -> i32 {
        match swatch {
            Swatch::Fill(_) | Swatch::Hatched(_) => c.px(14.0).max(4),
            Swatch::Line { .. } | Swatch::Band(_) => c.px(28.0).max(8),
        }
    }

    fn height(&self) -> i32 {
        self.line * self.rows.len() as i32
    }

    /// The top of the legend, which ends at the picture's bottom margin.
    fn top<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> i32 {
        c.h - c.px(12.0) - self.height()
    }

    fn draw<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Result<(), String> {
        let (gap, spacing) = (c.px(7.0), c.px(20.0));
        let top = self.top(c);
        for (k, (row, width)) in self.rows.iter().enumerate() {
            let y = top + self.line * k as i32 + self.line / 2;
            let mut x = (c.w - width) / 2;
            for &i in row {
                let (name, swatch, entry_width) = &self.entries[i];
                let swatch_w = Legend::swatch_width(c, *swatch);
                let half = c.px(6.0).max(2);
                match *swatch {
                    Swatch::Fill(color) => c.rect((x, y - half), (x + swatch_w, y + half), &color)?,
                    Swatch::Hatched(color) => {
                        c.rect((x, y - half), (x + swatch_w, y + half), &lighten(color, 0.6))?;
                        hatch(c, (x, y - half), (x + swatch_w, y + half), color)?;
                    }
                    Swatch::Line { color, dashed, marker } => {
                        let points = vec![(x, y), (x + swatch_w, y)];
                        line_path(c, points, c.stroke(color, 2.5), dashed)?;
                        if marker {
                            dot(c, (x + swatch_w / 2, y), color)?;
                        }
                    }
                    Swatch::Band(color) => {
                        c.area
                            .draw(&Rectangle::new([(x, y - half), (x + swatch_w, y + half)], BASE.mix(0.16).filled()))
                            .map_err(fail)?;
                        c.path(vec![(x, y), (x + swatch_w, y)], c.stroke(color, 1.5))?;
                    }
                }
                c.text(name, LEGEND, &TEXT, (x + swatch_w + gap, y), (HPos::Left, VPos::Center))?;
                x += entry_width + spacing;
            }
        }
        Ok(())
    }
}

/// Diagonal lines across the rectangle from `a` to `b`, rising to the right. They lie on one grid for the
/// whole picture, so the hatching of stacked parts lines up.
fn hatch<DB: DrawingBackend>(c: &Canvas<'_, DB>, a: (i32, i32), b: (i32, i32), color: RGBColor) -> Result<(), String> {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    if x1 - x0 < 2 || y1 - y0 < 2 {
        return Ok(());
    }
    let spacing = c.px(7.0).max(3);
    let style = c.stroke(color, 1.2);
    // The lines x + y = k, for every multiple k of the spacing that crosses the rectangle.
    let mut k = (x0 + y0).div_euclid(spacing) * spacing;
    while k <= x1 + y1 {
        let (from, to) = (x0.max(k - y1), x1.min(k - y0));
        if from < to {
            c.path(vec![(from, k - from), (to, k - to)], style)?;
        }
        k += spacing;
    }
    Ok(())
}

/// A solid or dashed line through `points`.
fn line_path<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    points: Vec<(i32, i32)>,
    style: ShapeStyle,
    dashed: bool,
) -> Result<(), String> {
    if dashed {
        let (dash, gap) = (c.px(9.0).max(3), c.px(5.0).max(2));
        c.area.draw(&plotters::element::DashedPathElement::new(points, dash, gap, style)).map_err(fail)
    } else {
        c.path(points, style)
    }
}

/// A data point: a dot with a white rim, so it reads on lines and columns alike.
fn dot<DB: DrawingBackend>(c: &Canvas<'_, DB>, at: (i32, i32), color: RGBColor) -> Result<(), String> {
    let r = c.px(4.0).max(2);
    c.area.draw(&Circle::new(at, r + c.px(1.5).max(1), WHITE.filled())).map_err(fail)?;
    c.area.draw(&Circle::new(at, r, color.filled())).map_err(fail)
}

/// What a chart of amounts per year asks of its axes.
#[derive(Clone, Copy)]
struct AxisSpec<'a> {
    /// The caption above the amount axis.
    y_label: &'a str,
    years: &'a [i32],
    /// The smallest and the largest amount drawn.
    data: (f64, f64),
    /// Pixels kept free above the largest amount, for the totals on top of the columns.
    headroom: i32,
    /// Whether the axis starts at 0 (columns). Lines start near their lowest value when that is above half
    /// their highest, so a projection band is not squeezed into the top of the plot.
    zero_based: bool,
    /// A second row under the years, for the column totals.
    footer: bool,
}

/// The plot region of a chart of amounts per year, its scales and ticks.
struct Axes {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    /// The amounts at the bottom and the top of the plot.
    lo: f64,
    hi: f64,
    years: usize,
    /// Each tick's amount and label.
    ticks: Vec<(f64, String)>,
    /// Where the caption goes: the top of the chart body.
    caption_top: i32,
    /// The middle of the row of years, and of the totals row under it.
    years_y: i32,
    footer_y: i32,
}

impl Axes {
    /// Lay out a chart of amounts per year under `top`: the caption top left, the amount axis with `Rp`
    /// ticks, the years (and maybe the totals) under the plot, and room for `legend` at the bottom.
    fn layout<DB: DrawingBackend>(c: &Canvas<'_, DB>, top: i32, spec: &AxisSpec<'_>, legend: &Legend) -> Axes {
        let margin = c.px(12.0);
        let tick_line = c.line(TICK);
        let rows = if spec.footer { 2 } else { 1 };
        let under = c.px(6.0) + tick_line * rows;
        let bottom = if legend.rows.is_empty() { c.h - margin } else { legend.top(c) - c.px(10.0) } - under;
        let caption_top = top;
        let top = top + tick_line / 2 + if spec.y_label.trim().is_empty() { 0 } else { c.line(CAPTION) + c.px(4.0) };
        let plot_h = (bottom - top).max(1);

        // The scale: about one tick per two text lines, at most 6 intervals.
        let (data_lo, data_hi) = spec.data;
        let mut hi = data_hi.max(0.0);
        let near = !spec.zero_based && data_lo > 0.0 && data_lo > hi * 0.5;
        let mut lo = if near { data_lo } else { data_lo.min(0.0) };
        if hi <= lo {
            (lo, hi) = (lo.min(0.0), lo.max(0.0) + DEFAULT_SPAN);
        }
        let usable = (plot_h - spec.headroom).max(plot_h / 2).max(1);
        let needed = lo + (hi - lo) * f64::from(plot_h) / f64::from(usable);
        let max_intervals = (plot_h / (tick_line * 2).max(1)).clamp(2, 6);
        let (mut first, mut last, mut step) = scale(lo, needed, max_intervals);
        let label_of = |k: f64, step: f64| money_label(k * step);
        let mut ticks: Vec<(f64, String)> = (0..=((last - first) as i64).min(20))
            .map(|k| first + k as f64)
            .map(|k| (k * step, label_of(k, step)))
            .collect();
        // Ticks far from 0 may need more decimals than a short amount has: then 0 is the start after all.
        if near && !ticks.iter().all(|&(tick, _)| exact_in_short(tick)) {
            (first, last, step) = scale(data_lo.min(0.0), needed, max_intervals);
            ticks = (0..=((last - first) as i64).min(20))
                .map(|k| first + k as f64)
                .map(|k| (k * step, label_of(k, step)))
                .collect();
        }

        let left = margin + c.widest(ticks.iter().map(|(_, label)| label), TICK) + c.px(8.0);
        let years_y = bottom + c.px(6.0) + tick_line / 2;
        Axes {
            left,
            right: c.w - margin,
            top,
            bottom,
            lo: first * step,
            hi: last * step,
            years: spec.years.len(),
            ticks,
            caption_top,
            years_y,
            footer_y: years_y + tick_line,
        }
    }

    /// Draw the caption, the grid with its ticks, and the years (each one that fits side by side).
    fn draw<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, spec: &AxisSpec<'_>) -> Result<(), String> {
        let margin = c.px(12.0);
        let caption = spec.y_label.trim();
        if !caption.is_empty() {
            let caption = c.fit(caption, CAPTION, c.w - 2 * margin);
            c.text(&caption, CAPTION, &MUTED, (margin, self.caption_top), (HPos::Left, VPos::Top))?;
        }
        for (tick, label) in &self.ticks {
            let y = self.y(*tick);
            let color = if *tick == 0.0 { AXIS } else { GRID };
            c.path(vec![(self.left, y), (self.right, y)], c.stroke(color, 1.0))?;
            c.text(label, TICK, &MUTED, (self.left - c.px(8.0), y), (HPos::Right, VPos::Center))?;
        }
        let names: Vec<String> = spec.years.iter().map(|year| year.to_string()).collect();
        let widest = f64::from(c.widest(&names, TICK) + c.px(10.0));
        let every = ((widest / self.slot().max(1.0)).ceil() as usize).max(1);
        for (i, name) in names.iter().enumerate().step_by(every) {
            c.text(name, TICK, &TEXT, (self.x(i), self.years_y), (HPos::Center, VPos::Center))?;
        }
        Ok(())
    }

    /// The year whose slot holds the point (`x`, `y`), `None` outside the plot.
    fn year_at(&self, x: f64, y: f64) -> Option<usize> {
        let (left, right) = (f64::from(self.left), f64::from(self.right));
        let inside = (left..right).contains(&x) && (f64::from(self.top)..=f64::from(self.bottom)).contains(&y);
        if !inside || self.years == 0 {
            return None;
        }
        Some((((x - left) / self.slot()) as usize).min(self.years - 1))
    }

    /// The width of one year's slot.
    fn slot(&self) -> f64 {
        f64::from(self.right - self.left) / self.years.max(1) as f64
    }

    /// The middle of year `i`'s slot.
    fn x(&self, i: usize) -> i32 {
        self.left + ((i as f64 + 0.5) * self.slot()).round() as i32
    }

    /// The height of `value`, kept inside the plot.
    fn y(&self, value: f64) -> i32 {
        let t = ((value - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        self.bottom - (t * f64::from(self.bottom - self.top)).round() as i32
    }

    /// The points of `values` as runs of consecutive years with a value: the pieces of a broken line.
    fn runs(&self, values: impl Iterator<Item = Option<f64>>) -> Vec<Vec<(i32, i32)>> {
        let mut runs: Vec<Vec<(i32, i32)>> = vec![Vec::new()];
        for (i, value) in values.enumerate() {
            match value {
                Some(v) => runs.last_mut().expect("never empty").push((self.x(i), self.y(v))),
                None if runs.last().is_some_and(|run| !run.is_empty()) => runs.push(Vec::new()),
                None => {}
            }
        }
        runs.retain(|run| !run.is_empty());
        runs
    }

    /// A line through `values`, broken where one is missing; a lone value gets a dot so it shows.
    fn line<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        values: impl Iterator<Item = Option<f64>>,
        (color, width): (RGBColor, f64),
        dashed: bool,
        dots: bool,
    ) -> Result<(), String> {
        let runs = self.runs(values);
        for run in &runs {
            if run.len() > 1 {
                line_path(c, run.clone(), c.stroke(color, width), dashed)?;
            }
        }
        for run in &runs {
            if dots || run.len() == 1 {
                for &p in run {
                    dot(c, p, color)?;
                }
            }
        }
        Ok(())
    }
}

/// The stacked columns of `series`, bottom up in series order: estimates lighter and hatched, a thin white
/// line between parts.
fn draw_stacks<DB: DrawingBackend>(c: &Canvas<'_, DB>, axes: &Axes, series: &[StackSeries]) -> Result<(), String> {
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
fn fitting_totals<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    totals: &[(Option<f64>, bool)],
    room: i32,
) -> Option<Vec<Option<String>>> {
    [true, false].into_iter().find_map(|with_rp| {
        let labels: Vec<Option<String>> = totals
            .iter()
            .map(|&(total, estimated)| {
                total.map(|total| {
                    let amount = money_label(total);
                    let amount = if with_rp { amount.as_str() } else { amount.trim_start_matches("Rp ") };
                    if estimated { format!("≈ {amount}") } else { amount.to_string() }
                })
            })
            .collect();
        (c.widest(labels.iter().flatten(), VALUE) <= room).then_some(labels)
    })
}

/// Where a chart of stacked columns puts everything, for drawing and read-out alike.
struct Columns<'s> {
    /// Each year's total and whether a part of it is an estimate.
    totals: Vec<(Option<f64>, bool)>,
    legend: Legend,
    spec: AxisSpec<'s>,
    axes: Axes,
    /// The total labels, when they all fit (see [`fitting_totals`]).
    labels: Option<Vec<Option<String>>>,
}

/// Where a [`ProjectionChart`] puts everything, for drawing and read-out alike.
struct Lines<'s> {
    /// History, base, pessimistic, optimistic: one value per year.
    values: [Vec<Option<f64>>; 4],
    legend: Legend,
    spec: AxisSpec<'s>,
    axes: Axes,
}

/// One line of a read-out: `name: Rp 1,5 T`, the amount after "≈" when it is an estimate, the name left out
/// when there is none.
fn readout_line(name: &str, amount: String, estimated: bool) -> String {
    let amount = if estimated { format!("≈ {amount}") } else { amount };
    match name.trim() {
        "" => amount,
        name => format!("{name}: {amount}"),
    }
}

/// The read-out lines of the parts of a stack in year `i`, bottom up; parts without an amount left out.
fn stack_readout(series: &[StackSeries], i: usize) -> impl Iterator<Item = String> + '_ {
    series.iter().filter_map(move |s| {
        let amount = s.values.get(i).copied().flatten()?;
        Some(readout_line(&s.name, format_rupiah_short(amount), is_estimate(s, i)))
    })
}

/// The text of a read-out: the year, then `lines`; `None` when there is no line.
fn readout_text(year: i32, lines: Vec<String>) -> Option<String> {
    (!lines.is_empty()).then(|| std::iter::once(year.to_string()).chain(lines).collect::<Vec<_>>().join("\n"))
}

/// The label of a column total in a read-out.
const TOTAL: &str = "Total";

impl RevenueCompositionChart {
    fn layout<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Columns<'_> {
        let top = c.body_top(&self.title);
        let totals = stack_totals(&self.series, self.years.len());

        let mut items: Vec<(&str, Swatch)> =
            self.series.iter().map(|s| (s.name.as_str(), Swatch::Fill(rgb(s.color)))).collect();
        if totals.iter().any(|&(_, estimated)| estimated) {
            items.push((self.estimate_label.as_str(), Swatch::Hatched(ESTIMATE_SWATCH)));
        }
        let legend = Legend::new(c, items);

        // The totals go on top of the columns when each fits over its column; else there is no room to keep.
        let (_, hi) = extent(totals.iter().filter_map(|&(total, _)| total));
        let mut spec = AxisSpec {
            y_label: &self.y_label,
            years: &self.years,
            data: (0.0, hi),
            headroom: c.line(VALUE) / 2 + c.px(4.0),
            zero_based: true,
            footer: false,
        };
        let mut axes = Axes::layout(c, top, &spec, &legend);
        let labels = fitting_totals(c, &totals, axes.slot() as i32 - c.px(6.0));
        if labels.is_none() {
            spec.headroom = 0;
            axes = Axes::layout(c, top, &spec, &legend);
        }
        Columns { totals, legend, spec, axes, labels }
    }
}

impl Chart for RevenueCompositionChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        c.frame(&self.title)?;
        let Columns { totals, legend, spec, axes, labels } = self.layout(&c);
        axes.draw(&c, &spec)?;
        draw_stacks(&c, &axes, &self.series)?;
        for (i, (label, &(total, _))) in labels.iter().flatten().zip(&totals).enumerate() {
            if let (Some(label), Some(total)) = (label, total) {
                let y = axes.y(total) - c.px(4.0);
                c.text(label, VALUE, &TEXT, (axes.x(i), y), (HPos::Center, VPos::Bottom))?;
            }
        }
        legend.draw(&c)
    }

    fn readout(&self, width: u32, height: u32, x: f64, y: f64) -> Option<String> {
        measure(width, height, |c| {
            let layout = self.layout(c);
            let i = layout.axes.year_at(x, y)?;
            let mut lines: Vec<String> = stack_readout(&self.series, i).collect();
            if let (Some(total), estimated) = layout.totals[i] {
                lines.push(readout_line(TOTAL, money_label(total), estimated));
            }
            readout_text(self.years[i], lines)
        })
    }
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
                    Some(readout_line(label, format_rupiah_short(line.get(i).copied()??), false))
                })
                .collect();
            readout_text(self.years[i], lines)
        })
    }
}

impl CostVsEnvelopeChart {
    /// The layout, and the envelope per year.
    fn layout<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> (Columns<'_>, Vec<Option<f64>>) {
        let top = c.body_top(&self.title);
        let years = self.years.len();
        let totals = stack_totals(&self.stacks, years);
        let envelope: Vec<Option<f64>> = (0..years).map(|i| point(&self.envelope, i)).collect();

        let mut items: Vec<(&str, Swatch)> =
            self.stacks.iter().map(|s| (s.name.as_str(), Swatch::Fill(rgb(s.color)))).collect();
        if totals.iter().any(|&(_, estimated)| estimated) {
            items.push((self.estimate_label.as_str(), Swatch::Hatched(ESTIMATE_SWATCH)));
        }
        if envelope.iter().any(Option::is_some) {
            items.push((self.envelope_label.as_str(), Swatch::Line { color: ENVELOPE, dashed: false, marker: true }));
        }
        let legend = Legend::new(c, items);

        // The totals go in a row under the years (on the columns they would collide with the envelope), if
        // each fits in its year's slot.
        let data = extent(totals.iter().filter_map(|&(total, _)| total).chain(envelope.iter().flatten().copied()));
        let mut spec =
            AxisSpec { y_label: &self.y_label, years: &self.years, data, headroom: 0, zero_based: true, footer: true };
        let mut axes = Axes::layout(c, top, &spec, &legend);
        let labels = fitting_totals(c, &totals, axes.slot() as i32 - c.px(6.0));
        if labels.is_none() {
            spec.footer = false;
            axes = Axes::layout(c, top, &spec, &legend);
        }
        (Columns { totals, legend, spec, axes, labels }, envelope)
    }
}

impl Chart for CostVsEnvelopeChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        c.frame(&self.title)?;
        let (Columns { totals, legend, spec, axes, labels }, envelope) = self.layout(&c);
        axes.draw(&c, &spec)?;
        draw_stacks(&c, &axes, &self.stacks)?;

        // The envelope on top: a white halo under the line keeps it apart from the columns.
        let runs = axes.runs(envelope.iter().copied());
        for run in runs.iter().filter(|run| run.len() > 1) {
            c.path(run.clone(), c.stroke(WHITE, 5.0))?;
            c.path(run.clone(), c.stroke(ENVELOPE, 2.5))?;
        }
        for &p in runs.iter().flatten() {
            dot(&c, p, ENVELOPE)?;
        }

        // The totals, red where they exceed the envelope.
        for (i, (label, &(total, _))) in labels.iter().flatten().zip(&totals).enumerate() {
            if let (Some(label), Some(total)) = (label, total) {
                let over = envelope[i].is_some_and(|e| total > e);
                let color = if over { OVER } else { MUTED };
                c.text(label, VALUE, &color, (axes.x(i), axes.footer_y), (HPos::Center, VPos::Center))?;
            }
        }
        legend.draw(&c)
    }

    fn readout(&self, width: u32, height: u32, x: f64, y: f64) -> Option<String> {
        measure(width, height, |c| {
            let (layout, _) = self.layout(c);
            let i = layout.axes.year_at(x, y)?;
            let mut lines: Vec<String> = stack_readout(&self.stacks, i).collect();
            if let (Some(total), estimated) = layout.totals[i] {
                lines.push(readout_line(TOTAL, money_label(total), estimated));
            }
            if let Some(envelope) = self.envelope.get(i).copied().flatten() {
                lines.push(readout_line(&self.envelope_label, format_rupiah_short(envelope), false));
            }
            readout_text(self.years[i], lines)
        })
    }
}

impl Chart for FundingMixChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        let top = c.frame(&self.title)?;
        let margin = c.px(12.0);
        let amounts: Vec<f64> = self.parts.iter().map(|&(_, _, amount)| amount.max(0) as f64).collect();
        let total: f64 = amounts.iter().sum();
        let shares: Vec<Option<f64>> = amounts.iter().map(|&a| (total > 0.0).then(|| a / total)).collect();

        // The table under the bar, one row per source; when they do not all fit, a flatter bar and tighter
        // rows, and then the sources that still do not fit summed up in a last row "…".
        const ROW: f64 = 13.5;
        let room = c.h - margin - top;
        let bar_gap = c.px(20.0);
        let capacity = |bar_h: i32, row_h: i32| ((room - bar_h - bar_gap) / row_h.max(1)).max(0) as usize;
        let (mut bar_h, mut row_h) = ((room / 5).min(c.px(64.0)).max(c.px(16.0)), c.line(ROW) + c.px(7.0));
        if capacity(bar_h, row_h) < self.parts.len() {
            (bar_h, row_h) = (bar_h.min(c.px(28.0)), c.line(ROW) + c.px(3.0));
        }
        let fit = capacity(bar_h, row_h);
        let listed = if fit >= self.parts.len() { self.parts.len() } else { fit.saturating_sub(1) };
        let share_text = |share: Option<f64>| share.map_or_else(|| "–".to_string(), percent);
        let mut rows: Vec<(String, RGBColor, String, String)> = self.parts[..listed]
            .iter()
            .zip(&shares)
            .map(|((name, color, amount), &share)| {
                (name.trim().to_string(), rgb(*color), share_text(share), money_label(*amount as f64))
            })
            .collect();
        if listed < self.parts.len() && fit > 0 {
            let rest: f64 = amounts[listed..].iter().sum();
            let share = (total > 0.0).then(|| rest / total);
            rows.push(("…".to_string(), EMPTY, share_text(share), money_label(rest)));
        }
        let block_h = bar_h + if rows.is_empty() { 0 } else { bar_gap + row_h * rows.len() as i32 };
        let bar_top = top + ((room - block_h) / 2).max(0);

        // The bar: one segment per source with an amount, its share inside when it fits.
        let (left, right) = (margin, c.w - margin);
        let width = f64::from(right - left);
        if total > 0.0 {
            let mut x = left;
            let mut sum = 0.0;
            for (k, (name_color, &amount)) in self.parts.iter().zip(&amounts).enumerate() {
                if amount <= 0.0 {
                    continue;
                }
                sum += amount;
                let end = left + (width * (sum / total)).round() as i32;
                let color = rgb(name_color.1);
                c.rect((x, bar_top), (end, bar_top + bar_h), &color)?;
                if end - x >= 3 && sum < total {
                    c.path(vec![(end, bar_top), (end, bar_top + bar_h)], c.stroke(WHITE, 1.5))?;
                }
                let label = shares[k].map(percent).unwrap_or_default();
                if c.width(&label, VALUE) + c.px(8.0) <= end - x && c.line(VALUE) <= bar_h {
                    let at = ((x + end) / 2, bar_top + bar_h / 2);
                    c.text(&label, VALUE, &ink_on(color), at, (HPos::Center, VPos::Center))?;
                }
                x = end;
            }
        } else {
            c.rect((left, bar_top), (right, bar_top + bar_h), &EMPTY)?;
        }

        // The table: swatch, name, share, amount; centred, the numbers right-aligned.
        let (swatch, gap, column_gap) = (c.px(14.0).max(4), c.px(8.0), c.px(22.0));
        let share_w = c.widest(rows.iter().map(|row| &row.2), ROW);
        let amount_w = c.widest(rows.iter().map(|row| &row.3), ROW);
        let fixed = swatch + gap + column_gap + share_w + column_gap + amount_w;
        let names: Vec<String> = rows.iter().map(|row| c.fit(&row.0, ROW, c.w - 2 * margin - fixed)).collect();
        let table_w = fixed + c.widest(&names, ROW);
        let table_left = (c.w - table_w) / 2;
        let table_top = bar_top + bar_h + bar_gap;
        for (k, (name, (_, color, share, amount))) in names.iter().zip(&rows).enumerate() {
            let y = table_top + row_h * k as i32 + row_h / 2;
            if k > 0 {
                let line_y = y - row_h / 2;
                c.path(vec![(table_left, line_y), (table_left + table_w, line_y)], c.stroke(GRID, 1.0))?;
            }
            let half = swatch / 2;
            c.rect((table_left, y - half), (table_left + swatch, y + half), color)?;
            c.text(name, ROW, &TEXT, (table_left + swatch + gap, y), (HPos::Left, VPos::Center))?;
            let share_right = table_left + table_w - amount_w - column_gap;
            c.text(share, ROW, &TEXT, (share_right, y), (HPos::Right, VPos::Center))?;
            c.text(amount, ROW, &MUTED, (table_left + table_w, y), (HPos::Right, VPos::Center))?;
        }
        Ok(())
    }
}
