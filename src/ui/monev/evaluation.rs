//! The yearly self-assessment: per evaluation dimension its items with their weights, a score (0-5, typed
//! the Indonesian way), evidence and a note each; the achievement index of the year and its improvement over
//! the previous evaluated year; and beside Outcome, Quick win and Baseline the score the workbook suggests from
//! its own figures, which one click takes over. The evaluation is the coordinator's: an agency copy shows it.

use egui::{RichText, Ui};

use super::dashboard::signed;
use crate::analysis::monev::{EvaluationYear, MonevFigures};
use crate::i18n::{Lang, Message, Text, format_decimal, parse_scaled};
use crate::model::monev::evaluation::{MAX_EVALUATION_SCORE, MAX_EVALUATION_WEIGHT};
use crate::model::{Change, Edit, EvaluationDimension, EvaluationItem, EvaluationScore, MonevChange, Workbook};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};

#[derive(Default)]
pub struct EvaluationForm {
    pub(super) drafts: Drafts,
}

fn name<'a>(lang: Lang, id: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::En { en } else { id }
}

/// The score of an item as typed: "3,50".
fn score_text(score: u16) -> String {
    format_decimal(f64::from(score) / 100.0, 2)
}

/// A typed score in hundredths, or why it is refused.
pub fn parse_score(text: &str) -> Result<u16, Message> {
    parse_scaled(text, 2)
        .filter(|s| *s <= u64::from(MAX_EVALUATION_SCORE))
        .map(|s| s as u16)
        .ok_or_else(|| Message::new(Text::NotAScore))
}

impl EvaluationForm {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, figures: &MonevFigures, year: i32) {
        let lang = cx.lang;
        let editable = cx.editable && cx.session.scope().is_none();
        let evaluation = figures.evaluation_year(year);
        summary_ui(ui, lang, year, evaluation);
        let workbook = cx.session.workbook();
        egui::ScrollArea::vertical().id_salt("monev_evaluation").auto_shrink(false).show(ui, |ui| {
            for dimension in &workbook.monev.dimensions {
                self.dimension_ui(ui, cx, dimension, evaluation, year, editable);
            }
            ui.add_space(12.0);
            self.framework_ui(ui, cx, editable);
        });
    }

    fn dimension_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        dimension: &EvaluationDimension,
        evaluation: Option<&EvaluationYear>,
        year: i32,
        editable: bool,
    ) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let score = evaluation.and_then(|e| e.by_dimension.iter().find(|d| d.dimension == dimension.id));
        let title = format!(
            "{} · {}",
            name(lang, &dimension.name_id, &dimension.name_en),
            Text::EvalDimensionScore
                .fill(lang, &[&score.and_then(|s| s.score).map_or("–".into(), |s| format_decimal(s, 2))]),
        );
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(title).strong().size(17.0));
            ui.label(Text::EvalItemWeight.get(lang));
            let accessible = Text::EvalWeight.fill(lang, &[&dimension.key]);
            let id = egui::Id::unique(("evaluation_dimension_weight", dimension.id));
            let spec = FieldSpec::new(id, &accessible).width(60.0).enabled(editable);
            if let Some(typed) = text_field(ui, &mut self.drafts, spec, &dimension.weight.to_string(), lang) {
                let changed = parse_weight(&typed)
                    .map(|weight| MonevChange::PutDimension(EvaluationDimension { weight, ..dimension.clone() }));
                self.commit_framework(cx, id, typed, changed);
            }
        });
        problem_label(ui, &self.drafts, egui::Id::unique(("evaluation_dimension_weight", dimension.id)), lang);
        let suggestion = evaluation.and_then(|e| e.suggestions.for_key(&dimension.key));
        let items: Vec<&EvaluationItem> = workbook.monev.items_of(dimension.id).collect();
        if let Some(suggested) = suggestion {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(Text::EvalSuggestion.fill(lang, &[&format_decimal(suggested, 2)])).italics());
                let take = Message::with(
                    Text::EvalTakeSuggestion,
                    [name(lang, &dimension.name_id, &dimension.name_en).to_string()],
                );
                if editable && ui.button(take.show(lang)).clicked() {
                    let points = (suggested * 100.0).round().clamp(0.0, f64::from(MAX_EVALUATION_SCORE)) as u16;
                    let changes =
                        items.iter().map(|item| put_score(workbook, year, item, |s| s.score = points)).collect();
                    cx.push(Edit::new(take, changes));
                }
            });
        }
        egui::Grid::new(("evaluation_items", dimension.id)).striped(true).num_columns(5).spacing([12.0, 6.0]).show(
            ui,
            |ui| {
                for header in
                    [Text::EvalItem, Text::EvalItemWeight, Text::EvalScore, Text::MonevEvidence, Text::MonevNote]
                {
                    ui.label(RichText::new(header.get(lang)).strong());
                }
                ui.end_row();
                for item in &items {
                    self.item_row(ui, cx, item, year, editable);
                }
            },
        );
        for item in &items {
            for what in ["score", "evidence", "note"] {
                problem_label(ui, &self.drafts, field_id(item, year, what), lang);
            }
        }
    }

    fn item_row(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, item: &EvaluationItem, year: i32, editable: bool) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let current = workbook.monev.score(year, item.id);
        let item_name = name(lang, &item.name_id, &item.name_en);
        // A question is a sentence: it wraps in a column of its own width, not in the grid's narrowest.
        ui.vertical(|ui| {
            ui.set_width(260.0);
            ui.add(egui::Label::new(item_name).wrap());
        });
        let id = egui::Id::unique(("evaluation_item_weight", item.id));
        let accessible = Text::EvalWeight.fill(lang, &[&item.key]);
        let spec = FieldSpec::new(id, &accessible).width(50.0).enabled(editable);
        if let Some(typed) = text_field(ui, &mut self.drafts, spec, &item.weight.to_string(), lang) {
            let changed =
                parse_weight(&typed).map(|weight| MonevChange::PutItem(EvaluationItem { weight, ..item.clone() }));
            self.commit_framework(cx, id, typed, changed);
        }
        let fields: [(&str, Text, String, f32); 3] = [
            ("score", Text::EvalScore, current.map_or_else(String::new, |s| score_text(s.score)), 80.0),
            ("evidence", Text::MonevEvidence, current.map_or_else(String::new, |s| s.evidence.clone()), 180.0),
            ("note", Text::MonevNote, current.map_or_else(String::new, |s| s.note.clone()), 180.0),
        ];
        for (what, label, text, width) in fields {
            let id = field_id(item, year, what);
            let accessible = format!("{} {}", label.get(lang), item.key);
            let spec = FieldSpec::new(id, &accessible).width(width).enabled(editable);
            if let Some(typed) = text_field(ui, &mut self.drafts, spec, &text, lang) {
                self.commit(cx, item, year, what, typed);
            }
        }
        ui.end_row();
    }

    fn commit(&mut self, cx: &mut ViewCx<'_>, item: &EvaluationItem, year: i32, what: &str, typed: String) {
        let workbook = cx.session.workbook();
        let id = field_id(item, year, what);
        let score = match what {
            "score" if typed.trim().is_empty() => None,
            "score" => match parse_score(&typed) {
                Ok(score) => Some(score),
                Err(problem) => return self.drafts.refuse(id, typed, problem),
            },
            // Evidence or a note without a score would save a score of 0 nobody gave.
            _ => match workbook.monev.score(year, item.id) {
                Some(s) => Some(s.score),
                None => return self.drafts.refuse(id, typed, Message::new(Text::EvalScoreFirst)),
            },
        };
        let label = Message::with(Text::EditEvaluationScore, [item.key.clone(), year.to_string()]);
        let change = match (what, score) {
            ("score", None) => Change::Monev(MonevChange::RemoveScore { year, item: item.id }),
            _ => put_score(workbook, year, item, |s| {
                s.score = score.unwrap_or(0);
                match what {
                    "evidence" => s.evidence = typed.clone(),
                    "note" => s.note = typed.clone(),
                    _ => {}
                }
            }),
        };
        if let Err(problems) = cx.propose(Edit::one(label, change)) {
            self.drafts.refuse(id, typed, problems[0].message.clone());
        }
    }
}

