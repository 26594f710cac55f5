//! A small document model for the masterplan books, written out as DOCX ([`docx`]) or as one self-contained
//! HTML page ([`html`]). It holds only what the books need: a cover, a table of contents, headings on three
//! levels, paragraphs with bold and italic spans, bullet lists, tables with a header row repeated on every page
//! and right-aligned numbers, pictures (charts), page breaks and landscape sections for wide tables.
//!
//! The model is plain data: the books build it, the writers turn it into bytes. Both writers are
//! deterministic: the same document gives the same bytes.

pub mod docx;
pub mod html;

use crate::i18n::Lang;

/// A whole book.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The title on the cover, in the file's properties and the HTML `<title>`.
    pub title: String,
    /// Lines under the title on the cover (region, period, "example data").
    pub subtitle: Vec<String>,
    /// A title page of its own (books); without one the title heads the first page (minutes).
    pub cover: bool,
    /// Who the document is by: the region. Stored as the author property.
    pub author: String,
    pub lang: Lang,
    /// The text beside the page number in the footer, e.g. "Buku I Analisis · Kabupaten Konawe Selatan".
    pub footer: String,
    /// The word before the page number: "Halaman" / "Page".
    pub page_word: String,
    /// The heading of the table of contents.
    pub contents_title: String,
    /// What a DOCX table of contents shows until the word processor updates the field.
    pub contents_hint: String,
    pub blocks: Vec<Block>,
}

/// One piece of the document, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The table of contents: a field in DOCX, a list of links in HTML.
    Contents,
    /// A heading of level 1 (chapter), 2 or 3; the table of contents lists levels 1 and 2.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Paragraph),
    /// One item per entry.
    Bullets(Vec<Vec<Span>>),
    Table(Table),
    Image(Image),
    /// The rest starts on a new page.
    PageBreak,
    /// The rest starts on a new page in this orientation (a wide table goes landscape, then back).
    Orientation(Orientation),
}

/// Page orientation of a section.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

/// How a paragraph looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParagraphStyle {
    #[default]
    Body,
    /// Smaller and muted: notes under tables and pictures, sources, explanations.
    Note,
    /// A framed remark that must not be missed (e.g. "example data", "provisional list").
    Notice,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    pub style: ParagraphStyle,
    pub spans: Vec<Span>,
}

impl Paragraph {
    pub fn text(text: impl Into<String>) -> Self {
        Paragraph { style: ParagraphStyle::Body, spans: vec![Span::plain(text)] }
    }

    pub fn styled(style: ParagraphStyle, text: impl Into<String>) -> Self {
        Paragraph { style, spans: vec![Span::plain(text)] }
    }
}

/// A run of text with simple emphasis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span { text: text.into(), bold: false, italic: false }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Span { text: text.into(), bold: true, italic: false }
    }

    pub fn italic(text: impl Into<String>) -> Self {
        Span { text: text.into(), bold: false, italic: true }
    }
}

/// Horizontal alignment of a column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    /// Numbers and money.
    Right,
    Center,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub align: Align,
    /// Relative width: the columns share the text width in proportion.
    pub width: u32,
    /// A code (`GOV-PS-01`, `2.16.01`): never broken inside. Amounts (right-aligned) never are either.
    pub nowrap: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, align: Align, width: u32) -> Self {
        Column { header: header.into(), align, width: width.max(1), nowrap: false }
    }

    /// A column of codes, kept whole on one line.
    pub fn code(header: impl Into<String>, width: u32) -> Self {
        Column { nowrap: true, ..Column::new(header, Align::Left, width) }
    }
}

/// What a row is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RowKind {
    #[default]
    Body,
    /// One cell across all columns that names the rows below it (e.g. an element).
    Group,
    /// A sum: bold.
    Total,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    /// One text per column; a group row uses the first only.
    pub cells: Vec<String>,
}

impl Row {
    pub fn body(cells: Vec<String>) -> Self {
        Row { kind: RowKind::Body, cells }
    }

    pub fn group(text: impl Into<String>) -> Self {
        Row { kind: RowKind::Group, cells: vec![text.into()] }
    }

    pub fn total(cells: Vec<String>) -> Self {
        Row { kind: RowKind::Total, cells }
    }
}

/// A table whose header row repeats on every page it spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Shown above the table ("Tabel 3. ..."); empty for none.
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Smaller text, for wide tables such as the program matrix.
    pub compact: bool,
}

/// A picture: a chart, as the format needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// A short name for the file inside the DOCX (`revenue` becomes `word/media/revenue.png`): ASCII letters,
    /// digits and dashes.
    pub name: String,
    /// The text read out instead of the picture.
    pub alt: String,
    /// Shown under the picture ("Gambar 2. ..."); empty for none.
    pub caption: String,
    /// The picture's size in pixels; it is shown at the text width, keeping this aspect ratio.
    pub width: u32,
    pub height: u32,
    pub data: ImageData,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageData {
    /// A PNG file's bytes.
    Png(Vec<u8>),
    /// An SVG document (`<svg …>…</svg>`), placed inline in HTML.
    Svg(String),
}

/// The heading levels the table of contents lists.
pub const CONTENTS_LEVELS: u8 = 2;

/// Text safe inside XML and XHTML: `&`, `<`, `>` and `"` escaped, and characters XML 1.0 forbids (control
/// characters other than tab and line breaks) dropped, so any text typed into a workbook gives a valid file.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// Each line of `text` (a trailing `\r` dropped) written by `line`, with `separator` between the lines: one
/// way for both formats to keep the line breaks typed in a cell or paragraph.
pub fn write_lines(out: &mut String, text: &str, separator: &str, line: impl Fn(&mut String, &str)) {
    for (i, part) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        line(out, part.trim_end_matches('\r'));
    }
}

/// [`escape`] into a new string.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_text_and_drops_what_xml_forbids() {
        assert_eq!(escaped("a < b & \"c\" > d"), "a &lt; b &amp; &quot;c&quot; &gt; d");
        assert_eq!(escaped("x\u{1}y\u{b}z\tw"), "xyz\tw");
        assert_eq!(escaped("Pelayanan Publik – 🙂"), "Pelayanan Publik – 🙂");
    }
}
