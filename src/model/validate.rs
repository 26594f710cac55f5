//! Domain rules every change must pass before it reaches the file. A problem names the field it belongs to,
//! so the UI can show the message next to that field.

use super::{
    Agency, BASIS_POINTS, Band, Change, FinanceValue, Layout, LineTree, MAX_LEVEL, MIN_LEVEL, Member, Profile, Program,
    ProjectionSettings, ReadinessItem, Round, Scenario, Score, Workbook,
};
use crate::i18n::{Message, Text};

/// The earliest and latest years a masterplan period may use.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;
/// The longest masterplan period, in years. The national guidance plans ten years; some regions plan longer.
pub const MAX_PERIOD_YEARS: i32 = 25;
/// Longest text we accept in one field: generous for prose, small enough to keep exports sane.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The largest weight of one readiness item: weights are relative, and a typo of extra zeros is caught.
pub const MAX_WEIGHT: f64 = 1000.0;

/// The largest amount one budget line may hold: Rp 100 triliun, far above any regency's whole budget, so a
/// typo of extra zeros is caught and sums of ten thousand programs cannot overflow `i64`.
pub const MAX_AMOUNT: i64 = 100_000_000_000_000;

/// The fastest typed growth rate and the largest scenario adjustment, in basis points per year: 100 % a
/// year, far above any budget line's real growth, so a typo of extra zeros is caught.
pub const MAX_RATE_BP: i32 = 10_000;
/// The slowest: -100 % a year, when a line disappears. Nothing can shrink by more than all of it.
pub const MIN_RATE_BP: i32 = -BASIS_POINTS;

/// The field a problem is shown next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    RegionName,
    Province,
    Capital,
    RegionCode,
    PeriodStart,
    PeriodEnd,
    Vision,
    Mission,
    AgencyCode,
    AgencyName,
    AgencyShortName,
    MemberName,
    MemberRole,
    MemberAgency,
    ProgramCode,
    ProgramName,
    ProgramElement,
    ProgramAgency,
    ProgramStart,
    ProgramEnd,
    ProgramBudget,
    ProgramTargets,
    /// Description, location, outputs, indicator.
    ProgramText,
    ProgramReadiness,
    ItemCode,
    ItemQuestion,
    ItemLevels,
    ItemWeight,
    ItemTarget,
    ItemDimension,
    BandName,
    BandMin,
    RoundName,
    RoundYear,
    ScoreLevel,
    ScoreText,
    FinanceLine,
    FinanceYear,
    FinanceAmount,
    FinanceBaseYears,
    FinanceRate,
    FinanceScenario,
    FinanceEnvelope,
    ProgramStrategy,
    /// Issues, SWOT entries, goals, strategies and indicators (`strategy.rs`): their main text, code, other
    /// texts, links and yearly targets.
    StrategyTitle,
    StrategyCode,
    StrategyText,
    StrategyLink,
    StrategyTarget,
    /// The row as a whole (e.g. an agency still in use cannot be deleted).
    Row,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: Message,
}

impl Problem {
    fn new(field: Field, message: impl Into<Message>) -> Self {
        Problem { field, message: message.into() }
    }
}

