//! What each of the five books (Buku I-V) still lacks: a checklist per book of what the book draws on from the
//! workbook, each item met or not, counted items with how many still lack it. The home view shows it with a
//! link to the view that fills each unmet item. What an item asks is what its book prints (or prints "not yet
//! filled" in place of): Book I the profile, the council and team, the agencies, vision and mission, the APBD
//! history, a scored readiness round and the strategic issues; Book II programs in every dimension, a
//! direction for every element, an agency and a budget for every program; Book III the programs, the APBD
//! history (for the envelope) and a readiness round; Book IV the marked quick wins and their scores; Book V the
//! programs of its area. Dropped programs are left out of the program counts: the books list them, but nobody
//! needs to fill them in.

use std::collections::HashSet;

use crate::analysis::programs::fold;
use crate::analysis::strategy;
use crate::model::{Body, Id, Program, ProgramStatus, Workbook};

/// One thing a book draws on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    /// Region code, province and capital.
    RegionFacts,
    VisionMission,
    Council,
    Team,
    Agencies,
    FinanceHistory,
    /// A readiness round with at least one score.
    ReadinessRound,
    /// Strategic issues, RPJMD goals or SWOT entries (any of them).
    Issues,
    /// At least one program.
    Programs,
    /// Counted over the dimensions.
    ProgramsInEveryDimension,
    /// Counted over the elements.
    DirectionOfEveryElement,
    /// Counted over the live programs.
    AgencyOfEveryProgram,
    /// Counted over the live programs.
    BudgetOfEveryProgram,
    QuickWinsMarked,
    /// Counted over the marked quick wins: each needs a score on at least one criterion.
    QuickWinsScored,
    /// Programs whose name, description or location holds the area's name.
    AreaPrograms,
}

/// One item of a book's checklist. Counted items say how many of `total` still lack it; the others have
/// `lacking` 1 (unmet) or 0 (met) of `total` 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    pub item: Item,
    pub lacking: usize,
    pub total: usize,
    /// Whether the item counts (dimensions, elements, programs) rather than being there or not.
    pub counted: bool,
}

impl Check {
    fn present(item: Item, present: bool) -> Self {
        Check { item, lacking: usize::from(!present), total: 1, counted: false }
    }

    /// A counted item: met when nothing lacks it and there is something to count.
    fn counted(item: Item, lacking: usize, total: usize) -> Self {
        Check { item, lacking: if total == 0 { 1 } else { lacking }, total, counted: total > 0 }
    }

    pub fn met(&self) -> bool {
        self.lacking == 0
    }
}

/// The checklist of one book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookChecklist {
    /// 1..=5, as the books number themselves.
    pub book: u8,
    pub checks: Vec<Check>,
}

