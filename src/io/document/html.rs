//! A [`Document`] as one self-contained HTML page: styles embedded, charts inline (SVG, or PNG as a data URI),
//! nothing fetched from anywhere, so the file can be mailed, opened offline and printed to PDF. Print rules:
//! A4 pages (landscape sections for wide tables), page numbers at the bottom, a table's header row repeated on
//! every printed page (`thead`), short tables, rows and pictures not cut across pages.
//!
//! Written as XHTML-compatible HTML5 (every element closed, attributes quoted, only the five XML entities), so
//! XML tools read it as well as browsers do. Deterministic: the same document gives the same bytes.

use std::fmt::Write as _;

use super::{
    Align, Block, CONTENTS_LEVELS, Document, Image, ImageData, Orientation, Paragraph, ParagraphStyle, RowKind, Span,
    Table, escape, escaped, write_lines,
};

/// Tables of at most this many rows are kept on one printed page.
const KEEP_TOGETHER_ROWS: usize = 20;

/// The page's styles: readable on screen, A4 on paper.
const CSS: &str = r#"
:root { --ink: #212529; --muted: #5a6270; --accent: #1f3864; --line: #c8d1dc; --band: #dce4f0; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.4;
  color: var(--ink); max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
header.cover { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
header.cover h1 { font-size: 28pt; color: var(--accent); margin: 0 0 1rem; }
header.cover p { font-size: 14pt; color: #44546a; margin: 0.2rem 0; }
h2, h3, h4 { color: var(--accent); break-after: avoid; page-break-after: avoid; }
h2 { font-size: 17pt; margin: 2rem 0 0.6rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; }
h3 { font-size: 13.5pt; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 11.5pt; margin: 1.2rem 0 0.4rem; color: #2f3b4c; }
p { margin: 0 0 0.6rem; text-align: justify; }
p.note { font-size: 9pt; color: var(--muted); text-align: left; }
p.notice { border: 1px solid #c99a2e; background: #fff4d6; padding: 0.5rem 0.7rem; text-align: left; }
nav.contents h2 { border: none; }
nav.contents ol { list-style: none; padding-left: 0; }
nav.contents ol ol { padding-left: 1.4rem; font-weight: normal; }
nav.contents > ol > li { font-weight: bold; margin-top: 0.3rem; }
nav.contents a { color: var(--ink); text-decoration: none; }
nav.contents a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; margin: 0.3rem 0 1rem; table-layout: fixed; font-size: 9pt; }
table.compact { font-size: 7.5pt; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
caption { caption-side: top; text-align: left; font-weight: bold; color: #44546a; padding: 0.2rem 0; }
th, td { border: 1px solid var(--line); padding: 0.15rem 0.3rem; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: var(--accent); color: #fff; text-align: left; }
th.num { text-align: right; }
td.num, td.code { white-space: nowrap; overflow-wrap: normal; }
td.num { text-align: right; }
th.mid, td.mid { text-align: center; }
tr.group th { background: var(--band); text-align: left; }
tr.total td { background: #eef1f5; font-weight: bold; }
figure { margin: 0.8rem 0 1.2rem; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg, figure img { width: 100%; height: auto; max-height: 16cm; }
figcaption { font-size: 9pt; font-style: italic; color: #44546a; margin-top: 0.2rem; }
ul { margin: 0 0 0.8rem; }
div.page-break { break-after: page; page-break-after: always; }
@page { size: A4; margin: 2.2cm 2cm 2cm; }
@page wide { size: A4 landscape; }
section.landscape { page: wide; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  header.cover { min-height: 0; height: 24cm; break-after: page; page-break-after: always; }
  nav.contents { break-after: page; page-break-after: always; }
  /* The contents already end their page: the document's own break after them would leave a blank one. */
  nav.contents + div.page-break { display: none; }
  thead { display: table-header-group; }
  tr, img, svg { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  section.landscape { break-before: page; }
}
"#;

/// The document as the bytes of an `.html` file.
pub fn write(document: &Document) -> Result<Vec<u8>, String> {
    let mut out = String::with_capacity(64 * 1024);
    let lang = document.lang.code();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n\
<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
<meta name=\"generator\" content=\"Smart City Masterplan Workbench\"/>\n<meta name=\"author\" content=\"{}\"/>\n\
<title>{}</title>\n<style>{CSS}@page {{ @bottom-left {{ content: \"{}\"; font-size: 8pt; color: #5a6270; }} \
@bottom-right {{ content: \"{} \" counter(page); font-size: 8pt; color: #5a6270; }} }}\n</style>\n</head>\n<body>\n",
        escaped(&document.author),
        escaped(&document.title),
        css_string(&document.footer),
        css_string(&document.page_word),
    );
    out.push_str(if document.cover { "<header class=\"cover\">\n<h1>" } else { "<header>\n<h1>" });
    escape(&document.title, &mut out);
    out.push_str("</h1>\n");
    for line in &document.subtitle {
        out.push_str("<p>");
        escape(line, &mut out);
        out.push_str("</p>\n");
    }
    out.push_str("</header>\n<main>\n");
    let anchors = anchors(&document.blocks);
    let mut heading = 0;
    let mut landscape = false;
    for block in &document.blocks {
        match block {
            Block::Contents => contents(&mut out, document, &anchors),
            Block::Heading { level, text } => {
                let tag = heading_tag(*level);
                let class = if *level == 1 { " class=\"chapter\"" } else { "" };
                let id = anchors.get(heading).map_or("", |a| a.2.as_str());
                heading += 1;
                let _ = write!(out, "<{tag} id=\"{id}\"{class}>");
                escape(text, &mut out);
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Paragraph(p) => paragraph(&mut out, p),
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str("<li>");
                    spans(&mut out, item);
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Block::Table(t) => table(&mut out, t),
            Block::Image(image) => figure(&mut out, image)?,
            Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
            Block::Orientation(next) => {
                if landscape {
                    out.push_str("</section>\n");
                }
                landscape = *next == Orientation::Landscape;
                if landscape {
                    out.push_str("<section class=\"landscape\">\n");
                }
            }
        }
    }
    if landscape {
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    Ok(out.into_bytes())
}

/// Text inside a CSS string literal.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3C "),
            '&' => out.push_str("\\26 "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Heading level 1 is `h2`: the book's title on the cover is the page's one `h1`.
fn heading_tag(level: u8) -> &'static str {
    match level {
        0 | 1 => "h2",
        2 => "h3",
        _ => "h4",
    }
}

/// Every heading's (level, text, anchor id), in reading order.
fn anchors(blocks: &[Block]) -> Vec<(u8, String, String)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.clone())),
            _ => None,
        })
        .enumerate()
        .map(|(i, (level, text))| (level, text, format!("s{}", i + 1)))
        .collect()
}

/// The table of contents: chapters with their sections nested, each a link to its heading.
fn contents(out: &mut String, document: &Document, anchors: &[(u8, String, String)]) {
    out.push_str("<nav class=\"contents\">\n<h2>");
    escape(&document.contents_title, out);
    out.push_str("</h2>\n<ol>\n");
    let mut open_sub = false;
    let mut open_item = false;
    for (level, text, id) in anchors.iter().filter(|a| a.0 <= CONTENTS_LEVELS) {
        if *level <= 1 {
            if open_sub {
                out.push_str("</ol>");
                open_sub = false;
            }
            if open_item {
                out.push_str("</li>\n");
            }
            out.push_str("<li>");
            open_item = true;
        } else {
            if !open_item {
                out.push_str("<li>");
                open_item = true;
            }
            if !open_sub {
                out.push_str("\n<ol>\n");
                open_sub = true;
            }
            out.push_str("<li>");
        }
        let _ = write!(out, "<a href=\"#{id}\">");
        escape(text, out);
        out.push_str("</a>");
        if *level > 1 {
            out.push_str("</li>\n");
        }
    }
    if open_sub {
        out.push_str("</ol>");
    }
    if open_item {
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</nav>\n");
}

fn spans(out: &mut String, spans: &[Span]) {
    for span in spans {
        let (open, close) = match (span.bold, span.italic) {
            (true, true) => ("<strong><em>", "</em></strong>"),
            (true, false) => ("<strong>", "</strong>"),
            (false, true) => ("<em>", "</em>"),
            (false, false) => ("", ""),
        };
        out.push_str(open);
        write_lines(out, &span.text, "<br/>", |out, line| escape(line, out));
        out.push_str(close);
    }
}

fn paragraph(out: &mut String, paragraph: &Paragraph) {
    match paragraph.style {
        ParagraphStyle::Body => out.push_str("<p>"),
        ParagraphStyle::Note => out.push_str("<p class=\"note\">"),
        ParagraphStyle::Notice => out.push_str("<p class=\"notice\" role=\"note\">"),
    }
    spans(out, &paragraph.spans);
    out.push_str("</p>\n");
}

fn align_class(align: Align) -> &'static str {
    match align {
        Align::Left => "",
        Align::Right => " class=\"num\"",
        Align::Center => " class=\"mid\"",
    }
}

fn table(out: &mut String, table: &Table) {
    if table.columns.is_empty() {
        return;
    }
    // Short tables stay on one printed page, as in the DOCX.
    let class = match (table.compact, table.rows.len() <= KEEP_TOGETHER_ROWS) {
        (true, true) => " class=\"compact keep\"",
        (true, false) => " class=\"compact\"",
        (false, true) => " class=\"keep\"",
        (false, false) => "",
    };
    let _ = writeln!(out, "<table{class}>");
    if !table.caption.is_empty() {
        out.push_str("<caption>");
        escape(&table.caption, out);
        out.push_str("</caption>\n");
    }
    let weights: u32 = table.columns.iter().map(|c| c.width).sum::<u32>().max(1);
    out.push_str("<colgroup>");
    for column in &table.columns {
        let percent = f64::from(column.width) * 100.0 / f64::from(weights);
        let _ = write!(out, "<col style=\"width:{percent:.2}%\"/>");
    }
    out.push_str("</colgroup>\n<thead>\n<tr>");
    for column in &table.columns {
        let _ = write!(out, "<th scope=\"col\"{}>", align_class(column.align));
        escape(&column.header, out);
        out.push_str("</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &table.rows {
        match row.kind {
            RowKind::Group => {
                let _ = write!(out, "<tr class=\"group\"><th colspan=\"{}\" scope=\"rowgroup\">", table.columns.len());
                escape(row.cells.first().map_or("", String::as_str), out);
                out.push_str("</th></tr>\n");
            }
            RowKind::Body | RowKind::Total => {
                out.push_str(if row.kind == RowKind::Total { "<tr class=\"total\">" } else { "<tr>" });
                for (i, column) in table.columns.iter().enumerate() {
                    let class = if column.nowrap { " class=\"code\"" } else { align_class(column.align) };
                    let _ = write!(out, "<td{class}>");
                    escape(row.cells.get(i).map_or("", String::as_str), out);
                    out.push_str("</td>");
                }
                out.push_str("</tr>\n");
            }
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

fn figure(out: &mut String, image: &Image) -> Result<(), String> {
    out.push_str("<figure>\n");
    match &image.data {
        ImageData::Svg(svg) => out.push_str(&inline_svg(svg, &image.alt)?),
        ImageData::Png(png) => {
            let _ = write!(
                out,
                "<img src=\"data:image/png;base64,{}\" width=\"{}\" height=\"{}\" alt=\"{}\"/>",
                base64(png),
                image.width,
                image.height,
                escaped(&image.alt)
            );
        }
    }
    if !image.caption.is_empty() {
        out.push_str("\n<figcaption>");
        escape(&image.caption, out);
        out.push_str("</figcaption>");
    }
    out.push_str("\n</figure>\n");
    Ok(())
}

/// An SVG document ready to sit inside the page: any XML declaration dropped, and labelled as one picture
/// for screen readers.
fn inline_svg(svg: &str, alt: &str) -> Result<String, String> {
    let start = svg.find("<svg").ok_or_else(|| "a chart's SVG has no <svg> element".to_string())?;
    let body = svg[start..].trim_end();
    let rest = &body[4..];
    Ok(format!("<svg role=\"img\" aria-label=\"{}\"{rest}", escaped(alt)))
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::document::{Column, Row};

    #[test]
    fn base64_matches_the_standard_examples() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn inline_svg_drops_the_declaration_and_gets_a_label() {
        let svg = "<?xml version=\"1.0\"?>\n<svg width=\"10\" height=\"10\"><rect/></svg>\n";
        assert_eq!(
            inline_svg(svg, "A & B").unwrap(),
            "<svg role=\"img\" aria-label=\"A &amp; B\" width=\"10\" height=\"10\"><rect/></svg>"
        );
        assert!(inline_svg("<p/>", "x").is_err());
    }

    #[test]
    fn contents_nest_sections_under_chapters_and_landscape_sections_close() {
        let heading = |level, text: &str| Block::Heading { level, text: text.into() };
        let document = Document {
            title: "Buku".into(),
            contents_title: "Daftar Isi".into(),
            blocks: vec![
                Block::Contents,
                heading(1, "Profil"),
                heading(2, "Visi"),
                heading(3, "Tidak di daftar isi"),
                Block::Orientation(Orientation::Landscape),
                heading(1, "Matriks"),
            ],
            ..Document::default()
        };
        let html = String::from_utf8(write(&document).unwrap()).unwrap();
        assert!(html.contains(
            "<ol>\n<li><a href=\"#s1\">Profil</a>\n<ol>\n<li><a href=\"#s2\">Visi</a></li>\n</ol></li>\n\
             <li><a href=\"#s4\">Matriks</a></li>\n</ol>"
        ));
        assert!(html.contains("<h4 id=\"s3\">Tidak di daftar isi</h4>"));
        assert!(
            html.contains("<section class=\"landscape\">\n<h2 id=\"s4\" class=\"chapter\">Matriks</h2>\n</section>")
        );
    }

    #[test]
    fn numeric_headers_wrap_while_amounts_and_codes_stay_whole() {
        let table = Table {
            caption: String::new(),
            columns: vec![Column::code("Kode", 1), Column::new("Realisasi / rencana", Align::Right, 1)],
            rows: vec![Row::body(vec!["GOV-PS-01".into(), "Rp 1.000".into()])],
            compact: false,
        };
        let html =
            String::from_utf8(write(&Document { blocks: vec![Block::Table(table)], ..Document::default() }).unwrap())
                .unwrap();
        assert!(html.contains("<td class=\"code\">GOV-PS-01</td><td class=\"num\">Rp 1.000</td>"), "{html}");
        assert!(html.contains("th.num { text-align: right; }"), "a numeric header may wrap");
        assert!(html.contains("td.num, td.code { white-space: nowrap; overflow-wrap: normal; }"));
    }

    #[test]
    fn css_strings_cannot_end_the_style() {
        assert_eq!(css_string("a\"b</style>"), "a\\\"b\\3C /style>");
    }
}