/// Check `change` against `workbook` as it is before the change. Empty means valid.
pub fn validate_change(workbook: &Workbook, change: &Change) -> Vec<Problem> {
    match change {
        Change::Profile(profile) => {
            let mut problems = validate_profile(profile);
            if problems.is_empty() {
                let outside = workbook
                    .programs
                    .iter()
                    .filter(|p| p.start_year < profile.period_start || p.end_year > profile.period_end)
                    .count();
                if outside > 0 {
                    let field = if workbook.programs.iter().any(|p| p.start_year < profile.period_start) {
                        Field::PeriodStart
                    } else {
                        Field::PeriodEnd
                    };
                    problems
                        .push(Problem::new(field, Message::with(Text::ProgramsOutsidePeriod, [outside.to_string()])));
                }
            }
            problems
        }
        Change::PutAgency(agency) => validate_agency(workbook, agency),
        Change::RemoveAgency(id) => {
            let members = workbook.members.iter().filter(|m| m.agency_id == Some(*id)).count();
            let programs = workbook.programs.iter().filter(|p| p.agency_id == Some(*id)).count();
            if members + programs > 0 {
                let counts = [members.to_string(), programs.to_string()];
                vec![Problem::new(Field::Row, Message::with(Text::AgencyInUse, counts))]
            } else {
                Vec::new()
            }
        }
        Change::PutMember(member) => validate_member(workbook, member),
        Change::RemoveMember(_) | Change::RemoveProgram(_) => Vec::new(),
        Change::PutProgram(program) => validate_program(workbook, program),
        Change::PutReadinessItem(item) => validate_item(workbook, item),
        Change::RemoveReadinessItem(id) => {
            let scores = workbook.scores.iter().filter(|s| s.item_id == *id).count();
            let programs = workbook.programs.iter().filter(|p| p.readiness_items.contains(id)).count();
            let strategic = workbook.strategy.issues.iter().filter(|i| i.readiness_item_id == Some(*id)).count()
                + workbook.strategy.swot.iter().filter(|s| s.readiness_item_id == Some(*id)).count();
            if scores + programs + strategic > 0 {
                let counts = [scores.to_string(), programs.to_string()];
                vec![Problem::new(Field::Row, Message::with(Text::ItemInUse, counts))]
            } else {
                Vec::new()
            }
        }
        Change::PutBand(band) => validate_band(band),
        Change::RemoveBand(_) | Change::RemoveScore { .. } => Vec::new(),
        Change::PutRound(round) => validate_round(round),
        Change::RemoveRound(id) => {
            let scores = workbook.scores.iter().filter(|s| s.round_id == *id).count();
            if scores > 0 {
                vec![Problem::new(Field::Row, Message::with(Text::RoundInUse, [scores.to_string()]))]
            } else {
                Vec::new()
            }
        }
        Change::PutScore(score) => validate_score(workbook, score),
        Change::PutFinanceValue(value) => validate_finance_value(workbook, value),
        Change::RemoveFinanceValue { .. } | Change::PutFinanceSettings(None) => Vec::new(),
        Change::PutFinanceSettings(Some(settings)) => validate_projection_settings(settings),
        Change::Strategy(c) => super::strategy::validate(workbook, c),
        Change::QuickWin(c) => super::quick_wins::validate(workbook, c),
    }
}

/// A known line (of either layout), a year within bounds, an amount within plus or minus Rp 100 triliun, and
/// one layout per year: a year typed in the old layout takes no current-layout line, and the other way round,
/// so no amount is counted twice when the old layout is mapped onto the tree.
pub fn validate_finance_value(workbook: &Workbook, value: &FinanceValue) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !LineTree::get().is_known(&value.line) {
        problems.push(Problem::new(Field::FinanceLine, Message::with(Text::FinanceUnknownLine, [value.line.clone()])));
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&value.year) {
        let range = [FIRST_YEAR.to_string(), LAST_YEAR.to_string()];
        problems.push(Problem::new(Field::FinanceYear, Message::with(Text::YearOutOfRange, range)));
    }
    if !(-MAX_AMOUNT..=MAX_AMOUNT).contains(&value.amount) {
        let range = [crate::i18n::format_rupiah(-MAX_AMOUNT), crate::i18n::format_rupiah(MAX_AMOUNT)];
        problems.push(Problem::new(Field::FinanceAmount, Message::with(Text::FinanceAmountOutOfRange, range)));
    }
    let layout = Layout::of_key(&value.line);
    if let Some(other) = workbook.finance.iter().find(|v| v.year == value.year && Layout::of_key(&v.line) != layout) {
        let text = match Layout::of_key(&other.line) {
            Layout::Current => Text::FinanceYearIsCurrent,
            Layout::Legacy => Text::FinanceYearIsLegacy,
        };
        problems.push(Problem::new(Field::FinanceLine, Message::with(text, [value.year.to_string()])));
    }
    problems
}

fn percent_of(bp: i32) -> String {
    crate::i18n::format_decimal(f64::from(bp) / 100.0, 2) + " %"
}

