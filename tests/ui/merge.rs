//! Merging through the app: the File menu's agency copy, merge preview with a conflict chosen per field, the
//! agency copy's badge and scope, and the History view with its filters.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use smartcity_workbench::i18n::Message;
use smartcity_workbench::i18n::Text;
use smartcity_workbench::model::{Change, Edit};
use smartcity_workbench::store::Session;
use smartcity_workbench::ui::{App, Command, Startup, View};

use crate::{app, demo_copy, execute, retype};

fn open_file_menu_item(harness: &mut Harness<'static, App>, item: &str) {
    harness.get_by_label("Berkas").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

fn choose_path(harness: &mut Harness<'static, App>, path: &Path) {
    retype(harness, "Lokasi berkas", &path.display().to_string());
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
}

fn edit_program(path: &Path, author: &str, change: impl FnOnce(&mut smartcity_workbench::model::Program)) -> String {
    let mut session = Session::open(path, author).unwrap();
    let mut program = session.workbook().programs[0].clone();
    change(&mut program);
    let name = program.name.clone();
    let label = Message::with(Text::EditProfileField, ["program"]);
    session.commit(Edit::one(label, Change::PutProgram(program))).unwrap();
    name
}

#[test]
fn merging_from_the_file_menu_shows_the_conflict_and_applies_the_choice_as_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let copy = dir.path().join("dinas.smartcity");
    Session::open(&path, "koordinator").unwrap().write_agency_copy(&copy, None).unwrap();
    edit_program(&copy, "Ani", |p| {
        p.name = "Nama dari dinas".into();
        p.location = "Kecamatan Konda".into();
    });
    edit_program(&path, "koordinator", |p| p.name = "Nama dari koordinator".into());

    let mut harness = app(Startup::Path(path.clone()), dir.path());
    let before = harness.state().session().unwrap().workbook().clone();
    open_file_menu_item(&mut harness, "Gabungkan dari workbook…");
    choose_path(&mut harness, &copy);

    harness.get_by_label_contains("1 konflik (1 belum dipilih)");
    harness.get_by_label_contains("Ani ·");
    assert!(harness.get_by_role_and_label(Role::Button, "Gabungkan").accesskit_node().is_disabled(), "conflicts first");
    assert_eq!(harness.state().session().unwrap().workbook(), &before, "nothing changes in the preview");

    harness.get_by_label("Pakai yang masuk: Nama").click();
    harness.run();
    harness.get_by_label_contains("0 belum dipilih");
    harness.get_by_role_and_label(Role::Button, "Gabungkan").click();
    harness.run();

    let workbook = harness.state().session().unwrap().workbook().clone();
    assert_eq!(workbook.programs[0].name, "Nama dari dinas");
    assert_eq!(workbook.programs[0].location, "Kecamatan Konda", "the field changed there only is taken");
    assert!(
        harness.state().status_text().contains("Digabungkan dari dinas.smartcity"),
        "{}",
        harness.state().status_text()
    );
    assert!(harness.state().merge_ui().preview().is_none());

    execute(&mut harness, Command::Undo);
    assert_eq!(harness.state().session().unwrap().workbook(), &before, "one undo step undoes the merge");
}

