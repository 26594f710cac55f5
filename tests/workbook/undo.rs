//! Undo and redo of every kind of edit, through the file; invalid edits change nothing.

use std::path::Path;

use smartcity_workbench::i18n::Text;
use smartcity_workbench::model::{Body, Change, Edit, Field, Workbook};
use smartcity_workbench::seed;
use smartcity_workbench::store::{CommitError, Session};

use crate::common::*;

/// Commit `edit`, then undo and redo it, checking the snapshot, the file, the labels and the revision at
/// each turn. Returns the workbook after the edit.
fn commit_undo_redo(session: &mut Session, path: &Path, edit: Edit) -> Workbook {
    let before = session.workbook().clone();
    let revision = session.revision();
    commit(session, edit.clone());
    let after = session.workbook().clone();
    assert_ne!(before, after, "{:?} changed the workbook", edit.label);
    assert_eq!(file_state(path), after, "{:?} is in the file", edit.label);
    assert_eq!(session.undo_label(), Some(&edit.label));
    assert_eq!(session.redo_label(), None);

    assert_eq!(session.undo(), Ok(Some(edit.label.clone())));
    assert_eq!(session.workbook(), &before, "undo of {:?}", edit.label);
    assert_eq!(file_state(path), before, "undo of {:?} is in the file", edit.label);
    assert_eq!(session.redo_label(), Some(&edit.label));

    assert_eq!(session.redo(), Ok(Some(edit.label.clone())));
    assert_eq!(session.workbook(), &after, "redo of {:?}", edit.label);
    assert_eq!(file_state(path), after, "redo of {:?} is in the file", edit.label);
    assert_eq!(session.undo_label(), Some(&edit.label));
    assert_eq!(session.redo_label(), None);
    assert_eq!(session.revision(), revision + 3, "commit, undo and redo each bump the revision");
    after
}

/// One edit of every kind, built against the workbook as it is when each is made.
fn every_kind_of_edit(session: &mut Session, path: &Path) -> (Vec<Edit>, Vec<Workbook>) {
    let mut edits = Vec::new();
    let mut states = vec![session.workbook().clone()];
    let mut step = |session: &mut Session, edit: Edit| {
        edits.push(edit.clone());
        states.push(commit_undo_redo(session, path, edit));
    };

    let mut profile = session.workbook().profile.clone();
    profile.region_name = "Kabupaten Konawe Selatan (uji)".into();
    profile.period_end = 2035;
    step(session, Edit::one(label(Text::EditProfileField, "region_name"), Change::Profile(profile)));

    let added = new_agency("9.90.01", "Badan Baru", session.workbook().next_agency_position());
    step(session, Edit::one(label(Text::EditAddAgency, "Badan Baru"), Change::PutAgency(added.clone())));

    let mut renamed = session.workbook().agencies[3].clone();
    renamed.name = "Dinas Berganti Nama".into();
    renamed.code = "9.90.02".into();
    step(session, Edit::one(label(Text::EditAgency, "Dinas Berganti Nama"), Change::PutAgency(renamed)));

    let removed = unused_agency(session.workbook());
    step(session, Edit::one(label(Text::EditDeleteAgency, removed.label()), Change::RemoveAgency(removed.id)));

    let member = new_member(session.workbook(), Body::Council, "Anggota Baru", Some(&added));
    step(session, Edit::one(label(Text::EditAddMember, "Anggota Baru"), Change::PutMember(member)));

    let mut changed = session.workbook().members[2].clone();
    changed.role = "Peran yang Diubah".into();
    changed.agency_id = Some(added.id);
    let name = changed.name.clone();
    step(session, Edit::one(label(Text::EditMember, &name), Change::PutMember(changed)));

    let gone = session.workbook().members[4].clone();
    step(session, Edit::one(label(Text::EditDeleteMember, &gone.name), Change::RemoveMember(gone.id)));

    let (first, second) = (session.workbook().agencies[0].clone(), session.workbook().agencies[1].clone());
    step(session, swap_agencies(&first, &second));

    (edits, states)
}

