//! The finance charts: revenue by source per year, the revenue projection with its pessimistic-optimistic
//! band, program cost per dimension against the fiscal envelope, and the mix of funding sources. Each takes
//! its labels already translated.
//!
//! Amounts are whole rupiah (`i64`). Axes and labels write them short the Indonesian way, in both languages:
//! `Rp 500 M` (miliar), `Rp 1,5 T` (triliun), `Rp 25 jt` (juta), as [`crate::i18n::format_rupiah_short`] does.
//! Years stay integers. A missing amount (`None`, or a list shorter than the years) is left out, never drawn
//! as 0; a negative amount in a stack or a share is drawn as 0 (a stack cannot hold a negative part).

mod axes;
mod cost_envelope;
mod funding_mix;
mod legend;
mod projection;
mod revenue;
mod scale;
mod stacks;
mod style;

pub use cost_envelope::CostVsEnvelopeChart;
pub use funding_mix::FundingMixChart;
pub use projection::ProjectionChart;
pub use revenue::RevenueCompositionChart;
pub use stacks::StackSeries;
#[cfg(test)]
pub(super) use style::money_label;
