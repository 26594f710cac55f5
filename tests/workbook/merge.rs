//! Merging copies of one masterplan through real files: agency copies with their scope, three-way merges with
//! conflicts, idempotence and convergence, change packages (and damaged ones), undo, the history, and the
//! `merge` command line.

mod attacks;
mod bases;
mod monev;
mod property;
mod references;
mod tampered;
mod trust;

use std::path::{Path, PathBuf};

use smartcity_workbench::i18n::Text;
use smartcity_workbench::merge::Side;
use smartcity_workbench::merge::workflow::{self, Prepared};
use smartcity_workbench::model::{Agency, Change, Edit, Program, Workbook};
use smartcity_workbench::store::{CommitError, Origin, Session};

use crate::common::*;

/// The coordinator's workbook (the demo) and an agency copy of it, both open.
struct Setup {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    coordinator: Session,
    copy_path: PathBuf,
    agency: Agency,
}

fn agency_with_programs(workbook: &Workbook) -> Agency {
    let id = workbook.programs.iter().find_map(|p| p.agency_id).expect("a program with an agency");
    workbook.agency(id).unwrap().clone()
}

fn setup(scoped: bool) -> Setup {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "koordinator.smartcity");
    let mut coordinator = open(&path);
    let agency = agency_with_programs(coordinator.workbook());
    let copy_path = dir.path().join("dinas.smartcity");
    coordinator.write_agency_copy(&copy_path, scoped.then_some(&agency)).expect("copy written");
    Setup { dir: dir.path().to_path_buf(), _dir: dir, coordinator, copy_path, agency }
}

fn program_of(workbook: &Workbook, agency: &Agency, nth: usize) -> Program {
    workbook
        .programs
        .iter()
        .filter(|p| p.agency_id == Some(agency.id))
        .nth(nth)
        .expect("a program of the agency")
        .clone()
}

fn put(session: &mut Session, program: Program) {
    commit(session, Edit::one(label(Text::EditProfileField, &program.name), Change::PutProgram(program)));
}

fn prepare(into: &Session, from: &Path) -> Prepared {
    workflow::prepare(into, from, false).unwrap_or_else(|m| panic!("{}", m.show(smartcity_workbench::i18n::Lang::En)))
}

/// Merge `from` into `into`, resolving conflicts one way; returns the rows changed.
fn merge(into: &mut Session, from: &Path, prefer: Option<Side>) -> usize {
    merge_prepared(into, prepare(into, from), prefer)
}

/// Merge a file that is not a signed copy, trusted explicitly.
fn merge_trusting(into: &mut Session, from: &Path, prefer: Option<Side>) -> usize {
    let prepared = workflow::prepare_trusting(into, from, false, true)
        .unwrap_or_else(|m| panic!("{}", m.show(smartcity_workbench::i18n::Lang::En)));
    assert_eq!(prepared.trust, smartcity_workbench::merge::trust::Trust::Unsigned);
    merge_prepared(into, prepared, prefer)
}

fn merge_prepared(into: &mut Session, mut prepared: Prepared, prefer: Option<Side>) -> usize {
    if let Some(side) = prefer {
        prepared.resolve_all(side);
    }
    workflow::apply(into, &prepared).unwrap_or_else(|m| panic!("{}", m.show(smartcity_workbench::i18n::Lang::En)))
}

