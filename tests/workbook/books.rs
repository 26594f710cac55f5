//! The five masterplan books as files other people open: the DOCX unzipped and its XML read back (heading
//! styles, the table of contents field, tables with repeated header rows, pictures with their relationships,
//! the page number in the footer, the properties), the HTML parsed as XML (headings, contents links, tables
//! with `thead`, inline charts), both languages, the same bytes every time, Book IV and V chosen as the
//! workbook says, and a 10,000-program workbook.

use std::collections::{BTreeMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::reader::Reader;
use smartcity_workbench::generate::large_workbook;
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::io::books::{Book, BookOptions, DocFormat, file_name, render};
use smartcity_workbench::model::Workbook;
use smartcity_workbench::seed;

fn options(lang: Lang) -> BookOptions {
    BookOptions { lang, area: "Wakatobi".to_string() }
}

fn docx(workbook: &Workbook, book: Book, lang: Lang) -> BTreeMap<String, Vec<u8>> {
    let bytes = render(workbook, book, DocFormat::Docx, &options(lang)).expect("the DOCX renders");
    unzip(&bytes)
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a DOCX is a zip");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("a zip entry");
        let mut content = Vec::new();
        file.read_to_end(&mut content).expect("the entry reads");
        parts.insert(file.name().expect("a UTF-8 entry name").to_string(), content);
    }
    parts
}

fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts.get(name).unwrap_or_else(|| panic!("the DOCX has {name}")).clone()).expect("UTF-8 XML")
}

/// Every element of an XML document as (name, attributes), in order; panics when it is not well-formed.
fn elements(xml: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut depth = 0i64;
    loop {
        let (start, open) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, true),
            Ok(Event::Empty(e)) => (e, false),
            Ok(Event::End(_)) => {
                depth -= 1;
                continue;
            }
            Ok(Event::Eof) => break,
            Ok(_) => continue,
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        };
        let qname = start.name();
        let name: &str = qname.as_ref();
        let name = name.to_string();
        let attributes = start
            .attributes()
            .map(|a| {
                let a = a.expect("a well-formed attribute");
                let value =
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0).expect("a well-formed attribute value");
                let key: &str = a.key.as_ref();
                (key.to_string(), value.to_string())
            })
            .collect();
        out.push((name, attributes));
        if open {
            depth += 1;
        }
    }
    assert_eq!(depth, 0, "every element is closed");
    out
}

fn count(elements: &[(String, BTreeMap<String, String>)], name: &str) -> usize {
    elements.iter().filter(|(n, _)| n == name).count()
}

fn with_attr<'a>(
    elements: &'a [(String, BTreeMap<String, String>)],
    name: &str,
    key: &str,
) -> impl Iterator<Item = &'a str> {
    let name = name.to_string();
    let key = key.to_string();
    elements.iter().filter(move |(n, _)| *n == name).filter_map(move |(_, a)| a.get(&key).map(String::as_str))
}

