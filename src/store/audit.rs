//! The audited load: a file whose tables have the right shape may still hold rows our model forbids (a year
//! outside the period, a duplicate code, text in an integer column, a dangling reference, invalid UTF-8...).
//! Every such row becomes a [`ContentProblem`] naming the table, the row, the field and why, with the one
//! fix that never invents data: remove the row, or clear a reference that may be empty.
//!
//! The checks run in two layers. The raw layer reads every value by its SQLite type
//! ([`rusqlite::types::ValueRef`]) and asks SQLite for broken references; only a file that passes it is read
//! into the model, where the model's own rules (`crate::model::validate`) check the whole workbook.

use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};
use uuid::Uuid;

use super::journal::Origin;
use super::rows;
use crate::i18n::{Lang, Message, Text};
use crate::model::QuickWinChange::{self, PutCriterion, PutWorkshop};
use crate::model::StrategyChange::{self, PutDirection, PutGoal, PutIndicator, PutIssue, PutStrategy, PutSwot};
use crate::model::monev::{evaluation_score_id, realisation_id, spending_id};
use crate::model::{
    Change, Field, MonevChange, Workbook, budget_line_problems, program_code_key, program_code_taken, validate_change,
    validate_finance_value, validate_monev_row, validate_program_alone,
};

/// One forbidden thing in the file, and how a repair removes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentProblem {
    pub table: String,
    /// The row's `id`, or `rowid N` when it has no readable id.
    pub row: String,
    pub field: String,
    pub message: Message,
    pub fix: Fix,
}

/// What a repair does about one problem. `rowid` is SQLite's own row number in `table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fix {
    pub rowid: i64,
    pub action: FixAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAction {
    /// Remove the whole row (and, in a later round, the rows that then refer to nothing).
    RemoveRow,
    /// Set the field to empty: only for fields that may be empty, such as an optional agency.
    ClearField,
}

impl ContentProblem {
    /// "table program, row <id>, field start_year: why", translated when shown.
    pub fn line(&self) -> Message {
        Message::with(Text::ContentProblemLine, [self.table.clone(), self.row.clone(), self.field.clone()])
            .with_details([self.message.clone()])
    }

    /// The line, in `lang`.
    pub fn show(&self, lang: Lang) -> String {
        self.line().show(lang)
    }

    /// What the repair does about it, in words.
    pub fn fix_message(&self) -> Message {
        match self.fix.action {
            FixAction::RemoveRow => Message::with(Text::FixRemoveRow, [self.row.clone(), self.table.clone()]),
            FixAction::ClearField => {
                Message::with(Text::FixClearField, [self.field.clone(), self.row.clone(), self.table.clone()])
            }
        }
    }
}

/// What a check of the file found: the workbook when it is clean, or every problem of the first layer
/// that found any.
pub enum Found {
    Clean(Box<Workbook>),
    Problems(Vec<ContentProblem>),
}

/// Check `conn` in both layers.
pub fn check(conn: &Connection) -> rusqlite::Result<Found> {
    let raw = raw_problems(conn)?;
    if !raw.is_empty() {
        return Ok(Found::Problems(raw));
    }
    let workbook = rows::load(conn)?;
    let model = model_problems(conn, &workbook)?;
    if model.is_empty() { Ok(Found::Clean(Box::new(workbook))) } else { Ok(Found::Problems(model)) }
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The tables of the file, by name.
fn tables(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?;
    let names = stmt.query_map([], |r| r.get(0))?;
    names.collect()
}

/// A column's name, the kind of value it is declared for, and whether it may be empty.
struct Column {
    name: String,
    kind: Kind,
    not_null: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Integer,
    Real,
    Text,
    Any,
}

fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<Column>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", quote(table)))?;
    let rows = stmt.query_map([], |r| {
        let declared: String = r.get(2)?;
        let kind = match declared.to_ascii_uppercase().as_str() {
            "INTEGER" | "INT" => Kind::Integer,
            "REAL" => Kind::Real,
            "TEXT" => Kind::Text,
            _ => Kind::Any,
        };
        Ok(Column { name: r.get(1)?, kind, not_null: r.get(3)? })
    })?;
    rows.collect()
}

/// Why a value does not belong in its column, if it does not.
fn wrong_value(column: &Column, value: ValueRef<'_>) -> Option<Text> {
    match (column.kind, value) {
        (_, ValueRef::Null) if column.not_null => Some(Text::ContentMissing),
        (_, ValueRef::Null) | (Kind::Any, _) | (Kind::Integer, ValueRef::Integer(_)) => None,
        (Kind::Real, ValueRef::Integer(_) | ValueRef::Real(_)) => None,
        (Kind::Integer, _) => Some(Text::ContentNotInteger),
        (Kind::Real, _) => Some(Text::ContentNotNumber),
        (Kind::Text, ValueRef::Text(bytes)) => std::str::from_utf8(bytes).is_err().then_some(Text::ContentBadUtf8),
        (Kind::Text, _) => Some(Text::ContentNotText),
    }
}

