//! Buku III Ringkasan Eksekutif: two to four pages for the regent and the council: the key figures, cost by
//! dimension, the largest programs, and three charts (cost against the envelope, readiness radar, funding mix).

use std::cmp::Reverse;

use super::analysis::{dimension_indices, index_text, results};
use super::build::{Builder, percent};
use super::texts::B;
use crate::analysis::finance::{self, FinanceAnalysis};
use crate::analysis::readiness::RoundResult;
use crate::charts::of_workbook as charts;
use crate::i18n::{Text, format_rupiah};
use crate::io::document::{Align, Column, Row};
use crate::model::{FundingSource, Id, Scenario};

/// Programs listed as the largest.
const TOP_PROGRAMS: usize = 10;

pub fn build(b: &mut Builder<'_>) -> Result<(), String> {
    let wb = b.workbook;
    let p = &wb.profile;
    b.chapter(b.t(B::ChKeyFigures));
    b.paragraph(
        B::SummaryIntro.fill(b.lang, &[&p.region_name, &p.period_start.to_string(), &p.period_end.to_string()]),
    );
    let total = wb.programs.iter().fold(0i64, |s, p| s.saturating_add(p.total_cost()));
    let per_round = results(b);
    let analysis = if wb.finance.is_empty() { None } else { finance::analyse(wb).ok() };
    key_figures(b, total, &per_round, analysis.as_ref());
    cost_by_dimension(b, total);
    top_programs(b);
    summary_charts(b, total, &per_round, analysis.as_ref());
    Ok(())
}

/// The key figures: period, programs, cost and its APBD share, quick wins, the latest readiness index and the
/// envelope with its gap.
fn key_figures(b: &mut Builder<'_>, total: i64, per_round: &[(Id, RoundResult)], analysis: Option<&FinanceAnalysis>) {
    let wb = b.workbook;
    let p = &wb.profile;
    let apbd = wb
        .programs
        .iter()
        .flat_map(|p| &p.budget)
        .filter(|l| l.source == FundingSource::Apbd)
        .fold(0i64, |s, l| s.saturating_add(l.amount));
    let apbd_share = if total > 0 { apbd as f64 / total as f64 * 100.0 } else { 0.0 };
    let mut facts = vec![
        (b.t(B::Period).to_string(), format!("{}–{}", p.period_start, p.period_end)),
        (b.t(B::ProgramCount).to_string(), wb.programs.len().to_string()),
        (b.t(B::TotalCost).to_string(), format_rupiah(total)),
        (b.t(B::ApbdShare).to_string(), format!("{} ({})", format_rupiah(apbd), percent(apbd_share))),
        (b.t(B::QuickWinCount).to_string(), wb.programs.iter().filter(|p| p.quick_win).count().to_string()),
    ];
    if let (Some(round), Some((_, latest))) = (wb.rounds.last(), per_round.last()) {
        facts.push((format!("{} ({})", b.t(B::ReadinessIndex), round.label()), index_text(b, &latest.overall)));
    }
    if let Some(Some(Ok(base))) = analysis.map(|a| a.projection.scenario(Scenario::Base)) {
        let t = base.total;
        facts.push((
            B::EnvelopeTotal.fill(b.lang, &[&p.period_start.to_string(), &p.period_end.to_string()]),
            format_rupiah(t.envelope),
        ));
        let gap = match t.gap_percent {
            Some(share) => format!("{} ({})", format_rupiah(t.gap), percent(share)),
            None => format_rupiah(t.gap),
        };
        facts.push((b.t(B::GapTotal).to_string(), gap));
    }
    b.facts(b.t(B::KeyFiguresTable), facts);
}

/// Programs, cost and share of each dimension, with the total.
fn cost_by_dimension(b: &mut Builder<'_>, total: i64) {
    let wb = b.workbook;
    let columns = vec![
        Column::new(b.app(Text::ColDimension), Align::Left, 5),
        Column::new(b.t(B::Programs), Align::Right, 2),
        Column::new(b.t(B::Cost), Align::Right, 4),
        Column::new(b.t(B::Share), Align::Right, 2),
    ];
    let mut rows: Vec<Row> = wb
        .dimensions
        .iter()
        .map(|d| {
            let (count, cost) = wb
                .programs
                .iter()
                .filter(|p| wb.element(p.element_id).is_some_and(|e| e.dimension_id == d.id))
                .fold((0usize, 0i64), |(n, c), p| (n + 1, c.saturating_add(p.total_cost())));
            let share = if total > 0 { cost as f64 / total as f64 * 100.0 } else { 0.0 };
            Row::body(vec![b.dimension_name(d).to_string(), count.to_string(), format_rupiah(cost), percent(share)])
        })
        .collect();
    rows.push(Row::total(vec![
        b.app(Text::Total).to_string(),
        wb.programs.len().to_string(),
        format_rupiah(total),
        percent(if total > 0 { 100.0 } else { 0.0 }),
    ]));
    b.table(b.t(B::CostByDimension), columns, rows);
}

/// The largest programs by total cost.
fn top_programs(b: &mut Builder<'_>) {
    let wb = b.workbook;
    b.chapter(b.t(B::ChTopPrograms));
    let mut largest: Vec<_> = wb.programs.iter().collect();
    // Largest first; ties keep the workbook's order (a stable sort), so the list is the same every time.
    largest.sort_by_key(|p| Reverse(p.total_cost()));
    largest.truncate(TOP_PROGRAMS);
    if largest.is_empty() {
        b.paragraph(b.t(B::NoPrograms));
    } else {
        let columns = vec![
            Column::new(b.t(B::No), Align::Right, 2),
            Column::new(b.app(Text::ColName), Align::Left, 12),
            Column::new(b.app(Text::ColDimension), Align::Left, 6),
            Column::new(b.app(Text::ColAgency), Align::Left, 5),
            Column::new(b.app(Text::ColYears), Align::Center, 5),
            Column::new(b.app(Text::ColCost), Align::Right, 8),
        ];
        let rows = largest
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let dimension = wb.dimension_of(p.element_id).map_or("", |d| b.dimension_name(d));
                Row::body(vec![
                    (i + 1).to_string(),
                    p.name.clone(),
                    dimension.to_string(),
                    b.agency_of(p),
                    Builder::years_of(p),
                    format_rupiah(p.total_cost()),
                ])
            })
            .collect();
        let caption = B::TopProgramsTable.fill(b.lang, &[&largest.len().to_string()]);
        b.table(&caption, columns, rows);
    }
}

/// Cost against the envelope, the readiness radar and the funding mix, each when there is something to draw.
fn summary_charts(
    b: &mut Builder<'_>,
    total: i64,
    per_round: &[(Id, RoundResult)],
    analysis: Option<&FinanceAnalysis>,
) {
    let wb = b.workbook;
    b.chapter(b.t(B::ChCharts));
    if let Some(analysis) = analysis {
        let chart = charts::cost_vs_envelope(wb, analysis, b.lang);
        b.chart("cost-vs-envelope", &chart, &chart.title);
    }
    if !per_round.is_empty() {
        let radar = charts::radar(wb, &dimension_indices(per_round), b.lang);
        b.chart("readiness-radar", &radar, &radar.title);
    }
    if total > 0 {
        let mix = charts::funding_mix(&charts::funding_by_source(wb), b.lang);
        b.chart("funding-mix", &mix, &mix.title);
    }
}
