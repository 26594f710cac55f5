//! The monitoring figures of one year: implementation rates, budget realisation and the flagged programs.

use std::collections::HashMap;

use super::indicators::indicator;
use super::{Behind, OverBudget, Rate, Realised, YearFigures, is_due, planned};
use crate::model::{FundingSource, Id, Program, RealisationStatus, Workbook};

/// Sums of one year, indexed like the workbook's dimensions, elements and agencies.
struct Sums {
    dimension_rate: Vec<Rate>,
    element_rate: Vec<Rate>,
    dimension_money: Vec<Realised>,
    agency_money: Vec<Realised>,
    no_agency: Realised,
    source_money: Vec<Realised>,
}

impl Sums {
    fn new(workbook: &Workbook) -> Self {
        Sums {
            dimension_rate: vec![Rate::default(); workbook.dimensions.len()],
            element_rate: vec![Rate::default(); workbook.elements.len()],
            dimension_money: vec![Realised::default(); workbook.dimensions.len()],
            agency_money: vec![Realised::default(); workbook.agencies.len()],
            no_agency: Realised::default(),
            source_money: vec![Realised::default(); FundingSource::ALL.len()],
        }
    }
}

/// Where a program sits: the index of its element, dimension and agency in the workbook's lists.
struct Place {
    element: Option<usize>,
    dimension: Option<usize>,
    agency: Option<usize>,
}

fn places(workbook: &Workbook) -> Vec<Place> {
    let elements: HashMap<Id, usize> = workbook.elements.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
    let dimensions: HashMap<Id, usize> = workbook.dimensions.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
    let agencies: HashMap<Id, usize> = workbook.agencies.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    workbook
        .programs
        .iter()
        .map(|p| {
            let element = elements.get(&p.element_id).copied();
            let dimension = element.and_then(|e| dimensions.get(&workbook.elements[e].dimension_id).copied());
            Place { element, dimension, agency: p.agency_id.and_then(|a| agencies.get(&a).copied()) }
        })
        .collect()
}

/// Counts a due program in the rates; true when it ran.
fn count_rate(figures: &mut YearFigures, sums: &mut Sums, place: &Place, ran: bool) {
    let bump = |rate: &mut Rate| {
        rate.due += 1;
        rate.ran += usize::from(ran);
    };
    bump(&mut figures.implementation);
    if let Some(d) = place.dimension {
        bump(&mut sums.dimension_rate[d]);
    }
    if let Some(e) = place.element {
        bump(&mut sums.element_rate[e]);
    }
}

/// Adds a program's money of the year; returns (planned, spent) over all sources.
fn count_money(workbook: &Workbook, sums: &mut Sums, program: &Program, place: &Place, year: i32) -> (i64, i64) {
    let mut total = Realised::default();
    for (i, source) in FundingSource::ALL.into_iter().enumerate() {
        let plan = planned(program, year, source);
        let spent = workbook.monev.spending_row(program.id, year, source).map_or(0, |s| s.amount);
        sums.source_money[i].add(plan, spent);
        total.add(plan, spent);
    }
    if let Some(d) = place.dimension {
        sums.dimension_money[d].add(total.planned, total.spent);
    }
    match place.agency {
        Some(a) => sums.agency_money[a].add(total.planned, total.spent),
        None => sums.no_agency.add(total.planned, total.spent),
    }
    (total.planned, total.spent)
}

fn lateness_rank(status: RealisationStatus) -> u8 {
    match status {
        RealisationStatus::Dropped => 0,
        RealisationStatus::Delayed => 1,
        _ => 2,
    }
}

/// The figures of `year`; `envelope` is the smart city envelope of the year, when known.
pub(super) fn year_figures(workbook: &Workbook, year: i32, envelope: Option<i64>) -> YearFigures {
    let mut figures = YearFigures { year, envelope, ..Default::default() };
    let mut sums = Sums::new(workbook);
    for (program, place) in workbook.programs.iter().zip(places(workbook)) {
        let realisation = workbook.monev.realisation(program.id, year);
        let due = is_due(program, year);
        let (plan, spent) = count_money(workbook, &mut sums, program, &place, year);
        if due {
            let ran = realisation.is_some_and(|r| r.status.ran());
            count_rate(&mut figures, &mut sums, &place, ran);
            figures.reported += usize::from(realisation.is_some());
            if let Some(r) = realisation.filter(|r| !r.status.ran()) {
                let behind = Behind { program: program.id, status: r.status, reason: r.reason.clone(), planned: plan };
                figures.behind.push(behind);
            }
        } else if spent > 0 || realisation.is_some_and(|r| !r.actual.trim().is_empty()) {
            figures.not_due_reported.push(program.id);
        }
        if spent > plan {
            figures.over_budget.push(OverBudget { program: program.id, planned: plan, spent, overrun: spent - plan });
        }
        figures.apbd.add(planned(program, year, FundingSource::Apbd), {
            workbook.monev.spending_row(program.id, year, FundingSource::Apbd).map_or(0, |s| s.amount)
        });
        figures.indicators.extend(indicator(program, realisation, year, due));
    }
    finish(workbook, &mut figures, sums);
    figures
}

/// Moves the sums into `figures` and sorts the flagged programs, worst first.
fn finish(workbook: &Workbook, figures: &mut YearFigures, sums: Sums) {
    figures.by_dimension = workbook.dimensions.iter().map(|d| d.id).zip(sums.dimension_rate).collect();
    figures.by_element = workbook.elements.iter().map(|e| e.id).zip(sums.element_rate).collect();
    figures.budget_by_dimension = workbook.dimensions.iter().map(|d| d.id).zip(sums.dimension_money).collect();
    figures.budget_by_agency = workbook.agencies.iter().map(|a| Some(a.id)).zip(sums.agency_money).collect();
    if sums.no_agency != Realised::default() {
        figures.budget_by_agency.push((None, sums.no_agency));
    }
    figures.budget_by_source = FundingSource::ALL.into_iter().zip(sums.source_money).collect();
    for (_, money) in &figures.budget_by_source {
        figures.budget.add(money.planned, money.spent);
    }
    let codes: HashMap<Id, &str> = workbook.programs.iter().map(|p| (p.id, p.code.as_str())).collect();
    let code = |id: Id| codes.get(&id).copied().unwrap_or("");
    figures.behind.sort_by(|a, b| {
        (lateness_rank(a.status), std::cmp::Reverse(a.planned), code(a.program)).cmp(&(
            lateness_rank(b.status),
            std::cmp::Reverse(b.planned),
            code(b.program),
        ))
    });
    figures.over_budget.sort_by(|a, b| b.overrun.cmp(&a.overrun).then_with(|| code(a.program).cmp(code(b.program))));
}
