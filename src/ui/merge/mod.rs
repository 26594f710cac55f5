//! Merging in the app: the agency-copy dialog, the merge preview with its conflict choices, and writing change
//! packages. The dialogs only read the session; what changes a file (writing a copy or a package, re-issuing a
//! copy, applying the merge) they hand back as a [`Request`], which the app carries out and reports. Nothing
//! changes until the user presses "Gabungkan" in the preview, and then the merge is one edit (one undo step).

mod copy;
mod frame;
mod preview;
mod reissue;

use std::path::{Path, PathBuf};

use egui::{Color32, RichText};

use super::file_dialog::Purpose;
use crate::i18n::{Lang, Message, Text, TimeZone};
use crate::io::package;
use crate::merge::trust::Trust;
use crate::merge::workflow::{self, Prepared};
use crate::model::{Agency, Id};
use crate::store::{IssuedCopy, Session};
use copy::CopyDialog;
use frame::Outcome;
use reissue::ReissueDialog;

/// What the merge dialogs ask the app for this frame.
pub enum Request {
    /// Ask where to write or what to read.
    ChoosePath(Purpose, PathBuf),
    /// An error that needs attention (a refused file).
    Notice(Message),
    /// Write an agency copy at the path, for one agency or (without one) for everything.
    WriteAgencyCopy { path: PathBuf, agency: Option<Agency> },
    /// Write this agency copy's change package at the path.
    WritePackage(PathBuf),
    /// Re-issue the copy at the path: a new key, the old copy revoked.
    Reissue { copy: IssuedCopy, path: PathBuf },
    /// Apply the merge in the preview, as one undo step ([`MergeUi::applied`] reports back).
    ApplyMerge,
}

/// A merge waiting in the preview.
pub struct Preview {
    pub prepared: Prepared,
    path: PathBuf,
    error: Option<Message>,
    /// Which page of conflicts is shown.
    page: usize,
    /// The region's time zone, which the rows' stamps are shown in.
    zone: TimeZone,
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
    pending_reissue: Option<IssuedCopy>,
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
        Request::ChoosePath(Purpose::Package, sibling(session, &safe, package::EXTENSION))
    }

    /// A path was chosen in the app's path dialog for one of the merge purposes: what the app should do now.
    pub fn path_chosen(&mut self, purpose: Purpose, path: &Path, session: &Session) -> Option<Request> {
        let path_buf = path.to_path_buf();
        match purpose {
            Purpose::AgencyCopy => {
                let scope = self.pending_scope.take()?;
                let agency = scope.and_then(|id| session.workbook().agency(id).cloned());
                Some(Request::WriteAgencyCopy { path: path_buf, agency })
            }
            Purpose::Package => Some(Request::WritePackage(path_buf)),
            Purpose::MergeFrom => self.prepare(session, path, false, false).map(Request::Notice),
            Purpose::ReissueCopy => Some(Request::Reissue { copy: self.pending_reissue.take()?, path: path_buf }),
            _ => None,
        }
    }

    /// The merge waiting in the preview, for the app to apply.
    pub fn prepared(&self) -> Option<&Prepared> {
        self.preview.as_ref().map(|p| &p.prepared)
    }

    /// The app applied the preview's merge, or could not: on success the preview closes and the app shows the
    /// returned line; a refusal stays in the preview. When the workbook changed under the preview, the merge is
    /// planned again, keeping the dialog open. The result to report, if any: `Ok` for the status line, `Err`
    /// for a notice.
    pub fn applied(&mut self, session: &Session, result: Result<usize, Message>) -> Option<Result<Message, Message>> {
        let preview = self.preview.as_mut()?;
        match result {
            Ok(count) => {
                let source = preview.prepared.source.clone();
                self.preview = None;
                Some(Ok(Message::with(Text::MergeApplied, [source, count.to_string()])))
            }
            Err(message) if message.text == Text::MergeStale => {
                let (path, force) = (preview.path.clone(), preview.prepared.other_masterplan);
                let trust = preview.prepared.trust == Trust::Unsigned;
                let failed = self.prepare(session, &path, force, trust);
                if let Some(preview) = &mut self.preview {
                    preview.error = Some(message);
                }
                failed.map(Err)
            }
            Err(message) => {
                preview.error = Some(message);
                None
            }
        }
    }

    /// Plan the merge of `path` into the preview (or ask to force or trust it); the error to show, if any.
    fn prepare(&mut self, session: &Session, path: &Path, force: bool, trust: bool) -> Option<Message> {
        match workflow::prepare_trusting(session, path, force, trust) {
            Ok(prepared) => {
                let zone = session.workbook().profile.time_zone;
                self.preview = Some(Preview { prepared, path: path.to_path_buf(), error: None, page: 0, zone });
                None
            }
            Err(message) if matches!(message.text, Text::MergeOtherMasterplan | Text::TrustNotACopy) => {
                self.refused = Some(Refused { path: path.to_path_buf(), reason: message.text, force, trust });
                None
            }
            Err(message) => Some(message),
        }
    }

    /// Draw the open merge dialogs; returns what the app should do.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang, session: Option<&Session>) -> Option<Request> {
        let session = session?;
        if let Some(request) = self.copy_ui(ctx, lang, session) {
            return Some(request);
        }
        if let Some(request) = self.reissue_ui(ctx, lang, session) {
            return Some(request);
        }
        if let Some(message) = self.refused_ui(ctx, lang, session) {
            return Some(Request::Notice(message));
        }
        let preview = self.preview.as_mut()?;
        match preview::ui(ctx, lang, preview) {
            preview::Outcome::Pending => None,
            preview::Outcome::Cancelled => {
                self.preview = None;
                None
            }
            preview::Outcome::Apply => Some(Request::ApplyMerge),
        }
    }
}

