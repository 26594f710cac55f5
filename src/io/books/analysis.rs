//! Buku I Analisis: the regional profile with the smart city council, team and agencies; the vision and
//! mission; the financial analysis (history, ratios, projection, the smart city envelope against the
//! programs' cost, with charts); the readiness analysis (indices by pillar and dimension, charts, the largest
//! gaps); and the strategic issues and SWOT once the workbook holds them.

use super::build::{Builder, amount, percent, short_amount};
use super::texts::B;
use crate::analysis::finance::{self, FinanceAnalysis};
use crate::analysis::readiness::{Index, RoundResult, band_of, round_result};
use crate::charts::of_workbook as charts;
use crate::i18n::{Lang, Text, format_decimal, format_rupiah};
use crate::io::document::{Align, Column, Row, Span};
use crate::model::{Body, Id, LineTree, RegionType, Scenario, SwotKind};

pub fn build(b: &mut Builder<'_>) -> Result<(), String> {
    profile(b);
    vision_mission(b);
    finance_chapter(b)?;
    readiness_chapter(b)?;
    issues(b);
    Ok(())
}

fn profile(b: &mut Builder<'_>) {
    let wb = b.workbook;
    let p = &wb.profile;
    b.chapter(b.t(B::ChProfile));
    let region_type = match p.region_type {
        RegionType::Kabupaten => Text::Kabupaten,
        RegionType::Kota => Text::Kota,
    };
    let or_none = |s: &str| if s.trim().is_empty() { "–".to_string() } else { s.trim().to_string() };
    let facts = vec![
        (b.app(Text::RegionName).to_string(), or_none(&p.region_name)),
        (b.app(Text::RegionType).to_string(), b.app(region_type).to_string()),
        (b.app(Text::RegionCode).to_string(), or_none(&p.region_code)),
        (b.app(Text::Province).to_string(), or_none(&p.province)),
        (b.app(Text::Capital).to_string(), or_none(&p.capital)),
        (b.t(B::Period).to_string(), format!("{}–{}", p.period_start, p.period_end)),
        (b.app(Text::InfoAgencies).to_string(), wb.agencies.len().to_string()),
        (b.t(B::ProgramCount).to_string(), wb.programs.len().to_string()),
    ];
    b.facts(b.t(B::ProfileTable), facts);
    for (body, text) in [(Body::Council, Text::SectionCouncil), (Body::Team, Text::SectionTeam)] {
        b.section(b.app(text));
        let members: Vec<Row> = wb
            .members_of(body)
            .map(|m| {
                let agency = m.agency_id.and_then(|id| wb.agency(id)).map_or("", |a| a.label());
                Row::body(vec![m.name.clone(), m.role.clone(), agency.to_string()])
            })
            .collect();
        if members.is_empty() {
            b.paragraph(b.app(Text::NoMembers));
            continue;
        }
        let columns = vec![
            Column::new(b.app(Text::MemberName), Align::Left, 4),
            Column::new(b.app(Text::MemberRole), Align::Left, 4),
            Column::new(b.app(Text::MemberAgency), Align::Left, 3),
        ];
        let caption = B::MembersOf.fill(b.lang, &[b.app(text)]);
        b.table(&caption, columns, members);
    }
    b.section(b.t(B::AgencyList));
    let columns = vec![
        Column::code(b.app(Text::AgencyCode), 2),
        Column::new(b.app(Text::AgencyName), Align::Left, 8),
        Column::new(b.app(Text::AgencyShortName), Align::Left, 3),
    ];
    let rows =
        wb.agencies.iter().map(|a| Row::body(vec![a.code.clone(), a.name.clone(), a.short_name.clone()])).collect();
    b.table(b.t(B::AgencyList), columns, rows);
}

