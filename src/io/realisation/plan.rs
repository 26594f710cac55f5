//! From a [`Table`] to the realisation it reports: matched by program code, checked row by row against the
//! workbook and the model's own rules, all or nothing.
//!
//! **What a file states.** Rows are grouped by program and year (one row per funding source). For each
//! group, what the file states replaces what the workbook holds, and what it leaves empty stays:
//! - a status (on any of the group's rows) states the realisation whole: status, reason, actual value, note
//!   and evidence as the file has them (empty is empty); texts without a status are refused, since the
//!   status is what they describe;
//! - money (a row with a spent amount) states the year's money whole: each source as the file has it, and
//!   the sources it does not list spent nothing. A spent amount needs its funding source.
//!
//! Two rows of a group giving different values for one field, or one source twice, are refused. A program
//! not due that year may be reported (a note flags it). In an agency copy, another agency's program is
//! refused: the copy reports only its own.

use std::collections::{BTreeSet, HashMap};

use super::fields::{RealisationField, STATUSES};
use crate::analysis::monev::is_due;
use crate::i18n::{Lang, Message, Text};
use crate::io::import::cells::{amount, shown, too_long, unknown_word, year};
use crate::io::import::{RowProblem, report_lines};
use crate::io::program_table::{FUNDING_SOURCES, fold, parse_word};
use crate::io::table::{Table, TableRow};
use crate::model::{
    Change, Edit, FundingSource, Id, MonevChange, Program, Realisation, RealisationStatus, Spending, Workbook,
    validate_change,
};

/// What importing a realisation file would do. Built without touching the workbook.
#[derive(Clone, Debug, PartialEq)]
pub struct RealisationPlan {
    pub source: String,
    pub file_errors: Vec<Message>,
    pub notes: Vec<Message>,
    pub problems: Vec<RowProblem>,
    /// The changes of every program-year that passed, in the order of the file.
    pub changes: Vec<Change>,
    /// Program-years the file states.
    pub program_years: usize,
    pub rows_read: usize,
}

/// A text field of a group and the row it came from.
type Stated = Option<(String, usize)>;

/// What the rows of one program and year state.
#[derive(Default)]
struct Group {
    first_row: usize,
    status: Option<(RealisationStatus, usize)>,
    texts: [Stated; 4],
    money: Vec<(FundingSource, i64, usize)>,
    refused: bool,
}

/// The text fields a group collects, in the order of [`Group::texts`].
const TEXTS: [RealisationField; 4] =
    [RealisationField::Reason, RealisationField::Actual, RealisationField::Note, RealisationField::Evidence];

struct Columns {
    headers: Vec<String>,
    fields: Vec<Option<RealisationField>>,
}

impl Columns {
    fn of(&self, field: RealisationField) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    fn header(&self, field: RealisationField) -> String {
        self.of(field).map_or_else(|| field.header(Lang::Id).to_string(), |c| shown(&self.headers[c]))
    }

    fn errors(&self) -> Vec<Message> {
        if self.fields.iter().all(Option::is_none) {
            return vec![Message::with(Text::ImportNoHeader, [shown(&self.headers.join(" | "))])];
        }
        let mut errors = Vec::new();
        for (i, field) in self.fields.iter().enumerate() {
            if let Some(field) = field
                && let Some(first) = self.fields[..i].iter().position(|f| f == &Some(*field))
            {
                let args = [self.headers[first].clone(), self.headers[i].clone(), field.both_headers()];
                errors.push(Message::with(Text::ImportColumnTwice, args));
            }
        }
        for field in [RealisationField::Code, RealisationField::Year] {
            if self.of(field).is_none() {
                errors.push(Message::with(Text::ImportMissingColumn, [field.both_headers()]));
            }
        }
        errors
    }
}

impl RealisationPlan {
    /// Plan the import of `table` into `workbook`; `scope` is the agency of an agency copy, whose programs
    /// alone it may report.
    pub fn new(workbook: &Workbook, table: &Table, scope: Option<Id>) -> RealisationPlan {
        let columns = Columns {
            headers: table.headers.clone(),
            fields: table.headers.iter().map(|h| RealisationField::from_header(h)).collect(),
        };
        let mut plan = RealisationPlan {
            source: table.source.clone(),
            file_errors: columns.errors(),
            notes: Vec::new(),
            problems: Vec::new(),
            changes: Vec::new(),
            program_years: 0,
            rows_read: 0,
        };
        for (header, field) in columns.headers.iter().zip(&columns.fields) {
            if field.is_none() && !header.trim().is_empty() {
                plan.notes.push(Message::with(Text::ImportColumnIgnored, [shown(header)]));
            }
        }
        if plan.file_errors.is_empty() {
            Reader { workbook, columns: &columns, scope, codes: codes(workbook) }.run(table, &mut plan);
        }
        plan
    }

