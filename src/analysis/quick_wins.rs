//! Prioritisation and quick wins, as pure functions of the workbook (Buku IV is written from these):
//! each program's weighted score over the criteria and its rank, the dot votes, the picker that proposes the
//! best set of quick wins under a budget cap with the reason each program is in or out, the programs marked as
//! quick wins with their total cost, and the minutes of a workshop.
//!
//! **Weighted score** = sum(weight x score) / sum(weight) over the criteria the program is scored on that
//! have a weight, on the 1-5 scale; a "lower is better" criterion (cost) counts 6 - score. Unscored criteria
//! do not pull the score down (as in readiness); the ranking shows how many criteria are scored. Scores are
//! compared exactly, as fractions of integers.
//!
//! **Ranks** are 1, 2, 3... without gaps. Equal scores are ordered by more dot votes, then lower cost in the
//! quick-win years, then program code, and each tied program says which of these decided its place.

pub mod marking;
pub mod minutes;
pub mod picker;

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::model::quick_wins::{AGENCY_READINESS, Criterion, TIME_TO_DELIVER};
use crate::model::{Id, Program, ProgramStatus, Workbook};

pub use minutes::{Minutes, minutes};

/// The years whose budget counts as a quick win's cost: the first year of the masterplan, or the first two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub first_year: i32,
    /// 1 or 2.
    pub years: u8,
}

impl Window {
    /// The masterplan's first year.
    pub fn first_year_of(workbook: &Workbook) -> Self {
        Window { first_year: workbook.profile.period_start, years: 1 }
    }

    pub fn last_year(&self) -> i32 {
        self.first_year + i32::from(self.years.max(1)) - 1
    }

    /// The program's budget in these years, all sources.
    pub fn cost(&self, program: &Program) -> i64 {
        (self.first_year..=self.last_year()).fold(0i64, |sum, year| sum.saturating_add(program.cost_in_year(year)))
    }
}

/// A weighted score as the exact fraction `points / weight` (both integers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WeightedScore {
    /// sum(weight x effective score).
    pub points: u64,
    /// sum(weight) of the scored criteria.
    pub weight: u64,
    /// Criteria scored, of `of`.
    pub scored: usize,
    pub of: usize,
}

impl WeightedScore {
    /// On the 1-5 scale; `None` when nothing weighted is scored.
    pub fn value(&self) -> Option<f64> {
        (self.weight > 0).then(|| self.points as f64 / self.weight as f64)
    }

    /// Thousandths of a point, rounded: the picker's integer value.
    pub fn milli(&self) -> u64 {
        (self.points * 1000 + self.weight / 2).checked_div(self.weight).unwrap_or(0)
    }

    /// Compare two scores exactly (no rounding); unscored below everything.
    pub fn cmp_exact(&self, other: &Self) -> Ordering {
        match (self.weight, other.weight) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Less,
            (_, 0) => Ordering::Greater,
            _ => (u128::from(self.points) * u128::from(other.weight))
                .cmp(&(u128::from(other.points) * u128::from(self.weight))),
        }
    }
}

/// The weighted score of one program over `criteria`, reading its scores with `score_of(criterion)`.
pub fn weighted_score(criteria: &[Criterion], score_of: impl Fn(Id) -> Option<u8>) -> WeightedScore {
    let mut result = WeightedScore { of: criteria.len(), ..Default::default() };
    for criterion in criteria {
        if let Some(score) = score_of(criterion.id) {
            result.scored += 1;
            result.points += u64::from(criterion.weight) * u64::from(criterion.effective(score));
            result.weight += u64::from(criterion.weight);
        }
    }
    result
}

/// Each criterion's share of the total weight, in percent (all 0 when every weight is 0).
pub fn weight_shares(criteria: &[Criterion]) -> Vec<f64> {
    let total: u64 = criteria.iter().map(|c| u64::from(c.weight)).sum();
    criteria.iter().map(|c| if total == 0 { 0.0 } else { 100.0 * f64::from(c.weight) / total as f64 }).collect()
}

/// What decided the order of a program tied on score with the one ranked just above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieBreak {
    Votes,
    Cost,
    Code,
}

