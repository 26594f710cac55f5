//! The tables of the workbook as colleagues see them in a spreadsheet: programs (in the import format, so an
//! agency can edit the sheet or the CSV and import it back), program cost with totals, yearly budget lines,
//! readiness scores and indices, the APBD history, the projection with the smart city envelope, program cost
//! per dimension, and the prioritisation with the quick wins. Plain rows of typed values, written by the XLSX workbook
//! ([`super::write_workbook`]) and as CSV ([`crate::io::csv_tables`]) alike, in the export's language.

mod monev;
mod programs;

use std::collections::HashMap;

use crate::analysis::finance::{FinanceAnalysis, analyse};
use crate::analysis::quick_wins::{Window, ranking};
use crate::analysis::readiness::{Index, RoundResult, band_of, round_result};
use crate::i18n::{Lang, Text};
use crate::io::program_table::{ProgramField, yes_no};
use crate::model::strategy::Direction;
use crate::model::{Id, LineTree, Pillar, Scenario, Workbook};

use self::programs::{agency_name, budget_lines, dimension_name, header, program_cost, programs};

/// Which table: fixes its file name, its sheet and where the native charts find their data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    Programs,
    ProgramCost,
    BudgetLines,
    ReadinessScores,
    ReadinessIndices,
    FinanceHistory,
    Projection,
    CostByDimension,
    QuickWins,
    Strategies,
    Indicators,
    /// Monitoring, in the realisation import's format.
    Realisation,
    EvaluationScores,
    EvaluationFramework,
}

impl TableKind {
    /// The sheet's name (at most 31 characters, none of `[]:*?/\`) and the CSV file's stem.
    pub fn name(self, lang: Lang) -> &'static str {
        let text = match self {
            TableKind::Programs => Text::SheetPrograms,
            TableKind::ProgramCost => Text::SheetProgramCost,
            TableKind::BudgetLines => Text::SheetBudgetLines,
            TableKind::ReadinessScores => Text::SheetReadinessScores,
            TableKind::ReadinessIndices => Text::SheetReadinessIndices,
            TableKind::FinanceHistory => Text::SheetFinanceHistory,
            TableKind::Projection => Text::SheetProjection,
            TableKind::CostByDimension => Text::SheetCostByDimension,
            TableKind::QuickWins => Text::SheetQuickWins,
            TableKind::Strategies => Text::SheetStrategies,
            TableKind::Indicators => Text::SheetIndicators,
            TableKind::Realisation => Text::SheetRealisation,
            TableKind::EvaluationScores => Text::SheetEvaluationScores,
            TableKind::EvaluationFramework => Text::SheetEvaluationFramework,
        };
        text.get(lang)
    }

    /// The CSV file's name: the sheet's name in lower case with hyphens, e.g. `anggaran-tahunan.csv`.
    pub fn file_stem(self, lang: Lang) -> String {
        self.name(lang).to_lowercase().split_whitespace().collect::<Vec<_>>().join("-")
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// Text shown indented by this many steps (a line of the APBD tree).
    Indented(String, u8),
    /// A whole number without grouping: a year, a level, a count.
    Int(i64),
    /// Whole rupiah.
    Money(i64),
    /// Whole rupiah that are (partly) an estimate: `≈ Rp …` in italics in the XLSX, a plain number in CSV.
    MoneyEstimate(i64),
    /// A decimal number shown with two decimals: an index, a weight.
    Decimal(f64),
}

impl Value {
    fn text(text: &str) -> Value {
        if text.is_empty() { Value::Empty } else { Value::Text(text.to_string()) }
    }

    fn money(amount: Option<i64>) -> Value {
        amount.map_or(Value::Empty, Value::Money)
    }

    fn index(index: &Index) -> Value {
        index.value.map_or(Value::Empty, Value::Decimal)
    }

    /// The number a total adds up, if this cell holds one.
    pub fn money_amount(&self) -> Option<i64> {
        match self {
            Value::Money(amount) | Value::MoneyEstimate(amount) => Some(*amount),
            _ => None,
        }
    }
}

/// One column: its header, its width in characters, and whether the totals row sums it.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: f64,
    pub summed: bool,
}

impl Column {
    fn new(header: impl Into<String>, width: f64) -> Column {
        Column { header: header.into(), width, summed: false }
    }

    fn summed(header: impl Into<String>) -> Column {
        Column { header: header.into(), width: 18.0, summed: true }
    }
}

/// A table with a header row and rows of values; when some column is summed, the XLSX sheet ends with a
/// totals row of formulas (CSV leaves it out: other tools sum for themselves).
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    pub kind: TableKind,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
}

