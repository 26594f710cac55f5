//! The financial analysis of Buku I: the APBD history on one line tree, the ratios planners use, the
//! projection over the masterplan period in three scenarios, the smart city envelope and the programs' cost
//! against it. Pure functions over the model, unit-tested with hand-computed numbers.
//!
//! **Totals.** For one year, a line's total is its own value where one was typed; otherwise the (signed) sum
//! of its children's totals plus whatever the old layout put on the line as "not broken down" (see
//! [`crate::model::LineTree`] for the mapping of the layout before 2021). A line with neither has no total,
//! never a misleading 0. The part of a sum line's total its children do not explain is kept as
//! [`LineTotal::unallocated`], so reported totals stay exact even where their parts are incomplete.
//!
//! **Budgeted or realised.** The history is formed on a [`Basis`]: the budget, the realisation, or, for the
//! ratios and the projection, the realisation line by line where one was typed and the budget elsewhere
//! ([`Basis::Preferred`]). The choice is made per typed value, before the sums, so a year whose realisation is
//! known only for PAD takes realised PAD and the budget for everything else (its budgeted total included).
//!
//! **Estimates.** A total is an estimate when its own value is, or (without one) when any part of it is; a
//! ratio is an estimate when any total it reads is.
//!
//! **Money** stays whole rupiah (`i64`); sums are formed in `i128` and any amount beyond
//! [`MAX_COMPUTED`] is refused with a message rather than wrapped or saturated. Ratios and growth rates are
//! `f64`.

use std::collections::HashMap;

use crate::i18n::{Message, Text, format_rupiah};
use crate::model::{
    BASIS_POINTS, FinanceValue, FundingSource, Id, Layout, LineTree, ProgramStatus, ProjectionSettings, Scenario,
    ValueKind, Workbook,
};

/// The largest amount any computed total or projection may reach: Rp 1.000.000 triliun, ten thousand times
/// the largest typed value. Beyond it the result is refused: sums of it still fit `i64` many times over.
pub const MAX_COMPUTED: i64 = 1_000_000_000_000_000_000;

/// What grew beyond [`MAX_COMPUTED`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overflowing {
    /// A line of the tree, by its code.
    Line(String),
    FiscalCapacity,
    ProgramCost,
    /// The envelope or its gap to the programs' cost.
    Envelope,
}

/// Why a computation was refused. Typed values are validated far below the limits, so this takes a crafted
/// file or absurd growth rates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FinanceError {
    Overflow { what: Overflowing, year: i32 },
}

impl FinanceError {
    pub fn message(&self) -> Message {
        let FinanceError::Overflow { what, year } = self;
        let (year, limit) = (year.to_string(), format_rupiah(MAX_COMPUTED));
        match what {
            Overflowing::Line(code) => Message::with(Text::FinanceOverflow, [code.clone(), year, limit]),
            Overflowing::FiscalCapacity => Message::with(Text::FinanceOverflowFiscalCapacity, [year, limit]),
            Overflowing::ProgramCost => Message::with(Text::FinanceOverflowProgramCost, [year, limit]),
            Overflowing::Envelope => Message::with(Text::FinanceOverflowEnvelope, [year, limit]),
        }
    }
}

/// An `i128` amount as money, or the refusal naming what and when.
fn checked(amount: i128, what: impl FnOnce() -> Overflowing, year: i32) -> Result<i64, FinanceError> {
    if amount.unsigned_abs() > MAX_COMPUTED as u128 {
        return Err(FinanceError::Overflow { what: what(), year });
    }
    Ok(amount as i64)
}

/// A projected `f64` amount rounded to the rupiah (half away from zero), or refused.
fn rounded(amount: f64, line: &str, year: i32) -> Result<i64, FinanceError> {
    if !amount.is_finite() || amount.abs() > MAX_COMPUTED as f64 {
        return Err(FinanceError::Overflow { what: Overflowing::Line(line.to_string()), year });
    }
    Ok(amount.round() as i64)
}

/// `share` basis points of `amount`, rounded to the rupiah (half away from zero).
pub fn share_of(amount: i64, share_bp: i32) -> i64 {
    let product = i128::from(amount) * i128::from(share_bp);
    let divisor = i128::from(BASIS_POINTS);
    let half = divisor / 2;
    let rounded = if product >= 0 { (product + half) / divisor } else { (product - half) / divisor };
    // |amount| <= i64::MAX and |share| <= 100 % keep this within i64; larger shares are refused by validation
    // and clamped here.
    rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

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

/// The bands of the degree of fiscal decentralisation (PAD / revenue), after Kemendagri: up to 10 % very
/// low, up to 20 % low, up to 30 % moderate, up to 40 % fair, up to 50 % good, above 50 % very good. Each
/// band includes its upper bound (10,00 % is still "sangat kurang").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DecentralisationBand {
    VeryLow,
    Low,
    Moderate,
    Fair,
    Good,
    VeryGood,
}

impl DecentralisationBand {
    pub const ALL: [DecentralisationBand; 6] = [
        DecentralisationBand::VeryLow,
        DecentralisationBand::Low,
        DecentralisationBand::Moderate,
        DecentralisationBand::Fair,
        DecentralisationBand::Good,
        DecentralisationBand::VeryGood,
    ];

    /// The band of a ratio in percent.
    pub fn of(percent: f64) -> DecentralisationBand {
        match percent {
            p if p <= 10.0 => DecentralisationBand::VeryLow,
            p if p <= 20.0 => DecentralisationBand::Low,
            p if p <= 30.0 => DecentralisationBand::Moderate,
            p if p <= 40.0 => DecentralisationBand::Fair,
            p if p <= 50.0 => DecentralisationBand::Good,
            _ => DecentralisationBand::VeryGood,
        }
    }

    pub fn text(self) -> Text {
        match self {
            DecentralisationBand::VeryLow => Text::BandVeryLow,
            DecentralisationBand::Low => Text::BandLow,
            DecentralisationBand::Moderate => Text::BandModerate,
            DecentralisationBand::Fair => Text::BandFair,
            DecentralisationBand::Good => Text::BandGood,
            DecentralisationBand::VeryGood => Text::BandVeryGood,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DecentralisationBand::VeryLow => "very_low",
            DecentralisationBand::Low => "low",
            DecentralisationBand::Moderate => "moderate",
            DecentralisationBand::Fair => "fair",
            DecentralisationBand::Good => "good",
            DecentralisationBand::VeryGood => "very_good",
        }
    }
}

/// A ratio in percent and whether it rests on an estimate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ratio {
    pub percent: f64,
    pub estimate: bool,
}

fn ratio(part: Option<&LineTotal>, whole: Option<&LineTotal>) -> Option<Ratio> {
    let (part, whole) = (part?, whole?);
    (whole.amount > 0).then(|| Ratio {
        percent: part.amount as f64 / whole.amount as f64 * 100.0,
        estimate: part.estimate || whole.estimate,
    })
}

/// The fiscal capacity (kapasitas fiskal daerah) of one year, after the domain notes (PMK 84/2023): revenue
/// plus SiLPA, less earmarked revenue, personnel spending, interest, revenue sharing and financial aid paid
/// (the transfers to villages, Dana Desa included), and loan principal repaid.
///
/// With the lines of the tree: `4 + 6.1.1 - (4.2.1.3 DAK + 4.3.1 grants + 4.3.2 emergency funds) - 5.1.1 -
/// 5.1.3 - 5.4 - 6.2.1` (the roles in `apbd-lines.json`). Simplifications: earmarked revenue is DAK, grants
/// and emergency funds (the earmarked parts of DBH, such as the reforestation fund, are not separate lines);
/// Dana Desa is deducted once, as part of the transfers paid that pass it on to the villages, not again as
/// earmarked revenue; personnel spending is deducted whole. Revenue and personnel spending are required; a
/// deduction or SiLPA without a value counts as zero.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FiscalCapacity {
    pub amount: i64,
    /// Fiscal capacity / personnel spending (a plain ratio, 1.0 = as much again as personnel costs).
    pub ratio_to_personnel: Option<f64>,
    pub estimate: bool,
}

