//! Reading a spreadsheet into a [`Table`] of cells: CSV (comma, semicolon or tab, found from the header line;
//! UTF-8 with or without a byte order mark; quoted fields with `""` for a quote and line breaks inside), or XLSX
//! (the sheet named Program or Programs, else the first sheet). Nothing here knows about programs.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use super::program_table::unguard;
use crate::i18n::{Message, Text};

/// The largest file the import reads: far above 10,000 programs, small enough to refuse a wrong file quickly.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One cell as the file holds it. CSV text is already freed of the export's protective apostrophe.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A whole number from a spreadsheet cell.
    Int(i64),
    /// Any other number from a spreadsheet cell.
    Float(f64),
    /// A spreadsheet error value such as `#N/A`.
    Error(String),
}

impl Cell {
    /// Empty, or text of nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, trimmed: numbers as a spreadsheet shows them without grouping (`2024`, `1.5`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_string(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(f) => f.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }

    fn from_text(text: &str) -> Cell {
        if text.is_empty() { Cell::Empty } else { Cell::Text(unguard(text).to_string()) }
    }
}

/// A row of the file with its number as a spreadsheet shows it (the header is usually row 1).
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl TableRow {
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}

/// A whole sheet: the header row and the rows below it, for a preview and for the import.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The file name, for messages and the undo label.
    pub source: String,
    pub headers: Vec<String>,
    /// The row number of the header.
    pub header_row: usize,
    /// Every row below the header, blank rows included (they keep the numbering honest and are skipped).
    pub rows: Vec<TableRow>,
}

/// Why a file could not be read at all. Each maps onto a translated message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The system refused to read the file.
    Io(String),
    /// Neither `.csv` nor `.xlsx`.
    UnknownFileType,
    TooLarge,
    /// Not UTF-8 (e.g. saved by a spreadsheet as "CSV" in a Windows code page, or as UTF-16).
    NotUtf8 {
        row: usize,
    },
    /// A quoted CSV field that is never closed.
    UnclosedQuote {
        row: usize,
    },
    /// No row with anything in it.
    Empty,
    /// The XLSX container or its XML is damaged; the detail is the reader's own words.
    Spreadsheet(String),
}

impl ReadError {
    pub fn message(&self) -> Message {
        match self {
            ReadError::Io(detail) => Message::with(Text::ImportCannotRead, [detail.clone()]),
            ReadError::UnknownFileType => Message::new(Text::ImportUnknownFileType),
            ReadError::TooLarge => Message::with(Text::ImportTooLarge, [(MAX_FILE_BYTES / 1024 / 1024).to_string()]),
            ReadError::NotUtf8 { row } => Message::with(Text::ImportNotUtf8, [row.to_string()]),
            ReadError::UnclosedQuote { row } => Message::with(Text::ImportUnclosedQuote, [row.to_string()]),
            ReadError::Empty => Message::new(Text::ImportEmptyFile),
            ReadError::Spreadsheet(detail) => Message::with(Text::ImportBadSpreadsheet, [detail.clone()]),
        }
    }
}

/// The kinds of file the import reads and the export writes, by file name extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    Xlsx,
}

impl FileKind {
    pub fn of(path: &Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" => Some(FileKind::Csv),
            "xlsx" => Some(FileKind::Xlsx),
            _ => None,
        }
    }
}

/// Read a `.csv` or `.xlsx` file (of an XLSX, the sheet named Program or Programs, else the first).
pub fn read_file(path: &Path) -> Result<Table, ReadError> {
    read_file_preferring(path, &PROGRAM_SHEETS)
}

/// Read a `.csv` or `.xlsx` file; of an XLSX, the first sheet whose name (any case) is one of `sheets`, else
/// the first sheet.
pub fn read_file_preferring(path: &Path, sheets: &[&str]) -> Result<Table, ReadError> {
    let kind = FileKind::of(path).ok_or(ReadError::UnknownFileType)?;
    let size = std::fs::metadata(path).map_err(|e| ReadError::Io(e.to_string()))?.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.to_string()))?;
    let source = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    match kind {
        FileKind::Csv => read_csv(&bytes, &source),
        FileKind::Xlsx => read_xlsx_sheet(bytes, &source, sheets),
    }
}

