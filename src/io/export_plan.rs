//! The export as a whole: what to write ([`ExportRequest`] -> [`plan`], a list of files), writing it
//! ([`run`], file by file, each through a temporary file renamed into place), and doing that on a background
//! thread with progress and cancel ([`ExportJob`]) for the Ekspor view. The `export` command runs the same
//! [`run`] in the foreground.
//!
//! An error stops the export at that file: the files written before it stay (each is complete), the failed
//! one leaves nothing, and the report says what happened and what to do ([`ExportError::message`]). Cancel
//! stops between two files.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

use super::atomic_file::{WriteError, write_file};
use super::books::{
    Book, BookOptions, DEFAULT_AREA, DocFormat, evaluation_file_name, evaluation_years, file_name, minutes_file_name,
    render, render_evaluation, render_minutes,
};
use super::chart_set::{ChartFileError, ChartSize, NamedChart, main_charts, write_png_file, write_svg_file};
use super::csv_tables::{DELIMITERS, table_csv};
use super::spreadsheet::tables::{DataTable, tables};
use super::spreadsheet::workbook_xlsx;
use crate::charts::MAX_SIDE;
use crate::i18n::{Lang, Message, Text};
use crate::model::{Id, Workbook};

/// A kind of file the export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Docx,
    Html,
    Xlsx,
    Csv,
    Svg,
    Png,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Docx,
        ExportFormat::Html,
        ExportFormat::Xlsx,
        ExportFormat::Csv,
        ExportFormat::Svg,
        ExportFormat::Png,
    ];

    /// The word on the command line, also the file extension.
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::Docx => "docx",
            ExportFormat::Html => "html",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
        }
    }

    pub fn from_key(key: &str) -> Option<ExportFormat> {
        let key = key.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn label(self) -> Text {
        match self {
            ExportFormat::Docx => Text::ExportFormatDocx,
            ExportFormat::Html => Text::ExportFormatHtml,
            ExportFormat::Xlsx => Text::ExportFormatXlsx,
            ExportFormat::Csv => Text::ExportFormatCsv,
            ExportFormat::Svg => Text::ExportFormatSvg,
            ExportFormat::Png => Text::ExportFormatPng,
        }
    }

    /// The books' format, for DOCX and HTML.
    fn document(self) -> Option<DocFormat> {
        match self {
            ExportFormat::Docx => Some(DocFormat::Docx),
            ExportFormat::Html => Some(DocFormat::Html),
            _ => None,
        }
    }
}

/// What to export, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// The books written as DOCX and HTML; the other formats do not depend on it.
    pub books: Vec<Book>,
    pub formats: Vec<ExportFormat>,
    /// The language of the files, independent of the app's.
    pub lang: Lang,
    /// `;` (default) or `,`.
    pub delimiter: char,
    pub chart_size: ChartSize,
    /// Book V's area.
    pub area: String,
    pub folder: PathBuf,
}

impl ExportRequest {
    /// Everything, in Indonesian, into `folder`.
    pub fn all(folder: PathBuf) -> ExportRequest {
        ExportRequest {
            books: Book::ALL.to_vec(),
            formats: ExportFormat::ALL.to_vec(),
            lang: Lang::Id,
            delimiter: DELIMITERS[0],
            chart_size: ChartSize::default(),
            area: DEFAULT_AREA.to_string(),
            folder,
        }
    }
}

/// What one planned file holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Book(Book, DocFormat),
    /// The minutes (berita acara) of the workshop with this id: they travel with the documents.
    Minutes(Id, DocFormat),
    /// The monitoring and evaluation report of this year: it travels with the documents too.
    Evaluation(i32, DocFormat),
    Spreadsheet,
    /// The table at this index of [`tables`].
    Csv(usize),
    /// The chart at this index of [`main_charts`].
    Svg(usize),
    Png(usize),
}

/// One file the export writes: its name in the folder and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedFile {
    pub name: String,
    pub item: Item,
}

/// Why an export stopped before its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// Nothing chosen: no format, or only book formats without a book.
    NothingChosen,
    /// The workbook holds no data for the chosen formats (e.g. charts of an empty workbook).
    NoData,
    FolderMissing(PathBuf),
    NotAFolder(PathBuf),
    BadChartSize(String),
    /// A file's content could not be made (a book, the spreadsheet, a chart).
    Render {
        file: String,
        reason: String,
    },
    Write(WriteError),
}

impl ExportError {
    /// What happened and what to do.
    pub fn message(&self) -> Message {
        match self {
            ExportError::NothingChosen => Message::new(Text::ExportNothingChosen),
            ExportError::NoData => Message::new(Text::ExportNoData),
            ExportError::FolderMissing(p) => Message::with(Text::ExportFolderMissing, [p.display().to_string()]),
            ExportError::NotAFolder(p) => Message::with(Text::ExportNotAFolder, [p.display().to_string()]),
            ExportError::BadChartSize(size) => {
                Message::with(Text::ExportBadChartSize, [size.clone(), MAX_SIDE.to_string()])
            }
            ExportError::Render { file, reason } => {
                Message::with(Text::ExportRenderFailed, [file.clone(), reason.clone()])
            }
            ExportError::Write(e) => e.message(),
        }
    }
}