fn vision_mission(b: &mut Builder<'_>) {
    let p = &b.workbook.profile;
    b.chapter(b.t(B::ChVisionMission));
    b.section(b.app(Text::Vision));
    if p.vision.trim().is_empty() {
        b.paragraph(b.t(B::NotYetFilled));
    } else {
        b.paragraph(p.vision.trim());
    }
    b.section(b.app(Text::Mission));
    let lines: Vec<String> = p
        .mission
        .lines()
        .map(|l| l.trim().trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')' || c == '-'))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        b.paragraph(b.t(B::NotYetFilled));
    } else {
        b.bullets(lines);
    }
}

fn finance_chapter(b: &mut Builder<'_>) -> Result<(), String> {
    b.chapter(b.t(B::ChFinance));
    if b.workbook.finance.is_empty() {
        b.paragraph(b.t(B::NoFinance));
        return Ok(());
    }
    let analysis = match finance::analyse(b.workbook) {
        Ok(a) => a,
        Err(e) => {
            b.notice(B::FinanceRefused.fill(b.lang, &[&e.message().show(b.lang)]));
            return Ok(());
        }
    };
    let years: Vec<i32> = analysis.history.years.iter().map(|y| y.year).collect();
    let (first, last) = (years.first().copied().unwrap_or(0), years.last().copied().unwrap_or(0));
    b.paragraph(B::FinanceIntro.fill(b.lang, &[&first.to_string(), &last.to_string()]));
    history(b, &analysis);
    ratios(b, &analysis);
    projection(b, &analysis)?;
    envelope(b, &analysis)?;
    Ok(())
}

fn history(b: &mut Builder<'_>, analysis: &FinanceAnalysis) {
    let tree = LineTree::get();
    let roles = &tree.roles;
    b.section(b.t(B::SecHistory));
    let lines = [
        (b.app(Text::Revenue), Some(roles.revenue)),
        (b.app(Text::Pad), Some(roles.pad)),
        (b.t(B::Transfers), tree.index("4.2")),
        (b.t(B::TotalSpending), Some(roles.spending)),
        (b.t(B::Personnel), Some(roles.personnel)),
        (b.t(B::Capital), Some(roles.capital)),
        (b.t(B::NetFinancing), tree.index("6")),
    ];
    let mut columns = vec![Column::new(b.app(Text::Year), Align::Left, 7)];
    columns.extend(lines.iter().map(|(name, _)| Column::new(*name, Align::Right, 12)));
    let rows = analysis
        .history
        .years
        .iter()
        .map(|t| {
            let mut cells = vec![t.year.to_string()];
            cells.extend(lines.iter().map(|(_, line)| {
                let total = line.and_then(|l| t.get(l));
                short_amount(total.map(|x| x.amount), total.is_some_and(|x| x.estimate), b.lang)
            }));
            Row::body(cells)
        })
        .collect();
    b.table_with(b.t(B::HistoryTable), columns, rows, true);
    b.note(b.app(Text::EstimateLegend));
    let chart = charts::revenue(analysis, b.lang);
    b.chart("revenue", &chart, &chart.title);
}

fn ratios(b: &mut Builder<'_>, analysis: &FinanceAnalysis) {
    b.section(b.t(B::SecRatios));
    let columns = vec![
        Column::new(b.app(Text::Year), Align::Left, 5),
        Column::new(b.app(Text::Decentralisation), Align::Right, 11),
        Column::new(b.t(B::BandColumn), Align::Left, 8),
        Column::new(b.app(Text::PersonnelShare), Align::Right, 8),
        Column::new(b.app(Text::CapitalShare), Align::Right, 8),
        Column::new(b.app(Text::FiscalCapacity), Align::Right, 14),
        Column::new(b.app(Text::SmartCityShare), Align::Right, 9),
    ];
    let ratio = |r: Option<finance::Ratio>| match r {
        None => "–".to_string(),
        Some(r) if r.estimate => format!("\u{2248} {}", percent(r.percent)),
        Some(r) => percent(r.percent),
    };
    let rows = analysis
        .ratios
        .iter()
        .map(|r| {
            let capacity = r.fiscal_capacity.map_or_else(
                || "–".to_string(),
                |c| {
                    let ratio =
                        c.ratio_to_personnel.map_or_else(String::new, |x| format!(" ({})", format_decimal(x, 2)));
                    format!("{}{ratio}", amount(Some(c.amount), c.estimate))
                },
            );
            Row::body(vec![
                r.year.to_string(),
                ratio(r.decentralisation),
                r.band.map_or_else(|| "–".to_string(), |band| band.text().get(b.lang).to_string()),
                ratio(r.personnel_share),
                ratio(r.capital_share),
                capacity,
                ratio(r.smart_city_share),
            ])
        })
        .collect();
    b.table_with(b.t(B::RatiosTable), columns, rows, true);
    b.note(b.app(Text::FiscalCapacityNote));
}