/// Base years in order and within bounds, typed rates only on tree lines and between -100 % and +100 % a
/// year, scenario adjustments within the same bounds, no scenario that would make a typed rate fall below
/// -100 % a year, and an envelope between 0 and 100 % of spending.
pub fn validate_projection_settings(settings: &ProjectionSettings) -> Vec<Problem> {
    let mut problems = Vec::new();
    let years = FIRST_YEAR..=LAST_YEAR;
    if !years.contains(&settings.base_first) || !years.contains(&settings.base_last) {
        let range = [FIRST_YEAR.to_string(), LAST_YEAR.to_string()];
        problems.push(Problem::new(Field::FinanceBaseYears, Message::with(Text::YearOutOfRange, range)));
    } else if settings.base_last < settings.base_first {
        problems.push(Problem::new(Field::FinanceBaseYears, Text::FinanceBaseYearsOrder));
    }
    let tree = LineTree::get();
    let rate_range = [percent_of(MIN_RATE_BP), percent_of(MAX_RATE_BP)];
    for (line, rate) in &settings.rates {
        if tree.index(line).is_none() {
            let text = if tree.is_known(line) { Text::FinanceRateNotATreeLine } else { Text::FinanceUnknownLine };
            problems.push(Problem::new(Field::FinanceRate, Message::with(text, [line.clone()])));
        }
        if !(MIN_RATE_BP..=MAX_RATE_BP).contains(rate) {
            problems
                .push(Problem::new(Field::FinanceRate, Message::with(Text::FinanceRateOutOfRange, rate_range.clone())));
        }
    }
    let mut adjustments_fine = true;
    for scenario in Scenario::ALL {
        if !(MIN_RATE_BP..=MAX_RATE_BP).contains(&settings.adjustment(scenario)) {
            adjustments_fine = false;
            let range = [percent_of(MIN_RATE_BP), percent_of(MAX_RATE_BP)];
            problems
                .push(Problem::new(Field::FinanceScenario, Message::with(Text::FinanceAdjustmentOutOfRange, range)));
        }
    }
    if adjustments_fine {
        for scenario in Scenario::ALL {
            let adjustment = settings.adjustment(scenario);
            if let Some((line, _)) = settings
                .rates
                .iter()
                .find(|(_, rate)| i64::from(**rate) + i64::from(adjustment) < i64::from(MIN_RATE_BP))
            {
                let message = Message::with(Text::FinanceScenarioBelowLimit, [percent_of(adjustment), line.clone()]);
                let problem = Problem::new(Field::FinanceScenario, message);
                // Two scenarios with the same adjustment make one problem.
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
            }
        }
    }
    if !(0..=BASIS_POINTS).contains(&settings.envelope_bp) {
        problems.push(Problem::new(Field::FinanceEnvelope, Text::FinanceEnvelopeOutOfRange));
    }
    problems
}

pub fn validate_item(workbook: &Workbook, item: &ReadinessItem) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::ItemCode, &item.code);
    required(&mut problems, Field::ItemQuestion, &item.question_id);
    for text in [&item.code, &item.question_id, &item.question_en] {
        not_too_long(&mut problems, Field::ItemQuestion, text);
    }
    for level in &item.levels {
        not_too_long(&mut problems, Field::ItemLevels, &level.id);
        not_too_long(&mut problems, Field::ItemLevels, &level.en);
    }
    let code = item.code.trim();
    if !code.is_empty()
        && let Some(other) =
            workbook.readiness_items.iter().find(|i| i.id != item.id && i.code.trim().eq_ignore_ascii_case(code))
    {
        problems.push(Problem::new(Field::ItemCode, Message::with(Text::ItemCodeTaken, [other.question_id.clone()])));
    }
    if !item.weight.is_finite() || item.weight < 0.0 || item.weight > MAX_WEIGHT {
        problems.push(Problem::new(Field::ItemWeight, Message::with(Text::WeightOutOfRange, [MAX_WEIGHT.to_string()])));
    }
    if !(MIN_LEVEL..=MAX_LEVEL).contains(&item.target_level) {
        problems.push(Problem::new(Field::ItemTarget, Text::LevelOutOfRange));
    }
    if let Some(dimension) = item.dimension_id
        && workbook.dimension(dimension).is_none()
    {
        problems.push(Problem::new(Field::ItemDimension, Text::UnknownDimension));
    }
    problems
}

