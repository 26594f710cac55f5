//! Scoring a round, built for the projector: one item at a time with its five level descriptions, or all
//! items as a grid. Keys 1-5 score the current item, the arrow keys move between items (when no text field
//! has the keyboard); progress shows answered of total per pillar and per dimension.

use egui::{Color32, Key, RichText, Ui};

use crate::analysis::readiness::weighted_index;
use crate::i18n::{Lang, Message, Text, format_decimal, format_timestamp};
use crate::model::{Change, Edit, Id, Pillar, ReadinessItem, Score, Workbook};
use crate::store::now_iso;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};
use crate::ui::grid::{Col, FrozenGrid, GridCells};
use crate::ui::{ViewCx, names, theme};

#[derive(Default)]
pub struct Scoring {
    /// Index of the current item in the framework's order.
    pub current: usize,
    pub grid: bool,
    drafts: Drafts,
}

/// The colour of a level, red (1) to green (5), shared with the charts' scale.
pub fn level_color(level: u8) -> Color32 {
    match level {
        1 => Color32::from_rgb(0xC0, 0x39, 0x2B),
        2 => Color32::from_rgb(0xE6, 0x7E, 0x22),
        3 => Color32::from_rgb(0xD4, 0xAC, 0x0D),
        4 => Color32::from_rgb(0x7D, 0xB3, 0x3C),
        _ => Color32::from_rgb(0x2E, 0x8B, 0x57),
    }
}

pub fn question(item: &ReadinessItem, lang: Lang) -> &str {
    match lang {
        Lang::En if !item.question_en.trim().is_empty() => &item.question_en,
        _ => &item.question_id,
    }
}

fn level_text(item: &ReadinessItem, level: u8, lang: Lang) -> &str {
    let text = &item.levels[usize::from(level - 1)];
    match lang {
        Lang::En if !text.en.trim().is_empty() => &text.en,
        _ => &text.id,
    }
}

/// The edit that gives `item` the `level` in `round`, keeping its evidence and note.
fn score_edit(workbook: &Workbook, round: Id, item: &ReadinessItem, level: u8, author: &str) -> Edit {
    let old = workbook.score(round, item.id);
    let score = Score {
        round_id: round,
        item_id: item.id,
        level,
        evidence: old.map(|s| s.evidence.clone()).unwrap_or_default(),
        note: old.map(|s| s.note.clone()).unwrap_or_default(),
        scored_by: author.to_string(),
        scored_at: now_iso(),
    };
    Edit::one(Message::with(Text::EditScore, [item.code.clone(), level.to_string()]), Change::PutScore(score))
}

