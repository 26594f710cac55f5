//! Realisation files (issue 19): agencies send what their programs did as a spreadsheet, one row per
//! program, year and funding source, matched by program code ([`plan`]); the export writes the same table
//! (`io::spreadsheet::tables`), so an export imports back unchanged; and a template to start from.

mod fields;
mod plan;

use std::path::Path;

pub use fields::{RealisationField, STATUSES};
pub use plan::RealisationPlan;

use super::atomic_file::write_atomically;
use super::csv_tables::table_csv;
use super::program_export::DEFAULT_DELIMITER;
use super::spreadsheet::tables::realisation_table;
use super::spreadsheet::tables_xlsx;
use super::table::{FileKind, ReadError, read_file_preferring};
use crate::i18n::{Lang, Text};
use crate::model::{Id, Workbook};
use crate::seed::demo_workbook;

/// The sheet names the import looks for first in an XLSX file (the export's sheet, in both languages).
pub const SHEETS: [&str; 2] = ["realisasi", "realisation"];

/// Read a file and plan its import into `workbook`; `scope` is the agency of an agency copy.
pub fn plan_realisation_file(
    workbook: &Workbook,
    path: &Path,
    scope: Option<Id>,
) -> Result<RealisationPlan, ReadError> {
    let table = read_file_preferring(path, &SHEETS)?;
    Ok(RealisationPlan::new(workbook, &table, scope))
}

/// The template: the realisation table's header and a few example rows of the demo (example data), as CSV
/// or XLSX by the file name.
pub fn write_realisation_template(path: &Path, lang: Lang) -> Result<(), String> {
    let mut table = realisation_table(&demo_workbook(), lang);
    table.rows.truncate(TEMPLATE_ROWS);
    let bytes = match FileKind::of(path) {
        Some(FileKind::Csv) => table_csv(&table, DEFAULT_DELIMITER, lang).into_bytes(),
        Some(FileKind::Xlsx) => tables_xlsx(&demo_workbook(), &[table], lang)?,
        None => return Err(Text::ImportUnknownFileType.get(lang).to_string()),
    };
    write_atomically(path, &bytes)
}

/// Example rows in the template: enough to show a program with two sources and one with a delay.
const TEMPLATE_ROWS: usize = 4;
