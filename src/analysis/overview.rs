//! The masterplan at a glance, as the home view shows it: programs and cost per dimension, the latest
//! readiness round's index and its weakest pillar, the smart city envelope against the programs' APBD cost
//! (the base scenario of the financial analysis), and the marked quick wins. Every figure comes from the
//! analyses the views and books use; this only gathers them, once per workbook revision.

use crate::analysis::finance::{self, FinanceError, GapTotal};
use crate::analysis::programs::per_element;
use crate::analysis::quick_wins::{Window, marked};
use crate::analysis::readiness::{Index, round_result};
use crate::model::{Id, Pillar, Scenario, Workbook};

/// Programs and their total cost in one dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DimensionFigures {
    pub dimension: Id,
    pub programs: usize,
    pub cost: i64,
}

/// The latest readiness round's results.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadinessFigures {
    pub round: Id,
    pub overall: Index,
    /// The pillar with the lowest index, of those that have one.
    pub weakest: Option<(Pillar, f64)>,
}

/// The envelope of the base scenario against the programs' APBD cost, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum EnvelopeFigures {
    /// No APBD history is typed yet.
    NoHistory,
    /// The analysis refused (an overflow, a projection that cannot be made).
    Refused(FinanceError),
    Total(GapTotal),
}

/// The marked quick wins: how many, their cost in the masterplan's first year, the first of them by rank.
#[derive(Clone, Debug, PartialEq)]
pub struct QuickWinFigures {
    pub count: usize,
    pub first_year_cost: i64,
    /// In ranking order.
    pub programs: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// In the workbook's dimension order.
    pub dimensions: Vec<DimensionFigures>,
    pub programs: usize,
    pub cost: i64,
    /// `None` while the workbook has no readiness round.
    pub readiness: Option<ReadinessFigures>,
    pub envelope: EnvelopeFigures,
    pub quick_wins: QuickWinFigures,
}

/// The figures of `workbook` at a glance.
pub fn overview(workbook: &Workbook) -> Overview {
    let all: Vec<usize> = (0..workbook.programs.len()).collect();
    let elements = per_element(workbook, &all);
    let dimensions: Vec<DimensionFigures> = workbook
        .dimensions
        .iter()
        .map(|d| {
            let mut figures = DimensionFigures { dimension: d.id, programs: 0, cost: 0 };
            for (element, count, cost) in &elements {
                if workbook.element(*element).is_some_and(|e| e.dimension_id == d.id) {
                    figures.programs += count;
                    figures.cost = figures.cost.saturating_add(*cost);
                }
            }
            figures
        })
        .collect();
    let cost = workbook.programs.iter().fold(0i64, |s, p| s.saturating_add(p.total_cost()));
    let summary = marked(workbook, Window::first_year_of(workbook));
    Overview {
        dimensions,
        programs: workbook.programs.len(),
        cost,
        readiness: readiness(workbook),
        envelope: envelope(workbook),
        quick_wins: QuickWinFigures {
            count: summary.programs.len(),
            first_year_cost: summary.window_cost,
            programs: summary.programs.iter().map(|r| r.program).collect(),
        },
    }
}

