//! Planning an import row by row: each row read and checked, rows grouped into programs, each group checked
//! as one program, and the programs built.

use std::collections::HashMap;

use super::cells::{amount, too_long, unknown_word, year};
use super::{ColumnMapping, ImportPlan, Lookup, RowProblem};
use crate::i18n::{Message, Text};
use crate::io::program_table::{ACTION_TYPES, FUNDING_SOURCES, ProgramField, STATUSES, parse_word, parse_yes_no};
use crate::io::table::{Cell, Table, TableRow};
use crate::model::{
    ActionType, BudgetLine, Change, Field, FundingSource, Id, Program, ProgramStatus, Workbook, YearTarget, new_id,
    validate_program,
};

/// A program field's value as read, compared between the rows of one program.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Text(String),
    Year(i32),
    Action(ActionType),
    Status(ProgramStatus),
    Id(Id),
    Bool(bool),
}

/// One row as read: its program fields, its funding source and amounts, and its own problems.
#[derive(Debug, Default)]
struct RowRead {
    number: usize,
    code: String,
    name: String,
    /// The dimension cell as typed, for messages about the element.
    dimension_text: String,
    /// Program fields with a non-blank cell: the column and the value (`None` when the cell could not be read).
    values: Vec<(ProgramField, usize, Option<Value>)>,
    source: Option<FundingSource>,
    /// (year, column, amount) of each non-zero amount.
    amounts: Vec<(i32, usize, i64)>,
    /// (column, message); `None` for a column the file does not have.
    problems: Vec<(Option<usize>, ProgramField, Message)>,
}

impl RowRead {
    /// The value of a program field: `None` when the cell is blank, `Some(None)` when it could not be read.
    fn value(&self, field: ProgramField) -> Option<&Option<Value>> {
        self.values.iter().find(|(f, ..)| *f == field).map(|(_, _, v)| v)
    }

    fn column(&self, field: ProgramField) -> Option<usize> {
        self.values.iter().find(|(f, ..)| *f == field).map(|(_, c, _)| *c)
    }

    fn text(&self, field: ProgramField) -> String {
        match self.value(field) {
            Some(Some(Value::Text(text))) => text.clone(),
            _ => String::new(),
        }
    }

    fn id(&self, field: ProgramField) -> Option<Id> {
        match self.value(field) {
            Some(Some(Value::Id(id))) => Some(*id),
            _ => None,
        }
    }

    fn year(&self, field: ProgramField) -> Option<i32> {
        match self.value(field) {
            Some(Some(Value::Year(year))) => Some(*year),
            _ => None,
        }
    }
}

pub(super) struct Planner<'a> {
    workbook: &'a Workbook,
    lookup: Lookup,
    table: &'a Table,
    mapping: &'a ColumnMapping,
}

impl<'a> Planner<'a> {
    pub(super) fn new(workbook: &'a Workbook, table: &'a Table, mapping: &'a ColumnMapping) -> Self {
        Planner { workbook, lookup: Lookup::new(workbook), table, mapping }
    }

    fn column_name(&self, column: Option<usize>, field: ProgramField) -> String {
        match column.and_then(|c| self.table.headers.get(c)) {
            Some(header) if !header.trim().is_empty() => header.clone(),
            _ => field.key().into_owned(),
        }
    }

