//! The live ranking: the programs with votes in this workshop as large bars, most votes first (the projector's
//! view).

use egui::{Color32, RichText, Ui};

use crate::analysis::quick_wins::votes_by_program;
use crate::i18n::Text;
use crate::model::quick_wins::Workshop;
use crate::model::{Id, Workbook};
use crate::ui::ViewCx;
use crate::ui::quick_wins::{program_color, program_label};

/// The programs with votes in this workshop as large bars, most votes first: the projector's live view.
pub(super) fn live_ranking_ui(ui: &mut Ui, cx: &ViewCx<'_>, w: &Workshop) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let totals = voted_programs(workbook, w.id);
    if totals.is_empty() {
        ui.label(RichText::new(Text::QwNoVotesYet.get(lang)).italics());
        return;
    }
    let most = totals[0].1.max(1);
    let row = ui.text_style_height(&egui::TextStyle::Body) + 14.0;
    egui::ScrollArea::vertical().id_salt("qw_live").show(ui, |ui| {
        egui::Grid::new("qw_live_grid").spacing([12.0, 6.0]).show(ui, |ui| {
            for (place, (id, votes)) in totals.iter().enumerate() {
                let Some(p) = workbook.program(*id) else { continue };
                ui.strong(format!("{}.", place + 1));
                ui.label(RichText::new(program_label(p)).strong());
                let width = (ui.available_width() - 60.0).clamp(120.0, 420.0);
                let (rect, _) = ui.allocate_exact_size(egui::vec2(width, row - 8.0), egui::Sense::hover());
                let filled = egui::Rect::from_min_size(
                    rect.min,
                    egui::vec2(rect.width() * *votes as f32 / most as f32, rect.height()),
                );
                ui.painter().rect_filled(rect, 3.0, Color32::from_gray(230));
                ui.painter().rect_filled(filled, 3.0, program_color(workbook, p));
                ui.strong(votes.to_string());
                ui.end_row();
            }
        });
    });
}

/// The programs with at least one dot in `workshop`, most dots first, then by code.
fn voted_programs(workbook: &Workbook, workshop: Id) -> Vec<(Id, u32)> {
    let mut totals: Vec<(Id, u32)> =
        votes_by_program(workbook, Some(workshop)).into_iter().filter(|(_, n)| *n > 0).collect();
    totals.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            let code = |id: Id| workbook.program(id).map(|p| p.code.clone()).unwrap_or_default();
            code(a.0).cmp(&code(b.0))
        })
    });
    totals
}
