//! The look of the finance charts: their colours, text sizes and how amounts and shares are written.

use plotters::prelude::*;

use crate::i18n::{Lang, format_decimal, rupiah_short};

/// The history line.
pub(super) const HISTORY: RGBColor = RGBColor(52, 58, 64);
/// The base projection and, lightly, the band.
pub(super) const BASE: RGBColor = RGBColor(46, 94, 170);
pub(super) const PESSIMISTIC: RGBColor = RGBColor(200, 80, 50);
pub(super) const OPTIMISTIC: RGBColor = RGBColor(46, 140, 84);
/// The envelope line, dark so it stands out on any dimension colour.
pub(super) const ENVELOPE: RGBColor = RGBColor(33, 37, 41);
/// A cost total above its envelope.
pub(super) const OVER: RGBColor = RGBColor(192, 45, 35);
/// The swatch of "estimate" in the legend.
pub(super) const ESTIMATE_SWATCH: RGBColor = RGBColor(120, 126, 134);
/// The axis span when there is nothing to scale it by: Rp 1 M.
pub(super) const DEFAULT_SPAN: f64 = 1e9;

/// Text sizes.
pub(super) const TICK: f64 = 11.5;
pub(super) const CAPTION: f64 = 12.5;
pub(super) const LEGEND: f64 = 13.0;
pub(super) const VALUE: f64 = 11.5;

/// An amount on an axis or at a column, short: `Rp 0`, `Rp 500 M`, `Rp 1,5 T`, `Rp 25 jt` (in English
/// `Rp 500 bn`, `Rp 1,5 tn`, `Rp 25 mn`). Amounts beyond `i64` (sums of huge values) are written in triliun.
pub(in crate::charts) fn money_label(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let rounded = value.round();
    // i64::MAX as f64 rounds up to 2^63, which is out of range: stay below it.
    if rounded.abs() < 9.2e18 {
        return rupiah_short(rounded as i64, lang);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    let triliun = (rounded.abs() / 1e12).round();
    let digits = format!("{triliun:.0}");
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let unit = if lang == Lang::Id { "T" } else { "tn" };
    format!("{sign}Rp {grouped} {unit}")
}

/// Whether [`money_label`] writes `value` exactly: at most two decimals of its unit (juta, miliar, triliun).
pub(super) fn exact_in_short(value: f64) -> bool {
    let abs = value.abs();
    let unit = [1e12, 1e9, 1e6].into_iter().find(|&unit| abs >= unit).unwrap_or(1.0);
    let hundredths = abs / unit * 100.0;
    (hundredths - hundredths.round()).abs() < 1e-6 * hundredths.max(1.0)
}

/// A share as a percentage with one decimal comma: `40,7%`.
pub(super) fn percent(share: f64) -> String {
    format!("{}%", format_decimal(share * 100.0, 1))
}

/// `color` lightened towards white by `amount` (0 = unchanged, 1 = white), as a solid colour.
pub(super) fn lighten(color: RGBColor, amount: f64) -> RGBColor {
    let RGBColor(r, g, b) = color;
    let mix = |v: u8| (f64::from(v) + (255.0 - f64::from(v)) * amount).round() as u8;
    RGBColor(mix(r), mix(g), mix(b))
}
