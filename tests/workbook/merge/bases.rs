//! The base of each merge moves on: change packages send only what changed since the last package (removals
//! included), workbook merges start from the two copies' latest meeting whichever side recorded it, a copy of
//! a scoped copy keeps the scope, and a package goes to the copy's origin.

use super::*;

fn add_program(session: &mut Session, agency: &Agency, name: &str) -> Program {
    let mut added = session.workbook().new_program(None, name);
    added.agency_id = Some(agency.id);
    commit(session, Edit::one(label(Text::EditAddProgram, name), Change::PutProgram(added.clone())));
    added
}

fn remove_program(session: &mut Session, program: &Program) {
    commit(session, Edit::one(label(Text::EditAddProgram, "x"), Change::RemoveProgram(program.id)));
}

fn rename(session: &mut Session, program: &Program, name: &str) -> Program {
    let mut renamed = session.workbook().program(program.id).unwrap().clone();
    renamed.name = name.into();
    put(session, renamed.clone());
    renamed
}

fn package(copy: &mut Session, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.smartcity-package"));
    workflow::write_package(copy, &path).unwrap();
    path
}

#[test]
fn a_removal_after_a_package_travels_in_the_next_package() {
    let mut s = setup(true);
    let mut copy = open(&s.copy_path);
    let added = add_program(&mut copy, &s.agency, "NEW-01");
    let first = package(&mut copy, &s.dir, "1");
    merge(&mut s.coordinator, &first, None);
    assert!(s.coordinator.workbook().program(added.id).is_some());

    remove_program(&mut copy, &added);
    let second = package(&mut copy, &s.dir, "2");
    let prepared = prepare(&s.coordinator, &second);
    assert_eq!(prepared.summary().removed, 1, "{:?}", prepared.plan.entries);
    merge(&mut s.coordinator, &second, None);
    assert!(s.coordinator.workbook().program(added.id).is_none(), "the agency's removal arrived");
}

#[test]
fn a_later_package_does_not_bring_back_what_the_coordinator_removed() {
    let mut s = setup(true);
    let mut copy = open(&s.copy_path);
    let added = add_program(&mut copy, &s.agency, "NEW-02");
    let first = package(&mut copy, &s.dir, "1");
    merge(&mut s.coordinator, &first, None);
    remove_program(&mut s.coordinator, &added);

    let other = program_of(copy.workbook(), &s.agency, 0);
    rename(&mut copy, &other, "Diubah sesudah paket pertama");
    let second = package(&mut copy, &s.dir, "2");
    let prepared = prepare(&s.coordinator, &second);
    assert_eq!(prepared.summary().new, 0, "{:?}", prepared.plan.entries);
    assert_eq!(merge(&mut s.coordinator, &second, None), 1);
    assert!(s.coordinator.workbook().program(added.id).is_none(), "the coordinator's removal stands");
    assert_eq!(s.coordinator.workbook().program(other.id).unwrap().name, "Diubah sesudah paket pertama");
}

#[test]
fn a_removal_after_the_copy_merged_the_coordinator_is_not_undone() {
    let mut s = setup(true);
    let coordinator_path = s.coordinator.path().to_path_buf();
    let added = add_program(&mut s.coordinator, &s.agency, "NEW-01");
    let mut copy = open(&s.copy_path);
    merge(&mut copy, &coordinator_path, None);
    assert!(copy.workbook().program(added.id).is_some());
    drop(copy);
    remove_program(&mut s.coordinator, &added);
    let prepared = prepare(&s.coordinator, &s.copy_path);
    assert!(prepared.plan.is_empty(), "{:?}", prepared.plan.entries);
    merge(&mut s.coordinator, &s.copy_path, None);
    assert!(s.coordinator.workbook().program(added.id).is_none());
}

#[test]
fn a_revert_after_the_copy_merged_the_coordinator_is_kept() {
    let mut s = setup(true);
    let coordinator_path = s.coordinator.path().to_path_buf();
    let p = program_of(s.coordinator.workbook(), &s.agency, 0);
    rename(&mut s.coordinator, &p, "Nama sementara");
    let mut copy = open(&s.copy_path);
    merge(&mut copy, &coordinator_path, None);
    drop(copy);
    rename(&mut s.coordinator, &p, &p.name);
    let prepared = prepare(&s.coordinator, &s.copy_path);
    assert!(prepared.plan.is_empty(), "{:?}", prepared.plan.entries);
    merge(&mut s.coordinator, &s.copy_path, None);
    assert_eq!(s.coordinator.workbook().program(p.id).unwrap().name, p.name);
    // And the copy takes the revert.
    let mut copy = open(&s.copy_path);
    assert_eq!(merge(&mut copy, &coordinator_path, None), 1);
    assert_eq!(copy.workbook().program(p.id).unwrap().name, p.name);
}

