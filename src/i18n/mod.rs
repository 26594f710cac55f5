//! Everything the user reads: the translation table, the language switch, and the Indonesian way of writing
//! money and numbers. UI code never holds a literal user-visible string; it asks for a [`Text`] key.

mod datetime;
mod money;
mod strings;

pub use datetime::{Day, TimeZone, format_date, format_timestamp, local_day, local_time};
pub use money::{MoneyError, format_rupiah, format_rupiah_short, parse_rupiah, rupiah_short};
pub use strings::Text;

use serde::{Deserialize, Serialize};

/// The interface language. Bahasa Indonesia is the default: our users are Indonesian planners.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The one of an (Indonesian, English) pair in this language.
    pub fn pick<T>(self, (id, en): (T, T)) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The ISO 639-1 code used on the command line and in settings.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.pair())
    }

    /// The text in `lang` with each `{}` replaced, in order, by one of `args`.
    pub fn fill(self, lang: Lang, args: &[&str]) -> String {
        fill(self.get(lang), args)
    }
}

/// A decimal number the Indonesian way, with a decimal comma: `2,34`. Used for indices and ratios.
pub fn format_decimal(value: f64, digits: usize) -> String {
    format!("{value:.digits$}").replace('.', ",")
}

/// A decimal number typed the Indonesian way (`3,5`) or with a point (`3.5`), with at most `digits` decimals,
/// as a whole number of 1/10^`digits`: `parse_scaled("3,71", 2) == Some(371)`. `None` for anything else
/// (a sign, letters, more decimals, two separators): a typo is refused, never rounded into a value.
pub fn parse_scaled(text: &str, digits: u32) -> Option<u64> {
    let text = text.trim();
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) || fraction.len() > digits as usize {
        return None;
    }
    let scale = 10u64.checked_pow(digits)?;
    let fraction_value = format!("{fraction:0<width$}", width = digits as usize);
    let fraction_value: u64 = if digits == 0 { 0 } else { fraction_value.parse().ok()? };
    whole.parse::<u64>().ok()?.checked_mul(scale)?.checked_add(fraction_value)
}

/// Replace each `{}` in `template` by the next argument, and each plural group `[one|many]` by `one` when the
/// argument before it is 1 and by `many` otherwise ("{} [row|rows] read": "1 row read", "3 rows read"); only
/// the English texts need groups. Extra placeholders stay visible, extra arguments are ignored: a translation
/// mistake must show, not crash.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut last: Option<&str> = None;
    let mut rest = template;
    loop {
        let placeholder = rest.find("{}");
        let group = plural_group(rest);
        match (placeholder, group) {
            (Some(at), group) if group.as_ref().is_none_or(|g| at < g.start) => {
                out.push_str(&rest[..at]);
                match args.next() {
                    Some(arg) => {
                        out.push_str(arg);
                        last = Some(arg);
                    }
                    None => out.push_str("{}"),
                }
                rest = &rest[at + 2..];
            }
            (_, Some(g)) => {
                out.push_str(&rest[..g.start]);
                out.push_str(if last == Some("1") { g.one } else { g.many });
                rest = &rest[g.end..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

/// A `[one|many]` plural group in a text: where it starts and ends, and its two forms.
struct PluralGroup<'a> {
    start: usize,
    end: usize,
    one: &'a str,
    many: &'a str,
}

/// The first plural group of `text`: brackets holding exactly one `|` (other brackets are text).
fn plural_group(text: &str) -> Option<PluralGroup<'_>> {
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| i + from) {
        let close = text[open..].find(']')? + open;
        let inner = &text[open + 1..close];
        if let Some((one, many)) = inner.split_once('|')
            && !many.contains('|')
            && !inner.contains('[')
        {
            return Some(PluralGroup { start: open, end: close + 1, one, many });
        }
        from = open + 1;
    }
    None
}

/// A message for the user that is translated when shown, so a language switch also changes messages already
/// on screen (errors, status lines, undo labels).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: Text,
    pub args: Vec<String>,
    /// Messages inside this one, also translated when shown: they fill the placeholders the `args` leave,
    /// and the rest follow the text one per line (every problem a refusal is about).
    pub details: Vec<Message>,
}

impl Message {
    pub fn new(text: Text) -> Self {
        Message { text, args: Vec::new(), details: Vec::new() }
    }

    pub fn with(text: Text, args: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Message { text, args: args.into_iter().map(Into::into).collect(), details: Vec::new() }
    }

