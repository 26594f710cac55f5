//! Wide grids on real screen sizes (issue 17): scrolled sideways, their row labels stay in view; on a wide
//! screen their columns use the width; the finance grid says what its grey figures are.

use egui::Rect;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use smartcity_workbench::paths::DataDir;
use smartcity_workbench::ui::{App, Startup};

use crate::demo_copy;

/// The demo in a window of `size`, showing the view behind the navigation button `view`.
fn demo_at(dir: &std::path::Path, size: [f32; 2], view: &str) -> Harness<'static, App> {
    let path = demo_copy(dir);
    let data_dir = DataDir(dir.to_path_buf());
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| App::new(&cc.egui_ctx, Startup::Path(path), data_dir));
    harness.run();
    harness.get_by_role_and_label(Role::Button, view).click();
    harness.run();
    harness
}

/// Where the view shown starts: the left of its heading `view`.
fn views_left(harness: &Harness<'_, App>, view: &str) -> f32 {
    harness.get_by_role_and_label(Role::Label, view).rect().left()
}

fn assert_in_view(rect: Rect, left: f32, width: f32, what: &str) {
    assert!(rect.left() >= left - 1.0 && rect.right() <= width + 1.0, "{what} is out of view: {rect:?}");
}

#[test]
fn the_program_table_keeps_code_and_name_in_view_when_scrolled_sideways() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = demo_at(dir.path(), [1024.0, 768.0], "Program");
    let workbook = harness.state().session().unwrap().workbook().clone();
    let program = workbook
        .programs
        .iter()
        .find(|p| harness.query_by_role_and_label(Role::Link, &p.name).is_some())
        .expect("a program's name is shown")
        .clone();
    let status = harness.get_by_role_and_label(Role::Button, "Status").rect();
    harness.get_by_role_and_label(Role::Button, "Status").scroll_to_me();
    harness.run();
    harness.run();
    let scrolled = harness.get_by_role_and_label(Role::Button, "Status").rect();
    assert!(scrolled.left() < status.left() - 20.0, "the table scrolled sideways: {status:?} -> {scrolled:?}");
    let left = views_left(&harness, "Program");
    assert_in_view(scrolled, left, 1024.0, "the last column");
    assert_in_view(harness.get_by_role_and_label(Role::Link, &program.name).rect(), left, 1024.0, "the name");
    assert_in_view(harness.get_by_role_and_label(Role::Label, &program.code).rect(), left, 1024.0, "the code");
}

/// Narrower than the projector, so the demo's eleven years do not fit and the grid must scroll sideways.
const NARROW: f32 = 700.0;

#[test]
fn the_finance_grid_keeps_line_names_in_view_when_scrolled_sideways() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = demo_at(dir.path(), [NARROW, 768.0], "Keuangan");
    let years: Vec<i32> = harness
        .query_all_by_role(Role::TextInput)
        .filter_map(|n| n.accesskit_node().label().and_then(|l| l.strip_prefix("Pajak Daerah ")?.parse::<i32>().ok()))
        .collect();
    let (first, last) = (*years.iter().min().expect("Pajak Daerah has a field per year"), *years.iter().max().unwrap());
    let field = format!("Pajak Daerah {last}");
    let before = harness.get_by_role_and_label(Role::TextInput, &field).rect();
    // Sideways with the wheel over the first year's field, as a user scrolls a grid wider than the window.
    harness.get_by_role_and_label(Role::TextInput, &format!("Pajak Daerah {first}")).hover();
    harness.run();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-3000.0, 0.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    // The grid keeps both halves at one offset by repainting until they agree: a few frames.
    harness.run_steps(8);
    let after = harness.get_by_role_and_label(Role::TextInput, &field).rect();
    assert!(after.left() < before.left() - 20.0, "the grid scrolled sideways: {before:?} -> {after:?}");
    let left = views_left(&harness, "Keuangan");
    assert_in_view(after, left, NARROW, "the last year's field");
    let name = harness
        .query_all_by_role(Role::Label)
        .find(|n| n.accesskit_node().value().is_some_and(|l| l.trim() == "Pajak Daerah"))
        .expect("the line's name is in the grid")
        .rect();
    assert_in_view(name, left, NARROW, "the line's name");
}

#[test]
fn the_finance_grid_says_what_grey_figures_are() {
    let dir = tempfile::tempdir().unwrap();
    let harness = demo_at(dir.path(), [1024.0, 768.0], "Keuangan");
    harness.get_by_label_contains("Abu-abu: angka perkiraan");
    harness.get_by_label_contains("Hitam: angka yang diketik");
}

#[test]
fn on_a_wide_screen_the_program_table_uses_the_width() {
    let dir = tempfile::tempdir().unwrap();
    let harness = demo_at(dir.path(), [1920.0, 1080.0], "Program");
    let left = views_left(&harness, "Program");
    let first = harness.get_by_role_and_label(Role::Button, "Kode").rect();
    let last = harness.get_by_role_and_label(Role::Button, "Status").rect();
    assert!(first.left() - left < 60.0, "the table starts at the view's left: {first:?}");
    assert!(last.right() > 1920.0 - 40.0, "the last column reaches the right edge: {last:?}");
    // Every column got its share of the width, not only the last one.
    let name = harness.get_by_role_and_label(Role::Button, "Nama program").rect();
    assert!(name.width() > 300.0, "the name column widened: {name:?}");
}
