//! The evaluation framework as data, edited by the coordinator under the self-assessment: the names of the
//! dimensions and items in both languages, items added and removed (with their scores, as one undo step).
//! The weights are typed beside the scores above; the model checks every change (names required, keys
//! unique, weights in range and not all zero).

use egui::{RichText, Ui};

use super::evaluation::EvaluationForm;
use crate::i18n::{Lang, Message, Text};
use crate::model::{Change, Edit, EvaluationDimension, EvaluationItem, Id, MonevChange, Workbook, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{FieldSpec, problem_label, text_field};

/// A name of a dimension or item: (which language, how to read it, how to write it).
type Name<T> = (&'static str, fn(&T) -> &String, fn(&mut T, String));

const DIMENSION_NAMES: [Name<EvaluationDimension>; 2] =
    [("id", |d| &d.name_id, |d, v| d.name_id = v), ("en", |d| &d.name_en, |d, v| d.name_en = v)];
const ITEM_NAMES: [Name<EvaluationItem>; 2] =
    [("id", |i| &i.name_id, |i, v| i.name_id = v), ("en", |i| &i.name_en, |i, v| i.name_en = v)];

/// A key for a new item of `dimension` that no item has: `<dimension>_<n>`.
fn new_item_key(workbook: &Workbook, dimension: &EvaluationDimension) -> String {
    (1..)
        .map(|n| format!("{}_{n}", dimension.key))
        .find(|k| workbook.monev.items.iter().all(|i| &i.key != k))
        .unwrap_or_default()
}

impl EvaluationForm {
    pub(super) fn framework_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, editable: bool) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        egui::CollapsingHeader::new(RichText::new(Text::EvalFramework.get(lang)).strong())
            .id_salt("evaluation_framework")
            .show(ui, |ui| {
                ui.label(RichText::new(Text::EvalFrameworkHelp.get(lang)).weak());
                for dimension in &workbook.monev.dimensions {
                    ui.add_space(6.0);
                    ui.horizontal_wrapped(|ui| {
                        for (which, get, set) in DIMENSION_NAMES {
                            let id = egui::Id::unique(("evaluation_dimension_name", dimension.id, which));
                            let name = format!("{} {} ({which})", Text::MonevDimension.get(lang), dimension.key);
                            let spec = FieldSpec::new(id, &name).width(260.0).enabled(editable);
                            if let Some(typed) = text_field(ui, &mut self.drafts, spec, get(dimension), lang) {
                                let mut changed = dimension.clone();
                                set(&mut changed, typed.clone());
                                self.commit_framework(cx, id, typed, Ok(MonevChange::PutDimension(changed)));
                            }
                        }
                    });
                    for item in workbook.monev.items_of(dimension.id) {
                        self.item_names_ui(ui, cx, item, editable);
                    }
                    if editable
                        && ui.button(Message::with(Text::EvalAddItem, [dimension.key.clone()]).show(lang)).clicked()
                    {
                        let position = workbook.monev.items.iter().map(|i| i.position).max().map_or(0, |p| p + 1);
                        let item = EvaluationItem {
                            id: new_id(),
                            dimension_id: dimension.id,
                            key: new_item_key(workbook, dimension),
                            name_id: Text::EvalNewItem.get(Lang::Id).to_string(),
                            name_en: Text::EvalNewItem.get(Lang::En).to_string(),
                            weight: 0,
                            position,
                        };
                        let label = Message::new(Text::EditEvaluationFramework);
                        cx.push(Edit::one(label, Change::Monev(MonevChange::PutItem(item))));
                    }
                }
            });
    }

    fn item_names_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, item: &EvaluationItem, editable: bool) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            ui.add_space(16.0);
            ui.label(RichText::new(&item.key).monospace());
            for (which, get, set) in ITEM_NAMES {
                let id = egui::Id::unique(("evaluation_item_name", item.id, which));
                let name = format!("{} {} ({which})", Text::EvalItem.get(lang), item.key);
                let spec = FieldSpec::new(id, &name).width(320.0).enabled(editable);
                if let Some(typed) = text_field(ui, &mut self.drafts, spec, get(item), lang) {
                    let mut changed = item.clone();
                    set(&mut changed, typed.clone());
                    self.commit_framework(cx, id, typed, Ok(MonevChange::PutItem(changed)));
                }
            }
            let remove = Message::with(Text::EvalRemoveItem, [item.key.clone()]).show(lang);
            if editable && ui.button("🗑").on_hover_text(&remove).accessible_name(&remove).clicked() {
                remove_item(cx, item.id);
            }
        });
        for which in ["id", "en"] {
            problem_label(ui, &self.drafts, egui::Id::unique(("evaluation_item_name", item.id, which)), lang);
        }
    }
}

/// Remove an item with its scores: one undo step.
fn remove_item(cx: &mut ViewCx<'_>, item: Id) {
    let changes = cx.session.workbook().monev.remove_item(item);
    cx.push(Edit::new(Message::new(Text::EditEvaluationFramework), changes));
}
