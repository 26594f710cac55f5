//! The minutes: the session's notes, its numbered decisions (kind, program, text) and the export of the
//! minutes as one HTML or DOCX document.

use std::path::PathBuf;

use egui::Ui;

use super::{WorkshopPanel, qw};
use crate::analysis::quick_wins::minutes::{decision_kind_text, stage_numeral};
use crate::i18n::{Message, Text};
use crate::io::atomic_file::write_file;
use crate::io::books::{DocFormat, render_minutes};
use crate::model::quick_wins::{Decision, DecisionKind, QuickWins, Workshop};
use crate::model::{Edit, Id, QuickWinChange, Workbook, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, text_field};
use crate::ui::file_dialog::browse_in_background;
use crate::ui::quick_wins::program_label;

impl WorkshopPanel {
    pub(super) fn minutes_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let decisions: Vec<Decision> = workbook.quick_wins.decisions_of(w.id).cloned().collect();
        let mut edits = Vec::new();
        edits.extend(notes_ui(ui, &mut self.drafts, cx, w));
        ui.strong(Text::QwDecisions.get(lang));
        egui::ScrollArea::both().id_salt("qw_decisions").max_height((ui.available_height() - 110.0).max(120.0)).show(
            ui,
            |ui| {
                egui::Grid::new("qw_decisions_grid").striped(true).spacing([10.0, 6.0]).show(ui, |ui| {
                    for (index, d) in decisions.iter().enumerate() {
                        decision_row_ui(ui, &mut self.drafts, cx, index, d, &mut edits);
                        ui.end_row();
                    }
                });
            },
        );
        ui.horizontal_wrapped(|ui| {
            if ui.add_enabled(cx.editable, egui::Button::new(Text::QwAddDecision.get(lang))).clicked() {
                edits.push(decision_edit(Decision {
                    id: new_id(),
                    workshop_id: w.id,
                    kind: DecisionKind::Other,
                    program_id: None,
                    text: Text::QwNewDecisionText.get(lang).to_string(),
                    position: QuickWins::next_position(&workbook.quick_wins.decisions, |d| d.position),
                }));
            }
        });
        ui.separator();
        self.export_ui(ui, cx, w);
        self.push_all(cx, edits);
    }

    /// Export the minutes as one HTML page: a path field that always works and a Browse button.
    fn export_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        if let Some(receiver) = &self.browsing
            && let Ok(chosen) = receiver.try_recv()
        {
            self.browsing = None;
            if let Some(path) = chosen {
                self.export_path = path.display().to_string();
            }
        }
        if self.export_path.is_empty() {
            let folder = cx.session.path().parent().map(PathBuf::from).unwrap_or_default();
            let file = format!("berita-acara-tahap-{}.html", stage_numeral(w.stage).to_lowercase());
            self.export_path = folder.join(file).display().to_string();
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::QwExportPath.get(lang));
            ui.add(egui::TextEdit::singleline(&mut self.export_path).desired_width(360.0)).labelled_by(label.id);
            if ui.add_enabled(self.browsing.is_none(), egui::Button::new(Text::Browse.get(lang))).clicked() {
                self.browsing = Some(browse_in_background(
                    ui.ctx(),
                    "HTML / DOCX".into(),
                    &["html", "docx"],
                    None,
                    Some("berita-acara.html".into()),
                ));
            }
            if ui.button(Text::QwExportMinutes.get(lang)).clicked() {
                self.status = Some(write_minutes(cx, w, PathBuf::from(self.export_path.trim())));
            }
        });
        if let Some((message, is_error)) = &self.status {
            let color = if *is_error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
            ui.colored_label(color, message.show(lang));
        }
    }
}

/// Writes the minutes of `w` to `path`; the status to show and whether it is an error.
fn write_minutes(cx: &ViewCx<'_>, w: &Workshop, path: PathBuf) -> (Message, bool) {
    // The same document the Ekspor view writes: DOCX for a .docx name, HTML otherwise.
    let is_docx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let format = if is_docx { DocFormat::Docx } else { DocFormat::Html };
    match render_minutes(cx.session.workbook(), w.id, format, cx.lang) {
        Ok(bytes) => match write_file(&path, &bytes) {
            Ok(()) => (Message::with(Text::QwMinutesSaved, [path.display().to_string()]), false),
            Err(e) => (e.message(), true),
        },
        Err(_) => (Message::new(Text::QwNoWorkshop), true),
    }
}

