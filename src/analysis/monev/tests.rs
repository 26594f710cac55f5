use super::*;
use crate::model::monev::evaluation::item_id;
use crate::model::{BudgetLine, Change, EvaluationScore, MonevChange, Realisation, Spending, YearTarget};
use crate::seed::new_workbook;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

fn program(wb: &mut Workbook, code: &str, element: usize, years: (i32, i32), budget: &[(i32, i64)]) -> Id {
    let mut p = wb.new_program(Some(wb.elements[element].id), code);
    p.code = code.into();
    p.start_year = years.0;
    p.end_year = years.1;
    p.budget = budget.iter().map(|&(year, amount)| BudgetLine { year, source: FundingSource::Apbd, amount }).collect();
    let id = p.id;
    wb.apply(&Change::PutProgram(p));
    id
}

fn realise(wb: &mut Workbook, program: Id, year: i32, status: RealisationStatus, actual: &str) {
    let r = Realisation { status, actual: actual.into(), reason: "alasan".into(), ..Realisation::new(program, year) };
    wb.apply(&Change::Monev(MonevChange::PutRealisation(r)));
}

fn spend(wb: &mut Workbook, program: Id, year: i32, source: FundingSource, amount: i64) {
    let s = Spending { program_id: program, year, source, amount };
    wb.apply(&Change::Monev(MonevChange::PutSpending(s)));
}

/// Four programs in 2023: A and B on the first element (same dimension), C on another dimension, D not due.
fn built() -> (Workbook, [Id; 4]) {
    let mut wb = new_workbook("Kabupaten Uji", 2022);
    let other = wb.elements.iter().position(|e| e.dimension_id != wb.elements[0].dimension_id).unwrap();
    let a = program(&mut wb, "A", 0, (2022, 2024), &[(2023, 100_000_000)]);
    let b = program(&mut wb, "B", 0, (2023, 2023), &[(2023, 50_000_000)]);
    let c = program(&mut wb, "C", other, (2025, 2026), &[(2023, 40_000_000)]);
    let d = program(&mut wb, "D", other, (2026, 2027), &[]);
    realise(&mut wb, a, 2023, RealisationStatus::Done, "80 %");
    realise(&mut wb, b, 2023, RealisationStatus::Delayed, "");
    realise(&mut wb, d, 2023, RealisationStatus::NotStarted, "3 kecamatan");
    spend(&mut wb, a, 2023, FundingSource::Apbd, 90_000_000);
    spend(&mut wb, b, 2023, FundingSource::Apbd, 60_000_000);
    spend(&mut wb, c, 2023, FundingSource::Dak, 10_000_000);
    let mut pa = wb.program(a).unwrap().clone();
    pa.targets = vec![YearTarget { year: 2023, target: "100 %".into() }];
    wb.apply(&Change::PutProgram(pa));
    (wb, [a, b, c, d])
}

#[test]
fn rates_and_budget_match_hand_computation() {
    let (wb, [a, b, c, d]) = built();
    let f = monev_figures(&wb);
    let y = f.year(2023).unwrap();
    // Due: A (in its years), B (in its years), C (plans money in 2023); D is not. Ran: A only.
    assert_eq!(y.implementation, Rate { due: 3, ran: 1 });
    assert_eq!(y.reported, 2);
    let first_dimension = wb.elements[0].dimension_id;
    let rate_of = |id: Id| y.by_dimension.iter().find(|(d, _)| *d == id).unwrap().1;
    assert_eq!(rate_of(first_dimension), Rate { due: 2, ran: 1 });
    assert!(close(rate_of(first_dimension).value(), 0.5));
    assert_eq!(y.by_element[0].1, Rate { due: 2, ran: 1 });
    // Planned 190 M (all APBD); spent 90 + 60 APBD + 10 DAK = 160 M.
    assert_eq!(y.budget, Realised { planned: 190_000_000, spent: 160_000_000 });
    assert_eq!(y.apbd, Realised { planned: 190_000_000, spent: 150_000_000 });
    assert_eq!(y.budget_by_source[2], (FundingSource::Dak, Realised { planned: 0, spent: 10_000_000 }));
    assert_eq!(y.budget_by_agency.last().unwrap(), &(None, Realised { planned: 190_000_000, spent: 160_000_000 }));
    // Over budget: B spent 60 of 50 (overrun 10 M) before nothing else; C spent 10 of 40 is fine.
    assert_eq!(
        y.over_budget,
        vec![OverBudget { program: b, planned: 50_000_000, spent: 60_000_000, overrun: 10_000_000 }]
    );
    // Behind: B delayed (C has no row: it counts as not run but is not listed).
    assert_eq!(y.behind.iter().map(|x| x.program).collect::<Vec<_>>(), [b]);
    // D reports an actual value while not due: allowed, flagged.
    assert_eq!(y.not_due_reported, [d]);
    // Indicators: A 80 of 100 %, D's actual without target.
    let ind: Vec<(Id, Option<f64>)> = y.indicators.iter().map(|i| (i.program, i.achievement)).collect();
    assert_eq!(ind.len(), 2);
    assert_eq!(ind[0].0, a);
    assert!(close(ind[0].1, 0.8));
    assert_eq!(ind[1], (d, None));
    assert!(!y.indicators[1].due);
    let _ = c;
}

