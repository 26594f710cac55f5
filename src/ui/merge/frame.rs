//! The frame the merge module's small dialogs share: a modal with its title and hint, closed by Esc or a
//! click outside as if cancelled.

use egui::Ui;

use crate::i18n::{Lang, Text};

/// What a dialog decided this frame.
pub enum Outcome<T> {
    Pending,
    Cancelled,
    Chosen(T),
}

/// The dialog's look: its id, width, title and the hint below it.
pub struct Frame<'a> {
    pub id: &'a str,
    pub width: f32,
    pub title: Text,
    pub hint: Text,
}

/// Show a modal with `frame`'s title and hint above `body`; `body` sets the outcome.
pub fn dialog<T>(
    ctx: &egui::Context,
    lang: Lang,
    frame: Frame<'_>,
    body: impl FnOnce(&mut Ui, &mut Outcome<T>),
) -> Outcome<T> {
    let mut outcome = Outcome::Pending;
    let modal = egui::Modal::new(egui::Id::unique(frame.id)).show(ctx, |ui| {
        ui.set_width(frame.width.min(ctx.content_rect().width() - 60.0));
        ui.heading(frame.title.get(lang));
        ui.add_space(4.0);
        ui.label(frame.hint.get(lang));
        ui.add_space(8.0);
        body(ui, &mut outcome);
    });
    if modal.should_close() && matches!(outcome, Outcome::Pending) {
        outcome = Outcome::Cancelled;
    }
    outcome
}
