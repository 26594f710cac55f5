//! The exact core of the quick-win picker: the set of candidates with the highest total value whose cost stays
//! within a cap, taking at least one candidate of each required dimension (among sets of equal value the cheaper
//! one wins). A 0/1 knapsack, solved exactly to the rupiah in one of two ways:
//!
//! - **Table over the budget**: dynamic programming over the budget in whole units, with the covered required
//!   dimensions as a bit mask, when the greatest common divisor of the cap and all costs (the unit) leaves few
//!   enough steps: budgets typed in round amounts (the usual case: millions of rupiah).
//! - **Branch and bound** on the exact costs otherwise: a depth-first search over the candidates in order of
//!   value per rupiah, cut by the fractional (linear relaxation) upper bound and by the cheapest way to cover
//!   the dimensions still missing. Value and cost are folded into one integer objective
//!   `value x (cap + 1) - cost`, so the bound also respects "cheaper among equal values".
//!
//! Only when a set could hold more than [`MAX_SEARCH_DEPTH`] candidates, or when the search needs more than
//! [`MAX_NODES`] steps, is the answer an approximation (the better of the search's best so far and the table with a coarser unit, costs
//! rounded up, then topped up with whatever still fits): it still never exceeds the cap, and [`Search::exact`]
//! says it may not be the best.

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
    /// The budget step of the table, in rupiah; 1 when the branch and bound decided.
    pub unit: i64,
    /// True when this is proven the best set.
    pub exact: bool,
}

/// What the picker found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    /// `None` when no set within the cap covers every required dimension (or, when not exact, none was found).
    pub choice: Option<Choice>,
    /// True when the answer (a set or none) is proven.
    pub exact: bool,
    /// The budget step of an approximate answer; 1 when exact.
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
/// The most candidates a set within the cap may hold for the branch and bound (its recursion depth); sets
/// that could hold more get the approximation.
pub const MAX_SEARCH_DEPTH: usize = 2000;
/// The most steps of the branch and bound before it gives up on proving the best set.
pub const MAX_NODES: u64 = 4_000_000;

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

/// The budget step for `cap` and `items` with `masks` dimension masks, and whether it had to be made coarser
/// than the common divisor (costs then rounded up: not exact).
fn unit_for(cap: i64, items: &[Item], masks: usize) -> (i64, bool) {
    let unit = items.iter().filter(|i| i.cost > 0 && i.cost <= cap).fold(cap, |g, i| gcd(g, i.cost));
    if unit <= 0 {
        return (1, false);
    }
    let per_mask = (MAX_CELLS / masks).min(MAX_TRACE_BITS / 2 / masks / items.len().max(1)).max(2);
    if cap / unit >= per_mask as i64 {
        // Too many steps: coarser steps, costs rounded up.
        let steps = per_mask as i64 - 1;
        return (((cap + steps - 1) / steps).max(1), true);
    }
    (unit, false)
}

/// The best set under `cap` covering dimensions `0..required`, or `None` when no set within the cap covers
/// them all (see [`search`] for whether the answer is proven). `required` is at most [`MAX_REQUIRED`].
pub fn best_set(items: &[Item], cap: i64, required: usize) -> Option<Choice> {
    search(items, cap, required).choice
}

/// The best set under `cap` covering dimensions `0..required`, saying whether it is proven the best.
pub fn search(items: &[Item], cap: i64, required: usize) -> Search {
    let required = required.min(MAX_REQUIRED);
    let cap = cap.max(0);
    let (unit, coarse) = unit_for(cap, items, 1 << required);
    if !coarse {
        let choice = table(items, cap, required, unit).map(|c| Choice { exact: true, ..c });
        return Search { choice, exact: true, unit: 1 };
    }
    let mut incumbent = None;
    if most_in_a_set(items, cap) <= MAX_SEARCH_DEPTH {
        let (found, proven) = branch_and_bound(items, cap, required);
        if proven {
            return Search { choice: found, exact: true, unit: 1 };
        }
        incumbent = found;
    }
    // An approximation: the better of the search so far and the coarse table, topped up.
    let mut choice = table(items, cap, required, unit);
    if let Some(found) = incumbent
        && choice.as_ref().is_none_or(|c| (found.value, -found.cost) > (c.value, -c.cost))
    {
        choice = Some(found);
    }
    let choice = choice.map(|c| top_up(items, cap, Choice { unit, exact: false, ..c }));
    Search { choice, exact: false, unit }
}

