//! The Quick Win view and presentation mode driven through the accessibility tree: F5 and Esc, the toolbar
//! button, the projector theme, hiding money, the countdown timer, dot votes and the live ranking, scoring by
//! keyboard, and marking the picker's set as quick wins in one undo step.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::model::Id;
use smartcity_workbench::model::quick_wins::DecisionKind;
use smartcity_workbench::ui::quick_wins::Tab;
use smartcity_workbench::ui::{App, Command, Startup};

use crate::{app, demo_copy, execute, retype};

fn quick_win_view(dir: &std::path::Path) -> Harness<'static, App> {
    let path = demo_copy(dir);
    let mut harness = app(Startup::Path(path), dir);
    harness.get_by_role_and_label(Role::Button, "Quick Win").click();
    harness.run();
    harness
}

/// Select what the field holds and type `text` over it, then leave with Enter.
fn type_into(harness: &mut Harness<'_, App>, field: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, field).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, field).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// The Quick Win view on the workshop's attendance list.
fn attendance_view(dir: &std::path::Path) -> Harness<'static, App> {
    let mut harness = quick_win_view(dir);
    harness.state_mut().quick_wins_mut().tab = Tab::Workshop;
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Daftar hadir").click();
    harness.run();
    harness
}

fn program_id(harness: &Harness<'_, App>, code: &str) -> Id {
    harness.state().session().unwrap().workbook().programs.iter().find(|p| p.code == code).unwrap().id
}

#[test]
fn presenting_hides_the_editing_chrome_and_esc_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    assert!(harness.query_by_label("Berkas").is_some(), "the menu is there while editing");
    execute(&mut harness, Command::Present);
    assert!(harness.state().presentation().active);
    assert!(harness.query_by_label("Berkas").is_none(), "no menu while presenting");
    assert!(harness.query_by_label("Tersimpan").is_none() && harness.query_by_label("✔ Tersimpan").is_none());
    harness.get_by_role_and_label(Role::Button, "Keluar presentasi (Esc)");
    assert!(
        harness.query_all_by_label_contains("CONTOH").next().is_some(),
        "example data stays labelled on the projector"
    );
    // The projector theme: body text of at least 18 px at zoom 100 %.
    let body = harness.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    assert!(body * harness.ctx.zoom_factor() >= 18.0, "body text {body}");
    // Every view can be presented from the bar.
    for view in ["Program", "Kesiapan", "Keuangan", "Quick Win"] {
        harness.get_by_role_and_label(Role::ComboBox, "Tampilan yang dipresentasikan").click();
        harness.run();
        harness.get_by_role_and_label(Role::Button, view).click();
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().presentation().active);
    assert!(harness.query_by_label("Berkas").is_some(), "the menu is back");
    let body = harness.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    assert!(body < 18.0, "the editing theme is back");
}

#[test]
fn the_toolbar_button_presents_zooms_and_hides_money() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.get_by_label("▶ Presentasi").click();
    harness.run();
    assert!(harness.state().presentation().active);
    assert!(!harness.query_all_by_label_contains("Rp ").collect::<Vec<_>>().is_empty(), "costs are shown");
    harness.get_by_role_and_label(Role::Button, "Perbesar (Ctrl +)").click();
    harness.run();
    assert!((harness.ctx.zoom_factor() - 2.1).abs() < 1e-4);
    harness.get_by_role_and_label(Role::CheckBox, "Sembunyikan angka rupiah").click();
    harness.run();
    assert!(harness.state().presentation().hide_money);
    assert!(harness.query_all_by_label_contains("Rp ").next().is_none(), "no amount left in the ranking");
    harness.state_mut().quick_wins_mut().tab = Tab::Picker;
    harness.run();
    assert!(harness.query_all_by_label_contains("Rp ").next().is_none(), "no amount in the picker");
    assert!(harness.query_by_role_and_label(Role::TextInput, "Pagu anggaran quick win").is_none(), "nor the cap");
    harness.get_by_role_and_label(Role::ComboBox, "Tampilan yang dipresentasikan").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Program").click();
    harness.run();
    assert!(harness.query_all_by_label_contains("Rp ").next().is_none(), "no amount in the program table");
    let first = harness.state().session().unwrap().workbook().programs[0].id;
    harness.state_mut().programs_mut().open(first);
    harness.run();
    assert!(harness.query_by_label("Angka rupiah disembunyikan").is_some(), "the editor hides its budget grid");
    assert!(harness.query_all_by_label_contains("Rp ").next().is_none(), "no amount in the editor");
    harness.get_by_role_and_label(Role::ComboBox, "Tampilan yang dipresentasikan").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Keuangan").click();
    harness.run();
    harness.get_by_label("Angka rupiah disembunyikan");
    harness.get_by_role_and_label(Role::Button, "Keluar presentasi (Esc)").click();
    harness.run();
    assert!(!harness.state().presentation().active);
    assert_eq!(harness.ctx.zoom_factor(), 1.0, "leaving resets the zoom");
}

