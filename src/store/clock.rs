//! Timestamps for rows and history: UTC, ISO 8601, second precision, without a date-time dependency.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now as `2026-11-27T23:50:54Z`.
pub fn now_iso() -> String {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    iso_from_unix(seconds)
}

/// This year (UTC), e.g. for the period of a new masterplan.
pub fn current_year() -> i32 {
    now_iso().get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026)
}

/// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian).
pub fn iso_from_unix(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::iso_from_unix;

    #[test]
    fn known_instants() {
        assert_eq!(iso_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_from_unix(1_621_468_800), "2021-05-20T00:00:00Z");
        assert_eq!(iso_from_unix(1_795_823_454), "2026-11-27T23:50:54Z");
    }
}