/// How many candidates a set within the cap can hold at most (the cheapest ones).
fn most_in_a_set(items: &[Item], cap: i64) -> usize {
    let mut costs: Vec<i64> = items.iter().map(|i| i.cost).filter(|c| *c > 0 && *c <= cap).collect();
    costs.sort_unstable();
    let mut sum = 0i64;
    costs
        .iter()
        .take_while(|c| {
            sum = sum.saturating_add(**c);
            sum <= cap
        })
        .count()
}

/// Add, in order of value, every left-out candidate of positive value that still fits: afterwards each
/// left-out candidate of positive value costs more than what is left of the cap.
fn top_up(items: &[Item], cap: i64, mut choice: Choice) -> Choice {
    let mut order: Vec<usize> = (0..items.len()).filter(|i| !choice.chosen.contains(i)).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(items[i].value), items[i].cost));
    for i in order {
        let item = items[i];
        if item.value > 0 && item.cost >= 0 && item.cost <= cap - choice.cost {
            choice.chosen.push(i);
            choice.value += item.value;
            choice.cost += item.cost;
        }
    }
    choice.chosen.sort_unstable();
    choice
}

/// The table over the budget in steps of `unit` (exact when every cost is a multiple of it).
fn table(items: &[Item], cap: i64, required: usize, unit: i64) -> Option<Choice> {
    let masks = 1usize << required;
    let full = masks - 1;
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
    Some(Choice { chosen, value: value as u64, cost, unit, exact: false })
}

/// `a / b` against `c / d` for `a, c >= 0` and `b, d > 0`, exactly (a continued-fraction walk, no overflow).
fn cmp_fraction(a: i128, b: i128, c: i128, d: i128) -> std::cmp::Ordering {
    let (p, q) = (a / b, c / d);
    if p != q {
        return p.cmp(&q);
    }
    let (r, s) = (a % b, c % d);
    match (r, s) {
        (0, 0) => std::cmp::Ordering::Equal,
        (0, _) => std::cmp::Ordering::Less,
        (_, 0) => std::cmp::Ordering::Greater,
        // r/b against s/d is d/s against b/r.
        _ => cmp_fraction(d, s, b, r),
    }
}

/// The branch and bound state over the candidates that cost something, sorted by objective per rupiah.
struct Bnb<'a> {
    items: &'a [Item],
    /// Item indices: first the ones of positive objective by objective per rupiah (highest first), then the rest.
    order: Vec<usize>,
    /// Objective of each sorted candidate: value x (cap + 1) - cost.
    weight: Vec<i128>,
    /// How many sorted candidates have a positive objective.
    positive: usize,
    /// Prefix sums of cost and objective over the positive ones.
    prefix_cost: Vec<i128>,
    prefix_weight: Vec<i128>,
    /// cheapest[k][d]: the cheapest candidate from sorted position k on covering dimension d.
    cheapest: Vec<[i64; MAX_REQUIRED]>,
    cap: i64,
    nodes: u64,
    aborted: bool,
    path: Vec<usize>,
    best: Option<(i128, Vec<usize>)>,
}