/// How a row is named in a problem: its readable `id`, or its rowid.
fn row_label(id: Option<ValueRef<'_>>, rowid: i64) -> String {
    match id {
        Some(ValueRef::Text(bytes)) => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => format!("rowid {rowid}"),
        },
        Some(ValueRef::Integer(n)) => n.to_string(),
        _ => format!("rowid {rowid}"),
    }
}

fn fix_for(column: &Column, rowid: i64) -> Fix {
    let action = if column.not_null { FixAction::RemoveRow } else { FixAction::ClearField };
    Fix { rowid, action }
}

/// Every value of the wrong type, missing where required, or not UTF-8; then every broken reference; then
/// history and sync records that cannot be read back.
pub fn raw_problems(conn: &Connection) -> rusqlite::Result<Vec<ContentProblem>> {
    let mut problems = Vec::new();
    for table in tables(conn)? {
        scan_values(conn, &table, &mut problems)?;
    }
    dangling_references(conn, &mut problems)?;
    if problems.is_empty() {
        record_problems(conn, &mut problems)?;
    }
    Ok(problems)
}

fn scan_values(conn: &Connection, table: &str, out: &mut Vec<ContentProblem>) -> rusqlite::Result<()> {
    let columns = columns(conn, table)?;
    let id_at = columns.iter().position(|c| c.name == "id");
    let mut stmt = conn.prepare(&format!("SELECT rowid, * FROM {}", quote(table)))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        for (at, column) in columns.iter().enumerate() {
            let Some(why) = wrong_value(column, row.get_ref(at + 1)?) else { continue };
            let id = id_at.map(|i| row.get_ref(i + 1)).transpose()?;
            out.push(ContentProblem {
                table: table.to_string(),
                row: row_label(id, rowid),
                field: column.name.clone(),
                message: Message::new(why),
                fix: fix_for(column, rowid),
            });
        }
    }
    Ok(())
}

/// The `id` of row `rowid` in `table`, for naming it.
pub fn label_of(conn: &Connection, table: &str, rowid: i64) -> rusqlite::Result<String> {
    let has_id = columns(conn, table)?.iter().any(|c| c.name == "id");
    if !has_id {
        return Ok(format!("rowid {rowid}"));
    }
    let mut stmt = conn.prepare(&format!("SELECT id FROM {} WHERE rowid = ?1", quote(table)))?;
    let mut rows = stmt.query([rowid])?;
    let id = match rows.next()? {
        Some(row) => Some(row.get_ref(0)?),
        None => None,
    };
    Ok(row_label(id, rowid))
}

/// Rows whose reference names a row that does not exist, as SQLite itself finds them.
fn dangling_references(conn: &Connection, out: &mut Vec<ContentProblem>) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let found: Vec<(String, Option<i64>, String, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<Result<_, _>>()?;
    for (table, rowid, parent, key) in found {
        let Some(rowid) = rowid else { continue };
        let mut keys = conn.prepare(&format!("PRAGMA foreign_key_list({})", quote(&table)))?;
        let field: Option<String> = keys
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(3)?)))?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .find(|(id, _)| *id == key)
            .map(|(_, from)| from);
        let field = field.unwrap_or_else(|| parent.clone());
        let not_null = columns(conn, &table)?.iter().any(|c| c.name == field && c.not_null);
        let action = if not_null { FixAction::RemoveRow } else { FixAction::ClearField };
        out.push(ContentProblem {
            row: label_of(conn, &table, rowid)?,
            table,
            field,
            message: Message::with(Text::ContentDangling, [parent]),
            fix: Fix { rowid, action },
        });
    }
    Ok(())
}

/// The column a program's problem is about, and whether clearing it is the fix.
fn program_column(field: Field) -> (&'static str, FixAction) {
    match field {
        Field::ProgramCode => ("code", FixAction::RemoveRow),
        Field::ProgramName => ("name", FixAction::RemoveRow),
        Field::ProgramElement => ("element_id", FixAction::RemoveRow),
        Field::ProgramAgency => ("agency_id", FixAction::ClearField),
        Field::ProgramStart => ("start_year", FixAction::RemoveRow),
        Field::ProgramEnd => ("end_year", FixAction::RemoveRow),
        _ => ("description", FixAction::RemoveRow),
    }
}

