//! The rules of the quick wins: criteria and scores, selections, workshops with their groups, votes,
//! attendees and decisions.

use super::{Field, MAX_AMOUNT, MAX_TEXT_CHARS, Problem};
use crate::i18n::{Message, Text, format_rupiah};
use crate::model::QuickWinChange;
use crate::model::Workbook;
use crate::model::quick_wins::{MAX_CRITERION_WEIGHT, MAX_DOTS, MAX_SCORE, MIN_SCORE, STAGES};

fn row_problem(text: Text, args: &[String]) -> Vec<Problem> {
    vec![Problem { field: Field::Row, message: Message::with(text, args.iter().cloned()) }]
}

fn too_long(texts: &[&str]) -> Vec<Problem> {
    if texts.iter().any(|t| t.chars().count() > MAX_TEXT_CHARS) {
        row_problem(Text::TooLong, &[MAX_TEXT_CHARS.to_string()])
    } else {
        Vec::new()
    }
}

fn empty_name(name: &str) -> Vec<Problem> {
    if name.trim().is_empty() { row_problem(Text::QwNameRequired, &[]) } else { Vec::new() }
}

/// What is wrong with `change` on `workbook`; empty when it may be committed.
pub fn validate_quick_win(workbook: &Workbook, change: &QuickWinChange) -> Vec<Problem> {
    use QuickWinChange as C;
    match change {
        C::PutCriterion(_) | C::RemoveCriterion(_) | C::PutScore(_) | C::PutSelection(_) | C::PutPicker(_) => {
            scoring_problems(workbook, change)
        }
        C::PutWorkshop(_)
        | C::RemoveWorkshop(_)
        | C::PutGroup(_)
        | C::RemoveGroup(_)
        | C::PutVote(_)
        | C::PutAttendee(_)
        | C::PutDecision(_) => workshop_problems(workbook, change),
        C::RemoveScore { .. }
        | C::RemoveSelection(_)
        | C::RemoveVote { .. }
        | C::RemoveAttendee(_)
        | C::RemoveDecision(_) => Vec::new(),
    }
}

/// The problems of a criterion, a score or a selection.
fn scoring_problems(workbook: &Workbook, change: &QuickWinChange) -> Vec<Problem> {
    use QuickWinChange as C;
    let q = &workbook.quick_wins;
    match change {
        C::PutCriterion(c) => {
            let mut problems = empty_name(&c.name_id);
            if c.weight > MAX_CRITERION_WEIGHT {
                problems.extend(row_problem(Text::QwWeightRange, &[MAX_CRITERION_WEIGHT.to_string()]));
            }
            problems.extend(too_long(&[&c.key, &c.name_id, &c.name_en]));
            problems
        }
        C::RemoveCriterion(id) => {
            let scores = q.scores.iter().filter(|s| s.criterion_id == *id).count();
            if scores > 0 { row_problem(Text::QwCriterionInUse, &[scores.to_string()]) } else { Vec::new() }
        }
        C::PutScore(s) => {
            if !(MIN_SCORE..=MAX_SCORE).contains(&s.score) {
                row_problem(Text::QwScoreRange, &[])
            } else if workbook.program(s.program_id).is_none() {
                row_problem(Text::QwUnknownProgram, &[])
            } else if !q.criteria_in_force().iter().any(|c| c.id == s.criterion_id) {
                row_problem(Text::QwUnknownCriterion, &[])
            } else {
                Vec::new()
            }
        }
        C::PutSelection(s) => {
            let mut problems = empty_name(&s.name);
            if !(0..=MAX_AMOUNT).contains(&s.cap) {
                problems.extend(row_problem(Text::QwCapRange, &[format_rupiah(MAX_AMOUNT)]));
            }
            if !(1..=2).contains(&s.years) {
                problems.extend(row_problem(Text::QwYearsRange, &[]));
            }
            problems.extend(too_long(&[&s.name]));
            problems
        }
        C::PutPicker(Some(s)) if !(0..=MAX_AMOUNT).contains(&s.cap) => {
            row_problem(Text::QwCapRange, &[format_rupiah(MAX_AMOUNT)])
        }
        _ => Vec::new(),
    }
}

/// The problems of a workshop and of its groups, votes, attendees and decisions.
fn workshop_problems(workbook: &Workbook, change: &QuickWinChange) -> Vec<Problem> {
    use QuickWinChange as C;
    let q = &workbook.quick_wins;
    match change {
        C::PutWorkshop(w) => {
            let mut problems = empty_name(&w.title);
            if !STAGES.contains(&w.stage) {
                problems.extend(row_problem(Text::QwStageRange, &[]));
            }
            if !w.date.is_empty() && !is_iso_date(&w.date) {
                problems.extend(row_problem(Text::QwDateFormat, &[]));
            }
            problems.extend(too_long(&[&w.title, &w.place, &w.notes]));
            problems
        }
        C::RemoveWorkshop(id) => {
            let inside = q.groups_of(*id).count() + q.attendees_of(*id).count() + q.decisions_of(*id).count();
            if inside > 0 { row_problem(Text::QwWorkshopInUse, &[inside.to_string()]) } else { Vec::new() }
        }
        C::PutGroup(g) => {
            let mut problems = empty_name(&g.name);
            if q.workshop(g.workshop_id).is_none() {
                problems.extend(row_problem(Text::QwUnknownWorkshop, &[]));
            }
            problems.extend(too_long(&[&g.name]));
            problems
        }
        C::RemoveGroup(id) => {
            let votes = q.votes.iter().filter(|v| v.group_id == *id).count();
            if votes > 0 { row_problem(Text::QwGroupInUse, &[votes.to_string()]) } else { Vec::new() }
        }
        C::PutVote(v) => {
            if v.dots > MAX_DOTS {
                row_problem(Text::QwDotsRange, &[MAX_DOTS.to_string()])
            } else if q.group(v.group_id).is_none() {
                row_problem(Text::QwUnknownGroup, &[])
            } else if workbook.program(v.program_id).is_none() {
                row_problem(Text::QwUnknownProgram, &[])
            } else {
                Vec::new()
            }
        }
        C::PutAttendee(a) => {
            let mut problems = empty_name(&a.name);
            if q.workshop(a.workshop_id).is_none() {
                problems.extend(row_problem(Text::QwUnknownWorkshop, &[]));
            }
            problems.extend(too_long(&[&a.name, &a.role]));
            problems
        }
        C::PutDecision(d) => {
            let mut problems = Vec::new();
            if q.workshop(d.workshop_id).is_none() {
                problems.extend(row_problem(Text::QwUnknownWorkshop, &[]));
            }
            if d.program_id.is_some_and(|p| workbook.program(p).is_none()) {
                problems.extend(row_problem(Text::QwUnknownProgram, &[]));
            }
            if d.program_id.is_none() && d.text.trim().is_empty() {
                problems.extend(row_problem(Text::QwDecisionEmpty, &[]));
            }
            problems.extend(too_long(&[&d.text]));
            problems
        }
        _ => Vec::new(),
    }
}

/// `YYYY-MM-DD` with a real month and a day the month can have.
fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_for_real_days() {
        assert!(is_iso_date("2021-11-30"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2021-13-01"));
        assert!(!is_iso_date("30-11-2021"));
    }
}
