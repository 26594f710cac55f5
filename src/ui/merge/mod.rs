//! Merging in the app: the agency-copy dialog, the merge preview with its conflict choices, and writing change
//! packages. The app hands chosen paths here; nothing changes until the user presses "Gabungkan" in the preview,
//! and then the merge is one edit (one undo step) through the session.

mod copy;
mod preview;
mod reissue;

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Message, Text};
use crate::merge::workflow::{self, Prepared};
use crate::model::Id;
use crate::store::Session;

use super::file_dialog::Purpose;
use copy::CopyDialog;
use reissue::ReissueDialog;

/// What the app should do after this frame's merge dialogs.
pub enum Request {
    /// Ask where to write or what to read.
    ChoosePath(Purpose, PathBuf),
    /// A line for the status bar.
    Info(Message),
    /// An error that needs attention (a refused file).
    Notice(Message),
}

/// A merge waiting in the preview.
pub struct Preview {
    pub prepared: Prepared,
    path: PathBuf,
    error: Option<Message>,
    /// Which page of conflicts is shown.
    page: usize,
}

/// A workbook of another masterplan, refused until the user ticks "force"; or one that is not a signed copy,
/// refused until the user ticks "trust this file".
struct Refused {
    path: PathBuf,
    reason: Text,
    force: bool,
    trust: bool,
}

#[derive(Default)]
pub struct MergeUi {
    copy: Option<CopyDialog>,
    /// The scope chosen in the copy dialog, while the path dialog asks where to write the copy.
    pending_scope: Option<Option<Id>>,
    preview: Option<Preview>,
    refused: Option<Refused>,
    reissue: Option<ReissueDialog>,
    /// The copy chosen in the re-issue dialog, while the path dialog asks where to write the new one.
    pending_reissue: Option<crate::store::IssuedCopy>,
}

fn sibling(session: &Session, suffix: &str, extension: &str) -> PathBuf {
    let stem = session.path().file_stem().map_or_else(|| "masterplan".into(), |s| s.to_string_lossy().into_owned());
    session.path().with_file_name(format!("{stem}-{suffix}.{extension}"))
}

impl MergeUi {
    /// True while a merge dialog is open (the app then leaves the keyboard to it).
    pub fn is_open(&self) -> bool {
        self.copy.is_some() || self.preview.is_some() || self.refused.is_some() || self.reissue.is_some()
    }

    /// True when `session` can re-issue a copy: it is writable and has issued at least one.
    pub fn can_reissue(session: &Session) -> bool {
        session.read_only().is_none() && session.issued_copies().is_ok_and(|c| !c.is_empty())
    }

    /// Open the re-issue dialog with the copies `session` issued (or say why their record cannot be read).
    pub fn start_reissue(&mut self, session: &Session) -> Option<Request> {
        match session.issued_copies() {
            Ok(copies) => {
                self.reissue = Some(ReissueDialog::new(copies));
                None
            }
            Err(message) => Some(Request::Notice(message)),
        }
    }

