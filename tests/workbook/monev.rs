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

/// The demo at `dir/w.smartcity` exported as XLSX and CSV into `dir/out`.
fn exported_demo(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let path = demo_file(dir, "w.smartcity");
    let out = dir.join("out");
    std::fs::create_dir(&out).unwrap();
    succeeded(&run(dir, &["export", path.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "xlsx,csv"]));
    (path, out)
}

#[test]
fn the_exported_realisation_imports_back_unchanged_from_csv_and_xlsx() {
    let dir = temp_dir();
    let (path, out) = exported_demo(dir.path());
    let before = bytes(&path);
    let framework = std::fs::read_to_string(out.join("kerangka-evaluasi.csv")).unwrap();
    assert!(
        framework.contains("Outcome (hasil);30;outcome_implementation;Keterlaksanaan program masterplan;"),
        "{framework}"
    );
    let scores = std::fs::read_to_string(out.join("nilai-evaluasi.csv")).unwrap();
    assert_eq!(scores.lines().count(), 1 + 22, "a header and 11 items x 2 years");
    let xlsx = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    for file in [out.join("realisasi.csv"), xlsx] {
        let output = run(dir.path(), &["import", path.to_str().unwrap(), file.to_str().unwrap(), "--realisation"]);
        succeeded(&output);
        let shown = text(&output.stdout);
        // 189 rows: every program-year of the demo with its sources; none refused.
        assert!(shown.contains("189 rows read, 143 program-years ready to import, 0 rows refused"), "{shown}");
        assert!(bytes(&path) == before, "{}: the same realisation changes nothing", file.display());
    }
}

#[test]
fn a_realisation_file_with_bad_rows_is_refused_whole_with_each_row_and_reason() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "w.smartcity");
    let before = bytes(&path);
    let file = dir.path().join("laporan.csv");
    std::fs::write(
        &file,
        "Kode;Tahun;Status;Alasan;Sumber dana;Realisasi anggaran\n\
         XXX-01;2025;Berjalan;;APBD;1000\n\
         GOV-PS-01;2040;Berjalan;;APBD;1000\n\
         GOV-PS-02;2025;mungkin;;APBD;12.500.000,50\n\
         GOV-PS-03;2025;Berjalan;;;5000000\n\
         GOV-MB-02;2026;Terlambat;;APBD;2.000.000.000\n\
         GOV-MB-03;2026;Selesai;;APBD;200.000.000.000.000\n\
         GOV-KP-03;2026;Selesai;;APBD;150.000.000\n",
    )
    .unwrap();
    let output = run(dir.path(), &["import", path.to_str().unwrap(), file.to_str().unwrap(), "--realisation"]);
    assert_eq!(output.status.code(), Some(1), "{}", show(&output));
    let shown = text(&output.stdout);
    for line in [
        "row 2, column Kode: There is no program with the code XXX-01 in this workbook",
        "row 3, column Tahun: The year 2040 is outside the masterplan period 2022–2031",
        "row 4, column Status: mungkin is not known",
        "row 4, column Realisasi anggaran: Rupiah must be whole",
        "row 5, column Sumber dana: Money spent needs its funding source",
        "row 6, column Status: A delayed or dropped program needs a reason",
        "row 7, column Realisasi anggaran: ",
    ] {
        assert!(shown.contains(line), "{line:?} in {shown}");
    }
    assert!(shown.contains("7 rows read, 1 program-year ready to import, 6 rows refused"), "{shown}");
    assert!(bytes(&path) == before, "nothing is half-imported");
}

