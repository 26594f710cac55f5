//! Quick wins through the file: every kind of row survives a round trip, marking a set is one undo step,
//! removing a program keeps its scores for the undo, bad rows are refused, and `info --json` reports the
//! marked quick wins with their scores and total cost.

use smartcity_workbench::analysis::quick_wins::{PickerSettings, Window, propose, ranking};
use smartcity_workbench::i18n::Message;
use smartcity_workbench::i18n::Text;
use smartcity_workbench::model::quick_wins::{Attendee, CriterionScore, Decision, DecisionKind, Vote, Workshop};
use smartcity_workbench::model::{Change, Edit, QuickWinChange, new_id};
use smartcity_workbench::store::{CommitError, schema};

use crate::common::*;

fn qw(change: QuickWinChange) -> Change {
    Change::QuickWin(change)
}

#[test]
fn the_quick_win_migration_has_its_version_number() {
    let sql = schema::MIGRATIONS[schema::QUICK_WINS_VERSION as usize - 1];
    assert!(sql.contains("CREATE TABLE qw_criterion") && sql.contains("CREATE TABLE workshop_vote"));
}

#[test]
fn every_quick_win_row_survives_a_round_trip_through_the_file() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let demo = file_state(&path);
    assert_eq!(demo.quick_wins, smartcity_workbench::seed::demo_workbook().quick_wins);
    assert!(!demo.quick_wins.scores.is_empty() && !demo.quick_wins.decisions.is_empty());

    let mut session = open(&path);
    let wb = session.workbook().clone();
    let program = wb.programs[0].id;
    let workshop = Workshop {
        id: new_id(),
        title: "Tahap IV".into(),
        date: "2021-11-30".into(),
        place: "Andoolo".into(),
        stage: 4,
        notes: "Penandatanganan komitmen".into(),
        position: 1,
    };
    let group = smartcity_workbench::model::quick_wins::ParticipantGroup {
        id: new_id(),
        workshop_id: workshop.id,
        name: "OPD".into(),
        position: 9,
    };
    let criterion = wb.quick_wins.criteria[1].clone();
    let changes = vec![
        qw(QuickWinChange::PutWorkshop(workshop.clone())),
        qw(QuickWinChange::PutGroup(group.clone())),
        qw(QuickWinChange::PutVote(Vote { group_id: group.id, program_id: program, dots: 4 })),
        qw(QuickWinChange::PutAttendee(Attendee {
            id: new_id(),
            workshop_id: workshop.id,
            name: "Kepala Bappeda".into(),
            role: "Anggota".into(),
            present: true,
            position: 50,
        })),
        qw(QuickWinChange::PutDecision(Decision {
            id: new_id(),
            workshop_id: workshop.id,
            kind: DecisionKind::ProgramMoved,
            program_id: Some(program),
            text: "ke Smart Living".into(),
            position: 50,
        })),
        qw(QuickWinChange::PutScore(CriterionScore { program_id: program, criterion_id: criterion.id, score: 1 })),
        qw(QuickWinChange::PutCriterion(smartcity_workbench::model::quick_wins::Criterion { weight: 40, ..criterion })),
    ];
    commit(&mut session, Edit::new(Message::new(Text::QwEditDecision), changes));
    let expected = session.workbook().clone();
    drop(session);
    assert_eq!(file_state(&path), expected, "what was committed is what the file holds");
}

