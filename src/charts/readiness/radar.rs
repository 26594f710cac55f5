//! The radar chart: the index of each dimension per assessment round, one polygon per round.

use std::f64::consts::TAU;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{finite, level_step, round, ticks, usable_max};
use crate::charts::{AXIS, Canvas, Chart, GRID, MUTED, TEXT, TextMode, fail, format_number, legend_rows, rgb};

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

/// Text sizes.
const LEGEND: f64 = 13.0;
const LABEL: f64 = 14.0;
const NUMBER: f64 = 11.0;

/// An axis label of the radar, laid out.
struct AxisLabel {
    lines: Vec<String>,
    width: i32,
    height: i32,
    /// The box's offset from its anchor, the point just beyond the end of its spoke.
    dx: f64,
    dy: f64,
}

/// The legend at the bottom: the rounds side by side, on more rows when they do not fit on one.
struct RadarLegend {
    /// Name, colour and width of each entry.
    entries: Vec<(String, RGBColor, i32)>,
    /// The entries of each row and the row's width.
    rows: Vec<(Vec<usize>, i32)>,
    line: i32,
    top: i32,
    swatch: i32,
    swatch_gap: i32,
    spacing: i32,
}

impl RadarLegend {
    fn new<DB: DrawingBackend>(c: &Canvas<'_, DB>, series: &[RadarSeries], margin: i32) -> RadarLegend {
        let (swatch, swatch_gap, spacing) = (c.px(26.0), c.px(7.0), c.px(24.0));
        let room = c.w - 2 * margin;
        let mut entries = Vec::with_capacity(series.len());
        for series in series {
            let name = c.fit(series.name.trim(), LEGEND, room - swatch - swatch_gap);
            let width = swatch + swatch_gap + c.width(&name, LEGEND);
            entries.push((name, rgb(series.color), width));
        }
        let rows = legend_rows(entries.iter().map(|entry| entry.2), spacing, room);
        let line = c.line(LEGEND) + c.px(4.0);
        let top = c.h - margin - line * rows.len() as i32;
        RadarLegend { entries, rows, line, top, swatch, swatch_gap, spacing }
    }

    /// The rows, centred: each round's line with its dot, then its name.
    fn draw<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, marks: (u32, i32)) -> Result<(), String> {
        let (line, dot) = marks;
        for (k, (row, width)) in self.rows.iter().enumerate() {
            let y = self.top + self.line * k as i32 + self.line / 2;
            let mut x = (c.w - width) / 2;
            for &i in row {
                let (name, color, entry_width) = &self.entries[i];
                c.path(vec![(x, y), (x + self.swatch, y)], color.stroke_width(line))?;
                c.area.draw(&Circle::new((x + self.swatch / 2, y), dot, color.filled())).map_err(fail)?;
                let at = (x + self.swatch + self.swatch_gap, y);
                c.text(name, LEGEND, &TEXT, at, (HPos::Left, VPos::Center))?;
                x += entry_width + self.spacing;
            }
        }
        Ok(())
    }
}

/// The radar's centre, radius and axis labels within the region left of the legend.
struct Geometry {
    n: usize,
    cx: f64,
    cy: f64,
    radius: f64,
    labels: Vec<AxisLabel>,
    label_gap: f64,
    label_line: i32,
}

/// The unit direction of axis `i` of `n`, clockwise from the top.
fn direction(i: usize, n: usize) -> (f64, f64) {
    let angle = TAU * i as f64 / n as f64;
    (angle.sin(), -angle.cos())
}

/// The offset of a label box of `w` x `h` from its anchor beyond a spoke in direction (`x`, `y`).
fn label_offset((x, y): (f64, f64), w: f64, h: f64) -> (f64, f64) {
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
    (dx, dy)
}

impl Geometry {
    /// The axis labels around the plot in the region (`left`, `top`)-(`right`, `bottom`); the radius is the
    /// largest that keeps them all inside.
    fn new<DB: DrawingBackend>(
        c: &Canvas<'_, DB>,
        axes: &[String],
        (left, top, right, bottom): (i32, i32, i32, i32),
    ) -> Geometry {
        let n = axes.len();
        let label_line = c.line(LABEL);
        let (cx, cy) = (f64::from(left + right) / 2.0, f64::from(top + bottom) / 2.0);
        let label_max_width = (f64::from(right - left) * 0.25) as i32;
        let labels: Vec<AxisLabel> = axes
            .iter()
            .enumerate()
            .map(|(i, axis)| {
                let lines = c.wrap(axis, LABEL, label_max_width, 2);
                let width = c.widest(&lines, LABEL);
                let height = label_line * lines.len() as i32;
                let (dx, dy) = label_offset(direction(i, n), f64::from(width), f64::from(height));
                AxisLabel { lines, width, height, dx, dy }
            })
            .collect();
        let label_gap = f64::from(c.px(8.0));
        let mut reach = (f64::from(right - left) / 2.0).min(f64::from(bottom - top) / 2.0);
        for (i, label) in labels.iter().enumerate() {
            let (x, y) = direction(i, n);
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
        Geometry { n, cx, cy, radius, labels, label_gap, label_line }
    }

    /// The point at distance `r` along axis `i`.
    fn point(&self, i: usize, r: f64) -> (i32, i32) {
        let (x, y) = direction(i, self.n);
        (round(self.cx + r * x), round(self.cy + r * y))
    }

    /// A closed ring at distance `r`: through the axes, or a circle with fewer than three.
    fn ring(&self, r: f64) -> Vec<(i32, i32)> {
        let mut points: Vec<(i32, i32)> = if self.n >= 3 {
            (0..self.n).map(|i| self.point(i, r)).collect()
        } else {
            // Fewer than three axes make no polygon: a circle then.
            (0..72)
                .map(|k| {
                    let angle = f64::from(k * 5).to_radians();
                    (round(self.cx + r * angle.sin()), round(self.cy - r * angle.cos()))
                })
                .collect()
        };
        points.push(points[0]);
        points
    }

    /// Rings (the outer one darker) and spokes.
    fn draw_grid<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, levels: &[f64], scale_max: f64) -> Result<(), String> {
        for &level in levels {
            let color = if level == scale_max { AXIS } else { GRID };
            c.path(self.ring(self.radius * level / scale_max), c.stroke(color, 1.0))?;
        }
        for i in 0..self.n {
            c.path(vec![self.point(i, 0.0), self.point(i, self.radius)], c.stroke(GRID, 1.0))?;
        }
        Ok(())
    }