    /// This message with `details` inside it (see [`Message::details`]).
    pub fn with_details(mut self, details: impl IntoIterator<Item = Message>) -> Self {
        self.details.extend(details);
        self
    }

    pub fn show(&self, lang: Lang) -> String {
        let shown: Vec<String> = self.details.iter().map(|d| d.show(lang)).collect();
        let free = self.text.get(lang).matches("{}").count().saturating_sub(self.args.len());
        let inline = free.min(shown.len());
        let args: Vec<&str> = self.args.iter().chain(&shown[..inline]).map(String::as_str).collect();
        let mut out = self.text.fill(lang, &args);
        for line in &shown[inline..] {
            out.push('\n');
            out.push_str(line);
        }
        out
    }
}

impl From<Text> for Message {
    fn from(text: Text) -> Self {
        Message::new(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        for key in Text::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty(), "{key:?} has no Indonesian text");
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert_eq!(id.matches("{}").count(), en.matches("{}").count(), "{key:?} placeholders differ");
        }
    }

    #[test]
    fn parse_scaled_reads_a_decimal_comma_or_point_and_refuses_typos() {
        assert_eq!(parse_scaled("3,71", 2), Some(371));
        assert_eq!(parse_scaled(" 3.5 ", 2), Some(350));
        assert_eq!(parse_scaled("4", 2), Some(400));
        assert_eq!(parse_scaled("0,05", 2), Some(5));
        for typo in ["", ",5", "3,714", "3,7,1", "-1", "3a", "3 ,5", "+2"] {
            assert_eq!(parse_scaled(typo, 2), None, "{typo:?}");
        }
    }

    #[test]
    fn fill_replaces_in_order_and_keeps_missing_placeholders_visible() {
        assert_eq!(fill("{} dari {}", &["3", "5"]), "3 dari 5");
        assert_eq!(fill("a {} b {}", &["x"]), "a x b {}");
        assert_eq!(fill("none", &["x"]), "none");
    }

    #[test]
    fn plural_groups_follow_the_argument_before_them() {
        let t = "{} [row|rows] read, {} [program is|programs are] ready";
        assert_eq!(fill(t, &["1", "2"]), "1 row read, 2 programs are ready");
        assert_eq!(fill(t, &["0", "1"]), "0 rows read, 1 program is ready");
        assert_eq!(fill(t, &["1.000", "11"]), "1.000 rows read, 11 programs are ready");
        assert_eq!(fill("Must be a list [ … ]", &[]), "Must be a list [ … ]", "other brackets are text");
        assert_eq!(Message::with(Text::SelectedCount, ["1"]).show(Lang::En), "1 program selected");
        assert_eq!(Message::with(Text::SelectedCount, ["1"]).show(Lang::Id), "1 program dipilih");
    }

    #[test]
    fn english_counts_are_written_with_plural_groups() {
        // "{} programs" would read "1 programs": a count is followed by a group, or by a word that is not a
        // plural noun.
        let verbs = ["is", "was", "has", "does", "this", "as", "appears", "matches", "holds", "figures"];
        for key in Text::ALL {
            let (id, en) = key.pair();
            assert!(!id.contains('|'), "{key:?}: plural groups are for English only");
            for (at, _) in en.match_indices("{} ") {
                let word: String = en[at + 3..].chars().take_while(|c| c.is_ascii_lowercase()).collect();
                assert!(!word.ends_with('s') || verbs.contains(&word.as_str()), "{key:?}: {en}");
            }
        }
    }

    #[test]
    fn details_fill_the_free_placeholders_then_follow_one_per_line() {
        let why = Message::new(Text::ContentBadId);
        let line = Message::with(Text::ContentProblemLine, ["journal", "rowid 3", "id"]).with_details([why]);
        assert_eq!(line.show(Lang::En), "table journal, row rowid 3, field id: not a valid id");
        assert_eq!(line.show(Lang::Id), "tabel journal, baris rowid 3, kolom id: bukan id yang sah");
        let refusal = Message::new(Text::ReadOnlyRequested).with_details([line.clone(), line]);
        assert_eq!(refusal.show(Lang::En).lines().count(), 3);
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(format_decimal(2.345, 2), "2,35");
        assert_eq!(format_decimal(13.0 / 6.0, 1), "2,2");
        assert_eq!(format_decimal(5.0, 2), "5,00");
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
