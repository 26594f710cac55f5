//! The APBD history on the line tree: each line's total per year on a [`Basis`], the old layout mapped on.

use std::collections::HashMap;

use super::money::{FinanceError, Overflowing, checked};
use crate::model::{FinanceValue, Layout, LineTree, ValueKind};

/// Which typed values form the totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    Budgeted,
    Realised,
    /// The realised value where one was typed, else the budgeted one, line by line.
    Preferred,
}

/// A line's total in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineTotal {
    pub amount: i64,
    pub estimate: bool,
    /// For a sum line, the part of `amount` its children do not explain (a typed total above the sum of its
    /// typed parts, or an old-layout aggregate that was not broken down). 0 for lines without children.
    pub unallocated: i64,
}

/// Every line's total in one year, indexed like [`LineTree::lines`].
#[derive(Clone, Debug, PartialEq)]
pub struct YearTotals {
    pub year: i32,
    /// The layout the year was typed in.
    pub layout: Layout,
    pub lines: Vec<Option<LineTotal>>,
}

impl YearTotals {
    pub fn get(&self, line: usize) -> Option<&LineTotal> {
        self.lines.get(line).and_then(Option::as_ref)
    }

    pub fn amount(&self, line: usize) -> Option<i64> {
        self.get(line).map(|t| t.amount)
    }
}

/// A running sum with its estimate flag.
#[derive(Clone, Copy, Debug, Default)]
struct Part {
    amount: i128,
    estimate: bool,
}

impl Part {
    fn add(acc: Option<Part>, amount: i128, estimate: bool) -> Option<Part> {
        let acc = acc.unwrap_or_default();
        Some(Part { amount: acc.amount + amount, estimate: acc.estimate || estimate })
    }
}

/// The typed values of `year` on `basis`, by line key.
fn chosen(values: &[FinanceValue], year: i32, basis: Basis) -> HashMap<&str, &FinanceValue> {
    let mut chosen: HashMap<&str, &FinanceValue> = HashMap::new();
    for v in values.iter().filter(|v| v.year == year) {
        match (basis, v.kind) {
            (Basis::Budgeted, ValueKind::Budgeted) | (Basis::Realised, ValueKind::Realised) => {
                chosen.insert(&v.line, v);
            }
            (Basis::Preferred, ValueKind::Realised) => {
                chosen.insert(&v.line, v);
            }
            (Basis::Preferred, ValueKind::Budgeted) => {
                chosen.entry(&v.line).or_insert(v);
            }
            _ => {}
        }
    }
    chosen
}