/// The session's notes; the edit when they were changed.
fn notes_ui(ui: &mut Ui, drafts: &mut Drafts, cx: &ViewCx<'_>, w: &Workshop) -> Option<Edit> {
    let lang = cx.lang;
    let id = egui::Id::unique(("qw_notes", w.id));
    ui.label(Text::QwNotes.get(lang));
    let spec = FieldSpec::new(id, Text::QwNotes.get(lang))
        .width(ui.available_width().min(720.0))
        .multiline()
        .enabled(cx.editable);
    text_field(ui, drafts, spec, &w.notes, lang).map(|value| {
        Edit::one(
            Message::with(Text::QwEditWorkshop, [w.title.clone()]),
            qw(QuickWinChange::PutWorkshop(Workshop { notes: value, ..w.clone() })),
        )
    })
}

/// One decision: its number, kind, program, text and the remove button.
fn decision_row_ui(
    ui: &mut Ui,
    drafts: &mut Drafts,
    cx: &ViewCx<'_>,
    index: usize,
    d: &Decision,
    edits: &mut Vec<Edit>,
) {
    let lang = cx.lang;
    ui.label(format!("{}.", index + 1));
    let mut kind = d.kind;
    egui::ComboBox::from_id_salt(("qw_decision_kind", d.id))
        .selected_text(decision_kind_text(kind).get(lang))
        .width(190.0)
        .show_ui(ui, |ui| {
            for k in DecisionKind::ALL {
                ui.selectable_value(&mut kind, k, decision_kind_text(k).get(lang));
            }
        })
        .response
        .accessible_name(Text::QwDecisionKind.get(lang));
    let program = program_combo_ui(ui, cx, d);
    if cx.editable && (kind != d.kind || program != d.program_id) {
        edits.push(decision_edit(Decision { kind, program_id: program, ..d.clone() }));
    }
    let id = egui::Id::unique(("qw_decision_text", d.id));
    let name = format!("{} {}", Text::QwDecisionText.get(lang), index + 1);
    let spec = FieldSpec::new(id, &name).width(240.0).enabled(cx.editable);
    if let Some(value) = text_field(ui, drafts, spec, &d.text, lang) {
        edits.push(decision_edit(Decision { text: value, ..d.clone() }));
    }
    if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteDecision.get(lang)).clicked() {
        edits.push(Edit::one(
            Message::with(Text::QwEditDeleteDecision, [(index + 1).to_string()]),
            qw(QuickWinChange::RemoveDecision(d.id)),
        ));
    }
}

/// The decision's program ("–" for none); the program chosen this frame.
fn program_combo_ui(ui: &mut Ui, cx: &ViewCx<'_>, d: &Decision) -> Option<Id> {
    let workbook: &Workbook = cx.session.workbook();
    let mut program = d.program_id;
    let label = |id: Option<Id>| {
        let full = id.and_then(|p| workbook.program(p)).map_or_else(|| "–".to_string(), program_label);
        shorten(&full, 26)
    };
    egui::ComboBox::from_id_salt(("qw_decision_program", d.id))
        .selected_text(label(program))
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut program, None, "–");
            for p in &workbook.programs {
                ui.selectable_value(&mut program, Some(p.id), shorten(&program_label(p), 60));
            }
        })
        .response
        .accessible_name(Text::QwProgram.get(cx.lang));
    program
}

/// `text` cut to `chars` characters with "…", for combo boxes that must not grow past the screen.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        text.chars().take(chars - 1).collect::<String>() + "…"
    }
}

fn decision_edit(d: Decision) -> Edit {
    Edit::one(Message::new(Text::QwEditDecision), qw(QuickWinChange::PutDecision(d)))
}
