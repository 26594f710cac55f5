//! The quick-win picker: a budget cap for the first year (or two) and filters; the exact best set under the
//! cap, with the reason each program is in or out; the facilitator's adjustments; marking the set as quick
//! wins (one undo step, recorded in a workshop's minutes when one is chosen); saved alternative selections,
//! compared side by side.

use std::collections::HashMap;

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::{money, program_color, program_label, score_text, years_ui};
use crate::analysis::quick_wins::DEFAULT_CAP;
use crate::analysis::quick_wins::{PickerSettings, Proposal, Ranked, Reason, Window, propose, set_totals};
use crate::i18n::{Message, Text, parse_rupiah};
use crate::model::quick_wins::{Decision, DecisionKind, QuickWins, Selection};
use crate::model::{Change, Edit, Id, QuickWinChange, Workbook, new_id};
use crate::ui::{ViewCx, names};

pub struct Picker {
    pub cap: i64,
    cap_text: String,
    cap_problem: Option<Message>,
    pub within_12_months: bool,
    pub min_readiness: Option<u8>,
    pub cover: Vec<Id>,
    /// The proposal and what it was computed from.
    proposal: Option<((u64, PickerSettings), Proposal)>,
    /// For each of the proposal's reasons: where its program is in the workbook's programs and in the ranking,
    /// found once per proposal (not per row and frame).
    lookup: Vec<(Option<usize>, Option<usize>)>,
    /// How often `lookup` was built (a test sees it reused).
    lookups_built: usize,
    /// The set as the facilitator adjusted it, starting from the proposal.
    pub adjusted: Vec<Id>,
    /// The workshop whose minutes record the marking.
    pub record_in: Option<Id>,
    selection_name: String,
    pub comparing: bool,
    compare: Vec<Id>,
    problem: Option<Message>,
}

impl Default for Picker {
    fn default() -> Self {
        Picker {
            cap: DEFAULT_CAP,
            cap_text: String::new(),
            cap_problem: None,
            within_12_months: true,
            min_readiness: None,
            cover: Vec::new(),
            proposal: None,
            lookup: Vec::new(),
            lookups_built: 0,
            adjusted: Vec::new(),
            record_in: None,
            selection_name: String::new(),
            comparing: false,
            compare: Vec::new(),
            problem: None,
        }
    }
}

/// Why a program is in or out, in words.
fn reason_text(cx: &ViewCx<'_>, reason: &Reason) -> String {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    match reason {
        Reason::Chosen { rank, covers: None } => Text::QwInRank.fill(lang, &[&rank.to_string()]),
        Reason::Chosen { rank, covers: Some(d) } => {
            let dimension = workbook.dimension(*d).map_or("?", |d| names::dimension(d, lang));
            Text::QwInCovers.fill(lang, &[&rank.to_string(), dimension])
        }
        Reason::NotScored => Text::QwOutNotScored.get(lang).to_string(),
        Reason::Status(status) => Text::QwOutStatus.fill(lang, &[names::status(*status).get(lang)]),
        Reason::StartsAfter(year) => Text::QwOutStartsAfter.fill(lang, &[&year.to_string()]),
        Reason::TooSlow(score) => Text::QwOutTooSlow.fill(lang, &[&score.map_or("–".into(), |s| s.to_string())]),
        Reason::AgencyNotReady(score) => {
            Text::QwOutNotReady.fill(lang, &[&score.map_or("–".into(), |s| s.to_string())])
        }
        Reason::OverCap { cost } => Text::QwOutOverCap.fill(lang, &[&money(cx, *cost)]),
        Reason::NoRoom { cost, left } => Text::QwOutNoRoom.fill(lang, &[&money(cx, *cost), &money(cx, *left)]),
    }
}

