//! Writing the program table (see [`super::program_table`]) as CSV or XLSX, and the template with two example
//! rows. What the export writes, the import reads back unchanged. Files are written through
//! [`super::atomic_file`], so a failure never leaves half a file.

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{Format, Workbook as XlsxBook, Worksheet, XlsxError};

use super::atomic_file::write_atomically;
use super::import::Lookup;
use super::program_table::{
    ACTION_TYPES, COLUMNS, FUNDING_SOURCES, ProgramField, STATUSES, accepted_words, guard, word_for, yes_no,
};
use super::table::FileKind;
use crate::i18n::{Lang, Text};
use crate::model::{ActionType, BudgetLine, FundingSource, Id, Program, ProgramStatus, Workbook, YearTarget, new_id};
use crate::seed::demo_workbook;

/// The delimiter of exported CSV: a semicolon, as spreadsheets set up for Indonesian (where the comma is the
/// decimal sign) expect.
pub const DEFAULT_DELIMITER: char = ';';

/// The sheet the XLSX export writes the table to, and the import looks for first.
pub const SHEET_NAME: &str = "Program";

/// One cell of the program table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Out {
    Empty,
    Text(String),
    /// A year: a plain number.
    Year(i32),
    /// Rupiah: a number with thousands grouping in XLSX.
    Amount(i64),
}

/// The rows of the program table for `workbook`, in `lang`: the fields of the columns, and per row its cells.
/// The workbook's spreadsheet and CSV export write this same table, so what they write imports back.
pub struct Sheet {
    pub fields: Vec<ProgramField>,
    pub rows: Vec<Vec<Out>>,
}

/// The columns for a table covering `years`: the fixed columns, then one amount and one target column per year.
pub fn columns_for(years: impl IntoIterator<Item = i32> + Clone) -> Vec<ProgramField> {
    COLUMNS
        .iter()
        .map(|c| c.field)
        .chain(years.clone().into_iter().map(ProgramField::Amount))
        .chain(years.into_iter().map(ProgramField::Target))
        .collect()
}

/// The years the export covers: the masterplan period, widened by any budget or target outside it.
fn years(workbook: &Workbook) -> Vec<i32> {
    let mut years: Vec<i32> = workbook.profile.years().collect();
    for program in &workbook.programs {
        years.extend(program.budget.iter().map(|l| l.year));
        years.extend(program.targets.iter().map(|t| t.year));
    }
    years.sort_unstable();
    years.dedup();
    years
}

/// What the export writes for each dimension, element and agency: its name in the export's language (the
/// agency's short name) when that finds it again on import, else its key or code, which always does.
struct Names {
    dimensions: HashMap<Id, String>,
    elements: HashMap<Id, String>,
    agencies: HashMap<Id, String>,
}

impl Names {
    fn new(workbook: &Workbook, lang: Lang) -> Names {
        let lookup = Lookup::new(workbook);
        let pick =
            |id_name: &str, en_name: &str| if lang == Lang::Id { id_name.to_string() } else { en_name.to_string() };
        let dimensions = workbook
            .dimensions
            .iter()
            .map(|d| {
                let name = pick(&d.name_id, &d.name_en);
                (d.id, if lookup.dimension(&name) == Ok(d.id) { name } else { d.key.clone() })
            })
            .collect();
        let elements = workbook
            .elements
            .iter()
            .map(|e| {
                let name = pick(&e.name_id, &e.name_en);
                let found = lookup.element(&name, Some(e.dimension_id), "") == Ok(e.id);
                (e.id, if found { name } else { e.key.clone() })
            })
            .collect();
        let agencies = workbook
            .agencies
            .iter()
            .map(|a| {
                let label = a.label();
                (a.id, if lookup.agency(label) == Ok(a.id) { label.to_string() } else { a.code.clone() })
            })
            .collect();
        Names { dimensions, elements, agencies }
    }
}

/// The program table of `workbook` in `lang`: one row per program and funding source (one row for a program
/// without budget), exactly the import format.
pub fn sheet(workbook: &Workbook, lang: Lang) -> Sheet {
    let names = Names::new(workbook, lang);
    let fields = columns_for(years(workbook));
    let mut rows = Vec::new();
    for program in &workbook.programs {
        let mut sources: Vec<FundingSource> = program.budget.iter().map(|l| l.source).collect();
        sources.sort_unstable();
        sources.dedup();
        let sources: Vec<Option<FundingSource>> =
            if sources.is_empty() { vec![None] } else { sources.into_iter().map(Some).collect() };
        for source in sources {
            rows.push(fields.iter().map(|field| cell(workbook, &names, program, source, *field, lang)).collect());
        }
    }
    Sheet { fields, rows }
}

