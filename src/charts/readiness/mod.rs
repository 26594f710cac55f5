//! The readiness charts: the radar of the dimension indices per round, the dimension x pillar heatmap and
//! the bars of the largest gaps to target. Each takes its labels already translated.

mod gap_bars;
mod heatmap;
mod radar;

pub use gap_bars::GapBarChart;
pub use heatmap::HeatmapChart;
pub use radar::{RadarChart, RadarSeries};

/// The lowest readiness level: the red end of the heatmap scale.
const SCALE_MIN: f64 = 1.0;

/// A usable value: finite, else `None`.
pub(super) fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// `scale_max` if it makes a scale, else 5.
pub(super) fn usable_max(scale_max: f64) -> f64 {
    if scale_max.is_finite() && scale_max > 0.0 { scale_max } else { 5.0 }
}

/// The bottom of the heatmap scale: the lowest level, unless the scale ends below it.
pub(super) fn scale_min(scale_max: f64) -> f64 {
    if scale_max > SCALE_MIN { SCALE_MIN } else { 0.0 }
}

pub(super) fn round(value: f64) -> i32 {
    value.round() as i32
}

/// A readable step for an axis from 0 to `max`: 1, 2 or 5 times a power of ten, about five ticks.
pub(super) fn tick_step(max: f64) -> f64 {
    let raw = max / 5.0;
    if !(raw.is_finite() && raw > 1e-12) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0].into_iter().map(|m| m * power).find(|&step| step >= raw).unwrap_or(10.0 * power)
}

/// The step between rings or key levels: 1 on the usual 1-5 scale, a round step on a larger one.
pub(super) fn level_step(range: f64) -> f64 {
    if range <= 10.0 { 1.0 } else { tick_step(range) }
}

/// The multiples of `step` from `low` to `high`, at most 50 of them.
pub(super) fn ticks(low: f64, high: f64, step: f64) -> Vec<f64> {
    if !(step > 0.0 && step.is_finite() && low.is_finite() && high.is_finite()) {
        return Vec::new();
    }
    let first = (low / step - 1e-9).ceil();
    (0..50).map(|k| (first + f64::from(k)) * step).take_while(|&v| v <= high + step * 1e-9).collect()
}