/// A weight as typed: whole points.
fn parse_weight(text: &str) -> Result<u32, Message> {
    text.trim()
        .parse::<u32>()
        .map_err(|_| Message::with(Text::EvaluationWeightRange, [MAX_EVALUATION_WEIGHT.to_string()]))
}

impl EvaluationForm {
    /// A changed weight of the framework, checked by the model (range, not all zero); refused, the typing stays.
    pub(super) fn commit_framework(
        &mut self,
        cx: &mut ViewCx<'_>,
        id: egui::Id,
        typed: String,
        changed: Result<MonevChange, Message>,
    ) {
        let proposed = changed.and_then(|change| {
            let edit = Edit::one(Message::new(Text::EditEvaluationFramework), Change::Monev(change));
            cx.propose(edit).map_err(|problems| problems[0].message.clone())
        });
        if let Err(problem) = proposed {
            self.drafts.refuse(id, typed, problem);
        }
    }
}

fn field_id(item: &EvaluationItem, year: i32, what: &str) -> egui::Id {
    egui::Id::unique(("evaluation_field", item.id, year, what))
}

/// The change that writes an item's score of `year` after `edit`, starting from the stored one.
fn put_score(workbook: &Workbook, year: i32, item: &EvaluationItem, edit: impl FnOnce(&mut EvaluationScore)) -> Change {
    let mut score = workbook.monev.score(year, item.id).cloned().unwrap_or(EvaluationScore {
        year,
        item_id: item.id,
        score: 0,
        evidence: String::new(),
        note: String::new(),
    });
    edit(&mut score);
    Change::Monev(MonevChange::PutScore(score))
}

fn summary_ui(ui: &mut Ui, lang: Lang, year: i32, evaluation: Option<&EvaluationYear>) {
    let index = evaluation.and_then(|e| e.index);
    let text = Text::EvalIndex.fill(lang, &[&year.to_string(), &index.map_or("–".into(), |i| format_decimal(i, 2))]);
    ui.label(RichText::new(text).size(20.0).strong());
    if let Some(e) = evaluation {
        if let (Some(improvement), Some(previous)) = (e.improvement, e.previous_year) {
            ui.label(Text::EvalImprovement.fill(lang, &[&previous.to_string(), &signed(improvement)]));
        }
        if !e.complete {
            ui.label(RichText::new(Text::EvalIncomplete.get(lang)).weak());
        }
    }
}
