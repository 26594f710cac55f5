//! The readiness charts: the radar of the dimension indices per round, the dimension x pillar heatmap and
//! the bars of the largest gaps to target. Each takes its labels already translated.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{AXIS, Canvas, Chart, EMPTY, GRID, MUTED, TEXT, TextMode, fail, format_number, rgb};

/// The lowest readiness level: the red end of the heatmap scale.
const SCALE_MIN: f64 = 1.0;

/// One assessment round on the radar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RadarSeries {
    pub name: String,
    pub color: [u8; 3],
    /// One value per axis, in axis order; `None` where the round has no index for that dimension.
    pub values: Vec<Option<f64>>,
}

/// The index of each dimension as a radar, one polygon per round, with rings at 1, 2, ... `scale_max`.
///
/// A missing value (`None`, or a value list shorter than the axes) is skipped, never drawn as 0: a dimension
/// without answered items has no index, and 0 would read as "worse than the lowest level". The round's
/// outline then breaks at that axis and is not filled; each value it has still gets its dot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RadarChart {
    pub title: String,
    /// The dimension names, clockwise from the top.
    pub axes: Vec<String>,
    /// The outer ring, normally 5.0 (5.0 also when not finite or not above 0).
    pub scale_max: f64,
    /// Drawn in order, so the last round lies on top.
    pub series: Vec<RadarSeries>,
}

/// The index of each dimension (rows) in each pillar (columns), as cells coloured from red (1) over amber
/// to green (`scale_max`), each with its value (`2,4`); a cell without value is grey with "–".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatmapChart {
    pub title: String,
    /// The dimensions, and maybe a row for items tied to no dimension.
    pub rows: Vec<String>,
    /// The pillars.
    pub columns: Vec<String>,
    /// `values[row][column]`; missing rows or columns count as `None`.
    pub values: Vec<Vec<Option<f64>>>,
    /// The green end of the scale, normally 5.0 (5.0 also when not finite or not above 0).
    pub scale_max: f64,
}

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

/// A usable value: finite, else `None`.
fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// `scale_max` if it makes a scale, else 5.
fn usable_max(scale_max: f64) -> f64 {
    if scale_max.is_finite() && scale_max > 0.0 { scale_max } else { 5.0 }
}

/// The bottom of the heatmap scale: the lowest level, unless the scale ends below it.
fn scale_min(scale_max: f64) -> f64 {
    if scale_max > SCALE_MIN { SCALE_MIN } else { 0.0 }
}

fn round(value: f64) -> i32 {
    value.round() as i32
}

/// An axis label of the radar, laid out.
struct AxisLabel {
    lines: Vec<String>,
    width: i32,
    height: i32,
    /// The box's offset from its anchor, the point just beyond the end of its spoke.
    dx: f64,
    dy: f64,
}

