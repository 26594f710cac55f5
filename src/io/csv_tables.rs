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

use super::program_table::guard;
use super::spreadsheet::tables::{DataTable, Value};

/// The delimiters a CSV export may use.
pub const DELIMITERS: [char; 2] = [';', ','];

/// `table` as CSV text (starting with the byte order mark), delimited by `delimiter`.
pub fn table_csv(table: &DataTable, delimiter: char) -> String {
    let mut out = String::from('\u{feff}');
    let separator = delimiter.to_string();
    let headers: Vec<String> = table.columns.iter().map(|c| text_field(&c.header, delimiter)).collect();
    out.push_str(&headers.join(&separator));
    out.push_str("\r\n");
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|v| field(v, delimiter)).collect();
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
            let csv = table_csv(&table(vec![vec![Value::Text(text.into()), Value::Money(-1_500)]]), ';');
            let line = csv.split("\r\n").nth(1).unwrap();
            assert_eq!(line, format!("{expected};-1500"), "{text:?}");
        }
        // A carriage return both guards and forces quotes.
        let csv = table_csv(&table(vec![vec![Value::Text("\rcmd".into()), Value::Empty]]), ';');
        assert!(csv.contains("\"'\rcmd\";\r\n"), "{csv:?}");
    }

    #[test]
    fn bom_delimiter_quotes_and_decimal_sign() {
        let rows = vec![vec![Value::Text("a;b, \"c\"".into()), Value::Decimal(2.3456)]];
        let semicolon = table_csv(&table(rows.clone()), ';');
        assert!(semicolon.starts_with("\u{feff}Nama;Jumlah\r\n"));
        assert_eq!(semicolon.split("\r\n").nth(1), Some("\"a;b, \"\"c\"\"\";2,35"));
        let comma = table_csv(&table(rows), ',');
        assert!(comma.starts_with("\u{feff}Nama,Jumlah\r\n"));
        assert_eq!(comma.split("\r\n").nth(1), Some("\"a;b, \"\"c\"\"\",2.35"));
    }
}