/// The totals of every tree line in `year` on `basis`. Keys that are not lines (a file from elsewhere) are
/// ignored; in a year typed in both layouts (refused by validation) a tree line's own value wins over the
/// old line that is its whole.
pub fn year_totals(values: &[FinanceValue], year: i32, basis: Basis) -> Result<YearTotals, FinanceError> {
    let tree = LineTree::get();
    let chosen = chosen(values, year, basis);
    let mut own: Vec<Option<Part>> = vec![None; tree.lines.len()];
    let mut legacy_own: Vec<Option<Part>> = vec![None; tree.legacy.len()];
    let mut legacy_count = 0;
    for (key, v) in &chosen {
        let part = Some(Part { amount: i128::from(v.amount), estimate: v.is_estimate });
        if let Some(i) = tree.index(key) {
            own[i] = part;
        } else if let Some(i) = tree.legacy_index(key) {
            legacy_own[i] = part;
            legacy_count += 1;
        }
    }

    // The old layout onto the tree: each old line's total, then what each typed old line adds to the tree.
    let mut mapped: Vec<Option<Part>> = vec![None; tree.lines.len()];
    let mut legacy_total: Vec<Option<Part>> = vec![None; tree.legacy.len()];
    for i in (0..tree.legacy.len()).rev() {
        let mut children: Option<Part> = None;
        for &c in tree.legacy_children(i) {
            if let Some(t) = legacy_total[c] {
                let sign = if tree.legacy[c].negative { -1 } else { 1 };
                children = Part::add(children, sign * t.amount, t.estimate);
            }
        }
        legacy_total[i] = legacy_own[i].or(children);
        let (Some(typed), line) = (legacy_own[i], &tree.legacy[i]) else { continue };
        if line.whole {
            if own[line.maps_to].is_none() {
                own[line.maps_to] = Some(typed);
            }
            continue;
        }
        // A part: what its own old-layout children do not already explain.
        let residual = match children {
            None => Some(typed),
            Some(c) if c.amount == typed.amount => None,
            Some(c) => Some(Part { amount: typed.amount - c.amount, estimate: typed.estimate || c.estimate }),
        };
        if let Some(r) = residual {
            mapped[line.maps_to] = Part::add(mapped[line.maps_to], r.amount, r.estimate);
        }
    }

    let mut totals: Vec<Option<LineTotal>> = vec![None; tree.lines.len()];
    let mut sums: Vec<Option<Part>> = vec![None; tree.lines.len()];
    for i in (0..tree.lines.len()).rev() {
        let mut children: Option<Part> = None;
        for &c in tree.children(i) {
            if let Some(t) = sums[c] {
                let sign = if tree.lines[c].negative { -1 } else { 1 };
                children = Part::add(children, sign * t.amount, t.estimate);
            }
        }
        let combined = match (children, mapped[i]) {
            (None, None) => None,
            (a, b) => {
                let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
                Some(Part { amount: a.amount + b.amount, estimate: a.estimate || b.estimate })
            }
        };
        let Some(total) = own[i].or(combined) else { continue };
        sums[i] = Some(total);
        let code = &tree.lines[i].code;
        let unallocated = if tree.children(i).is_empty() { 0 } else { total.amount - children.map_or(0, |c| c.amount) };
        totals[i] = Some(LineTotal {
            amount: checked(total.amount, || Overflowing::Line(code.clone()), year)?,
            estimate: total.estimate,
            unallocated: checked(unallocated, || Overflowing::Line(code.clone()), year)?,
        });
    }
    let layout = if legacy_count > 0 { Layout::Legacy } else { Layout::Current };
    Ok(YearTotals { year, layout, lines: totals })
}

/// The totals of every year that has a value on the basis, in year order. Years without values are absent:
/// a gap in the history stays a gap.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub years: Vec<YearTotals>,
}

impl History {
    pub fn year(&self, year: i32) -> Option<&YearTotals> {
        self.years.binary_search_by_key(&year, |y| y.year).ok().map(|at| &self.years[at])
    }

    pub fn total(&self, line: usize, year: i32) -> Option<&LineTotal> {
        self.year(year).and_then(|y| y.get(line))
    }

    pub fn amount(&self, line: usize, year: i32) -> Option<i64> {
        self.total(line, year).map(|t| t.amount)
    }

    /// The growth of `line` in `year` over the year before, in percent; none without both years or when the
    /// year before is zero or negative.
    pub fn growth(&self, line: usize, year: i32) -> Option<f64> {
        let before = self.amount(line, year - 1)?;
        let now = self.amount(line, year)?;
        (before > 0).then(|| (now as f64 / before as f64 - 1.0) * 100.0)
    }

    /// `(year, amount)` of every year where `line` has a total.
    pub fn series(&self, line: usize) -> Vec<(i32, i64)> {
        self.years.iter().filter_map(|y| y.amount(line).map(|a| (y.year, a))).collect()
    }
}

/// The history of `values` on `basis`.
pub fn history(values: &[FinanceValue], basis: Basis) -> Result<History, FinanceError> {
    let mut years: Vec<i32> = values
        .iter()
        .filter(|v| match basis {
            Basis::Budgeted => v.kind == ValueKind::Budgeted,
            Basis::Realised => v.kind == ValueKind::Realised,
            Basis::Preferred => true,
        })
        .map(|v| v.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    let years = years.into_iter().map(|y| year_totals(values, y, basis)).collect::<Result<_, _>>()?;
    Ok(History { years })
}
