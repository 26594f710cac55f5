//! Domain rules every change must pass before it reaches the file. A problem names the field it belongs to,
//! so the UI can show the message next to that field.

//!
//! All validation lives in this folder, one file per part of the workbook; it depends on the model types and
//! the model types never depend on it.

mod finance;
mod monev;
mod profile;
mod programs;
mod quick_wins;
mod readiness;
mod strategy;

pub use finance::{validate_finance_value, validate_projection_settings};
pub use monev::{validate_monev, validate_monev_row};
pub use profile::validate_profile;
pub use programs::{
    budget_line_problems, program_code_key, program_code_taken, validate_program, validate_program_alone,
};
pub use quick_wins::validate_quick_win;
pub use strategy::validate_strategy;

use profile::{validate_agency, validate_member};
use readiness::{validate_band, validate_item, validate_round, validate_score};

use crate::i18n::{Message, Text};
use crate::model::{BASIS_POINTS, Change, Workbook};

/// The earliest and latest years a masterplan period may use.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;
/// The longest masterplan period, in years. The national guidance plans ten years; some regions plan longer.
pub const MAX_PERIOD_YEARS: i32 = 25;
/// Longest text we accept in one field: generous for prose, small enough to keep exports sane.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The largest weight of one readiness item: weights are relative, and a typo of extra zeros is caught.
pub const MAX_WEIGHT: f64 = 1000.0;

/// The largest amount one budget line may hold: Rp 100 triliun, far above any regency's whole budget, so a
/// typo of extra zeros is caught and sums of ten thousand programs cannot overflow `i64`.
pub const MAX_AMOUNT: i64 = 100_000_000_000_000;

/// The fastest typed growth rate and the largest scenario adjustment, in basis points per year: 100 % a
/// year, far above any budget line's real growth, so a typo of extra zeros is caught.
pub const MAX_RATE_BP: i32 = 10_000;
/// The slowest: -100 % a year, when a line disappears. Nothing can shrink by more than all of it.
pub const MIN_RATE_BP: i32 = -BASIS_POINTS;

/// The field a problem is shown next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    RegionName,
    Province,
    Capital,
    RegionCode,
    PeriodStart,
    PeriodEnd,
    Vision,
    Mission,
    AgencyCode,
    AgencyName,
    AgencyShortName,
    MemberName,
    MemberRole,
    MemberAgency,
    ProgramCode,
    ProgramName,
    ProgramElement,
    ProgramAgency,
    ProgramStart,
    ProgramEnd,
    ProgramBudget,
    ProgramTargets,
    /// Description, location, outputs, indicator.
    ProgramText,
    ProgramReadiness,
    ItemCode,
    ItemQuestion,
    ItemLevels,
    ItemWeight,
    ItemTarget,
    ItemDimension,
    BandName,
    BandMin,
    RoundName,
    RoundYear,
    ScoreLevel,
    ScoreText,
    FinanceLine,
    FinanceYear,
    FinanceAmount,
    FinanceBaseYears,
    FinanceRate,
    FinanceScenario,
    FinanceEnvelope,
    ProgramStrategy,
    /// Issues, SWOT entries, goals, strategies and indicators (`strategy.rs`): their main text, code, other
    /// texts, links and yearly targets.
    StrategyTitle,
    StrategyCode,
    StrategyText,
    StrategyLink,
    StrategyTarget,
    /// A realisation or spending row: its program, year, reason, amount spent and other texts.
    RealisationProgram,
    RealisationYear,
    RealisationReason,
    RealisationSpent,
    RealisationText,
    /// The evaluation: a dimension's or item's name, key and weight, an item's dimension, a score, its year
    /// and texts.
    EvaluationName,
    EvaluationWeight,
    EvaluationDimension,
    EvaluationItem,
    EvaluationScore,
    EvaluationYear,
    EvaluationText,
    /// The row as a whole (e.g. an agency still in use cannot be deleted).
    Row,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: Message,
}