#[test]
fn the_countdown_timer_runs_on_the_clock_and_stops_at_zero() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    execute(&mut harness, Command::Present);
    type_into(&mut harness, "Menit", "1");
    harness.get_by_role_and_label(Role::Button, "Atur").click();
    harness.run();
    harness.get_by_label("⏱ 01:00");
    harness.get_by_role_and_label(Role::Button, "Mulai").click();
    harness.run();
    assert!(harness.state().presentation().timer.running());
    let start = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(start + 20.2);
    harness.run();
    harness.get_by_label("⏱ 00:40");
    harness.get_by_role_and_label(Role::Button, "Jeda").click();
    harness.run();
    harness.input_mut().time = Some(start + 500.0);
    harness.run();
    harness.get_by_label("⏱ 00:40");
    harness.get_by_role_and_label(Role::Button, "Mulai").click();
    harness.run();
    let now = harness.ctx.input(|i| i.time);
    harness.input_mut().time = Some(now + 45.0);
    harness.run();
    harness.get_by_label("⏱ 00:00");
    harness.get_by_label("Waktu habis");
    assert!(!harness.state().presentation().timer.running(), "the timer stops itself at zero");
}

#[test]
fn dot_votes_are_workbook_data_shown_live_and_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Workshop;
    harness.run();
    let program = program_id(&harness, "GOV-PS-02");
    let votes = |h: &Harness<'_, App>| {
        let q = &h.state().session().unwrap().workbook().quick_wins;
        q.groups.iter().filter_map(|g| q.vote(g.id, program)).map(|v| v.dots).sum::<u32>()
    };
    assert_eq!(votes(&harness), 18);
    harness.get_by_role_and_label(Role::Button, "Tambah satu suara Dewan Smart City untuk GOV-PS-02").click();
    harness.run();
    assert_eq!(votes(&harness), 19);
    // Typing a count replaces it.
    type_into(&mut harness, "Suara Masyarakat, akademisi dan swasta untuk GOV-PS-02", "10");
    assert_eq!(votes(&harness), 23);
    harness.get_by_role_and_label(Role::Button, "Peringkat suara langsung").click();
    harness.run();
    harness.get_by_label("23");
    execute(&mut harness, Command::Undo);
    assert_eq!(votes(&harness), 19, "Ctrl+Z undid the typed count");
    execute(&mut harness, Command::Undo);
    assert_eq!(votes(&harness), 18, "and then the +1");
}

#[test]
fn attendance_is_kept_in_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = attendance_view(dir.path());
    harness.get_by_label("10 dari 12 hadir");
    harness.get_by_role_and_label(Role::CheckBox, "Hadir: Kepala Bidang UMKM").click();
    harness.run();
    harness.get_by_label("11 dari 12 hadir");
    let q = &harness.state().session().unwrap().workbook().quick_wins;
    assert!(q.attendees.iter().find(|a| a.name == "Kepala Bidang UMKM").unwrap().present);
}

#[test]
fn a_new_attendee_is_added_once_and_a_refused_one_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = attendance_view(dir.path());
    let attendees = |h: &Harness<'_, App>| h.state().session().unwrap().workbook().quick_wins.attendees.len();
    let before = attendees(&harness);
    let field = |h: &Harness<'_, App>, name: &str| h.get_by_role_and_label(Role::TextInput, name).value();

    // No name: refused, the typed position stays in its field and nothing is added.
    retype(&mut harness, "Jabatan / OPD peserta", "Camat Andoolo");
    harness.get_by_role_and_label(Role::Button, "Tambah peserta").click();
    harness.run();
    assert_eq!(attendees(&harness), before, "an attendee without a name is refused");
    assert_eq!(field(&harness, "Jabatan / OPD peserta").as_deref(), Some("Camat Andoolo"));
    harness.get_by_label("⚠ Nama tidak boleh kosong");
    assert!(!harness.state().status_text().contains("Nama tidak boleh kosong"), "shown once, in the view");

    retype(&mut harness, "Nama peserta", "Wa Ode Sitti");
    harness.get_by_role_and_label(Role::Button, "Tambah peserta").click();
    harness.run();
    assert_eq!(attendees(&harness), before + 1, "added once");
    assert_eq!(field(&harness, "Nama peserta").as_deref(), Some(""), "the fields clear once it is in");
    assert_eq!(field(&harness, "Jabatan / OPD peserta").as_deref(), Some(""));
    let q = &harness.state().session().unwrap().workbook().quick_wins;
    assert!(q.attendees.iter().any(|a| a.name == "Wa Ode Sitti" && a.role == "Camat Andoolo"));
}

