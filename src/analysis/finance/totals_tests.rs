//! Tests of the line totals and the history.

use super::test_fixtures::{close, estimate, line, realised, totals, value};
use super::*;
use crate::model::Layout;

#[test]
fn sums_of_children_unless_a_line_has_its_own_value() {
    let mut values = vec![
        value("4.1.1", 2023, 30),
        value("4.1.2", 2023, 10),
        value("4.2.1.2", 2023, 500),
        estimate("4.2.2", 2023, 100),
        value("4.3", 2023, 20),
        value("6.1.1", 2023, 50),
        value("6.2.1", 2023, 20),
    ];
    let t = totals(&values, 2023);
    assert_eq!(t.layout, Layout::Current);
    assert_eq!(t.amount(line("4.1")), Some(40));
    assert_eq!(t.amount(line("4.2.1")), Some(500));
    assert_eq!(t.amount(line("4.2")), Some(600));
    // 40 + 600 + 20
    assert_eq!(t.get(line("4")), Some(&LineTotal { amount: 660, estimate: true, unallocated: 0 }));
    assert!(!t.get(line("4.1")).unwrap().estimate);
    assert!(t.get(line("4.2")).unwrap().estimate, "Dana Desa is an estimate");
    // A sum line typed without its parts: all of it is not broken down.
    assert_eq!(t.get(line("4.3")), Some(&LineTotal { amount: 20, estimate: false, unallocated: 20 }));
    // Disbursements count against net financing: 50 - 20.
    assert_eq!(t.amount(line("6.2")), Some(20));
    assert_eq!(t.amount(line("6")), Some(30));
    assert_eq!(t.amount(line("5")), None, "no spending typed: no total, never 0");
    assert_eq!(t.amount(line("4.2.3")), None);

    // A typed total wins over its parts; what they do not explain is kept.
    values.push(value("4", 2023, 700));
    let t = totals(&values, 2023);
    assert_eq!(t.get(line("4")), Some(&LineTotal { amount: 700, estimate: false, unallocated: 40 }));
}

#[test]
fn realised_values_are_preferred_line_by_line() {
    let values =
        vec![value("4.1.1", 2022, 30), value("4.1.2", 2022, 10), value("4", 2022, 1000), realised("4.1.1", 2022, 35)];
    let t = |basis| year_totals(&values, 2022, basis).unwrap();
    assert_eq!(t(Basis::Budgeted).amount(line("4.1")), Some(40));
    assert_eq!(t(Basis::Preferred).amount(line("4.1")), Some(45), "realised 35 + budgeted 10");
    assert_eq!(t(Basis::Preferred).amount(line("4")), Some(1000), "the budgeted total stays");
    assert_eq!(t(Basis::Realised).amount(line("4.1")), Some(35));
    assert_eq!(t(Basis::Realised).amount(line("4")), Some(35));
    assert_eq!(history(&values, Basis::Realised).unwrap().years.len(), 1);
    assert!(history(&[value("4", 2022, 1)], Basis::Realised).unwrap().years.is_empty());
}

