//! The Quick Win view: the ranking by weighted score with the value-for-money chart, scoring programs on the
//! criteria (keys 1-5 as in readiness), the exact picker under a budget cap, the workshop (groups and dot
//! votes, attendance, minutes) and the criteria with their weights. The ranking is cached per workbook
//! revision and quick-win years, never recomputed per frame.

mod criteria;
#[cfg(test)]
mod demo_session;
mod picker;
mod ranking;
mod scoring;
mod workshop;

use std::path::PathBuf;
use std::rc::Rc;

use egui::Ui;

use super::section::view_heading;
use super::{ViewCx, names};
use crate::analysis::quick_wins::{Ranked, Window, picker_cap, ranking as rank_programs};
use crate::i18n::{Text, format_decimal, rupiah_short};
use crate::model::{Program, Workbook};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Ranking,
    Scoring,
    Picker,
    Workshop,
    Criteria,
}

impl Tab {
    pub const ALL: [Tab; 5] = [Tab::Ranking, Tab::Scoring, Tab::Picker, Tab::Workshop, Tab::Criteria];

    fn label(self) -> Text {
        match self {
            Tab::Ranking => Text::QwTabRanking,
            Tab::Scoring => Text::QwTabScoring,
            Tab::Picker => Text::QwTabPicker,
            Tab::Workshop => Text::QwTabWorkshop,
            Tab::Criteria => Text::QwTabCriteria,
        }
    }
}

/// The ranking of the current revision and quick-win years.
#[derive(Default)]
struct RankingCache {
    key: Option<(PathBuf, u64, Window)>,
    rows: Rc<Vec<Ranked>>,
}

impl RankingCache {
    fn get(&mut self, cx: &ViewCx<'_>, window: Window) -> Rc<Vec<Ranked>> {
        let key = (cx.session.path().to_path_buf(), cx.session.revision(), window);
        if self.key.as_ref() != Some(&key) {
            self.rows = Rc::new(rank_programs(cx.session.workbook(), window));
            self.key = Some(key);
        }
        self.rows.clone()
    }
}

/// The state of the Quick Win view.
#[derive(Default)]
pub struct QuickWinsView {
    pub tab: Tab,
    /// 1 or 2: how many first years of the masterplan count as a quick win's cost.
    pub years: u8,
    cache: RankingCache,
    pub ranking: ranking::RankingPanel,
    pub scoring: scoring::Scoring,
    pub picker: picker::Picker,
    pub workshop: workshop::WorkshopPanel,
    criteria: criteria::CriteriaEditor,
}

impl QuickWinsView {
    pub fn window(&self, workbook: &Workbook) -> Window {
        Window { first_year: workbook.profile.period_start, years: self.years.clamp(1, 2) }
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let window = self.window(cx.session.workbook());
        ui.horizontal_wrapped(|ui| {
            view_heading(ui, Text::NavQuickWins.get(lang));
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label().get(lang)).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        // The cap lives in the workbook (it survives closing, merges and undo); the picker shows and edits it.
        self.picker.cap = picker_cap(cx.session.workbook());
        let ranked = self.cache.get(cx, window);
        match self.tab {
            Tab::Ranking => {
                let (cap, set) = (self.picker.cap, self.picker.adjusted.clone());
                self.ranking.ui(ui, cx, &ranked, window, &mut self.years, cap, &set)
            }
            Tab::Scoring => self.scoring.ui(ui, cx, &ranked),
            Tab::Picker => self.picker.ui(ui, cx, &ranked, window, &mut self.years),
            Tab::Workshop => self.workshop.ui(ui, cx, &ranked),
            Tab::Criteria => self.criteria.ui(ui, cx),
        }
    }
}

/// Money as the view shows it: short rupiah, or dots while presenting with money hidden.
pub(crate) fn money(cx: &ViewCx<'_>, amount: i64) -> String {
    if cx.hide_money { "•••".to_string() } else { rupiah_short(amount, cx.lang) }
}

/// "CODE Name", or the name alone.
pub(crate) fn program_label(p: &Program) -> String {
    if p.code.trim().is_empty() { p.name.clone() } else { format!("{} {}", p.code, p.name) }
}

/// A score on the 1-5 scale with two decimals, or "–".
pub(crate) fn score_text(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format_decimal(v, 2))
}

/// The dimension's colour of a program.
pub(crate) fn program_color(workbook: &Workbook, p: &Program) -> egui::Color32 {
    workbook.dimension_of(p.element_id).map_or(egui::Color32::GRAY, |d| names::color(&d.color))
}

/// The "first year" / "first two years" switch.
fn years_ui(ui: &mut Ui, cx: &ViewCx<'_>, years: &mut u8, window: Window) {
    let lang = cx.lang;
    ui.label(Text::QwCostYears.get(lang));
    let one = Text::QwOneYear.fill(lang, &[&window.first_year.to_string()]);
    let two = Text::QwTwoYears.fill(lang, &[&window.first_year.to_string(), &(window.first_year + 1).to_string()]);
    if ui.radio(*years <= 1, one).clicked() {
        *years = 1;
    }
    if ui.radio(*years == 2, two).clicked() {
        *years = 2;
    }
}

/// The colour of a (effective) score, red (1) to green (5), as in the readiness scoring.
pub(crate) fn level_color(level: u8) -> egui::Color32 {
    match level {
        1 => egui::Color32::from_rgb(0xC0, 0x39, 0x2B),
        2 => egui::Color32::from_rgb(0xD3, 0x54, 0x00),
        3 => egui::Color32::from_rgb(0x9A, 0x7D, 0x0A),
        4 => egui::Color32::from_rgb(0x5D, 0x8C, 0x2C),
        _ => egui::Color32::from_rgb(0x1E, 0x7B, 0x48),
    }
}
