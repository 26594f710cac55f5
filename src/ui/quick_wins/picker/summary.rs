//! The picker's summary: the proposal's and the adjusted set's count, cost and score against the cap, and the
//! actions on the set (reset, mark as quick wins recorded in a workshop's minutes, save as a selection).

use egui::{RichText, Ui};

use super::Picker;
use crate::analysis::quick_wins::marking::{MarkMode, MarkPlan};
use crate::analysis::quick_wins::{Proposal, Ranked, SetTotals, Window, set_totals};
use crate::i18n::{Message, Text, format_decimal, format_rupiah};
use crate::model::quick_wins::{QuickWins, Selection};
use crate::model::{Change, Edit, Id, QuickWinChange, new_id};
use crate::ui::quick_wins::money;
use crate::ui::{ViewCx, names};

impl Picker {
    pub(super) fn summary_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        ranked: &[Ranked],
        proposal: &Proposal,
        window: Window,
    ) {
        let lang = cx.lang;
        self.totals_ui(ui, cx, ranked, proposal);
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(self.adjusted != proposal.chosen, egui::Button::new(Text::QwResetToProposal.get(lang)))
                .clicked()
            {
                self.adjusted = proposal.chosen.clone();
            }
            ui.add_enabled_ui(cx.editable, |ui| {
                self.mark_ui(ui, cx);
                ui.separator();
                self.save_selection_ui(ui, cx, window);
            });
        });
        self.confirm_replace_ui(ui, cx);
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
        } else if let Some(marked) = &self.marked {
            ui.label(format!("✔ {}", marked.show(lang)));
        }
    }

    /// The dimensions the proposal cannot cover, and the proposal's and the adjusted set's totals.
    fn totals_ui(&self, ui: &mut Ui, cx: &ViewCx<'_>, ranked: &[Ranked], proposal: &Proposal) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        if !proposal.uncovered.is_empty() {
            let dims: Vec<&str> = proposal
                .uncovered
                .iter()
                .filter_map(|d| workbook.dimension(*d))
                .map(|d| names::dimension(d, lang))
                .collect();
            ui.colored_label(ui.visuals().error_fg_color, Text::QwCannotCover.fill(lang, &[&dims.join(", ")]));
        }
        let proposed = set_totals(ranked, &proposal.chosen);
        let adjusted = set_totals(ranked, &self.adjusted);
        let line = |t: SetTotals| {
            Text::QwSetLine.fill(
                lang,
                &[&t.count.to_string(), &money(cx, t.cost), &money(cx, self.cap), &format_decimal(t.total_score, 2)],
            )
        };
        ui.label(RichText::new(format!("{}: {}", Text::QwProposal.get(lang), line(proposed))).strong());
        if self.adjusted != proposal.chosen {
            let color = if adjusted.cost > self.cap { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
            ui.colored_label(color, format!("{}: {}", Text::QwYourSet.get(lang), line(adjusted)));
            if adjusted.cost > self.cap {
                ui.colored_label(ui.visuals().error_fg_color, Text::QwOverCapWarning.get(lang));
            }
        }
        if !proposal.exact && !cx.hide_money {
            ui.label(RichText::new(Text::QwUnitNote.fill(lang, &[&format_rupiah(proposal.unit)])).weak().small());
        }
    }

    /// The workshop whose minutes record the marking, and "mark as quick wins".
    fn mark_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let workshops = &workbook.quick_wins.workshops;
        if self.record_in.is_some_and(|w| workbook.quick_wins.workshop(w).is_none()) {
            self.record_in = None;
        }
        let name = |id: Option<Id>| {
            id.and_then(|w| workbook.quick_wins.workshop(w))
                .map_or_else(|| Text::QwNoMinutes.get(lang).to_string(), |w| w.title.clone())
        };
        egui::ComboBox::from_id_salt("qw_record_in")
            .selected_text(name(self.record_in))
            .width(200.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.record_in, None, name(None));
                for w in workshops {
                    ui.selectable_value(&mut self.record_in, Some(w.id), w.title.clone());
                }
            })
            .response
            .accessible_name(Text::QwRecordIn.get(lang));
        let add = ui.button(RichText::new(Text::QwMarkSet.get(lang)).strong());
        if add.on_hover_text(Text::QwMarkSetHint.get(lang)).clicked() {
            let plan = MarkPlan::of(workbook, &self.adjusted, MarkMode::Add);
            if plan.is_empty() {
                (self.problem, self.marked) = (Some(Message::new(Text::QwSetAlreadyMarked)), None);
            } else {
                self.mark(cx, plan);
            }
        }
        if ui.button(Text::QwMarkReplace.get(lang)).clicked() {
            let plan = MarkPlan::of(workbook, &self.adjusted, MarkMode::Replace);
            // Nothing to unmark: replacing is adding, with nothing to confirm.
            if plan.unmarked.is_empty() {
                self.mark(cx, plan);
            } else {
                let untrue = plan.recorded_as_chosen(workbook);
                self.replacing = Some((plan, untrue));
            }
        }
    }

    /// The replacement waiting for confirmation: how many it marks and unmarks, Replace and Cancel.
    fn confirm_replace_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let Some((plan, untrue)) = &self.replacing else { return };
        let untrue = *untrue;
        let counts = [plan.marked.len().to_string(), plan.unmarked.len().to_string()];
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, Text::QwReplaceConfirm.fill(lang, &[&counts[0], &counts[1]]));
            if ui.button(RichText::new(Text::QwReplaceNow.get(lang)).strong()).clicked() {
                let (plan, _) = self.replacing.take().expect("shown");
                self.mark(cx, plan);
            } else if ui.button(Text::Cancel.get(lang)).clicked() {
                self.replacing = None;
            }
        });
        if self.replacing.is_some() && self.record_in.is_none() && untrue > 0 {
            ui.colored_label(ui.visuals().warn_fg_color, Text::QwReplaceUnrecorded.fill(lang, &[&untrue.to_string()]));
        }
    }

    /// Hand the marking over as one undo step, recorded in the chosen minutes, and say what it did.
    fn mark(&mut self, cx: &mut ViewCx<'_>, plan: MarkPlan) {
        self.marked = None;
        if plan.is_empty() {
            self.problem = Some(Message::new(Text::QwAlreadyMarked));
            return;
        }
        let counts = [plan.marked.len().to_string(), plan.unmarked.len().to_string()];
        self.problem = cx.propose(plan.edit(cx.session.workbook(), self.record_in)).err().map(|p| p[0].message.clone());
        if self.problem.is_none() {
            self.marked = Some(if plan.unmarked.is_empty() {
                Message::with(Text::QwMarkedAdded, [counts[0].clone()])
            } else {
                Message::with(Text::QwMarkedReplaced, counts)
            });
        }
    }

    /// The name of a new selection and "save selection".
    fn save_selection_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, window: Window) {
        let lang = cx.lang;
        let label = ui.label(Text::QwSelectionName.get(lang));
        ui.add(egui::TextEdit::singleline(&mut self.selection_name).desired_width(150.0)).labelled_by(label.id);
        if ui.button(Text::QwSaveSelection.get(lang)).clicked() {
            let selection = Selection {
                id: new_id(),
                name: self.selection_name.trim().to_string(),
                cap: self.cap,
                first_year: window.first_year,
                years: window.years,
                programs: self.adjusted.clone(),
                position: QuickWins::next_position(&cx.session.workbook().quick_wins.selections, |s| s.position),
            };
            let edit = Edit::one(
                Message::with(Text::QwEditSaveSelection, [selection.name.clone()]),
                Change::QuickWin(QuickWinChange::PutSelection(selection)),
            );
            self.problem = cx.propose(edit).err().map(|problems| problems[0].message.clone());
            if self.problem.is_none() {
                self.selection_name.clear();
            }
        }
    }
}
