//! The plot region of a chart of amounts per year: its layout, grid, ticks, years and lines.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::legend::{Legend, dot, line_path};
use super::scale::scale;
use super::style::{CAPTION, DEFAULT_SPAN, TICK, exact_in_short, money_label};
use crate::charts::{AXIS, Canvas, GRID, MUTED, TEXT};
use crate::i18n::Lang;

/// What a chart of amounts per year asks of its axes.
#[derive(Clone, Copy)]
pub(super) struct AxisSpec<'a> {
    /// The caption above the amount axis.
    pub(super) y_label: &'a str,
    pub(super) years: &'a [i32],
    /// The smallest and the largest amount drawn.
    pub(super) data: (f64, f64),
    /// Pixels kept free above the largest amount, for the totals on top of the columns.
    pub(super) headroom: i32,
    /// Whether the axis starts at 0 (columns). Lines start near their lowest value when that is above half
    /// their highest, so a projection band is not squeezed into the top of the plot.
    pub(super) zero_based: bool,
    /// A second row under the years, for the column totals.
    pub(super) footer: bool,
    /// The language of the amounts' units.
    pub(super) lang: Lang,
}

/// The plot region of a chart of amounts per year, its scales and ticks.
pub(super) struct Axes {
    pub(super) left: i32,
    pub(super) right: i32,
    pub(super) top: i32,
    pub(super) bottom: i32,
    /// The amounts at the bottom and the top of the plot.
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) years: usize,
    /// Each tick's amount and label.
    pub(super) ticks: Vec<(f64, String)>,
    /// Where the caption goes: the top of the chart body.
    pub(super) caption_top: i32,
    /// The middle of the row of years, and of the totals row under it.
    pub(super) years_y: i32,
    pub(super) footer_y: i32,
}

impl Axes {
    /// Lay out a chart of amounts per year under `top`: the caption top left, the amount axis with `Rp`
    /// ticks, the years (and maybe the totals) under the plot, and room for `legend` at the bottom.
    pub(super) fn layout<DB: DrawingBackend>(
        c: &Canvas<'_, DB>,
        top: i32,
        spec: &AxisSpec<'_>,
        legend: &Legend,
    ) -> Axes {
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
        let label_of = |k: f64, step: f64| money_label(k * step, spec.lang);
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
    pub(super) fn draw<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, spec: &AxisSpec<'_>) -> Result<(), String> {
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
    pub(super) fn year_at(&self, x: f64, y: f64) -> Option<usize> {
        let (left, right) = (f64::from(self.left), f64::from(self.right));
        let inside = (left..right).contains(&x) && (f64::from(self.top)..=f64::from(self.bottom)).contains(&y);
        if !inside || self.years == 0 {
            return None;
        }
        Some((((x - left) / self.slot()) as usize).min(self.years - 1))
    }

    /// The width of one year's slot.
    pub(super) fn slot(&self) -> f64 {
        f64::from(self.right - self.left) / self.years.max(1) as f64
    }

    /// The middle of year `i`'s slot.
    pub(super) fn x(&self, i: usize) -> i32 {
        self.left + ((i as f64 + 0.5) * self.slot()).round() as i32
    }

    /// The height of `value`, kept inside the plot.
    pub(super) fn y(&self, value: f64) -> i32 {
        let t = ((value - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        self.bottom - (t * f64::from(self.bottom - self.top)).round() as i32
    }

    /// The points of `values` as runs of consecutive years with a value: the pieces of a broken line.
    pub(super) fn runs(&self, values: impl Iterator<Item = Option<f64>>) -> Vec<Vec<(i32, i32)>> {
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
    pub(super) fn line<DB: DrawingBackend>(
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
