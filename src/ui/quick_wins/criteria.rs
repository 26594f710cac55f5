//! The criteria as data: names in both languages, weights in points shown as shares of 100 %, "lower is
//! better", added and removed (with their scores, as one undo step). A workbook without criteria of its own
//! (older files) shows the defaults; the first edit stores them with the change.

use egui::{RichText, Ui};

use crate::analysis::quick_wins::weight_shares;
use crate::i18n::{Lang, Message, Text, format_decimal};
use crate::model::quick_wins::{Criterion, QuickWins};
use crate::model::{Change, Edit, QuickWinChange, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, text_field};

#[derive(Default)]
pub struct CriteriaEditor {
    drafts: Drafts,
    problem: Option<Message>,
}

/// The edit putting `c` (storing the defaults first when the workbook has no criteria of its own).
fn put(q: &QuickWins, c: Criterion) -> Edit {
    let mut changes = q.materialise_criteria();
    changes.push(Change::QuickWin(QuickWinChange::PutCriterion(c.clone())));
    Edit::new(Message::with(Text::QwEditCriterion, [c.name_id]), changes)
}

impl CriteriaEditor {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let q = &cx.session.workbook().quick_wins;
        let criteria = q.criteria_in_force().into_owned();
        let shares = weight_shares(&criteria);
        ui.label(RichText::new(Text::QwCriteriaHint.get(lang)).weak());
        let mut edits: Vec<Edit> = Vec::new();
        // The names share what the weight, share, switch and delete button leave, and wrap onto two lines.
        let name_width = ((ui.available_width() - 360.0) / 2.0).clamp(200.0, 480.0);
        egui::ScrollArea::vertical().id_salt("qw_criteria").show(ui, |ui| {
            egui::Grid::new("qw_criteria_grid").striped(true).spacing([10.0, 6.0]).show(ui, |ui| {
                for h in
                    [Text::QwCriterionId, Text::QwCriterionEn, Text::QwWeight, Text::QwShare, Text::QwLowerBetterShort]
                {
                    ui.strong(h.get(lang));
                }
                ui.end_row();
                for (c, share) in criteria.iter().zip(&shares) {
                    criterion_row_ui(ui, &mut self.drafts, cx, (c, *share, name_width), &mut edits);
                    ui.end_row();
                }
            });
            let total: u32 = criteria.iter().map(|c| c.weight).sum();
            ui.label(Text::QwWeightTotal.fill(lang, &[&total.to_string()]));
            if ui.add_enabled(cx.editable, egui::Button::new(Text::QwAddCriterion.get(lang))).clicked() {
                let criterion = Criterion {
                    id: new_id(),
                    key: String::new(),
                    name_id: Text::QwNewCriterion.get(Lang::Id).to_string(),
                    name_en: Text::QwNewCriterion.get(Lang::En).to_string(),
                    weight: 10,
                    lower_is_better: false,
                    position: QuickWins::next_position(&criteria, |c| c.position),
                };
                edits.push(put(q, criterion));
            }
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
        }
        for edit in edits {
            self.problem = cx.propose(edit).err().map(|problems| problems[0].message.clone());
        }
    }
}

/// One criterion: its names and weight, its share, "lower is better" and its delete button.
fn criterion_row_ui(
    ui: &mut Ui,
    drafts: &mut Drafts,
    cx: &ViewCx<'_>,
    (c, share, name_width): (&Criterion, f64, f32),
    edits: &mut Vec<Edit>,
) {
    let lang = cx.lang;
    let q = &cx.session.workbook().quick_wins;
    let fields: [(Text, &str, f32, usize); 3] = [
        (Text::QwCriterionId, &c.name_id, name_width, 2),
        (Text::QwCriterionEn, &c.name_en, name_width, 2),
        (Text::QwWeight, &c.weight.to_string(), 60.0, 1),
    ];
    for (label, current, width, rows) in fields {
        let id = egui::Id::unique(("qw_criterion", c.id, label));
        let name = format!("{} {}", label.get(lang), c.name_id);
        let spec = FieldSpec::new(id, &name).width(width).wrapping(rows).enabled(cx.editable);
        if let Some(value) = text_field(ui, drafts, spec, current, lang) {
            let value = value.replace(['\n', '\r'], " ");
            let mut new = c.clone();
            match label {
                Text::QwCriterionId => new.name_id = value.trim().to_string(),
                Text::QwCriterionEn => new.name_en = value.trim().to_string(),
                _ => match value.trim().parse::<u32>() {
                    Ok(weight) => new.weight = weight,
                    Err(_) => {
                        let problem = Message::with(Text::QwWeightRange, ["1000".to_string()]);
                        drafts.refuse(id, value, problem);
                        continue;
                    }
                },
            }
            edits.push(put(q, new));
        }
    }
    ui.label(format!("{} %", format_decimal(share, 1)));
    let mut lower = c.lower_is_better;
    let name = format!("{} {}", Text::QwLowerBetter.get(lang), c.name_id);
    if ui.add_enabled(cx.editable, egui::Checkbox::without_text(&mut lower)).accessible_name(name).changed() {
        edits.push(put(q, Criterion { lower_is_better: lower, ..c.clone() }));
    }
    if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteCriterion.get(lang)).clicked() {
        let mut changes = q.materialise_criteria();
        changes.extend(q.remove_criterion(c.id));
        edits.push(Edit::new(Message::with(Text::QwEditDeleteCriterion, [c.name_id.clone()]), changes));
    }
}
