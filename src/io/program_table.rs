//! The program table: the one file format that the program export writes and the program import reads, as CSV
//! or XLSX. It is documented for users in the README section "Program import format"; this is the same text for
//! programmers.
//!
//! # Rows
//!
//! One row per (program, funding source). The year columns of a row hold that source's amount in each year.
//! The program's own fields repeat on every row of the program; a program without budget has one row with an
//! empty funding source. Rows are grouped into programs by their code (trimmed, ignoring ASCII case), wherever
//! they are in the file; rows without a code are grouped only with the row just above when that row has no
//! code either and the same name. Every row of one program must agree on the program's fields: a cell left
//! empty on a later row takes the value of the program's first row, a filled one must say the same (compared
//! after reading, so `Aplikasi` and `application` agree), anything else is reported on that row.
//!
//! # Columns
//!
//! Headers are recognised in Indonesian, in English and by key, ignoring case, diacritics, spaces, `_` and
//! `-`; the order of the columns does not matter and unknown columns are ignored (and noted).
//!
//! | key              | Indonesian    | English         | holds                                                   |
//! |------------------|---------------|-----------------|---------------------------------------------------------|
//! | `code`           | Kode          | Code            | program code, e.g. `GOV-01`; groups rows into programs  |
//! | `name`           | Nama          | Name            | required                                                |
//! | `description`    | Deskripsi     | Description     | free text                                               |
//! | `dimension`      | Dimensi       | Dimension       | key or name; only narrows the element                   |
//! | `element`        | Elemen        | Element         | required: key, Indonesian or English name               |
//! | `agency`         | OPD           | Agency          | code, short name or name of an agency of the workbook   |
//! | `action_type`    | Jenis         | Action type     | policy, infrastructure, application (empty), literacy   |
//! | `location`       | Lokasi        | Location        | free text                                               |
//! | `start_year`     | Mulai         | Start year      | required, inside the masterplan period                  |
//! | `end_year`       | Selesai       | End year        | required, not before the start year                     |
//! | `status`         | Status        | Status          | planned (empty), running, done, dropped                 |
//! | `outputs`        | Keluaran      | Outputs         | free text                                               |
//! | `indicator`      | Indikator     | Indicator       | free text                                               |
//! | `baseline`       | Baseline      | Baseline        | free text: the indicator's value before the program     |
//! | `quick_win`      | Quick win     | Quick win       | ya/tidak, yes/no, true/false, 1/0, x; empty is no       |
//! | `funding_source` | Sumber dana   | Funding source  | this row's source; empty only on a row without amounts  |
//! | `amount_YYYY`    | YYYY          | YYYY            | this row's amount in year YYYY, whole rupiah            |
//! | `target_YYYY`    | Target YYYY   | Target YYYY     | the indicator's target in year YYYY (program field)     |
//!
//! Required columns: name, element, start year, end year. Any header that is a year from 2000 to 2100 (also
//! written `amount_2024`, `anggaran 2024` or `budget 2024`) is an amount column, and `target 2024` a target
//! column; the export writes one of each per year of the masterplan period.
//!
//! # Values
//!
//! - Words (action type, status, funding source, yes/no) are accepted as the stable key, the Indonesian word or
//!   the English word, ignoring case and diacritics; the export writes the word of its language.
//! - Amounts are whole rupiah, typed the Indonesian way (`1.250.000`, `Rp 1.250.000`, `1,25 M`, `500 jt`, plain
//!   `1250000`), or numeric spreadsheet cells. Fractions of a rupiah, negative amounts and amounts above
//!   [`crate::model::MAX_AMOUNT`] are refused, never rounded. An empty cell or 0 means no money.
//! - Text is taken as typed, trimmed at both ends. Text that looks like a spreadsheet formula
//!   (`=cmd|' /C calc'!A0`) is data: it is imported as plain text and never evaluated. The export puts an
//!   apostrophe before every text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (and
//!   before one that starts with an apostrophe), so no spreadsheet runs it; the import removes exactly that one
//!   apostrophe again (see [`guard`] and [`unguard`]), so an export imports back unchanged.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::i18n::Lang;
use crate::model::{ActionType, FIRST_YEAR, FundingSource, LAST_YEAR, ProgramStatus};

/// What a column of the program table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProgramField {
    Code,
    Name,
    Description,
    Dimension,
    Element,
    Agency,
    ActionType,
    Location,
    StartYear,
    EndYear,
    Status,
    Outputs,
    Indicator,
    Baseline,
    QuickWin,
    FundingSource,
    /// The row's amount in this year.
    Amount(i32),
    /// The program's indicator target in this year.
    Target(i32),
}