#[test]
fn both_sides_preferring_their_own_name_still_converge() {
    let mut s = setup(true);
    let coordinator_path = s.coordinator.path().to_path_buf();
    let p = program_of(s.coordinator.workbook(), &s.agency, 0);
    rename(&mut s.coordinator, &p, "Nama koordinator");
    let mut copy = open(&s.copy_path);
    rename(&mut copy, &p, "Nama dinas");
    drop(copy);
    merge(&mut s.coordinator, &s.copy_path, Some(Side::Ours));
    let mut copy = open(&s.copy_path);
    merge(&mut copy, &coordinator_path, Some(Side::Ours));
    assert_eq!(copy.workbook().program(p.id).unwrap().name, "Nama koordinator", "the coordinator decided");
    assert_eq!(merge(&mut copy, &coordinator_path, None), 0);
    drop(copy);
    assert_eq!(merge(&mut s.coordinator, &s.copy_path, None), 0);
    assert_eq!(file_state(&s.copy_path).programs, s.coordinator.workbook().programs);
}

#[test]
fn a_copy_of_a_scoped_copy_keeps_its_scope() {
    let s = setup(true);
    let mut copy = open(&s.copy_path);
    let further = s.dir.join("lanjutan.smartcity");
    copy.write_agency_copy(&further, None).unwrap();
    assert_eq!(open(&further).replica().unwrap().scope, Some(s.agency.id), "no wider than its origin");
    let other = copy.workbook().agencies.iter().find(|a| a.id != s.agency.id).unwrap().clone();
    let refused = copy.write_agency_copy(&s.dir.join("lain.smartcity"), Some(&other)).expect_err("refused");
    assert_eq!(refused.text, Text::OutOfScope);
    assert!(!s.dir.join("lain.smartcity").exists());
}

#[test]
fn a_package_goes_to_the_origin_even_after_a_further_copy_and_a_saved_copy_is_no_peer() {
    let mut s = setup(true);
    let mut copy = open(&s.copy_path);
    let own = copy.replica().unwrap().id;
    let p = program_of(copy.workbook(), &s.agency, 0);
    rename(&mut copy, &p, "Nama baru");
    copy.write_agency_copy(&s.dir.join("lanjutan.smartcity"), None).unwrap();
    let path = s.dir.join("p.smartcity-package");
    assert_eq!(workflow::write_package(&mut copy, &path).unwrap(), 1, "the coordinator has not seen the change");
    merge(&mut s.coordinator, &path, None);
    assert_eq!(s.coordinator.workbook().program(p.id).unwrap().name, "Nama baru");

    let saved = s.dir.join("disimpan.smartcity");
    copy.save_copy(&saved).unwrap();
    merge_trusting(&mut copy, &saved, None);
    assert!(copy.peers().expect("peers").iter().all(|(peer, _)| peer.id != own), "never its own peer");
}

#[test]
fn a_program_deleted_and_added_again_under_its_code_merges() {
    let mut s = setup(true);
    let mut copy = open(&s.copy_path);
    let old = program_of(copy.workbook(), &s.agency, 0);
    remove_program(&mut copy, &old);
    let mut again = copy.workbook().new_program(None, "Lagi");
    again.agency_id = Some(s.agency.id);
    again.code = old.code.clone();
    commit(&mut copy, Edit::one(label(Text::EditAddProgram, "Lagi"), Change::PutProgram(again.clone())));
    drop(copy);
    merge(&mut s.coordinator, &s.copy_path, None);
    assert!(s.coordinator.workbook().program(old.id).is_none());
    assert_eq!(s.coordinator.workbook().program(again.id).unwrap().code, old.code);
}

#[test]
fn an_older_package_after_a_newer_one_is_refused_and_does_not_bring_back_a_removed_program() {
    let mut s = setup(true);
    let mut copy = open(&s.copy_path);
    let added = add_program(&mut copy, &s.agency, "NEW-02");
    let first = package(&mut copy, &s.dir, "1");
    // History times are whole seconds: the removal is made in a later second than the first package, as a
    // person's next edit would be.
    let made = smartcity_workbench::store::now_iso();
    while smartcity_workbench::store::now_iso() == made {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    remove_program(&mut copy, &added);
    let second = package(&mut copy, &s.dir, "2");
    drop(copy);

    merge(&mut s.coordinator, &second, None);
    let before = s.coordinator.workbook().clone();
    let refused = workflow::prepare(&s.coordinator, &first, false).err().expect("the older package is refused");
    assert_eq!(refused.text, Text::PackageOlderThanApplied);
    assert_eq!(s.coordinator.workbook(), &before);
    assert!(s.coordinator.workbook().program(added.id).is_none());
    // The newer package itself stays harmless to apply again.
    assert_eq!(prepare(&s.coordinator, &second).summary(), Default::default());
}
