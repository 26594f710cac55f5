//! Workbooks tampered with outside the app, and the command line around the trust boundary: a copy whose scope
//! or key was changed with SQLite, a workbook that was never a copy (`--trust`), options that must never apply a
//! refused row, merging twice, and re-issuing a copy (`agency-copy PATH --reissue CODE [DEST]`).

use rusqlite::Connection;
use smartcity_workbench::signing;

use super::attacks::{
    Attack, STOLEN, assert_only_own_change_applied, assert_refused_per_row, assert_refused_whole, attack_setup,
    attack_with_sqlite, honest_package, text_of, try_prepare,
};
use super::*;

fn sqlite(path: &Path, sql: &str) {
    Connection::open(path).expect("opens in SQLite").execute_batch(sql).expect(sql);
}

fn merge_cli(a: &Attack, from: &Path, extra: &[&str]) -> std::process::Output {
    let (into, file) = (a.coordinator.to_str().unwrap(), from.to_str().unwrap());
    run(&a.dir, &[&["merge", into, file][..], extra].concat())
}

#[test]
fn a_copy_whose_scope_was_set_to_null_with_sqlite_is_still_held_to_our_record_of_it() {
    let a = attack_setup();
    attack_with_sqlite(&a.copy_path, &a.t);
    sqlite(&a.copy_path, "UPDATE replica SET scope_agency_id = NULL");
    assert_eq!(open(&a.copy_path).scope(), None, "the copy now believes it may change everything");
    let before = file_state(&a.coordinator);
    let prepared = try_prepare(&a.coordinator, &a.copy_path).expect("still our copy, by its key");
    assert_eq!(prepared.trust.scope(), Some(a.agency.id));
    assert_refused_per_row(&a, &prepared);
    drop(prepared);
    let output = succeeded(&merge_cli(&a, &a.copy_path, &["--prefer", "theirs", "--force"])).stdout.clone();
    assert!(text(&output).contains("Refused: Profile"), "{}", text(&output));
    assert_only_own_change_applied(&a, &before);
}

#[test]
fn a_copy_whose_signing_key_was_replaced_or_removed_is_refused_whole() {
    let a = attack_setup();
    attack_with_sqlite(&a.copy_path, &a.t);
    let (secret, _) = signing::generate().unwrap();
    sqlite(&a.copy_path, &format!("UPDATE replica SET signing_key = '{secret}'"));
    assert_refused_whole(&a, &a.copy_path, Text::TrustKeyMismatch);
    sqlite(&a.copy_path, "UPDATE replica SET signing_key = NULL");
    assert_refused_whole(&a, &a.copy_path, Text::TrustKeyMismatch);
}

#[test]
fn a_workbook_that_was_never_a_copy_merges_only_with_trust_and_then_says_so() {
    let a = attack_setup();
    let stranger = demo_file(&a.dir, "kiriman.smartcity");
    let mut session = open(&stranger);
    let mut program = session.workbook().programs[0].clone();
    program.name = "Dari berkas tak dikenal".into();
    put(&mut session, program.clone());
    drop(session);

    let before = bytes(&a.coordinator);
    let refused = merge_cli(&a, &stranger, &["--prefer", "theirs", "--force"]);
    assert_eq!(refused.status.code(), Some(1), "{}", show(&refused));
    assert!(text(&refused.stderr).contains("This file is not a signed copy of this workbook"), "{}", show(&refused));
    assert!(text(&refused.stderr).contains("--trust"), "{}", show(&refused));
    assert!(bytes(&a.coordinator) == before, "nothing written without --trust");

    let trusted = succeeded(&merge_cli(&a, &stranger, &["--trust", "--prefer", "theirs"])).stdout.clone();
    let out = text(&trusted);
    assert!(out.contains("This file is not a signed copy; every change is taken as if made here."), "{out}");
    assert_eq!(file_state(&a.coordinator).program(program.id).unwrap().name, "Dari berkas tak dikenal");
}

#[test]
fn prefer_theirs_and_force_never_apply_a_refused_row_even_one_in_conflict() {
    let a = attack_setup();
    // The coordinator renamed the other agency's program too: on that row both sides changed.
    let mut coordinator = open(&a.coordinator);
    let mut other = coordinator.workbook().program(a.t.other).unwrap().clone();
    other.name = "Nama dari koordinator".into();
    put(&mut coordinator, other);
    drop(coordinator);
    attack_with_sqlite(&a.copy_path, &a.t);
    let before = file_state(&a.coordinator);
    let prepared = try_prepare(&a.coordinator, &a.copy_path).unwrap();
    assert_eq!(prepared.summary().conflicts, 0, "a refused row is not a conflict to resolve");
    drop(prepared);

    let output = succeeded(&merge_cli(&a, &a.copy_path, &["--prefer", "theirs", "--force"])).stdout.clone();
    assert!(text(&output).contains("Refused: Program"), "{}", text(&output));
    assert_only_own_change_applied(&a, &before);
    assert_eq!(file_state(&a.coordinator).program(a.t.other).unwrap().name, "Nama dari koordinator");
    // The API's own path: every conflict resolved for theirs, and still the refused rows stay ours.
    let mut session = open(&a.coordinator);
    let mut again = workflow::prepare(&session, &a.copy_path, true).unwrap();
    again.resolve_all(Side::Theirs);
    workflow::apply(&mut session, &again).unwrap();
    assert_eq!(session.workbook().program(a.t.other).unwrap().name, "Nama dari koordinator");
}

