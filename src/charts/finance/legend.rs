//! The legend under a finance chart and the marks it shares with the plots: hatching, lines and dots.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{BASE, LEGEND, lighten};
use crate::charts::{Canvas, TEXT, fail, legend_rows};

/// How a legend entry shows what it names.
#[derive(Clone, Copy)]
pub(super) enum Swatch {
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
pub(super) struct Legend {
    pub(super) entries: Vec<(String, Swatch, i32)>,
    pub(super) rows: Vec<(Vec<usize>, i32)>,
    pub(super) line: i32,
}

impl Legend {
    pub(super) fn new<DB: DrawingBackend>(c: &Canvas<'_, DB>, items: Vec<(&str, Swatch)>) -> Legend {
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
        let rows = legend_rows(entries.iter().map(|entry| entry.2), spacing, room);
        Legend { entries, rows, line: c.line(LEGEND) + c.px(4.0) }
    }

    pub(super) fn swatch_width<DB: DrawingBackend>(c: &Canvas<'_, DB>, swatch: Swatch) -> i32 {
        match swatch {
            Swatch::Fill(_) | Swatch::Hatched(_) => c.px(14.0).max(4),
            Swatch::Line { .. } | Swatch::Band(_) => c.px(28.0).max(8),
        }
    }

    pub(super) fn height(&self) -> i32 {
        self.line * self.rows.len() as i32
    }

    /// The top of the legend, which ends at the picture's bottom margin.
    pub(super) fn top<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> i32 {
        c.h - c.px(12.0) - self.height()
    }

    pub(super) fn draw<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Result<(), String> {
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
pub(super) fn hatch<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    a: (i32, i32),
    b: (i32, i32),
    color: RGBColor,
) -> Result<(), String> {
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
pub(super) fn line_path<DB: DrawingBackend>(
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
pub(super) fn dot<DB: DrawingBackend>(c: &Canvas<'_, DB>, at: (i32, i32), color: RGBColor) -> Result<(), String> {
    let r = c.px(4.0).max(2);
    c.area.draw(&Circle::new(at, r + c.px(1.5).max(1), WHITE.filled())).map_err(fail)?;
    c.area.draw(&Circle::new(at, r, color.filled())).map_err(fail)
}