/// One program in the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub program: Id,
    pub score: WeightedScore,
    /// Dot votes from every workshop.
    pub votes: u32,
    /// Budget in the quick-win years.
    pub cost: i64,
    /// 1-based; `None` when the program has no weighted score yet.
    pub rank: Option<usize>,
    /// Set when its score equals the one ranked just above.
    pub tie: Option<TieBreak>,
    pub quick_win: bool,
}

/// Dots per program, over the workshops `workshop` names (all when `None`).
pub fn votes_by_program(workbook: &Workbook, workshop: Option<Id>) -> HashMap<Id, u32> {
    let q = &workbook.quick_wins;
    let mut totals: HashMap<Id, u32> = HashMap::new();
    for vote in &q.votes {
        let counts = match workshop {
            None => true,
            Some(w) => q.group(vote.group_id).is_some_and(|g| g.workshop_id == w),
        };
        if counts {
            *totals.entry(vote.program_id).or_default() += vote.dots;
        }
    }
    totals
}

/// Every program, ranked: scored programs by score (ties as the module says), then the unscored ones in
/// the workbook's order.
pub fn ranking(workbook: &Workbook, window: Window) -> Vec<Ranked> {
    let criteria = workbook.quick_wins.criteria_in_force();
    let votes = votes_by_program(workbook, None);
    let mut scores: HashMap<Id, HashMap<Id, u8>> = HashMap::new();
    for s in &workbook.quick_wins.scores {
        scores.entry(s.program_id).or_default().insert(s.criterion_id, s.score);
    }
    let mut rows: Vec<(Ranked, &str)> = workbook
        .programs
        .iter()
        .map(|p| {
            let own = scores.get(&p.id);
            let score = weighted_score(&criteria, |c| own.and_then(|s| s.get(&c).copied()));
            let ranked = Ranked {
                program: p.id,
                score,
                votes: votes.get(&p.id).copied().unwrap_or(0),
                cost: window.cost(p),
                rank: None,
                tie: None,
                quick_win: p.quick_win,
            };
            (ranked, p.code.as_str())
        })
        .collect();
    // Stable: unscored programs keep the workbook's order at the end.
    rows.sort_by(|(a, a_code), (b, b_code)| {
        b.score
            .cmp_exact(&a.score)
            .then(b.votes.cmp(&a.votes))
            .then(a.cost.cmp(&b.cost))
            .then_with(|| a_code.cmp(b_code))
    });
    let mut ranked: Vec<Ranked> = Vec::with_capacity(rows.len());
    for (index, (mut row, _)) in rows.into_iter().enumerate() {
        if row.score.weight > 0 {
            row.rank = Some(index + 1);
            if let Some(above) = ranked.last()
                && above.score.cmp_exact(&row.score) == Ordering::Equal
            {
                row.tie = Some(if above.votes != row.votes {
                    TieBreak::Votes
                } else if above.cost != row.cost {
                    TieBreak::Cost
                } else {
                    TieBreak::Code
                });
            }
        }
        ranked.push(row);
    }
    ranked
}

/// The programs marked as quick wins, in ranking order, with their total cost.
#[derive(Clone, Debug, PartialEq)]
pub struct QuickWinSummary {
    pub window: Window,
    pub programs: Vec<Ranked>,
    /// Their budget in the quick-win years.
    pub window_cost: i64,
    /// Their whole budget over all years.
    pub total_cost: i64,
}

/// The marked quick wins with their scores, ranks and costs: what `info --json` and Buku IV report.
pub fn marked(workbook: &Workbook, window: Window) -> QuickWinSummary {
    let programs: Vec<Ranked> = ranking(workbook, window).into_iter().filter(|r| r.quick_win).collect();
    let window_cost = programs.iter().fold(0i64, |s, r| s.saturating_add(r.cost));
    let total_cost =
        programs.iter().filter_map(|r| workbook.program(r.program)).fold(0i64, |s, p| s.saturating_add(p.total_cost()));
    QuickWinSummary { window, programs, window_cost, total_cost }
}

/// The picker's cap until the facilitator types one: Rp 2 miliar, a plausible first-year smart city envelope
/// of a regency.
pub const DEFAULT_CAP: i64 = 2_000_000_000;