fn rowid_where(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    rows.next()?.map(|r| r.get(0)).transpose()
}

/// The model's rules over the whole workbook, with each problem traced back to its row.
pub fn model_problems(conn: &Connection, workbook: &Workbook) -> rusqlite::Result<Vec<ContentProblem>> {
    let mut out = Vec::new();
    let mut codes: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for program in &workbook.programs {
        let id = program.id.to_string();
        let mut problems = validate_program_alone(workbook, program);
        let key = program_code_key(&program.code);
        if !key.is_empty() {
            match codes.get(&key) {
                Some(first) => problems.insert(0, program_code_taken(first)),
                None => {
                    codes.insert(key, &program.name);
                }
            }
        }
        if problems.is_empty() {
            continue;
        }
        let row = rowid_where(conn, "SELECT rowid FROM program WHERE id = ?1", [&id])?;
        let Some(rowid) = row else { continue };
        let mut removed = false;
        for problem in problems.iter().filter(|p| !matches!(p.field, Field::ProgramBudget | Field::ProgramTargets)) {
            let (field, action) = program_column(problem.field);
            removed |= action == FixAction::RemoveRow;
            let fix = Fix { rowid, action };
            out.push(ContentProblem {
                table: "program".into(),
                row: id.clone(),
                field: field.into(),
                message: problem.message.clone(),
                fix,
            });
        }
        if removed {
            continue;
        }
        for (index, message) in budget_line_problems(program) {
            let line = &program.budget[index];
            let sql = "SELECT rowid FROM budget_line WHERE program_id = ?1 AND year = ?2 AND source = ?3";
            let Some(rowid) = rowid_where(conn, sql, params![id, line.year, line.source.key()])? else { continue };
            let field = if message.text == Text::BudgetOutsideYears { "year" } else { "amount" };
            out.push(ContentProblem {
                table: "budget_line".into(),
                row: label_of(conn, "budget_line", rowid)?,
                field: field.into(),
                message,
                fix: Fix { rowid, action: FixAction::RemoveRow },
            });
        }
        for target in program.targets.iter().filter(|t| !(program.start_year..=program.end_year).contains(&t.year)) {
            let sql = "SELECT rowid FROM program_target WHERE program_id = ?1 AND year = ?2";
            let Some(rowid) = rowid_where(conn, sql, params![id, target.year])? else { continue };
            out.push(ContentProblem {
                table: "program_target".into(),
                row: label_of(conn, "program_target", rowid)?,
                field: "year".into(),
                message: Message::with(Text::TargetOutsideYears, [target.year.to_string()]),
                fix: Fix { rowid, action: FixAction::RemoveRow },
            });
        }
    }
    finance_problems(conn, workbook, &mut out)?;
    entity_problems(conn, workbook, &mut out)?;
    monev_problems(conn, workbook, &mut out)?;
    Ok(out)
}