impl MergeUi {
    fn copy_ui(&mut self, ctx: &egui::Context, lang: Lang, session: &Session) -> Option<Request> {
        match self.copy.as_mut()?.ui(ctx, lang, session.workbook()) {
            Outcome::Pending => None,
            Outcome::Cancelled => {
                self.copy = None;
                None
            }
            Outcome::Chosen(scope) => {
                self.copy = None;
                self.pending_scope = Some(scope);
                let suffix = scope
                    .and_then(|id| session.workbook().agency(id))
                    .map(|a| a.label().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect::<String>())
                    .unwrap_or_else(|| Text::CopySuffix.get(lang).to_string());
                Some(Request::ChoosePath(Purpose::AgencyCopy, sibling(session, &suffix, "smartcity")))
            }
        }
    }

    /// The question for a refused workbook: force it, or trust it; the error of planning it again, if any.
    fn refused_ui(&mut self, ctx: &egui::Context, lang: Lang, session: &Session) -> Option<Message> {
        let refused = self.refused.as_mut()?;
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
        None
    }

    fn reissue_ui(&mut self, ctx: &egui::Context, lang: Lang, session: &Session) -> Option<Request> {
        match self.reissue.as_mut()?.ui(ctx, lang, session.workbook()) {
            Outcome::Pending => None,
            Outcome::Cancelled => {
                self.reissue = None;
                None
            }
            Outcome::Chosen(copy) => {
                self.reissue = None;
                let dest = session.reissue_destination(&copy);
                self.pending_reissue = Some(copy);
                Some(Request::ChoosePath(Purpose::ReissueCopy, dest))
            }
        }
    }
}

/// "Salinan Dinkes": the badge of an agency copy, with what it means on hover.
pub fn scope_badge(ui: &mut egui::Ui, lang: Lang, session: &Session) {
    if let Some(agency) = session.scope() {
        let text = Message::with(Text::ScopeBadge, [agency.label().to_string()]).show(lang);
        ui.label(RichText::new(format!(" {text} ")).strong().color(Color32::WHITE).background_color(SCOPE_COLOR))
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

const SCOPE_COLOR: Color32 = Color32::from_rgb(0x1F, 0x5F, 0xA8);