#[test]
fn docx_has_heading_styles_contents_field_header_rows_pictures_and_page_numbers() {
    let demo = seed::demo_workbook();
    let parts = docx(&demo, Book::Analysis, Lang::Id);
    for name in parts.keys().filter(|n| n.ends_with(".xml") || n.ends_with(".rels")) {
        elements(&text(&parts, name));
    }
    let document = elements(&text(&parts, "word/document.xml"));
    let styles_used: Vec<&str> = with_attr(&document, "w:pStyle", "w:val").collect();
    for level in ["Heading1", "Heading2"] {
        assert!(styles_used.contains(&level), "the book uses {level}");
    }
    let styles = elements(&text(&parts, "word/styles.xml"));
    let defined: Vec<&str> = with_attr(&styles, "w:style", "w:styleId").collect();
    for style in ["Heading1", "Heading2", "Heading3", "TOC1", "TOC2", "Title"] {
        assert!(defined.contains(&style), "styles.xml defines {style}");
    }
    assert_eq!(count(&styles, "w:outlineLvl"), 3, "the three heading styles carry outline levels");

    let xml = text(&parts, "word/document.xml");
    assert!(xml.contains("TOC \\o \"1-2\" \\h"), "a table of contents field over headings 1-2");
    assert!(text(&parts, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
    assert!(xml.contains(">Profil daerah<") && xml.contains(">Analisis keuangan daerah<"));

    let tables = count(&document, "w:tbl");
    assert!(tables >= 8, "profile, members, agencies, finance and readiness tables: {tables}");
    assert_eq!(count(&document, "w:tblHeader"), tables, "every table repeats its header row");

    // Pictures: every drawing points at an image relationship whose PNG is in the file.
    let rels = elements(&text(&parts, "word/_rels/document.xml.rels"));
    let targets: BTreeMap<&str, &str> = rels
        .iter()
        .filter(|(n, a)| n == "Relationship" && a["Type"].ends_with("/image"))
        .map(|(_, a)| (a["Id"].as_str(), a["Target"].as_str()))
        .collect();
    let embeds: Vec<&str> = with_attr(&document, "a:blip", "r:embed").collect();
    assert_eq!(count(&document, "w:drawing"), embeds.len());
    assert!(embeds.len() >= 6, "revenue, projection, cost, funding, radar, heatmap, gaps: {}", embeds.len());
    for embed in &embeds {
        let target = targets.get(embed).unwrap_or_else(|| panic!("{embed} has a relationship"));
        let png = &parts[&format!("word/{target}")];
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{target} is a PNG");
    }
    let content_types = text(&parts, "[Content_Types].xml");
    assert!(content_types.contains("Extension=\"png\" ContentType=\"image/png\""));

    let footer = text(&parts, "word/footer1.xml");
    assert!(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
    assert!(footer.contains("Halaman"));
    let core = text(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:title>Buku I Analisis</dc:title>"));
    assert!(core.contains("<dc:creator>Kabupaten Konawe Selatan</dc:creator>"));
    assert!(!core.contains("dcterms:created"), "no date, so the same workbook gives the same file");
    let sections: Vec<&str> = with_attr(&document, "w:pgSz", "w:w").collect();
    assert_eq!(sections, ["11906"], "one A4 portrait section");
}

#[test]
fn the_program_matrix_is_landscape_with_a_column_per_year() {
    let demo = seed::demo_workbook();
    let parts = docx(&demo, Book::Masterplan, Lang::En);
    let document = elements(&text(&parts, "word/document.xml"));
    let orientations: Vec<Option<&str>> =
        document.iter().filter(|(n, _)| n == "w:pgSz").map(|(_, a)| a.get("w:orient").map(String::as_str)).collect();
    assert_eq!(orientations, [None, Some("landscape")], "portrait chapters, then the landscape matrix");
    let xml = text(&parts, "word/document.xml");
    assert!(xml.contains(">Program matrix<"));
    for year in 2022..=2031 {
        assert!(xml.contains(&format!(">{year}<")), "a {year} column");
    }
    // Every demo program is in the matrix (and in its element's list): its code appears at least twice.
    for p in &demo.programs {
        assert!(xml.matches(&format!(">{}<", p.code)).count() >= 2, "{} is listed and in the matrix", p.code);
    }
}

#[test]
fn html_is_well_formed_with_contents_links_tables_and_inline_charts() {
    let demo = seed::demo_workbook();
    for book in Book::ALL {
        let bytes = render(&demo, book, DocFormat::Html, &options(Lang::Id)).expect("the HTML renders");
        let html = String::from_utf8(bytes).expect("UTF-8");
        assert!(html.starts_with("<!DOCTYPE html>"));
        let elements = elements(&html);
        assert_eq!(count(&elements, "h1"), 1, "{book:?}: the title");
        assert!(count(&elements, "h2") >= 2, "{book:?}: chapters");
        let tables = count(&elements, "table");
        assert!(tables >= 1, "{book:?}: tables");
        assert_eq!(count(&elements, "thead"), tables, "{book:?}: every table has a header that repeats in print");
        let ids: HashSet<&str> = with_attr(&elements, "h2", "id").chain(with_attr(&elements, "h3", "id")).collect();
        let links: Vec<&str> = with_attr(&elements, "a", "href").collect();
        assert!(!links.is_empty(), "{book:?}: a table of contents");
        for link in links {
            assert!(ids.contains(link.trim_start_matches('#')), "{book:?}: {link} leads to a heading");
        }
        assert!(html.contains("@page") && html.contains("size: A4"), "{book:?}: print rules");
        assert!(!html.contains("src=\"http") && !html.contains("href=\"http"), "{book:?}: nothing fetched");
    }
    let analysis = render(&demo, Book::Analysis, DocFormat::Html, &options(Lang::En)).unwrap();
    let html = String::from_utf8(analysis).unwrap();
    let elements = elements(&html);
    assert!(count(&elements, "svg") >= 6, "charts inline as SVG");
    assert_eq!(count(&elements, "figure"), count(&elements, "figcaption"));
    assert!(with_attr(&elements, "html", "lang").any(|l| l == "en"));
    assert!(html.contains("<h1>Book I Analysis</h1>"));
}

#[test]
fn the_same_workbook_gives_the_same_bytes() {
    let demo = seed::demo_workbook();
    for book in Book::ALL {
        for format in [DocFormat::Docx, DocFormat::Html] {
            let first = render(&demo, book, format, &options(Lang::Id)).unwrap();
            let second = render(&demo, book, format, &options(Lang::Id)).unwrap();
            assert!(first == second, "{book:?} {format:?} differs between two renders");
        }
    }
}

#[test]
fn both_languages_whatever_the_interface_speaks() {
    let demo = seed::demo_workbook();
    let id = text(&docx(&demo, Book::Masterplan, Lang::Id), "word/document.xml");
    let en = text(&docx(&demo, Book::Masterplan, Lang::En), "word/document.xml");
    assert!(id.contains(">Kerangka masterplan<") && id.contains(">Matriks program<"));
    assert!(en.contains(">Masterplan framework<") && en.contains(">Program matrix<"));
    assert!(id.contains(">Pelayanan Publik<") && en.contains(">Public Service<"));
    assert!(!en.contains(">Kerangka masterplan<"));
    assert_eq!(file_name(Book::Masterplan, DocFormat::Docx, Lang::Id), "buku-2-masterplan.docx");
    assert_eq!(file_name(Book::Masterplan, DocFormat::Html, Lang::En), "book-2-masterplan.html");
}

#[test]
fn quick_wins_are_the_marked_programs_or_a_clearly_titled_provisional_list() {
    let mut demo = seed::demo_workbook();
    let html = |wb: &Workbook| {
        String::from_utf8(render(wb, Book::QuickWins, DocFormat::Html, &options(Lang::En)).unwrap()).unwrap()
    };
    let marked = html(&demo);
    assert!(marked.contains("Programs marked as quick wins"));
    for p in &demo.programs {
        assert_eq!(marked.contains(&format!(">{}<", p.code)), p.quick_win, "{} is listed when marked", p.code);
    }
    for p in &mut demo.programs {
        p.quick_win = false;
    }
    let provisional = html(&demo);
    assert!(provisional.contains("Provisional list: programs first budgeted in 2022"));
    for p in &demo.programs {
        let first_year = p.budget.iter().map(|l| l.year).min() == Some(2022);
        assert_eq!(provisional.contains(&format!(">{}<", p.code)), first_year, "{}", p.code);
    }
}

#[test]
fn the_area_book_lists_the_programs_naming_the_area_and_says_so() {
    let demo = seed::demo_workbook();
    let html = |area: &str| {
        let options = BookOptions { lang: Lang::Id, area: area.to_string() };
        String::from_utf8(render(&demo, Book::Area, DocFormat::Html, &options).unwrap()).unwrap()
    };
    let wakatobi = html("wakatobi");
    let expected: Vec<&str> = demo
        .programs
        .iter()
        .filter(|p| format!("{} {} {}", p.name, p.description, p.location).to_lowercase().contains("wakatobi"))
        .map(|p| p.code.as_str())
        .collect();
    assert!(expected.len() >= 3, "the demo has Wakatobi programs");
    for p in &demo.programs {
        assert_eq!(wakatobi.contains(&format!(">{}<", p.code)), expected.contains(&p.code.as_str()), "{}", p.code);
    }
    assert!(wakatobi.contains(&format!("{} dari {} program cocok", expected.len(), demo.programs.len())));
    assert!(wakatobi.contains("<h1>Buku V Masterplan Kawasan wakatobi</h1>"));
    let nowhere = html("Atlantis");
    assert!(nowhere.contains("Tidak ada program yang nama, deskripsi atau lokasinya memuat"));
}

#[test]
fn ten_thousand_programs_render_in_every_book() {
    let large = large_workbook(10_000, 1);
    for book in Book::ALL {
        let bytes = render(&large, book, DocFormat::Docx, &options(Lang::Id)).expect("the DOCX renders");
        let parts = unzip(&bytes);
        let xml = text(&parts, "word/document.xml");
        if book == Book::Masterplan {
            let listed = xml.matches(">GEN-").count();
            assert_eq!(listed, 20_000, "each program in its element's list and in the matrix");
        }
        let html = render(&large, book, DocFormat::Html, &options(Lang::Id)).expect("the HTML renders");
        assert!(html.len() > 10_000, "{book:?}");
    }
}

#[test]
fn strategy_directions_and_quick_win_ranking_come_from_the_workbook() {
    let demo = seed::demo_workbook();
    let html = |wb: &Workbook, book| {
        String::from_utf8(render(wb, book, DocFormat::Html, &options(Lang::Id)).unwrap()).unwrap()
    };
    let analysis = html(&demo, Book::Analysis);
    let s = &demo.strategy;
    assert!(!s.issues.is_empty() && !s.swot.is_empty(), "the demo has a strategy");
    assert!(analysis.contains(">Isu strategis<") && analysis.contains(">Analisis SWOT per dimensi<"));
    for issue in &s.issues {
        assert!(analysis.contains(&format!(">{}<", issue.code)), "issue {} is listed", issue.code);
    }
    for entry in &s.swot {
        assert!(analysis.contains(&smartcity_workbench::io::document::escaped(&entry.text)), "SWOT entry listed");
    }
    let masterplan = html(&demo, Book::Masterplan);
    let directions = s.directions.iter().filter(|d| !d.goal.trim().is_empty()).count();
    assert_eq!(masterplan.matches("<strong>Arah pengembangan: </strong>").count(), directions);
    for strategy in &s.strategies {
        assert!(masterplan.contains(&smartcity_workbench::io::document::escaped(&strategy.text)));
    }
    let quick_wins = html(&demo, Book::QuickWins);
    assert!(quick_wins.contains(">Kriteria dan bobot<") && quick_wins.contains(">Peringkat, skor dan suara<"));

    let mut empty = demo.clone();
    empty.strategy = Default::default();
    assert!(html(&empty, Book::Analysis).contains("Isu strategis, SWOT dan tujuan RPJMD belum diisi"));
    assert!(!html(&empty, Book::Masterplan).contains("Arah pengembangan"));
}

#[test]
fn workshop_minutes_render_as_docx_and_html() {
    use smartcity_workbench::io::books::{minutes_file_name, render_minutes};
    let demo = seed::demo_workbook();
    let workshop = demo.quick_wins.workshops.first().expect("the demo has a workshop");
    let bytes = render_minutes(&demo, workshop.id, DocFormat::Docx, Lang::Id).expect("the minutes render");
    let parts = unzip(&bytes);
    let xml = text(&parts, "word/document.xml");
    elements(&xml);
    assert!(xml.contains(&smartcity_workbench::io::document::escaped(&workshop.title)));
    assert!(xml.contains(">Daftar hadir<") && xml.contains(">Tanda tangan<"));
    assert!(!xml.contains("TOC \\o"), "minutes have no table of contents");
    let html = render_minutes(&demo, workshop.id, DocFormat::Html, Lang::En).unwrap();
    let html = String::from_utf8(html).unwrap();
    let parsed = elements(&html);
    assert!(count(&parsed, "table") >= 4, "facts, attendance, decisions, signatures");
    assert!(html.contains(">Attendance<"));
    let name = minutes_file_name(&demo, workshop.id, DocFormat::Docx, Lang::Id);
    assert!(name.starts_with("berita-acara-tahap-") && name.ends_with(".docx"), "{name}");
    assert!(render_minutes(&demo, smartcity_workbench::model::new_id(), DocFormat::Html, Lang::Id).is_err());
}
