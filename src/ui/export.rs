//! The Ekspor view: pick the books, formats, the files' language (independent of the app's), the CSV
//! delimiter, the chart size and the output folder (a path field that always works, and "Browse…" for the
//! system's folder chooser), then export on a background thread with a progress bar and cancel. Afterwards it
//! lists the files written and opens their folder on request.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::{RichText, Ui};

use crate::charts::MAX_SIDE;
use crate::i18n::{Lang, Message, Text, format_decimal};
use crate::io::books::{Book, DEFAULT_AREA};
use crate::io::chart_set::ChartSize;
use crate::io::export_plan::{self, ExportFormat, ExportJob, ExportReport, ExportRequest};
use crate::paths::documents_dir;
use crate::ui::ViewCx;

pub struct ExportView {
    books: [bool; 5],
    formats: [bool; 6],
    /// The files' language: Indonesian until the user chooses (the books are Indonesian documents, whatever
    /// language the app speaks).
    lang: Lang,
    delimiter: char,
    chart_size: ChartSize,
    area: String,
    folder: String,
    browsing: Option<Receiver<Option<PathBuf>>>,
    job: Option<ExportJob>,
    report: Option<ExportReport>,
    /// The written files' names and sizes, read once when the export ends (not every frame).
    written: Vec<(String, u64)>,
    /// A problem with the choices, shown until the next export.
    error: Option<Message>,
    /// The typed folder that does not exist yet: the view offers to create it (never without asking: a typo
    /// would scatter files elsewhere).
    missing_folder: Option<PathBuf>,
    /// The workbook the folder was suggested for, and the folder suggested: while the field still holds
    /// it, opening another workbook suggests that one's, and exporting creates it without asking (it is
    /// ours, not a typo).
    suggested: Option<(PathBuf, String)>,
}

impl Default for ExportView {
    fn default() -> Self {
        let request = ExportRequest::all(PathBuf::new());
        ExportView {
            books: [true; 5],
            // Everything the ministry and colleagues may need; "Semua format" clears them in one click.
            formats: [true; 6],
            lang: Lang::Id,
            delimiter: request.delimiter,
            chart_size: request.chart_size,
            area: request.area,
            folder: String::new(),
            browsing: None,
            job: None,
            report: None,
            written: Vec::new(),
            error: None,
            missing_folder: None,
            suggested: None,
        }
    }
}

/// Ask the system's folder chooser on a background thread; the receiver gets the folder (or nothing).
fn browse_folder(ctx: &egui::Context, start: Option<PathBuf>) -> Receiver<Option<PathBuf>> {
    let (sender, receiver) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let mut dialog = rfd::FileDialog::new();
        if let Some(start) = start {
            dialog = dialog.set_directory(start);
        }
        let _ = sender.send(dialog.pick_folder());
        ctx.request_repaint();
    });
    receiver
}

/// Show `folder` in the system's file manager.
fn open_folder(folder: &std::path::Path) -> Result<(), String> {
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program).arg(folder).spawn().map(|_| ()).map_err(|e| e.to_string())
}

impl ExportView {
    /// The area Book V is exported for, as typed (the home view checks the book for it).
    pub fn area(&self) -> &str {
        if self.area.trim().is_empty() { DEFAULT_AREA } else { self.area.trim() }
    }

    /// The request the current choices make.
    pub fn request(&self, lang: Lang) -> ExportRequest {
        ExportRequest {
            books: Book::ALL.iter().zip(self.books).filter(|(_, on)| *on).map(|(b, _)| *b).collect(),
            formats: ExportFormat::ALL.iter().zip(self.formats).filter(|(_, on)| *on).map(|(f, _)| *f).collect(),
            lang,
            delimiter: self.delimiter,
            chart_size: self.chart_size,
            area: self.area.trim().to_string(),
            folder: PathBuf::from(self.folder.trim()),
        }
    }

    /// Suggest "Ekspor <workbook>" in the documents folder for the open workbook, unless the user typed or
    /// chose a folder of their own.
    fn suggest_folder(&mut self, workbook: &Path, lang: Lang) {
        let ours = self.folder.is_empty() || self.folder_is_suggested();
        if !ours || self.suggested.as_ref().is_some_and(|(for_path, _)| for_path == workbook) {
            return;
        }
        let stem = workbook.file_stem().map_or_else(|| "masterplan".into(), |s| s.to_string_lossy().into_owned());
        let folder = documents_dir().join(Text::ExportFolderSuggestion.fill(lang, &[&stem])).display().to_string();
        self.folder.clone_from(&folder);
        self.suggested = Some((workbook.to_path_buf(), folder));
    }