#[test]
fn a_scoped_copy_edits_only_its_agencys_programs() {
    let s = setup(true);
    let mut copy = open(&s.copy_path);
    assert_eq!(copy.replica().unwrap().scope, Some(s.agency.id));
    assert_eq!(copy.scope().map(|a| a.id), Some(s.agency.id));
    assert_eq!(copy.workbook(), s.coordinator.workbook(), "the copy holds the whole masterplan");

    let mut own = program_of(copy.workbook(), &s.agency, 0);
    own.name = "Diubah oleh dinas".into();
    put(&mut copy, own);

    let other = copy.workbook().programs.iter().find(|p| p.agency_id != Some(s.agency.id)).unwrap().clone();
    let mut changed = other.clone();
    changed.name = "Bukan urusan dinas ini".into();
    let refused = copy.commit(Edit::one(label(Text::EditProfileField, "x"), Change::PutProgram(changed)));
    assert!(matches!(&refused, Err(CommitError::OutOfScope(m)) if m.text == Text::OutOfScope), "{refused:?}");
    let mut profile = copy.workbook().profile.clone();
    profile.vision = "Visi lain".into();
    assert!(matches!(
        copy.commit(Edit::one(label(Text::EditProfileField, "x"), Change::Profile(profile))),
        Err(CommitError::OutOfScope(_))
    ));
    // Moving one of its programs to another agency would take it out of the copy's hands: refused too.
    let mut moved = program_of(copy.workbook(), &s.agency, 0);
    moved.agency_id = other.agency_id;
    assert!(copy.commit(Edit::one(label(Text::EditProfileField, "x"), Change::PutProgram(moved))).is_err());
    assert_eq!(copy.workbook().program(other.id), Some(&other));
    // A new program in the agency's copy is the agency's.
    let added = copy.workbook().new_program(None, "Program baru dinas");
    commit(&mut copy, Edit::one(label(Text::EditAddProgram, "x"), Change::PutProgram(added.clone())));
    assert_eq!(copy.workbook().program(added.id).unwrap().agency_id, Some(s.agency.id));
}

#[test]
fn disjoint_edits_merge_both_ways_converge_and_a_second_merge_changes_nothing() {
    let mut s = setup(true);
    let mut copy = open(&s.copy_path);
    let mut theirs = program_of(copy.workbook(), &s.agency, 0);
    theirs.outputs = "Aplikasi layanan terpadu".into();
    put(&mut copy, theirs.clone());
    let mut ours = s.coordinator.workbook().programs.iter().find(|p| p.agency_id != Some(s.agency.id)).unwrap().clone();
    ours.location = "Kecamatan Konda".into();
    put(&mut s.coordinator, ours.clone());
    drop(copy);

    assert!(merge(&mut s.coordinator, &s.copy_path, None) >= 1);
    assert_eq!(s.coordinator.workbook().program(theirs.id).unwrap().outputs, "Aplikasi layanan terpadu");
    assert_eq!(s.coordinator.workbook().program(ours.id).unwrap().location, "Kecamatan Konda");
    let after_first = s.coordinator.workbook().clone();
    let second = prepare(&s.coordinator, &s.copy_path);
    assert!(second.plan.is_empty(), "{:?}", second.plan.entries);
    assert_eq!(merge(&mut s.coordinator, &s.copy_path, None), 0);
    assert_eq!(s.coordinator.workbook(), &after_first);

    // The agency merges the coordinator's workbook back: both hold the same masterplan.
    let coordinator_path = s.coordinator.path().to_path_buf();
    let mut copy = open(&s.copy_path);
    merge(&mut copy, &coordinator_path, None);
    assert_eq!(copy.workbook(), s.coordinator.workbook());
}

#[test]
fn the_same_field_changed_on_both_sides_conflicts_with_who_and_when_and_resolves_either_way() {
    let mut s = setup(false);
    let mut copy = Session::open(&s.copy_path, "Ani (Dinkes)").unwrap();
    let mut theirs = s.coordinator.workbook().programs[0].clone();
    theirs.name = "Nama dari dinas".into();
    put(&mut copy, theirs.clone());
    drop(copy);
    let mut ours = theirs.clone();
    ours.name = "Nama dari koordinator".into();
    ours.description = "Deskripsi koordinator".into();
    put(&mut s.coordinator, ours);

    let prepared = prepare(&s.coordinator, &s.copy_path);
    assert_eq!(prepared.summary().conflicts, 1);
    let entry = &prepared.plan.entries[0];
    assert_eq!(entry.theirs_stamp.as_ref().map(|s| s.by.as_str()), Some("Ani (Dinkes)"));
    assert_eq!(entry.ours_stamp.as_ref().map(|s| s.by.as_str()), Some(AUTHOR));
    let before = s.coordinator.workbook().clone();
    assert!(workflow::apply(&mut s.coordinator, &prepared).is_err(), "unresolved conflicts are not applied");
    assert_eq!(s.coordinator.workbook(), &before);

    merge(&mut s.coordinator, &s.copy_path, Some(Side::Theirs));
    let merged = s.coordinator.workbook().program(theirs.id).unwrap();
    assert_eq!((merged.name.as_str(), merged.description.as_str()), ("Nama dari dinas", "Deskripsi koordinator"));
}

