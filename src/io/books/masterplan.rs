//! Buku II Masterplan: the framework (programs and cost per dimension and element), then per dimension and
//! element its direction and programs, then the program matrix: every program by year, agency, cost and
//! funding source, on landscape pages.

use std::collections::HashMap;

use super::build::{Builder, short};
use super::texts::B;
use crate::i18n::{Text, format_rupiah};
use crate::io::document::{Align, Column, Orientation, Row, Span};
use crate::model::{Id, Program};

pub fn build(b: &mut Builder<'_>) -> Result<(), String> {
    let wb = b.workbook;
    let ordered = b.programs_in_order(&wb.programs);
    let mut by_element: HashMap<Id, Vec<&Program>> = HashMap::new();
    for p in &ordered {
        by_element.entry(p.element_id).or_default().push(p);
    }
    framework(b, &by_element, &ordered);
    for d in &wb.dimensions {
        b.chapter(B::DimensionHeading.fill(b.lang, &[b.dimension_name(d)]));
        let gloss = b.dimension_gloss(d);
        if !gloss.trim().is_empty() {
            b.paragraph(B::DimensionGloss.fill(b.lang, &[gloss.trim()]));
        }
        let in_dimension: Vec<&Program> =
            wb.elements_of(d.id).flat_map(|e| by_element.get(&e.id).into_iter().flatten().copied()).collect();
        let cost = in_dimension.iter().fold(0i64, |s, p| s.saturating_add(p.total_cost()));
        b.paragraph(B::DimensionSummary.fill(b.lang, &[&in_dimension.len().to_string(), &format_rupiah(cost)]));
        direction(b, d.id, None, b.dimension_name(d));
        for e in wb.elements_of(d.id) {
            b.section(b.element_name(e));
            direction(b, d.id, Some(e.id), b.element_name(e));
            let programs = by_element.get(&e.id).map_or(&[][..], Vec::as_slice);
            if programs.is_empty() {
                b.paragraph(b.t(B::NoPrograms));
                continue;
            }
            let caption = B::ProgramsOf.fill(b.lang, &[b.element_name(e)]);
            element_programs(b, &caption, programs);
        }
    }
    matrix(b, &by_element);
    Ok(())
}

/// The direction of a dimension (no element) or of an element: its goal, strategies and indicators with their
/// yearly targets. Nothing when the workbook has none.
fn direction(b: &mut Builder<'_>, dimension: Id, element: Option<Id>, name: &str) {
    let s = &b.workbook.strategy;
    let Some(direction) = s.direction_of(dimension, element) else { return };
    if !direction.goal.trim().is_empty() {
        b.spans(vec![Span::bold(b.t(B::DirectionIs)), Span::plain(direction.goal.trim())]);
    }
    let strategies: Vec<String> = s
        .strategies_of(direction.id)
        .map(|st| if st.code.trim().is_empty() { st.text.clone() } else { format!("{} {}", st.code, st.text) })
        .collect();
    if !strategies.is_empty() {
        b.spans(vec![Span::bold(b.t(B::Strategies))]);
        b.bullets(strategies);
    }
    let indicators: Vec<_> = s.indicators_of(direction.id).collect();
    if !indicators.is_empty() {
        let columns = vec![
            Column::new(b.app(Text::Indicator), Align::Left, 6),
            Column::new(b.t(B::Unit), Align::Left, 2),
            Column::new(b.app(Text::Baseline), Align::Left, 2),
            Column::new(b.t(B::Targets), Align::Left, 5),
        ];
        let rows = indicators
            .iter()
            .map(|i| {
                let targets: Vec<String> = i.targets.iter().map(|t| format!("{}: {}", t.year, t.value)).collect();
                Row::body(vec![i.name.clone(), i.unit.clone(), i.baseline.clone(), targets.join("\n")])
            })
            .collect();
        let caption = B::IndicatorsOf.fill(b.lang, &[name]);
        b.table(&caption, columns, rows);
    }
}

