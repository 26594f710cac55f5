//! Dates and times the local way: Indonesia's three time zones, and dates and timestamps written per language
//! ("7 Des 2026 14.05 WITA", "7 Dec 2026 14:05 WITA", "27 Oktober 2021", "27 October 2021"). The workbook keeps
//! UTC (`2026-12-07T06:05:00Z`); only what is shown is moved into the region's zone.

use serde::{Deserialize, Serialize};

use super::Lang;

/// The region's time zone: Indonesia keeps three, one hour apart, none with daylight saving time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeZone {
    /// Waktu Indonesia Barat, UTC+7: Sumatra, Java, West and Central Kalimantan.
    #[default]
    #[serde(rename = "WIB")]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi.
    #[serde(rename = "WITA")]
    Wita,
    /// Waktu Indonesia Timur, UTC+9: Maluku and Papua.
    #[serde(rename = "WIT")]
    Wit,
}

impl TimeZone {
    pub const ALL: [TimeZone; 3] = [TimeZone::Wib, TimeZone::Wita, TimeZone::Wit];

    /// The abbreviation, used in both languages and stored in the workbook.
    pub fn key(self) -> &'static str {
        match self {
            TimeZone::Wib => "WIB",
            TimeZone::Wita => "WITA",
            TimeZone::Wit => "WIT",
        }
    }

    pub fn from_key(key: &str) -> Option<TimeZone> {
        Self::ALL.into_iter().find(|z| z.key() == key.trim())
    }

    /// Hours ahead of UTC.
    pub fn offset_hours(self) -> i64 {
        match self {
            TimeZone::Wib => 7,
            TimeZone::Wita => 8,
            TimeZone::Wit => 9,
        }
    }
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT_ID: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const SHORT_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// `YYYY-MM-DD` (what follows, such as a time, is ignored); `None` for anything that is not a real day.
    pub fn parse(text: &str) -> Option<Day> {
        let text = text.trim();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        if text.len() < 10 || text.as_bytes()[4] != b'-' || text.as_bytes()[7] != b'-' {
            return None;
        }
        let day = Day { year: digits(0..4)? as i32, month: digits(5..7)?, day: digits(8..10)? };
        ((1..=12).contains(&day.month) && (1..=days_in_month(day.year, day.month)).contains(&day.day)).then_some(day)
    }

    /// As `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The day after.
    fn next(self) -> Day {
        if self.day < days_in_month(self.year, self.month) {
            Day { day: self.day + 1, ..self }
        } else if self.month < 12 {
            Day { month: self.month + 1, day: 1, ..self }
        } else {
            Day { year: self.year + 1, month: 1, day: 1 }
        }
    }

    /// Written out: "27 Oktober 2021", "27 October 2021".
    pub fn long(self, lang: Lang) -> String {
        let months = lang.pick((MONTHS_ID, MONTHS_EN));
        format!("{} {} {}", self.day, months[self.month as usize - 1], self.year)
    }

    /// Short, for tables: "7 Des 2026", "7 Dec 2026".
    pub fn short(self, lang: Lang) -> String {
        let months = lang.pick((SHORT_ID, SHORT_EN));
        format!("{} {} {}", self.day, months[self.month as usize - 1], self.year)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A moment of the workbook's clock (`2026-12-07T06:05:00Z`, fractions of a second allowed) as the day, hour
/// and minute in `zone`; `None` for text that is not such a moment.
pub fn local_time(iso: &str, zone: TimeZone) -> Option<(Day, u32, u32)> {
    let iso = iso.trim();
    let day = Day::parse(iso)?;
    let time = iso.get(10..)?;
    let time = time.strip_prefix('T').or_else(|| time.strip_prefix(' '))?;
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = time.get(range)?;
        part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let (hour, minute) = (number(0..2)?, number(3..5)?);
    if hour > 23 || minute > 59 || time.as_bytes().get(2) != Some(&b':') {
        return None;
    }
    let shifted = hour + zone.offset_hours() as u32;
    Some(if shifted >= 24 { (day.next(), shifted - 24, minute) } else { (day, shifted, minute) })
}

/// The local day of a moment, as `YYYY-MM-DD` (what the history's date filters compare).
pub fn local_day(iso: &str, zone: TimeZone) -> Option<String> {
    local_time(iso, zone).map(|(day, _, _)| day.iso())
}

/// A moment in `zone`, the way `lang` writes it: "7 Des 2026 14.05 WITA" (Indonesian writes the time with a
/// dot), "7 Dec 2026 14:05 WITA". Text that is not a moment is shown as it is.
pub fn format_timestamp(iso: &str, zone: TimeZone, lang: Lang) -> String {
    match local_time(iso, zone) {
        Some((day, hour, minute)) => {
            let separator = lang.pick(('.', ':'));
            format!("{} {hour:02}{separator}{minute:02} {}", day.short(lang), zone.key())
        }
        None => iso.to_string(),
    }
}

/// A date (`YYYY-MM-DD`) written out in `lang`: "27 Oktober 2021", "27 October 2021". Text that is not a date
/// is shown as it is.
pub fn format_date(text: &str, lang: Lang) -> String {
    Day::parse(text).map_or_else(|| text.to_string(), |day| day.long(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timestamp_is_shown_in_the_region_s_zone_the_local_way() {
        // 06:05 UTC is 13:05 in WIB (+7), 14:05 in WITA (+8), 15:05 in WIT (+9).
        let at = "2026-12-07T06:05:00Z";
        assert_eq!(format_timestamp(at, TimeZone::Wita, Lang::Id), "7 Des 2026 14.05 WITA");
        assert_eq!(format_timestamp(at, TimeZone::Wita, Lang::En), "7 Dec 2026 14:05 WITA");
        assert_eq!(format_timestamp(at, TimeZone::Wib, Lang::Id), "7 Des 2026 13.05 WIB");
        assert_eq!(format_timestamp(at, TimeZone::Wit, Lang::En), "7 Dec 2026 15:05 WIT");
        // Meeting times carry nanoseconds.
        assert_eq!(format_timestamp("2026-12-07T06:05:59.123456789Z", TimeZone::Wib, Lang::En), "7 Dec 2026 13:05 WIB");
    }

    #[test]
    fn late_utc_evenings_are_the_next_local_day_across_months_and_years() {
        // 17:30 UTC + 7 = 00:30 the next day; 31 December 20:00 UTC + 9 = 1 January 05:00.
        assert_eq!(format_timestamp("2026-01-31T17:30:00Z", TimeZone::Wib, Lang::Id), "1 Feb 2026 00.30 WIB");
        assert_eq!(format_timestamp("2026-12-31T20:00:00Z", TimeZone::Wit, Lang::En), "1 Jan 2027 05:00 WIT");
        // 2028 is a leap year, 2026 is not.
        assert_eq!(format_timestamp("2028-02-28T16:00:00Z", TimeZone::Wita, Lang::En), "29 Feb 2028 00:00 WITA");
        assert_eq!(format_timestamp("2026-02-28T16:00:00Z", TimeZone::Wita, Lang::En), "1 Mar 2026 00:00 WITA");
        assert_eq!(format_timestamp("2026-08-10T15:59:00Z", TimeZone::Wita, Lang::En), "10 Aug 2026 23:59 WITA");
        assert_eq!(local_day("2026-12-07T16:00:00Z", TimeZone::Wita).as_deref(), Some("2026-12-08"));
        assert_eq!(local_day("2026-12-07T15:59:00Z", TimeZone::Wita).as_deref(), Some("2026-12-07"));
    }

    #[test]
    fn dates_are_written_out_in_each_language() {
        assert_eq!(format_date("2021-10-27", Lang::Id), "27 Oktober 2021");
        assert_eq!(format_date("2021-10-27", Lang::En), "27 October 2021");
        assert_eq!(format_date("2026-05-01", Lang::Id), "1 Mei 2026");
        assert_eq!(format_date("2026-05-01", Lang::En), "1 May 2026");
    }

    #[test]
    fn what_is_not_a_date_or_a_moment_is_shown_as_typed() {
        for text in ["", "besok", "2021-13-01", "2021-02-30", "2021-1-5", "27/10/2021"] {
            assert_eq!(format_date(text, Lang::En), text);
        }
        assert_eq!(format_timestamp("2026-12-07", TimeZone::Wib, Lang::En), "2026-12-07");
        assert_eq!(format_timestamp("2026-12-07T25:00:00Z", TimeZone::Wib, Lang::En), "2026-12-07T25:00:00Z");
        assert_eq!(Day::parse("2024-02-29").map(Day::iso).as_deref(), Some("2024-02-29"));
        assert_eq!(Day::parse("2100-02-29"), None, "2100 is not a leap year");
    }

    #[test]
    fn zones_round_trip_through_their_keys() {
        for zone in TimeZone::ALL {
            assert_eq!(TimeZone::from_key(zone.key()), Some(zone));
        }
        assert_eq!(TimeZone::from_key("CET"), None);
        assert_eq!(serde_json::to_string(&TimeZone::Wita).unwrap(), "\"WITA\"");
    }
}