#[test]
fn deleted_here_and_edited_there_is_shown_and_kept_when_chosen() {
    let mut s = setup(false);
    let mut copy = open(&s.copy_path);
    let mut edited = s.coordinator.workbook().programs[1].clone();
    edited.indicator = "Indikator baru dari dinas".into();
    put(&mut copy, edited.clone());
    drop(copy);
    commit(&mut s.coordinator, Edit::one(label(Text::EditProfileField, "hapus"), Change::RemoveProgram(edited.id)));

    let prepared = prepare(&s.coordinator, &s.copy_path);
    assert_eq!(prepared.summary().conflicts, 1);
    merge(&mut s.coordinator, &s.copy_path, Some(Side::Theirs));
    assert_eq!(s.coordinator.workbook().program(edited.id).unwrap().indicator, "Indikator baru dari dinas");
}

#[test]
fn a_merge_is_one_undo_step_and_can_be_merged_again_after_undo() {
    let mut s = setup(false);
    let mut copy = open(&s.copy_path);
    let agency = new_agency("9.99.77", "Badan Riset Daerah", copy.workbook().next_agency_position());
    commit(&mut copy, Edit::one(label(Text::EditAddAgency, "x"), Change::PutAgency(agency.clone())));
    let mut program = copy.workbook().new_program(None, "Riset kota cerdas");
    program.agency_id = Some(agency.id);
    put(&mut copy, program.clone());
    drop(copy);

    let before = s.coordinator.workbook().clone();
    assert_eq!(merge(&mut s.coordinator, &s.copy_path, None), 2);
    assert_eq!(s.coordinator.workbook().program(program.id).unwrap().agency_id, Some(agency.id));
    s.coordinator.undo().unwrap();
    assert_eq!(s.coordinator.workbook(), &before);
    // Undo put the old base back, so the same file is offered again.
    assert_eq!(prepare(&s.coordinator, &s.copy_path).summary().new, 2);
    s.coordinator.redo().unwrap();
    assert!(prepare(&s.coordinator, &s.copy_path).plan.is_empty());
}

#[test]
fn the_history_says_who_when_and_where_each_change_came_from() {
    let mut s = setup(true);
    let mut copy = Session::open(&s.copy_path, "Budi").unwrap();
    let mut p = program_of(copy.workbook(), &s.agency, 0);
    p.outputs = "Keluaran baru".into();
    put(&mut copy, p);
    drop(copy);
    merge(&mut s.coordinator, &s.copy_path, None);

    let journal = s.coordinator.journal().expect("journal");
    let copy_made = journal.iter().find(|e| e.origin == Origin::Copy).expect("the copy is recorded");
    assert_eq!(copy_made.agency_id, Some(s.agency.id));
    let merged = journal.iter().find(|e| e.origin == Origin::Merge).expect("the merge is recorded");
    assert!(merged.source_file.ends_with("dinas.smartcity"), "{merged:?}");
    assert_eq!(merged.agency_id, Some(s.agency.id));
    assert_eq!(merged.changes, 1);
    assert_eq!(merged.label().text, Text::EditMerge);
    // The agency's own edit arrives in the coordinator's history with its author and place.
    let theirs = journal.iter().find(|e| e.origin == Origin::Edit && e.by == "Budi").expect("the agency's edit");
    assert!(theirs.concerns(s.agency.id));
    assert_eq!(theirs.place, s.agency.label());
    // Merging again adds no entries.
    let count = journal.len();
    merge(&mut s.coordinator, &s.copy_path, None);
    assert_eq!(s.coordinator.journal().expect("journal").len(), count);
}

