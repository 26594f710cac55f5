//! The gap bar chart: the largest gaps to target as horizontal bars, longest on top.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{round, tick_step, ticks};
use crate::charts::{AXIS, Canvas, Chart, GRID, MUTED, TEXT, TextMode, format_number};

/// The largest gaps to target as horizontal bars, longest on top, each with its value.
///
/// Bars are sorted by gap, longest first (ties keep the given order); as many are shown as fit with readable
/// labels, at most [`GapBarChart::MAX_BARS`]. Non-finite gaps are left out, negative ones drawn as 0.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GapBarChart {
    pub title: String,
    /// One label per gap: an item code or a short question.
    pub labels: Vec<String>,
    pub gaps: Vec<f64>,
    /// The caption under the value axis.
    pub axis_label: String,
}

impl GapBarChart {
    /// The most bars drawn, however large the picture.
    pub const MAX_BARS: usize = 15;
}

impl Chart for GapBarChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        let top = c.frame(&self.title)?;
        let margin = c.px(12.0);

        // Bars, longest first; ties keep their order.
        let mut bars: Vec<(&str, f64)> = self
            .gaps
            .iter()
            .enumerate()
            .filter(|(_, gap)| gap.is_finite())
            .map(|(i, &gap)| (self.labels.get(i).map_or("", |label| label.trim()), gap.max(0.0)))
            .collect();
        bars.sort_by(|a, b| b.1.total_cmp(&a.1));

        // Under the bars: the tick numbers, then the caption.
        const TICK: f64 = 12.0;
        const CAPTION: f64 = 13.0;
        let caption = self.axis_label.trim();
        let ticks_h = c.px(5.0) + c.line(TICK);
        let caption_h = if caption.is_empty() { 0 } else { c.px(4.0) + c.line(CAPTION) };
        let room = c.h - margin - top - ticks_h - caption_h;
        let shown = bars.len().min(GapBarChart::MAX_BARS).min((room / c.px(24.0).max(1)).max(1) as usize);
        bars.truncate(shown);
        let row_h = if bars.is_empty() { room } else { (room / bars.len() as i32).min(c.px(46.0)) };
        let bars_h = row_h * bars.len().max(1) as i32;
        // The bars and their axis as one block, centred in the room under the title.
        let plot_top = top + (room - bars_h) / 2;
        let plot_bottom = plot_top + bars_h;

        const LABEL: f64 = 13.0;
        const VALUE: f64 = 12.0;
        let pad = c.px(8.0);
        let labels: Vec<String> =
            bars.iter().map(|(label, _)| c.fit(label, LABEL, (f64::from(c.w) * 0.4) as i32)).collect();
        let values: Vec<String> = bars.iter().map(|(_, gap)| format_number(*gap)).collect();
        let max_gap = bars.iter().map(|bar| bar.1).fold(0.0, f64::max);
        let step = tick_step(if max_gap > 0.0 { max_gap } else { 1.0 });
        let axis_max = if max_gap > 0.0 { (max_gap / step - 1e-9).ceil() * step } else { 1.0 };
        let plot_left = margin + c.widest(&labels, LABEL) + pad;
        let plot_right = c.w - margin - c.widest(&values, VALUE).max(c.width(&format_number(axis_max), TICK) / 2) - pad;
        let x_of = |v: f64| plot_left + round(f64::from(plot_right - plot_left) * v / axis_max);

        // Grid lines with their numbers, and the caption.
        for (k, tick) in ticks(0.0, axis_max, step).into_iter().enumerate() {
            let x = x_of(tick);
            let color = if k == 0 { AXIS } else { GRID };
            c.path(vec![(x, plot_top), (x, plot_bottom)], c.stroke(color, 1.0))?;
            let y = plot_bottom + c.px(5.0) + c.line(TICK) / 2;
            c.text(&format_number(tick), TICK, &MUTED, (x, y), (HPos::Center, VPos::Center))?;
        }
        if !caption.is_empty() {
            let caption = c.fit(caption, CAPTION, plot_right - plot_left);
            let y = plot_bottom + ticks_h + c.px(4.0) + c.line(CAPTION) / 2;
            c.text(&caption, CAPTION, &TEXT, ((plot_left + plot_right) / 2, y), (HPos::Center, VPos::Center))?;
        }

        // The bars, each with its label and value.
        const BAR: RGBColor = RGBColor(222, 94, 64);
        let bar_h = round(f64::from(row_h) * 0.62);
        for (k, (((_, gap), label), value)) in bars.iter().zip(&labels).zip(&values).enumerate() {
            let mid = plot_top + row_h * k as i32 + row_h / 2;
            c.text(label, LABEL, &TEXT, (plot_left - pad, mid), (HPos::Right, VPos::Center))?;
            let end = x_of(*gap);
            if end > plot_left {
                c.rect((plot_left + 1, mid - bar_h / 2), (end, mid + bar_h / 2), &BAR)?;
            }
            c.text(value, VALUE, &TEXT, (end + c.px(5.0), mid), (HPos::Left, VPos::Center))?;
        }
        Ok(())
    }
}
