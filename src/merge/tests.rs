//! The merge on workbooks in memory: hand-made edits on two sides of one base, checked row by row.

use super::kinds::field_maps_of;
use super::plan::{Outcome, PlanError, Side, Stamps, plan};
use crate::model::{
    Agency, Change, Program, ProgramStatus, QuickWinChange, StrategyChange, Workbook, new_id, swap_agencies,
    validate_change,
};
use crate::seed::demo_workbook;

fn base() -> Workbook {
    demo_workbook()
}

fn merged(base: &Workbook, ours: &Workbook, theirs: &Workbook, prefer: Option<Side>) -> Result<Workbook, PlanError> {
    let ours_rows = field_maps_of(ours);
    let (base_rows, theirs_rows) = (field_maps_of(base), field_maps_of(theirs));
    let mut plan = plan(&base_rows, &ours_rows, &theirs_rows, &Stamps::new(), &Stamps::new());
    plan.question_inconsistent_rows(&base_rows, &ours_rows, &theirs_rows, ours);
    if let Some(side) = prefer {
        plan.resolve_all(side, &ours_rows);
    }
    let mut result = ours.clone();
    for change in plan.changes(&ours_rows)? {
        result.apply(&change);
    }
    Ok(result)
}

fn program(workbook: &Workbook, at: usize) -> Program {
    workbook.programs[at].clone()
}

#[test]
fn every_row_survives_the_trip_through_fields_and_back() {
    let workbook = base();
    let rows = field_maps_of(&workbook);
    let mut rebuilt = workbook.clone();
    for (key, fields) in &rows {
        rebuilt.apply(&(key.kind().put)(fields.clone()).expect("a row converts back"));
    }
    assert_eq!(rebuilt, workbook);
    // Budget lines are fields of their own, so two sides may change different years without a conflict.
    let first = rows.iter().find(|(k, _)| k.kind().name == "program").unwrap().1;
    assert!(first.keys().any(|k| k.starts_with("budget/")), "{:?}", first.keys().collect::<Vec<_>>());
}

#[test]
fn disjoint_edits_are_both_taken_without_conflict() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mut a = program(&base, 0);
    a.name = "Ours renamed".into();
    ours.apply(&Change::PutProgram(a.clone()));
    let mut b = program(&base, 0);
    b.location = "Desa Andoolo Barat".into();
    theirs.apply(&Change::PutProgram(b));
    let mut c = program(&base, 1);
    c.status = ProgramStatus::Dropped;
    theirs.apply(&Change::PutProgram(c.clone()));

    let plan =
        plan(&field_maps_of(&base), &field_maps_of(&ours), &field_maps_of(&theirs), &Stamps::new(), &Stamps::new());
    assert_eq!(plan.summary().taken, 2);
    assert_eq!(plan.summary().conflicts, 0);
    let taken = plan.entries.iter().find(|e| e.key.id == a.id).unwrap();
    assert_eq!(
        taken.outcome,
        match &taken.outcome {
            Outcome::Taken { row, .. } => Outcome::Taken { row: row.clone(), fields: vec!["location".into()] },
            other => other.clone(),
        }
    );

    let result = merged(&base, &ours, &theirs, None).unwrap();
    assert_eq!(result.program(a.id).unwrap().name, "Ours renamed");
    assert_eq!(result.program(a.id).unwrap().location, "Desa Andoolo Barat");
    assert_eq!(result.program(c.id).unwrap().status, ProgramStatus::Dropped);
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_until_chosen() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mut a = program(&base, 0);
    a.name = "Here".into();
    a.location = "Lainea".into();
    ours.apply(&Change::PutProgram(a.clone()));
    let mut b = program(&base, 0);
    b.name = "There".into();
    b.outputs = "Outputs there".into();
    theirs.apply(&Change::PutProgram(b));

    let ours_rows = field_maps_of(&ours);
    let mut plan = plan(&field_maps_of(&base), &ours_rows, &field_maps_of(&theirs), &Stamps::new(), &Stamps::new());
    assert_eq!(plan.summary().conflicts, 1);
    assert_eq!(plan.changes(&ours_rows), Err(PlanError::Unresolved(1)));
    let conflict = plan.conflicts_mut().next().unwrap();
    assert_eq!(conflict.fields, vec![("name".to_string(), None)]);
    conflict.choose_field("name", Side::Theirs);
    let changes = plan.changes(&ours_rows).unwrap();
    let Change::PutProgram(result) = &changes[0] else { panic!("{changes:?}") };
    // The chosen field from there, the non-conflicting fields from both sides.
    assert_eq!(
        (result.name.as_str(), result.location.as_str(), result.outputs.as_str()),
        ("There", "Lainea", "Outputs there")
    );
}

