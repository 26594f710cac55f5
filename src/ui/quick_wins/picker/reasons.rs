//! The picker's table: every program with a check box for the adjusted set, its score, its cost in the
//! quick-win years and why the proposal has it in or out.

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

use super::{Picker, reason_text};
use crate::analysis::quick_wins::{Proposal, Ranked, Reason};
use crate::i18n::Text;
use crate::model::Program;
use crate::ui::ViewCx;
use crate::ui::clamp::clamped_label;
use crate::ui::quick_wins::{money, program_color, program_label, score_text};

impl Picker {
    pub(super) fn reasons_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, ranked: &[Ranked], proposal: &Proposal) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let em = ui.text_style_height(&egui::TextStyle::Body);
        // Two lines to a row: a program's name and the reason it is in or out wrap instead of being cut.
        let row_height = 2.0 * em + 10.0;
        let mut toggled = None;
        egui::ScrollArea::horizontal().id_salt("qw_picker_x").show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("qw_picker")
                .striped(true)
                .auto_shrink(false)
                .column(Column::exact(2.4 * em))
                .column(Column::initial(17.0 * em).at_least(8.0 * em).clip(true))
                .column(Column::exact(3.5 * em))
                .column(Column::exact(5.5 * em))
                .column(Column::remainder().at_least(11.0 * em).clip(true))
                .header(em + 10.0, |mut header| {
                    for text in [Text::QwInSet, Text::QwProgram, Text::QwScoreShort, Text::QwCostInYears, Text::QwWhy] {
                        header.col(|ui| {
                            ui.strong(text.get(lang));
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, proposal.reasons.len(), |row| {
                        let (id, reason) = &proposal.reasons[row.index()];
                        // Found once per proposal; checked, and looked up the slow way should the workbook have
                        // changed under it (the proposal is keyed by revision, not by file).
                        let (at_program, at_rank) = self.lookup.get(row.index()).copied().unwrap_or_default();
                        let p = at_program.and_then(|i| workbook.programs.get(i)).filter(|p| p.id == *id);
                        let Some(p) = p.or_else(|| workbook.program(*id)) else { return };
                        let r = at_rank.and_then(|i| ranked.get(i)).filter(|r| r.program == *id);
                        let r = r.or_else(|| ranked.iter().find(|r| r.program == *id));
                        let in_set = self.adjusted.contains(id);
                        if reason_row_ui(row, cx, (p, r, reason), in_set, row_height) {
                            toggled = Some(*id);
                        }
                    });
                });
        });
        if let Some(id) = toggled {
            if let Some(at) = self.adjusted.iter().position(|a| *a == id) {
                self.adjusted.remove(at);
            } else {
                self.adjusted.push(id);
            }
        }
    }
}

/// One program's row: in the set, name in its colour, score, cost and why. True when the check box was toggled.
fn reason_row_ui(
    mut row: TableRow<'_, '_>,
    cx: &ViewCx<'_>,
    (p, r, reason): (&Program, Option<&Ranked>, &Reason),
    in_set: bool,
    row_height: f32,
) -> bool {
    let lang = cx.lang;
    let mut toggled = false;
    row.col(|ui| {
        let mut on = in_set;
        let name = Text::QwInSetOf.fill(lang, &[&program_label(p)]);
        toggled = ui.checkbox(&mut on, "").accessible_name(name).changed();
    });
    row.col(|ui| {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(6.0, row_height - 8.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 1.0, program_color(cx.session.workbook(), p));
            let text = RichText::new(program_label(p));
            clamped_label(ui, if in_set { text.strong() } else { text }, 2);
        });
    });
    row.col(|ui| {
        ui.label(score_text(r.and_then(|r| r.score.value())));
    });
    row.col(|ui| {
        ui.label(money(cx, r.map_or(0, |r| r.cost)));
    });
    row.col(|ui| {
        let color =
            if reason.is_chosen() { Color32::from_rgb(0x1E, 0x7B, 0x48) } else { ui.visuals().weak_text_color() };
        clamped_label(ui, RichText::new(reason_text(cx, reason)).color(color), 2);
    });
    toggled
}
