//! The rules of the readiness assessment: items, bands, rounds and scores.

use super::{FIRST_YEAR, Field, LAST_YEAR, MAX_WEIGHT, Problem, not_too_long, required};
use crate::i18n::{Message, Text};
use crate::model::{Band, MAX_LEVEL, MIN_LEVEL, ReadinessItem, Round, Score, Workbook};

pub fn validate_item(workbook: &Workbook, item: &ReadinessItem) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::ItemCode, &item.code);
    required(&mut problems, Field::ItemQuestion, &item.question_id);
    for text in [&item.code, &item.question_id, &item.question_en] {
        not_too_long(&mut problems, Field::ItemQuestion, text);
    }
    for level in &item.levels {
        not_too_long(&mut problems, Field::ItemLevels, &level.id);
        not_too_long(&mut problems, Field::ItemLevels, &level.en);
    }
    let code = item.code.trim();
    if !code.is_empty()
        && let Some(other) =
            workbook.readiness_items.iter().find(|i| i.id != item.id && i.code.trim().eq_ignore_ascii_case(code))
    {
        problems.push(Problem::new(Field::ItemCode, Message::with(Text::ItemCodeTaken, [other.question_id.clone()])));
    }
    if !item.weight.is_finite() || item.weight < 0.0 || item.weight > MAX_WEIGHT {
        problems.push(Problem::new(Field::ItemWeight, Message::with(Text::WeightOutOfRange, [MAX_WEIGHT.to_string()])));
    }
    if !(MIN_LEVEL..=MAX_LEVEL).contains(&item.target_level) {
        problems.push(Problem::new(Field::ItemTarget, Text::LevelOutOfRange));
    }
    if let Some(dimension) = item.dimension_id
        && workbook.dimension(dimension).is_none()
    {
        problems.push(Problem::new(Field::ItemDimension, Text::UnknownDimension));
    }
    problems
}

pub(super) fn validate_band(band: &Band) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::BandName, &band.name_id);
    not_too_long(&mut problems, Field::BandName, &band.name_id);
    not_too_long(&mut problems, Field::BandName, &band.name_en);
    if !band.min.is_finite() || !(0.0..=f64::from(MAX_LEVEL)).contains(&band.min) {
        problems.push(Problem::new(Field::BandMin, Text::BandMinOutOfRange));
    }
    problems
}

pub(super) fn validate_round(round: &Round) -> Vec<Problem> {
    let mut problems = Vec::new();
    required(&mut problems, Field::RoundName, &round.name);
    not_too_long(&mut problems, Field::RoundName, &round.name);
    if !(FIRST_YEAR..=LAST_YEAR).contains(&round.year) {
        let range = [FIRST_YEAR.to_string(), LAST_YEAR.to_string()];
        problems.push(Problem::new(Field::RoundYear, Message::with(Text::YearOutOfRange, range)));
    }
    problems
}

pub(super) fn validate_score(workbook: &Workbook, score: &Score) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !(MIN_LEVEL..=MAX_LEVEL).contains(&score.level) {
        problems.push(Problem::new(Field::ScoreLevel, Text::LevelOutOfRange));
    }
    if workbook.round(score.round_id).is_none() || workbook.readiness_item(score.item_id).is_none() {
        problems.push(Problem::new(Field::Row, Text::UnknownItemOrRound));
    }
    for text in [&score.evidence, &score.note, &score.scored_by] {
        not_too_long(&mut problems, Field::ScoreText, text);
    }
    problems
}
