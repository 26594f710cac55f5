//! The app shell: the one place where edits, commands and the views' requests are applied. Its rooms: the
//! menus, the navigation and central area, the status bar, the dialogs, the files, and carrying out requests.

mod central;
mod dialogs;
mod files;
mod menus;
mod requests;
mod status_bar;

use std::path::{Path, PathBuf};

use egui::Ui;

use super::commands::Command;
use super::damaged::RepairWindow;
use super::export::ExportView;
use super::file_dialog::{PathDialog, Purpose};
use super::finance::FinanceView;
use super::home::HomeView;
use super::journal::JournalView;
use super::merge::MergeUi;
use super::monev::MonevView;
use super::presentation::Presentation;
use super::profile::ProfileView;
use super::programs::ProgramsView;
use super::quick_wins::QuickWinsView;
use super::readiness::ReadinessView;
use super::strategy::StrategyView;
use super::theme;
use super::views::View;
use crate::i18n::{Lang, Message, Text};
use crate::paths;
use crate::paths::DataDir;
use crate::settings::Settings;
use crate::store::Session;
use crate::ui::Handed;

/// Which workbook to open at start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Startup {
    /// The last workbook opened, or the demo the first time.
    Last,
    /// The demo, written from `assets/` if it is not there yet.
    Demo,
    Path(PathBuf),
}

/// A line for the status bar.
#[derive(Clone, Debug)]
struct Status {
    message: Message,
    is_error: bool,
}

pub struct App {
    data_dir: DataDir,
    settings: Settings,
    session: Option<Session>,
    view: View,
    home: HomeView,
    profile: ProfileView,
    programs: ProgramsView,
    readiness: ReadinessView,
    strategy: StrategyView,
    finance: FinanceView,
    quick_wins: QuickWinsView,
    monev: MonevView,
    /// Presentation (workshop) mode: view state, never saved.
    presentation: Presentation,
    export: ExportView,
    journal: JournalView,
    /// Agency copies, merge preview and change packages.
    merge: MergeUi,
    dialog: Option<PathDialog>,
    /// The problems of a damaged workbook and its repair.
    repair: RepairWindow,
    status: Option<Status>,
    /// An error that needs the user's attention (a refused file), shown in a window until dismissed.
    notice: Option<Message>,
    show_about: bool,
    show_guide: bool,
    title: String,
}

