//! The window a damaged workbook opens with: every forbidden content of the file (table, row, field, why)
//! and, beside each, what the repair does about it. The file stays read-only until the user confirms the
//! repair, which the app then carries out as one undoable step (`Session::repair`).

use egui::{RichText, Ui};

use crate::i18n::{Lang, Message, Text};
use crate::store::{ContentProblem, Session};

/// Whether the window is shown, and whether the user has asked to repair and is now confirming.
#[derive(Default)]
pub struct RepairWindow {
    pub open: bool,
    confirming: bool,
}

/// What the user asked the window for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepairChoice {
    Repair,
}

const ROW_HEIGHT: f32 = 22.0;

impl RepairWindow {
    pub fn show(&mut self) {
        self.open = true;
        self.confirming = false;
    }

    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang, session: Option<&Session>) -> Option<RepairChoice> {
        let problems = session.and_then(Session::damage)?;
        if !self.open {
            return None;
        }
        let mut open = true;
        let mut choice = None;
        egui::Window::new(Text::DamagedTitle.get(lang)).open(&mut open).collapsible(false).default_width(760.0).show(
            ctx,
            |ui| {
                let count = problems.len().to_string();
                ui.label(Message::with(Text::DamagedIntro, [count]).show(lang));
                ui.add_space(6.0);
                problem_list(ui, lang, problems);
                ui.add_space(8.0);
                choice = self.buttons(ui, lang, problems.len());
            },
        );
        if !open {
            self.open = false;
            self.confirming = false;
        }
        if choice.is_some() {
            self.open = false;
            self.confirming = false;
        }
        choice
    }

    fn buttons(&mut self, ui: &mut Ui, lang: Lang, count: usize) -> Option<RepairChoice> {
        if !self.confirming {
            if ui.button(Text::RepairButton.get(lang)).clicked() {
                self.confirming = true;
            }
            return None;
        }
        ui.label(RichText::new(Message::with(Text::RepairConfirm, [count.to_string()]).show(lang)).strong());
        let mut choice = None;
        ui.horizontal(|ui| {
            if ui.button(Text::RepairNow.get(lang)).clicked() {
                choice = Some(RepairChoice::Repair);
            }
            if ui.button(Text::Cancel.get(lang)).clicked() {
                self.confirming = false;
            }
        });
        choice
    }
}

/// Every problem and its fix, two lines each; only the rows in view are laid out.
fn problem_list(ui: &mut Ui, lang: Lang, problems: &[ContentProblem]) {
    egui::ScrollArea::vertical().max_height(360.0).auto_shrink([false, true]).show_rows(
        ui,
        ROW_HEIGHT * 2.0,
        problems.len(),
        |ui, range| {
            for problem in &problems[range] {
                ui.label(problem.show(lang));
                let fix = Message::with(Text::RepairWillDo, [problem.fix_message().show(lang)]);
                ui.label(RichText::new(fix.show(lang)).weak());
            }
        },
    );
}
