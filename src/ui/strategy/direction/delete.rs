//! Deleting a strategy: the question asked under the strategy itself, what happens to the programs that carry
//! it out (unlink them or move them to another strategy).

use egui::{RichText, Ui};

use super::{DirectionTab, strategy_name};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Edit, Id, ProgramDisposal, Workbook};
use crate::ui::ViewCx;
use crate::ui::names;
use crate::ui::strategy::propose;

/// A strategy being deleted, and what the user chose for its programs.
pub(super) struct Deleting {
    pub(super) strategy: Id,
    pub(super) move_programs: bool,
    pub(super) move_to: Option<Id>,
}

impl DirectionTab {
    /// The question asked, under the strategy itself, before it goes: what happens to the programs that carry
    /// it out. Escape or Cancel keeps it.
    pub(super) fn delete_panel_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let Some(deleting) = &mut self.deleting else { return };
        let Some(strategy) = workbook.strategy.strategy(deleting.strategy) else {
            self.deleting = None;
            return;
        };
        let programs = workbook.programs_of_strategy(strategy.id).count();
        let mut close = false;
        let stroke = egui::Stroke::new(2.0, ui.visuals().warn_fg_color);
        egui::Frame::group(ui.style()).stroke(stroke).show(ui, |ui| {
            ui.set_max_width(640.0);
            ui.heading(Text::DeleteStrategyTitle.get(lang));
            if programs == 0 {
                ui.label(Message::with(Text::DeleteStrategyNone, [strategy.text.clone()]).show(lang));
            } else {
                ui.label(
                    Message::with(Text::DeleteStrategyAsk, [programs.to_string(), strategy.text.clone()]).show(lang),
                );
                ui.radio_value(&mut deleting.move_programs, false, Text::UnlinkPrograms.get(lang));
                ui.radio_value(&mut deleting.move_programs, true, Text::MovePrograms.get(lang));
                // Choosing where to move them answers "move" as well.
                let before = deleting.move_to;
                move_target_ui(ui, workbook, strategy.id, &mut deleting.move_to, lang);
                if deleting.move_to != before {
                    deleting.move_programs = true;
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = !(programs > 0 && deleting.move_programs && deleting.move_to.is_none());
                let confirm = ui.add_enabled(cx.editable && ready, egui::Button::new(Text::DeleteConfirm.get(lang)));
                if confirm.clicked() {
                    let disposal = match (deleting.move_programs, deleting.move_to) {
                        (true, Some(to)) => ProgramDisposal::MoveTo(to),
                        _ => ProgramDisposal::Unlink,
                    };
                    let edit = Edit::new(
                        Message::with(Text::EditDeleteStrategic, [strategy_name(strategy)]),
                        workbook.remove_strategy(strategy.id, disposal),
                    );
                    self.problem = propose(cx, edit);
                    close = true;
                }
                if ui.button(Text::Cancel.get(lang)).clicked() {
                    close = true;
                }
            });
        });
        if close || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.deleting = None;
        }
    }
}

/// The other strategies to move programs to, those of the same dimension first.
fn move_target_ui(ui: &mut Ui, workbook: &Workbook, leaving: Id, move_to: &mut Option<Id>, lang: Lang) {
    let strategy = &workbook.strategy;
    ui.label(RichText::new(Text::MoveTarget.get(lang)).strong());
    egui::ScrollArea::vertical().id_salt("move_programs_to").max_height(220.0).show(ui, |ui| {
        // The leaving strategy's own dimension first: where its programs most likely belong.
        let own = strategy.dimension_of_strategy(leaving);
        let mut others: Vec<_> = strategy.strategies.iter().filter(|s| s.id != leaving).collect();
        others.sort_by_key(|s| strategy.dimension_of_strategy(s.id) != own);
        for s in others {
            let dimension = strategy
                .dimension_of_strategy(s.id)
                .and_then(|d| workbook.dimension(d))
                .map_or("", |d| names::dimension(d, lang));
            let text = if s.code.is_empty() { s.text.clone() } else { format!("{} — {}", s.code, s.text) };
            ui.selectable_value(move_to, Some(s.id), format!("{text} ({dimension})"));
        }
    });
}
