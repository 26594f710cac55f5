//! Buku IV Quick Win: the acceleration programs to start within about a year. The programs marked as quick
//! wins in the workbook, each in full; while none is marked, a clearly titled provisional list of the programs
//! whose budget starts in the masterplan's first year.

use super::build::{Builder, percent};
use super::texts::B;
use crate::analysis::quick_wins::{Window, marked, weight_shares};
use crate::i18n::{Lang, Text, format_decimal, format_rupiah};
use crate::io::document::{Align, Column, Row};
use crate::model::Program;

/// The prioritisation criteria with their weights as shares.
fn criteria(b: &mut Builder<'_>) {
    let criteria = b.workbook.quick_wins.criteria_in_force();
    if criteria.is_empty() {
        return;
    }
    b.section(b.t(B::SecCriteria));
    b.paragraph(b.t(B::CriteriaIntro));
    let shares = weight_shares(&criteria);
    let columns =
        vec![Column::new(b.t(B::Criterion), Align::Left, 6), Column::new(b.t(B::WeightShare), Align::Right, 2)];
    let rows = criteria
        .iter()
        .zip(shares)
        .map(|(c, share)| {
            let name = if b.lang == Lang::En { &c.name_en } else { &c.name_id };
            let name = if c.lower_is_better && !name.contains('(') {
                format!("{name} ({})", b.t(B::LowerIsBetter))
            } else {
                name.clone()
            };
            Row::body(vec![name, percent(share)])
        })
        .collect();
    b.table(b.t(B::SecCriteria), columns, rows);
}

/// The marked quick wins in ranking order: rank, weighted score, votes, cost in the first year and in total.
fn ranking(b: &mut Builder<'_>) {
    let wb = b.workbook;
    let window = Window::first_year_of(wb);
    let summary = marked(wb, window);
    b.section(b.t(B::SecRanking));
    let years = if window.years > 1 {
        format!("{}–{}", window.first_year, window.last_year())
    } else {
        window.first_year.to_string()
    };
    let columns = vec![
        Column::new(b.app(Text::QwRank), Align::Center, 5),
        Column::code(b.app(Text::ColCode), 5),
        Column::new(b.app(Text::ColName), Align::Left, 11),
        Column::new(b.app(Text::QwScoreShort), Align::Right, 3),
        Column::new(b.app(Text::QwVotesShort), Align::Right, 3),
        Column::new(B::CostIn.fill(b.lang, &[&years]), Align::Right, 7),
        Column::new(b.app(Text::ColCost), Align::Right, 7),
    ];
    let mut rows: Vec<Row> = summary
        .programs
        .iter()
        .filter_map(|r| {
            let p = wb.program(r.program)?;
            let score = r.score.value().map_or_else(
                || "–".to_string(),
                |v| format!("{} ({}/{})", format_decimal(v, 2), r.score.scored, r.score.of),
            );
            Some(Row::body(vec![
                r.rank.map_or_else(|| "–".to_string(), |n| n.to_string()),
                p.code.clone(),
                p.name.clone(),
                score,
                r.votes.to_string(),
                format_rupiah(r.cost),
                format_rupiah(p.total_cost()),
            ]))
        })
        .collect();
    rows.push(Row::total(vec![
        String::new(),
        String::new(),
        b.app(Text::Total).to_string(),
        String::new(),
        String::new(),
        format_rupiah(summary.window_cost),
        format_rupiah(summary.total_cost),
    ]));
    b.table_with(b.t(B::RankingTable), columns, rows, true);
    b.note(b.t(B::RankingNote));
}

pub fn build(b: &mut Builder<'_>) -> Result<(), String> {
    let wb = b.workbook;
    let first_year = wb.profile.period_start;
    b.paragraph(b.t(B::QuickWinsIntro));
    let marked: Vec<&Program> = wb.programs.iter().filter(|p| p.quick_win).collect();
    let programs = if marked.is_empty() {
        let title = B::ChFirstYear.fill(b.lang, &[&first_year.to_string()]);
        b.chapter(title);
        b.notice(B::FirstYearNotice.fill(b.lang, &[&first_year.to_string()]));
        let first_budgeted = |p: &&Program| p.budget.iter().map(|l| l.year).min() == Some(first_year);
        b.programs_in_order(wb.programs.iter().filter(first_budgeted))
    } else {
        b.chapter(b.t(B::ChMarkedQuickWins));
        let total = marked.iter().fold(0i64, |s, p| s.saturating_add(p.total_cost()));
        b.paragraph(B::MarkedIntro.fill(b.lang, &[&marked.len().to_string(), &format_rupiah(total)]));
        criteria(b);
        ranking(b);
        b.programs_in_order(marked)
    };
    if programs.is_empty() {
        b.paragraph(b.t(B::NoPrograms));
        return Ok(());
    }
    b.section(b.t(B::QuickWinTable));
    b.program_table(b.t(B::QuickWinTable), &programs);
    b.section(b.t(B::ProgramDetails));
    for p in programs {
        b.program_details(p);
    }
    Ok(())
}