impl Chart for RadarChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        let top = c.frame(&self.title)?;
        let margin = c.px(12.0);
        let scale_max = usable_max(self.scale_max);
        let n = self.axes.len();

        // The legend at the bottom: the rounds side by side, on more rows when they do not fit on one.
        const LEGEND: f64 = 13.0;
        let (swatch, swatch_gap, spacing) = (c.px(26.0), c.px(7.0), c.px(24.0));
        let room = c.w - 2 * margin;
        let mut entries = Vec::with_capacity(self.series.len());
        for series in &self.series {
            let name = c.fit(series.name.trim(), LEGEND, room - swatch - swatch_gap);
            let width = swatch + swatch_gap + c.width(&name, LEGEND);
            entries.push((name, rgb(series.color), width));
        }
        let mut legend_rows: Vec<(Vec<usize>, i32)> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            match legend_rows.last_mut() {
                Some((row, width)) if *width + spacing + entry.2 <= room => {
                    row.push(i);
                    *width += spacing + entry.2;
                }
                _ => legend_rows.push((vec![i], entry.2)),
            }
        }
        let legend_line = c.line(LEGEND) + c.px(4.0);
        let legend_top = c.h - margin - legend_line * legend_rows.len() as i32;
        let bottom = if legend_rows.is_empty() { c.h - margin } else { legend_top - c.px(8.0) };

        // The axis labels around the plot; the radius is the largest that keeps them all inside.
        const LABEL: f64 = 14.0;
        let label_line = c.line(LABEL);
        let (left, right) = (margin, c.w - margin);
        let (cx, cy) = (f64::from(left + right) / 2.0, f64::from(top + bottom) / 2.0);
        let label_max_width = (f64::from(right - left) * 0.25) as i32;
        let direction = |i: usize| {
            let angle = std::f64::consts::TAU * i as f64 / n as f64;
            (angle.sin(), -angle.cos())
        };
        let labels: Vec<AxisLabel> = self
            .axes
            .iter()
            .enumerate()
            .map(|(i, axis)| {
                let lines = c.wrap(axis, LABEL, label_max_width, 2);
                let width = c.widest(&lines, LABEL);
                let height = label_line * lines.len() as i32;
                let (x, y) = direction(i);
                let (w, h) = (f64::from(width), f64::from(height));
                let dx = if x > 0.3 {
                    0.0
                } else if x < -0.3 {
                    -w
                } else {
                    -w / 2.0
                };
                let dy = if y < -0.85 {
                    -h
                } else if y > 0.85 {
                    0.0
                } else {
                    -h / 2.0
                };
                AxisLabel { lines, width, height, dx, dy }
            })
            .collect();
        let label_gap = f64::from(c.px(8.0));
        let mut reach = (f64::from(right - left) / 2.0).min(f64::from(bottom - top) / 2.0);
        for (i, label) in labels.iter().enumerate() {
            let (x, y) = direction(i);
            let (x1, y1) = (label.dx + f64::from(label.width), label.dy + f64::from(label.height));
            // The anchor is centre + reach * direction; each edge of the box must stay inside the region.
            for (along, room) in [
                (x, f64::from(right) - cx - x1),
                (-x, cx - f64::from(left) + label.dx),
                (y, f64::from(bottom) - cy - y1),
                (-y, cy - f64::from(top) + label.dy),
            ] {
                if along > 1e-6 {
                    reach = reach.min(room / along);
                }
            }
        }
        let radius = (reach - label_gap).max(f64::from(c.px(10.0)));

        let point = |i: usize, r: f64| {
            let (x, y) = direction(i);
            (round(cx + r * x), round(cy + r * y))
        };
        let ring = |r: f64| -> Vec<(i32, i32)> {
            let mut points: Vec<(i32, i32)> = if n >= 3 {
                (0..n).map(|i| point(i, r)).collect()
            } else {
                // Fewer than three axes make no polygon: a circle then.
                (0..72)
                    .map(|k| {
                        let angle = f64::from(k * 5).to_radians();
                        (round(cx + r * angle.sin()), round(cy - r * angle.cos()))
                    })
                    .collect()
            };
            points.push(points[0]);
            points
        };

        // Rings and spokes.
        let mut levels: Vec<f64> = ticks(0.0, scale_max, level_step(scale_max))
            .into_iter()
            .filter(|&level| level > 0.0 && level < scale_max * (1.0 - 1e-9))
            .collect();
        levels.push(scale_max);
        for &level in &levels {
            let color = if level == scale_max { AXIS } else { GRID };
            c.path(ring(radius * level / scale_max), c.stroke(color, 1.0))?;
        }
        for i in 0..n {
            c.path(vec![point(i, 0.0), point(i, radius)], c.stroke(GRID, 1.0))?;
        }

        // The rounds: a translucent fill when complete, the outline between neighbouring values, a dot on each.
        let line = c.px(2.5).max(1) as u32;
        let dot = c.px(4.0).max(2);
        for series in &self.series {
            let color = rgb(series.color);
            let values: Vec<Option<f64>> = (0..n)
                .map(|i| finite(series.values.get(i).copied().flatten()).map(|v| v.clamp(0.0, scale_max)))
                .collect();
            let at = |i: usize, v: f64| point(i, radius * v / scale_max);
            let complete: Option<Vec<(i32, i32)>> =
                values.iter().enumerate().map(|(i, v)| v.map(|v| at(i, v))).collect();
            match complete {
                Some(polygon) if n >= 3 => {
                    area.draw(&Polygon::new(polygon.clone(), color.mix(0.13).filled())).map_err(fail)?;
                    let mut outline = polygon;
                    outline.push(outline[0]);
                    c.path(outline, color.stroke_width(line))?;
                }
                _ => {
                    let edges = if n > 2 { n } else { n.saturating_sub(1) };
                    for i in 0..edges {
                        let j = (i + 1) % n;
                        if let (Some(a), Some(b)) = (values[i], values[j]) {
                            c.path(vec![at(i, a), at(j, b)], color.stroke_width(line))?;
                        }
                    }
                }
            }
            for (i, value) in values.iter().enumerate() {
                if let Some(v) = value {
                    area.draw(&Circle::new(at(i, *v), dot, color.filled())).map_err(fail)?;
                }
            }
        }

        // Ring numbers beside the first spoke, on a light patch so outlines do not cross them.
        const NUMBER: f64 = 11.0;
        for &level in &levels {
            let r = radius * level / scale_max;
            let (x, y) = if n > 0 { point(0, r) } else { (round(cx), round(cy - r)) };
            let number = format_number(level);
            let (x, half, pad) = (x + c.px(4.0), c.line(NUMBER) / 2, c.px(2.0));
            let patch = [(x - pad, y - half), (x + c.width(&number, NUMBER) + pad, y + half)];
            area.draw(&Rectangle::new(patch, WHITE.mix(0.8).filled())).map_err(fail)?;
            c.text(&number, NUMBER, &MUTED, (x, y), (HPos::Left, VPos::Center))?;
        }

        // Axis labels.
        for (i, label) in labels.iter().enumerate() {
            let (x, y) = direction(i);
            let (ax, ay) = (cx + (radius + label_gap) * x, cy + (radius + label_gap) * y);
            let (anchor, lx) = if x > 0.3 {
                (HPos::Left, ax + label.dx)
            } else if x < -0.3 {
                (HPos::Right, ax + label.dx + f64::from(label.width))
            } else {
                (HPos::Center, ax + label.dx + f64::from(label.width) / 2.0)
            };
            for (k, text) in label.lines.iter().enumerate() {
                let ly = ay + label.dy + f64::from(label_line) * (k as f64 + 0.5);
                c.text(text, LABEL, &TEXT, (round(lx), round(ly)), (anchor, VPos::Center))?;
            }
        }

        // The legend rows, centred.
        for (k, (row, width)) in legend_rows.iter().enumerate() {
            let y = legend_top + legend_line * k as i32 + legend_line / 2;
            let mut x = (c.w - width) / 2;
            for &i in row {
                let (name, color, entry_width) = &entries[i];
                c.path(vec![(x, y), (x + swatch, y)], color.stroke_width(line))?;
                area.draw(&Circle::new((x + swatch / 2, y), dot, color.filled())).map_err(fail)?;
                c.text(name, LEGEND, &TEXT, (x + swatch + swatch_gap, y), (HPos::Left, VPos::Center))?;
                x += entry_width + spacing;
            }
        }
        Ok(())
    }
}

