//! The Monev view driven through the accessibility tree: money spent typed in the grid (a typo refused and
//! kept), a delay saved only with its reason, other agencies' rows read-only in an agency copy, and the
//! evaluation's scores typed and checked.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use smartcity_workbench::model::{FundingSource, RealisationStatus};
use smartcity_workbench::store::Session;
use smartcity_workbench::ui::{App, Startup, View};

use crate::{app, demo_copy, type_into};

fn monev_view(path: std::path::PathBuf, dir: &std::path::Path) -> Harness<'static, App> {
    let mut harness = app(Startup::Path(path), dir);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num8);
    harness.run();
    assert_eq!(harness.state().view(), View::Monev);
    harness
}

fn program_id(harness: &Harness<'_, App>, code: &str) -> smartcity_workbench::model::Id {
    harness.state().session().unwrap().workbook().programs.iter().find(|p| p.code == code).unwrap().id
}

#[test]
fn money_spent_is_typed_in_the_grid_and_a_typo_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = monev_view(demo_copy(dir.path()), dir.path());
    // The view opens on the latest year reported: 2025 in the demo.
    assert_eq!(harness.state_mut().monev_mut().year(), Some(2025));
    let id = program_id(&harness, "GOV-PS-01");
    let spent = |h: &Harness<'_, App>| {
        h.state().session().unwrap().workbook().monev.spending_row(id, 2025, FundingSource::Apbd).map(|s| s.amount)
    };
    type_into(&mut harness, "Realisasi anggaran GOV-PS-01", "550.000.000");
    assert_eq!(spent(&harness), Some(550_000_000));
    type_into(&mut harness, "Realisasi anggaran GOV-PS-01", "55O juta");
    assert_eq!(spent(&harness), Some(550_000_000), "the typo saved nothing");
    harness.get_by_label_contains("GOV-PS-01: ");
    let field = harness.get_by_role_and_label(Role::TextInput, "Realisasi anggaran GOV-PS-01");
    assert_eq!(field.accesskit_node().value().as_deref(), Some("55O juta"), "the typing stays to be mended");
    // Above the plan is allowed, and flagged beside the plan.
    type_into(&mut harness, "Realisasi anggaran GOV-PS-01", "700.000.000");
    assert_eq!(spent(&harness), Some(700_000_000));
    harness.get_by_label("⚠ Rp 600.000.000");
}

#[test]
fn a_delay_chosen_in_the_grid_waits_for_its_reason_and_is_saved_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = monev_view(demo_copy(dir.path()), dir.path());
    let id = program_id(&harness, "GOV-PS-02");
    let status = |h: &Harness<'_, App>| {
        h.state().session().unwrap().workbook().monev.realisation(id, 2025).map(|r| (r.status, r.reason.clone()))
    };
    let before = status(&harness);
    harness.get_by_role_and_label(Role::ComboBox, "Status GOV-PS-02").click();
    harness.run();
    harness.get_by_label("Terlambat").click();
    harness.run();
    assert_eq!(status(&harness), before, "no delay without its reason");
    harness.get_by_label_contains("Tulis alasannya");
    type_into(&mut harness, "Alasan", "Anggaran digeser ke penanganan banjir");
    let (saved, reason) = status(&harness).unwrap();
    assert_eq!(saved, RealisationStatus::Delayed);
    assert_eq!(reason, "Anggaran digeser ke penanganan banjir");
}

#[test]
fn an_agency_copy_reports_its_own_programs_and_shows_the_others_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let copy = dir.path().join("dinas.smartcity");
    let (own, other) = {
        let mut session = Session::open(&path, "koordinator").unwrap();
        let workbook = session.workbook().clone();
        let own = workbook.programs.iter().find(|p| p.code == "GOV-PS-01").unwrap().clone();
        let agency = workbook.agency(own.agency_id.unwrap()).unwrap().clone();
        let other = workbook.programs.iter().find(|p| p.code == "GOV-PS-02").unwrap().clone();
        assert_ne!(other.agency_id, own.agency_id);
        session.write_agency_copy(&copy, Some(&agency)).unwrap();
        (own, other)
    };
    let mut harness = monev_view(copy, dir.path());
    let disabled = |h: &Harness<'_, App>, name: &str| {
        h.get_by_role_and_label(Role::TextInput, name).accesskit_node().is_disabled()
    };
    assert!(!disabled(&harness, &format!("Realisasi anggaran {}", own.code)), "its own program is editable");
    assert!(disabled(&harness, &format!("Realisasi anggaran {}", other.code)), "another agency's is read-only");
    type_into(&mut harness, &format!("Capaian {}", own.code), "150 jenis layanan");
    let workbook = harness.state().session().unwrap().workbook();
    assert_eq!(workbook.monev.realisation(own.id, 2025).unwrap().actual, "150 jenis layanan");
    // The evaluation is the coordinator's.
    harness.get_by_role_and_label(Role::Button, "Evaluasi").click();
    harness.run();
    assert!(disabled(&harness, "Nilai (0–5) outcome_implementation"));
}

#[test]
fn an_evaluation_score_is_typed_the_indonesian_way_and_out_of_range_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = monev_view(demo_copy(dir.path()), dir.path());
    harness.get_by_role_and_label(Role::Button, "Evaluasi").click();
    harness.run();
    let item = smartcity_workbench::model::monev::evaluation::item_id("outcome_implementation");
    let score = |h: &Harness<'_, App>| h.state().session().unwrap().workbook().monev.score(2025, item).map(|s| s.score);
    assert_eq!(score(&harness), None, "2025 is not evaluated in the demo");
    // Outcome's suggestion is 5 x the implementation rate: 41 of 44 programs ran in 2025.
    harness.get_by_label("Saran dari data workbook: 4,66");
    type_into(&mut harness, "Nilai (0–5) outcome_implementation", "3,5");
    assert_eq!(score(&harness), Some(350));
    type_into(&mut harness, "Nilai (0–5) outcome_implementation", "7");
    assert_eq!(score(&harness), Some(350), "a score above 5 is refused");
    harness.get_by_label_contains("Nilai harus angka 0 sampai 5");
    harness.get_by_label_contains("Indeks capaian evaluasi 2025: 3,50");
}

