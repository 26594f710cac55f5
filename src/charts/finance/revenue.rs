//! The revenue composition chart: revenue per year as stacked columns, one part per source.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{Axes, AxisSpec};
use super::legend::{Legend, Swatch};
use super::scale::extent;
use super::stacks::{
    Columns, StackSeries, TOTAL, draw_stacks, fitting_totals, readout_line, readout_text, stack_readout, stack_totals,
};
use super::style::{ESTIMATE_SWATCH, VALUE, money_label};
use crate::charts::{Canvas, Chart, TEXT, TextMode, measure, rgb};
use crate::i18n::Lang;

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
    /// The language of the amounts' units (`M` or `bn` for miliar).
    pub lang: Lang,
}

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
            lang: self.lang,
        };
        let mut axes = Axes::layout(c, top, &spec, &legend);
        let labels = fitting_totals(c, &totals, axes.slot() as i32 - c.px(6.0), self.lang);
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
            let mut lines: Vec<String> = stack_readout(&self.series, i, self.lang).collect();
            if let (Some(total), estimated) = layout.totals[i] {
                lines.push(readout_line(TOTAL, money_label(total, self.lang), estimated));
            }
            readout_text(self.years[i], lines)
        })
    }
}
