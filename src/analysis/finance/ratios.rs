//! The ratios planners read per year: decentralisation and its band, spending shares, fiscal capacity.

use std::ops::RangeInclusive;

use super::money::{FinanceError, Overflowing, checked};
use super::totals::{History, LineTotal, YearTotals};
use crate::i18n::Text;
use crate::model::LineTree;

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
    period: RangeInclusive<i32>,
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
