//! Program import and export. The file format is the program table of [`program_table`]; [`table`] reads CSV
//! and XLSX files into cells; [`import`] maps the columns, checks every row and plans the import as one edit;
//! [`program_export`] writes the table (and the template) so that an export imports back unchanged. [`readiness_json`]
//! reads and writes the readiness framework as a versioned JSON file. The export of shared files: the
//! workbook's tables ([`spreadsheet`] as XLSX, [`csv_tables`] as CSV), its charts ([`chart_set`]), and
//! [`export_plan`], which writes the chosen books, tables and charts into a folder, each file atomically
//! ([`atomic_file::write_file`]).

pub mod atomic_file;
/// The five masterplan books (Buku I-V) as DOCX or HTML.
pub mod books;
pub mod chart_set;
pub mod csv_tables;
/// A small document model written as DOCX or as one self-contained HTML page.
pub mod document;
pub mod export_plan;
pub mod import;
pub mod program_export;
pub mod program_table;
pub mod readiness_json;
pub mod realisation;
pub mod spreadsheet;
pub mod table;

/// Change packages moved to `merge::package`; this path stays for the app's file dialogs.
pub use crate::merge::package;
pub use import::{ColumnMapping, ImportPlan, RowProblem, plan_file};
pub use program_export::{
    DEFAULT_DELIMITER, write_programs_csv, write_programs_file, write_programs_xlsx, write_template,
};
pub use program_table::ProgramField;
pub use table::{Cell, FileKind, ReadError, Table, TableRow, read_csv, read_file, read_file_preferring, read_xlsx};

#[cfg(test)]
mod tests;
