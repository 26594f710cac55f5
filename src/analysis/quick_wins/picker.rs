//! The exact core of the quick-win picker: the set of candidates with the highest total value whose cost stays
//! within a cap, taking at least one candidate of each required dimension. A 0/1 knapsack solved by dynamic
//! programming over the budget in whole units, with the covered required dimensions as a bit mask.
//!
//! The unit is the greatest common divisor of the cap and all costs, so for budgets typed in round amounts
//! (the usual case: millions of rupiah) the answer is exact to the rupiah. Only when that would need more
//! than [`MAX_CELLS`] budget steps is the unit made coarser, costs then rounded up: the set still never
//! exceeds the cap. Among sets of equal value the cheaper one wins.

/// One candidate: its cost in rupiah (>= 0), its value (>= 0) and the required dimension it covers, if any
/// (an index below the `required` count given to [`best_set`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub cost: i64,
    pub value: u64,
    pub covers: Option<usize>,
}

/// The chosen set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// Indices into the items, ascending.
    pub chosen: Vec<usize>,
    pub value: u64,
    pub cost: i64,
    /// The budget step the table used, in rupiah: exact when every cost is a multiple of it.
    pub unit: i64,
}

/// The most cells (budget steps times dimension masks) of the table; with the bits kept per candidate for
/// finding the set back, memory stays below about 10 MB for 300 candidates.
pub const MAX_CELLS: usize = 1 << 17;
/// The most bits kept for finding the set back (two per candidate and cell): many candidates get a coarser
/// budget step rather than more memory.
const MAX_TRACE_BITS: usize = 1 << 27;
/// The most required dimensions: six dimensions in the national framework, masks stay small.
pub const MAX_REQUIRED: usize = 8;

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Fixed-size bit set for the trace.
struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }
    fn set(&mut self, at: usize, on: bool) {
        if on {
            self.0[at / 64] |= 1 << (at % 64);
        } else {
            self.0[at / 64] &= !(1 << (at % 64));
        }
    }
    fn get(&self, at: usize) -> bool {
        self.0[at / 64] & (1 << (at % 64)) != 0
    }
}

/// The budget step for `cap` and `items` with `masks` dimension masks.
fn unit_for(cap: i64, items: &[Item], masks: usize) -> i64 {
    let mut unit = items.iter().filter(|i| i.cost > 0 && i.cost <= cap).fold(cap, |g, i| gcd(g, i.cost));
    if unit <= 0 {
        return 1;
    }
    let per_mask = (MAX_CELLS / masks).min(MAX_TRACE_BITS / 2 / masks / items.len().max(1)).max(2);
    if cap / unit >= per_mask as i64 {
        // Too many steps: coarser steps, costs rounded up.
        let steps = per_mask as i64 - 1;
        unit = (cap + steps - 1) / steps;
    }
    unit.max(1)
}

/// The best set under `cap` covering dimensions `0..required`, or `None` when no set within the cap covers
/// them all. `required` is at most [`MAX_REQUIRED`].
pub fn best_set(items: &[Item], cap: i64, required: usize) -> Option<Choice> {
    let required = required.min(MAX_REQUIRED);
    let cap = cap.max(0);
    let masks = 1usize << required;
    let full = masks - 1;
    let unit = unit_for(cap, items, masks);
    let steps = (cap / unit) as usize;
    let width = steps + 1;
    let cells = masks * width;
    let units = |cost: i64| (cost.max(0) as u64).div_ceil(unit as u64) as usize;

    // best[mask * width + b]: the (value, cost) of the best set covering exactly `mask` within b steps;
    // value -1 where no set does.
    let mut best: Vec<(i64, i64)> = vec![(-1, 0); cells];
    best[..width].fill((0, 0));
    let mut took = Bits::new(items.len() * cells);
    let mut gained_bit = Bits::new(items.len() * cells);
    let better = |a: (i64, i64), b: (i64, i64)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
    let mut previous = best.clone();
    for (i, item) in items.iter().enumerate() {
        let c = units(item.cost);
        if item.cost > cap || c > steps {
            continue;
        }
        let bit = item.covers.filter(|d| *d < required).map_or(0, |d| 1usize << d);
        previous.copy_from_slice(&best);
        let trace = i * cells;
        for mask in 0..masks {
            let target = mask | bit;
            for b in c..width {
                let (value, cost) = previous[mask * width + b - c];
                if value < 0 {
                    continue;
                }
                let candidate = (value + item.value as i64, cost + item.cost);
                let cell = target * width + b;
                if better(candidate, best[cell]) {
                    best[cell] = candidate;
                    took.set(trace + cell, true);
                    gained_bit.set(trace + cell, mask != target);
                }
            }
        }
    }

    let (value, cost) = best[full * width + steps];
    if value < 0 {
        return None;
    }
    let (mut mask, mut b) = (full, steps);
    let mut chosen = Vec::new();
    for (i, item) in items.iter().enumerate().rev() {
        let cell = i * cells + mask * width + b;
        if took.get(cell) {
            chosen.push(i);
            if gained_bit.get(cell) {
                mask ^= 1usize << item.covers.expect("only covering items gain a bit");
            }
            b -= units(item.cost);
        }
    }
    chosen.reverse();
    Some(Choice { chosen, value: value as u64, cost, unit })
}

#[cfg(test)]
mod tests {
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
            let expected = brute_force(&items, cap, required);
            let got = best_set(&items, cap, required);
            match (expected, &got) {
                (None, None) => {}
                (Some((value, cost)), Some(choice)) => {
                    assert_eq!((choice.value, choice.cost), (value, cost), "case {case}: {items:?} cap {cap}");
                    // The reported set is that set: its sums, within the cap, covering every required dimension.
                    let sum_value: u64 = choice.chosen.iter().map(|&i| items[i].value).sum();
                    let sum_cost: i64 = choice.chosen.iter().map(|&i| items[i].cost).sum();
                    assert_eq!((sum_value, sum_cost), (value, cost), "case {case}");
                    for d in 0..required {
                        assert!(choice.chosen.iter().any(|&i| items[i].covers == Some(d)), "case {case} covers {d}");
                    }
                }
                _ => panic!("case {case}: brute force {expected:?}, picker {got:?}"),
            }
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
    fn equal_values_take_the_cheaper_set_and_coarse_units_stay_under_the_cap() {
        let items = [Item { cost: 300, value: 10, covers: None }, Item { cost: 200, value: 10, covers: None }];
        assert_eq!(best_set(&items, 300, 0).unwrap().chosen, vec![1]);
        // Odd costs against a large cap: the unit grows, costs round up, the set never exceeds the cap.
        let items: Vec<Item> =
            (0..50).map(|i| Item { cost: 1_000_003 + i * 7_919, value: 1000 + i as u64, covers: None }).collect();
        let cap = 10_000_000_019;
        let choice = best_set(&items, cap, 0).unwrap();
        assert!(choice.cost <= cap);
        assert!(choice.unit > 1);
    }
}