/// A fixed column: its field, stable key and headers.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub field: ProgramField,
    pub key: &'static str,
    pub id: &'static str,
    pub en: &'static str,
    /// Other headers people write for it, recognised on import.
    pub aliases: &'static [&'static str],
}

const fn column(
    field: ProgramField,
    key: &'static str,
    id: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
) -> Column {
    Column { field, key, id, en, aliases }
}

/// The fixed columns, in the order the export writes them. Year columns follow: first the amounts, one per year,
/// then the targets, one per year.
pub const COLUMNS: [Column; 16] = [
    column(ProgramField::Code, "code", "Kode", "Code", &["kode program", "program code"]),
    column(ProgramField::Name, "name", "Nama", "Name", &["nama program", "program name", "program"]),
    column(ProgramField::Description, "description", "Deskripsi", "Description", &["uraian", "keterangan"]),
    column(ProgramField::Dimension, "dimension", "Dimensi", "Dimension", &[]),
    column(ProgramField::Element, "element", "Elemen", "Element", &[]),
    column(
        ProgramField::Agency,
        "agency",
        "OPD",
        "Agency",
        &["perangkat daerah", "skpd", "opd penanggung jawab", "responsible agency"],
    ),
    column(ProgramField::ActionType, "action_type", "Jenis", "Action type", &["jenis aksi", "jenis rencana aksi"]),
    column(ProgramField::Location, "location", "Lokasi", "Location", &[]),
    column(ProgramField::StartYear, "start_year", "Mulai", "Start year", &["tahun mulai"]),
    column(ProgramField::EndYear, "end_year", "Selesai", "End year", &["tahun selesai", "tahun akhir"]),
    column(ProgramField::Status, "status", "Status", "Status", &[]),
    column(ProgramField::Outputs, "outputs", "Keluaran", "Outputs", &["output"]),
    column(ProgramField::Indicator, "indicator", "Indikator", "Indicator", &[]),
    column(ProgramField::Baseline, "baseline", "Baseline", "Baseline", &["nilai awal", "indicator baseline"]),
    column(ProgramField::QuickWin, "quick_win", "Quick win", "Quick win", &[]),
    column(ProgramField::FundingSource, "funding_source", "Sumber dana", "Funding source", &[]),
];

/// Words before a year that still make an amount column.
const AMOUNT_PREFIXES: [&str; 5] = ["amount", "anggaran", "budget", "jumlah", "rp"];

impl ProgramField {
    /// Columns without which no program can be read.
    pub const REQUIRED: [ProgramField; 4] =
        [ProgramField::Name, ProgramField::Element, ProgramField::StartYear, ProgramField::EndYear];

    fn column(self) -> Option<&'static Column> {
        COLUMNS.iter().find(|c| c.field == self)
    }

    /// The stable key: `code`, `start_year`, `amount_2024`, `target_2024`.
    pub fn key(self) -> Cow<'static, str> {
        match self {
            ProgramField::Amount(year) => format!("amount_{year}").into(),
            ProgramField::Target(year) => format!("target_{year}").into(),
            fixed => fixed.column().map_or("", |c| c.key).into(),
        }
    }

    /// The header the export writes in `lang`.
    pub fn header(self, lang: Lang) -> Cow<'static, str> {
        match self {
            ProgramField::Amount(year) => year.to_string().into(),
            ProgramField::Target(year) => format!("Target {year}").into(),
            fixed => {
                let column = fixed.column();
                match lang {
                    Lang::Id => column.map_or("", |c| c.id).into(),
                    Lang::En => column.map_or("", |c| c.en).into(),
                }
            }
        }
    }

    /// "Nama / Name": both headers, for messages that name a column the file does not have.
    pub fn both_headers(self) -> String {
        let (id, en) = (self.header(Lang::Id), self.header(Lang::En));
        if id == en { id.into_owned() } else { format!("{id} / {en}") }
    }

    /// Recognise a header in either language or by key; `None` for a column the table does not know.
    pub fn from_header(header: &str) -> Option<ProgramField> {
        let folded = fold(unguard(header));
        if folded.is_empty() {
            return None;
        }
        for column in &COLUMNS {
            let names = [column.key, column.id, column.en].into_iter().chain(column.aliases.iter().copied());
            if names.map(fold).any(|name| name == folded) {
                return Some(column.field);
            }
        }
        let (prefix, year) = match folded.rsplit_once(' ') {
            Some((prefix, year)) => (prefix, year),
            None => ("", folded.as_str()),
        };
        let year = parse_year(year)?;
        if prefix == "target" {
            Some(ProgramField::Target(year))
        } else if prefix.is_empty() || AMOUNT_PREFIXES.contains(&prefix) {
            Some(ProgramField::Amount(year))
        } else {
            None
        }
    }

    /// Fields that describe the program as a whole and so repeat on each of its rows.
    pub fn is_program_field(self) -> bool {
        !matches!(self, ProgramField::FundingSource | ProgramField::Amount(_))
    }
}