    pub(super) fn run(&self, plan: &mut ImportPlan) {
        let reads: Vec<RowRead> =
            self.table.rows.iter().filter(|row| !self.is_blank(row)).map(|row| self.read_row(row)).collect();
        plan.rows_read = reads.len();
        let groups = group(&reads);
        let mut reads = reads;
        let mut scratch: Option<Workbook> = None;
        let first_position = self.workbook.next_program_position();
        for rows in groups {
            self.check_group(&mut reads, &rows);
            // Validate even a program with unreadable cells, so the report names every problem; what follows
            // from a cell already reported (a year that could not be read counts as 0) is left out.
            let position = first_position + plan.programs.len() as i64;
            let program = build(&reads, &rows, position);
            let current = scratch.as_ref().unwrap_or(self.workbook);
            let problems = validate_program(current, &program);
            // Budget and target problems are found per cell above; the program-wide check is a safety net.
            let already_refused = rows.iter().any(|&r| !reads[r].problems.is_empty());
            let base = &mut reads[rows[0]];
            for problem in problems {
                let field = match problem.field {
                    Field::ProgramName => ProgramField::Name,
                    Field::ProgramElement => ProgramField::Element,
                    Field::ProgramAgency => ProgramField::Agency,
                    Field::ProgramStart => ProgramField::StartYear,
                    Field::ProgramEnd => ProgramField::EndYear,
                    Field::ProgramBudget => ProgramField::FundingSource,
                    Field::ProgramText => ProgramField::Description,
                    _ => ProgramField::Code,
                };
                let start_unread = base.value(ProgramField::StartYear) == Some(&None);
                let per_cell = matches!(problem.field, Field::ProgramBudget | Field::ProgramTargets);
                if (per_cell && already_refused)
                    || base.value(field) == Some(&None)
                    || has_problem(base, field)
                    || (field == ProgramField::EndYear && start_unread)
                {
                    continue;
                }
                let column = base.column(field).or_else(|| self.mapping.column_of(field));
                base.problems.push((column, field, problem.message));
            }
            let first_bad = rows.iter().map(|&r| &reads[r]).find(|r| !r.problems.is_empty()).map(|r| r.number);
            match first_bad {
                None => {
                    scratch.get_or_insert_with(|| self.workbook.clone()).apply(&Change::PutProgram(program.clone()));
                    plan.programs.push(program);
                    plan.program_rows.push(reads[rows[0]].number);
                }
                Some(first_bad) => {
                    // The other rows of a refused program are refused with it; each says why.
                    plan.rows_refused += rows.len();
                    for &r in &rows {
                        if reads[r].problems.is_empty() {
                            let column = self.mapping.column_of(ProgramField::Code);
                            let message = Message::with(Text::ImportProgramRefused, [first_bad.to_string()]);
                            reads[r].problems.push((column, ProgramField::Code, message));
                        }
                    }
                }
            }
        }
        for read in &mut reads {
            // Stable: problems of one cell keep the order they were found in.
            read.problems.sort_by_key(|(column, ..)| column.unwrap_or(usize::MAX));
            for (column, field, message) in read.problems.drain(..) {
                plan.problems.push(RowProblem { row: read.number, column: self.column_name(column, field), message });
            }
        }
        plan.problems.sort_by_key(|p| p.row);
    }

    /// A row with nothing in any column the mapping reads.
    fn is_blank(&self, row: &TableRow) -> bool {
        self.mapping.fields.iter().enumerate().all(|(c, f)| f.is_none() || row.cell(c).is_blank())
    }

    fn read_row(&self, row: &TableRow) -> RowRead {
        let mut read = RowRead { number: row.number, ..RowRead::default() };
        // The dimension first: it narrows the element.
        let mut columns: Vec<(usize, ProgramField)> =
            self.mapping.fields.iter().enumerate().filter_map(|(c, f)| f.map(|f| (c, f))).collect();
        columns.sort_by_key(|(_, f)| *f != ProgramField::Dimension);
        for (column, field) in columns {
            let cell = row.cell(column);
            if cell.is_blank() {
                continue;
            }
            if let Cell::Error(error) = cell {
                read.problems.push((Some(column), field, Message::with(Text::ImportCellError, [error.clone()])));
                if field.is_program_field() {
                    read.values.push((field, column, None));
                }
                continue;
            }
            let result = match field {
                ProgramField::Amount(year) => {
                    match amount(cell) {
                        Ok(0) => {}
                        Ok(value) => read.amounts.push((year, column, value)),
                        Err(message) => read.problems.push((Some(column), field, message)),
                    }
                    continue;
                }
                ProgramField::FundingSource => {
                    match parse_word(&FUNDING_SOURCES, &cell.text()) {
                        Some(source) => read.source = Some(source),
                        None => read.problems.push((Some(column), field, unknown_word(cell, &FUNDING_SOURCES))),
                    }
                    continue;
                }
                ProgramField::Code => {
                    read.code = cell.text();
                    if let Some(message) = too_long(&read.code) {
                        read.problems.push((Some(column), field, message));
                    }
                    continue;
                }
                _ => self.program_value(&read, field, cell),
            };
            match field {
                ProgramField::Name => read.name = cell.text(),
                ProgramField::Dimension => read.dimension_text = cell.text(),
                _ => {}
            }
            match result {
                Ok(value) => read.values.push((field, column, Some(value))),
                Err(message) => {
                    read.values.push((field, column, None));
                    read.problems.push((Some(column), field, message));
                }
            }
        }
        read
    }