    /// The preview's state, for tests.
    pub fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref()
    }

    pub fn start_copy(&mut self, session: &Session) {
        self.copy = Some(CopyDialog::new(session));
    }

    pub fn start_merge(&self, session: &Session) -> Request {
        let folder = session.path().parent().map(|d| d.join("")).unwrap_or_default();
        Request::ChoosePath(Purpose::MergeFrom, folder)
    }

    pub fn start_package(&self, session: &Session) -> Request {
        let name =
            session.replica().map(|r| r.name.clone()).filter(|n| !n.is_empty()).unwrap_or_else(|| "paket".into());
        let safe: String = name.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
        Request::ChoosePath(Purpose::Package, sibling(session, &safe, crate::io::package::EXTENSION))
    }

    /// A path was chosen in the app's path dialog for one of the merge purposes.
    pub fn path_chosen(&mut self, purpose: Purpose, path: &Path, session: &mut Session) -> Option<Request> {
        match purpose {
            Purpose::AgencyCopy => {
                let scope = self.pending_scope.take()?;
                let agency = scope.and_then(|id| session.workbook().agency(id).cloned());
                Some(match session.write_agency_copy(path, agency.as_ref()) {
                    Ok(()) => {
                        let name = agency.map_or_else(|| path.display().to_string(), |a| a.label().to_string());
                        Request::Info(Message::with(Text::CopyWritten, [name, path.display().to_string()]))
                    }
                    Err(message) => Request::Notice(message),
                })
            }
            Purpose::Package => Some(match workflow::write_package(session, path) {
                Ok(rows) => {
                    Request::Info(Message::with(Text::PackageWritten, [path.display().to_string(), rows.to_string()]))
                }
                Err(message) => Request::Notice(message),
            }),
            Purpose::MergeFrom => self.prepare(session, path, false, false),
            Purpose::ReissueCopy => {
                let copy = self.pending_reissue.take()?;
                Some(reissue_to(session, &copy, path))
            }
            _ => None,
        }
    }

    fn prepare(&mut self, session: &Session, path: &Path, force: bool, trust: bool) -> Option<Request> {
        match workflow::prepare_trusting(session, path, force, trust) {
            Ok(prepared) => {
                self.preview = Some(Preview { prepared, path: path.to_path_buf(), error: None, page: 0 });
                None
            }
            Err(message) if matches!(message.text, Text::MergeOtherMasterplan | Text::TrustNotACopy) => {
                self.refused = Some(Refused { path: path.to_path_buf(), reason: message.text, force, trust });
                None
            }
            Err(message) => Some(Request::Notice(message)),
        }
    }

    /// Draw the open merge dialogs; returns what the app should do.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang, session: Option<&mut Session>) -> Option<Request> {
        let session = session?;
        if let Some(dialog) = &mut self.copy {
            match dialog.ui(ctx, lang, session.workbook()) {
                copy::Outcome::Pending => {}
                copy::Outcome::Cancelled => self.copy = None,
                copy::Outcome::Chosen(scope) => {
                    self.copy = None;
                    self.pending_scope = Some(scope);
                    let suffix = scope
                        .and_then(|id| session.workbook().agency(id))
                        .map(|a| {
                            a.label().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect::<String>()
                        })
                        .unwrap_or_else(|| Text::CopySuffix.get(lang).to_string());
                    return Some(Request::ChoosePath(Purpose::AgencyCopy, sibling(session, &suffix, "smartcity")));
                }
            }
        }
        if let Some(request) = self.reissue_ui(ctx, lang, session) {
            return Some(request);
        }
        if let Some(refused) = &mut self.refused {
            let mut retry = None;
            let modal = egui::Modal::new(egui::Id::unique("merge_refused")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.label(refused.reason.get(lang));
                ui.add_space(8.0);
                let (checked, text) = if refused.reason == Text::TrustNotACopy {
                    (&mut refused.trust, Text::TrustThisFile)
                } else {
                    (&mut refused.force, Text::MergeForce)
                };
                ui.checkbox(checked, text.get(lang));
                let ready = *checked;
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.add_enabled(ready, egui::Button::new(Text::CopyContinue.get(lang))).clicked() {
                        retry = Some((refused.path.clone(), refused.force, refused.trust));
                    }
                    ui.button(Text::Cancel.get(lang)).clicked()
                })
                .inner
            });
            if let Some((path, force, trust)) = retry {
                self.refused = None;
                return self.prepare(session, &path, force, trust);
            }
            if modal.inner || modal.should_close() {
                self.refused = None;
            }
        }
        if let Some(preview) = &mut self.preview {
            match preview::ui(ctx, lang, preview) {
                preview::Outcome::Pending => {}
                preview::Outcome::Cancelled => self.preview = None,
                preview::Outcome::Apply => match workflow::apply(session, &preview.prepared) {
                    Ok(count) => {
                        let source = preview.prepared.source.clone();
                        self.preview = None;
                        return Some(Request::Info(Message::with(Text::MergeApplied, [source, count.to_string()])));
                    }
                    Err(message) if message.text == Text::MergeStale => {
                        // The workbook changed under the preview: plan again, keeping the dialog open.
                        let (path, force) = (preview.path.clone(), preview.prepared.other_masterplan);
                        let trust = preview.prepared.trust == crate::merge::trust::Trust::Unsigned;
                        let request = self.prepare(session, &path, force, trust);
                        if let Some(preview) = &mut self.preview {
                            preview.error = Some(message);
                        }
                        return request;
                    }
                    Err(message) => preview.error = Some(message),
                },
            }
        }
        None
    }
}

impl MergeUi {
    fn reissue_ui(&mut self, ctx: &egui::Context, lang: Lang, session: &Session) -> Option<Request> {
        match self.reissue.as_mut()?.ui(ctx, lang, session.workbook()) {
            reissue::Outcome::Pending => None,
            reissue::Outcome::Cancelled => {
                self.reissue = None;
                None
            }
            reissue::Outcome::Chosen(copy) => {
                self.reissue = None;
                let dest = session.reissue_destination(&copy);
                self.pending_reissue = Some(copy);
                Some(Request::ChoosePath(Purpose::ReissueCopy, dest))
            }
        }
    }
}

/// Re-issue `copy` at `path`: what the re-issue button does once the path is chosen. The status line says the
/// old copy is revoked.
pub fn reissue_to(session: &mut Session, copy: &crate::store::IssuedCopy, path: &Path) -> Request {
    match session.reissue_copy(copy.copy_id, path) {
        Ok(()) => Request::Info(Message::with(Text::ReissueWritten, [copy.name.clone(), path.display().to_string()])),
        Err(message) => Request::Notice(message),
    }
}

/// "Salinan Dinkes": the badge of an agency copy, with what it means on hover.
pub fn scope_badge(ui: &mut egui::Ui, lang: Lang, session: &Session) {
    if let Some(agency) = session.scope() {
        let text = Message::with(Text::ScopeBadge, [agency.label().to_string()]).show(lang);
        ui.label(
            egui::RichText::new(format!(" {text} ")).strong().color(egui::Color32::WHITE).background_color(SCOPE_COLOR),
        )
        .on_hover_text(Message::with(Text::ScopeHint, [agency.name.clone()]).show(lang));
    }
}

/// A line above every view of an agency copy: what can be changed here.
pub fn scope_banner(ui: &mut egui::Ui, lang: Lang, session: &Session) {
    if let Some(agency) = session.scope() {
        egui::Frame::new().fill(SCOPE_COLOR.gamma_multiply(0.15)).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(Message::with(Text::ScopeHint, [agency.name.clone()]).show(lang));
        });
        ui.add_space(4.0);
    }
}

const SCOPE_COLOR: egui::Color32 = egui::Color32::from_rgb(0x1F, 0x5F, 0xA8);
