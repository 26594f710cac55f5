//! `export PATH --out DIR [--book 1..5|all] [--format docx|html|xlsx|csv|svg|png] [--lang id|en]
//! [--delimiter ;|,] [--width W --height H --scale S] [--area NAME]`: write the chosen books, spreadsheets
//! and charts of the workbook at PATH into the folder DIR, the same files the Ekspor view writes.
//! `--book` and `--format` take one value, a comma list (`--format xlsx,csv`) or `all`, and may repeat;
//! without `--book` all five books, without `--format` every format. The files are Indonesian documents
//! unless `--lang en` asks for English (the messages follow `--lang`, English by default). The workbook is read from an in-memory copy: the file is never written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use super::{HeadlessCommand, USAGE};
use crate::charts::MAX_SIDE;
use crate::i18n::{Lang, Message, Text};
use crate::io::books::Book;
use crate::io::chart_set::ChartSize;
use crate::io::export_plan::{ExportFormat, ExportRequest, run as run_export};
use crate::paths::default_author;
use crate::store::{OpenError, Session};

/// What `export` was asked to do; the messages' language comes from `--lang` when it runs.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportArgs {
    pub path: PathBuf,
    /// The files' language: Indonesian unless `--lang en` was given.
    pub lang: Lang,
    pub out: PathBuf,
    pub books: Vec<Book>,
    pub formats: Vec<ExportFormat>,
    pub delimiter: char,
    pub chart_size: ChartSize,
    pub area: Option<String>,
}

// The chart scale is checked to be finite when parsed, so equality is reflexive.
impl Eq for ExportArgs {}

/// The options that take a value and belong to `export`.
pub const OPTIONS: [&str; 8] =
    ["--out", "--book", "--format", "--delimiter", "--width", "--height", "--scale", "--area"];

fn books(value: &str) -> Result<Vec<Book>, String> {
    let mut books = Vec::new();
    for word in value.split(',').map(str::trim) {
        if word.eq_ignore_ascii_case("all") {
            books.extend(Book::ALL);
        } else {
            let book = word.parse::<u8>().ok().and_then(Book::from_number);
            books.push(book.ok_or_else(|| format!("unknown book {word:?}: use 1 to 5 or all"))?);
        }
    }
    Ok(books)
}

fn formats(value: &str) -> Result<Vec<ExportFormat>, String> {
    let mut formats = Vec::new();
    for word in value.split(',').map(str::trim) {
        if word.eq_ignore_ascii_case("all") {
            formats.extend(ExportFormat::ALL);
        } else {
            formats.push(
                ExportFormat::from_key(word)
                    .ok_or_else(|| format!("unknown format {word:?}: use docx, html, xlsx, csv, svg, png or all"))?,
            );
        }
    }
    Ok(formats)
}

fn pixels(option: &str, value: &str) -> Result<u32, String> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|v| (1..=MAX_SIDE).contains(v))
        .ok_or_else(|| format!("{option} needs a whole number of pixels from 1 to {}", MAX_SIDE))
}

/// Read the words after `export` and its options (`(option, value)` in the order given).
pub fn parse(words: &[&str], options: &[(&str, &str)], lang: Lang) -> Result<HeadlessCommand, String> {
    let usage = USAGE;
    let [path] = words else {
        return Err(format!("export needs one workbook PATH (and --out DIR)\n\n{usage}"));
    };
    let mut args = ExportArgs {
        path: PathBuf::from(path),
        lang,
        out: PathBuf::new(),
        books: Vec::new(),
        formats: Vec::new(),
        delimiter: ';',
        chart_size: ChartSize::default(),
        area: None,
    };
    let mut out = None;
    for (option, value) in options {
        match *option {
            "--out" => out = Some(PathBuf::from(value)),
            "--book" => args.books.extend(books(value)?),
            "--format" => args.formats.extend(formats(value)?),
            "--delimiter" => {
                args.delimiter = match value.trim() {
                    ";" | "semicolon" => ';',
                    "," | "comma" => ',',
                    other => return Err(format!("unknown delimiter {other:?}: use ; or ,")),
                }
            }
            "--width" => args.chart_size.width = pixels(option, value)?,
            "--height" => args.chart_size.height = pixels(option, value)?,
            "--scale" => {
                args.chart_size.scale = value
                    .trim()
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s > 0.0 && *s <= 8.0)
                    .ok_or_else(|| "--scale needs a number above 0 and at most 8, e.g. 2".to_string())?
            }
            "--area" => args.area = Some(value.to_string()),
            other => return Err(format!("{other} does not belong to export\n\n{usage}")),
        }
    }
    args.out = out.ok_or_else(|| format!("export needs --out DIR, the folder to write into\n\n{usage}"))?;
    if args.books.is_empty() {
        args.books = Book::ALL.to_vec();
    }
    if args.formats.is_empty() {
        args.formats = ExportFormat::ALL.to_vec();
    }
    args.books.dedup();
    args.formats.dedup();
    Ok(HeadlessCommand::Export(args))
}