impl BookChecklist {
    /// How many items are still unmet.
    pub fn unmet(&self) -> usize {
        self.checks.iter().filter(|c| !c.met()).count()
    }
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

fn live(program: &&Program) -> bool {
    program.status != ProgramStatus::Dropped
}

/// The checklists of Books I-V of `workbook`; `area` is the area Book V is about.
pub fn checklists(workbook: &Workbook, area: &str) -> Vec<BookChecklist> {
    let finance = Check::present(Item::FinanceHistory, !workbook.finance.is_empty());
    let readiness = Check::present(Item::ReadinessRound, !workbook.scores.is_empty());
    vec![
        BookChecklist { book: 1, checks: book_one(workbook, finance, readiness) },
        BookChecklist { book: 2, checks: book_two(workbook) },
        BookChecklist {
            book: 3,
            checks: vec![Check::present(Item::Programs, !workbook.programs.is_empty()), finance, readiness],
        },
        BookChecklist { book: 4, checks: book_four(workbook) },
        BookChecklist { book: 5, checks: vec![book_five(workbook, area)] },
    ]
}

fn book_one(workbook: &Workbook, finance: Check, readiness: Check) -> Vec<Check> {
    let p = &workbook.profile;
    let s = &workbook.strategy;
    vec![
        Check::present(Item::RegionFacts, filled(&p.region_code) && filled(&p.province) && filled(&p.capital)),
        Check::present(Item::VisionMission, filled(&p.vision) && filled(&p.mission)),
        Check::present(Item::Council, workbook.members_of(Body::Council).next().is_some()),
        Check::present(Item::Team, workbook.members_of(Body::Team).next().is_some()),
        Check::present(Item::Agencies, !workbook.agencies.is_empty()),
        finance,
        readiness,
        Check::present(Item::Issues, !(s.issues.is_empty() && s.goals.is_empty() && s.swot.is_empty())),
    ]
}

fn book_two(workbook: &Workbook) -> Vec<Check> {
    let empty_dimensions = workbook
        .dimensions
        .iter()
        .filter(|d| {
            !workbook.programs.iter().any(|p| workbook.element(p.element_id).is_some_and(|e| e.dimension_id == d.id))
        })
        .count();
    let without_direction = strategy::gaps(workbook).elements_without_direction.len();
    let live: Vec<&Program> = workbook.programs.iter().filter(live).collect();
    let without_agency = live.iter().filter(|p| p.agency_id.is_none()).count();
    let without_budget = live.iter().filter(|p| p.total_cost() == 0).count();
    vec![
        Check::counted(Item::ProgramsInEveryDimension, empty_dimensions, workbook.dimensions.len()),
        Check::counted(Item::DirectionOfEveryElement, without_direction, workbook.elements.len()),
        Check::counted(Item::AgencyOfEveryProgram, without_agency, live.len()),
        Check::counted(Item::BudgetOfEveryProgram, without_budget, live.len()),
    ]
}

fn book_four(workbook: &Workbook) -> Vec<Check> {
    let marked: Vec<&Program> = workbook.programs.iter().filter(|p| p.quick_win).collect();
    let scored: HashSet<Id> = workbook.quick_wins.scores.iter().map(|s| s.program_id).collect();
    let unscored = marked.iter().filter(|p| !scored.contains(&p.id)).count();
    vec![
        Check::present(Item::QuickWinsMarked, !marked.is_empty()),
        Check::counted(Item::QuickWinsScored, unscored, marked.len()),
    ]
}

/// Book V's item: some program's name, description or location holds the area's name (ignoring case and
/// accents), as the book matches them.
fn book_five(workbook: &Workbook, area: &str) -> Check {
    let folded = fold(area.trim());
    let holds = |text: &str| !folded.is_empty() && fold(text).contains(&folded);
    let found = workbook.programs.iter().any(|p| holds(&p.name) || holds(&p.description) || holds(&p.location));
    Check::present(Item::AreaPrograms, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agency, new_id};
    use crate::seed;

    fn unmet(lists: &[BookChecklist], book: u8) -> Vec<(Item, usize, usize)> {
        let list = lists.iter().find(|l| l.book == book).unwrap();
        list.checks.iter().filter(|c| !c.met()).map(|c| (c.item, c.lacking, c.total)).collect()
    }

    #[test]
    fn an_empty_new_workbook_lacks_everything_but_the_default_framework() {
        let workbook = seed::new_workbook("Kabupaten Baru", 2026);
        let lists = checklists(&workbook, "Wakatobi");
        assert_eq!(lists.iter().map(|l| l.book).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
        assert_eq!(
            unmet(&lists, 1),
            [
                (Item::RegionFacts, 1, 1),
                (Item::VisionMission, 1, 1),
                (Item::Council, 1, 1),
                (Item::Team, 1, 1),
                (Item::Agencies, 1, 1),
                (Item::FinanceHistory, 1, 1),
                (Item::ReadinessRound, 1, 1),
                (Item::Issues, 1, 1),
            ]
        );
        // Six dimensions with no program, eighteen elements without direction; no program to count yet.
        assert_eq!(
            unmet(&lists, 2),
            [
                (Item::ProgramsInEveryDimension, 6, 6),
                (Item::DirectionOfEveryElement, 18, 18),
                (Item::AgencyOfEveryProgram, 1, 0),
                (Item::BudgetOfEveryProgram, 1, 0),
            ]
        );
        assert_eq!(
            unmet(&lists, 3),
            [(Item::Programs, 1, 1), (Item::FinanceHistory, 1, 1), (Item::ReadinessRound, 1, 1)]
        );
        assert_eq!(unmet(&lists, 4), [(Item::QuickWinsMarked, 1, 1), (Item::QuickWinsScored, 1, 0)]);
        assert_eq!(unmet(&lists, 5), [(Item::AreaPrograms, 1, 1)]);
        assert_eq!(lists.iter().map(BookChecklist::unmet).sum::<usize>(), 8 + 4 + 3 + 2 + 1);
    }

    #[test]
    fn an_agency_ticks_its_item_and_a_program_counts_in_its_dimension() {
        let mut workbook = seed::new_workbook("Kabupaten Baru", 2026);
        workbook.agencies.push(Agency {
            id: new_id(),
            code: "1.01".into(),
            name: "Dinas Pendidikan".into(),
            short_name: "Disdik".into(),
            position: 0,
        });
        let demo = seed::demo_workbook();
        let mut program = demo.programs[0].clone();
        program.element_id = workbook.elements[0].id;
        program.agency_id = None;
        program.quick_win = true;
        program.location = "Pulau Wakatobi".into();
        workbook.programs.push(program);
        let lists = checklists(&workbook, "wakatobi");
        assert!(!unmet(&lists, 1).iter().any(|u| u.0 == Item::Agencies));
        // One of six dimensions has its program; the one live program has a budget but no agency.
        assert_eq!(
            unmet(&lists, 2),
            [
                (Item::ProgramsInEveryDimension, 5, 6),
                (Item::DirectionOfEveryElement, 18, 18),
                (Item::AgencyOfEveryProgram, 1, 1)
            ]
        );
        assert_eq!(unmet(&lists, 3), [(Item::FinanceHistory, 1, 1), (Item::ReadinessRound, 1, 1)]);
        // Marked but not scored on any criterion.
        assert_eq!(unmet(&lists, 4), [(Item::QuickWinsScored, 1, 1)]);
        assert_eq!(unmet(&lists, 5), [], "the location names the area, whatever the case");
    }

    #[test]
    fn the_demo_lacks_nothing() {
        let lists = checklists(&seed::demo_workbook(), "Wakatobi");
        for list in &lists {
            assert_eq!(unmet(&lists, list.book), [], "book {}", list.book);
        }
    }
}
