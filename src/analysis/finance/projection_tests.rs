//! Tests of the program costs, the projection and the envelope against the programs.

use super::test_fixtures::{close, line, settings, value, workbook};
use super::*;
use crate::i18n::{Message, Text};
use crate::model::{Change, FundingSource, Layout, ProgramStatus, Scenario};
use crate::seed::demo_workbook;

#[test]
fn program_costs_per_year_and_dimension_by_hand() {
    let wb = workbook();
    let costs = program_costs(&wb).unwrap();
    assert_eq!(costs.years, [2022, 2023, 2024, 2025]);
    let cost = |apbd, other| Cost { apbd, other };
    // The dropped program's 99.999 is not counted.
    assert_eq!(costs.total, [cost(10_000, 0), cost(50_000, 5_000), cost(0, 7_000), cost(0, 0)]);
    assert_eq!(costs.by_dimension.len(), 6);
    assert_eq!(costs.by_dimension[0].0, wb.dimensions[0].id);
    assert_eq!(costs.by_dimension[0].1, [cost(10_000, 0), cost(20_000, 5_000), cost(0, 0), cost(0, 0)]);
    assert_eq!(costs.by_dimension[1].1, [cost(0, 0), cost(30_000, 0), cost(0, 7_000), cost(0, 0)]);
    assert!(costs.by_dimension[2..].iter().all(|(_, row)| row.iter().all(|c| *c == Cost::default())));
    assert_eq!(costs.in_year(2023).total(), 55_000);
    assert_eq!(costs.in_year(2030), Cost::default());
}

#[test]
fn projection_envelope_and_gap_by_hand() {
    let wb = workbook();
    let a = analyse(&wb).unwrap();
    let p = &a.projection;
    assert_eq!(p.years, [2022, 2023, 2024, 2025]);
    assert_eq!(p.anchor, 2022);
    assert!(p.notes.is_empty());
    let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
    let row = |s: &ScenarioProjection, code: &str| s.lines[line(code)].clone();
    // Taxes +10 % a year from 1.100.000; DAU flat (2.000.000 both years).
    assert_eq!(row(base, "4.1.1"), [Some(1_100_000), Some(1_210_000), Some(1_331_000), Some(1_464_100)]);
    assert_eq!(row(base, "4"), [Some(3_100_000), Some(3_210_000), Some(3_331_000), Some(3_464_100)]);
    // Personnel +5 % from 1.050.000 (1.215.506,25 rounds down); capital +10 % from 2.200.000.
    assert_eq!(row(base, "5.1.1"), [Some(1_050_000), Some(1_102_500), Some(1_157_625), Some(1_215_506)]);
    assert_eq!(row(base, "5.2"), [Some(2_200_000), Some(2_420_000), Some(2_662_000), Some(2_928_200)]);
    assert_eq!(row(base, "5"), [Some(3_250_000), Some(3_522_500), Some(3_819_625), Some(4_143_706)]);
    assert_eq!(row(base, "6"), [None; 4]);
    // The envelope is 1 % of spending: 32.500; 35.225; 38.196,25; 41.437,06.
    let envelopes: Vec<Option<i64>> = base.gaps.iter().map(|g| g.envelope).collect();
    assert_eq!(envelopes, [Some(32_500), Some(35_225), Some(38_196), Some(41_437)]);
    // Gap = the programs' APBD cost less the envelope.
    let gaps: Vec<Option<i64>> = base.gaps.iter().map(|g| g.gap).collect();
    assert_eq!(gaps, [Some(-22_500), Some(14_775), Some(-38_196), Some(-41_437)]);
    assert!(close(base.gaps[1].gap_percent.unwrap(), 14_775.0 / 35_225.0 * 100.0));
    assert!(close(base.gaps[0].gap_percent.unwrap(), -69.230_769_230_769));
    assert_eq!(base.gaps[1].program, Cost { apbd: 50_000, other: 5_000 });
    assert_eq!(base.total.envelope, 147_358);
    assert_eq!(base.total.program_apbd, 60_000);
    assert_eq!(base.total.gap, -87_358);
    assert!(close(base.total.gap_percent.unwrap(), -59.282_835_000_475));
    assert_eq!(base.total.years, 4);

    // Pessimistic: every rate 5 points lower. Taxes +5 %, DAU -5 %; 2022 is history in every scenario.
    let low = p.scenario(Scenario::Pessimistic).unwrap().as_ref().unwrap();
    assert_eq!(row(low, "4.1.1"), [Some(1_100_000), Some(1_155_000), Some(1_212_750), Some(1_273_388)]);
    assert_eq!(row(low, "4.2.1.2"), [Some(2_000_000), Some(1_900_000), Some(1_805_000), Some(1_714_750)]);
    assert_eq!(row(low, "4")[1], Some(3_055_000));
    let high = p.scenario(Scenario::Optimistic).unwrap().as_ref().unwrap();
    assert_eq!(row(high, "4.1.1")[1], Some(1_265_000));
    assert!(low.clamped.is_empty() && base.clamped.is_empty());

    // The ratios of the history years read the same program costs: 10.000 / 3.250.000 in 2022.
    let r2022 = a.ratios.iter().find(|r| r.year == 2022).unwrap();
    assert!(close(r2022.smart_city_share.unwrap().percent, 0.307_692_307_692));
    assert_eq!(a.ratios.iter().find(|r| r.year == 2021).unwrap().smart_city_share, None);
}