fn validate_band(band: &Band) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::BandName, &band.name_id);
    not_too_long(&mut problems, Field::BandName, &band.name_id);
    not_too_long(&mut problems, Field::BandName, &band.name_en);
    if !band.min.is_finite() || !(0.0..=f64::from(MAX_LEVEL)).contains(&band.min) {
        problems.push(Problem::new(Field::BandMin, Text::BandMinOutOfRange));
    }
    problems
}

fn validate_round(round: &Round) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::RoundName, &round.name);
    not_too_long(&mut problems, Field::RoundName, &round.name);
    if !(FIRST_YEAR..=LAST_YEAR).contains(&round.year) {
        let range = [FIRST_YEAR.to_string(), LAST_YEAR.to_string()];
        problems.push(Problem::new(Field::RoundYear, Message::with(Text::YearOutOfRange, range)));
    }
    problems
}

fn validate_score(workbook: &Workbook, score: &Score) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !(MIN_LEVEL..=MAX_LEVEL).contains(&score.level) {
        problems.push(Problem::new(Field::ScoreLevel, Text::LevelOutOfRange));
    }
    if workbook.round(score.round_id).is_none() || workbook.readiness_item(score.item_id).is_none() {
        problems.push(Problem::new(Field::Row, Text::UnknownItemOrRound));
    }
    for text in [&score.evidence, &score.note, &score.scored_by] {
        not_too_long(&mut problems, Field::ScoreText, text);
    }
    problems
}

/// Every rule a program must meet, each problem on its field.
pub fn validate_program(workbook: &Workbook, program: &Program) -> Vec<Problem> {
    let mut problems = validate_program_alone(workbook, program);
    let code = program.code.trim();
    if !code.is_empty()
        && let Some(other) =
            workbook.programs.iter().find(|p| p.id != program.id && p.code.trim().eq_ignore_ascii_case(code))
    {
        // After the text rules, before the references: where the rule always stood.
        let at = problems
            .iter()
            .take_while(|p| matches!(p.field, Field::ProgramName | Field::ProgramCode | Field::ProgramText))
            .count();
        problems.insert(at, program_code_taken(&other.name));
    }
    problems
}

/// The problem of a program code another program (named `other`) already has.
pub fn program_code_taken(other: &str) -> Problem {
    Problem::new(Field::ProgramCode, Message::with(Text::ProgramCodeTaken, [other.to_string()]))
}

/// The key two program codes are compared by: trimmed, ASCII case ignored.
pub fn program_code_key(code: &str) -> String {
    code.trim().to_ascii_lowercase()
}

/// Each budget line that breaks a rule, by its index in `program.budget`, with why.
pub fn budget_line_problems(program: &Program) -> Vec<(usize, Message)> {
    let years = program.start_year..=program.end_year;
    let mut seen = std::collections::HashSet::new();
    let mut problems = Vec::new();
    for (index, line) in program.budget.iter().enumerate() {
        let problem = if line.amount < 0 {
            Some(Message::new(Text::AmountNegative))
        } else if line.amount > MAX_AMOUNT {
            Some(Message::with(Text::AmountTooLarge, [crate::i18n::format_rupiah(MAX_AMOUNT)]))
        } else if !years.contains(&line.year) {
            Some(Message::with(Text::BudgetOutsideYears, [line.year.to_string()]))
        } else if !seen.insert((line.year, line.source)) {
            Some(Message::with(Text::BudgetDuplicate, [line.year.to_string(), line.source.key().to_string()]))
        } else {
            None
        };
        if let Some(message) = problem {
            problems.push((index, message));
        }
    }
    problems
}

