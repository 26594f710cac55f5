//! The rules of a program: its texts, references, years, budget lines and targets, and a unique code.

use std::collections::HashSet;

use super::{Field, MAX_AMOUNT, Problem, not_too_long, required};
use crate::i18n::{Message, Text, format_rupiah};
use crate::model::{Program, Workbook};

/// Every rule a program must meet, each problem on its field.
pub fn validate_program(workbook: &Workbook, program: &Program) -> Vec<Problem> {
    let mut problems = validate_program_alone(workbook, program);
    let code = program.code.trim();
    if !code.is_empty()
        && let Some(other) =
            workbook.programs.iter().find(|p| p.id != program.id && p.code.trim().eq_ignore_ascii_case(code))
    {
        // After the text rules, before the references: where the rule always stood.
        let at = problems
            .iter()
            .take_while(|p| matches!(p.field, Field::ProgramName | Field::ProgramCode | Field::ProgramText))
            .count();
        problems.insert(at, program_code_taken(&other.name));
    }
    problems
}

/// The problem of a program code another program (named `other`) already has.
pub fn program_code_taken(other: &str) -> Problem {
    Problem::new(Field::ProgramCode, Message::with(Text::ProgramCodeTaken, [other.to_string()]))
}

/// The key two program codes are compared by: trimmed, ASCII case ignored.
pub fn program_code_key(code: &str) -> String {
    code.trim().to_ascii_lowercase()
}

/// Each budget line that breaks a rule, by its index in `program.budget`, with why.
pub fn budget_line_problems(program: &Program) -> Vec<(usize, Message)> {
    let years = program.start_year..=program.end_year;
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for (index, line) in program.budget.iter().enumerate() {
        let problem = if line.amount < 0 {
            Some(Message::new(Text::AmountNegative))
        } else if line.amount > MAX_AMOUNT {
            Some(Message::with(Text::AmountTooLarge, [format_rupiah(MAX_AMOUNT)]))
        } else if !years.contains(&line.year) {
            Some(Message::with(Text::BudgetOutsideYears, [line.year.to_string()]))
        } else if !seen.insert((line.year, line.source)) {
            Some(Message::with(Text::BudgetDuplicate, [line.year.to_string(), line.source.key().to_string()]))
        } else {
            None
        };
        if let Some(message) = problem {
            problems.push((index, message));
        }
    }
    problems
}

/// Every rule of one program except that its code is unique: the whole-workbook check finds duplicates in
/// one pass instead of comparing each program with all others.
pub fn validate_program_alone(workbook: &Workbook, program: &Program) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::ProgramName, &program.name);
    not_too_long(&mut problems, Field::ProgramName, &program.name);
    not_too_long(&mut problems, Field::ProgramCode, &program.code);
    for text in
        [&program.description, &program.location, &program.outputs, &program.indicator, &program.indicator_baseline]
    {
        not_too_long(&mut problems, Field::ProgramText, text);
    }
    if workbook.element(program.element_id).is_none() {
        problems.push(Problem::new(Field::ProgramElement, Text::UnknownElement));
    }
    if let Some(agency) = program.agency_id
        && workbook.agency(agency).is_none()
    {
        problems.push(Problem::new(Field::ProgramAgency, Text::UnknownAgency));
    }
    let period = &workbook.profile;
    let span = [period.period_start.to_string(), period.period_end.to_string()];
    if !period.years().contains(&program.start_year) {
        problems.push(Problem::new(Field::ProgramStart, Message::with(Text::YearOutsidePeriod, span.clone())));
    }
    if program.end_year < program.start_year {
        problems.push(Problem::new(Field::ProgramEnd, Text::ProgramEndBeforeStart));
    } else if !period.years().contains(&program.end_year) {
        problems.push(Problem::new(Field::ProgramEnd, Message::with(Text::YearOutsidePeriod, span)));
    }
    let years = program.start_year..=program.end_year;
    for (_, message) in budget_line_problems(program) {
        problems.push(Problem::new(Field::ProgramBudget, message));
    }
    if program.readiness_items.iter().any(|i| workbook.readiness_item(*i).is_none()) {
        problems.push(Problem::new(Field::ProgramReadiness, Text::UnknownItemOrRound));
    }
    if program.strategy_id.is_some_and(|s| workbook.strategy.strategy(s).is_none()) {
        problems.push(Problem::new(Field::ProgramStrategy, Text::UnknownStrategy));
    }
    for target in &program.targets {
        not_too_long(&mut problems, Field::ProgramTargets, &target.target);
        if !years.contains(&target.year) {
            problems.push(Problem::new(
                Field::ProgramTargets,
                Message::with(Text::TargetOutsideYears, [target.year.to_string()]),
            ));
        }
    }
    problems
}
