//! The headless command line, run as the built binary.

use smartcity_workbench::seed;
use smartcity_workbench::store::schema;

use crate::common::*;

#[test]
fn demo_then_info_describes_konawe_selatan() {
    let dir = temp_dir();
    let path = dir.path().join("demo.smartcity");
    let output = run(dir.path(), &["demo", path.to_str().unwrap()]);
    succeeded(&output);
    assert!(path.exists());
    let before = bytes(&path);

    let info = info_json(dir.path(), &path);
    assert_eq!(info["region"]["name"], "Kabupaten Konawe Selatan");
    assert_eq!(info["region"]["time_zone"], "WITA");
    assert_eq!(info["period"]["start"], 2022);
    assert_eq!(info["period"]["end"], 2031);
    assert_eq!(info["example"], true);
    assert_eq!(info["schema_version"], schema::CURRENT_VERSION);
    assert_eq!(info["newer_than_app"], false);
    let counts = &info["counts"];
    assert_eq!(counts["dimensions"], 6);
    assert_eq!(counts["elements"], 18);
    assert_eq!(counts["agencies"], 34);
    assert_eq!(counts["programs"], seed::demo_workbook().programs.len());

    // Count and cost per dimension add up to the programs' own budget lines.
    let demo = seed::demo_workbook();
    let by_dimension = info["programs_by_dimension"].as_array().expect("a list per dimension");
    assert_eq!(by_dimension.len(), 6);
    assert_eq!(by_dimension[0]["key"], "governance");
    let count: u64 = by_dimension.iter().map(|d| d["count"].as_u64().unwrap()).sum();
    let cost: i64 = by_dimension.iter().map(|d| d["cost"].as_i64().unwrap()).sum();
    assert_eq!(count as usize, demo.programs.len());
    let lines: i64 = demo.programs.iter().flat_map(|p| &p.budget).map(|l| l.amount).sum();
    assert_eq!(cost, lines);
    let governance: i64 = demo
        .programs
        .iter()
        .filter(|p| demo.dimension_of(p.element_id).is_some_and(|d| d.key == "governance"))
        .map(|p| p.total_cost())
        .sum();
    assert_eq!(by_dimension[0]["cost"].as_i64(), Some(governance));

    // The latest readiness round: the demo's 2021 baseline, weighted index by hand 2.10 (Cukup).
    let readiness = &info["readiness"];
    assert_eq!(readiness["round"]["year"], 2021);
    let overall = readiness["overall"]["index"].as_f64().unwrap();
    assert!((overall - 2.10).abs() < 0.005, "{overall}");
    assert_eq!(readiness["overall"]["band"], "Cukup");
    assert_eq!(readiness["overall"]["answered"], readiness["overall"]["items"]);
    let governance = readiness["dimensions"]["governance"]["index"].as_f64().unwrap();
    assert!((governance - 2.93).abs() < 0.005, "{governance}");
    assert_eq!(readiness["dimensions"]["governance"]["band"], "Baik");
    for pillar in ["structure", "infrastructure", "superstructure"] {
        assert!(readiness["pillars"][pillar]["index"].as_f64().is_some(), "{pillar}");
    }

    // The budget history: the reported 2019 figures give 81.314.566.003 / 1.514.805.037.924 x 100 = 5,37 %.
    let finance = &info["finance"];
    let history = finance["history"].as_array().expect("a list per year");
    let years: Vec<i64> = history.iter().map(|y| y["year"].as_i64().unwrap()).collect();
    assert_eq!(years, (2016..=2026).collect::<Vec<_>>());
    let y2019 = history.iter().find(|y| y["year"] == 2019).unwrap();
    assert_eq!(y2019["revenue"], 1_514_805_037_924_i64);
    assert_eq!(y2019["pad"], 81_314_566_003_i64);
    let percent = y2019["decentralisation_percent"].as_f64().unwrap();
    assert!((percent - 81_314_566_003.0 / 1_514_805_037_924.0 * 100.0).abs() < 1e-9, "{percent}");
    assert_eq!(format!("{percent:.2}"), "5.37");
    assert_eq!(y2019["band"], "very_low");
    assert_eq!(y2019["estimate"], false);
    assert_eq!(history[0]["estimate"], true, "2016 is an estimate");
    // The base scenario per masterplan year: gap = the programs' APBD cost less the envelope.
    let projection = &finance["projection"];
    assert_eq!(projection["scenario"], "base");
    let rows = projection["years"].as_array().expect("a row per masterplan year");
    assert_eq!(rows.len(), 10);
    let mut total_gap = 0;
    for row in rows {
        let year = row["year"].as_i64().unwrap() as i32;
        let apbd: i64 =
            demo.programs.iter().map(|p| p.amount(year, smartcity_workbench::model::FundingSource::Apbd)).sum();
        assert_eq!(row["program_cost"].as_i64(), Some(apbd), "{year}");
        let envelope = row["envelope"].as_i64().unwrap();
        assert_eq!(row["gap"].as_i64(), Some(apbd - envelope), "{year}");
        total_gap += apbd - envelope;
    }
    // 2022 is history: 1 % of the reported 1,7 triliun of spending.
    assert_eq!(rows[0]["envelope"], 17_000_000_000_i64);
    assert_eq!(projection["total"]["gap"].as_i64(), Some(total_gap));

    let plain = run(dir.path(), &["info", path.to_str().unwrap()]);
    assert!(text(&succeeded(&plain).stdout).contains("Kabupaten Konawe Selatan"));
    assert!(bytes(&path) == before, "info never writes to the file");
    assert!(sidecars(&path).is_empty());
}

#[test]
fn new_writes_an_empty_workbook_and_never_replaces_one() {
    let dir = temp_dir();
    let path = dir.path().join("new.smartcity");
    succeeded(&run(dir.path(), &["new", path.to_str().unwrap()]));
    let info = info_json(dir.path(), &path);
    assert_eq!(info["counts"]["dimensions"], 6);
    assert_eq!(info["counts"]["elements"], 18);
    assert_eq!(info["counts"]["agencies"], 0);
    assert_eq!(info["example"], false);

    let before = bytes(&path);
    for command in ["new", "demo"] {
        let output = run(dir.path(), &[command, path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{command} on an existing file");
        assert!(!text(&output.stderr).trim().is_empty(), "{command} says why on stderr");
        assert!(bytes(&path) == before, "{command} left the existing file unchanged");
    }

    // --force does replace it.
    succeeded(&run(dir.path(), &["demo", path.to_str().unwrap(), "--force"]));
    assert_eq!(info_json(dir.path(), &path)["counts"]["agencies"], 34);
}

#[test]
fn info_on_a_text_file_fails_on_stderr_only() {
    let dir = temp_dir();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "bukan workbook\n").unwrap();
    let before = bytes(&path);
    for args in [vec!["info", path.to_str().unwrap()], vec!["info", path.to_str().unwrap(), "--json"]] {
        let output = run(dir.path(), &args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&output.stdout), "", "{args:?}: nothing on stdout");
        assert!(!text(&output.stderr).trim().is_empty(), "{args:?}: a message on stderr");
    }
    assert!(bytes(&path) == before);

    let missing = run(dir.path(), &["info", dir.path().join("missing.smartcity").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(text(&missing.stdout), "");

    let wrong = run(dir.path(), &["info"]);
    assert_eq!(wrong.status.code(), Some(2), "a wrong command line exits 2");
}