    pub fn is_clean(&self) -> bool {
        self.file_errors.is_empty() && self.problems.is_empty()
    }

    /// One edit, one undo step, for every change.
    pub fn edit(&self) -> Edit {
        let label = Message::with(Text::EditImportRealisation, [self.program_years.to_string(), self.source.clone()]);
        Edit::new(label, self.changes.clone())
    }

    /// The report: file errors, one line per problem, notes, and the summary.
    pub fn report(&self, lang: Lang) -> Vec<String> {
        let refused: BTreeSet<usize> = self.problems.iter().map(|p| p.row).collect();
        let counts = [self.rows_read.to_string(), self.program_years.to_string(), refused.len().to_string()];
        let summary = Message::with(Text::RealisationSummary, counts);
        report_lines(&self.file_errors, &self.problems, &self.notes, summary, lang)
    }
}

fn codes(workbook: &Workbook) -> HashMap<String, usize> {
    workbook.programs.iter().enumerate().map(|(i, p)| (fold(&p.code), i)).collect()
}

struct Reader<'a> {
    workbook: &'a Workbook,
    columns: &'a Columns,
    scope: Option<Id>,
    codes: HashMap<String, usize>,
}

/// The programs and years in the order the file first names them, with what their rows state.
#[derive(Default)]
struct Groups {
    order: Vec<(usize, i32)>,
    by_key: HashMap<(usize, i32), Group>,
}

impl Reader<'_> {
    fn run(&self, table: &Table, plan: &mut RealisationPlan) {
        let mut groups = Groups::default();
        for row in table.rows.iter().filter(|r| !r.is_blank()) {
            plan.rows_read += 1;
            self.read_row(row, &mut groups, plan);
        }
        for key in &groups.order {
            let group = &groups.by_key[key];
            if !group.refused {
                self.finish(&self.workbook.programs[key.0], key.1, group, plan);
            }
        }
    }

    fn problem(&self, plan: &mut RealisationPlan, row: usize, field: RealisationField, message: Message) {
        plan.problems.push(RowProblem { row, column: self.columns.header(field), message });
    }

    fn text(&self, row: &TableRow, field: RealisationField) -> String {
        self.columns.of(field).map_or_else(String::new, |c| row.cell(c).text())
    }

    /// The program and year a row is about, or the problems that stop it.
    fn program_year(&self, row: &TableRow, plan: &mut RealisationPlan) -> Option<(usize, i32)> {
        let code = self.text(row, RealisationField::Code);
        let n = row.number;
        let program = match self.codes.get(&fold(&code)) {
            _ if code.is_empty() => {
                self.problem(plan, n, RealisationField::Code, Message::new(Text::RealisationCodeEmpty));
                None
            }
            None => {
                self.problem(
                    plan,
                    n,
                    RealisationField::Code,
                    Message::with(Text::RealisationUnknownCode, [shown(&code)]),
                );
                None
            }
            Some(&index) => Some(index),
        };
        if let Some(index) = program
            && let Some(scope) = self.scope
            && self.workbook.programs[index].agency_id != Some(scope)
        {
            let agency = self.workbook.agency(scope).map_or_else(String::new, |a| a.label().to_string());
            let message = Message::with(Text::RealisationOutOfScope, [shown(&code), agency]);
            self.problem(plan, n, RealisationField::Code, message);
            return None;
        }
        let cell = row.cell(self.columns.of(RealisationField::Year)?);
        let year = match year(cell) {
            Ok(y) if self.workbook.profile.years().contains(&y) => Some(y),
            Ok(y) => {
                let p = &self.workbook.profile;
                let args = [y.to_string(), p.period_start.to_string(), p.period_end.to_string()];
                self.problem(plan, n, RealisationField::Year, Message::with(Text::MonevYearOutsidePeriod, args));
                None
            }
            Err(message) => {
                self.problem(plan, n, RealisationField::Year, message);
                None
            }
        };
        Some((program?, year?))
    }

    fn read_row(&self, row: &TableRow, groups: &mut Groups, plan: &mut RealisationPlan) {
        let before = plan.problems.len();
        let Some(key) = self.program_year(row, plan) else { return };
        let n = row.number;
        if !groups.by_key.contains_key(&key) {
            groups.order.push(key);
        }
        let group = groups.by_key.entry(key).or_insert_with(|| Group { first_row: n, ..Group::default() });
        let conflict = |field: RealisationField| Message::with(Text::RealisationConflict, [field.both_headers()]);
        let status = self.text(row, RealisationField::Status);
        if !status.is_empty() {
            match parse_word(&STATUSES, &status) {
                None => self.problem(
                    plan,
                    n,
                    RealisationField::Status,
                    unknown_word(&row.cell(self.columns.of(RealisationField::Status).unwrap_or(0)).clone(), &STATUSES),
                ),
                Some(s) if group.status.is_some_and(|(other, _)| other != s) => {
                    self.problem(plan, n, RealisationField::Status, conflict(RealisationField::Status))
                }
                Some(s) => group.status = Some((s, n)),
            }
        }
        for (slot, field) in group.texts.iter_mut().zip(TEXTS) {
            let text = self.text(row, field);
            if text.is_empty() {
                continue;
            }
            if let Some(message) = too_long(&text) {
                self.problem(plan, n, field, message);
            } else if slot.as_ref().is_some_and(|(other, _)| *other != text) {
                self.problem(plan, n, field, conflict(field));
            } else {
                *slot = Some((text, n));
            }
        }
        self.read_money(row, group, plan);
        group.refused |= plan.problems.len() > before;
    }

    fn read_money(&self, row: &TableRow, group: &mut Group, plan: &mut RealisationPlan) {
        let n = row.number;
        let Some(spent_column) = self.columns.of(RealisationField::Spent) else { return };
        let cell = row.cell(spent_column);
        if cell.is_blank() {
            return;
        }
        let spent = amount(cell).map_err(|m| self.problem(plan, n, RealisationField::Spent, m)).ok();
        let source_text = self.text(row, RealisationField::Source);
        let source = if source_text.is_empty() {
            self.problem(plan, n, RealisationField::Source, Message::new(Text::RealisationSourceNeeded));
            None
        } else {
            let found = parse_word(&FUNDING_SOURCES, &source_text);
            if found.is_none() {
                let cell = row.cell(self.columns.of(RealisationField::Source).unwrap_or(0)).clone();
                self.problem(plan, n, RealisationField::Source, unknown_word(&cell, &FUNDING_SOURCES));
            }
            found
        };
        let (Some(spent), Some(source)) = (spent, source) else { return };
        if group.money.iter().any(|(s, ..)| *s == source) {
            self.problem(
                plan,
                n,
                RealisationField::Source,
                Message::with(Text::RealisationSourceTwice, [shown(&source_text)]),
            );
        } else {
            group.money.push((source, spent, n));
        }
    }
}