    /// Whether the folder field still holds the folder this view suggested.
    fn folder_is_suggested(&self) -> bool {
        self.suggested.as_ref().is_some_and(|(_, folder)| *folder == self.folder)
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let ui_lang = cx.lang;
        let lang = self.lang;
        self.suggest_folder(cx.session.path(), ui_lang);
        if let Some(receiver) = &self.browsing
            && let Ok(chosen) = receiver.try_recv()
        {
            self.browsing = None;
            if let Some(folder) = chosen {
                self.folder = folder.display().to_string();
            }
        }
        if let Some(job) = &mut self.job {
            job.poll();
            if let Some(report) = job.report().cloned() {
                self.written = report
                    .written
                    .iter()
                    .map(|path| {
                        let name = path
                            .file_name()
                            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                        (name, std::fs::metadata(path).map(|m| m.len()).unwrap_or(0))
                    })
                    .collect();
                self.report = Some(report);
                self.job = None;
            }
        }
        egui::ScrollArea::vertical().id_salt("export_view").auto_shrink(false).show(ui, |ui| {
            ui.heading(Text::NavExport.get(ui_lang));
            ui.add_space(4.0);
            ui.label(Text::ExportIntro.get(ui_lang));
            ui.add_space(8.0);
            let running = self.job.is_some();
            ui.add_enabled_ui(!running, |ui| self.choices_ui(ui, ui_lang, lang));
            ui.add_space(10.0);
            self.action_ui(ui, cx, ui_lang);
            self.report_ui(ui, ui_lang);
        });
    }