/// The sheets a program import reads first.
const PROGRAM_SHEETS: [&str; 2] = ["program", "programs"];

/// Build the table from rows with their numbers: the first row with anything in it is the header.
fn into_table(source: &str, rows: Vec<TableRow>) -> Result<Table, ReadError> {
    let mut rows = rows.into_iter().skip_while(TableRow::is_blank);
    let header = rows.next().ok_or(ReadError::Empty)?;
    let headers = header.cells.iter().map(Cell::text).collect();
    Ok(Table { source: source.to_string(), headers, header_row: header.number, rows: rows.collect() })
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Read CSV text. The delimiter is whichever of `;`, `,` and tab occurs most in the header line outside quotes
/// (`;` on a tie or when there is none, as Indonesian spreadsheets write).
pub fn read_csv(bytes: &[u8], source: &str) -> Result<Table, ReadError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ReadError::NotUtf8 { row: 1 });
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        ReadError::NotUtf8 { row: before.iter().filter(|b| **b == b'\n').count() + 1 }
    })?;
    let delimiter = detect_delimiter(text);
    into_table(source, parse_csv(text, delimiter)?)
}

/// The delimiter of the first non-blank line.
pub fn detect_delimiter(text: &str) -> char {
    let mut counts = [(';', 0usize), (',', 0), ('\t', 0)];
    let mut quoted = false;
    let mut seen_anything = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => {
                if seen_anything {
                    break;
                }
            }
            _ if quoted => {}
            c => {
                if let Some(count) = counts.iter_mut().find(|(d, _)| *d == c) {
                    count.1 += 1;
                }
                seen_anything |= !c.is_whitespace();
            }
        }
        seen_anything |= c == '"';
    }
    // The first of the largest counts wins, so `;` wins ties.
    counts.iter().fold((';', 0), |best, &(d, n)| if n > best.1 { (d, n) } else { best }).0
}

/// Split CSV text into numbered records. A record ends at a line break outside quotes (`\n`, `\r\n` or `\r`);
/// a quote only opens a quoted field at the start of a field, and text after a closing quote is kept as typed.
fn parse_csv(text: &str, delimiter: char) -> Result<Vec<TableRow>, ReadError> {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut field = String::new();
    let mut number = 1;
    let mut line = 1;
    let mut quoted = false;
    let mut at_field_start = true;
    let mut quote_opened_on = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                quote_opened_on = line;
                at_field_start = false;
            }
            c if c == delimiter => {
                cells.push(Cell::from_text(&std::mem::take(&mut field)));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(Cell::from_text(&std::mem::take(&mut field)));
                rows.push(TableRow { number, cells: std::mem::take(&mut cells) });
                number += 1;
                line += 1;
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(ReadError::UnclosedQuote { row: quote_opened_on });
    }
    if !field.is_empty() || !cells.is_empty() {
        cells.push(Cell::from_text(&field));
        rows.push(TableRow { number, cells });
    }
    Ok(rows)
}

/// Read an XLSX workbook: the sheet named Program or Programs (any case), else the first sheet. Row numbers are
/// the spreadsheet's own.
pub fn read_xlsx(bytes: Vec<u8>, source: &str) -> Result<Table, ReadError> {
    read_xlsx_sheet(bytes, source, &PROGRAM_SHEETS)
}

