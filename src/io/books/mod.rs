//! The five masterplan books (Buku I-V) generated from a workbook, as DOCX or as a self-contained HTML page,
//! in Indonesian or English whatever the interface speaks. Each book is built as a [`Document`] by its own
//! module ([`analysis`], [`masterplan`], [`summary`], [`quick_wins`], [`area`]) and written by
//! [`crate::io::document`]. Rendering is pure (it writes no file) and deterministic: the same workbook gives
//! the same bytes, so two exports can be compared.

mod analysis;
mod area;
mod build;
mod evaluation;
mod masterplan;
mod minutes;
mod quick_wins;
mod summary;
mod texts;

use crate::i18n::Lang;
use crate::io::document::{self, Document};
use crate::model::Workbook;

pub use evaluation::{evaluation_file_name, evaluation_years, render_evaluation};
pub use minutes::{minutes_file_name, render_minutes};
pub use texts::B as BookText;

/// The five masterplan books (Buku I-V).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Book {
    /// Buku I Analisis: profile, vision and mission, finance, readiness, issues.
    Analysis,
    /// Buku II Masterplan: per dimension and element, the programs and the program matrix.
    Masterplan,
    /// Buku III Ringkasan Eksekutif.
    Summary,
    /// Buku IV Quick Win.
    QuickWins,
    /// Buku V Masterplan Kawasan: the programs of one area (Wakatobi by default).
    Area,
}

impl Book {
    pub const ALL: [Book; 5] = [Book::Analysis, Book::Masterplan, Book::Summary, Book::QuickWins, Book::Area];

    /// 1..=5.
    pub fn number(self) -> u8 {
        match self {
            Book::Analysis => 1,
            Book::Masterplan => 2,
            Book::Summary => 3,
            Book::QuickWins => 4,
            Book::Area => 5,
        }
    }

    pub fn from_number(n: u8) -> Option<Book> {
        Book::ALL.into_iter().find(|b| b.number() == n)
    }

    /// "Buku I Analisis" / "Book I Analysis".
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Book::Analysis => BookText::BookAnalysis,
            Book::Masterplan => BookText::BookMasterplan,
            Book::Summary => BookText::BookSummary,
            Book::QuickWins => BookText::BookQuickWins,
            Book::Area => BookText::BookArea,
        }
        .get(lang)
    }

    fn file_stem(self, lang: Lang) -> &'static str {
        match self {
            Book::Analysis => BookText::FileAnalysis,
            Book::Masterplan => BookText::FileMasterplan,
            Book::Summary => BookText::FileSummary,
            Book::QuickWins => BookText::FileQuickWins,
            Book::Area => BookText::FileArea,
        }
        .get(lang)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocFormat {
    Docx,
    Html,
}

impl DocFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DocFormat::Docx => "docx",
            DocFormat::Html => "html",
        }
    }
}

/// The area Book V is about when none is named.
pub const DEFAULT_AREA: &str = "Wakatobi";

#[derive(Clone, Debug)]
pub struct BookOptions {
    pub lang: Lang,
    /// Book V's area; default "Wakatobi".
    pub area: String,
}

impl Default for BookOptions {
    fn default() -> Self {
        BookOptions { lang: Lang::Id, area: DEFAULT_AREA.to_string() }
    }
}

/// The file name a book gets in an export folder, e.g. "buku-1-analisis.docx" / "book-1-analysis.html".
pub fn file_name(book: Book, format: DocFormat, lang: Lang) -> String {
    format!("{}.{}", book.file_stem(lang), format.extension())
}

/// The finished file's bytes (deterministic: same workbook, same bytes). Pure: writes nothing.
pub fn render(workbook: &Workbook, book: Book, format: DocFormat, options: &BookOptions) -> Result<Vec<u8>, String> {
    let document = document(workbook, book, format, options)?;
    match format {
        DocFormat::Docx => document::docx::write(&document),
        DocFormat::Html => document::html::write(&document),
    }
}

/// The book as a document, its charts drawn as `format` needs them (PNG for DOCX, SVG for HTML).
pub fn document(workbook: &Workbook, book: Book, format: DocFormat, options: &BookOptions) -> Result<Document, String> {
    let area = if options.area.trim().is_empty() { DEFAULT_AREA } else { options.area.trim() };
    let mut b = build::Builder::new(workbook, book, format, options.lang, area);
    match book {
        Book::Analysis => analysis::build(&mut b)?,
        Book::Masterplan => masterplan::build(&mut b)?,
        Book::Summary => summary::build(&mut b)?,
        Book::QuickWins => quick_wins::build(&mut b)?,
        Book::Area => area::build(&mut b, area)?,
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_titles_and_file_names() {
        for book in Book::ALL {
            assert_eq!(Book::from_number(book.number()), Some(book));
        }
        assert_eq!(Book::from_number(0), None);
        assert_eq!(Book::from_number(6), None);
        assert_eq!(Book::Analysis.title(Lang::Id), "Buku I Analisis");
        assert_eq!(Book::Analysis.title(Lang::En), "Book I Analysis");
        assert_eq!(file_name(Book::Analysis, DocFormat::Docx, Lang::Id), "buku-1-analisis.docx");
        assert_eq!(file_name(Book::Analysis, DocFormat::Html, Lang::En), "book-1-analysis.html");
        assert_eq!(file_name(Book::Area, DocFormat::Html, Lang::Id), "buku-5-masterplan-kawasan.html");
    }
}
