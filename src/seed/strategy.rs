//! The demo's strategic narrative (example data) from `assets/demo/strategy.json`: issues, SWOT, RPJMD goals,
//! directions with their strategies and indicators, and which demo programs carry out each strategy. Dimensions,
//! elements, readiness items, issues and programs are named by their keys and codes; a name the demo does not
//! have is a bug in the asset, caught by the tests. Ids derive from those names, so a reset demo is identical.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::{
    Dimension, Direction, Element, Id, Indicator, IndicatorTarget, Issue, IssueSource, Program, RegionalGoal, Strategy,
    StrategyItem, SwotEntry, SwotKind, stable_id,
};

const DEMO_STRATEGY_JSON: &str = include_str!("../../assets/demo/strategy.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Seed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    issues: Vec<IssueSeed>,
    swot: Vec<SwotSeed>,
    goals: Vec<GoalSeed>,
    directions: Vec<DirectionSeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueSeed {
    code: String,
    title: String,
    description: String,
    source: IssueSource,
    dimensions: Vec<String>,
    readiness: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SwotSeed {
    dimension: String,
    kind: SwotKind,
    text: String,
    issue: Option<String>,
    readiness: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalSeed {
    code: String,
    goal: String,
    target: String,
    dimensions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectionSeed {
    dimension: String,
    element: Option<String>,
    goal: String,
    #[serde(default)]
    strategies: Vec<StrategySeed>,
    #[serde(default)]
    indicators: Vec<IndicatorSeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrategySeed {
    code: String,
    text: String,
    issues: Vec<String>,
    /// Codes of the demo programs that carry it out.
    programs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorSeed {
    name: String,
    unit: String,
    baseline: String,
    targets: BTreeMap<i32, String>,
}

/// The readiness item id of a code, as `readiness_framework` derives it.
fn item(code: &str) -> Id {
    stable_id("readiness-item", code)
}

fn issue(code: &str) -> Id {
    stable_id("demo-issue", code)
}

/// The demo strategy, and the programs with the strategy each carries out.
pub fn demo_strategy(dimensions: &[Dimension], elements: &[Element], programs: &mut [Program]) -> Strategy {
    let seed: Seed = serde_json::from_str(DEMO_STRATEGY_JSON).expect("assets/demo/strategy.json is valid");
    let dimension = |key: &str| {
        dimensions.iter().find(|d| d.key == key).map(|d| d.id).unwrap_or_else(|| panic!("no dimension {key}"))
    };
    let dimension_ids = |keys: &[String]| {
        let mut ids: Vec<Id> = keys.iter().map(|k| dimension(k)).collect();
        ids.sort();
        ids
    };
    let issues = seed
        .issues
        .iter()
        .zip(0..)
        .map(|(i, position)| Issue {
            id: issue(&i.code),
            code: i.code.clone(),
            title: i.title.clone(),
            description: i.description.clone(),
            source: i.source,
            dimension_ids: dimension_ids(&i.dimensions),
            readiness_item_id: i.readiness.as_deref().map(item),
            position,
        })
        .collect();
    let swot = seed
        .swot
        .iter()
        .zip(0..)
        .map(|(s, position)| SwotEntry {
            id: stable_id("demo-swot", &format!("{}/{}/{position}", s.dimension, s.kind.key())),
            dimension_id: dimension(&s.dimension),
            kind: s.kind,
            text: s.text.clone(),
            issue_id: s.issue.as_deref().map(issue),
            readiness_item_id: s.readiness.as_deref().map(item),
            position,
        })
        .collect();
    let goals = seed
        .goals
        .iter()
        .zip(0..)
        .map(|(g, position)| RegionalGoal {
            id: stable_id("demo-goal", &g.code),
            code: g.code.clone(),
            goal: g.goal.clone(),
            target: g.target.clone(),
            dimension_ids: dimension_ids(&g.dimensions),
            position,
        })
        .collect();
    let mut strategy = Strategy { issues, swot, goals, ..Strategy::default() };
    for (d, position) in seed.directions.iter().zip(0..) {
        add_direction(&mut strategy, d, position, dimension(&d.dimension), elements, programs);
    }
    strategy
}

/// One direction of the demo with its strategies (naming the programs that carry them out) and indicators.
fn add_direction(
    strategy: &mut Strategy,
    d: &DirectionSeed,
    position: i64,
    dimension_id: Id,
    elements: &[Element],
    programs: &mut [Program],
) {
    let element_id = d.element.as_deref().map(|key| {
        elements
            .iter()
            .find(|e| e.dimension_id == dimension_id && e.key == key)
            .map(|e| e.id)
            .unwrap_or_else(|| panic!("no element {}/{key}", d.dimension))
    });
    let key = format!("{}/{}", d.dimension, d.element.as_deref().unwrap_or(""));
    let direction =
        Direction { id: stable_id("demo-direction", &key), dimension_id, element_id, goal: d.goal.clone(), position };
    for s in &d.strategies {
        let id = stable_id("demo-strategy", &s.code);
        let mut issue_ids: Vec<Id> = s.issues.iter().map(|c| issue(c)).collect();
        issue_ids.sort();
        let position = strategy.strategies.len() as i64;
        strategy.strategies.push(StrategyItem {
            id,
            direction_id: direction.id,
            code: s.code.clone(),
            text: s.text.clone(),
            issue_ids,
            position,
        });
        for code in &s.programs {
            let program = programs
                .iter_mut()
                .find(|p| &p.code == code)
                .unwrap_or_else(|| panic!("strategy {}: no demo program {code}", s.code));
            program.strategy_id = Some(id);
        }
    }
    for (i, n) in d.indicators.iter().zip(0..) {
        let position = strategy.indicators.len() as i64;
        strategy.indicators.push(Indicator {
            id: stable_id("demo-indicator", &format!("{key}/{n}")),
            direction_id: direction.id,
            name: i.name.clone(),
            unit: i.unit.clone(),
            baseline: i.baseline.clone(),
            targets: i
                .targets
                .iter()
                .map(|(year, value)| IndicatorTarget { year: *year, value: value.clone() })
                .collect(),
            position,
        });
    }
    strategy.directions.push(direction);
}

#[cfg(test)]
mod tests {
    use crate::analysis::strategy::gaps;
    use crate::model::{Change, StrategyChange, validate_change};

    #[test]
    fn the_demo_strategy_is_valid_linked_and_leaves_the_intended_gaps() {
        let wb = crate::seed::demo_workbook();
        let s = &wb.strategy;
        assert_eq!(
            (s.issues.len(), s.swot.len(), s.goals.len(), s.directions.len(), s.strategies.len(), s.indicators.len()),
            (11, 26, 4, 24, 21, 8)
        );
        // Every row passes validation when written in store order onto the rest of the demo.
        let mut empty = wb.clone();
        empty.strategy = Default::default();
        empty.programs.iter_mut().for_each(|p| p.strategy_id = None);
        let puts = s
            .issues
            .iter()
            .cloned()
            .map(StrategyChange::PutIssue)
            .chain(s.swot.iter().cloned().map(StrategyChange::PutSwot))
            .chain(s.goals.iter().cloned().map(StrategyChange::PutGoal))
            .chain(s.directions.iter().cloned().map(StrategyChange::PutDirection))
            .chain(s.strategies.iter().cloned().map(StrategyChange::PutStrategy))
            .chain(s.indicators.iter().cloned().map(StrategyChange::PutIndicator))
            .map(Change::Strategy)
            .chain(wb.programs.iter().cloned().map(Change::PutProgram));
        for change in puts {
            assert_eq!(validate_change(&empty, &change), Vec::new(), "{change:?}");
            empty.apply(&change);
        }
        assert_eq!(empty, wb);
        // Every dimension serves at least one RPJMD goal; three programs and one strategy are open on purpose.
        for d in &wb.dimensions {
            assert!(s.goals.iter().any(|g| g.dimension_ids.contains(&d.id)), "{}", d.key);
        }
        let gaps = gaps(&wb);
        let codes = |ids: &[crate::model::Id]| -> Vec<String> {
            ids.iter().filter_map(|id| wb.program(*id)).map(|p| p.code.clone()).collect()
        };
        assert_eq!(codes(&gaps.programs_without_strategy), ["BRD-WK-02", "LIV-RW-02", "SOC-EB-02"]);
        assert_eq!(gaps.strategies_without_programs.len(), 1);
        assert_eq!(s.strategy(gaps.strategies_without_programs[0]).unwrap().code, "S-GOV-5");
        assert!(gaps.elements_without_direction.is_empty());
    }
}
