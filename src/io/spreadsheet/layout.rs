//! How a table sheet is laid out and printed: column widths that fit the longest amount as the sheet shows it
//! (`Rp 1.234.567.890`, no `###`), a header row tall enough for its wrapped text, and a print setup that
//! keeps the text readable: a sheet that fits one page wide at [`PRINT_SCALE`] or more is fitted to it; a
//! wider one prints across pages at that scale with its title columns and its header row on every page.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::tables::{DataTable, TableKind, Value};
use crate::i18n::format_rupiah;

/// The smallest print scale, in per cent: the body text prints at about 9 points.
pub const PRINT_SCALE: u16 = 80;

/// Characters of the default font across an A4 landscape page at 100 %, within the default margins.
const PAGE_CHARACTERS: f64 = 130.0;

/// The height of one line of text in the header row, in points.
const LINE_HEIGHT: f64 = 15.0;

/// The characters `"Rp "#,##0` shows for `amount` (with `≈ ` before an estimate): as many as the app's own
/// `Rp 1.250.000`, whichever character the viewer groups with.
pub fn shown_length(amount: i64, estimate: bool) -> usize {
    format_rupiah(amount).chars().count() + if estimate { 2 } else { 0 }
}

/// The width in characters a cell needs, for the cells whose text does not wrap and must not be cut.
fn needed(value: &Value) -> Option<f64> {
    let length = match value {
        Value::Money(amount) => shown_length(*amount, false),
        Value::MoneyEstimate(amount) => shown_length(*amount, true),
        Value::Int(n) => n.to_string().len(),
        Value::Decimal(_) => 5,
        _ => return None,
    };
    // Letters and separators are wider than the digit the width is counted in; bold totals wider still.
    Some(length as f64 * 1.15 + 2.0)
}

/// Each column's width: its own, widened to fit every number in it (the totals row's too) and the longest
/// word of its header (a word is never broken).
pub fn column_widths(table: &DataTable) -> Vec<f64> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let cells = table.rows.iter().filter_map(|row| row.get(c)).filter_map(needed);
            let total = column.summed.then(|| needed(&Value::Money(table.total(c)))).flatten();
            let word = column.header.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
            cells.chain(total).fold(column.width.max(word as f64 * 1.15 + 2.0), f64::max)
        })
        .collect()
}

/// How many lines `text` takes when wrapped at word boundaries into `width` characters.
pub fn wrapped_lines(text: &str, width: f64) -> usize {
    let room = ((width - 1.0) / 1.15).max(1.0) as usize;
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if used > 0 && used + 1 + length > room {
            lines += 1;
            used = length;
        } else {
            used += if used > 0 { 1 + length } else { length };
        }
    }
    lines
}

/// The header row's height in points: as many lines as its most wrapped header needs.
pub fn header_height(table: &DataTable, widths: &[f64]) -> f64 {
    let lines = table.columns.iter().zip(widths).map(|(c, w)| wrapped_lines(&c.header, *w)).max().unwrap_or(1);
    LINE_HEIGHT * lines as f64 + 3.0
}

/// The columns that name a row (a program's code and name, a line's code and name), repeated on every
/// printed page of a sheet too wide for one.
pub fn title_columns(kind: TableKind) -> u16 {
    match kind {
        TableKind::Projection | TableKind::CostByDimension => 1,
        TableKind::QuickWins | TableKind::Indicators => 3,
        _ => 2,
    }
}

/// Fit the sheet to one page wide when that keeps [`PRINT_SCALE`], else print it across pages at that scale
/// with the title columns and the header row repeated on each page.
pub fn print_across_pages(sheet: &mut Worksheet, table: &DataTable) -> Result<(), XlsxError> {
    let total: f64 = column_widths(table).iter().sum();
    sheet.set_repeat_rows(0, 0)?;
    if total <= PAGE_CHARACTERS * 100.0 / f64::from(PRINT_SCALE) {
        sheet.set_print_fit_to_pages(1, 0);
    } else {
        sheet.set_print_scale(PRINT_SCALE);
        let columns = title_columns(table.kind).min(u16::try_from(table.columns.len()).unwrap_or(u16::MAX));
        if columns > 0 {
            sheet.set_repeat_columns(0, columns - 1)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tables::Column;
    use super::*;

    #[test]
    fn amounts_are_measured_as_shown() {
        assert_eq!(shown_length(0, false), "Rp 0".len());
        assert_eq!(shown_length(1_250_000, false), "Rp 1.250.000".len());
        assert_eq!(shown_length(-27_000_000_000, false), "Rp -27.000.000.000".len());
        assert_eq!(shown_length(999, true), "≈ Rp 999".chars().count());
    }

    #[test]
    fn amount_columns_fit_their_longest_amount_and_total() {
        let column = |header: &str, summed| Column { header: header.to_string(), width: 10.0, summed };
        let table = DataTable {
            kind: TableKind::ProgramCost,
            columns: vec![column("Kode", false), column("2024", true), column("Pertanggungjawaban", false)],
            rows: vec![
                vec![Value::Text("A".into()), Value::Money(912_345_678_901), Value::Empty],
                vec![Value::Text("B".into()), Value::Money(900_000_000_000), Value::Empty],
            ],
        };
        let widths = column_widths(&table);
        assert_eq!(widths[0], 10.0, "text keeps its width");
        // The total, Rp 1.812.345.678.901, is the longest: 21 characters.
        assert!(widths[1] >= 21.0 * 1.15, "{widths:?}");
        assert!(widths[2] >= 18.0, "a header word is never cut: {widths:?}");
        assert_eq!(header_height(&table, &widths), LINE_HEIGHT + 3.0, "one line each");
        let mut wrapped = table.clone();
        wrapped.columns[0].header = "Biaya program per tahun".into();
        assert_eq!(header_height(&wrapped, &widths), 4.0 * LINE_HEIGHT + 3.0, "a word a line in ten characters");
    }

    #[test]
    fn headers_wrap_at_words() {
        assert_eq!(wrapped_lines("Total biaya", 30.0), 1);
        assert_eq!(wrapped_lines("Biaya program (APBD) per tahun", 10.0), 5, "seven characters a line");
        assert_eq!(wrapped_lines("Biaya program (APBD) per tahun", 20.0), 2);
        assert_eq!(wrapped_lines("", 10.0), 1);
    }
}
