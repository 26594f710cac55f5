//! Plain domain types of a masterplan workbook, with no SQL and no egui: the profile of the region, its
//! agencies (OPD), the smart city council and implementation team, the six dimensions with their
//! elements, the programs, the readiness assessment and the regional budget history (APBD). [`Workbook`]
//! is the in-memory snapshot the UI reads; [`Change`] is the only way it changes.

mod color;
mod finance;
mod line_tree;
pub mod monev;
mod program;
pub mod quick_wins;
mod readiness;
pub mod strategy;
mod validate;

pub use color::rgb_from_hex;
pub use finance::{
    BASIS_POINTS, FIRST_CURRENT_LAYOUT_YEAR, FinanceValue, LEGACY_PREFIX, Layout, ProjectionSettings, Scenario,
    ValueKind,
};
pub use line_tree::{LegacyLine, LineDef, LineTree, Roles};
pub use monev::{
    EvaluationDimension, EvaluationItem, EvaluationScore, Monev, MonevChange, Realisation, RealisationStatus, Spending,
};
pub use program::{ActionType, BudgetLine, FundingSource, Program, ProgramStatus, YearTarget};
pub use quick_wins::{QuickWinChange, QuickWins};
pub use readiness::{Band, LevelText, MAX_LEVEL, MIN_LEVEL, Pillar, ReadinessItem, Round, Score};
pub use strategy::{
    Direction, Indicator, IndicatorTarget, Issue, IssueSource, ProgramDisposal, RegionalGoal, Strategy, StrategyChange,
    StrategyItem, SwotEntry, SwotKind,
};
pub use validate::{
    FIRST_YEAR, Field, LAST_YEAR, MAX_AMOUNT, MAX_RATE_BP, MAX_TEXT_CHARS, MIN_RATE_BP, Problem, budget_line_problems,
    program_code_key, program_code_taken, validate_change, validate_finance_value, validate_monev_row,
    validate_program, validate_program_alone, validate_projection_settings,
};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::{Message, TimeZone};

/// A stable row identity that survives copies of the workbook, so copies can be merged later.
pub type Id = Uuid;

pub fn new_id() -> Id {
    Uuid::new_v4()
}

/// Namespace for ids derived from stable keys, so the same reference row has the same id in every workbook
/// (which keeps merging simple) and the demo is identical each time it is reset.
const NAMESPACE: Uuid = Uuid::from_u128(0x6a0c_5d1e_8f4b_4c39_9a57_51c7_3e2d_b001);

/// An id derived from a kind and a key: the same inputs give the same id everywhere.
pub fn stable_id(kind: &str, key: &str) -> Id {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes())
}

// The one vocabulary of edits, here at the model's root because each area's own changes (strategy, quick
// wins) are variants of it and build it: a view never mutates the workbook, it builds an [`Edit`] of
// [`Change`]s, and the store validates, writes, applies and records it as one undo step.

/// One row-level change. Each has an exact inverse (see [`Workbook::inverse`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Profile(Profile),
    PutAgency(Agency),
    RemoveAgency(Id),
    PutMember(Member),
    RemoveMember(Id),
    /// A program with its whole budget and targets.
    PutProgram(Program),
    RemoveProgram(Id),
    PutReadinessItem(ReadinessItem),
    RemoveReadinessItem(Id),
    PutBand(Band),
    RemoveBand(Id),
    PutRound(Round),
    RemoveRound(Id),
    /// A score is identified by its round and item.
    PutScore(Score),
    RemoveScore {
        round: Id,
        item: Id,
    },
    /// A budget value is identified by its line, year and kind.
    PutFinanceValue(FinanceValue),
    RemoveFinanceValue {
        line: String,
        year: i32,
        kind: ValueKind,
    },
    /// The projection settings, whole; `None` goes back to the defaults (the workbook holds none).
    PutFinanceSettings(Option<ProjectionSettings>),
    /// Issues, SWOT, goals, strategies, indicators and program links (`strategy.rs`).
    Strategy(StrategyChange),
    /// Criteria, scores, quick-win marks, votes and workshop minutes (`quick_wins.rs`).
    QuickWin(QuickWinChange),
    /// Realisation, spending, the evaluation framework and its scores (`monev/`).
    Monev(MonevChange),
}

/// What the user did, as one undo step: a label for the Edit menu and the changes it made.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub label: Message,
    pub changes: Vec<Change>,
}