#[test]
fn a_clean_realisation_file_sets_the_years_it_states_and_an_agency_copy_only_its_own() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "w.smartcity");
    let file = dir.path().join("2026.csv");
    std::fs::write(
        &file,
        "Kode;Tahun;Status;Sumber dana;Realisasi anggaran;Capaian\n\
         GOV-PS-01;2026;Selesai;APBD;400.000.000;180 jenis layanan\n\
         GOV-PS-01;2026;Selesai;Provinsi;50.000.000;180 jenis layanan\n",
    )
    .unwrap();
    let dry =
        run(dir.path(), &["import", path.to_str().unwrap(), file.to_str().unwrap(), "--realisation", "--dry-run"]);
    succeeded(&dry);
    assert!(text(&dry.stdout).contains("1 program-year ready"), "{}", show(&dry));
    assert_eq!(info_json(dir.path(), &path)["monev"]["years"][4]["reported"], 0, "a dry run writes nothing");
    succeeded(&run(dir.path(), &["import", path.to_str().unwrap(), file.to_str().unwrap(), "--realisation"]));
    let workbook = file_state(&path);
    let program = workbook.programs.iter().find(|p| p.code == "GOV-PS-01").unwrap();
    assert_eq!(workbook.monev.spent(program.id, 2026), 450_000_000);
    assert_eq!(workbook.monev.realisation(program.id, 2026).unwrap().actual, "180 jenis layanan");

    // An agency copy of another agency refuses the row: it reports only its own programs.
    let mut session = open(&path);
    let other = session.workbook().agencies.iter().find(|a| Some(a.id) != program.agency_id).unwrap().clone();
    let copy = dir.path().join("dinas.smartcity");
    session.write_agency_copy(&copy, Some(&other)).unwrap();
    drop(session);
    let output = run(dir.path(), &["import", copy.to_str().unwrap(), file.to_str().unwrap(), "--realisation"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stdout).contains("row 2, column Kode: The program GOV-PS-01 is not"), "{}", show(&output));
}

#[test]
fn the_realisation_template_is_written_in_both_formats_and_imports_into_the_demo() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "w.smartcity");
    for name in ["templat.csv", "templat.xlsx"] {
        let file = dir.path().join(name);
        succeeded(&run(dir.path(), &["import", "--template", file.to_str().unwrap(), "--realisation", "--lang", "id"]));
        let output =
            run(dir.path(), &["import", path.to_str().unwrap(), file.to_str().unwrap(), "--realisation", "--dry-run"]);
        succeeded(&output);
        assert!(
            text(&output.stdout).contains("4 rows read, 3 program-years ready to import, 0 rows refused"),
            "{name}: {}",
            show(&output)
        );
    }
}

#[test]
fn the_evaluation_report_of_each_reported_year_travels_with_the_books_and_reads_its_figures() {
    use smartcity_workbench::io::books::{DocFormat, render_evaluation};
    let dir = temp_dir();
    let path = demo_file(dir.path(), "w.smartcity");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let args =
        ["export", path.to_str().unwrap(), "--out", out.to_str().unwrap(), "--book", "3", "--format", "docx,html"];
    let output = run(dir.path(), &args);
    succeeded(&output);
    for year in 2022..=2025 {
        for ext in ["docx", "html"] {
            assert!(out.join(format!("laporan-evaluasi-{year}.{ext}")).exists(), "{year}.{ext}");
        }
    }
    assert!(!out.join("laporan-evaluasi-2026.html").exists(), "nothing reported in 2026 yet");
    let html = std::fs::read_to_string(out.join("laporan-evaluasi-2024.html")).unwrap();
    for text in [
        "Laporan Monitoring dan Evaluasi 2024",
        "Pada tahun 2024 berjalan 41 dari 42 program yang dijadwalkan (97,6 %).",
        "Indeks capaian evaluasi 2024 adalah 3,33 (skala 0–5).",
        // The APBD spent beyond the envelope is worded as a shortfall, never a bare negative number.
        "melampaui ruang fiskal smart city",
        "SOC-IM-01",
        "Keterlaksanaan program per elemen, 2024",
        "Capaian indikator",
    ] {
        assert!(html.contains(text), "{text:?} in the 2024 report");
    }
    let workbook = file_state(&path);
    for format in [DocFormat::Docx, DocFormat::Html] {
        let first = render_evaluation(&workbook, 2024, format, smartcity_workbench::i18n::Lang::En).unwrap();
        let again = render_evaluation(&workbook, 2024, format, smartcity_workbench::i18n::Lang::En).unwrap();
        assert!(first == again, "{format:?}: the same workbook gives the same bytes");
    }
}