#[test]
fn keys_score_the_current_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Scoring;
    harness.run();
    let (first, criteria) = {
        let wb = harness.state().session().unwrap().workbook();
        (wb.programs[0].id, wb.quick_wins.criteria.iter().map(|c| c.id).collect::<Vec<_>>())
    };
    let score =
        |h: &Harness<'_, App>, c: usize| h.state().session().unwrap().workbook().quick_wins.score(first, criteria[c]);
    harness.key_press(Key::Num2);
    harness.run();
    assert_eq!(score(&harness, 0), Some(2));
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.key_press(Key::Num5);
    harness.run();
    assert_eq!(score(&harness, 1), Some(5), "the arrow moved to the next criterion");
    harness.key_press(Key::Num0);
    harness.run();
    assert_eq!(score(&harness, 1), None, "0 clears");
    harness.get_by_role_and_label(Role::Button, "Skor 3").click();
    harness.run();
    assert_eq!(score(&harness, 1), Some(3));
}

#[test]
fn the_picker_marks_its_set_as_quick_wins_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Picker;
    harness.run();
    let marked = |h: &Harness<'_, App>| {
        let mut codes: Vec<String> = h
            .state()
            .session()
            .unwrap()
            .workbook()
            .programs
            .iter()
            .filter(|p| p.quick_win)
            .map(|p| p.code.clone())
            .collect();
        codes.sort();
        codes
    };
    let before = marked(&harness);
    let proposed = harness.state_mut().quick_wins_mut().picker.adjusted.clone();
    assert!(!proposed.is_empty());
    // The facilitator takes one program out before marking.
    let dropped = proposed[0];
    let code = harness.state().session().unwrap().workbook().program(dropped).unwrap().code.clone();
    let name = harness.state().session().unwrap().workbook().program(dropped).unwrap().name.clone();
    harness.get_by_role_and_label(Role::CheckBox, &format!("Pilih {code} {name}")).click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Tandai sebagai quick win").click();
    harness.run();
    let after = marked(&harness);
    let workbook = harness.state().session().unwrap().workbook();
    let mut expected: Vec<String> = before.clone();
    for id in &proposed[1..] {
        let code = &workbook.program(*id).unwrap().code;
        if !expected.contains(code) {
            expected.push(code.clone());
        }
    }
    expected.sort();
    let in_set = |c: &String| proposed[1..].iter().any(|id| &workbook.program(*id).unwrap().code == c);
    assert!(before.iter().any(|c| !in_set(c)), "the demo has quick wins outside the set, which must stay");
    assert_eq!(after, expected, "the set is added; every quick win marked before stays marked");
    if !before.contains(&code) {
        assert!(!after.contains(&code), "the program taken out is not marked");
    }
    harness.get_by_label_contains("quick win lain tetap");
    execute(&mut harness, Command::Undo);
    assert_eq!(marked(&harness), before, "one undo restores the marks");
}