fn text(value: &str) -> Out {
    if value.is_empty() { Out::Empty } else { Out::Text(value.to_string()) }
}

fn cell(
    workbook: &Workbook,
    names: &Names,
    program: &Program,
    source: Option<FundingSource>,
    field: ProgramField,
    lang: Lang,
) -> Out {
    let named =
        |map: &HashMap<Id, String>, id: Option<Id>| id.and_then(|id| map.get(&id)).map_or(Out::Empty, |n| text(n));
    match field {
        ProgramField::Code => text(&program.code),
        ProgramField::Name => text(&program.name),
        ProgramField::Description => text(&program.description),
        ProgramField::Dimension => named(&names.dimensions, workbook.dimension_of(program.element_id).map(|d| d.id)),
        ProgramField::Element => named(&names.elements, Some(program.element_id)),
        ProgramField::Agency => named(&names.agencies, program.agency_id),
        ProgramField::ActionType => text(word_for(&ACTION_TYPES, program.action_type, lang)),
        ProgramField::Location => text(&program.location),
        ProgramField::StartYear => Out::Year(program.start_year),
        ProgramField::EndYear => Out::Year(program.end_year),
        ProgramField::Status => text(word_for(&STATUSES, program.status, lang)),
        ProgramField::Outputs => text(&program.outputs),
        ProgramField::Indicator => text(&program.indicator),
        ProgramField::Baseline => text(&program.indicator_baseline),
        ProgramField::QuickWin => text(yes_no(program.quick_win, lang)),
        ProgramField::FundingSource => source.map_or(Out::Empty, |s| text(word_for(&FUNDING_SOURCES, s, lang))),
        ProgramField::Amount(year) => match source.map(|s| program.amount(year, s)) {
            Some(amount) if amount != 0 => Out::Amount(amount),
            _ => Out::Empty,
        },
        ProgramField::Target(year) => {
            program.targets.iter().find(|t| t.year == year).map_or(Out::Empty, |t| text(&t.target))
        }
    }
}

/// The programs of `workbook` as CSV text: UTF-8 with a byte order mark (so spreadsheets read it as UTF-8),
/// headers in `lang`, rows ending in CRLF, fields quoted where they must be, and text that could run as a
/// formula neutralised by a leading apostrophe.
pub fn write_programs_csv(workbook: &Workbook, lang: Lang, delimiter: char) -> String {
    csv(&sheet(workbook, lang), lang, delimiter)
}