impl Edit {
    pub fn new(label: impl Into<Message>, changes: Vec<Change>) -> Self {
        Edit { label: label.into(), changes }
    }

    pub fn one(label: impl Into<Message>, change: Change) -> Self {
        Edit::new(label, vec![change])
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionType {
    #[default]
    Kabupaten,
    Kota,
}

impl RegionType {
    pub const ALL: [RegionType; 2] = [RegionType::Kabupaten, RegionType::Kota];

    /// The word stored in the workbook and used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            RegionType::Kabupaten => "kabupaten",
            RegionType::Kota => "kota",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The region and its masterplan: one per workbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Identity of the masterplan: every copy of one masterplan shares it.
    pub masterplan_id: Id,
    pub region_name: String,
    pub region_type: RegionType,
    /// Official region code, e.g. `74.05`.
    pub region_code: String,
    pub province: String,
    pub capital: String,
    pub period_start: i32,
    pub period_end: i32,
    pub vision: String,
    pub mission: String,
    /// Example data (the demo): badged "Contoh" everywhere it is shown.
    pub is_example: bool,
    /// The region's time zone: the history and every time shown are in it (the file keeps UTC).
    #[serde(default)]
    pub time_zone: TimeZone,
}

impl Profile {
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.period_start..=self.period_end
    }
}

/// A regional government agency (OPD / SKPD).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub id: Id,
    pub code: String,
    pub name: String,
    pub short_name: String,
    /// Ordering key; lists are shown by ascending position.
    pub position: i64,
}

impl Agency {
    /// The short name where there is one, for tight places such as cards and combo boxes.
    pub fn label(&self) -> &str {
        if self.short_name.trim().is_empty() { &self.name } else { &self.short_name }
    }
}

/// The two bodies that carry a smart city masterplan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Body {
    /// Dewan Smart City: the regent's council that owns the masterplan.
    Council,
    /// Tim Pelaksana Smart City: the implementation team.
    Team,
}

impl Body {
    pub const ALL: [Body; 2] = [Body::Council, Body::Team];

    pub fn key(self) -> &'static str {
        match self {
            Body::Council => "council",
            Body::Team => "team",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }
}

/// A person on the smart city council or the implementation team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: Id,
    pub body: Body,
    pub name: String,
    pub role: String,
    pub agency_id: Option<Id>,
    pub position: i64,
}

/// One of the six smart city dimensions. Reference data, seeded from `assets/seed/dimensions.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: Id,
    /// Stable key: governance, branding, economy, living, society, environment.
    pub key: String,
    pub name_id: String,
    pub name_en: String,
    /// How the region glosses the dimension, e.g. "pariwisata" for branding.
    pub gloss_id: String,
    pub gloss_en: String,
    /// `#rrggbb`, the dimension's colour on boards and charts.
    pub color: String,
    pub position: i64,
}

/// One of the three elements of a dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Element {
    pub id: Id,
    pub dimension_id: Id,
    pub key: String,
    pub name_id: String,
    pub name_en: String,
    pub position: i64,
}

/// The whole masterplan as the UI and the analyses read it. Lists are kept sorted by position (members by
/// body, then position), in the same order the file is read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub profile: Profile,
    pub dimensions: Vec<Dimension>,
    pub elements: Vec<Element>,
    pub agencies: Vec<Agency>,
    pub members: Vec<Member>,
    /// Sorted by position, then id.
    pub programs: Vec<Program>,
    /// The readiness framework, sorted by position, then id.
    pub readiness_items: Vec<ReadinessItem>,
    /// Sorted by their lower bound.
    pub bands: Vec<Band>,
    /// Assessment rounds, sorted by position, then id.
    pub rounds: Vec<Round>,
    /// Sorted by round, then item.
    pub scores: Vec<Score>,
    /// The budget history, sorted by line, year and kind.
    #[serde(default)]
    pub finance: Vec<FinanceValue>,
    /// How the history is projected; `None` uses [`ProjectionSettings::default_for`].
    #[serde(default)]
    pub finance_settings: Option<ProjectionSettings>,
    /// Strategic issues, SWOT, regional goals and the direction of each dimension (`strategy.rs`).
    #[serde(default)]
    pub strategy: Strategy,
    /// Prioritisation criteria, quick wins, votes and workshop minutes (`quick_wins.rs`).
    #[serde(default)]
    pub quick_wins: QuickWins,
    /// Realisation per program and year, and the yearly evaluation (`monev/`).
    #[serde(default)]
    pub monev: Monev,
}