#[test]
fn marking_the_proposed_set_is_one_undo_step() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let before = session.workbook().clone();
    let window = Window::first_year_of(&before);
    let ranked = ranking(&before, window);
    let settings = PickerSettings {
        cap: 1_000_000_000,
        window,
        within_12_months: true,
        min_agency_readiness: Some(4),
        cover: vec![],
    };
    let proposal = propose(&before, &ranked, &settings);
    assert!(!proposal.chosen.is_empty() && proposal.cost <= 1_000_000_000);
    let workshop = before.quick_wins.workshops[0].id;
    // The same edit the picker's "Mark as quick wins" button builds.
    let mut changes = Vec::new();
    for p in &before.programs {
        let chosen = proposal.chosen.contains(&p.id);
        if p.quick_win != chosen {
            changes.push(Change::PutProgram(smartcity_workbench::model::Program { quick_win: chosen, ..p.clone() }));
        }
    }
    changes.push(qw(QuickWinChange::PutDecision(Decision {
        id: new_id(),
        workshop_id: workshop,
        kind: DecisionKind::QuickWinChosen,
        program_id: proposal.chosen.first().copied(),
        text: String::new(),
        position: 99,
    })));
    commit(&mut session, Edit::new(Message::new(Text::QwEditDecision), changes));
    let marked: Vec<_> = session.workbook().programs.iter().filter(|p| p.quick_win).map(|p| p.id).collect();
    let mut chosen = proposal.chosen.clone();
    chosen.sort();
    let mut marked_sorted = marked.clone();
    marked_sorted.sort();
    assert_eq!(marked_sorted, chosen);
    session.undo().unwrap();
    assert_eq!(session.workbook(), &before, "one undo restores the marks and the minutes");
    drop(session);
    assert_eq!(file_state(&path), before);
}

#[test]
fn removing_a_program_keeps_its_scores_so_undo_brings_everything_back() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let before = session.workbook().clone();
    let voted = before.quick_wins.votes[0].program_id;
    commit(&mut session, Edit::one(Message::new(Text::QwEditDecision), Change::RemoveProgram(voted)));
    let ranked = ranking(session.workbook(), Window::first_year_of(session.workbook()));
    assert!(ranked.iter().all(|r| r.program != voted), "a removed program is not ranked");
    session.undo().unwrap();
    assert_eq!(session.workbook(), &before);
    drop(session);
    assert_eq!(file_state(&path), before);
}

#[test]
fn bad_quick_win_rows_are_refused_and_nothing_is_written() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let before = session.workbook().clone();
    let program = before.programs[0].id;
    let criterion = before.quick_wins.criteria[0].id;
    let workshop = before.quick_wins.workshops[0].clone();
    let bad = [
        qw(QuickWinChange::PutScore(CriterionScore { program_id: program, criterion_id: criterion, score: 6 })),
        qw(QuickWinChange::PutScore(CriterionScore { program_id: new_id(), criterion_id: criterion, score: 3 })),
        qw(QuickWinChange::PutVote(Vote { group_id: new_id(), program_id: program, dots: 1 })),
        qw(QuickWinChange::PutWorkshop(Workshop { date: "2021-02-30".into(), ..workshop.clone() })),
        qw(QuickWinChange::PutWorkshop(Workshop { stage: 5, ..workshop.clone() })),
        qw(QuickWinChange::RemoveWorkshop(workshop.id)),
        qw(QuickWinChange::RemoveCriterion(criterion)),
    ];
    for change in bad {
        // A valid first change in the same edit is not written either.
        let good =
            qw(QuickWinChange::PutScore(CriterionScore { program_id: program, criterion_id: criterion, score: 2 }));
        let result = session.commit(Edit::new(Message::new(Text::QwEditDecision), vec![good, change.clone()]));
        assert!(matches!(result, Err(CommitError::Invalid(_))), "{change:?} was refused");
        assert_eq!(session.workbook(), &before);
    }
    drop(session);
    assert_eq!(file_state(&path), before);
}

#[test]
fn info_json_reports_the_marked_quick_wins_with_scores_and_total_cost() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let info = info_json(dir.path(), &path);
    let q = &info["quick_wins"];
    let demo = smartcity_workbench::seed::demo_workbook();
    let marked: Vec<_> = demo.programs.iter().filter(|p| p.quick_win).collect();
    assert_eq!(q["count"], marked.len());
    let first_year: i64 = marked.iter().map(|p| p.cost_in_year(2022)).sum();
    let total: i64 = marked.iter().map(|p| p.total_cost()).sum();
    assert_eq!((q["first_year_cost"].as_i64(), q["total_cost"].as_i64()), (Some(first_year), Some(total)));
    assert_eq!(q["first_year"], 2022);
    let programs = q["programs"].as_array().unwrap();
    assert!(programs.iter().all(|p| p["score"].as_f64().is_some_and(|s| (1.0..=5.0).contains(&s))));
    assert!(programs.windows(2).all(|w| w[0]["rank"].as_u64() < w[1]["rank"].as_u64()), "in ranking order");
    assert_eq!(q["criteria"].as_array().unwrap().len(), 6);
}
