//! Every user command, once: its label, its shortcut, its tooltip, its place in the menus ([`MENUS`]) and when
//! it is enabled. Menus, keyboard handling and tests all use this list, so a shortcut can never drift away
//! from its menu entry.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::views::View;
use crate::i18n::{Lang, Text};
use crate::store::Session;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    NewWorkbook,
    Open,
    OpenPath(PathBuf),
    SaveCopy,
    ResetDemo,
    Quit,
    Undo,
    Redo,
    /// Ctrl+S from habit: everything is saved already, so it only says so.
    Save,
    SetLanguage(Lang),
    Show(View),
    About,
    /// The built-in quick guide (`ui::guide`), F1.
    Guide,
    /// Write a copy of the workbook for an agency (`ui::merge`).
    AgencyCopy,
    /// Merge a workbook or change package into the open workbook.
    MergeFrom,
    /// Write this agency copy's change package.
    MakePackage,
    /// Re-issue a copy this workbook wrote: a new key, the old copy revoked.
    ReissueCopy,
    /// Presentation (workshop) mode on or off (`ui::presentation`).
    Present,
    /// Show a damaged workbook's problems and offer the repair (`ui::damaged`).
    RepairContents,
}

/// Ctrl+1 to Ctrl+9 and Ctrl+0: the views in the order of the navigation, so a facilitator can switch without
/// the mouse.
const VIEW_KEYS: [&[KeyboardShortcut]; 10] = [
    &[KeyboardShortcut::new(CTRL, Key::Num1)],
    &[KeyboardShortcut::new(CTRL, Key::Num2)],
    &[KeyboardShortcut::new(CTRL, Key::Num3)],
    &[KeyboardShortcut::new(CTRL, Key::Num4)],
    &[KeyboardShortcut::new(CTRL, Key::Num5)],
    &[KeyboardShortcut::new(CTRL, Key::Num6)],
    &[KeyboardShortcut::new(CTRL, Key::Num7)],
    &[KeyboardShortcut::new(CTRL, Key::Num8)],
    &[KeyboardShortcut::new(CTRL, Key::Num9)],
    &[KeyboardShortcut::new(CTRL, Key::Num0)],
];

/// One entry of a menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MenuItem {
    Run(Command),
    /// The "Open recent" submenu: one entry per remembered workbook.
    Recent,
    /// Every view, the shown one selected.
    Views,
    /// The languages, the current one chosen.
    Languages,
    Separator,
}

/// A menu of the menu bar: its title and its entries, in order.
pub struct Menu {
    pub title: Text,
    pub items: &'static [MenuItem],
}

/// The menu bar, left to right.
pub const MENUS: &[Menu] = &[
    Menu {
        title: Text::MenuFile,
        items: &[
            MenuItem::Run(Command::NewWorkbook),
            MenuItem::Run(Command::Open),
            MenuItem::Recent,
            MenuItem::Run(Command::SaveCopy),
            MenuItem::Separator,
            MenuItem::Run(Command::AgencyCopy),
            MenuItem::Run(Command::MergeFrom),
            MenuItem::Run(Command::MakePackage),
            MenuItem::Run(Command::ReissueCopy),
            MenuItem::Run(Command::RepairContents),
            MenuItem::Separator,
            MenuItem::Run(Command::ResetDemo),
            MenuItem::Separator,
            MenuItem::Run(Command::Quit),
        ],
    },
    Menu { title: Text::MenuEdit, items: &[MenuItem::Run(Command::Undo), MenuItem::Run(Command::Redo)] },
    Menu { title: Text::MenuView, items: &[MenuItem::Views, MenuItem::Separator, MenuItem::Languages] },
    Menu { title: Text::MenuHelp, items: &[MenuItem::Run(Command::Guide), MenuItem::Run(Command::About)] },
];

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers { shift: true, ..Modifiers::COMMAND };

impl Command {
    /// The label of the command's menu entry.
    pub fn label(&self) -> Text {
        match self {
            Command::NewWorkbook => Text::CmdNew,
            Command::Open => Text::CmdOpen,
            Command::OpenPath(_) => Text::CmdOpenRecent,
            Command::SaveCopy => Text::CmdSaveCopy,
            Command::ResetDemo => Text::CmdResetDemo,
            Command::Quit => Text::CmdQuit,
            Command::Undo => Text::CmdUndo,
            Command::Redo => Text::CmdRedo,
            Command::Save => Text::CmdSave,
            Command::SetLanguage(_) => Text::MenuLanguage,
            Command::Show(view) => view.label(),
            Command::About => Text::CmdAbout,
            Command::Guide => Text::CmdGuide,
            Command::AgencyCopy => Text::CmdAgencyCopy,
            Command::MergeFrom => Text::CmdMergeFrom,
            Command::MakePackage => Text::CmdMakePackage,
            Command::ReissueCopy => Text::CmdReissueCopy,
            Command::Present => Text::CmdPresent,
            Command::RepairContents => Text::CmdRepair,
        }
    }

