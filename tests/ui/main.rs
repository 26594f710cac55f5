//! The real app, driven headlessly through its accessibility tree with egui_kittest.

mod damaged;
mod export;
mod finance;
mod flows;
mod grids;
mod home;
mod merge;
mod monev;
mod presentation;
mod programs;
mod quick_wins;
mod readiness;
mod strategy;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use smartcity_workbench::paths::DataDir;
use smartcity_workbench::ui::{App, Command, Startup};

/// A tall window, so the whole profile page (34 agencies) is on screen and every widget can be clicked.
pub const TALL: [f32; 2] = [1400.0, 3400.0];

pub fn app(startup: Startup, data_dir: &Path) -> Harness<'static, App> {
    let data_dir = DataDir(data_dir.to_path_buf());
    let mut harness =
        Harness::builder().with_size(TALL).build_eframe(move |cc| App::new(&cc.egui_ctx, startup, data_dir));
    harness.run();
    harness
}

pub fn demo_copy(dir: &Path) -> PathBuf {
    let path = dir.join("konsel.smartcity");
    smartcity_workbench::store::write_new_file(&path, &smartcity_workbench::seed::demo_workbook(), "test")
        .expect("demo written");
    path
}

/// Type `text` over whatever the text field labelled `field` holds, leaving the focus in it.
pub fn retype(harness: &mut Harness<'_, App>, field: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, field).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, field).type_text(text);
    harness.run();
}

/// Type `text` over what the field labelled `field` holds and leave it with Enter, as a user saves a cell.
pub fn type_into(harness: &mut Harness<'_, App>, field: &str, text: &str) {
    retype(harness, field, text);
    harness.key_press(Key::Enter);
    harness.run();
}

/// Run `command` as its menu entry or its shortcut does, and let the app draw the frame after it.
pub fn execute(harness: &mut Harness<'_, App>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().execute(&ctx, command);
    harness.run();
}
