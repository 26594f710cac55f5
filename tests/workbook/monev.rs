//! Monitoring and evaluation through the headless command line: the demo's example realisation and
//! evaluation as `info --json` reports them, with figures checked by hand from `assets/demo/`.

use crate::common::*;

fn year(info: &serde_json::Value, year: i64) -> &serde_json::Value {
    info["monev"]["years"].as_array().unwrap().iter().find(|y| y["year"] == year).expect("the year is listed")
}

fn number(value: &serde_json::Value) -> f64 {
    value.as_f64().unwrap_or_else(|| panic!("a number: {value}"))
}

#[test]
fn info_json_reports_the_demos_realisation_and_evaluation_per_year() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let info = info_json(dir.path(), &path);
    assert_eq!(info["monev"]["evaluation_years"], serde_json::json!([2023, 2024]));

    // programs.json: 36 programs are due in 2023 (their years or money); GOV-PS-01 was delayed.
    let y2023 = year(&info, 2023);
    assert_eq!((y2023["due"].as_i64(), y2023["ran"].as_i64()), (Some(36), Some(35)));
    assert_eq!(number(&y2023["implementation_rate"]), 0.9722);
    assert_eq!(y2023["planned"], 22_530_000_000i64);
    // 2025: one dropped (ECO-KR-01), one not started (LIV-KS-03), one delayed (ENV-SL-02) of 44.
    let y2025 = year(&info, 2025);
    assert_eq!(
        (y2025["due"].as_i64(), y2025["ran"].as_i64(), y2025["behind_schedule"].as_i64()),
        (Some(44), Some(41), Some(3))
    );
    // SOC-IM-01 spent 112 % of its 2024 plan.
    assert_eq!(year(&info, 2024)["over_budget"], 1);
    // 2022 has no exception: every program spent 90-100 % of its plan.
    let y2022 = year(&info, 2022);
    let (planned, spent) = (number(&y2022["planned"]), number(&y2022["spent"]));
    assert!(spent >= 0.9 * planned - 1000.0 && spent <= planned, "2022: {spent} of {planned}");
    // After the demo years nothing is reported yet: due programs, none ran.
    let y2026 = year(&info, 2026);
    assert_eq!(
        (y2026["ran"].as_i64(), y2026["reported"].as_i64(), y2026["spent"].as_i64()),
        (Some(0), Some(0), Some(0))
    );

    // The index by hand from monev.json and the default weights (10/20/30/30/10):
    // 2023 = (2.25x10 + 3.25x20 + 3.00x30 + 2.35x30 + 3.25x10) / 100 = 2.805;
    // 2024 = (3.00x10 + 3.75x20 + 3.50x30 + 2.85x30 + 3.75x10) / 100 = 3.33, improvement 0.525.
    assert_eq!(number(&y2023["index"]), 2.805);
    assert!(y2023["improvement"].is_null(), "no evaluation before 2023");
    assert!(y2023["evaluation_complete"].as_bool().unwrap());
    let y2024 = year(&info, 2024);
    assert_eq!(number(&y2024["index"]), 3.33);
    assert_eq!(number(&y2024["improvement"]), 0.525);
    assert!(y2025["index"].is_null(), "2025 is not evaluated");
}