fn projection(b: &mut Builder<'_>, analysis: &FinanceAnalysis) -> Result<(), String> {
    let roles = &LineTree::get().roles;
    let settings = &analysis.settings;
    let projection = &analysis.projection;
    b.section(b.t(B::SecProjection));
    let points = |bp: i32| format_decimal(f64::from(bp) / 100.0, 1);
    b.paragraph(B::ProjectionIntro.fill(
        b.lang,
        &[
            &settings.base_first.to_string(),
            &settings.base_last.to_string(),
            &points(settings.pessimistic_bp),
            &points(settings.optimistic_bp),
            &projection.anchor.to_string(),
        ],
    ));
    for note in &projection.notes {
        b.notice(note.show(b.lang));
    }
    let mut columns = vec![Column::new(b.app(Text::Year), Align::Left, 5)];
    for s in Scenario::ALL {
        columns.push(Column::new(B::RevenueIn.fill(b.lang, &[s.text().get(b.lang)]), Align::Right, 12));
    }
    columns.push(Column::new(B::SpendingIn.fill(b.lang, &[Scenario::Base.text().get(b.lang)]), Align::Right, 12));
    let line_at = |s: Scenario, line: usize, column: usize| -> Option<i64> {
        match projection.scenario(s) {
            Some(Ok(p)) => p.lines.get(line).and_then(|l| l.get(column).copied().flatten()),
            _ => None,
        }
    };
    let rows = projection
        .years
        .iter()
        .enumerate()
        .map(|(i, year)| {
            let mut cells = vec![year.to_string()];
            for s in Scenario::ALL {
                cells.push(amount(line_at(s, roles.revenue, i), false));
            }
            cells.push(amount(line_at(Scenario::Base, roles.spending, i), false));
            Row::body(cells)
        })
        .collect();
    b.table_with(b.t(B::ProjectionTable), columns, rows, true);
    for (s, result) in Scenario::ALL.iter().zip(&projection.scenarios) {
        if let Err(e) = result {
            b.notice(format!("{}: {}", s.text().get(b.lang), e.message().show(b.lang)));
        }
    }
    let chart = charts::projection(analysis, b.lang);
    b.chart("projection", &chart, &chart.title);
    Ok(())
}

