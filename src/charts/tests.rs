use super::*;

const DIMENSIONS: [&str; 6] =
    ["Smart Governance", "Smart Branding", "Smart Economy", "Smart Living", "Smart Society", "Smart Environment"];
const BLUE_: [u8; 3] = [0x2E, 0x5E, 0xAA];
const ORANGE: [u8; 3] = [0xD9, 0x82, 0x2B];

fn radar(title: &str, round: &str) -> RadarChart {
    RadarChart {
        title: title.to_string(),
        axes: DIMENSIONS.iter().map(|d| d.to_string()).collect(),
        scale_max: 5.0,
        series: vec![
            RadarSeries {
                name: format!("{round} 1 (2024)"),
                color: ORANGE,
                values: vec![Some(2.1), Some(1.6), Some(2.8), Some(2.4), None, Some(1.9)],
            },
            RadarSeries {
                name: format!("{round} 2 (2025)"),
                color: BLUE_,
                values: vec![Some(3.4), Some(2.5), Some(3.1), Some(3.6), Some(2.9), Some(2.7)],
            },
        ],
    }
}

fn heatmap(title: &str, general: &str, pillars: [&str; 3]) -> HeatmapChart {
    let mut rows: Vec<String> = DIMENSIONS.iter().map(|d| d.to_string()).collect();
    rows.push(general.to_string());
    HeatmapChart {
        title: title.to_string(),
        rows,
        columns: pillars.iter().map(|p| p.to_string()).collect(),
        values: vec![
            vec![Some(2.4), Some(3.1), Some(4.26)],
            vec![Some(1.0), Some(1.8), None],
            vec![Some(2.95), Some(3.5), Some(2.0)],
            vec![Some(4.6), Some(5.0), Some(3.3)],
            vec![Some(1.5), None, Some(2.6)],
            vec![Some(3.9), Some(2.2), Some(1.3)],
            vec![None, Some(2.8)],
        ],
        scale_max: 5.0,
    }
}

fn gaps(title: &str, axis: &str) -> GapBarChart {
    GapBarChart {
        title: title.to_string(),
        labels: vec![
            "ST-03 Kapasitas SDM TIK".to_string(),
            "IN-07 Jaringan serat optik ke kantor OPD".to_string(),
            "SU-02 Perda & Perbup SPBE".to_string(),
            "ST-01".to_string(),
            "IN-02 Pusat data daerah".to_string(),
            "SU-05 SOP layanan <publik> terpadu".to_string(),
        ],
        gaps: vec![2.0, 3.0, 1.0, 4.0, 2.5, 1.0],
        axis_label: axis.to_string(),
    }
}

/// `text` as it appears inside SVG markup.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn assert_svg_has(svg: &str, texts: &[&str]) {
    assert!(svg.starts_with("<svg"), "not an SVG document");
    for text in texts {
        assert!(svg.contains(&escaped(text)), "{text:?} is missing from the SVG");
    }
}

#[test]
fn radar_renders_its_labels_in_both_languages() {
    let svg = to_svg(&radar("Indeks kesiapan per dimensi", "Putaran"), 800, 600).unwrap();
    assert_svg_has(&svg, &["Indeks kesiapan per dimensi", "Smart Governance", "Smart Environment", "Putaran 2 (2025)"]);
    for ring in ["1", "2", "3", "4", "5"] {
        assert!(
            svg.contains(&format!(">{ring}</text>")) || svg.contains(&format!(">\n{ring}")),
            "ring {ring} has no number"
        );
    }
    let svg = to_svg(&radar("Readiness index by dimension", "Round"), 800, 600).unwrap();
    assert_svg_has(&svg, &["Readiness index by dimension", "Smart Society", "Round 1 (2024)"]);
    assert!(!svg.contains("Putaran"));
}

#[test]
fn heatmap_prints_values_with_a_decimal_comma_and_dashes_for_empty_cells() {
    let pillars_id = ["Struktur", "Infrastruktur", "Suprastruktur"];
    let svg = to_svg(&heatmap("Indeks per dimensi dan pilar", "Umum", pillars_id), 800, 600).unwrap();
    assert_svg_has(
        &svg,
        &["Indeks per dimensi dan pilar", "Umum", "Suprastruktur", "Smart Living", "2,4", "4,3", "5,0", "–"],
    );
    assert!(!svg.contains("2.4"), "decimal point in a value");
    let pillars_en = ["Structure", "Infrastructure", "Superstructure"];
    let svg = to_svg(&heatmap("Index by dimension and pillar", "General", pillars_en), 800, 600).unwrap();
    assert_svg_has(&svg, &["Index by dimension and pillar", "General", "Superstructure", "3,0", "1,0"]);
}

