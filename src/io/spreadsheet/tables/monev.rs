//! The monitoring tables: the realisation in the import format (`io::realisation`: one row per program, year
//! and funding source, so an agency edits the sheet or the CSV and imports it back), and the evaluation's
//! self-assessment scores per year and item.

use std::collections::BTreeSet;

use super::{Column, DataTable, TableKind, Value};
use crate::analysis::monev::planned;
use crate::i18n::{Lang, Text};
use crate::io::program_table::{FUNDING_SOURCES, word_for};
use crate::io::realisation::{RealisationField as F, STATUSES};
use crate::model::{Program, Realisation, Workbook};

fn column(field: F, lang: Lang) -> Column {
    let width = match field {
        F::Code | F::Year | F::Status => 12.0,
        F::Name | F::Reason | F::Note | F::Evidence => 32.0,
        F::Planned | F::Spent => 18.0,
        F::Source | F::Target | F::Actual => 16.0,
    };
    Column::new(field.header(lang), width)
}

/// The cells of one row, in the order of [`F::ALL`].
fn row(
    program: &Program,
    realisation: Option<&Realisation>,
    money: Option<(Value, i64, Option<i64>)>,
    year: i32,
    lang: Lang,
) -> Vec<Value> {
    let text = |get: fn(&Realisation) -> &String| realisation.map_or(Value::Empty, |r| Value::text(get(r)));
    let target = program.targets.iter().find(|t| t.year == year).map_or(Value::Empty, |t| Value::text(&t.target));
    let (source, plan, spent) = money.unwrap_or((Value::Empty, program.cost_in_year(year), None));
    vec![
        Value::text(&program.code),
        Value::text(&program.name),
        Value::Int(i64::from(year)),
        realisation.map_or(Value::Empty, |r| Value::text(word_for(&STATUSES, r.status, lang))),
        text(|r| &r.reason),
        source,
        Value::Money(plan),
        spent.map_or(Value::Empty, Value::Money),
        target,
        text(|r| &r.actual),
        text(|r| &r.note),
        text(|r| &r.evidence),
    ]
}

/// Every program-year with a realisation or money spent, in program order then year: one row per funding
/// source spent from (a row without source and amount when nothing was spent). Rows of removed programs are
/// left out, as everywhere.
pub(super) fn realisation(workbook: &Workbook, lang: Lang) -> DataTable {
    let m = &workbook.monev;
    let keys: BTreeSet<_> =
        m.realisations.iter().map(|r| r.key()).chain(m.spending.iter().map(|s| (s.program_id, s.year))).collect();
    let mut keyed: Vec<(i64, i32, &Program)> =
        keys.into_iter().filter_map(|(id, year)| workbook.program(id).map(|p| (p.position, year, p))).collect();
    keyed.sort_by_key(|(position, year, p)| (*position, *year, p.id));
    let mut rows = Vec::new();
    for (_, year, program) in keyed {
        let realisation = m.realisation(program.id, year);
        let spending = m.spending_of(program.id, year);
        if spending.is_empty() {
            rows.push(row(program, realisation, None, year, lang));
        }
        for s in spending {
            let source = Value::text(word_for(&FUNDING_SOURCES, s.source, lang));
            let money = (source, planned(program, year, s.source), Some(s.amount));
            rows.push(row(program, realisation, Some(money), year, lang));
        }
    }
    DataTable { kind: TableKind::Realisation, columns: F::ALL.iter().map(|f| column(*f, lang)).collect(), rows }
}

/// The self-assessment: per year and item its dimension, weight, score, evidence and note.
pub(super) fn evaluation_scores(workbook: &Workbook, lang: Lang) -> DataTable {
    let m = &workbook.monev;
    let name = |id: &str, en: &str| if lang == Lang::En { en.to_string() } else { id.to_string() };
    let columns = vec![
        Column::new(Text::MonevYear.get(lang), 8.0),
        Column::new(Text::MonevDimension.get(lang), 20.0),
        Column::new(Text::EvalItem.get(lang), 50.0),
        Column::new(Text::EvalItemWeight.get(lang), 8.0),
        Column::new(Text::EvalScore.get(lang), 10.0),
        Column::new(Text::MonevEvidence.get(lang), 32.0),
        Column::new(Text::MonevNote.get(lang), 32.0),
    ];
    let rows = m
        .scores
        .iter()
        .filter_map(|s| {
            let item = m.item(s.item_id)?;
            let dimension = m.dimension(item.dimension_id)?;
            Some(vec![
                Value::Int(i64::from(s.year)),
                Value::Text(name(&dimension.name_id, &dimension.name_en)),
                Value::Text(name(&item.name_id, &item.name_en)),
                Value::Int(i64::from(item.weight)),
                Value::Decimal(s.points()),
                Value::text(&s.evidence),
                Value::text(&s.note),
            ])
        })
        .collect();
    DataTable { kind: TableKind::EvaluationScores, columns, rows }
}

/// The evaluation framework: each item under its dimension with both weights, the key and both names, so the
/// weighting a regency uses can be read and compared without the app.
pub(super) fn evaluation_framework(workbook: &Workbook, lang: Lang) -> DataTable {
    let m = &workbook.monev;
    let name = |id: &str, en: &str| if lang == Lang::En { en.to_string() } else { id.to_string() };
    let columns = vec![
        Column::new(Text::MonevDimension.get(lang), 20.0),
        Column::new(Text::SheetDimensionWeight.get(lang), 10.0),
        Column::new(Text::SheetItemKey.get(lang), 24.0),
        Column::new(Text::SheetItemId.get(lang), 50.0),
        Column::new(Text::SheetItemEn.get(lang), 50.0),
        Column::new(Text::SheetItemWeight.get(lang), 10.0),
    ];
    let rows = m
        .dimensions
        .iter()
        .flat_map(|d| m.items_of(d.id).map(move |i| (d, i)))
        .map(|(d, i)| {
            vec![
                Value::Text(name(&d.name_id, &d.name_en)),
                Value::Int(i64::from(d.weight)),
                Value::text(&i.key),
                Value::text(&i.name_id),
                Value::text(&i.name_en),
                Value::Int(i64::from(i.weight)),
            ]
        })
        .collect();
    DataTable { kind: TableKind::EvaluationFramework, columns, rows }
}
