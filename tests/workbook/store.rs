//! Round trips through the file, one writer per workbook, the closed file and copies.

use smartcity_workbench::i18n::Text;
use smartcity_workbench::model::{Body, Change, Edit};
use smartcity_workbench::seed;
use smartcity_workbench::store::{self, CommitError, ReadOnlyReason, Session, schema};

use crate::common::*;

#[test]
fn a_new_file_loads_back_the_workbook_it_was_written_from() {
    let dir = temp_dir();
    let demo = seed::demo_workbook();
    let path = demo_file(dir.path(), "demo.smartcity");

    let session = open(&path);
    assert_eq!(session.workbook(), &demo);
    assert_eq!(session.read_only(), None);
    assert_eq!(session.file_version(), schema::CURRENT_VERSION);
    assert_eq!(session.revision(), 0);
    assert_eq!(session.undo_label(), None);
    drop(session);

    let conn = plain_read_only(&path);
    assert_eq!(pragma_i32(&conn, "application_id"), schema::APPLICATION_ID);
    assert_eq!(pragma_i32(&conn, "user_version"), schema::CURRENT_VERSION);
    assert_eq!(schema::schema_objects(&conn).unwrap(), schema::expected_objects(schema::CURRENT_VERSION).unwrap());

    // An empty new workbook round-trips too.
    let empty = seed::new_workbook("Kota Baru", 2027);
    let empty_path = dir.path().join("empty.smartcity");
    store::write_new_file(&empty_path, &empty, AUTHOR).unwrap();
    assert_eq!(open(&empty_path).workbook(), &empty);
}

#[test]
fn committed_edits_are_in_the_file_after_reopening() {
    let dir = temp_dir();
    let demo = seed::demo_workbook();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);

    let mut profile = demo.profile.clone();
    profile.vision = "Konawe Selatan cerdas 2031 (uji)".into();
    commit(&mut session, Edit::one(label(Text::EditProfileField, "vision"), Change::Profile(profile.clone())));

    let added = new_agency("9.99.01", "Badan Uji Coba", session.workbook().next_agency_position());
    commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Uji Coba"), Change::PutAgency(added.clone())));

    let mut edited = demo.agencies[5].clone();
    edited.name = "Dinas yang Diganti Namanya".into();
    edited.short_name = "DDN".into();
    commit(&mut session, Edit::one(label(Text::EditAgency, "DDN"), Change::PutAgency(edited.clone())));

    let (first, second) = (demo.agencies[0].clone(), demo.agencies[1].clone());
    commit(&mut session, swap_agencies(&first, &second));

    let member = new_member(session.workbook(), Body::Team, "Anggota Uji", Some(&added));
    commit(&mut session, Edit::one(label(Text::EditAddMember, "Anggota Uji"), Change::PutMember(member.clone())));

    let deleted = demo.members[0].clone();
    commit(&mut session, Edit::one(label(Text::EditDeleteMember, &deleted.name), Change::RemoveMember(deleted.id)));

    assert_eq!(session.revision(), 6);
    let expected = session.workbook().clone();
    drop(session);

    let reopened = open(&path);
    let wb = reopened.workbook();
    assert_eq!(wb, &expected);
    assert_eq!(wb.profile, profile);
    assert_eq!(wb.agency(added.id), Some(&added));
    assert_eq!(wb.agency(edited.id), Some(&edited));
    assert_eq!(wb.agencies[0].id, second.id, "the second agency moved up");
    assert_eq!(wb.agencies[1].id, first.id, "the first agency moved down");
    assert_eq!(wb.agencies.len(), demo.agencies.len() + 1);
    assert_eq!(wb.member(member.id).and_then(|m| m.agency_id), Some(added.id));
    assert_eq!(wb.member(deleted.id), None);
    assert_eq!(wb.members.len(), demo.members.len());
    assert_eq!(reopened.undo_label(), None, "the undo history belongs to the session, not the file");
}