/// The edit that marks exactly `set` as quick wins (and unmarks the others), recording each newly chosen
/// program as a decision of `workshop`'s minutes. One undo step.
pub fn mark_edit(workbook: &Workbook, set: &[Id], workshop: Option<Id>) -> Edit {
    let mut changes = Vec::new();
    let mut position = QuickWins::next_position(&workbook.quick_wins.decisions, |d| d.position);
    for program in &workbook.programs {
        let chosen = set.contains(&program.id);
        if program.quick_win != chosen {
            let mut changed = program.clone();
            changed.quick_win = chosen;
            changes.push(Change::PutProgram(changed));
            if chosen && let Some(workshop) = workshop {
                changes.push(Change::QuickWin(QuickWinChange::PutDecision(Decision {
                    id: new_id(),
                    workshop_id: workshop,
                    kind: DecisionKind::QuickWinChosen,
                    program_id: Some(program.id),
                    text: String::new(),
                    position,
                })));
                position += 1;
            }
        }
    }
    Edit::new(Message::with(Text::QwEditMark, [set.len().to_string()]), changes)
}

impl Picker {
    pub fn settings(&self, window: Window) -> PickerSettings {
        PickerSettings {
            cap: self.cap,
            window,
            within_12_months: self.within_12_months,
            min_agency_readiness: self.min_readiness,
            cover: self.cover.clone(),
        }
    }

