//! Text fields that edit the workbook. A field keeps the user's typing as a draft and hands it over when the
//! user leaves the field (Tab, Enter, a click elsewhere): one field commit is one undo step, and a focused
//! field keeps egui's own undo for its text. A draft that fails validation stays in the field, with the
//! message next to it, so nothing typed is lost and nothing invalid is saved.

use std::collections::HashMap;

use egui::{Id, Response, TextEdit, Ui};

use crate::i18n::{Lang, Message, Text};

#[derive(Default)]
pub struct Drafts {
    text: HashMap<Id, String>,
    problems: HashMap<Id, Message>,
}

impl Drafts {
    /// Keep an invalid value in its field with the reason.
    pub fn refuse(&mut self, id: Id, value: String, problem: Message) {
        self.text.insert(id, value);
        self.problems.insert(id, problem);
    }

    pub fn problem(&self, id: Id) -> Option<&Message> {
        self.problems.get(&id)
    }
}

/// Rows shown by a multi-line field; longer text scrolls inside it.
const MULTILINE_ROWS: usize = 4;

pub struct FieldSpec<'a> {
    pub id: Id,
    /// The accessible name: what a screen reader and the tests call the field.
    pub name: &'a str,
    pub width: f32,
    /// Rows of a wrapping field; 1 is a single line.
    pub rows: usize,
    pub enabled: bool,
    /// Shown greyed in an empty field, e.g. a computed total.
    pub hint: Option<String>,
    /// Muted text, e.g. for estimated values.
    pub muted: bool,
}

impl<'a> FieldSpec<'a> {
    pub fn new(id: Id, name: &'a str) -> Self {
        FieldSpec { id, name, width: 240.0, rows: 1, enabled: true, hint: None, muted: false }
    }

    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    pub fn multiline(mut self) -> Self {
        self.rows = MULTILINE_ROWS;
        self
    }

    /// A field of `rows` lines that wraps its text (a long name in a narrow column), for one-line values:
    /// a line break typed in it is kept out of the value.
    pub fn wrapping(mut self, rows: usize) -> Self {
        self.rows = rows.max(1);
        self
    }

    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = enabled;
        self
    }
}

/// Show a field for `current`. Returns the new text when the user leaves the field having changed it.
pub fn text_field(ui: &mut Ui, drafts: &mut Drafts, spec: FieldSpec<'_>, current: &str, lang: Lang) -> Option<String> {
    let id = spec.id;
    let mut text = drafts.text.get(&id).cloned().unwrap_or_else(|| current.to_string());
    let invalid = drafts.problems.contains_key(&id);
    let edit = if spec.rows > 1 {
        TextEdit::multiline(&mut text).desired_rows(spec.rows)
    } else {
        TextEdit::singleline(&mut text)
    };
    let mut edit = edit.id(id).desired_width(spec.width);
    if invalid {
        edit = edit.text_color(ui.visuals().error_fg_color);
    } else if spec.muted {
        edit = edit.text_color(ui.visuals().weak_text_color());
    }
    if let Some(hint) = &spec.hint {
        edit = edit.hint_text(hint.as_str());
    }
    // A fixed-width child: inside a grid a text field otherwise shrinks to the column's last width.
    let rows = spec.rows as f32;
    let height = rows * ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let response: Response =
        ui.add_enabled_ui(spec.enabled, |ui| ui.add_sized([spec.width, height], edit)).inner.accessible_name(spec.name);
    if response.changed() {
        drafts.text.insert(id, text.clone());
    }
    let mut committed = None;
    if response.lost_focus()
        && let Some(draft) = drafts.text.remove(&id)
    {
        drafts.problems.remove(&id);
        if draft != current {
            committed = Some(draft);
        }
    }
    if let Some(problem) = drafts.problems.get(&id) {
        response.on_hover_text(problem.show(lang));
    }
    committed
}

/// The validation message of a field, in the error colour, if it has one.
pub fn problem_label(ui: &mut Ui, drafts: &Drafts, id: Id, lang: Lang) {
    if let Some(problem) = drafts.problem(id) {
        ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
    }
}

/// A combo box choosing one of `options`, named for screen readers and tests by `name`.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    salt: impl egui::AsIdSalt,
    name: &str,
    value: &mut T,
    options: &[T],
    text: impl Fn(T) -> String,
    width: f32,
) {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(text(*value))
        .width(width)
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(value, *option, text(*option));
            }
        })
        .response
        .accessible_name(name);
}

/// A labelled choice as one row of a grid (label, choice, an empty third cell): the option picked this frame, if it differs from `current`.
pub fn choice_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    (lang, editable): (Lang, bool),
    salt: &str,
    label: Text,
    options: &[T],
    current: T,
    text: impl Fn(T) -> String,
) -> Option<T> {
    ui.label(label.get(lang));
    let mut chosen = current;
    ui.add_enabled_ui(editable, |ui| choice(ui, salt, label.get(lang), &mut chosen, options, text, 160.0));
    ui.label("");
    ui.end_row();
    (chosen != current).then_some(chosen)
}