#[test]
fn a_workbook_of_another_masterplan_is_refused_unless_forced() {
    let s = setup(false);
    let other = demo_file(&s.dir, "lain.smartcity");
    let mut session = open(&other);
    let mut profile = session.workbook().profile.clone();
    profile.masterplan_id = smartcity_workbench::model::new_id();
    commit(&mut session, Edit::one(label(Text::EditProfileField, "x"), Change::Profile(profile)));
    drop(session);
    let refused = workflow::prepare(&s.coordinator, &other, false).err().expect("refused");
    assert_eq!(refused.text, Text::MergeOtherMasterplan);
    let forced = workflow::prepare_trusting(&s.coordinator, &other, true, true).expect("forced");
    assert!(forced.other_masterplan && !forced.has_base);
}

#[test]
fn a_change_package_carries_only_the_changes_and_applies_once() {
    let mut s = setup(true);
    let mut copy = open(&s.copy_path);
    let mut p = program_of(copy.workbook(), &s.agency, 0);
    p.indicator_baseline = "12 layanan daring".into();
    put(&mut copy, p.clone());
    let package = s.dir.join("dinas.smartcity-package");
    let rows = workflow::write_package(&mut copy, &package).unwrap();
    assert_eq!(rows, 1);
    assert!(bytes(&package).len() < bytes(&s.copy_path).len() / 10, "a package is small");
    drop(copy);

    assert_eq!(merge(&mut s.coordinator, &package, None), 1);
    assert_eq!(s.coordinator.workbook().program(p.id).unwrap().indicator_baseline, "12 layanan daring");
    let after = s.coordinator.workbook().clone();
    let again = prepare(&s.coordinator, &package);
    assert!(again.already_applied && again.plan.is_empty());
    assert_eq!(merge(&mut s.coordinator, &package, None), 0);
    assert_eq!(s.coordinator.workbook(), &after);
    let entry =
        s.coordinator.journal().expect("journal").into_iter().find(|e| e.origin == Origin::Package).expect("recorded");
    assert_eq!(entry.agency_id, Some(s.agency.id));
}

#[test]
fn a_corrupt_or_truncated_package_is_refused_with_its_bytes_and_the_target_untouched() {
    let s = setup(true);
    let mut copy = open(&s.copy_path);
    let mut p = program_of(copy.workbook(), &s.agency, 0);
    p.outputs = "x".into();
    put(&mut copy, p);
    let package = s.dir.join("dinas.smartcity-package");
    workflow::write_package(&mut copy, &package).unwrap();
    drop(copy);
    let good = bytes(&package);
    let target = s.coordinator.path().to_path_buf();
    drop(s.coordinator);

    let truncated = s.dir.join("truncated.smartcity-package");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap();
    let mut flipped = good.clone();
    let at = flipped.len() - 20;
    flipped[at] ^= 0x20;
    let corrupt = s.dir.join("corrupt.smartcity-package");
    std::fs::write(&corrupt, &flipped).unwrap();

    for (file, content) in [(&truncated, good[..good.len() / 2].to_vec()), (&corrupt, flipped)] {
        let before = bytes(&target);
        let output = run(&s.dir, &["merge", target.to_str().unwrap(), file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{}", show(&output));
        assert!(text(&output.stderr).contains("damaged or truncated"), "{}", show(&output));
        assert!(bytes(file) == content, "the package's bytes are untouched");
        assert!(bytes(&target) == before, "the target is unchanged");
    }
}

#[test]
fn the_command_line_prints_conflicts_exits_1_and_resolves_with_prefer() {
    let mut s = setup(false);
    let mut copy = open(&s.copy_path);
    let mut theirs = s.coordinator.workbook().programs[0].clone();
    theirs.name = "Nama dinas".into();
    put(&mut copy, theirs.clone());
    drop(copy);
    let mut ours = theirs.clone();
    ours.name = "Nama koordinator".into();
    put(&mut s.coordinator, ours);
    let target = s.coordinator.path().to_path_buf();
    drop(s.coordinator);
    let (into, from) = (target.to_str().unwrap(), s.copy_path.to_str().unwrap());

    let before = bytes(&target);
    let output = run(&s.dir, &["merge", into, from]);
    assert_eq!(output.status.code(), Some(1), "{}", show(&output));
    let out = text(&output.stdout);
    assert!(
        out.contains("Conflict: Program") && out.contains("\"Nama koordinator\"") && out.contains("\"Nama dinas\""),
        "{out}"
    );
    assert!(out.contains("1 conflict (1 without a choice)"), "{out}");
    assert!(bytes(&target) == before, "nothing written while conflicts remain");

    let dry = run(&s.dir, &["merge", into, from, "--dry-run", "--prefer", "theirs"]);
    assert_eq!(dry.status.code(), Some(0), "{}", show(&dry));
    assert!(bytes(&target) == before, "a dry run writes nothing");

    succeeded(&run(&s.dir, &["merge", into, from, "--prefer", "theirs"]));
    assert_eq!(file_state(&target).program(theirs.id).unwrap().name, "Nama dinas");
    let again = succeeded(&run(&s.dir, &["merge", into, from])).stdout.clone();
    assert!(text(&again).contains("0 new · 0 taken · 0 removed · 0 refused · 0 conflicts"), "{}", text(&again));
}

#[test]
fn the_command_line_writes_agency_copies_and_packages() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "k.smartcity");
    let agency = agency_with_programs(&file_state(&path));
    let copy = dir.path().join("copy.smartcity");
    let (p, c) = (path.to_str().unwrap(), copy.to_str().unwrap());
    succeeded(&run(dir.path(), &["agency-copy", p, c, "--agency", &agency.code]));
    assert_eq!(open(&copy).scope().map(|a| a.id), Some(agency.id));
    let package = dir.path().join("p.smartcity-package");
    let output = succeeded(&run(dir.path(), &["package", c, package.to_str().unwrap()])).stdout.clone();
    assert!(text(&output).contains("(0 rows)"), "{}", text(&output));
    succeeded(&run(dir.path(), &["merge", p, package.to_str().unwrap()]));
}