    /// The proposal for the current settings and revision, computed only when either changed.
    fn proposal(&mut self, cx: &ViewCx<'_>, ranked: &[Ranked], window: Window) -> &Proposal {
        let key = (cx.session.revision(), self.settings(window));
        if self.proposal.as_ref().is_none_or(|(k, _)| *k != key) {
            let proposal = propose(cx.session.workbook(), ranked, &key.1);
            let changed = self.proposal.as_ref().is_none_or(|(_, old)| old.chosen != proposal.chosen);
            if changed {
                self.adjusted = proposal.chosen.clone();
            }
            let programs: HashMap<Id, usize> =
                cx.session.workbook().programs.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
            let ranks: HashMap<Id, usize> = ranked.iter().enumerate().map(|(i, r)| (r.program, i)).collect();
            self.lookup =
                proposal.reasons.iter().map(|(id, _)| (programs.get(id).copied(), ranks.get(id).copied())).collect();
            self.lookups_built += 1;
            self.proposal = Some((key, proposal));
        }
        &self.proposal.as_ref().expect("just computed").1
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, ranked: &[Ranked], window: Window, years: &mut u8) {
        let lang = cx.lang;
        self.settings_ui(ui, cx, window, years);
        let proposal = self.proposal(cx, ranked, window).clone();
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.comparing, false, Text::QwProposal.get(lang));
            ui.selectable_value(&mut self.comparing, true, Text::QwCompare.get(lang));
        });
        ui.separator();
        if self.comparing {
            self.compare_ui(ui, cx, ranked);
        } else {
            self.summary_ui(ui, cx, ranked, &proposal, window);
            self.reasons_ui(ui, cx, ranked, &proposal);
        }
    }

    fn settings_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, window: Window, years: &mut u8) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::QwCapFor.get(lang));
            if cx.hide_money {
                // Presenting with money hidden: the cap stays, unseen.
                ui.label(money(cx, self.cap));
                return;
            }
            if self.cap_text.is_empty() && self.cap_problem.is_none() {
                self.cap_text = crate::i18n::format_rupiah(self.cap).trim_start_matches("Rp ").to_string();
            }
            let field =
                ui.add(egui::TextEdit::singleline(&mut self.cap_text).desired_width(150.0)).labelled_by(label.id);
            if field.lost_focus() {
                match parse_rupiah(&self.cap_text) {
                    Ok(cap) => {
                        self.cap = cap;
                        self.cap_problem = None;
                        self.cap_text.clear();
                    }
                    Err(e) => self.cap_problem = Some(Message::new(e.text())),
                }
            }
            if let Some(problem) = &self.cap_problem {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
            }
        });
        ui.horizontal_wrapped(|ui| years_ui(ui, cx, years, window));
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.within_12_months, Text::QwWithin12Months.get(lang));
            ui.separator();
            let readiness = |level: Option<u8>| match level {
                None => Text::QwAnyReadiness.get(lang).to_string(),
                Some(l) => Text::QwReadinessAtLeast.fill(lang, &[&l.to_string()]),
            };
            egui::ComboBox::from_id_salt("qw_min_readiness")
                .selected_text(readiness(self.min_readiness))
                .show_ui(ui, |ui| {
                    for level in [None, Some(2), Some(3), Some(4), Some(5)] {
                        ui.selectable_value(&mut self.min_readiness, level, readiness(level));
                    }
                })
                .response
                .accessible_name(Text::QwAgencyReadiness.get(lang));
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(Text::QwCover.get(lang));
            for d in &workbook.dimensions {
                let mut on = self.cover.contains(&d.id);
                if ui.checkbox(&mut on, names::dimension(d, lang)).changed() {
                    if on {
                        self.cover.push(d.id);
                    } else {
                        self.cover.retain(|c| *c != d.id);
                    }
                }
            }
        });
    }

    fn summary_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, ranked: &[Ranked], proposal: &Proposal, window: Window) {
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
        let line = |t: crate::analysis::quick_wins::SetTotals| {
            Text::QwSetLine.fill(
                lang,
                &[
                    &t.count.to_string(),
                    &money(cx, t.cost),
                    &money(cx, self.cap),
                    &crate::i18n::format_decimal(t.total_score, 2),
                ],
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
            ui.label(
                RichText::new(Text::QwUnitNote.fill(lang, &[&crate::i18n::format_rupiah(proposal.unit)]))
                    .weak()
                    .small(),
            );
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(self.adjusted != proposal.chosen, egui::Button::new(Text::QwResetToProposal.get(lang)))
                .clicked()
            {
                self.adjusted = proposal.chosen.clone();
            }
            ui.add_enabled_ui(cx.editable, |ui| {
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
                if ui.button(RichText::new(Text::QwMarkSet.get(lang)).strong()).clicked() {
                    let edit = mark_edit(workbook, &self.adjusted, self.record_in);
                    if edit.changes.is_empty() {
                        self.problem = Some(Message::new(Text::QwAlreadyMarked));
                    } else {
                        self.problem = cx.session.check(&edit).first().map(|p| p.message.clone());
                        if self.problem.is_none() {
                            cx.edits.push(edit);
                        }
                    }
                }
                ui.separator();
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
                        position: QuickWins::next_position(&workbook.quick_wins.selections, |s| s.position),
                    };
                    let edit = Edit::one(
                        Message::with(Text::QwEditSaveSelection, [selection.name.clone()]),
                        Change::QuickWin(QuickWinChange::PutSelection(selection)),
                    );
                    self.problem = cx.session.check(&edit).first().map(|p| p.message.clone());
                    if self.problem.is_none() {
                        cx.edits.push(edit);
                        self.selection_name.clear();
                    }
                }
            });
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
        }
    }

    fn reasons_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, ranked: &[Ranked], proposal: &Proposal) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        let em = ui.text_style_height(&egui::TextStyle::Body);
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
                .header(row_height, |mut header| {
                    for text in [Text::QwInSet, Text::QwProgram, Text::QwScoreShort, Text::QwCostInYears, Text::QwWhy] {
                        header.col(|ui| {
                            ui.strong(text.get(lang));
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, proposal.reasons.len(), |mut row| {
                        let (id, reason) = &proposal.reasons[row.index()];
                        // Found once per proposal; checked, and looked up the slow way should the workbook have
                        // changed under it (the proposal is keyed by revision, not by file).
                        let (at_program, at_rank) = self.lookup.get(row.index()).copied().unwrap_or_default();
                        let p = at_program.and_then(|i| workbook.programs.get(i)).filter(|p| p.id == *id);
                        let Some(p) = p.or_else(|| workbook.program(*id)) else { return };
                        let r = at_rank.and_then(|i| ranked.get(i)).filter(|r| r.program == *id);
                        let r = r.or_else(|| ranked.iter().find(|r| r.program == *id));
                        let in_set = self.adjusted.contains(id);
                        row.col(|ui| {
                            let mut on = in_set;
                            let name = Text::QwInSetOf.fill(lang, &[&program_label(p)]);
                            if ui.checkbox(&mut on, "").accessible_name(name).changed() {
                                toggled = Some(*id);
                            }
                        });
                        row.col(|ui| {
                            ui.horizontal(|ui| {
                                let (rect, _) =
                                    ui.allocate_exact_size(egui::vec2(6.0, row_height - 8.0), egui::Sense::hover());
                                ui.painter().rect_filled(rect, 1.0, program_color(workbook, p));
                                let text = RichText::new(program_label(p));
                                ui.label(if in_set { text.strong() } else { text });
                            });
                        });
                        row.col(|ui| {
                            ui.label(score_text(r.and_then(|r| r.score.value())));
                        });
                        row.col(|ui| {
                            ui.label(money(cx, r.map_or(0, |r| r.cost)));
                        });
                        row.col(|ui| {
                            let color = if reason.is_chosen() {
                                Color32::from_rgb(0x1E, 0x7B, 0x48)
                            } else {
                                ui.visuals().weak_text_color()
                            };
                            let text = reason_text(cx, reason);
                            ui.label(RichText::new(&text).color(color)).on_hover_text(text);
                        });
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

    fn compare_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, ranked: &[Ranked]) {
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
                    self.cap = s.cap;
                    self.cap_text.clear();
                    self.comparing = false;
                }
                if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteSelection.get(lang)).clicked() {
                    cx.edits.push(Edit::one(
                        Message::with(Text::QwEditDeleteSelection, [s.name.clone()]),
                        Change::QuickWin(QuickWinChange::RemoveSelection(s.id)),
                    ));
                }
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
                ui.strong(Text::QwCount.get(lang));
                for t in &totals {
                    ui.strong(t.count.to_string());
                }
                ui.end_row();
                ui.strong(Text::QwCostInYears.get(lang));
                for (t, s) in totals.iter().zip(&shown) {
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
                for t in &totals {
                    ui.strong(crate::i18n::format_decimal(t.total_score, 2));
                }
                ui.end_row();
                ui.strong(Text::QwVotesShort.get(lang));
                for t in &totals {
                    ui.strong(t.votes.to_string());
                }
                ui.end_row();
            });
        });
    }
}