impl App {
    pub fn new(ctx: &egui::Context, startup: Startup, data_dir: DataDir) -> Self {
        let settings = Settings::load_from(&data_dir.settings());
        let mut app = App {
            data_dir,
            settings,
            session: None,
            view: View::Home,
            home: HomeView::default(),
            profile: ProfileView::default(),
            programs: ProgramsView::default(),
            readiness: ReadinessView::default(),
            strategy: StrategyView::default(),
            finance: FinanceView::default(),
            quick_wins: QuickWinsView::default(),
            monev: MonevView::default(),
            presentation: Presentation::default(),
            export: ExportView::default(),
            journal: JournalView::default(),
            merge: MergeUi::default(),
            dialog: None,
            repair: RepairWindow::default(),
            status: None,
            notice: None,
            show_about: false,
            show_guide: false,
            title: String::new(),
        };
        theme::apply(ctx);
        match startup {
            Startup::Demo => app.open_demo(false),
            Startup::Path(path) => app.open_path(&path),
            Startup::Last => match app.settings.last_workbook().map(Path::to_path_buf) {
                Some(last) if last.exists() => {
                    app.open_path(&last);
                    if app.session.is_none() {
                        app.open_demo(false);
                    }
                }
                _ => app.open_demo(false),
            },
        }
        app
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// The Program view's state: its tab, filter and selection (benchmarks and tests set them directly).
    pub fn programs_mut(&mut self) -> &mut ProgramsView {
        &mut self.programs
    }

    /// The Quick Win view's state: its tab and picker (tests set them directly).
    pub fn quick_wins_mut(&mut self) -> &mut QuickWinsView {
        &mut self.quick_wins
    }

    /// The Monev view's state: its tab and year (tests read them).
    pub fn monev_mut(&mut self) -> &mut MonevView {
        &mut self.monev
    }

    /// Presentation mode: whether it is on, money hidden, the timer.
    pub fn presentation(&self) -> &Presentation {
        &self.presentation
    }

    /// The status line as the user reads it.
    pub fn status_text(&self) -> String {
        match (&self.status, &self.session) {
            (Some(status), _) => status.message.show(self.lang()),
            (None, Some(session)) if session.read_only().is_some() => Text::StatusReadOnly.get(self.lang()).to_string(),
            (None, Some(_)) => Text::StatusSaved.get(self.lang()).to_string(),
            (None, None) => Text::NoWorkbook.get(self.lang()).to_string(),
        }
    }

    pub fn notice(&self) -> Option<String> {
        self.notice.as_ref().map(|n| n.show(self.lang()))
    }

    fn author(&self) -> String {
        self.settings.author()
    }

    fn save_settings(&mut self) {
        if let Err(e) = self.settings.save_to(&self.data_dir.settings()) {
            self.set_error(Message::with(Text::SettingsNotSaved, [e.to_string()]));
        }
    }

    fn set_info(&mut self, message: Message) {
        self.status = Some(Status { message, is_error: false });
    }

    fn set_error(&mut self, message: Message) {
        self.status = Some(Status { message, is_error: true });
    }

    /// Run one command. Public so tests drive the app exactly as menus and shortcuts do.
    pub fn execute(&mut self, ctx: &egui::Context, command: Command) {
        // The menus grey a disabled command out; a shortcut or a test asking for it does not run it either
        // (undo and redo say there is nothing to undo or redo).
        if !command.enabled(self.session.as_ref()) {
            match command {
                Command::Undo => self.set_info(Message::new(Text::NothingToUndo)),
                Command::Redo => self.set_info(Message::new(Text::NothingToRedo)),
                _ => {}
            }
            return;
        }
        match command {
            Command::NewWorkbook => {
                let suggestion = paths::documents_dir().join("masterplan.smartcity");
                self.dialog = Some(PathDialog::new(Purpose::New, Some(&suggestion)));
            }
            Command::Open => {
                let suggestion = self.session.as_ref().and_then(|s| s.path().parent()).map(|d| d.join(""));
                self.dialog = Some(PathDialog::new(Purpose::Open, suggestion.as_deref()));
            }
            Command::OpenPath(path) => self.open_path(&path),
            Command::SaveCopy => {
                if let Some(session) = &self.session {
                    let stem = session
                        .path()
                        .file_stem()
                        .map_or_else(|| "masterplan".into(), |s| s.to_string_lossy().into_owned());
                    let suggestion = session
                        .path()
                        .with_file_name(format!("{stem}-{}.smartcity", Text::CopySuffix.get(self.lang())));
                    self.dialog = Some(PathDialog::new(Purpose::SaveCopy, Some(&suggestion)));
                }
            }
            Command::ResetDemo => self.open_demo(true),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo | Command::Redo => self.undo_redo(command == Command::Undo),
            Command::Save => self.set_info(Message::new(Text::AlreadySaved)),
            Command::SetLanguage(lang) => {
                self.settings.lang = lang;
                self.save_settings();
            }
            Command::Show(view) => self.view = view,
            Command::About => self.show_about = true,
            Command::Guide => self.show_guide = !self.show_guide,
            Command::AgencyCopy => {
                if let Some(session) = &self.session {
                    self.merge.start_copy(session);
                }
            }
            Command::MergeFrom | Command::MakePackage | Command::ReissueCopy => {
                let request = self.session.as_ref().and_then(|session| match command {
                    Command::MergeFrom => Some(self.merge.start_merge(session)),
                    Command::ReissueCopy => self.merge.start_reissue(session),
                    _ => Some(self.merge.start_package(session)),
                });
                if let Some(request) = request {
                    self.merge_request(request);
                }
            }
            Command::Present => self.presentation.toggle(ctx),
            Command::RepairContents => self.repair.show(),
        }
    }

    /// Repair the open workbook's forbidden contents, as one undo step.
    fn repair_contents(&mut self) {
        let Some(session) = &mut self.session else { return };
        match session.repair() {
            Ok(fixed) => {
                self.set_info(Message::with(Text::RepairApplied, [fixed.len().to_string()]));
            }
            Err(error) => self.set_error(error.message()),
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let Some(session) = &mut self.session else { return };
        let result = if undo { session.undo() } else { session.redo() };
        match result {
            Ok(Some(label)) => {
                let text = if undo { Text::Undone } else { Text::Redone };
                let lang = self.settings.lang;
                self.set_info(Message::with(text, [label.show(lang)]));
            }
            Ok(None) => self.set_info(Message::new(if undo { Text::NothingToUndo } else { Text::NothingToRedo })),
            Err(error) => self.set_error(error.message()),
        }
    }

    /// Commit the edits the views handed back this frame, each as one undo step.
    pub fn commit(&mut self, handed: Vec<Handed>) {
        for handed in handed {
            let Some(session) = &mut self.session else { return };
            let result = match handed {
                Handed::Edit(edit) => session.commit(edit),
                Handed::Checked(checked) => session.commit_checked(checked),
            };
            match result {
                Ok(()) => self.status = None,
                Err(error) => self.set_error(error.message()),
            }
        }
    }

    fn shortcut_commands(&self, ctx: &egui::Context) -> Vec<Command> {
        let text_has_keyboard = ctx.egui_wants_keyboard_input();
        let mut commands = Vec::new();
        for command in Command::with_shortcuts() {
            if command.yields_to_text_fields() && text_has_keyboard {
                continue;
            }
            if command.shortcuts().iter().any(|s| ctx.input_mut(|i| i.consume_shortcut(s))) {
                commands.push(command);
            }
        }
        commands
    }

    /// The merge dialogs' state (tests read the preview).
    pub fn merge_ui(&self) -> &MergeUi {
        &self.merge
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.session {
            Some(session) => {
                let profile = &session.workbook().profile;
                let file = session.path().file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                let example = if profile.is_example {
                    format!(" [{}]", Text::ExampleBadge.get(self.lang()))
                } else {
                    String::new()
                };
                format!("{}{example} — {file} — Smart City Workbench", profile.region_name)
            }
            None => "Smart City Workbench".to_string(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub fn title(&self) -> &str {
        &self.title
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = self.shortcut_commands(&ctx);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        commands.extend(dropped.into_iter().map(Command::OpenPath));
        let mut edits = Vec::new();

        self.presentation.logic(&ctx);
        if self.presentation.active {
            // Presenting: no editing chrome, only the presentation bar (super::presentation).
            let (lang, view) = (self.lang(), self.view);
            let is_example = self.session.as_ref().is_some_and(|s| s.workbook().profile.is_example);
            egui::Panel::top("presentation")
                .show(ui, |ui| self.presentation.bar_ui(ui, lang, view, is_example, &mut commands));
        } else {
            egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui, &mut commands));
            egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
            egui::Panel::left("nav").resizable(false).exact_size(190.0).show(ui, |ui| self.nav_ui(ui, &mut commands));
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut edits, &mut commands));
        self.dialogs_ui(&ctx);

        self.commit(edits);
        for command in commands {
            self.execute(&ctx, command);
        }
        self.update_title(&ctx);
    }
}