/// The heatmap colour of `value` on the scale up to `scale_max`: red, amber, green.
fn heat_color(value: f64, scale_max: f64) -> RGBColor {
    const RED: [f64; 3] = [214.0, 64.0, 59.0];
    const AMBER: [f64; 3] = [246.0, 184.0, 64.0];
    const GREEN: [f64; 3] = [46.0, 150.0, 84.0];
    let low = scale_min(scale_max);
    let t = ((value - low) / (scale_max - low)).clamp(0.0, 1.0);
    let (a, b, u) = if t < 0.5 { (RED, AMBER, t * 2.0) } else { (AMBER, GREEN, t * 2.0 - 1.0) };
    let mix = |k: usize| (a[k] + (b[k] - a[k]) * u).round() as u8;
    RGBColor(mix(0), mix(1), mix(2))
}

/// Dark or white text, whichever reads better on `background`.
fn ink_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance > 150.0 { TEXT } else { WHITE }
}

impl Chart for HeatmapChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        let top = c.frame(&self.title)?;
        let margin = c.px(12.0);
        let scale_max = usable_max(self.scale_max);
        let (rows, cols) = (self.rows.len(), self.columns.len());
        let value = |r: usize, k: usize| finite(self.values.get(r).and_then(|row| row.get(k)).copied().flatten());

        // The colour key at the bottom: a gradient bar with the levels under it, and the grey "–" swatch.
        const KEY: f64 = 12.0;
        let key_bar = c.px(12.0);
        let key_label_y = c.h - margin - c.line(KEY) / 2;
        let key_top = key_label_y - c.line(KEY) / 2 - c.px(3.0) - key_bar;

        // Row labels on the left, column labels (up to two lines) on top, cells filling the rest.
        const LABEL: f64 = 14.0;
        let label_line = c.line(LABEL);
        let pad = c.px(10.0);
        let row_labels: Vec<String> =
            self.rows.iter().map(|row| c.fit(row.trim(), LABEL, (f64::from(c.w) * 0.34) as i32)).collect();
        let row_label_w = c.widest(&row_labels, LABEL);
        let cell_w =
            if cols == 0 { 0 } else { ((c.w - 2 * margin - row_label_w - pad) / cols as i32).min(c.px(200.0)) };
        let column_labels: Vec<Vec<String>> =
            self.columns.iter().map(|column| c.wrap(column, LABEL, cell_w - pad, 2)).collect();
        let header_lines = column_labels.iter().map(Vec::len).max().unwrap_or(0) as i32;
        let grid_top = top + header_lines * label_line + c.px(4.0);
        let cell_h = match rows {
            0 => 0,
            _ => ((key_top - c.px(14.0) - grid_top) / rows as i32).clamp(c.px(10.0), c.px(60.0)),
        };
        // The labels and the grid as one block, centred.
        let label_right = (c.w - (row_label_w + pad + cell_w * cols as i32)) / 2 + row_label_w;
        let grid_left = label_right + pad;

        for (k, lines) in column_labels.iter().enumerate() {
            let x = grid_left + cell_w * k as i32 + cell_w / 2;
            let first = grid_top - c.px(4.0) - label_line * lines.len() as i32;
            for (j, line) in lines.iter().enumerate() {
                let y = first + label_line * j as i32 + label_line / 2;
                c.text(line, LABEL, &TEXT, (x, y), (HPos::Center, VPos::Center))?;
            }
        }
        let value_size = 16.0_f64.min(f64::from(cell_h) * 0.55 / c.s);
        let inset = c.px(1.5).max(1);
        for (r, label) in row_labels.iter().enumerate() {
            let y0 = grid_top + cell_h * r as i32;
            c.text(label, LABEL, &TEXT, (label_right, y0 + cell_h / 2), (HPos::Right, VPos::Center))?;
            for k in 0..cols {
                let x0 = grid_left + cell_w * k as i32;
                let (fill, ink, number) = match value(r, k) {
                    Some(v) => {
                        (heat_color(v, scale_max), ink_on(heat_color(v, scale_max)), crate::i18n::format_decimal(v, 1))
                    }
                    None => (EMPTY, MUTED, "–".to_string()),
                };
                c.rect((x0 + inset, y0 + inset), (x0 + cell_w - inset, y0 + cell_h - inset), &fill)?;
                c.text(&number, value_size, &ink, (x0 + cell_w / 2, y0 + cell_h / 2), (HPos::Center, VPos::Center))?;
            }
        }

        // The key, centred.
        let key_w = (f64::from(c.w) * 0.4) as i32;
        let swatch = key_bar * 2;
        let key_left = (c.w - key_w - pad * 3 - swatch) / 2;
        let low = scale_min(scale_max);
        for k in 0..key_w.max(1) {
            let v = low + (scale_max - low) * (f64::from(k) + 0.5) / f64::from(key_w.max(1));
            c.rect((key_left + k, key_top), (key_left + k + 1, key_top + key_bar), &heat_color(v, scale_max))?;
        }
        for tick in ticks(low, scale_max, level_step(scale_max - low)) {
            let x = key_left + round(f64::from(key_w) * (tick - low) / (scale_max - low));
            c.path(vec![(x, key_top + key_bar), (x, key_top + key_bar + c.px(3.0))], c.stroke(TEXT, 1.0))?;
            c.text(&format_number(tick), KEY, &TEXT, (x, key_label_y), (HPos::Center, VPos::Center))?;
        }
        let swatch_x = key_left + key_w + pad * 3;
        c.rect((swatch_x, key_top), (swatch_x + swatch, key_top + key_bar), &EMPTY)?;
        c.text("–", KEY, &TEXT, (swatch_x + swatch / 2, key_label_y), (HPos::Center, VPos::Center))?;
        Ok(())
    }
}

/// A readable step for an axis from 0 to `max`: 1, 2 or 5 times a power of ten, about five ticks.
fn tick_step(max: f64) -> f64 {
    let raw = max / 5.0;
    if !(raw.is_finite() && raw > 1e-12) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0].into_iter().map(|m| m * power).find(|&step| step >= raw).unwrap_or(10.0 * power)
}

/// The step between rings or key levels: 1 on the usual 1-5 scale, a round step on a larger one.
fn level_step(range: f64) -> f64 {
    if range <= 10.0 { 1.0 } else { tick_step(range) }
}

/// The multiples of `step` from `low` to `high`, at most 50 of them.
fn ticks(low: f64, high: f64, step: f64) -> Vec<f64> {
    if !(step > 0.0 && step.is_finite() && low.is_finite() && high.is_finite()) {
        return Vec::new();
    }
    let first = (low / step - 1e-9).ceil();
    (0..50).map(|k| (first + f64::from(k)) * step).take_while(|&v| v <= high + step * 1e-9).collect()
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
