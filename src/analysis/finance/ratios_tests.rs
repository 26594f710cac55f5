//! Tests of the ratios: decentralisation and its bands, the shares and fiscal capacity.

use super::test_fixtures::{close, estimate, line, value};
use super::*;
use crate::i18n::Lang;
use crate::model::{FinanceValue, Layout};
use crate::seed::demo_workbook;

#[test]
fn the_reported_2019_figures_give_5_37_percent() {
    let demo = demo_workbook();
    let analysis = analyse(&demo).unwrap();
    let year = analysis.history.year(2019).unwrap();
    assert_eq!(year.layout, Layout::Legacy);
    assert_eq!(year.amount(line("4")), Some(1_514_805_037_924));
    assert_eq!(year.amount(line("4.1")), Some(81_314_566_003));
    assert_eq!(year.amount(line("5")), Some(1_611_743_527_924));
    // Dana Perimbangan = revenue - PAD - other revenue.
    assert_eq!(year.amount(line("4.2.1")), Some(1_514_805_037_924 - 81_314_566_003 - 365_926_640_097));
    let ratios = analysis.ratios.iter().find(|r| r.year == 2019).unwrap();
    let ratio = ratios.decentralisation.unwrap();
    // 81.314.566.003 / 1.514.805.037.924 x 100 = 5,367988880895...
    assert!((ratio.percent - 5.367_988_880_895).abs() < 1e-9, "{}", ratio.percent);
    assert!(!ratio.estimate, "both figures are reported");
    assert_eq!(ratios.band, Some(DecentralisationBand::VeryLow));
    // 2018: 68.300.000.000 / 1.334.216.410.226 x 100 = 5,119109574...
    let r2018 = analysis.ratios.iter().find(|r| r.year == 2018).unwrap().decentralisation.unwrap();
    assert!((r2018.percent - 5.119_109_574_468).abs() < 1e-9, "{}", r2018.percent);
}

#[test]
fn decentralisation_bands_include_their_upper_bound() {
    let band = DecentralisationBand::of;
    assert_eq!(band(-3.0), DecentralisationBand::VeryLow);
    assert_eq!(band(0.0), DecentralisationBand::VeryLow);
    assert_eq!(band(10.0), DecentralisationBand::VeryLow);
    assert_eq!(band(10.01), DecentralisationBand::Low);
    assert_eq!(band(20.0), DecentralisationBand::Low);
    assert_eq!(band(25.0), DecentralisationBand::Moderate);
    assert_eq!(band(30.5), DecentralisationBand::Fair);
    assert_eq!(band(50.0), DecentralisationBand::Good);
    assert_eq!(band(50.01), DecentralisationBand::VeryGood);
    assert_eq!(band(120.0), DecentralisationBand::VeryGood);
    for b in DecentralisationBand::ALL {
        assert!(!b.text().get(Lang::Id).is_empty() && !b.key().is_empty());
    }
    assert_eq!(DecentralisationBand::VeryLow.text().get(Lang::Id), "Sangat kurang");
}

/// One year with every line the ratios read, in round numbers.
fn ratio_year(year: i32) -> Vec<FinanceValue> {
    vec![
        value("4", year, 1000),
        value("4.1", year, 150),
        value("4.2.1.3", year, 100),
        estimate("4.3.1", year, 10),
        value("6.1.1", year, 50),
        value("5", year, 1000),
        value("5.1.1", year, 300),
        value("5.1.3", year, 5),
        value("5.2", year, 150),
        value("5.4.2", year, 120),
        value("6.2.1", year, 15),
    ]
}

#[test]
fn shares_and_fiscal_capacity_by_hand() {
    let h = history(&ratio_year(2024), Basis::Preferred).unwrap();
    let r = &ratios(&h, 2022..=2031, |y| if y == 2024 { 25 } else { 0 }).unwrap()[0];
    let pct = |r: Option<Ratio>| r.map(|r| r.percent).unwrap();
    assert!(close(pct(r.decentralisation), 15.0));
    assert_eq!(r.band, Some(DecentralisationBand::Low));
    assert!(close(pct(r.personnel_share), 30.0));
    assert!(close(pct(r.capital_share), 15.0));
    // 1000 + 50 - (100 + 10) - 300 - 5 - 120 - 15 = 500; / 300 personnel.
    let fc = r.fiscal_capacity.unwrap();
    assert_eq!(fc.amount, 500);
    assert!(close(fc.ratio_to_personnel.unwrap(), 500.0 / 300.0));
    assert!(fc.estimate, "the grants are an estimate");
    assert_eq!(r.smart_city_apbd, Some(25));
    assert!(close(pct(r.smart_city_share), 2.5));

    // Outside the masterplan period there is no smart city share; without personnel no fiscal capacity.
    let mut values = ratio_year(2020);
    values.retain(|v| v.line != "5.1.1");
    let h = history(&values, Basis::Preferred).unwrap();
    let r = &ratios(&h, 2022..=2031, |_| 99).unwrap()[0];
    assert_eq!((r.smart_city_apbd, r.smart_city_share), (None, None));
    assert_eq!(r.fiscal_capacity, None);
    assert_eq!(r.personnel_share, None);
    // Without revenue, or with none, no ratio at all.
    let h = history(&[value("4", 2021, 0), value("4.1", 2021, 5)], Basis::Preferred).unwrap();
    let r = &ratios(&h, 2022..=2031, |_| 0).unwrap()[0];
    assert_eq!((r.decentralisation, r.band), (None, None));
}