#[test]
fn an_agency_copy_made_in_the_app_opens_badged_and_edits_only_its_programs() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let mut harness = app(Startup::Path(path.clone()), dir.path());
    open_file_menu_item(&mut harness, "Buat salinan untuk dinas…");
    harness.get_by_label("Hanya program dinas ini yang dapat diedit");
    harness.get_by_role_and_label(Role::Button, "Lanjut…").click();
    harness.run();
    let copy = dir.path().join("untuk-setda.smartcity");
    choose_path(&mut harness, &copy);
    assert!(
        harness.state().status_text().contains("Salinan untuk Setda tersimpan"),
        "{}",
        harness.state().status_text()
    );
    drop(harness);

    let mut harness = app(Startup::Path(copy.clone()), dir.path());
    execute(&mut harness, Command::Show(View::Profile));
    let session = harness.state().session().unwrap();
    assert_eq!(session.scope().map(|a| a.short_name.as_str()), Some("Setda"));
    assert!(harness.query_all_by_label_contains("Salinan Setda").count() >= 2, "badge in navigation and status bar");
    harness.get_by_label_contains("hanya program Sekretariat Daerah yang dapat diubah");
    // The profile is shown but not editable in the agency's copy.
    assert!(harness.get_by_role_and_label(Role::TextInput, "Nama daerah").accesskit_node().is_disabled());

    // Another agency's program opens read-only, saying why; its own programs stay editable.
    let workbook = harness.state().session().unwrap().workbook().clone();
    let setda = workbook.agencies.iter().find(|a| a.short_name == "Setda").unwrap().id;
    let own = workbook.programs.iter().find(|p| p.agency_id == Some(setda)).unwrap().id;
    let other = workbook.programs.iter().find(|p| p.agency_id.is_some_and(|a| a != setda)).unwrap().id;
    execute(&mut harness, Command::Show(View::Programs));
    harness.state_mut().programs_mut().open(other);
    harness.run();
    harness.get_by_label_contains("di salinan dinas ini hanya dapat dilihat");
    assert!(harness.get_by_role_and_label(Role::TextInput, "Nama program").accesskit_node().is_disabled());
    harness.state_mut().programs_mut().open(own);
    harness.run();
    assert!(harness.query_by_label_contains("di salinan dinas ini hanya dapat dilihat").is_none());
    assert!(!harness.get_by_role_and_label(Role::TextInput, "Nama program").accesskit_node().is_disabled());
}

#[test]
fn the_history_view_lists_changes_with_their_origin_and_filters_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    edit_program(&path, "Rina", |p| p.outputs = "Keluaran baru".into());
    let mut harness = app(Startup::Path(path.clone()), dir.path());
    harness.get_by_label("Riwayat").click();
    harness.run();
    harness.get_by_label("Rina");
    harness.get_by_label("diubah di sini");
    harness.get_by_label_contains("1 dari 1 entri");

    harness.get_by_role_and_label(Role::TextInput, "Sampai tanggal").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Sampai tanggal").type_text("2000-01-01");
    harness.run();
    harness.get_by_label_contains("0 dari 1 entri");
    harness.get_by_label("Belum ada perubahan yang tercatat.");
}

#[test]
fn a_workbook_of_another_masterplan_is_refused_until_force_is_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let other = dir.path().join("lain.smartcity");
    let mut workbook = smartcity_workbench::seed::demo_workbook();
    workbook.profile.masterplan_id = smartcity_workbench::model::new_id();
    smartcity_workbench::store::write_new_file(&other, &workbook, "test").unwrap();

    let mut harness = app(Startup::Path(path.clone()), dir.path());
    open_file_menu_item(&mut harness, "Gabungkan dari workbook…");
    choose_path(&mut harness, &other);
    harness.get_by_label_contains("milik masterplan lain");
    assert!(harness.state().merge_ui().preview().is_none(), "no preview of another masterplan");
    assert!(harness.get_by_role_and_label(Role::Button, "Lanjut…").accesskit_node().is_disabled());
    harness.get_by_label("Paksa: gabungkan juga workbook dari masterplan lain").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Lanjut…").click();
    harness.run();
    // Forced, it is still not a signed copy of this workbook: trusting it is a second, explicit choice.
    harness.get_by_label_contains("bukan salinan bertanda tangan");
    assert!(harness.state().merge_ui().preview().is_none(), "no preview of an unsigned file before trusting it");
    harness.get_by_label("Percayai berkas ini").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Lanjut…").click();
    harness.run();
    harness.get_by_label("Peringatan: workbook dari masterplan lain.");
    harness.get_by_label(
        "Berkas ini bukan salinan bertanda tangan; setiap perubahan diterima seolah-olah dibuat di sini.",
    );
    assert!(harness.state().merge_ui().preview().is_some_and(|p| p.prepared.other_masterplan));
}

