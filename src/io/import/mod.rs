//! From a [`Table`] to programs: which column holds what ([`ColumnMapping`]), and the [`ImportPlan`]: a report
//! of every problem by row and column, and the programs that can be added. Applying the plan is one [`Edit`]
//! (one transaction, one undo step); the command line applies it only when no row was refused.

pub(crate) mod cells;
mod lookup;
mod planner;

pub(super) use lookup::Lookup;

use std::path::Path;

use cells::shown;
use planner::Planner;

use super::program_table::ProgramField;
use super::table::{ReadError, Table, read_file};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Change, Edit, Program, Workbook};

/// Which field each column of the file holds: recognised from the headers, and open to change (a UI shows it
/// and lets the user pick another field for a column, or none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMapping {
    /// The headers as in the file.
    pub headers: Vec<String>,
    /// Parallel to `headers`: the field a column holds, `None` for a column that is ignored.
    pub fields: Vec<Option<ProgramField>>,
}

impl ColumnMapping {
    /// Recognise each header in Indonesian, English or by key.
    pub fn detect(headers: &[String]) -> ColumnMapping {
        ColumnMapping {
            headers: headers.to_vec(),
            fields: headers.iter().map(|h| ProgramField::from_header(h)).collect(),
        }
    }

    pub fn field(&self, column: usize) -> Option<ProgramField> {
        self.fields.get(column).copied().flatten()
    }

    /// Let `column` hold `field` (or nothing).
    pub fn set(&mut self, column: usize, field: Option<ProgramField>) {
        if let Some(slot) = self.fields.get_mut(column) {
            *slot = field;
        }
    }

    /// The column that holds `field`.
    pub fn column_of(&self, field: ProgramField) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// Problems that stop the whole file: no known header besides years (a wrong delimiter, or a missing header
    /// row so that a data row with years in it was taken for one), a required column missing, two columns read
    /// as the same field.
    pub fn errors(&self) -> Vec<Message> {
        let fixed = |f: &ProgramField| !matches!(f, ProgramField::Amount(_) | ProgramField::Target(_));
        if !self.fields.iter().flatten().any(fixed) {
            let mut first: String = self.headers.join(" | ");
            if first.chars().count() > 80 {
                first = first.chars().take(80).collect::<String>() + "…";
            }
            return vec![Message::with(Text::ImportNoHeader, [first])];
        }
        let mut errors = Vec::new();
        for (i, field) in self.fields.iter().enumerate() {
            let Some(field) = field else { continue };
            if let Some(first) = self.fields[..i].iter().position(|f| f == &Some(*field)) {
                let args = [self.headers[first].clone(), self.headers[i].clone(), field.both_headers()];
                errors.push(Message::with(Text::ImportColumnTwice, args));
            }
        }
        for field in ProgramField::REQUIRED {
            if self.column_of(field).is_none() {
                errors.push(Message::with(Text::ImportMissingColumn, [field.both_headers()]));
            }
        }
        errors
    }

    /// Columns that are ignored, as notes for the report.
    pub fn notes(&self) -> Vec<Message> {
        self.headers
            .iter()
            .zip(&self.fields)
            .filter(|(header, field)| field.is_none() && !header.trim().is_empty())
            .map(|(header, _)| Message::with(Text::ImportColumnIgnored, [shown(header)]))
            .collect()
    }
}

/// One problem of the file: the row as numbered in the spreadsheet (the header is row 1), the column's header
/// as written in the file, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: String,
    pub message: Message,
}

/// What importing a file would do: every problem, and the programs it would add. Built without touching the
/// workbook; [`ImportPlan::edit`] is what applies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    /// The file name, for the undo label and the report.
    pub source: String,
    /// Problems with the file as a whole (no header, a required column missing): nothing can be imported.
    pub file_errors: Vec<Message>,
    /// Things worth knowing that refuse nothing, e.g. columns that were ignored.
    pub notes: Vec<Message>,
    /// Every problem, by row, then by column as they stand in the file.
    pub problems: Vec<RowProblem>,
    /// The programs that passed every check, in the order of the file, with new ids and positions after the
    /// workbook's last program.
    pub programs: Vec<Program>,
    /// Parallel to `programs`: the row each one starts on.
    pub program_rows: Vec<usize>,
    /// Rows with anything in them (blank rows are skipped).
    pub rows_read: usize,
    /// Rows of programs that were refused.
    pub rows_refused: usize,
}

/// Read a file and plan its import into `workbook` with the columns recognised from its headers.
pub fn plan_file(workbook: &Workbook, path: &Path) -> Result<ImportPlan, ReadError> {
    let table = read_file(path)?;
    let mapping = ColumnMapping::detect(&table.headers);
    Ok(ImportPlan::new(workbook, &table, &mapping))
}

impl ImportPlan {
    pub fn new(workbook: &Workbook, table: &Table, mapping: &ColumnMapping) -> ImportPlan {
        let mut plan = ImportPlan {
            source: table.source.clone(),
            file_errors: mapping.errors(),
            notes: mapping.notes(),
            problems: Vec::new(),
            programs: Vec::new(),
            program_rows: Vec::new(),
            rows_read: 0,
            rows_refused: 0,
        };
        if !plan.file_errors.is_empty() {
            return plan;
        }
        Planner::new(workbook, table, mapping).run(&mut plan);
        plan
    }

    /// Nothing refused: every row with content becomes part of a program.
    pub fn is_clean(&self) -> bool {
        self.file_errors.is_empty() && self.problems.is_empty()
    }

    /// The edit that adds every valid program: one transaction and one undo step through
    /// [`crate::store::Session::commit`]. It has no changes when no program is valid.
    pub fn edit(&self) -> Edit {
        let label = Message::with(Text::EditImportPrograms, [self.programs.len().to_string(), self.source.clone()]);
        Edit::new(label, self.programs.iter().cloned().map(Change::PutProgram).collect())
    }

    /// The report as lines of text: file errors, one line per problem (`row N, column C: message`), notes, and
    /// the summary.
    pub fn report(&self, lang: Lang) -> Vec<String> {
        let counts = [self.rows_read.to_string(), self.programs.len().to_string(), self.rows_refused.to_string()];
        let summary = Message::with(Text::ImportSummary, counts);
        report_lines(&self.file_errors, &self.problems, &self.notes, summary, lang)
    }
}

/// An import's report as lines: the file errors, one line per problem (`row N, column C: message`), the notes,
/// and the summary (left out when the file as a whole was refused). Programs and realisation alike.
pub fn report_lines(
    file_errors: &[Message],
    problems: &[RowProblem],
    notes: &[Message],
    summary: Message,
    lang: Lang,
) -> Vec<String> {
    let mut lines: Vec<String> = file_errors.iter().map(|m| m.show(lang)).collect();
    for problem in problems {
        let args = [problem.row.to_string(), problem.column.clone(), problem.message.show(lang)];
        lines.push(Message::with(Text::ImportReportLine, args).show(lang));
    }
    for note in notes {
        lines.push(Message::with(Text::ImportNote, [note.show(lang)]).show(lang));
    }
    if file_errors.is_empty() {
        lines.push(summary.show(lang));
    }
    lines
}
