//! Tests of the finance charts: labels in both languages, axes in miliar and triliun, funding shares, read-outs.

use super::readiness::gaps;
use super::{BLUE_, DIMENSIONS, ORANGE, assert_svg_has, svg_texts};
use crate::charts::finance::money_label;
use crate::charts::*;
use crate::i18n::{Lang, parse_rupiah};

// The finance charts, with amounts like Konawe Selatan's: revenue about Rp 1,3-1,5 T a year, program cost of
// Rp 5-40 M a year against an envelope of about Rp 20-25 M.

const M: i64 = 1_000_000_000;
const SOURCE_COLORS: [[u8; 3]; 6] = [
    [0x2E, 0x5E, 0xAA],
    [0xD9, 0x82, 0x2B],
    [0x3A, 0x7F, 0x2E],
    [0xB8, 0x3A, 0x3A],
    [0x7D, 0x4A, 0x9E],
    [0x8C, 0x8C, 0x8C],
];
const DIMENSION_COLORS: [[u8; 3]; 6] = [
    [0x1F, 0x77, 0xB4],
    [0xE3, 0x77, 0xC2],
    [0xFF, 0x7F, 0x0E],
    [0x2C, 0xA0, 0x2C],
    [0x94, 0x67, 0xBD],
    [0x17, 0xBE, 0xCF],
];

/// Revenue 2019-2026 by source, in miliar; 2025 and 2026 are estimates, one amount is missing.
fn revenue(title: &str, other: &str, estimate: &str, y_label: &str) -> RevenueCompositionChart {
    let sources: [(&str, [i64; 8]); 6] = [
        ("PAD", [71, 68, 79, 84, 88, 93, 97, 101]),
        ("DAU", [668, 641, 652, 689, 702, 731, 745, 752]),
        ("DAK", [236, 198, 214, 187, 203, 219, 224, 230]),
        ("DBH", [34, 31, 38, 52, 47, 44, 46, 48]),
        ("Dana Desa", [192, 197, 199, 201, 203, 205, 206, 208]),
        (other, [85, 63, 91, 72, 66, 74, 70, 72]),
    ];
    RevenueCompositionChart {
        title: title.to_string(),
        years: (2019..=2026).collect(),
        series: sources
            .iter()
            .zip(SOURCE_COLORS)
            .map(|((name, values), color)| StackSeries {
                name: name.to_string(),
                color,
                values: values.iter().enumerate().map(|(i, v)| (*name != "DBH" || i != 1).then_some(v * M)).collect(),
                estimated: (0..8).map(|i| i >= 6).collect(),
            })
            .collect(),
        y_label: y_label.to_string(),
        estimate_label: estimate.to_string(),
        lang: Lang::Id,
    }
}

/// Actual revenue 2019-2024, projected to 2030 from the 2024 value at 4 % (2 % and 6 % for the band).
fn projection(title: &str, labels: [&str; 4], y_label: &str) -> ProjectionChart {
    let years: Vec<i32> = (2019..=2030).collect();
    let actual = [1_286, 1_198, 1_273, 1_285, 1_309, 1_366];
    let history = years.iter().map(|&y| actual.get((y - 2019) as usize).map(|v| v * M)).collect();
    let grown = |rate: f64| -> Vec<Option<i64>> {
        years
            .iter()
            .map(|&y| (y >= 2024).then(|| (1_366.0 * M as f64 * (1.0 + rate).powi(y - 2024)).round() as i64))
            .collect()
    };
    ProjectionChart {
        title: title.to_string(),
        years: years.clone(),
        history,
        base: grown(0.04),
        low: grown(0.02),
        high: grown(0.06),
        labels: labels.map(str::to_string),
        y_label: y_label.to_string(),
        lang: Lang::Id,
    }
}