#[test]
fn a_removed_programs_rows_are_skipped() {
    let (mut wb, [_, b, _, _]) = built();
    wb.apply(&Change::RemoveProgram(b));
    let y = monev_figures(&wb).year(2023).unwrap().clone();
    assert_eq!(y.implementation, Rate { due: 2, ran: 1 });
    assert_eq!(y.budget, Realised { planned: 140_000_000, spent: 100_000_000 });
    assert!(y.over_budget.is_empty());
    assert!(y.behind.is_empty());
}

#[test]
fn evaluation_index_improvement_and_suggestions() {
    let (mut wb, _) = built();
    let score = |year, key: &str, score| {
        Change::Monev(MonevChange::PutScore(EvaluationScore {
            year,
            item_id: item_id(key),
            score,
            evidence: String::new(),
            note: String::new(),
        }))
    };
    // 2023: output items 400 x 40 + 300 x 30 (institutions; budget unscored) -> 25000 / 70 = 3.5714...;
    // outcome 300 -> 3.00. Index (3.5714 x 20 + 3 x 30) / 50.
    for change in [
        score(2023, "output_policy", 400),
        score(2023, "output_institutions", 300),
        score(2023, "outcome_implementation", 300),
    ] {
        wb.apply(&change);
    }
    // 2024: outcome 400 only -> index 4.00.
    wb.apply(&score(2024, "outcome_implementation", 400));
    let f = monev_figures(&wb);
    let e23 = f.evaluation_year(2023).unwrap();
    let output = 25_000.0 / 70.0 / 100.0;
    assert!(close(e23.by_dimension[1].score, output));
    let index23 = (output * 20.0 + 3.0 * 30.0) / 50.0;
    assert!(close(e23.index, index23));
    assert!(!e23.complete);
    assert_eq!(e23.improvement, None);
    let e24 = f.evaluation_year(2024).unwrap();
    assert!(close(e24.index, 4.0));
    assert!(close(e24.improvement, 4.0 - index23));
    assert_eq!(e24.previous_year, Some(2023));
    // Outcome suggestion 2023: 1 of 3 ran -> 5/3.
    assert!(close(e23.suggestions.outcome, 5.0 / 3.0));
    assert_eq!(e23.suggestions.quick_win, None, "no quick-win program");
    assert!(f.evaluation_year(2025).unwrap().index.is_none());
}

#[test]
fn leading_numbers_are_read_the_indonesian_way() {
    assert_eq!(leading_number("85 %"), Some(85.0));
    assert_eq!(leading_number("1.200 pelaku UMKM"), Some(1200.0));
    assert_eq!(leading_number("1.200,5"), Some(1200.5));
    assert_eq!(leading_number("2.5 km"), Some(2.5));
    assert_eq!(leading_number("75,5%"), Some(75.5));
    assert_eq!(leading_number("seluruh desa"), None);
}

#[test]
fn indicator_summary_counts_targets_reports_and_achievement() {
    let (wb, [a, ..]) = built();
    let f = monev_figures(&wb);
    let y = f.year(2023).unwrap();
    // Only A has a 2023 target (100 %) and reports 80 %: reported, below its target at 0.8.
    assert_eq!(y.indicator_summary(), IndicatorSummary { with_target: 1, reported: 1, met: 0, below: 1 });
    let below = y.indicators_below();
    assert_eq!(below.len(), 1);
    assert_eq!(below[0].program, a);
    assert!(close(below[0].achievement, 0.8));
}
