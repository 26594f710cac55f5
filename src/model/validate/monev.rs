//! The rules of monitoring and evaluation: a realisation or spending belongs to a program of the workbook in
//! a year of the masterplan period, money is whole rupiah from 0 to the limit of a budget line, a delayed or
//! dropped program says why; the evaluation's weights are points in range and not all zero, and a score lies
//! on its scale.

use super::{Field, MAX_AMOUNT, MAX_TEXT_CHARS, Problem};
use crate::i18n::{Message, Text, format_rupiah};
use crate::model::monev::evaluation::{MAX_EVALUATION_SCORE, MAX_EVALUATION_WEIGHT, SCORE_SCALE};
use crate::model::{EvaluationDimension, EvaluationItem, Id, MonevChange, Realisation, Workbook};

fn problem(field: Field, text: Text, args: &[String]) -> Problem {
    Problem { field, message: Message::with(text, args.iter().cloned()) }
}

fn too_long(problems: &mut Vec<Problem>, field: Field, texts: &[&str]) {
    if texts.iter().any(|t| t.chars().count() > MAX_TEXT_CHARS) {
        problems.push(problem(field, Text::TooLong, &[MAX_TEXT_CHARS.to_string()]));
    }
}

/// The problems of a program and year a row is about: the program must exist, the year lie in the period.
fn program_year(workbook: &Workbook, program: Id, year: i32) -> Vec<Problem> {
    let mut problems = Vec::new();
    if workbook.program(program).is_none() {
        problems.push(problem(Field::RealisationProgram, Text::MonevUnknownProgram, &[]));
    }
    problems.extend(year_in_period(workbook, year, Field::RealisationYear));
    problems
}

fn year_in_period(workbook: &Workbook, year: i32, field: Field) -> Option<Problem> {
    let profile = &workbook.profile;
    (!profile.years().contains(&year)).then(|| {
        let args = [year.to_string(), profile.period_start.to_string(), profile.period_end.to_string()];
        problem(field, Text::MonevYearOutsidePeriod, &args)
    })
}

/// What is wrong with `change` on `workbook`; empty when it may be committed.
pub fn validate_monev(workbook: &Workbook, change: &MonevChange) -> Vec<Problem> {
    checked(workbook, change, true)
}

/// The rules of a row as it is stored, without asking whether its program exists: a removed program's
/// realisation is kept by design, and the opening audit checks 100,000 rows, where a search of the programs
/// per row would cost seconds.
pub fn validate_monev_row(workbook: &Workbook, change: &MonevChange) -> Vec<Problem> {
    checked(workbook, change, false)
}

fn checked(workbook: &Workbook, change: &MonevChange, program_known: bool) -> Vec<Problem> {
    use MonevChange as C;
    let m = &workbook.monev;
    let program_year = |program: Id, year: i32| {
        if program_known {
            program_year(workbook, program, year)
        } else {
            year_in_period(workbook, year, Field::RealisationYear).into_iter().collect()
        }
    };
    match change {
        C::PutRealisation(r) => realisation_problems(r, program_year(r.program_id, r.year)),
        C::PutSpending(s) => {
            let mut problems = program_year(s.program_id, s.year);
            if !(0..=MAX_AMOUNT).contains(&s.amount) {
                problems.push(problem(Field::RealisationSpent, Text::MonevSpentRange, &[format_rupiah(MAX_AMOUNT)]));
            }
            problems
        }
        C::PutDimension(d) => dimension_problems(workbook, d),
        C::PutItem(i) => item_problems(workbook, i),
        C::PutScore(s) => {
            let mut problems: Vec<Problem> =
                year_in_period(workbook, s.year, Field::EvaluationYear).into_iter().collect();
            if m.item(s.item_id).is_none() {
                problems.push(problem(Field::EvaluationItem, Text::EvaluationUnknownItem, &[]));
            }
            if s.score > MAX_EVALUATION_SCORE {
                let max = format!("{},00", MAX_EVALUATION_SCORE / SCORE_SCALE);
                problems.push(problem(Field::EvaluationScore, Text::EvaluationScoreRange, &[max]));
            }
            too_long(&mut problems, Field::EvaluationText, &[&s.evidence, &s.note]);
            problems
        }
        C::RemoveDimension(id) => {
            let items = m.items_of(*id).count();
            if items > 0 {
                vec![problem(Field::Row, Text::EvaluationDimensionInUse, &[items.to_string()])]
            } else {
                Vec::new()
            }
        }
        C::RemoveItem(id) => {
            let scores = m.scores.iter().filter(|s| s.item_id == *id).count();
            if scores > 0 {
                vec![problem(Field::Row, Text::EvaluationItemInUse, &[scores.to_string()])]
            } else {
                Vec::new()
            }
        }
        C::RemoveRealisation { .. } | C::RemoveSpending { .. } | C::RemoveScore { .. } => Vec::new(),
    }
}

fn realisation_problems(r: &Realisation, mut problems: Vec<Problem>) -> Vec<Problem> {
    if r.status.needs_reason() && r.reason.trim().is_empty() {
        problems.push(problem(Field::RealisationReason, Text::MonevReasonRequired, &[r.status.key().to_string()]));
    }
    too_long(&mut problems, Field::RealisationText, &[&r.reason, &r.actual, &r.note, &r.evidence]);
    problems
}

fn weight_problem(weight: u32) -> Option<Problem> {
    (weight > MAX_EVALUATION_WEIGHT)
        .then(|| problem(Field::EvaluationWeight, Text::EvaluationWeightRange, &[MAX_EVALUATION_WEIGHT.to_string()]))
}

fn dimension_problems(workbook: &Workbook, d: &EvaluationDimension) -> Vec<Problem> {
    let m = &workbook.monev;
    let mut problems = Vec::new();
    if d.name_id.trim().is_empty() {
        problems.push(problem(Field::EvaluationName, Text::Required, &[]));
    }
    if m.dimensions.iter().any(|o| o.id != d.id && o.key == d.key) {
        problems.push(problem(Field::EvaluationName, Text::EvaluationKeyTaken, std::slice::from_ref(&d.key)));
    }
    problems.extend(weight_problem(d.weight));
    let others: u64 = m.dimensions.iter().filter(|o| o.id != d.id).map(|o| u64::from(o.weight)).sum();
    if d.weight == 0 && others == 0 {
        problems.push(problem(Field::EvaluationWeight, Text::EvaluationWeightsZero, &[]));
    }
    too_long(&mut problems, Field::EvaluationName, &[&d.key, &d.name_id, &d.name_en]);
    problems
}

fn item_problems(workbook: &Workbook, i: &EvaluationItem) -> Vec<Problem> {
    let m = &workbook.monev;
    let mut problems = Vec::new();
    if i.name_id.trim().is_empty() {
        problems.push(problem(Field::EvaluationName, Text::Required, &[]));
    }
    if m.dimension(i.dimension_id).is_none() {
        problems.push(problem(Field::EvaluationDimension, Text::EvaluationUnknownDimension, &[]));
    }
    if m.items.iter().any(|o| o.id != i.id && o.key == i.key) {
        problems.push(problem(Field::EvaluationName, Text::EvaluationKeyTaken, std::slice::from_ref(&i.key)));
    }
    problems.extend(weight_problem(i.weight));
    too_long(&mut problems, Field::EvaluationName, &[&i.key, &i.name_id, &i.name_en]);
    problems
}
