//! The readiness view driven through the accessibility tree: scoring by keyboard, the grid, results.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::model::Id;
use smartcity_workbench::ui::{App, Command, Startup};

use crate::{app, demo_copy, execute};

fn readiness_view(dir: &std::path::Path) -> Harness<'static, App> {
    let path = demo_copy(dir);
    let mut harness = app(Startup::Path(path), dir);
    harness.get_by_role_and_label(Role::Button, "Kesiapan").click();
    harness.run();
    harness
}

fn level(harness: &Harness<'_, App>, item: usize) -> Option<u8> {
    let workbook = harness.state().session().unwrap().workbook();
    let round: Id = workbook.rounds.last().unwrap().id;
    workbook.score(round, workbook.readiness_items[item].id).map(|s| s.level)
}

#[test]
fn keys_score_the_current_item_and_arrows_move() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = readiness_view(dir.path());
    let first = harness.state().session().unwrap().workbook().readiness_items[0].clone();
    harness.get_by_label_contains(&first.question_id);

    harness.key_press(Key::Num3);
    harness.run();
    assert_eq!(level(&harness, 0), Some(3), "key 3 scored the first item");

    harness.key_press(Key::ArrowDown);
    harness.run();
    let items = harness.state().session().unwrap().workbook().readiness_items.len();
    if items > 1 {
        harness.key_press(Key::Num5);
        harness.run();
        assert_eq!(level(&harness, 1), Some(5), "the arrow moved to the second item");
        harness.key_press(Key::ArrowUp);
        harness.run();
        harness.key_press(Key::Num1);
        harness.run();
        assert_eq!(level(&harness, 0), Some(1));
        execute(&mut harness, Command::Undo);
        assert_eq!(level(&harness, 0), Some(3), "Ctrl+Z undid the last score");
    }
    // Clicking a level description scores too.
    harness.get_by_role_and_label(Role::Button, "Nilai 4").click();
    harness.run();
    assert!(level(&harness, 0) == Some(4) || level(&harness, 1) == Some(4));
}

#[test]
fn a_new_round_starts_empty_and_progress_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = readiness_view(dir.path());
    let items = harness.state().session().unwrap().workbook().readiness_items.len();
    harness.get_by_role_and_label(Role::TextInput, "Putaran baru").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Putaran baru").type_text("Evaluasi 2024");
    harness.get_by_role_and_label(Role::TextInput, "Tahun").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Tahun").type_text("2024");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Tambah putaran").click();
    harness.run();
    let workbook = harness.state().session().unwrap().workbook().clone();
    assert_eq!(workbook.rounds.last().unwrap().name, "Evaluasi 2024");
    harness.get_by_label(&format!("0 dari {items} butir dinilai"));
    let pillar = harness.state().session().unwrap().workbook().readiness_items[0].pillar;
    let total =
        harness.state().session().unwrap().workbook().readiness_items.iter().filter(|i| i.pillar == pillar).count();
    let name = pillar.text().get(Lang::Id);
    harness.get_by_label(&format!("{name} 0/{total} · indeks –"));
    harness.key_press(Key::Num2);
    harness.run();
    harness.get_by_label(&format!("1 dari {items} butir dinilai"));
    // The pillar being scored shows its live index: one item at level 2.
    harness.get_by_label(&format!("{name} 1/{total} · indeks 2,00"));
}

#[test]
fn the_grid_scores_by_click_and_the_results_show_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = readiness_view(dir.path());
    harness.get_by_role_and_label(Role::Button, "Kisi").click();
    harness.run();
    let code = harness.state().session().unwrap().workbook().readiness_items[0].code.clone();
    harness.get_by_label(&format!("{code} Tingkat: 5")).click();
    harness.run();
    assert_eq!(level(&harness, 0), Some(5));
    harness.get_by_role_and_label(Role::Button, "Hasil").click();
    harness.run();
    harness.get_by_label_contains("Indeks kesiapan keseluruhan");
    harness.get_by_label("Butir terlemah (kesenjangan ke target)");
}

#[test]
fn the_framework_tab_edits_weights_and_round_trips_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = readiness_view(dir.path());
    harness.get_by_role_and_label(Role::Button, "Kerangka").click();
    harness.run();
    let first = harness.state().session().unwrap().workbook().readiness_items[0].clone();
    harness.get_by_label_contains(&format!("{} · Struktur", first.code)).click();
    harness.run();

    let weight = format!("{} Bobot", first.code);
    for (typed, saved) in [("-1", first.weight), ("2,5", 2.5)] {
        harness.get_by_role_and_label(Role::TextInput, &weight).focus();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.get_by_role_and_label(Role::TextInput, &weight).type_text(typed);
        harness.run();
        harness.key_press(Key::Enter);
        harness.run();
        let now = harness.state().session().unwrap().workbook().readiness_items[0].weight;
        assert_eq!(now, saved, "typed {typed}");
        if typed == "-1" {
            harness.get_by_label_contains("Bobot harus angka dari 0 sampai");
        }
    }

    // Export the framework, change the workbook, import the file back: the weight returns to 2.5.
    let file = dir.path().join("kerangka.json");
    harness.get_by_role_and_label(Role::TextInput, "Lokasi berkas").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Lokasi berkas").type_text(&file.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Ekspor JSON").click();
    harness.run();
    assert!(std::fs::read_to_string(&file).unwrap().contains(&first.code));
    harness.get_by_role_and_label(Role::TextInput, &weight).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, &weight).type_text("4");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().session().unwrap().workbook().readiness_items[0].weight, 4.0);
    harness.get_by_role_and_label(Role::Button, "Impor JSON").click();
    harness.run();
    harness.get_by_label_contains("butir kerangka diimpor");
    assert_eq!(harness.state().session().unwrap().workbook().readiness_items[0].weight, 2.5);
}

#[test]
fn the_time_an_item_was_scored_is_shown_in_the_regions_zone_and_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = readiness_view(dir.path());
    // The demo's baseline was scored at 2021-11-30T08:00:00Z: 16.00 in WITA, the demo's zone.
    harness.get_by_label("Dinilai oleh Tim Pelaksana (contoh) pada 30 Nov 2021 16.00 WITA");
    execute(&mut harness, Command::SetLanguage(Lang::En));
    harness.get_by_label("Scored by Tim Pelaksana (contoh) on 30 Nov 2021 16:00 WITA");
    assert!(harness.query_by_label_contains("2021-11-30T08:00:00Z").is_none(), "never the raw stamp");
}

#[test]
fn a_long_framework_question_wraps_within_the_window_and_opens_on_a_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = readiness_view(dir.path());
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.get_by_role_and_label(Role::Button, "Kerangka").click();
    harness.run();
    let item = harness.state().session().unwrap().workbook().readiness_items[9].clone();
    let title = harness.get_by_label_contains(&item.question_id).rect();
    assert!(title.right() <= 1024.0, "{} ends at {}", item.code, title.right());
    assert!(title.height() > 30.0, "wrapped onto a second line: {}", title.height());
    assert!(harness.query_by_label("Hapus butir ini (beserta nilainya)").is_none(), "every item starts closed");
    harness.get_by_label_contains(&item.question_id).click();
    harness.run();
    harness.get_by_label("Hapus butir ini (beserta nilainya)");
}