    fn program_value(&self, read: &RowRead, field: ProgramField, cell: &Cell) -> Result<Value, Message> {
        let text = cell.text();
        match field {
            ProgramField::Dimension => self.lookup.dimension(&text).map(Value::Id),
            ProgramField::Element => {
                let dimension = read.id(ProgramField::Dimension);
                self.lookup.element(&text, dimension, &read.dimension_text).map(Value::Id)
            }
            ProgramField::Agency => self.lookup.agency(&text).map(Value::Id),
            ProgramField::ActionType => {
                parse_word(&ACTION_TYPES, &text).map(Value::Action).ok_or_else(|| unknown_word(cell, &ACTION_TYPES))
            }
            ProgramField::Status => {
                parse_word(&STATUSES, &text).map(Value::Status).ok_or_else(|| unknown_word(cell, &STATUSES))
            }
            ProgramField::StartYear | ProgramField::EndYear => year(cell).map(Value::Year),
            ProgramField::QuickWin => {
                parse_yes_no(&text).map(Value::Bool).ok_or_else(|| Message::new(Text::ImportNotYesNo))
            }
            _ => match too_long(&text) {
                Some(message) => Err(message),
                None => Ok(Value::Text(text)),
            },
        }
    }

    /// Rows of one program must agree; each source appears once; amounts need a source and the program's years.
    fn check_group(&self, reads: &mut [RowRead], rows: &[usize]) {
        let base = rows[0];
        let mut sources: HashMap<FundingSource, usize> = HashMap::new();
        for &r in rows {
            let mut found = Vec::new();
            if r != base {
                for (field, column, value) in &reads[r].values {
                    let Some(value) = value else { continue };
                    match reads[base].value(*field) {
                        Some(Some(first)) if first == value => {}
                        Some(None) => {}
                        _ => found.push((
                            Some(*column),
                            *field,
                            Message::with(Text::ImportRowConflict, [reads[base].number.to_string()]),
                        )),
                    }
                }
            }
            let source_column = self.mapping.column_of(ProgramField::FundingSource);
            match reads[r].source {
                Some(source) => {
                    if let Some(first) = sources.get(&source) {
                        let message = Message::with(Text::ImportSourceTwice, [first.to_string()]);
                        found.push((source_column, ProgramField::FundingSource, message));
                    } else {
                        sources.insert(source, reads[r].number);
                    }
                }
                None if !reads[r].amounts.is_empty() && !has_problem(&reads[r], ProgramField::FundingSource) => {
                    found.push((source_column, ProgramField::FundingSource, Message::new(Text::ImportSourceMissing)));
                }
                None => {}
            }
            let (start, end) = (reads[base].year(ProgramField::StartYear), reads[base].year(ProgramField::EndYear));
            if let (Some(start), Some(end)) = (start, end)
                && start <= end
            {
                for (year, column, _) in &reads[r].amounts {
                    if !(start..=end).contains(year) {
                        let message = Message::with(Text::BudgetOutsideYears, [year.to_string()]);
                        found.push((Some(*column), ProgramField::Amount(*year), message));
                    }
                }
                if r == base {
                    for (field, column, value) in &reads[r].values {
                        if let (ProgramField::Target(year), Some(Value::Text(_))) = (field, value)
                            && !(start..=end).contains(year)
                        {
                            let message = Message::with(Text::TargetOutsideYears, [year.to_string()]);
                            found.push((Some(*column), *field, message));
                        }
                    }
                }
            }
            if r == base {
                for field in [ProgramField::Element, ProgramField::StartYear, ProgramField::EndYear] {
                    if reads[r].value(field).is_none() {
                        found.push((self.mapping.column_of(field), field, Message::new(Text::Required)));
                    }
                }
            }
            reads[r].problems.extend(found);
        }
    }
}

