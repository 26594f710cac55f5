//! The value-for-money chart of the quick-win workshop: each scored program as a bubble at its cost in the
//! quick-win years (x) and its weighted score (y), sized by its dot votes, with the budget cap as a vertical
//! line. Programs in the current set are filled, the others outlined.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::labels::{self, Wanted};
use super::{AXIS, Canvas, Chart, GRID, MUTED, TEXT, TextMode, fail, format_number, rgb};
use crate::i18n::{Lang, format_rupiah, rupiah_short};

/// One program.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bubble {
    /// Its code (drawn next to the bubble) or short name.
    pub label: String,
    /// Rupiah in the quick-win years.
    pub cost: i64,
    /// Weighted score, 1-5.
    pub score: f64,
    pub votes: u32,
    pub color: [u8; 3],
    /// In the proposed or marked set: filled.
    pub chosen: bool,
    /// Write the label next to the bubble (the others are read by hovering, so a crowded chart stays legible).
    pub labelled: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueForMoneyChart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// Caption of the budget line, e.g. "Pagu Rp 5 M".
    pub cap_label: String,
    pub bubbles: Vec<Bubble>,
    /// The budget cap in rupiah; no line when `None`.
    pub cap: Option<i64>,
    /// Presentation with money hidden: no amounts on the cost axis or the budget line.
    pub hide_money: bool,
    /// The language of the amounts' units (`M` or `bn` for miliar).
    pub lang: Lang,
}

/// A round step (1, 2 or 5 times a power of ten) giving about five ticks up to `max`.
fn step_for(max: f64) -> f64 {
    let raw = max / 5.0;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0].into_iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power)
}

/// Where the plot sits in a picture of `w` x `h`: (left, top, right, bottom) and the axis maximum of cost.
struct Layout {
    left: i32,
    top: i32,
    right: i32,
    bottom: i32,
    x_max: f64,
}

impl ValueForMoneyChart {
    /// The lowest score on the axis: the whole number at or below the lowest score (1 at least), so a
    /// cluster of scores between 3 and 4,5 fills the plot instead of its top third.
    fn y_min(&self) -> f64 {
        let lowest = self.bubbles.iter().map(|b| b.score).filter(|s| s.is_finite()).fold(5.0, f64::min);
        (lowest.floor()).clamp(1.0, 4.0)
    }

    fn x_max(&self) -> f64 {
        let most = self.bubbles.iter().map(|b| b.cost as f64).fold(self.cap.unwrap_or(0) as f64, f64::max);
        let step = step_for(most.max(1.0));
        ((most / step).ceil().max(1.0)) * step
    }

    fn layout<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Layout {
        let top = c.body_top(&self.title) + c.px(6.0);
        Layout {
            left: c.px(12.0) + c.line(15.0) + c.px(36.0),
            top,
            right: c.w - c.px(44.0),
            bottom: c.h - c.px(12.0) - 2 * c.line(15.0) - c.px(8.0),
            x_max: self.x_max(),
        }
    }

    /// Radius at scale 1: 6 px without votes, growing with the square root of the votes (area ~ votes).
    fn radius(votes: u32, most: u32) -> f64 {
        if most == 0 { 7.0 } else { 7.0 + 17.0 * (f64::from(votes) / f64::from(most)).sqrt() }
    }
}

fn money(amount: f64, lang: Lang) -> String {
    rupiah_short(amount.round() as i64, lang)
}