/// The model's rules for the rows other than programs and budget values, each through the same
/// [`validate_change`] an edit of that row goes through. Every fix removes the row.
fn entity_problems(conn: &Connection, workbook: &Workbook, out: &mut Vec<ContentProblem>) -> rusqlite::Result<()> {
    let mut rows: Vec<(&str, String, Change)> = Vec::new();
    rows.extend(workbook.agencies.iter().map(|a| ("agency", a.id.to_string(), Change::PutAgency(a.clone()))));
    rows.extend(workbook.members.iter().map(|m| ("member", m.id.to_string(), Change::PutMember(m.clone()))));
    let items = workbook.readiness_items.iter();
    rows.extend(items.map(|i| ("readiness_item", i.id.to_string(), Change::PutReadinessItem(i.clone()))));
    rows.extend(workbook.bands.iter().map(|b| ("readiness_band", b.id.to_string(), Change::PutBand(b.clone()))));
    rows.extend(workbook.rounds.iter().map(|r| ("readiness_round", r.id.to_string(), Change::PutRound(r.clone()))));
    let strategy = &workbook.strategy;
    let put = |c: StrategyChange| Change::Strategy(c);
    rows.extend(strategy.issues.iter().map(|i| ("strategic_issue", i.id.to_string(), put(PutIssue(i.clone())))));
    rows.extend(strategy.swot.iter().map(|e| ("swot_entry", e.id.to_string(), put(PutSwot(e.clone())))));
    rows.extend(strategy.goals.iter().map(|g| ("regional_goal", g.id.to_string(), put(PutGoal(g.clone())))));
    rows.extend(strategy.directions.iter().map(|d| ("direction", d.id.to_string(), put(PutDirection(d.clone())))));
    rows.extend(strategy.strategies.iter().map(|s| ("strategy", s.id.to_string(), put(PutStrategy(s.clone())))));
    let indicators = strategy.indicators.iter();
    rows.extend(indicators.map(|i| ("strategy_indicator", i.id.to_string(), put(PutIndicator(i.clone())))));
    let quick = &workbook.quick_wins;
    let put = |c: QuickWinChange| Change::QuickWin(c);
    rows.extend(quick.criteria.iter().map(|c| ("qw_criterion", c.id.to_string(), put(PutCriterion(c.clone())))));
    rows.extend(quick.workshops.iter().map(|w| ("workshop", w.id.to_string(), put(PutWorkshop(w.clone())))));
    // Groups, votes, attendance and decisions are left out: they keep a removed program's id by design (undo of
    // the removal brings them back), so their rules would call a normal workbook damaged.
    for (table, id, change) in rows {
        let Some(problem) = validate_change(workbook, &change).into_iter().next() else { continue };
        let sql = format!("SELECT rowid FROM {table} WHERE id = ?1");
        let Some(rowid) = rowid_where(conn, &sql, [&id])? else { continue };
        out.push(ContentProblem {
            table: table.into(),
            row: id,
            field: field_name(problem.field),
            message: problem.message,
            fix: Fix { rowid, action: FixAction::RemoveRow },
        });
    }
    for score in &workbook.scores {
        let Some(problem) = validate_change(workbook, &Change::PutScore(score.clone())).into_iter().next() else {
            continue;
        };
        let sql = "SELECT rowid FROM readiness_score WHERE round_id = ?1 AND item_id = ?2";
        let ids = [score.round_id.to_string(), score.item_id.to_string()];
        let Some(rowid) = rowid_where(conn, sql, ids)? else { continue };
        out.push(ContentProblem {
            table: "readiness_score".into(),
            row: label_of(conn, "readiness_score", rowid)?,
            field: field_name(problem.field),
            message: problem.message,
            fix: Fix { rowid, action: FixAction::RemoveRow },
        });
    }
    Ok(())
}

/// Monitoring and evaluation rows through the same rules as their edits; every fix removes the row. A
/// realisation or spending row of a removed program is kept by design (undoing the removal brings it back),
/// so for those only the other rules count.
fn monev_problems(conn: &Connection, workbook: &Workbook, out: &mut Vec<ContentProblem>) -> rusqlite::Result<()> {
    let m = &workbook.monev;
    let rows = (m.realisations.iter().map(|r| MonevChange::PutRealisation(r.clone())))
        .chain(m.spending.iter().map(|s| MonevChange::PutSpending(*s)))
        .chain(m.dimensions.iter().map(|d| MonevChange::PutDimension(d.clone())))
        .chain(m.items.iter().map(|i| MonevChange::PutItem(i.clone())))
        .chain(m.scores.iter().map(|s| MonevChange::PutScore(s.clone())));
    for change in rows {
        let Some(problem) = validate_monev_row(workbook, &change).into_iter().next() else { continue };
        // The id is derived (a hash) for most kinds: worked out only for a row with a problem.
        let (table, id) = match &change {
            MonevChange::PutRealisation(r) => ("realisation", realisation_id(r.program_id, r.year)),
            MonevChange::PutSpending(s) => ("realisation_spending", spending_id(s.program_id, s.year, s.source)),
            MonevChange::PutDimension(d) => ("evaluation_dimension", d.id),
            MonevChange::PutItem(i) => ("evaluation_item", i.id),
            MonevChange::PutScore(s) => ("evaluation_score", evaluation_score_id(s.year, s.item_id)),
            _ => continue,
        };
        let (id, sql) = (id.to_string(), format!("SELECT rowid FROM {table} WHERE id = ?1"));
        let Some(rowid) = rowid_where(conn, &sql, [&id])? else { continue };
        let field = if problem.field == Field::RealisationSpent { "amount".into() } else { field_name(problem.field) };
        let fix = Fix { rowid, action: FixAction::RemoveRow };
        out.push(ContentProblem { table: table.into(), row: id, field, message: problem.message, fix });
    }
    Ok(())
}

/// The model's name of a field, as the column it is about: `AgencyShortName` is `short_name`.
fn field_name(field: Field) -> String {
    let name = format!("{field:?}");
    let words = ["Agency", "Member", "Item", "Band", "Round", "Score", "Strategy", "Realisation", "Evaluation"];
    let bare = words.iter().find_map(|w| name.strip_prefix(w)).filter(|rest| !rest.is_empty()).unwrap_or(&name);
    let mut column = String::new();
    for (at, c) in bare.char_indices() {
        if c.is_ascii_uppercase() && at > 0 {
            column.push('_');
        }
        column.push(c.to_ascii_lowercase());
    }
    column
}