/// The ratios of one year of the history.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRatios {
    pub year: i32,
    /// Derajat desentralisasi fiskal: PAD / total revenue.
    pub decentralisation: Option<Ratio>,
    pub band: Option<DecentralisationBand>,
    /// Personnel / total spending.
    pub personnel_share: Option<Ratio>,
    /// Capital / total spending.
    pub capital_share: Option<Ratio>,
    pub fiscal_capacity: Option<FiscalCapacity>,
    /// The APBD-funded cost of the programs in the year; none outside the masterplan period.
    pub smart_city_apbd: Option<i64>,
    /// That cost / total spending.
    pub smart_city_share: Option<Ratio>,
}

fn fiscal_capacity(totals: &YearTotals) -> Result<Option<FiscalCapacity>, FinanceError> {
    let roles = &LineTree::get().roles;
    let (Some(revenue), Some(personnel)) = (totals.get(roles.revenue), totals.get(roles.personnel)) else {
        return Ok(None);
    };
    let mut estimate = revenue.estimate || personnel.estimate;
    let mut amount = i128::from(revenue.amount) - i128::from(personnel.amount);
    let mut add = |line: usize, sign: i128| {
        if let Some(t) = totals.get(line) {
            amount += sign * i128::from(t.amount);
            estimate |= t.estimate;
        }
    };
    add(roles.silpa, 1);
    for &line in &roles.earmarked_revenue {
        add(line, -1);
    }
    for line in [roles.interest, roles.transfers_paid, roles.loan_principal] {
        add(line, -1);
    }
    let amount = checked(amount, || Overflowing::FiscalCapacity, totals.year)?;
    let ratio_to_personnel = (personnel.amount > 0).then(|| amount as f64 / personnel.amount as f64);
    Ok(Some(FiscalCapacity { amount, ratio_to_personnel, estimate }))
}

/// The ratios of every year of `history`; `apbd_cost` is the programs' APBD cost per masterplan year.
pub fn ratios(
    history: &History,
    period: std::ops::RangeInclusive<i32>,
    apbd_cost: impl Fn(i32) -> i64,
) -> Result<Vec<YearRatios>, FinanceError> {
    let roles = &LineTree::get().roles;
    history
        .years
        .iter()
        .map(|t| {
            let decentralisation = ratio(t.get(roles.pad), t.get(roles.revenue));
            let spending = t.get(roles.spending);
            let smart_city_apbd = period.contains(&t.year).then(|| apbd_cost(t.year));
            let smart_city_share = smart_city_apbd.and_then(|cost| {
                let cost = LineTotal { amount: cost, estimate: false, unallocated: 0 };
                ratio(Some(&cost), spending)
            });
            Ok(YearRatios {
                year: t.year,
                band: decentralisation.map(|r| DecentralisationBand::of(r.percent)),
                decentralisation,
                personnel_share: ratio(t.get(roles.personnel), spending),
                capital_share: ratio(t.get(roles.capital), spending),
                fiscal_capacity: fiscal_capacity(t)?,
                smart_city_apbd,
                smart_city_share,
            })
        })
        .collect()
}

/// A compound annual growth rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cagr {
    /// The first and last years with a value inside the base years.
    pub from: i32,
    pub to: i32,
    /// A fraction per year: 0.05 = 5 % a year; -1.0 when the line fell to zero.
    pub rate: f64,
}

/// Why a CAGR cannot be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CagrError {
    /// No value in the base years.
    NoValues,
    /// A value in only one base year: growth needs two.
    OneYear { year: i32 },
    /// The first value is zero or negative: no growth rate leads from it to the last.
    NonPositiveBase { year: i32 },
    /// The last value is negative.
    NegativeEnd { year: i32 },
}

impl CagrError {
    /// The message, naming the line.
    pub fn message(self, line: &str) -> Message {
        let line = line.to_string();
        match self {
            CagrError::NoValues => Message::with(Text::CagrNoValues, [line]),
            CagrError::OneYear { .. } => Message::with(Text::CagrOneYear, [line]),
            CagrError::NonPositiveBase { year } => Message::with(Text::CagrNonPositiveBase, [line, year.to_string()]),
            CagrError::NegativeEnd { year } => Message::with(Text::CagrNegativeEnd, [line, year.to_string()]),
        }
    }
}

/// The CAGR of `points` (year, amount) from the first to the last year with a value in `first..=last`:
/// `(last value / first value) ^ (1 / years between) - 1`. Years missing inside the range do not matter; a
/// missing first or last base year shortens the span to the years that are there.
pub fn cagr(points: &[(i32, i64)], first: i32, last: i32) -> Result<Cagr, CagrError> {
    let inside = points.iter().filter(|(y, _)| (first..=last).contains(y));
    let start = inside.clone().min_by_key(|(y, _)| *y).ok_or(CagrError::NoValues)?;
    let end = inside.max_by_key(|(y, _)| *y).ok_or(CagrError::NoValues)?;
    if start.0 == end.0 {
        return Err(CagrError::OneYear { year: start.0 });
    }
    if start.1 <= 0 {
        return Err(CagrError::NonPositiveBase { year: start.0 });
    }
    if end.1 < 0 {
        return Err(CagrError::NegativeEnd { year: end.0 });
    }
    let years = f64::from(end.0 - start.0);
    let rate = (end.1 as f64 / start.1 as f64).powf(1.0 / years) - 1.0;
    Ok(Cagr { from: start.0, to: end.0, rate })
}

/// Where a line's growth rate comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RateSource {
    /// Typed for the line.
    Typed,
    /// Typed for a sum line above it (index into the tree).
    Group(usize),
    /// Its own CAGR over the base years.
    Cagr(Cagr),
    /// Its own CAGR cannot be computed: the CAGR of the nearest line above it that has one.
    Inherited(usize, Cagr),
    /// No rate anywhere: the line stays as it is (0 % a year).
    Flat,
}

/// The growth rate of one line before the scenario adjustment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineRate {
    /// A fraction per year.
    pub rate: f64,
    pub source: RateSource,
    /// The line's own CAGR, or why there is none (shown even when a typed rate is used).
    pub cagr: Result<Cagr, CagrError>,
}

impl LineRate {
    /// The rate's source in words, for tables.
    pub fn describe(&self) -> Message {
        let tree = LineTree::get();
        match self.source {
            RateSource::Typed => Message::new(Text::RateTyped),
            RateSource::Group(line) => Message::with(Text::RateGroup, [tree.lines[line].code.clone()]),
            RateSource::Cagr(c) => Message::with(Text::RateCagr, [c.from.to_string(), c.to.to_string()]),
            RateSource::Inherited(line, _) => Message::with(Text::RateInherited, [tree.lines[line].code.clone()]),
            RateSource::Flat => Message::new(Text::RateFlat),
        }
    }
}

