//! The menu bar, drawn from the one list of commands (`ui::commands::MENUS`): each entry's text, shortcut and
//! whether it is enabled come from its command; on the right, the language switch and the presentation button.

use egui::Ui;

use super::App;
use crate::i18n::{Lang, Text};
use crate::ui::commands::{Command, MENUS, MenuItem};
use crate::ui::views::View;

impl App {
    pub(super) fn menu_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in MENUS {
                ui.menu_button(menu.title.get(lang), |ui| {
                    for item in menu.items {
                        self.menu_item_ui(ui, item, commands);
                    }
                });
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| self.toolbar_ui(ui, commands));
        });
    }

    fn menu_item_ui(&self, ui: &mut Ui, item: &MenuItem, commands: &mut Vec<Command>) {
        let lang = self.lang();
        match item {
            MenuItem::Run(command) => {
                let session = self.session.as_ref();
                let mut button = egui::Button::new(command.menu_text(session, lang));
                if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
                    button = button.shortcut_text(shortcut);
                }
                if ui.add_enabled(command.enabled(session), button).clicked() {
                    commands.push(command.clone());
                }
            }
            MenuItem::Recent => {
                ui.menu_button(Text::CmdOpenRecent.get(lang), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(Text::NoRecent.get(lang));
                    }
                    for path in &self.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
            }
            MenuItem::Views => {
                for view in View::ALL {
                    let command = Command::Show(view);
                    let mut button = egui::Button::selectable(self.view == view, view.label().get(lang));
                    if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
                        button = button.shortcut_text(shortcut);
                    }
                    if ui.add(button).clicked() {
                        commands.push(command);
                    }
                }
            }
            MenuItem::Languages => {
                ui.label(egui::RichText::new(Text::MenuLanguage.get(lang)).weak());
                for choice in Lang::ALL {
                    if ui.radio(lang == choice, language_name(choice)).clicked() {
                        commands.push(Command::SetLanguage(choice));
                    }
                }
            }
            MenuItem::Separator => {
                ui.separator();
            }
        }
    }

    /// Right of the menus: the language is one click away, also outside the View menu; and presenting.
    fn toolbar_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        let other = lang.other();
        let code = match other {
            Lang::Id => "ID",
            Lang::En => "EN",
        };
        let button = ui.button(code).on_hover_text(Text::SwitchLanguage.get(lang));
        if button.accessible_name(Text::SwitchLanguage.get(lang)).clicked() {
            commands.push(Command::SetLanguage(other));
        }
        let present = Command::Present;
        let mut button = ui.button(format!("▶ {}", present.label().get(lang)));
        if let Some(shortcut) = present.shortcut_text(ui.ctx()) {
            button = button.on_hover_text(shortcut);
        }
        if button.clicked() {
            commands.push(present);
        }
    }
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Bahasa Indonesia",
        Lang::En => "English",
    }
}
