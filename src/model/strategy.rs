//! The strategic narrative of the masterplan: strategic issues, SWOT per dimension, the regional (RPJMD) goals
//! the smart city vision serves, and the direction (goal, strategies, indicators) of each dimension and element.
//! Programs name the strategy they carry out (`Program::strategy_id`).
//!
//! Every row points only at rows that exist: a removal that would leave a link dangling is refused by
//! the strategy rules of `model::validate`, and the `remove_*` helpers on [`Workbook`] build the edit that unlinks first, so its undo
//! restores everything.

use serde::{Deserialize, Serialize};

use super::{Change, Id, Program, Workbook, put};
use crate::i18n::Text;

/// Where a strategic issue was raised.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueSource {
    /// The regional medium-term plan (RPJMD).
    #[default]
    Rpjmd,
    /// A readiness item scored low.
    Readiness,
    Workshop,
    Survey,
    Other,
}

impl IssueSource {
    pub const ALL: [IssueSource; 5] =
        [IssueSource::Rpjmd, IssueSource::Readiness, IssueSource::Workshop, IssueSource::Survey, IssueSource::Other];

    /// The name shown for where the issue was raised.
    pub fn text(self) -> Text {
        match self {
            IssueSource::Rpjmd => Text::IssueSourceRpjmd,
            IssueSource::Readiness => Text::IssueSourceReadiness,
            IssueSource::Workshop => Text::IssueSourceWorkshop,
            IssueSource::Survey => Text::IssueSourceSurvey,
            IssueSource::Other => Text::IssueSourceOther,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            IssueSource::Rpjmd => "rpjmd",
            IssueSource::Readiness => "readiness",
            IssueSource::Workshop => "workshop",
            IssueSource::Survey => "survey",
            IssueSource::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A strategic issue (isu strategis): a problem or opportunity of the region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub id: Id,
    pub code: String,
    pub title: String,
    pub description: String,
    pub source: IssueSource,
    /// The dimensions it touches, sorted.
    pub dimension_ids: Vec<Id>,
    /// The readiness item it was raised from, if any.
    pub readiness_item_id: Option<Id>,
    pub position: i64,
}

/// The four quadrants of a SWOT matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SwotKind {
    Strength,
    Weakness,
    Opportunity,
    Threat,
}

impl SwotKind {
    pub const ALL: [SwotKind; 4] = [SwotKind::Strength, SwotKind::Weakness, SwotKind::Opportunity, SwotKind::Threat];

    /// The name shown for this kind of SWOT entry.
    pub fn text(self) -> Text {
        match self {
            SwotKind::Strength => Text::SwotStrength,
            SwotKind::Weakness => Text::SwotWeakness,
            SwotKind::Opportunity => Text::SwotOpportunity,
            SwotKind::Threat => Text::SwotThreat,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SwotKind::Strength => "strength",
            SwotKind::Weakness => "weakness",
            SwotKind::Opportunity => "opportunity",
            SwotKind::Threat => "threat",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One entry of a dimension's SWOT, optionally tied to an issue or a readiness item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwotEntry {
    pub id: Id,
    pub dimension_id: Id,
    pub kind: SwotKind,
    pub text: String,
    pub issue_id: Option<Id>,
    pub readiness_item_id: Option<Id>,
    pub position: i64,
}

/// A goal of the regional medium-term plan (RPJMD) with its target (sasaran), and the dimensions that serve it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalGoal {
    pub id: Id,
    pub code: String,
    pub goal: String,
    pub target: String,
    /// Sorted.
    pub dimension_ids: Vec<Id>,
    pub position: i64,
}

/// The direction (arah) of a dimension as a whole (`element_id` is `None`) or of one of its elements: the goal
/// it pursues. Strategies and indicators hang from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Direction {
    pub id: Id,
    pub dimension_id: Id,
    pub element_id: Option<Id>,
    pub goal: String,
    pub position: i64,
}

/// A strategy (strategi) of a direction: what the region will do, and the issues it answers. Programs name the
/// strategy they carry out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyItem {
    pub id: Id,
    pub direction_id: Id,
    pub code: String,
    pub text: String,
    /// The issues this strategy answers, sorted.
    pub issue_ids: Vec<Id>,
    pub position: i64,
}