/// Whether `request` chooses something to write, with a usable chart size: cheap, for the view to check
/// before it starts the job.
pub fn check(request: &ExportRequest) -> Result<(), ExportError> {
    let wants = |f: ExportFormat| request.formats.contains(&f);
    let documents = request.formats.iter().any(|f| f.document().is_some());
    let others = request.formats.iter().any(|f| f.document().is_none());
    if !others && (!documents || request.books.is_empty()) {
        return Err(ExportError::NothingChosen);
    }
    if wants(ExportFormat::Svg) || wants(ExportFormat::Png) {
        request.chart_size.check().map_err(ExportError::BadChartSize)?;
    }
    Ok(())
}

/// The files `request` writes for `workbook`, in order: books (by book, then format), the XLSX, the CSV
/// files, then the charts (SVG, then PNG). Checks the request ([`check`]), not the folder.
pub fn plan(workbook: &Workbook, request: &ExportRequest) -> Result<Vec<PlannedFile>, ExportError> {
    check(request)?;
    let wants = |f: ExportFormat| request.formats.contains(&f);
    let documents: Vec<DocFormat> =
        ExportFormat::ALL.iter().filter(|f| wants(**f)).filter_map(|f| f.document()).collect();
    let lang = request.lang;
    let mut files = Vec::new();
    for book in Book::ALL.iter().filter(|b| request.books.contains(b)) {
        for format in &documents {
            files.push(PlannedFile { name: file_name(*book, *format, lang), item: Item::Book(*book, *format) });
        }
    }
    if !request.books.is_empty() {
        for workshop in &workbook.quick_wins.workshops {
            for format in &documents {
                let name = minutes_file_name(workbook, workshop.id, *format, lang);
                files.push(PlannedFile { name, item: Item::Minutes(workshop.id, *format) });
            }
        }
        for year in evaluation_years(workbook) {
            for format in &documents {
                let name = evaluation_file_name(year, *format, lang);
                files.push(PlannedFile { name, item: Item::Evaluation(year, *format) });
            }
        }
    }
    if wants(ExportFormat::Xlsx) {
        files.push(PlannedFile { name: spreadsheet_name(workbook, lang), item: Item::Spreadsheet });
    }
    if wants(ExportFormat::Csv) {
        for (i, table) in tables(workbook, lang).iter().enumerate() {
            files.push(PlannedFile { name: format!("{}.csv", table.kind.file_stem(lang)), item: Item::Csv(i) });
        }
    }
    if wants(ExportFormat::Svg) || wants(ExportFormat::Png) {
        let charts = main_charts(workbook, lang);
        for (format, item) in [(ExportFormat::Svg, Item::Svg as fn(usize) -> Item), (ExportFormat::Png, Item::Png)] {
            if wants(format) {
                for (i, (stem, _)) in charts.iter().enumerate() {
                    files.push(PlannedFile { name: format!("{stem}.{}", format.key()), item: item(i) });
                }
            }
        }
    }
    if files.is_empty() {
        return Err(ExportError::NoData);
    }
    Ok(files)
}

/// The XLSX's name: `masterplan-<region>.xlsx`, the region in lower case with hyphens.
pub fn spreadsheet_name(workbook: &Workbook, lang: Lang) -> String {
    let region: String = workbook
        .profile
        .region_name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let region = region.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    let stem = if lang == Lang::Id { "masterplan-smart-city" } else { "smart-city-masterplan" };
    if region.is_empty() { format!("{stem}.xlsx") } else { format!("{stem}-{region}.xlsx") }
}

/// How far an export is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// The file being written now.
    pub current: String,
}

/// What an export did: the files written (complete, in order), and why it stopped early, if it did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    pub folder: PathBuf,
    pub written: Vec<PathBuf>,
    pub cancelled: bool,
    pub error: Option<ExportError>,
}

impl ExportReport {
    /// One line for the status: done, stopped by the user, or what went wrong.
    pub fn summary(&self) -> Message {
        match (&self.error, self.cancelled) {
            (Some(error), _) => error.message(),
            (None, true) => Message::with(Text::ExportCancelled, [self.written.len().to_string()]),
            (None, false) => {
                Message::with(Text::ExportDone, [self.written.len().to_string(), self.folder.display().to_string()])
            }
        }
    }
}

/// The folder must exist and be a folder; it is never created (a typo would scatter files elsewhere).
fn check_folder(folder: &Path) -> Result<(), ExportError> {
    if folder.is_dir() {
        Ok(())
    } else if folder.exists() {
        Err(ExportError::NotAFolder(folder.to_path_buf()))
    } else {
        Err(ExportError::FolderMissing(folder.to_path_buf()))
    }
}

/// What several files share, made once per run and only when a planned file needs it.
#[derive(Default)]
struct Prepared {
    tables: Option<Vec<DataTable>>,
    charts: Option<Vec<NamedChart>>,
}

