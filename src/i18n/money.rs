//! Rupiah the Indonesian way: `Rp 1.250.000` in full, `Rp 1,25 M` in short, and typed input such as
//! `1.250.000`, `Rp 1.250.000,00`, `1,25 M`, `500 jt` or `1,4 triliun`. Money is whole rupiah in `i64`;
//! anything that would need a fraction of a rupiah or exceed the range is refused, never rounded away.

use super::{Lang, Text};

/// Why typed money was refused. Each maps onto a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    /// A fraction of a rupiah, e.g. `1.250.000,50`.
    Fraction,
    TooLarge,
}

impl MoneyError {
    pub fn text(self) -> Text {
        match self {
            MoneyError::Empty => Text::MoneyEmpty,
            MoneyError::NotANumber => Text::MoneyNotANumber,
            MoneyError::Fraction => Text::MoneyFraction,
            MoneyError::TooLarge => Text::MoneyTooLarge,
        }
    }
}

const JUTA: i128 = 1_000_000;
const MILIAR: i128 = 1_000_000_000;
const TRILIUN: i128 = 1_000_000_000_000;

/// Group digits by thousands with dots: 1250000 -> "1.250.000".
fn group_thousands(mut value: u128) -> String {
    let mut groups = Vec::new();
    loop {
        let group = value % 1000;
        value /= 1000;
        if value == 0 {
            groups.push(group.to_string());
            break;
        }
        groups.push(format!("{group:03}"));
    }
    groups.reverse();
    groups.join(".")
}

/// `Rp 1.250.000`; negative amounts as `-Rp 1.250.000`.
pub fn format_rupiah(amount: i64) -> String {
    let sign = if amount < 0 { "-" } else { "" };
    format!("{sign}Rp {}", group_thousands(i128::from(amount).unsigned_abs()))
}

/// Short form for tables and charts in Indonesian: `Rp 950.000`, `Rp 12,5 jt`, `Rp 1,25 M`, `Rp 1,33 T`, with
/// at most two decimals (rounded half away from zero) and no trailing zeros. See [`rupiah_short`] for English.
pub fn format_rupiah_short(amount: i64) -> String {
    rupiah_short(amount, Lang::Id)
}

/// The unit words of the short form: juta, miliar, triliun. English readers take `M` for million, so English
/// writes `mn`, `bn` and `tn` (million, billion, trillion); the number keeps the Indonesian way.
fn unit_words(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Id => ["jt", "M", "T"],
        Lang::En => ["mn", "bn", "tn"],
    }
}

/// The short form in `lang`: `Rp 1,25 M` in Indonesian, `Rp 1,25 bn` in English (see [`format_rupiah_short`]).
pub fn rupiah_short(amount: i64, lang: Lang) -> String {
    let sign = if amount < 0 { "-" } else { "" };
    let abs = i128::from(amount).abs();
    let [juta, miliar, triliun] = unit_words(lang);
    let (unit, suffix) = if abs >= TRILIUN {
        (TRILIUN, triliun)
    } else if abs >= MILIAR {
        (MILIAR, miliar)
    } else if abs >= JUTA {
        (JUTA, juta)
    } else {
        return format_rupiah(amount);
    };
    let hundredths = (abs * 100 + unit / 2) / unit;
    let whole = hundredths / 100;
    let frac = hundredths % 100;
    let number = match frac {
        0 => group_thousands(whole as u128),
        f if f % 10 == 0 => format!("{},{}", group_thousands(whole as u128), f / 10),
        f => format!("{},{f:02}", group_thousands(whole as u128)),
    };
    format!("{sign}Rp {number} {suffix}")
}

/// The multiplier a typed unit word stands for.
fn unit_factor(unit: &str) -> Option<i128> {
    match unit {
        "" => Some(1),
        "rb" | "ribu" => Some(1_000),
        // The English short form's words are read too, so what the English app shows can be typed back.
        "jt" | "juta" | "mn" | "million" => Some(JUTA),
        "m" | "miliar" | "milyar" | "bn" | "billion" => Some(MILIAR),
        "t" | "triliun" | "tn" | "trillion" => Some(TRILIUN),
        _ => None,
    }
}

