//! Monitoring and evaluation (monev) figures: pure functions from a [`Workbook`] to what the Monev view, its
//! charts, the exports and `info --json` show. Computed whole by [`monev_figures`] in one pass over the
//! workbook; cheap enough to compute once per revision and cache (never per frame).
//!
//! **Which programs count.** Only the programs in the workbook: realisation, spending and scores of a removed
//! program stay in the file (so undo brings them back) but are skipped here. A program whose masterplan
//! status is dropped ([`ProgramStatus::Dropped`]) is not due in any year and plans nothing (as in the
//! financial analysis, where dropped programs cost nothing); money it actually spent still counts as spent.
//!
//! **Due.** A program is *due* in a year ([`is_due`]) when the year lies in its years (`start_year ..=
//! end_year`) or it plans money in that year (a budget line above zero), unless its masterplan status is
//! dropped. The implementation rate is ran / due, where a due program *ran* when its realisation of that year
//! has a status that [`RealisationStatus::ran`] (running or done); a due program without a realisation row
//! has not (yet) run. A program that is not due but has a realisation with an actual value or spending that
//! year is allowed and listed in [`YearFigures::not_due_reported`].
//!
//! **Budget realisation.** Planned is the sum of the programs' budget lines of the year; spent the sum of
//! their [`Spending`](crate::model::Spending) rows, per dimension, agency, funding source and overall. The
//! comparison with the smart city envelope of the financial analysis (base scenario) uses the APBD part
//! only, the part the envelope must cover ([`YearFigures::apbd`]).
//!
//! **Behind schedule** are the due programs whose realisation is dropped, delayed or not started, in that
//! order, then by planned money (more first), then code. **Over budget** are the programs that spent more
//! than they planned that year, largest overrun (spent - planned) first, then code.
//!
//! **Indicators.** Each program with a target for the year ([`YearTarget`](crate::model::YearTarget)) or an
//! actual value; the achievement is actual / target when both start with a number ([`leading_number`]).
//!
//! **Evaluation** (see [`evaluation`]): per year the weighted achievement index on the 0-5 scale, its
//! improvement over the previous evaluated year, and the suggestions the workbook computes.
//!
//! Ratios are `f64` (0.9 is 90 %); money stays whole rupiah `i64`, sums saturate at `i64::MAX` (validation
//! keeps real sums far below).

pub mod evaluation;
mod indicators;
mod year;

use crate::analysis::finance;
use crate::model::{FundingSource, Id, Program, ProgramStatus, RealisationStatus, Scenario, Workbook};

pub use evaluation::{DimensionScore, EvaluationYear, Suggestions};
pub use indicators::leading_number;

/// Programs due and how many of them ran.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate {
    pub due: usize,
    pub ran: usize,
}

impl Rate {
    /// ran / due, or `None` when nothing is due (shown as "–", never a misleading 0).
    pub fn value(self) -> Option<f64> {
        (self.due > 0).then(|| self.ran as f64 / self.due as f64)
    }
}

/// Money planned against money spent, whole rupiah.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Realised {
    pub planned: i64,
    pub spent: i64,
}

impl Realised {
    /// spent / planned, or `None` when nothing is planned.
    pub fn ratio(self) -> Option<f64> {
        (self.planned > 0).then(|| self.spent as f64 / self.planned as f64)
    }

    fn add(&mut self, planned: i64, spent: i64) {
        self.planned = self.planned.saturating_add(planned);
        self.spent = self.spent.saturating_add(spent);
    }
}

/// A due program that did not run as planned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Behind {
    pub program: Id,
    /// Dropped, delayed or not started.
    pub status: RealisationStatus,
    pub reason: String,
    /// What the program planned that year, all sources.
    pub planned: i64,
}

/// A program that spent more than it planned in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OverBudget {
    pub program: Id,
    pub planned: i64,
    pub spent: i64,
    /// spent - planned, above zero.
    pub overrun: i64,
}

/// A program's indicator in a year: the masterplan's target beside the actual value reported.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub program: Id,
    /// Empty when the program has no target for the year.
    pub target: String,
    /// Empty when nothing is reported.
    pub actual: String,
    /// actual / target when both start with a number and the target is not zero (1.0 is 100 %).
    pub achievement: Option<f64>,
    pub due: bool,
}

/// The monitoring figures of one masterplan year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearFigures {
    pub year: i32,
    /// All due programs.
    pub implementation: Rate,
    /// In the workbook's dimension order (the six smart city dimensions).
    pub by_dimension: Vec<(Id, Rate)>,
    /// In the workbook's element order.
    pub by_element: Vec<(Id, Rate)>,
    /// Due programs with a realisation row for the year (reported, whatever the status).
    pub reported: usize,
    pub budget: Realised,
    /// In the workbook's dimension order.
    pub budget_by_dimension: Vec<(Id, Realised)>,
    /// In the workbook's agency order, then `None` (programs with no agency) when it has any money.
    pub budget_by_agency: Vec<(Option<Id>, Realised)>,
    /// In [`FundingSource::ALL`] order.
    pub budget_by_source: Vec<(FundingSource, Realised)>,
    /// The APBD part of [`YearFigures::budget`]: what the envelope is compared with.
    pub apbd: Realised,
    /// The smart city envelope of the year (financial analysis, base scenario), when it can be computed.
    pub envelope: Option<i64>,
    pub indicators: Vec<Indicator>,
    /// Worst first (see the module doc).
    pub behind: Vec<Behind>,
    /// Largest overrun first.
    pub over_budget: Vec<OverBudget>,
    /// Programs not due this year with an actual value or spending reported: allowed, flagged.
    pub not_due_reported: Vec<Id>,
}

