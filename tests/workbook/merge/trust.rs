//! The trust boundary, tried as an attacker would: copies are signed, their scope is the coordinator's own
//! record, and every refused file leaves the coordinator's workbook byte for byte as it was.

use super::*;

#[test]
fn writing_a_copy_gives_it_a_key_and_the_coordinator_its_public_key_and_scope() {
    let s = setup(true);
    let copy = open(&s.copy_path);
    let secret = copy.signing_key().unwrap().expect("the copy holds its secret key");
    let records = s.coordinator.issued_copies().unwrap();
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record.copy_id, copy.replica().unwrap().id);
    assert_eq!(record.scope, Some(s.agency.id));
    assert_eq!(smartcity_workbench::signing::public_of(&secret).as_deref(), Some(record.public_key.as_str()));
    assert!(record.revoked_at.is_none());
    // The coordinator keeps no secret of its own: it was never made as a copy.
    assert_eq!(s.coordinator.signing_key().unwrap(), None);
}

#[test]
fn a_copy_that_cannot_be_written_leaves_no_record() {
    let mut s = setup(false);
    let before = s.coordinator.issued_copies().unwrap().len();
    let nowhere = s.dir.join("no-such-folder").join("copy.smartcity");
    s.coordinator.write_agency_copy(&nowhere, None).expect_err("no folder");
    assert_eq!(s.coordinator.issued_copies().unwrap().len(), before);
}