/// Write the files of `request` for `workbook`, calling `progress` before each file and stopping between
/// files once `cancel` is set.
pub fn run(
    workbook: &Workbook,
    request: &ExportRequest,
    progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> ExportReport {
    let mut report = ExportReport { folder: request.folder.clone(), ..ExportReport::default() };
    let files = match check_folder(&request.folder).and_then(|()| plan(workbook, request)) {
        Ok(files) => files,
        Err(error) => {
            report.error = Some(error);
            return report;
        }
    };
    let mut prepared = Prepared::default();
    for (done, file) in files.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            break;
        }
        progress(&Progress { done, total: files.len(), current: file.name.clone() });
        let path = request.folder.join(&file.name);
        match write_one(workbook, request, &mut prepared, file, &path) {
            Ok(()) => report.written.push(path),
            Err(error) => {
                report.error = Some(error);
                break;
            }
        }
    }
    if report.error.is_none() && !report.cancelled {
        progress(&Progress { done: files.len(), total: files.len(), current: String::new() });
    }
    report
}

fn write_one(
    workbook: &Workbook,
    request: &ExportRequest,
    prepared: &mut Prepared,
    file: &PlannedFile,
    path: &Path,
) -> Result<(), ExportError> {
    let lang = request.lang;
    let render_failed = |reason: String| ExportError::Render { file: file.name.clone(), reason };
    let bytes = match &file.item {
        Item::Book(book, format) => {
            let options = BookOptions { lang, area: request.area.clone() };
            render(workbook, *book, *format, &options).map_err(render_failed)?
        }
        Item::Minutes(workshop, format) => render_minutes(workbook, *workshop, *format, lang).map_err(render_failed)?,
        Item::Evaluation(year, format) => render_evaluation(workbook, *year, *format, lang).map_err(render_failed)?,
        Item::Spreadsheet => workbook_xlsx(workbook, lang).map_err(render_failed)?,
        Item::Csv(i) => {
            let tables = prepared.tables.get_or_insert_with(|| tables(workbook, lang));
            let table = tables.get(*i).ok_or_else(|| render_failed(String::new()))?;
            table_csv(table, request.delimiter, lang).into_bytes()
        }
        Item::Svg(i) | Item::Png(i) => {
            let charts = prepared.charts.get_or_insert_with(|| main_charts(workbook, lang));
            let (_, chart) = charts.get(*i).ok_or_else(|| render_failed(String::new()))?;
            let written = if matches!(file.item, Item::Svg(_)) {
                write_svg_file(chart.as_ref(), request.chart_size, path)
            } else {
                write_png_file(chart.as_ref(), request.chart_size, path)
            };
            return written.map_err(|e| match e {
                ChartFileError::Draw(reason) => render_failed(reason),
                ChartFileError::Write(e) => ExportError::Write(e),
            });
        }
    };
    write_file(path, &bytes).map_err(ExportError::Write)
}

/// What the background thread reports.
enum Event {
    Progress(Progress),
    Finished(ExportReport),
}

/// An export running on a background thread. The UI polls it each frame; `wake` (e.g. a repaint request)
/// is called after every step so the progress bar moves without input.
pub struct ExportJob {
    receiver: Receiver<Event>,
    cancel: Arc<AtomicBool>,
    progress: Progress,
    report: Option<ExportReport>,
}

impl ExportJob {
    /// Start exporting `workbook` (a snapshot: later edits do not change this export).
    pub fn start(workbook: Workbook, request: ExportRequest, wake: impl Fn() + Send + 'static) -> ExportJob {
        let (sender, receiver) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let mut on_progress = |p: &Progress| {
                let _ = sender.send(Event::Progress(p.clone()));
                wake();
            };
            let report = run(&workbook, &request, &mut on_progress, &stop);
            // The view may be gone; then nobody listens, which is fine.
            let _ = sender.send(Event::Finished(report));
            wake();
        });
        ExportJob { receiver, cancel, progress: Progress::default(), report: None }
    }

    /// Take in what the thread reported since the last call.
    pub fn poll(&mut self) {
        use std::sync::mpsc::TryRecvError;
        loop {
            match self.receiver.try_recv() {
                Ok(Event::Progress(p)) => self.progress = p,
                Ok(Event::Finished(report)) => self.report = Some(report),
                Err(TryRecvError::Empty) => break,
                // The thread ended without a report (it panicked): say so rather than wait forever.
                Err(TryRecvError::Disconnected) => {
                    if self.report.is_none() {
                        let error = ExportError::Render {
                            file: self.progress.current.clone(),
                            reason: "the export stopped unexpectedly".to_string(),
                        };
                        self.report = Some(ExportReport { error: Some(error), ..ExportReport::default() });
                    }
                    break;
                }
            }
        }
    }

    /// Ask the thread to stop after the file it is writing.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The report, once the export has finished.
    pub fn report(&self) -> Option<&ExportReport> {
        self.report.as_ref()
    }

    /// Wait for the end (tests and the command line).
    pub fn wait(mut self) -> ExportReport {
        loop {
            match self.receiver.recv() {
                Ok(Event::Progress(p)) => self.progress = p,
                Ok(Event::Finished(report)) => return report,
                Err(_) => return self.report.unwrap_or_default(),
            }
        }
    }
}