#[test]
fn gap_bars_show_labels_values_and_the_axis_caption() {
    let svg = to_svg(&gaps("Kesenjangan terbesar", "Selisih ke target (tingkat)"), 800, 600).unwrap();
    assert_svg_has(
        &svg,
        &[
            "Kesenjangan terbesar",
            "Selisih ke target (tingkat)",
            "ST-01",
            "SU-02 Perda & Perbup SPBE",
            "SU-05 SOP layanan <publik> terpadu",
            "2,5",
        ],
    );
    let svg = to_svg(&gaps("Largest gaps", "Gap to target (levels)"), 800, 600).unwrap();
    assert_svg_has(&svg, &["Largest gaps", "Gap to target (levels)", "IN-02 Pusat data daerah"]);
}

#[test]
fn gap_bars_are_sorted_longest_first() {
    let svg = to_svg(&gaps("t", "a"), 800, 600).unwrap();
    let at = |code: &str| svg.find(&format!("\n{code}")).unwrap_or_else(|| panic!("no label {code}"));
    assert!(at("ST-01") < at("IN-07"));
    assert!(at("IN-07") < at("IN-02"));
    assert!(at("IN-02") < at("ST-03"));
    // Equal gaps keep their order.
    assert!(at("ST-03") < at("SU-02"));
    assert!(at("SU-02") < at("SU-05"));
}

#[test]
fn bitmaps_are_rgba_and_not_blank() {
    let (w, h) = (640, 480);
    let rgba = to_rgba(&radar("Indeks kesiapan per dimensi", "Putaran"), w, h).unwrap();
    assert_eq!(rgba.len(), (w * h * 4) as usize);
    assert!(rgba.chunks_exact(4).all(|p| p[3] == 255), "not opaque");
    let colored = rgba.chunks_exact(4).filter(|p| p[..3] != [255, 255, 255]).count();
    assert!(colored > 1000, "only {colored} non-white pixels");
    for chart_pixels in
        [to_rgba(&heatmap("t", "Umum", ["a", "b", "c"]), w, h).unwrap(), to_rgba(&gaps("t", "a"), w, h).unwrap()]
    {
        assert_eq!(chart_pixels.len(), (w * h * 4) as usize);
        assert!(chart_pixels.chunks_exact(4).any(|p| p[..3] != [255, 255, 255]));
    }
}

#[test]
fn png_is_written_whole_without_leaving_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("radar.png");
    std::fs::write(&path, b"old").unwrap();
    write_png(&radar("Indeks", "Putaran"), 1200, 900, &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]), "no PNG signature");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["radar.png"]);
}

#[test]
fn png_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("chart.png");
    assert!(write_png(&gaps("t", "a"), 400, 300, &path).is_err());
    assert!(!path.exists());
}

#[test]
fn sizes_outside_the_limits_are_refused() {
    assert!(to_rgba(&gaps("t", "a"), 0, 300).is_err());
    assert!(to_svg(&gaps("t", "a"), 300, MAX_SIDE + 1).is_err());
}

#[test]
fn empty_charts_render_without_panicking() {
    let charts_svg = [
        to_svg(&RadarChart::default(), 800, 600),
        to_svg(
            &RadarChart { axes: DIMENSIONS.iter().map(|d| d.to_string()).collect(), ..Default::default() },
            800,
            600,
        ),
        to_svg(
            &RadarChart {
                title: "x".into(),
                axes: vec!["A".into(), "B".into()],
                scale_max: f64::NAN,
                series: vec![RadarSeries { name: "r".into(), color: BLUE_, values: vec![None; 6] }],
            },
            800,
            600,
        ),
        to_svg(&HeatmapChart::default(), 800, 600),
        to_svg(&heatmap("t", "Umum", ["a", "b", "c"]).with_values(vec![]), 800, 600),
        to_svg(&GapBarChart::default(), 800, 600),
        to_svg(&GapBarChart { gaps: vec![f64::NAN, -1.0, 0.0], ..Default::default() }, 800, 600),
    ];
    for svg in charts_svg {
        assert!(svg.unwrap().starts_with("<svg"));
    }
    // Scales and values far off the usual ones.
    let mut huge = radar("t", "r");
    huge.scale_max = 1e12;
    to_rgba(&huge, 400, 300).unwrap();
    to_rgba(&heatmap("t", "Umum", ["a", "b", "c"]).with_scale_max(1e12), 400, 300).unwrap();
    to_rgba(&heatmap("t", "Umum", ["a", "b", "c"]).with_scale_max(0.5), 400, 300).unwrap();
    to_rgba(&GapBarChart { gaps: vec![f64::MAX, 1e308, 1e-300], ..gaps("t", "a") }, 400, 300).unwrap();
    to_rgba(&GapBarChart { gaps: vec![0.8, 0.2], ..gaps("t", "a") }, 400, 300).unwrap();
    // A radar whose every value is missing, and tiny pictures.
    let mut all_none = radar("t", "r");
    for series in &mut all_none.series {
        series.values = vec![None; 6];
    }
    to_rgba(&all_none, 800, 600).unwrap();
    to_rgba(&radar("t", "r"), 40, 30).unwrap();
    to_rgba(&heatmap("t", "Umum", ["a", "b", "c"]), 40, 30).unwrap();
    to_rgba(&gaps("t", "a"), 40, 30).unwrap();
}

