//! The rules of the strategy: issues, SWOT entries, goals, directions, strategies and indicators, their texts
//! and links, and what may not be removed while other rows name it.

use super::{Field, Problem, not_too_long, required};
use crate::i18n::{Message, Text};
use crate::model::{Direction, Id, Indicator, StrategyChange, Workbook};

/// A text within the length limit, and not empty when `must_have` says so.
fn text(problems: &mut Vec<Problem>, field: Field, value: &str, must_have: bool) {
    if must_have {
        required(problems, field, value);
    }
    not_too_long(problems, field, value);
}

fn in_use(count: usize, text: Text) -> Vec<Problem> {
    if count == 0 { Vec::new() } else { vec![Problem::new(Field::Row, Message::with(text, [count.to_string()]))] }
}

fn known_dimensions(problems: &mut Vec<Problem>, workbook: &Workbook, ids: &[Id]) {
    if ids.iter().any(|d| workbook.dimension(*d).is_none()) {
        problems.push(Problem::new(Field::StrategyLink, Text::UnknownDimension));
    }
    if ids.windows(2).any(|w| w[0] >= w[1]) {
        problems.push(Problem::new(Field::StrategyLink, Text::StrategyDuplicateLink));
    }
}

fn known_item(problems: &mut Vec<Problem>, workbook: &Workbook, item: Option<Id>) {
    if item.is_some_and(|i| workbook.readiness_item(i).is_none()) {
        problems.push(Problem::new(Field::StrategyLink, Text::UnknownItemOrRound));
    }
}

/// What is wrong with `change` on `workbook`; empty when it may be committed.
pub fn validate_strategy(workbook: &Workbook, change: &StrategyChange) -> Vec<Problem> {
    use StrategyChange::*;
    let s = &workbook.strategy;
    let mut problems = Vec::new();
    match change {
        PutIssue(issue) => {
            text(&mut problems, Field::StrategyTitle, &issue.title, true);
            text(&mut problems, Field::StrategyCode, &issue.code, false);
            text(&mut problems, Field::StrategyText, &issue.description, false);
            known_dimensions(&mut problems, workbook, &issue.dimension_ids);
            known_item(&mut problems, workbook, issue.readiness_item_id);
        }
        RemoveIssue(id) => {
            let swot = s.swot.iter().filter(|e| e.issue_id == Some(*id)).count();
            let strategies = s.strategies.iter().filter(|e| e.issue_ids.contains(id)).count();
            problems = in_use(swot + strategies, Text::IssueInUse);
        }
        PutSwot(entry) => {
            text(&mut problems, Field::StrategyTitle, &entry.text, true);
            if workbook.dimension(entry.dimension_id).is_none() {
                problems.push(Problem::new(Field::StrategyLink, Text::UnknownDimension));
            }
            if entry.issue_id.is_some_and(|i| s.issue(i).is_none()) {
                problems.push(Problem::new(Field::StrategyLink, Text::UnknownIssue));
            }
            known_item(&mut problems, workbook, entry.readiness_item_id);
        }
        PutGoal(goal) => {
            text(&mut problems, Field::StrategyTitle, &goal.goal, true);
            text(&mut problems, Field::StrategyCode, &goal.code, false);
            text(&mut problems, Field::StrategyText, &goal.target, false);
            known_dimensions(&mut problems, workbook, &goal.dimension_ids);
        }
        RemoveSwot(_) | RemoveGoal(_) | RemoveIndicator(_) => {}
        PutDirection(direction) => direction_problems(&mut problems, workbook, direction),
        RemoveDirection(id) => {
            let held = s.strategies_of(*id).count() + s.indicators_of(*id).count();
            problems = in_use(held, Text::DirectionInUse);
        }
        PutStrategy(strategy) => {
            text(&mut problems, Field::StrategyTitle, &strategy.text, true);
            text(&mut problems, Field::StrategyCode, &strategy.code, false);
            if s.direction(strategy.direction_id).is_none() {
                problems.push(Problem::new(Field::StrategyLink, Text::UnknownDirection));
            }
            if strategy.issue_ids.iter().any(|i| s.issue(*i).is_none()) {
                problems.push(Problem::new(Field::StrategyLink, Text::UnknownIssue));
            }
            if strategy.issue_ids.windows(2).any(|w| w[0] >= w[1]) {
                problems.push(Problem::new(Field::StrategyLink, Text::StrategyDuplicateLink));
            }
        }
        RemoveStrategy(id) => problems = in_use(workbook.programs_of_strategy(*id).count(), Text::StrategyInUse),
        PutIndicator(indicator) => indicator_problems(&mut problems, workbook, indicator),
    }
    problems
}

/// A direction sits on a dimension, or on an element of that dimension, and only one direction sits there.
fn direction_problems(problems: &mut Vec<Problem>, workbook: &Workbook, direction: &Direction) {
    let s = &workbook.strategy;
    text(problems, Field::StrategyTitle, &direction.goal, false);
    let placed = match direction.element_id {
        None => workbook.dimension(direction.dimension_id).is_some(),
        Some(e) => workbook.element(e).is_some_and(|e| e.dimension_id == direction.dimension_id),
    };
    if !placed {
        problems.push(Problem::new(Field::StrategyLink, Text::UnknownElement));
    }
    if s.directions.iter().any(|d| {
        d.id != direction.id && d.dimension_id == direction.dimension_id && d.element_id == direction.element_id
    }) {
        problems.push(Problem::new(Field::Row, Text::DirectionExists));
    }
}

/// An indicator names its direction and has non-empty targets inside the period, each year once and in order.
fn indicator_problems(problems: &mut Vec<Problem>, workbook: &Workbook, indicator: &Indicator) {
    let s = &workbook.strategy;
    text(problems, Field::StrategyTitle, &indicator.name, true);
    text(problems, Field::StrategyText, &indicator.unit, false);
    text(problems, Field::StrategyText, &indicator.baseline, false);
    if s.direction(indicator.direction_id).is_none() {
        problems.push(Problem::new(Field::StrategyLink, Text::UnknownDirection));
    }
    let period = workbook.profile.years();
    if indicator.targets.iter().any(|t| !period.contains(&t.year)) {
        let span = [workbook.profile.period_start.to_string(), workbook.profile.period_end.to_string()];
        problems.push(Problem::new(Field::StrategyTarget, Message::with(Text::YearOutsidePeriod, span)));
    }
    for t in &indicator.targets {
        text(problems, Field::StrategyTarget, &t.value, true);
    }
    if indicator.targets.windows(2).any(|w| w[0].year >= w[1].year) {
        problems.push(Problem::new(Field::StrategyTarget, Text::StrategyDuplicateLink));
    }
}
