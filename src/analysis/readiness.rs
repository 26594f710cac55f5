//! Readiness results from a round's scores: weighted indices on the 1-5 scale per pillar, per dimension and
//! overall, the band each falls in, the dimension x pillar grid, progress, and the gap of each item to its
//! target level, weakest first.
//!
//! The index of a set of items is sum(level x weight) / sum(weight) over the items that are answered and
//! have a weight above zero: unanswered items do not pull the index down, and weights need not add up to 100.
//! A set with no such item has no index (shown as "–"), never a misleading 0.

use crate::model::{Band, Id, MAX_LEVEL, Pillar, ReadinessItem, Workbook};

/// A weighted index with how much of it is answered.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Index {
    pub value: Option<f64>,
    pub answered: usize,
    pub total: usize,
}

/// The gap of one answered item to its target level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    pub item: Id,
    pub level: u8,
    pub target: u8,
    pub gap: u8,
}

/// Everything the results screen, the charts and `info --json` show for one round.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoundResult {
    pub overall: Index,
    /// In [`Pillar::ALL`] order.
    pub by_pillar: Vec<(Pillar, Index)>,
    /// In the workbook's dimension order.
    pub by_dimension: Vec<(Id, Index)>,
    /// Items tied to no dimension.
    pub general: Index,
    /// Rows: the dimensions, then the general items; columns: the pillars.
    pub grid: Vec<Vec<Index>>,
    /// Answered items below their target, largest gap first (then heavier weight, then code).
    pub gaps: Vec<Gap>,
}

/// The weighted index of `items`, reading levels with `level_of`.
pub fn weighted_index<'a>(
    items: impl IntoIterator<Item = &'a ReadinessItem>,
    level_of: impl Fn(Id) -> Option<u8>,
) -> Index {
    let mut index = Index::default();
    let (mut sum, mut weights) = (0.0, 0.0);
    for item in items {
        index.total += 1;
        if let Some(level) = level_of(item.id) {
            index.answered += 1;
            if item.weight > 0.0 {
                sum += f64::from(level) * item.weight;
                weights += item.weight;
            }
        }
    }
    if weights > 0.0 {
        index.value = Some(sum / weights);
    }
    index
}

/// The band `value` falls in: the one with the highest lower bound at or below it.
pub fn band_of(bands: &[Band], value: f64) -> Option<&Band> {
    bands.iter().filter(|b| b.min <= value).max_by(|a, b| a.min.total_cmp(&b.min))
}

