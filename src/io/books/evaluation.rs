//! The yearly evaluation report (laporan evaluasi) of one masterplan year, in the book pipeline: cover and
//! contents, the summary of the year read from the figures (`analysis::monev`), the implementation and money
//! per dimension with the two monitoring charts, the self-assessment with its evidence and the workbook's
//! suggestions, the programs behind schedule or over budget, and every due program's realisation.

use super::DocFormat;
use super::build::Builder;
use super::texts::B;
use crate::analysis::monev::{MonevFigures, Rate, Realised, YearFigures, is_due, monev_figures};
use crate::charts::monev::{implementation_by_dimension, spending_by_year};
use crate::i18n::{Lang, format_decimal, format_rupiah, rupiah_short};
use crate::io::document::{self, Align, Column, Orientation, Row};
use crate::model::{RealisationStatus, Workbook};

/// The years a report can be written for: those with realisation or evaluation scores, ascending.
pub fn evaluation_years(workbook: &Workbook) -> Vec<i32> {
    let period = workbook.profile.years();
    let mut years: Vec<i32> = workbook
        .monev
        .realisations
        .iter()
        .map(|r| r.year)
        .chain(workbook.monev.evaluation_years())
        .filter(|y| period.contains(y))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// "laporan-evaluasi-2024.docx" / "evaluation-report-2024.html".
pub fn evaluation_file_name(year: i32, format: DocFormat, lang: Lang) -> String {
    format!("{}-{year}.{}", B::FileEvaluation.get(lang), format.extension())
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{} %", format_decimal(v * 100.0, 1)))
}

/// The report of `year` as the bytes of a DOCX or HTML file. Deterministic.
pub fn render_evaluation(workbook: &Workbook, year: i32, format: DocFormat, lang: Lang) -> Result<Vec<u8>, String> {
    let figures = monev_figures(workbook);
    let y = figures.year(year).ok_or_else(|| format!("{year} is outside the masterplan period"))?;
    let mut b = Builder::titled(workbook, B::EvaluationTitle.fill(lang, &[&year.to_string()]), format, lang);
    summary(&mut b, &figures, y);
    dimensions(&mut b, &figures, y);
    indicators(&mut b, y);
    self_assessment(&mut b, &figures, year);
    behind(&mut b, y);
    programs(&mut b, y);
    let doc = b.finish();
    match format {
        DocFormat::Docx => document::docx::write(&doc),
        DocFormat::Html => document::html::write(&doc),
    }
}

fn summary(b: &mut Builder<'_>, figures: &MonevFigures, y: &YearFigures) {
    let lang = b.lang;
    let year = y.year.to_string();
    b.chapter(b.t(B::EvSummary));
    let rate = y.implementation;
    b.paragraph(
        B::EvRateText.fill(lang, &[&year, &rate.ran.to_string(), &rate.due.to_string(), &percent(rate.value())]),
    );
    b.paragraph(
        B::EvMoneyText.fill(
            lang,
            &[&format_rupiah(y.budget.spent), &format_rupiah(y.budget.planned), &percent(y.budget.ratio())],
        ),
    );
    match y.envelope {
        Some(envelope) => {
            let (spent, room) = (y.apbd.spent, envelope.saturating_sub(y.apbd.spent));
            let text = if room >= 0 {
                B::EvEnvelopeRoom.fill(lang, &[&format_rupiah(spent), &format_rupiah(envelope), &format_rupiah(room)])
            } else {
                B::EvEnvelopeShort.fill(lang, &[&format_rupiah(spent), &format_rupiah(envelope), &format_rupiah(-room)])
            };
            b.paragraph(text);
        }
        None => b.paragraph(b.t(B::EvNoEnvelope)),
    }
    let evaluation = figures.evaluation_year(y.year);
    match evaluation.and_then(|e| e.index) {
        Some(index) => {
            let mut text = B::EvIndexText.fill(lang, &[&year, &format_decimal(index, 2)]);
            if let (Some(improvement), Some(previous)) =
                evaluation.and_then(|e| e.improvement.zip(e.previous_year)).unzip()
            {
                let key = if improvement >= 0.0 { B::EvImproved } else { B::EvDeclined };
                text = format!(
                    "{text} {}",
                    key.fill(lang, &[&previous.to_string(), &format_decimal(improvement.abs(), 2)])
                );
            }
            b.paragraph(text);
        }
        None => b.paragraph(B::EvNotScored.fill(lang, &[&year])),
    }
}

/// Rows of (name, rate, money) as table rows.
/// Amounts in short form ("Rp 10,08 M"): seven columns on a portrait page; the exact rupiah are in the
/// per-program table.
fn rate_rows(rows: Vec<(String, Rate, Realised)>, lang: Lang) -> Vec<Row> {
    rows.into_iter()
        .map(|(name, rate, money)| {
            Row::body(vec![
                name,
                rate.due.to_string(),
                rate.ran.to_string(),
                percent(rate.value()),
                rupiah_short(money.planned, lang),
                rupiah_short(money.spent, lang),
                percent(money.ratio()),
            ])
        })
        .collect()
}

fn dimensions(b: &mut Builder<'_>, figures: &MonevFigures, y: &YearFigures) {
    let lang = b.lang;
    let workbook = b.workbook;
    b.chapter(b.t(B::EvDimensions));
    let rows = y
        .by_dimension
        .iter()
        .zip(&y.budget_by_dimension)
        .filter_map(|((id, rate), (_, money))| {
            Some((b.dimension_name(workbook.dimension(*id)?).to_string(), *rate, *money))
        })
        .collect();
    let columns = vec![
        Column::new(b.t(B::EvDimension), Align::Left, 4),
        Column::new(b.t(B::EvDue), Align::Right, 3),
        Column::new(b.t(B::EvRan), Align::Right, 3),
        Column::new(b.t(B::EvRate), Align::Right, 3),
        Column::new(b.t(B::EvPlanned), Align::Right, 3),
        Column::new(b.t(B::EvSpent), Align::Right, 3),
        Column::new(b.t(B::EvRealised), Align::Right, 3),
    ];
    b.table(&B::EvDimensionsCaption.fill(lang, &[&y.year.to_string()]), columns, rate_rows(rows, lang));
    let rows = y
        .by_element
        .iter()
        .filter(|(_, rate)| rate.due > 0)
        .filter_map(|(id, rate)| {
            let name = b.element_name(workbook.element(*id)?).to_string();
            Some(Row::body(vec![name, rate.due.to_string(), rate.ran.to_string(), percent(rate.value())]))
        })
        .collect();
    let columns = vec![
        Column::new(b.t(B::EvElement), Align::Left, 6),
        Column::new(b.t(B::EvDue), Align::Right, 2),
        Column::new(b.t(B::EvRan), Align::Right, 2),
        Column::new(b.t(B::EvRate), Align::Right, 2),
    ];
    b.table(&B::EvElementsCaption.fill(lang, &[&y.year.to_string()]), columns, rows);
    let chart = implementation_by_dimension(workbook, y, lang);
    let title = chart.title.clone();
    b.chart("monev-rate", &chart, &title);
    let chart = spending_by_year(workbook, figures, lang);
    let title = chart.title.clone();
    b.chart("monev-spent", &chart, &title);
}

/// How the indicators stand, and every indicator below its target, lowest first.
fn indicators(b: &mut Builder<'_>, y: &YearFigures) {
    let lang = b.lang;
    let workbook = b.workbook;
    b.chapter(b.t(B::EvIndicators));
    let s = y.indicator_summary();
    let counts = [s.with_target, s.reported, s.met, s.below].map(|n| n.to_string());
    b.paragraph(B::EvIndicatorText.fill(lang, &[&y.year.to_string(), &counts[0], &counts[1], &counts[2], &counts[3]]));
    let below = y.indicators_below();
    if below.is_empty() {
        return;
    }
    let rows = below
        .iter()
        .map(|i| {
            let program = workbook.program(i.program).map_or_else(String::new, |p| format!("{} {}", p.code, p.name));
            Row::body(vec![program, i.target.clone(), i.actual.clone(), percent(i.achievement)])
        })
        .collect();
    let columns = vec![
        Column::new(b.t(B::EvProgram), Align::Left, 6),
        Column::new(b.t(B::EvTarget), Align::Left, 3),
        Column::new(b.t(B::EvActual), Align::Left, 3),
        Column::new(b.t(B::EvAchievement), Align::Right, 2),
    ];
    b.table(&B::EvBelowCaption.fill(lang, &[&y.year.to_string()]), columns, rows);
}

fn self_assessment(b: &mut Builder<'_>, figures: &MonevFigures, year: i32) {
    let lang = b.lang;
    let m = &b.workbook.monev;
    b.chapter(b.t(B::EvSelfAssessment));
    let evaluation = figures.evaluation_year(year);
    let name = |id: &str, en: &str| if lang == Lang::En { en.to_string() } else { id.to_string() };
    for dimension in &m.dimensions {
        let score =
            evaluation.and_then(|e| e.by_dimension.iter().find(|d| d.dimension == dimension.id)).and_then(|d| d.score);
        let title = B::EvDimensionTitle.fill(
            lang,
            &[
                &name(&dimension.name_id, &dimension.name_en),
                &dimension.weight.to_string(),
                &score.map_or("–".into(), |s| format_decimal(s, 2)),
            ],
        );
        b.section(title);
        if let Some(suggested) = evaluation.and_then(|e| e.suggestions.for_key(&dimension.key)) {
            b.note(B::EvSuggestion.fill(lang, &[&format_decimal(suggested, 2)]));
        }
        let rows = m
            .items_of(dimension.id)
            .map(|item| {
                let s = m.score(year, item.id);
                Row::body(vec![
                    name(&item.name_id, &item.name_en),
                    item.weight.to_string(),
                    s.map_or("–".to_string(), |s| format_decimal(s.points(), 2)),
                    s.map_or(String::new(), |s| s.evidence.clone()),
                    s.map_or(String::new(), |s| s.note.clone()),
                ])
            })
            .collect();
        let columns = vec![
            Column::new(b.t(B::EvItem), Align::Left, 5),
            Column::new(b.t(B::EvWeight), Align::Right, 1),
            Column::new(b.t(B::EvScore), Align::Right, 1),
            Column::new(b.t(B::EvEvidence), Align::Left, 3),
            Column::new(b.t(B::EvNote), Align::Left, 3),
        ];
        let caption = name(&dimension.name_id, &dimension.name_en);
        b.table(&caption, columns, rows);
    }
}

fn behind(b: &mut Builder<'_>, y: &YearFigures) {
    let lang = b.lang;
    let workbook = b.workbook;
    b.chapter(b.t(B::EvBehind));
    if y.behind.is_empty() && y.over_budget.is_empty() {
        b.paragraph(b.t(B::EvNothingBehind));
        return;
    }
    let program = |id| workbook.program(id).map_or_else(String::new, |p| format!("{} {}", p.code, p.name));
    let rows = y
        .behind
        .iter()
        .map(|x| {
            Row::body(vec![
                program(x.program),
                x.status.text().get(lang).to_string(),
                x.reason.clone(),
                format_rupiah(x.planned),
            ])
        })
        .collect();
    let columns = vec![
        Column::new(b.t(B::EvProgram), Align::Left, 5),
        Column::new(b.t(B::EvStatus), Align::Left, 2),
        Column::new(b.t(B::EvReason), Align::Left, 5),
        Column::new(b.t(B::EvPlanned), Align::Right, 3),
    ];
    b.table(&B::EvBehindCaption.fill(lang, &[&y.year.to_string()]), columns, rows);
    if !y.over_budget.is_empty() {
        let rows = y
            .over_budget
            .iter()
            .map(|o| {
                Row::body(vec![
                    program(o.program),
                    format_rupiah(o.planned),
                    format_rupiah(o.spent),
                    format_rupiah(o.overrun),
                ])
            })
            .collect();
        let columns = vec![
            Column::new(b.t(B::EvProgram), Align::Left, 5),
            Column::new(b.t(B::EvPlanned), Align::Right, 3),
            Column::new(b.t(B::EvSpent), Align::Right, 3),
            Column::new(b.t(B::EvOverrun), Align::Right, 3),
        ];
        b.table(&B::EvOverBudgetCaption.fill(lang, &[&y.year.to_string()]), columns, rows);
    }
}

/// Every program due in the year (and those reported outside their years), landscape.
fn programs(b: &mut Builder<'_>, y: &YearFigures) {
    let lang = b.lang;
    let workbook = b.workbook;
    b.orientation(Orientation::Landscape);
    b.chapter(b.t(B::EvPrograms));
    let rows = workbook
        .programs
        .iter()
        .filter(|p| is_due(p, y.year) || y.not_due_reported.contains(&p.id))
        .map(|p| {
            let r = workbook.monev.realisation(p.id, y.year);
            let status = r.map_or(RealisationStatus::NotStarted, |r| r.status).text().get(lang).to_string();
            let target = p.targets.iter().find(|t| t.year == y.year).map_or(String::new(), |t| t.target.clone());
            Row::body(vec![
                p.code.clone(),
                p.name.clone(),
                status,
                format_rupiah(p.cost_in_year(y.year)),
                format_rupiah(workbook.monev.spent(p.id, y.year)),
                target,
                r.map_or(String::new(), |r| r.actual.clone()),
                r.map_or(String::new(), |r| r.evidence.clone()),
            ])
        })
        .collect();
    let columns = vec![
        Column::code(b.t(B::EvCode), 2),
        Column::new(b.t(B::EvProgram), Align::Left, 5),
        Column::new(b.t(B::EvStatus), Align::Left, 2),
        Column::new(b.t(B::EvPlanned), Align::Right, 3),
        Column::new(b.t(B::EvSpent), Align::Right, 3),
        Column::new(b.t(B::EvTarget), Align::Left, 3),
        Column::new(b.t(B::EvActual), Align::Left, 3),
        Column::new(b.t(B::EvEvidence), Align::Left, 3),
    ];
    b.table_with(&B::EvProgramsCaption.fill(lang, &[&y.year.to_string()]), columns, rows, true);
}
