//! Monitoring and evaluation (monev) after the masterplan is signed: each program's realisation per year
//! ([`realisation`]) and the ministry's yearly evaluation with its framework of dimensions, items and weights
//! ([`evaluation`]). Like the quick wins, these rows are keyed by program id without living inside the
//! program: removing a program keeps them, so undoing the removal brings them back; analyses skip rows of
//! programs that are gone.

pub mod evaluation;
pub mod realisation;

use serde::{Deserialize, Serialize};

pub use evaluation::{EvaluationDimension, EvaluationItem, EvaluationScore};
pub use realisation::{Realisation, RealisationStatus, Spending};

use super::{Change, FundingSource, Id, Workbook, stable_id};

/// The id of the realisation row of `program` in `year`: derived from the two, so every copy of a workbook
/// names the row alike (the file and the merge both use it).
pub fn realisation_id(program: Id, year: i32) -> Id {
    stable_id("realisation", &format!("{program}/{year}"))
}

/// The id of the spending row of `program` in `year` from `source`.
pub fn spending_id(program: Id, year: i32, source: FundingSource) -> Id {
    stable_id("realisation-spending", &format!("{program}/{year}/{}", source.key()))
}

/// The id of the score row of `item` in `year`.
pub fn evaluation_score_id(year: i32, item: Id) -> Id {
    stable_id("evaluation-score", &format!("{year}/{item}"))
}

/// Everything of monitoring and evaluation in a workbook, sorted as the store reads it: realisations by
/// program then year, spending by program, year and source, dimensions and items by position then id,
/// scores by year then item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Monev {
    pub realisations: Vec<Realisation>,
    pub spending: Vec<Spending>,
    /// Empty only in workbooks of schema versions before 12 (which hold no evaluation at all).
    pub dimensions: Vec<EvaluationDimension>,
    pub items: Vec<EvaluationItem>,
    pub scores: Vec<EvaluationScore>,
}

impl Monev {
    /// New workbooks start with the default evaluation framework and nothing realised.
    pub fn with_default_framework() -> Self {
        Monev { dimensions: evaluation::default_dimensions(), items: evaluation::default_items(), ..Default::default() }
    }

    /// Binary search: a grid of programs x one year asks this for every visible row.
    pub fn realisation(&self, program: Id, year: i32) -> Option<&Realisation> {
        self.realisations.binary_search_by(|r| r.key().cmp(&(program, year))).ok().map(|at| &self.realisations[at])
    }

    /// The spending rows of one program in one year, in the order of [`FundingSource::ALL`].
    pub fn spending_of(&self, program: Id, year: i32) -> &[Spending] {
        let from = self.spending.partition_point(|s| (s.program_id, s.year) < (program, year));
        let to = self.spending.partition_point(|s| (s.program_id, s.year) <= (program, year));
        &self.spending[from..to]
    }

    pub fn spending_row(&self, program: Id, year: i32, source: FundingSource) -> Option<&Spending> {
        self.spending.binary_search_by(|s| s.key().cmp(&(program, year, source))).ok().map(|at| &self.spending[at])
    }

    /// What a program spent in a year over all sources. Saturates; validation keeps real sums far below.
    pub fn spent(&self, program: Id, year: i32) -> i64 {
        self.spending_of(program, year).iter().fold(0i64, |sum, s| sum.saturating_add(s.amount))
    }

    pub fn dimension(&self, id: Id) -> Option<&EvaluationDimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn dimension_keyed(&self, key: &str) -> Option<&EvaluationDimension> {
        self.dimensions.iter().find(|d| d.key == key)
    }

    pub fn item(&self, id: Id) -> Option<&EvaluationItem> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn items_of(&self, dimension: Id) -> impl Iterator<Item = &EvaluationItem> {
        self.items.iter().filter(move |i| i.dimension_id == dimension)
    }

    pub fn score(&self, year: i32, item: Id) -> Option<&EvaluationScore> {
        self.scores.binary_search_by(|s| s.key().cmp(&(year, item))).ok().map(|at| &self.scores[at])
    }

    /// The years with at least one evaluation score, ascending.
    pub fn evaluation_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.scores.iter().map(|s| s.year).collect();
        years.dedup();
        years
    }

    /// The changes that remove a program's realisation in a year with its spending: one undo step.
    pub fn remove_realisation(&self, program: Id, year: i32) -> Vec<Change> {
        let mut changes: Vec<Change> = self
            .spending_of(program, year)
            .iter()
            .map(|s| mc(MonevChange::RemoveSpending { program, year, source: s.source }))
            .collect();
        if self.realisation(program, year).is_some() {
            changes.push(mc(MonevChange::RemoveRealisation { program, year }));
        }
        changes
    }

    /// The changes that set what a program spent in a year per source, whole: sources with a positive amount
    /// are written, the others removed.
    pub fn set_spending(&self, program: Id, year: i32, amounts: &[(FundingSource, i64)]) -> Vec<Change> {
        let mut changes = Vec::new();
        for source in FundingSource::ALL {
            let amount = amounts.iter().filter(|(s, _)| *s == source).map(|(_, a)| *a).next_back();
            let here = self.spending_row(program, year, source).map(|s| s.amount);
            match amount {
                Some(amount) if amount != 0 && here != Some(amount) => {
                    changes.push(mc(MonevChange::PutSpending(Spending { program_id: program, year, source, amount })))
                }
                Some(0) | None if here.is_some() => {
                    changes.push(mc(MonevChange::RemoveSpending { program, year, source }))
                }
                _ => {}
            }
        }
        changes
    }

    /// The changes that remove an evaluation item with its scores.
    pub fn remove_item(&self, id: Id) -> Vec<Change> {
        let mut changes: Vec<Change> = self
            .scores
            .iter()
            .filter(|s| s.item_id == id)
            .map(|s| mc(MonevChange::RemoveScore { year: s.year, item: id }))
            .collect();
        changes.push(mc(MonevChange::RemoveItem(id)));
        changes
    }

    /// The changes that remove an evaluation dimension with its items and their scores.
    pub fn remove_dimension(&self, id: Id) -> Vec<Change> {
        let mut changes: Vec<Change> = self.items_of(id).flat_map(|i| self.remove_item(i.id)).collect();
        changes.push(mc(MonevChange::RemoveDimension(id)));
        changes
    }
}