/// The cap the picker works under: the one the facilitator set, kept in the workbook, else the default. The
/// value-for-money chart draws it, in the app and in the export.
pub fn picker_cap(workbook: &Workbook) -> i64 {
    workbook.quick_wins.picker.as_ref().map_or(DEFAULT_CAP, |p| p.cap)
}

/// What the picker works under.
#[derive(Clone, Debug, PartialEq)]
pub struct PickerSettings {
    /// Budget cap in rupiah for the quick-win years.
    pub cap: i64,
    pub window: Window,
    /// Only programs whose "time to deliver" score is at least 3 (within 12 months).
    pub within_12_months: bool,
    /// Only programs whose agency readiness score is at least this.
    pub min_agency_readiness: Option<u8>,
    /// Dimensions the set must cover with at least one program each.
    pub cover: Vec<Id>,
}

/// The score of "time to deliver" that means "within 12 months".
pub const WITHIN_12_MONTHS: u8 = 3;

/// Why a program is in or out of the proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// In, at its rank; `covers` when it is the only chosen program of a required dimension.
    Chosen {
        rank: usize,
        covers: Option<Id>,
    },
    NotScored,
    /// Dropped from the plan.
    Status(ProgramStatus),
    /// Starts after the quick-win years.
    StartsAfter(i32),
    /// "Time to deliver" below 3 or not scored.
    TooSlow(Option<u8>),
    /// Agency readiness below the minimum or not scored.
    AgencyNotReady(Option<u8>),
    /// Costs more than the whole cap.
    OverCap {
        cost: i64,
    },
    /// Fits the cap alone, but the chosen set leaves less room than it costs: taking it would mean dropping
    /// programs worth more together.
    NoRoom {
        cost: i64,
        left: i64,
    },
}

impl Reason {
    pub fn is_chosen(&self) -> bool {
        matches!(self, Reason::Chosen { .. })
    }
}

/// The picker's proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// In ranking order.
    pub chosen: Vec<Id>,
    /// Every program, in ranking order, with why it is in or out.
    pub reasons: Vec<(Id, Reason)>,
    pub cost: i64,
    /// Sum of the chosen programs' weighted scores.
    pub total_score: f64,
    /// The budget step of an approximate proposal (see [`picker`]); 1 when exact.
    pub unit: i64,
    /// True when the proposal is proven the best set, exact to the rupiah (or proven that none exists).
    pub exact: bool,
    /// Required dimensions no set within the cap can cover; when not empty nothing is proposed.
    pub uncovered: Vec<Id>,
}

fn dimension_of(workbook: &Workbook, program: &Program) -> Option<Id> {
    workbook.element(program.element_id).map(|e| e.dimension_id)
}

/// Each program of `ranking` with the reason a filter leaves it out (`None` when it passes), and the ones that
/// pass as the picker's items with their rows in `ranking`.
type Candidates = (Vec<(Id, Option<Reason>)>, Vec<picker::Item>, Vec<usize>);

/// The programs of `ranking` under the filters of `settings` and the cap (see [`Candidates`]).
fn candidates(workbook: &Workbook, ranking: &[Ranked], settings: &PickerSettings, cap: i64) -> Candidates {
    let criteria = workbook.quick_wins.criteria_in_force();
    let by_key = |key: &str| criteria.iter().find(|c| c.key == key).map(|c| c.id);
    let (time, readiness) = (by_key(TIME_TO_DELIVER), by_key(AGENCY_READINESS));
    let mut reasons: Vec<(Id, Option<Reason>)> = Vec::with_capacity(ranking.len());
    let mut items = Vec::new();
    let mut item_rows = Vec::new();
    for (row, r) in ranking.iter().enumerate() {
        let Some(program) = workbook.program(r.program) else { continue };
        let score_of = |c: Option<Id>| c.and_then(|c| workbook.quick_wins.score(program.id, c));
        let filtered = if r.rank.is_none() {
            Some(Reason::NotScored)
        } else if program.status == ProgramStatus::Dropped {
            Some(Reason::Status(program.status))
        } else if program.start_year > settings.window.last_year() {
            Some(Reason::StartsAfter(program.start_year))
        } else if settings.within_12_months && time.is_some() && score_of(time).is_none_or(|s| s < WITHIN_12_MONTHS) {
            Some(Reason::TooSlow(score_of(time)))
        } else if let Some(min) = settings.min_agency_readiness
            && readiness.is_some()
            && score_of(readiness).is_none_or(|s| s < min)
        {
            Some(Reason::AgencyNotReady(score_of(readiness)))
        } else if r.cost > cap {
            Some(Reason::OverCap { cost: r.cost })
        } else {
            None
        };
        if filtered.is_none() {
            let dimension = dimension_of(workbook, program);
            let covers = dimension.and_then(|d| settings.cover.iter().position(|c| *c == d));
            items.push(picker::Item { cost: r.cost, value: r.score.milli(), covers });
            item_rows.push(row);
        }
        reasons.push((r.program, filtered));
    }
    (reasons, items, item_rows)
}