#[test]
fn replacing_the_quick_wins_says_how_many_it_unmarks_and_waits_for_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Picker;
    harness.run();
    let quick_wins = |h: &Harness<'_, App>| -> Vec<Id> {
        h.state().session().unwrap().workbook().programs.iter().filter(|p| p.quick_win).map(|p| p.id).collect()
    };
    let before = quick_wins(&harness);
    let set = vec![harness.state_mut().quick_wins_mut().picker.adjusted[0]];
    harness.state_mut().quick_wins_mut().picker.adjusted = set.clone();
    harness.run();
    let unmarked = before.iter().filter(|id| !set.contains(id)).count();
    assert!(unmarked > 0, "the demo has quick wins outside the set");

    harness.get_by_role_and_label(Role::Button, "Ganti quick win dengan set ini…").click();
    harness.run();
    assert_eq!(quick_wins(&harness), before, "nothing changes before the confirmation");
    let marks = usize::from(!before.contains(&set[0]));
    harness.get_by_label_contains(&format!("Ini menandai {marks} program dan melepas {unmarked} quick win lain"));
    // The demo's minutes record quick wins as chosen: without minutes chosen, the drop would go unrecorded.
    harness.get_by_label_contains("tercatat terpilih di berita acara");
    harness.get_by_role_and_label(Role::Button, "Batal").click();
    harness.run();
    assert_eq!(quick_wins(&harness), before, "cancelled");

    // Recorded in a workshop's minutes, each program marked and unmarked is a decision there.
    let workshop = harness.state().session().unwrap().workbook().quick_wins.workshops[0].id;
    harness.state_mut().quick_wins_mut().picker.record_in = Some(workshop);
    harness.run();

    harness.get_by_role_and_label(Role::Button, "Ganti quick win dengan set ini…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Ganti").click();
    harness.run();
    assert_eq!(quick_wins(&harness), set, "replaced: only the set is marked");
    harness.get_by_label_contains(&format!("{unmarked} quick win dilepas"));
    let q = &harness.state().session().unwrap().workbook().quick_wins;
    let dropped = q.decisions_of(workshop).filter(|d| d.kind == DecisionKind::QuickWinDropped).count();
    assert_eq!(dropped, unmarked, "the minutes record every quick win dropped");
    execute(&mut harness, Command::Undo);
    assert_eq!(quick_wins(&harness), before, "one undo brings every quick win back");
}

#[test]
fn the_minutes_export_as_one_html_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Workshop;
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Berita acara").click();
    harness.run();
    let path = dir.path().join("berita acara.html");
    type_into(&mut harness, "Simpan berita acara (HTML) ke", path.to_str().unwrap());
    harness.get_by_role_and_label(Role::Button, "Ekspor berita acara").click();
    harness.run();
    harness.get_by_label(&format!("Berita acara tersimpan di {}", path.display()));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Tahap III") && html.contains("Aula Kantor Bupati, Andoolo"));
    assert!(html.contains("Dipilih sebagai quick win") && html.contains("Bupati Konawe Selatan"));
    assert!(!html.contains("<script"), "self-contained and inert");
}

#[test]
fn weights_are_shown_as_shares_of_one_hundred_percent() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Criteria;
    harness.run();
    harness.get_by_label("25,0 %");
    harness.get_by_label("Jumlah bobot: 100 poin = 100 %");
    type_into(&mut harness, "Bobot Dampak bagi warga", "35");
    // 35 of 110 points.
    harness.get_by_label("31,8 %");
    harness.get_by_label("Jumlah bobot: 110 poin = 100 %");
    let wb = harness.state().session().unwrap().workbook();
    assert_eq!(wb.quick_wins.criteria.iter().find(|c| c.key == "impact").unwrap().weight, 35);
    // A weight that is not a whole number stays in its field, refused.
    type_into(&mut harness, "Bobot Dampak bagi warga", "dua");
    let wb = harness.state().session().unwrap().workbook();
    assert_eq!(wb.quick_wins.criteria.iter().find(|c| c.key == "impact").unwrap().weight, 35);
}

#[test]
fn a_workshop_is_deleted_only_after_confirming_and_comes_back_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Workshop;
    harness.run();
    let before = harness.state().session().unwrap().workbook().quick_wins.clone();
    harness.get_by_role_and_label(Role::Button, "Hapus lokakarya beserta suara, daftar hadir dan keputusannya").click();
    harness.run();
    assert_eq!(harness.state().session().unwrap().workbook().quick_wins, before, "one click deletes nothing");
    harness.get_by_role_and_label(Role::Button, "Batal").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Hapus lokakarya beserta suara, daftar hadir dan keputusannya").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Ya, hapus").click();
    harness.run();
    let q = &harness.state().session().unwrap().workbook().quick_wins;
    assert!(q.workshops.is_empty() && q.votes.is_empty() && q.attendees.is_empty() && q.decisions.is_empty());
    execute(&mut harness, Command::Undo);
    assert_eq!(harness.state().session().unwrap().workbook().quick_wins, before, "one undo brings it all back");
}

