//! Scoring programs 1-5 on each criterion, as a grid of programs by criteria. Click a cell or move with the
//! arrow keys; keys 1-5 score the current cell, 0 or Delete clears it (when no text field has the keyboard),
//! as in the readiness scoring. Only the visible rows are laid out.

use egui::{Key, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::{level_color, program_label, score_text};
use crate::analysis::programs::fold;
use crate::analysis::quick_wins::Ranked;
use crate::i18n::{Lang, Message, Text};
use crate::model::quick_wins::{Criterion, CriterionScore, MAX_SCORE, MIN_SCORE};
use crate::model::{Change, Edit, Id, QuickWinChange, Workbook};
use crate::ui::ViewCx;

#[derive(Default)]
pub struct Scoring {
    /// Row (in the shown list) and column (criterion) of the current cell.
    pub row: usize,
    pub column: usize,
    pub filter: String,
    /// Scroll the grid to this row once (after the arrow keys moved away from the visible rows).
    scroll_to: Option<usize>,
    /// Shown programs: indices into the workbook's programs, for the filter and revision in `shown_key`.
    shown: Vec<usize>,
    shown_key: Option<(u64, String)>,
}

pub fn criterion_name(c: &Criterion, lang: Lang) -> &str {
    match lang {
        Lang::En if !c.name_en.trim().is_empty() => &c.name_en,
        _ => &c.name_id,
    }
}

/// The edit that gives `program` the `score` on `criterion` (`None` clears it).
pub fn score_edit(workbook: &Workbook, program: Id, criterion: &Criterion, score: Option<u8>) -> Option<Edit> {
    let label = |p: &str| {
        Message::with(
            Text::QwEditScore,
            [p.to_string(), criterion.name_id.clone(), score.map_or("–".into(), |s| s.to_string())],
        )
    };
    let code = workbook.program(program).map(program_label).unwrap_or_default();
    match score {
        Some(score) => {
            if workbook.quick_wins.score(program, criterion.id) == Some(score) {
                return None;
            }
            let mut changes = workbook.quick_wins.materialise_criteria();
            changes.push(Change::QuickWin(QuickWinChange::PutScore(CriterionScore {
                program_id: program,
                criterion_id: criterion.id,
                score,
            })));
            Some(Edit::new(label(&code), changes))
        }
        None => {
            workbook.quick_wins.score(program, criterion.id)?;
            let change = QuickWinChange::RemoveScore { program, criterion: criterion.id };
            Some(Edit::one(label(&code), Change::QuickWin(change)))
        }
    }
}

impl Scoring {
    fn refresh(&mut self, cx: &ViewCx<'_>) {
        let key = (cx.session.revision(), self.filter.clone());
        if self.shown_key.as_ref() == Some(&key) {
            return;
        }
        let needle = fold(self.filter.trim());
        self.shown = cx
            .session
            .workbook()
            .programs
            .iter()
            .enumerate()
            .filter(|(_, p)| needle.is_empty() || fold(&p.code).contains(&needle) || fold(&p.name).contains(&needle))
            .map(|(i, _)| i)
            .collect();
        self.shown_key = Some(key);
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, ranked: &[Ranked]) {
        let lang = cx.lang;
        self.refresh(cx);
        let workbook = cx.session.workbook();
        let criteria = workbook.quick_wins.criteria_in_force().into_owned();
        if criteria.is_empty() || workbook.programs.is_empty() {
            ui.label(Text::QwNothingToScore.get(lang));
            return;
        }
        self.row = self.row.min(self.shown.len().saturating_sub(1));
        self.column = self.column.min(criteria.len() - 1);
        self.keyboard(ui, cx, &criteria);
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::QwFilterPrograms.get(lang));
            ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(220.0)).labelled_by(label.id);
            ui.label(RichText::new(Text::QwScoringKeys.get(lang)).weak());
        });
        // The current cell, with buttons for the mouse (and screen readers).
        if let Some(&index) = self.shown.get(self.row) {
            let program = &workbook.programs[index];
            let criterion = &criteria[self.column];
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{} · {}", program_label(program), criterion_name(criterion, lang)));
                if criterion.lower_is_better {
                    ui.label(RichText::new(Text::QwLowerIsBetter.get(lang)).weak());
                }
                ui.add_enabled_ui(cx.editable, |ui| {
                    let current = workbook.quick_wins.score(program.id, criterion.id);
                    for level in MIN_SCORE..=MAX_SCORE {
                        let text = RichText::new(level.to_string()).strong();
                        let button =
                            egui::Button::selectable(current == Some(level), text).min_size(egui::vec2(34.0, 28.0));
                        let name = Text::QwScoreButton.fill(lang, &[&level.to_string()]);
                        if ui.add(button).accessible_name(name).clicked()
                            && let Some(edit) = score_edit(workbook, program.id, criterion, Some(level))
                        {
                            cx.push(edit);
                        }
                    }
                    if ui.button(Text::QwClearScore.get(lang)).clicked()
                        && let Some(edit) = score_edit(workbook, program.id, criterion, None)
                    {
                        cx.push(edit);
                    }
                });
            });
        }
        ui.separator();
        self.grid_ui(ui, cx, &criteria, ranked);
    }

    fn keyboard(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, criteria: &[Criterion]) {
        if ui.ctx().egui_wants_keyboard_input() || self.shown.is_empty() {
            return;
        }
        let (level, clear, down, up, right, left) = ui.input(|i| {
            let level = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5]
                .iter()
                .position(|k| i.key_pressed(*k))
                .map(|p| p as u8 + 1);
            let clear = i.key_pressed(Key::Num0) || i.key_pressed(Key::Delete);
            (
                level,
                clear,
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowRight),
                i.key_pressed(Key::ArrowLeft),
            )
        });
        if cx.editable && (level.is_some() || clear) {
            let workbook = cx.session.workbook();
            let program = workbook.programs[self.shown[self.row]].id;
            if let Some(edit) = score_edit(workbook, program, &criteria[self.column], level) {
                cx.push(edit);
            }
        }
        if down {
            self.row = (self.row + 1).min(self.shown.len() - 1);
        }
        if up {
            self.row = self.row.saturating_sub(1);
        }
        if up || down {
            self.scroll_to = Some(self.row);
        }
        if right {
            self.column = (self.column + 1).min(criteria.len() - 1);
        }
        if left {
            self.column = self.column.saturating_sub(1);
        }
    }

    fn grid_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, criteria: &[Criterion], ranked: &[Ranked]) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        let score_of = |program: Id| ranked.iter().find(|r| r.program == program).and_then(|r| r.score.value());
        let mut clicked = None;
        let em = ui.text_style_height(&egui::TextStyle::Body);
        // Criterion names wrap to at most three small lines.
        let header_height = 3.0 * ui.text_style_height(&egui::TextStyle::Small) + 8.0;
        egui::ScrollArea::horizontal().id_salt("qw_scoring_x").show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("qw_scoring")
                .striped(true)
                .auto_shrink(false)
                .column(Column::initial(13.0 * em).at_least(8.0 * em).clip(true));
            for _ in criteria {
                table = table.column(Column::exact(4.8 * em));
            }
            table = table.column(Column::exact(4.0 * em));
            if let Some(row) = self.scroll_to.take().filter(|r| *r < self.shown.len()) {
                table = table.scroll_to_row(row, None);
            }
            table
                .header(header_height, |mut header| {
                    header.col(|ui| {
                        ui.strong(Text::QwProgram.get(lang));
                    });
                    for c in criteria {
                        header.col(|ui| {
                            ui.add(egui::Label::new(RichText::new(criterion_name(c, lang)).small().strong()).wrap());
                        });
                    }
                    header.col(|ui| {
                        ui.strong(Text::QwScoreShort.get(lang));
                    });
                })
                .body(|body| {
                    body.rows(row_height, self.shown.len(), |mut row| {
                        let index = row.index();
                        let program = &workbook.programs[self.shown[index]];
                        row.col(|ui| {
                            let text = RichText::new(program_label(program));
                            let text = if index == self.row { text.strong() } else { text };
                            ui.add(egui::Label::new(text).truncate());
                        });
                        for (column, c) in criteria.iter().enumerate() {
                            row.col(|ui| {
                                let score = workbook.quick_wins.score(program.id, c.id);
                                let mut text = RichText::new(score.map_or("·".to_string(), |s| s.to_string())).strong();
                                if let Some(s) = score {
                                    text = text.color(level_color(c.effective(s)));
                                }
                                let current = index == self.row && column == self.column;
                                let name = format!("{} · {}", program.code, criterion_name(c, lang));
                                let cell = egui::Button::selectable(current, text)
                                    .min_size(egui::vec2(4.2 * em, row_height - 4.0));
                                if ui.add(cell).accessible_name(name).clicked() {
                                    clicked = Some((index, column));
                                }
                            });
                        }
                        row.col(|ui| {
                            ui.label(score_text(score_of(program.id)));
                        });
                    });
                });
        });
        if let Some((row, column)) = clicked {
            self.row = row;
            self.column = column;
        }
    }
}