#[test]
fn deleted_on_one_side_and_edited_on_the_other_is_a_conflict() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let p = program(&base, 2);
    ours.apply(&Change::RemoveProgram(p.id));
    let mut edited = p.clone();
    edited.indicator = "Edited there".into();
    theirs.apply(&Change::PutProgram(edited));

    let plan =
        plan(&field_maps_of(&base), &field_maps_of(&ours), &field_maps_of(&theirs), &Stamps::new(), &Stamps::new());
    let Outcome::Conflict(conflict) = &plan.entries[0].outcome else { panic!("{:?}", plan.entries) };
    assert!(conflict.is_delete_edit() && conflict.ours.is_none() && conflict.theirs.is_some());
    // Keeping the edit brings the row back with it; keeping the deletion leaves it deleted.
    let kept = merged(&base, &ours, &theirs, Some(Side::Theirs)).unwrap();
    assert_eq!(kept.program(p.id).unwrap().indicator, "Edited there");
    let deleted = merged(&base, &ours, &theirs, Some(Side::Ours)).unwrap();
    assert!(deleted.program(p.id).is_none());
    // The other way round: removed there, unchanged here, is simply taken.
    let removed = merged(&base, &base, &ours, None).unwrap();
    assert!(removed.program(p.id).is_none());
}

#[test]
fn a_new_agency_arrives_before_the_new_program_that_refers_to_it() {
    let base = base();
    let mut theirs = base.clone();
    let agency = Agency {
        id: new_id(),
        code: "9.99.01".into(),
        name: "Badan Baru".into(),
        short_name: "BB".into(),
        position: base.next_agency_position(),
    };
    theirs.apply(&Change::PutAgency(agency.clone()));
    let mut p = theirs.new_program(None, "Program badan baru");
    p.agency_id = Some(agency.id);
    theirs.apply(&Change::PutProgram(p.clone()));
    // ...and a removed agency goes after the program that stopped referring to it.
    let old = base
        .programs
        .iter()
        .find(|p| p.agency_id.is_some() && base.members.iter().any(|m| m.agency_id == p.agency_id))
        .expect("an agency with programs and members")
        .clone();
    let old_agency = old.agency_id.unwrap();
    for q in base.programs.iter().filter(|q| q.agency_id == Some(old_agency)) {
        let mut moved = q.clone();
        moved.agency_id = Some(agency.id);
        theirs.apply(&Change::PutProgram(moved));
    }
    theirs.members.retain(|m| m.agency_id != Some(old_agency));
    theirs.apply(&Change::RemoveAgency(old_agency));

    let ours_rows = field_maps_of(&base);
    let plan = plan(&field_maps_of(&base), &ours_rows, &field_maps_of(&theirs), &Stamps::new(), &Stamps::new());
    let changes = plan.changes(&ours_rows).unwrap();
    let at = |f: &dyn Fn(&Change) -> bool| changes.iter().position(f).unwrap_or_else(|| panic!("{changes:#?}"));
    assert!(
        at(&|c| matches!(c, Change::PutAgency(a) if a.id == agency.id))
            < at(&|c| matches!(c, Change::PutProgram(q) if q.id == p.id))
    );
    let removal = at(&|c| matches!(c, Change::RemoveAgency(id) if *id == old_agency));
    assert!(at(&|c| matches!(c, Change::PutProgram(q) if q.id == old.id)) < removal);
    assert!(at(&|c| matches!(c, Change::RemoveMember(_))) < removal, "members leave before their agency");
    // The whole edit passes validation in that order.
    let mut check = base.clone();
    for change in &changes {
        let problems = validate_change(&check, change);
        assert!(problems.is_empty(), "{change:?}: {problems:?}");
        check.apply(change);
    }
}

#[test]
fn reordering_on_one_side_and_renaming_on_the_other_merge() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (first, second) = (base.agencies[0].clone(), base.agencies[1].clone());
    for change in swap_agencies(&first, &second) {
        ours.apply(&change);
    }
    let mut renamed = first.clone();
    renamed.name = "Nama baru".into();
    theirs.apply(&Change::PutAgency(renamed));
    let result = merged(&base, &ours, &theirs, None).unwrap();
    assert_eq!(result.agencies[0].id, second.id, "the new order kept");
    assert_eq!(result.agencies[1].name, "Nama baru", "the new name taken");
}

