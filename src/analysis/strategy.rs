//! The strategy read against the programs: the gaps a planner must close (a strategy no program carries out, a
//! program that names no strategy, an element without direction) and the coherence tree issue -> strategy ->
//! program -> cost that shows which issues the masterplan answers and with how much money. Pure functions of
//! the workbook, shared by the Strategy view, `info --json` and the Book I/II exports.
//!
//! Dropped programs carry out nothing: they count neither for a strategy nor as a program without strategy, and
//! their cost is left out. Costs are whole rupiah over all years and funding sources ([`Program::total_cost`]).

use std::collections::HashMap;

use crate::model::{Id, Program, ProgramStatus, StrategyItem, Workbook};

/// What the strategy still lacks. Ids are in workbook order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gaps {
    /// Strategies that no (live) program names.
    pub strategies_without_programs: Vec<Id>,
    /// Live programs that name no strategy.
    pub programs_without_strategy: Vec<Id>,
    /// Elements with no direction: no direction row, or one with neither a goal nor a strategy.
    pub elements_without_direction: Vec<Id>,
}

fn live(program: &Program) -> bool {
    program.status != ProgramStatus::Dropped
}

/// The gaps of `workbook`'s strategy.
pub fn gaps(workbook: &Workbook) -> Gaps {
    let strategy = &workbook.strategy;
    let carried: std::collections::HashSet<Id> =
        workbook.programs.iter().filter(|p| live(p)).filter_map(|p| p.strategy_id).collect();
    let strategies_without_programs =
        strategy.strategies.iter().filter(|s| !carried.contains(&s.id)).map(|s| s.id).collect();
    let programs_without_strategy =
        workbook.programs.iter().filter(|p| live(p) && p.strategy_id.is_none()).map(|p| p.id).collect();
    let elements_without_direction = workbook
        .elements
        .iter()
        .filter(|e| {
            let direction = strategy.direction_of(e.dimension_id, Some(e.id));
            !direction.is_some_and(|d| !d.goal.trim().is_empty() || strategy.strategies_of(d.id).next().is_some())
        })
        .map(|e| e.id)
        .collect();
    Gaps { strategies_without_programs, programs_without_strategy, elements_without_direction }
}

/// A program under a strategy, with its total cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramNode {
    pub program: Id,
    pub cost: i64,
}

/// A strategy with the programs that carry it out; `cost` is their sum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrategyNode {
    pub strategy: Id,
    pub programs: Vec<ProgramNode>,
    pub cost: i64,
}

/// An issue with the strategies that answer it; `issue` is `None` for the strategies that answer no issue.
/// `cost` sums its strategies (a program names one strategy, so no program is counted twice in one issue).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueNode {
    pub issue: Option<Id>,
    pub strategies: Vec<StrategyNode>,
    pub cost: i64,
}

/// The coherence tree of one filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coherence {
    /// Issues in workbook order, then the group of strategies tied to no issue (only when it has any).
    pub issues: Vec<IssueNode>,
    /// The cost of the programs under strategies that answer at least one issue, each program once (a strategy
    /// answering two issues shows under both, but is counted here once).
    pub answered_cost: i64,
    /// The cost of all live programs, answering an issue or not, each once. With a dimension filter: the live
    /// programs placed on the dimension's elements or carrying one of its strategies, so the answered cost
    /// (whose programs all carry one of its strategies) never exceeds it.
    pub total_cost: i64,
}

