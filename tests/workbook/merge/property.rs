//! Property test: two copies of one masterplan take random edit sequences; merging either into the other
//! gives the same masterplan (conflicts resolved the same way: the first copy's side), every merged change
//! passes validation in the order given, and merging the same file again changes nothing. The random
//! numbers come from a tiny xorshift generator, so every run tests the same sequences.

use smartcity_workbench::merge::field_maps_of;
use smartcity_workbench::merge::plan::{Side, Stamps, plan};
use smartcity_workbench::model::{Agency, BudgetLine, Change, FundingSource, Workbook, swap_agencies, validate_change};
use uuid::Uuid;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One random edit that the model accepts, applied to `workbook`.
fn random_edit(workbook: &mut Workbook, rng: &mut Rng, side: &str, step: usize) {
    for _ in 0..10 {
        let n = workbook.programs.len().min(8);
        let mut program = workbook.programs[rng.below(n)].clone();
        let changes = match rng.below(8) {
            0 => {
                program.name = format!("{side} nama {step}");
                vec![Change::PutProgram(program)]
            }
            1 => {
                program.location = format!("{side} lokasi {step}");
                vec![Change::PutProgram(program)]
            }
            2 => vec![Change::RemoveProgram(program.id)],
            3 => {
                let mut added = workbook.new_program(None, &format!("{side} program {step}"));
                added.id = Uuid::from_u128(u128::from(rng.next()));
                vec![Change::PutProgram(added)]
            }
            4 => {
                let year = program.start_year + rng.below((program.end_year - program.start_year + 1) as usize) as i32;
                program.budget.retain(|l| !(l.year == year && l.source == FundingSource::Apbd));
                program.budget.push(BudgetLine {
                    year,
                    source: FundingSource::Apbd,
                    amount: (rng.below(900) as i64 + 1) * 1_000_000,
                });
                program.budget.sort_by_key(|l| (l.year, l.source));
                vec![Change::PutProgram(program)]
            }
            5 => {
                let agency = Agency {
                    id: Uuid::from_u128(u128::from(rng.next())),
                    code: format!("9.{side}.{step}"),
                    name: format!("Badan {side} {step}"),
                    short_name: String::new(),
                    position: workbook.next_agency_position(),
                };
                vec![Change::PutAgency(agency)]
            }
            6 => {
                let mut agency = workbook.agencies[rng.below(workbook.agencies.len().min(6))].clone();
                agency.name = format!("{side} OPD {step}");
                vec![Change::PutAgency(agency)]
            }
            _ => {
                let at = rng.below(workbook.agencies.len().min(6) - 1);
                swap_agencies(&workbook.agencies[at], &workbook.agencies[at + 1])
            }
        };
        let mut scratch = workbook.clone();
        let valid = changes.iter().all(|c| {
            let ok = validate_change(&scratch, c).is_empty();
            scratch.apply(c);
            ok
        });
        if valid {
            *workbook = scratch;
            return;
        }
    }
}

/// Merge `theirs` into `ours` (both from `base`), each conflict resolved to `side`; every change validated.
fn merge(base: &Workbook, ours: &Workbook, theirs: &Workbook, side: Side) -> Workbook {
    let ours_rows = field_maps_of(ours);
    let (base_rows, theirs_rows) = (field_maps_of(base), field_maps_of(theirs));
    let mut plan = plan(&base_rows, &ours_rows, &theirs_rows, &Stamps::new(), &Stamps::new());
    plan.question_inconsistent_rows(&base_rows, &ours_rows, &theirs_rows, ours);
    plan.resolve_all(side, &ours_rows);
    let mut result = ours.clone();
    for change in plan.changes(&ours_rows).expect("all conflicts resolved") {
        let problems = validate_change(&result, &change);
        assert!(problems.is_empty(), "{change:?} refused: {problems:?}");
        result.apply(&change);
    }
    result
}

#[test]
fn random_edits_on_two_copies_merge_to_the_same_masterplan_either_way_and_merge_once() {
    let base = smartcity_workbench::seed::demo_workbook();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut conflicts_seen = 0;
    for case in 0..60 {
        let (mut a, mut b) = (base.clone(), base.clone());
        for step in 0..(1 + rng.below(6)) {
            random_edit(&mut a, &mut rng, "A", step);
        }
        for step in 0..(1 + rng.below(6)) {
            random_edit(&mut b, &mut rng, "B", step);
        }
        conflicts_seen +=
            plan(&field_maps_of(&base), &field_maps_of(&a), &field_maps_of(&b), &Stamps::new(), &Stamps::new())
                .summary()
                .conflicts;
        let a_with_b = merge(&base, &a, &b, Side::Ours);
        let b_with_a = merge(&base, &b, &a, Side::Theirs);
        assert_eq!(a_with_b, b_with_a, "case {case}: both directions converge");
        // The next merge of the same file starts from what it looked like: nothing more to do.
        let again =
            plan(&field_maps_of(&b), &field_maps_of(&a_with_b), &field_maps_of(&b), &Stamps::new(), &Stamps::new());
        assert!(again.is_empty(), "case {case}: a second merge changes nothing");
        // And with no conflicts, merging is symmetric without any choice.
        let no_conflicts =
            plan(&field_maps_of(&base), &field_maps_of(&a), &field_maps_of(&b), &Stamps::new(), &Stamps::new());
        if no_conflicts.summary().conflicts == 0 {
            assert_eq!(merge(&base, &a, &b, Side::Theirs), b_with_a, "case {case}");
        }
    }
    assert!(conflicts_seen > 0, "the sequences also produce conflicts");
}
