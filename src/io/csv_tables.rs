//! The tables of the workbook ([`crate::io::spreadsheet::tables`]) as CSV files, one per table, for other
//! tools: UTF-8 with a byte order mark (so Excel reads it as UTF-8), semicolons by default (what Excel set up
//! for Indonesia expects, where the comma is the decimal sign), commas on request, CRLF line ends.
//!
//! How cells are written:
//! - **Text** is quoted when it holds the delimiter, a quote or a line break, and neutralised with a leading
//!   apostrophe when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or an apostrophe), so no
//!   spreadsheet runs it as a formula (the same rule as the program export).
//! - **Numbers are numbers**: rupiah, years, levels and counts are plain digits without grouping; a negative
//!   one (a gap where the envelope is larger than the cost) keeps its minus sign unquoted and unguarded, since
//!   it is a number a spreadsheet must read as one, never text a formula could hide in. Only the values of
//!   number cells are written this way, never text that looks like a number.
//! - **Decimals** (indices, weights) use the decimal sign that goes with the delimiter: `2,34` with
//!   semicolons, `2.34` with commas.
//! - There is no totals row: other tools sum for themselves (the XLSX has totals as formulas).
//! - **Estimates** (the XLSX shows them `≈ Rp` in grey italics): a column holding any estimated amount is
//!   followed by a column `<header> estimasi` (`<header> estimate`) saying `ya`/`tidak` (`yes`/`no`) for each
//!   amount in it, so the flag is not lost.

use super::program_table::{guard, yes_no};
use super::spreadsheet::tables::{DataTable, Value};
use crate::i18n::{Lang, Text};

/// The delimiters a CSV export may use.
pub const DELIMITERS: [char; 2] = [';', ','];

/// `table` as CSV text (starting with the byte order mark), delimited by `delimiter`, the estimate columns'
/// headers and words in `lang`.
pub fn table_csv(table: &DataTable, delimiter: char, lang: Lang) -> String {
    let mut out = String::from('\u{feff}');
    let separator = delimiter.to_string();
    let flagged: Vec<bool> = (0..table.columns.len())
        .map(|c| table.rows.iter().any(|row| matches!(row.get(c), Some(Value::MoneyEstimate(_)))))
        .collect();
    let mut headers = Vec::new();
    for (column, flagged) in table.columns.iter().zip(&flagged) {
        headers.push(text_field(&column.header, delimiter));
        if *flagged {
            headers.push(text_field(&Text::CsvEstimateColumn.fill(lang, &[&column.header]), delimiter));
        }
    }
    out.push_str(&headers.join(&separator));
    out.push_str("\r\n");
    for row in &table.rows {
        let mut cells = Vec::new();
        for (c, flagged) in flagged.iter().enumerate() {
            let value = row.get(c).unwrap_or(&Value::Empty);
            cells.push(field(value, delimiter));
            if *flagged {
                let estimate = match value {
                    Value::MoneyEstimate(_) => yes_no(true, lang),
                    Value::Money(_) => yes_no(false, lang),
                    _ => "",
                };
                cells.push(estimate.to_string());
            }
        }
        out.push_str(&cells.join(&separator));
        out.push_str("\r\n");
    }
    out
}

fn field(value: &Value, delimiter: char) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Text(text) | Value::Indented(text, _) => text_field(text, delimiter),
        Value::Int(n) | Value::Money(n) | Value::MoneyEstimate(n) => n.to_string(),
        Value::Decimal(x) => {
            let text = format!("{x:.2}");
            if delimiter == ',' { text } else { text.replace('.', ",") }
        }
    }
}

/// A text cell: guarded against formulas, quoted where it must be.
pub fn text_field(text: &str, delimiter: char) -> String {
    let text = guard(text);
    if text.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::spreadsheet::tables::{Column, TableKind};

    fn table(rows: Vec<Vec<Value>>) -> DataTable {
        let column = |h: &str| Column { header: h.to_string(), width: 10.0, summed: false };
        DataTable { kind: TableKind::Programs, columns: vec![column("Nama"), column("Jumlah")], rows }
    }

    #[test]
    fn formula_starts_are_neutralised_and_numbers_stay_numbers() {
        let cases = [
            ("=1+1", "'=1+1"),
            ("+62 812", "'+62 812"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("'quoted", "''quoted"),
            ("biasa", "biasa"),
        ];
        for (text, expected) in cases {
            let csv = table_csv(&table(vec![vec![Value::Text(text.into()), Value::Money(-1_500)]]), ';', Lang::Id);
            let line = csv.split("\r\n").nth(1).unwrap();
            assert_eq!(line, format!("{expected};-1500"), "{text:?}");
        }
        // A carriage return both guards and forces quotes.
        let csv = table_csv(&table(vec![vec![Value::Text("\rcmd".into()), Value::Empty]]), ';', Lang::Id);
        assert!(csv.contains("\"'\rcmd\";\r\n"), "{csv:?}");
    }

    #[test]
    fn estimated_amounts_keep_their_flag_in_a_column_of_their_own() {
        let rows = vec![
            vec![Value::Text("Pendapatan".into()), Value::MoneyEstimate(1_000)],
            vec![Value::Text("Belanja".into()), Value::Money(900)],
            vec![Value::Text("Lain".into()), Value::Empty],
        ];
        let csv = table_csv(&table(rows.clone()), ';', Lang::Id);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[..4], ["Nama;Jumlah;Jumlah estimasi", "Pendapatan;1000;ya", "Belanja;900;tidak", "Lain;;"]);
        let english = table_csv(&table(rows), ',', Lang::En);
        assert!(english.contains("Nama,Jumlah,Jumlah estimate\r\nPendapatan,1000,yes\r\n"), "{english}");
        // Without estimates, no extra column.
        let plain = table_csv(&table(vec![vec![Value::Text("a".into()), Value::Money(1)]]), ';', Lang::Id);
        assert!(plain.starts_with("\u{feff}Nama;Jumlah\r\n"), "{plain}");
    }

    #[test]
    fn bom_delimiter_quotes_and_decimal_sign() {
        let rows = vec![vec![Value::Text("a;b, \"c\"".into()), Value::Decimal(2.3456)]];
        let semicolon = table_csv(&table(rows.clone()), ';', Lang::Id);
        assert!(semicolon.starts_with("\u{feff}Nama;Jumlah\r\n"));
        assert_eq!(semicolon.split("\r\n").nth(1), Some("\"a;b, \"\"c\"\"\";2,35"));
        let comma = table_csv(&table(rows), ',', Lang::En);
        assert!(comma.starts_with("\u{feff}Nama,Jumlah\r\n"));
        assert_eq!(comma.split("\r\n").nth(1), Some("\"a;b, \"\"c\"\"\",2.35"));
    }
}
