//! Choosing a file: a small window with a path field that always works, and a "Browse..." button that asks
//! the native dialog (rfd) on a background thread, so the UI never blocks. Where no native dialog exists
//! (no desktop portal, a remote desktop) the browse button simply returns nothing and the path field remains.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::i18n::{Lang, Message, Text};
use crate::io::package;

/// What the chosen path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    New,
    SaveCopy,
    /// Where to write an agency copy (`ui::merge`).
    AgencyCopy,
    /// The workbook or change package to merge in.
    MergeFrom,
    /// Where to write a change package.
    Package,
    /// Where to write the new copy when re-issuing one.
    ReissueCopy,
}

impl Purpose {
    fn title(self) -> Text {
        match self {
            Purpose::Open => Text::DialogOpenTitle,
            Purpose::New => Text::DialogNewTitle,
            Purpose::SaveCopy => Text::DialogSaveCopyTitle,
            Purpose::AgencyCopy => Text::DialogAgencyCopyTitle,
            Purpose::MergeFrom => Text::DialogMergeTitle,
            Purpose::Package => Text::DialogPackageTitle,
            Purpose::ReissueCopy => Text::DialogReissueTitle,
        }
    }

    fn creates_file(self) -> bool {
        matches!(self, Purpose::New | Purpose::SaveCopy | Purpose::AgencyCopy | Purpose::Package | Purpose::ReissueCopy)
    }

    /// The extension a created file gets, and the files the browse dialog offers.
    fn extensions(self) -> (&'static str, &'static [&'static str], Text) {
        match self {
            Purpose::Package => (PACKAGE_EXTENSION, &[PACKAGE_EXTENSION], Text::PackageFiles),
            Purpose::MergeFrom => (EXTENSION, &[EXTENSION, PACKAGE_EXTENSION], Text::MergeFiles),
            _ => (EXTENSION, &[EXTENSION], Text::WorkbookFiles),
        }
    }
}

pub struct PathDialog {
    pub purpose: Purpose,
    pub path: String,
    pub error: Option<Message>,
    browsing: Option<Receiver<Option<PathBuf>>>,
}

/// What the dialog decided this frame.
pub enum Outcome {
    Pending,
    Cancelled,
    Chosen(PathBuf),
}

pub const EXTENSION: &str = "smartcity";
pub const PACKAGE_EXTENSION: &str = package::EXTENSION;

/// Ask the native file dialog on a background thread; the receiver gets the choice (or nothing, when there
/// is no native dialog or the user cancelled) and the UI is woken up. `save` asks where to save, suggesting
/// the name when it is not empty; `None` asks which file to open.
pub fn browse_in_background(
    ctx: &egui::Context,
    filter: String,
    extensions: &'static [&'static str],
    folder: Option<PathBuf>,
    save: Option<String>,
) -> Receiver<Option<PathBuf>> {
    let (sender, receiver) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let mut dialog = rfd::FileDialog::new().add_filter(filter, extensions);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        let chosen = match save {
            Some(name) if name.is_empty() => dialog.save_file(),
            Some(name) => dialog.set_file_name(name).save_file(),
            None => dialog.pick_file(),
        };
        // The dialog may outlive the window that asked; then nobody listens, which is fine.
        let _ = sender.send(chosen);
        ctx.request_repaint();
    });
    receiver
}

impl PathDialog {
    pub fn new(purpose: Purpose, suggestion: Option<&Path>) -> Self {
        PathDialog {
            purpose,
            path: suggestion.map(|p| p.display().to_string()).unwrap_or_default(),
            error: None,
            browsing: None,
        }
    }

    fn browse(&mut self, ctx: &egui::Context, lang: Lang) {
        let start = PathBuf::from(self.path.trim());
        let folder = start.parent().filter(|d| d.is_dir()).map(Path::to_path_buf);
        // Creating a file asks where to save it, suggesting the typed name; opening asks which file.
        let save = self
            .purpose
            .creates_file()
            .then(|| start.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()));
        let (_, extensions, files) = self.purpose.extensions();
        self.browsing = Some(browse_in_background(ctx, files.get(lang).to_string(), extensions, folder, save));
    }

    /// Check the typed path for this purpose; returns the path to use (with the extension added when creating).
    pub fn validate(&self) -> Result<PathBuf, Message> {
        let typed = self.path.trim();
        if typed.is_empty() {
            return Err(Message::new(Text::PathRequired));
        }
        let mut path = PathBuf::from(typed);
        if self.purpose.creates_file() {
            let (extension, _, _) = self.purpose.extensions();
            if path.extension().is_none_or(|e| e != extension) {
                let mut name = path.into_os_string();
                name.push(".");
                name.push(extension);
                path = name.into();
            }
            if path.is_dir() {
                return Err(Message::new(Text::PathIsFolder));
            }
            if matches!(self.purpose, Purpose::New | Purpose::AgencyCopy | Purpose::ReissueCopy) && path.exists() {
                return Err(Message::new(Text::PathExists));
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
                && !dir.is_dir()
            {
                return Err(Message::with(Text::FolderMissing, [dir.display().to_string()]));
            }
        } else if !path.is_file() {
            return Err(Message::new(Text::OpenNotFound));
        }
        Ok(path)
    }

    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Outcome {
        if let Some(receiver) = &self.browsing
            && let Ok(chosen) = receiver.try_recv()
        {
            self.browsing = None;
            if let Some(chosen) = chosen {
                self.path = chosen.display().to_string();
                match self.validate() {
                    Ok(path) => return Outcome::Chosen(path),
                    Err(message) => self.error = Some(message),
                }
            }
        }
        let mut outcome = Outcome::Pending;
        let modal = egui::Modal::new(egui::Id::unique("path_dialog")).show(ctx, |ui| {
            ui.set_width(560.0_f32.min(ctx.content_rect().width() - 60.0));
            ui.heading(self.purpose.title().get(lang));
            ui.add_space(6.0);
            let label = ui.label(Text::PathLabel.get(lang));
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .desired_width(f32::INFINITY)
                    .hint_text(Text::PathHint.get(lang)),
            );
            let field = field.labelled_by(label.id);
            if self.browsing.is_none() && !field.has_focus() && self.path.is_empty() {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error.show(lang));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let browse = ui.add_enabled(self.browsing.is_none(), egui::Button::new(Text::Browse.get(lang)));
                if browse.clicked() {
                    self.browse(ui.ctx(), lang);
                }
                if self.browsing.is_some() {
                    ui.spinner();
                    ui.label(Text::WaitingForDialog.get(lang));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(Text::Ok.get(lang)).clicked() || entered {
                        match self.validate() {
                            Ok(path) => outcome = Outcome::Chosen(path),
                            Err(message) => self.error = Some(message),
                        }
                    }
                    if ui.button(Text::Cancel.get(lang)).clicked() {
                        outcome = Outcome::Cancelled;
                    }
                });
            });
        });
        if modal.should_close() && matches!(outcome, Outcome::Pending) {
            outcome = Outcome::Cancelled;
        }
        outcome
    }
}