/// Parse money typed the Indonesian way. Dots group thousands, a comma starts decimals, an optional unit
/// (`rb`, `jt`/`juta`, `M`/`miliar`, `T`/`triliun`) multiplies. `Rp` and spaces are ignored.
pub fn parse_rupiah(input: &str) -> Result<i64, MoneyError> {
    let cleaned: String =
        input.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect::<String>().to_lowercase();
    if cleaned.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (negative, rest) = match cleaned.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let rest = rest.strip_prefix("rp").unwrap_or(rest);
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let (negative, rest) = match rest.strip_prefix(['-', '\u{2212}']) {
        Some(after) if !negative => (true, after),
        _ => (negative, rest),
    };
    let number_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(rest.len());
    let (number, unit) = rest.split_at(number_end);
    let factor = unit_factor(unit).ok_or(MoneyError::NotANumber)?;
    if number.is_empty() {
        return Err(MoneyError::NotANumber);
    }

    let (whole, fraction) = match number.split_once(',') {
        Some((whole, fraction)) => (whole, fraction),
        None => (number, ""),
    };
    if fraction.contains([',', '.']) || (number.contains(',') && fraction.is_empty()) {
        return Err(MoneyError::NotANumber);
    }
    let whole_digits = ungroup(whole)?;

    let mut value: i128 = 0;
    for digit in whole_digits.bytes().chain(fraction.bytes()) {
        value =
            value.checked_mul(10).and_then(|v| v.checked_add(i128::from(digit - b'0'))).ok_or(MoneyError::TooLarge)?;
        if value > i128::from(i64::MAX) * 1_000_000 {
            return Err(MoneyError::TooLarge);
        }
    }
    let scale = 10i128.checked_pow(fraction.len() as u32).ok_or(MoneyError::Fraction)?;
    let scaled = value.checked_mul(factor).ok_or(MoneyError::TooLarge)?;
    if scaled % scale != 0 {
        return Err(MoneyError::Fraction);
    }
    let rupiah = scaled / scale;
    let rupiah = if negative { -rupiah } else { rupiah };
    i64::try_from(rupiah).map_err(|_| MoneyError::TooLarge)
}

