//! The strategy in the file: the demo's narrative round-trips, a strategy that programs name cannot be deleted
//! without deciding about them (the file never holds a dangling link), undo restores links through the file,
//! and `info --json` reports the counts and gaps.

use smartcity_workbench::i18n::Text;
use smartcity_workbench::model::{Change, Edit, ProgramDisposal, StrategyChange};
use smartcity_workbench::seed;
use smartcity_workbench::store::CommitError;

use crate::common::*;

#[test]
fn the_demo_strategy_and_program_links_survive_the_file() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "konsel.smartcity");
    let demo = seed::demo_workbook();
    let read = file_state(&path);
    assert_eq!(read.strategy, demo.strategy);
    assert_eq!(read.programs, demo.programs);
    assert!(read.programs.iter().filter(|p| p.strategy_id.is_some()).count() > 40);
}

#[test]
fn a_strategy_named_by_programs_is_deleted_only_with_its_programs_decided_and_undo_restores_them() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "konsel.smartcity");
    let mut session = open(&path);
    let workbook = session.workbook().clone();
    let strategy = workbook.strategy.strategies.iter().find(|s| s.code == "S-GOV-1").unwrap().clone();
    let other = workbook.strategy.strategies.iter().find(|s| s.code == "S-GOV-2").unwrap().id;
    let carried: Vec<_> = workbook.programs_of_strategy(strategy.id).map(|p| p.id).collect();
    assert_eq!(carried.len(), 3);

    // Alone, the removal is refused and nothing is written.
    let alone = Edit::one(
        label(Text::EditDeleteStrategic, "S-GOV-1"),
        Change::Strategy(StrategyChange::RemoveStrategy(strategy.id)),
    );
    match session.commit(alone) {
        Err(CommitError::Invalid(problems)) => assert_eq!(problems[0].message.text, Text::StrategyInUse),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(file_state(&path), workbook);

    let moved = Edit::new(
        label(Text::EditDeleteStrategic, "S-GOV-1"),
        session.workbook().remove_strategy(strategy.id, ProgramDisposal::MoveTo(other)),
    );
    commit(&mut session, moved);
    let after = file_state(&path);
    assert!(after.strategy.strategy(strategy.id).is_none());
    for id in &carried {
        assert_eq!(after.program(*id).unwrap().strategy_id, Some(other));
    }
    assert_eq!(&after, session.workbook());

    session.undo().unwrap();
    assert_eq!(file_state(&path), workbook);
    session.redo().unwrap();
    session.undo().unwrap();
    drop(session);
    assert_eq!(file_state(&path), workbook);
}

#[test]
fn info_json_reports_the_strategy_counts_and_gaps() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "konsel.smartcity");
    let info = info_json(dir.path(), &path);
    let strategy = &info["strategy"];
    assert_eq!(strategy["issues"], 11);
    assert_eq!(strategy["swot_entries"], 26);
    assert_eq!(strategy["regional_goals"], 4);
    assert_eq!(strategy["directions"], 24);
    assert_eq!(strategy["strategies"], 21);
    assert_eq!(strategy["indicators"], 8);
    assert_eq!(strategy["gaps"]["strategies_without_programs"], 1);
    assert_eq!(strategy["gaps"]["programs_without_strategy"], 3);
    assert_eq!(strategy["gaps"]["elements_without_direction"], 0);

    // Unlinking one program and removing an element's direction shows in the next report.
    let mut session = open(&path);
    let wb = session.workbook().clone();
    let program = wb.programs.iter().find(|p| p.code == "ENV-EN-01").unwrap().clone();
    let energy = wb.strategy.strategies.iter().find(|s| s.code == "S-ENV-3").unwrap().clone();
    let mut changes = wb.remove_strategy(energy.id, ProgramDisposal::Unlink);
    changes.extend(
        wb.strategy
            .indicators_of(energy.direction_id)
            .map(|i| Change::Strategy(StrategyChange::RemoveIndicator(i.id)))
            .chain([Change::Strategy(StrategyChange::RemoveDirection(energy.direction_id))]),
    );
    commit(&mut session, Edit::new(label(Text::EditDeleteStrategic, "S-ENV-3"), changes));
    drop(session);
    assert_eq!(file_state(&path).program(program.id).unwrap().strategy_id, None);
    let info = info_json(dir.path(), &path);
    // ENV-EN-01 and ENV-EN-02 lose their strategy; energy loses its direction.
    assert_eq!(info["strategy"]["gaps"]["programs_without_strategy"], 5);
    assert_eq!(info["strategy"]["gaps"]["elements_without_direction"], 1);
    assert_eq!(info["strategy"]["strategies"], 20);
}