/// Every rule of one program except that its code is unique: the whole-workbook check finds duplicates in
/// one pass instead of comparing each program with all others.
pub fn validate_program_alone(workbook: &Workbook, program: &Program) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::ProgramName, &program.name);
    not_too_long(&mut problems, Field::ProgramName, &program.name);
    not_too_long(&mut problems, Field::ProgramCode, &program.code);
    for text in
        [&program.description, &program.location, &program.outputs, &program.indicator, &program.indicator_baseline]
    {
        not_too_long(&mut problems, Field::ProgramText, text);
    }
    if workbook.element(program.element_id).is_none() {
        problems.push(Problem::new(Field::ProgramElement, Text::UnknownElement));
    }
    if let Some(agency) = program.agency_id
        && workbook.agency(agency).is_none()
    {
        problems.push(Problem::new(Field::ProgramAgency, Text::UnknownAgency));
    }
    let period = &workbook.profile;
    let span = [period.period_start.to_string(), period.period_end.to_string()];
    if !period.years().contains(&program.start_year) {
        problems.push(Problem::new(Field::ProgramStart, Message::with(Text::YearOutsidePeriod, span.clone())));
    }
    if program.end_year < program.start_year {
        problems.push(Problem::new(Field::ProgramEnd, Text::ProgramEndBeforeStart));
    } else if !period.years().contains(&program.end_year) {
        problems.push(Problem::new(Field::ProgramEnd, Message::with(Text::YearOutsidePeriod, span)));
    }
    let years = program.start_year..=program.end_year;
    for (_, message) in budget_line_problems(program) {
        problems.push(Problem::new(Field::ProgramBudget, message));
    }
    if program.readiness_items.iter().any(|i| workbook.readiness_item(*i).is_none()) {
        problems.push(Problem::new(Field::ProgramReadiness, Text::UnknownItemOrRound));
    }
    if program.strategy_id.is_some_and(|s| workbook.strategy.strategy(s).is_none()) {
        problems.push(Problem::new(Field::ProgramStrategy, Text::UnknownStrategy));
    }
    for target in &program.targets {
        not_too_long(&mut problems, Field::ProgramTargets, &target.target);
        if !years.contains(&target.year) {
            problems.push(Problem::new(
                Field::ProgramTargets,
                Message::with(Text::TargetOutsideYears, [target.year.to_string()]),
            ));
        }
    }
    problems
}

fn required(problems: &mut Vec<Problem>, field: Field, value: &str) {
    if value.trim().is_empty() {
        problems.push(Problem::new(field, Text::Required));
    }
}

fn not_too_long(problems: &mut Vec<Problem>, field: Field, value: &str) {
    if value.chars().count() > MAX_TEXT_CHARS {
        problems.push(Problem::new(field, Message::with(Text::TooLong, [MAX_TEXT_CHARS.to_string()])));
    }
}

pub fn validate_profile(profile: &Profile) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::RegionName, &profile.region_name);
    required(&mut problems, Field::Province, &profile.province);
    for (field, value) in [
        (Field::RegionName, &profile.region_name),
        (Field::Province, &profile.province),
        (Field::Capital, &profile.capital),
        (Field::RegionCode, &profile.region_code),
        (Field::Vision, &profile.vision),
        (Field::Mission, &profile.mission),
    ] {
        not_too_long(&mut problems, field, value);
    }
    let year_range = [FIRST_YEAR.to_string(), LAST_YEAR.to_string()];
    if !(FIRST_YEAR..=LAST_YEAR).contains(&profile.period_start) {
        problems.push(Problem::new(Field::PeriodStart, Message::with(Text::YearOutOfRange, year_range.clone())));
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&profile.period_end) {
        problems.push(Problem::new(Field::PeriodEnd, Message::with(Text::YearOutOfRange, year_range)));
    } else if profile.period_end < profile.period_start {
        problems.push(Problem::new(Field::PeriodEnd, Text::PeriodEndBeforeStart));
    } else if profile.period_end - profile.period_start + 1 > MAX_PERIOD_YEARS {
        problems
            .push(Problem::new(Field::PeriodEnd, Message::with(Text::PeriodTooLong, [MAX_PERIOD_YEARS.to_string()])));
    }
    problems
}

fn validate_agency(workbook: &Workbook, agency: &Agency) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::AgencyCode, &agency.code);
    required(&mut problems, Field::AgencyName, &agency.name);
    not_too_long(&mut problems, Field::AgencyCode, &agency.code);
    not_too_long(&mut problems, Field::AgencyName, &agency.name);
    not_too_long(&mut problems, Field::AgencyShortName, &agency.short_name);
    let code = agency.code.trim();
    if !code.is_empty()
        && let Some(other) =
            workbook.agencies.iter().find(|a| a.id != agency.id && a.code.trim().eq_ignore_ascii_case(code))
    {
        problems.push(Problem::new(Field::AgencyCode, Message::with(Text::AgencyCodeTaken, [other.name.clone()])));
    }
    problems
}

