//! The amount axis of the finance charts: a round scale for the data, and the values it reads.

/// The scale of an axis covering `lo..=hi` in at most `max_intervals` intervals of a round step (1, 2, 2,5
/// or 5 times a power of ten, at least 1 rupiah): `(first, last, step)`, the ticks being `first..=last`
/// times `step`. Of the steps giving 3 or more intervals, the one reaching least beyond the data wins, the
/// larger step on a tie; so 0 to Rp 1,41 T gets 0, 500 M, 1 T, 1,5 T rather than an axis up to 2 T.
pub(super) fn scale(lo: f64, hi: f64, max_intervals: i32) -> (f64, f64, f64) {
    let max_intervals = f64::from(max_intervals.max(1));
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0 && lo.is_finite()) {
        return (0.0, 1.0, 1.0);
    }
    let ticks_of = |step: f64| {
        let first = (lo / step + 1e-9).floor();
        let last = (hi / step - 1e-9).ceil().max(first + 1.0);
        (first, last, step)
    };
    let smallest = 10f64.powf((span / max_intervals).log10().floor());
    let mut best: Option<(f64, f64, f64)> = None;
    for power in [smallest / 10.0, smallest, smallest * 10.0, smallest * 100.0] {
        for step in [1.0, 2.0, 2.5, 5.0].map(|m| m * power) {
            if step < 1.0 {
                continue;
            }
            let (first, last, step) = ticks_of(step);
            let intervals = last - first;
            if intervals > max_intervals || intervals < max_intervals.min(3.0) {
                continue;
            }
            let reach = (last - first) * step;
            if best.is_none_or(|(f, l, s)| reach <= (l - f) * s * (1.0 + 1e-9)) {
                best = Some((first, last, step));
            }
        }
    }
    // No round step fits (a span of a few rupiah): a step of 1, or of span / intervals.
    best.unwrap_or_else(|| ticks_of((span / max_intervals).ceil().max(1.0)))
}

/// The value of a line in year `i`.
pub(super) fn point(values: &[Option<i64>], i: usize) -> Option<f64> {
    values.get(i).copied().flatten().map(|v| v as f64)
}

/// The smallest and largest of `values`, (0, 0) when there are none.
pub(super) fn extent(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    values.into_iter().fold((0.0, 0.0), |(lo, hi), v| (f64::min(lo, v), f64::max(hi, v)))
}