#[test]
fn merging_a_tampered_copy_twice_changes_nothing_the_second_time_and_still_lists_the_refused_rows() {
    let a = attack_setup();
    attack_with_sqlite(&a.copy_path, &a.t);
    let mut coordinator = open(&a.coordinator);
    assert_eq!(merge(&mut coordinator, &a.copy_path, Some(Side::Theirs)), 1, "only the copy's own program");
    let after_first = coordinator.workbook().clone();
    let second = prepare(&coordinator, &a.copy_path);
    assert_refused_per_row_again(&second);
    assert_eq!(merge(&mut coordinator, &a.copy_path, Some(Side::Theirs)), 0);
    assert_eq!(coordinator.workbook(), &after_first);
    let money = coordinator.workbook().program(a.t.other).unwrap().budget.iter().any(|l| l.amount == STOLEN);
    assert!(!money);
}

/// The second time, the refused rows are refused again (not shown as removed here) and nothing else is planned.
fn assert_refused_per_row_again(prepared: &Prepared) {
    let summary = prepared.summary();
    assert!(summary.refused >= 4, "{summary:?}");
    assert_eq!((summary.new, summary.taken, summary.removed, summary.conflicts), (0, 0, 0, 0), "{summary:?}");
}

#[test]
fn a_signed_copy_and_the_coordinator_converge_after_merging_both_ways_through_a_package() {
    let a = attack_setup();
    let package = honest_package(&a, "dinas.smartcity-package");
    let mut coordinator = open(&a.coordinator);
    let mut profile = coordinator.workbook().profile.clone();
    profile.vision = "Visi koordinator".into();
    commit(&mut coordinator, Edit::one(label(Text::EditProfileField, "visi"), Change::Profile(profile)));
    assert_eq!(merge(&mut coordinator, &package, None), 1);
    drop(coordinator);
    let mut copy = open(&a.copy_path);
    merge(&mut copy, &a.coordinator, None);
    assert_eq!(copy.workbook(), &file_state(&a.coordinator));
    drop(copy);
    let coordinator = open(&a.coordinator);
    assert!(prepare(&coordinator, &a.copy_path).plan.is_empty(), "nothing left to merge either way");
}

#[test]
fn reissuing_a_copy_on_the_command_line_revokes_the_old_one_and_never_overwrites_a_file() {
    let a = attack_setup();
    let old_package = honest_package(&a, "dinas.smartcity-package");
    let path = a.coordinator.to_str().unwrap();
    let output = succeeded(&run(&a.dir, &["agency-copy", path, "--reissue", &a.agency.code])).stdout.clone();
    assert!(text(&output).contains("the old copy is revoked"), "{}", text(&output));

    let records = open(&a.coordinator).issued_copies().unwrap();
    assert_eq!(records.len(), 2);
    assert!(records[0].revoked_at.is_some(), "the old copy is revoked");
    let new = &records[1];
    assert!(new.revoked_at.is_none() && new.scope == Some(a.agency.id), "{new:?}");
    let day: String = new.issued_at.chars().take(10).filter(char::is_ascii_digit).collect();
    let stem: String = a.agency.short_name.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    let default = a.dir.join(format!("{stem}-{day}.smartcity"));
    assert_eq!(Path::new(&new.file), default, "the default name beside the workbook");
    let new_copy = open(&default);
    let secret = new_copy.signing_key().unwrap().expect("a new key");
    assert_eq!(signing::public_of(&secret).as_deref(), Some(new.public_key.as_str()));
    assert_eq!(new_copy.scope().map(|s| s.id), Some(a.agency.id), "the same scope");
    drop(new_copy);

    // Again the same day: the default name exists, so nothing is written over it, and nothing is revoked.
    let existing = bytes(&default);
    let again = run(&a.dir, &["agency-copy", path, "--reissue", &a.agency.code]);
    assert_eq!(again.status.code(), Some(1), "{}", show(&again));
    assert!(text(&again.stderr).contains("already exists"), "{}", show(&again));
    assert!(bytes(&default) == existing, "the existing file is untouched");
    assert!(open(&a.coordinator).issued_copies().unwrap()[1].revoked_at.is_none());

    // The old copy's packages and workbook are refused; the new copy's package merges.
    assert_refused_whole(&a, &old_package, Text::TrustRevoked);
    let refused = merge_cli(&a, &a.copy_path, &[]);
    assert!(text_of(&refused).contains("re-issued or revoked"), "{}", show(&refused));
    let mut new_copy = open(&default);
    let mut own = new_copy.workbook().program(a.t.own).unwrap().clone();
    own.outputs = "Dari salinan baru".into();
    put(&mut new_copy, own);
    let package = a.dir.join("baru.smartcity-package");
    workflow::write_package(&mut new_copy, &package).unwrap();
    drop(new_copy);
    succeeded(&merge_cli(&a, &package, &[]));
    assert_eq!(file_state(&a.coordinator).program(a.t.own).unwrap().outputs, "Dari salinan baru");
}