fn envelope(b: &mut Builder<'_>, analysis: &FinanceAnalysis) -> Result<(), String> {
    b.section(b.t(B::SecEnvelope));
    b.paragraph(B::EnvelopeIntro.fill(b.lang, &[&percent(f64::from(analysis.settings.envelope_bp) / 100.0)]));
    if let Some(Ok(base)) = analysis.projection.scenario(Scenario::Base) {
        let columns = vec![
            Column::new(b.app(Text::Year), Align::Left, 5),
            Column::new(b.app(Text::Spending), Align::Right, 12),
            Column::new(b.app(Text::Envelope), Align::Right, 11),
            Column::new(b.app(Text::ProgramCostApbd), Align::Right, 11),
            Column::new(b.app(Text::ProgramCostOther), Align::Right, 11),
            Column::new(b.app(Text::GapColumn), Align::Right, 11),
        ];
        let mut rows: Vec<Row> = base
            .gaps
            .iter()
            .map(|g| {
                Row::body(vec![
                    g.year.to_string(),
                    amount(g.spending, false),
                    amount(g.envelope, false),
                    format_rupiah(g.program.apbd),
                    format_rupiah(g.program.other),
                    amount(g.gap, false),
                ])
            })
            .collect();
        let other: i64 = base.gaps.iter().fold(0i64, |s, g| s.saturating_add(g.program.other));
        let t = base.total;
        rows.push(Row::total(vec![
            b.app(Text::Total).to_string(),
            String::new(),
            format_rupiah(t.envelope),
            format_rupiah(t.program_apbd),
            format_rupiah(other),
            format_rupiah(t.gap),
        ]));
        b.table_with(b.t(B::EnvelopeTable), columns, rows, true);
        b.note(b.t(B::GapExplained));
        let share = t.gap_percent.map_or_else(|| "–".to_string(), |p| percent(p.abs()));
        let years = t.years.to_string();
        let sentence = if t.gap > 0 {
            B::GapShortfall.fill(
                b.lang,
                &[&years, &format_rupiah(t.program_apbd), &format_rupiah(t.envelope), &format_rupiah(t.gap), &share],
            )
        } else {
            B::GapRoom.fill(
                b.lang,
                &[&years, &format_rupiah(t.program_apbd), &format_rupiah(t.envelope), &format_rupiah(-t.gap)],
            )
        };
        b.paragraph(sentence);
    }
    let chart = charts::cost_vs_envelope(b.workbook, analysis, b.lang);
    b.chart("cost-vs-envelope", &chart, &chart.title);
    funding(b)
}

/// The programs' cost by funding source, with the mix chart.
pub fn funding(b: &mut Builder<'_>) -> Result<(), String> {
    let by_source = charts::funding_by_source(b.workbook);
    let total = by_source.iter().fold(0i64, |s, (_, x)| s.saturating_add(*x));
    let columns = vec![
        Column::new(b.app(Text::ColSources), Align::Left, 4),
        Column::new(b.t(B::Cost), Align::Right, 4),
        Column::new(b.t(B::Share), Align::Right, 2),
    ];
    let mut rows: Vec<Row> = by_source
        .iter()
        .map(|(s, sum)| {
            let share = if total > 0 { *sum as f64 / total as f64 * 100.0 } else { 0.0 };
            Row::body(vec![s.text().get(b.lang).to_string(), format_rupiah(*sum), percent(share)])
        })
        .collect();
    rows.push(Row::total(vec![b.app(Text::Total).to_string(), format_rupiah(total), percent(100.0)]));
    b.table(b.t(B::FundingTable), columns, rows);
    if total > 0 {
        let chart = charts::funding_mix(&by_source, b.lang);
        b.chart("funding-mix", &chart, &chart.title);
    }
    Ok(())
}

/// "2,34 · Cukup", or "–".
pub fn index_text(b: &Builder<'_>, index: &Index) -> String {
    match index.value {
        None => "–".to_string(),
        Some(value) => match band_of(&b.workbook.bands, value) {
            Some(band) => {
                let name = if b.lang == Lang::En { &band.name_en } else { &band.name_id };
                format!("{} \u{b7} {name}", format_decimal(value, 2))
            }
            None => format_decimal(value, 2),
        },
    }
}

/// Every round's results, in round order.
pub fn results(b: &Builder<'_>) -> Vec<(Id, RoundResult)> {
    b.workbook.rounds.iter().map(|r| (r.id, round_result(b.workbook, r.id))).collect()
}

/// Every round's index per dimension, for the radar.
pub fn dimension_indices(per_round: &[(Id, RoundResult)]) -> Vec<(Id, Vec<Index>)> {
    per_round.iter().map(|(id, result)| (*id, charts::dimension_indices(result))).collect()
}