#[test]
fn every_kind_of_edit_undoes_and_redoes_through_the_file() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let (edits, states) = every_kind_of_edit(&mut session, &path);
    assert_eq!(edits.len(), 8);
    assert_eq!(states[0], seed::demo_workbook());

    // All the way back to the workbook as it was opened, one labelled step at a time.
    for (edit, before) in edits.iter().zip(&states).rev() {
        assert_eq!(session.undo_label(), Some(&edit.label));
        assert_eq!(session.undo(), Ok(Some(edit.label.clone())));
        assert_eq!(session.workbook(), before);
    }
    assert_eq!(session.workbook(), &seed::demo_workbook());
    assert_eq!(file_state(&path), seed::demo_workbook());
    assert_eq!(session.undo_label(), None);
    assert_eq!(session.undo(), Ok(None), "nothing is left to undo");
    assert_eq!(session.workbook(), &seed::demo_workbook());

    // And forward again.
    for (edit, after) in edits.iter().zip(&states[1..]) {
        assert_eq!(session.redo_label(), Some(&edit.label));
        assert_eq!(session.redo(), Ok(Some(edit.label.clone())));
        assert_eq!(session.workbook(), after);
    }
    assert_eq!(session.redo(), Ok(None), "nothing is left to redo");
    assert_eq!(file_state(&path), states[8]);

    // A new edit after undoing drops what was undone.
    for _ in 0..3 {
        session.undo().unwrap();
    }
    assert_eq!(session.workbook(), &states[5]);
    assert_eq!(session.redo_label(), Some(&edits[5].label));
    let late = new_agency("9.90.09", "Badan Terlambat", session.workbook().next_agency_position());
    let late_edit = Edit::one(label(Text::EditAddAgency, "Badan Terlambat"), Change::PutAgency(late.clone()));
    commit(&mut session, late_edit.clone());
    assert_eq!(session.redo_label(), None);
    assert_eq!(session.redo(), Ok(None));
    assert_eq!(session.undo_label(), Some(&late_edit.label));
    assert_eq!(session.undo(), Ok(Some(late_edit.label.clone())));
    assert_eq!(session.workbook(), &states[5]);
    assert_eq!(session.undo_label(), Some(&edits[4].label), "the history before the new edit is kept");

    // The file holds the undone state after the session closes.
    drop(session);
    assert_eq!(open(&path).workbook(), &states[5]);
}

#[test]
fn undo_is_saved_in_the_file() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let kept = new_agency("9.91.01", "Badan Tetap", session.workbook().next_agency_position());
    commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Tetap"), Change::PutAgency(kept.clone())));
    let undone = new_agency("9.91.02", "Badan Batal", session.workbook().next_agency_position());
    commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Batal"), Change::PutAgency(undone.clone())));
    let after_first = {
        session.undo().unwrap();
        session.workbook().clone()
    };
    drop(session);

    let reopened = open(&path);
    assert_eq!(reopened.workbook(), &after_first);
    assert_eq!(reopened.workbook().agency(kept.id), Some(&kept));
    assert_eq!(reopened.workbook().agency(undone.id), None);
}

#[test]
fn removing_a_scored_and_linked_readiness_item_is_one_step_that_undo_restores_whole() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let before = session.workbook().clone();
    let item = before.readiness_items.iter().find(|i| i.code == "SU-01").unwrap().id;
    assert!(before.scores.iter().any(|s| s.item_id == item));
    assert!(before.programs.iter().any(|p| p.readiness_items.contains(&item)));

    let changes = session.workbook().remove_readiness_item(item);
    commit(&mut session, Edit::new(label(Text::EditDeleteItem, "SU-01"), changes));
    let after = session.workbook().clone();
    assert!(after.readiness_item(item).is_none());
    assert!(!after.scores.iter().any(|s| s.item_id == item), "its scores went with it");
    assert!(!after.programs.iter().any(|p| p.readiness_items.contains(&item)), "no program still names it");
    assert_eq!(file_state(&path), after);

    session.undo().unwrap();
    assert_eq!(session.workbook(), &before, "one undo restores the item, its scores and its links");
    assert_eq!(file_state(&path), before);
}

/// Everything an invalid edit must leave alone.
#[derive(Debug, PartialEq)]
struct Untouched {
    workbook: Workbook,
    revision: u64,
    undo_label: Option<smartcity_workbench::i18n::Message>,
    redo_label: Option<smartcity_workbench::i18n::Message>,
    file: Vec<u8>,
    wal: Option<Vec<u8>>,
}

fn untouched(session: &Session, path: &Path) -> Untouched {
    let wal = with_suffix(path, "-wal");
    Untouched {
        workbook: session.workbook().clone(),
        revision: session.revision(),
        undo_label: session.undo_label().cloned(),
        redo_label: session.redo_label().cloned(),
        file: bytes(path),
        wal: wal.exists().then(|| bytes(&wal)),
    }
}

fn refused_fields(result: Result<(), CommitError>) -> Vec<Field> {
    match result {
        Err(CommitError::Invalid(problems)) => problems.iter().map(|p| p.field).collect(),
        other => panic!("expected CommitError::Invalid, got {other:?}"),
    }
}