/// Programs and cost per dimension and element, with the totals.
fn framework(b: &mut Builder<'_>, by_element: &HashMap<Id, Vec<&Program>>, all: &[&Program]) {
    let wb = b.workbook;
    let p = &wb.profile;
    b.chapter(b.t(B::ChFramework));
    let total = all.iter().fold(0i64, |s, p| s.saturating_add(p.total_cost()));
    b.paragraph(B::FrameworkIntro.fill(
        b.lang,
        &[&all.len().to_string(), &format_rupiah(total), &p.period_start.to_string(), &p.period_end.to_string()],
    ));
    let columns = vec![
        Column::new(b.app(Text::ColElement), Align::Left, 6),
        Column::new(b.t(B::Programs), Align::Right, 2),
        Column::new(b.t(B::Cost), Align::Right, 4),
    ];
    let mut rows = Vec::new();
    for d in &wb.dimensions {
        rows.push(Row::group(b.dimension_name(d)));
        for e in wb.elements_of(d.id) {
            let programs = by_element.get(&e.id).map_or(&[][..], Vec::as_slice);
            let cost = programs.iter().fold(0i64, |s, p| s.saturating_add(p.total_cost()));
            rows.push(Row::body(vec![b.element_name(e).to_string(), programs.len().to_string(), format_rupiah(cost)]));
        }
    }
    rows.push(Row::total(vec![b.app(Text::Total).to_string(), all.len().to_string(), format_rupiah(total)]));
    b.table(b.t(B::FrameworkTable), columns, rows);
}

/// The programs of one element: code, name with its action type, agency, years, cost, sources.
fn element_programs(b: &mut Builder<'_>, caption: &str, programs: &[&Program]) {
    let columns = vec![
        Column::code(b.app(Text::ColCode), 12),
        Column::new(b.app(Text::ColName), Align::Left, 26),
        Column::new(b.app(Text::ColAgency), Align::Left, 12),
        Column::new(b.app(Text::ColYears), Align::Center, 11),
        Column::new(b.app(Text::ColCost), Align::Right, 19),
        Column::new(b.app(Text::ColSources), Align::Left, 13),
    ];
    let mut rows: Vec<Row> = programs
        .iter()
        .map(|p| {
            Row::body(vec![
                p.code.clone(),
                format!("{}\n({})", p.name, b.action_type(p.action_type)),
                b.agency_of(p),
                Builder::years_of(p),
                format_rupiah(p.total_cost()),
                b.sources_of(p),
            ])
        })
        .collect();
    let total = programs.iter().fold(0i64, |s, p| s.saturating_add(p.total_cost()));
    rows.push(Row::total(vec![
        String::new(),
        b.app(Text::Total).to_string(),
        String::new(),
        String::new(),
        format_rupiah(total),
        String::new(),
    ]));
    b.table(caption, columns, rows);
}

/// The program matrix on landscape pages: one table per dimension, grouped by element, a column per year.
fn matrix(b: &mut Builder<'_>, by_element: &HashMap<Id, Vec<&Program>>) {
    let wb = b.workbook;
    let years: Vec<i32> = wb.profile.years().collect();
    b.orientation(Orientation::Landscape);
    b.chapter(b.t(B::ChMatrix));
    b.paragraph(b.t(B::MatrixIntro));
    for d in &wb.dimensions {
        let mut columns = vec![
            Column::code(b.app(Text::ColCode), 7),
            Column::new(b.app(Text::ColName), Align::Left, 22),
            Column::new(b.app(Text::ColAgency), Align::Left, 9),
        ];
        columns.extend(years.iter().map(|y| Column::new(y.to_string(), Align::Right, 5)));
        columns.push(Column::new(b.app(Text::Total), Align::Right, 7));
        columns.push(Column::new(b.app(Text::ColSources), Align::Left, 9));
        let mut rows = Vec::new();
        let mut year_totals = vec![0i64; years.len()];
        let mut total = 0i64;
        for e in wb.elements_of(d.id) {
            let programs = by_element.get(&e.id).map_or(&[][..], Vec::as_slice);
            if programs.is_empty() {
                continue;
            }
            rows.push(Row::group(b.element_name(e)));
            for p in programs {
                let mut cells = vec![p.code.clone(), p.name.clone(), b.agency_of(p)];
                for (i, y) in years.iter().enumerate() {
                    let cost = p.cost_in_year(*y);
                    year_totals[i] = year_totals[i].saturating_add(cost);
                    cells.push(short(cost, b.lang));
                }
                total = total.saturating_add(p.total_cost());
                cells.push(short(p.total_cost(), b.lang));
                cells.push(b.sources_of(p));
                rows.push(Row::body(cells));
            }
        }
        if rows.is_empty() {
            continue;
        }
        let mut cells = vec![String::new(), b.app(Text::Total).to_string(), String::new()];
        cells.extend(year_totals.iter().map(|c| short(*c, b.lang)));
        cells.push(short(total, b.lang));
        cells.push(String::new());
        rows.push(Row::total(cells));
        b.section(b.dimension_name(d));
        let caption = B::MatrixOf.fill(b.lang, &[b.dimension_name(d)]);
        b.table_with(&caption, columns, rows, true);
    }
}