/// A year written as four digits within the years a masterplan may use.
fn parse_year(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y))
}

/// Text for comparing names: lowercase, without diacritics, every run of anything but letters and digits
/// turned into one space, trimmed. `Sumber_Dana`, `sumber-dana` and ` SUMBER  DANA ` all fold to `sumber dana`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        fold_chars(text.chars().map(|c| c.to_ascii_lowercase()), text.len())
    } else {
        fold_chars(text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase), text.len())
    }
}

fn fold_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut space = false;
    for c in chars {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// Characters that make a spreadsheet read a cell as a formula (or hide what follows).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The text to write in an exported cell: an apostrophe before text a spreadsheet could run as a formula, and
/// before text that already starts with an apostrophe (so [`unguard`] gives back exactly what was written).
pub fn guard(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) || text.starts_with('\'') {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Undo [`guard`]: drop one leading apostrophe when what follows starts like a formula or with an apostrophe.
/// Any other leading apostrophe stays: it is part of the text.
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => text,
    }
}

/// One value of a word column: its stable key, Indonesian and English words, and other words accepted.
#[derive(Clone, Copy, Debug)]
pub struct Word<T: 'static> {
    pub value: T,
    pub key: &'static str,
    pub id: &'static str,
    pub en: &'static str,
    pub aliases: &'static [&'static str],
}

pub(crate) const fn word<T>(
    value: T,
    key: &'static str,
    id: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
) -> Word<T> {
    Word { value, key, id, en, aliases }
}

pub const ACTION_TYPES: [Word<ActionType>; 4] = [
    word(
        ActionType::Policy,
        "policy",
        "Kebijakan dan kelembagaan",
        "Policy and institutions",
        &["kebijakan", "kelembagaan"],
    ),
    word(
        ActionType::Infrastructure,
        "infrastructure",
        "Infrastruktur pendukung",
        "Supporting infrastructure",
        &["infrastruktur"],
    ),
    word(ActionType::Application, "application", "Aplikasi", "Application", &["app"]),
    word(ActionType::Literacy, "literacy", "Literasi digital", "Digital literacy", &["literasi"]),
];

pub const STATUSES: [Word<ProgramStatus>; 4] = [
    word(ProgramStatus::Planned, "planned", "Direncanakan", "Planned", &["rencana"]),
    word(ProgramStatus::Running, "running", "Berjalan", "Running", &["sedang berjalan", "ongoing"]),
    word(ProgramStatus::Done, "done", "Selesai", "Done", &["completed", "tuntas"]),
    word(ProgramStatus::Dropped, "dropped", "Dibatalkan", "Dropped", &["batal", "cancelled", "canceled"]),
];

pub const FUNDING_SOURCES: [Word<FundingSource>; 9] = [
    word(FundingSource::Apbd, "apbd", "APBD", "APBD", &["apbd kabupaten", "apbd kota"]),
    word(FundingSource::Apbn, "apbn", "APBN", "APBN", &[]),
    word(FundingSource::Dak, "dak", "DAK", "DAK", &["dana alokasi khusus"]),
    word(FundingSource::Province, "province", "APBD Provinsi", "Provincial budget", &["provinsi", "apbd provinsi"]),
    word(FundingSource::Kpbu, "kpbu", "KPBU", "PPP (KPBU)", &["ppp"]),
    word(FundingSource::Csr, "csr", "CSR", "CSR", &[]),
    word(FundingSource::Private, "private", "Swasta", "Private", &[]),
    word(FundingSource::DanaDesa, "dana_desa", "Dana Desa", "Dana Desa", &["village fund", "dd"]),
    word(FundingSource::Other, "other", "Lainnya", "Other", &["lain lain"]),
];

/// The word the export writes for `value` in `lang`.
pub fn word_for<T: Copy + PartialEq>(words: &[Word<T>], value: T, lang: Lang) -> &'static str {
    words.iter().find(|w| w.value == value).map_or("", |w| match lang {
        Lang::Id => w.id,
        Lang::En => w.en,
    })
}

/// Read a word of a word column: key, Indonesian, English or another accepted word.
pub fn parse_word<T: Copy>(words: &[Word<T>], text: &str) -> Option<T> {
    let folded = fold(text);
    words
        .iter()
        .find(|w| [w.key, w.id, w.en].into_iter().chain(w.aliases.iter().copied()).any(|name| fold(name) == folded))
        .map(|w| w.value)
}