impl Workbook {
    pub fn program(&self, id: Id) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    pub fn element(&self, id: Id) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }

    pub fn dimension(&self, id: Id) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The dimension an element belongs to.
    pub fn dimension_of(&self, element: Id) -> Option<&Dimension> {
        self.element(element).and_then(|e| self.dimension(e.dimension_id))
    }

    /// The value of `line` in `year` of `kind`, if one was entered.
    pub fn finance_value(&self, line: &str, year: i32, kind: ValueKind) -> Option<&FinanceValue> {
        self.finance.binary_search_by(|v| v.key().cmp(&(line, year, kind))).ok().map(|at| &self.finance[at])
    }

    /// The projection settings in force: the workbook's own, or the defaults for its history and period.
    pub fn projection_settings(&self) -> ProjectionSettings {
        self.finance_settings
            .clone()
            .unwrap_or_else(|| ProjectionSettings::default_for(&self.finance, self.profile.period_start))
    }

    pub fn readiness_item(&self, id: Id) -> Option<&ReadinessItem> {
        self.readiness_items.iter().find(|i| i.id == id)
    }

    pub fn band(&self, id: Id) -> Option<&Band> {
        self.bands.iter().find(|b| b.id == id)
    }

    pub fn round(&self, id: Id) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    pub fn score(&self, round: Id, item: Id) -> Option<&Score> {
        self.scores.iter().find(|s| s.round_id == round && s.item_id == item)
    }

    pub fn scores_of(&self, round: Id) -> impl Iterator<Item = &Score> {
        self.scores.iter().filter(move |s| s.round_id == round)
    }

    /// The changes that remove a readiness item with everything that points at it: its scores, then its links
    /// from programs, then the item. Applied as one edit, its undo restores all of it.
    pub fn remove_readiness_item(&self, id: Id) -> Vec<Change> {
        let mut changes: Vec<Change> = self
            .scores
            .iter()
            .filter(|s| s.item_id == id)
            .map(|s| Change::RemoveScore { round: s.round_id, item: s.item_id })
            .collect();
        for program in self.programs.iter().filter(|p| p.readiness_items.contains(&id)) {
            let mut changed = program.clone();
            changed.readiness_items.retain(|i| *i != id);
            changes.push(Change::PutProgram(changed));
        }
        changes.extend(self.unlink_readiness_item_from_strategy(id));
        changes.push(Change::RemoveReadinessItem(id));
        changes
    }

    pub fn next_readiness_position(&self) -> i64 {
        self.readiness_items.iter().map(|i| i.position).max().map_or(0, |p| p + 1)
    }

    pub fn next_round_position(&self) -> i64 {
        self.rounds.iter().map(|r| r.position).max().map_or(0, |p| p + 1)
    }

    /// A new program with sensible defaults: on the chosen element (or the first), for the whole period.
    pub fn new_program(&self, element: Option<Id>, name: &str) -> Program {
        let period = &self.profile;
        Program {
            id: new_id(),
            code: String::new(),
            name: name.to_string(),
            description: String::new(),
            element_id: element.or_else(|| self.elements.first().map(|e| e.id)).unwrap_or_else(new_id),
            agency_id: None,
            action_type: ActionType::Application,
            location: String::new(),
            start_year: period.period_start,
            end_year: period.period_end,
            status: ProgramStatus::Planned,
            outputs: String::new(),
            indicator: String::new(),
            indicator_baseline: String::new(),
            targets: Vec::new(),
            budget: Vec::new(),
            quick_win: false,
            position: self.next_program_position(),
            readiness_items: Vec::new(),
            strategy_id: None,
        }
    }

    pub fn next_program_position(&self) -> i64 {
        self.programs.iter().map(|p| p.position).max().map_or(0, |p| p + 1)
    }

    pub fn agency(&self, id: Id) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id == id)
    }

    pub fn member(&self, id: Id) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    pub fn members_of(&self, body: Body) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.body == body)
    }

    pub fn elements_of(&self, dimension: Id) -> impl Iterator<Item = &Element> {
        self.elements.iter().filter(move |e| e.dimension_id == dimension)
    }

    /// The position after the last agency, for appending.
    pub fn next_agency_position(&self) -> i64 {
        self.agencies.iter().map(|a| a.position).max().map_or(0, |p| p + 1)
    }

    pub fn next_member_position(&self, body: Body) -> i64 {
        self.members_of(body).map(|m| m.position).max().map_or(0, |p| p + 1)
    }

    /// The change that undoes `change` when applied to this workbook as it is now (before `change`).
    pub fn inverse(&self, change: &Change) -> Change {
        match change {
            Change::Profile(_) => Change::Profile(self.profile.clone()),
            Change::PutAgency(new) => match self.agency(new.id) {
                Some(old) => Change::PutAgency(old.clone()),
                None => Change::RemoveAgency(new.id),
            },
            Change::RemoveAgency(id) => match self.agency(*id) {
                Some(old) => Change::PutAgency(old.clone()),
                None => Change::RemoveAgency(*id),
            },
            Change::PutMember(new) => match self.member(new.id) {
                Some(old) => Change::PutMember(old.clone()),
                None => Change::RemoveMember(new.id),
            },
            Change::RemoveMember(id) => match self.member(*id) {
                Some(old) => Change::PutMember(old.clone()),
                None => Change::RemoveMember(*id),
            },
            Change::PutProgram(new) => match self.program(new.id) {
                Some(old) => Change::PutProgram(old.clone()),
                None => Change::RemoveProgram(new.id),
            },
            Change::RemoveProgram(id) => match self.program(*id) {
                Some(old) => Change::PutProgram(old.clone()),
                None => Change::RemoveProgram(*id),
            },
            Change::PutReadinessItem(new) => match self.readiness_item(new.id) {
                Some(old) => Change::PutReadinessItem(old.clone()),
                None => Change::RemoveReadinessItem(new.id),
            },
            Change::RemoveReadinessItem(id) => match self.readiness_item(*id) {
                Some(old) => Change::PutReadinessItem(old.clone()),
                None => Change::RemoveReadinessItem(*id),
            },
            Change::PutBand(new) => match self.band(new.id) {
                Some(old) => Change::PutBand(old.clone()),
                None => Change::RemoveBand(new.id),
            },
            Change::RemoveBand(id) => match self.band(*id) {
                Some(old) => Change::PutBand(old.clone()),
                None => Change::RemoveBand(*id),
            },
            Change::PutRound(new) => match self.round(new.id) {
                Some(old) => Change::PutRound(old.clone()),
                None => Change::RemoveRound(new.id),
            },
            Change::RemoveRound(id) => match self.round(*id) {
                Some(old) => Change::PutRound(old.clone()),
                None => Change::RemoveRound(*id),
            },
            Change::PutScore(new) => match self.score(new.round_id, new.item_id) {
                Some(old) => Change::PutScore(old.clone()),
                None => Change::RemoveScore { round: new.round_id, item: new.item_id },
            },
            Change::RemoveScore { round, item } => match self.score(*round, *item) {
                Some(old) => Change::PutScore(old.clone()),
                None => Change::RemoveScore { round: *round, item: *item },
            },
            Change::PutFinanceValue(new) => match self.finance_value(&new.line, new.year, new.kind) {
                Some(old) => Change::PutFinanceValue(old.clone()),
                None => Change::RemoveFinanceValue { line: new.line.clone(), year: new.year, kind: new.kind },
            },
            Change::RemoveFinanceValue { line, year, kind } => match self.finance_value(line, *year, *kind) {
                Some(old) => Change::PutFinanceValue(old.clone()),
                None => Change::RemoveFinanceValue { line: line.clone(), year: *year, kind: *kind },
            },
            Change::PutFinanceSettings(_) => Change::PutFinanceSettings(self.finance_settings.clone()),
            Change::Strategy(c) => strategy::inverse(self, c),
            Change::QuickWin(c) => quick_wins::inverse(self, c),
            Change::Monev(c) => monev::inverse(self, c),
        }
    }

    /// Apply a change that has already been validated and written to the file.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Profile(profile) => self.profile = profile.clone(),
            Change::PutAgency(agency) => {
                put(&mut self.agencies, agency.clone(), |a| a.id, |a| (a.position, a.code.clone()));
            }
            Change::RemoveAgency(id) => self.agencies.retain(|a| a.id != *id),
            Change::PutMember(member) => {
                put(&mut self.members, member.clone(), |m| m.id, |m| (m.body.key(), m.position, m.name.clone()));
            }
            Change::RemoveMember(id) => self.members.retain(|m| m.id != *id),
            Change::PutProgram(program) => put_program(&mut self.programs, program.clone()),
            Change::RemoveProgram(id) => self.programs.retain(|p| p.id != *id),
            Change::PutReadinessItem(item) => {
                put(&mut self.readiness_items, item.clone(), |i| i.id, |i| (i.position, i.id))
            }
            Change::RemoveReadinessItem(id) => self.readiness_items.retain(|i| i.id != *id),
            Change::PutBand(band) => {
                put(&mut self.bands, band.clone(), |b| b.id, |b| (b.position, b.id));
                self.bands.sort_by(|a, b| a.min.total_cmp(&b.min).then(a.position.cmp(&b.position)));
            }
            Change::RemoveBand(id) => self.bands.retain(|b| b.id != *id),
            Change::PutRound(round) => put(&mut self.rounds, round.clone(), |r| r.id, |r| (r.position, r.id)),
            Change::RemoveRound(id) => self.rounds.retain(|r| r.id != *id),
            Change::PutScore(score) => {
                match self.scores.iter().position(|s| s.round_id == score.round_id && s.item_id == score.item_id) {
                    Some(at) => self.scores[at] = score.clone(),
                    None => self.scores.push(score.clone()),
                }
                self.scores.sort_by_key(|s| (s.round_id, s.item_id));
            }
            Change::RemoveScore { round, item } => {
                self.scores.retain(|s| !(s.round_id == *round && s.item_id == *item))
            }
            Change::PutFinanceValue(value) => match self.finance.binary_search_by(|v| v.key().cmp(&value.key())) {
                Ok(at) => self.finance[at] = value.clone(),
                Err(at) => self.finance.insert(at, value.clone()),
            },
            Change::RemoveFinanceValue { line, year, kind } => {
                if let Ok(at) = self.finance.binary_search_by(|v| v.key().cmp(&(line.as_str(), *year, *kind))) {
                    self.finance.remove(at);
                }
            }
            Change::PutFinanceSettings(settings) => self.finance_settings = settings.clone(),
            Change::Strategy(c) => strategy::apply(self, c),
            Change::QuickWin(c) => quick_wins::apply(self, c),
            Change::Monev(c) => monev::apply(self, c),
        }
    }
}