impl DataTable {
    pub fn has_totals(&self) -> bool {
        self.columns.iter().any(|c| c.summed)
    }

    /// The sum of a summed column, as the totals row's formula computes it (saturating, like the app's sums).
    pub fn total(&self, column: usize) -> i64 {
        self.rows
            .iter()
            .filter_map(|row| row.get(column).and_then(Value::money_amount))
            .fold(0i64, |sum, amount| sum.saturating_add(amount))
    }
}

/// Every table of `workbook` in `lang`, in sheet order. Tables without data are left out (the quick wins
/// before any program is marked one, the finance tables without a budget history, readiness without a
/// round); the programs and budget lines are always there, if only with their header.
pub fn tables(workbook: &Workbook, lang: Lang) -> Vec<DataTable> {
    let mut tables = vec![programs(workbook, lang), program_cost(workbook, lang), budget_lines(workbook, lang)];
    if !workbook.rounds.is_empty() {
        tables.push(readiness_scores(workbook, lang));
        tables.push(readiness_indices(workbook, lang));
    }
    if let Ok(analysis) = analyse(workbook) {
        if !analysis.history.years.is_empty() {
            tables.push(finance_history(&analysis, lang));
            tables.push(projection(&analysis, lang));
        }
        tables.push(cost_by_dimension(workbook, &analysis, lang));
    }
    if workbook.programs.iter().any(|p| p.quick_win) || !workbook.quick_wins.scores.is_empty() {
        tables.push(quick_wins(workbook, lang));
    }
    if !workbook.strategy.directions.is_empty() {
        tables.push(strategies(workbook, lang));
    }
    if !workbook.strategy.indicators.is_empty() {
        tables.push(indicators(workbook, lang));
    }
    // The realisation is always there (if only with its header): it is the form agencies fill in.
    tables.push(monev::realisation(workbook, lang));
    if !workbook.monev.scores.is_empty() {
        tables.push(monev::evaluation_scores(workbook, lang));
    }
    if !workbook.monev.items.is_empty() {
        tables.push(monev::evaluation_framework(workbook, lang));
    }
    tables
}

/// The realisation table alone: the export's sheet and the import template.
pub fn realisation_table(workbook: &Workbook, lang: Lang) -> DataTable {
    monev::realisation(workbook, lang)
}

/// Every item in every round: its level, target and gap, with evidence and note.
fn readiness_scores(workbook: &Workbook, lang: Lang) -> DataTable {
    let columns = vec![
        Column::new(Text::SheetRound.get(lang), 18.0),
        Column::new(header(ProgramField::Code, lang), 10.0),
        Column::new(Text::Pillar.get(lang), 14.0),
        Column::new(header(ProgramField::Dimension, lang), 18.0),
        Column::new(Text::Question.get(lang), 50.0),
        Column::new(Text::Weight.get(lang), 8.0),
        Column::new(Text::TargetLevel.get(lang), 8.0),
        Column::new(Text::Level.get(lang), 8.0),
        Column::new(Text::GapColumn.get(lang), 8.0),
        Column::new(Text::Evidence.get(lang), 30.0),
        Column::new(Text::Note.get(lang), 30.0),
    ];
    let mut rows = Vec::new();
    for round in &workbook.rounds {
        let round_name = round.label();
        for item in &workbook.readiness_items {
            let score = workbook.score(round.id, item.id);
            let dimension = item.dimension_id.and_then(|d| workbook.dimension(d)).map_or_else(
                || Text::General.get(lang).to_string(),
                |d| if lang == Lang::Id { d.name_id.clone() } else { d.name_en.clone() },
            );
            rows.push(vec![
                Value::Text(round_name.clone()),
                Value::text(&item.code),
                Value::text(item.pillar.text().get(lang)),
                Value::Text(dimension),
                Value::text(if lang == Lang::Id { &item.question_id } else { &item.question_en }),
                Value::Decimal(item.weight),
                Value::Int(i64::from(item.target_level)),
                score.map_or(Value::Empty, |s| Value::Int(i64::from(s.level))),
                score.map_or(Value::Empty, |s| Value::Int(i64::from(item.target_level.saturating_sub(s.level)))),
                score.map_or(Value::Empty, |s| Value::text(&s.evidence)),
                score.map_or(Value::Empty, |s| Value::text(&s.note)),
            ]);
        }
    }
    DataTable { kind: TableKind::ReadinessScores, columns, rows }
}

/// The weighted index overall, per pillar and per dimension, one column per round, and the band of the
/// latest round. Rows: overall, the three pillars, the dimensions in framework order, items of no dimension.
pub const INDEX_FIRST_DIMENSION_ROW: usize = 4;

