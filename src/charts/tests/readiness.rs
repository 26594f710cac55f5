//! Tests of the readiness charts (radar, heatmap, gap bars) and of what every chart shares: bitmaps, PNG files,
//! size limits, empty data, numbers.

use super::{BLUE_, DIMENSIONS, ORANGE, assert_svg_has};
use crate::charts::*;

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

pub(super) fn gaps(title: &str, axis: &str) -> GapBarChart {
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
/// `CHARTS_PREVIEW_DIR=/tmp/charts cargo test --lib charts::tests::readiness::preview`.
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