/// The tree issue -> strategy -> program -> cost. With `dimension`, only the strategies of that dimension's
/// directions are kept, with the issues they answer or that are tagged with the dimension; the total then counts
/// the programs placed on the dimension's elements or carrying one of the kept strategies (each once), a base
/// that holds every program of the answered cost.
pub fn coherence(workbook: &Workbook, dimension: Option<Id>) -> Coherence {
    let strategy = &workbook.strategy;
    let mut by_strategy: HashMap<Id, Vec<ProgramNode>> = HashMap::new();
    for p in workbook.programs.iter().filter(|p| live(p)) {
        if let Some(s) = p.strategy_id {
            by_strategy.entry(s).or_default().push(ProgramNode { program: p.id, cost: p.total_cost() });
        }
    }
    let kept = |s: &StrategyItem| {
        dimension.is_none_or(|d| strategy.direction(s.direction_id).is_some_and(|dir| dir.dimension_id == d))
    };
    let node = |s: &StrategyItem| {
        let programs = by_strategy.get(&s.id).cloned().unwrap_or_default();
        let cost = programs.iter().fold(0i64, |sum, p| sum.saturating_add(p.cost));
        StrategyNode { strategy: s.id, programs, cost }
    };
    let sum = |nodes: &[StrategyNode]| nodes.iter().fold(0i64, |sum, n| sum.saturating_add(n.cost));

    let mut issues = Vec::new();
    let mut answered_cost = 0i64;
    let mut counted = std::collections::HashSet::new();
    for issue in &strategy.issues {
        let strategies: Vec<StrategyNode> =
            strategy.strategies.iter().filter(|s| s.issue_ids.contains(&issue.id) && kept(s)).map(node).collect();
        let tagged = dimension.is_none_or(|d| issue.dimension_ids.contains(&d));
        if strategies.is_empty() && !tagged {
            continue;
        }
        for n in &strategies {
            if counted.insert(n.strategy) {
                answered_cost = answered_cost.saturating_add(n.cost);
            }
        }
        let cost = sum(&strategies);
        issues.push(IssueNode { issue: Some(issue.id), strategies, cost });
    }
    let loose: Vec<StrategyNode> = strategy
        .strategies
        .iter()
        .filter(|s| kept(s) && !s.issue_ids.iter().any(|i| strategy.issue(*i).is_some()))
        .map(node)
        .collect();
    if !loose.is_empty() {
        let cost = sum(&loose);
        issues.push(IssueNode { issue: None, strategies: loose, cost });
    }
    let kept_strategies: std::collections::HashSet<Id> =
        strategy.strategies.iter().filter(|s| kept(s)).map(|s| s.id).collect();
    let in_dimension = |p: &Program| {
        dimension.is_none_or(|d| {
            workbook.dimension_of(p.element_id).is_some_and(|x| x.id == d)
                || p.strategy_id.is_some_and(|s| kept_strategies.contains(&s))
        })
    };
    let total_cost = workbook
        .programs
        .iter()
        .filter(|p| live(p) && in_dimension(p))
        .fold(0i64, |sum, p| sum.saturating_add(p.total_cost()));
    Coherence { issues, answered_cost, total_cost }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        BudgetLine, Change, Direction, FundingSource, Issue, IssueSource, StrategyChange, new_id, validate_change,
    };
    use crate::seed::new_workbook;

    struct Fixture {
        wb: Workbook,
        issues: [Id; 3],
        strategies: [Id; 4],
        programs: [Id; 5],
    }

    fn line(year: i32, source: FundingSource, amount: i64) -> BudgetLine {
        BudgetLine { year, source, amount }
    }

    /// Governance (dimension 0) has a direction on its first element with strategies A and B and one on the
    /// dimension as a whole with C; economy (dimension 2) has a direction on its first element with D, which
    /// answers no issue. Issue 1 is answered by A and B, issue 2 by B and D, issue 3 by none (tagged economy).
    /// Programs: P1 (A, 100 + 50), P2 (A, 30), P3 (B, 200), P4 (none, 7), P5 (D, 1000, dropped).
    fn fixture() -> Fixture {
        let mut wb = new_workbook("Kabupaten Uji", 2022);
        let (gov, eco) = (wb.dimensions[0].id, wb.dimensions[2].id);
        let gov_el = wb.elements_of(gov).next().unwrap().id;
        let eco_el = wb.elements_of(eco).next().unwrap().id;
        let mut changes = Vec::new();
        let direction = |dimension, element: Option<Id>, goal: &str| Direction {
            id: new_id(),
            dimension_id: dimension,
            element_id: element,
            goal: goal.into(),
            position: 0,
        };
        let d_gov_el = direction(gov, Some(gov_el), "Layanan digital");
        let d_gov = direction(gov, None, "Pemerintahan cerdas");
        let d_eco = direction(eco, Some(eco_el), "");
        let issue = |code: &str, dims: Vec<Id>| Issue {
            position: code.parse().unwrap(),
            id: new_id(),
            code: code.into(),
            title: format!("Isu {code}"),
            description: String::new(),
            source: IssueSource::Workshop,
            dimension_ids: dims,
            readiness_item_id: None,
        };
        let issues = [issue("1", vec![gov]), issue("2", vec![gov]), issue("3", vec![eco])];
        let strategy = |direction: &Direction, code: &str, position: i64, issues: Vec<Id>| {
            let mut issue_ids = issues;
            issue_ids.sort();
            StrategyItem {
                id: new_id(),
                direction_id: direction.id,
                code: code.into(),
                text: format!("Strategi {code}"),
                issue_ids,
                position,
            }
        };
        let a = strategy(&d_gov_el, "A", 0, vec![issues[0].id]);
        let b = strategy(&d_gov_el, "B", 1, vec![issues[0].id, issues[1].id]);
        let c = strategy(&d_gov, "C", 2, vec![]);
        let d = strategy(&d_eco, "D", 3, vec![issues[1].id]);
        for dir in [&d_gov_el, &d_gov, &d_eco] {
            changes.push(Change::Strategy(StrategyChange::PutDirection(dir.clone())));
        }
        for i in &issues {
            changes.push(Change::Strategy(StrategyChange::PutIssue(i.clone())));
        }
        for s in [&a, &b, &c, &d] {
            changes.push(Change::Strategy(StrategyChange::PutStrategy(s.clone())));
        }
        let mut program = |name: &str, element: Id, strategy: Option<Id>, budget: Vec<BudgetLine>| {
            let mut p = wb.new_program(Some(element), name);
            p.position = changes.len() as i64;
            p.strategy_id = strategy;
            p.budget = budget;
            changes.push(Change::PutProgram(p.clone()));
            p
        };
        let p1 = program(
            "P1",
            gov_el,
            Some(a.id),
            vec![line(2022, FundingSource::Apbd, 100), line(2023, FundingSource::Dak, 50)],
        );
        let p2 = program("P2", gov_el, Some(a.id), vec![line(2024, FundingSource::Apbd, 30)]);
        let p3 = program("P3", eco_el, Some(b.id), vec![line(2025, FundingSource::Csr, 200)]);
        let p4 = program("P4", eco_el, None, vec![line(2022, FundingSource::Apbd, 7)]);
        let mut p5 = program("P5", eco_el, Some(d.id), vec![line(2022, FundingSource::Apbn, 1000)]);
        p5.status = ProgramStatus::Dropped;
        changes.push(Change::PutProgram(p5.clone()));
        for change in &changes {
            assert_eq!(validate_change(&wb, change), Vec::new(), "{change:?}");
            wb.apply(change);
        }
        Fixture {
            wb,
            issues: [issues[0].id, issues[1].id, issues[2].id],
            strategies: [a.id, b.id, c.id, d.id],
            programs: [p1.id, p2.id, p3.id, p4.id, p5.id],
        }
    }

    #[test]
    fn gaps_count_what_is_missing_by_hand() {
        let f = fixture();
        let gaps = gaps(&f.wb);
        // C has no program; D has only a dropped one.
        assert_eq!(gaps.strategies_without_programs, vec![f.strategies[2], f.strategies[3]]);
        // P4 names none; dropped P5 does not count.
        assert_eq!(gaps.programs_without_strategy, vec![f.programs[3]]);
        // 18 elements; governance's first has a goal and economy's first has a strategy (D) but no goal.
        assert_eq!(gaps.elements_without_direction.len(), 16);
        let eco_el = f.wb.elements_of(f.wb.dimensions[2].id).next().unwrap().id;
        assert!(!gaps.elements_without_direction.contains(&eco_el));
    }

    #[test]
    fn an_element_whose_direction_is_empty_still_lacks_one() {
        let mut f = fixture();
        // Removing D leaves economy's direction without goal or strategy.
        f.wb.apply(&Change::PutProgram(Program { strategy_id: None, ..f.wb.program(f.programs[4]).unwrap().clone() }));
        f.wb.apply(&Change::Strategy(StrategyChange::RemoveStrategy(f.strategies[3])));
        assert_eq!(gaps(&f.wb).elements_without_direction.len(), 17);
    }

    #[test]
    fn coherence_sums_the_programs_budget_lines() {
        let f = fixture();
        let tree = coherence(&f.wb, None);
        type Shape = (Option<Id>, Vec<(Id, i64)>, i64);
        let shape: Vec<Shape> = tree
            .issues
            .iter()
            .map(|i| (i.issue, i.strategies.iter().map(|s| (s.strategy, s.cost)).collect(), i.cost))
            .collect();
        let [a, b, c, d] = f.strategies;
        assert_eq!(
            shape,
            vec![
                (Some(f.issues[0]), vec![(a, 180), (b, 200)], 380),
                (Some(f.issues[1]), vec![(b, 200), (d, 0)], 200),
                (Some(f.issues[2]), vec![], 0),
                (None, vec![(c, 0)], 0),
            ]
        );
        assert_eq!(
            tree.issues[0].strategies[0].programs,
            vec![ProgramNode { program: f.programs[0], cost: 150 }, ProgramNode { program: f.programs[1], cost: 30 }]
        );
        // A and B once each: 180 + 200; all live programs: 150 + 30 + 200 + 7.
        assert_eq!((tree.answered_cost, tree.total_cost), (380, 387));
    }

    #[test]
    fn coherence_filtered_by_dimension_keeps_its_strategies_and_tagged_issues() {
        let f = fixture();
        let eco = f.wb.dimensions[2].id;
        let tree = coherence(&f.wb, Some(eco));
        let shape: Vec<(Option<Id>, Vec<Id>)> =
            tree.issues.iter().map(|i| (i.issue, i.strategies.iter().map(|s| s.strategy).collect())).collect();
        // Issue 2 through D; issue 3 is tagged economy though nothing answers it.
        assert_eq!(shape, vec![(Some(f.issues[1]), vec![f.strategies[3]]), (Some(f.issues[2]), vec![])]);
        // Programs on economy's elements: P3 (200) and P4 (7); dropped P5 left out.
        assert_eq!((tree.answered_cost, tree.total_cost), (0, 207));
    }

    #[test]
    fn coherence_filtered_by_dimension_never_answers_more_than_its_total() {
        let f = fixture();
        let gov = f.wb.dimensions[0].id;
        let tree = coherence(&f.wb, Some(gov));
        // Kept: A, B and C. Answered: A (P1 150 + P2 30) and B (P3 200, on an economy element) = 380. The base:
        // P1 and P2 on governance's element, plus P3 carrying B; P4 (economy, no strategy) left out = 380.
        assert_eq!((tree.answered_cost, tree.total_cost), (380, 380));
        for d in f.wb.dimensions.iter().map(|d| Some(d.id)).chain([None]) {
            let tree = coherence(&f.wb, d);
            assert!(tree.answered_cost <= tree.total_cost, "{d:?}: {tree:?}");
        }
    }
}
