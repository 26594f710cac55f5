//! The Word file's XML: sections, tables and their layout.

use std::io::Read;

use super::*;
use crate::io::document::{Column, Row};

fn document_xml(document: &Document) -> String {
    let bytes = write(document).expect("the document is written");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("the main part").read_to_string(&mut xml).expect("UTF-8");
    xml
}

#[test]
fn a_landscape_section_closes_the_portrait_one_before_it() {
    let document = Document {
        blocks: vec![
            Block::Heading { level: 1, text: "Bab".into() },
            Block::Orientation(Orientation::Landscape),
            Block::Heading { level: 1, text: "Matriks".into() },
        ],
        cover: true,
        ..Document::default()
    };
    let xml = document_xml(&document);
    let first = xml.find("<w:sectPr>").expect("a first section");
    let last = xml.rfind("<w:sectPr>").expect("a last section");
    assert!(first < last, "two sections");
    assert!(xml[..first].ends_with("<w:p><w:pPr>"), "the first section ends inside a paragraph");
    assert!(xml[first..last].contains("w:w=\"11906\" w:h=\"16838\"/>") && xml[first..last].contains("<w:titlePg/>"));
    assert!(xml[last..].contains("w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
    assert!(!xml[last..].contains("<w:titlePg/>"), "only the first section has a cover page");
    assert!(xml[last..].ends_with("</w:sectPr></w:body></w:document>"));
}

#[test]
fn table_rows_group_total_alignment_and_keeping_together() {
    let table = Table {
        caption: "Tabel 1. Biaya".into(),
        columns: vec![Column::new("Program", Align::Left, 3), Column::new("Biaya", Align::Right, 1)],
        rows: vec![
            Row::group("Pelayanan Publik"),
            Row::body(vec!["E-office <baru> & \"SSO\"".into(), "Rp 1.000".into()]),
            Row::total(vec!["Total".into(), "Rp 1.000".into()]),
        ],
        compact: false,
    };
    let xml = document_xml(&Document { blocks: vec![Block::Table(table)], ..Document::default() });
    assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
    assert_eq!(xml.matches("<w:gridSpan w:val=\"2\"/>").count(), 1, "the group row spans both columns");
    assert!(xml.contains("E-office &lt;baru&gt; &amp; &quot;SSO&quot;"));
    // Header (2 cells), group (1) and body (2) keep with the next row; the total row ends the table.
    assert_eq!(xml.matches("<w:keepNext/>").count(), 5);
    assert_eq!(xml.matches("<w:jc w:val=\"right\"/>").count(), 3, "the amount column, header included");
    assert_eq!(xml.matches("<w:gridCol w:w=").count(), 2);
    assert!(xml.contains("<w:gridCol w:w=\"6802\"/><w:gridCol w:w=\"2267\"/>"), "3:1 of 16 cm");
}

#[test]
fn amounts_and_codes_keep_their_spaces_unbroken() {
    let table = Table {
        caption: String::new(),
        columns: vec![
            Column::code("Kode", 1),
            Column::new("Nama", Align::Left, 3),
            Column::new("Biaya", Align::Right, 1),
        ],
        rows: vec![Row::body(vec!["GOV PS 01".into(), "Mal Pelayanan Publik".into(), "Rp 10.075.000.000".into()])],
        compact: false,
    };
    let xml = document_xml(&Document { blocks: vec![Block::Table(table)], ..Document::default() });
    assert!(xml.contains("Rp\u{a0}10.075.000.000"), "the amount does not break after Rp");
    assert!(xml.contains("GOV\u{a0}PS\u{a0}01"), "the code does not break");
    assert!(xml.contains("Mal Pelayanan Publik"), "other text wraps as usual");
}