fn readiness_chapter(b: &mut Builder<'_>) -> Result<(), String> {
    let wb = b.workbook;
    b.chapter(b.t(B::ChReadiness));
    let per_round = results(b);
    let (Some(round), Some((_, latest))) = (wb.rounds.last(), per_round.last()) else {
        b.paragraph(b.t(B::NoRounds));
        return Ok(());
    };
    b.paragraph(B::ReadinessIntro.fill(
        b.lang,
        &[
            &round.name,
            &round.year.to_string(),
            &latest.overall.answered.to_string(),
            &latest.overall.total.to_string(),
        ],
    ));
    b.spans(vec![Span::bold(B::OverallIs.fill(b.lang, &[&index_text(b, &latest.overall)]))]);

    b.section(b.t(B::PillarTable));
    let columns = vec![
        Column::new(b.app(Text::Pillar), Align::Left, 4),
        Column::new(b.t(B::Index), Align::Right, 4),
        Column::new(b.t(B::Scored), Align::Right, 3),
    ];
    let rows = latest
        .by_pillar
        .iter()
        .map(|(p, index)| {
            Row::body(vec![
                p.text().get(b.lang).to_string(),
                index_text(b, index),
                format!("{}/{}", index.answered, index.total),
            ])
        })
        .collect();
    b.table(b.t(B::PillarTable), columns, rows);

    b.section(b.t(B::DimensionTable));
    let mut columns = vec![Column::new(b.app(Text::ColDimension), Align::Left, 5)];
    for r in &wb.rounds {
        columns.push(Column::new(r.label(), Align::Right, 4));
    }
    let rows = wb
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut cells = vec![b.dimension_name(d).to_string()];
            for (_, result) in &per_round {
                cells.push(result.by_dimension.get(i).map_or_else(|| "–".to_string(), |(_, x)| index_text(b, x)));
            }
            Row::body(cells)
        })
        .collect();
    b.table(b.t(B::DimensionTable), columns, rows);
    let radar = charts::radar(wb, &dimension_indices(&per_round), b.lang);
    b.chart("readiness-radar", &radar, &radar.title);
    let heatmap = charts::heatmap(wb, latest, b.lang);
    b.chart("readiness-heatmap", &heatmap, &heatmap.title);

    gaps(b, latest);
    Ok(())
}

/// The largest gaps of the latest round, with the programs that address them.
fn gaps(b: &mut Builder<'_>, latest: &RoundResult) {
    let wb = b.workbook;
    b.section(b.t(B::GapsTable));
    if latest.gaps.is_empty() {
        b.paragraph(b.t(B::NoGaps));
        return;
    }
    let columns = vec![
        Column::code(b.app(Text::AgencyCode), 3),
        Column::new(b.app(Text::Question), Align::Left, 11),
        Column::new(b.t(B::ScoreColumn), Align::Center, 3),
        Column::new(b.t(B::TargetColumn), Align::Center, 3),
        Column::new(b.t(B::GapColumn), Align::Center, 3),
        Column::new(b.t(B::AddressedBy), Align::Left, 6),
    ];
    let rows = latest
        .gaps
        .iter()
        .take(15)
        .filter_map(|g| {
            let item = wb.readiness_item(g.item)?;
            let question = if b.lang == Lang::En { &item.question_en } else { &item.question_id };
            let programs: Vec<&str> = wb
                .programs
                .iter()
                .filter(|p| p.readiness_items.binary_search(&item.id).is_ok())
                .map(|p| if p.code.is_empty() { p.name.as_str() } else { p.code.as_str() })
                .take(6)
                .collect();
            Some(Row::body(vec![
                item.code.clone(),
                question.clone(),
                g.level.to_string(),
                g.target.to_string(),
                g.gap.to_string(),
                if programs.is_empty() { b.app(Text::NoProgramYet).to_string() } else { programs.join(", ") },
            ]))
        })
        .collect();
    b.table(b.t(B::GapsTable), columns, rows);
    let bars = charts::gaps(wb, latest, b.lang);
    b.chart("readiness-gaps", &bars, &bars.title);
}

