//! The Program view driven through the accessibility tree: bulk actions, drag and drop on the board, the
//! editor's validation and budget grid, the filter. Each with undo.

use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::model::{FundingSource, Id, Program};
use smartcity_workbench::ui::{App, Command, Startup, View};

use crate::{app, demo_copy, execute, retype};

fn programs_view(dir: &std::path::Path) -> Harness<'static, App> {
    let path = demo_copy(dir);
    let mut harness = app(Startup::Path(path), dir);
    harness.get_by_role_and_label(Role::Button, "Program").click();
    harness.run();
    harness
}

fn program(harness: &Harness<'_, App>, id: Id) -> Program {
    harness.state().session().unwrap().workbook().program(id).unwrap().clone()
}

fn nth_program(harness: &Harness<'_, App>, n: usize) -> Program {
    harness.state().session().unwrap().workbook().programs[n].clone()
}

fn undo(harness: &mut Harness<'_, App>) {
    execute(harness, Command::Undo);
}

#[test]
fn bulk_move_to_element_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = programs_view(dir.path());
    let (a, b) = (nth_program(&harness, 0), nth_program(&harness, 1));
    for p in [&a, &b] {
        harness.get_by_label(&format!("Pilih {}", p.name)).click();
        harness.run();
    }
    harness.get_by_label("2 program dipilih");
    harness.get_by_label("Elemen tujuan").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Tata Kelola Energi").click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Pindahkan ke elemen").click();
    harness.run();

    let energy = harness.state().session().unwrap().workbook().elements.iter().find(|e| e.key == "energy").unwrap().id;
    assert_eq!(program(&harness, a.id).element_id, energy);
    assert_eq!(program(&harness, b.id).element_id, energy);
    harness.get_by_role_and_label(Role::Button, "Batalkan pilihan").click();
    harness.run();
    undo(&mut harness);
    assert_eq!(program(&harness, a.id).element_id, a.element_id, "one Ctrl+Z undoes both");
    assert_eq!(program(&harness, b.id).element_id, b.element_id);
}

#[test]
fn bulk_set_agency_and_delete_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = programs_view(dir.path());
    let before = harness.state().session().unwrap().workbook().programs.len();
    let (a, b) = (nth_program(&harness, 2), nth_program(&harness, 3));
    for p in [&a, &b] {
        harness.get_by_label(&format!("Pilih {}", p.name)).click();
        harness.run();
    }
    harness.get_by_label("OPD tujuan").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "BPBD").click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Tetapkan OPD").click();
    harness.run();
    let bpbd =
        harness.state().session().unwrap().workbook().agencies.iter().find(|x| x.short_name == "BPBD").unwrap().id;
    assert_eq!(program(&harness, a.id).agency_id, Some(bpbd));
    assert_eq!(program(&harness, b.id).agency_id, Some(bpbd));

    harness.get_by_role_and_label(Role::Button, "Hapus yang dipilih").click();
    harness.run();
    assert_eq!(harness.state().session().unwrap().workbook().programs.len(), before - 2);
    undo(&mut harness);
    assert_eq!(harness.state().session().unwrap().workbook().programs.len(), before, "delete undone in one step");
    assert_eq!(program(&harness, a.id).agency_id, Some(bpbd));
    undo(&mut harness);
    assert_eq!(program(&harness, a.id).agency_id, a.agency_id, "set agency undone");
}

