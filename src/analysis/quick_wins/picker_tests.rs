//! Tests of the picker's exact search: against brute force, by hand, and beyond the search depth.

use super::*;

/// A tiny deterministic generator (xorshift64*), so the property test needs no crate and repeats exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Every subset, the best (highest value, then cheapest) within the cap covering all required dimensions.
fn brute_force(items: &[Item], cap: i64, required: usize) -> Option<(u64, i64)> {
    let mut best: Option<(u64, i64)> = None;
    for subset in 0u32..(1 << items.len()) {
        let (mut value, mut cost, mut mask) = (0u64, 0i64, 0usize);
        for (i, item) in items.iter().enumerate() {
            if subset & (1 << i) != 0 {
                value += item.value;
                cost += item.cost;
                if let Some(d) = item.covers.filter(|d| *d < required) {
                    mask |= 1 << d;
                }
            }
        }
        if cost > cap || mask != (1 << required) - 1 {
            continue;
        }
        if best.is_none_or(|(v, c)| value > v || (value == v && cost < c)) {
            best = Some((value, cost));
        }
    }
    best
}

/// `found` is what brute force finds for `items` under `cap` with `required` dimensions: the same value and
/// cost, and the reported set is that set (its sums, covering every required dimension).
fn assert_matches_brute_force(case: usize, items: &[Item], cap: i64, required: usize, found: &Option<Choice>) {
    let expected = brute_force(items, cap, required);
    match (expected, found) {
        (None, None) => {}
        (Some((value, cost)), Some(choice)) => {
            assert_eq!((choice.value, choice.cost), (value, cost), "case {case}: {items:?} cap {cap}");
            let sum_value: u64 = choice.chosen.iter().map(|&i| items[i].value).sum();
            let sum_cost: i64 = choice.chosen.iter().map(|&i| items[i].cost).sum();
            assert_eq!((sum_value, sum_cost), (value, cost), "case {case}");
            for d in 0..required {
                assert!(choice.chosen.iter().any(|&i| items[i].covers == Some(d)), "case {case} covers {d}");
            }
        }
        _ => panic!("case {case}: brute force {expected:?}, picker {found:?}"),
    }
}

#[test]
fn matches_brute_force_on_small_random_cases() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..400 {
        let n = 1 + rng.below(12) as usize;
        let required = rng.below(4) as usize;
        // Costs in millions of rupiah, some free; values in milli-points of a 1-5 score.
        let items: Vec<Item> = (0..n)
            .map(|_| Item {
                cost: rng.below(40) as i64 * 25_000_000,
                value: 1000 + rng.below(4001),
                covers: if rng.below(3) == 0 { None } else { Some(rng.below(4) as usize) },
            })
            .collect();
        let total: i64 = items.iter().map(|i| i.cost).sum();
        let cap = rng.below(total as u64 / 25_000_000 + 2) as i64 * 25_000_000;
        assert_matches_brute_force(case, &items, cap, required, &best_set(&items, cap, required));
    }
}

#[test]
fn a_hand_checked_case_prefers_two_cheap_programs_over_one_expensive() {
    // A: Rp 700 jt, 4,5 points. B: 500 jt, 3,0. C: 400 jt, 2,8. D: 300 jt, 2,0.
    // Cap Rp 1 M: A + D (1 M) 6,5 beats B + C (900 jt) 5,8, B + D 5,0 and C + D 4,8.
    let m = 1_000_000;
    let items = [
        Item { cost: 700 * m, value: 4500, covers: None },
        Item { cost: 500 * m, value: 3000, covers: None },
        Item { cost: 400 * m, value: 2800, covers: None },
        Item { cost: 300 * m, value: 2000, covers: None },
    ];
    let choice = best_set(&items, 1000 * m, 0).unwrap();
    assert_eq!(choice.chosen, vec![0, 3]);
    assert_eq!((choice.value, choice.cost), (6500, 1000 * m));
    // Cap Rp 1,2 M: greedy by score takes A then B (1,2 M) for 7,5; B + C + D (1,2 M) gives 7,8.
    let choice = best_set(&items, 1200 * m, 0).unwrap();
    assert_eq!(choice.chosen, vec![1, 2, 3]);
    assert_eq!((choice.value, choice.cost, choice.unit), (7800, 1200 * m, 100 * m));
    // Requiring the dimension only C covers forces C in, and A + C (1,1 M) is over the cap of 1 M:
    // B + C (5,8) beats C + D (4,8).
    let mut covering = items;
    covering[2].covers = Some(0);
    let choice = best_set(&covering, 1000 * m, 1).unwrap();
    assert_eq!(choice.chosen, vec![1, 2]);
    // Nothing covers a second required dimension: no set.
    assert_eq!(best_set(&covering, 1000 * m, 2), None);
}