fn finance_problems(conn: &Connection, workbook: &Workbook, out: &mut Vec<ContentProblem>) -> rusqlite::Result<()> {
    for value in &workbook.finance {
        let Some(problem) = validate_finance_value(workbook, value).into_iter().next() else { continue };
        let sql = "SELECT rowid FROM finance_value WHERE line = ?1 AND year = ?2 AND kind = ?3";
        let Some(rowid) = rowid_where(conn, sql, params![value.line, value.year, value.kind.key()])? else { continue };
        let field = match problem.field {
            Field::FinanceYear => "year",
            Field::FinanceLine => "line",
            _ => "amount",
        };
        out.push(ContentProblem {
            table: "finance_value".into(),
            row: label_of(conn, "finance_value", rowid)?,
            field: field.into(),
            message: problem.message,
            fix: Fix { rowid, action: FixAction::RemoveRow },
        });
    }
    Ok(())
}

// The history and sync records: each must read back as what its reader expects (see `records`).

/// What a record's text must be.
#[derive(Clone, Copy)]
enum Expect {
    Id,
    OptionalId,
    /// A JSON list of texts.
    Texts,
    /// A JSON list of ids.
    Ids,
    /// Any well-formed JSON document.
    Json,
    Origin,
    /// The name of a [`Text`]: a history entry's label. So a label key may never be removed from `Text`
    /// once a release wrote it: older files' histories hold it.
    TextKey,
    /// An Ed25519 public key, as 64 hex digits.
    Key,
}

fn why(expect: Expect, value: ValueRef<'_>) -> Option<Text> {
    let text = match value {
        ValueRef::Null if matches!(expect, Expect::OptionalId) => return None,
        ValueRef::Text(bytes) => std::str::from_utf8(bytes).ok()?,
        _ => return None,
    };
    let bad = match expect {
        Expect::Id | Expect::OptionalId => Uuid::parse_str(text).is_err(),
        Expect::Texts => serde_json::from_str::<Vec<String>>(text).is_err(),
        Expect::Ids => serde_json::from_str::<Vec<String>>(text)
            .map_or(true, |ids| ids.iter().any(|id| Uuid::parse_str(id).is_err())),
        Expect::Json => serde_json::from_str::<serde::de::IgnoredAny>(text).is_err(),
        Expect::Origin => Origin::from_key(text).is_none(),
        Expect::TextKey => !Text::ALL.iter().any(|t| format!("{t:?}") == text),
        Expect::Key => text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()),
    };
    bad.then_some(match expect {
        Expect::Id | Expect::OptionalId | Expect::Ids => Text::ContentBadId,
        Expect::Texts | Expect::Json => Text::ContentBadJson,
        Expect::Origin => Text::ContentBadOrigin,
        Expect::TextKey => Text::ContentBadLabel,
        Expect::Key => Text::ContentBadKey,
    })
}

const CHECKED: &[(&str, &[(&str, Expect)])] = &[
    // The file's own identity (`replica`) is not here: no repair could make one up, so a bad one refuses
    // the file on open (`sync::identity`).
    ("issued_copy", &[("copy_id", Expect::Id), ("scope_agency_id", Expect::OptionalId), ("public_key", Expect::Key)]),
    ("sync_peer", &[("agency_id", Expect::OptionalId), ("base_json", Expect::Json)]),
    (
        "journal",
        &[
            ("id", Expect::Id),
            ("replica_id", Expect::Id),
            ("label_args", Expect::Texts),
            ("label_key", Expect::TextKey),
            ("origin", Expect::Origin),
            ("agency_id", Expect::OptionalId),
            ("agencies", Expect::Ids),
        ],
    ),
];

/// Add a problem for every history or sync record that cannot be read back as what it must be.
fn record_problems(conn: &Connection, out: &mut Vec<ContentProblem>) -> rusqlite::Result<()> {
    for (table, fields) in CHECKED {
        let names: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
        let mut stmt = conn.prepare(&format!("SELECT rowid, {} FROM {table}", names.join(", ")))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            for (at, (field, expect)) in fields.iter().enumerate() {
                let Some(text) = why(*expect, row.get_ref(at + 1)?) else { continue };
                out.push(ContentProblem {
                    table: (*table).to_string(),
                    row: label_of(conn, table, rowid)?,
                    field: (*field).to_string(),
                    message: Message::new(text),
                    fix: Fix { rowid, action: FixAction::RemoveRow },
                });
            }
        }
    }
    Ok(())
}