fn readiness_indices(workbook: &Workbook, lang: Lang) -> DataTable {
    let results: Vec<_> = workbook.rounds.iter().map(|r| round_result(workbook, r.id)).collect();
    let mut columns = vec![Column::new(Text::SheetScope.get(lang), 12.0), Column::new(Text::SheetName.get(lang), 28.0)];
    columns.extend(workbook.rounds.iter().map(|r| Column::new(r.label(), 16.0)));
    columns.push(Column::new(Text::SheetBand.get(lang), 14.0));
    let band = |index: Option<&Index>| {
        index
            .and_then(|i| i.value)
            .and_then(|v| band_of(&workbook.bands, v))
            .map_or(Value::Empty, |b| Value::text(if lang == Lang::Id { &b.name_id } else { &b.name_en }))
    };
    let row = |scope: Text, name: String, pick: &dyn Fn(&RoundResult) -> Index| {
        let mut row = vec![Value::text(scope.get(lang)), Value::Text(name)];
        let indices: Vec<Index> = results.iter().map(pick).collect();
        row.extend(indices.iter().map(Value::index));
        row.push(band(indices.last()));
        row
    };
    let mut rows = vec![row(Text::SheetScopeOverall, Text::OverallIndex.get(lang).to_string(), &|r| r.overall)];
    for (i, pillar) in Pillar::ALL.iter().enumerate() {
        rows.push(row(Text::Pillar, pillar.text().get(lang).to_string(), &|r| {
            r.by_pillar.get(i).map(|(_, x)| *x).unwrap_or_default()
        }));
    }
    for (i, d) in workbook.dimensions.iter().enumerate() {
        let name = if lang == Lang::Id { d.name_id.clone() } else { d.name_en.clone() };
        rows.push(row(Text::SheetScopeDimension, name, &|r| {
            r.by_dimension.get(i).map(|(_, x)| *x).unwrap_or_default()
        }));
    }
    rows.push(row(Text::SheetScopeDimension, Text::General.get(lang).to_string(), &|r| r.general));
    DataTable { kind: TableKind::ReadinessIndices, columns, rows }
}

/// The APBD history: every line of the tree (indented by depth) per year, realised where typed, else
/// budgeted; estimated amounts are marked as such.
fn finance_history(analysis: &FinanceAnalysis, lang: Lang) -> DataTable {
    let tree = LineTree::get();
    let mut columns = vec![Column::new(Text::SheetLineCode.get(lang), 10.0), Column::new(Text::Line.get(lang), 44.0)];
    columns.extend(analysis.history.years.iter().map(|y| Column::new(y.year.to_string(), 18.0)));
    let rows = tree
        .lines
        .iter()
        .enumerate()
        .filter(|(i, _)| analysis.history.years.iter().any(|y| y.amount(*i).is_some()))
        .map(|(i, line)| {
            let mut row = vec![
                Value::text(&line.code),
                Value::Indented(tree.name(&line.code, lang), u8::try_from(line.depth).unwrap_or(u8::MAX)),
            ];
            row.extend(analysis.history.years.iter().map(|y| match y.get(i) {
                Some(total) if total.estimate => Value::MoneyEstimate(total.amount),
                Some(total) => Value::Money(total.amount),
                None => Value::Empty,
            }));
            row
        })
        .collect();
    DataTable { kind: TableKind::FinanceHistory, columns, rows }
}

/// Columns of the projection table that charts and tests refer to.
pub mod projection_columns {
    pub const YEAR: usize = 0;
    pub const PESSIMISTIC: usize = 1;
    pub const BASE: usize = 2;
    pub const OPTIMISTIC: usize = 3;
    pub const ENVELOPE: usize = 5;
    pub const GAP: usize = 8;
}

