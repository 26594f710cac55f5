//! Carrying out what the merge dialogs ask for (copies, packages, re-issues, the merge itself), and
//! reporting every result in one place: the status line, or the notice for an error.

use super::App;
use crate::i18n::{Message, Text};
use crate::merge::workflow;
use crate::ui::file_dialog::PathDialog;
use crate::ui::merge::Request;

impl App {
    /// Carry out what the merge dialogs asked for; every result is reported here, like a commit's.
    pub(super) fn merge_request(&mut self, request: Request) {
        let report = match request {
            Request::ChoosePath(purpose, suggestion) => {
                self.dialog = Some(PathDialog::new(purpose, Some(&suggestion)));
                return;
            }
            Request::Notice(message) => Err(message),
            Request::ApplyMerge => {
                let (Some(session), Some(prepared)) = (&mut self.session, self.merge.prepared()) else { return };
                let result = workflow::apply(session, prepared);
                match self.merge.applied(session, result) {
                    Some(report) => report,
                    None => return,
                }
            }
            Request::WriteAgencyCopy { path, agency } => {
                let Some(session) = &mut self.session else { return };
                session.write_agency_copy(&path, agency.as_ref()).map(|()| {
                    let name = agency.map_or_else(|| path.display().to_string(), |a| a.label().to_string());
                    Message::with(Text::CopyWritten, [name, path.display().to_string()])
                })
            }
            Request::WritePackage(path) => {
                let Some(session) = &mut self.session else { return };
                workflow::write_package(session, &path)
                    .map(|rows| Message::with(Text::PackageWritten, [path.display().to_string(), rows.to_string()]))
            }
            Request::Reissue { copy, path } => {
                let Some(session) = &mut self.session else { return };
                session
                    .reissue_copy(copy.copy_id, &path)
                    .map(|()| Message::with(Text::ReissueWritten, [copy.name.clone(), path.display().to_string()]))
            }
        };
        match report {
            Ok(message) => self.set_info(message),
            Err(message) => self.notice = Some(message),
        }
    }
}