impl Scoring {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, round: Id) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let items = &workbook.readiness_items;
        if items.is_empty() {
            ui.label(Text::NoReadinessItems.get(lang));
            return;
        }
        self.current = self.current.min(items.len() - 1);
        self.keyboard(ui, cx, round);
        // Presented, the mode switch sits in the round's row and the pillar's index in the item's row
        // (`item_nav_ui`): the question and its five levels then fit on a 1024x768 projector.
        if !theme::presenting(ui.ctx()) {
            ui.horizontal_wrapped(|ui| {
                self.mode_ui(ui, lang);
                ui.label(RichText::new(Text::ScoringKeysHint.get(lang)).weak());
            });
            let scoring = (!self.grid).then(|| items[self.current].pillar);
            progress_ui(ui, workbook, round, scoring, false, lang);
            ui.separator();
        }
        if self.grid {
            self.grid_ui(ui, cx, round);
        } else {
            self.single_ui(ui, cx, round);
        }
    }

    /// One item at a time, or all of them as a grid.
    pub fn mode_ui(&mut self, ui: &mut Ui, lang: Lang) {
        ui.selectable_value(&mut self.grid, false, Text::OneAtATime.get(lang));
        ui.selectable_value(&mut self.grid, true, Text::AsGrid.get(lang));
    }

    /// Keys 1-5 score the current item; arrows move. Text fields keep their keys.
    fn keyboard(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, round: Id) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let workbook = cx.session.workbook();
        let count = workbook.readiness_items.len();
        let (level, next, previous) = ui.input(|i| {
            let level = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5]
                .iter()
                .position(|k| i.key_pressed(*k))
                .map(|p| p as u8 + 1);
            let next = i.key_pressed(Key::ArrowDown) || i.key_pressed(Key::ArrowRight);
            let previous = i.key_pressed(Key::ArrowUp) || i.key_pressed(Key::ArrowLeft);
            (level, next, previous)
        });
        if let Some(level) = level
            && cx.editable
        {
            let item = &workbook.readiness_items[self.current];
            cx.push(score_edit(workbook, round, item, level, cx.session.author()));
        }
        if next {
            self.current = (self.current + 1).min(count - 1);
        }
        if previous {
            self.current = self.current.saturating_sub(1);
        }
    }

    fn single_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, round: Id) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let item = &workbook.readiness_items[self.current];
        let score = workbook.score(round, item.id);
        egui::ScrollArea::vertical().id_salt("scoring_single").auto_shrink(false).show(ui, |ui| {
            let presenting = theme::presenting(ui.ctx());
            self.item_nav_ui(ui, workbook, round, presenting, lang);
            // Presented, the question is a little larger than the body and a button is only as tall as its
            // text: the five levels then fit under the question at 1024x768.
            let (question_size, space, button_height) = if presenting { (18.0, 3.0, 24.0) } else { (22.0, 8.0, 40.0) };
            ui.add_space(space);
            ui.label(RichText::new(question(item, lang)).size(question_size).strong());
            ui.add_space(space);
            if presenting {
                ui.spacing_mut().item_spacing.y = 4.0;
            }
            for level in 1..=5u8 {
                let chosen = score.is_some_and(|s| s.level == level);
                let text = RichText::new(format!("{level}  {}", level_text(item, level, lang))).size(17.0);
                let text = if chosen { text.color(Color32::WHITE).strong() } else { text };
                let button = egui::Button::new(text)
                    .fill(if chosen { level_color(level) } else { ui.visuals().widgets.inactive.bg_fill })
                    .min_size(egui::vec2(ui.available_width().min(900.0), button_height));
                let response = ui
                    .add_enabled(cx.editable, button)
                    .accessible_name(Message::with(Text::ScoreLevel, [level.to_string()]).show(lang));
                if response.clicked() {
                    cx.push(score_edit(workbook, round, item, level, cx.session.author()));
                }
            }
            ui.add_space(10.0);
            self.evidence_ui(ui, cx, round, item);
            if let Some(score) = score {
                ui.label(
                    RichText::new(
                        Message::with(
                            Text::ScoredByAt,
                            [
                                score.scored_by.clone(),
                                format_timestamp(&score.scored_at, workbook.profile.time_zone, lang),
                            ],
                        )
                        .show(lang),
                    )
                    .weak(),
                );
            }
        });
    }

    /// Previous and next, which item of how many, and what it belongs to (presented: its pillar's index).
    fn item_nav_ui(&mut self, ui: &mut Ui, workbook: &Workbook, round: Id, presenting: bool, lang: Lang) {
        let item = &workbook.readiness_items[self.current];
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("◀")
                .accessible_name(Text::PreviousItem.get(lang))
                .on_hover_text(Text::PreviousItem.get(lang))
                .clicked()
            {
                self.current = self.current.saturating_sub(1);
            }
            ui.label(
                Message::with(
                    Text::ItemOf,
                    [(self.current + 1).to_string(), workbook.readiness_items.len().to_string()],
                )
                .show(lang),
            );
            if ui
                .button("▶")
                .accessible_name(Text::NextItem.get(lang))
                .on_hover_text(Text::NextItem.get(lang))
                .clicked()
            {
                self.current = (self.current + 1).min(workbook.readiness_items.len() - 1);
            }
            if presenting {
                ui.separator();
                progress_ui(ui, workbook, round, Some(item.pillar), true, lang);
                return;
            }
            let dimension = item
                .dimension_id
                .and_then(|d| workbook.dimension(d))
                .map_or(Text::General.get(lang), |d| names::dimension(d, lang));
            ui.label(RichText::new(format!("{} · {} · {}", item.code, item.pillar.text().get(lang), dimension)).weak());
        });
    }

    /// Evidence ("data dukung") and a note; they save when the user leaves the field, once the item is scored.
    fn evidence_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, round: Id, item: &ReadinessItem) {
        let lang = cx.lang;
        let Some(score) = cx.session.workbook().score(round, item.id) else {
            ui.label(RichText::new(Text::ScoreFirst.get(lang)).italics().weak());
            return;
        };
        for (label, get, set) in [
            (
                Text::Evidence,
                (|s: &Score| s.evidence.clone()) as fn(&Score) -> String,
                (|s: &mut Score, v| s.evidence = v) as fn(&mut Score, String),
            ),
            (Text::Note, |s: &Score| s.note.clone(), |s: &mut Score, v| s.note = v),
        ] {
            ui.label(label.get(lang));
            let id = egui::Id::unique(("score_text", round, item.id, label));
            let spec = FieldSpec::new(id, label.get(lang)).width(ui.available_width().min(900.0)).enabled(cx.editable);
            if let Some(value) = text_field(ui, &mut self.drafts, spec, &get(score), lang) {
                let mut changed = score.clone();
                set(&mut changed, value.clone());
                let edit =
                    Edit::one(Message::with(Text::EditScoreText, [item.code.clone()]), Change::PutScore(changed));
                if let Err(problems) = cx.propose(edit) {
                    let problem = &problems[0];
                    self.drafts.refuse(id, value, problem.message.clone());
                }
            }
            problem_label(ui, &self.drafts, id, lang);
        }
    }

    /// Every item in a row: the code and question stay in view when the other columns scroll sideways.
    fn grid_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, round: Id) {
        let columns = [
            Col::new(64.0, 50.0),
            Col::new(290.0, 160.0),
            Col::new(100.0, 60.0),
            Col::new(120.0, 60.0),
            Col::new(190.0, 180.0),
        ];
        let grid = FrozenGrid {
            id: "scoring_grid",
            columns: &columns,
            labels: 2,
            header_height: ui.text_style_height(&egui::TextStyle::Body) + 8.0,
            row_height: 28.0,
            rows: cx.session.workbook().readiness_items.len(),
            scroll: true,
            to_top: false,
        };
        grid.show(ui, &mut GridCellsOf { scoring: self, cx, round });
    }
}