#[test]
fn a_saved_alternative_is_compared_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Picker;
    harness.run();
    type_into(&mut harness, "Nama alternatif", "Alternatif C: usulan");
    harness.get_by_role_and_label(Role::Button, "Simpan sebagai alternatif").click();
    harness.run();
    let proposed = harness.state_mut().quick_wins_mut().picker.adjusted.clone();
    {
        let q = &harness.state().session().unwrap().workbook().quick_wins;
        let saved = q.selections.iter().find(|s| s.name == "Alternatif C: usulan").expect("saved");
        assert_eq!(saved.programs, proposed);
    }
    harness.get_by_role_and_label(Role::Button, "Bandingkan pilihan tersimpan").click();
    harness.run();
    // The demo's two alternatives and the new one, side by side, with their program counts.
    harness.get_by_label("Jumlah program");
    assert!(harness.query_all_by_label("Alternatif C: usulan").count() >= 2, "a column for the new alternative");
    harness.get_by_label(&proposed.len().to_string());
    // Unticking an alternative takes its column away.
    harness.get_by_role_and_label(Role::CheckBox, "Alternatif C: usulan").click();
    harness.run();
    assert_eq!(harness.query_all_by_label("Alternatif C: usulan").count(), 1, "only its check box is left");
}

/// The picker's cap is the workbook's: typed once, it is there after closing and reopening the file, and
/// Edit › Undo puts the previous one back (issue 17: it was forgotten on reopening).
#[test]
fn the_pickers_cap_is_kept_in_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let picker_of = |path: &std::path::Path| {
        let mut harness = app(Startup::Path(path.to_path_buf()), dir.path());
        harness.get_by_role_and_label(Role::Button, "Quick Win").click();
        harness.run();
        harness.state_mut().quick_wins_mut().tab = Tab::Picker;
        harness.run();
        harness
    };
    let cap_shown = |h: &Harness<'_, App>| {
        h.get_by_role_and_label(Role::TextInput, "Pagu anggaran quick win").accesskit_node().value().unwrap()
    };
    let mut harness = picker_of(&path);
    let before = cap_shown(&harness);
    assert_ne!(before, "3.500.000.000");
    type_into(&mut harness, "Pagu anggaran quick win", "3.500.000.000");
    let kept = harness.state().session().unwrap().workbook().quick_wins.picker.clone();
    assert_eq!(kept.map(|p| p.cap), Some(3_500_000_000), "the cap is an edit of the workbook");
    execute(&mut harness, Command::Undo);
    assert_eq!(cap_shown(&harness), before, "undo puts the previous cap back");
    execute(&mut harness, Command::Redo);
    assert_eq!(cap_shown(&harness), "3.500.000.000");
    drop(harness);

    let harness = picker_of(&path);
    assert_eq!(cap_shown(&harness), "3.500.000.000", "the cap survives reopening");
}

#[test]
fn a_workshops_date_is_written_out_in_the_language_of_the_interface() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.state_mut().quick_wins_mut().tab = Tab::Workshop;
    harness.run();
    // The demo's stage III workshop was held on 2021-10-27.
    let chosen = |harness: &Harness<'_, App>, name: &str| {
        harness.get_by_role_and_label(Role::ComboBox, name).value().unwrap_or_default()
    };
    assert_eq!(chosen(&harness, "Lokakarya"), "Bimtek Tahap III: Pemilihan Quick Win (contoh) · 27 Oktober 2021");
    harness.get_by_label("27 Oktober 2021");
    execute(&mut harness, Command::SetLanguage(Lang::En));
    assert_eq!(chosen(&harness, "Workshop"), "Bimtek Tahap III: Pemilihan Quick Win (contoh) · 27 October 2021");
    harness.get_by_label("27 October 2021");
}

#[test]
fn long_criteria_names_and_picker_rows_wrap_at_1024x768() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = quick_win_view(dir.path());
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.state_mut().quick_wins_mut().tab = Tab::Criteria;
    harness.run();
    harness.run();
    let line = 15.0 + 8.0;
    let field = harness.get_by_label("Kriteria (Indonesia) Kesiapan OPD penanggung jawab");
    assert_eq!(field.value().as_deref(), Some("Kesiapan OPD penanggung jawab"));
    assert!(field.rect().height() > 1.5 * line, "a two-line field: {}", field.rect().height());

    harness.state_mut().quick_wins_mut().tab = Tab::Picker;
    harness.run();
    harness.run();
    let name = harness.get(By::new().role(Role::Label).label_contains("GOV-KP-01 Peraturan Bupati")).rect();
    assert!(name.height() > 1.5 * 15.0, "the program's name wraps onto a second line: {}", name.height());
    assert!(name.right() <= 1024.0);
}
