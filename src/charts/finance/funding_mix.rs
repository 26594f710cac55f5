//! The funding mix chart: the sources' shares as one 100 % bar over a table of the sources.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{VALUE, money_label, percent};
use crate::charts::{Canvas, Chart, EMPTY, GRID, MUTED, TEXT, TextMode, ink_on, rgb};
use crate::i18n::Lang;

/// The mix of funding sources as one horizontal 100 % bar, with a table under it: each source's colour,
/// name, share (`40,7%`) and amount (`Rp 45 M`). A source with a negative amount counts as 0. When the
/// sources do not all fit in the table, the last row "…" sums up the rest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FundingMixChart {
    pub title: String,
    /// Name, colour and rupiah of each source, in the order shown.
    pub parts: Vec<(String, [u8; 3], i64)>,
    /// The language of the amounts' units.
    pub lang: Lang,
}

/// The text size of the table.
const ROW: f64 = 13.5;

/// One row of the table: name, swatch colour, share and amount.
type Row = (String, RGBColor, String, String);

/// Where the bar and the table go: the bar's top and height, the rows and their height.
struct Block {
    bar_top: i32,
    bar_h: i32,
    bar_gap: i32,
    row_h: i32,
    rows: Vec<Row>,
}

impl FundingMixChart {
    /// Each source's amount (negative ones as 0), their total and each one's share of it.
    fn shares(&self) -> (Vec<f64>, f64, Vec<Option<f64>>) {
        let amounts: Vec<f64> = self.parts.iter().map(|&(_, _, amount)| amount.max(0) as f64).collect();
        let total: f64 = amounts.iter().sum();
        let shares: Vec<Option<f64>> = amounts.iter().map(|&a| (total > 0.0).then(|| a / total)).collect();
        (amounts, total, shares)
    }

    /// The table under the bar, one row per source; when they do not all fit, a flatter bar and tighter
    /// rows, and then the sources that still do not fit summed up in a last row "…". The block of both is
    /// centred in the body under `top`.
    fn block<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, top: i32, margin: i32) -> Block {
        let (amounts, total, shares) = self.shares();
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
        let mut rows: Vec<Row> = self.parts[..listed]
            .iter()
            .zip(&shares)
            .map(|((name, color, amount), &share)| {
                (name.trim().to_string(), rgb(*color), share_text(share), money_label(*amount as f64, self.lang))
            })
            .collect();
        if listed < self.parts.len() && fit > 0 {
            let rest: f64 = amounts[listed..].iter().sum();
            let share = (total > 0.0).then(|| rest / total);
            rows.push(("…".to_string(), EMPTY, share_text(share), money_label(rest, self.lang)));
        }
        let block_h = bar_h + if rows.is_empty() { 0 } else { bar_gap + row_h * rows.len() as i32 };
        let bar_top = top + ((room - block_h) / 2).max(0);
        Block { bar_top, bar_h, bar_gap, row_h, rows }
    }

    /// The bar: one segment per source with an amount, its share inside when it fits.
    fn draw_bar<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>, block: &Block, margin: i32) -> Result<(), String> {
        let (amounts, total, shares) = self.shares();
        let (bar_top, bar_h) = (block.bar_top, block.bar_h);
        let (left, right) = (margin, c.w - margin);
        let width = f64::from(right - left);
        if total <= 0.0 {
            return c.rect((left, bar_top), (right, bar_top + bar_h), &EMPTY);
        }
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
        Ok(())
    }
}

/// The table: swatch, name, share, amount; centred, the numbers right-aligned.
fn draw_table<DB: DrawingBackend>(c: &Canvas<'_, DB>, block: &Block, margin: i32) -> Result<(), String> {
    let rows = &block.rows;
    let row_h = block.row_h;
    let (swatch, gap, column_gap) = (c.px(14.0).max(4), c.px(8.0), c.px(22.0));
    let share_w = c.widest(rows.iter().map(|row| &row.2), ROW);
    let amount_w = c.widest(rows.iter().map(|row| &row.3), ROW);
    let fixed = swatch + gap + column_gap + share_w + column_gap + amount_w;
    let names: Vec<String> = rows.iter().map(|row| c.fit(&row.0, ROW, c.w - 2 * margin - fixed)).collect();
    let table_w = fixed + c.widest(&names, ROW);
    let table_left = (c.w - table_w) / 2;
    let table_top = block.bar_top + block.bar_h + block.bar_gap;
    for (k, (name, (_, color, share, amount))) in names.iter().zip(rows).enumerate() {
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

impl Chart for FundingMixChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        let top = c.frame(&self.title)?;
        let margin = c.px(12.0);
        let block = self.block(&c, top, margin);
        self.draw_bar(&c, &block, margin)?;
        draw_table(&c, &block, margin)
    }
}