/// A row-level change to monitoring and evaluation; each has an exact inverse.
#[derive(Clone, Debug, PartialEq)]
pub enum MonevChange {
    /// A realisation is identified by its program and year.
    PutRealisation(Realisation),
    RemoveRealisation {
        program: Id,
        year: i32,
    },
    /// Spending is identified by its program, year and funding source.
    PutSpending(Spending),
    RemoveSpending {
        program: Id,
        year: i32,
        source: FundingSource,
    },
    PutDimension(EvaluationDimension),
    RemoveDimension(Id),
    PutItem(EvaluationItem),
    RemoveItem(Id),
    /// A score is identified by its year and item.
    PutScore(EvaluationScore),
    RemoveScore {
        year: i32,
        item: Id,
    },
}

fn mc(change: MonevChange) -> Change {
    Change::Monev(change)
}

/// The change that undoes `change` on `workbook` as it is now.
pub fn inverse(workbook: &Workbook, change: &MonevChange) -> Change {
    use MonevChange as C;
    let m = &workbook.monev;
    let realisation = |program: Id, year: i32| {
        m.realisation(program, year).cloned().map_or(C::RemoveRealisation { program, year }, C::PutRealisation)
    };
    let spending = |program: Id, year: i32, source: FundingSource| {
        m.spending_row(program, year, source)
            .copied()
            .map_or(C::RemoveSpending { program, year, source }, C::PutSpending)
    };
    let score = |year: i32, item: Id| m.score(year, item).cloned().map_or(C::RemoveScore { year, item }, C::PutScore);
    mc(match change {
        C::PutRealisation(new) => realisation(new.program_id, new.year),
        C::RemoveRealisation { program, year } => realisation(*program, *year),
        C::PutSpending(new) => spending(new.program_id, new.year, new.source),
        C::RemoveSpending { program, year, source } => spending(*program, *year, *source),
        C::PutDimension(new) => m.dimension(new.id).cloned().map_or(C::RemoveDimension(new.id), C::PutDimension),
        C::RemoveDimension(id) => m.dimension(*id).cloned().map_or(C::RemoveDimension(*id), C::PutDimension),
        C::PutItem(new) => m.item(new.id).cloned().map_or(C::RemoveItem(new.id), C::PutItem),
        C::RemoveItem(id) => m.item(*id).cloned().map_or(C::RemoveItem(*id), C::PutItem),
        C::PutScore(new) => score(new.year, new.item_id),
        C::RemoveScore { year, item } => score(*year, *item),
    })
}

/// Insert or replace a row in a list kept sorted by `key`.
fn put_sorted<T, K: Ord>(rows: &mut Vec<T>, row: T, key: impl Fn(&T) -> K) {
    match rows.binary_search_by(|r| key(r).cmp(&key(&row))) {
        Ok(at) => rows[at] = row,
        Err(at) => rows.insert(at, row),
    }
}

/// Insert or replace a row by id, then restore the order by position and id.
fn put_by_id<T>(rows: &mut Vec<T>, row: T, id: impl Fn(&T) -> Id, position: impl Fn(&T) -> i64) {
    match rows.iter().position(|r| id(r) == id(&row)) {
        Some(at) => rows[at] = row,
        None => rows.push(row),
    }
    rows.sort_by_key(|r| (position(r), id(r)));
}

/// Apply a validated change.
pub fn apply(workbook: &mut Workbook, change: &MonevChange) {
    use MonevChange as C;
    let m = &mut workbook.monev;
    match change {
        C::PutRealisation(r) => put_sorted(&mut m.realisations, r.clone(), Realisation::key),
        C::RemoveRealisation { program, year } => m.realisations.retain(|r| r.key() != (*program, *year)),
        C::PutSpending(s) => put_sorted(&mut m.spending, *s, Spending::key),
        C::RemoveSpending { program, year, source } => m.spending.retain(|s| s.key() != (*program, *year, *source)),
        C::PutDimension(d) => put_by_id(&mut m.dimensions, d.clone(), |d| d.id, |d| d.position),
        C::RemoveDimension(id) => m.dimensions.retain(|d| d.id != *id),
        C::PutItem(i) => put_by_id(&mut m.items, i.clone(), |i| i.id, |i| i.position),
        C::RemoveItem(id) => m.items.retain(|i| i.id != *id),
        C::PutScore(s) => put_sorted(&mut m.scores, s.clone(), EvaluationScore::key),
        C::RemoveScore { year, item } => m.scores.retain(|s| s.key() != (*year, *item)),
    }
}

#[cfg(test)]
mod tests;
