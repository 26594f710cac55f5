//! The XLSX workbook: one sheet per table of [`tables`], and a sheet of native Excel charts drawn from them.
//!
//! - Numbers are real numeric cells: rupiah with the format `"Rp "#,##0`, which Excel and LibreOffice show with
//!   the viewer's own grouping (`Rp 1.250.000` on an Indonesian system), years and levels as plain numbers,
//!   indices and weights with two decimals.
//! - Each sheet has its header row bold and frozen, a filter over header and data, and widths by content.
//! - Summed columns end in a totals row of `SUM` formulas whose values are stored too, so viewers that do not
//!   recalculate (previewers, mail clients) still show the right totals.
//! - Text that could run as a formula gets the same leading apostrophe as the program export.
//! - The output is deterministic: fixed document properties (creation time included) and table order, so
//!   the same workbook gives the same bytes.

mod layout;
pub mod tables;

use std::collections::HashMap;

use rust_xlsxwriter::{
    Chart as XlsxChart, ChartFormat, ChartLine, ChartSolidFill, ChartType, Color, DocProperties, ExcelDateTime, Format,
    FormatBorder, Formula, Workbook as XlsxBook, Worksheet, XlsxError,
};

use self::tables::{DataTable, INDEX_FIRST_DIMENSION_ROW, TableKind, Value, projection_columns, tables};
use crate::i18n::{Lang, Text};
use crate::io::program_table::guard;
use crate::model::{Workbook, rgb_from_hex};

/// Rupiah: grouped by the viewer's locale, `Rp` in front, negatives with a minus.
pub const MONEY_FORMAT: &str = "\"Rp \"#,##0";
/// Estimated rupiah, marked as the app marks them.
pub const ESTIMATE_FORMAT: &str = "\"≈ Rp \"#,##0";
/// Indices and weights.
pub const DECIMAL_FORMAT: &str = "0.00";

/// The document's creation time: fixed, so two exports of one workbook are byte for byte the same.
const CREATED: (u16, u8, u8) = (2024, 1, 1);

struct Formats {
    header: Format,
    money: Format,
    estimate: Format,
    decimal: Format,
    total_label: Format,
    total_money: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(Color::RGB(0x00E8_EEF6))
            .set_border_bottom(FormatBorder::Thin);
        let total = Format::new().set_bold().set_border_top(FormatBorder::Thin);
        Formats {
            header,
            money: Format::new().set_num_format(MONEY_FORMAT),
            estimate: Format::new()
                .set_num_format(ESTIMATE_FORMAT)
                .set_italic()
                .set_font_color(Color::RGB(0x0058_5E66)),
            decimal: Format::new().set_num_format(DECIMAL_FORMAT),
            total_money: total.clone().set_num_format(MONEY_FORMAT),
            total_label: total,
        }
    }
}

/// The XLSX workbook of `workbook` in `lang`, as bytes. Pure: writes nothing.
pub fn workbook_xlsx(workbook: &Workbook, lang: Lang) -> Result<Vec<u8>, String> {
    let tables = tables(workbook, lang);
    build(workbook, &tables, lang).map_err(|e| Text::SpreadsheetFailed.get(lang).replace("{}", &e.to_string()))
}

/// An XLSX workbook of just `tables` (a template), as bytes.
pub fn tables_xlsx(workbook: &Workbook, tables: &[DataTable], lang: Lang) -> Result<Vec<u8>, String> {
    build(workbook, tables, lang).map_err(|e| Text::SpreadsheetFailed.get(lang).replace("{}", &e.to_string()))
}

fn build(workbook: &Workbook, tables: &[DataTable], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = XlsxBook::new();
    let title = format!("{} — {}", Text::SpreadsheetTitle.get(lang), workbook.profile.region_name);
    let created = ExcelDateTime::from_ymd(CREATED.0, CREATED.1, CREATED.2)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_author("Smart City Masterplan Workbench")
            .set_comment(if workbook.profile.is_example { Text::ExampleHint.get(lang) } else { "" })
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    let header = print_header(workbook, lang);
    for table in tables {
        let sheet = book.add_worksheet();
        write_table(sheet, table, lang, &formats)?;
        print_setup(sheet, &header);
        layout::print_across_pages(sheet, table)?;
    }
    add_charts(&mut book, workbook, tables, lang, &header)?;
    book.save_to_buffer()
}

/// The printed page's header: the region and the sheet, and "example data" for the demo. `&&` is Excel's
/// escape for an ampersand.
fn print_header(workbook: &Workbook, lang: Lang) -> String {
    let region = workbook.profile.region_name.replace('&', "&&");
    let example = if workbook.profile.is_example {
        format!("&R&\"-,Bold\"{}", Text::SpreadsheetExampleHeader.get(lang))
    } else {
        String::new()
    };
    format!("&L{region} — &A{example}")
}

/// A4 landscape, the header above and page numbers below: what a colleague gets when printing a sheet.
fn print_setup(sheet: &mut Worksheet, header: &str) {
    sheet.set_landscape().set_paper_size(9).set_header(header).set_footer("&C&P / &N");
}

