//! Test fixtures of the finance analysis: typed values in round numbers and a small masterplan workbook.

use super::{Basis, YearTotals, year_totals};
use crate::model::{
    BudgetLine, Change, FinanceValue, FundingSource, LineTree, ProgramStatus, ProjectionSettings, ValueKind, Workbook,
};
use crate::seed::new_workbook;

pub(super) fn value(line: &str, year: i32, amount: i64) -> FinanceValue {
    FinanceValue { line: line.into(), year, kind: ValueKind::Budgeted, amount, is_estimate: false }
}

pub(super) fn estimate(line: &str, year: i32, amount: i64) -> FinanceValue {
    FinanceValue { is_estimate: true, ..value(line, year, amount) }
}

pub(super) fn realised(line: &str, year: i32, amount: i64) -> FinanceValue {
    FinanceValue { kind: ValueKind::Realised, ..value(line, year, amount) }
}

pub(super) fn line(code: &str) -> usize {
    LineTree::get().index(code).unwrap_or_else(|| panic!("no line {code}"))
}

pub(super) fn totals(values: &[FinanceValue], year: i32) -> YearTotals {
    year_totals(values, year, Basis::Preferred).unwrap()
}

pub(super) fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9
}

pub(super) fn settings(base_first: i32, base_last: i32) -> ProjectionSettings {
    ProjectionSettings {
        base_first,
        base_last,
        rates: Default::default(),
        pessimistic_bp: -500,
        base_bp: 0,
        optimistic_bp: 500,
        envelope_bp: 100,
    }
}

/// The masterplan 2022-2025 of a test region, with three programs (one dropped) and two years of history
/// in round numbers.
pub(super) fn workbook() -> Workbook {
    let mut wb = new_workbook("Kabupaten Uji", 2022);
    wb.profile.period_end = 2025;
    let line = |year, source, amount| BudgetLine { year, source, amount };
    let programs = [
        (
            0,
            ProgramStatus::Planned,
            vec![
                line(2022, FundingSource::Apbd, 10_000),
                line(2023, FundingSource::Apbd, 20_000),
                line(2023, FundingSource::Apbn, 5_000),
            ],
        ),
        (
            3,
            ProgramStatus::Running,
            vec![line(2023, FundingSource::Apbd, 30_000), line(2024, FundingSource::Csr, 7_000)],
        ),
        (4, ProgramStatus::Dropped, vec![line(2023, FundingSource::Apbd, 99_999)]),
    ];
    for (position, (element, status, budget)) in programs.into_iter().enumerate() {
        let element_id = wb.elements[element].id;
        // The period is 2022-2025 and positions count up from 0, as `new_program` gives them.
        let mut program = wb.new_program(Some(element_id), &format!("Program {position}"));
        program.code = format!("P-{position}");
        program.status = status;
        program.budget = budget;
        wb.apply(&Change::PutProgram(program));
    }
    for v in [
        value("4.1.1", 2021, 1_000_000),
        value("4.2.1.2", 2021, 2_000_000),
        value("5.1.1", 2021, 1_000_000),
        value("5.2", 2021, 2_000_000),
        value("4.1.1", 2022, 1_100_000),
        value("4.2.1.2", 2022, 2_000_000),
        value("5.1.1", 2022, 1_050_000),
        value("5.2", 2022, 2_200_000),
    ] {
        wb.apply(&Change::PutFinanceValue(v));
    }
    wb.finance_settings = Some(settings(2021, 2022));
    wb
}