#[test]
fn a_second_session_on_the_same_file_is_read_only_until_the_first_closes() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut first = open(&path);
    assert_eq!(first.read_only(), None);
    assert!(store::is_in_use(&path));
    let added = new_agency("9.99.02", "Badan Pertama", first.workbook().next_agency_position());
    commit(&mut first, Edit::one(label(Text::EditAddAgency, "Badan Pertama"), Change::PutAgency(added.clone())));

    let mut second = open(&path);
    assert_eq!(second.read_only(), Some(&ReadOnlyReason::InUse));
    assert_eq!(second.workbook(), first.workbook(), "the second session sees what the first committed");
    let other = new_agency("9.99.03", "Badan Kedua", 500);
    let result = second.commit(Edit::one(label(Text::EditAddAgency, "Badan Kedua"), Change::PutAgency(other.clone())));
    assert_eq!(result, Err(CommitError::ReadOnly));
    assert_eq!(second.undo(), Err(CommitError::ReadOnly));
    drop(second);
    assert!(store::is_in_use(&path), "dropping the read-only session keeps the first one's lock");

    drop(first);
    assert!(!store::is_in_use(&path));
    let mut again = open(&path);
    assert_eq!(again.read_only(), None);
    assert_eq!(again.workbook().agency(added.id), Some(&added));
    commit(&mut again, Edit::one(label(Text::EditAddAgency, "Badan Kedua"), Change::PutAgency(other.clone())));
    drop(again);
    assert_eq!(file_state(&path).agency(other.id), Some(&other));
}

#[test]
fn a_closed_workbook_is_one_complete_file() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let added = new_agency("9.99.04", "Badan Penutup", session.workbook().next_agency_position());
    commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Penutup"), Change::PutAgency(added.clone())));
    assert!(with_suffix(&path, "-wal").exists(), "an open workbook journals in WAL mode");
    drop(session);

    assert_eq!(sidecars(&path), Vec::<std::path::PathBuf>::new());
    let header = bytes(&path);
    assert_eq!((header[18], header[19]), (1, 1), "the closed file is back in rollback-journal mode");
    let conn = plain_read_only(&path);
    assert_eq!(pragma_i32(&conn, "application_id"), schema::APPLICATION_ID);
    let codes = agency_codes(&conn);
    assert_eq!(codes.len(), seed::demo_workbook().agencies.len() + 1);
    assert_eq!(codes.last().map(String::as_str), Some("9.99.04"));
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);
    assert_eq!(sidecars(&path), Vec::<std::path::PathBuf>::new(), "reading left nothing behind");

    // `close` does the same as dropping.
    let mut session = open(&path);
    let more = new_agency("9.99.05", "Badan Kedua Penutup", session.workbook().next_agency_position());
    commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Kedua Penutup"), Change::PutAgency(more)));
    session.close();
    assert_eq!(sidecars(&path), Vec::<std::path::PathBuf>::new());
    assert_eq!(agency_codes(&plain_read_only(&path)).last().map(String::as_str), Some("9.99.05"));
}

#[test]
fn save_copy_writes_a_workbook_that_opens_equal() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let mut session = open(&path);
    let added = new_agency("9.99.06", "Badan Salinan", session.workbook().next_agency_position());
    commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Salinan"), Change::PutAgency(added)));
    let expected = session.workbook().clone();

    let copy = dir.path().join("copy.smartcity");
    std::fs::write(&copy, b"an older file the copy replaces").unwrap();
    session.save_copy(&copy).expect("copy saved");
    assert_eq!(session.path(), path.as_path(), "the session stays on the original");

    // The copy is complete by itself while the original is still open.
    assert_eq!(sidecars(&copy), Vec::<std::path::PathBuf>::new());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new(), "no temporary file is left behind");
    let conn = plain_read_only(&copy);
    assert_eq!(pragma_i32(&conn, "application_id"), schema::APPLICATION_ID);
    assert_eq!(pragma_i32(&conn, "user_version"), schema::CURRENT_VERSION);
    drop(conn);
    let header = store::read_header(&copy).unwrap();
    assert_eq!((header.application_id, header.user_version), (schema::APPLICATION_ID, schema::CURRENT_VERSION));

    let copied = Session::open(&copy, AUTHOR).expect("the copy opens");
    assert_eq!(copied.read_only(), None, "the copy has its own lock");
    assert_eq!(copied.workbook(), &expected);
    drop(copied);
    drop(session);
    assert_eq!(open(&path).workbook(), &expected);
}
