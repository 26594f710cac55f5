//! The yearly evaluation from the self-assessment scores, and the scores the workbook itself suggests.
//!
//! **Index.** A dimension's score is the weighted mean of its items' scores, sum(score x item weight) /
//! sum(item weight), over the items scored that year with a weight above zero. The achievement index is the
//! weighted mean of the dimensions' scores by dimension weight, over the dimensions with a score and a weight
//! above zero; all on the 0-5 scale. As in readiness, unscored items and dimensions do not pull the index
//! down; [`EvaluationYear::complete`] says whether every weighted item was scored. A year without any
//! scored, weighted item has no index.
//!
//! **Improvement** is the index less the index of the previous year that has one (not necessarily the year
//! before).
//!
//! **Suggestions**, each on the 0-5 scale:
//! - Outcome = 5 x the year's implementation rate (90 % of due programs ran: 4.50);
//! - Quick win = 5 x the implementation rate of the quick-win programs due that year;
//! - Baseline = the overall index (1-5) of the latest readiness round of that year or before, as it is.
//!
//! Each is `None` when its figure cannot be computed (nothing due, no round).

use super::{Rate, YearFigures, is_due};
use crate::analysis::readiness::round_result;
use crate::model::monev::evaluation::{BASELINE, OUTCOME, QUICK_WIN, SCORE_SCALE};
use crate::model::{Id, Workbook};

/// One evaluation dimension's score in a year.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    pub dimension: Id,
    pub key: String,
    pub weight: u32,
    /// Points, 0-5; `None` when none of its weighted items is scored.
    pub score: Option<f64>,
    /// Items scored that year, of `items`.
    pub scored: usize,
    pub items: usize,
}

/// What the workbook computes for three of the evaluation dimensions (see the module doc), points 0-5.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Suggestions {
    pub outcome: Option<f64>,
    pub quick_win: Option<f64>,
    pub baseline: Option<f64>,
}

impl Suggestions {
    /// The suggestion for the dimension with `key` (`outcome`, `quick_win`, `baseline`), if any.
    pub fn for_key(&self, key: &str) -> Option<f64> {
        match key {
            OUTCOME => self.outcome,
            QUICK_WIN => self.quick_win,
            BASELINE => self.baseline,
            _ => None,
        }
    }
}

/// The evaluation of one year.
#[derive(Clone, Debug, PartialEq)]
pub struct EvaluationYear {
    pub year: i32,
    /// In the framework's dimension order.
    pub by_dimension: Vec<DimensionScore>,
    /// The achievement index, points 0-5.
    pub index: Option<f64>,
    /// Every item with a weight is scored.
    pub complete: bool,
    /// The index less the previous evaluated year's.
    pub improvement: Option<f64>,
    pub previous_year: Option<i32>,
    pub suggestions: Suggestions,
}

fn dimension_scores(workbook: &Workbook, year: i32) -> (Vec<DimensionScore>, bool) {
    let m = &workbook.monev;
    let mut complete = true;
    let scores = m
        .dimensions
        .iter()
        .map(|d| {
            let (mut sum, mut weights, mut scored, mut items) = (0u64, 0u64, 0, 0);
            for item in m.items_of(d.id) {
                items += 1;
                match m.score(year, item.id) {
                    Some(s) => {
                        scored += 1;
                        sum += u64::from(s.score) * u64::from(item.weight);
                        weights += u64::from(item.weight);
                    }
                    None => complete &= item.weight == 0,
                }
            }
            let score = (weights > 0).then(|| sum as f64 / weights as f64 / f64::from(SCORE_SCALE));
            DimensionScore { dimension: d.id, key: d.key.clone(), weight: d.weight, score, scored, items }
        })
        .collect();
    (scores, complete)
}

fn index_of(scores: &[DimensionScore]) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0.0);
    for d in scores.iter().filter(|d| d.weight > 0) {
        if let Some(score) = d.score {
            sum += score * f64::from(d.weight);
            weights += f64::from(d.weight);
        }
    }
    (weights > 0.0).then(|| sum / weights)
}

/// The readiness baseline per round: (year, position, overall index).
fn readiness_rounds(workbook: &Workbook) -> Vec<(i32, i64, Option<f64>)> {
    let mut rounds: Vec<(i32, i64, Option<f64>)> =
        workbook.rounds.iter().map(|r| (r.year, r.position, round_result(workbook, r.id).overall.value)).collect();
    rounds.sort_by_key(|r| (r.0, r.1));
    rounds
}

fn suggestions(
    workbook: &Workbook,
    year: i32,
    figures: Option<&YearFigures>,
    rounds: &[(i32, i64, Option<f64>)],
) -> Suggestions {
    let mut quick = Rate::default();
    for program in workbook.programs.iter().filter(|p| p.quick_win && is_due(p, year)) {
        quick.due += 1;
        quick.ran += usize::from(workbook.monev.realisation(program.id, year).is_some_and(|r| r.status.ran()));
    }
    Suggestions {
        outcome: figures.and_then(|f| f.implementation.value()).map(|r| r * 5.0),
        quick_win: quick.value().map(|r| r * 5.0),
        baseline: rounds.iter().rev().find(|r| r.0 <= year && r.2.is_some()).and_then(|r| r.2),
    }
}

/// The evaluation of every masterplan year and every other year with scores, ascending.
pub(super) fn evaluation_years(workbook: &Workbook, years: &[YearFigures]) -> Vec<EvaluationYear> {
    let mut all: Vec<i32> = workbook.profile.years().chain(workbook.monev.evaluation_years()).collect();
    all.sort_unstable();
    all.dedup();
    let rounds = readiness_rounds(workbook);
    let mut previous: Option<(i32, f64)> = None;
    all.into_iter()
        .map(|year| {
            let (by_dimension, complete) = dimension_scores(workbook, year);
            let index = index_of(&by_dimension);
            let figures = years.iter().find(|f| f.year == year);
            let improvement = index.zip(previous).map(|(now, (_, before))| now - before);
            let previous_year = previous.map(|p| p.0);
            if let Some(index) = index {
                previous = Some((year, index));
            }
            let suggestions = suggestions(workbook, year, figures, &rounds);
            EvaluationYear { year, by_dimension, index, complete, improvement, previous_year, suggestions }
        })
        .collect()
}
