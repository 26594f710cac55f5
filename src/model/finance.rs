//! The regional budget (APBD) history and the settings of its projection.
//!
//! **The line tree.** Values are typed per budget line, year and kind (budgeted or realised). The lines form
//! one tree in the current layout (Permendagri 90/2019, since the 2021 budget), read once from
//! `assets/seed/apbd-lines.json`: revenue (4: PAD with its parts, transfers with DBH, DAU, DAK, Dana Desa
//! and others, other legitimate revenue), spending (5: personnel, goods and services, interest, subsidies,
//! grants, social aid, capital, unforeseen, transfers paid) and net financing (6: receipts such as SiLPA and
//! loans, less disbursements such as loan principal). A value may be typed on any line, a sum line included:
//! a sum line's own value is its total, and children explain as much of it as they hold.
//!
//! **The layout before 2021** (Permendagri 13/2006 as amended by 21/2011) can be typed as it was published:
//! its lines are stored under `old:<code>` (e.g. `old:4.2` for Dana Perimbangan) and mapped onto the tree when
//! totals are formed, so a 2016-2031 series is continuous:
//! - an old line marked `whole` is the whole of its tree line and gives that line its value: PAD and its parts
//!   map one to one; Dana Perimbangan maps onto tree line 4.2.1, which groups DBH, DAU and DAK under
//!   transfers; single lines that moved (Dana Desa, the adjustment funds, interest, grants, capital...) too;
//! - an old line that is only a part of its tree line adds to it, less what its own old-layout children
//!   already explain. So Dana Desa, the adjustment funds and the provincial revenue sharing and aid, all under
//!   "lain-lain pendapatan" before 2021, move to transfers, and the rest of "lain-lain pendapatan" that was
//!   not broken down stays in 4.3; the personnel spending of belanja tidak langsung and of belanja langsung
//!   both add to personnel (5.1.1); goods and services and capital (from belanja langsung) and interest,
//!   subsidies, grants, social aid, revenue sharing, financial aid and unforeseen spending (from belanja tidak
//!   langsung) go to their own lines; what of belanja tidak langsung or langsung is not broken down stays in
//!   total spending (5) as not broken down.
//!
//! One year is typed in one layout (validation refuses a mix), so no amount is counted twice.
//! The line codes are fixed reference data; their names are data in the JSON.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::i18n::Text;

/// The prefix of the keys of lines in the layout before 2021.
pub const LEGACY_PREFIX: &str = "old:";

/// The first budget year in the current layout.
pub const FIRST_CURRENT_LAYOUT_YEAR: i32 = 2021;

/// Typed growth rates and scenario adjustments are basis points per year: 150 = 1,5 % a year.
pub const BASIS_POINTS: i32 = 10_000;

/// Whether a value is the budget (APBD or its revision) or what was realised (LRA).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    Budgeted,
    Realised,
}

impl ValueKind {
    pub const ALL: [ValueKind; 2] = [ValueKind::Budgeted, ValueKind::Realised];

    pub fn key(self) -> &'static str {
        match self {
            ValueKind::Budgeted => "budgeted",
            ValueKind::Realised => "realised",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn text(self) -> Text {
        match self {
            ValueKind::Budgeted => Text::ValueBudgeted,
            ValueKind::Realised => Text::ValueRealised,
        }
    }
}

/// One amount of the budget history: a line (tree code or `old:` code), a year and a kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinanceValue {
    pub line: String,
    pub year: i32,
    pub kind: ValueKind,
    /// Whole rupiah; negative only where the line can be (e.g. net financing).
    pub amount: i64,
    /// Filled in by the planners (or the demo) where no published figure exists: shown as an estimate.
    pub is_estimate: bool,
}

impl FinanceValue {
    /// The identity of a value: one per line, year and kind.
    pub fn key(&self) -> (&str, i32, ValueKind) {
        (self.line.as_str(), self.year, self.kind)
    }
}