#[test]
fn dragging_a_card_to_another_element_moves_the_program_and_undo_moves_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = programs_view(dir.path());
    harness.get_by_role_and_label(Role::Button, "Papan dimensi").click();
    harness.run();
    let moved = nth_program(&harness, 0);
    let card = harness.get_by_label(&format!("Kartu {}", moved.name)).rect();
    let target_lane = harness.get_by_label("Tata Kelola Energi").rect();
    let from = Pos2::new(card.center().x, card.top() + 3.0);
    let to = target_lane.center();
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=8 {
        harness.hover_at(from + (to - from) * (step as f32 / 8.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
    let energy = harness.state().session().unwrap().workbook().elements.iter().find(|e| e.key == "energy").unwrap().id;
    assert_eq!(program(&harness, moved.id).element_id, energy, "the drop moved the program");
    undo(&mut harness);
    assert_eq!(program(&harness, moved.id).element_id, moved.element_id, "Ctrl+Z moved it back");
}

#[test]
fn the_editor_saves_budget_cells_and_refuses_invalid_values() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = programs_view(dir.path());
    let p = nth_program(&harness, 0);
    harness.get_by_role_and_label(Role::Link, &p.name).click();
    harness.run();

    let cell = format!("Anggaran DAK {}", p.start_year);
    harness.get_by_role_and_label(Role::TextInput, &cell).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, &cell).type_text("1,25 M");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(program(&harness, p.id).amount(p.start_year, FundingSource::Dak), 1_250_000_000);
    assert_eq!(
        program(&harness, p.id).total_cost(),
        p.total_cost() - p.amount(p.start_year, FundingSource::Dak) + 1_250_000_000
    );

    // A typo is refused, stays in its cell, and is explained.
    harness.get_by_role_and_label(Role::TextInput, &cell).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, &cell).type_text("1.250.000,50");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        program(&harness, p.id).amount(p.start_year, FundingSource::Dak),
        1_250_000_000,
        "nothing invalid saved"
    );
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, &cell).value().as_deref(), Some("1.250.000,50"));
    harness.get_by_label_contains("Rupiah harus bilangan bulat");

    // An end year before the start year is refused with its reason.
    harness.get_by_role_and_label(Role::TextInput, "Tahun selesai").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Tahun selesai").type_text(&(p.start_year - 1).to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(program(&harness, p.id).end_year, p.end_year);
    harness.get_by_label_contains("Tahun selesai tidak boleh sebelum tahun mulai");

    // Undo takes back the one valid cell edit.
    harness.remove_cursor();
    harness.get_by_role_and_label(Role::Button, "Program").click();
    harness.run();
    undo(&mut harness);
    assert_eq!(
        program(&harness, p.id).amount(p.start_year, FundingSource::Dak),
        p.amount(p.start_year, FundingSource::Dak)
    );
}

#[test]
fn the_text_filter_ignores_case_and_counts_what_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = programs_view(dir.path());
    let total = harness.state().session().unwrap().workbook().programs.len();
    let wakatobi = harness
        .state()
        .session()
        .unwrap()
        .workbook()
        .programs
        .iter()
        .filter(|p| {
            let text = format!("{} {} {}", p.name, p.description, p.location).to_lowercase();
            text.contains("wakatobi")
        })
        .count();
    assert!(wakatobi > 0 && wakatobi < total);
    harness.get_by_label("Cari program").focus();
    harness.run();
    harness.get_by_label("Cari program").type_text("WAKATOBI");
    harness.run();
    harness.get_by_label_contains(&format!("{wakatobi} dari {total} program ditampilkan"));
}