/// Exchange two list positions so that `second` ends up before `first`, even when they were equal.
fn swap_positions(first: &mut i64, second: &mut i64) {
    std::mem::swap(first, second);
    if first == second {
        *second -= 1;
    }
}

/// The changes that swap two neighbouring agencies in the list: `second` moves before `first`.
pub fn swap_agencies(first: &Agency, second: &Agency) -> Vec<Change> {
    let (mut a, mut b) = (first.clone(), second.clone());
    swap_positions(&mut a.position, &mut b.position);
    vec![Change::PutAgency(a), Change::PutAgency(b)]
}

/// The changes that swap two neighbouring members of a body: `second` moves before `first`.
pub fn swap_members(first: &Member, second: &Member) -> Vec<Change> {
    let (mut a, mut b) = (first.clone(), second.clone());
    swap_positions(&mut a.position, &mut b.position);
    vec![Change::PutMember(a), Change::PutMember(b)]
}

/// Insert or replace a program, keeping the list sorted by (position, id) without re-sorting 10,000 rows
/// when the position did not change.
fn put_program(programs: &mut Vec<Program>, program: Program) {
    let key = |p: &Program| (p.position, p.id);
    if let Some(at) = programs.iter().position(|p| p.id == program.id) {
        if programs[at].position == program.position {
            programs[at] = program;
            return;
        }
        programs.remove(at);
    }
    let at = programs.partition_point(|p| key(p) < key(&program));
    programs.insert(at, program);
}

/// Insert or replace a row by id, keeping the list in the order the store reads it from the file
/// (`store::rows::load`), so the snapshot after an edit equals the workbook read back.
fn put<T, K: Ord>(rows: &mut Vec<T>, row: T, id: impl Fn(&T) -> Id, order: impl Fn(&T) -> K) {
    match rows.iter().position(|r| id(r) == id(&row)) {
        Some(at) => rows[at] = row,
        None => rows.push(row),
    }
    rows.sort_by_key(order);
}