fn has_problem(read: &RowRead, field: ProgramField) -> bool {
    read.problems.iter().any(|(_, f, _)| *f == field)
}

/// Rows grouped into programs, each group in file order: by code (trimmed, ignoring ASCII case); a row without
/// a code joins the row just above only when that one has no code either and the same name.
fn group(reads: &[RowRead]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_code: HashMap<String, usize> = HashMap::new();
    let mut last_without_code: Option<usize> = None;
    for (i, read) in reads.iter().enumerate() {
        let code = read.code.trim().to_ascii_lowercase();
        if !code.is_empty() {
            last_without_code = None;
            match by_code.get(&code) {
                Some(&g) => groups[g].push(i),
                None => {
                    by_code.insert(code, groups.len());
                    groups.push(vec![i]);
                }
            }
            continue;
        }
        let joins = last_without_code.filter(|&g| {
            let last = groups[g].last().copied().unwrap_or(usize::MAX);
            last.checked_add(1) == Some(i) && !read.name.is_empty() && reads[last].name == read.name
        });
        match joins {
            Some(g) => groups[g].push(i),
            None => {
                last_without_code = Some(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// The program of a group of rows without problems.
fn build(reads: &[RowRead], rows: &[usize], position: i64) -> Program {
    let base = &reads[rows[0]];
    let mut program = Program {
        id: new_id(),
        code: base.code.clone(),
        name: base.text(ProgramField::Name),
        description: base.text(ProgramField::Description),
        element_id: base.id(ProgramField::Element).unwrap_or_default(),
        agency_id: base.id(ProgramField::Agency),
        action_type: match base.value(ProgramField::ActionType) {
            Some(Some(Value::Action(action))) => *action,
            _ => ActionType::default(),
        },
        location: base.text(ProgramField::Location),
        start_year: base.year(ProgramField::StartYear).unwrap_or_default(),
        end_year: base.year(ProgramField::EndYear).unwrap_or_default(),
        status: match base.value(ProgramField::Status) {
            Some(Some(Value::Status(status))) => *status,
            _ => ProgramStatus::default(),
        },
        outputs: base.text(ProgramField::Outputs),
        indicator: base.text(ProgramField::Indicator),
        indicator_baseline: base.text(ProgramField::Baseline),
        targets: base
            .values
            .iter()
            .filter_map(|(field, _, value)| match (field, value) {
                (ProgramField::Target(year), Some(Value::Text(target))) => {
                    Some(YearTarget { year: *year, target: target.clone() })
                }
                _ => None,
            })
            .collect(),
        budget: rows
            .iter()
            .flat_map(|&r| {
                let source = reads[r].source;
                reads[r].amounts.iter().filter_map(move |(year, _, amount)| {
                    source.map(|source| BudgetLine { year: *year, source, amount: *amount })
                })
            })
            .collect(),
        quick_win: matches!(base.value(ProgramField::QuickWin), Some(Some(Value::Bool(true)))),
        position,
        readiness_items: Vec::new(),
        strategy_id: None,
    };
    program.normalise();
    program
}
