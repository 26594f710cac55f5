//! A collapsible section whose title wraps: egui's `CollapsingHeader` keeps its title on one line and cuts a
//! long one at the edge (a readiness question, a strategy's text). A click on the title or the arrow opens
//! and closes it; the state is kept per `id`.

use egui::collapsing_header::CollapsingState;
use egui::{Label, Sense, Ui, WidgetText};

use super::theme;

pub fn wrapping_section(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    default_open: bool,
    title: impl Into<WidgetText>,
    body: impl FnOnce(&mut Ui),
) {
    let id = ui.make_persistent_id(id);
    let mut clicked = false;
    let mut header = CollapsingState::load_with_default_open(ui.ctx(), id, default_open).show_header(ui, |ui| {
        clicked = ui.add(Label::new(title).wrap().sense(Sense::click())).clicked();
    });
    if clicked {
        header.toggle();
    }
    header.body(body);
}

/// The view's name before its tabs. Presented, the bar already names the view, so the heading steps aside and
/// the tabs take its place: the room's screen is kept for the content.
pub fn view_heading(ui: &mut Ui, title: &str) {
    if !theme::presenting(ui.ctx()) {
        ui.heading(title);
        ui.add_space(12.0);
    }
}
