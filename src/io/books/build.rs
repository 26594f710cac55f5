//! What every book is built with: the cover and footer, numbered tables and figures, charts drawn for the
//! output format, and the names of domain values in the book's language.

use std::collections::HashMap;

use super::texts::B;
use super::{Book, DocFormat};
use crate::charts::{self, Chart};
use crate::i18n::{Lang, Text, format_decimal, format_rupiah, rupiah_short};
use crate::io::document::{
    Align, Block, Column, Document, Image, ImageData, Orientation, Paragraph, ParagraphStyle, Row, Span, Table,
};
use crate::model::{ActionType, Dimension, Element, FundingSource, Id, Program, ProgramStatus, Workbook};

/// Charts in DOCX: PNG at this size (about 190 dpi at the 16 cm text width).
const PNG_SIZE: (u32, u32) = (1200, 750);
/// Charts in HTML: SVG at this size, scaled to the page width.
const SVG_SIZE: (u32, u32) = (960, 600);

pub struct Builder<'a> {
    pub workbook: &'a Workbook,
    pub lang: Lang,
    pub format: DocFormat,
    doc: Document,
    tables: usize,
    figures: usize,
    /// Element id to its position in the workbook's element order.
    element_order: HashMap<Id, usize>,
}

impl<'a> Builder<'a> {
    pub fn new(workbook: &'a Workbook, book: Book, format: DocFormat, lang: Lang, area: &str) -> Self {
        let title = match book {
            Book::Area => B::AreaTitle.fill(lang, &[area]),
            _ => book.title(lang).to_string(),
        };
        Builder::titled(workbook, title, format, lang)
    }

    /// A document of the book pipeline with its own title (the yearly evaluation report): the same cover,
    /// contents, footer and numbering as the books.
    pub fn titled(workbook: &'a Workbook, title: String, format: DocFormat, lang: Lang) -> Self {
        let profile = &workbook.profile;
        let mut subtitle =
            vec![B::MasterplanOf.fill(
                lang,
                &[&profile.region_name, &profile.period_start.to_string(), &profile.period_end.to_string()],
            )];
        if !profile.province.trim().is_empty() {
            subtitle.push(format!("{} {}", Text::Province.get(lang), profile.province.trim()));
        }
        if profile.is_example {
            subtitle.push(format!("{}: {}", Text::ExampleBadge.get(lang), Text::ExampleHint.get(lang)));
        }
        let doc = Document {
            footer: format!("{} \u{b7} {}", title, profile.region_name),
            cover: true,
            title,
            subtitle,
            author: profile.region_name.clone(),
            lang,
            page_word: B::Page.get(lang).to_string(),
            contents_title: B::Contents.get(lang).to_string(),
            contents_hint: B::ContentsHint.get(lang).to_string(),
            blocks: Vec::new(),
        };
        let element_order = workbook.elements.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        let mut builder = Builder { workbook, lang, format, doc, tables: 0, figures: 0, element_order };
        builder.push(Block::Contents);
        builder.push(Block::PageBreak);
        if profile.is_example {
            builder.notice(B::ExampleNotice.get(lang));
        }
        builder.note(B::GeneratedFrom.get(lang));
        builder
    }

    pub fn finish(self) -> Document {
        self.doc
    }

