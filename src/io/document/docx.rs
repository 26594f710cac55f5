//! A [`Document`] as a Word file (Office Open XML, WordprocessingML), written by hand into a zip: A4 pages,
//! the built-in heading styles (so Word's navigation pane and the table of contents find them), a TOC field
//! the word processor fills in (Word asks to update fields on opening; LibreOffice via Tools > Update), tables
//! whose header row repeats on every page (`w:tblHeader`), charts as inline PNG pictures, the page number in
//! the footer, and the title and author in the core properties.
//!
//! Deterministic: parts in a fixed order, every zip entry dated 1980-01-01 with the same permissions, ids
//! numbered in reading order, no creation date in the properties. The same document gives the same bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::{
    Align, Block, CONTENTS_LEVELS, Document, Image, ImageData, Orientation, Paragraph, ParagraphStyle, RowKind, Span,
    Table, escape, escaped, write_lines,
};
use crate::i18n::Lang;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// A4 in twentieths of a point (twips), and the margins: 2.5 cm all round.
const PAGE_SHORT: u32 = 11_906;
const PAGE_LONG: u32 = 16_838;
const MARGIN: u32 = 1_418;
/// English Metric Units per twip (914,400 per inch, 1,440 twips per inch).
const EMU_PER_TWIP: u64 = 635;

/// The relationship ids of the fixed parts; pictures follow from [`FIRST_IMAGE_RID`].
const RID_STYLES: &str = "rId1";
const RID_SETTINGS: &str = "rId2";
const RID_NUMBERING: &str = "rId3";
const RID_FOOTER: &str = "rId4";
const FIRST_IMAGE_RID: usize = 10;
/// Tables of at most this many rows are kept on one page.
const KEEP_TOGETHER_ROWS: usize = 20;

const STYLES_XML: &str = include_str!("../../../assets/docx/styles.xml");

/// The width text can take on a page of this orientation, in twips.
fn text_width(orientation: Orientation) -> u32 {
    match orientation {
        Orientation::Portrait => PAGE_SHORT - 2 * MARGIN,
        Orientation::Landscape => PAGE_LONG - 2 * MARGIN,
    }
}

/// The document as the bytes of a `.docx` file. Fails only if a picture is not a PNG (DOCX pictures must be
/// raster here) or the zip cannot be formed.
pub fn write(document: &Document) -> Result<Vec<u8>, String> {
    let mut body = Body::new(document);
    body.write_blocks(&document.blocks)?;
    let Body { xml: body_xml, images, .. } = body;

    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types().into_bytes()),
        ("_rels/.rels".into(), package_rels().into_bytes()),
        ("docProps/core.xml".into(), core_properties(document).into_bytes()),
        ("docProps/app.xml".into(), app_properties().into_bytes()),
        ("word/document.xml".into(), body_xml.into_bytes()),
        ("word/styles.xml".into(), styles(document.lang).into_bytes()),
        ("word/settings.xml".into(), settings(document.lang).into_bytes()),
        ("word/numbering.xml".into(), numbering().into_bytes()),
        ("word/footer1.xml".into(), footer(document).into_bytes()),
        ("word/_rels/document.xml.rels".into(), document_rels(&images).into_bytes()),
    ];
    for (file, png) in images {
        parts.push((format!("word/media/{file}"), png));
    }
    zip_parts(&parts)
}

/// The parts in the given order, deflated, with fixed dates and permissions.
fn zip_parts(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        // PNG pictures are compressed already: storing them saves time and gives the same size.
        let options =
            if name.ends_with(".png") { options.compression_method(CompressionMethod::Stored) } else { options };
        zip.start_file(name.as_str(), options).map_err(|e| format!("DOCX {name}: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("DOCX {name}: {e}"))?;
    }
    let cursor = zip.finish().map_err(|e| format!("DOCX: {e}"))?;
    Ok(cursor.into_inner())
}

/// `id-ID` or `en-US`: the proofing language of the text.
fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-US",
    }
}

fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"{wml}.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"{wml}.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"{wml}.settings+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"{wml}.numbering+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"{wml}.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>"
    )
}

fn package_rels() -> String {
    format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
    )
}

/// Title, author and language. No dates: the same workbook must give the same file.
fn core_properties(document: &Document) -> String {
    format!(
        "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>{}</dc:language>\
<cp:keywords>smart city; masterplan</cp:keywords></cp:coreProperties>",
        escaped(&document.title),
        escaped(&document.subtitle.join(" · ")),
        escaped(&document.author),
        language_tag(document.lang),
    )
}

fn app_properties() -> String {
    format!(
        "{XML_HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>Smart City Masterplan Workbench</Application></Properties>"
    )
}

fn document_rels(images: &[(String, Vec<u8>)]) -> String {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut out = format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"{RID_STYLES}\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"{RID_SETTINGS}\" Type=\"{rel}/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"{RID_NUMBERING}\" Type=\"{rel}/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"{RID_FOOTER}\" Type=\"{rel}/footer\" Target=\"footer1.xml\"/>"
    );
    for (i, (file, _)) in images.iter().enumerate() {
        let _ = write!(
            out,
            "<Relationship Id=\"rId{}\" Type=\"{rel}/image\" Target=\"media/{file}\"/>",
            FIRST_IMAGE_RID + i
        );
    }
    out.push_str("</Relationships>");
    out
}

/// Fields are updated when Word opens the file, so the table of contents gets its page numbers. (Elements in
/// the schema's order: Word refuses a file whose settings are out of order.)
fn settings(lang: Lang) -> String {
    format!(
        "{XML_HEAD}<w:settings xmlns:w=\"{W_NS}\">\
<w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:updateFields w:val=\"true\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"{}\"/></w:settings>",
        language_tag(lang)
    )
}

