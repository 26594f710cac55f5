//! Tests of the money limits: shares, and refusing numbers beyond the limit with a message.

use super::test_fixtures::{line, settings, value, workbook};
use super::*;
use crate::i18n::{Lang, Text};
use crate::model::Scenario;

#[test]
fn overflow_sized_numbers_are_refused_with_a_message() {
    // Rp 100 triliun doubling every year for ten years stays below the limit (1,024 x 10^17); tripling
    // does not: the optimistic scenario is refused alone.
    let mut wb = workbook();
    wb.profile.period_end = 2032;
    wb.finance = vec![value("4.1.1", 2021, 100_000_000_000_000), value("4.1.1", 2022, 100_000_000_000_000)];
    let mut s = settings(2021, 2022);
    s.rates.insert("4.1.1".into(), 10_000);
    s.optimistic_bp = 10_000;
    s.pessimistic_bp = 0;
    wb.finance_settings = Some(s);
    let p = analyse(&wb).unwrap().projection;
    let base = p.scenario(Scenario::Base).unwrap().as_ref().unwrap();
    assert_eq!(base.lines[line("4")][10], Some(102_400_000_000_000_000));
    let refused = p.scenario(Scenario::Optimistic).unwrap().as_ref().unwrap_err();
    // 3^8 x 10^14 = 6,561 x 10^17 < 10^18 < 3^9 x 10^14: the first year past the limit is 2022 + 9.
    assert_eq!(refused, &FinanceError::Overflow { what: Overflowing::Line("4.1.1".into()), year: 2031 });
    let message = refused.message().show(Lang::En);
    assert!(message.contains("4.1.1") && message.contains("2031") && message.contains("too large"), "{message}");

    // A file holding amounts no edit could type is refused, not wrapped.
    let crafted = [value("4.1.1", 2020, i64::MAX), value("4.1.2", 2020, i64::MAX)];
    assert!(matches!(year_totals(&crafted, 2020, Basis::Budgeted), Err(FinanceError::Overflow { year: 2020, .. })));
    let mut wb = workbook();
    wb.finance.push(value("4.1.2", 2030, i64::MAX));
    assert_eq!(analyse(&wb), Err(FinanceError::Overflow { what: Overflowing::Line("4.1.2".into()), year: 2030 }));
    let message = FinanceError::Overflow { what: Overflowing::ProgramCost, year: 2024 }.message();
    assert_eq!(message.text, Text::FinanceOverflowProgramCost);
    assert!(message.show(Lang::Id).contains("Rp 1.000.000.000.000.000.000"));
}

#[test]
fn shares_round_half_away_from_zero() {
    assert_eq!(share_of(3_819_625, 100), 38_196);
    assert_eq!(share_of(150, 3333), 50);
    assert_eq!(share_of(-150, 3333), -50);
    assert_eq!(share_of(250, 100), 3, "2,5 rounds up");
    assert_eq!(share_of(1_000, 0), 0);
    assert_eq!(share_of(i64::MAX, 10_000), i64::MAX);
}
