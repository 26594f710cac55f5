//! Money arithmetic of the analysis: the [`MAX_COMPUTED`] limit, the refusal beyond it, rounding and shares.

use crate::i18n::{Message, Text, format_rupiah};
use crate::model::BASIS_POINTS;

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
pub(super) fn checked(amount: i128, what: impl FnOnce() -> Overflowing, year: i32) -> Result<i64, FinanceError> {
    if amount.unsigned_abs() > MAX_COMPUTED as u128 {
        return Err(FinanceError::Overflow { what: what(), year });
    }
    Ok(amount as i64)
}

/// A projected `f64` amount rounded to the rupiah (half away from zero), or refused.
pub(super) fn rounded(amount: f64, line: &str, year: i32) -> Result<i64, FinanceError> {
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
