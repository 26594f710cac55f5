//! The program tables: the program table in the import format (what an agency edits and imports back), the
//! cost of each program per year with its totals, and the yearly budget lines.

use super::{Column, DataTable, TableKind, Value};
use crate::i18n::{Lang, Text};
use crate::io::program_export::{Out, sheet, width};
use crate::io::program_table::{ACTION_TYPES, FUNDING_SOURCES, ProgramField, STATUSES, word_for, yes_no};
use crate::model::{Program, Workbook};

pub(super) fn header(field: ProgramField, lang: Lang) -> String {
    field.header(lang).into_owned()
}

pub(super) fn dimension_name(workbook: &Workbook, program: &Program, lang: Lang) -> Value {
    workbook
        .dimension_of(program.element_id)
        .map_or(Value::Empty, |d| Value::text(if lang == Lang::Id { &d.name_id } else { &d.name_en }))
}

pub(super) fn element_name(workbook: &Workbook, program: &Program, lang: Lang) -> Value {
    workbook
        .element(program.element_id)
        .map_or(Value::Empty, |e| Value::text(if lang == Lang::Id { &e.name_id } else { &e.name_en }))
}

pub(super) fn agency_name(workbook: &Workbook, program: &Program) -> Value {
    program.agency_id.and_then(|a| workbook.agency(a)).map_or(Value::Empty, |a| Value::text(a.label()))
}

/// The years the program tables cover: the masterplan period, widened by any budget outside it.
fn budget_years(workbook: &Workbook) -> Vec<i32> {
    let mut years: Vec<i32> = workbook.profile.years().collect();
    years.extend(workbook.programs.iter().flat_map(|p| p.budget.iter().map(|l| l.year)));
    years.sort_unstable();
    years.dedup();
    years
}

/// The program table exactly as the import reads it (`io::program_export`): one row per program and funding
/// source, the year columns that source's amounts, then the yearly targets. No totals row: it would be read
/// back as a program; the totals are on the program cost sheet.
pub(super) fn programs(workbook: &Workbook, lang: Lang) -> DataTable {
    let table = sheet(workbook, lang);
    let columns = table.fields.iter().map(|f| Column::new(header(*f, lang), width(*f))).collect();
    let cell = |out: &Out| match out {
        Out::Empty => Value::Empty,
        Out::Text(text) => Value::Text(text.clone()),
        Out::Year(year) => Value::Int(i64::from(*year)),
        Out::Amount(amount) => Value::Money(*amount),
    };
    let rows = table.rows.iter().map(|row| row.iter().map(cell).collect()).collect();
    DataTable { kind: TableKind::Programs, columns, rows }
}

/// One row per program: what it is, who does it, when, and its cost per year and in total, with a totals row.
pub(super) fn program_cost(workbook: &Workbook, lang: Lang) -> DataTable {
    let years = budget_years(workbook);
    let mut columns = vec![
        Column::new(header(ProgramField::Code, lang), 10.0),
        Column::new(header(ProgramField::Name, lang), 40.0),
        Column::new(header(ProgramField::Dimension, lang), 18.0),
        Column::new(header(ProgramField::Element, lang), 24.0),
        Column::new(header(ProgramField::Agency, lang), 18.0),
        Column::new(header(ProgramField::ActionType, lang), 14.0),
        Column::new(header(ProgramField::Status, lang), 12.0),
        Column::new(header(ProgramField::Location, lang), 16.0),
        Column::new(header(ProgramField::StartYear, lang), 8.0),
        Column::new(header(ProgramField::EndYear, lang), 8.0),
        Column::new(header(ProgramField::QuickWin, lang), 9.0),
    ];
    columns.extend(years.iter().map(|y| Column::summed(y.to_string())));
    columns.push(Column::summed(Text::SheetTotalCost.get(lang)));
    let rows = workbook
        .programs
        .iter()
        .map(|p| {
            let mut row = vec![
                Value::text(&p.code),
                Value::text(&p.name),
                dimension_name(workbook, p, lang),
                element_name(workbook, p, lang),
                agency_name(workbook, p),
                Value::text(word_for(&ACTION_TYPES, p.action_type, lang)),
                Value::text(word_for(&STATUSES, p.status, lang)),
                Value::text(&p.location),
                Value::Int(i64::from(p.start_year)),
                Value::Int(i64::from(p.end_year)),
                Value::text(yes_no(p.quick_win, lang)),
            ];
            row.extend(years.iter().map(|y| match p.cost_in_year(*y) {
                0 => Value::Empty,
                cost => Value::Money(cost),
            }));
            row.push(Value::Money(p.total_cost()));
            row
        })
        .collect();
    DataTable { kind: TableKind::ProgramCost, columns, rows }
}

/// One row per budget line: program, year, funding source and amount (the long form pivot tables like).
pub(super) fn budget_lines(workbook: &Workbook, lang: Lang) -> DataTable {
    let columns = vec![
        Column::new(header(ProgramField::Code, lang), 10.0),
        Column::new(header(ProgramField::Name, lang), 40.0),
        Column::new(header(ProgramField::Dimension, lang), 18.0),
        Column::new(header(ProgramField::Agency, lang), 18.0),
        Column::new(Text::Year.get(lang), 8.0),
        Column::new(header(ProgramField::FundingSource, lang), 14.0),
        Column::summed(Text::SheetAmount.get(lang)),
    ];
    let mut rows = Vec::new();
    for p in &workbook.programs {
        let (dimension, agency) = (dimension_name(workbook, p, lang), agency_name(workbook, p));
        for line in &p.budget {
            rows.push(vec![
                Value::text(&p.code),
                Value::text(&p.name),
                dimension.clone(),
                agency.clone(),
                Value::Int(i64::from(line.year)),
                Value::text(word_for(&FUNDING_SOURCES, line.source, lang)),
                Value::Money(line.amount),
            ]);
        }
    }
    DataTable { kind: TableKind::BudgetLines, columns, rows }
}
