//! Programs of the masterplan: each placed on one element of a dimension, owned by an agency, phased over
//! years, and costed per year and funding source.

use serde::{Deserialize, Serialize};

use super::Id;
use crate::i18n::Text;

/// The four kinds of action plan in the national guidance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionType {
    /// Kebijakan dan kelembagaan.
    Policy,
    /// Infrastruktur pendukung.
    Infrastructure,
    /// Aplikasi.
    #[default]
    Application,
    /// Literasi digital.
    Literacy,
}

impl ActionType {
    pub const ALL: [ActionType; 4] =
        [ActionType::Policy, ActionType::Infrastructure, ActionType::Application, ActionType::Literacy];

    /// The name shown for this type of action.
    pub fn text(self) -> Text {
        match self {
            ActionType::Policy => Text::ActionPolicy,
            ActionType::Infrastructure => Text::ActionInfrastructure,
            ActionType::Application => Text::ActionApplication,
            ActionType::Literacy => Text::ActionLiteracy,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ActionType::Policy => "policy",
            ActionType::Infrastructure => "infrastructure",
            ActionType::Application => "application",
            ActionType::Literacy => "literacy",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramStatus {
    #[default]
    Planned,
    Running,
    Done,
    Dropped,
}

impl ProgramStatus {
    pub const ALL: [ProgramStatus; 4] =
        [ProgramStatus::Planned, ProgramStatus::Running, ProgramStatus::Done, ProgramStatus::Dropped];

    /// The name shown for this status.
    pub fn text(self) -> Text {
        match self {
            ProgramStatus::Planned => Text::StatusPlanned,
            ProgramStatus::Running => Text::StatusRunning,
            ProgramStatus::Done => Text::StatusDone,
            ProgramStatus::Dropped => Text::StatusDropped,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ProgramStatus::Planned => "planned",
            ProgramStatus::Running => "running",
            ProgramStatus::Done => "done",
            ProgramStatus::Dropped => "dropped",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Where a program's money comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// The regional budget.
    Apbd,
    /// The central budget.
    Apbn,
    /// Special allocation fund from the centre.
    Dak,
    /// The provincial budget.
    Province,
    /// Public-private partnership (KPBU).
    Kpbu,
    Csr,
    Private,
    DanaDesa,
    Other,
}

impl FundingSource {
    pub const ALL: [FundingSource; 9] = [
        FundingSource::Apbd,
        FundingSource::Apbn,
        FundingSource::Dak,
        FundingSource::Province,
        FundingSource::Kpbu,
        FundingSource::Csr,
        FundingSource::Private,
        FundingSource::DanaDesa,
        FundingSource::Other,
    ];

    /// The name shown for this funding source.
    pub fn text(self) -> Text {
        match self {
            FundingSource::Apbd => Text::SourceApbd,
            FundingSource::Apbn => Text::SourceApbn,
            FundingSource::Dak => Text::SourceDak,
            FundingSource::Province => Text::SourceProvince,
            FundingSource::Kpbu => Text::SourceKpbu,
            FundingSource::Csr => Text::SourceCsr,
            FundingSource::Private => Text::SourcePrivate,
            FundingSource::DanaDesa => Text::SourceDanaDesa,
            FundingSource::Other => Text::SourceOther,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FundingSource::Apbd => "apbd",
            FundingSource::Apbn => "apbn",
            FundingSource::Dak => "dak",
            FundingSource::Province => "province",
            FundingSource::Kpbu => "kpbu",
            FundingSource::Csr => "csr",
            FundingSource::Private => "private",
            FundingSource::DanaDesa => "dana_desa",
            FundingSource::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A bit for sets of sources (filters, summaries).
    pub fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// The money a program plans for one year from one source, in whole rupiah.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BudgetLine {
    pub year: i32,
    pub source: FundingSource,
    pub amount: i64,
}

/// The target of the program's indicator in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearTarget {
    pub year: i32,
    pub target: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program {
    pub id: Id,
    pub code: String,
    pub name: String,
    pub description: String,
    pub element_id: Id,
    pub agency_id: Option<Id>,
    pub action_type: ActionType,
    /// Where it happens: Andoolo, a kecamatan, the Wakatobi tourism area...
    pub location: String,
    pub start_year: i32,
    pub end_year: i32,
    pub status: ProgramStatus,
    pub outputs: String,
    pub indicator: String,
    pub indicator_baseline: String,
    /// Sorted by year.
    pub targets: Vec<YearTarget>,
    /// Sorted by (year, source), at most one line per pair, amounts above zero.
    pub budget: Vec<BudgetLine>,
    pub quick_win: bool,
    pub position: i64,
    /// The readiness items this program improves, sorted.
    #[serde(default)]
    pub readiness_items: Vec<Id>,
    /// The strategy (of the masterplan's direction) this program carries out.
    #[serde(default)]
    pub strategy_id: Option<Id>,
}

impl Program {
    /// The total cost over all years and sources. Saturates instead of overflowing; validation keeps real
    /// totals far below the limit.
    pub fn total_cost(&self) -> i64 {
        self.budget.iter().fold(0i64, |sum, line| sum.saturating_add(line.amount))
    }

    /// The sources with money, as a set of [`FundingSource::bit`]s.
    pub fn source_bits(&self) -> u16 {
        self.budget.iter().filter(|l| l.amount > 0).fold(0, |bits, l| bits | l.source.bit())
    }

    pub fn amount(&self, year: i32, source: FundingSource) -> i64 {
        self.budget.iter().find(|l| l.year == year && l.source == source).map_or(0, |l| l.amount)
    }

    pub fn cost_in_year(&self, year: i32) -> i64 {
        self.budget.iter().filter(|l| l.year == year).fold(0i64, |sum, l| sum.saturating_add(l.amount))
    }

    /// Keep the budget in its canonical form: sorted, one line per (year, source), no zero lines.
    pub fn normalise(&mut self) {
        self.budget.retain(|l| l.amount != 0);
        self.budget.sort_by_key(|l| (l.year, l.source));
        self.budget.dedup_by(|later, earlier| {
            let same = later.year == earlier.year && later.source == earlier.source;
            if same {
                earlier.amount = earlier.amount.saturating_add(later.amount);
            }
            same
        });
        self.targets.retain(|t| !t.target.trim().is_empty());
        self.targets.sort_by_key(|t| t.year);
        self.targets.dedup_by_key(|t| t.year);
        self.readiness_items.sort();
        self.readiness_items.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate_program;
    use crate::seed::new_workbook;

    fn program(budget: Vec<BudgetLine>) -> Program {
        let workbook = new_workbook("Kabupaten Uji", 2022);
        Program {
            code: "GOV-01".into(),
            start_year: 2022,
            end_year: 2024,
            budget,
            ..workbook.new_program(None, "E-office")
        }
    }

    #[test]
    fn totals_and_normal_form() {
        let line = |year, source, amount| BudgetLine { year, source, amount };
        let mut p = program(vec![
            line(2023, FundingSource::Apbn, 200_000_000),
            line(2022, FundingSource::Apbd, 150_000_000),
            line(2023, FundingSource::Apbn, 50_000_000),
            line(2024, FundingSource::Csr, 0),
        ]);
        p.normalise();
        assert_eq!(
            p.budget,
            vec![line(2022, FundingSource::Apbd, 150_000_000), line(2023, FundingSource::Apbn, 250_000_000)]
        );
        assert_eq!(p.total_cost(), 400_000_000);
        assert_eq!(p.cost_in_year(2023), 250_000_000);
        assert_eq!(p.amount(2022, FundingSource::Apbd), 150_000_000);
        assert_eq!(p.source_bits(), FundingSource::Apbd.bit() | FundingSource::Apbn.bit());
        for source in FundingSource::ALL {
            assert_eq!(FundingSource::from_key(source.key()), Some(source));
        }
    }

    #[test]
    fn a_new_program_is_valid_where_it_is_placed() {
        let wb = new_workbook("Kabupaten Uji", 2022);
        let p = wb.new_program(Some(wb.elements[4].id), "Program baru");
        assert_eq!(p.element_id, wb.elements[4].id);
        assert_eq!((p.start_year, p.end_year), (2022, 2031));
        assert!(validate_program(&wb, &p).is_empty());
        assert_eq!(wb.new_program(None, "x").element_id, wb.elements[0].id);
    }
}