#[test]
fn one_year_of_history_projects_flat_with_the_scenario_adjustments() {
    let mut wb = workbook();
    wb.finance.retain(|v| v.year == 2022);
    wb.finance_settings = Some(settings(2018, 2022));
    let p = analyse(&wb).unwrap().projection;
    assert_eq!(p.rates[line("4.1.1")].source, RateSource::Flat);
    assert_eq!(p.rates[line("4.1.1")].cagr, Err(CagrError::OneYear { year: 2022 }));
    let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
    assert_eq!(base.lines[line("4")], [Some(3_100_000); 4]);
    // Pessimistic -5 % a year from 3.250.000 spending: 3.087.500 in 2023.
    let low = p.scenario(Scenario::Pessimistic).unwrap().as_ref().unwrap();
    assert_eq!(low.gaps[1].spending, Some(3_087_500));
}

#[test]
fn missing_years_shorten_the_cagr_and_leave_gaps_unfilled() {
    let mut wb = workbook();
    wb.profile.period_start = 2020;
    // History 2018 and 2020 only (2019 missing); the last base year, 2021, has none.
    wb.finance = vec![value("5", 2018, 1_000_000), value("5", 2020, 1_210_000)];
    wb.finance_settings = Some(settings(2016, 2021));
    let a = analyse(&wb).unwrap();
    let p = &a.projection;
    let c = p.rates[line("5")].cagr.unwrap();
    assert_eq!((c.from, c.to), (2018, 2020));
    assert!(close(c.rate, 0.10));
    assert_eq!(p.notes, [Message::with(Text::FinanceNoBaseValues, ["2021"])]);
    let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
    let spending: Vec<Option<i64>> = base.gaps.iter().map(|g| g.spending).collect();
    assert_eq!(spending, [Some(1_210_000), None, None, None, None, None]);
    assert_eq!(base.gaps[1].gap, None);
    // Only 2020 counts towards the total: an envelope of 12.100 against nothing from the programs.
    assert_eq!((base.total.years, base.total.envelope, base.total.gap), (1, 12_100, -12_100));
    assert_eq!(a.history.growth(line("5"), 2020), None);
}

#[test]
fn a_rate_of_minus_100_percent_empties_the_line() {
    let mut wb = workbook();
    let mut s = settings(2021, 2022);
    s.rates.insert("4".into(), -10_000);
    wb.finance_settings = Some(s);
    let p = analyse(&wb).unwrap().projection;
    let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
    assert_eq!(base.lines[line("4")], [Some(3_100_000), Some(0), Some(0), Some(0)]);
    assert_eq!(base.lines[line("4.1.1")][3], Some(0));
    // Pessimistic: -100 % - 5 points is limited to -100 % and named.
    let low = p.scenario(Scenario::Pessimistic).unwrap().as_ref().unwrap();
    assert_eq!(low.lines[line("4")][1], Some(0));
    assert!(low.clamped.contains(&line("4")) && low.clamped.contains(&line("4.2.1.2")));
    assert!(!low.clamped.contains(&line("5")));

    // A CAGR of -50 % (capital 2.000.000 -> 1.000.000) with a -60 point adjustment is limited the same way.
    let mut wb = workbook();
    wb.apply(&Change::PutFinanceValue(value("5.2", 2022, 1_000_000)));
    let mut s = settings(2021, 2022);
    s.pessimistic_bp = -6000;
    wb.finance_settings = Some(s);
    let p = analyse(&wb).unwrap().projection;
    let low = p.scenario(Scenario::Pessimistic).unwrap().as_ref().unwrap();
    assert_eq!(low.lines[line("5.2")], [Some(1_000_000), Some(0), Some(0), Some(0)]);
    assert!(low.clamped.contains(&line("5.2")));
    let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
    assert_eq!(base.lines[line("5.2")], [Some(1_000_000), Some(500_000), Some(250_000), Some(125_000)]);
}

#[test]
fn the_demo_projection_has_every_year_and_scenario() {
    let demo = demo_workbook();
    let a = analyse(&demo).unwrap();
    assert_eq!(a.history.years.first().map(|y| y.year), Some(2016));
    assert_eq!(a.history.years.last().map(|y| y.year), Some(2026));
    for y in &a.history.years {
        let expected = if y.year < 2021 { Layout::Legacy } else { Layout::Current };
        assert_eq!(y.layout, expected, "{}", y.year);
        for code in ["4", "4.1", "4.2", "5", "5.1.1", "5.2", "6"] {
            assert!(y.amount(line(code)).is_some(), "{} {code}", y.year);
        }
    }
    assert_eq!(a.projection.years, (2022..=2031).collect::<Vec<_>>());
    let results: Vec<&ScenarioProjection> =
        a.projection.scenarios.iter().map(|s| s.as_ref().expect("no overflow")).collect();
    for s in &results {
        assert!(s.gaps.iter().all(|g| g.envelope.is_some()), "{:?}", s.scenario);
        assert_eq!(s.total.years, 10);
    }
    // The scenarios agree up to the last base year (2026) and spread after it.
    let spending = |s: &ScenarioProjection, year: i32| s.gaps.iter().find(|g| g.year == year).unwrap().spending;
    assert_eq!(spending(results[0], 2026), spending(results[2], 2026));
    assert!(spending(results[0], 2031) < spending(results[1], 2031));
    assert!(spending(results[1], 2031) < spending(results[2], 2031));
    // The program cost compared is the demo programs' APBD lines, year by year.
    for g in &results[1].gaps {
        let apbd: i64 = demo
            .programs
            .iter()
            .filter(|p| p.status != ProgramStatus::Dropped)
            .map(|p| p.amount(g.year, FundingSource::Apbd))
            .sum();
        assert_eq!(g.program.apbd, apbd, "{}", g.year);
    }
}
