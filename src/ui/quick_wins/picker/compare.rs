//! Comparing saved selections side by side: which to compare (use one, delete one), the programs in each, and
//! each selection's count, cost against its cap, total score and votes.

use egui::Ui;

use super::{Picker, cap_edit};
use crate::analysis::quick_wins::{Ranked, SetTotals, set_totals};
use crate::i18n::{Message, Text, format_decimal};
use crate::model::quick_wins::Selection;
use crate::model::{Change, Edit, QuickWinChange};
use crate::ui::ViewCx;
use crate::ui::quick_wins::{money, program_label};

impl Picker {
    pub(super) fn compare_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, ranked: &[Ranked]) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let selections = &workbook.quick_wins.selections;
        if selections.is_empty() {
            ui.label(Text::QwNoSelections.get(lang));
            return;
        }
        self.compare.retain(|id| workbook.quick_wins.selection(*id).is_some());
        if self.compare.is_empty() {
            self.compare = selections.iter().take(3).map(|s| s.id).collect();
        }
        ui.horizontal_wrapped(|ui| {
            for s in selections {
                self.selection_toggle_ui(ui, cx, s);
                ui.separator();
            }
        });
        let shown: Vec<&Selection> = self.compare.iter().filter_map(|id| workbook.quick_wins.selection(*id)).collect();
        let programs: Vec<&Ranked> =
            ranked.iter().filter(|r| shown.iter().any(|s| s.programs.contains(&r.program))).collect();
        egui::ScrollArea::both().id_salt("qw_compare").show(ui, |ui| {
            egui::Grid::new("qw_compare_grid").striped(true).spacing([16.0, 6.0]).show(ui, |ui| {
                ui.strong(Text::QwProgram.get(lang));
                for s in &shown {
                    ui.strong(&s.name);
                }
                ui.end_row();
                for r in &programs {
                    let Some(p) = workbook.program(r.program) else { continue };
                    ui.label(program_label(p));
                    for s in &shown {
                        ui.label(if s.programs.contains(&r.program) { "✔" } else { "" });
                    }
                    ui.end_row();
                }
                let totals: Vec<_> = shown.iter().map(|s| set_totals(ranked, &s.programs)).collect();
                totals_rows_ui(ui, cx, &shown, &totals);
            });
        });
    }

    /// One selection: compare it or not, use it (its set and cap), delete it.
    fn selection_toggle_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, s: &Selection) {
        let lang = cx.lang;
        let mut on = self.compare.contains(&s.id);
        if ui.checkbox(&mut on, &s.name).changed() {
            if on {
                self.compare.push(s.id);
            } else {
                self.compare.retain(|c| *c != s.id);
            }
        }
        if ui.small_button(Text::QwUseSelection.get(lang)).on_hover_text(&s.name).clicked() {
            self.adjusted = s.programs.clone();
            if s.cap != self.cap && cx.editable {
                cx.push(cap_edit(s.cap));
            }
            self.cap_text.clear();
            self.comparing = false;
        }
        if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteSelection.get(lang)).clicked() {
            cx.push(Edit::one(
                Message::with(Text::QwEditDeleteSelection, [s.name.clone()]),
                Change::QuickWin(QuickWinChange::RemoveSelection(s.id)),
            ));
        }
    }
}

/// The rows under the programs: count, cost against the cap (red when over), total score and votes.
fn totals_rows_ui(ui: &mut Ui, cx: &ViewCx<'_>, shown: &[&Selection], totals: &[SetTotals]) {
    let lang = cx.lang;
    ui.strong(Text::QwCount.get(lang));
    for t in totals {
        ui.strong(t.count.to_string());
    }
    ui.end_row();
    ui.strong(Text::QwCostInYears.get(lang));
    for (t, s) in totals.iter().zip(shown) {
        let over = t.cost > s.cap;
        let text = format!("{} / {}", money(cx, t.cost), money(cx, s.cap));
        if over {
            ui.colored_label(ui.visuals().error_fg_color, text);
        } else {
            ui.strong(text);
        }
    }
    ui.end_row();
    ui.strong(Text::QwTotalScore.get(lang));
    for t in totals {
        ui.strong(format_decimal(t.total_score, 2));
    }
    ui.end_row();
    ui.strong(Text::QwVotesShort.get(lang));
    for t in totals {
        ui.strong(t.votes.to_string());
    }
    ui.end_row();
}