/// The two layouts of the APBD.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Permendagri 90/2019, since the 2021 budget.
    Current,
    /// Permendagri 13/2006 (as amended by 21/2011), until the 2020 budget.
    Legacy,
}

impl Layout {
    /// The layout a year's budget was published in.
    pub fn of_year(year: i32) -> Layout {
        if year < FIRST_CURRENT_LAYOUT_YEAR { Layout::Legacy } else { Layout::Current }
    }

    /// The layout of a stored line key.
    pub fn of_key(key: &str) -> Layout {
        if key.starts_with(LEGACY_PREFIX) { Layout::Legacy } else { Layout::Current }
    }

    pub fn text(self) -> Text {
        match self {
            Layout::Current => Text::FinanceLayoutCurrent,
            Layout::Legacy => Text::FinanceLayoutLegacy,
        }
    }
}

/// The three projection scenarios, shown side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    Pessimistic,
    Base,
    Optimistic,
}

impl Scenario {
    pub const ALL: [Scenario; 3] = [Scenario::Pessimistic, Scenario::Base, Scenario::Optimistic];

    pub fn key(self) -> &'static str {
        match self {
            Scenario::Pessimistic => "pessimistic",
            Scenario::Base => "base",
            Scenario::Optimistic => "optimistic",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn text(self) -> Text {
        match self {
            Scenario::Pessimistic => Text::ScenarioPessimistic,
            Scenario::Base => Text::ScenarioBase,
            Scenario::Optimistic => Text::ScenarioOptimistic,
        }
    }
}

/// How the history is projected over the masterplan period. One per workbook; a workbook without its own
/// settings uses [`ProjectionSettings::default_for`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectionSettings {
    /// The growth of each line is its CAGR from the first to the last base year (the years inside that have
    /// a value). The projection starts from the last base year: later years are projected.
    pub base_first: i32,
    pub base_last: i32,
    /// Typed growth rates in basis points per year, by tree line code, in place of the CAGR. A rate on a sum
    /// line applies to every line under it that has no rate of its own (a group rate).
    pub rates: BTreeMap<String, i32>,
    /// Added to every line's growth rate in each scenario, in basis points (-150 = 1,5 percentage points
    /// slower each year).
    pub pessimistic_bp: i32,
    pub base_bp: i32,
    pub optimistic_bp: i32,
    /// The smart city envelope as a share of (projected) total spending, in basis points (100 = 1 %).
    pub envelope_bp: i32,
}

/// Defaults for a workbook without its own settings.
pub const DEFAULT_PESSIMISTIC_BP: i32 = -100;
pub const DEFAULT_OPTIMISTIC_BP: i32 = 100;
pub const DEFAULT_ENVELOPE_BP: i32 = 100;
/// Five base years by default (four years of growth).
pub const DEFAULT_BASE_SPAN: i32 = 4;

impl ProjectionSettings {
    /// The defaults: the last five years with history (ending at the latest year with a value, or the year
    /// before the masterplan when there is none), scenarios one percentage point either side, an envelope of
    /// 1 % of spending, no typed rates.
    pub fn default_for(values: &[FinanceValue], period_start: i32) -> Self {
        let base_last = values.iter().map(|v| v.year).max().unwrap_or(period_start - 1);
        ProjectionSettings {
            base_first: base_last - DEFAULT_BASE_SPAN,
            base_last,
            rates: BTreeMap::new(),
            pessimistic_bp: DEFAULT_PESSIMISTIC_BP,
            base_bp: 0,
            optimistic_bp: DEFAULT_OPTIMISTIC_BP,
            envelope_bp: DEFAULT_ENVELOPE_BP,
        }
    }

    pub fn adjustment(&self, scenario: Scenario) -> i32 {
        match scenario {
            Scenario::Pessimistic => self.pessimistic_bp,
            Scenario::Base => self.base_bp,
            Scenario::Optimistic => self.optimistic_bp,
        }
    }
}

