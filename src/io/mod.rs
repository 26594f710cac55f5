//! Program import and export. The file format is the program table of [`program_table`]; [`table`] reads CSV
//! and XLSX files into cells; [`import`] maps the columns, checks every row and plans the import as one edit;
//! [`export`] writes the table (and the template) so that an export imports back unchanged. [`readiness_json`]
//! reads and writes the readiness framework as a versioned JSON file.

pub mod export;
pub mod import;
pub mod program_table;
pub mod readiness_json;
pub mod table;

pub use export::{DEFAULT_DELIMITER, write_programs_csv, write_programs_file, write_programs_xlsx, write_template};
pub use import::{ColumnMapping, ImportPlan, RowProblem, plan_file};
pub use program_table::ProgramField;
pub use table::{Cell, FileKind, ReadError, Table, TableRow, read_csv, read_file, read_xlsx};

#[cfg(test)]
mod tests;