/// One bullet list definition.
fn numbering() -> String {
    format!(
        "{XML_HEAD}<w:numbering xmlns:w=\"{W_NS}\"><w:abstractNum w:abstractNumId=\"0\">\
<w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>\
<w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr>\
<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/></w:rPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}

/// The footer: the book's name and the page number, right-aligned (so it fits portrait and landscape).
fn footer(document: &Document) -> String {
    let mut out = format!(
        "{XML_HEAD}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"right\"/></w:pPr>"
    );
    run(&mut out, &format!("{} \u{b7} {} ", document.footer, document.page_word), false, false);
    field(&mut out, "PAGE", "1");
    out.push_str("</w:p></w:ftr>");
    out
}

/// A simple complex field (`PAGE`, `NUMPAGES`) with its shown value until it is updated.
fn field(out: &mut String, instruction: &str, shown: &str) {
    out.push_str("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>");
    let _ = write!(out, "<w:r><w:instrText xml:space=\"preserve\"> {instruction} </w:instrText></w:r>");
    out.push_str("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
    run(out, shown, false, false);
    out.push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
}

/// One run of text; line breaks in the text become `w:br`.
fn run(out: &mut String, text: &str, bold: bool, italic: bool) {
    out.push_str("<w:r>");
    if bold || italic {
        out.push_str("<w:rPr>");
        if bold {
            out.push_str("<w:b/>");
        }
        if italic {
            out.push_str("<w:i/>");
        }
        out.push_str("</w:rPr>");
    }
    write_lines(out, text, "<w:br/>", |out, line| {
        out.push_str("<w:t xml:space=\"preserve\">");
        escape(line, out);
        out.push_str("</w:t>");
    });
    out.push_str("</w:r>");
}

fn spans(out: &mut String, spans: &[Span]) {
    for span in spans {
        run(out, &span.text, span.bold, span.italic);
    }
}

/// The section properties of a section of `orientation`; the first section has a cover page without footer.
fn section(out: &mut String, orientation: Orientation, first: bool, cover: bool) {
    let (w, h, orient) = match orientation {
        Orientation::Portrait => (PAGE_SHORT, PAGE_LONG, ""),
        Orientation::Landscape => (PAGE_LONG, PAGE_SHORT, " w:orient=\"landscape\""),
    };
    let _ = write!(
        out,
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"{RID_FOOTER}\"/>\
<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
<w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/>\
<w:cols w:space=\"709\"/>{}</w:sectPr>",
        if first && cover { "<w:titlePg/>" } else { "" }
    );
}

/// The body of `word/document.xml` as it is written, with what it collects on the way.
struct Body<'a> {
    document: &'a Document,
    xml: String,
    /// Picture files in order: (name inside `word/media`, PNG bytes).
    images: Vec<(String, Vec<u8>)>,
    /// Bookmarks of the headings, for the table of contents.
    headings: Vec<(u8, String, String)>,
    bookmark: usize,
    /// Drawing object ids (`wp:docPr`), unique in the document.
    picture: usize,
    orientation: Orientation,
}

impl<'a> Body<'a> {
    fn new(document: &'a Document) -> Self {
        let mut xml = String::with_capacity(64 * 1024);
        let _ = write!(
            xml,
            "{XML_HEAD}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>"
        );
        Body {
            document,
            xml,
            images: Vec::new(),
            headings: Vec::new(),
            bookmark: 0,
            picture: 0,
            orientation: Orientation::Portrait,
        }
    }

    fn write_blocks(&mut self, blocks: &[Block]) -> Result<(), String> {
        // Bookmarks are named in reading order, so the table of contents can list them before they appear.
        self.headings = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } => Some((*level, text.clone())),
                _ => None,
            })
            .enumerate()
            .map(|(i, (level, text))| (level, text, format!("_Toc{:06}", i + 1)))
            .collect();
        self.cover();
        let mut first_section = true;
        for block in blocks {
            match block {
                Block::Contents => self.contents(),
                Block::Heading { level, text } => self.heading(*level, text),
                Block::Paragraph(p) => self.paragraph(p),
                Block::Bullets(items) => self.bullets(items),
                Block::Table(t) => self.table(t),
                Block::Image(image) => self.image(image)?,
                Block::PageBreak => self.xml.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
                Block::Orientation(next) => {
                    // A section ends with a paragraph carrying its properties; the next starts on a new page.
                    self.xml.push_str("<w:p><w:pPr>");
                    section(&mut self.xml, self.orientation, first_section, self.document.cover);
                    self.xml.push_str("</w:pPr></w:p>");
                    first_section = false;
                    self.orientation = *next;
                }
            }
        }
        section(&mut self.xml, self.orientation, first_section, self.document.cover);
        self.xml.push_str("</w:body></w:document>");
        Ok(())
    }

    fn styled_paragraph(&mut self, style: &str, text: &str) {
        let _ = write!(self.xml, "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
        run(&mut self.xml, text, false, false);
        self.xml.push_str("</w:p>");
    }

    /// The title page: title, subtitle lines, then a page break; or, without a cover, just the title lines.
    fn cover(&mut self) {
        let document = self.document;
        if !document.cover {
            self.styled_paragraph("Title", &document.title);
            for line in &document.subtitle {
                self.styled_paragraph("Subtitle", line);
            }
            return;
        }
        self.xml.push_str("<w:p><w:pPr><w:spacing w:before=\"3600\"/></w:pPr></w:p>");
        self.styled_paragraph("Title", &document.title);
        for line in &document.subtitle {
            self.styled_paragraph("Subtitle", line);
        }
        self.xml.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    }

    /// The table of contents: a TOC field over the heading levels listed, its shown result the headings
    /// themselves (linked, without page numbers) until the word processor updates it.
    fn contents(&mut self) {
        let document = self.document;
        self.styled_paragraph("TOCHeading", &document.contents_title);
        self.xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>");
        self.xml.push_str("<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>");
        let _ = write!(
            self.xml,
            "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-{CONTENTS_LEVELS}\" \\h \\z \\u </w:instrText></w:r>"
        );
        self.xml.push_str("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
        run(&mut self.xml, &document.contents_hint, false, true);
        self.xml.push_str("</w:p>");
        let entries: Vec<_> = self.headings.iter().filter(|(level, ..)| *level <= CONTENTS_LEVELS).cloned().collect();
        for (level, text, bookmark) in &entries {
            let _ = write!(
                self.xml,
                "<w:p><w:pPr><w:pStyle w:val=\"TOC{level}\"/></w:pPr><w:hyperlink w:anchor=\"{bookmark}\" w:history=\"1\">"
            );
            run(&mut self.xml, text, false, false);
            self.xml.push_str("</w:hyperlink></w:p>");
        }
        self.xml.push_str("<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
    }

    fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 3);
        let name = self.headings.get(self.bookmark).map(|h| h.2.clone()).unwrap_or_default();
        self.bookmark += 1;
        let _ = write!(
            self.xml,
            "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/></w:pPr><w:bookmarkStart w:id=\"{}\" w:name=\"{name}\"/>",
            self.bookmark
        );
        run(&mut self.xml, text, false, false);
        let _ = write!(self.xml, "<w:bookmarkEnd w:id=\"{}\"/></w:p>", self.bookmark);
    }

    fn paragraph(&mut self, paragraph: &Paragraph) {
        let style = match paragraph.style {
            ParagraphStyle::Body => "BodyText",
            ParagraphStyle::Note => "Note",
            ParagraphStyle::Notice => "Notice",
        };
        let _ = write!(self.xml, "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
        spans(&mut self.xml, &paragraph.spans);
        self.xml.push_str("</w:p>");
    }

    fn bullets(&mut self, items: &[Vec<Span>]) {
        for item in items {
            self.xml.push_str(
                "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
            );
            spans(&mut self.xml, item);
            self.xml.push_str("</w:p>");
        }
    }

    fn table(&mut self, table: &Table) {
        if table.columns.is_empty() {
            return;
        }
        if !table.caption.is_empty() {
            self.styled_paragraph("TableCaption", &table.caption);
        }
        let total_width = text_width(self.orientation);
        let weights: u32 = table.columns.iter().map(|c| c.width).sum();
        let widths: Vec<u32> = table.columns.iter().map(|c| total_width * c.width / weights.max(1)).collect();
        let cell_style = if table.compact { "TableCompact" } else { "TableText" };
        let xml = &mut self.xml;
        let _ = write!(
            xml,
            "<w:tbl><w:tblPr><w:tblW w:w=\"{total_width}\" w:type=\"dxa\"/>\
<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EA0B8\"/>\
<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EA0B8\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EA0B8\"/>\
<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EA0B8\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C8D1DC\"/>\
<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"C8D1DC\"/></w:tblBorders>\
<w:tblLayout w:type=\"fixed\"/>\
<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"70\" w:type=\"dxa\"/>\
<w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"70\" w:type=\"dxa\"/></w:tblCellMar>\
<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for w in &widths {
            let _ = write!(xml, "<w:gridCol w:w=\"{w}\"/>");
        }
        xml.push_str("</w:tblGrid>");
        // The header row: repeated at the top of every page the table runs onto.
        xml.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        let header = CellLook { style: "TableHeader", keep_next: true, bold: false };
        for (column, w) in table.columns.iter().zip(&widths) {
            cell(xml, *w, 1, Some("1F3864"), header, column.align, &column.header);
        }
        xml.push_str("</w:tr>");
        // A short table stays on one page (each row kept with the next); a long one at least keeps its total
        // row with the row above it.
        let whole = table.rows.len() <= KEEP_TOGETHER_ROWS;
        for (r, row) in table.rows.iter().enumerate() {
            let next_is_total = table.rows.get(r + 1).is_some_and(|n| n.kind == RowKind::Total);
            let keep = (whole && r + 1 < table.rows.len()) || next_is_total || row.kind == RowKind::Group;
            let look = CellLook { style: cell_style, keep_next: keep, bold: row.kind != RowKind::Body };
            xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            match row.kind {
                RowKind::Group => {
                    let text = row.cells.first().map_or("", String::as_str);
                    cell(xml, total_width, table.columns.len(), Some("DCE4F0"), look, Align::Left, text);
                }
                RowKind::Body | RowKind::Total => {
                    let fill = (row.kind == RowKind::Total).then_some("EEF1F5");
                    for (i, (column, w)) in table.columns.iter().zip(&widths).enumerate() {
                        let text = row.cells.get(i).map_or("", String::as_str);
                        // An amount ("Rp 10.075.000.000") or a code stays on one line: no break at its space.
                        if column.align == Align::Right || column.nowrap {
                            cell(xml, *w, 1, fill, look, column.align, &text.replace(' ', "\u{a0}"));
                        } else {
                            cell(xml, *w, 1, fill, look, column.align, text);
                        }
                    }
                }
            }
            xml.push_str("</w:tr>");
        }
        xml.push_str("</w:tbl>");
        // A little room after the table (Word glues the next paragraph to it otherwise).
        xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>");
    }

    fn image(&mut self, image: &Image) -> Result<(), String> {
        let ImageData::Png(png) = &image.data else {
            return Err(format!("DOCX pictures must be PNG: {}", image.name));
        };
        self.picture += 1;
        let id = self.picture;
        let rid = FIRST_IMAGE_RID + self.images.len();
        let stem: String =
            image.name.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(40).collect::<String>();
        let file = format!("image{id}-{stem}.png");
        self.images.push((file.clone(), png.clone()));
        // Shown at the text width (at most 16 cm high), keeping the aspect ratio.
        let cx = u64::from(text_width(self.orientation)) * EMU_PER_TWIP;
        let mut cy = cx * u64::from(image.height.max(1)) / u64::from(image.width.max(1));
        let max_cy = 16 * 360_000;
        let cx = if cy > max_cy {
            let scaled = cx * max_cy / cy;
            cy = max_cy;
            scaled
        } else {
            cx
        };
        let alt = escaped(&image.alt);
        let _ = write!(
            self.xml,
            "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>\
<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{id}\" name=\"{file}\" descr=\"{alt}\"/>\
<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{file}\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"rId{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
</wp:inline></w:drawing></w:r></w:p>"
        );
        if !image.caption.is_empty() {
            self.styled_paragraph("Caption", &image.caption);
        }
        Ok(())
    }
}

/// How the text of a table cell looks.
#[derive(Clone, Copy)]
struct CellLook<'s> {
    style: &'s str,
    /// Keep the row on the same page as the next one.
    keep_next: bool,
    bold: bool,
}

/// One table cell of `width` twips spanning `span` columns.
fn cell(xml: &mut String, width: u32, span: usize, fill: Option<&str>, look: CellLook<'_>, align: Align, text: &str) {
    let _ = write!(xml, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
    if span > 1 {
        let _ = write!(xml, "<w:gridSpan w:val=\"{span}\"/>");
    }
    if let Some(fill) = fill {
        let _ = write!(xml, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>");
    }
    let jc = match align {
        Align::Left => "left",
        Align::Right => "right",
        Align::Center => "center",
    };
    let keep = if look.keep_next { "<w:keepNext/>" } else { "" };
    let _ =
        write!(xml, "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{}\"/>{keep}<w:jc w:val=\"{jc}\"/></w:pPr>", look.style);
    run(xml, text, look.bold, false);
    xml.push_str("</w:p></w:tc>");
}

/// The styles (`assets/docx/styles.xml`, one style a line): Normal and body text, the title page, Heading 1-3
/// (with outline levels, so the TOC field and navigation find them), the contents entries, captions, notes,
/// tables, lists and the footer. `{lang}` is the proofing language, `{right}` the contents' right tab.
fn styles(lang: Lang) -> String {
    let xml: String = STYLES_XML.lines().collect();
    let right = text_width(Orientation::Portrait).to_string();
    format!("{XML_HEAD}{}", xml.replace("{lang}", language_tag(lang)).replace("{right}", &right))
}

#[cfg(test)]
#[path = "docx_tests.rs"]
mod tests;
