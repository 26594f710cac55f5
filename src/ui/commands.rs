//! Every user command, once: its label, its shortcut and its menu. Menus, keyboard handling and tests all
//! use this list, so a shortcut can never drift away from its menu entry.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Text;

use super::views::View;

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
    SetLanguage(crate::i18n::Lang),
    Show(View),
    About,
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
            Command::AgencyCopy => Text::CmdAgencyCopy,
            Command::MergeFrom => Text::CmdMergeFrom,
            Command::MakePackage => Text::CmdMakePackage,
            Command::ReissueCopy => Text::CmdReissueCopy,
            Command::Present => Text::CmdPresent,
            Command::RepairContents => Text::CmdRepair,
        }
    }

    /// Shortcuts, the first one shown in menus.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        const NEW: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::N)];
        const OPEN: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::O)];
        const SAVE: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::S)];
        const SAVE_COPY: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL_SHIFT, Key::S)];
        const QUIT: &[KeyboardShortcut] = &[KeyboardShortcut::new(CTRL, Key::Q)];
        const PRESENT: &[KeyboardShortcut] = &[KeyboardShortcut::new(Modifiers::NONE, Key::F5)];
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
            _ => &[],
        }
    }

    /// Commands reachable by a shortcut, in the order they are checked (longer chords first, so Ctrl+Shift+Z
    /// is not taken for Ctrl+Z).
    pub fn with_shortcuts() -> [Command; 8] {
        [
            Command::Redo,
            Command::SaveCopy,
            Command::Undo,
            Command::Save,
            Command::NewWorkbook,
            Command::Open,
            Command::Quit,
            Command::Present,
        ]
    }

    /// Undo and redo belong to a focused text field while it has the keyboard.
    pub fn yields_to_text_fields(&self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }
}
