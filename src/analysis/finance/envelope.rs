//! The smart city envelope (fiscal space) against the programs' APBD cost, per masterplan year and in sum.

use super::costs::{Cost, ProgramCosts};
use super::money::{FinanceError, Overflowing, checked, share_of};

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

fn gap_percent(gap: i64, envelope: i64) -> Option<f64> {
    (envelope > 0).then(|| gap as f64 / envelope as f64 * 100.0)
}

/// The envelope (`envelope_bp` of each year's total `spending`) against the programs' APBD cost in every year
/// of `years`, and the sums over the years that have one; a sum beyond the limit is refused in `last`.
pub(super) fn envelope_against_programs(
    spending: &[Option<i64>],
    years: &[i32],
    envelope_bp: i32,
    costs: &ProgramCosts,
    last: i32,
) -> Result<(Vec<GapYear>, GapTotal), FinanceError> {
    let mut gaps = Vec::with_capacity(years.len());
    let mut sums = [0i128; 2];
    let mut counted = 0;
    for (&spending, &year) in spending.iter().zip(years) {
        let envelope = spending.map(|s| share_of(s, envelope_bp));
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
    let envelope = checked(sums[0], || Overflowing::Envelope, last)?;
    let program_apbd = checked(sums[1], || Overflowing::ProgramCost, last)?;
    let gap = checked(sums[1] - sums[0], || Overflowing::Envelope, last)?;
    let total = GapTotal { envelope, program_apbd, gap, gap_percent: gap_percent(gap, envelope), years: counted };
    Ok((gaps, total))
}