fn readiness(workbook: &Workbook) -> Option<ReadinessFigures> {
    let round = workbook.rounds.last()?;
    let result = round_result(workbook, round.id);
    let weakest = result
        .by_pillar
        .iter()
        .filter_map(|(p, index)| index.value.map(|v| (*p, v)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    Some(ReadinessFigures { round: round.id, overall: result.overall, weakest })
}

fn envelope(workbook: &Workbook) -> EnvelopeFigures {
    if workbook.finance.is_empty() {
        return EnvelopeFigures::NoHistory;
    }
    let analysis = match finance::analyse(workbook) {
        Ok(analysis) => analysis,
        Err(error) => return EnvelopeFigures::Refused(error),
    };
    match analysis.projection.scenario(Scenario::Base) {
        Some(Ok(base)) => EnvelopeFigures::Total(base.total),
        Some(Err(error)) => EnvelopeFigures::Refused(error.clone()),
        None => EnvelopeFigures::NoHistory,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BudgetLine, FundingSource, Round, Score, new_id};
    use crate::seed;

    #[test]
    fn an_empty_workbook_has_six_empty_dimensions_and_nothing_else() {
        let o = overview(&seed::new_workbook("Kabupaten Baru", 2026));
        assert_eq!(o.dimensions.len(), 6);
        assert!(o.dimensions.iter().all(|d| d.programs == 0 && d.cost == 0));
        assert_eq!((o.programs, o.cost), (0, 0));
        assert_eq!(o.readiness, None);
        assert_eq!(o.envelope, EnvelopeFigures::NoHistory);
        assert_eq!(o.quick_wins, QuickWinFigures { count: 0, first_year_cost: 0, programs: vec![] });
    }

    #[test]
    fn programs_add_up_in_their_dimension_and_the_weakest_pillar_is_the_lowest_index() {
        let mut wb = seed::new_workbook("Kabupaten Baru", 2026);
        let demo = seed::demo_workbook();
        let mut template = demo.programs[0].clone();
        let score = demo.scores[0].clone();
        template.budget.clear();
        template.quick_win = false;
        // Two programs in the first dimension's first element (Rp 100 + Rp 250 in 2026 and 2027), one in the
        // second dimension (Rp 1.000, a quick win costing Rp 1.000 in the first year).
        let line = |year, amount| BudgetLine { year, source: FundingSource::Apbd, amount };
        let second = wb.elements.iter().find(|e| e.dimension_id == wb.dimensions[1].id).unwrap().id;
        for (element, lines, quick_win) in [
            (wb.elements[0].id, vec![line(2026, 100)], false),
            (wb.elements[0].id, vec![line(2027, 250)], false),
            (second, vec![line(2026, 1_000)], true),
        ] {
            let mut p = template.clone();
            (p.id, p.element_id, p.budget, p.quick_win) = (new_id(), element, lines, quick_win);
            (p.start_year, p.end_year) = (2026, 2027);
            wb.programs.push(p);
        }
        // Structure items at level 4 and infrastructure items at level 2: infrastructure is the weakest.
        let round = Round { id: new_id(), name: "Baseline".into(), year: 2025, position: 0 };
        for item in &wb.readiness_items {
            let level = match item.pillar {
                Pillar::Structure => 4,
                Pillar::Infrastructure => 2,
                Pillar::Superstructure => continue,
            };
            wb.scores.push(Score { round_id: round.id, item_id: item.id, level, ..score.clone() });
        }
        wb.rounds.push(round.clone());
        let o = overview(&wb);
        assert_eq!((o.dimensions[0].programs, o.dimensions[0].cost), (2, 350));
        assert_eq!((o.dimensions[1].programs, o.dimensions[1].cost), (1, 1_000));
        assert!(o.dimensions[2..].iter().all(|d| d.programs == 0));
        assert_eq!((o.programs, o.cost), (3, 1_350));
        let r = o.readiness.unwrap();
        assert_eq!(r.round, round.id);
        assert_eq!(r.weakest, Some((Pillar::Infrastructure, 2.0)));
        assert_eq!(o.quick_wins.count, 1);
        assert_eq!(o.quick_wins.first_year_cost, 1_000);
    }

    #[test]
    fn the_demo_has_an_envelope_and_its_quick_wins() {
        let demo = seed::demo_workbook();
        let o = overview(&demo);
        assert_eq!(o.programs, demo.programs.len());
        assert_eq!(o.dimensions.iter().map(|d| d.programs).sum::<usize>(), demo.programs.len());
        assert_eq!(o.quick_wins.count, demo.programs.iter().filter(|p| p.quick_win).count());
        let EnvelopeFigures::Total(total) = o.envelope else { panic!("the demo has an APBD history") };
        assert_eq!(total.years, 10);
        assert_eq!(total.gap, total.program_apbd - total.envelope);
    }
}