#[test]
fn importing_a_file_adds_all_rows_in_one_undo_step_and_a_bad_file_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = programs_view(dir.path());
    let before = harness.state().session().unwrap().workbook().programs.len();

    // A file as the export writes it: two programs with new codes.
    let mut source = smartcity_workbench::seed::demo_workbook();
    source.programs.truncate(2);
    for (i, p) in source.programs.iter_mut().enumerate() {
        p.code = format!("IMP-{i}");
        p.name = format!("Program impor {i}");
    }
    let good = dir.path().join("programs.csv");
    let csv = smartcity_workbench::io::write_programs_csv(&source, smartcity_workbench::i18n::Lang::Id, ';');
    std::fs::write(&good, csv).unwrap();

    harness.get_by_role_and_label(Role::Button, "Impor").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Berkas").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Berkas").type_text(&good.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Baca berkas").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Impor 2 program").click();
    harness.run();
    let workbook = harness.state().session().unwrap().workbook().clone();
    assert_eq!(workbook.programs.len(), before + 2);
    assert!(workbook.programs.iter().any(|p| p.code == "IMP-1" && p.name == "Program impor 1"));
    undo(&mut harness);
    assert_eq!(harness.state().session().unwrap().workbook().programs.len(), before, "one Ctrl+Z undoes the import");

    // A file with a typo in an amount: reported by row and column, and nothing can be imported.
    let bad = dir.path().join("bad.csv");
    let text = std::fs::read_to_string(&good).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let header: Vec<&str> = lines[0].split(';').collect();
    let year_column = header.iter().position(|h| h.trim() == source.profile.period_start.to_string()).unwrap();
    let mut cells: Vec<String> = lines[1].split(';').map(str::to_string).collect();
    cells[year_column] = "1.250.000,50".into();
    lines[1] = cells.join(";");
    std::fs::write(&bad, lines.join("\r\n")).unwrap();
    harness.get_by_role_and_label(Role::TextInput, "Berkas").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Berkas").type_text(&bad.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Baca berkas").click();
    harness.run();
    harness.get_by_label_contains("baris 2, kolom");
    let button = harness.get_by_role_and_label(Role::Button, "Impor 1 program");
    assert!(button.accesskit_node().is_disabled(), "a file with refused rows imports nothing");
    assert_eq!(harness.state().session().unwrap().workbook().programs.len(), before);
}

#[test]
fn a_new_filter_shows_its_matches_from_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = programs_view(dir.path());
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.run();
    let row = |harness: &mut Harness<'_, App>, n: usize| {
        let index = harness.state_mut().programs_mut().shown.rows[n];
        format!("Pilih {}", nth_program(harness, index).name)
    };
    let first = row(&mut harness, 0);
    for _ in 0..30 {
        let visible = harness.query_all_by_label_contains("Pilih ").last().and_then(|n| n.accesskit_node().label());
        harness.get_by_label(&visible.expect("a row is shown")).scroll_down();
        harness.run();
    }
    assert!(harness.query_by_label(&first).is_none(), "the table scrolled away from the top");

    harness.get_by_role_and_label(Role::TextInput, "Cari program").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Cari program").type_text("a");
    harness.run();
    harness.run();
    let matches = harness.state_mut().programs_mut().shown.rows.len();
    assert!(matches > 30, "a filter with many matches: {matches}");
    let top = row(&mut harness, 0);
    harness.get_by_label(&top);
}

#[test]
fn a_new_program_opens_in_its_editor_from_every_tab() {
    for tab in ["Tabel", "Papan dimensi", "Peta jalan", "Impor"] {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = programs_view(dir.path());
        harness.get_by_label(tab).click();
        harness.run();
        let before = harness.state().session().unwrap().workbook().programs.len();
        harness.get_by_role_and_label(Role::Button, "Tambah program").click();
        harness.run();
        harness.run();
        let workbook = harness.state().session().unwrap().workbook();
        assert_eq!(workbook.programs.len(), before + 1, "{tab}: added");
        let added = workbook.programs.iter().find(|p| p.name == "Program baru").expect("the new program").id;
        let editor = harness.state_mut().programs_mut().editor.as_ref().map(|e| e.id);
        assert_eq!(editor, Some(added), "{tab}: the editor is open on the new program");
        harness.get_by_label("Program: Program baru");
    }
}

#[test]
fn a_new_workbook_is_named_in_indonesian_and_says_it_has_no_programs_yet() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Startup::Demo, dir.path());
    execute(&mut harness, Command::SetLanguage(Lang::En));
    harness.run();
    let path = dir.path().join("baru.smartcity");
    execute(&mut harness, Command::NewWorkbook);
    retype(&mut harness, "File path", &path.display().to_string());
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
    assert_eq!(harness.state().session().unwrap().path(), path.as_path(), "the new workbook is open");
    let workbook = harness.state().session().unwrap().workbook();
    assert_eq!(
        workbook.profile.region_name, "Kabupaten Baru",
        "the masterplan's own text, whatever the interface says"
    );
    execute(&mut harness, Command::Show(View::Programs));
    harness.get_by_label_contains("No programs yet");
    assert!(harness.query_by_label_contains("matches the filter").is_none());
}

