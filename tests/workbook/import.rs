//! `import` on the command line, run as the built binary: the template, a filled file that imports as one
//! edit, and bad files that exit 1 and leave the workbook as it was.

use std::path::Path;

use crate::common::*;

fn program_count(data_dir: &Path, path: &Path) -> u64 {
    info_json(data_dir, path)["counts"]["programs"].as_u64().expect("a program count")
}

/// A CSV row for the header line `header` (semicolons), with `values` by header and the rest empty.
fn row(header: &str, values: &[(&str, &str)]) -> String {
    header
        .split(';')
        .map(|h| values.iter().find(|(k, _)| *k == h).map_or("", |(_, v)| *v))
        .collect::<Vec<_>>()
        .join(";")
}

#[test]
fn a_filled_template_imports_as_one_edit_and_a_bad_file_changes_nothing() {
    let dir = temp_dir();
    let workbook = demo_file(dir.path(), "demo.smartcity");
    let workbook_arg = workbook.to_str().unwrap();
    let before = program_count(dir.path(), &workbook);

    let template = dir.path().join("template.csv");
    let output = run(dir.path(), &["import", "--template", template.to_str().unwrap()]);
    assert!(output.status.success(), "{}", show(&output));
    let template_text = std::fs::read_to_string(&template).unwrap();
    let template_text = template_text.strip_prefix('\u{feff}').expect("the template starts with a BOM");
    let header = template_text.lines().next().unwrap().to_string();
    assert!(header.starts_with("Code;Name;"), "English by default: {header}");
    assert_eq!(template_text.lines().count(), 3, "the header and two example rows");

    // Fill it: keep the example rows and add a program of two rows (two funding sources).
    let mut filled = format!("\u{feff}{template_text}");
    for (source, amount) in [("APBD", "1.500.000.000"), ("APBN", "2,5 M")] {
        let values = [
            ("Code", "NEW-01"),
            ("Name", "Command center"),
            ("Element", "Public Service"),
            ("Agency", "Diskominfo"),
            ("Start year", "2024"),
            ("End year", "2026"),
            ("Funding source", source),
            ("2025", amount),
        ];
        filled.push_str(&row(&header, &values));
        filled.push_str("\r\n");
    }
    let filled_path = dir.path().join("filled.csv");
    std::fs::write(&filled_path, &filled).unwrap();

    let unchanged = bytes(&workbook);
    let dry = run(dir.path(), &["import", workbook_arg, filled_path.to_str().unwrap(), "--dry-run"]);
    assert!(dry.status.success(), "{}", show(&dry));
    assert!(text(&dry.stdout).contains("4 rows read, 2 programs ready to import, 0 rows refused"), "{}", show(&dry));
    assert!(text(&dry.stdout).contains("Dry run"));
    assert!(bytes(&workbook) == unchanged, "a dry run never writes");

    let output = run(dir.path(), &["import", workbook_arg, filled_path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", show(&output));
    assert!(text(&output.stdout).contains("2 programs imported into"), "{}", show(&output));
    assert_eq!(program_count(dir.path(), &workbook), before + 2);
    let state = file_state(&workbook);
    let new = state.programs.iter().find(|p| p.code == "NEW-01").expect("the imported program");
    assert_eq!(new.total_cost(), 4_000_000_000);

    // Importing the same file again: every code is taken, so nothing is added.
    let again = run(dir.path(), &["import", workbook_arg, filled_path.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1), "{}", show(&again));
    assert!(text(&again.stdout).contains("row 2, column Code: This code is already used by the program"));

    // A bad row refuses the whole file, and the good row with it.
    let bad = format!(
        "{header}\r\n{}\r\n{}\r\n",
        row(
            &header,
            &[
                ("Code", "BAD-01"),
                ("Name", "Bad"),
                ("Element", "health"),
                ("Start year", "2024"),
                ("End year", "2025"),
                ("Funding source", "APBD"),
                ("2024", "1.250.000,50")
            ]
        ),
        row(
            &header,
            &[("Code", "OK-01"), ("Name", "Good"), ("Element", "health"), ("Start year", "2024"), ("End year", "2025")]
        ),
    );
    let bad_path = dir.path().join("bad.csv");
    std::fs::write(&bad_path, bad).unwrap();
    let unchanged = bytes(&workbook);
    let output = run(dir.path(), &["import", workbook_arg, bad_path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", show(&output));
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("row 2, column 2024: Rupiah must be whole, without cents\n"), "{}", show(&output));
    assert!(stdout.contains("2 rows read, 1 program ready to import, 1 row refused"), "{}", show(&output));
    assert!(text(&output.stderr).contains("Import refused"), "{}", show(&output));
    assert!(bytes(&workbook) == unchanged, "a refused import leaves the file as it was");
    assert_eq!(program_count(dir.path(), &workbook), before + 2);
}

#[test]
fn an_xlsx_template_in_indonesian_reports_every_problem_against_an_empty_workbook() {
    let dir = temp_dir();
    let workbook = dir.path().join("new.smartcity");
    let output = run(dir.path(), &["new", workbook.to_str().unwrap()]);
    assert!(output.status.success(), "{}", show(&output));
    let template = dir.path().join("templat.xlsx");
    let output = run(dir.path(), &["--lang", "id", "import", "--template", template.to_str().unwrap()]);
    assert!(output.status.success(), "{}", show(&output));
    assert!(template.exists());

    let unchanged = bytes(&workbook);
    let output = run(dir.path(), &["--lang", "id", "import", workbook.to_str().unwrap(), template.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", show(&output));
    let stdout = text(&output.stdout);
    // The new workbook has no agencies, and its period starts after the demo's.
    assert!(stdout.contains("baris 2, kolom OPD: OPD Diskominfo tidak ditemukan"), "{}", show(&output));
    assert!(stdout.contains("baris 2, kolom Mulai: Tahun harus di dalam periode masterplan"), "{}", show(&output));
    assert!(stdout.contains("baris 3, kolom OPD: "), "{}", show(&output));
    assert!(text(&output.stderr).contains("Impor dibatalkan"), "{}", show(&output));
    assert!(bytes(&workbook) == unchanged);
    assert_eq!(program_count(dir.path(), &workbook), 0);
}

#[test]
fn a_file_that_is_not_a_program_table_is_one_error_on_stderr() {
    let dir = temp_dir();
    let workbook = demo_file(dir.path(), "demo.smartcity");
    let wrong = dir.path().join("wrong.csv");
    std::fs::write(&wrong, "kode|nama|elemen\nX|Y|Z\n").unwrap();
    let unchanged = bytes(&workbook);
    let output = run(dir.path(), &["import", workbook.to_str().unwrap(), wrong.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", show(&output));
    assert_eq!(text(&output.stdout), "");
    assert!(text(&output.stderr).contains("no known column headers"), "{}", show(&output));
    assert!(bytes(&workbook) == unchanged);

    let usage = run(dir.path(), &["import", workbook.to_str().unwrap()]);
    assert_eq!(usage.status.code(), Some(2), "a wrong command line exits 2");
}