#[test]
fn a_plain_saved_copy_merges_without_a_base_and_the_open_file_itself_is_refused() {
    let mut s = setup(false);
    let saved = s.dir.join("disimpan.smartcity");
    s.coordinator.save_copy(&saved).unwrap();
    let mut other = open(&saved);
    let mut p = other.workbook().programs[0].clone();
    p.name = "Diubah di salinan biasa".into();
    put(&mut other, p);
    drop(other);
    // A saved copy is not a signed copy: refused unless trusted.
    let untrusted = workflow::prepare(&s.coordinator, &saved, false).err().expect("refused");
    assert_eq!(untrusted.text, Text::TrustNotACopy);
    let prepared = workflow::prepare_trusting(&s.coordinator, &saved, false, true).unwrap();
    assert!(!prepared.has_base, "a saved copy shares the identity: no base, every difference shows");
    assert_eq!(prepared.summary().conflicts, 1);
    let own = s.coordinator.path().to_path_buf();
    let refused = workflow::prepare(&s.coordinator, &own, false).err().expect("refused");
    assert_eq!(refused.text, Text::MergeSameCopy);
    merge_trusting(&mut s.coordinator, &saved, Some(Side::Theirs));
    assert_eq!(s.coordinator.workbook().programs[0].name, "Diubah di salinan biasa");
}

#[test]
fn a_scoped_copy_still_receives_the_coordinators_changes_outside_its_scope() {
    let mut s = setup(true);
    let mut profile = s.coordinator.workbook().profile.clone();
    profile.vision = "Visi baru dari koordinator".into();
    commit(&mut s.coordinator, Edit::one(label(Text::EditProfileField, "visi"), Change::Profile(profile)));
    let coordinator_path = s.coordinator.path().to_path_buf();
    let mut copy = open(&s.copy_path);
    assert_eq!(merge(&mut copy, &coordinator_path, None), 1);
    assert_eq!(copy.workbook().profile.vision, "Visi baru dari koordinator");
    assert!(copy.scope().is_some(), "the copy keeps its scope");
}
