//! The one registry of mergeable row kinds: how to list a workbook's rows of the kind as field maps, and how a
//! merged row becomes a [`Change`] again. The order of [`KINDS`] is the order changes are applied in: a row
//! comes after the rows it refers to (agencies before members and programs, readiness items and rounds before
//! scores and programs); removals run in the reverse order, after the rows that stop referring to them.
//! Dimensions and elements are reference data with stable ids, the same in every copy: they are not merged.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::fields::{Fields, explode, from_fields, implode, to_fields};
use crate::i18n::Text;
use crate::model::monev::{evaluation_score_id, realisation_id, spending_id};
use crate::model::quick_wins::{CriterionScore, Vote};
use crate::model::{
    Change, EvaluationScore, FinanceValue, Id, MonevChange as Mc, Program, QuickWinChange as Qw, Realisation, Score,
    Spending, StrategyChange as St, Workbook, stable_id,
};

/// One kind of row.
pub struct Kind {
    /// Stable name, written into change packages.
    pub name: &'static str,
    /// The table whose `updated_at` and `changed_by` say who changed a row of this kind and when.
    pub table: &'static str,
    /// What people call it, in previews and reports.
    pub label: Text,
    /// Every row of the kind in a workbook, with its id.
    pub rows: fn(&Workbook) -> Vec<(Id, Fields)>,
    /// The change that writes a (merged) row.
    pub put: fn(Fields) -> Result<Change, String>,
    /// The change that removes a row, from its id and last known fields; `None` for rows that always exist.
    pub remove: fn(Id, &Fields) -> Option<Change>,
}

/// Which row: its kind (an index into [`KINDS`], so keys sort in dependency order) and its stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RowKey {
    pub kind: usize,
    pub id: Id,
}

impl RowKey {
    pub fn kind(&self) -> &'static Kind {
        &KINDS[self.kind]
    }
}

/// All rows of one workbook as field maps, by row key, in dependency order.
pub type FieldMaps = BTreeMap<RowKey, Fields>;

/// Every mergeable row of `workbook`.
pub fn field_maps_of(workbook: &Workbook) -> FieldMaps {
    let mut rows = FieldMaps::new();
    for (index, kind) in KINDS.iter().enumerate() {
        for (id, fields) in (kind.rows)(workbook) {
            rows.insert(RowKey { kind: index, id }, fields);
        }
    }
    rows
}

/// A kind of rows that carry their own `id`: `$rows` lists them, `$wrap($put(row))` writes one and
/// `$wrap($remove(id))` removes it. Most kinds are one line of this.
macro_rules! with_id {
    ($name:literal, $table:literal, $label:ident, |$w:ident| $rows:expr, $wrap:path, $put:path, $remove:path) => {
        Kind {
            name: $name,
            table: $table,
            label: Text::$label,
            rows: |$w| list(&$rows, |row| row.id),
            put: |f| Ok($wrap($put(from_fields(f)?))),
            remove: |id, _| Some($wrap($remove(id))),
        }
    };
}

/// The id of rows of which a workbook holds at most one (the profile, the projection settings).
pub const SINGLE: Id = Uuid::nil();

fn list<T: Serialize>(items: &[T], id: impl Fn(&T) -> Id) -> Vec<(Id, Fields)> {
    items.iter().map(|item| (id(item), to_fields(item))).collect()
}

fn score_id(round: Id, item: Id) -> Id {
    stable_id("readiness-score", &format!("{round}/{item}"))
}

fn finance_id(value: &FinanceValue) -> Id {
    stable_id("finance-value", &format!("{}/{}/{}", value.line, value.year, value.kind.key()))
}

/// A program's budget lines, targets and readiness links become one field each.
fn program_fields(program: &Program) -> Fields {
    let mut fields = to_fields(program);
    explode(&mut fields, "budget", |line| format!("{}/{}", line["year"], line["source"].as_str().unwrap_or("")));
    explode(&mut fields, "targets", |target| target["year"].to_string());
    explode(&mut fields, "readiness_items", |item| item.as_str().unwrap_or("").to_string());
    fields
}

fn program_from(mut fields: Fields) -> Result<Program, String> {
    for list in ["budget", "targets", "readiness_items"] {
        implode(&mut fields, list);
    }
    let mut program: Program = from_fields(fields)?;
    program.budget.sort_by_key(|l| (l.year, l.source));
    program.targets.sort_by_key(|t| t.year);
    program.readiness_items.sort();
    Ok(program)
}