    /// One round: a translucent fill when complete, the outline between neighbouring values, a dot on each.
    fn draw_series<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        series: &RadarSeries,
        scale_max: f64,
        (line, dot): (u32, i32),
    ) -> Result<(), String> {
        let n = self.n;
        let color = rgb(series.color);
        let values: Vec<Option<f64>> =
            (0..n).map(|i| finite(series.values.get(i).copied().flatten()).map(|v| v.clamp(0.0, scale_max))).collect();
        let at = |i: usize, v: f64| self.point(i, self.radius * v / scale_max);
        let complete: Option<Vec<(i32, i32)>> = values.iter().enumerate().map(|(i, v)| v.map(|v| at(i, v))).collect();
        match complete {
            Some(polygon) if n >= 3 => {
                c.area.draw(&Polygon::new(polygon.clone(), color.mix(0.13).filled())).map_err(fail)?;
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
                c.area.draw(&Circle::new(at(i, *v), dot, color.filled())).map_err(fail)?;
            }
        }
        Ok(())
    }

    /// Ring numbers beside the first spoke, on a light patch so outlines do not cross them.
    fn draw_numbers<DB: DrawingBackend>(
        &self,
        c: &Canvas<'_, DB>,
        levels: &[f64],
        scale_max: f64,
    ) -> Result<(), String> {
        for &level in levels {
            let r = self.radius * level / scale_max;
            let (x, y) = if self.n > 0 { self.point(0, r) } else { (round(self.cx), round(self.cy - r)) };
            let number = format_number(level);
            let (x, half, pad) = (x + c.px(4.0), c.line(NUMBER) / 2, c.px(2.0));
            let patch = [(x - pad, y - half), (x + c.width(&number, NUMBER) + pad, y + half)];
            c.area.draw(&Rectangle::new(patch, WHITE.mix(0.8).filled())).map_err(fail)?;
            c.text(&number, NUMBER, &MUTED, (x, y), (HPos::Left, VPos::Center))?;
        }
        Ok(())
    }

    /// The axis labels, each beyond the end of its spoke.
    fn draw_labels<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Result<(), String> {
        for (i, label) in self.labels.iter().enumerate() {
            let (x, y) = direction(i, self.n);
            let reach = self.radius + self.label_gap;
            let (ax, ay) = (self.cx + reach * x, self.cy + reach * y);
            let (anchor, lx) = if x > 0.3 {
                (HPos::Left, ax + label.dx)
            } else if x < -0.3 {
                (HPos::Right, ax + label.dx + f64::from(label.width))
            } else {
                (HPos::Center, ax + label.dx + f64::from(label.width) / 2.0)
            };
            for (k, text) in label.lines.iter().enumerate() {
                let ly = ay + label.dy + f64::from(self.label_line) * (k as f64 + 0.5);
                c.text(text, LABEL, &TEXT, (round(lx), round(ly)), (anchor, VPos::Center))?;
            }
        }
        Ok(())
    }
}

/// The ring levels: the round steps inside the scale, then the scale's end.
fn levels(scale_max: f64) -> Vec<f64> {
    let mut levels: Vec<f64> = ticks(0.0, scale_max, level_step(scale_max))
        .into_iter()
        .filter(|&level| level > 0.0 && level < scale_max * (1.0 - 1e-9))
        .collect();
    levels.push(scale_max);
    levels
}

impl Chart for RadarChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        let top = c.frame(&self.title)?;
        let margin = c.px(12.0);
        let scale_max = usable_max(self.scale_max);
        let legend = RadarLegend::new(&c, &self.series, margin);
        let bottom = if legend.rows.is_empty() { c.h - margin } else { legend.top - c.px(8.0) };
        let geometry = Geometry::new(&c, &self.axes, (margin, top, c.w - margin, bottom));
        let levels = levels(scale_max);
        geometry.draw_grid(&c, &levels, scale_max)?;
        let marks = (c.px(2.5).max(1) as u32, c.px(4.0).max(2));
        for series in &self.series {
            geometry.draw_series(&c, series, scale_max, marks)?;
        }
        geometry.draw_numbers(&c, &levels, scale_max)?;
        geometry.draw_labels(&c)?;
        legend.draw(&c, marks)
    }
}