/// Per masterplan year: revenue in the three scenarios, spending, the envelope, the programs' cost (APBD and
/// other sources) and the gap of the base scenario (program APBD cost less the envelope).
fn projection(analysis: &FinanceAnalysis, lang: Lang) -> DataTable {
    let roles = &LineTree::get().roles;
    let projection = &analysis.projection;
    let scenario = |s: Scenario| projection.scenario(s).and_then(|r| r.as_ref().ok());
    let revenue = |s: Scenario| format!("{} ({})", Text::Revenue.get(lang), s.text().get(lang));
    let columns = vec![
        Column::new(Text::Year.get(lang), 8.0),
        Column::new(revenue(Scenario::Pessimistic), 20.0),
        Column::new(revenue(Scenario::Base), 20.0),
        Column::new(revenue(Scenario::Optimistic), 20.0),
        Column::new(Text::Spending.get(lang), 20.0),
        Column::summed(Text::Envelope.get(lang)),
        Column::summed(Text::ProgramCostApbd.get(lang)),
        Column::summed(Text::ProgramCostOther.get(lang)),
        Column::summed(Text::GapColumn.get(lang)),
    ];
    let base = scenario(Scenario::Base);
    let rows = projection
        .years
        .iter()
        .enumerate()
        .map(|(i, year)| {
            let mut row = vec![Value::Int(i64::from(*year))];
            for s in Scenario::ALL {
                row.push(Value::money(
                    scenario(s).and_then(|p| p.lines.get(roles.revenue)).and_then(|l| l.get(i).copied().flatten()),
                ));
            }
            let gap = base.and_then(|b| b.gaps.get(i));
            let cost = analysis.program_costs.in_year(*year);
            row.push(Value::money(gap.and_then(|g| g.spending)));
            row.push(Value::money(gap.and_then(|g| g.envelope)));
            row.push(Value::Money(cost.apbd));
            row.push(Value::Money(cost.other));
            row.push(Value::money(gap.and_then(|g| g.gap)));
            row
        })
        .collect();
    DataTable { kind: TableKind::Projection, columns, rows }
}

/// Per year: the programs' APBD cost in each dimension, their total, and the smart city envelope (base
/// scenario). The data of the native "cost against the envelope" chart.
fn cost_by_dimension(workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) -> DataTable {
    let costs = &analysis.program_costs;
    let mut columns = vec![Column::new(Text::Year.get(lang), 8.0)];
    let dimensions: Vec<_> =
        costs.by_dimension.iter().filter_map(|(id, c)| Some((workbook.dimension(*id)?, c))).collect();
    columns.extend(
        dimensions
            .iter()
            .map(|(d, _)| Column::summed(if lang == Lang::Id { d.name_id.clone() } else { d.name_en.clone() })),
    );
    columns.push(Column::summed(Text::Envelope.get(lang)));
    let envelope: Vec<Option<i64>> = match analysis.projection.scenario(Scenario::Base) {
        Some(Ok(base)) => {
            costs.years.iter().map(|y| base.gaps.iter().find(|g| g.year == *y).and_then(|g| g.envelope)).collect()
        }
        _ => vec![None; costs.years.len()],
    };
    let rows = costs
        .years
        .iter()
        .enumerate()
        .map(|(i, year)| {
            let mut row = vec![Value::Int(i64::from(*year))];
            row.extend(dimensions.iter().map(|(_, c)| Value::Money(c.get(i).map_or(0, |c| c.apbd))));
            row.push(Value::money(envelope.get(i).copied().flatten()));
            row
        })
        .collect();
    DataTable { kind: TableKind::CostByDimension, columns, rows }
}

/// The prioritisation (`analysis::quick_wins`): every program that is scored or marked as a quick win, in
/// ranking order, with its rank, each criterion's score (1-5), the weighted score, the dot votes, its cost in
/// the quick-win window (the masterplan's first year) and in total, and whether it is a quick win.
fn quick_wins(workbook: &Workbook, lang: Lang) -> DataTable {
    let criteria = workbook.quick_wins.criteria_in_force();
    let window = Window::first_year_of(workbook);
    let mut columns = vec![
        Column::new(Text::SheetRank.get(lang), 7.0),
        Column::new(header(ProgramField::Code, lang), 10.0),
        Column::new(header(ProgramField::Name, lang), 40.0),
        Column::new(header(ProgramField::Dimension, lang), 18.0),
        Column::new(header(ProgramField::Agency, lang), 18.0),
    ];
    columns.extend(
        criteria
            .iter()
            .map(|c| Column::new(if lang == Lang::Id { c.name_id.clone() } else { c.name_en.clone() }, 14.0)),
    );
    columns.extend([
        Column::new(Text::SheetWeightedScore.get(lang), 10.0),
        Column::new(Text::SheetVotes.get(lang), 8.0),
        Column::summed(Text::SheetWindowCost.fill(lang, &[&window.first_year.to_string()])),
        Column::summed(Text::SheetTotalCost.get(lang)),
        Column::new(header(ProgramField::QuickWin, lang), 9.0),
    ]);
    let mut scores: HashMap<(Id, Id), u8> = HashMap::new();
    for s in &workbook.quick_wins.scores {
        scores.insert((s.program_id, s.criterion_id), s.score);
    }
    let rows = ranking(workbook, window)
        .into_iter()
        .filter(|r| r.rank.is_some() || r.quick_win)
        .filter_map(|r| {
            let p = workbook.program(r.program)?;
            let mut row = vec![
                r.rank.map_or(Value::Empty, |rank| Value::Int(rank as i64)),
                Value::text(&p.code),
                Value::text(&p.name),
                dimension_name(workbook, p, lang),
                agency_name(workbook, p),
            ];
            row.extend(
                criteria.iter().map(|c| scores.get(&(p.id, c.id)).map_or(Value::Empty, |s| Value::Int(i64::from(*s)))),
            );
            row.extend([
                r.score.value().map_or(Value::Empty, Value::Decimal),
                Value::Int(i64::from(r.votes)),
                Value::Money(r.cost),
                Value::Money(p.total_cost()),
                Value::text(yes_no(r.quick_win, lang)),
            ]);
            Some(row)
        })
        .collect();
    DataTable { kind: TableKind::QuickWins, columns, rows }
}