/// One line of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDef {
    /// `4.1.2`: also the key values are stored under.
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    /// A sum of its children.
    pub is_sum: bool,
    /// Counts against its parent (financing disbursements in net financing).
    pub negative: bool,
    pub parent: Option<usize>,
    /// 0 for the three roots (4, 5, 6).
    pub depth: usize,
}

/// One line of the layout before 2021, with where it goes in the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegacyLine {
    /// The code as published, e.g. `4.2` for Dana Perimbangan.
    pub code: String,
    /// `old:4.2`: the key values are stored under.
    pub key: String,
    pub name_id: String,
    pub name_en: String,
    /// Index of the tree line it maps onto.
    pub maps_to: usize,
    /// The whole of its tree line (its value becomes the line's value), or only a part that adds to it.
    pub whole: bool,
    pub negative: bool,
    /// Index of its parent in the old layout.
    pub parent: Option<usize>,
    pub depth: usize,
}

/// The lines the ratios read, as indices into [`LineTree::lines`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roles {
    pub revenue: usize,
    pub pad: usize,
    pub spending: usize,
    pub personnel: usize,
    pub capital: usize,
    pub interest: usize,
    pub transfers_paid: usize,
    pub silpa: usize,
    pub loan_principal: usize,
    pub earmarked_revenue: Vec<usize>,
}

/// The APBD line tree with the old layout's mapping: reference data, the same in every workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineTree {
    /// Parents before their children, in the order they are shown.
    pub lines: Vec<LineDef>,
    pub legacy: Vec<LegacyLine>,
    pub roles: Roles,
    children: Vec<Vec<usize>>,
    legacy_children: Vec<Vec<usize>>,
}