#[test]
fn an_invalid_edit_changes_neither_file_nor_snapshot_nor_revision() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    // One valid edit first, so there is an undo step and a redo step that must survive.
    let a = new_agency("9.92.01", "Badan Sah", session.workbook().next_agency_position());
    commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Sah"), Change::PutAgency(a.clone())));
    let b = new_agency("9.92.02", "Badan Sah Kedua", session.workbook().next_agency_position());
    commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Sah Kedua"), Change::PutAgency(b)));
    session.undo().unwrap();
    let state = untouched(&session, &path);
    assert!(state.redo_label.is_some());

    let wb = session.workbook().clone();
    let mut nameless = wb.profile.clone();
    nameless.region_name = "   ".into();
    let empty_name = Edit::one(label(Text::EditProfileField, "region_name"), Change::Profile(nameless));

    let duplicate = new_agency(&format!(" {} ", wb.agencies[2].code.to_lowercase()), "Badan Kembar", 900);
    let duplicate_code = Edit::one(label(Text::EditAddAgency, "Badan Kembar"), Change::PutAgency(duplicate));

    let in_use = used_agency(&wb);
    let remove_used = Edit::one(label(Text::EditDeleteAgency, in_use.label()), Change::RemoveAgency(in_use.id));

    // A valid change followed by an invalid one: the valid one must not stay behind either.
    let fine = new_agency("9.92.03", "Badan Separuh", 901);
    let mut backwards = wb.profile.clone();
    backwards.period_end = backwards.period_start - 1;
    let half_valid = Edit::new(
        label(Text::EditAddAgency, "Badan Separuh"),
        vec![Change::PutAgency(fine.clone()), Change::Profile(backwards)],
    );

    let stray = new_member(&wb, Body::Team, "Anggota Tersesat", Some(&new_agency("0", "tidak ada", 0)));
    let unknown_agency = Edit::one(label(Text::EditAddMember, "Anggota Tersesat"), Change::PutMember(stray));

    let cases = [
        (empty_name, vec![Field::RegionName]),
        (duplicate_code, vec![Field::AgencyCode]),
        (remove_used, vec![Field::Row]),
        (half_valid, vec![Field::PeriodEnd]),
        (unknown_agency, vec![Field::MemberAgency]),
    ];
    for (edit, fields) in cases {
        let name = format!("{:?}", edit.label);
        assert_eq!(refused_fields(session.commit(edit)), fields, "{name}");
        assert!(untouched(&session, &path) == state, "{name} left everything as it was");
        assert_eq!(file_state(&path), state.workbook, "{name}");
    }
    assert_eq!(session.workbook().agency(fine.id), None);

    // The redo step is still there and still works.
    session.redo().unwrap();
    let expected = session.workbook().clone();
    drop(session);
    assert_eq!(open(&path).workbook(), &expected);
}

#[test]
fn finance_edits_undo_and_redo_through_the_file() {
    use smartcity_workbench::model::{FinanceValue, ValueKind};
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let value = |line: &str, year, kind, amount, is_estimate| FinanceValue {
        line: line.into(),
        year,
        kind,
        amount,
        is_estimate,
    };
    let edits = [
        Change::PutFinanceValue(value("4", 2027, ValueKind::Budgeted, 1_500_000_000_000, true)),
        Change::PutFinanceValue(value("old:4.1", 2019, ValueKind::Realised, 83_000_000_000, false)),
        Change::PutFinanceValue(value("4.1", 2022, ValueKind::Budgeted, 78_500_000_000, false)),
        Change::RemoveFinanceValue { line: "old:4.1.1".into(), year: 2016, kind: ValueKind::Budgeted },
        Change::PutFinanceSettings(None),
    ];
    for change in edits {
        let edit = Edit::one(label(Text::EditFinanceValue, "APBD"), change);
        commit_undo_redo(&mut session, &path, edit);
    }
    let mut settings = session.workbook().projection_settings();
    assert!(session.workbook().finance_settings.is_none(), "back to the defaults");
    settings.envelope_bp = 250;
    settings.rates.insert("5.1.1".into(), -300);
    settings.rates.insert("4.2.2".into(), 0);
    let edit = Edit::one(Text::EditProjectionSettings, Change::PutFinanceSettings(Some(settings.clone())));
    let after = commit_undo_redo(&mut session, &path, edit);
    assert_eq!(after.finance_settings, Some(settings));

    // A value in the other layout of its year, or beyond Rp 100 triliun, is refused and changes nothing.
    let before = session.workbook().clone();
    let mixed = Change::PutFinanceValue(value("4.1", 2019, ValueKind::Budgeted, 1, false));
    let huge = Change::PutFinanceValue(value("4", 2030, ValueKind::Budgeted, 100_000_000_000_001, false));
    assert_eq!(
        refused_fields(session.commit(Edit::one(label(Text::EditFinanceValue, "x"), mixed))),
        [Field::FinanceLine]
    );
    assert_eq!(
        refused_fields(session.commit(Edit::one(label(Text::EditFinanceValue, "x"), huge))),
        [Field::FinanceAmount]
    );
    assert_eq!(session.workbook(), &before);
    drop(session);
    assert_eq!(open(&path).workbook(), &before);
}