#[test]
fn realisation_is_imported_from_a_file_as_one_undo_step_and_a_bad_row_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = monev_view(demo_copy(dir.path()), dir.path());
    let id = program_id(&harness, "GOV-PS-01");
    let file = dir.path().join("laporan.csv");
    let read = |harness: &mut Harness<'_, App>, file: &std::path::Path| {
        harness.get_by_role_and_label(Role::TextInput, "Berkas").focus();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.get_by_role_and_label(Role::TextInput, "Berkas").type_text(&file.display().to_string());
        harness.run();
        harness.get_by_role_and_label(Role::Button, "Baca berkas").click();
        harness.run();
    };
    harness.get_by_role_and_label(Role::Button, "Impor").click();
    harness.run();

    std::fs::write(&file, "Kode;Tahun;Status;Sumber dana;Realisasi anggaran\nGOV-PS-01;2026;Selesai;APBD;400.000.000\nGOV-PS-02;2026;Selesai;APBD;12,5\n").unwrap();
    read(&mut harness, &file);
    harness.get_by_label_contains("baris 3, kolom Realisasi anggaran: ");
    let button = harness.get_by_role_and_label(Role::Button, "Impor realisasi 1 program-tahun");
    assert!(button.accesskit_node().is_disabled(), "a refused row imports nothing");

    std::fs::write(
        &file,
        "Kode;Tahun;Status;Sumber dana;Realisasi anggaran\nGOV-PS-01;2026;Selesai;APBD;400.000.000\n",
    )
    .unwrap();
    read(&mut harness, &file);
    harness.get_by_role_and_label(Role::Button, "Impor realisasi 1 program-tahun").click();
    harness.run();
    let spent = |h: &Harness<'_, App>| h.state().session().unwrap().workbook().monev.spent(id, 2026);
    assert_eq!(spent(&harness), 400_000_000);
    crate::execute(&mut harness, smartcity_workbench::ui::Command::Undo);
    assert_eq!(spent(&harness), 0, "one Ctrl+Z undoes the import");
}

#[test]
fn the_program_editor_holds_the_programs_realisation_per_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Path(demo_copy(dir.path())), dir.path());
    let id = program_id(&harness, "GOV-PS-01");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness.state_mut().programs_mut().open(id);
    harness.run();
    harness.get_by_label("Realisasi per tahun (monev)").click();
    harness.run();
    type_into(&mut harness, "Capaian", "130 jenis layanan");
    let workbook = harness.state().session().unwrap().workbook();
    assert_eq!(workbook.monev.realisation(id, 2025).unwrap().actual, "130 jenis layanan", "the latest reported year");
}

#[test]
fn the_evaluation_weights_are_data_the_coordinator_types() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = monev_view(demo_copy(dir.path()), dir.path());
    harness.get_by_role_and_label(Role::Button, "Evaluasi").click();
    harness.run();
    let weight = |h: &Harness<'_, App>| {
        let m = &h.state().session().unwrap().workbook().monev;
        m.dimension_keyed("outcome").unwrap().weight
    };
    assert_eq!(weight(&harness), 30);
    type_into(&mut harness, "bobot outcome", "40");
    assert_eq!(weight(&harness), 40);
    type_into(&mut harness, "bobot outcome", "empat puluh");
    assert_eq!(weight(&harness), 40, "a typo changes nothing");
    harness.get_by_label_contains("Bobot harus bilangan bulat");
}

#[test]
fn the_coordinator_adds_renames_and_removes_evaluation_items_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = monev_view(demo_copy(dir.path()), dir.path());
    harness.get_by_role_and_label(Role::Button, "Evaluasi").click();
    harness.run();
    harness.get_by_label("Kerangka evaluasi: dimensi dan butir").click();
    harness.run();
    let monev = |h: &Harness<'_, App>| h.state().session().unwrap().workbook().monev.clone();
    let items = monev(&harness).items.len();
    harness.get_by_role_and_label(Role::Button, "Tambah butir outcome").click();
    harness.run();
    let added = monev(&harness).items.iter().find(|i| i.key == "outcome_1").cloned().expect("a new item");
    assert_eq!((added.name_id.as_str(), added.weight), ("Butir baru", 0));
    type_into(&mut harness, "Butir outcome_1 (id)", "Keterlaksanaan quick win lanjutan");
    assert_eq!(monev(&harness).item(added.id).unwrap().name_id, "Keterlaksanaan quick win lanjutan");

    // The outcome item scored in 2023 and 2024: removed with its scores, and back with one undo.
    let scored = monev(&harness).items.iter().find(|i| i.key == "outcome_implementation").unwrap().id;
    let scores = |h: &Harness<'_, App>| monev(h).scores.iter().filter(|s| s.item_id == scored).count();
    assert_eq!(scores(&harness), 2);
    harness.get_by_role_and_label(Role::Button, "Hapus butir outcome_implementation beserta nilainya").click();
    harness.run();
    assert_eq!((monev(&harness).items.len(), scores(&harness)), (items, 0));
    crate::execute(&mut harness, smartcity_workbench::ui::Command::Undo);
    assert_eq!((monev(&harness).items.len(), scores(&harness)), (items + 1, 2));
}