#[test]
fn a_removed_agency_that_an_incoming_program_uses_is_a_question_and_its_removal_is_refused_in_the_preview() {
    use smartcity_workbench::model::{Agency, new_id};
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let agency = {
        let mut session = Session::open(&path, "koordinator").unwrap();
        let agency = Agency {
            id: new_id(),
            code: "9.98.01".into(),
            name: "Badan Cadangan".into(),
            short_name: "BC".into(),
            position: session.workbook().next_agency_position(),
        };
        let label = Message::with(Text::EditProfileField, ["badan"]);
        session.commit(Edit::one(label, Change::PutAgency(agency.clone()))).unwrap();
        agency
    };
    let copy = dir.path().join("dinas.smartcity");
    Session::open(&path, "koordinator").unwrap().write_agency_copy(&copy, None).unwrap();
    {
        let mut session = Session::open(&copy, "Ani").unwrap();
        let mut program = session.workbook().new_program(None, "Program badan cadangan");
        program.agency_id = Some(agency.id);
        let label = Message::with(Text::EditProfileField, ["program"]);
        session.commit(Edit::one(label, Change::PutProgram(program))).unwrap();
        let mut coordinator = Session::open(&path, "koordinator").unwrap();
        let label = Message::with(Text::EditProfileField, ["hapus"]);
        coordinator.commit(Edit::one(label, Change::RemoveAgency(agency.id))).unwrap();
    }

    let mut harness = app(Startup::Path(path.clone()), dir.path());
    let before = harness.state().session().unwrap().workbook().clone();
    open_file_menu_item(&mut harness, "Gabungkan dari workbook…");
    choose_path(&mut harness, &copy);
    harness.get_by_label_contains("Masih dipakai oleh: Program badan cadangan");

    // Keeping the removal would leave the new program without its agency: refused, nothing changes.
    harness.get_by_label("Pakai di sini: 9.98.01 Badan Cadangan").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Gabungkan").click();
    harness.run();
    harness.get_by_label_contains("masih memakainya");
    assert_eq!(harness.state().session().unwrap().workbook(), &before);

    harness.get_by_label("Pakai yang masuk: 9.98.01 Badan Cadangan").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Gabungkan").click();
    harness.run();
    let workbook = harness.state().session().unwrap().workbook().clone();
    assert!(workbook.agency(agency.id).is_some(), "the agency is back");
    assert!(workbook.programs.iter().any(|p| p.name == "Program badan cadangan" && p.agency_id == Some(agency.id)));
}

#[test]
fn the_preview_lists_each_row_a_scoped_copy_may_not_change_as_refused_with_its_reason_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let copy = dir.path().join("dinas.smartcity");
    let (agency, own, other) = {
        let mut session = Session::open(&path, "koordinator").unwrap();
        let workbook = session.workbook().clone();
        let own = workbook.programs.iter().find(|p| p.agency_id.is_some()).unwrap().clone();
        let agency = workbook.agency(own.agency_id.unwrap()).unwrap().clone();
        let other = workbook.programs.iter().find(|p| p.agency_id.is_some_and(|a| a != agency.id)).unwrap().clone();
        session.write_agency_copy(&copy, Some(&agency)).unwrap();
        (agency, own, other)
    };
    // Edited outside the app, with SQLite: its own program, another agency's program and the profile.
    let conn = rusqlite::Connection::open(&copy).unwrap();
    conn.execute("UPDATE program SET outputs = 'Keluaran dinas' WHERE id = ?1", [own.id.to_string()]).unwrap();
    conn.execute("UPDATE program SET name = 'Diambil alih' WHERE id = ?1", [other.id.to_string()]).unwrap();
    conn.execute("UPDATE profile SET vision = 'Visi palsu'", []).unwrap();
    drop(conn);

    let mut harness = app(Startup::Path(path.clone()), dir.path());
    let before = harness.state().session().unwrap().workbook().clone();
    open_file_menu_item(&mut harness, "Gabungkan dari workbook…");
    choose_path(&mut harness, &copy);
    harness.get_by_label_contains("0 baru · 1 diambil · 0 dihapus · 2 ditolak · 0 konflik");
    assert_eq!(harness.query_all_by_label(" Ditolak ").count(), 2, "each refused row has its badge");
    let reason = format!("— Salinan {0} hanya boleh mengubah program {0}", agency.label());
    assert_eq!(harness.query_all_by_label(&reason).count(), 2, "each refused row says why");
    harness.get_by_label(&format!("Program: {} Diambil alih", other.code));
    harness.get_by_label_contains("Profil: ");
    assert!(!harness.get_by_role_and_label(Role::Button, "Gabungkan").accesskit_node().is_disabled());
    harness.get_by_role_and_label(Role::Button, "Gabungkan").click();
    harness.run();

    let workbook = harness.state().session().unwrap().workbook().clone();
    assert_eq!(workbook.program(own.id).unwrap().outputs, "Keluaran dinas", "its own change merges");
    assert_eq!(workbook.program(other.id), before.program(other.id), "the refused rows stay as they were");
    assert_eq!(workbook.profile, before.profile);
}