#[cfg(test)]
mod lookup_tests {
    use super::*;

    #[test]
    fn the_reasons_lookup_is_built_once_per_proposal() {
        let dir = tempfile::tempdir().unwrap();
        let workbook = crate::seed::demo_workbook();
        let session = crate::store::Session::create(&dir.path().join("t.smartcity"), &workbook, "test").unwrap();
        let window = Window { first_year: workbook.profile.period_start, years: 1 };
        let ranked = crate::analysis::quick_wins::ranking(session.workbook(), window);
        let mut edits = Vec::new();
        let cx = ViewCx {
            lang: crate::i18n::Lang::Id,
            session: &session,
            edits: &mut edits,
            editable: true,
            hide_money: false,
        };
        let mut picker = Picker::default();
        let reasons = picker.proposal(&cx, &ranked, window).reasons.clone();
        assert!(!reasons.is_empty(), "the demo has programs to reason about");
        assert_eq!(picker.lookup.len(), reasons.len());
        for ((id, _), (at_program, at_rank)) in reasons.iter().zip(&picker.lookup) {
            assert_eq!(at_program.map(|i| session.workbook().programs[i].id), Some(*id));
            assert_eq!(at_rank.map(|i| ranked[i].program), ranked.iter().find(|r| r.program == *id).map(|r| r.program));
        }
        picker.proposal(&cx, &ranked, window);
        picker.proposal(&cx, &ranked, window);
        assert_eq!(picker.lookups_built, 1, "the same proposal reuses its lookup");
        picker.cap += 1;
        picker.proposal(&cx, &ranked, window);
        assert_eq!(picker.lookups_built, 2, "a new proposal builds it again");
    }
}
