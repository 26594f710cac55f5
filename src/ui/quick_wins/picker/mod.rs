//! The quick-win picker: a budget cap for the first year (or two) and filters; the exact best set under the
//! cap, with the reason each program is in or out; the facilitator's adjustments; marking the set as quick
//! wins (one undo step, recorded in a workshop's minutes when one is chosen); saved alternative selections,
//! compared side by side.

mod compare;
mod reasons;
mod summary;

use std::collections::HashMap;

use egui::Ui;

use super::{money, years_ui};
use crate::analysis::quick_wins::marking::MarkPlan;
use crate::analysis::quick_wins::{DEFAULT_CAP, PickerSettings, Proposal, Ranked, Reason, Window, propose};
use crate::i18n::{Message, Text, format_rupiah, parse_rupiah};
use crate::model::quick_wins::PickerSetting;
use crate::model::{Change, Edit, Id, QuickWinChange};
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
    /// A replacement of the quick wins waiting for the facilitator's confirmation, with how many of the
    /// programs it unmarks the minutes record as chosen (counted once, when asked).
    replacing: Option<(MarkPlan, usize)>,
    /// What the last marking did, said beside the buttons.
    marked: Option<Message>,
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
            replacing: None,
            marked: None,
            compare: Vec::new(),
            problem: None,
        }
    }
}

/// Setting the picker's cap: an edit of the workbook like any other (undo, history, merge).
pub(super) fn cap_edit(cap: i64) -> Edit {
    Edit::one(
        Message::with(Text::QwEditCap, [format_rupiah(cap)]),
        Change::QuickWin(QuickWinChange::PutPicker(Some(PickerSetting { cap }))),
    )
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
        Reason::Status(status) => Text::QwOutStatus.fill(lang, &[status.text().get(lang)]),
        Reason::StartsAfter(year) => Text::QwOutStartsAfter.fill(lang, &[&year.to_string()]),
        Reason::TooSlow(score) => Text::QwOutTooSlow.fill(lang, &[&score.map_or("–".into(), |s| s.to_string())]),
        Reason::AgencyNotReady(score) => {
            Text::QwOutNotReady.fill(lang, &[&score.map_or("–".into(), |s| s.to_string())])
        }
        Reason::OverCap { cost } => Text::QwOutOverCap.fill(lang, &[&money(cx, *cost)]),
        Reason::NoRoom { cost, left } => Text::QwOutNoRoom.fill(lang, &[&money(cx, *cost), &money(cx, *left)]),
    }
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

    fn settings_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, window: Window, years: &mut u8) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::QwCapFor.get(lang));
            if cx.hide_money {
                // Presenting with money hidden: the cap stays, unseen.
                ui.label(money(cx, self.cap));
                return;
            }
            let id = ui.make_persistent_id("qw_cap");
            // Shown from the workbook unless being typed or refused, so an undo or a merge shows at once.
            if self.cap_problem.is_none() && !ui.memory(|m| m.has_focus(id)) {
                self.cap_text = format_rupiah(self.cap).trim_start_matches("Rp ").to_string();
            }
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.cap_text).id(id).desired_width(150.0))
                .labelled_by(label.id);
            if field.lost_focus() {
                match parse_rupiah(&self.cap_text) {
                    Ok(cap) if cap == self.cap => self.cap_text.clear(),
                    Ok(cap) => {
                        self.cap_problem = cx.propose(cap_edit(cap)).err().map(|p| p[0].message.clone());
                        if self.cap_problem.is_none() {
                            self.cap = cap;
                            self.cap_text.clear();
                        }
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
}

#[cfg(test)]
mod lookup_tests {
    use super::*;
    use crate::ui::quick_wins::demo_session::DemoSession;

    #[test]
    fn the_reasons_lookup_is_built_once_per_proposal() {
        let demo = DemoSession::new();
        let (session, window, ranked) = (&demo.session, demo.window, demo.ranked.clone());
        let mut edits = Vec::new();
        let cx = demo.cx(&mut edits);
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