impl Chart for ValueForMoneyChart {
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String> {
        let c = Canvas::new(area, text)?;
        c.frame(&self.title)?;
        let l = self.layout(&c);
        let x_of = |cost: f64| l.left + (f64::from(l.right - l.left) * cost / l.x_max).round() as i32;
        let y_min = self.y_min();
        let y_of = |score: f64| {
            l.bottom - (f64::from(l.bottom - l.top) * (score.clamp(y_min, 5.0) - y_min) / (5.0 - y_min)).round() as i32
        };
        const TICK: f64 = 14.0;
        // Score grid in halves from the lowest whole score to 5.
        let mut s = y_min;
        while s <= 5.0 + 1e-9 {
            let y = y_of(s);
            c.path(vec![(l.left, y), (l.right, y)], c.stroke(if s == y_min { AXIS } else { GRID }, 1.0))?;
            c.text(&format_number(s), TICK, &MUTED, (l.left - c.px(6.0), y), (HPos::Right, VPos::Center))?;
            s += 0.5;
        }
        // Cost ticks.
        let step = step_for(l.x_max);
        let mut tick = 0.0;
        while tick <= l.x_max + step * 1e-9 {
            let x = x_of(tick);
            c.path(vec![(x, l.top), (x, l.bottom)], c.stroke(if tick == 0.0 { AXIS } else { GRID }, 1.0))?;
            if !self.hide_money {
                let label = if tick == 0.0 { "0".to_string() } else { money(tick, self.lang) };
                c.text(&label, TICK, &MUTED, (x, l.bottom + c.px(5.0)), (HPos::Center, VPos::Top))?;
            }
            tick += step;
        }
        // Axis captions.
        let caption_y = c.h - c.px(10.0) - c.line(15.0) / 2;
        c.text(&self.x_label, 15.0, &TEXT, ((l.left + l.right) / 2, caption_y), (HPos::Center, VPos::Center))?;
        c.text(&self.y_label, 15.0, &TEXT, (c.px(12.0), l.top - c.px(2.0)), (HPos::Left, VPos::Bottom))?;
        // The budget line.
        if let Some(cap) = self.cap.filter(|cap| *cap > 0) {
            const CAP: RGBColor = RGBColor(192, 57, 43);
            let x = x_of(cap as f64);
            c.path(vec![(x, l.top), (x, l.bottom)], c.stroke(CAP, 2.5))?;
            let caption = if self.hide_money {
                self.cap_label.clone()
            } else {
                format!("{} {}", self.cap_label, money(cap as f64, self.lang))
            };
            c.text(&caption, 14.0, &CAP, (x - c.px(4.0), l.top + c.px(2.0)), (HPos::Right, VPos::Top))?;
        }
        // Bubbles: biggest first, so small ones stay visible on top.
        let most = self.bubbles.iter().map(|b| b.votes).max().unwrap_or(0);
        let mut order: Vec<&Bubble> = self.bubbles.iter().filter(|b| b.score.is_finite()).collect();
        order.sort_by_key(|b| std::cmp::Reverse(b.votes));
        for b in &order {
            let center = (x_of(b.cost as f64), y_of(b.score));
            let r = c.px(Self::radius(b.votes, most)).max(3);
            let color = rgb(b.color);
            if b.chosen {
                c.area.draw(&Circle::new(center, r, color.mix(0.75).filled())).map_err(fail)?;
            }
            c.area.draw(&Circle::new(center, r, c.stroke(color, 2.0))).map_err(fail)?;
        }
        // Labels where they cover no other label; a crowded one is left to the hover readout.
        const LABEL: f64 = 13.0;
        let labelled: Vec<&&Bubble> = order.iter().filter(|b| b.labelled).collect();
        let wanted: Vec<Wanted> = labelled
            .iter()
            .map(|b| Wanted {
                center: (x_of(b.cost as f64), y_of(b.score)),
                radius: c.px(Self::radius(b.votes, most)).max(3),
                size: (c.width(&b.label, LABEL), c.line(LABEL)),
            })
            .collect();
        let bounds = (l.left, l.top, c.w, l.bottom);
        for (b, at) in labelled.iter().zip(labels::place(&wanted, bounds, c.px(2.0))) {
            if let Some(at) = at {
                c.text(&b.label, LABEL, &TEXT, at, (HPos::Left, VPos::Top))?;
            }
        }
        Ok(())
    }

