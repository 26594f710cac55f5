//! The heatmap chart: the index of each dimension in each pillar, coloured from red over amber to green.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{finite, level_step, round, scale_min, ticks, usable_max};
use crate::charts::{Canvas, Chart, EMPTY, MUTED, TEXT, TextMode, format_number, ink_on};
use crate::i18n::format_decimal;

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
                    Some(v) => (heat_color(v, scale_max), ink_on(heat_color(v, scale_max)), format_decimal(v, 1)),
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