pub static KINDS: &[Kind] = &[
    Kind {
        name: "profile",
        table: "profile",
        label: Text::MergeKindProfile,
        rows: |w| vec![(SINGLE, to_fields(&w.profile))],
        put: |f| Ok(Change::Profile(from_fields(f)?)),
        remove: |_, _| None,
    },
    Kind {
        name: "agency",
        table: "agency",
        label: Text::MergeKindAgency,
        rows: |w| list(&w.agencies, |a| a.id),
        put: |f| Ok(Change::PutAgency(from_fields(f)?)),
        remove: |id, _| Some(Change::RemoveAgency(id)),
    },
    Kind {
        name: "member",
        table: "member",
        label: Text::MergeKindMember,
        rows: |w| list(&w.members, |m| m.id),
        put: |f| Ok(Change::PutMember(from_fields(f)?)),
        remove: |id, _| Some(Change::RemoveMember(id)),
    },
    Kind {
        name: "readiness_item",
        table: "readiness_item",
        label: Text::MergeKindReadinessItem,
        rows: |w| list(&w.readiness_items, |i| i.id),
        put: |f| Ok(Change::PutReadinessItem(from_fields(f)?)),
        remove: |id, _| Some(Change::RemoveReadinessItem(id)),
    },
    Kind {
        name: "band",
        table: "readiness_band",
        label: Text::MergeKindBand,
        rows: |w| list(&w.bands, |b| b.id),
        put: |f| Ok(Change::PutBand(from_fields(f)?)),
        remove: |id, _| Some(Change::RemoveBand(id)),
    },
    Kind {
        name: "round",
        table: "readiness_round",
        label: Text::MergeKindRound,
        rows: |w| list(&w.rounds, |r| r.id),
        put: |f| Ok(Change::PutRound(from_fields(f)?)),
        remove: |id, _| Some(Change::RemoveRound(id)),
    },
    Kind {
        name: "score",
        table: "readiness_score",
        label: Text::MergeKindScore,
        rows: |w| list(&w.scores, |s| score_id(s.round_id, s.item_id)),
        put: |f| Ok(Change::PutScore(from_fields(f)?)),
        remove: |_, f| {
            from_fields::<Score>(f.clone()).ok().map(|s| Change::RemoveScore { round: s.round_id, item: s.item_id })
        },
    },
    // The strategy before programs: a program names the strategy it carries out.
    with_id!(
        "issue",
        "strategic_issue",
        MergeKindIssue,
        |w| w.strategy.issues,
        Change::Strategy,
        St::PutIssue,
        St::RemoveIssue
    ),
    with_id!("swot", "swot_entry", MergeKindSwot, |w| w.strategy.swot, Change::Strategy, St::PutSwot, St::RemoveSwot),
    with_id!(
        "goal",
        "regional_goal",
        MergeKindGoal,
        |w| w.strategy.goals,
        Change::Strategy,
        St::PutGoal,
        St::RemoveGoal
    ),
    with_id!(
        "direction",
        "direction",
        MergeKindDirection,
        |w| w.strategy.directions,
        Change::Strategy,
        St::PutDirection,
        St::RemoveDirection
    ),
    with_id!(
        "strategy",
        "strategy",
        MergeKindStrategy,
        |w| w.strategy.strategies,
        Change::Strategy,
        St::PutStrategy,
        St::RemoveStrategy
    ),
    with_id!(
        "indicator",
        "strategy_indicator",
        MergeKindIndicator,
        |w| w.strategy.indicators,
        Change::Strategy,
        St::PutIndicator,
        St::RemoveIndicator
    ),
    Kind {
        name: "program",
        table: "program",
        label: Text::MergeKindProgram,
        rows: |w| w.programs.iter().map(|p| (p.id, program_fields(p))).collect(),
        put: |f| Ok(Change::PutProgram(program_from(f)?)),
        remove: |id, _| Some(Change::RemoveProgram(id)),
    },
    Kind {
        name: "finance_value",
        table: "finance_value",
        label: Text::MergeKindFinanceValue,
        rows: |w| list(&w.finance, finance_id),
        put: |f| Ok(Change::PutFinanceValue(from_fields(f)?)),
        remove: |_, f| {
            from_fields::<FinanceValue>(f.clone()).ok().map(|v| Change::RemoveFinanceValue {
                line: v.line,
                year: v.year,
                kind: v.kind,
            })
        },
    },
    Kind {
        name: "finance_settings",
        table: "finance_setting",
        label: Text::MergeKindFinanceSettings,
        rows: |w| w.finance_settings.iter().map(|s| (SINGLE, to_fields(s))).collect(),
        put: |f| Ok(Change::PutFinanceSettings(Some(from_fields(f)?))),
        remove: |_, _| Some(Change::PutFinanceSettings(None)),
    },
    // Quick wins after programs: scores, selections and votes point at programs.
    with_id!(
        "criterion",
        "qw_criterion",
        MergeKindCriterion,
        |w| w.quick_wins.criteria,
        Change::QuickWin,
        Qw::PutCriterion,
        Qw::RemoveCriterion
    ),
    Kind {
        name: "criterion_score",
        table: "qw_score",
        label: Text::MergeKindCriterionScore,
        rows: |w| {
            list(&w.quick_wins.scores, |s| stable_id("qw-score", &format!("{}/{}", s.program_id, s.criterion_id)))
        },
        put: |f| Ok(Change::QuickWin(Qw::PutScore(from_fields(f)?))),
        remove: |_, f| {
            let s = from_fields::<CriterionScore>(f.clone()).ok()?;
            Some(Change::QuickWin(Qw::RemoveScore { program: s.program_id, criterion: s.criterion_id }))
        },
    },
    with_id!(
        "selection",
        "qw_selection",
        MergeKindSelection,
        |w| w.quick_wins.selections,
        Change::QuickWin,
        Qw::PutSelection,
        Qw::RemoveSelection
    ),
    with_id!(
        "workshop",
        "workshop",
        MergeKindWorkshop,
        |w| w.quick_wins.workshops,
        Change::QuickWin,
        Qw::PutWorkshop,
        Qw::RemoveWorkshop
    ),
    with_id!(
        "group",
        "workshop_group",
        MergeKindGroup,
        |w| w.quick_wins.groups,
        Change::QuickWin,
        Qw::PutGroup,
        Qw::RemoveGroup
    ),
    Kind {
        name: "vote",
        table: "workshop_vote",
        label: Text::MergeKindVote,
        rows: |w| {
            list(&w.quick_wins.votes, |v| stable_id("workshop-vote", &format!("{}/{}", v.group_id, v.program_id)))
        },
        put: |f| Ok(Change::QuickWin(Qw::PutVote(from_fields(f)?))),
        remove: |_, f| {
            let v = from_fields::<Vote>(f.clone()).ok()?;
            Some(Change::QuickWin(Qw::RemoveVote { group: v.group_id, program: v.program_id }))
        },
    },
    with_id!(
        "attendee",
        "workshop_attendee",
        MergeKindAttendee,
        |w| w.quick_wins.attendees,
        Change::QuickWin,
        Qw::PutAttendee,
        Qw::RemoveAttendee
    ),
    with_id!(
        "decision",
        "workshop_decision",
        MergeKindDecision,
        |w| w.quick_wins.decisions,
        Change::QuickWin,
        Qw::PutDecision,
        Qw::RemoveDecision
    ),
    Kind {
        name: "picker_setting",
        table: "qw_setting",
        label: Text::MergeKindPickerSetting,
        rows: |w| w.quick_wins.picker.iter().map(|s| (SINGLE, to_fields(s))).collect(),
        put: |f| Ok(Change::QuickWin(Qw::PutPicker(Some(from_fields(f)?)))),
        remove: |_, _| Some(Change::QuickWin(Qw::PutPicker(None))),
    },
    // Monitoring after programs (a realisation points at its program); the evaluation framework before its
    // scores. Realisation and spending are separate rows, so two copies filling different sources of one
    // program's year do not conflict.
    Kind {
        name: "realisation",
        table: "realisation",
        label: Text::MergeKindRealisation,
        rows: |w| list(&w.monev.realisations, |r| realisation_id(r.program_id, r.year)),
        put: |f| Ok(Change::Monev(Mc::PutRealisation(from_fields(f)?))),
        remove: |_, f| {
            let r = from_fields::<Realisation>(f.clone()).ok()?;
            Some(Change::Monev(Mc::RemoveRealisation { program: r.program_id, year: r.year }))
        },
    },
    Kind {
        name: "spending",
        table: "realisation_spending",
        label: Text::MergeKindSpending,
        rows: |w| list(&w.monev.spending, |s| spending_id(s.program_id, s.year, s.source)),
        put: |f| Ok(Change::Monev(Mc::PutSpending(from_fields(f)?))),
        remove: |_, f| {
            let s = from_fields::<Spending>(f.clone()).ok()?;
            Some(Change::Monev(Mc::RemoveSpending { program: s.program_id, year: s.year, source: s.source }))
        },
    },
    with_id!(
        "evaluation_dimension",
        "evaluation_dimension",
        MergeKindEvaluationDimension,
        |w| w.monev.dimensions,
        Change::Monev,
        Mc::PutDimension,
        Mc::RemoveDimension
    ),
    with_id!(
        "evaluation_item",
        "evaluation_item",
        MergeKindEvaluationItem,
        |w| w.monev.items,
        Change::Monev,
        Mc::PutItem,
        Mc::RemoveItem
    ),
    Kind {
        name: "evaluation_score",
        table: "evaluation_score",
        label: Text::MergeKindEvaluationScore,
        rows: |w| list(&w.monev.scores, |s| evaluation_score_id(s.year, s.item_id)),
        put: |f| Ok(Change::Monev(Mc::PutScore(from_fields(f)?))),
        remove: |_, f| {
            let s = from_fields::<EvaluationScore>(f.clone()).ok()?;
            Some(Change::Monev(Mc::RemoveScore { year: s.year, item: s.item_id }))
        },
    },
];

/// The index of the kind named `name`, for reading change packages.
pub fn kind_named(name: &str) -> Option<usize> {
    KINDS.iter().position(|k| k.name == name)
}