/// How the indicators of a year stand: of those with a target, how many report an actual value, how many of
/// those reach the target (achievement 100 % or more) and how many fall short; an actual value that cannot be
/// read as a number counts as reported but neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndicatorSummary {
    pub with_target: usize,
    pub reported: usize,
    pub met: usize,
    pub below: usize,
}

impl YearFigures {
    pub fn indicator_summary(&self) -> IndicatorSummary {
        let mut summary = IndicatorSummary::default();
        for i in self.indicators.iter().filter(|i| !i.target.is_empty()) {
            summary.with_target += 1;
            summary.reported += usize::from(!i.actual.is_empty());
            match i.achievement {
                Some(a) if a >= 1.0 => summary.met += 1,
                Some(_) => summary.below += 1,
                None => {}
            }
        }
        summary
    }

    /// The indicators below their target, lowest achievement first (then program order).
    pub fn indicators_below(&self) -> Vec<&Indicator> {
        let mut below: Vec<&Indicator> =
            self.indicators.iter().filter(|i| i.achievement.is_some_and(|a| a < 1.0)).collect();
        below.sort_by(|a, b| a.achievement.unwrap_or(0.0).total_cmp(&b.achievement.unwrap_or(0.0)));
        below
    }

    /// APBD spent / the envelope, or `None` without an envelope above zero.
    pub fn envelope_used(&self) -> Option<f64> {
        self.envelope.filter(|e| *e > 0).map(|e| self.apbd.spent as f64 / e as f64)
    }

    /// APBD planned / the envelope.
    pub fn envelope_planned(&self) -> Option<f64> {
        self.envelope.filter(|e| *e > 0).map(|e| self.apbd.planned as f64 / e as f64)
    }
}

/// Everything of monev in a workbook, computed in one call.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonevFigures {
    /// One per masterplan year, ascending.
    pub years: Vec<YearFigures>,
    /// One per masterplan year and per other year with scores, ascending.
    pub evaluation: Vec<EvaluationYear>,
}

impl MonevFigures {
    pub fn year(&self, year: i32) -> Option<&YearFigures> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn evaluation_year(&self, year: i32) -> Option<&EvaluationYear> {
        self.evaluation.iter().find(|e| e.year == year)
    }
}

/// True when `program` is due in `year`: the year is in its years or it plans money then, and its masterplan
/// status is not dropped.
pub fn is_due(program: &Program, year: i32) -> bool {
    program.status != ProgramStatus::Dropped
        && ((program.start_year..=program.end_year).contains(&year)
            || program.budget.iter().any(|l| l.year == year && l.amount > 0))
}

/// The programs a year's realisation is about, as indices into the workbook's programs in its order: those
/// due that year, and those reported that year although not due (a realisation row or money spent).
pub fn programs_of_year(workbook: &Workbook, year: i32) -> Vec<usize> {
    let m = &workbook.monev;
    let reported = |p: &Program| m.realisation(p.id, year).is_some() || m.spent(p.id, year) > 0;
    workbook.programs.iter().enumerate().filter(|(_, p)| is_due(p, year) || reported(p)).map(|(i, _)| i).collect()
}

/// What `program` plans in `year` from `source`; nothing when its masterplan status is dropped.
pub fn planned(program: &Program, year: i32, source: FundingSource) -> i64 {
    if program.status == ProgramStatus::Dropped { 0 } else { program.amount(year, source) }
}

/// The smart city envelope per masterplan year (base scenario), `None` where the analysis has none.
fn envelopes(workbook: &Workbook) -> Vec<(i32, Option<i64>)> {
    let Ok(analysis) = finance::analyse(workbook) else { return Vec::new() };
    match analysis.projection.scenario(Scenario::Base) {
        Some(Ok(base)) => base.gaps.iter().map(|g| (g.year, g.envelope)).collect(),
        _ => Vec::new(),
    }
}

/// All monev figures of `workbook`.
pub fn monev_figures(workbook: &Workbook) -> MonevFigures {
    let envelopes = envelopes(workbook);
    let years: Vec<YearFigures> = workbook
        .profile
        .years()
        .map(|y| {
            let envelope = envelopes.iter().find(|(year, _)| *year == y).and_then(|(_, e)| *e);
            year::year_figures(workbook, y, envelope)
        })
        .collect();
    let evaluation = evaluation::evaluation_years(workbook, &years);
    MonevFigures { years, evaluation }
}

#[cfg(test)]
mod tests;