    fn readout(&self, width: u32, height: u32, x: f64, y: f64) -> Option<String> {
        // Measure on an SVG canvas of the same size: the layout depends only on the size.
        let mut svg = String::new();
        let backend = SVGBackend::with_string(&mut svg, (width, height));
        let area = backend.into_drawing_area();
        let c = Canvas::new(&area, TextMode::Backend).ok()?;
        let l = self.layout(&c);
        let most = self.bubbles.iter().map(|b| b.votes).max().unwrap_or(0);
        let x_of = |cost: f64| f64::from(l.left) + f64::from(l.right - l.left) * cost / l.x_max;
        let y_min = self.y_min();
        let y_of = |score: f64| {
            f64::from(l.bottom) - f64::from(l.bottom - l.top) * (score.clamp(y_min, 5.0) - y_min) / (5.0 - y_min)
        };
        let hit = self
            .bubbles
            .iter()
            .map(|b| {
                let (dx, dy) = (x_of(b.cost as f64) - x, y_of(b.score) - y);
                (b, (dx * dx + dy * dy).sqrt(), f64::from(c.px(Self::radius(b.votes, most))))
            })
            .filter(|(_, d, r)| d <= r)
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        let b = hit.0;
        let cost = if self.hide_money { String::new() } else { format!(" · {}", format_rupiah(b.cost)) };
        Some(format!("{}\n{}{cost} · {} ●", b.label, format_number((b.score * 100.0).round() / 100.0), b.votes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{to_rgba, to_svg};

    fn chart() -> ValueForMoneyChart {
        ValueForMoneyChart {
            title: "Nilai terhadap biaya".into(),
            x_label: "Biaya tahun pertama".into(),
            y_label: "Skor".into(),
            cap_label: "Pagu".into(),
            bubbles: vec![
                Bubble {
                    label: "GOV-01".into(),
                    cost: 250_000_000,
                    score: 4.2,
                    votes: 9,
                    color: [30, 90, 160],
                    chosen: true,
                    labelled: true,
                },
                Bubble {
                    label: "ENV-02".into(),
                    cost: 1_500_000_000,
                    score: 2.5,
                    votes: 0,
                    color: [40, 140, 60],
                    chosen: false,
                    labelled: true,
                },
            ],
            cap: Some(1_000_000_000),
            hide_money: false,
            lang: Lang::Id,
        }
    }

    #[test]
    fn draws_labels_the_budget_line_and_hides_money_on_request() {
        let svg = to_svg(&chart(), 800, 600).unwrap();
        assert!(svg.contains("GOV-01") && svg.contains("ENV-02"));
        assert!(svg.contains("Pagu Rp 1 M"), "the cap is labelled with its amount");
        let hidden = to_svg(&ValueForMoneyChart { hide_money: true, ..chart() }, 800, 600).unwrap();
        assert!(!hidden.contains("Rp"), "no amount anywhere when money is hidden");
        assert_eq!(to_rgba(&chart(), 400, 300).unwrap().len(), 400 * 300 * 4);
    }

    #[test]
    fn the_readout_names_the_bubble_under_the_pointer() {
        let chart = chart();
        let mut svg = String::new();
        let area = SVGBackend::with_string(&mut svg, (800, 600)).into_drawing_area();
        let c = Canvas::new(&area, TextMode::Backend).unwrap();
        let l = chart.layout(&c);
        let x = f64::from(l.left) + f64::from(l.right - l.left) * 250_000_000.0 / l.x_max;
        let y = f64::from(l.bottom) - f64::from(l.bottom - l.top) * (4.2 - chart.y_min()) / (5.0 - chart.y_min());
        let text = chart.readout(800, 600, x, y).unwrap();
        assert!(text.starts_with("GOV-01") && text.contains("4,2") && text.contains("9 ●"), "{text}");
        assert_eq!(chart.readout(800, 600, 2.0, 2.0), None);
    }
}