/// The scoring grid's cells: code, question, pillar, dimension and the five level buttons.
struct GridCellsOf<'s, 'c, 'a> {
    scoring: &'s mut Scoring,
    cx: &'c mut ViewCx<'a>,
    round: Id,
}

impl GridCells for GridCellsOf<'_, '_, '_> {
    fn header(&mut self, column: usize, ui: &mut Ui) {
        let header = [Text::ColCode, Text::Question, Text::Pillar, Text::ColDimension, Text::Level][column];
        ui.label(RichText::new(header.get(self.cx.lang)).strong());
    }

    fn cell(&mut self, row: usize, column: usize, ui: &mut Ui) {
        let (lang, workbook) = (self.cx.lang, self.cx.session.workbook());
        let item = &workbook.readiness_items[row];
        match column {
            0 => {
                let current = row == self.scoring.current;
                let code = RichText::new(&item.code);
                if ui.selectable_label(current, if current { code.strong() } else { code }).clicked() {
                    self.scoring.current = row;
                }
            }
            1 => {
                ui.add(egui::Label::new(question(item, lang)).truncate());
            }
            2 => {
                ui.label(item.pillar.text().get(lang));
            }
            3 => {
                let dimension = item.dimension_id.and_then(|d| workbook.dimension(d));
                ui.label(dimension.map_or(Text::General.get(lang), |d| names::dimension(d, lang)));
            }
            _ => self.levels_ui(ui, row, item),
        }
    }
}

impl GridCellsOf<'_, '_, '_> {
    /// The five level buttons of one item, the chosen one in its colour.
    fn levels_ui(&mut self, ui: &mut Ui, index: usize, item: &ReadinessItem) {
        let (lang, workbook) = (self.cx.lang, self.cx.session.workbook());
        ui.horizontal(|ui| {
            let score = workbook.score(self.round, item.id).map(|s| s.level);
            for level in 1..=5u8 {
                let chosen = score == Some(level);
                let text = RichText::new(level.to_string()).strong();
                let text = if chosen { text.color(Color32::WHITE) } else { text };
                let button = egui::Button::new(text)
                    .fill(if chosen { level_color(level) } else { ui.visuals().widgets.inactive.bg_fill })
                    .min_size(egui::vec2(28.0, 24.0));
                let name = format!("{} {}: {level}", item.code, Text::Level.get(lang));
                let response = ui
                    .add_enabled(self.cx.editable, button)
                    .accessible_name(name)
                    .on_hover_text(level_text(item, level, lang));
                if response.clicked() {
                    self.scoring.current = index;
                    self.cx.push(score_edit(workbook, self.round, item, level, self.cx.session.author()));
                }
            }
        });
    }
}

/// Answered of total, per pillar (with its live index, the pillar being scored in bold) and per dimension,
/// for the round. `compact` (presented, one item at a time) shows only the pillar being scored: the room
/// follows its index, and the question stays on the screen.
fn progress_ui(ui: &mut Ui, workbook: &Workbook, round: Id, scoring: Option<Pillar>, compact: bool, lang: Lang) {
    let answered = |item: &ReadinessItem| workbook.score(round, item.id).is_some();
    let index_of = |filter: &dyn Fn(&ReadinessItem) -> bool| {
        weighted_index(workbook.readiness_items.iter().filter(|i| filter(i)), |id| {
            workbook.score(round, id).map(|s| s.level)
        })
    };
    let count = |filter: &dyn Fn(&ReadinessItem) -> bool| {
        let index = index_of(filter);
        (index.answered, index.total)
    };
    let all = workbook.readiness_items.iter().filter(|i| answered(i)).count();
    ui.horizontal_wrapped(|ui| {
        // Compact, the item line already says which item of how many.
        if !compact {
            let total = workbook.readiness_items.len().to_string();
            ui.label(RichText::new(Message::with(Text::Answered, [all.to_string(), total]).show(lang)).strong());
        }
        for pillar in Pillar::ALL.into_iter().filter(|p| !compact || scoring == Some(*p)) {
            let index = index_of(&|i: &ReadinessItem| i.pillar == pillar);
            let value = index.value.map_or_else(|| "–".to_string(), |v| format_decimal(v, 2));
            let counts = [pillar.text().get(lang), &index.answered.to_string(), &index.total.to_string(), &value];
            let text = RichText::new(Text::PillarLive.fill(lang, &counts));
            ui.label(if scoring == Some(pillar) { text.strong() } else { text });
        }
        if compact {
            return;
        }
        ui.separator();
        for d in &workbook.dimensions {
            let (done, total) = count(&|i: &ReadinessItem| i.dimension_id == Some(d.id));
            ui.label(
                RichText::new(format!("{} {done}/{total}", names::dimension(d, lang).trim_start_matches("Smart ")))
                    .color(names::color(&d.color)),
            );
        }
    });
}