fn fail(message: Message, lang: Lang) -> ExitCode {
    eprintln!("smartcity-workbench: {}", message.show(lang));
    ExitCode::FAILURE
}

/// Export as `args` says; print each file written and a summary. Exit code 1 when the export stopped early
/// (the files listed were written in full; the one that failed left nothing).
pub fn run(args: &ExportArgs, lang: Lang) -> ExitCode {
    let session = match Session::open_read_only(&args.path, &default_author()) {
        Ok(session) => session,
        Err(e) => return open_failed(&args.path, e, lang),
    };
    let workbook = session.workbook();
    let mut request = ExportRequest::all(args.out.clone());
    request.books = args.books.clone();
    request.formats = args.formats.clone();
    request.lang = args.lang;
    request.delimiter = args.delimiter;
    request.chart_size = args.chart_size;
    if let Some(area) = &args.area {
        request.area = area.clone();
    }
    let report = run_export(workbook, &request, &mut |_| {}, &AtomicBool::new(false));
    for path in &report.written {
        println!("{}", Message::with(Text::ExportFileWritten, [path.display().to_string()]).show(lang));
    }
    if report.error.is_some() {
        return fail(report.summary(), lang);
    }
    println!("{}", report.summary().show(lang));
    ExitCode::SUCCESS
}

fn open_failed(path: &Path, error: OpenError, lang: Lang) -> ExitCode {
    fail(Message::with(Text::OpenFailed, [path.display().to_string(), error.message().show(lang)]), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(words: &[&str], options: &[(&str, &str)]) -> Result<ExportArgs, String> {
        parse(words, options, Lang::Id).map(|c| match c {
            HeadlessCommand::Export(args) => args,
            other => panic!("not an export: {other:?}"),
        })
    }

    #[test]
    fn parses_books_formats_and_chart_size() {
        let args = parsed(
            &["w.smartcity"],
            &[("--out", "out"), ("--book", "1,3"), ("--format", "xlsx,csv"), ("--format", "png"), ("--scale", "1,5")],
        )
        .unwrap();
        assert_eq!(args.books, vec![Book::Analysis, Book::Summary]);
        assert_eq!(args.formats, vec![ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Png]);
        assert_eq!(args.chart_size.png(), (1800, 1350));
        assert_eq!(args.out, PathBuf::from("out"));

        let all = parsed(&["w.smartcity"], &[("--out", "o"), ("--delimiter", ",")]).unwrap();
        assert_eq!(all.books, Book::ALL.to_vec());
        assert_eq!(all.formats, ExportFormat::ALL.to_vec());
        assert_eq!(all.delimiter, ',');

        assert!(parsed(&["w.smartcity"], &[]).is_err(), "--out is required");
        assert!(parsed(&["w.smartcity"], &[("--out", "o"), ("--book", "6")]).is_err());
        assert!(parsed(&["w.smartcity"], &[("--out", "o"), ("--format", "pdf")]).is_err());
        assert!(parsed(&["w.smartcity"], &[("--out", "o"), ("--width", "0")]).is_err());
        assert!(parsed(&["w.smartcity"], &[("--out", "o"), ("--delimiter", "|")]).is_err());
        assert!(parsed(&[], &[("--out", "o")]).is_err());
    }
}
