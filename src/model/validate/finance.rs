//! The rules of APBD values and of the projection settings.

use super::{FIRST_YEAR, Field, LAST_YEAR, MAX_AMOUNT, MAX_RATE_BP, MIN_RATE_BP, Problem};
use crate::i18n::{Message, Text, format_decimal, format_rupiah};
use crate::model::{BASIS_POINTS, FinanceValue, Layout, LineTree, ProjectionSettings, Scenario, Workbook};

/// A known line (of either layout), a year within bounds, an amount within plus or minus Rp 100 triliun, and
/// one layout per year: a year typed in the old layout takes no current-layout line, and the other way round,
/// so no amount is counted twice when the old layout is mapped onto the tree.
pub fn validate_finance_value(workbook: &Workbook, value: &FinanceValue) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !LineTree::get().is_known(&value.line) {
        problems.push(Problem::new(Field::FinanceLine, Message::with(Text::FinanceUnknownLine, [value.line.clone()])));
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&value.year) {
        let range = [FIRST_YEAR.to_string(), LAST_YEAR.to_string()];
        problems.push(Problem::new(Field::FinanceYear, Message::with(Text::YearOutOfRange, range)));
    }
    if !(-MAX_AMOUNT..=MAX_AMOUNT).contains(&value.amount) {
        let range = [format_rupiah(-MAX_AMOUNT), format_rupiah(MAX_AMOUNT)];
        problems.push(Problem::new(Field::FinanceAmount, Message::with(Text::FinanceAmountOutOfRange, range)));
    }
    let layout = Layout::of_key(&value.line);
    if let Some(other) = workbook.finance.iter().find(|v| v.year == value.year && Layout::of_key(&v.line) != layout) {
        let text = match Layout::of_key(&other.line) {
            Layout::Current => Text::FinanceYearIsCurrent,
            Layout::Legacy => Text::FinanceYearIsLegacy,
        };
        problems.push(Problem::new(Field::FinanceLine, Message::with(text, [value.year.to_string()])));
    }
    problems
}

fn percent_of(bp: i32) -> String {
    format_decimal(f64::from(bp) / 100.0, 2) + " %"
}

/// Base years in order and within bounds, typed rates only on tree lines and between -100 % and +100 % a
/// year, scenario adjustments within the same bounds, no scenario that would make a typed rate fall below
/// -100 % a year, and an envelope between 0 and 100 % of spending.
pub fn validate_projection_settings(settings: &ProjectionSettings) -> Vec<Problem> {
    let mut problems = Vec::new();
    let years = FIRST_YEAR..=LAST_YEAR;
    if !years.contains(&settings.base_first) || !years.contains(&settings.base_last) {
        let range = [FIRST_YEAR.to_string(), LAST_YEAR.to_string()];
        problems.push(Problem::new(Field::FinanceBaseYears, Message::with(Text::YearOutOfRange, range)));
    } else if settings.base_last < settings.base_first {
        problems.push(Problem::new(Field::FinanceBaseYears, Text::FinanceBaseYearsOrder));
    }
    let tree = LineTree::get();
    let rate_range = [percent_of(MIN_RATE_BP), percent_of(MAX_RATE_BP)];
    for (line, rate) in &settings.rates {
        if tree.index(line).is_none() {
            let text = if tree.is_known(line) { Text::FinanceRateNotATreeLine } else { Text::FinanceUnknownLine };
            problems.push(Problem::new(Field::FinanceRate, Message::with(text, [line.clone()])));
        }
        if !(MIN_RATE_BP..=MAX_RATE_BP).contains(rate) {
            problems
                .push(Problem::new(Field::FinanceRate, Message::with(Text::FinanceRateOutOfRange, rate_range.clone())));
        }
    }
    let mut adjustments_fine = true;
    for scenario in Scenario::ALL {
        if !(MIN_RATE_BP..=MAX_RATE_BP).contains(&settings.adjustment(scenario)) {
            adjustments_fine = false;
            let range = [percent_of(MIN_RATE_BP), percent_of(MAX_RATE_BP)];
            problems
                .push(Problem::new(Field::FinanceScenario, Message::with(Text::FinanceAdjustmentOutOfRange, range)));
        }
    }
    if adjustments_fine {
        for scenario in Scenario::ALL {
            let adjustment = settings.adjustment(scenario);
            if let Some((line, _)) = settings
                .rates
                .iter()
                .find(|(_, rate)| i64::from(**rate) + i64::from(adjustment) < i64::from(MIN_RATE_BP))
            {
                let message = Message::with(Text::FinanceScenarioBelowLimit, [percent_of(adjustment), line.clone()]);
                let problem = Problem::new(Field::FinanceScenario, message);
                // Two scenarios with the same adjustment make one problem.
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
            }
        }
    }
    if !(0..=BASIS_POINTS).contains(&settings.envelope_bp) {
        problems.push(Problem::new(Field::FinanceEnvelope, Text::FinanceEnvelopeOutOfRange));
    }
    problems
}