/// The value an indicator should reach in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorTarget {
    pub year: i32,
    pub value: String,
}

/// How a direction's progress is measured: a baseline and targets by year (typically years 1, 5 and 10).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: Id,
    pub direction_id: Id,
    pub name: String,
    pub unit: String,
    pub baseline: String,
    /// Sorted by year, one per year, none empty.
    pub targets: Vec<IndicatorTarget>,
    pub position: i64,
}

impl Indicator {
    pub fn target(&self, year: i32) -> Option<&str> {
        self.targets.iter().find(|t| t.year == year).map(|t| t.value.as_str())
    }

    /// Keep the targets in their canonical form: trimmed, sorted, one per year, no empty ones.
    pub fn normalise(&mut self) {
        self.targets.iter_mut().for_each(|t| t.value = t.value.trim().to_string());
        self.targets.retain(|t| !t.value.is_empty());
        self.targets.sort_by_key(|t| t.year);
        self.targets.dedup_by_key(|t| t.year);
    }
}

/// Everything strategic in a workbook. Lists are sorted by position, then id (directions by dimension, element
/// and position), the order the store reads them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Strategy {
    pub issues: Vec<Issue>,
    pub swot: Vec<SwotEntry>,
    pub goals: Vec<RegionalGoal>,
    pub directions: Vec<Direction>,
    pub strategies: Vec<StrategyItem>,
    pub indicators: Vec<Indicator>,
}

impl Strategy {
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
            && self.swot.is_empty()
            && self.goals.is_empty()
            && self.directions.is_empty()
            && self.strategies.is_empty()
            && self.indicators.is_empty()
    }

    pub fn issue(&self, id: Id) -> Option<&Issue> {
        self.issues.iter().find(|i| i.id == id)
    }

    pub fn swot_entry(&self, id: Id) -> Option<&SwotEntry> {
        self.swot.iter().find(|s| s.id == id)
    }

    pub fn goal(&self, id: Id) -> Option<&RegionalGoal> {
        self.goals.iter().find(|g| g.id == id)
    }

    pub fn direction(&self, id: Id) -> Option<&Direction> {
        self.directions.iter().find(|d| d.id == id)
    }

    /// The direction of a dimension as a whole (`element` `None`) or of one element.
    pub fn direction_of(&self, dimension: Id, element: Option<Id>) -> Option<&Direction> {
        self.directions.iter().find(|d| d.dimension_id == dimension && d.element_id == element)
    }

    pub fn strategy(&self, id: Id) -> Option<&StrategyItem> {
        self.strategies.iter().find(|s| s.id == id)
    }

    pub fn strategies_of(&self, direction: Id) -> impl Iterator<Item = &StrategyItem> {
        self.strategies.iter().filter(move |s| s.direction_id == direction)
    }

    pub fn indicator(&self, id: Id) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn indicators_of(&self, direction: Id) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.direction_id == direction)
    }

    /// The dimension a strategy belongs to, through its direction.
    pub fn dimension_of_strategy(&self, strategy: Id) -> Option<Id> {
        self.strategy(strategy).and_then(|s| self.direction(s.direction_id)).map(|d| d.dimension_id)
    }

    /// The position after the last row of a list, for appending.
    pub fn next_position<T>(rows: &[T], position: impl Fn(&T) -> i64) -> i64 {
        rows.iter().map(position).max().map_or(0, |p| p + 1)
    }
}

/// What to do with the programs that name a strategy being deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramDisposal {
    /// They keep no strategy.
    Unlink,
    /// They name this other strategy instead.
    MoveTo(Id),
}

impl Workbook {
    /// The programs that name `strategy`.
    pub fn programs_of_strategy(&self, strategy: Id) -> impl Iterator<Item = &Program> {
        self.programs.iter().filter(move |p| p.strategy_id == Some(strategy))
    }