/// The growth rate of every tree line: typed for the line, else typed for a group above it, else its own
/// CAGR over the base years, else the CAGR of the nearest line above it that has one, else flat.
///
/// A sum line with parts grows as its parts do: its own rate applies only to its part not broken down (so a
/// group rate, which its parts inherit, does make the whole group grow at that rate).
pub fn line_rates(history: &History, settings: &ProjectionSettings) -> Vec<LineRate> {
    let tree = LineTree::get();
    let cagrs: Vec<Result<Cagr, CagrError>> =
        (0..tree.lines.len()).map(|i| cagr(&history.series(i), settings.base_first, settings.base_last)).collect();
    let typed = |line: usize| settings.rates.get(&tree.lines[line].code).map(|bp| f64::from(*bp) / 1e4);
    (0..tree.lines.len())
        .map(|i| {
            let cagr = cagrs[i];
            let (rate, source) = if let Some(rate) = typed(i) {
                (rate, RateSource::Typed)
            } else if let Some((rate, group)) = tree.ancestors(i).find_map(|a| typed(a).map(|r| (r, a))) {
                (rate, RateSource::Group(group))
            } else if let Ok(c) = cagr {
                (c.rate, RateSource::Cagr(c))
            } else if let Some((a, c)) = tree.ancestors(i).find_map(|a| cagrs[a].ok().map(|c| (a, c))) {
                (c.rate, RateSource::Inherited(a, c))
            } else {
                (0.0, RateSource::Flat)
            };
            LineRate { rate, source, cagr }
        })
        .collect()
}

/// The programs' cost in one year: the APBD part and the other sources.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cost {
    pub apbd: i64,
    pub other: i64,
}

impl Cost {
    pub fn total(self) -> i64 {
        self.apbd + self.other
    }
}

/// The programs' cost per masterplan year, per dimension and in total, split into the APBD part (funding
/// source APBD) and the other sources (APBN, DAK, the province, KPBU, CSR, private, Dana Desa, other: DAK is
/// named apart in the program table, so it is not counted as the regency's own APBD). Dropped programs cost
/// nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgramCosts {
    pub years: Vec<i32>,
    /// In the workbook's dimension order; each has one cost per year.
    pub by_dimension: Vec<(Id, Vec<Cost>)>,
    /// Every counted program, per year.
    pub total: Vec<Cost>,
}

impl ProgramCosts {
    pub fn in_year(&self, year: i32) -> Cost {
        self.years.iter().position(|y| *y == year).map_or_else(Cost::default, |at| self.total[at])
    }
}

pub fn program_costs(workbook: &Workbook) -> Result<ProgramCosts, FinanceError> {
    let years: Vec<i32> = workbook.profile.years().collect();
    let first = workbook.profile.period_start;
    let mut by_dimension: Vec<Vec<[i128; 2]>> = vec![vec![[0; 2]; years.len()]; workbook.dimensions.len()];
    let mut total: Vec<[i128; 2]> = vec![[0; 2]; years.len()];
    for program in workbook.programs.iter().filter(|p| p.status != ProgramStatus::Dropped) {
        let row = workbook
            .dimension_of(program.element_id)
            .and_then(|d| workbook.dimensions.iter().position(|x| x.id == d.id));
        for line in &program.budget {
            let Some(column) = usize::try_from(line.year - first).ok().filter(|c| *c < years.len()) else {
                continue;
            };
            let part = usize::from(line.source != FundingSource::Apbd);
            total[column][part] += i128::from(line.amount);
            if let Some(row) = row {
                by_dimension[row][column][part] += i128::from(line.amount);
            }
        }
    }
    let costs = |cells: &[[i128; 2]]| -> Result<Vec<Cost>, FinanceError> {
        cells
            .iter()
            .zip(&years)
            .map(|(c, &year)| {
                Ok(Cost {
                    apbd: checked(c[0], || Overflowing::ProgramCost, year)?,
                    other: checked(c[1], || Overflowing::ProgramCost, year)?,
                })
            })
            .collect()
    };
    let by_dimension = workbook
        .dimensions
        .iter()
        .zip(&by_dimension)
        .map(|(d, cells)| Ok((d.id, costs(cells)?)))
        .collect::<Result<_, FinanceError>>()?;
    Ok(ProgramCosts { total: costs(&total)?, by_dimension, years })
}

/// The envelope against the programs' APBD cost in one masterplan year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GapYear {
    pub year: i32,
    /// Total spending (history up to the last base year, projected after it).
    pub spending: Option<i64>,
    /// The smart city envelope: the chosen share of that spending.
    pub envelope: Option<i64>,
    pub program: Cost,
    /// The programs' APBD cost less the envelope: above zero the programs need more than the envelope holds,
    /// below zero the envelope has room left.
    pub gap: Option<i64>,
    /// The gap as a share of the envelope, in percent.
    pub gap_percent: Option<f64>,
}

/// The sums over the masterplan years that have an envelope.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GapTotal {
    pub envelope: i64,
    pub program_apbd: i64,
    pub gap: i64,
    pub gap_percent: Option<f64>,
    /// How many masterplan years are counted (those with a spending figure).
    pub years: usize,
}

/// One scenario: every line in every masterplan year, and the envelope against the programs.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioProjection {
    pub scenario: Scenario,
    /// Indexed like [`LineTree::lines`], then like [`Projection::years`].
    pub lines: Vec<Vec<Option<i64>>>,
    /// The lines whose rate plus the scenario adjustment fell below -100 % a year and was limited to it.
    pub clamped: Vec<usize>,
    pub gaps: Vec<GapYear>,
    pub total: GapTotal,
}

/// The projection over the masterplan period.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub years: Vec<i32>,
    /// The last base year: years up to it take the history, later ones are projected from it.
    pub anchor: i32,
    pub rates: Vec<LineRate>,
    /// In [`Scenario::ALL`] order; a scenario whose numbers run beyond [`MAX_COMPUTED`] is refused alone.
    pub scenarios: Vec<Result<ScenarioProjection, FinanceError>>,
    /// What the planner should know (e.g. no values in the last base year).
    pub notes: Vec<Message>,
}

impl Projection {
    pub fn scenario(&self, scenario: Scenario) -> Option<&Result<ScenarioProjection, FinanceError>> {
        Scenario::ALL.iter().position(|s| *s == scenario).and_then(|at| self.scenarios.get(at))
    }
}

/// Every line in the years after `anchor`: each line from its value at the anchor, grown at its rate plus
/// the scenario's adjustment (no slower than -100 % a year). A sum line is the sum of its projected children
/// plus its part not broken down, grown at its own rate, so the projected parts always add up.
fn project_after_anchor(
    anchor: &YearTotals,
    rates: &[f64],
    years_after: &[i32],
) -> Result<Vec<Vec<Option<i64>>>, FinanceError> {
    let tree = LineTree::get();
    let mut out: Vec<Vec<Option<i64>>> = vec![vec![None; years_after.len()]; tree.lines.len()];
    for (column, &year) in years_after.iter().enumerate() {
        let n = year - anchor.year;
        for i in (0..tree.lines.len()).rev() {
            let Some(base) = anchor.get(i) else { continue };
            let code = &tree.lines[i].code;
            let growth = (1.0 + rates[i]).powi(n);
            let mut amount = i128::from(rounded(base.unallocated as f64 * growth, code, year)?);
            let mut any_child = false;
            for &c in tree.children(i) {
                if let Some(value) = out[c][column] {
                    any_child = true;
                    let sign = if tree.lines[c].negative { -1 } else { 1 };
                    amount += sign * i128::from(value);
                }
            }
            if !any_child {
                amount = i128::from(rounded(base.amount as f64 * growth, code, year)?);
            }
            out[i][column] = Some(checked(amount, || Overflowing::Line(code.clone()), year)?);
        }
    }
    Ok(out)
}

fn gap_percent(gap: i64, envelope: i64) -> Option<f64> {
    (envelope > 0).then(|| gap as f64 / envelope as f64 * 100.0)
}

