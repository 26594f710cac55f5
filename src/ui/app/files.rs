//! Opening, creating and copying workbooks: the file side of the app shell.

use std::path::Path;

use super::App;
use crate::i18n::{Message, Text};
use crate::seed;
use crate::store::{self, Session};
use crate::ui::damaged::RepairWindow;
use crate::ui::finance::FinanceView;
use crate::ui::journal::JournalView;
use crate::ui::merge::MergeUi;
use crate::ui::profile::ProfileView;
use crate::ui::programs::ProgramsView;
use crate::ui::quick_wins::QuickWinsView;
use crate::ui::readiness::ReadinessView;
use crate::ui::strategy::StrategyView;
use crate::ui::views::View;

impl App {
    /// Replace the open workbook with `session`, remembering it as the last one.
    pub(super) fn adopt(&mut self, session: Session) {
        self.repair = RepairWindow::default();
        if session.damage().is_some() {
            self.repair.show();
        } else if let Some(reason) = session.read_only() {
            self.notice = Some(reason.message());
        }
        self.settings.remember(session.path());
        self.session = Some(session);
        self.profile = ProfileView::default();
        self.programs = ProgramsView::default();
        self.readiness = ReadinessView::default();
        self.strategy = StrategyView::default();
        self.finance = FinanceView::default();
        self.quick_wins = QuickWinsView::default();
        self.journal = JournalView::default();
        self.merge = MergeUi::default();
        self.status = None;
        self.save_settings();
    }

    pub(super) fn is_open(&self, path: &Path) -> bool {
        let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        self.session.as_ref().is_some_and(|s| canonical(s.path()) == canonical(path))
    }

    pub fn open_path(&mut self, path: &Path) {
        if self.is_open(path) {
            return;
        }
        match Session::open(path, &self.author()) {
            Ok(session) => self.adopt(session),
            Err(error) => {
                self.notice = Some(Message::with(
                    Text::OpenFailed,
                    [path.display().to_string(), error.message().show(self.lang())],
                ));
            }
        }
    }

    /// Open the demo, writing it first when it is missing or when `reset` asks for a fresh copy.
    pub(super) fn open_demo(&mut self, reset: bool) {
        let path = self.data_dir.demo();
        if reset && self.is_open(&path) {
            self.session = None;
        }
        if reset || !path.exists() {
            if let Err(e) = std::fs::create_dir_all(self.data_dir.path()) {
                self.notice = Some(Message::with(Text::DemoFailed, [e.to_string()]));
                return;
            }
            if reset && store::is_in_use(&path) {
                self.notice = Some(Message::new(Text::DemoInUse));
                return;
            }
            if let Err(e) = store::write_new_file(&path, &seed::demo_workbook(), &self.author()) {
                self.notice = Some(Message::with(Text::DemoFailed, [e]));
                return;
            }
        }
        self.open_path(&path);
        if reset && self.session.is_some() {
            self.set_info(Message::new(Text::DemoRestored));
        }
    }

    pub(super) fn create_workbook(&mut self, path: &Path) {
        let workbook = seed::untitled_workbook(store::current_year());
        match Session::create(path, &workbook, &self.author()) {
            Ok(session) => {
                self.adopt(session);
                self.view = View::Profile;
                self.set_info(Message::with(Text::WorkbookCreated, [path.display().to_string()]));
            }
            Err(error) => self.notice = Some(Message::with(Text::CreateFailed, [error.message().show(self.lang())])),
        }
    }

    pub(super) fn save_copy(&mut self, path: &Path) {
        let Some(session) = &self.session else { return };
        match session.save_copy(path) {
            Ok(()) => self.set_info(Message::with(Text::CopySaved, [path.display().to_string()])),
            Err(e) => self.set_error(Message::with(Text::CopyFailed, [e])),
        }
    }
}
