//! Presentation mode on a 1024x768 projector: one zoom that enlarges the presented view (body text of at least
//! 32 pixels), a slim top bar, charts rendered at the size they are shown, and leaving back to the editing size.

use egui::accesskit::Role;
use egui::{Key, Modifiers, TextStyle, TextureId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use smartcity_workbench::paths::DataDir;
use smartcity_workbench::ui::{App, Command, Startup, View};

use crate::{demo_copy, execute};

/// The projector the issue measured on.
const PROJECTOR: [f32; 2] = [1024.0, 768.0];

pub fn projector_app(dir: &std::path::Path) -> Harness<'static, App> {
    let path = demo_copy(dir);
    let data_dir = DataDir(dir.to_path_buf());
    let mut harness = Harness::builder()
        .with_size(PROJECTOR)
        .build_eframe(move |cc| App::new(&cc.egui_ctx, Startup::Path(path), data_dir));
    harness.run();
    harness
}

/// Screen pixels of `points` at the harness' current scale (zoom included).
fn px(harness: &Harness<'_, App>, points: f32) -> f32 {
    points * harness.ctx.pixels_per_point()
}

fn body_px(harness: &Harness<'_, App>) -> f32 {
    px(harness, harness.ctx.global_style().text_styles[&TextStyle::Body].size)
}

/// The chart textures the app holds: id and size in pixels.
fn chart_textures(harness: &Harness<'_, App>) -> Vec<(TextureId, [usize; 2])> {
    let manager = harness.ctx.tex_manager();
    let manager = manager.read();
    manager.allocated().filter(|(_, meta)| meta.name.starts_with("chart-")).map(|(id, meta)| (*id, meta.size)).collect()
}

#[test]
fn presenting_zooms_the_content_to_32_px_under_a_slim_bar_and_leaving_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = projector_app(dir.path());
    execute(&mut harness, Command::Show(View::Profile));
    let label_px = |h: &Harness<'_, App>| px(h, h.get_by_role_and_label(Role::Label, "Nama daerah").rect().height());
    let (editing_label, editing_body) = (label_px(&harness), body_px(&harness));
    assert!(editing_body < 18.0, "editing text is desktop size: {editing_body}");

    execute(&mut harness, Command::Present);
    assert!(harness.state().presentation().active);
    assert!(body_px(&harness) >= 32.0, "body text on screen: {} px", body_px(&harness));
    let label = label_px(&harness);
    assert!(label >= 32.0, "a label of the presented view is {label} px tall");
    // The bar is one slim row at the top: the way out, the zoom and the timer all end within 60 px.
    let bottom =
        |h: &Harness<'_, App>, role: Role, name: &str| px(h, h.get_by_role_and_label(role, name).rect().bottom());
    for (role, name) in [
        (Role::Button, "Keluar presentasi (Esc)"),
        (Role::Button, "Perbesar (Ctrl +)"),
        (Role::Button, "Perkecil (Ctrl -)"),
        (Role::CheckBox, "Sembunyikan angka rupiah"),
        (Role::Button, "Mulai"),
    ] {
        let at = bottom(&harness, role, name);
        assert!(at <= 60.0, "{name} ends {at} px down: the bar is taller than one slim row");
    }
    let content_top = px(&harness, harness.get_by_role_and_label(Role::Label, "Nama daerah").rect().top());
    assert!(content_top >= bottom(&harness, Role::Button, "Keluar presentasi (Esc)"), "the view starts under the bar");

    // Ctrl +/- still adjust the one zoom.
    let zoom = harness.ctx.zoom_factor();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!(harness.ctx.zoom_factor() > zoom, "Ctrl + zooms in");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    assert!((harness.ctx.zoom_factor() - zoom).abs() < 1e-4, "Ctrl - zooms back out");

    execute(&mut harness, Command::Present);
    assert!(!harness.state().presentation().active);
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    assert_eq!(body_px(&harness), editing_body, "the editing text size is back");
    assert_eq!(label_px(&harness), editing_label);
}

#[test]
fn the_presentation_bar_switches_views_from_its_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = projector_app(dir.path());
    execute(&mut harness, Command::Present);
    for (name, view) in [("Kesiapan", View::Readiness), ("Quick Win", View::QuickWins), ("Program", View::Programs)] {
        harness.get_by_role_and_label(Role::ComboBox, "Tampilan yang dipresentasikan").click();
        harness.run();
        harness.get_by_role_and_label(Role::Button, name).click();
        harness.run();
        assert_eq!(harness.state().view(), view);
        assert!(harness.state().presentation().active, "switching views keeps presenting");
    }
}

