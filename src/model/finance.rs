//! The regional budget (APBD) history and the settings of its projection.
//!
//! The values are typed on the lines of [`super::LineTree`] (its own module says how the two layouts map).
//!
//! One year is typed in one layout (validation refuses a mix), so no amount is counted twice.
//! The line codes are fixed reference data; their names are data in the JSON.

use std::collections::BTreeMap;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LineTree;

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