/// The words a user may write, for the message that refuses another one: "Aplikasi / Application, ...".
pub fn accepted_words<T>(words: &[Word<T>]) -> String {
    words
        .iter()
        .map(|w| if w.id == w.en { w.id.to_string() } else { format!("{} / {}", w.id, w.en) })
        .collect::<Vec<_>>()
        .join(", ")
}

const YES: [&str; 7] = ["ya", "yes", "y", "true", "benar", "1", "x"];
const NO: [&str; 6] = ["tidak", "no", "n", "false", "salah", "0"];

/// `ya`/`tidak` or `yes`/`no`, as the export writes a yes-no cell.
pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (value, lang) {
        (true, Lang::Id) => "ya",
        (false, Lang::Id) => "tidak",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// Read a yes-no cell; `None` for anything else. An empty cell is "no" and is handled by the caller.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    let folded = fold(text);
    if YES.contains(&folded.as_str()) || text.trim() == "✓" {
        Some(true)
    } else if NO.contains(&folded.as_str()) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_in_both_languages_and_by_key() {
        for column in &COLUMNS {
            for name in [column.key, column.id, column.en] {
                assert_eq!(ProgramField::from_header(name), Some(column.field), "{name}");
            }
            for lang in Lang::ALL {
                assert_eq!(ProgramField::from_header(&column.field.header(lang)), Some(column.field));
            }
        }
        assert_eq!(ProgramField::from_header("  SUMBER_DANA "), Some(ProgramField::FundingSource));
        assert_eq!(ProgramField::from_header("Funding-Source"), Some(ProgramField::FundingSource));
        assert_eq!(ProgramField::from_header("2024"), Some(ProgramField::Amount(2024)));
        assert_eq!(ProgramField::from_header("amount_2024"), Some(ProgramField::Amount(2024)));
        assert_eq!(ProgramField::from_header("Anggaran 2024"), Some(ProgramField::Amount(2024)));
        assert_eq!(ProgramField::from_header("Target 2024"), Some(ProgramField::Target(2024)));
        assert_eq!(ProgramField::from_header("target_2024"), Some(ProgramField::Target(2024)));
        assert_eq!(ProgramField::from_header("1999"), None);
        assert_eq!(ProgramField::from_header("catatan"), None);
        assert_eq!(ProgramField::from_header(""), None);
        for field in [ProgramField::Amount(2031), ProgramField::Target(2022), ProgramField::QuickWin] {
            assert_eq!(ProgramField::from_header(&field.key()), Some(field));
        }
    }

    #[test]
    fn folding_ignores_case_diacritics_and_separators() {
        assert_eq!(fold(" Sumber_Dana "), "sumber dana");
        assert_eq!(fold("Kebijakan  dan-Kelembagaan"), "kebijakan dan kelembagaan");
        assert_eq!(fold("Pérencanaan"), "perencanaan");
        assert_eq!(fold("ÉLÉMEN"), "elemen");
    }

    #[test]
    fn words_read_keys_and_both_languages() {
        for w in &ACTION_TYPES {
            for text in [w.key, w.id, w.en] {
                assert_eq!(parse_word(&ACTION_TYPES, text), Some(w.value));
            }
            assert_eq!(w.key, w.value.key());
        }
        for w in &STATUSES {
            assert_eq!(w.key, w.value.key());
            assert_eq!(parse_word(&STATUSES, &w.id.to_uppercase()), Some(w.value));
        }
        for w in &FUNDING_SOURCES {
            assert_eq!(w.key, w.value.key());
            for text in [w.key, w.id, w.en] {
                assert_eq!(parse_word(&FUNDING_SOURCES, text), Some(w.value), "{text}");
            }
        }
        assert_eq!(ACTION_TYPES.len(), ActionType::ALL.len());
        assert_eq!(STATUSES.len(), ProgramStatus::ALL.len());
        assert_eq!(FUNDING_SOURCES.len(), FundingSource::ALL.len());
        assert_eq!(parse_word(&FUNDING_SOURCES, "dana_desa"), Some(FundingSource::DanaDesa));
        assert_eq!(parse_word(&STATUSES, "libur"), None);
        assert_eq!(parse_yes_no("Ya"), Some(true));
        assert_eq!(parse_yes_no("NO"), Some(false));
        assert_eq!(parse_yes_no("mungkin"), None);
    }

    #[test]
    fn guard_and_unguard_round_trip() {
        for text in ["=cmd|' /C calc'!A0", "+62", "-5", "@SUM(A1)", "\tx", "\rx", "'", "''", "'=x", "'abc", "abc", ""] {
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("Aplikasi"), "Aplikasi");
        assert_eq!(unguard("'=1+1"), "=1+1");
        assert_eq!(unguard("'abc"), "'abc", "an apostrophe before ordinary text is the user's");
    }
}