/// Digits of the whole part: either plain digits, or groups of three after the first, separated by dots.
fn ungroup(whole: &str) -> Result<String, MoneyError> {
    if whole.is_empty() {
        return Err(MoneyError::NotANumber);
    }
    let mut groups = whole.split('.');
    let first = groups.next().unwrap_or_default();
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MoneyError::NotANumber);
    }
    let mut digits = first.to_string();
    let mut grouped = false;
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MoneyError::NotANumber);
        }
        grouped = true;
        digits.push_str(group);
    }
    if grouped && first.len() > 3 {
        return Err(MoneyError::NotANumber);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_full_amounts_with_dots() {
        assert_eq!(format_rupiah(0), "Rp 0");
        assert_eq!(format_rupiah(999), "Rp 999");
        assert_eq!(format_rupiah(1_000), "Rp 1.000");
        assert_eq!(format_rupiah(1_250_000), "Rp 1.250.000");
        assert_eq!(format_rupiah(1_514_805_037_924), "Rp 1.514.805.037.924");
        assert_eq!(format_rupiah(-5_000), "-Rp 5.000");
        assert_eq!(format_rupiah(i64::MIN), "-Rp 9.223.372.036.854.775.808");
    }

    #[test]
    fn formats_short_amounts_in_indonesian_units() {
        assert_eq!(format_rupiah_short(950_000), "Rp 950.000");
        assert_eq!(format_rupiah_short(12_500_000), "Rp 12,5 jt");
        assert_eq!(format_rupiah_short(1_250_000_000), "Rp 1,25 M");
        assert_eq!(format_rupiah_short(1_000_000_000), "Rp 1 M");
        assert_eq!(format_rupiah_short(68_300_000_000), "Rp 68,3 M");
        assert_eq!(format_rupiah_short(81_314_566_003), "Rp 81,31 M");
        assert_eq!(format_rupiah_short(1_334_216_410_226), "Rp 1,33 T");
        assert_eq!(format_rupiah_short(1_995_000_000), "Rp 2 M");
        assert_eq!(format_rupiah_short(-27_000_000_000), "-Rp 27 M");
        assert_eq!(format_rupiah_short(i64::MAX), "Rp 9.223.372,04 T");
    }

    #[test]
    fn english_short_amounts_say_million_billion_trillion() {
        assert_eq!(rupiah_short(20_000_000_000, Lang::En), "Rp 20 bn");
        assert_eq!(rupiah_short(1_250_000_000, Lang::En), "Rp 1,25 bn");
        assert_eq!(rupiah_short(12_500_000, Lang::En), "Rp 12,5 mn");
        assert_eq!(rupiah_short(1_334_216_410_226, Lang::En), "Rp 1,33 tn");
        assert_eq!(rupiah_short(-27_000_000_000, Lang::En), "-Rp 27 bn");
        assert_eq!(rupiah_short(950_000, Lang::En), "Rp 950.000");
        assert_eq!(rupiah_short(20_000_000_000, Lang::Id), "Rp 20 M", "Indonesian keeps M");
        for amount in [12_500_000, 1_250_000_000, 1_330_000_000_000] {
            assert_eq!(parse_rupiah(&rupiah_short(amount, Lang::En)), Ok(amount), "typed back");
        }
    }

    #[test]
    fn parses_what_planners_type() {
        assert_eq!(parse_rupiah("1.250.000"), Ok(1_250_000));
        assert_eq!(parse_rupiah("Rp 1.250.000"), Ok(1_250_000));
        assert_eq!(parse_rupiah("Rp. 1.250.000,00"), Ok(1_250_000));
        assert_eq!(parse_rupiah("1250000"), Ok(1_250_000));
        assert_eq!(parse_rupiah(" 1 250 000 "), Ok(1_250_000));
        assert_eq!(parse_rupiah("1,25 M"), Ok(1_250_000_000));
        assert_eq!(parse_rupiah("1,25M"), Ok(1_250_000_000));
        assert_eq!(parse_rupiah("500 jt"), Ok(500_000_000));
        assert_eq!(parse_rupiah("12,5 juta"), Ok(12_500_000));
        assert_eq!(parse_rupiah("1,4 triliun"), Ok(1_400_000_000_000));
        assert_eq!(parse_rupiah("96,31 miliar"), Ok(96_310_000_000));
        assert_eq!(parse_rupiah("750 rb"), Ok(750_000));
        assert_eq!(parse_rupiah("1.514.805.037.924"), Ok(1_514_805_037_924));
        assert_eq!(parse_rupiah("-27 M"), Ok(-27_000_000_000));
        assert_eq!(parse_rupiah("Rp -5.000"), Ok(-5_000));
        assert_eq!(parse_rupiah("0"), Ok(0));
    }

    #[test]
    fn refuses_what_it_cannot_read_exactly() {
        assert_eq!(parse_rupiah(""), Err(MoneyError::Empty));
        assert_eq!(parse_rupiah("   "), Err(MoneyError::Empty));
        assert_eq!(parse_rupiah("abc"), Err(MoneyError::NotANumber));
        assert_eq!(parse_rupiah("12a"), Err(MoneyError::NotANumber));
        assert_eq!(parse_rupiah("1.25"), Err(MoneyError::NotANumber));
        assert_eq!(parse_rupiah("1,250,000"), Err(MoneyError::NotANumber));
        assert_eq!(parse_rupiah("1250.000"), Err(MoneyError::NotANumber));
        assert_eq!(parse_rupiah("1,"), Err(MoneyError::NotANumber));
        assert_eq!(parse_rupiah("5 dolar"), Err(MoneyError::NotANumber));
        assert_eq!(parse_rupiah("1.250.000,50"), Err(MoneyError::Fraction));
        assert_eq!(parse_rupiah("0,5"), Err(MoneyError::Fraction));
        assert_eq!(parse_rupiah("1,2345678901 M"), Err(MoneyError::Fraction));
        assert_eq!(parse_rupiah("9.223.372.036.854.775.808"), Err(MoneyError::TooLarge));
        assert_eq!(parse_rupiah("99999999999999999999999999999999999999999"), Err(MoneyError::TooLarge));
        assert_eq!(parse_rupiah("10.000.000 T"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn formatting_then_parsing_gives_the_same_amount() {
        for amount in [0, 7, 1_000, 1_250_000, 81_314_566_003, 1_466_185_093_205, -42_000, i64::MAX] {
            assert_eq!(parse_rupiah(&format_rupiah(amount)), Ok(amount));
        }
    }
}
