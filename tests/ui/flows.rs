use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::store::Session;
use smartcity_workbench::ui::{Command, Startup, View};

use crate::{app, demo_copy, execute};

#[test]
fn the_demo_opens_on_the_home_view_badged_as_example_and_its_profile_is_konawe_selatan() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Demo, dir.path());
    assert_eq!(harness.state().view(), View::Home);
    execute(&mut harness, Command::Show(View::Profile));
    let app_state = harness.state();
    let session = app_state.session().expect("the demo is open");
    assert!(session.workbook().profile.is_example);
    assert!(session.read_only().is_none());
    assert!(dir.path().join("demo-konawe-selatan.smartcity").exists(), "the demo was written into the data folder");

    let region = harness.get_by_role_and_label(Role::TextInput, "Nama daerah");
    assert_eq!(region.value().as_deref(), Some("Kabupaten Konawe Selatan"));
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Ibu kota").value().as_deref(), Some("Andoolo"));
    assert!(harness.query_all_by_label_contains("CONTOH").count() >= 2, "example badge in navigation and status bar");
    assert!(app_state.title().contains("Kabupaten Konawe Selatan"));
    assert!(app_state.title().contains("demo-konawe-selatan.smartcity"));
    assert_eq!(app_state.status_text(), "Tersimpan");
}

#[test]
fn switching_language_changes_the_navigation_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Demo, dir.path());
    harness.get_by_label("Keuangan");
    harness.get_by_label("Profil");

    harness.get_by_label("Ganti bahasa (Switch to English)").click();
    harness.run();
    assert_eq!(harness.state().lang(), Lang::En);
    harness.get_by_label("Finance");
    harness.get_by_label("Profile");
    assert!(harness.query_by_label("Keuangan").is_none());
    drop(harness);

    let harness = app(Startup::Demo, dir.path());
    assert_eq!(harness.state().lang(), Lang::En, "the choice is remembered");
    harness.get_by_label("Readiness");
}

#[test]
fn an_agency_added_in_the_ui_survives_reopening_and_ctrl_z_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let mut harness = app(Startup::Path(path.clone()), dir.path());
    execute(&mut harness, Command::Show(View::Profile));
    let before = harness.state().session().unwrap().workbook().agencies.len();

    harness.get_by_role_and_label(Role::TextInput, "Kode OPD baru").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Kode OPD baru").type_text("9.99.01");
    harness.get_by_role_and_label(Role::TextInput, "Nama OPD baru").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Nama OPD baru").type_text("Badan Riset dan Inovasi Daerah");
    harness.get_by_role_and_label(Role::TextInput, "Singkatan OPD baru").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Singkatan OPD baru").type_text("BRIDA");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Tambah OPD").click();
    harness.run();

    let agencies = &harness.state().session().unwrap().workbook().agencies;
    assert_eq!(agencies.len(), before + 1);
    assert_eq!(agencies.last().unwrap().short_name, "BRIDA");
    let row = agencies.len().to_string();
    let name_field = format!("Nama OPD {row}");
    assert_eq!(
        harness.get_by_role_and_label(Role::TextInput, &name_field).value().as_deref(),
        Some("Badan Riset dan Inovasi Daerah")
    );
    drop(harness);

    let reopened = Session::open(&path, "test").unwrap();
    assert!(reopened.workbook().agencies.iter().any(|a| a.code == "9.99.01" && a.short_name == "BRIDA"));
    drop(reopened);

    let mut harness = app(Startup::Path(path.clone()), dir.path());
    assert_eq!(harness.state().session().unwrap().workbook().agencies.len(), before + 1);
    // Undo reaches back only over edits made since opening: nothing yet.
    execute(&mut harness, Command::Undo);
    assert_eq!(harness.state().session().unwrap().workbook().agencies.len(), before + 1);
    drop(harness);

    // In one session: add, then Ctrl+Z removes it, Ctrl+Y brings it back.
    let mut harness = app(Startup::Path(path.clone()), dir.path());
    execute(&mut harness, Command::Show(View::Profile));
    harness.get_by_role_and_label(Role::TextInput, "Kode OPD baru").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Kode OPD baru").type_text("9.99.02");
    harness.get_by_role_and_label(Role::TextInput, "Nama OPD baru").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Nama OPD baru").type_text("Dinas Contoh");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Tambah OPD").click();
    harness.run();
    let has = |h: &egui_kittest::Harness<'_, smartcity_workbench::ui::App>, code: &str| {
        h.state().session().unwrap().workbook().agencies.iter().any(|a| a.code == code)
    };
    assert!(has(&harness, "9.99.02"));
    execute(&mut harness, Command::Undo);
    assert!(!has(&harness, "9.99.02"), "Ctrl+Z removed the agency");
    assert!(harness.state().status_text().contains("tambah OPD Dinas Contoh"));
    execute(&mut harness, Command::Redo);
    assert!(has(&harness, "9.99.02"), "Ctrl+Y brought it back");
    execute(&mut harness, Command::Redo);
    assert!(has(&harness, "9.99.02"), "nothing left to redo");
    execute(&mut harness, Command::Undo);
    drop(harness);
    let reopened = Session::open(&path, "test").unwrap();
    assert!(!reopened.workbook().agencies.iter().any(|a| a.code == "9.99.02"), "the undo was saved too");
}

