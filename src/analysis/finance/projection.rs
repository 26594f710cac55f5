//! The projection over the masterplan period in three scenarios, each line grown from the last base year.

use super::costs::ProgramCosts;
use super::envelope::{GapTotal, GapYear, envelope_against_programs};
use super::money::{FinanceError, Overflowing, checked, rounded};
use super::rates::{LineRate, line_rates};
use super::totals::{History, YearTotals};
use crate::i18n::{Message, Text};
use crate::model::{LineTree, ProjectionSettings, Scenario};

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
    let last = years.last().copied().unwrap_or(anchor);
    let (gaps, total) =
        envelope_against_programs(&lines[tree.roles.spending], years, settings.envelope_bp, costs, last)?;
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