fn validate_member(workbook: &Workbook, member: &Member) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::MemberName, &member.name);
    not_too_long(&mut problems, Field::MemberName, &member.name);
    not_too_long(&mut problems, Field::MemberRole, &member.role);
    if let Some(agency) = member.agency_id
        && workbook.agency(agency).is_none()
    {
        problems.push(Problem::new(Field::MemberAgency, Text::UnknownAgency));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, RegionType, new_id};

    fn workbook() -> Workbook {
        Workbook {
            profile: Profile {
                masterplan_id: new_id(),
                region_name: "Kabupaten Konawe Selatan".into(),
                region_type: RegionType::Kabupaten,
                region_code: "74.05".into(),
                province: "Sulawesi Tenggara".into(),
                capital: "Andoolo".into(),
                period_start: 2022,
                period_end: 2031,
                vision: String::new(),
                mission: String::new(),
                is_example: false,
            },
            dimensions: Vec::new(),
            elements: Vec::new(),
            agencies: vec![Agency {
                id: new_id(),
                code: "2.16.01".into(),
                name: "Dinas Komunikasi, Informatika dan Persandian".into(),
                short_name: "Diskominfo".into(),
                position: 0,
            }],
            members: Vec::new(),
            programs: Vec::new(),
            readiness_items: Vec::new(),
            bands: Vec::new(),
            rounds: Vec::new(),
            scores: Vec::new(),
            finance: Vec::new(),
            finance_settings: None,
            strategy: Default::default(),
            quick_wins: Default::default(),
        }
    }

    fn fields(problems: &[Problem]) -> Vec<Field> {
        problems.iter().map(|p| p.field).collect()
    }

    fn finance(line: &str, year: i32, amount: i64) -> FinanceValue {
        FinanceValue { line: line.into(), year, kind: super::super::ValueKind::Budgeted, amount, is_estimate: false }
    }

    #[test]
    fn finance_values_need_a_known_line_a_year_and_an_amount_within_100_triliun() {
        let mut wb = workbook();
        let put = |wb: &Workbook, v: FinanceValue| fields(&validate_change(wb, &Change::PutFinanceValue(v)));
        assert!(put(&wb, finance("4.1", 2022, 96_310_000_000)).is_empty());
        assert!(put(&wb, finance("old:4.2", 2018, 965_930_000_000)).is_empty());
        assert!(put(&wb, finance("6", 2019, -MAX_AMOUNT)).is_empty(), "net financing may be negative");
        assert!(put(&wb, finance("4", 2019, MAX_AMOUNT)).is_empty());
        assert_eq!(put(&wb, finance("4", 2019, MAX_AMOUNT + 1)), vec![Field::FinanceAmount]);
        assert_eq!(put(&wb, finance("6", 2019, -MAX_AMOUNT - 1)), vec![Field::FinanceAmount]);
        assert_eq!(put(&wb, finance("4", 2019, i64::MIN)), vec![Field::FinanceAmount]);
        assert_eq!(put(&wb, finance("4.9", 2019, 1)), vec![Field::FinanceLine]);
        assert_eq!(put(&wb, finance("old:4.2.1.1", 2019, 1)), vec![Field::FinanceLine], "not an old line");
        assert_eq!(put(&wb, finance("4", 1999, 1)), vec![Field::FinanceYear]);
        assert_eq!(put(&wb, finance("4", 2101, 1)), vec![Field::FinanceYear]);
        let message = &validate_change(&wb, &Change::PutFinanceValue(finance("4", 2019, MAX_AMOUNT + 1)))[0].message;
        assert_eq!(message.args, ["-Rp 100.000.000.000.000", "Rp 100.000.000.000.000"]);

        // One layout per year: 2019 typed in the old layout takes no current-layout line, and back.
        wb.apply(&Change::PutFinanceValue(finance("old:4", 2019, 1_514_805_037_924)));
        let problems = validate_change(&wb, &Change::PutFinanceValue(finance("4.1", 2019, 81_314_566_003)));
        assert_eq!(
            problems,
            vec![Problem::new(Field::FinanceLine, Message::with(Text::FinanceYearIsLegacy, ["2019"]))]
        );
        assert!(put(&wb, finance("old:4.1", 2019, 81_314_566_003)).is_empty());
        assert!(put(&wb, finance("4.1", 2021, 88)).is_empty(), "other years are free");
        wb.apply(&Change::PutFinanceValue(finance("4", 2022, 1)));
        let problems = validate_change(&wb, &Change::PutFinanceValue(finance("old:4", 2022, 1)));
        assert_eq!(problems[0].message, Message::with(Text::FinanceYearIsCurrent, ["2022"]));
        assert!(
            validate_change(
                &wb,
                &Change::RemoveFinanceValue { line: "4".into(), year: 2022, kind: super::super::ValueKind::Budgeted }
            )
            .is_empty()
        );
    }

    #[test]
    fn projection_settings_are_checked_range_by_range() {
        let valid = ProjectionSettings {
            base_first: 2018,
            base_last: 2022,
            rates: [("4.1".to_string(), 500), ("5".to_string(), -10_000)].into(),
            pessimistic_bp: 0,
            base_bp: 0,
            optimistic_bp: 10_000,
            envelope_bp: 150,
        };
        let check = |s: &ProjectionSettings| {
            fields(&validate_change(&workbook(), &Change::PutFinanceSettings(Some(s.clone()))))
        };
        assert!(check(&valid).is_empty(), "-100 % a year is the limit, and allowed");
        assert!(validate_change(&workbook(), &Change::PutFinanceSettings(None)).is_empty());

        let one_year = ProjectionSettings { base_first: 2022, ..valid.clone() };
        assert!(check(&one_year).is_empty(), "one base year: typed rates or flat");
        assert_eq!(check(&ProjectionSettings { base_first: 2023, ..valid.clone() }), vec![Field::FinanceBaseYears]);
        assert_eq!(check(&ProjectionSettings { base_first: 1999, ..valid.clone() }), vec![Field::FinanceBaseYears]);

        let mut rates = valid.clone();
        rates.rates.insert("4.2".into(), 10_001);
        rates.rates.insert("old:4.2".into(), 100);
        rates.rates.insert("9".into(), 100);
        assert_eq!(check(&rates), vec![Field::FinanceRate, Field::FinanceRate, Field::FinanceRate]);
        let mut low = valid.clone();
        low.rates.insert("4.2".into(), -10_001);
        low.rates.remove("5");
        assert_eq!(check(&low), vec![Field::FinanceRate, Field::FinanceScenario]);

        // A scenario that takes a typed -100 % further down is refused, naming the adjustment and the line.
        let below = ProjectionSettings { pessimistic_bp: -1, ..valid.clone() };
        let problems = validate_change(&workbook(), &Change::PutFinanceSettings(Some(below)));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, Message::with(Text::FinanceScenarioBelowLimit, ["-0,01 %", "5"]));
        assert_eq!(
            check(&ProjectionSettings { pessimistic_bp: -10_001, ..valid.clone() }),
            vec![Field::FinanceScenario]
        );
        assert_eq!(check(&ProjectionSettings { optimistic_bp: 10_001, ..valid.clone() }), vec![Field::FinanceScenario]);
        let extremes = ProjectionSettings { rates: Default::default(), pessimistic_bp: -10_000, ..valid.clone() };
        assert!(check(&extremes).is_empty());
        let odd = ProjectionSettings { rates: [("4".to_string(), i32::MIN)].into(), ..extremes.clone() };
        assert_eq!(
            check(&odd),
            vec![Field::FinanceRate, Field::FinanceScenario, Field::FinanceScenario, Field::FinanceScenario],
            "no overflow: one per distinct adjustment"
        );

        assert_eq!(check(&ProjectionSettings { envelope_bp: -1, ..valid.clone() }), vec![Field::FinanceEnvelope]);
        assert_eq!(check(&ProjectionSettings { envelope_bp: 10_001, ..valid.clone() }), vec![Field::FinanceEnvelope]);
        assert!(check(&ProjectionSettings { envelope_bp: 10_000, ..valid }).is_empty());
    }

    #[test]
    fn a_valid_profile_passes() {
        assert!(validate_profile(&workbook().profile).is_empty());
    }

    #[test]
    fn profile_needs_name_and_province() {
        let mut profile = workbook().profile;
        profile.region_name = "  ".into();
        profile.province.clear();
        assert_eq!(fields(&validate_profile(&profile)), vec![Field::RegionName, Field::Province]);
    }

    #[test]
    fn period_must_run_forward_within_bounds() {
        let mut profile = workbook().profile;
        profile.period_end = 2021;
        let problems = validate_profile(&profile);
        assert_eq!(problems, vec![Problem::new(Field::PeriodEnd, Text::PeriodEndBeforeStart)]);

        profile.period_end = 2022;
        assert!(validate_profile(&profile).is_empty(), "a one-year period is allowed");

        profile.period_end = 2022 + MAX_PERIOD_YEARS;
        assert_eq!(fields(&validate_profile(&profile)), vec![Field::PeriodEnd]);

        profile.period_start = 1999;
        profile.period_end = 2101;
        assert_eq!(fields(&validate_profile(&profile)), vec![Field::PeriodStart, Field::PeriodEnd]);
    }

    #[test]
    fn overlong_text_is_refused() {
        let mut profile = workbook().profile;
        profile.vision = "x".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(fields(&validate_profile(&profile)), vec![Field::Vision]);
    }

    #[test]
    fn agency_code_is_required_and_unique_ignoring_case_and_spaces() {
        let wb = workbook();
        let mut agency =
            Agency { id: new_id(), code: String::new(), name: String::new(), short_name: String::new(), position: 1 };
        assert_eq!(
            fields(&validate_change(&wb, &Change::PutAgency(agency.clone()))),
            vec![Field::AgencyCode, Field::AgencyName]
        );

        agency.code = " 2.16.01 ".into();
        agency.name = "Bappeda".into();
        let problems = validate_change(&wb, &Change::PutAgency(agency.clone()));
        assert_eq!(fields(&problems), vec![Field::AgencyCode]);
        assert_eq!(problems[0].message.text, Text::AgencyCodeTaken);

        // Editing the agency that owns the code is fine.
        let mut same = wb.agencies[0].clone();
        same.name = "Diskominfo Konsel".into();
        assert!(validate_change(&wb, &Change::PutAgency(same)).is_empty());
    }

    #[test]
    fn an_agency_in_use_cannot_be_removed_and_members_need_known_agencies() {
        let mut wb = workbook();
        let agency = wb.agencies[0].id;
        let member = Member {
            id: new_id(),
            body: Body::Team,
            name: "Ketua".into(),
            role: "Ketua".into(),
            agency_id: Some(agency),
            position: 0,
        };
        assert!(validate_change(&wb, &Change::PutMember(member.clone())).is_empty());
        wb.apply(&Change::PutMember(member.clone()));
        assert_eq!(fields(&validate_change(&wb, &Change::RemoveAgency(agency))), vec![Field::Row]);

        let stray = Member { agency_id: Some(new_id()), ..member };
        assert_eq!(fields(&validate_change(&wb, &Change::PutMember(stray))), vec![Field::MemberAgency]);
    }

    #[test]
    fn swapping_moves_the_second_agency_first_even_at_equal_positions() {
        let mut wb = workbook();
        let first = wb.agencies[0].clone();
        let second = Agency {
            id: new_id(),
            code: "5.01.01".into(),
            name: "Bappeda".into(),
            short_name: String::new(),
            position: first.position,
        };
        wb.apply(&Change::PutAgency(second.clone()));
        let order = |wb: &Workbook| wb.agencies.iter().map(|a| a.id).collect::<Vec<_>>();
        let (a, b) = (wb.agencies[0].clone(), wb.agencies[1].clone());
        for change in crate::model::swap_agencies(&a, &b) {
            wb.apply(&change);
        }
        assert_eq!(order(&wb), vec![b.id, a.id]);
        let (a, b) = (wb.agencies[0].clone(), wb.agencies[1].clone());
        for change in crate::model::swap_agencies(&a, &b) {
            wb.apply(&change);
        }
        assert_eq!(order(&wb), vec![b.id, a.id], "and back");
    }
}