#[test]
fn a_text_field_commit_is_one_undo_step_and_invalid_input_stays_with_its_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let mut harness = app(Startup::Path(path.clone()), dir.path());
    execute(&mut harness, Command::Show(View::Profile));

    let capital = harness.get_by_role_and_label(Role::TextInput, "Ibu kota");
    capital.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Ibu kota").type_text("Andoolo Baru");
    harness.run();
    // Still typing: nothing saved yet.
    assert_eq!(harness.state().session().unwrap().workbook().profile.capital, "Andoolo");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().session().unwrap().workbook().profile.capital, "Andoolo Baru");

    // An end year before the start year is refused, kept in the field, and explained next to it.
    harness.get_by_role_and_label(Role::TextInput, "Tahun akhir").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Tahun akhir").type_text("2020");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().session().unwrap().workbook().profile.period_end, 2031, "nothing invalid is saved");
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Tahun akhir").value().as_deref(), Some("2020"));
    harness.get_by_label("⚠ Tahun akhir tidak boleh sebelum tahun mulai");

    // Ctrl+Z undoes the capital in one step.
    execute(&mut harness, Command::Undo);
    assert_eq!(harness.state().session().unwrap().workbook().profile.capital, "Andoolo");
}

/// The one test of raw key chords: the shortcut list maps each chord to its command (Ctrl+Shift+Z is redo,
/// not the undo of Ctrl+Z; Ctrl+S only says everything is saved). Every other test runs commands.
#[test]
fn each_shortcut_chord_runs_its_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Demo, dir.path());
    let chords = [
        (Modifiers::COMMAND, Key::S, "sudah tersimpan otomatis"),
        (Modifiers::COMMAND, Key::Z, "Tidak ada yang dapat diurungkan"),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z, "Tidak ada yang dapat diulangi"),
        (Modifiers::COMMAND, Key::S, "sudah tersimpan otomatis"),
        (Modifiers::COMMAND, Key::Y, "Tidak ada yang dapat diulangi"),
    ];
    for (modifiers, key, status) in chords {
        harness.key_press_modifiers(modifiers, key);
        harness.run();
        let text = harness.state().status_text();
        assert!(text.contains(status), "{modifiers:?} {key:?}: {text}");
    }
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().presentation().active, "F5 presents");
}

#[test]
fn every_view_is_reachable_from_the_navigation() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Demo, dir.path());
    for label in ["Program", "Kesiapan", "Keuangan", "Quick Win", "Ekspor", "Profil"] {
        harness.get_by_role_and_label(Role::Button, label).click();
        harness.run();
        assert_eq!(smartcity_workbench::ui::View::ALL.iter().filter(|v| v.label().get(Lang::Id) == label).count(), 1);
        assert_eq!(harness.state().view().label().get(Lang::Id), label);
    }
}

#[test]
fn a_refused_file_shows_a_message_and_keeps_the_open_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let junk = dir.path().join("junk.smartcity");
    std::fs::write(&junk, b"this is not a workbook").unwrap();
    let mut harness = app(Startup::Path(path.clone()), dir.path());
    harness.state_mut().open_path(&junk);
    harness.run();
    let notice = harness.state().notice().expect("a notice is shown");
    assert!(notice.contains("bukan workbook smart city"), "{notice}");
    assert_eq!(harness.state().session().unwrap().path(), path.as_path());
    assert_eq!(std::fs::read(&junk).unwrap(), b"this is not a workbook");
}

/// The region's time zone is chosen in Profil and the history shows its times in it (issue 17: the history
/// was in UTC). The demo, Konawe Selatan, is in WITA.
#[test]
fn the_time_zone_is_chosen_in_the_profile_and_the_history_follows_it() {
    use smartcity_workbench::i18n::TimeZone;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Path(demo_copy(dir.path())), dir.path());
    harness.get_by_role_and_label(Role::Button, "Profil").click();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, "Zona waktu").click();
    harness.run();
    harness.get_by_label("WIT (UTC+9)").click();
    harness.run();
    assert_eq!(harness.state().session().unwrap().workbook().profile.time_zone, TimeZone::Wit);
    harness.get_by_role_and_label(Role::Button, "Riwayat").click();
    harness.run();
    harness.get_by_label("Waktu (WIT)");
    let stamps = harness.query_all_by_label_contains(" WIT").count();
    assert!(stamps >= 1, "the profile edit is listed with its time in WIT");
    execute(&mut harness, Command::Undo);
    assert_eq!(harness.state().session().unwrap().workbook().profile.time_zone, TimeZone::Wita);
}

#[test]
fn the_open_dialog_lists_the_folders_workbooks_and_opens_the_one_clicked() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let other = dir.path().join("kedua.smartcity");
    smartcity_workbench::store::write_new_file(&other, &smartcity_workbench::seed::untitled_workbook(2025), "test")
        .unwrap();
    std::fs::write(dir.path().join("catatan.txt"), "bukan workbook").unwrap();
    std::fs::create_dir(dir.path().join("arsip")).unwrap();
    let mut harness = app(Startup::Path(path), dir.path());
    execute(&mut harness, Command::Open);
    harness.get_by_label_contains("konsel.smartcity   (");
    harness.get_by_label("📁 arsip");
    assert!(harness.query_by_label_contains("catatan.txt").is_none(), "only the files Open takes");

    harness.get_by_label_contains("kedua.smartcity   (").click();
    harness.run();
    assert_eq!(
        harness.get_by_role_and_label(Role::TextInput, "Lokasi berkas").value().as_deref(),
        Some(other.display().to_string().as_str())
    );
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
    assert_eq!(harness.state().session().unwrap().path(), other.as_path());

    // Into a subfolder and back up: the list follows the folder.
    execute(&mut harness, Command::Open);
    harness.get_by_label("📁 arsip").click();
    harness.run();
    harness.get_by_label("Tidak ada workbook di folder ini.");
    harness.get_by_label("⬆ Folder di atasnya").click();
    harness.run();
    harness.get_by_label_contains("konsel.smartcity   (");
}