    pub fn t(&self, text: B) -> &'static str {
        text.get(self.lang)
    }

    pub fn app(&self, text: Text) -> &'static str {
        text.get(self.lang)
    }

    pub fn push(&mut self, block: Block) {
        self.doc.blocks.push(block);
    }

    pub fn chapter(&mut self, text: impl Into<String>) {
        self.push(Block::Heading { level: 1, text: text.into() });
    }

    pub fn section(&mut self, text: impl Into<String>) {
        self.push(Block::Heading { level: 2, text: text.into() });
    }

    pub fn subsection(&mut self, text: impl Into<String>) {
        self.push(Block::Heading { level: 3, text: text.into() });
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.push(Block::Paragraph(Paragraph::text(text)));
    }

    pub fn spans(&mut self, spans: Vec<Span>) {
        self.push(Block::Paragraph(Paragraph { style: ParagraphStyle::Body, spans }));
    }

    pub fn note(&mut self, text: impl Into<String>) {
        self.push(Block::Paragraph(Paragraph::styled(ParagraphStyle::Note, text)));
    }

    pub fn notice(&mut self, text: impl Into<String>) {
        self.push(Block::Paragraph(Paragraph::styled(ParagraphStyle::Notice, text)));
    }

    pub fn bullets(&mut self, items: impl IntoIterator<Item = String>) {
        self.push(Block::Bullets(items.into_iter().map(|t| vec![Span::plain(t)]).collect()));
    }

    pub fn orientation(&mut self, orientation: Orientation) {
        self.push(Block::Orientation(orientation));
    }

    /// A numbered table: "Tabel 3. caption".
    pub fn table(&mut self, caption: &str, columns: Vec<Column>, rows: Vec<Row>) {
        self.table_with(caption, columns, rows, false);
    }

    pub fn table_with(&mut self, caption: &str, columns: Vec<Column>, rows: Vec<Row>, compact: bool) {
        self.tables += 1;
        let caption = B::TableN.fill(self.lang, &[&self.tables.to_string(), caption]);
        self.push(Block::Table(Table { caption, columns, rows, compact }));
    }

    /// A numbered two-column table of fields and values.
    pub fn facts(&mut self, caption: &str, facts: Vec<(String, String)>) {
        let columns =
            vec![Column::new(self.t(B::Field), Align::Left, 2), Column::new(self.t(B::Value), Align::Left, 3)];
        let rows = facts.into_iter().map(|(k, v)| Row::body(vec![k, v])).collect();
        self.table(caption, columns, rows);
    }

    /// A numbered figure: the chart drawn as the format needs it, "Gambar 2. title" under it. A chart that
    /// cannot be drawn must not lose the whole book: its message stands in its place.
    pub fn chart(&mut self, name: &str, chart: &dyn Chart, title: &str) {
        let drawn = match self.format {
            DocFormat::Docx => {
                let (w, h) = PNG_SIZE;
                png(chart, w, h).map(|png| (w, h, ImageData::Png(png)))
            }
            DocFormat::Html => {
                let (w, h) = SVG_SIZE;
                charts::to_svg(chart, w, h).map(|svg| (w, h, ImageData::Svg(svg)))
            }
        };
        match drawn {
            Ok((width, height, data)) => {
                self.figures += 1;
                let caption = B::FigureN.fill(self.lang, &[&self.figures.to_string(), title]);
                let alt = title.to_string();
                self.push(Block::Image(Image { name: name.to_string(), alt, caption, width, height, data }));
            }
            Err(e) => self.notice(Text::ChartFailed.fill(self.lang, &[&e])),
        }
    }

    // Names and numbers in the book's language.

    pub fn dimension_name(&self, d: &'a Dimension) -> &'a str {
        match self.lang {
            Lang::Id => &d.name_id,
            Lang::En => &d.name_en,
        }
    }

    pub fn dimension_gloss(&self, d: &'a Dimension) -> &'a str {
        match self.lang {
            Lang::Id => &d.gloss_id,
            Lang::En => &d.gloss_en,
        }
    }

    pub fn element_name(&self, e: &'a Element) -> &'a str {
        match self.lang {
            Lang::Id => &e.name_id,
            Lang::En => &e.name_en,
        }
    }

    pub fn element_of(&self, program: &Program) -> String {
        self.workbook.element(program.element_id).map_or_else(String::new, |e| self.element_name(e).to_string())
    }

    pub fn agency_of(&self, program: &Program) -> String {
        program
            .agency_id
            .and_then(|id| self.workbook.agency(id))
            .map_or_else(|| self.app(Text::NoAgency).to_string(), |a| a.label().to_string())
    }

    /// The sources that fund the program, in the fixed source order: "APBD, DAK".
    pub fn sources_of(&self, program: &Program) -> String {
        let bits = program.source_bits();
        let names: Vec<&str> =
            FundingSource::ALL.iter().filter(|s| bits & s.bit() != 0).map(|s| self.app(s.text())).collect();
        if names.is_empty() { self.t(B::None).to_string() } else { names.join(", ") }
    }

    pub fn years_of(program: &Program) -> String {
        if program.start_year == program.end_year {
            program.start_year.to_string()
        } else {
            format!("{}–{}", program.start_year, program.end_year)
        }
    }

    pub fn action_type(&self, t: ActionType) -> &'static str {
        self.app(t.text())
    }

    pub fn status(&self, s: ProgramStatus) -> &'static str {
        self.app(s.text())
    }

    /// The programs in masterplan order: by element (dimension order, then element order), then as listed.
    pub fn programs_in_order<'p>(&self, programs: impl IntoIterator<Item = &'p Program>) -> Vec<&'p Program> {
        let mut list: Vec<(usize, usize, &Program)> = programs
            .into_iter()
            .enumerate()
            .map(|(i, p)| (self.element_order.get(&p.element_id).copied().unwrap_or(usize::MAX), i, p))
            .collect();
        let dimension_rank: HashMap<Id, usize> =
            self.workbook.dimensions.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
        let rank = |element: usize| {
            self.workbook
                .elements
                .get(element)
                .and_then(|e| dimension_rank.get(&e.dimension_id).copied())
                .unwrap_or(usize::MAX)
        };
        list.sort_by_key(|(element, i, _)| (rank(*element), *element, *i));
        list.into_iter().map(|(_, _, p)| p).collect()
    }

    /// The standard program list: code, name, element, agency, years, cost, sources; grouped by element.
    pub fn program_table(&mut self, caption: &str, programs: &[&Program]) {
        let columns = vec![
            Column::code(self.app(Text::ColCode), 12),
            Column::new(self.app(Text::ColName), Align::Left, 26),
            Column::new(self.app(Text::ColAgency), Align::Left, 12),
            Column::new(self.app(Text::ColYears), Align::Center, 11),
            Column::new(self.app(Text::ColCost), Align::Right, 19),
            Column::new(self.app(Text::ColSources), Align::Left, 13),
        ];
        let mut rows = Vec::with_capacity(programs.len() + 8);
        let mut current = None;
        for p in programs {
            if current != Some(p.element_id) {
                current = Some(p.element_id);
                let dimension = self.workbook.dimension_of(p.element_id).map_or("", |d| self.dimension_name(d));
                rows.push(Row::group(format!("{dimension} \u{b7} {}", self.element_of(p))));
            }
            rows.push(Row::body(vec![
                p.code.clone(),
                p.name.clone(),
                self.agency_of(p),
                Self::years_of(p),
                format_rupiah(p.total_cost()),
                self.sources_of(p),
            ]));
        }
        let total = programs.iter().fold(0i64, |sum, p| sum.saturating_add(p.total_cost()));
        rows.push(Row::total(vec![
            String::new(),
            self.app(Text::Total).to_string(),
            String::new(),
            String::new(),
            format_rupiah(total),
            String::new(),
        ]));
        self.table(caption, columns, rows);
    }

    /// One program in full: its fields, budget per year and source, and yearly targets.
    pub fn program_details(&mut self, program: &Program) {
        let title = if program.code.trim().is_empty() {
            program.name.clone()
        } else {
            format!("{} {}", program.code, program.name)
        };
        self.subsection(title);
        if !program.description.trim().is_empty() {
            self.paragraph(program.description.trim());
        }
        let mut facts = vec![
            (self.app(Text::ColElement).to_string(), self.element_of(program)),
            (self.app(Text::ColAgency).to_string(), self.agency_of(program)),
            (self.app(Text::ActionType).to_string(), self.action_type(program.action_type).to_string()),
            (self.app(Text::ColYears).to_string(), Self::years_of(program)),
            (self.app(Text::ColStatus).to_string(), self.status(program.status).to_string()),
            (self.app(Text::ColCost).to_string(), format_rupiah(program.total_cost())),
            (self.app(Text::ColSources).to_string(), self.sources_of(program)),
        ];
        for (text, value) in [
            (Text::Location, &program.location),
            (Text::Outputs, &program.outputs),
            (Text::Indicator, &program.indicator),
            (Text::Baseline, &program.indicator_baseline),
        ] {
            if !value.trim().is_empty() {
                facts.push((self.app(text).to_string(), value.trim().to_string()));
            }
        }
        if !program.targets.is_empty() {
            let targets: Vec<String> = program.targets.iter().map(|t| format!("{}: {}", t.year, t.target)).collect();
            facts.push((self.t(B::YearlyTargets).to_string(), targets.join("\n")));
        }
        let years: Vec<i32> = {
            let mut y: Vec<i32> = program.budget.iter().map(|l| l.year).collect();
            y.dedup();
            y
        };
        if !years.is_empty() {
            let lines: Vec<String> =
                years.iter().map(|y| format!("{y}: {}", rupiah_short(program.cost_in_year(*y), self.lang))).collect();
            facts.push((self.t(B::BudgetByYear).to_string(), lines.join("\n")));
        }
        self.facts(&format!("{} \u{b7} {}", self.t(B::ProgramDetails), program.name), facts);
    }
}

