//! The navigation on the left and the central area, where the shown view draws.

use egui::{RichText, Ui};

use super::App;
use crate::i18n::Text;
use crate::ui::badges::example_badge;
use crate::ui::commands::Command;
use crate::ui::merge::{scope_badge, scope_banner};
use crate::ui::presentation::money_hidden_ui;
use crate::ui::views::View;
use crate::ui::{Handed, ViewCx};

impl App {
    pub(super) fn nav_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        ui.add_space(8.0);
        if let Some(session) = &self.session {
            let profile = &session.workbook().profile;
            ui.label(RichText::new(&profile.region_name).strong());
            ui.label(
                RichText::new(format!(
                    "{} {}-{}",
                    Text::Masterplan.get(lang),
                    profile.period_start,
                    profile.period_end
                ))
                .weak(),
            );
            if profile.is_example {
                example_badge(ui, lang);
            }
            scope_badge(ui, lang, session);
            ui.add_space(10.0);
        }
        for view in View::ALL {
            let selected = self.view == view;
            let text = RichText::new(view.label().get(lang)).size(16.0);
            let response = ui.add_sized([ui.available_width(), 30.0], egui::Button::selectable(selected, text));
            if response.clicked() {
                commands.push(Command::Show(view));
            }
        }
    }

    pub(super) fn central_ui(&mut self, ui: &mut Ui, edits: &mut Vec<Handed>, commands: &mut Vec<Command>) {
        let lang = self.lang();
        let Some(session) = &self.session else {
            ui.vertical_centered(|ui| {
                ui.add_space(60.0);
                ui.heading(Text::NoWorkbook.get(lang));
                ui.add_space(12.0);
                for command in [Command::NewWorkbook, Command::Open, Command::ResetDemo] {
                    if ui.button(command.label().get(lang)).clicked() {
                        commands.push(command);
                    }
                }
            });
            return;
        };
        let hide_money = self.presentation.active && self.presentation.hide_money;
        // An agency copy edits only its programs: other views are shown, not edited, with a banner saying why.
        let in_scope = session.scope().is_none() || matches!(self.view, View::Programs | View::Monev);
        scope_banner(ui, lang, session);
        let editable = session.read_only().is_none() && in_scope;
        let mut cx = ViewCx::new(lang, session, edits);
        (cx.editable, cx.hide_money) = (editable, hide_money);
        match self.view {
            View::Home => self.home.ui(ui, &cx, self.export.area(), commands),
            View::Profile => self.profile.ui(ui, &mut cx),
            View::Programs => self.programs.ui(ui, &mut cx),
            View::Readiness => self.readiness.ui(ui, &mut cx),
            View::Strategy => self.strategy.ui(ui, &mut cx),
            // The finance view is amounts through and through: with money hidden it is not shown.
            View::Finance if hide_money => money_hidden_ui(ui, lang),
            View::Finance => self.finance.ui(ui, &mut cx),
            View::QuickWins => self.quick_wins.ui(ui, &mut cx),
            View::Monev => self.monev.ui(ui, &mut cx),
            View::Export => self.export.ui(ui, &mut cx),
            View::Journal => self.journal.ui(ui, &cx),
        }
    }
}