impl Problem {
    fn new(field: Field, message: impl Into<Message>) -> Self {
        Problem { field, message: message.into() }
    }
}

/// Check `change` against `workbook` as it is before the change. Empty means valid.
pub fn validate_change(workbook: &Workbook, change: &Change) -> Vec<Problem> {
    match change {
        Change::Profile(profile) => {
            let mut problems = validate_profile(profile);
            if problems.is_empty() {
                let outside = workbook
                    .programs
                    .iter()
                    .filter(|p| p.start_year < profile.period_start || p.end_year > profile.period_end)
                    .count();
                if outside > 0 {
                    let field = if workbook.programs.iter().any(|p| p.start_year < profile.period_start) {
                        Field::PeriodStart
                    } else {
                        Field::PeriodEnd
                    };
                    problems
                        .push(Problem::new(field, Message::with(Text::ProgramsOutsidePeriod, [outside.to_string()])));
                }
            }
            problems
        }
        Change::PutAgency(agency) => validate_agency(workbook, agency),
        Change::RemoveAgency(id) => {
            let members = workbook.members.iter().filter(|m| m.agency_id == Some(*id)).count();
            let programs = workbook.programs.iter().filter(|p| p.agency_id == Some(*id)).count();
            if members + programs > 0 {
                let counts = [members.to_string(), programs.to_string()];
                vec![Problem::new(Field::Row, Message::with(Text::AgencyInUse, counts))]
            } else {
                Vec::new()
            }
        }
        Change::PutMember(member) => validate_member(workbook, member),
        Change::RemoveMember(_) | Change::RemoveProgram(_) => Vec::new(),
        Change::PutProgram(program) => validate_program(workbook, program),
        Change::PutReadinessItem(item) => validate_item(workbook, item),
        Change::RemoveReadinessItem(id) => {
            let scores = workbook.scores.iter().filter(|s| s.item_id == *id).count();
            let programs = workbook.programs.iter().filter(|p| p.readiness_items.contains(id)).count();
            let strategic = workbook.strategy.issues.iter().filter(|i| i.readiness_item_id == Some(*id)).count()
                + workbook.strategy.swot.iter().filter(|s| s.readiness_item_id == Some(*id)).count();
            if scores + programs + strategic > 0 {
                let counts = [scores.to_string(), programs.to_string()];
                vec![Problem::new(Field::Row, Message::with(Text::ItemInUse, counts))]
            } else {
                Vec::new()
            }
        }
        Change::PutBand(band) => validate_band(band),
        Change::RemoveBand(_) | Change::RemoveScore { .. } => Vec::new(),
        Change::PutRound(round) => validate_round(round),
        Change::RemoveRound(id) => {
            let scores = workbook.scores.iter().filter(|s| s.round_id == *id).count();
            if scores > 0 {
                vec![Problem::new(Field::Row, Message::with(Text::RoundInUse, [scores.to_string()]))]
            } else {
                Vec::new()
            }
        }
        Change::PutScore(score) => validate_score(workbook, score),
        Change::PutFinanceValue(value) => validate_finance_value(workbook, value),
        Change::RemoveFinanceValue { .. } | Change::PutFinanceSettings(None) => Vec::new(),
        Change::PutFinanceSettings(Some(settings)) => validate_projection_settings(settings),
        Change::Strategy(c) => validate_strategy(workbook, c),
        Change::QuickWin(c) => validate_quick_win(workbook, c),
        Change::Monev(c) => validate_monev(workbook, c),
    }
}

fn required(problems: &mut Vec<Problem>, field: Field, value: &str) {
    if value.trim().is_empty() {
        problems.push(Problem::new(field, Text::Required));
    }
}

fn not_too_long(problems: &mut Vec<Problem>, field: Field, value: &str) {
    if value.chars().count() > MAX_TEXT_CHARS {
        problems.push(Problem::new(field, Message::with(Text::TooLong, [MAX_TEXT_CHARS.to_string()])));
    }
}

#[cfg(test)]
mod tests;