/// A percentage with one decimal comma: `12,5%`.
pub fn percent(value: f64) -> String {
    format!("{}%", format_decimal(value, 1))
}

/// An amount, "≈ " in front when it is an estimate.
pub fn amount(value: Option<i64>, estimate: bool) -> String {
    match value {
        None => "–".to_string(),
        Some(v) if estimate => format!("\u{2248} {}", format_rupiah(v)),
        Some(v) => format_rupiah(v),
    }
}

/// An amount short (`Rp 1,21 T`), "≈ " in front when it is an estimate: for tables with many amount columns.
pub fn short_amount(value: Option<i64>, estimate: bool, lang: Lang) -> String {
    match value {
        None => "–".to_string(),
        Some(v) if estimate => format!("\u{2248} {}", rupiah_short(v, lang)),
        Some(v) => rupiah_short(v, lang),
    }
}

/// A short amount without the "Rp" (the column says rupiah): `1,25 M` (`1,25 bn` in English); empty for nothing.
pub fn short(value: i64, lang: Lang) -> String {
    if value == 0 {
        return String::new();
    }
    let text = rupiah_short(value, lang);
    text.strip_prefix("Rp ").map(str::to_string).unwrap_or(text)
}

/// The chart as PNG bytes (RGB, no alpha): what DOCX embeds.
fn png(chart: &dyn Chart, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let rgba = charts::to_rgba(chart, width, height)?;
    let rgb: Vec<u8> = rgba.chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| format!("PNG: {e}"))?;
        writer.write_image_data(&rgb).map_err(|e| format!("PNG: {e}"))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_the_indonesian_way() {
        assert_eq!(percent(12.345), "12,3%");
        assert_eq!(amount(Some(1_250_000), false), "Rp 1.250.000");
        assert_eq!(amount(Some(1_250_000), true), "\u{2248} Rp 1.250.000");
        assert_eq!(amount(None, true), "–");
        assert_eq!(short(1_250_000_000, Lang::Id), "1,25 M");
        assert_eq!(short(1_250_000_000, Lang::En), "1,25 bn");
        assert_eq!(short(0, Lang::En), "");
    }
}