    /// Whether the command can run now, given the open workbook (`None`: no workbook is open). Menus grey out
    /// the others.
    pub fn enabled(&self, session: Option<&Session>) -> bool {
        let writable = session.is_some_and(|s| s.read_only().is_none());
        match self {
            Command::SaveCopy | Command::MakePackage => session.is_some(),
            Command::AgencyCopy | Command::MergeFrom => writable,
            // A copy can be re-issued by a writable workbook that has issued at least one.
            Command::ReissueCopy => writable && session.is_some_and(|s| s.issued_copies().is_ok_and(|c| !c.is_empty())),
            Command::RepairContents => session.is_some_and(|s| s.damage().is_some()),
            Command::Undo => session.and_then(Session::undo_label).is_some(),
            Command::Redo => session.and_then(Session::redo_label).is_some(),
            _ => true,
        }
    }

    /// The text of the command's menu entry: undo and redo say what they would undo or redo.
    pub fn menu_text(&self, session: Option<&Session>, lang: Lang) -> String {
        let label = self.label().get(lang);
        let step = match self {
            Command::Undo => session.and_then(Session::undo_label),
            Command::Redo => session.and_then(Session::redo_label),
            _ => None,
        };
        match step {
            Some(step) => format!("{label}: {}", step.show(lang)),
            None => label.to_string(),
        }
    }

    /// The tooltip and menu hint: the command's first shortcut, as the platform writes it.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// Shortcuts, the first one shown in menus.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        const NEW: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::N)];
        const OPEN: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::O)];
        const SAVE: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::S)];
        const SAVE_COPY: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL_SHIFT, Key::S)];
        const QUIT: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::Q)];
        const PRESENT: &[KeyboardShortcut] = &[KeyboardShortcut::new(Modifiers::NONE, Key::F5)];
        const GUIDE: &[KeyboardShortcut] = &[KeyboardShortcut::new(Modifiers::NONE, Key::F1)];
        const UNDO: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::Z)];
        const REDO: &[KeyboardShortcut] =
            &[KeyboardShortcut::new(CTRL, Key::Y), KeyboardShortcut::new(CTRL_SHIFT, Key::Z)];
        match self {
            Command::NewWorkbook => NEW,
            Command::Open => OPEN,
            Command::Save => SAVE,
            Command::SaveCopy => SAVE_COPY,
            Command::Quit => QUIT,
            Command::Undo => UNDO,
            Command::Redo => REDO,
            Command::Present => PRESENT,
            Command::Guide => GUIDE,
            Command::Show(view) => VIEW_KEYS[View::ALL.iter().position(|v| v == view).unwrap_or(0)],
            _ => &[],
        }
    }

    /// Commands reachable by a shortcut, in the order they are checked (longer chords first, so Ctrl+Shift+Z
    /// is not taken for Ctrl+Z), then Ctrl+1 to Ctrl+9 and Ctrl+0 for the views in the order of the navigation.
    pub fn with_shortcuts() -> Vec<Command> {
        let mut commands = vec![
            Command::Redo,
            Command::SaveCopy,
            Command::Undo,
            Command::Save,
            Command::NewWorkbook,
            Command::Open,
            Command::Quit,
            Command::Present,
            Command::Guide,
        ];
        commands.extend(View::ALL.map(Command::Show));
        commands
    }

    /// Undo and redo belong to a focused text field while it has the keyboard.
    pub fn yields_to_text_fields(&self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_with_a_shortcut_is_in_a_menu_or_the_toolbar_once() {
        let placed: Vec<&Command> = MENUS
            .iter()
            .flat_map(|m| m.items)
            .filter_map(|i| match i {
                MenuItem::Run(command) => Some(command),
                _ => None,
            })
            .collect();
        for command in Command::with_shortcuts() {
            if let Command::Show(view) = command {
                // The views are the Views menu's entries, each with its shortcut.
                assert!(MENUS.iter().any(|m| m.items.contains(&MenuItem::Views)), "{view:?}");
                continue;
            }
            let count = placed.iter().filter(|c| ***c == command).count();
            // Save only says everything is saved, and presenting has its own button: neither is a menu entry.
            let expected = usize::from(!matches!(command, Command::Save | Command::Present));
            assert_eq!(count, expected, "{command:?}");
        }
    }

    #[test]
    fn without_a_workbook_only_what_needs_none_is_enabled() {
        for command in [Command::SaveCopy, Command::AgencyCopy, Command::ReissueCopy, Command::Undo] {
            assert!(!command.enabled(None), "{command:?}");
        }
        for command in [Command::NewWorkbook, Command::Open, Command::ResetDemo, Command::Quit] {
            assert!(command.enabled(None), "{command:?}");
        }
    }
}
