//! The desktop app (egui only). [`App`] owns the open workbook session and the view states; each frame the
//! views read the session's snapshot and hand back edits and commands, which the app applies after the
//! frame's UI: one place commits, reports errors once, and keeps the title and status bar true.

mod app;
mod badges;
mod charts;
mod clamp;
mod commands;
mod damaged;
pub mod export;
mod fields;
mod file_dialog;
pub mod finance;
mod grid;
mod guide;
mod home;
mod journal;
pub mod merge;
pub mod monev;
mod names;
mod presentation;
mod profile;
pub mod programs;
pub mod quick_wins;
pub mod readiness;
mod section;
pub mod strategy;
mod theme;
mod view_cx;
mod views;

pub use app::{App, Startup};
pub use commands::Command;
pub use view_cx::{Handed, ViewCx};
pub use views::View;

use crate::paths::DataDir;

/// Open the main window and run until it closes.
pub fn run(startup: Startup, data_dir: DataDir) -> eframe::Result {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Smart City Workbench")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 560.0])
        .with_maximized(true)
        .with_drag_and_drop(true);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    eframe::run_native(
        "smartcity-workbench",
        options,
        Box::new(move |cc| Ok(Box::new(App::new(&cc.egui_ctx, startup, data_dir)))),
    )
}