#[test]
fn without_a_base_nothing_is_removed_and_differences_conflict() {
    let base = base();
    let mut theirs = base.clone();
    let p = program(&base, 0);
    theirs.apply(&Change::RemoveProgram(p.id));
    let mut q = program(&base, 1);
    q.name = "Different".into();
    theirs.apply(&Change::PutProgram(q));
    let empty = Default::default();
    let plan = plan(&empty, &field_maps_of(&base), &field_maps_of(&theirs), &Stamps::new(), &Stamps::new());
    assert_eq!(plan.summary().removed, 0);
    assert_eq!(plan.summary().conflicts, 1);
}

#[test]
fn strategy_and_quick_win_rows_merge_like_any_other_kind() {
    let base = base();
    assert!(!base.strategy.issues.is_empty() && !base.quick_wins.criteria.is_empty(), "the demo holds both");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mut issue = base.strategy.issues[0].clone();
    issue.title = "Isu dari koordinator".into();
    ours.apply(&Change::Strategy(StrategyChange::PutIssue(issue.clone())));
    let mut criterion = base.quick_wins.criteria[0].clone();
    criterion.weight += 5;
    theirs.apply(&Change::QuickWin(QuickWinChange::PutCriterion(criterion.clone())));
    let mut same_issue = base.strategy.issues[0].clone();
    same_issue.description = "Uraian dari dinas".into();
    theirs.apply(&Change::Strategy(StrategyChange::PutIssue(same_issue)));

    let result = merged(&base, &ours, &theirs, None).unwrap();
    let merged_issue = result.strategy.issues.iter().find(|i| i.id == issue.id).unwrap();
    assert_eq!(
        (merged_issue.title.as_str(), merged_issue.description.as_str()),
        ("Isu dari koordinator", "Uraian dari dinas")
    );
    assert_eq!(result.quick_wins.criteria.iter().find(|c| c.id == criterion.id).unwrap().weight, criterion.weight);
}

#[test]
fn removing_a_program_whose_score_was_edited_here_is_a_conflict_not_a_silent_loss() {
    let base = base();
    let score = base.quick_wins.scores.first().expect("the demo scores quick wins").clone();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    theirs.apply(&Change::RemoveProgram(score.program_id));
    for s in base.quick_wins.scores.iter().filter(|s| s.program_id == score.program_id) {
        theirs
            .apply(&Change::QuickWin(QuickWinChange::RemoveScore { program: s.program_id, criterion: s.criterion_id }));
    }
    let mut edited = score.clone();
    edited.score = if score.score == 1 { 2 } else { 1 };
    ours.apply(&Change::QuickWin(QuickWinChange::PutScore(edited.clone())));

    let plan =
        plan(&field_maps_of(&base), &field_maps_of(&ours), &field_maps_of(&theirs), &Stamps::new(), &Stamps::new());
    let parent = plan.entries.iter().find(|e| e.key.id == score.program_id).expect("the program is in the plan");
    assert!(matches!(&parent.outcome, Outcome::Conflict(c) if c.is_delete_edit()), "{:?}", parent.outcome);

    let result = merged(&base, &ours, &theirs, Some(Side::Ours)).unwrap();
    assert!(result.programs.iter().any(|p| p.id == score.program_id), "the program of the kept score stays");
    assert!(result.quick_wins.scores.contains(&edited));
    let result = merged(&base, &ours, &theirs, Some(Side::Theirs)).unwrap();
    assert!(result.programs.iter().all(|p| p.id != score.program_id));
    assert!(result.quick_wins.scores.iter().all(|s| s.program_id != score.program_id));
}

/// The base with one more agency, which has no programs yet.
fn base_with_spare_agency() -> (Workbook, Agency) {
    let mut base = base();
    let agency = Agency {
        id: new_id(),
        code: "9.98.01".into(),
        name: "Badan Cadangan".into(),
        short_name: "BC".into(),
        position: base.next_agency_position(),
    };
    base.apply(&Change::PutAgency(agency.clone()));
    (base, agency)
}