/// A workbook of 1,000 generated programs (about 55 to a lane), in the Program view's board at 1024x768.
fn large_board(dir: &std::path::Path) -> Harness<'static, App> {
    let path = dir.join("besar.smartcity");
    let workbook = smartcity_workbench::generate::large_workbook(1_000, 7);
    smartcity_workbench::store::write_new_file(&path, &workbook, "test").expect("written");
    let mut harness = app(Startup::Path(path), dir);
    harness.set_size(egui::vec2(1024.0, 768.0));
    execute(&mut harness, Command::Show(View::Programs));
    harness.get_by_label("Papan dimensi").click();
    harness.run();
    harness
}

/// Scroll the first widget labelled `label` into view, then click it.
fn click_in_view(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_all_by_label(label).next().unwrap().scroll_to_me();
    harness.run();
    harness.get_all_by_label(label).next().unwrap().click();
    harness.run();
}

#[test]
fn the_board_at_scale_pages_and_folds_its_lanes_and_shows_all_six_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = large_board(dir.path());
    let workbook = harness.state().session().unwrap().workbook().clone();
    // All six dimensions fit the projector's width, the sixth not cut at the edge.
    for dimension in &workbook.dimensions {
        let heading = harness.get_by_label(&dimension.name_id).rect();
        assert!(heading.right() <= 1024.0, "{} ends at {}", dimension.name_id, heading.right());
    }
    let element = &workbook.elements[0];
    let lane: Vec<&Program> = workbook.programs.iter().filter(|p| p.element_id == element.id).collect();
    assert!(lane.len() > 24, "a lane of several pages: {}", lane.len());
    let card = |p: &Program| format!("Kartu {}", p.name);

    // A page of twelve cards, then the next twelve.
    // Every lane of that size says so (the generator gives the lanes equal shares).
    assert!(harness.query_all_by_label(&format!("1–12 dari {}", lane.len())).next().is_some());
    harness.get_by_label(&card(lane[0]));
    assert!(harness.query_by_label(&card(lane[12])).is_none(), "the second page is not drawn");
    // The first lane's pager is below the fold at 1024x768: scrolled to first, as a user would.
    click_in_view(&mut harness, "Halaman berikutnya");
    harness.get_by_label(&format!("13–24 dari {}", lane.len()));
    harness.get_by_label(&card(lane[12]));
    assert!(harness.query_by_label(&card(lane[0])).is_none(), "the first page gave way");

    // Folding the lane leaves its name and count; unfolding brings the page back.
    click_in_view(&mut harness, &format!("Sembunyikan kartu {}", element.name_id));
    assert!(harness.query_by_label(&card(lane[12])).is_none(), "a folded lane shows no card");
    click_in_view(&mut harness, &format!("Tampilkan kartu {}", element.name_id));
    harness.get_by_label(&card(lane[12]));
}

#[test]
fn zooming_the_board_out_makes_cards_compact_and_keeps_text_readable() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = large_board(dir.path());
    let workbook = harness.state().session().unwrap().workbook().clone();
    let element = &workbook.elements[0];
    let lane = workbook.programs.iter().filter(|p| p.element_id == element.id).count();
    for _ in 0..4 {
        harness.get_by_label("Perkecil").click();
        harness.run();
    }
    harness.get_by_label("60 %");
    // Compact cards come 24 to a page.
    assert!(harness.query_all_by_label(&format!("1–24 dari {lane}")).next().is_some());
    assert!(harness.get_by_label("Perkecil").accesskit_node().is_disabled(), "60 % is the smallest step");
}