#[test]
fn charts_are_rendered_at_the_size_they_are_presented_and_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = projector_app(dir.path());
    execute(&mut harness, Command::Show(View::Finance));
    harness.get_by_role_and_label(Role::Button, "Rasio").click();
    harness.run();
    let shown = |h: &Harness<'_, App>| {
        let rect = h.get_by_role(Role::Image).rect();
        [px(h, rect.width()).round() as usize, px(h, rect.height()).round() as usize]
    };
    let textures = chart_textures(&harness);
    assert_eq!(textures.len(), 1, "the ratios tab holds the revenue chart");
    assert_eq!(textures[0].1, shown(&harness), "while editing the picture has the pixels it is shown at");

    execute(&mut harness, Command::Present);
    harness.run();
    let textures = chart_textures(&harness);
    assert_eq!(textures.len(), 1, "the old picture is dropped, {textures:?}");
    let [width, height] = textures[0].1;
    assert_eq!([width, height], shown(&harness), "the picture has the pixels of the presented size");
    assert!(width >= 900, "at 1024x768 the chart spans the screen: {width} px");

    // Drawn once: more frames reuse the same texture.
    let id = textures[0].0;
    for _ in 0..3 {
        harness.run();
    }
    assert_eq!(chart_textures(&harness).iter().map(|t| t.0).collect::<Vec<_>>(), vec![id]);

    // Another zoom is another size, rendered again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    harness.run();
    harness.run();
    let textures = chart_textures(&harness);
    assert_eq!(textures.len(), 1);
    assert_eq!(textures[0].1, shown(&harness), "zooming out re-renders at the new size");
}

/// At 1024x768 and the presentation zoom every control of the bar is on screen, each to the right of the one
/// before it: the timer's minutes field and its "Atur" button do not slide under the way out.
#[test]
fn the_presentation_bar_fits_the_projector_without_overlaps() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = projector_app(dir.path());
    execute(&mut harness, Command::Present);
    let in_order = [
        (Role::Button, "Perkecil (Ctrl -)"),
        (Role::CheckBox, "Sembunyikan angka rupiah"),
        (Role::Button, "Mulai"),
        (Role::TextInput, "Menit"),
        (Role::Button, "Atur"),
        (Role::Button, "Keluar presentasi (Esc)"),
    ];
    let rects: Vec<egui::Rect> =
        in_order.iter().map(|(role, name)| harness.get_by_role_and_label(*role, name).rect()).collect();
    for (pair, names) in rects.windows(2).zip(in_order.windows(2)) {
        assert!(pair[0].right() <= pair[1].left(), "{} ends before {} starts", names[0].1, names[1].1);
    }
    let right_edge = rects.last().unwrap().right();
    assert!(px(&harness, right_edge) <= PROJECTOR[0], "the way out is on screen");
}

/// Presented at 1024x768, readiness scoring keeps the screen for the question: the tabs, the round and the
/// one-at-a-time switch share one row, the framework's tab steps aside, and all five levels are on screen
/// without a scroll. Leaving brings the framework's tab back.
#[test]
fn presented_readiness_scoring_shows_all_five_levels_on_one_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = projector_app(dir.path());
    execute(&mut harness, Command::Show(View::Readiness));
    assert_eq!(harness.query_all_by_label("Kerangka").count(), 1, "editing shows the framework's tab");
    execute(&mut harness, Command::Present);

    assert_eq!(harness.query_all_by_label("Kerangka").count(), 0, "presented, the framework's tab steps aside");
    let tab = harness.get_by_label("Penilaian").rect();
    let switch = harness.get_by_label("Satu per satu").rect();
    assert!((tab.center().y - switch.center().y).abs() < 4.0, "tabs {tab:?} and mode switch {switch:?} share a row");
    for level in 1..=5 {
        let button = harness.get_by_role_and_label(Role::Button, &format!("Nilai {level}")).rect();
        let bottom = px(&harness, button.bottom());
        assert!(bottom <= PROJECTOR[1], "level {level} ends {bottom} px down, below the 768 px screen");
    }

    execute(&mut harness, Command::Present);
    assert_eq!(harness.query_all_by_label("Kerangka").count(), 1, "the framework's tab is back after presenting");
}