fn csv(sheet: &Sheet, lang: Lang, delimiter: char) -> String {
    let mut out = String::from('\u{feff}');
    let headers: Vec<Out> = sheet.fields.iter().map(|f| Out::Text(f.header(lang).into_owned())).collect();
    for row in std::iter::once(&headers).chain(&sheet.rows) {
        let cells: Vec<String> = row.iter().map(|c| csv_field(c, delimiter)).collect();
        out.push_str(&cells.join(&delimiter.to_string()));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(cell: &Out, delimiter: char) -> String {
    match cell {
        Out::Empty => String::new(),
        Out::Year(year) => year.to_string(),
        Out::Amount(amount) => amount.to_string(),
        Out::Text(text) => {
            let text = guard(text);
            if text.contains([delimiter, '"', '\n', '\r']) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text.into_owned()
            }
        }
    }
}

/// Write the programs of `workbook` as an XLSX file at `path`: one sheet "Program", amounts as numbers shown
/// `1.250.000` or `1,250,000` by the spreadsheet's locale, the header frozen and filterable.
pub fn write_programs_xlsx(workbook: &Workbook, lang: Lang, path: &Path) -> Result<(), String> {
    let bytes = xlsx(&sheet(workbook, lang), lang, None).map_err(|e| e.to_string())?;
    write_atomically(path, &bytes)
}

/// Write the programs as CSV or XLSX, by the extension of `path`.
pub fn write_programs_file(workbook: &Workbook, lang: Lang, path: &Path) -> Result<(), String> {
    match FileKind::of(path) {
        Some(FileKind::Csv) => write_atomically(path, write_programs_csv(workbook, lang, DEFAULT_DELIMITER).as_bytes()),
        Some(FileKind::Xlsx) => write_programs_xlsx(workbook, lang, path),
        None => Err(Text::ImportUnknownFileType.get(lang).to_string()),
    }
}

/// Column widths in characters, by field.
pub fn width(field: ProgramField) -> f64 {
    match field {
        ProgramField::Name | ProgramField::Description | ProgramField::Outputs | ProgramField::Indicator => 36.0,
        ProgramField::Code | ProgramField::StartYear | ProgramField::EndYear | ProgramField::QuickWin => 10.0,
        ProgramField::Amount(_) => 16.0,
        _ => 20.0,
    }
}

fn xlsx(sheet: &Sheet, lang: Lang, notes: Option<&[Vec<String>]>) -> Result<Vec<u8>, XlsxError> {
    let mut book = XlsxBook::new();
    let header = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0");
    let quoted = Format::new().set_quote_prefix();
    let worksheet = book.add_worksheet();
    worksheet.set_name(SHEET_NAME)?;
    for (c, field) in sheet.fields.iter().enumerate() {
        let c = column_number(c)?;
        worksheet.write_string_with_format(0, c, field.header(lang), &header)?;
        worksheet.set_column_width(c, width(*field))?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, out) in row.iter().enumerate() {
            let c = column_number(c)?;
            match out {
                Out::Empty => {}
                // Formula-like text keeps its characters and gets the quote prefix: shown as typed, never run.
                Out::Text(text) if guard(text) != text.as_str() => {
                    worksheet.write_string_with_format(r, c, text, &quoted)?;
                }
                Out::Text(text) => {
                    worksheet.write_string(r, c, text)?;
                }
                Out::Year(year) => {
                    worksheet.write_number(r, c, *year)?;
                }
                // Amounts are at most 10^14, exactly representable in f64.
                Out::Amount(amount) => {
                    worksheet.write_number_with_format(r, c, *amount as f64, &money)?;
                }
            }
        }
    }
    let last_row = u32::try_from(sheet.rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    let last_column = column_number(sheet.fields.len().saturating_sub(1))?;
    worksheet.set_freeze_panes(1, 0)?;
    worksheet.autofilter(0, 0, last_row, last_column)?;
    if let Some(notes) = notes {
        write_notes(book.add_worksheet(), lang, notes)?;
    }
    book.save_to_buffer()
}

fn column_number(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

fn write_notes(worksheet: &mut Worksheet, lang: Lang, notes: &[Vec<String>]) -> Result<(), XlsxError> {
    worksheet.set_name(Text::TemplateNotesSheet.get(lang))?;
    let bold = Format::new().set_bold();
    for (r, line) in notes.iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, text) in line.iter().enumerate() {
            let c = column_number(c)?;
            if line.len() > 1 && r == 0 {
                worksheet.write_string_with_format(r, c, text, &bold)?;
            } else {
                worksheet.write_string(r, c, text)?;
            }
        }
    }
    worksheet.set_column_width(0, 24)?;
    worksheet.set_column_width(1, 18)?;
    worksheet.set_column_width(2, 90)?;
    Ok(())
}

/// Example text of the template, (Indonesian, English).
const EXAMPLE_CODE: (&str, &str) = ("CONTOH-01", "EXAMPLE-01");
const EXAMPLE_NAME: (&str, &str) =
    ("CONTOH - Portal layanan perizinan daring", "EXAMPLE - Online permit service portal");
const EXAMPLE_DESCRIPTION: (&str, &str) = (
    "Baris contoh: ganti atau hapus. Satu baris per program dan sumber dana; program ini didanai APBD dan DAK.",
    "Example row: replace or delete it. One row per program and funding source; this program is funded by APBD and DAK.",
);
const EXAMPLE_LOCATION: (&str, &str) = ("Andoolo", "Andoolo");
const EXAMPLE_OUTPUTS: (&str, &str) = ("Portal perizinan daring berjalan", "Online permit portal in service");
const EXAMPLE_INDICATOR: (&str, &str) = ("Jenis izin yang dapat diurus daring", "Permit types handled online");
const EXAMPLE_BASELINE: (&str, &str) = ("3 jenis izin", "3 permit types");
const EXAMPLE_TARGETS: [(&str, &str); 3] =
    [("10 jenis izin", "10 permit types"), ("20 jenis izin", "20 permit types"), ("35 jenis izin", "35 permit types")];

