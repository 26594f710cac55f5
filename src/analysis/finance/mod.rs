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

mod costs;
mod envelope;
mod money;
mod projection;
mod rates;
mod ratios;
mod totals;

pub use costs::{Cost, ProgramCosts, program_costs};
pub use envelope::{GapTotal, GapYear};
pub use money::{FinanceError, MAX_COMPUTED, Overflowing, share_of};
pub use projection::{Projection, ScenarioProjection, projection};
pub use rates::{Cagr, CagrError, LineRate, RateSource, cagr, line_rates};
pub use ratios::{DecentralisationBand, FiscalCapacity, Ratio, YearRatios, ratios};
pub use totals::{Basis, History, LineTotal, YearTotals, history, year_totals};

use crate::model::{ProjectionSettings, Workbook};

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
mod money_tests;
#[cfg(test)]
mod projection_tests;
#[cfg(test)]
mod rates_tests;
#[cfg(test)]
mod ratios_tests;
#[cfg(test)]
mod test_fixtures;
#[cfg(test)]
mod totals_tests;
