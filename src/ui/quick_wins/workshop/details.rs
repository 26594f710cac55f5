//! The session's own fields (title, date, place, stage) and its deletion after a second, explicit click.

use egui::{RichText, Ui};

use super::{WorkshopPanel, qw};
use crate::analysis::quick_wins::minutes::stage_numeral;
use crate::i18n::{Message, Text, format_date};
use crate::model::quick_wins::{STAGES, Workshop};
use crate::model::{Edit, QuickWinChange};
use crate::ui::ViewCx;
use crate::ui::fields::{FieldSpec, text_field};

/// Puts a typed value into one field of a workshop.
type SetField = fn(&mut Workshop, String);

impl WorkshopPanel {
    pub(super) fn details_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        let edit_label = Message::with(Text::QwEditWorkshop, [w.title.clone()]);
        let mut changed: Option<Workshop> = None;
        ui.horizontal_wrapped(|ui| {
            if let Some(new) = self.text_fields_ui(ui, cx, w) {
                changed = Some(new);
            }
            if let Some(new) = stage_ui(ui, cx, w) {
                changed = Some(new);
            }
            // A whole session (votes, attendance, minutes) goes only after a second, explicit click.
            if cx.editable && self.confirm_delete != Some(w.id) {
                let delete = ui.small_button("🗑").on_hover_text(Text::QwDeleteWorkshop.get(lang));
                if delete.accessible_name(Text::QwDeleteWorkshop.get(lang)).clicked() {
                    self.confirm_delete = Some(w.id);
                }
            }
        });
        if cx.editable && self.confirm_delete == Some(w.id) {
            self.confirm_delete_ui(ui, cx, w);
        }
        if let Some(new) = changed {
            let edit = Edit::one(edit_label, qw(QuickWinChange::PutWorkshop(new)));
            self.push(cx, edit);
        }
    }

    /// The title, date and place fields; the workshop with the last typed value, if any.
    fn text_fields_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, w: &Workshop) -> Option<Workshop> {
        let lang = cx.lang;
        let em = ui.text_style_height(&egui::TextStyle::Body);
        let fields: [(Text, &str, f32, SetField); 3] = [
            (Text::QwWorkshopTitle, &w.title, 14.0 * em, |w, v| w.title = v),
            (Text::QwDate, &w.date, 6.5 * em, |w, v| w.date = v),
            (Text::QwPlace, &w.place, 9.5 * em, |w, v| w.place = v),
        ];
        let mut changed = None;
        for (label, current, width, set) in fields {
            ui.label(label.get(lang));
            let id = egui::Id::unique(("qw_workshop_field", w.id, label));
            let spec = FieldSpec::new(id, label.get(lang)).width(width).enabled(cx.editable);
            if let Some(value) = text_field(ui, &mut self.drafts, spec, current, lang) {
                let mut new = w.clone();
                set(&mut new, value.trim().to_string());
                changed = Some(new);
            }
            // The typed date written out, so a slip of month and day shows at once.
            let written = format_date(current.trim(), lang);
            if label == Text::QwDate && written != current.trim() {
                ui.label(RichText::new(written).weak());
            }
        }
        changed
    }

    /// "Delete this workshop?" with Yes and Cancel.
    fn confirm_delete_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().error_fg_color, Text::QwConfirmDeleteWorkshop.fill(lang, &[&w.title]));
            if ui.button(Text::QwYesDelete.get(lang)).clicked() {
                let changes = cx.session.workbook().quick_wins.remove_workshop(w.id);
                cx.push(Edit::new(Message::with(Text::QwEditDeleteWorkshop, [w.title.clone()]), changes));
                self.confirm_delete = None;
            }
            if ui.button(Text::QwCancel.get(lang)).clicked() {
                self.confirm_delete = None;
            }
        });
    }
}

/// The stage (I-IV) picker; the workshop with the new stage when it was changed.
fn stage_ui(ui: &mut Ui, cx: &ViewCx<'_>, w: &Workshop) -> Option<Workshop> {
    let lang = cx.lang;
    ui.label(Text::QwStageLabel.get(lang));
    let mut stage = w.stage;
    egui::ComboBox::from_id_salt(("qw_stage", w.id))
        .selected_text(stage_numeral(stage))
        .width(56.0)
        .show_ui(ui, |ui| {
            for s in STAGES {
                ui.selectable_value(&mut stage, s, stage_numeral(s));
            }
        })
        .response
        .accessible_name(Text::QwStageLabel.get(lang));
    (stage != w.stage && cx.editable).then(|| Workshop { stage, ..w.clone() })
}
