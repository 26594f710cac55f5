//! Choosing a file: a small window with a path field that always works, and a "Browse..." button that asks
//! the native dialog (rfd) on a background thread, so the UI never blocks. Where no native dialog exists
//! (no desktop portal, a remote desktop) the browse button simply returns nothing and the path field remains.
//! Opening and merging also list the typed folder's subfolders and the files they take, so a file can be
//! picked without a native dialog: the folder is read when it changes, never every frame.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::i18n::{Lang, Message, Text, format_decimal};
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
    /// The path as typed when the folder was last worked out, the folder listed, and what it holds (or why it
    /// could not be read): the file system is asked again only when the typed path changes, not every frame.
    listing: Option<(String, PathBuf, Result<Vec<FolderEntry>, String>)>,
}

/// A subfolder or a file the dialog takes, in the folder listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
    pub bytes: u64,
}

/// The subfolders of `dir` and its files ending in one of `extensions`, folders first, each group by name
/// ignoring case; hidden entries (a leading dot) are left out.
pub fn folder_entries(dir: &Path, extensions: &[&str]) -> std::io::Result<Vec<FolderEntry>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = entry.metadata() else { continue };
        let path = entry.path();
        let taken = path.extension().is_some_and(|e| extensions.iter().any(|x| e == *x));
        if name.starts_with('.') || !(meta.is_dir() || taken) {
            continue;
        }
        entries.push(FolderEntry { name, path, is_dir: meta.is_dir(), bytes: meta.len() });
    }
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    Ok(entries)
}

/// The folder a typed path points into: the path itself when it is a folder (or ends with a separator),
/// else its parent.
fn folder_of(typed: &str) -> Option<PathBuf> {
    let path = PathBuf::from(typed.trim());
    if typed.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        return Some(path).filter(|p| p.is_dir());
    }
    path.parent().filter(|d| d.is_dir()).map(Path::to_path_buf)
}

/// `1,2 MB`, `34 KB`: a file's size as the list shows it.
fn size_text(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", format_decimal(bytes as f64 / 1_000_000.0, 1))
    } else {
        format!("{} KB", bytes.div_ceil(1_000))
    }
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
            listing: None,
        }
    }

    /// The list of the typed folder's subfolders and files, for a dialog that opens a file. A click picks a
    /// file or goes into a folder; a double click on a file chooses it at once.
    fn listing_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<PathBuf> {
        if self.listing.as_ref().is_none_or(|(typed, _, _)| *typed != self.path) {
            let folder = folder_of(&self.path);
            let listed = self.listing.take().filter(|(_, listed, _)| Some(listed) == folder.as_ref());
            self.listing = match (folder, listed) {
                (_, Some((_, folder, entries))) => Some((self.path.clone(), folder, entries)),
                (Some(folder), None) => {
                    let (_, extensions, _) = self.purpose.extensions();
                    let entries = folder_entries(&folder, extensions).map_err(|e| e.to_string());
                    Some((self.path.clone(), folder, entries))
                }
                (None, None) => None,
            };
        }
        let (_, folder, entries) = self.listing.as_ref()?;
        let folder = folder.clone();
        let mut go_to = None;
        let mut chosen = None;
        ui.label(
            egui::RichText::new(Message::with(Text::DialogFolderContents, [folder.display().to_string()]).show(lang))
                .weak(),
        );
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical().max_height(220.0).auto_shrink([false, true]).show(ui, |ui| {
                if let Some(parent) = folder.parent()
                    && ui.selectable_label(false, format!("⬆ {}", Text::DialogParentFolder.get(lang))).clicked()
                {
                    go_to = Some(parent.to_path_buf());
                }
                match entries {
                    Err(why) => {
                        ui.colored_label(ui.visuals().error_fg_color, why);
                    }
                    Ok(entries) if entries.is_empty() => {
                        ui.label(egui::RichText::new(Text::DialogNoFiles.get(lang)).italics());
                    }
                    Ok(entries) => {
                        for entry in entries {
                            let picked = entry.path == Path::new(self.path.trim());
                            let text = if entry.is_dir {
                                format!("📁 {}", entry.name)
                            } else {
                                format!("{}   ({})", entry.name, size_text(entry.bytes))
                            };
                            let row = ui.selectable_label(picked, text);
                            if entry.is_dir && row.clicked() {
                                go_to = Some(entry.path.clone());
                            } else if row.double_clicked() {
                                chosen = Some(entry.path.clone());
                            } else if row.clicked() {
                                self.path = entry.path.display().to_string();
                                self.error = None;
                            }
                        }
                    }
                }
            });
        });
        if let Some(folder) = go_to {
            self.path = folder.join("").display().to_string();
            self.error = None;
        }
        if let Some(path) = &chosen {
            self.path = path.display().to_string();
        }
        chosen
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
            if !self.purpose.creates_file() && self.listing_ui(ui, lang).is_some() {
                match self.validate() {
                    Ok(path) => outcome = Outcome::Chosen(path),
                    Err(message) => self.error = Some(message),
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_its_subfolders_first_then_the_files_it_takes() {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in
            [("Zeta.smartcity", 10), ("alpha.smartcity", 1_500_000), ("notes.txt", 5), (".hidden.smartcity", 1)]
        {
            std::fs::write(dir.path().join(name), vec![0u8; bytes]).unwrap();
        }
        std::fs::create_dir(dir.path().join("Salinan OPD")).unwrap();
        std::fs::create_dir(dir.path().join(".cache")).unwrap();
        let entries = folder_entries(dir.path(), &[EXTENSION]).unwrap();
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Salinan OPD", "alpha.smartcity", "Zeta.smartcity"]);
        assert!(entries[0].is_dir && !entries[1].is_dir);
        assert_eq!(size_text(entries[1].bytes), "1,5 MB");
        assert_eq!(size_text(entries[2].bytes), "1 KB");
        let merge = folder_entries(dir.path(), &[EXTENSION, PACKAGE_EXTENSION]).unwrap();
        assert_eq!(merge.len(), 3);
    }

    #[test]
    fn the_folder_listed_is_the_typed_folder_or_the_typed_files_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("konsel.smartcity");
        assert_eq!(folder_of(&file.display().to_string()), Some(dir.path().to_path_buf()));
        assert_eq!(folder_of(&dir.path().display().to_string()), Some(dir.path().to_path_buf()));
        assert_eq!(folder_of(&dir.path().join("nowhere").join("x.smartcity").display().to_string()), None);
    }
}
