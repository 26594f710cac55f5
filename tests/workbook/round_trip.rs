//! The export's program table is the import format (issue 18): the demo's programs exported with the
//! `export` command (XLSX and CSV, Indonesian and English) import back into a workbook without programs,
//! through the real import code and the `import` command, dry run and for real, with every field as it was.

use std::path::{Path, PathBuf};

use smartcity_workbench::io::plan_file;
use smartcity_workbench::model::{Program, Workbook};
use smartcity_workbench::seed;
use smartcity_workbench::store;

use crate::common::*;

/// A program as the import format carries it: every field but the row id, position, readiness links and
/// strategy, with the element and agency by their key and code (ids differ between two workbooks).
fn fields(workbook: &Workbook, program: &Program) -> String {
    let element = workbook.element(program.element_id).map(|e| e.key.clone()).unwrap_or_default();
    let agency = program.agency_id.and_then(|a| workbook.agency(a)).map(|a| a.code.clone()).unwrap_or_default();
    let mut budget: Vec<_> = program.budget.iter().map(|l| (l.year, l.source, l.amount)).collect();
    budget.sort_unstable();
    let mut targets: Vec<_> = program.targets.iter().map(|t| (t.year, t.target.clone())).collect();
    targets.sort_unstable();
    format!(
        "{} | {} | {} | {element} | {agency} | {:?} | {} | {}-{} | {:?} | {} | {} | {} | {} | {budget:?} | {targets:?}",
        program.code,
        program.name,
        program.description,
        program.action_type,
        program.location,
        program.start_year,
        program.end_year,
        program.status,
        program.outputs,
        program.indicator,
        program.indicator_baseline,
        program.quick_win,
    )
}

fn all_fields(workbook: &Workbook) -> Vec<String> {
    workbook.programs.iter().map(|p| fields(workbook, p)).collect()
}

/// The demo workbook without its programs (and what only programs carry), written at `dir/name`.
fn without_programs(dir: &Path, name: &str) -> PathBuf {
    let mut workbook = seed::demo_workbook();
    workbook.programs.clear();
    workbook.quick_wins.scores.clear();
    let path = dir.join(name);
    store::write_new_file(&path, &workbook, AUTHOR).expect("workbook written");
    path
}

/// Export the demo's XLSX and CSV into `dir/<folder>` with `extra` options; the program table's CSV and the
/// spreadsheet.
fn export(dir: &Path, demo: &Path, folder: &str, extra: &[&str]) -> (PathBuf, PathBuf) {
    let out = dir.join(folder);
    std::fs::create_dir(&out).unwrap();
    let mut args = vec!["export", demo.to_str().unwrap(), "--out", out.to_str().unwrap(), "--format", "xlsx,csv"];
    args.extend(extra);
    succeeded(&run(dir, &args));
    let find = |ext: &str| {
        std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.extension().is_some_and(|x| x == ext)
                    && (ext == "xlsx" || ["program", "programs"].iter().any(|s| p.file_stem().unwrap() == *s))
            })
            .unwrap_or_else(|| panic!("no .{ext} program table in {}", out.display()))
    };
    (find("csv"), find("xlsx"))
}

#[test]
fn the_exported_program_table_imports_back_with_every_field() {
    let dir = temp_dir();
    let demo = demo_file(dir.path(), "demo.smartcity");
    let expected = all_fields(&file_state(&demo));
    assert!(expected.len() > 20, "the demo has programs: {}", expected.len());
    let rows: usize = file_state(&demo)
        .programs
        .iter()
        .map(|p| p.budget.iter().map(|l| l.source).collect::<std::collections::BTreeSet<_>>().len().max(1))
        .sum();

    let (csv_id, xlsx_id) = export(dir.path(), &demo, "id", &[]);
    let (csv_en, xlsx_en) = export(dir.path(), &demo, "en", &["--lang", "en"]);
    assert!(std::fs::read_to_string(&csv_id).unwrap().starts_with("\u{feff}Kode;Nama;"), "Indonesian by default");
    assert!(std::fs::read_to_string(&csv_en).unwrap().starts_with("\u{feff}Code;Name;"), "--lang en: English");

    for (i, file) in [csv_id, xlsx_id, csv_en, xlsx_en].iter().enumerate() {
        // The import code itself, on a workbook without programs.
        let target = without_programs(dir.path(), &format!("target-{i}.smartcity"));
        let plan = plan_file(&file_state(&target), file).expect("the file reads");
        assert!(plan.file_errors.is_empty(), "{}: {:?}", file.display(), plan.file_errors);
        assert!(plan.problems.is_empty(), "{}: {:?}", file.display(), plan.problems);
        assert_eq!(plan.rows_read, rows, "{}: one row per program and funding source", file.display());
        assert_eq!(plan.programs.len(), expected.len(), "{}", file.display());

        // The command: a dry run changes nothing, the import adds every program as it was.
        let (target_arg, file_arg) = (target.to_str().unwrap(), file.to_str().unwrap());
        let unchanged = bytes(&target);
        let dry = run(dir.path(), &["import", target_arg, file_arg, "--dry-run"]);
        succeeded(&dry);
        let summary = format!("{rows} rows read, {} programs ready to import, 0 rows refused", expected.len());
        assert!(text(&dry.stdout).contains(&summary), "{}: {}", file.display(), show(&dry));
        assert_eq!(bytes(&target), unchanged, "a dry run writes nothing");
        succeeded(&run(dir.path(), &["import", target_arg, file_arg]));
        assert_eq!(all_fields(&file_state(&target)), expected, "{}", file.display());
    }
}