/// Program cost 2025-2029 per dimension, in miliar, against an envelope of Rp 20-25 M.
fn cost(title: &str, envelope_label: &str, y_label: &str) -> CostVsEnvelopeChart {
    let per_dimension: [[f64; 5]; 6] = [
        [2.0, 4.5, 8.0, 9.5, 5.0],
        [0.5, 1.0, 2.5, 3.0, 1.5],
        [1.5, 3.5, 6.5, 8.0, 5.5],
        [2.0, 4.0, 7.0, 9.0, 6.0],
        [1.0, 2.5, 4.0, 5.5, 3.5],
        [1.0, 2.5, 4.0, 5.0, 2.5],
    ];
    CostVsEnvelopeChart {
        title: title.to_string(),
        years: (2025..=2029).collect(),
        stacks: DIMENSIONS
            .iter()
            .zip(per_dimension)
            .zip(DIMENSION_COLORS)
            .map(|((name, values), color)| StackSeries {
                name: name.to_string(),
                color,
                values: values.iter().map(|v| Some((v * M as f64) as i64)).collect(),
                estimated: vec![],
            })
            .collect(),
        envelope: [20.0, 21.0, 22.5, 23.5, 25.0].iter().map(|v| Some((v * M as f64) as i64)).collect(),
        envelope_label: envelope_label.to_string(),
        y_label: y_label.to_string(),
        estimate_label: String::new(),
        lang: Lang::Id,
    }
}

fn funding(title: &str, names: [&str; 6]) -> FundingMixChart {
    let amounts = [45 * M, 30 * M, 8 * M, 20 * M, 5 * M, 2_500_000_000];
    FundingMixChart {
        title: title.to_string(),
        parts: names.iter().zip(SOURCE_COLORS).zip(amounts).map(|((n, c), a)| (n.to_string(), c, a)).collect(),
        lang: Lang::Id,
    }
}

const FUNDING_ID: [&str; 6] = ["APBD Kabupaten", "APBN / DAK", "Dana Desa", "KPBU", "CSR swasta", "Hibah"];
const FUNDING_EN: [&str; 6] =
    ["Regency budget (APBD)", "National budget (APBN/DAK)", "Village funds", "PPP (KPBU)", "Private CSR", "Grants"];
const PROJECTION_ID: [&str; 4] = ["Realisasi", "Proyeksi dasar", "Pesimistis", "Optimistis"];
const PROJECTION_EN: [&str; 4] = ["Actual", "Base projection", "Pessimistic", "Optimistic"];

#[test]
fn finance_charts_render_their_labels_in_both_languages() {
    let svg = to_svg(&revenue("Komposisi pendapatan daerah", "Lain-lain", "estimasi", "Rupiah per tahun"), 800, 600);
    assert_svg_has(
        &svg.unwrap(),
        &["Komposisi pendapatan daerah", "Dana Desa", "Lain-lain", "estimasi", "Rupiah per tahun", "2019", "2026"],
    );
    let svg = to_svg(&revenue("Revenue by source", "Other", "estimate", "Rupiah per year"), 800, 600).unwrap();
    assert_svg_has(&svg, &["Revenue by source", "Other", "estimate", "Rupiah per year"]);
    assert!(!svg.contains("estimasi"));

    let svg = to_svg(&projection("Proyeksi pendapatan", PROJECTION_ID, "Rupiah per tahun"), 800, 600).unwrap();
    assert_svg_has(&svg, &["Proyeksi pendapatan", "Realisasi", "Proyeksi dasar", "Pesimistis", "Optimistis", "2030"]);
    let svg = to_svg(&projection("Revenue projection", PROJECTION_EN, "Rupiah per year"), 800, 600).unwrap();
    assert_svg_has(&svg, &["Revenue projection", "Actual", "Base projection", "Pessimistic", "Optimistic"]);

    let svg = to_svg(&cost("Biaya program dan plafon fiskal", "Plafon fiskal", "Rupiah per tahun"), 800, 600).unwrap();
    assert_svg_has(&svg, &["Biaya program dan plafon fiskal", "Plafon fiskal", "Smart Governance", "2029"]);
    let svg =
        to_svg(&cost("Program cost and fiscal envelope", "Fiscal envelope", "Rupiah per year"), 800, 600).unwrap();
    assert_svg_has(&svg, &["Program cost and fiscal envelope", "Fiscal envelope", "Smart Environment"]);

    let svg = to_svg(&funding("Sumber pendanaan", FUNDING_ID), 800, 600).unwrap();
    assert_svg_has(&svg, &["Sumber pendanaan", "APBD Kabupaten", "Hibah"]);
    let svg = to_svg(&funding("Funding sources", FUNDING_EN), 800, 600).unwrap();
    assert_svg_has(&svg, &["Funding sources", "Regency budget (APBD)", "Grants"]);
}

