//! The home view (Beranda) and the built-in guide (Bantuan > Panduan, F1), driven through the accessibility
//! tree: the app opens on the home view with the programs per dimension, the books' checklist links to the
//! views that fill it and ticks an item once it is filled, and the guide speaks the interface's language.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::ui::{App, Command, Startup, View};

use crate::{app, demo_copy, execute};

/// An empty new workbook as File > New writes it, opened.
fn new_workbook(dir: &Path) -> (Harness<'static, App>, PathBuf) {
    let path = dir.join("baru.smartcity");
    let workbook = smartcity_workbench::seed::untitled_workbook(2025);
    smartcity_workbench::store::write_new_file(&path, &workbook, "test").expect("written");
    (app(Startup::Path(path.clone()), dir), path)
}

#[test]
fn the_app_opens_on_the_home_view_with_the_programs_of_each_dimension() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let harness = app(Startup::Path(path), dir.path());
    harness.get_by_role_and_label(Role::Label, "Beranda");
    let workbook = harness.state().session().unwrap().workbook().clone();
    assert_eq!(workbook.dimensions.len(), 6);
    for dimension in &workbook.dimensions {
        let count = workbook
            .programs
            .iter()
            .filter(|p| workbook.element(p.element_id).is_some_and(|e| e.dimension_id == dimension.id))
            .count();
        assert!(count > 0, "the demo has programs in {}", dimension.name_id);
        let card = format!("{}: {count} program", dimension.name_id);
        harness.get_by_label(&card);
    }
    harness.get_by_label(&format!("Jumlah: {} program", workbook.programs.len()));
    harness.get_by_label("Kelengkapan buku");
}

#[test]
fn on_a_new_workbook_the_checklist_lists_what_is_missing_and_its_link_opens_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = new_workbook(dir.path());
    harness.get_by_role_and_label(Role::Label, "Beranda");
    for missing in [
        "Visi dan misi → Profil",
        "Daftar OPD → Profil",
        "Riwayat APBD → Keuangan",
        "Putaran penilaian kesiapan yang berskor → Kesiapan",
        "Program di setiap dimensi (6 dari 6 belum) → Program",
        "Program yang ditandai sebagai quick win → Quick Win",
    ] {
        // Book I and Book III both need the APBD history and a readiness round: listed under each.
        assert!(harness.query_all_by_role_and_label(Role::Link, missing).next().is_some(), "{missing}");
    }
    assert_eq!(harness.query_all_by_role_and_label(Role::Link, "Riwayat APBD → Keuangan").count(), 2);
    harness.get_all_by_role_and_label(Role::Link, "Riwayat APBD → Keuangan").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().view(), View::Finance);
}

#[test]
fn adding_an_agency_ticks_its_item_on_the_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = new_workbook(dir.path());
    harness.get_by_role_and_label(Role::Label, "Beranda");
    harness.get_by_role_and_label(Role::Link, "Daftar OPD → Profil").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Profile);
    for (field, text) in
        [("Kode OPD baru", "1.01.01"), ("Nama OPD baru", "Dinas Pendidikan"), ("Singkatan OPD baru", "")]
    {
        harness.get_by_role_and_label(Role::TextInput, field).focus();
        harness.run();
        harness.get_by_role_and_label(Role::TextInput, field).type_text(text);
        harness.run();
    }
    harness.get_by_role_and_label(Role::Button, "Tambah OPD").click();
    harness.run();
    assert_eq!(harness.state().session().unwrap().workbook().agencies.len(), 1);

    harness.get_by_role_and_label(Role::Button, "Beranda").click();
    harness.run();
    harness.get_by_label("✔ Daftar OPD");
    assert!(harness.query_by_label("Daftar OPD → Profil").is_none(), "no link once it is filled");
    harness.get_by_role_and_label(Role::Link, "Visi dan misi → Profil");
}

#[test]
fn f1_opens_the_guide_in_the_language_of_the_interface() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Demo, dir.path());
    assert!(harness.query_by_label("Alur lokakarya Tahap I-IV").is_none());
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("Alur lokakarya Tahap I-IV");
    harness.get_by_label("Tombol pintas");
    assert!(harness.query_by_label("Workshop flow, stages I-IV").is_none());

    execute(&mut harness, Command::SetLanguage(Lang::En));
    harness.get_by_label("Workshop flow, stages I-IV");
    harness.get_by_label("Keys");
    assert!(harness.query_by_label("Alur lokakarya Tahap I-IV").is_none());
}

#[test]
fn the_help_menu_opens_the_guide() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Demo, dir.path());
    harness.get_by_label("Bantuan").click();
    harness.run();
    // The menu entry's label ends with its shortcut ("Panduan singkat F1").
    harness.get(By::new().role(Role::Button).label_contains("Panduan singkat")).click();
    harness.run();
    harness.get_by_label("Alur lokakarya Tahap I-IV");
}

#[test]
fn presented_at_1024x768_the_home_view_stays_within_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = crate::presentation::projector_app(dir.path());
    execute(&mut harness, Command::Present);
    harness.run();
    let workbook = harness.state().session().unwrap().workbook().clone();
    // Rects are in points: the 1024 px screen is 512 points wide at the presentation's 200 %.
    let width = harness.ctx.content_rect().width();
    let mut labels: Vec<String> = workbook
        .dimensions
        .iter()
        .map(|d| {
            let count = workbook
                .programs
                .iter()
                .filter(|p| workbook.element(p.element_id).is_some_and(|e| e.dimension_id == d.id))
                .count();
            format!("{}: {count} program", d.name_id)
        })
        .collect();
    labels.push("Buka Program →".to_string());
    for label in labels {
        let rect = harness.get_by_label(&label).rect();
        assert!(rect.right() <= width + 0.5, "{label} ends at {} of {width}", rect.right());
    }
}

#[test]
fn ctrl_and_a_digit_go_to_that_view_of_the_navigation() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Demo, dir.path());
    assert_eq!(harness.state().view(), View::Home);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    assert_eq!(harness.state().view(), View::Programs);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num8);
    harness.run();
    assert_eq!(harness.state().view(), View::Monev);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert_eq!(harness.state().view(), View::Journal, "Ctrl+0 is the tenth view");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(harness.state().view(), View::Home);
}