impl Bnb<'_> {
    /// The linear relaxation's bound on the objective the positive candidates from `from` on can add within
    /// `room`.
    fn bound(&self, from: usize, room: i64) -> i128 {
        if from >= self.positive {
            return 0;
        }
        let base = self.prefix_cost[from];
        let room = i128::from(room);
        // The first k (from..=positive) whose prefix no longer fits.
        let (mut lo, mut hi) = (from, self.positive);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.prefix_cost[mid] - base <= room { lo = mid } else { hi = mid - 1 }
        }
        let whole = self.prefix_weight[lo] - self.prefix_weight[from];
        if lo >= self.positive {
            return whole;
        }
        let left = room - (self.prefix_cost[lo] - base);
        let (w, c) = (self.weight[lo], i128::from(self.items[self.order[lo]].cost));
        whole + (w / c) * left + (w % c) * left / c
    }

    /// The least cost of covering the dimensions in `need` from sorted position `from` on.
    fn cover_cost(&self, from: usize, need: u32) -> i128 {
        (0..MAX_REQUIRED).filter(|d| need & (1 << d) != 0).map(|d| i128::from(self.cheapest[from][d])).sum()
    }

    fn visit(&mut self, from: usize, value: i128, cost: i64, need: u32, required: usize) {
        if need == 0 && self.best.as_ref().is_none_or(|(b, _)| value > *b) {
            self.best = Some((value, self.path.clone()));
        }
        for k in from..self.order.len() {
            self.nodes += 1;
            if self.nodes > MAX_NODES {
                self.aborted = true;
                return;
            }
            let room = self.cap - cost;
            // Both only grow worse for later k: stop.
            if self.cover_cost(k, need) > i128::from(room) {
                return;
            }
            if let Some((best, _)) = &self.best
                && value + self.bound(k, room) <= *best
            {
                return;
            }
            let item = self.items[self.order[k]];
            if item.cost <= room {
                let bit = item.covers.filter(|d| *d < required).map_or(0, |d| 1u32 << d);
                self.path.push(self.order[k]);
                self.visit(k + 1, value + self.weight[k], cost + item.cost, need & !bit, required);
                self.path.pop();
                if self.aborted {
                    return;
                }
            }
        }
    }
}

/// The branch and bound on exact costs: the best set (or none) and whether the search finished (proven).
fn branch_and_bound(items: &[Item], cap: i64, required: usize) -> (Option<Choice>, bool) {
    let scale = i128::from(cap) + 1;
    let objective = |item: &Item| i128::from(item.value).saturating_mul(scale) - i128::from(item.cost);
    let bit = |item: &Item| item.covers.filter(|d| *d < required).map_or(0, |d| 1u32 << d);
    // Free candidates of some value or covering a dimension are always worth taking; the rest are searched.
    let mut taken: Vec<usize> = Vec::new();
    let mut need: u32 = (1u32 << required) - 1;
    let mut order: Vec<usize> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.cost > cap || item.cost < 0 {
            continue;
        }
        if item.cost == 0 {
            if item.value > 0 || bit(item) != 0 {
                taken.push(i);
                need &= !bit(item);
            }
            continue;
        }
        order.push(i);
    }
    order.sort_by(|&a, &b| {
        let (wa, wb) = (objective(&items[a]), objective(&items[b]));
        match (wa > 0, wb > 0) {
            (true, true) => cmp_fraction(wb, i128::from(items[b].cost), wa, i128::from(items[a].cost)).then(a.cmp(&b)),
            (true, false) => std::cmp::Ordering::Less,
            (false, true) => std::cmp::Ordering::Greater,
            (false, false) => wb.cmp(&wa).then(a.cmp(&b)),
        }
    });
    let weight: Vec<i128> = order.iter().map(|&i| objective(&items[i])).collect();
    let positive = weight.iter().take_while(|w| **w > 0).count();
    let mut prefix_cost = vec![0i128; positive + 1];
    let mut prefix_weight = vec![0i128; positive + 1];
    for k in 0..positive {
        prefix_cost[k + 1] = prefix_cost[k] + i128::from(items[order[k]].cost);
        prefix_weight[k + 1] = prefix_weight[k] + weight[k];
    }
    let mut cheapest = vec![[i64::MAX; MAX_REQUIRED]; order.len() + 1];
    for k in (0..order.len()).rev() {
        cheapest[k] = cheapest[k + 1];
        let item = items[order[k]];
        if let Some(d) = item.covers.filter(|d| *d < required) {
            cheapest[k][d] = cheapest[k][d].min(item.cost);
        }
    }
    let start: i128 = taken.iter().map(|&i| objective(&items[i])).sum();
    let mut bnb = Bnb {
        items,
        order,
        weight,
        positive,
        prefix_cost,
        prefix_weight,
        cheapest,
        cap,
        nodes: 0,
        aborted: false,
        path: taken,
        best: None,
    };
    bnb.visit(0, start, 0, need, required);
    let choice = bnb.best.map(|(_, mut chosen)| {
        chosen.sort_unstable();
        let value = chosen.iter().map(|&i| items[i].value).sum();
        let cost = chosen.iter().map(|&i| items[i].cost).sum();
        Choice { chosen, value, cost, unit: 1, exact: !bnb.aborted }
    });
    (choice, !bnb.aborted)
}
#[cfg(test)]
#[path = "picker_tests.rs"]
mod tests;