    fn choices_ui(&mut self, ui: &mut Ui, ui_lang: Lang, lang: Lang) {
        section(ui, Text::ExportFormats, ui_lang);
        ui.horizontal_wrapped(|ui| {
            let mut all = self.formats.iter().all(|f| *f);
            if ui.checkbox(&mut all, Text::ExportAllFormats.get(ui_lang)).changed() {
                self.formats = [all; 6];
            }
            for (format, on) in ExportFormat::ALL.iter().zip(self.formats.iter_mut()) {
                ui.checkbox(on, format.label().get(ui_lang));
            }
        });
        let wants = |f: ExportFormat| self.formats[ExportFormat::ALL.iter().position(|x| *x == f).unwrap_or(0)];
        let books_used = wants(ExportFormat::Docx) || wants(ExportFormat::Html);
        let csv_used = wants(ExportFormat::Csv);
        let charts_used = wants(ExportFormat::Svg) || wants(ExportFormat::Png);

        self.books_ui(ui, ui_lang, lang, books_used);

        section(ui, Text::ExportLanguage, ui_lang);
        ui.horizontal(|ui| {
            for (choice, name) in [(Lang::Id, "Bahasa Indonesia"), (Lang::En, "English")] {
                if ui.radio(lang == choice, name).clicked() {
                    self.lang = choice;
                }
            }
        });

        ui.add_enabled_ui(csv_used, |ui| {
            section(ui, Text::ExportDelimiter, ui_lang);
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.delimiter, ';', Text::ExportSemicolon.get(ui_lang));
                ui.radio_value(&mut self.delimiter, ',', Text::ExportComma.get(ui_lang));
            });
        });

        ui.add_enabled_ui(charts_used, |ui| {
            section(ui, Text::ExportChartSize, ui_lang);
            ui.horizontal_wrapped(|ui| {
                let max = MAX_SIDE;
                ui.add(egui::DragValue::new(&mut self.chart_size.width).range(100..=max).suffix(" px"));
                ui.label("x");
                ui.add(egui::DragValue::new(&mut self.chart_size.height).range(100..=max).suffix(" px"));
                ui.add_space(12.0);
                ui.label(Text::ExportPngScale.get(ui_lang));
                ui.add(egui::DragValue::new(&mut self.chart_size.scale).range(0.5..=4.0).speed(0.05).prefix("× "));
                let (w, h) = self.chart_size.png();
                ui.label(RichText::new(Text::ExportPngPixels.fill(ui_lang, &[&w.to_string(), &h.to_string()])).weak());
            });
        });

        self.folder_ui(ui, ui_lang);
    }

    /// Which books, and the area of Book V when it is ticked.
    fn books_ui(&mut self, ui: &mut Ui, ui_lang: Lang, lang: Lang, enabled: bool) {
        section(ui, Text::ExportBooks, ui_lang);
        ui.add_enabled_ui(enabled, |ui| {
            ui.horizontal_wrapped(|ui| {
                let mut all = self.books.iter().all(|b| *b);
                if ui.checkbox(&mut all, Text::ExportAllBooks.get(ui_lang)).changed() {
                    self.books = [all; 5];
                }
                for (book, on) in Book::ALL.iter().zip(self.books.iter_mut()) {
                    ui.checkbox(on, book.title(lang));
                }
            });
            if self.books[Book::Area.number() as usize - 1] {
                ui.horizontal(|ui| {
                    let label = ui.label(Text::ExportArea.get(ui_lang));
                    ui.add(egui::TextEdit::singleline(&mut self.area).desired_width(220.0)).labelled_by(label.id);
                });
            }
        });
    }

    /// The output folder: a path field that always works, and the system's chooser.
    fn folder_ui(&mut self, ui: &mut Ui, ui_lang: Lang) {
        section(ui, Text::ExportFolder, ui_lang);
        ui.horizontal(|ui| {
            let browse = ui.add_enabled(self.browsing.is_none(), egui::Button::new(Text::Browse.get(ui_lang)));
            if browse.clicked() {
                let start = Some(PathBuf::from(self.folder.trim())).filter(|p| p.is_dir());
                self.browsing = Some(browse_folder(ui.ctx(), start));
            }
            let field = egui::TextEdit::singleline(&mut self.folder)
                .desired_width(ui.available_width().min(640.0))
                .hint_text(Text::ExportFolderHint.get(ui_lang));
            ui.add(field)
                .on_hover_text(Text::ExportFolder.get(ui_lang))
                .accessible_name(Text::ExportFolder.get(ui_lang));
        });
        if self.browsing.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(Text::WaitingForDialog.get(ui_lang));
            });
        }
    }

    fn action_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, ui_lang: Lang) {
        if let Some(job) = &self.job {
            let progress = job.progress();
            let fraction = if progress.total == 0 { 0.0 } else { progress.done as f32 / progress.total as f32 };
            let text = Text::ExportProgress
                .fill(ui_lang, &[&progress.done.to_string(), &progress.total.to_string(), &progress.current]);
            ui.add(egui::ProgressBar::new(fraction).text(text));
            if ui.button(Text::Cancel.get(ui_lang)).clicked() {
                job.cancel();
            }
            return;
        }
        let start = ui.add(
            egui::Button::new(RichText::new(Text::ExportStart.get(ui_lang)).strong()).min_size([160.0, 30.0].into()),
        );
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", error.show(ui_lang)));
        }
        let create = self.missing_folder.is_some() && ui.button(Text::ExportCreateFolder.get(ui_lang)).clicked();
        if create && let Some(folder) = self.missing_folder.take() {
            match fs::create_dir_all(&folder) {
                Ok(()) => self.start(ui.ctx(), cx),
                Err(e) => self.error = Some(Message::with(Text::ExportCreateFolderFailed, [e.to_string()])),
            }
        } else if start.clicked() {
            self.start(ui.ctx(), cx);
        }
    }

    fn start(&mut self, ctx: &egui::Context, cx: &ViewCx<'_>) {
        (self.error, self.missing_folder) = (None, None);
        let request = self.request(self.lang);
        if request.folder.as_os_str().is_empty() {
            self.error = Some(Message::new(Text::ExportFolderRequired));
            return;
        }
        if let Err(error) = export_plan::check(&request) {
            self.error = Some(error.message());
            return;
        }
        if !request.folder.exists()
            && self.folder_is_suggested()
            && let Err(e) = fs::create_dir_all(&request.folder)
        {
            self.error = Some(Message::with(Text::ExportCreateFolderFailed, [e.to_string()]));
            return;
        }
        if !request.folder.exists() {
            self.error = Some(Message::with(Text::ExportFolderMissing, [request.folder.display().to_string()]));
            self.missing_folder = Some(request.folder);
            return;
        }
        self.report = None;
        let ctx = ctx.clone();
        self.job = Some(ExportJob::start(cx.session.workbook().clone(), request, move || ctx.request_repaint()));
    }

    fn report_ui(&mut self, ui: &mut Ui, ui_lang: Lang) {
        let Some(report) = &self.report else { return };
        ui.add_space(8.0);
        let summary = report.summary().show(ui_lang);
        if report.error.is_some() {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {summary}"));
        } else {
            ui.label(format!("✔ {summary}"));
        }
        if report.written.is_empty() {
            return;
        }
        ui.add_space(6.0);
        let mut open_failed = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new(Text::ExportFilesWritten.get(ui_lang)).strong());
            if ui.button(Text::ExportOpenFolder.get(ui_lang)).clicked()
                && let Err(e) = open_folder(&report.folder)
            {
                open_failed = Some(e);
            }
        });
        for (name, size) in &self.written {
            ui.label(RichText::new(format!("{name}  ({})", file_size(*size))).monospace());
        }
        if let Some(e) = open_failed {
            self.error = Some(Message::with(Text::ExportOpenFolderFailed, [e]));
        }
    }
}

/// `12,3 KB` / `1,5 MB`, the Indonesian way.
fn file_size(bytes: u64) -> String {
    let kb = bytes as f64 / 1024.0;
    if kb < 1024.0 { format!("{} KB", format_decimal(kb, 1)) } else { format!("{} MB", format_decimal(kb / 1024.0, 1)) }
}

/// A section title of the export choices.
fn section(ui: &mut Ui, text: Text, lang: Lang) {
    ui.add_space(6.0);
    ui.label(RichText::new(text.get(lang)).strong());
}
