//! The Kesiapan (readiness) view: score a round item by item or as a grid (keys 1-5 score, arrow keys move),
//! see the results with their bands, gaps and charts, and edit the framework itself.

mod framework;
mod gaps;
mod results;
mod scoring;

use egui::Ui;

pub use scoring::question as item_question;

use super::section::view_heading;
use super::{ViewCx, theme};
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, Id, Round, new_id};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Scoring,
    Results,
    Framework,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Scoring, Tab::Results, Tab::Framework];

    fn label(self) -> Text {
        match self {
            Tab::Scoring => Text::TabScoring,
            Tab::Results => Text::TabResults,
            Tab::Framework => Text::TabFramework,
        }
    }
}

/// The state of the readiness view.
#[derive(Default)]
pub struct ReadinessView {
    pub tab: Tab,
    /// The round being scored and shown; the latest when none was chosen.
    pub round: Option<Id>,
    pub scoring: scoring::Scoring,
    results: results::ResultsCache,
    framework: framework::FrameworkEditor,
    new_round_name: String,
    new_round_year: String,
    new_round_problem: Option<Message>,
}

impl ReadinessView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        if self.round.is_none_or(|r| workbook.round(r).is_none()) {
            self.round = workbook.rounds.last().map(|r| r.id);
        }
        // Presented, the tabs, the round and the scoring's mode switch share one row, without the heading
        // (the presentation bar names the view) and without the framework's tab (the framework is edited
        // outside the room): the screen is kept for the question and all five levels at 1024x768.
        let presenting = theme::presenting(ui.ctx());
        ui.horizontal_wrapped(|ui| {
            view_heading(ui, Text::NavReadiness.get(lang));
            for tab in Tab::ALL {
                if presenting && tab == Tab::Framework && self.tab != tab {
                    continue;
                }
                if ui.selectable_label(self.tab == tab, tab.label().get(lang)).clicked() {
                    self.tab = tab;
                }
            }
            if presenting && self.tab != Tab::Framework {
                ui.separator();
                self.round_picker_ui(ui, cx, 150.0);
                if self.tab == Tab::Scoring {
                    ui.separator();
                    self.scoring.mode_ui(ui, lang);
                }
            }
        });
        if !presenting {
            if self.tab != Tab::Framework {
                self.round_bar_ui(ui, cx);
            }
            ui.separator();
        }
        match self.tab {
            Tab::Scoring => match self.round {
                Some(round) => self.scoring.ui(ui, cx, round),
                None => {
                    ui.label(Text::NoRoundYet.get(lang));
                }
            },
            Tab::Results => self.results.ui(ui, cx, self.round),
            Tab::Framework => self.framework.ui(ui, cx),
        }
    }

    /// Which round is scored and shown.
    fn round_picker_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, width: f32) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let current = self.round.and_then(|r| workbook.round(r)).map_or_else(String::new, |r| r.label());
        egui::ComboBox::from_id_salt("readiness_round")
            .selected_text(current)
            .width(width)
            .show_ui(ui, |ui| {
                for r in &workbook.rounds {
                    ui.selectable_value(&mut self.round, Some(r.id), r.label());
                }
            })
            .response
            .accessible_name(Text::Round.get(lang));
    }

    /// Choose the round, or start a new one (in front of the room a round is scored, not started).
    fn round_bar_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            ui.label(Text::Round.get(lang));
            self.round_picker_ui(ui, cx, 200.0);
            ui.separator();
            ui.add_enabled_ui(cx.editable, |ui| {
                let name_label = ui.label(Text::NewRoundName.get(lang));
                ui.add_sized([160.0, 24.0], egui::TextEdit::singleline(&mut self.new_round_name))
                    .labelled_by(name_label.id);
                let year_label = ui.label(Text::Year.get(lang));
                ui.add_sized([60.0, 24.0], egui::TextEdit::singleline(&mut self.new_round_year))
                    .labelled_by(year_label.id);
                if ui.button(Text::AddRound.get(lang)).clicked() {
                    match self.new_round_year.trim().parse::<i32>() {
                        Err(_) => self.new_round_problem = Some(Message::new(Text::NotAYear)),
                        Ok(year) => {
                            let round = Round {
                                id: new_id(),
                                name: self.new_round_name.trim().to_string(),
                                year,
                                position: workbook.next_round_position(),
                            };
                            let edit = Edit::one(
                                Message::with(Text::EditAddRound, [round.name.clone()]),
                                Change::PutRound(round.clone()),
                            );
                            match cx.propose(edit) {
                                Err(problems) => self.new_round_problem = Some(problems[0].message.clone()),
                                Ok(()) => {
                                    self.round = Some(round.id);
                                    self.new_round_name.clear();
                                    self.new_round_year.clear();
                                    self.new_round_problem = None;
                                }
                            }
                        }
                    }
                }
            });
            if let Some(problem) = &self.new_round_problem {
                ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
            }
        });
    }
}
