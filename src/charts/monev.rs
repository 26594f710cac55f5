//! The monitoring charts, built from the figures of `analysis::monev`: the Monev view shows them and the
//! evaluation report writes the same pictures. Their data are only the figures, so screen and file agree.

use super::of_workbook::rgb;
use super::{CostVsEnvelopeChart, GapBarChart, StackSeries};
use crate::analysis::monev::{MonevFigures, YearFigures};
use crate::i18n::{Lang, Text};
use crate::model::{Dimension, Workbook};

fn name(d: &Dimension, lang: Lang) -> String {
    if lang == Lang::En { d.name_en.clone() } else { d.name_id.clone() }
}

/// Per dimension, the share of its programs due in the year that ran, in percent; dimensions with nothing
/// due are left out (no misleading zero).
pub fn implementation_by_dimension(workbook: &Workbook, year: &YearFigures, lang: Lang) -> GapBarChart {
    let bars: Vec<(String, f64)> = year
        .by_dimension
        .iter()
        .filter_map(|(id, rate)| Some((name(workbook.dimension(*id)?, lang), rate.value()? * 100.0)))
        .collect();
    GapBarChart {
        title: Text::ChartMonevRateTitle.fill(lang, &[&year.year.to_string()]),
        labels: bars.iter().map(|(label, _)| label.clone()).collect(),
        gaps: bars.iter().map(|(_, value)| *value).collect(),
        axis_label: Text::ChartMonevRateAxis.get(lang).to_string(),
    }
}

/// The money spent per year, stacked per dimension in the dimension colours, against the money planned (all
/// sources) as the line: a year that spent more than it planned is printed red. The years run from the
/// first to the last with anything reported (all years when nothing is).
pub fn spending_by_year(workbook: &Workbook, figures: &MonevFigures, lang: Lang) -> CostVsEnvelopeChart {
    let last = figures.years.iter().rev().find(|y| y.reported > 0 || y.budget.spent > 0).map(|y| y.year);
    let years: Vec<&YearFigures> = figures.years.iter().filter(|y| last.is_none_or(|last| y.year <= last)).collect();
    let stacks = workbook
        .dimensions
        .iter()
        .map(|d| StackSeries {
            name: name(d, lang),
            color: rgb(&d.color),
            values: years
                .iter()
                .map(|y| y.budget_by_dimension.iter().find(|(id, _)| *id == d.id).map(|(_, r)| r.spent))
                .collect(),
            estimated: vec![false; years.len()],
        })
        .collect();
    CostVsEnvelopeChart {
        lang,
        title: Text::ChartMonevSpentTitle.get(lang).to_string(),
        years: years.iter().map(|y| y.year).collect(),
        stacks,
        envelope: years.iter().map(|y| Some(y.budget.planned)).collect(),
        envelope_label: Text::ChartMonevPlanned.get(lang).to_string(),
        y_label: Text::Rupiah.get(lang).to_string(),
        estimate_label: Text::Estimate.get(lang).to_string(),
    }
}
