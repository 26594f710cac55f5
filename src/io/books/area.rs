//! Buku V Masterplan Kawasan: the programs located in one area (the Wakatobi tourism area, KSPN, by default,
//! or any area the user names). A program belongs to the area when its name, description or location holds
//! the area's name, ignoring case and diacritics; the book says what was matched and where.

use super::build::{Builder, percent};
use super::texts::B;
use crate::analysis::programs::fold;
use crate::i18n::{Text, format_rupiah};
use crate::io::document::{Align, Column, Row};
use crate::model::Program;

/// Which of a program's text fields hold the (folded) area name, in the order name, description, location.
pub fn matched_fields(program: &Program, folded_area: &str) -> [bool; 3] {
    let holds = |text: &str| !folded_area.is_empty() && fold(text).contains(folded_area);
    [holds(&program.name), holds(&program.description), holds(&program.location)]
}

pub fn build(b: &mut Builder<'_>, area: &str) -> Result<(), String> {
    let wb = b.workbook;
    let folded = fold(area.trim());
    let matches: Vec<(&Program, [bool; 3])> =
        wb.programs.iter().map(|p| (p, matched_fields(p, &folded))).filter(|(_, m)| m.iter().any(|x| *x)).collect();
    b.chapter(B::ChArea.fill(b.lang, &[area]));
    if fold(area).contains("wakatobi") {
        b.paragraph(b.t(B::AreaContext));
    }
    if matches.is_empty() {
        b.notice(B::AreaNone.fill(b.lang, &[area]));
        return Ok(());
    }
    let total = matches.iter().fold(0i64, |s, (p, _)| s.saturating_add(p.total_cost()));
    b.paragraph(
        B::AreaMatched
            .fill(b.lang, &[area, &matches.len().to_string(), &wb.programs.len().to_string(), &format_rupiah(total)]),
    );

    by_dimension(b, &matches, total);
    let ordered = b.programs_in_order(matches.iter().map(|(p, _)| *p));
    area_programs(b, &ordered, &folded, total);
    b.section(b.t(B::ProgramDetails));
    for p in ordered {
        b.program_details(p);
    }
    Ok(())
}

/// The area's programs, cost and share by dimension, with the total.
fn by_dimension(b: &mut Builder<'_>, matches: &[(&Program, [bool; 3])], total: i64) {
    let wb = b.workbook;
    b.section(b.t(B::ByDimension));
    let columns = vec![
        Column::new(b.app(Text::ColDimension), Align::Left, 5),
        Column::new(b.t(B::Programs), Align::Right, 2),
        Column::new(b.t(B::Cost), Align::Right, 4),
        Column::new(b.t(B::Share), Align::Right, 2),
    ];
    let mut rows = Vec::new();
    for d in &wb.dimensions {
        let (count, cost) = matches
            .iter()
            .filter(|(p, _)| wb.element(p.element_id).is_some_and(|e| e.dimension_id == d.id))
            .fold((0usize, 0i64), |(n, c), (p, _)| (n + 1, c.saturating_add(p.total_cost())));
        if count > 0 {
            let share = if total > 0 { cost as f64 / total as f64 * 100.0 } else { 0.0 };
            rows.push(Row::body(vec![
                b.dimension_name(d).to_string(),
                count.to_string(),
                format_rupiah(cost),
                percent(share),
            ]));
        }
    }
    rows.push(Row::total(vec![
        b.app(Text::Total).to_string(),
        matches.len().to_string(),
        format_rupiah(total),
        percent(100.0),
    ]));
    b.table(b.t(B::ByDimension), columns, rows);
}

/// The area's programs in masterplan order, each with the fields the area's name was found in.
fn area_programs(b: &mut Builder<'_>, ordered: &[&Program], folded: &str, total: i64) {
    b.section(b.t(B::AreaPrograms));
    let fields = [b.app(Text::ColName), b.app(Text::Description), b.app(Text::Location)];
    let columns = vec![
        Column::code(b.app(Text::ColCode), 11),
        Column::new(b.app(Text::ColName), Align::Left, 24),
        Column::new(b.app(Text::Location), Align::Left, 12),
        Column::new(b.app(Text::ColAgency), Align::Left, 10),
        Column::new(b.app(Text::ColCost), Align::Right, 17),
        Column::new(b.t(B::MatchedIn), Align::Left, 16),
    ];
    let mut rows = Vec::with_capacity(ordered.len() + 1);
    for p in ordered {
        let m = matched_fields(p, folded);
        let matched: Vec<&str> = fields.iter().zip(m).filter(|(_, x)| *x).map(|(f, _)| *f).collect();
        rows.push(Row::body(vec![
            p.code.clone(),
            p.name.clone(),
            p.location.clone(),
            b.agency_of(p),
            format_rupiah(p.total_cost()),
            matched.join(", "),
        ]));
    }
    rows.push(Row::total(vec![
        String::new(),
        b.app(Text::Total).to_string(),
        String::new(),
        String::new(),
        format_rupiah(total),
        String::new(),
    ]));
    b.table(b.t(B::AreaPrograms), columns, rows);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_area_is_found_in_name_description_or_location_ignoring_case_and_accents() {
        let wb = crate::seed::new_workbook("Kabupaten Uji", 2022);
        let mut p = wb.new_program(None, "Portal wisata");
        p.description = "Terhubung ke KSPN WAKATOBI".into();
        p.location = "Pantai Toronipa".into();
        assert_eq!(matched_fields(&p, &fold("Wakatobi")), [false, true, false]);
        p.location = "Wakatóbi".into();
        assert_eq!(matched_fields(&p, &fold("wakatobi")), [false, true, true]);
        assert_eq!(matched_fields(&p, &fold("Toronipa")), [false, false, false]);
        assert_eq!(matched_fields(&p, ""), [false, false, false]);
    }
}
