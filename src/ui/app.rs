//! The app shell: menus, navigation, status bar, dialogs, and the one place where edits and commands are
//! applied.

use std::path::{Path, PathBuf};

use egui::{Color32, RichText, Ui};

use super::ViewCx;
use super::commands::Command;
use super::damaged::{RepairChoice, RepairWindow};
use super::export::ExportView;
use super::file_dialog::{Outcome, PathDialog, Purpose};
use super::finance::FinanceView;
use super::history::HistoryView;
use super::merge::{MergeUi, Request};
use super::presentation::Presentation;
use super::profile::ProfileView;
use super::programs::ProgramsView;
use super::quick_wins::QuickWinsView;
use super::readiness::ReadinessView;
use super::strategy::StrategyView;
use super::views::View;
use crate::i18n::{Lang, Message, Text};
use crate::model::Edit;
use crate::paths::DataDir;
use crate::settings::Settings;
use crate::store::{self, Session};

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
    profile: ProfileView,
    programs: ProgramsView,
    readiness: ReadinessView,
    strategy: StrategyView,
    finance: FinanceView,
    quick_wins: QuickWinsView,
    /// Presentation (workshop) mode: view state, never saved.
    presentation: Presentation,
    export: ExportView,
    history: HistoryView,
    /// Agency copies, merge preview and change packages.
    merge: MergeUi,
    dialog: Option<PathDialog>,
    /// The problems of a damaged workbook and its repair.
    repair: RepairWindow,
    status: Option<Status>,
    /// An error that needs the user's attention (a refused file), shown in a window until dismissed.
    notice: Option<Message>,
    show_about: bool,
    title: String,
}

const BADGE_COLOR: Color32 = Color32::from_rgb(0xC2, 0x5E, 0x00);