fn pick(pair: (&str, &str), lang: Lang) -> String {
    lang.pick(pair).to_string()
}

/// The workbook the template shows: the demo region (Konawe Selatan) with one example program on two rows.
fn template_workbook(lang: Lang) -> Workbook {
    let mut workbook = demo_workbook();
    let start = workbook.profile.period_start;
    let element = workbook.elements.iter().find(|e| e.key == "public_service").map(|e| e.id).unwrap_or_default();
    let agency = workbook.agencies.iter().find(|a| a.short_name == "Diskominfo").map(|a| a.id);
    let line = |year, source, amount| BudgetLine { year, source, amount };
    let mut program = Program {
        id: new_id(),
        code: pick(EXAMPLE_CODE, lang),
        name: pick(EXAMPLE_NAME, lang),
        description: pick(EXAMPLE_DESCRIPTION, lang),
        element_id: element,
        agency_id: agency,
        action_type: ActionType::Application,
        location: pick(EXAMPLE_LOCATION, lang),
        start_year: start,
        end_year: start + 2,
        status: ProgramStatus::Planned,
        outputs: pick(EXAMPLE_OUTPUTS, lang),
        indicator: pick(EXAMPLE_INDICATOR, lang),
        indicator_baseline: pick(EXAMPLE_BASELINE, lang),
        targets: EXAMPLE_TARGETS
            .iter()
            .zip(0..)
            .map(|(target, i)| YearTarget { year: start + i, target: pick(*target, lang) })
            .collect(),
        budget: vec![
            line(start, FundingSource::Apbd, 350_000_000),
            line(start + 1, FundingSource::Apbd, 150_000_000),
            line(start + 1, FundingSource::Dak, 1_250_000_000),
            line(start + 2, FundingSource::Apbd, 100_000_000),
        ],
        quick_win: true,
        position: 0,
        readiness_items: Vec::new(),
        strategy_id: None,
    };
    program.normalise();
    workbook.programs = vec![program];
    workbook
}

/// The lines of the template's notes sheet: what the columns hold and which words they accept.
fn template_notes(lang: Lang, fields: &[ProgramField]) -> Vec<Vec<String>> {
    let mut notes = vec![vec![
        Text::TemplateNotesColumn.get(lang).to_string(),
        Text::TemplateNotesKey.get(lang).to_string(),
        Text::TemplateNotesValues.get(lang).to_string(),
    ]];
    for field in fields.iter().filter(|f| !matches!(f, ProgramField::Amount(_) | ProgramField::Target(_))) {
        let values = match field {
            ProgramField::ActionType => accepted_words(&ACTION_TYPES),
            ProgramField::Status => accepted_words(&STATUSES),
            ProgramField::FundingSource => accepted_words(&FUNDING_SOURCES),
            ProgramField::QuickWin => format!("{} / {}", yes_no(true, lang), yes_no(false, lang)),
            ProgramField::Name | ProgramField::Element | ProgramField::StartYear | ProgramField::EndYear => {
                Text::Required.get(lang).to_string()
            }
            _ => String::new(),
        };
        notes.push(vec![field.header(lang).into_owned(), field.key().into_owned(), values]);
    }
    notes.push(Vec::new());
    for text in [Text::TemplateNoteRows, Text::TemplateNoteYears, Text::TemplateNoteExamples] {
        notes.push(vec![text.get(lang).to_string()]);
    }
    notes
}

/// Write the import template at `path` (`.csv` or `.xlsx` by extension): headers in `lang`, year columns for the
/// demo region's period, and two example rows of one program (APBD and DAK) marked `CONTOH`/`EXAMPLE` in their
/// code and name. The XLSX template has a second sheet explaining the columns.
pub fn write_template(path: &Path, lang: Lang) -> Result<(), String> {
    let workbook = template_workbook(lang);
    let sheet = sheet(&workbook, lang);
    match FileKind::of(path) {
        Some(FileKind::Csv) => write_atomically(path, csv(&sheet, lang, DEFAULT_DELIMITER).as_bytes()),
        Some(FileKind::Xlsx) => {
            let notes = template_notes(lang, &sheet.fields);
            let bytes = xlsx(&sheet, lang, Some(&notes)).map_err(|e| e.to_string())?;
            write_atomically(path, &bytes)
        }
        None => Err(Text::ImportUnknownFileType.get(lang).to_string()),
    }
}