    /// The changes that delete a strategy: first its programs are unlinked or moved as `disposal` says, then it
    /// goes. Applied as one edit, no link is left dangling and its undo restores all of it.
    pub fn remove_strategy(&self, id: Id, disposal: ProgramDisposal) -> Vec<Change> {
        let to = match disposal {
            ProgramDisposal::Unlink => None,
            ProgramDisposal::MoveTo(other) => Some(other),
        };
        let mut changes: Vec<Change> = self
            .programs_of_strategy(id)
            .map(|p| Change::PutProgram(Program { strategy_id: to, ..p.clone() }))
            .collect();
        changes.push(Change::Strategy(StrategyChange::RemoveStrategy(id)));
        changes
    }

    /// The changes that delete an issue: the SWOT entries and strategies that name it let go of it first.
    pub fn remove_issue(&self, id: Id) -> Vec<Change> {
        let strategy = &self.strategy;
        let mut changes: Vec<Change> = strategy
            .swot
            .iter()
            .filter(|s| s.issue_id == Some(id))
            .map(|s| Change::Strategy(StrategyChange::PutSwot(SwotEntry { issue_id: None, ..s.clone() })))
            .collect();
        for s in strategy.strategies.iter().filter(|s| s.issue_ids.contains(&id)) {
            let mut changed = s.clone();
            changed.issue_ids.retain(|i| *i != id);
            changes.push(Change::Strategy(StrategyChange::PutStrategy(changed)));
        }
        changes.push(Change::Strategy(StrategyChange::RemoveIssue(id)));
        changes
    }

    /// The changes that let issues and SWOT entries go of a readiness item about to be removed.
    pub fn unlink_readiness_item_from_strategy(&self, item: Id) -> Vec<Change> {
        let strategy = &self.strategy;
        let issues = strategy
            .issues
            .iter()
            .filter(|i| i.readiness_item_id == Some(item))
            .map(|i| Change::Strategy(StrategyChange::PutIssue(Issue { readiness_item_id: None, ..i.clone() })));
        let swot = strategy
            .swot
            .iter()
            .filter(|s| s.readiness_item_id == Some(item))
            .map(|s| Change::Strategy(StrategyChange::PutSwot(SwotEntry { readiness_item_id: None, ..s.clone() })));
        issues.chain(swot).collect()
    }
}

/// A row-level change to the strategy; each has an exact inverse.
#[derive(Clone, Debug, PartialEq)]
pub enum StrategyChange {
    PutIssue(Issue),
    RemoveIssue(Id),
    PutSwot(SwotEntry),
    RemoveSwot(Id),
    PutGoal(RegionalGoal),
    RemoveGoal(Id),
    PutDirection(Direction),
    RemoveDirection(Id),
    PutStrategy(StrategyItem),
    RemoveStrategy(Id),
    PutIndicator(Indicator),
    RemoveIndicator(Id),
}

/// `Put` of the old row when there is one, else `Remove` of the new id.
fn restore<T: Clone>(old: Option<&T>, put: fn(T) -> StrategyChange, remove: StrategyChange) -> Change {
    Change::Strategy(match old {
        Some(old) => put(old.clone()),
        None => remove,
    })
}

/// The change that undoes `change` on `workbook` as it is now.
pub fn inverse(workbook: &Workbook, change: &StrategyChange) -> Change {
    use StrategyChange::*;
    let s = &workbook.strategy;
    match change {
        PutIssue(new) => restore(s.issue(new.id), PutIssue, RemoveIssue(new.id)),
        RemoveIssue(id) => restore(s.issue(*id), PutIssue, RemoveIssue(*id)),
        PutSwot(new) => restore(s.swot_entry(new.id), PutSwot, RemoveSwot(new.id)),
        RemoveSwot(id) => restore(s.swot_entry(*id), PutSwot, RemoveSwot(*id)),
        PutGoal(new) => restore(s.goal(new.id), PutGoal, RemoveGoal(new.id)),
        RemoveGoal(id) => restore(s.goal(*id), PutGoal, RemoveGoal(*id)),
        PutDirection(new) => restore(s.direction(new.id), PutDirection, RemoveDirection(new.id)),
        RemoveDirection(id) => restore(s.direction(*id), PutDirection, RemoveDirection(*id)),
        PutStrategy(new) => restore(s.strategy(new.id), PutStrategy, RemoveStrategy(new.id)),
        RemoveStrategy(id) => restore(s.strategy(*id), PutStrategy, RemoveStrategy(*id)),
        PutIndicator(new) => restore(s.indicator(new.id), PutIndicator, RemoveIndicator(new.id)),
        RemoveIndicator(id) => restore(s.indicator(*id), PutIndicator, RemoveIndicator(*id)),
    }
}