/// The RPJMD goals the smart city serves, the strategic issues, and the SWOT of each dimension.
fn issues(b: &mut Builder<'_>) {
    let wb = b.workbook;
    let s = &wb.strategy;
    b.chapter(b.t(B::ChIssues));
    if s.goals.is_empty() && s.issues.is_empty() && s.swot.is_empty() {
        b.paragraph(b.t(B::StrategyMissing));
        return;
    }
    if !s.goals.is_empty() {
        goals_table(b);
    }
    if !s.issues.is_empty() {
        issues_table(b);
    }
    if !s.swot.is_empty() {
        swot_tables(b);
    }
}

/// The names of the dimensions `ids` in the book's language, comma separated.
fn dimension_names(b: &Builder<'_>, ids: &[Id]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter_map(|id| b.workbook.dimension(*id))
        .map(|d| if b.lang == Lang::En { d.name_en.as_str() } else { d.name_id.as_str() })
        .collect();
    names.join(", ")
}

fn goals_table(b: &mut Builder<'_>) {
    let wb = b.workbook;
    let s = &wb.strategy;
    b.section(b.t(B::SecGoals));
    let columns = vec![
        Column::code(b.app(Text::AgencyCode), 2),
        Column::new(b.t(B::Goal), Align::Left, 6),
        Column::new(b.t(B::GoalTarget), Align::Left, 6),
        Column::new(b.t(B::Dimensions), Align::Left, 4),
    ];
    let rows = s
        .goals
        .iter()
        .map(|g| {
            Row::body(vec![g.code.clone(), g.goal.clone(), g.target.clone(), dimension_names(b, &g.dimension_ids)])
        })
        .collect();
    b.table(b.t(B::GoalsTable), columns, rows);
}

fn issues_table(b: &mut Builder<'_>) {
    let wb = b.workbook;
    let s = &wb.strategy;
    b.section(b.t(B::SecIssues));
    let columns = vec![
        Column::code(b.app(Text::AgencyCode), 2),
        Column::new(b.t(B::Issue), Align::Left, 10),
        Column::new(b.app(Text::IssueSource), Align::Left, 3),
        Column::new(b.t(B::Dimensions), Align::Left, 4),
    ];
    let rows = s
        .issues
        .iter()
        .map(|i| {
            let text = if i.description.trim().is_empty() {
                i.title.clone()
            } else {
                format!("{}\n{}", i.title, i.description.trim())
            };
            Row::body(vec![
                i.code.clone(),
                text,
                b.app(i.source.text()).to_string(),
                dimension_names(b, &i.dimension_ids),
            ])
        })
        .collect();
    b.table(b.t(B::IssuesTable), columns, rows);
}

fn swot_tables(b: &mut Builder<'_>) {
    let wb = b.workbook;
    let s = &wb.strategy;
    b.section(b.t(B::SecSwot));
    for d in &wb.dimensions {
        let entries: Vec<_> = s.swot.iter().filter(|e| e.dimension_id == d.id).collect();
        if entries.is_empty() {
            continue;
        }
        let columns = vec![Column::new(b.t(B::No), Align::Right, 1), Column::new(b.t(B::Entry), Align::Left, 14)];
        let mut rows = Vec::new();
        for kind in SwotKind::ALL {
            let of_kind: Vec<_> = entries.iter().filter(|e| e.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            rows.push(Row::group(b.app(kind.text())));
            for (n, e) in of_kind.iter().enumerate() {
                rows.push(Row::body(vec![(n + 1).to_string(), e.text.clone()]));
            }
        }
        let caption = B::SwotOf.fill(b.lang, &[b.dimension_name(d)]);
        b.table(&caption, columns, rows);
    }
}