#[test]
fn finance_axes_count_in_miliar_and_triliun() {
    let is_tick = |text: &str, unit: &str| {
        text.strip_prefix("Rp ").and_then(|t| t.strip_suffix(unit)).is_some_and(|n| {
            let n = n.trim_end();
            !n.is_empty() && n.chars().all(|ch| ch.is_ascii_digit() || ch == ',')
        })
    };
    let texts = svg_texts(&to_svg(&revenue("t", "Lain-lain", "estimasi", "Rupiah"), 800, 600).unwrap());
    assert!(texts.iter().any(|t| t == "Rp 0"), "no zero tick in {texts:?}");
    assert!(texts.iter().any(|t| is_tick(t, " T")), "no triliun tick in {texts:?}");
    assert!(texts.iter().any(|t| is_tick(t, " M")), "no miliar tick in {texts:?}");
    assert!(texts.iter().all(|t| !t.starts_with("Rp ") || !t.contains('.')), "decimal point in {texts:?}");
    // The totals on the columns: the estimated years with "≈".
    assert!(texts.iter().any(|t| t.starts_with("≈ ") && t.ends_with(" T")), "no estimated total in {texts:?}");

    // The projection's axis starts near its lowest value, Rp 1,2 T, not at 0.
    let texts = svg_texts(&to_svg(&projection("t", PROJECTION_ID, "Rupiah"), 800, 600).unwrap());
    assert!(texts.iter().any(|t| t == "Rp 1 T") && texts.iter().any(|t| t == "Rp 2 T"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "Rp 0"), "{texts:?}");
    // Lines close together far from 0: every tick is written exactly, so the ticks are evenly spaced.
    for (a, b) in [(1_302, 1_311), (1_300, 1_304), (9_990, 10_020), (70, 71)] {
        let chart =
            ProjectionChart { years: vec![2024, 2025], history: vec![Some(a * M), Some(b * M)], ..Default::default() };
        let ticks: Vec<i64> = svg_texts(&to_svg(&chart, 800, 600).unwrap())
            .iter()
            .filter(|t| t.starts_with("Rp "))
            .map(|t| parse_rupiah(t).unwrap_or_else(|e| panic!("tick {t:?}: {e:?}")))
            .collect();
        assert!(ticks.len() >= 3, "{ticks:?}");
        assert!(ticks.windows(3).all(|w| w[1] - w[0] == w[2] - w[1]), "uneven ticks {ticks:?} for {a}-{b} M");
        assert!(ticks[0] <= a * M && *ticks.last().unwrap() >= b * M, "{ticks:?} do not cover {a}-{b} M");
    }

    let texts = svg_texts(&to_svg(&cost("t", "Plafon", "Rupiah"), 800, 600).unwrap());
    assert!(texts.iter().any(|t| is_tick(t, " M")), "no miliar tick in {texts:?}");
    assert!(texts.iter().all(|t| !t.ends_with(" T")), "triliun on a cost axis: {texts:?}");
    // 2028 costs Rp 40 M against Rp 23,5 M.
    assert!(texts.iter().any(|t| t == "Rp 40 M"), "no total of 2028 in {texts:?}");
}

#[test]
fn money_labels_are_short_and_indonesian() {
    assert_eq!(money_label(0.0, Lang::Id), "Rp 0");
    assert_eq!(money_label(500e9, Lang::Id), "Rp 500 M");
    assert_eq!(money_label(1.5e12, Lang::Id), "Rp 1,5 T");
    assert_eq!(money_label(25e6, Lang::Id), "Rp 25 jt");
    assert_eq!(money_label(-2e9, Lang::Id), "-Rp 2 M");
    assert_eq!(money_label(1e20, Lang::Id), "Rp 100.000.000 T");
    assert_eq!(money_label(f64::NAN, Lang::Id), "–");
}

