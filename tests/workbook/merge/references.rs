//! Merges whose two sides are each valid but would not be together: a removal the other side still uses, a
//! code both sides added, and edits of different fields that make an invalid row. Each is a question in the
//! plan, never a refused merge, and every merged change passes the model's validation through a real session.

use super::*;

/// The coordinator with one more agency (no programs yet), and an unscoped copy made after it was added.
fn setup_with_spare_agency() -> (Setup, Agency) {
    let mut s = setup(false);
    let agency = Agency {
        id: smartcity_workbench::model::new_id(),
        code: "9.98.01".into(),
        name: "Badan Cadangan".into(),
        short_name: "BC".into(),
        position: s.coordinator.workbook().next_agency_position(),
    };
    commit(&mut s.coordinator, Edit::one(label(Text::EditProfileField, "badan"), Change::PutAgency(agency.clone())));
    s.coordinator.write_agency_copy(&s.copy_path, None).expect("copy written again");
    (s, agency)
}

#[test]
fn an_agency_removed_by_the_coordinator_stays_for_the_program_an_agency_added_under_it() {
    let (mut s, agency) = setup_with_spare_agency();
    let mut copy = open(&s.copy_path);
    let mut program = copy.workbook().new_program(None, "Program badan cadangan");
    program.agency_id = Some(agency.id);
    put(&mut copy, program.clone());
    drop(copy);
    commit(&mut s.coordinator, Edit::one(label(Text::EditProfileField, "hapus"), Change::RemoveAgency(agency.id)));

    let prepared = prepare(&s.coordinator, &s.copy_path);
    assert_eq!((prepared.summary().new, prepared.summary().conflicts), (1, 1));
    // "Ours" would keep the removal, but the incoming program needs the agency: the preference keeps it.
    merge(&mut s.coordinator, &s.copy_path, Some(Side::Ours));
    let workbook = s.coordinator.workbook();
    assert!(workbook.agency(agency.id).is_some());
    assert_eq!(workbook.program(program.id).unwrap().agency_id, Some(agency.id));
}

#[test]
fn one_program_code_added_in_both_copies_merges_into_one_program() {
    let mut s = setup(false);
    let mut copy = open(&s.copy_path);
    let mut there = copy.workbook().new_program(None, "Aplikasi impor (dinas)");
    there.code = "IMP-01".into();
    put(&mut copy, there);
    drop(copy);
    let mut here = s.coordinator.workbook().new_program(None, "Aplikasi impor");
    here.code = "IMP-01".into();
    put(&mut s.coordinator, here.clone());

    merge(&mut s.coordinator, &s.copy_path, Some(Side::Theirs));
    let imported: Vec<&Program> = s.coordinator.workbook().programs.iter().filter(|p| p.code == "IMP-01").collect();
    assert_eq!(imported.len(), 1);
    assert_eq!((imported[0].id, imported[0].name.as_str()), (here.id, "Aplikasi impor (dinas)"));
}

#[test]
fn a_start_year_past_the_other_sides_end_year_is_a_conflict_resolved_per_side() {
    let mut s = setup(false);
    let original = s
        .coordinator
        .workbook()
        .programs
        .iter()
        .find(|p| p.end_year - p.start_year >= 2)
        .expect("a program of three years or more")
        .clone();
    let mut copy = open(&s.copy_path);
    let mut shorter = original.clone();
    shorter.end_year = original.start_year;
    shorter.budget.retain(|l| l.year <= shorter.end_year);
    shorter.targets.retain(|t| t.year <= shorter.end_year);
    put(&mut copy, shorter.clone());
    drop(copy);
    let mut later = original.clone();
    later.start_year = original.start_year + 1;
    later.budget.retain(|l| l.year >= later.start_year);
    later.targets.retain(|t| t.year >= later.start_year);
    put(&mut s.coordinator, later.clone());

    let prepared = prepare(&s.coordinator, &s.copy_path);
    assert_eq!(prepared.summary().conflicts, 1, "not a merge refused by validation");
    merge(&mut s.coordinator, &s.copy_path, Some(Side::Theirs));
    let merged = s.coordinator.workbook().program(original.id).unwrap();
    assert_eq!((merged.start_year, merged.end_year), (shorter.start_year, shorter.end_year));
}