#[test]
fn an_agency_removed_on_one_side_while_the_other_adds_a_program_under_it_is_a_question_and_stays_by_preference() {
    let (base, agency) = base_with_spare_agency();
    let (mut remover, mut adder) = (base.clone(), base.clone());
    remover.apply(&Change::RemoveAgency(agency.id));
    let mut p = adder.new_program(None, "Program badan cadangan");
    p.agency_id = Some(agency.id);
    adder.apply(&Change::PutProgram(p.clone()));

    // Removed here, used there, and removed there, used here: both are conflicts naming the program.
    for (ours, theirs) in [(&remover, &adder), (&adder, &remover)] {
        let plan =
            plan(&field_maps_of(&base), &field_maps_of(ours), &field_maps_of(theirs), &Stamps::new(), &Stamps::new());
        let entry = plan.entries.iter().find(|e| e.key.id == agency.id).expect("the agency is in the plan");
        let Outcome::Conflict(conflict) = &entry.outcome else { panic!("{:?}", entry.outcome) };
        assert!(conflict.is_delete_edit());
        assert_eq!(conflict.used_by, vec!["Program badan cadangan".to_string()]);
        // Either preference keeps the agency: a preference never leaves the new program without it.
        for side in [Side::Ours, Side::Theirs] {
            let result = merged(&base, ours, theirs, Some(side)).unwrap();
            assert!(result.agency(agency.id).is_some(), "{side:?}");
            assert_eq!(result.program(p.id).unwrap().agency_id, Some(agency.id));
        }
    }
    // Choosing the removal by hand is refused with a message naming both rows, before anything changes.
    let ours_rows = field_maps_of(&remover);
    let mut plan = plan(&field_maps_of(&base), &ours_rows, &field_maps_of(&adder), &Stamps::new(), &Stamps::new());
    plan.conflicts_mut().for_each(|c| c.choose_row(Side::Ours));
    assert_eq!(
        plan.changes(&ours_rows),
        Err(PlanError::StillUsed("9.98.01 Badan Cadangan".into(), "Program badan cadangan".into()))
    );
}

#[test]
fn the_same_code_added_on_both_sides_becomes_one_program_chosen_field_by_field() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mut here = ours.new_program(None, "Aplikasi dari impor");
    here.code = "IMP-01".into();
    ours.apply(&Change::PutProgram(here.clone()));
    let mut there = theirs.new_program(None, "Aplikasi dari impor (dinas)");
    there.code = "IMP-01".into();
    theirs.apply(&Change::PutProgram(there.clone()));

    let plan =
        plan(&field_maps_of(&base), &field_maps_of(&ours), &field_maps_of(&theirs), &Stamps::new(), &Stamps::new());
    assert_eq!((plan.summary().new, plan.summary().conflicts), (0, 1));
    let conflict = plan.entries.iter().find_map(|e| match &e.outcome {
        Outcome::Conflict(c) => Some(c),
        _ => None,
    });
    let conflict = conflict.unwrap();
    assert_eq!(conflict.same_as, Some(here.id));
    assert_eq!(conflict.fields.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(), ["name"]);

    let result = merged(&base, &ours, &theirs, Some(Side::Theirs)).unwrap();
    let imported: Vec<_> = result.programs.iter().filter(|p| p.code == "IMP-01").collect();
    assert_eq!(imported.len(), 1, "one program, not two with one code");
    assert_eq!((imported[0].id, imported[0].name.as_str()), (here.id, "Aplikasi dari impor (dinas)"));
}

#[test]
fn a_start_year_moved_past_the_end_year_set_on_the_other_side_is_a_conflict_not_a_refused_merge() {
    let base = base();
    let p = base.programs.iter().find(|p| p.start_year == 2023 && p.end_year == 2026).expect("a 2023-2026 program");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mut later = p.clone();
    later.start_year = 2025;
    later.budget.retain(|l| l.year >= 2025);
    ours.apply(&Change::PutProgram(later));
    let mut shorter = p.clone();
    shorter.end_year = 2024;
    shorter.budget.retain(|l| l.year <= 2024);
    theirs.apply(&Change::PutProgram(shorter));

    let base_rows = field_maps_of(&base);
    let (ours_rows, theirs_rows) = (field_maps_of(&ours), field_maps_of(&theirs));
    let mut plan = plan(&base_rows, &ours_rows, &theirs_rows, &Stamps::new(), &Stamps::new());
    plan.question_inconsistent_rows(&base_rows, &ours_rows, &theirs_rows, &ours);
    let entry = plan.entries.iter().find(|e| e.key.id == p.id).unwrap();
    let Outcome::Conflict(conflict) = &entry.outcome else { panic!("{:?}", entry.outcome) };
    assert!(conflict.inconsistent);
    for side in [Side::Ours, Side::Theirs] {
        let result = merged(&base, &ours, &theirs, Some(side)).unwrap();
        let merged_program = result.program(p.id).unwrap();
        assert!(merged_program.start_year <= merged_program.end_year, "{side:?}");
        let expected = if side == Side::Ours { (2025, 2026) } else { (2023, 2024) };
        assert_eq!((merged_program.start_year, merged_program.end_year), expected);
    }
}