/// The dimension and element names of a direction (the element empty for a whole dimension).
fn direction_place(workbook: &Workbook, direction: &Direction, lang: Lang) -> [Value; 2] {
    let pick = |id: &str, en: &str| Value::text(if lang == Lang::Id { id } else { en });
    [
        workbook.dimension(direction.dimension_id).map_or(Value::Empty, |d| pick(&d.name_id, &d.name_en)),
        direction.element_id.and_then(|e| workbook.element(e)).map_or(Value::Empty, |e| pick(&e.name_id, &e.name_en)),
    ]
}

/// The direction of each dimension and element with its strategies, one row per strategy (a direction
/// without strategies is one row), and the codes of the strategic issues each answers.
fn strategies(workbook: &Workbook, lang: Lang) -> DataTable {
    let strategy = &workbook.strategy;
    let columns = vec![
        Column::new(header(ProgramField::Dimension, lang), 18.0),
        Column::new(header(ProgramField::Element, lang), 24.0),
        Column::new(Text::SheetDirection.get(lang), 40.0),
        Column::new(header(ProgramField::Code, lang), 10.0),
        Column::new(Text::SheetStrategy.get(lang), 50.0),
        Column::new(Text::SheetIssues.get(lang), 16.0),
    ];
    let mut rows = Vec::new();
    for direction in &strategy.directions {
        let [dimension, element] = direction_place(workbook, direction, lang);
        let items: Vec<_> = strategy.strategies.iter().filter(|s| s.direction_id == direction.id).collect();
        let row = |code: Value, text: Value, issues: Value| {
            vec![dimension.clone(), element.clone(), Value::text(&direction.goal), code, text, issues]
        };
        if items.is_empty() {
            rows.push(row(Value::Empty, Value::Empty, Value::Empty));
        }
        for item in items {
            let issues: Vec<&str> = item
                .issue_ids
                .iter()
                .filter_map(|id| strategy.issues.iter().find(|i| i.id == *id))
                .map(|i| i.code.as_str())
                .collect();
            rows.push(row(Value::text(&item.code), Value::text(&item.text), Value::text(&issues.join(", "))));
        }
    }
    DataTable { kind: TableKind::Strategies, columns, rows }
}

/// The indicators of each direction: unit, baseline and the target of every masterplan year.
fn indicators(workbook: &Workbook, lang: Lang) -> DataTable {
    let strategy = &workbook.strategy;
    let years: Vec<i32> = workbook.profile.years().collect();
    let mut columns = vec![
        Column::new(header(ProgramField::Dimension, lang), 18.0),
        Column::new(header(ProgramField::Element, lang), 24.0),
        Column::new(header(ProgramField::Indicator, lang), 40.0),
        Column::new(Text::SheetUnit.get(lang), 10.0),
        Column::new(header(ProgramField::Baseline, lang), 12.0),
    ];
    columns.extend(years.iter().map(|y| Column::new(format!("Target {y}"), 12.0)));
    let rows = strategy
        .indicators
        .iter()
        .filter_map(|indicator| {
            let direction = strategy.directions.iter().find(|d| d.id == indicator.direction_id)?;
            let mut row = direction_place(workbook, direction, lang).to_vec();
            row.extend([Value::text(&indicator.name), Value::text(&indicator.unit), Value::text(&indicator.baseline)]);
            row.extend(years.iter().map(|y| {
                indicator.targets.iter().find(|t| t.year == *y).map_or(Value::Empty, |t| Value::text(&t.value))
            }));
            Some(row)
        })
        .collect();
    DataTable { kind: TableKind::Indicators, columns, rows }
}
