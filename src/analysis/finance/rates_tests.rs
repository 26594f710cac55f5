//! Tests of the growth rates: the CAGR and where each line's rate comes from.

use super::test_fixtures::{close, line, settings, value};
use super::*;
use crate::i18n::{Lang, Message, Text};

#[test]
fn cagr_by_hand_and_its_edge_cases() {
    // 10.000 -> 14.641 over four years: 1,1^4 = 1,4641, so 10 % a year.
    let c = cagr(&[(2018, 10_000), (2020, 99), (2022, 14_641)], 2018, 2022).unwrap();
    assert_eq!((c.from, c.to), (2018, 2022));
    assert!(close(c.rate, 0.10), "{}", c.rate);
    // Missing end years shorten the span to the years that are there: 2019 -> 2021, 12.100 / 10.000.
    let c = cagr(&[(2016, 1), (2019, 10_000), (2021, 12_100), (2025, 1)], 2018, 2022).unwrap();
    assert_eq!((c.from, c.to), (2019, 2021));
    assert!(close(c.rate, 0.10));
    // Falling to zero is -100 %.
    assert!(close(cagr(&[(2018, 500), (2020, 0)], 2018, 2022).unwrap().rate, -1.0));
    // Halving over one year.
    assert!(close(cagr(&[(2021, 800), (2022, 400)], 2018, 2022).unwrap().rate, -0.5));
    assert_eq!(cagr(&[(2022, 5)], 2018, 2022), Err(CagrError::OneYear { year: 2022 }));
    assert_eq!(cagr(&[(2022, 5)], 2022, 2022), Err(CagrError::OneYear { year: 2022 }));
    assert_eq!(cagr(&[(2010, 5)], 2018, 2022), Err(CagrError::NoValues));
    assert_eq!(cagr(&[(2018, 0), (2022, 5)], 2018, 2022), Err(CagrError::NonPositiveBase { year: 2018 }));
    assert_eq!(cagr(&[(2018, -7), (2022, 5)], 2018, 2022), Err(CagrError::NonPositiveBase { year: 2018 }));
    assert_eq!(cagr(&[(2018, 7), (2022, -5)], 2018, 2022), Err(CagrError::NegativeEnd { year: 2022 }));
    let message = CagrError::NonPositiveBase { year: 2018 }.message("4.1.1").show(Lang::En);
    assert!(message.contains("4.1.1") && message.contains("2018"), "{message}");
}

#[test]
fn rates_come_typed_from_groups_from_cagr_inherited_or_flat() {
    let values = [
        // PAD: taxes from 0 (no CAGR of their own), other PAD 1.000 -> 1.000; PAD 1.000 -> 1.500.
        value("4.1.1", 2021, 0),
        value("4.1.1", 2022, 500),
        value("4.1.4", 2021, 1000),
        value("4.1.4", 2022, 1000),
        value("4.2.1.2", 2021, 2000),
        value("4.2.1.2", 2022, 2200),
        value("5.1.1", 2022, 700),
    ];
    let h = history(&values, Basis::Preferred).unwrap();
    let rates = line_rates(&h, &settings(2021, 2022));
    let rate = |code: &str| rates[line(code)];
    assert!(close(rate("4.1").rate, 0.5));
    assert!(matches!(rate("4.1").source, RateSource::Cagr(_)));
    assert_eq!(rate("4.1.1").cagr, Err(CagrError::NonPositiveBase { year: 2021 }));
    assert!(matches!(rate("4.1.1").source, RateSource::Inherited(l, _) if l == line("4.1")));
    assert!(close(rate("4.1.1").rate, 0.5));
    assert!(close(rate("4.2.1.2").rate, 0.1));
    assert_eq!(rate("5.1.1").cagr, Err(CagrError::OneYear { year: 2022 }));
    assert_eq!(rate("5.1.1").source, RateSource::Flat, "nothing above it has a CAGR either");
    assert_eq!(rate("5.1.1").describe().text, Text::RateFlat);

    let mut typed = settings(2021, 2022);
    typed.rates.insert("4".into(), 300);
    typed.rates.insert("4.2.1.2".into(), -250);
    let rates = line_rates(&h, &typed);
    let rate = |code: &str| rates[line(code)];
    assert_eq!(rate("4.2.1.2").source, RateSource::Typed);
    assert!(close(rate("4.2.1.2").rate, -0.025));
    assert!(close(rate("4.2.1.2").cagr.unwrap().rate, 0.1), "its own CAGR is still shown");
    assert_eq!(rate("4.1.4").source, RateSource::Group(line("4")));
    assert!(close(rate("4.1.4").rate, 0.03));
    assert_eq!(rate("4.1.4").describe(), Message::with(Text::RateGroup, ["4"]));
}