impl HeatmapChart {
    fn with_values(mut self, values: Vec<Vec<Option<f64>>>) -> Self {
        self.values = values;
        self
    }

    fn with_scale_max(mut self, scale_max: f64) -> Self {
        self.scale_max = scale_max;
        self
    }
}

#[test]
fn numbers_use_a_decimal_comma() {
    assert_eq!(format_number(3.0), "3");
    assert_eq!(format_number(2.5), "2,5");
    assert_eq!(format_number(0.0), "0");
}

/// Writes the three charts, in both languages, as PNGs into `$CHARTS_PREVIEW_DIR` for a look by eye:
/// `CHARTS_PREVIEW_DIR=/tmp/charts cargo test --lib charts::tests::preview`.
#[test]
fn preview() {
    let Some(dir) = std::env::var_os("CHARTS_PREVIEW_DIR") else { return };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (w, h) = (800, 600);
    write_png(&radar("Indeks kesiapan per dimensi", "Putaran"), w, h, &dir.join("radar_id.png")).unwrap();
    write_png(&radar("Readiness index by dimension", "Round"), 2400, 1800, &dir.join("radar_en_print.png")).unwrap();
    let pillars_id = ["Struktur", "Infrastruktur", "Suprastruktur"];
    write_png(&heatmap("Indeks per dimensi dan pilar", "Umum", pillars_id), w, h, &dir.join("heatmap_id.png")).unwrap();
    write_png(
        &gaps("Kesenjangan terbesar terhadap target", "Selisih ke target (tingkat)"),
        w,
        h,
        &dir.join("gaps_id.png"),
    )
    .unwrap();
    std::fs::write(dir.join("radar_id.svg"), to_svg(&radar("Indeks kesiapan per dimensi", "Putaran"), w, h).unwrap())
        .unwrap();
    // The app's size (560x420 points at 1x), and crowded data.
    let small = [
        ("small_radar.png", Box::new(radar("Indeks kesiapan per dimensi", "Putaran")) as Box<dyn Chart>),
        ("small_heatmap.png", Box::new(heatmap("Indeks per dimensi dan pilar", "Umum", pillars_id))),
        ("small_gaps.png", Box::new(gaps("Kesenjangan terbesar", "Selisih ke target (tingkat)"))),
    ];
    for (name, chart) in &small {
        write_png(chart.as_ref(), 560, 420, &dir.join(name)).unwrap();
    }
    let elements = [
        "Pelayanan Publik",
        "Manajemen Birokrasi",
        "Kebijakan Publik",
        "Ekosistem Pariwisata",
        "Ekosistem Bisnis Daerah",
        "Wajah Kota",
        "Ekosistem Industri yang Berdaya Saing",
        "Harmonisasi Tata Ruang Wilayah",
        "Sarana dan Prasarana Kesehatan",
    ];
    let crowded_radar = RadarChart {
        title: "Indeks kesiapan per elemen, semua putaran penilaian sejak awal masterplan".into(),
        axes: elements.iter().map(|e| e.to_string()).collect(),
        scale_max: 5.0,
        series: (0..5)
            .map(|k| RadarSeries {
                name: format!("Putaran {} ({})", k + 1, 2021 + k),
                color: [
                    [0x2E, 0x5E, 0xAA],
                    [0xD9, 0x82, 0x2B],
                    [0x3A, 0x7F, 0x2E],
                    [0xB8, 0x3A, 0x3A],
                    [0x7D, 0x4A, 0x9E],
                ][k],
                values: (0..9).map(|i| Some(1.0 + ((i * 7 + k * 3) % 9) as f64 * 0.45)).collect(),
            })
            .collect(),
    };
    write_png(&crowded_radar, w, h, &dir.join("crowded_radar.png")).unwrap();
    let crowded_heatmap = HeatmapChart {
        title: "Indeks per elemen dan pilar".into(),
        rows: elements.iter().map(|e| e.to_string()).collect(),
        columns: vec![
            "Struktur (SDM, anggaran, tata kelola)".into(),
            "Infrastruktur fisik, digital dan sosial".into(),
            "Suprastruktur".into(),
        ],
        values: (0..9).map(|i| (0..3).map(|k| Some(1.0 + ((i * 5 + k * 2) % 9) as f64 * 0.5)).collect()).collect(),
        scale_max: 5.0,
    };
    write_png(&crowded_heatmap, w, h, &dir.join("crowded_heatmap.png")).unwrap();
    let crowded_gaps = GapBarChart {
        title: "Kesenjangan terbesar".into(),
        labels: (0..25)
            .map(|i| format!("IN-{i:02} Apakah daerah sudah memiliki rencana induk pusat data dan jaringan"))
            .collect(),
        gaps: (0..25).map(|i| f64::from(1 + (i * 7) % 4)).collect(),
        axis_label: "Selisih ke target (tingkat)".into(),
    };
    write_png(&crowded_gaps, w, h, &dir.join("crowded_gaps.png")).unwrap();
}

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
    }
}