/// Apply a validated change.
pub fn apply(workbook: &mut Workbook, change: &StrategyChange) {
    use StrategyChange::*;
    let s = &mut workbook.strategy;
    match change {
        PutIssue(row) => put(&mut s.issues, row.clone(), |r| r.id, |r| (r.position, r.id)),
        RemoveIssue(id) => s.issues.retain(|r| r.id != *id),
        PutSwot(row) => put(&mut s.swot, row.clone(), |r| r.id, |r| (r.position, r.id)),
        RemoveSwot(id) => s.swot.retain(|r| r.id != *id),
        PutGoal(row) => put(&mut s.goals, row.clone(), |r| r.id, |r| (r.position, r.id)),
        RemoveGoal(id) => s.goals.retain(|r| r.id != *id),
        PutDirection(row) => put(&mut s.directions, row.clone(), |r| r.id, |r| (r.position, r.id)),
        RemoveDirection(id) => s.directions.retain(|r| r.id != *id),
        PutStrategy(row) => put(&mut s.strategies, row.clone(), |r| r.id, |r| (r.position, r.id)),
        RemoveStrategy(id) => s.strategies.retain(|r| r.id != *id),
        PutIndicator(row) => put(&mut s.indicators, row.clone(), |r| r.id, |r| (r.position, r.id)),
        RemoveIndicator(id) => s.indicators.retain(|r| r.id != *id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Message;
    use crate::model::{Field, new_id, validate_change};

    fn workbook() -> Workbook {
        crate::seed::new_workbook("Kabupaten Uji", 2022)
    }

    fn direction(wb: &Workbook) -> Direction {
        Direction {
            id: new_id(),
            dimension_id: wb.dimensions[0].id,
            element_id: Some(wb.elements[0].id),
            goal: "Layanan publik digital".into(),
            position: 0,
        }
    }

    fn commit(wb: &mut Workbook, changes: Vec<Change>) -> Vec<Change> {
        let mut undo = Vec::new();
        for change in changes {
            assert_eq!(validate_change(wb, &change), Vec::new(), "{change:?}");
            undo.push(wb.inverse(&change));
            wb.apply(&change);
        }
        undo.reverse();
        undo
    }

    #[test]
    fn a_strategy_named_by_programs_cannot_go_until_they_are_moved_and_undo_restores_the_links() {
        let mut wb = workbook();
        let d = direction(&wb);
        let keep = StrategyItem {
            id: new_id(),
            direction_id: d.id,
            code: "S-1".into(),
            text: "E-government".into(),
            issue_ids: vec![],
            position: 0,
        };
        let go = StrategyItem { id: new_id(), code: "S-2".into(), position: 1, ..keep.clone() };
        let mut program = wb.new_program(None, "E-office");
        program.strategy_id = Some(go.id);
        commit(
            &mut wb,
            vec![
                Change::Strategy(StrategyChange::PutDirection(d)),
                Change::Strategy(StrategyChange::PutStrategy(keep.clone())),
                Change::Strategy(StrategyChange::PutStrategy(go.clone())),
                Change::PutProgram(program.clone()),
            ],
        );
        let alone = Change::Strategy(StrategyChange::RemoveStrategy(go.id));
        assert_eq!(validate_change(&wb, &alone)[0].message, Message::with(Text::StrategyInUse, ["1"]));

        let before = wb.clone();
        let changes = wb.remove_strategy(go.id, ProgramDisposal::MoveTo(keep.id));
        let undo = commit(&mut wb, changes);
        assert_eq!(wb.program(program.id).unwrap().strategy_id, Some(keep.id));
        assert!(wb.strategy.strategy(go.id).is_none());
        commit(&mut wb, undo);
        assert_eq!(wb, before);

        let changes = wb.remove_strategy(go.id, ProgramDisposal::Unlink);
        commit(&mut wb, changes);
        assert_eq!(wb.program(program.id).unwrap().strategy_id, None);
    }

    #[test]
    fn removing_an_issue_unlinks_it_everywhere_first() {
        let mut wb = workbook();
        let d = direction(&wb);
        let issue = Issue {
            id: new_id(),
            code: "I-1".into(),
            title: "Layanan lambat".into(),
            description: String::new(),
            source: IssueSource::Workshop,
            dimension_ids: vec![wb.dimensions[0].id],
            readiness_item_id: None,
            position: 0,
        };
        let swot = SwotEntry {
            id: new_id(),
            dimension_id: wb.dimensions[0].id,
            kind: SwotKind::Weakness,
            text: "Antrean panjang".into(),
            issue_id: Some(issue.id),
            readiness_item_id: Some(wb.readiness_items[0].id),
            position: 0,
        };
        let strategy = StrategyItem {
            id: new_id(),
            direction_id: d.id,
            code: String::new(),
            text: "Mal pelayanan".into(),
            issue_ids: vec![issue.id],
            position: 0,
        };
        commit(
            &mut wb,
            vec![
                Change::Strategy(StrategyChange::PutIssue(issue.clone())),
                Change::Strategy(StrategyChange::PutSwot(swot)),
                Change::Strategy(StrategyChange::PutDirection(d)),
                Change::Strategy(StrategyChange::PutStrategy(strategy.clone())),
            ],
        );
        let alone = Change::Strategy(StrategyChange::RemoveIssue(issue.id));
        assert_eq!(validate_change(&wb, &alone)[0].message, Message::with(Text::IssueInUse, ["2"]));
        let changes = wb.remove_issue(issue.id);
        commit(&mut wb, changes);
        assert!(wb.strategy.issues.is_empty());
        assert_eq!(wb.strategy.swot[0].issue_id, None);
        assert!(wb.strategy.strategies[0].issue_ids.is_empty());
    }

    #[test]
    fn links_must_point_at_rows_that_exist() {
        let wb = workbook();
        let d = direction(&wb);
        let strategy = StrategyItem {
            id: new_id(),
            direction_id: d.id,
            code: String::new(),
            text: "x".into(),
            issue_ids: vec![],
            position: 0,
        };
        let problems = validate_change(&wb, &Change::Strategy(StrategyChange::PutStrategy(strategy.clone())));
        assert_eq!(problems[0].message, Message::new(Text::UnknownDirection));
        let mut program = wb.new_program(None, "P");
        program.strategy_id = Some(strategy.id);
        let problems = validate_change(&wb, &Change::PutProgram(program));
        assert_eq!(problems[0].message, Message::new(Text::UnknownStrategy));
        // An element must belong to the direction's dimension.
        let wrong = Direction { element_id: Some(wb.elements[5].id), ..d };
        let problems = validate_change(&wb, &Change::Strategy(StrategyChange::PutDirection(wrong)));
        assert_eq!(problems[0].message, Message::new(Text::UnknownElement));
    }

    #[test]
    fn indicator_targets_stay_inside_the_period() {
        let mut wb = workbook();
        let d = direction(&wb);
        commit(&mut wb, vec![Change::Strategy(StrategyChange::PutDirection(d.clone()))]);
        let mut indicator = Indicator {
            id: new_id(),
            direction_id: d.id,
            name: "OPD memakai e-office".into(),
            unit: "%".into(),
            baseline: "20".into(),
            targets: vec![
                IndicatorTarget { year: 2031, value: " 100 ".into() },
                IndicatorTarget { year: 2022, value: "40".into() },
                IndicatorTarget { year: 2026, value: "".into() },
            ],
            position: 0,
        };
        indicator.normalise();
        assert_eq!(indicator.targets.iter().map(|t| t.year).collect::<Vec<_>>(), vec![2022, 2031]);
        assert_eq!(indicator.target(2031), Some("100"));
        let put = |i: &Indicator| Change::Strategy(StrategyChange::PutIndicator(i.clone()));
        assert!(validate_change(&wb, &put(&indicator)).is_empty());
        indicator.targets.push(IndicatorTarget { year: 2040, value: "1".into() });
        assert_eq!(validate_change(&wb, &put(&indicator))[0].field, Field::StrategyTarget);
    }
}