fn scenario_projection(
    scenario: Scenario,
    history: &History,
    rates: &[LineRate],
    settings: &ProjectionSettings,
    years: &[i32],
    costs: &ProgramCosts,
) -> Result<ScenarioProjection, FinanceError> {
    let tree = LineTree::get();
    let adjustment = f64::from(settings.adjustment(scenario)) / 1e4;
    let mut clamped = Vec::new();
    let effective: Vec<f64> = rates
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let rate = r.rate + adjustment;
            if rate < -1.0 {
                clamped.push(i);
            }
            rate.max(-1.0)
        })
        .collect();
    let anchor = settings.base_last;
    let mut lines: Vec<Vec<Option<i64>>> = vec![vec![None; years.len()]; tree.lines.len()];
    let after: Vec<i32> = years.iter().copied().filter(|y| *y > anchor).collect();
    let projected = match history.year(anchor) {
        Some(base) if !after.is_empty() => project_after_anchor(base, &effective, &after)?,
        _ => vec![vec![None; after.len()]; tree.lines.len()],
    };
    for (column, &year) in years.iter().enumerate() {
        for (line, row) in lines.iter_mut().enumerate() {
            row[column] = if year <= anchor {
                history.amount(line, year)
            } else {
                projected[line][after.iter().position(|y| *y == year).expect("a later year")]
            };
        }
    }
    let spending = tree.roles.spending;
    let mut gaps = Vec::with_capacity(years.len());
    let mut sums = [0i128; 2];
    let mut counted = 0;
    for (column, &year) in years.iter().enumerate() {
        let spending = lines[spending][column];
        let envelope = spending.map(|s| share_of(s, settings.envelope_bp));
        let program = costs.in_year(year);
        let gap = envelope.map(|e| program.apbd - e);
        if let Some(e) = envelope {
            sums[0] += i128::from(e);
            sums[1] += i128::from(program.apbd);
            counted += 1;
        }
        gaps.push(GapYear {
            year,
            spending,
            envelope,
            program,
            gap,
            gap_percent: gap.zip(envelope).and_then(|(g, e)| gap_percent(g, e)),
        });
    }
    let last = years.last().copied().unwrap_or(anchor);
    let envelope = checked(sums[0], || Overflowing::Envelope, last)?;
    let program_apbd = checked(sums[1], || Overflowing::ProgramCost, last)?;
    let gap = checked(sums[1] - sums[0], || Overflowing::Envelope, last)?;
    let total = GapTotal { envelope, program_apbd, gap, gap_percent: gap_percent(gap, envelope), years: counted };
    Ok(ScenarioProjection { scenario, lines, clamped, gaps, total })
}

/// The projection of `history` (on the preferred basis) over `years` with `settings`, against `costs`.
pub fn projection(history: &History, settings: &ProjectionSettings, years: &[i32], costs: &ProgramCosts) -> Projection {
    let rates = line_rates(history, settings);
    let mut notes = Vec::new();
    if history.year(settings.base_last).is_none() && years.iter().any(|y| *y > settings.base_last) {
        notes.push(Message::with(Text::FinanceNoBaseValues, [settings.base_last.to_string()]));
    }
    let scenarios =
        Scenario::ALL.iter().map(|&s| scenario_projection(s, history, &rates, settings, years, costs)).collect();
    Projection { years: years.to_vec(), anchor: settings.base_last, rates, scenarios, notes }
}

/// Everything the finance view, the charts and `info --json` show.
#[derive(Clone, Debug, PartialEq)]
pub struct FinanceAnalysis {
    pub settings: ProjectionSettings,
    /// On the preferred basis (realised where typed, else budgeted).
    pub history: History,
    pub ratios: Vec<YearRatios>,
    pub program_costs: ProgramCosts,
    pub projection: Projection,
}