#[test]
fn equal_values_take_the_cheaper_set_and_odd_costs_are_exact() {
    let items = [Item { cost: 300, value: 10, covers: None }, Item { cost: 200, value: 10, covers: None }];
    assert_eq!(best_set(&items, 300, 0).unwrap().chosen, vec![1]);
    // Odd costs against a large cap: no common divisor, the branch and bound decides to the rupiah.
    let items: Vec<Item> =
        (0..50).map(|i| Item { cost: 1_000_003 + i * 7_919, value: 1000 + i as u64, covers: None }).collect();
    let cap = 10_000_000_019;
    let found = search(&items, cap, 0);
    let choice = found.choice.unwrap();
    // All 50 cost 59 M together: every one is taken.
    assert_eq!(choice.chosen, (0..50).collect::<Vec<_>>());
    assert!(found.exact && choice.exact);
    assert_eq!((found.unit, choice.unit), (1, 1));
}

/// The values of the repros: equal scores of 3,000 points.
fn equal(costs: &[(i64, Option<usize>)]) -> Vec<Item> {
    costs.iter().map(|&(cost, covers)| Item { cost, value: 3000, covers }).collect()
}

#[test]
fn six_programs_of_a_third_of_a_milliard_all_fit_under_two_milliard() {
    // 6 x 333.333.333 = 1.999.999.998 <= 2.000.000.000: all six, with or without the six dimensions.
    let items = equal(&(0..6).map(|d| (333_333_333, Some(d))).collect::<Vec<_>>());
    for required in [6, 0] {
        let found = search(&items, 2_000_000_000, required);
        let choice = found.choice.expect("all six fit");
        assert_eq!(choice.chosen, vec![0, 1, 2, 3, 4, 5], "required {required}");
        assert_eq!((choice.value, choice.cost), (18_000, 1_999_999_998));
        assert!(found.exact);
    }
}

#[test]
fn two_odd_costs_that_sum_to_the_cap_exactly_are_both_taken() {
    // 1.234.567.891 + 765.432.109 = 2.000.000.000.
    let items = equal(&[(1_234_567_891, None), (765_432_109, None)]);
    let choice = best_set(&items, 2_000_000_000, 0).unwrap();
    assert_eq!(choice.chosen, vec![0, 1]);
    assert_eq!((choice.value, choice.cost, choice.exact), (6000, 2_000_000_000, true));
}

#[test]
fn one_required_program_just_under_the_cap_is_taken() {
    // 1.999.990.001 <= 2.000.000.000 and it alone covers the required dimension.
    let items = equal(&[(1_999_990_001, Some(0))]);
    let choice = best_set(&items, 2_000_000_000, 1).expect("it fits");
    assert_eq!(choice.chosen, vec![0]);
    assert_eq!((choice.value, choice.cost), (3000, 1_999_990_001));
}

#[test]
fn odd_costs_match_brute_force_exactly() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for case in 0..400 {
        let n = 1 + rng.below(12) as usize;
        let required = rng.below(4) as usize;
        // Costs to the rupiah (no common divisor), some free; values often equal, to test the ties.
        let items: Vec<Item> = (0..n)
            .map(|_| Item {
                cost: if rng.below(8) == 0 { 0 } else { 1 + rng.below(2_000_000_000) as i64 },
                value: if rng.below(2) == 0 { 3000 } else { 1000 + rng.below(4001) },
                covers: if rng.below(3) == 0 { None } else { Some(rng.below(4) as usize) },
            })
            .collect();
        let total: i64 = items.iter().map(|i| i.cost).sum();
        let cap = rng.below(total as u64 + 2) as i64 + 1_000_000_007;
        let found = search(&items, cap, required);
        assert!(found.exact, "case {case}");
        assert_matches_brute_force(case, &items, cap, required, &found.choice);
    }
}

#[test]
fn beyond_the_search_the_answer_says_it_is_not_exact() {
    // More than MAX_SEARCH_DEPTH candidates fit together: the coarse table, topped up, and not exact.
    let mut items: Vec<Item> = (0..MAX_SEARCH_DEPTH as i64 + 100)
        .map(|i| Item { cost: 1_000_003 + i * 7, value: 1000 + (i % 7) as u64, covers: None })
        .collect();
    let cap = 1_000_000_000_019;
    let found = search(&items, cap, 0);
    let choice = found.choice.unwrap();
    assert!(!found.exact && !choice.exact && found.unit > 1);
    assert!(choice.cost <= cap);
    // Topped up: whatever is left out costs more than what is left.
    for (i, item) in items.iter().enumerate().filter(|(i, _)| !choice.chosen.contains(i)) {
        assert!(item.cost > cap - choice.cost, "{i} would still fit");
    }
    // No set found by the coarse table: "none" is not claimed as proven either.
    items.push(Item { cost: cap - 1, value: 1000, covers: Some(0) });
    let found = search(&items, cap, 1);
    assert!(!found.exact);
    assert!(found.choice.is_none_or(|c| c.cost <= cap && c.chosen.contains(&(items.len() - 1))));
}