impl Reader<'_> {
    /// The changes of one program-year, checked with the model's rules; refused, the group adds problems.
    fn finish(&self, program: &Program, year: i32, group: &Group, plan: &mut RealisationPlan) {
        let m = &self.workbook.monev;
        let mut changes = Vec::new();
        match group.status {
            Some((status, _)) => {
                let text = |i: usize| group.texts[i].as_ref().map_or_else(String::new, |(t, _)| t.clone());
                let realisation = Realisation {
                    status,
                    reason: text(0),
                    actual: text(1),
                    note: text(2),
                    evidence: text(3),
                    ..Realisation::new(program.id, year)
                };
                if m.realisation(program.id, year) != Some(&realisation) {
                    changes.push(MonevChange::PutRealisation(realisation));
                }
            }
            None => {
                if let Some((_, row)) = group.texts.iter().flatten().next() {
                    let message = Message::new(Text::RealisationStatusNeeded);
                    self.problem(plan, *row, RealisationField::Status, message);
                    return;
                }
            }
        }
        if !group.money.is_empty() {
            for source in FundingSource::ALL {
                let stated = group.money.iter().find(|(s, ..)| *s == source).map_or(0, |(_, amount, _)| *amount);
                let here = m.spending_row(program.id, year, source).map(|s| s.amount);
                match (stated, here) {
                    (0, Some(_)) => changes.push(MonevChange::RemoveSpending { program: program.id, year, source }),
                    (0, None) => {}
                    (amount, here) if here != Some(amount) => changes.push(MonevChange::PutSpending(Spending {
                        program_id: program.id,
                        year,
                        source,
                        amount,
                    })),
                    _ => {}
                }
            }
        }
        for change in &changes {
            if let Some(problem) = validate_change(self.workbook, &Change::Monev(change.clone())).into_iter().next() {
                let field = if matches!(change, MonevChange::PutSpending(_)) {
                    RealisationField::Spent
                } else {
                    RealisationField::Status
                };
                self.problem(plan, group.first_row, field, problem.message);
                return;
            }
        }
        plan.program_years += 1;
        if !is_due(program, year) {
            plan.notes.push(Message::with(Text::RealisationNotDue, [program.code.clone(), year.to_string()]));
        }
        plan.changes.extend(changes.into_iter().map(Change::Monev));
    }
}
