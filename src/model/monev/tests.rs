use super::evaluation::{MAX_EVALUATION_SCORE, default_dimensions, default_items};
use super::*;
use crate::model::{Field, FundingSource, validate_change};
use crate::seed::new_workbook;

fn workbook_with_program() -> (Workbook, Id) {
    let mut wb = new_workbook("Kabupaten Uji", 2022);
    let program = wb.new_program(None, "E-office");
    let id = program.id;
    wb.apply(&Change::PutProgram(program));
    (wb, id)
}

fn fields(problems: &[crate::model::Problem]) -> Vec<Field> {
    problems.iter().map(|p| p.field).collect()
}

#[test]
fn default_weights_are_the_reported_ones_and_add_up_to_one_hundred() {
    let dimensions = default_dimensions();
    let weights: Vec<(&str, u32)> = dimensions.iter().map(|d| (d.key.as_str(), d.weight)).collect();
    assert_eq!(weights, [("baseline", 10), ("output", 20), ("outcome", 30), ("impact", 30), ("quick_win", 10)]);
    let items = default_items();
    for d in &dimensions {
        let sum: u32 = items.iter().filter(|i| i.dimension_id == d.id).map(|i| i.weight).sum();
        assert_eq!(sum, 100, "items of {}", d.key);
    }
}

#[test]
fn every_change_is_undone_by_its_inverse() {
    let (mut wb, program) = workbook_with_program();
    let item = wb.monev.items[0].id;
    let realisation = Realisation { status: RealisationStatus::Running, ..Realisation::new(program, 2023) };
    let spending = Spending { program_id: program, year: 2023, source: FundingSource::Apbd, amount: 150_000_000 };
    let score = EvaluationScore { year: 2023, item_id: item, score: 371, evidence: "SK".into(), note: String::new() };
    let mut dimension = wb.monev.dimensions[2].clone();
    dimension.weight = 40;
    let changes = [
        MonevChange::PutRealisation(realisation.clone()),
        MonevChange::PutSpending(spending),
        MonevChange::PutScore(score.clone()),
        MonevChange::PutDimension(dimension),
        MonevChange::RemoveScore { year: 2023, item },
        MonevChange::RemoveRealisation { program, year: 2023 },
    ];
    for change in changes {
        let change = Change::Monev(change);
        let before = wb.clone();
        let inverse = wb.inverse(&change);
        wb.apply(&change);
        assert_ne!(wb, before, "{change:?} changed nothing");
        let after = wb.clone();
        wb.apply(&inverse);
        assert_eq!(wb, before, "the inverse of {change:?}");
        wb = after;
    }
    assert_eq!(wb.monev.realisation(program, 2023), None);
    assert_eq!(wb.monev.spent(program, 2023), 150_000_000);
    assert_eq!(wb.monev.dimensions[2].weight, 40);
}

#[test]
fn spending_is_set_whole_and_lookups_stay_sorted() {
    let (mut wb, program) = workbook_with_program();
    let amounts = [(FundingSource::Apbn, 200), (FundingSource::Apbd, 100)];
    for change in wb.monev.set_spending(program, 2024, &amounts) {
        wb.apply(&change);
    }
    let sources: Vec<FundingSource> = wb.monev.spending_of(program, 2024).iter().map(|s| s.source).collect();
    assert_eq!(sources, [FundingSource::Apbd, FundingSource::Apbn]);
    assert_eq!(wb.monev.spent(program, 2024), 300);
    // Setting again: APBD changed, APBN gone, nothing for unchanged rows.
    let changes = wb.monev.set_spending(program, 2024, &[(FundingSource::Apbd, 120)]);
    assert_eq!(changes.len(), 2);
    for change in changes {
        wb.apply(&change);
    }
    assert_eq!(wb.monev.spent(program, 2024), 120);
    assert!(wb.monev.set_spending(program, 2024, &[(FundingSource::Apbd, 120)]).is_empty());
    let removal = wb.monev.remove_realisation(program, 2024);
    assert_eq!(
        removal,
        vec![Change::Monev(MonevChange::RemoveSpending { program, year: 2024, source: FundingSource::Apbd })]
    );
}