impl App {
    pub fn new(ctx: &egui::Context, startup: Startup, data_dir: DataDir) -> Self {
        let settings = Settings::load_from(&data_dir.settings());
        let mut app = App {
            data_dir,
            settings,
            session: None,
            view: View::Profile,
            profile: ProfileView::default(),
            programs: ProgramsView::default(),
            readiness: ReadinessView::default(),
            strategy: StrategyView::default(),
            finance: FinanceView::default(),
            quick_wins: QuickWinsView::default(),
            presentation: Presentation::default(),
            export: ExportView::default(),
            history: HistoryView::default(),
            merge: MergeUi::default(),
            dialog: None,
            repair: RepairWindow::default(),
            status: None,
            notice: None,
            show_about: false,
            title: String::new(),
        };
        super::theme::apply(ctx);
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

    /// Replace the open workbook with `session`, remembering it as the last one.
    fn adopt(&mut self, session: Session) {
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
        self.history = HistoryView::default();
        self.merge = MergeUi::default();
        self.status = None;
        self.save_settings();
    }

    fn is_open(&self, path: &Path) -> bool {
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
    fn open_demo(&mut self, reset: bool) {
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
            if let Err(e) = store::write_new_file(&path, &crate::seed::demo_workbook(), &self.author()) {
                self.notice = Some(Message::with(Text::DemoFailed, [e]));
                return;
            }
        }
        self.open_path(&path);
        if reset && self.session.is_some() {
            self.set_info(Message::new(Text::DemoRestored));
        }
    }

    fn create_workbook(&mut self, path: &Path) {
        let year = store::now_iso().get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(2026) + 1;
        let workbook = crate::seed::new_workbook(Text::NewRegionName.get(self.lang()), year);
        match Session::create(path, &workbook, &self.author()) {
            Ok(session) => {
                self.adopt(session);
                self.view = View::Profile;
                self.set_info(Message::with(Text::WorkbookCreated, [path.display().to_string()]));
            }
            Err(error) => self.notice = Some(Message::with(Text::CreateFailed, [error.message().show(self.lang())])),
        }
    }

    /// Run one command. Public so tests drive the app exactly as menus and shortcuts do.
    pub fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::NewWorkbook => {
                let suggestion = crate::paths::documents_dir().join("masterplan.smartcity");
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
    pub fn commit(&mut self, edits: Vec<Edit>) {
        for edit in edits {
            let Some(session) = &mut self.session else { return };
            match session.commit(edit) {
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

    fn menu_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        let has_session = self.session.is_some();
        let item = |ui: &mut Ui, command: Command, enabled: bool, commands: &mut Vec<Command>| {
            let mut button = egui::Button::new(command.label().get(lang));
            if let Some(shortcut) = command.shortcuts().first() {
                button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
            }
            if ui.add_enabled(enabled, button).clicked() {
                commands.push(command);
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(Text::MenuFile.get(lang), |ui| {
                item(ui, Command::NewWorkbook, true, commands);
                item(ui, Command::Open, true, commands);
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
                item(ui, Command::SaveCopy, has_session, commands);
                ui.separator();
                let writable = self.session.as_ref().is_some_and(|s| s.read_only().is_none());
                item(ui, Command::AgencyCopy, writable, commands);
                item(ui, Command::MergeFrom, writable, commands);
                item(ui, Command::MakePackage, has_session, commands);
                let reissue = self.session.as_ref().is_some_and(MergeUi::can_reissue);
                item(ui, Command::ReissueCopy, reissue, commands);
                let damaged = self.session.as_ref().is_some_and(|s| s.damage().is_some());
                item(ui, Command::RepairContents, damaged, commands);
                ui.separator();
                item(ui, Command::ResetDemo, true, commands);
                ui.separator();
                item(ui, Command::Quit, true, commands);
            });
            ui.menu_button(Text::MenuEdit.get(lang), |ui| {
                let session = self.session.as_ref();
                let undo = session.and_then(Session::undo_label);
                let redo = session.and_then(Session::redo_label);
                for (command, label) in [(Command::Undo, undo), (Command::Redo, redo)] {
                    let text = match label {
                        Some(label) => format!("{}: {}", command.label().get(lang), label.show(lang)),
                        None => command.label().get(lang).to_string(),
                    };
                    let shortcut = command.shortcuts().first().map(|s| ui.ctx().format_shortcut(s)).unwrap_or_default();
                    let button = egui::Button::new(text).shortcut_text(shortcut);
                    if ui.add_enabled(label.is_some(), button).clicked() {
                        commands.push(command);
                    }
                }
            });
            ui.menu_button(Text::MenuView.get(lang), |ui| {
                for view in View::ALL {
                    if ui.selectable_label(self.view == view, view.label().get(lang)).clicked() {
                        commands.push(Command::Show(view));
                    }
                }
                ui.separator();
                ui.label(RichText::new(Text::MenuLanguage.get(lang)).weak());
                for choice in Lang::ALL {
                    let name = match choice {
                        Lang::Id => "Bahasa Indonesia",
                        Lang::En => "English",
                    };
                    if ui.radio(lang == choice, name).clicked() {
                        commands.push(Command::SetLanguage(choice));
                    }
                }
            });
            ui.menu_button(Text::MenuHelp.get(lang), |ui| {
                item(ui, Command::About, true, commands);
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // The language is one click away, also outside the View menu.
                let other = lang.other();
                let label = match other {
                    Lang::Id => "ID",
                    Lang::En => "EN",
                };
                let button = ui.button(label).on_hover_text(Text::SwitchLanguage.get(lang));
                if button.accessible_name(Text::SwitchLanguage.get(lang)).clicked() {
                    commands.push(Command::SetLanguage(other));
                }
                let present = format!("▶ {}", Command::Present.label().get(lang));
                if ui.button(present).on_hover_text("F5").clicked() {
                    commands.push(Command::Present);
                }
            });
        });
    }

    fn nav_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        ui.add_space(8.0);
        if let Some(session) = &self.session {
            let profile = &session.workbook().profile;
            ui.label(RichText::new(&profile.region_name).strong());
            ui.label(
                RichText::new(format!(
                    "{} {}-{}",
                    Text::Masterplan.get(lang),
                    profile.period_start,
                    profile.period_end
                ))
                .weak(),
            );
            if profile.is_example {
                example_badge(ui, lang);
            }
            super::merge::scope_badge(ui, lang, session);
            ui.add_space(10.0);
        }
        for view in View::ALL {
            let selected = self.view == view;
            let text = RichText::new(view.label().get(lang)).size(16.0);
            let response = ui.add_sized([ui.available_width(), 30.0], egui::Button::selectable(selected, text));
            if response.clicked() {
                commands.push(Command::Show(view));
            }
        }
    }

    fn status_ui(&self, ui: &mut Ui) {
        let lang = self.lang();
        ui.horizontal(|ui| {
            if let Some(session) = &self.session {
                if session.workbook().profile.is_example {
                    example_badge(ui, lang);
                }
                if let Some(reason) = session.read_only() {
                    ui.label(
                        RichText::new(Text::ReadOnlyBadge.get(lang))
                            .color(Color32::WHITE)
                            .background_color(Color32::DARK_RED),
                    )
                    .on_hover_text(reason.message().show(lang));
                }
                super::merge::scope_badge(ui, lang, session);
                ui.label(RichText::new(session.path().display().to_string()).monospace().small());
                ui.separator();
            }
            let text = self.status_text();
            match &self.status {
                Some(Status { is_error: true, .. }) => {
                    ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {text}"))
                }
                _ => ui.label(format!("✔ {text}")),
            };
        });
    }

    fn central_ui(&mut self, ui: &mut Ui, edits: &mut Vec<Edit>, commands: &mut Vec<Command>) {
        let lang = self.lang();
        let Some(session) = &self.session else {
            ui.vertical_centered(|ui| {
                ui.add_space(60.0);
                ui.heading(Text::NoWorkbook.get(lang));
                ui.add_space(12.0);
                for command in [Command::NewWorkbook, Command::Open, Command::ResetDemo] {
                    if ui.button(command.label().get(lang)).clicked() {
                        commands.push(command);
                    }
                }
            });
            return;
        };
        let hide_money = self.presentation.active && self.presentation.hide_money;
        // An agency copy edits only its programs: other views are shown, not edited, with a banner saying why.
        let in_scope = session.scope().is_none() || self.view == View::Programs;
        super::merge::scope_banner(ui, lang, session);
        let editable = session.read_only().is_none() && in_scope;
        let mut cx = ViewCx { lang, session, edits, editable, hide_money };
        match self.view {
            View::Profile => self.profile.ui(ui, &mut cx),
            View::Programs => self.programs.ui(ui, &mut cx),
            View::Readiness => self.readiness.ui(ui, &mut cx),
            View::Strategy => self.strategy.ui(ui, &mut cx),
            // The finance view is amounts through and through: with money hidden it is not shown.
            View::Finance if hide_money => super::presentation::money_hidden_ui(ui, lang),
            View::Finance => self.finance.ui(ui, &mut cx),
            View::QuickWins => self.quick_wins.ui(ui, &mut cx),
            View::Export => self.export.ui(ui, &mut cx),
            View::History => self.history.ui(ui, lang, session),
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        if let Some(dialog) = &mut self.dialog {
            match dialog.ui(ctx, lang) {
                Outcome::Pending => {}
                Outcome::Cancelled => self.dialog = None,
                Outcome::Chosen(path) => {
                    let purpose = dialog.purpose;
                    self.dialog = None;
                    match purpose {
                        Purpose::Open => self.open_path(&path),
                        Purpose::New => self.create_workbook(&path),
                        Purpose::SaveCopy => self.save_copy(&path),
                        Purpose::AgencyCopy | Purpose::MergeFrom | Purpose::Package | Purpose::ReissueCopy => {
                            let request = match &mut self.session {
                                Some(session) => self.merge.path_chosen(purpose, &path, session),
                                None => None,
                            };
                            if let Some(request) = request {
                                self.merge_request(request);
                            }
                        }
                    }
                }
            }
        }
        if let Some(request) = self.merge.ui(ctx, lang, self.session.as_mut()) {
            self.merge_request(request);
        }
        if self.repair.ui(ctx, lang, self.session.as_ref()) == Some(RepairChoice::Repair) {
            self.repair_contents();
        }
        if let Some(notice) = self.notice.clone() {
            let modal = egui::Modal::new(egui::Id::unique("notice")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.label(notice.show(lang));
                ui.add_space(8.0);
                ui.button(Text::Ok.get(lang)).clicked()
            });
            if modal.inner || modal.should_close() {
                self.notice = None;
            }
        }
        if self.show_about {
            let mut open = true;
            egui::Window::new(Text::CmdAbout.get(lang)).open(&mut open).collapsible(false).resizable(false).show(
                ctx,
                |ui| {
                    ui.heading("Smart City Workbench");
                    ui.label(format!("{} {}", Text::Version.get(lang), env!("CARGO_PKG_VERSION")));
                    ui.label(Text::AboutText.get(lang));
                    ui.label(format!("{}: {}", Text::DataFolder.get(lang), self.data_dir.path().display()));
                    ui.label(format!("{}: {}", Text::SchemaVersion.get(lang), store::schema::CURRENT_VERSION));
                },
            );
            self.show_about = open;
        }
    }

    /// Carry out what the merge dialogs asked for.
    fn merge_request(&mut self, request: Request) {
        match request {
            Request::ChoosePath(purpose, suggestion) => self.dialog = Some(PathDialog::new(purpose, Some(&suggestion))),
            Request::Info(message) => self.set_info(message),
            Request::Notice(message) => self.notice = Some(message),
        }
    }

    /// The merge dialogs' state (tests read the preview).
    pub fn merge_ui(&self) -> &MergeUi {
        &self.merge
    }

    fn save_copy(&mut self, path: &Path) {
        let Some(session) = &self.session else { return };
        match session.save_copy(path) {
            Ok(()) => self.set_info(Message::with(Text::CopySaved, [path.display().to_string()])),
            Err(e) => self.set_error(Message::with(Text::CopyFailed, [e])),
        }
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

pub(super) fn example_badge(ui: &mut Ui, lang: Lang) {
    ui.label(
        RichText::new(format!(" {} ", Text::ExampleBadge.get(lang)))
            .strong()
            .color(Color32::WHITE)
            .background_color(BADGE_COLOR),
    )
    .on_hover_text(Text::ExampleHint.get(lang));
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
