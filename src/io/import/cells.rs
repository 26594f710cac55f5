//! The value of one cell: a year, an amount of whole rupiah, a text within the length limit, and how a cell
//! is quoted in a message.

use crate::i18n::{Message, Text, format_rupiah, parse_rupiah};
use crate::io::program_table::{Word, accepted_words};
use crate::io::table::Cell;
use crate::model::{MAX_AMOUNT, MAX_TEXT_CHARS};

/// A cell's text as quoted in a message: at most 60 characters, so a hostile cell cannot flood the report.
pub(crate) fn shown(text: &str) -> String {
    if text.chars().count() > 60 { text.chars().take(60).collect::<String>() + "…" } else { text.to_string() }
}

pub(crate) fn too_long(text: &str) -> Option<Message> {
    (text.chars().count() > MAX_TEXT_CHARS).then(|| Message::with(Text::TooLong, [MAX_TEXT_CHARS.to_string()]))
}

pub(crate) fn unknown_word<T>(cell: &Cell, words: &[Word<T>]) -> Message {
    Message::with(Text::ImportUnknownValue, [shown(&cell.text()), accepted_words(words)])
}

/// A year: a whole number in a spreadsheet cell, or four digits typed.
pub(crate) fn year(cell: &Cell) -> Result<i32, Message> {
    let year = match cell {
        Cell::Int(n) => i32::try_from(*n).ok(),
        Cell::Float(f) if f.fract() == 0.0 && f.abs() < 1e6 => Some(*f as i32),
        Cell::Text(text) => text.trim().parse::<i32>().ok(),
        _ => None,
    };
    year.ok_or_else(|| Message::new(Text::NotAYear))
}

/// An amount of whole rupiah: a numeric cell without a fraction, or text typed the Indonesian way. Negative
/// amounts and amounts above [`MAX_AMOUNT`] are refused.
pub(crate) fn amount(cell: &Cell) -> Result<i64, Message> {
    let value = match cell {
        Cell::Int(n) => *n,
        Cell::Float(f) if !f.is_finite() => return Err(Message::new(Text::MoneyNotANumber)),
        Cell::Float(f) if f.fract() != 0.0 => return Err(Message::new(Text::MoneyFraction)),
        // 2^63 is exactly representable; anything from there on does not fit.
        Cell::Float(f) if f.abs() >= 9_223_372_036_854_775_808.0 => return Err(Message::new(Text::MoneyTooLarge)),
        Cell::Float(f) => *f as i64,
        other => parse_rupiah(&other.text()).map_err(|e| Message::new(e.text()))?,
    };
    if value < 0 {
        Err(Message::new(Text::AmountNegative))
    } else if value > MAX_AMOUNT {
        Err(Message::with(Text::AmountTooLarge, [format_rupiah(MAX_AMOUNT)]))
    } else {
        Ok(value)
    }
}