#[test]
fn realisation_rules_name_their_field() {
    let (wb, program) = workbook_with_program();
    let check = |change: MonevChange| fields(&validate_change(&wb, &Change::Monev(change)));
    let ok = Realisation { status: RealisationStatus::Done, ..Realisation::new(program, 2022) };
    assert!(check(MonevChange::PutRealisation(ok.clone())).is_empty());
    let delayed = Realisation { status: RealisationStatus::Delayed, ..ok.clone() };
    assert_eq!(check(MonevChange::PutRealisation(delayed.clone())), [Field::RealisationReason]);
    let with_reason = Realisation { reason: "Lelang gagal".into(), ..delayed };
    assert!(check(MonevChange::PutRealisation(with_reason)).is_empty());
    let outside = Realisation { year: 2032, ..ok.clone() };
    assert_eq!(check(MonevChange::PutRealisation(outside)), [Field::RealisationYear]);
    let unknown = Realisation { program_id: crate::model::new_id(), ..ok };
    assert_eq!(check(MonevChange::PutRealisation(unknown)), [Field::RealisationProgram]);
    let spent = |amount| Spending { program_id: program, year: 2022, source: FundingSource::Dak, amount };
    assert!(check(MonevChange::PutSpending(spent(crate::model::MAX_AMOUNT))).is_empty());
    assert_eq!(check(MonevChange::PutSpending(spent(crate::model::MAX_AMOUNT + 1))), [Field::RealisationSpent]);
    assert_eq!(check(MonevChange::PutSpending(spent(-1))), [Field::RealisationSpent]);
}

#[test]
fn evaluation_rules_keep_weights_and_scores_in_range() {
    let (mut wb, _) = workbook_with_program();
    let item = wb.monev.items[0].clone();
    let check = |wb: &Workbook, change: MonevChange| fields(&validate_change(wb, &Change::Monev(change)));
    let score =
        |score| EvaluationScore { year: 2024, item_id: item.id, score, evidence: String::new(), note: String::new() };
    assert!(check(&wb, MonevChange::PutScore(score(MAX_EVALUATION_SCORE))).is_empty());
    assert_eq!(check(&wb, MonevChange::PutScore(score(MAX_EVALUATION_SCORE + 1))), [Field::EvaluationScore]);
    let late = EvaluationScore { year: 2040, ..score(300) };
    assert_eq!(check(&wb, MonevChange::PutScore(late)), [Field::EvaluationYear]);
    let heavy = EvaluationItem { weight: 1001, ..item.clone() };
    assert_eq!(check(&wb, MonevChange::PutItem(heavy)), [Field::EvaluationWeight]);
    let orphan = EvaluationItem { dimension_id: crate::model::new_id(), ..item.clone() };
    assert_eq!(check(&wb, MonevChange::PutItem(orphan)), [Field::EvaluationDimension]);
    // All dimension weights zero is refused on the last one set to zero.
    let dimensions = wb.monev.dimensions.clone();
    for d in &dimensions[..4] {
        wb.apply(&Change::Monev(MonevChange::PutDimension(EvaluationDimension { weight: 0, ..d.clone() })));
    }
    let last = EvaluationDimension { weight: 0, ..dimensions[4].clone() };
    assert_eq!(check(&wb, MonevChange::PutDimension(last)), [Field::EvaluationWeight]);
    // A dimension with items cannot go alone; its removal helper takes the items and scores along.
    assert_eq!(check(&wb, MonevChange::RemoveDimension(dimensions[0].id)), [Field::Row]);
    wb.apply(&Change::Monev(MonevChange::PutScore(score(250))));
    let removal = wb.monev.remove_dimension(item.dimension_id);
    assert_eq!(removal.len(), 1 + 2 + 1, "one score, two items, the dimension");
    for change in &removal {
        assert!(validate_change(&wb, change).is_empty(), "{change:?}");
        wb.apply(change);
    }
    assert!(wb.monev.dimension(item.dimension_id).is_none());
    assert!(wb.monev.scores.is_empty());
}
