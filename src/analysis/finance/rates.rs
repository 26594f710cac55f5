//! The growth rate of every line for the projection: typed, from a group, its CAGR, inherited or flat.

use super::totals::History;
use crate::i18n::{Message, Text};
use crate::model::{LineTree, ProjectionSettings};

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