#[test]
fn english_money_labels_say_bn_for_miliar() {
    assert_eq!(money_label(500e9, Lang::En), "Rp 500 bn");
    assert_eq!(money_label(1.5e12, Lang::En), "Rp 1,5 tn");
    assert_eq!(money_label(25e6, Lang::En), "Rp 25 mn");
    assert_eq!(money_label(1e20, Lang::En), "Rp 100.000.000 tn");
    let english = FundingMixChart { lang: Lang::En, ..funding("Funding sources", FUNDING_EN) };
    let texts = svg_texts(&to_svg(&english, 800, 600).unwrap());
    for expected in ["Rp 45 bn", "Rp 2,5 bn", "Rp 20 bn"] {
        assert!(texts.iter().any(|t| t == expected), "{expected:?} missing from {texts:?}");
    }
    assert!(!texts.iter().any(|t| t.ends_with(" M")), "{texts:?}");
}

#[test]
fn funding_mix_shows_shares_with_a_decimal_comma_and_short_amounts() {
    // Rp 110,5 M in all: APBD Rp 45 M is 40,7 %.
    let texts = svg_texts(&to_svg(&funding("Sumber pendanaan", FUNDING_ID), 800, 600).unwrap());
    for expected in ["40,7%", "27,1%", "2,3%", "Rp 45 M", "Rp 2,5 M", "Rp 20 M"] {
        assert!(texts.iter().any(|t| t == expected), "{expected:?} missing from {texts:?}");
    }
    assert!(texts.iter().all(|t| !t.contains("40.7")));
    // Nothing to share: dashes, no division by zero.
    let zero = FundingMixChart {
        title: "t".into(),
        parts: vec![("A".into(), BLUE_, 0), ("B".into(), ORANGE, -5)],
        lang: Lang::Id,
    };
    let texts = svg_texts(&to_svg(&zero, 800, 600).unwrap());
    assert!(texts.iter().filter(|t| *t == "–").count() == 2, "{texts:?}");
    // More sources than rows: the rest summed up under "…", so the shares still add up.
    let many = FundingMixChart {
        title: "t".into(),
        parts: (0..40).map(|k| (format!("Sumber {k}"), BLUE_, 1_000_000_000)).collect(),
        lang: Lang::Id,
    };
    let texts = svg_texts(&to_svg(&many, 560, 420).unwrap());
    let rest = texts.iter().position(|t| t == "…").expect("no row for the rest");
    assert!(texts[rest + 1].ends_with('%') && texts[rest + 2].ends_with(" M"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "Sumber 39"));
}