/// The results of `round` in `workbook`.
pub fn round_result(workbook: &Workbook, round: Id) -> RoundResult {
    let levels: std::collections::HashMap<Id, u8> = workbook.scores_of(round).map(|s| (s.item_id, s.level)).collect();
    let level_of = |id: Id| levels.get(&id).copied();
    let items = &workbook.readiness_items;
    let in_pillar = |p: Pillar| move |i: &&ReadinessItem| i.pillar == p;
    let by_pillar =
        Pillar::ALL.iter().map(|&p| (p, weighted_index(items.iter().filter(in_pillar(p)), level_of))).collect();
    let by_dimension: Vec<(Id, Index)> = workbook
        .dimensions
        .iter()
        .map(|d| (d.id, weighted_index(items.iter().filter(|i| i.dimension_id == Some(d.id)), level_of)))
        .collect();
    let general = weighted_index(items.iter().filter(|i| i.dimension_id.is_none()), level_of);
    let mut rows: Vec<Option<Id>> = workbook.dimensions.iter().map(|d| Some(d.id)).collect();
    rows.push(None);
    let grid = rows
        .iter()
        .map(|row| {
            Pillar::ALL
                .iter()
                .map(|&p| weighted_index(items.iter().filter(|i| i.dimension_id == *row && i.pillar == p), level_of))
                .collect()
        })
        .collect();
    let mut gaps: Vec<(Gap, f64, &str)> = items
        .iter()
        .filter_map(|i| {
            let level = level_of(i.id)?;
            let target = i.target_level.min(MAX_LEVEL);
            (target > level)
                .then(|| (Gap { item: i.id, level, target, gap: target - level }, i.weight, i.code.as_str()))
        })
        .collect();
    gaps.sort_by(|a, b| b.0.gap.cmp(&a.0.gap).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)));
    RoundResult {
        overall: weighted_index(items, level_of),
        by_pillar,
        by_dimension,
        general,
        grid,
        gaps: gaps.into_iter().map(|g| g.0).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, LevelText, Round, Score, new_id};
    use crate::seed::{dimensions, new_workbook, readiness_framework};

    fn item(code: &str, pillar: Pillar, dimension: Option<Id>, weight: f64, target: u8) -> ReadinessItem {
        ReadinessItem {
            id: new_id(),
            pillar,
            dimension_id: dimension,
            code: code.into(),
            question_id: format!("Pertanyaan {code}"),
            question_en: format!("Question {code}"),
            levels: std::array::from_fn(|_| LevelText::default()),
            weight,
            target_level: target,
            position: 0,
        }
    }

    /// A workbook with four items and one round scoring three of them.
    fn scored() -> (Workbook, Id) {
        let mut wb = new_workbook("Kabupaten Uji", 2022);
        wb.readiness_items.clear();
        let governance = wb.dimensions[0].id;
        let living = wb.dimensions[3].id;
        let items = [
            item("A", Pillar::Structure, Some(governance), 3.0, 4),
            item("B", Pillar::Infrastructure, Some(governance), 1.0, 4),
            item("C", Pillar::Superstructure, None, 2.0, 5),
            item("D", Pillar::Structure, Some(living), 4.0, 3),
        ];
        for (i, it) in items.iter().enumerate() {
            wb.apply(&Change::PutReadinessItem(ReadinessItem { position: i as i64, ..it.clone() }));
        }
        let round = Round { id: new_id(), name: "Baseline".into(), year: 2021, position: 0 };
        wb.apply(&Change::PutRound(round.clone()));
        for (code, level) in [("A", 2), ("B", 5), ("C", 1)] {
            let item = wb.readiness_items.iter().find(|i| i.code == code).unwrap().id;
            wb.apply(&Change::PutScore(Score {
                round_id: round.id,
                item_id: item,
                level,
                evidence: String::new(),
                note: String::new(),
                scored_by: "uji".into(),
                scored_at: "2021-11-30T00:00:00Z".into(),
            }));
        }
        (wb, round.id)
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn weighted_indices_match_hand_computation() {
        let (wb, round) = scored();
        let r = round_result(&wb, round);
        // Overall: (2x3 + 5x1 + 1x2) / (3 + 1 + 2) = 13 / 6; D is unanswered and does not count.
        assert!(close(r.overall.value, 13.0 / 6.0), "{:?}", r.overall);
        assert_eq!((r.overall.answered, r.overall.total), (3, 4));
        // Governance: (2x3 + 5x1) / 4 = 2.75.
        assert!(close(r.by_dimension[0].1.value, 2.75));
        // Living: its only item is unanswered: no index rather than 0.
        assert_eq!(r.by_dimension[3].1.value, None);
        assert_eq!((r.by_dimension[3].1.answered, r.by_dimension[3].1.total), (0, 1));
        // Structure: only A answered (D not): 2.0. Infrastructure: 5.0. Superstructure: 1.0.
        assert!(close(r.by_pillar[0].1.value, 2.0));
        assert!(close(r.by_pillar[1].1.value, 5.0));
        assert!(close(r.by_pillar[2].1.value, 1.0));
        assert!(close(r.general.value, 1.0));
        // The grid: governance x infrastructure is B alone; the general row's superstructure is C.
        assert!(close(r.grid[0][1].value, 5.0));
        assert!(close(r.grid[6][2].value, 1.0));
        assert_eq!(r.grid[1][0].value, None);
        // Gaps: C 5-1 = 4, A 4-2 = 2; B is above target and D unanswered.
        let codes: Vec<(&str, u8)> =
            r.gaps.iter().map(|g| (wb.readiness_item(g.item).unwrap().code.as_str(), g.gap)).collect();
        assert_eq!(codes, [("C", 4), ("A", 2)]);
    }

    #[test]
    fn edge_cases_single_item_all_fives_zero_weights_and_no_answers() {
        let governance_item = item("X", Pillar::Structure, None, 7.0, 4);
        let one = [governance_item.clone()];
        assert!(close(weighted_index(&one, |_| Some(3)).value, 3.0), "a single item is its own level");
        let mut many = vec![governance_item.clone(); 5];
        for (i, it) in many.iter_mut().enumerate() {
            it.id = new_id();
            it.weight = i as f64 + 1.0;
        }
        assert!(close(weighted_index(&many, |_| Some(5)).value, 5.0), "all items at 5 give 5 whatever the weights");
        let unweighted = weighted_index(&many, |_| Some(2));
        assert!(close(unweighted.value, 2.0));
        // Weights 1..5 sum to 15, not 100: levels 1..5 give (1+4+9+16+25)/15 = 55/15.
        let levels: std::collections::HashMap<Id, u8> =
            many.iter().enumerate().map(|(i, it)| (it.id, i as u8 + 1)).collect();
        assert!(close(weighted_index(&many, |id| levels.get(&id).copied()).value, 55.0 / 15.0));
        // Zero weights do not count: with nothing weighted there is no index.
        let zero = [ReadinessItem { weight: 0.0, ..governance_item.clone() }];
        assert_eq!(weighted_index(&zero, |_| Some(4)), Index { value: None, answered: 1, total: 1 });
        assert_eq!(weighted_index(&one, |_| None), Index { value: None, answered: 0, total: 1 });
        let none: [ReadinessItem; 0] = [];
        assert_eq!(weighted_index(&none, |_| Some(1)), Index::default());
    }

    #[test]
    fn band_boundaries_follow_the_spbe_bands() {
        let (_, bands) = readiness_framework(&dimensions().0);
        let name = |v: f64| band_of(&bands, v).map(|b| b.name_id.as_str());
        assert_eq!(name(1.0), Some("Kurang"));
        assert_eq!(name(1.79), Some("Kurang"));
        assert_eq!(name(1.8), Some("Cukup"));
        assert_eq!(name(2.59), Some("Cukup"));
        assert_eq!(name(2.6), Some("Baik"));
        assert_eq!(name(3.5), Some("Sangat Baik"));
        assert_eq!(name(4.19), Some("Sangat Baik"));
        assert_eq!(name(4.2), Some("Memuaskan"));
        assert_eq!(name(5.0), Some("Memuaskan"));
        assert_eq!(band_of(&[], 3.0), None);
    }
}