/// Read the first sheet named one of `sheets` (any case), else the first sheet.
fn read_xlsx_sheet(bytes: Vec<u8>, source: &str, sheets: &[&str]) -> Result<Table, ReadError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| ReadError::Spreadsheet(e.to_string()))?;
    let names = book.sheet_names();
    let name = names
        .iter()
        .find(|n| sheets.contains(&n.trim().to_lowercase().as_str()))
        .or_else(|| names.first())
        .ok_or(ReadError::Empty)?
        .clone();
    let range = book.worksheet_range(&name).map_err(|e| ReadError::Spreadsheet(e.to_string()))?;
    let Some((first_row, first_column)) = range.start() else { return Err(ReadError::Empty) };
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            // Columns left of the used range are empty; keep them so column positions match the sheet.
            let cells = std::iter::repeat_n(Cell::Empty, first_column as usize).chain(row.iter().map(cell)).collect();
            TableRow { number: first_row as usize + i + 1, cells }
        })
        .collect();
    into_table(source, rows)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        // A text cell of a spreadsheet is text, never a formula: the export marks formula-like text with the
        // cell's quote prefix, not an apostrophe, so nothing is taken off here.
        Data::String(text) if text.is_empty() => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Int(*n),
        Data::Float(f) => Cell::Float(*f),
        Data::Bool(b) => Cell::Text(if *b { "true".into() } else { "false".into() }),
        Data::Error(e) => Cell::Error(e.to_string()),
        other => Cell::Text(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &Table) -> Vec<(usize, Vec<String>)> {
        table.rows.iter().map(|r| (r.number, r.cells.iter().map(Cell::text).collect())).collect()
    }

    #[test]
    fn semicolon_comma_and_tab_are_found_from_the_header() {
        assert_eq!(detect_delimiter("kode;nama;elemen\n1,2;x;y"), ';');
        assert_eq!(detect_delimiter("code,name,element\n1;2,x,y"), ',');
        assert_eq!(detect_delimiter("code\tname\n"), '\t');
        assert_eq!(detect_delimiter("\"a;b\",c,d\n"), ',', "delimiters inside quotes do not count");
        assert_eq!(detect_delimiter("\n\nkode;nama\n"), ';', "leading blank lines are skipped");
        assert_eq!(detect_delimiter("name"), ';');
    }

    #[test]
    fn reads_bom_quotes_line_breaks_and_numbers_rows_as_a_spreadsheet_does() {
        let csv = "\u{feff}kode;nama\r\nA;\"Satu; dua\"\r\nB;\"Baris\npertama \"\"kutip\"\"\"\r\n\r\nC;'=1+1\r\n";
        let table = read_csv(csv.as_bytes(), "p.csv").unwrap();
        assert_eq!(table.headers, ["kode", "nama"]);
        assert_eq!(table.header_row, 1);
        assert_eq!(
            texts(&table),
            vec![
                (2, vec!["A".to_string(), "Satu; dua".to_string()]),
                (3, vec!["B".to_string(), "Baris\npertama \"kutip\"".to_string()]),
                (4, vec![String::new()]),
                (5, vec!["C".to_string(), "=1+1".to_string()]),
            ]
        );
    }

    #[test]
    fn refuses_what_is_not_utf8_or_never_closes_a_quote() {
        assert_eq!(read_csv(b"kode;nama\nA;Caf\xE9\n", "x.csv"), Err(ReadError::NotUtf8 { row: 2 }));
        assert_eq!(read_csv(b"\xFF\xFEk\0", "x.csv"), Err(ReadError::NotUtf8 { row: 1 }));
        assert_eq!(read_csv(b"kode;nama\nA;\"open\nB;x\n", "x.csv"), Err(ReadError::UnclosedQuote { row: 2 }));
        assert_eq!(read_csv(b"", "x.csv"), Err(ReadError::Empty));
        assert_eq!(read_csv(b"\xEF\xBB\xBF\n ; \n", "x.csv"), Err(ReadError::Empty));
        assert_eq!(FileKind::of(Path::new("a.XLSX")), Some(FileKind::Xlsx));
        assert_eq!(FileKind::of(Path::new("a.ods")), None);
    }
}
