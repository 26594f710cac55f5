//! The minutes (berita acara) of a workshop as a document: what was held where and when, who attended, what
//! was decided, the dot votes per group, and a signature block for those present. The content comes from
//! [`crate::analysis::quick_wins::minutes`]; this lays it out as DOCX or HTML like the books.

use super::DocFormat;
use super::texts::B;
use crate::analysis::quick_wins::minutes::{self, Minutes, stage_numeral};
use crate::i18n::{Lang, Text};
use crate::io::document::{self, Align, Block, Column, Document, Paragraph, Row, Table};
use crate::model::quick_wins::Workshop;
use crate::model::{Id, Workbook};

/// The file name of a workshop's minutes, e.g. "berita-acara-tahap-iii-2021-11-30.docx". Names are unique
/// among the workbook's workshops: when several share a stage and date, the first (in workbook order) keeps the
/// plain name and the later ones get "_2", "_3", ... by their place among those sharing it ("_" never occurs in
/// the stage or the date, so a suffixed name cannot meet another workshop's plain one). Deterministic.
pub fn minutes_file_name(workbook: &Workbook, workshop: Id, format: DocFormat, lang: Lang) -> String {
    let workshops = &workbook.quick_wins.workshops;
    let w = workshops.iter().find(|w| w.id == workshop);
    let name = minutes_stem(w, lang);
    let twin = w.map_or(0, |w| {
        workshops.iter().take_while(|x| x.id != w.id).filter(|x| minutes_stem(Some(x), lang) == name).count()
    });
    let name = if twin == 0 { name } else { format!("{name}_{}", twin + 1) };
    format!("{name}.{}", format.extension())
}

/// The file name of a workshop's minutes without extension or suffix: stage and date.
fn minutes_stem(w: Option<&Workshop>, lang: Lang) -> String {
    let stage = w.map_or("", |w| stage_numeral(w.stage)).to_lowercase();
    let date: String =
        w.map_or(String::new(), |w| w.date.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect());
    let mut name = format!("{}-{stage}", B::FileMinutes.get(lang));
    if !date.is_empty() {
        name = format!("{name}-{date}");
    }
    name
}

/// The minutes of `workshop` as the bytes of a DOCX or HTML file; an error when there is no such workshop.
pub fn render_minutes(workbook: &Workbook, workshop: Id, format: DocFormat, lang: Lang) -> Result<Vec<u8>, String> {
    let m = minutes::minutes(workbook, workshop, lang).ok_or_else(|| "there is no such workshop".to_string())?;
    let t = |text: Text| text.get(lang).to_string();
    let blocks = minutes_blocks(&m, lang);
    let title = format!("{}: {}", t(Text::QwMinutesTitle), m.title);
    let document = Document {
        footer: format!("{title} \u{b7} {}", m.region),
        title,
        subtitle: vec![format!("{} \u{b7} {} \u{b7} {}", m.stage, m.date, m.place)],
        cover: false,
        author: m.region.clone(),
        lang,
        page_word: B::Page.get(lang).to_string(),
        contents_title: B::Contents.get(lang).to_string(),
        contents_hint: B::ContentsHint.get(lang).to_string(),
        blocks,
    };
    match format {
        DocFormat::Docx => document::docx::write(&document),
        DocFormat::Html => document::html::write(&document),
    }
}

/// The blocks of the minutes: the facts, notes and attendance, then the decisions, votes and signatures.
fn minutes_blocks(m: &Minutes, lang: Lang) -> Vec<Block> {
    let t = |text: Text| text.get(lang).to_string();
    let table = |caption: String, columns: Vec<Column>, rows: Vec<Row>| {
        Block::Table(Table { caption, columns, rows, compact: false })
    };
    let mut blocks = Vec::new();
    let facts = vec![
        Row::body(vec![t(Text::QwRegion), m.region.clone()]),
        Row::body(vec![t(Text::QwDate), m.date.clone()]),
        Row::body(vec![t(Text::QwPlace), m.place.clone()]),
        Row::body(vec![t(Text::QwStageLabel), m.stage.clone()]),
    ];
    let two = |a: &str, b: &str| vec![Column::new(a, Align::Left, 2), Column::new(b, Align::Left, 5)];
    blocks.push(table(String::new(), two(B::Field.get(lang), B::Value.get(lang)), facts));
    if !m.notes.trim().is_empty() {
        blocks.push(Block::Paragraph(Paragraph::text(m.notes.trim())));
    }
    blocks.push(Block::Heading { level: 1, text: t(Text::QwAttendance) });
    let attendees = m
        .attendees
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let presence = if a.present { t(Text::QwPresent) } else { t(Text::QwAbsent) };
            Row::body(vec![(i + 1).to_string(), a.name.clone(), a.role.clone(), presence])
        })
        .collect();
    let columns = vec![
        Column::new(B::No.get(lang), Align::Right, 1),
        Column::new(t(Text::QwAttendeeName), Align::Left, 5),
        Column::new(t(Text::QwAttendeeRole), Align::Left, 5),
        Column::new(t(Text::QwPresence), Align::Left, 2),
    ];
    blocks.push(table(String::new(), columns, attendees));
    blocks.extend(decision_blocks(m, lang));
    blocks
}

/// The decisions, the dot votes per group (when any were cast) and the signature block of those present.
fn decision_blocks(m: &Minutes, lang: Lang) -> Vec<Block> {
    let t = |text: Text| text.get(lang).to_string();
    let table = |caption: String, columns: Vec<Column>, rows: Vec<Row>| {
        Block::Table(Table { caption, columns, rows, compact: false })
    };
    let mut blocks = Vec::new();
    blocks.push(Block::Heading { level: 1, text: t(Text::QwDecisions) });
    let decisions =
        m.decisions.iter().map(|d| Row::body(vec![d.kind.clone(), d.program.clone(), d.text.clone()])).collect();
    let columns = vec![
        Column::new(t(Text::QwDecisionKind), Align::Left, 3),
        Column::new(t(Text::QwProgram), Align::Left, 4),
        Column::new(t(Text::QwDecisionText), Align::Left, 6),
    ];
    blocks.push(table(String::new(), columns, decisions));
    if !m.votes.is_empty() {
        blocks.push(Block::Heading { level: 1, text: t(Text::QwVotes) });
        let mut columns = vec![Column::new(t(Text::QwProgram), Align::Left, 8)];
        columns.extend(m.groups.iter().map(|g| Column::new(g.clone(), Align::Right, 2)));
        columns.push(Column::new(t(Text::QwTotal), Align::Right, 2));
        let rows = m
            .votes
            .iter()
            .map(|v| {
                let mut cells = vec![v.program.clone()];
                cells.extend(v.per_group.iter().map(u32::to_string));
                cells.push(v.total.to_string());
                Row::body(cells)
            })
            .collect();
        blocks.push(table(String::new(), columns, rows));
    }
    blocks.push(Block::Heading { level: 1, text: t(Text::QwSignatures) });
    let signatures = m
        .attendees
        .iter()
        .filter(|a| a.present)
        .map(|a| Row::body(vec![a.name.clone(), a.role.clone(), "\n\n".to_string()]))
        .collect();
    let columns = vec![
        Column::new(t(Text::QwAttendeeName), Align::Left, 4),
        Column::new(t(Text::QwAttendeeRole), Align::Left, 4),
        Column::new(t(Text::QwSignature), Align::Left, 4),
    ];
    blocks.push(table(String::new(), columns, signatures));
    blocks
}