fn funding(title: &str, names: [&str; 6]) -> FundingMixChart {
    let amounts = [45 * M, 30 * M, 8 * M, 20 * M, 5 * M, 2_500_000_000];
    FundingMixChart {
        title: title.to_string(),
        parts: names.iter().zip(SOURCE_COLORS).zip(amounts).map(|((n, c), a)| (n.to_string(), c, a)).collect(),
    }
}

const FUNDING_ID: [&str; 6] = ["APBD Kabupaten", "APBN / DAK", "Dana Desa", "KPBU", "CSR swasta", "Hibah"];
const FUNDING_EN: [&str; 6] =
    ["Regency budget (APBD)", "National budget (APBN/DAK)", "Village funds", "PPP (KPBU)", "Private CSR", "Grants"];
const PROJECTION_ID: [&str; 4] = ["Realisasi", "Proyeksi dasar", "Pesimistis", "Optimistis"];
const PROJECTION_EN: [&str; 4] = ["Actual", "Base projection", "Pessimistic", "Optimistic"];

/// The texts of an SVG document, trimmed.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let body = &rest[rest.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().replace("&amp;", "&"))
        })
        .collect()
}

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
            .map(|t| crate::i18n::parse_rupiah(t).unwrap_or_else(|e| panic!("tick {t:?}: {e:?}")))
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
    use super::finance::money_label;
    assert_eq!(money_label(0.0), "Rp 0");
    assert_eq!(money_label(500e9), "Rp 500 M");
    assert_eq!(money_label(1.5e12), "Rp 1,5 T");
    assert_eq!(money_label(25e6), "Rp 25 jt");
    assert_eq!(money_label(-2e9), "-Rp 2 M");
    assert_eq!(money_label(1e20), "Rp 100.000.000 T");
    assert_eq!(money_label(f64::NAN), "–");
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
    let zero = FundingMixChart { title: "t".into(), parts: vec![("A".into(), BLUE_, 0), ("B".into(), ORANGE, -5)] };
    let texts = svg_texts(&to_svg(&zero, 800, 600).unwrap());
    assert!(texts.iter().filter(|t| *t == "–").count() == 2, "{texts:?}");
    // More sources than rows: the rest summed up under "…", so the shares still add up.
    let many = FundingMixChart {
        title: "t".into(),
        parts: (0..40).map(|k| (format!("Sumber {k}"), BLUE_, 1_000_000_000)).collect(),
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
        }),
        Box::new(FundingMixChart { title: "t".into(), parts: vec![("A".into(), BLUE_, i64::MIN)] }),
        Box::new(FundingMixChart {
            title: "t".into(),
            parts: (0..60).map(|k| (format!("Sumber {k}"), BLUE_, k * M)).collect(),
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
/// `$CHARTS_PREVIEW_DIR`: `CHARTS_PREVIEW_DIR=/tmp/charts cargo test --lib charts::tests::finance_preview`.
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
            }),
        ),
        (
            "edge_zero_funding",
            Box::new(FundingMixChart { title: "Sumber pendanaan".into(), parts: vec![("APBD".into(), BLUE_, 0)] }),
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
    };
    let largest = chart.high.iter().flatten().copied().max().unwrap();
    assert!(largest > 1_710 * M);
    for (w, h) in [(560, 420), (700, 525), (840, 630), (1120, 840), (800, 600), (2400, 1800)] {
        let ticks: Vec<i64> = svg_texts(&to_svg(&chart, w, h).unwrap())
            .iter()
            .filter(|t| t.starts_with("Rp "))
            .map(|t| crate::i18n::parse_rupiah(t).unwrap())
            .collect();
        assert!(ticks.last().is_some_and(|&top| top >= largest), "{ticks:?} below {largest} at {w}x{h}");
    }
}