#[test]
fn the_old_layout_maps_onto_the_tree() {
    let values = vec![
        // Revenue: Dana Perimbangan 700 whose parts are 10 short; lain-lain 240 with Dana Desa and the
        // adjustment fund broken out, 50 left unexplained.
        value("old:4", 2018, 1000),
        value("old:4.1", 2018, 60),
        value("old:4.2", 2018, 700),
        value("old:4.2.1", 2018, 20),
        value("old:4.2.2", 2018, 500),
        value("old:4.2.3", 2018, 170),
        value("old:4.3", 2018, 240),
        estimate("old:4.3.6", 2018, 150),
        value("old:4.3.4", 2018, 40),
        // Spending: indirect 300 (personnel 200, financial aid 60, 40 not broken down); direct 250
        // (honoraria 20, goods 100, capital 100, 30 not broken down).
        value("old:5.1", 2018, 300),
        value("old:5.1.1", 2018, 200),
        value("old:5.1.7", 2018, 60),
        value("old:5.2", 2018, 250),
        value("old:5.2.1", 2018, 20),
        value("old:5.2.2", 2018, 100),
        value("old:5.2.3", 2018, 100),
        // Financing: SiLPA 80 less loan principal 30.
        value("old:6.1.1", 2018, 80),
        value("old:6.2.3", 2018, 30),
    ];
    let t = totals(&values, 2018);
    assert_eq!(t.layout, Layout::Legacy);
    let amount = |code: &str| t.amount(line(code));
    assert_eq!(t.get(line("4")), Some(&LineTotal { amount: 1000, estimate: false, unallocated: 0 }));
    assert_eq!(amount("4.1"), Some(60));
    assert_eq!(t.get(line("4.2.1")), Some(&LineTotal { amount: 700, estimate: false, unallocated: 10 }));
    assert_eq!(amount("4.2.1.1"), Some(20));
    assert_eq!(amount("4.2.1.2"), Some(500));
    assert_eq!(amount("4.2.1.3"), Some(170));
    assert_eq!(amount("4.2.2"), Some(150), "Dana Desa moves to transfers");
    assert_eq!(amount("4.2.3"), Some(40), "so does the adjustment fund");
    // 700 + 150 + 40
    assert_eq!(t.get(line("4.2")), Some(&LineTotal { amount: 890, estimate: true, unallocated: 0 }));
    // 240 - 150 - 40 stays in other revenue, not broken down: an estimate, as Dana Desa is.
    assert_eq!(t.get(line("4.3")), Some(&LineTotal { amount: 50, estimate: true, unallocated: 50 }));

    assert_eq!(amount("5.1.1"), Some(220), "personnel of both indirect and direct spending");
    assert_eq!(amount("5.1.2"), Some(100));
    assert_eq!(amount("5.2"), Some(100));
    assert_eq!(amount("5.4.2"), Some(60));
    assert_eq!(amount("5.1"), Some(320));
    // 320 + 100 + 60 + the 40 + 30 not broken down = 300 + 250.
    assert_eq!(t.get(line("5")), Some(&LineTotal { amount: 550, estimate: false, unallocated: 70 }));
    assert_eq!(amount("6.1.1"), Some(80));
    assert_eq!(amount("6.2.1"), Some(30));
    assert_eq!(amount("6"), Some(50));

    // Parts above their old total: the total stays as typed, the remainder is negative.
    let over = vec![value("old:4.3", 2019, 100), value("old:4.3.6", 2019, 150), value("old:4.1", 2019, 10)];
    let t = totals(&over, 2019);
    assert_eq!(t.amount(line("4.3")), Some(-50));
    assert_eq!(t.amount(line("4")), Some(110), "10 + 150 - 50 = 10 + 100");
}

#[test]
fn growth_needs_the_year_before() {
    let values = [value("4", 2020, 100), value("4", 2021, 110), value("4", 2023, 121), value("4.1", 2023, 0)];
    let h = history(&values, Basis::Preferred).unwrap();
    assert_eq!(h.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2020, 2021, 2023], "a gap stays a gap");
    assert!(close(h.growth(line("4"), 2021).unwrap(), 10.0));
    assert_eq!(h.growth(line("4"), 2023), None, "2022 is missing");
    assert_eq!(h.growth(line("4"), 2020), None);
    let zero = history(&[value("4.1", 2023, 0), value("4.1", 2024, 5)], Basis::Preferred).unwrap();
    assert_eq!(zero.growth(line("4.1"), 2024), None, "no growth from zero");
    let down = history(&[value("4.1", 2023, 200), value("4.1", 2024, 150)], Basis::Preferred).unwrap();
    assert!(close(down.growth(line("4.1"), 2024).unwrap(), -25.0));
}
