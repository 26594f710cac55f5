//! Indicator achievement: the actual value reported against the masterplan's target for the year. Both are
//! free text ("85 %", "1.200 pelaku UMKM", "12 kecamatan"), so a number is read from the start of each.

use super::Indicator;
use crate::model::{Program, Realisation};

/// The number a text starts with (after spaces), read the Indonesian way: a comma is the decimal mark and
/// dots group thousands ("1.200,5" is 1200.5). Without a comma, dots followed by groups of exactly three
/// digits group thousands ("1.200" is 1200) and a single other dot is a decimal point ("2.5" is 2.5).
/// `None` when the text does not start with a digit.
pub fn leading_number(text: &str) -> Option<f64> {
    let text = text.trim_start();
    let run: String = text.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
    let run = run.trim_end_matches(['.', ',']);
    if !run.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let normal = if run.contains(',') {
        run.replace('.', "").replacen(',', ".", 1).replace(',', "")
    } else {
        let groups: Vec<&str> = run.split('.').collect();
        let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
        if thousands || groups.len() > 2 { run.replace('.', "") } else { run.to_string() }
    };
    normal.parse().ok()
}

/// The indicator row of `program` in `year`: `None` when it has neither a target nor an actual value.
pub(super) fn indicator(
    program: &Program,
    realisation: Option<&Realisation>,
    year: i32,
    due: bool,
) -> Option<Indicator> {
    let target = program.targets.iter().find(|t| t.year == year).map(|t| t.target.trim()).unwrap_or("");
    let actual = realisation.map_or("", |r| r.actual.trim());
    if target.is_empty() && actual.is_empty() {
        return None;
    }
    let achievement = leading_number(actual).zip(leading_number(target)).filter(|(_, t)| *t != 0.0).map(|(a, t)| a / t);
    Some(Indicator { program: program.id, target: target.to_string(), actual: actual.to_string(), achievement, due })
}
