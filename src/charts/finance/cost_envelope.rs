//! The cost against envelope chart: program cost per year and dimension against the fiscal envelope.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{Axes, AxisSpec};
use super::legend::{Legend, Swatch, dot};
use super::scale::{extent, point};
use super::stacks::{
    Columns, StackSeries, TOTAL, draw_stacks, fitting_totals, readout_line, readout_text, stack_readout, stack_totals,
};
use super::style::{ENVELOPE, ESTIMATE_SWATCH, OVER, VALUE, money_label};
use crate::charts::{Canvas, Chart, MUTED, TextMode, measure, rgb};
use crate::i18n::{Lang, rupiah_short};

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
    /// The language of the amounts' units (`M` or `bn` for miliar).
    pub lang: Lang,
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
        let mut spec = AxisSpec {
            y_label: &self.y_label,
            years: &self.years,
            data,
            headroom: 0,
            zero_based: true,
            footer: true,
            lang: self.lang,
        };
        let mut axes = Axes::layout(c, top, &spec, &legend);
        let labels = fitting_totals(c, &totals, axes.slot() as i32 - c.px(6.0), self.lang);
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
            let mut lines: Vec<String> = stack_readout(&self.stacks, i, self.lang).collect();
            if let (Some(total), estimated) = layout.totals[i] {
                lines.push(readout_line(TOTAL, money_label(total, self.lang), estimated));
            }
            if let Some(envelope) = self.envelope.get(i).copied().flatten() {
                lines.push(readout_line(&self.envelope_label, rupiah_short(envelope, self.lang), false));
            }
            readout_text(self.years[i], lines)
        })
    }
}
