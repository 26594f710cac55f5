//! A label that wraps onto at most a few lines and ends the last with "…": for table cells of a fixed
//! height, where a one-line cut loses most of a long reason or name. The whole text is the tooltip.

use std::sync::Arc;

use egui::{Response, RichText, Ui, WidgetText};

pub fn clamped_label(ui: &mut Ui, text: RichText, rows: usize) -> Response {
    let full = text.text().to_string();
    let job = WidgetText::from(text).into_layout_job(ui.style(), egui::FontSelection::Default, egui::Align::LEFT);
    let mut job = Arc::unwrap_or_clone(job);
    job.wrap.max_rows = rows.max(1);
    job.wrap.break_anywhere = false;
    job.wrap.overflow_character = Some('…');
    let response = ui.add(egui::Label::new(job).wrap());
    if response.hovered() { response.on_hover_text(full) } else { response }
}