fn row_number(index: usize) -> Result<u32, XlsxError> {
    u32::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

fn column_number(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// `A`, `B`, ... `Z`, `AA`: the letters of a column in a formula.
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The format of a text cell: indented by `depth`, and with the quote prefix when the text starts like a
/// formula (`=`, `+`, `-`, `@`, ...), so the spreadsheet shows and keeps it as text without a visible apostrophe.
fn text_format(cache: &mut HashMap<(u8, bool), Format>, depth: u8, text: &str) -> Format {
    let quoted = guard(text) != text;
    cache
        .entry((depth, quoted))
        .or_insert_with(|| {
            let format = if depth > 0 { Format::new().set_indent(depth) } else { Format::new() };
            if quoted { format.set_quote_prefix() } else { format }
        })
        .clone()
}

fn write_table(sheet: &mut Worksheet, table: &DataTable, lang: Lang, formats: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(table.kind.name(lang))?;
    let widths = layout::column_widths(table);
    for (c, column) in table.columns.iter().enumerate() {
        let c16 = column_number(c)?;
        sheet.write_string_with_format(0, c16, &column.header, &formats.header)?;
        sheet.set_column_width(c16, widths[c])?;
    }
    sheet.set_row_height(0, layout::header_height(table, &widths))?;
    let mut text_formats: HashMap<(u8, bool), Format> = HashMap::new();
    for (r, row) in table.rows.iter().enumerate() {
        let r = row_number(r + 1)?;
        for (c, value) in row.iter().enumerate() {
            let c = column_number(c)?;
            match value {
                Value::Empty => {}
                Value::Text(text) => {
                    sheet.write_string_with_format(r, c, text, &text_format(&mut text_formats, 0, text))?;
                }
                Value::Indented(text, depth) => {
                    sheet.write_string_with_format(r, c, text, &text_format(&mut text_formats, *depth, text))?;
                }
                // Years, levels and counts are far below 2^53: exact in f64.
                Value::Int(n) => {
                    sheet.write_number(r, c, *n as f64)?;
                }
                // Amounts are at most Rp 100 triliun per line and sums saturate far below 2^53 in practice;
                // whole rupiah stay exact.
                Value::Money(amount) => {
                    sheet.write_number_with_format(r, c, *amount as f64, &formats.money)?;
                }
                Value::MoneyEstimate(amount) => {
                    sheet.write_number_with_format(r, c, *amount as f64, &formats.estimate)?;
                }
                Value::Decimal(x) => {
                    sheet.write_number_with_format(r, c, *x, &formats.decimal)?;
                }
            }
        }
    }
    let last_data_row = row_number(table.rows.len())?;
    let last_column = column_number(table.columns.len().saturating_sub(1))?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_data_row, last_column)?;
    if table.has_totals() && !table.rows.is_empty() {
        write_totals(sheet, table, lang, formats)?;
    }
    Ok(())
}

/// The totals row below the data: `SUM` formulas with their values stored.
fn write_totals(sheet: &mut Worksheet, table: &DataTable, lang: Lang, formats: &Formats) -> Result<(), XlsxError> {
    let total_row = row_number(table.rows.len() + 1)?;
    sheet.write_string_with_format(total_row, 0, Text::Total.get(lang), &formats.total_label)?;
    for (c, _) in table.columns.iter().enumerate().filter(|(_, c)| c.summed) {
        let letters = column_letters(c);
        let formula = Formula::new(format!("=SUM({letters}2:{letters}{})", table.rows.len() + 1))
            .set_result(table.total(c).to_string());
        sheet.write_formula_with_format(total_row, column_number(c)?, formula, &formats.total_money)?;
    }
    Ok(())
}

/// `#rrggbb` as an Excel colour; grey when the workbook holds something else.
fn hex_color(hex: &str) -> Color {
    rgb_from_hex(hex).map_or(Color::RGB(0x009E_9E9E), |[r, g, b]| Color::RGB(u32::from_be_bytes([0, r, g, b])))
}

/// Rows from one chart's top to the next's: 440 pixels of chart in 20-pixel rows, and a gap.
const CHART_ROWS: usize = 25;

/// Round colours of the radar, as in the app.
const ROUND_COLORS: [u32; 6] = [0x002E_5EAA, 0x00D9_822B, 0x003A_7F2E, 0x00B8_3A3A, 0x007D_4A9E, 0x0023_897D];
/// Pessimistic, base and optimistic, as in the app's projection chart.
const SCENARIO_COLORS: [u32; 3] = [0x00C8_5032, 0x002E_5EAA, 0x002E_8C54];

/// The sheet of native charts: program cost per dimension against the envelope, the revenue projection, and
/// the readiness radar, each reading the cells of its table, so colleagues can restyle or extend them.
fn add_charts(
    book: &mut XlsxBook,
    workbook: &Workbook,
    tables: &[DataTable],
    lang: Lang,
    header: &str,
) -> Result<(), XlsxError> {
    let find = |kind: TableKind| tables.iter().find(|t| t.kind == kind && !t.rows.is_empty());
    let mut charts = Vec::new();
    if let Some(table) = find(TableKind::CostByDimension) {
        charts.push(cost_chart(workbook, table, lang));
    }
    if let Some(table) = find(TableKind::Projection) {
        charts.push(projection_chart(table, lang));
    }
    if let Some(table) = find(TableKind::ReadinessIndices).filter(|_| !workbook.dimensions.is_empty()) {
        charts.push(radar_chart(workbook, table, lang));
    }
    if charts.is_empty() {
        return Ok(());
    }
    let sheet = book.add_worksheet();
    sheet.set_name(Text::SheetCharts.get(lang))?;
    print_setup(sheet, header);
    // One chart per printed page.
    sheet.set_print_fit_to_pages(1, 0);
    let top = |i: usize| row_number(1 + i * CHART_ROWS);
    for (i, chart) in charts.iter().enumerate() {
        sheet.insert_chart(top(i)?, 1, chart)?;
    }
    let breaks = (1..charts.len()).map(|i| top(i).map(|r| r - 1)).collect::<Result<Vec<_>, _>>()?;
    sheet.set_page_breaks(&breaks)?;
    Ok(())
}

fn solid(color: Color) -> ChartFormat {
    let mut format = ChartFormat::new();
    format.set_solid_fill(ChartSolidFill::new().set_color(color));
    format
}

fn line(color: Color) -> ChartFormat {
    let mut format = ChartFormat::new();
    format.set_line(ChartLine::new().set_color(color).set_width(2.25));
    format
}

/// Stacked columns of APBD cost per dimension and year, with the envelope as a line on top.
fn cost_chart(workbook: &Workbook, table: &DataTable, lang: Lang) -> XlsxChart {
    let sheet = table.kind.name(lang);
    let last = table.rows.len() as u32;
    let mut chart = XlsxChart::new(ChartType::ColumnStacked);
    chart.title().set_name(Text::ChartCostTitle.get(lang));
    let envelope_column = table.columns.len() - 1;
    for c in 1..envelope_column {
        let color = workbook
            .dimensions
            .iter()
            .find(|d| d.name_id == table.columns[c].header || d.name_en == table.columns[c].header)
            .map_or(Color::RGB(0x009E_9E9E), |d| hex_color(&d.color));
        chart
            .add_series()
            .set_name((sheet, 0, c as u16))
            .set_categories((sheet, 1, 0, last, 0))
            .set_values((sheet, 1, c as u16, last, c as u16))
            .set_format(&mut solid(color));
    }
    let mut envelope = XlsxChart::new(ChartType::Line);
    envelope
        .add_series()
        .set_name((sheet, 0, envelope_column as u16))
        .set_categories((sheet, 1, 0, last, 0))
        .set_values((sheet, 1, envelope_column as u16, last, envelope_column as u16))
        .set_format(&mut line(Color::RGB(0x0021_2529)));
    chart.combine(&envelope);
    chart.y_axis().set_num_format(MONEY_FORMAT);
    chart.set_width(900).set_height(440);
    chart
}

/// Revenue per year in the three scenarios.
fn projection_chart(table: &DataTable, lang: Lang) -> XlsxChart {
    let sheet = table.kind.name(lang);
    let last = table.rows.len() as u32;
    let mut chart = XlsxChart::new(ChartType::Line);
    chart.title().set_name(Text::ChartProjectionTitle.get(lang));
    let columns = [projection_columns::PESSIMISTIC, projection_columns::BASE, projection_columns::OPTIMISTIC];
    for (c, color) in columns.into_iter().zip(SCENARIO_COLORS) {
        let c = c as u16;
        chart
            .add_series()
            .set_name((sheet, 0, c))
            .set_categories((sheet, 1, projection_columns::YEAR as u16, last, projection_columns::YEAR as u16))
            .set_values((sheet, 1, c, last, c))
            .set_format(&mut line(Color::RGB(color)));
    }
    chart.y_axis().set_num_format(MONEY_FORMAT);
    chart.set_width(900).set_height(440);
    chart
}

/// The index of each dimension per round, as a radar.
fn radar_chart(workbook: &Workbook, table: &DataTable, lang: Lang) -> XlsxChart {
    let sheet = table.kind.name(lang);
    // Sheet rows: the header, then the data rows.
    let first = 1 + INDEX_FIRST_DIMENSION_ROW as u32;
    let last = first + (workbook.dimensions.len() as u32).saturating_sub(1);
    let mut chart = XlsxChart::new(ChartType::Radar);
    chart.title().set_name(Text::ChartRadarTitle.get(lang));
    for (i, _) in workbook.rounds.iter().enumerate() {
        let c = (2 + i) as u16;
        chart
            .add_series()
            .set_name((sheet, 0, c))
            .set_categories((sheet, first, 1, last, 1))
            .set_values((sheet, first, c, last, c))
            .set_format(&mut line(Color::RGB(ROUND_COLORS[i % ROUND_COLORS.len()])));
    }
    chart.y_axis().set_min(0).set_max(5);
    chart.set_width(640).set_height(440);
    chart
}