/// The whole financial analysis of `workbook`.
pub fn analyse(workbook: &Workbook) -> Result<FinanceAnalysis, FinanceError> {
    let settings = workbook.projection_settings();
    let history = history(&workbook.finance, Basis::Preferred)?;
    let program_costs = program_costs(workbook)?;
    let ratios = ratios(&history, workbook.profile.years(), |year| program_costs.in_year(year).apbd)?;
    let years: Vec<i32> = workbook.profile.years().collect();
    let projection = projection(&history, &settings, &years, &program_costs);
    Ok(FinanceAnalysis { settings, history, ratios, program_costs, projection })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionType, BudgetLine, Change, Program, new_id};

    fn value(line: &str, year: i32, amount: i64) -> FinanceValue {
        FinanceValue { line: line.into(), year, kind: ValueKind::Budgeted, amount, is_estimate: false }
    }

    fn estimate(line: &str, year: i32, amount: i64) -> FinanceValue {
        FinanceValue { is_estimate: true, ..value(line, year, amount) }
    }

    fn realised(line: &str, year: i32, amount: i64) -> FinanceValue {
        FinanceValue { kind: ValueKind::Realised, ..value(line, year, amount) }
    }

    fn line(code: &str) -> usize {
        LineTree::get().index(code).unwrap_or_else(|| panic!("no line {code}"))
    }

    fn totals(values: &[FinanceValue], year: i32) -> YearTotals {
        year_totals(values, year, Basis::Preferred).unwrap()
    }

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() < 1e-9
    }

    #[test]
    fn sums_of_children_unless_a_line_has_its_own_value() {
        let mut values = vec![
            value("4.1.1", 2023, 30),
            value("4.1.2", 2023, 10),
            value("4.2.1.2", 2023, 500),
            estimate("4.2.2", 2023, 100),
            value("4.3", 2023, 20),
            value("6.1.1", 2023, 50),
            value("6.2.1", 2023, 20),
        ];
        let t = totals(&values, 2023);
        assert_eq!(t.layout, Layout::Current);
        assert_eq!(t.amount(line("4.1")), Some(40));
        assert_eq!(t.amount(line("4.2.1")), Some(500));
        assert_eq!(t.amount(line("4.2")), Some(600));
        // 40 + 600 + 20
        assert_eq!(t.get(line("4")), Some(&LineTotal { amount: 660, estimate: true, unallocated: 0 }));
        assert!(!t.get(line("4.1")).unwrap().estimate);
        assert!(t.get(line("4.2")).unwrap().estimate, "Dana Desa is an estimate");
        // A sum line typed without its parts: all of it is not broken down.
        assert_eq!(t.get(line("4.3")), Some(&LineTotal { amount: 20, estimate: false, unallocated: 20 }));
        // Disbursements count against net financing: 50 - 20.
        assert_eq!(t.amount(line("6.2")), Some(20));
        assert_eq!(t.amount(line("6")), Some(30));
        assert_eq!(t.amount(line("5")), None, "no spending typed: no total, never 0");
        assert_eq!(t.amount(line("4.2.3")), None);

        // A typed total wins over its parts; what they do not explain is kept.
        values.push(value("4", 2023, 700));
        let t = totals(&values, 2023);
        assert_eq!(t.get(line("4")), Some(&LineTotal { amount: 700, estimate: false, unallocated: 40 }));
    }

    #[test]
    fn realised_values_are_preferred_line_by_line() {
        let values = vec![
            value("4.1.1", 2022, 30),
            value("4.1.2", 2022, 10),
            value("4", 2022, 1000),
            realised("4.1.1", 2022, 35),
        ];
        let t = |basis| year_totals(&values, 2022, basis).unwrap();
        assert_eq!(t(Basis::Budgeted).amount(line("4.1")), Some(40));
        assert_eq!(t(Basis::Preferred).amount(line("4.1")), Some(45), "realised 35 + budgeted 10");
        assert_eq!(t(Basis::Preferred).amount(line("4")), Some(1000), "the budgeted total stays");
        assert_eq!(t(Basis::Realised).amount(line("4.1")), Some(35));
        assert_eq!(t(Basis::Realised).amount(line("4")), Some(35));
        assert_eq!(history(&values, Basis::Realised).unwrap().years.len(), 1);
        assert!(history(&[value("4", 2022, 1)], Basis::Realised).unwrap().years.is_empty());
    }

    #[test]
    fn the_old_layout_maps_onto_the_tree() {
        let values = vec![
            // Revenue: Dana Perimbangan 700 whose parts are 10 short; lain-lain 240 with Dana Desa and the
            // adjustment fund broken out, 50 left unexplained.
            value("old:4", 2018, 1000),
            value("old:4.1", 2018, 60),
            value("old:4.2", 2018, 700),
            value("old:4.2.1", 2018, 20),
            value("old:4.2.2", 2018, 500),
            value("old:4.2.3", 2018, 170),
            value("old:4.3", 2018, 240),
            estimate("old:4.3.6", 2018, 150),
            value("old:4.3.4", 2018, 40),
            // Spending: indirect 300 (personnel 200, financial aid 60, 40 not broken down); direct 250
            // (honoraria 20, goods 100, capital 100, 30 not broken down).
            value("old:5.1", 2018, 300),
            value("old:5.1.1", 2018, 200),
            value("old:5.1.7", 2018, 60),
            value("old:5.2", 2018, 250),
            value("old:5.2.1", 2018, 20),
            value("old:5.2.2", 2018, 100),
            value("old:5.2.3", 2018, 100),
            // Financing: SiLPA 80 less loan principal 30.
            value("old:6.1.1", 2018, 80),
            value("old:6.2.3", 2018, 30),
        ];
        let t = totals(&values, 2018);
        assert_eq!(t.layout, Layout::Legacy);
        let amount = |code: &str| t.amount(line(code));
        assert_eq!(t.get(line("4")), Some(&LineTotal { amount: 1000, estimate: false, unallocated: 0 }));
        assert_eq!(amount("4.1"), Some(60));
        assert_eq!(t.get(line("4.2.1")), Some(&LineTotal { amount: 700, estimate: false, unallocated: 10 }));
        assert_eq!(amount("4.2.1.1"), Some(20));
        assert_eq!(amount("4.2.1.2"), Some(500));
        assert_eq!(amount("4.2.1.3"), Some(170));
        assert_eq!(amount("4.2.2"), Some(150), "Dana Desa moves to transfers");
        assert_eq!(amount("4.2.3"), Some(40), "so does the adjustment fund");
        // 700 + 150 + 40
        assert_eq!(t.get(line("4.2")), Some(&LineTotal { amount: 890, estimate: true, unallocated: 0 }));
        // 240 - 150 - 40 stays in other revenue, not broken down: an estimate, as Dana Desa is.
        assert_eq!(t.get(line("4.3")), Some(&LineTotal { amount: 50, estimate: true, unallocated: 50 }));

        assert_eq!(amount("5.1.1"), Some(220), "personnel of both indirect and direct spending");
        assert_eq!(amount("5.1.2"), Some(100));
        assert_eq!(amount("5.2"), Some(100));
        assert_eq!(amount("5.4.2"), Some(60));
        assert_eq!(amount("5.1"), Some(320));
        // 320 + 100 + 60 + the 40 + 30 not broken down = 300 + 250.
        assert_eq!(t.get(line("5")), Some(&LineTotal { amount: 550, estimate: false, unallocated: 70 }));
        assert_eq!(amount("6.1.1"), Some(80));
        assert_eq!(amount("6.2.1"), Some(30));
        assert_eq!(amount("6"), Some(50));

        // Parts above their old total: the total stays as typed, the remainder is negative.
        let over = vec![value("old:4.3", 2019, 100), value("old:4.3.6", 2019, 150), value("old:4.1", 2019, 10)];
        let t = totals(&over, 2019);
        assert_eq!(t.amount(line("4.3")), Some(-50));
        assert_eq!(t.amount(line("4")), Some(110), "10 + 150 - 50 = 10 + 100");
    }

    #[test]
    fn the_reported_2019_figures_give_5_37_percent() {
        let demo = crate::seed::demo_workbook();
        let analysis = analyse(&demo).unwrap();
        let year = analysis.history.year(2019).unwrap();
        assert_eq!(year.layout, Layout::Legacy);
        assert_eq!(year.amount(line("4")), Some(1_514_805_037_924));
        assert_eq!(year.amount(line("4.1")), Some(81_314_566_003));
        assert_eq!(year.amount(line("5")), Some(1_611_743_527_924));
        // Dana Perimbangan = revenue - PAD - other revenue.
        assert_eq!(year.amount(line("4.2.1")), Some(1_514_805_037_924 - 81_314_566_003 - 365_926_640_097));
        let ratios = analysis.ratios.iter().find(|r| r.year == 2019).unwrap();
        let ratio = ratios.decentralisation.unwrap();
        // 81.314.566.003 / 1.514.805.037.924 x 100 = 5,367988880895...
        assert!((ratio.percent - 5.367_988_880_895).abs() < 1e-9, "{}", ratio.percent);
        assert!(!ratio.estimate, "both figures are reported");
        assert_eq!(ratios.band, Some(DecentralisationBand::VeryLow));
        // 2018: 68.300.000.000 / 1.334.216.410.226 x 100 = 5,119109574...
        let r2018 = analysis.ratios.iter().find(|r| r.year == 2018).unwrap().decentralisation.unwrap();
        assert!((r2018.percent - 5.119_109_574_468).abs() < 1e-9, "{}", r2018.percent);
    }

    #[test]
    fn decentralisation_bands_include_their_upper_bound() {
        let band = DecentralisationBand::of;
        assert_eq!(band(-3.0), DecentralisationBand::VeryLow);
        assert_eq!(band(0.0), DecentralisationBand::VeryLow);
        assert_eq!(band(10.0), DecentralisationBand::VeryLow);
        assert_eq!(band(10.01), DecentralisationBand::Low);
        assert_eq!(band(20.0), DecentralisationBand::Low);
        assert_eq!(band(25.0), DecentralisationBand::Moderate);
        assert_eq!(band(30.5), DecentralisationBand::Fair);
        assert_eq!(band(50.0), DecentralisationBand::Good);
        assert_eq!(band(50.01), DecentralisationBand::VeryGood);
        assert_eq!(band(120.0), DecentralisationBand::VeryGood);
        for b in DecentralisationBand::ALL {
            assert!(!b.text().get(crate::i18n::Lang::Id).is_empty() && !b.key().is_empty());
        }
        assert_eq!(DecentralisationBand::VeryLow.text().get(crate::i18n::Lang::Id), "Sangat kurang");
    }

    /// One year with every line the ratios read, in round numbers.
    fn ratio_year(year: i32) -> Vec<FinanceValue> {
        vec![
            value("4", year, 1000),
            value("4.1", year, 150),
            value("4.2.1.3", year, 100),
            estimate("4.3.1", year, 10),
            value("6.1.1", year, 50),
            value("5", year, 1000),
            value("5.1.1", year, 300),
            value("5.1.3", year, 5),
            value("5.2", year, 150),
            value("5.4.2", year, 120),
            value("6.2.1", year, 15),
        ]
    }

    #[test]
    fn shares_and_fiscal_capacity_by_hand() {
        let h = history(&ratio_year(2024), Basis::Preferred).unwrap();
        let r = &ratios(&h, 2022..=2031, |y| if y == 2024 { 25 } else { 0 }).unwrap()[0];
        let pct = |r: Option<Ratio>| r.map(|r| r.percent).unwrap();
        assert!(close(pct(r.decentralisation), 15.0));
        assert_eq!(r.band, Some(DecentralisationBand::Low));
        assert!(close(pct(r.personnel_share), 30.0));
        assert!(close(pct(r.capital_share), 15.0));
        // 1000 + 50 - (100 + 10) - 300 - 5 - 120 - 15 = 500; / 300 personnel.
        let fc = r.fiscal_capacity.unwrap();
        assert_eq!(fc.amount, 500);
        assert!(close(fc.ratio_to_personnel.unwrap(), 500.0 / 300.0));
        assert!(fc.estimate, "the grants are an estimate");
        assert_eq!(r.smart_city_apbd, Some(25));
        assert!(close(pct(r.smart_city_share), 2.5));

        // Outside the masterplan period there is no smart city share; without personnel no fiscal capacity.
        let mut values = ratio_year(2020);
        values.retain(|v| v.line != "5.1.1");
        let h = history(&values, Basis::Preferred).unwrap();
        let r = &ratios(&h, 2022..=2031, |_| 99).unwrap()[0];
        assert_eq!((r.smart_city_apbd, r.smart_city_share), (None, None));
        assert_eq!(r.fiscal_capacity, None);
        assert_eq!(r.personnel_share, None);
        // Without revenue, or with none, no ratio at all.
        let h = history(&[value("4", 2021, 0), value("4.1", 2021, 5)], Basis::Preferred).unwrap();
        let r = &ratios(&h, 2022..=2031, |_| 0).unwrap()[0];
        assert_eq!((r.decentralisation, r.band), (None, None));
    }

    #[test]
    fn growth_needs_the_year_before() {
        let values = [value("4", 2020, 100), value("4", 2021, 110), value("4", 2023, 121), value("4.1", 2023, 0)];
        let h = history(&values, Basis::Preferred).unwrap();
        assert_eq!(h.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2020, 2021, 2023], "a gap stays a gap");
        assert!(close(h.growth(line("4"), 2021).unwrap(), 10.0));
        assert_eq!(h.growth(line("4"), 2023), None, "2022 is missing");
        assert_eq!(h.growth(line("4"), 2020), None);
        let zero = history(&[value("4.1", 2023, 0), value("4.1", 2024, 5)], Basis::Preferred).unwrap();
        assert_eq!(zero.growth(line("4.1"), 2024), None, "no growth from zero");
        let down = history(&[value("4.1", 2023, 200), value("4.1", 2024, 150)], Basis::Preferred).unwrap();
        assert!(close(down.growth(line("4.1"), 2024).unwrap(), -25.0));
    }

    #[test]
    fn cagr_by_hand_and_its_edge_cases() {
        // 10.000 -> 14.641 over four years: 1,1^4 = 1,4641, so 10 % a year.
        let c = cagr(&[(2018, 10_000), (2020, 99), (2022, 14_641)], 2018, 2022).unwrap();
        assert_eq!((c.from, c.to), (2018, 2022));
        assert!(close(c.rate, 0.10), "{}", c.rate);
        // Missing end years shorten the span to the years that are there: 2019 -> 2021, 12.100 / 10.000.
        let c = cagr(&[(2016, 1), (2019, 10_000), (2021, 12_100), (2025, 1)], 2018, 2022).unwrap();
        assert_eq!((c.from, c.to), (2019, 2021));
        assert!(close(c.rate, 0.10));
        // Falling to zero is -100 %.
        assert!(close(cagr(&[(2018, 500), (2020, 0)], 2018, 2022).unwrap().rate, -1.0));
        // Halving over one year.
        assert!(close(cagr(&[(2021, 800), (2022, 400)], 2018, 2022).unwrap().rate, -0.5));
        assert_eq!(cagr(&[(2022, 5)], 2018, 2022), Err(CagrError::OneYear { year: 2022 }));
        assert_eq!(cagr(&[(2022, 5)], 2022, 2022), Err(CagrError::OneYear { year: 2022 }));
        assert_eq!(cagr(&[(2010, 5)], 2018, 2022), Err(CagrError::NoValues));
        assert_eq!(cagr(&[(2018, 0), (2022, 5)], 2018, 2022), Err(CagrError::NonPositiveBase { year: 2018 }));
        assert_eq!(cagr(&[(2018, -7), (2022, 5)], 2018, 2022), Err(CagrError::NonPositiveBase { year: 2018 }));
        assert_eq!(cagr(&[(2018, 7), (2022, -5)], 2018, 2022), Err(CagrError::NegativeEnd { year: 2022 }));
        let message = CagrError::NonPositiveBase { year: 2018 }.message("4.1.1").show(crate::i18n::Lang::En);
        assert!(message.contains("4.1.1") && message.contains("2018"), "{message}");
    }

    fn settings(base_first: i32, base_last: i32) -> ProjectionSettings {
        ProjectionSettings {
            base_first,
            base_last,
            rates: Default::default(),
            pessimistic_bp: -500,
            base_bp: 0,
            optimistic_bp: 500,
            envelope_bp: 100,
        }
    }

    #[test]
    fn rates_come_typed_from_groups_from_cagr_inherited_or_flat() {
        let values = [
            // PAD: taxes from 0 (no CAGR of their own), other PAD 1.000 -> 1.000; PAD 1.000 -> 1.500.
            value("4.1.1", 2021, 0),
            value("4.1.1", 2022, 500),
            value("4.1.4", 2021, 1000),
            value("4.1.4", 2022, 1000),
            value("4.2.1.2", 2021, 2000),
            value("4.2.1.2", 2022, 2200),
            value("5.1.1", 2022, 700),
        ];
        let h = history(&values, Basis::Preferred).unwrap();
        let rates = line_rates(&h, &settings(2021, 2022));
        let rate = |code: &str| rates[line(code)];
        assert!(close(rate("4.1").rate, 0.5));
        assert!(matches!(rate("4.1").source, RateSource::Cagr(_)));
        assert_eq!(rate("4.1.1").cagr, Err(CagrError::NonPositiveBase { year: 2021 }));
        assert!(matches!(rate("4.1.1").source, RateSource::Inherited(l, _) if l == line("4.1")));
        assert!(close(rate("4.1.1").rate, 0.5));
        assert!(close(rate("4.2.1.2").rate, 0.1));
        assert_eq!(rate("5.1.1").cagr, Err(CagrError::OneYear { year: 2022 }));
        assert_eq!(rate("5.1.1").source, RateSource::Flat, "nothing above it has a CAGR either");
        assert_eq!(rate("5.1.1").describe().text, Text::RateFlat);

        let mut typed = settings(2021, 2022);
        typed.rates.insert("4".into(), 300);
        typed.rates.insert("4.2.1.2".into(), -250);
        let rates = line_rates(&h, &typed);
        let rate = |code: &str| rates[line(code)];
        assert_eq!(rate("4.2.1.2").source, RateSource::Typed);
        assert!(close(rate("4.2.1.2").rate, -0.025));
        assert!(close(rate("4.2.1.2").cagr.unwrap().rate, 0.1), "its own CAGR is still shown");
        assert_eq!(rate("4.1.4").source, RateSource::Group(line("4")));
        assert!(close(rate("4.1.4").rate, 0.03));
        assert_eq!(rate("4.1.4").describe(), Message::with(Text::RateGroup, ["4"]));
    }

    /// The masterplan 2022-2025 of a test region, with three programs (one dropped) and two years of history
    /// in round numbers.
    fn workbook() -> Workbook {
        let mut wb = crate::seed::new_workbook("Kabupaten Uji", 2022);
        wb.profile.period_end = 2025;
        let line = |year, source, amount| BudgetLine { year, source, amount };
        let programs = [
            (
                0,
                ProgramStatus::Planned,
                vec![
                    line(2022, FundingSource::Apbd, 10_000),
                    line(2023, FundingSource::Apbd, 20_000),
                    line(2023, FundingSource::Apbn, 5_000),
                ],
            ),
            (
                3,
                ProgramStatus::Running,
                vec![line(2023, FundingSource::Apbd, 30_000), line(2024, FundingSource::Csr, 7_000)],
            ),
            (4, ProgramStatus::Dropped, vec![line(2023, FundingSource::Apbd, 99_999)]),
        ];
        for (position, (element, status, budget)) in programs.into_iter().enumerate() {
            let element_id = wb.elements[element].id;
            wb.apply(&Change::PutProgram(Program {
                id: new_id(),
                code: format!("P-{position}"),
                name: format!("Program {position}"),
                description: String::new(),
                element_id,
                agency_id: None,
                action_type: ActionType::Application,
                location: String::new(),
                start_year: 2022,
                end_year: 2025,
                status,
                outputs: String::new(),
                indicator: String::new(),
                indicator_baseline: String::new(),
                targets: Vec::new(),
                budget,
                quick_win: false,
                position: position as i64,
                readiness_items: Vec::new(),
                strategy_id: None,
            }));
        }
        for v in [
            value("4.1.1", 2021, 1_000_000),
            value("4.2.1.2", 2021, 2_000_000),
            value("5.1.1", 2021, 1_000_000),
            value("5.2", 2021, 2_000_000),
            value("4.1.1", 2022, 1_100_000),
            value("4.2.1.2", 2022, 2_000_000),
            value("5.1.1", 2022, 1_050_000),
            value("5.2", 2022, 2_200_000),
        ] {
            wb.apply(&Change::PutFinanceValue(v));
        }
        wb.finance_settings = Some(settings(2021, 2022));
        wb
    }

    #[test]
    fn program_costs_per_year_and_dimension_by_hand() {
        let wb = workbook();
        let costs = program_costs(&wb).unwrap();
        assert_eq!(costs.years, [2022, 2023, 2024, 2025]);
        let cost = |apbd, other| Cost { apbd, other };
        // The dropped program's 99.999 is not counted.
        assert_eq!(costs.total, [cost(10_000, 0), cost(50_000, 5_000), cost(0, 7_000), cost(0, 0)]);
        assert_eq!(costs.by_dimension.len(), 6);
        assert_eq!(costs.by_dimension[0].0, wb.dimensions[0].id);
        assert_eq!(costs.by_dimension[0].1, [cost(10_000, 0), cost(20_000, 5_000), cost(0, 0), cost(0, 0)]);
        assert_eq!(costs.by_dimension[1].1, [cost(0, 0), cost(30_000, 0), cost(0, 7_000), cost(0, 0)]);
        assert!(costs.by_dimension[2..].iter().all(|(_, row)| row.iter().all(|c| *c == Cost::default())));
        assert_eq!(costs.in_year(2023).total(), 55_000);
        assert_eq!(costs.in_year(2030), Cost::default());
    }

    #[test]
    fn projection_envelope_and_gap_by_hand() {
        let wb = workbook();
        let a = analyse(&wb).unwrap();
        let p = &a.projection;
        assert_eq!(p.years, [2022, 2023, 2024, 2025]);
        assert_eq!(p.anchor, 2022);
        assert!(p.notes.is_empty());
        let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
        let row = |s: &ScenarioProjection, code: &str| s.lines[line(code)].clone();
        // Taxes +10 % a year from 1.100.000; DAU flat (2.000.000 both years).
        assert_eq!(row(base, "4.1.1"), [Some(1_100_000), Some(1_210_000), Some(1_331_000), Some(1_464_100)]);
        assert_eq!(row(base, "4"), [Some(3_100_000), Some(3_210_000), Some(3_331_000), Some(3_464_100)]);
        // Personnel +5 % from 1.050.000 (1.215.506,25 rounds down); capital +10 % from 2.200.000.
        assert_eq!(row(base, "5.1.1"), [Some(1_050_000), Some(1_102_500), Some(1_157_625), Some(1_215_506)]);
        assert_eq!(row(base, "5.2"), [Some(2_200_000), Some(2_420_000), Some(2_662_000), Some(2_928_200)]);
        assert_eq!(row(base, "5"), [Some(3_250_000), Some(3_522_500), Some(3_819_625), Some(4_143_706)]);
        assert_eq!(row(base, "6"), [None; 4]);
        // The envelope is 1 % of spending: 32.500; 35.225; 38.196,25; 41.437,06.
        let envelopes: Vec<Option<i64>> = base.gaps.iter().map(|g| g.envelope).collect();
        assert_eq!(envelopes, [Some(32_500), Some(35_225), Some(38_196), Some(41_437)]);
        // Gap = the programs' APBD cost less the envelope.
        let gaps: Vec<Option<i64>> = base.gaps.iter().map(|g| g.gap).collect();
        assert_eq!(gaps, [Some(-22_500), Some(14_775), Some(-38_196), Some(-41_437)]);
        assert!(close(base.gaps[1].gap_percent.unwrap(), 14_775.0 / 35_225.0 * 100.0));
        assert!(close(base.gaps[0].gap_percent.unwrap(), -69.230_769_230_769));
        assert_eq!(base.gaps[1].program, Cost { apbd: 50_000, other: 5_000 });
        assert_eq!(base.total.envelope, 147_358);
        assert_eq!(base.total.program_apbd, 60_000);
        assert_eq!(base.total.gap, -87_358);
        assert!(close(base.total.gap_percent.unwrap(), -59.282_835_000_475));
        assert_eq!(base.total.years, 4);

        // Pessimistic: every rate 5 points lower. Taxes +5 %, DAU -5 %; 2022 is history in every scenario.
        let low = p.scenario(Scenario::Pessimistic).unwrap().as_ref().unwrap();
        assert_eq!(row(low, "4.1.1"), [Some(1_100_000), Some(1_155_000), Some(1_212_750), Some(1_273_388)]);
        assert_eq!(row(low, "4.2.1.2"), [Some(2_000_000), Some(1_900_000), Some(1_805_000), Some(1_714_750)]);
        assert_eq!(row(low, "4")[1], Some(3_055_000));
        let high = p.scenario(Scenario::Optimistic).unwrap().as_ref().unwrap();
        assert_eq!(row(high, "4.1.1")[1], Some(1_265_000));
        assert!(low.clamped.is_empty() && base.clamped.is_empty());

        // The ratios of the history years read the same program costs: 10.000 / 3.250.000 in 2022.
        let r2022 = a.ratios.iter().find(|r| r.year == 2022).unwrap();
        assert!(close(r2022.smart_city_share.unwrap().percent, 0.307_692_307_692));
        assert_eq!(a.ratios.iter().find(|r| r.year == 2021).unwrap().smart_city_share, None);
    }

    #[test]
    fn one_year_of_history_projects_flat_with_the_scenario_adjustments() {
        let mut wb = workbook();
        wb.finance.retain(|v| v.year == 2022);
        wb.finance_settings = Some(settings(2018, 2022));
        let p = analyse(&wb).unwrap().projection;
        assert_eq!(p.rates[line("4.1.1")].source, RateSource::Flat);
        assert_eq!(p.rates[line("4.1.1")].cagr, Err(CagrError::OneYear { year: 2022 }));
        let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
        assert_eq!(base.lines[line("4")], [Some(3_100_000); 4]);
        // Pessimistic -5 % a year from 3.250.000 spending: 3.087.500 in 2023.
        let low = p.scenario(Scenario::Pessimistic).unwrap().as_ref().unwrap();
        assert_eq!(low.gaps[1].spending, Some(3_087_500));
    }

    #[test]
    fn missing_years_shorten_the_cagr_and_leave_gaps_unfilled() {
        let mut wb = workbook();
        wb.profile.period_start = 2020;
        // History 2018 and 2020 only (2019 missing); the last base year, 2021, has none.
        wb.finance = vec![value("5", 2018, 1_000_000), value("5", 2020, 1_210_000)];
        wb.finance_settings = Some(settings(2016, 2021));
        let a = analyse(&wb).unwrap();
        let p = &a.projection;
        let c = p.rates[line("5")].cagr.unwrap();
        assert_eq!((c.from, c.to), (2018, 2020));
        assert!(close(c.rate, 0.10));
        assert_eq!(p.notes, [Message::with(Text::FinanceNoBaseValues, ["2021"])]);
        let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
        let spending: Vec<Option<i64>> = base.gaps.iter().map(|g| g.spending).collect();
        assert_eq!(spending, [Some(1_210_000), None, None, None, None, None]);
        assert_eq!(base.gaps[1].gap, None);
        // Only 2020 counts towards the total: an envelope of 12.100 against nothing from the programs.
        assert_eq!((base.total.years, base.total.envelope, base.total.gap), (1, 12_100, -12_100));
        assert_eq!(a.history.growth(line("5"), 2020), None);
    }

    #[test]
    fn a_rate_of_minus_100_percent_empties_the_line() {
        let mut wb = workbook();
        let mut s = settings(2021, 2022);
        s.rates.insert("4".into(), -10_000);
        wb.finance_settings = Some(s);
        let p = analyse(&wb).unwrap().projection;
        let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
        assert_eq!(base.lines[line("4")], [Some(3_100_000), Some(0), Some(0), Some(0)]);
        assert_eq!(base.lines[line("4.1.1")][3], Some(0));
        // Pessimistic: -100 % - 5 points is limited to -100 % and named.
        let low = p.scenario(Scenario::Pessimistic).unwrap().as_ref().unwrap();
        assert_eq!(low.lines[line("4")][1], Some(0));
        assert!(low.clamped.contains(&line("4")) && low.clamped.contains(&line("4.2.1.2")));
        assert!(!low.clamped.contains(&line("5")));

        // A CAGR of -50 % (capital 2.000.000 -> 1.000.000) with a -60 point adjustment is limited the same way.
        let mut wb = workbook();
        wb.apply(&Change::PutFinanceValue(value("5.2", 2022, 1_000_000)));
        let mut s = settings(2021, 2022);
        s.pessimistic_bp = -6000;
        wb.finance_settings = Some(s);
        let p = analyse(&wb).unwrap().projection;
        let low = p.scenario(Scenario::Pessimistic).unwrap().as_ref().unwrap();
        assert_eq!(low.lines[line("5.2")], [Some(1_000_000), Some(0), Some(0), Some(0)]);
        assert!(low.clamped.contains(&line("5.2")));
        let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
        assert_eq!(base.lines[line("5.2")], [Some(1_000_000), Some(500_000), Some(250_000), Some(125_000)]);
    }

    #[test]
    fn overflow_sized_numbers_are_refused_with_a_message() {
        // Rp 100 triliun doubling every year for ten years stays below the limit (1,024 x 10^17); tripling
        // does not: the optimistic scenario is refused alone.
        let mut wb = workbook();
        wb.profile.period_end = 2032;
        wb.finance = vec![value("4.1.1", 2021, 100_000_000_000_000), value("4.1.1", 2022, 100_000_000_000_000)];
        let mut s = settings(2021, 2022);
        s.rates.insert("4.1.1".into(), 10_000);
        s.optimistic_bp = 10_000;
        s.pessimistic_bp = 0;
        wb.finance_settings = Some(s);
        let p = analyse(&wb).unwrap().projection;
        let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
        assert_eq!(base.lines[line("4")][10], Some(102_400_000_000_000_000));
        let refused = p.scenario(Scenario::Optimistic).unwrap().as_ref().unwrap_err();
        // 3^8 x 10^14 = 6,561 x 10^17 < 10^18 < 3^9 x 10^14: the first year past the limit is 2022 + 9.
        assert_eq!(refused, &FinanceError::Overflow { what: Overflowing::Line("4.1.1".into()), year: 2031 });
        let message = refused.message().show(crate::i18n::Lang::En);
        assert!(message.contains("4.1.1") && message.contains("2031") && message.contains("too large"), "{message}");

        // A file holding amounts no edit could type is refused, not wrapped.
        let crafted = [value("4.1.1", 2020, i64::MAX), value("4.1.2", 2020, i64::MAX)];
        assert!(matches!(year_totals(&crafted, 2020, Basis::Budgeted), Err(FinanceError::Overflow { year: 2020, .. })));
        let mut wb = workbook();
        wb.finance.push(value("4.1.2", 2030, i64::MAX));
        assert_eq!(analyse(&wb), Err(FinanceError::Overflow { what: Overflowing::Line("4.1.2".into()), year: 2030 }));
        let message = FinanceError::Overflow { what: Overflowing::ProgramCost, year: 2024 }.message();
        assert_eq!(message.text, Text::FinanceOverflowProgramCost);
        assert!(message.show(crate::i18n::Lang::Id).contains("Rp 1.000.000.000.000.000.000"));
    }

    #[test]
    fn shares_round_half_away_from_zero() {
        assert_eq!(share_of(3_819_625, 100), 38_196);
        assert_eq!(share_of(150, 3333), 50);
        assert_eq!(share_of(-150, 3333), -50);
        assert_eq!(share_of(250, 100), 3, "2,5 rounds up");
        assert_eq!(share_of(1_000, 0), 0);
        assert_eq!(share_of(i64::MAX, 10_000), i64::MAX);
    }

    #[test]
    fn the_demo_projection_has_every_year_and_scenario() {
        let demo = crate::seed::demo_workbook();
        let a = analyse(&demo).unwrap();
        assert_eq!(a.history.years.first().map(|y| y.year), Some(2016));
        assert_eq!(a.history.years.last().map(|y| y.year), Some(2026));
        for y in &a.history.years {
            let expected = if y.year < 2021 { Layout::Legacy } else { Layout::Current };
            assert_eq!(y.layout, expected, "{}", y.year);
            for code in ["4", "4.1", "4.2", "5", "5.1.1", "5.2", "6"] {
                assert!(y.amount(line(code)).is_some(), "{} {code}", y.year);
            }
        }
        assert_eq!(a.projection.years, (2022..=2031).collect::<Vec<_>>());
        let results: Vec<&ScenarioProjection> =
            a.projection.scenarios.iter().map(|s| s.as_ref().expect("no overflow")).collect();
        for s in &results {
            assert!(s.gaps.iter().all(|g| g.envelope.is_some()), "{:?}", s.scenario);
            assert_eq!(s.total.years, 10);
        }
        // The scenarios agree up to the last base year (2026) and spread after it.
        let spending = |s: &ScenarioProjection, year: i32| s.gaps.iter().find(|g| g.year == year).unwrap().spending;
        assert_eq!(spending(results[0], 2026), spending(results[2], 2026));
        assert!(spending(results[0], 2031) < spending(results[1], 2031));
        assert!(spending(results[1], 2031) < spending(results[2], 2031));
        // The program cost compared is the demo programs' APBD lines, year by year.
        for g in &results[1].gaps {
            let apbd: i64 = demo
                .programs
                .iter()
                .filter(|p| p.status != ProgramStatus::Dropped)
                .map(|p| p.amount(g.year, FundingSource::Apbd))
                .sum();
            assert_eq!(g.program.apbd, apbd, "{}", g.year);
        }
    }
}