const LINES_JSON: &str = include_str!("../../assets/seed/apbd-lines.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TreeSeed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    lines: Vec<LineSeed>,
    legacy: Vec<LegacySeed>,
    roles: RolesSeed,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineSeed {
    code: String,
    name_id: String,
    name_en: String,
    #[serde(default)]
    sum: bool,
    #[serde(default)]
    negative: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacySeed {
    code: String,
    name_id: String,
    name_en: String,
    maps_to: String,
    whole: bool,
    #[serde(default)]
    negative: bool,
    #[serde(rename = "_note")]
    _note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesSeed {
    revenue: String,
    pad: String,
    spending: String,
    personnel: String,
    capital: String,
    interest: String,
    transfers_paid: String,
    silpa: String,
    loan_principal: String,
    earmarked_revenue: Vec<String>,
}

/// The parent code of `4.1.2` is `4.1`; a root has none.
fn parent_code(code: &str) -> Option<&str> {
    code.rfind('.').map(|at| &code[..at])
}

impl LineTree {
    /// The tree, read from the asset once. A broken asset is a bug caught by the tests.
    pub fn get() -> &'static LineTree {
        static TREE: OnceLock<LineTree> = OnceLock::new();
        TREE.get_or_init(|| LineTree::parse(LINES_JSON))
    }

    fn parse(json: &str) -> LineTree {
        let seed: TreeSeed = serde_json::from_str(json).expect("assets/seed/apbd-lines.json is valid");
        let mut lines: Vec<LineDef> = Vec::with_capacity(seed.lines.len());
        for line in seed.lines {
            let parent = parent_code(&line.code).map(|p| {
                lines
                    .iter()
                    .position(|l| l.code == p)
                    .unwrap_or_else(|| panic!("line {}: parent comes first", line.code))
            });
            lines.push(LineDef {
                depth: parent.map_or(0, |p| lines[p].depth + 1),
                code: line.code,
                name_id: line.name_id,
                name_en: line.name_en,
                is_sum: line.sum,
                negative: line.negative,
                parent,
            });
        }
        let find =
            |code: &str| lines.iter().position(|l| l.code == code).unwrap_or_else(|| panic!("no tree line {code}"));
        let mut legacy: Vec<LegacyLine> = Vec::with_capacity(seed.legacy.len());
        for line in seed.legacy {
            let parent = parent_code(&line.code).map(|p| {
                legacy
                    .iter()
                    .position(|l| l.code == p)
                    .unwrap_or_else(|| panic!("old line {}: parent first", line.code))
            });
            legacy.push(LegacyLine {
                key: format!("{LEGACY_PREFIX}{}", line.code),
                depth: parent.map_or(0, |p| legacy[p].depth + 1),
                maps_to: find(&line.maps_to),
                code: line.code,
                name_id: line.name_id,
                name_en: line.name_en,
                whole: line.whole,
                negative: line.negative,
                parent,
            });
        }
        let r = seed.roles;
        let roles = Roles {
            revenue: find(&r.revenue),
            pad: find(&r.pad),
            spending: find(&r.spending),
            personnel: find(&r.personnel),
            capital: find(&r.capital),
            interest: find(&r.interest),
            transfers_paid: find(&r.transfers_paid),
            silpa: find(&r.silpa),
            loan_principal: find(&r.loan_principal),
            earmarked_revenue: r.earmarked_revenue.iter().map(|c| find(c)).collect(),
        };
        let mut children = vec![Vec::new(); lines.len()];
        for (i, line) in lines.iter().enumerate() {
            if let Some(p) = line.parent {
                children[p].push(i);
            }
        }
        let mut legacy_children = vec![Vec::new(); legacy.len()];
        for (i, line) in legacy.iter().enumerate() {
            if let Some(p) = line.parent {
                legacy_children[p].push(i);
            }
        }
        LineTree { lines, legacy, roles, children, legacy_children }
    }

    /// The index of a tree line by its code.
    pub fn index(&self, code: &str) -> Option<usize> {
        self.lines.iter().position(|l| l.code == code)
    }

    /// The index of an old-layout line by its stored key (`old:4.2`).
    pub fn legacy_index(&self, key: &str) -> Option<usize> {
        self.legacy.iter().position(|l| l.key == key)
    }

    /// True for the code of a tree line or the key of an old-layout line.
    pub fn is_known(&self, key: &str) -> bool {
        self.index(key).is_some() || self.legacy_index(key).is_some()
    }

    pub fn children(&self, line: usize) -> &[usize] {
        &self.children[line]
    }

    pub fn legacy_children(&self, line: usize) -> &[usize] {
        &self.legacy_children[line]
    }

    /// The line's ancestors, nearest first.
    pub fn ancestors(&self, line: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.lines[line].parent, |&p| self.lines[p].parent)
    }

    /// True when `line` is `ancestor` or lies under it.
    pub fn is_within(&self, line: usize, ancestor: usize) -> bool {
        line == ancestor || self.ancestors(line).any(|a| a == ancestor)
    }

    /// The name of a tree or old-layout line in `lang`, or the key itself when it is not known.
    pub fn name(&self, key: &str, lang: crate::i18n::Lang) -> String {
        let pick = |id: &str, en: &str| match lang {
            crate::i18n::Lang::Id => id.to_string(),
            crate::i18n::Lang::En => en.to_string(),
        };
        if let Some(i) = self.index(key) {
            pick(&self.lines[i].name_id, &self.lines[i].name_en)
        } else if let Some(i) = self.legacy_index(key) {
            pick(&self.legacy[i].name_id, &self.legacy[i].name_en)
        } else {
            key.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_well_formed() {
        let tree = LineTree::get();
        let codes: std::collections::HashSet<&str> = tree.lines.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes.len(), tree.lines.len(), "codes are unique");
        for (i, line) in tree.lines.iter().enumerate() {
            assert_eq!(line.is_sum, !tree.children(i).is_empty(), "{}: sum exactly when it has children", line.code);
            assert!(!line.name_id.is_empty() && !line.name_en.is_empty(), "{}", line.code);
            assert!(!line.code.starts_with(LEGACY_PREFIX));
        }
        let roots: Vec<&str> = tree.lines.iter().filter(|l| l.parent.is_none()).map(|l| l.code.as_str()).collect();
        assert_eq!(roots, ["4", "5", "6"]);
        let negative: Vec<&str> = tree.lines.iter().filter(|l| l.negative).map(|l| l.code.as_str()).collect();
        assert_eq!(negative, ["6.2"]);
        // The lines the issue names exist.
        for code in ["4.1", "4.2", "4.2.1.1", "4.2.1.2", "4.2.1.3", "4.2.2", "4.3", "5.1.1", "5.1.2", "5.2", "5.4"] {
            assert!(tree.index(code).is_some(), "{code}");
        }
        let roles = &tree.roles;
        assert_eq!(tree.lines[roles.pad].code, "4.1");
        assert_eq!(tree.lines[roles.revenue].code, "4");
        assert!(tree.is_within(roles.personnel, roles.spending));
        assert!(tree.is_within(roles.silpa, tree.index("6").unwrap()));
    }

    #[test]
    fn every_old_line_maps_inside_the_tree_consistently() {
        let tree = LineTree::get();
        let mut whole_targets = std::collections::HashSet::new();
        for (i, old) in tree.legacy.iter().enumerate() {
            assert_eq!(old.key, format!("old:{}", old.code));
            assert!(tree.is_known(&old.key));
            if old.whole {
                assert!(whole_targets.insert(old.maps_to), "{}: two old lines are the whole of one line", old.code);
                // The detail of a whole line stays inside its tree line, so its own value is never counted
                // beside a child mapped elsewhere.
                let mut stack: Vec<usize> = tree.legacy_children(i).to_vec();
                while let Some(child) = stack.pop() {
                    assert!(
                        tree.is_within(tree.legacy[child].maps_to, old.maps_to),
                        "{} under {} maps outside {}",
                        tree.legacy[child].code,
                        old.code,
                        tree.lines[old.maps_to].code
                    );
                    stack.extend_from_slice(tree.legacy_children(child));
                }
            }
        }
        let target = |code: &str| tree.lines[tree.legacy[tree.legacy_index(code).unwrap()].maps_to].code.as_str();
        assert_eq!(target("old:4.2"), "4.2.1", "Dana Perimbangan");
        assert_eq!(target("old:4.2.2"), "4.2.1.2", "DAU");
        assert_eq!(target("old:4.3.6"), "4.2.2", "Dana Desa moves to transfers");
        assert_eq!(target("old:5.1"), "5", "belanja tidak langsung");
        assert_eq!(target("old:5.2"), "5", "belanja langsung");
        assert_eq!(target("old:5.1.1"), "5.1.1");
        assert_eq!(target("old:5.2.1"), "5.1.1");
        assert_eq!(target("old:5.2.3"), "5.2", "capital");
        assert!(tree.legacy[tree.legacy_index("old:6.2").unwrap()].negative);
        assert!(!tree.is_known("old:9.9") && !tree.is_known("4.9") && !tree.is_known(""));
    }

    #[test]
    fn layouts_and_keys() {
        assert_eq!(Layout::of_year(2020), Layout::Legacy);
        assert_eq!(Layout::of_year(2021), Layout::Current);
        assert_eq!(Layout::of_key("old:4.2"), Layout::Legacy);
        assert_eq!(Layout::of_key("4.2"), Layout::Current);
        for kind in ValueKind::ALL {
            assert_eq!(ValueKind::from_key(kind.key()), Some(kind));
        }
        for scenario in Scenario::ALL {
            assert_eq!(Scenario::from_key(scenario.key()), Some(scenario));
        }
        assert!(ValueKind::Budgeted < ValueKind::Realised, "sorted as the file sorts the keys");
        let tree = LineTree::get();
        assert_eq!(tree.name("old:4.2", crate::i18n::Lang::Id), "Dana Perimbangan");
        assert_eq!(tree.name("4.1", crate::i18n::Lang::En), "Own-source revenue (PAD)");
        assert_eq!(tree.name("9.9", crate::i18n::Lang::En), "9.9");
        assert_eq!(Scenario::Base.text().get(crate::i18n::Lang::Id), "Moderat");
        assert_eq!(ValueKind::Realised.text().get(crate::i18n::Lang::Id), "Realisasi");
        assert_eq!(Layout::of_year(2019).text(), Text::FinanceLayoutLegacy);
    }

    #[test]
    fn finance_changes_have_exact_inverses() {
        use crate::model::Change;
        let original = {
            let mut wb = crate::seed::new_workbook("Kabupaten Uji", 2022);
            for (line, year) in [("4", 2022), ("4.1", 2022), ("4", 2021)] {
                wb.apply(&Change::PutFinanceValue(FinanceValue {
                    line: line.into(),
                    year,
                    kind: ValueKind::Budgeted,
                    amount: 100,
                    is_estimate: false,
                }));
            }
            wb
        };
        let keys: Vec<(&str, i32, ValueKind)> = original.finance.iter().map(FinanceValue::key).collect();
        assert_eq!(
            keys,
            [("4", 2021, ValueKind::Budgeted), ("4", 2022, ValueKind::Budgeted), ("4.1", 2022, ValueKind::Budgeted)]
        );
        let value =
            |line: &str, year, kind, amount| FinanceValue { line: line.into(), year, kind, amount, is_estimate: true };
        let settings = ProjectionSettings::default_for(&original.finance, 2022);
        let changes = [
            Change::PutFinanceValue(value("4", 2022, ValueKind::Budgeted, 250)),
            Change::PutFinanceValue(value("4", 2022, ValueKind::Realised, 240)),
            Change::PutFinanceValue(value("old:4", 2019, ValueKind::Budgeted, 7)),
            Change::RemoveFinanceValue { line: "4.1".into(), year: 2022, kind: ValueKind::Budgeted },
            Change::RemoveFinanceValue { line: "4.1".into(), year: 2030, kind: ValueKind::Budgeted },
            Change::PutFinanceSettings(Some(settings.clone())),
            Change::PutFinanceSettings(None),
        ];
        for change in changes {
            let mut wb = original.clone();
            let inverse = wb.inverse(&change);
            wb.apply(&change);
            assert!(wb.finance.windows(2).all(|w| w[0].key() < w[1].key()), "{change:?} keeps the order");
            wb.apply(&inverse);
            assert_eq!(wb, original, "{change:?} and {inverse:?}");
        }
        let mut with_settings = original.clone();
        with_settings.apply(&Change::PutFinanceSettings(Some(settings.clone())));
        assert_eq!(with_settings.projection_settings(), settings);
        assert_eq!(
            with_settings.inverse(&Change::PutFinanceSettings(None)),
            Change::PutFinanceSettings(Some(settings))
        );
        assert_eq!(original.finance_value("4", 2021, ValueKind::Budgeted).map(|v| v.amount), Some(100));
        assert_eq!(original.finance_value("4", 2021, ValueKind::Realised), None);
    }

    #[test]
    fn default_settings_follow_the_history() {
        let value =
            |year| FinanceValue { line: "4".into(), year, kind: ValueKind::Budgeted, amount: 1, is_estimate: false };
        let settings = ProjectionSettings::default_for(&[value(2019), value(2024)], 2026);
        assert_eq!((settings.base_first, settings.base_last), (2020, 2024));
        assert_eq!(settings.adjustment(Scenario::Pessimistic), DEFAULT_PESSIMISTIC_BP);
        let empty = ProjectionSettings::default_for(&[], 2026);
        assert_eq!((empty.base_first, empty.base_last), (2021, 2025));
    }
}