#[test]
fn finance_bitmaps_are_not_blank() {
    let charts: [Box<dyn Chart>; 4] = [
        Box::new(revenue("Komposisi pendapatan", "Lain-lain", "estimasi", "Rupiah per tahun")),
        Box::new(projection("Proyeksi pendapatan", PROJECTION_ID, "Rupiah per tahun")),
        Box::new(cost("Biaya program", "Plafon fiskal", "Rupiah per tahun")),
        Box::new(funding("Sumber pendanaan", FUNDING_ID)),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (k, chart) in charts.iter().enumerate() {
        let rgba = to_rgba(chart.as_ref(), 560, 420).unwrap();
        assert_eq!(rgba.len(), 560 * 420 * 4);
        let colored = rgba.chunks_exact(4).filter(|p| p[..3] != [255, 255, 255]).count();
        assert!(colored > 5000, "chart {k}: only {colored} non-white pixels");
        let path = dir.path().join(format!("finance_{k}.png"));
        write_png(chart.as_ref(), 1200, 900, &path).unwrap();
        assert!(std::fs::read(&path).unwrap().starts_with(&[0x89, b'P', b'N', b'G']));
    }
}

#[test]
fn empty_and_extreme_finance_data_render_without_panicking() {
    let years: Vec<i32> = (2025..=2029).collect();
    let all_none = StackSeries { name: "PAD".into(), color: BLUE_, values: vec![None; 5], estimated: vec![true; 5] };
    let huge = StackSeries {
        name: "X".into(),
        color: ORANGE,
        values: vec![Some(i64::MAX), Some(i64::MAX), Some(i64::MIN), Some(0), None],
        estimated: vec![true],
    };
    let zeros = StackSeries { name: "Z".into(), color: ORANGE, values: vec![Some(0); 5], estimated: vec![] };
    let charts: Vec<Box<dyn Chart>> = vec![
        Box::new(RevenueCompositionChart::default()),
        Box::new(ProjectionChart::default()),
        Box::new(CostVsEnvelopeChart::default()),
        Box::new(FundingMixChart::default()),
        Box::new(RevenueCompositionChart {
            years: years.clone(),
            series: vec![all_none.clone()],
            ..Default::default()
        }),
        Box::new(RevenueCompositionChart {
            years: years.clone(),
            series: vec![huge.clone(), huge.clone(), zeros.clone()],
            estimate_label: "estimasi".into(),
            ..Default::default()
        }),
        Box::new(RevenueCompositionChart { years: vec![], series: vec![huge.clone()], ..Default::default() }),
        Box::new(RevenueCompositionChart { years: years.clone(), series: vec![zeros.clone()], ..Default::default() }),
        Box::new(ProjectionChart { years: years.clone(), history: vec![None; 5], ..Default::default() }),
        Box::new(ProjectionChart {
            years: years.clone(),
            history: vec![Some(i64::MIN), Some(i64::MAX)],
            base: vec![None, Some(i64::MAX), Some(-5), None, Some(7)],
            low: vec![Some(i64::MIN); 9],
            high: vec![None, Some(i64::MAX), None, Some(3)],
            labels: ["a".into(), "b".into(), String::new(), "d".into()],
            y_label: "y".into(),
            title: "t".into(),
            lang: Lang::Id,
        }),
        Box::new(ProjectionChart {
            years: vec![2030],
            base: vec![Some(5 * M)],
            low: vec![Some(M)],
            high: vec![Some(9 * M)],
            ..Default::default()
        }),
        Box::new(CostVsEnvelopeChart { years: years.clone(), envelope: vec![None; 5], ..Default::default() }),
        Box::new(CostVsEnvelopeChart {
            years: years.clone(),
            stacks: vec![huge.clone(), all_none],
            envelope: vec![Some(i64::MAX), Some(i64::MIN), Some(0)],
            envelope_label: "plafon".into(),
            ..Default::default()
        }),
        Box::new(CostVsEnvelopeChart {
            years: years.clone(),
            stacks: vec![zeros],
            envelope: vec![Some(0); 5],
            ..Default::default()
        }),
        Box::new(FundingMixChart {
            title: "t".into(),
            parts: vec![("A".into(), BLUE_, i64::MAX), ("B".into(), ORANGE, i64::MAX)],
            lang: Lang::Id,
        }),
        Box::new(FundingMixChart { title: "t".into(), parts: vec![("A".into(), BLUE_, i64::MIN)], lang: Lang::Id }),
        Box::new(FundingMixChart {
            title: "t".into(),
            parts: (0..60).map(|k| (format!("Sumber {k}"), BLUE_, k * M)).collect(),
            lang: Lang::Id,
        }),
        Box::new(RevenueCompositionChart { years: (1900..=2100).collect(), ..revenue("t", "o", "e", "y") }),
    ];
    for (k, chart) in charts.iter().enumerate() {
        assert!(to_svg(chart.as_ref(), 800, 600).unwrap().starts_with("<svg"), "chart {k}");
        for (w, h) in [(560, 420), (40, 30), (1, 1), (3000, 200)] {
            to_rgba(chart.as_ref(), w, h).unwrap_or_else(|e| panic!("chart {k} at {w}x{h}: {e}"));
        }
    }
}

/// Writes the finance charts, in both languages, at the app's size and a large one, as PNGs into
/// `$CHARTS_PREVIEW_DIR`: `CHARTS_PREVIEW_DIR=/tmp/charts cargo test --lib charts::tests::finance::finance_preview`.
#[test]
fn finance_preview() {
    let Some(dir) = std::env::var_os("CHARTS_PREVIEW_DIR") else { return };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let charts: [(&str, Box<dyn Chart>); 8] = [
        ("revenue_id", Box::new(revenue("Komposisi pendapatan daerah", "Lain-lain", "estimasi", "Rupiah per tahun"))),
        ("revenue_en", Box::new(revenue("Regional revenue by source", "Other", "estimate", "Rupiah per year"))),
        (
            "projection_id",
            Box::new(projection("Proyeksi pendapatan daerah 2025-2030", PROJECTION_ID, "Rupiah per tahun")),
        ),
        (
            "projection_en",
            Box::new(projection("Regional revenue projection 2025-2030", PROJECTION_EN, "Rupiah per year")),
        ),
        ("cost_id", Box::new(cost("Biaya program per dimensi dan plafon fiskal", "Plafon fiskal", "Rupiah per tahun"))),
        (
            "cost_en",
            Box::new(cost("Program cost by dimension and fiscal envelope", "Fiscal envelope", "Rupiah per year")),
        ),
        ("funding_id", Box::new(funding("Sumber pendanaan program", FUNDING_ID))),
        ("funding_en", Box::new(funding("Program funding sources", FUNDING_EN))),
    ];
    for (name, chart) in &charts {
        write_png(chart.as_ref(), 560, 420, &dir.join(format!("{name}_small.png"))).unwrap();
        write_png(chart.as_ref(), 1200, 900, &dir.join(format!("{name}_large.png"))).unwrap();
    }
    // Odd data: many years, no amounts, huge amounts, many sources, history only.
    let mut long = revenue("Pendapatan 1990-2040", "Lain-lain", "estimasi", "Rupiah per tahun");
    long.years = (1990..=2040).collect();
    for series in &mut long.series {
        series.values = (0..51).map(|i| series.values[i % 8]).collect();
        series.estimated = (0..51).map(|i| i > 35).collect();
    }
    let huge = StackSeries {
        name: "PAD".into(),
        color: BLUE_,
        values: vec![Some(i64::MAX / 2), Some(i64::MAX), None, Some(0), Some(-M)],
        estimated: vec![],
    };
    let edge: [(&str, Box<dyn Chart>); 6] = [
        ("edge_long_years", Box::new(long)),
        (
            "edge_empty_cost",
            Box::new(CostVsEnvelopeChart {
                title: "Biaya program".into(),
                years: (2025..=2029).collect(),
                envelope_label: "Plafon".into(),
                y_label: "Rupiah per tahun".into(),
                ..Default::default()
            }),
        ),
        (
            "edge_huge_cost",
            Box::new(CostVsEnvelopeChart {
                title: "Biaya program".into(),
                years: (2025..=2029).collect(),
                stacks: vec![huge.clone(), StackSeries { color: ORANGE, ..huge }],
                envelope: vec![Some(i64::MAX); 5],
                envelope_label: "Plafon".into(),
                y_label: "Rupiah per tahun".into(),
                estimate_label: "estimasi".into(),
                lang: Lang::Id,
            }),
        ),
        (
            "edge_history_only",
            Box::new(ProjectionChart {
                base: vec![],
                low: vec![None, None, Some(M)],
                high: vec![None, None, Some(3 * M)],
                ..projection("Realisasi pendapatan", PROJECTION_ID, "Rupiah per tahun")
            }),
        ),
        (
            "edge_many_sources",
            Box::new(FundingMixChart {
                title: "Sumber pendanaan".into(),
                parts: (0..14)
                    .map(|k| {
                        (format!("Sumber pendanaan nomor {k}"), SOURCE_COLORS[k % 6], (k as i64 + 1) * 700_000_000)
                    })
                    .collect(),
                lang: Lang::Id,
            }),
        ),
        (
            "edge_zero_funding",
            Box::new(FundingMixChart {
                title: "Sumber pendanaan".into(),
                parts: vec![("APBD".into(), BLUE_, 0)],
                lang: Lang::Id,
            }),
        ),
    ];
    std::fs::write(dir.join("cost_id.svg"), to_svg(charts[4].1.as_ref(), 800, 600).unwrap()).unwrap();
    std::fs::write(dir.join("projection_id.svg"), to_svg(charts[2].1.as_ref(), 800, 600).unwrap()).unwrap();
    for (name, chart) in &edge {
        write_png(chart.as_ref(), 560, 420, &dir.join(format!("{name}.png"))).unwrap();
    }
}

/// The read-out over the middle of `year`'s column at 560x420, half way down: the column is found by sweeping
/// the picture from left to right, so the test does not repeat the layout.
fn readout_at_year(chart: &dyn Chart, year: i32) -> String {
    let (w, h) = (560, 420);
    let y = f64::from(h) / 2.0;
    let hits: Vec<u32> = (0..w)
        .filter(|&x| chart.readout(w, h, f64::from(x), y).is_some_and(|t| t.lines().next() == Some(&year.to_string())))
        .collect();
    assert!(!hits.is_empty(), "no column of {year}");
    let centre = f64::from(hits[0] + hits[hits.len() - 1]) / 2.0;
    chart.readout(w, h, centre, y).unwrap()
}

#[test]
fn finance_charts_read_out_the_values_of_the_column_under_the_pointer() {
    let revenue = revenue("Komposisi pendapatan daerah", "Lain-lain", "estimasi", "Rupiah per tahun");
    let text = readout_at_year(&revenue, 2024);
    assert_eq!(
        text,
        "2024\nPAD: Rp 93 M\nDAU: Rp 731 M\nDAK: Rp 219 M\nDBH: Rp 44 M\nDana Desa: Rp 205 M\nLain-lain: Rp 74 M\n\
         Total: Rp 1,37 T"
    );
    // Estimates are marked, the total too.
    let text = readout_at_year(&revenue, 2025);
    assert!(text.contains("PAD: ≈ Rp 97 M") && text.contains("Total: ≈ Rp 1,39 T"), "{text}");
    // Outside the plot: the left margin, the title, the legend.
    assert_eq!(revenue.readout(560, 420, 3.0, 210.0), None);
    assert_eq!(revenue.readout(560, 420, 280.0, 5.0), None);
    assert_eq!(revenue.readout(560, 420, 280.0, 415.0), None);
    assert_eq!(revenue.readout(0, 420, 280.0, 210.0), None);

    let projection: Box<dyn Chart> = Box::new(projection("Proyeksi", PROJECTION_ID, "Rupiah per tahun"));
    let text = readout_at_year(projection.as_ref(), 2026);
    assert_eq!(text, "2026\nProyeksi dasar: Rp 1,48 T\nPesimistis: Rp 1,42 T\nOptimistis: Rp 1,53 T");
    let text = readout_at_year(projection.as_ref(), 2020);
    assert_eq!(text, "2020\nRealisasi: Rp 1,2 T");
    assert_eq!(projection.readout(560, 420, 2.0, 210.0), None);

    let cost = cost("Biaya program", "Plafon fiskal", "Rupiah per tahun");
    let text = readout_at_year(&cost, 2027);
    assert!(text.starts_with("2027\nSmart Governance: Rp 8 M\nSmart Branding: Rp 2,5 M\n"), "{text}");
    assert!(text.ends_with("Smart Environment: Rp 4 M\nTotal: Rp 32 M\nPlafon fiskal: Rp 22,5 M"), "{text}");
    assert_eq!(cost.readout(560, 420, 2.0, 210.0), None);

    // Charts without a read-out.
    assert_eq!(funding("t", FUNDING_ID).readout(560, 420, 280.0, 210.0), None);
    assert_eq!(gaps("t", "a").readout(560, 420, 280.0, 210.0), None);
}

/// The axis of a projection reaches the largest value of every line, the optimistic edge included.
#[test]
fn projection_axis_covers_the_optimistic_edge() {
    let years: Vec<i32> = (2019..=2029).collect();
    let actual = [1_210, 1_185, 1_290, 1_350, 1_420, 1_500];
    let grown = |rate: f64| -> Vec<Option<i64>> {
        years.iter().map(|&y| (y > 2024).then(|| (1_500.0 * M as f64 * (1.0 + rate).powi(y - 2024)) as i64)).collect()
    };
    let chart = ProjectionChart {
        title: "Proyeksi".into(),
        years: years.clone(),
        history: years.iter().map(|&y| actual.get((y - 2019) as usize).map(|v| v * M)).collect(),
        base: grown(0.02),
        low: grown(-0.01),
        high: grown(0.027),
        labels: PROJECTION_ID.map(str::to_string),
        y_label: "Rupiah per tahun".into(),
        lang: Lang::Id,
    };
    let largest = chart.high.iter().flatten().copied().max().unwrap();
    assert!(largest > 1_710 * M);
    for (w, h) in [(560, 420), (700, 525), (840, 630), (1120, 840), (800, 600), (2400, 1800)] {
        let ticks: Vec<i64> = svg_texts(&to_svg(&chart, w, h).unwrap())
            .iter()
            .filter(|t| t.starts_with("Rp "))
            .map(|t| parse_rupiah(t).unwrap())
            .collect();
        assert!(ticks.last().is_some_and(|&top| top >= largest), "{ticks:?} below {largest} at {w}x{h}");
    }
}
