//! The Ekspor view driven through the accessibility tree: choose formats and a folder by typing its path,
//! export, wait for the background job, and find the files.

use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::ui::{App, Command, Startup, View};

use crate::{app, demo_copy, execute};

fn export_view(dir: &std::path::Path) -> Harness<'static, App> {
    let path = demo_copy(dir);
    let mut harness = app(Startup::Path(path), dir);
    harness.get_by_role_and_label(Role::Button, "Ekspor").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Export);
    harness
}

fn type_folder(harness: &mut Harness<'static, App>, folder: &std::path::Path) {
    harness.get_by_role_and_label(Role::TextInput, "Folder tujuan").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Folder tujuan").type_text(&folder.display().to_string());
    harness.run();
}

/// Step the app until `text` shows (the background job reports through a repaint), or fail after a while.
fn wait_for(harness: &mut Harness<'static, App>, text: &str) {
    for _ in 0..600 {
        harness.step();
        if harness.query_by_label_contains(text).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{text:?} never showed");
}

#[test]
fn choosing_formats_and_a_typed_folder_exports_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ekspor");
    std::fs::create_dir(&out).unwrap();
    let mut harness = export_view(dir.path());
    // Every format is chosen at first: clear them, then choose XLSX, CSV and PNG.
    harness.get_by_label("Semua format").click();
    harness.run();
    harness.get_by_label("XLSX (Excel: satu lembar per tabel, dengan grafik)").click();
    harness.get_by_label("CSV (satu berkas per tabel)").click();
    harness.get_by_label("PNG (grafik, gambar)").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    type_folder(&mut harness, &out);

    harness.get_by_role_and_label(Role::Button, "Ekspor sekarang").click();
    wait_for(&mut harness, "berkas ditulis ke");

    let workbook = harness.state().session().unwrap().workbook().clone();
    let xlsx = out
        .join(smartcity_workbench::io::export_plan::spreadsheet_name(&workbook, smartcity_workbench::i18n::Lang::En));
    assert!(xlsx.is_file(), "the spreadsheet, named in English as chosen");
    assert!(out.join("programs.csv").is_file());
    assert!(out.join("chart-readiness-radar.png").is_file());
    assert!(!out.join("book-1-analysis.html").exists(), "HTML was unticked");
    // The list of files written, and the button to open their folder.
    harness.get_by_label_contains("programs.csv");
    harness.get_by_role_and_label(Role::Button, "Buka folder");
}

#[test]
fn a_missing_folder_is_explained_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = export_view(dir.path());
    let missing = dir.path().join("belum-ada");
    type_folder(&mut harness, &missing);
    harness.get_by_role_and_label(Role::Button, "Ekspor sekarang").click();
    wait_for(&mut harness, "tidak ada. Buat folder itu");
    assert!(!missing.exists());

    // Nothing chosen is refused before anything starts.
    harness.get_by_label("Semua format").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Ekspor sekarang").click();
    harness.run();
    harness.get_by_label_contains("Pilih setidaknya satu format");
}

#[test]
fn a_missing_folder_is_created_only_when_asked_and_all_formats_is_one_click() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ekspor").join("konsel");
    let mut harness = export_view(dir.path());
    // Every format is chosen at first; "Semua format" clears them all.
    for format in ["DOCX (Word)", "CSV (satu berkas per tabel)", "SVG (grafik, dapat diperbesar)"] {
        assert_eq!(harness.get_by_label(format).accesskit_node().toggled(), Some(Toggled::True), "{format}");
    }
    harness.get_by_label("Semua format").click();
    harness.get_by_label("XLSX (Excel: satu lembar per tabel, dengan grafik)").click();
    harness.run();
    type_folder(&mut harness, &out);

    harness.get_by_role_and_label(Role::Button, "Ekspor sekarang").click();
    harness.run();
    harness.get_by_label_contains("tidak ada. Buat folder itu atau pilih folder lain");
    assert!(!out.exists(), "not created without asking");
    harness.get_by_role_and_label(Role::Button, "Buat folder ini lalu ekspor").click();
    wait_for(&mut harness, "berkas ditulis ke");
    let written: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(written.len(), 1, "only the XLSX: {written:?}");
    assert!(written[0].to_string_lossy().ends_with(".xlsx"));
}

#[test]
fn the_folder_suggested_is_named_after_the_workbook_in_the_documents_folder() {
    let dir = tempfile::tempdir().unwrap();
    let harness = export_view(dir.path());
    let folder = harness.get_by_role_and_label(Role::TextInput, "Folder tujuan").value().unwrap_or_default();
    let expected = smartcity_workbench::paths::documents_dir().join("Ekspor konsel");
    assert_eq!(folder, expected.display().to_string(), "not the bare home or documents folder");
}

#[test]
fn the_files_are_indonesian_by_default_even_when_the_app_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("export");
    std::fs::create_dir(&out).unwrap();
    // The app speaks English before the export view is first shown.
    let mut harness = app(Startup::Path(demo_copy(dir.path())), dir.path());
    execute(&mut harness, Command::SetLanguage(Lang::En));
    assert_eq!(harness.state().lang(), Lang::En);
    harness.get_by_role_and_label(Role::Button, "Export").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Export);
    // The language of the files is its own choice, Indonesian until changed.
    assert_eq!(harness.get_by_label("Bahasa Indonesia").accesskit_node().toggled(), Some(Toggled::True));
    assert_eq!(harness.get_by_label("English").accesskit_node().toggled(), Some(Toggled::False));
    harness.get_by_label("All formats").click();
    harness.get_by_label("CSV (one file per table)").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Output folder").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Output folder").type_text(&out.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Export now").click();
    wait_for(&mut harness, "files written to");
    let programs = std::fs::read_to_string(out.join("program.csv")).expect("the Indonesian program table");
    assert!(programs.starts_with("\u{feff}Kode;Nama;"), "{}", &programs[..40]);
    assert!(!out.join("programs.csv").exists(), "no English file");
}