/// Propose the best set of quick wins under the settings: the exact maximum of the summed weighted scores
/// within the cap, covering the required dimensions, from the programs that pass the filters (an approximation
/// only for very many candidates, and then [`Proposal::exact`] is false). Every program left out for room costs
/// more than what the chosen set leaves of the cap.
pub fn propose(workbook: &Workbook, ranking: &[Ranked], settings: &PickerSettings) -> Proposal {
    let cap = settings.cap.max(0);
    let (reasons, items, item_rows) = candidates(workbook, ranking, settings, cap);

    let required = settings.cover.len().min(picker::MAX_REQUIRED);
    let search = picker::search(&items, cap, required);
    let choice = search.choice;
    let uncovered: Vec<Id> = match &choice {
        Some(_) => Vec::new(),
        None => settings.cover.iter().take(required).copied().collect(),
    };
    let chosen_items = choice.as_ref().map_or(Vec::new(), |c| c.chosen.clone());
    // Whether the answer (a set or none) is proven, as the picker says, also when nothing could be chosen.
    let (unit, exact) = (search.unit, search.exact);
    let chosen_rows: Vec<usize> = chosen_items.iter().map(|&i| item_rows[i]).collect();
    let cost: i64 = chosen_rows.iter().map(|&row| ranking[row].cost).sum();
    let left = cap - cost;
    // A required dimension covered by exactly one chosen program: that program is in for it.
    let mut covering: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in &chosen_items {
        if let Some(d) = items[i].covers.filter(|d| *d < required) {
            covering.entry(d).or_default().push(item_rows[i]);
        }
    }
    let mut final_reasons = Vec::with_capacity(reasons.len());
    let mut item_index = 0;
    for (row, (id, filtered)) in reasons.into_iter().enumerate() {
        let reason = match filtered {
            Some(reason) => reason,
            None => {
                let item = items[item_index];
                item_index += 1;
                if chosen_rows.contains(&row) {
                    let covers = item
                        .covers
                        .filter(|d| covering.get(d).is_some_and(|rows| rows.len() == 1))
                        .map(|d| settings.cover[d]);
                    Reason::Chosen { rank: ranking[row].rank.unwrap_or(0), covers }
                } else {
                    Reason::NoRoom { cost: item.cost, left }
                }
            }
        };
        final_reasons.push((id, reason));
    }
    let chosen: Vec<Id> = chosen_rows.iter().map(|&row| ranking[row].program).collect();
    let total_score = chosen_rows.iter().filter_map(|&row| ranking[row].score.value()).sum();
    Proposal { chosen, reasons: final_reasons, cost, total_score, unit, exact, uncovered }
}

/// Totals of a set of programs (a saved selection or the facilitator's adjusted proposal).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SetTotals {
    pub count: usize,
    pub cost: i64,
    pub total_score: f64,
    pub votes: u32,
}

pub fn set_totals(ranking: &[Ranked], programs: &[Id]) -> SetTotals {
    let mut totals = SetTotals::default();
    for r in ranking.iter().filter(|r| programs.contains(&r.program)) {
        totals.count += 1;
        totals.cost = totals.cost.saturating_add(r.cost);
        totals.total_score += r.score.value().unwrap_or(0.0);
        totals.votes += r.votes;
    }
    totals
}

#[cfg(test)]
mod tests;