#[test]
fn the_file_menu_re_issues_a_copy_listed_in_its_dialog_and_revokes_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let mut harness = app(Startup::Path(path.clone()), dir.path());
    harness.get_by_label("Berkas").click();
    harness.run();
    assert!(
        harness.get_by_label("Terbitkan ulang salinan…").accesskit_node().is_disabled(),
        "nothing to re-issue before a copy was issued"
    );
    drop(harness);

    let copy = dir.path().join("dinas.smartcity");
    let agency = {
        let mut session = Session::open(&path, "koordinator").unwrap();
        let id = session.workbook().programs.iter().find_map(|p| p.agency_id).unwrap();
        let agency = session.workbook().agency(id).unwrap().clone();
        session.write_agency_copy(&copy, Some(&agency)).unwrap();
        agency
    };
    let mut harness = app(Startup::Path(path.clone()), dir.path());
    open_file_menu_item(&mut harness, "Terbitkan ulang salinan…");
    harness.get_by_label("Terbitkan ulang salinan dinas");
    harness.get_by_label(agency.label());
    harness.get_by_label("dinas.smartcity");
    harness.get_by_label("aktif");
    harness.get_by_role_and_label(Role::Button, &format!("Terbitkan ulang: {}", agency.label())).click();
    harness.run();

    // The path dialog suggests the same name as the command line: beside the workbook, agency and date.
    let session = harness.state().session().unwrap();
    let old = session.issued_copies().unwrap()[0].clone();
    let suggested = session.reissue_destination(&old);
    let name = suggested.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&format!("{}-", agency.short_name)) && name.ends_with(".smartcity"), "{name}");
    let field = harness.get_by_role_and_label(Role::TextInput, "Lokasi berkas");
    assert_eq!(field.accesskit_node().value().as_deref(), Some(suggested.display().to_string().as_str()));
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();

    let status = harness.state().status_text();
    assert!(status.contains("diterbitkan ulang") && status.contains("salinan lama dicabut"), "{status}");
    let records = harness.state().session().unwrap().issued_copies().unwrap();
    assert_eq!(records.len(), 2);
    assert!(records[0].revoked_at.is_some(), "the old copy is revoked");
    assert!(records[1].revoked_at.is_none() && records[1].scope == Some(agency.id));
    assert!(suggested.is_file(), "the new copy is written");
    let new_copy = Session::open_read_only(&suggested, "test").unwrap();
    assert_eq!(new_copy.replica().unwrap().id, records[1].copy_id);

    // Listed again: the old copy with the time it was revoked, only the new one can be re-issued.
    open_file_menu_item(&mut harness, "Terbitkan ulang salinan…");
    assert_eq!(harness.query_all_by_label(agency.label()).count(), 2, "both copies are listed");
    assert_eq!(harness.query_all_by_label_contains("Terbitkan ulang: ").count(), 1);
    assert_eq!(harness.query_all_by_label("aktif").count(), 1);
}
