use super::*;
use crate::i18n::TimeZone;
use crate::model::{
    Agency, Body, FinanceValue, Member, Profile, ProjectionSettings, RegionType, ValueKind, new_id, swap_agencies,
};

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
            time_zone: TimeZone::Wita,
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
        monev: Default::default(),
    }
}

fn fields(problems: &[Problem]) -> Vec<Field> {
    problems.iter().map(|p| p.field).collect()
}

fn finance(line: &str, year: i32, amount: i64) -> FinanceValue {
    FinanceValue { line: line.into(), year, kind: ValueKind::Budgeted, amount, is_estimate: false }
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
    assert_eq!(problems, vec![Problem::new(Field::FinanceLine, Message::with(Text::FinanceYearIsLegacy, ["2019"]))]);
    assert!(put(&wb, finance("old:4.1", 2019, 81_314_566_003)).is_empty());
    assert!(put(&wb, finance("4.1", 2021, 88)).is_empty(), "other years are free");
    wb.apply(&Change::PutFinanceValue(finance("4", 2022, 1)));
    let problems = validate_change(&wb, &Change::PutFinanceValue(finance("old:4", 2022, 1)));
    assert_eq!(problems[0].message, Message::with(Text::FinanceYearIsCurrent, ["2022"]));
    assert!(
        validate_change(&wb, &Change::RemoveFinanceValue { line: "4".into(), year: 2022, kind: ValueKind::Budgeted })
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
    let check =
        |s: &ProjectionSettings| fields(&validate_change(&workbook(), &Change::PutFinanceSettings(Some(s.clone()))));
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
    assert_eq!(check(&ProjectionSettings { pessimistic_bp: -10_001, ..valid.clone() }), vec![Field::FinanceScenario]);
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
    for change in swap_agencies(&a, &b) {
        wb.apply(&change);
    }
    assert_eq!(order(&wb), vec![b.id, a.id]);
    let (a, b) = (wb.agencies[0].clone(), wb.agencies[1].clone());
    for change in swap_agencies(&a, &b) {
        wb.apply(&change);
    }
    assert_eq!(order(&wb), vec![b.id, a.id], "and back");
}
