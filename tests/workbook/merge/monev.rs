//! Agencies report what their programs did after the signing through their copies: a scoped copy fills the
//! realisation and spending of its own programs, never another agency's and never the evaluation (the
//! coordinator's), and the coordinator enforces that on the rows a package brings, whatever the copy's file
//! says.

use rusqlite::Connection;
use smartcity_workbench::model::monev::{evaluation_score_id, realisation_id};
use smartcity_workbench::model::{Change, EvaluationScore, FundingSource, MonevChange, Realisation, Spending};

use super::attacks::{attack_setup, kind, refused_reasons, try_prepare};
use super::*;

/// A demo year in which `program` has a realisation.
fn reported_year(workbook: &Workbook, program: Program) -> (Program, i32) {
    let year =
        workbook.monev.realisations.iter().find(|r| r.program_id == program.id).expect("a demo realisation").year;
    (program, year)
}

fn realisation_edit(realisation: Realisation) -> Edit {
    Edit::one(label(Text::EditRealisation, "x"), Change::Monev(MonevChange::PutRealisation(realisation)))
}

#[test]
fn a_scoped_copy_reports_only_its_own_programs_and_the_report_merges_into_the_coordinator() {
    let mut s = setup(true);
    let mut copy = open(&s.copy_path);
    let (own, year) = reported_year(copy.workbook(), program_of(copy.workbook(), &s.agency, 0));
    let mut mine = copy.workbook().monev.realisation(own.id, year).unwrap().clone();
    mine.note = "Dilaporkan oleh dinas".into();
    commit(&mut copy, realisation_edit(mine.clone()));
    let spent = Spending { program_id: own.id, year, source: FundingSource::Apbd, amount: 123_456_000 };
    commit(&mut copy, Edit::one(label(Text::EditRealisation, "x"), Change::Monev(MonevChange::PutSpending(spent))));

    let other = copy.workbook().programs.iter().find(|p| p.agency_id != Some(s.agency.id)).unwrap().clone();
    let mut theirs = Realisation::new(other.id, year);
    theirs.note = "Bukan program dinas ini".into();
    assert!(matches!(copy.commit(realisation_edit(theirs)), Err(CommitError::OutOfScope(_))));
    let item = copy.workbook().monev.items[0].id;
    let score = EvaluationScore { year, item_id: item, score: 500, evidence: String::new(), note: String::new() };
    let edit = Edit::one(label(Text::EditEvaluationScore, "x"), Change::Monev(MonevChange::PutScore(score)));
    assert!(matches!(copy.commit(edit), Err(CommitError::OutOfScope(_))), "the evaluation is the coordinator's");

    let package = s.dir.join("laporan.smartcity-package");
    workflow::write_package(&mut copy, &package).expect("package written");
    let changed = merge(&mut s.coordinator, &package, None);
    assert_eq!(changed, 2, "the realisation and the spending arrive");
    let here = &s.coordinator.workbook().monev;
    assert_eq!(here.realisation(own.id, year), Some(&mine));
    assert_eq!(here.spending_row(own.id, year, FundingSource::Apbd), Some(&spent));
}

#[test]
fn realisation_written_into_a_copy_with_sqlite_for_another_agency_is_refused_row_by_row() {
    let a = attack_setup();
    let before = file_state(&a.coordinator);
    let (own, year) = reported_year(&before, before.program(a.t.own).unwrap().clone());
    let other = before
        .programs
        .iter()
        .find(|p| p.agency_id != Some(a.agency.id) && before.monev.realisation(p.id, year).is_some())
        .expect("another agency's program reported that year")
        .clone();
    let item = before.monev.items[0].id;
    {
        let conn = Connection::open(&a.copy_path).unwrap();
        let at = "2026-12-01T00:00:00Z";
        for program in [own.id, other.id] {
            let id = realisation_id(program, year).to_string();
            let sql = "UPDATE realisation SET note = 'diubah', updated_at = ?2, changed_by = 'penyerang' WHERE id = ?1";
            assert_eq!(conn.execute(sql, rusqlite::params![id, at]).unwrap(), 1);
        }
        let id = evaluation_score_id(2023, item).to_string();
        let sql = "UPDATE evaluation_score SET score = 500, updated_at = ?2, changed_by = 'penyerang' WHERE id = ?1";
        assert_eq!(conn.execute(sql, rusqlite::params![id, at]).unwrap(), 1);
    }
    let mut copy = open(&a.copy_path);
    let package = a.dir.join("serangan.smartcity-package");
    workflow::write_package(&mut copy, &package).expect("the real copy signs its package");
    drop(copy);

    let prepared = try_prepare(&a.coordinator, &package).expect("a signed package is read");
    let refused = refused_reasons(&prepared);
    let other_row = (kind("realisation"), realisation_id(other.id, year));
    assert!(refused.iter().any(|r| (r.0, r.1) == other_row), "another agency's realisation: {refused:?}");
    assert!(refused.iter().any(|r| r.0 == kind("evaluation_score")), "the evaluation score: {refused:?}");
    let own_row = realisation_id(own.id, year);
    let own_entry = prepared.plan.entries.iter().find(|e| e.key.id == own_row).expect("the copy's own report");
    assert!(matches!(own_entry.outcome, smartcity_workbench::merge::Outcome::Taken { .. }), "{:?}", own_entry.outcome);

    let mut coordinator = open(&a.coordinator);
    let prepared = prepare(&coordinator, &package);
    workflow::apply(&mut coordinator, &prepared).expect("the rest applies");
    let after = &coordinator.workbook().monev;
    assert_eq!(after.realisation(own.id, year).unwrap().note, "diubah");
    assert_eq!(after.realisation(other.id, year), before.monev.realisation(other.id, year));
    assert_eq!(after.scores, before.monev.scores);
}
