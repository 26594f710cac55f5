//! Exported files read back: the XLSX with calamine, CSV bytes, SVG and PNG headers; deterministic output;
//! failures that leave no file; the `export` command end to end.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use calamine::{Data, Reader, Xlsx, open_workbook};
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::io::atomic_file::{WriteError, write_file};
use smartcity_workbench::io::books::Book;
use smartcity_workbench::io::chart_set::{ChartSize, main_charts};
use smartcity_workbench::io::export_plan::{
    ExportError, ExportFormat, ExportReport, ExportRequest, run, spreadsheet_name,
};
use smartcity_workbench::io::spreadsheet::tables::{TableKind, tables};
use smartcity_workbench::io::spreadsheet::workbook_xlsx;
use smartcity_workbench::model::Workbook;
use smartcity_workbench::seed;

use crate::common::*;

fn request(folder: &Path, formats: &[ExportFormat], lang: Lang) -> ExportRequest {
    let mut request = ExportRequest::all(folder.to_path_buf());
    request.formats = formats.to_vec();
    request.lang = lang;
    request
}

fn export(workbook: &Workbook, request: &ExportRequest) -> ExportReport {
    run(workbook, request, &mut |_| {}, &AtomicBool::new(false))
}

/// The names in `folder`, sorted (temporary files included, so a leftover shows).
fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The demo with text that looks like formulas in its first program.
fn hostile_demo() -> Workbook {
    let mut workbook = seed::demo_workbook();
    let program = &mut workbook.programs[0];
    program.name = "=HYPERLINK(\"http://evil\",\"klik\")".into();
    program.location = "@SUM(A1)".into();
    workbook
}

/// How many funding sources the program's budget uses: its rows in the program table.
fn funding_sources(program: &smartcity_workbench::model::Program) -> usize {
    program.budget.iter().map(|l| l.source).collect::<std::collections::BTreeSet<_>>().len()
}

fn number(data: &Data) -> f64 {
    match data {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_xlsx_reads_back_with_numbers_stored_totals_and_one_sheet_per_table() {
    let dir = temp_dir();
    let workbook = hostile_demo();
    let path = dir.path().join("demo.xlsx");
    write_file(&path, &workbook_xlsx(&workbook, Lang::Id).unwrap()).unwrap();
    let mut xlsx: Xlsx<_> = open_workbook(&path).expect("calamine opens the export");

    let expected: Vec<String> = tables(&workbook, Lang::Id).iter().map(|t| t.kind.name(Lang::Id).to_string()).collect();
    let sheets = xlsx.sheet_names();
    assert_eq!(&sheets[..expected.len()], &expected[..]);
    assert_eq!(sheets.last().map(String::as_str), Some("Grafik"), "the native charts have their own sheet");
    for kind in [TableKind::Programs, TableKind::BudgetLines, TableKind::ReadinessScores, TableKind::Projection] {
        assert!(sheets.contains(&kind.name(Lang::Id).to_string()), "{kind:?}");
    }

    // Programs: the import format, one row per program and funding source, no totals row (it would be read
    // back as a program). Formula-like text is written as it is, the cell's quote prefix keeping it text.
    let programs = xlsx.worksheet_range("Program").unwrap();
    let import_rows: usize = workbook.programs.iter().map(|p| funding_sources(p).max(1)).sum();
    assert_eq!(programs.get_size().0, import_rows + 1, "header and one row per program and source");
    assert_eq!(programs.get((0, 0)), Some(&Data::String("Kode".into())));
    assert_eq!(programs.get((1, 1)), Some(&Data::String("=HYPERLINK(\"http://evil\",\"klik\")".into())));
    assert!(!(1..=import_rows).any(|r| programs.get((r, 0)) == Some(&Data::String("Total".into()))));

    // Program cost: one row per program, the last column the total cost as a number, then the totals row.
    let costs = xlsx.worksheet_range("Biaya program").unwrap();
    let (rows, columns) = costs.get_size();
    assert_eq!(rows, workbook.programs.len() + 2, "header, programs, totals");
    assert_eq!(costs.get((0, columns - 1)), Some(&Data::String("Total biaya".into())));
    for (i, program) in workbook.programs.iter().enumerate() {
        assert_eq!(number(costs.get((i + 1, columns - 1)).unwrap()), program.total_cost() as f64, "{}", program.code);
    }
    // The totals row holds SUM formulas, and their stored values are the sums.
    let total_row = workbook.programs.len() + 1;
    assert_eq!(costs.get((total_row, 0)), Some(&Data::String("Total".into())));
    let all_cost: i64 = workbook.programs.iter().map(|p| p.total_cost()).sum();
    assert_eq!(number(costs.get((total_row, columns - 1)).unwrap()), all_cost as f64);
    let formulas = xlsx.worksheet_formula("Biaya program").unwrap();
    let letters = smartcity_workbench::io::spreadsheet::column_letters(columns - 1);
    let formula = formulas.get_value((total_row as u32, (columns - 1) as u32)).cloned().unwrap_or_default();
    assert_eq!(formula, format!("SUM({letters}2:{letters}{})", workbook.programs.len() + 1));

    // Budget lines: one row per line, amounts as numbers adding up to the same cost.
    let lines = xlsx.worksheet_range("Anggaran tahunan").unwrap();
    let count: usize = workbook.programs.iter().map(|p| p.budget.len()).sum();
    assert_eq!(lines.get_size().0, count + 2);
    let sum: f64 = (1..=count).map(|r| number(lines.get((r, 6)).unwrap())).sum();
    assert_eq!(sum, all_cost as f64);

    // Readiness indices: the demo's 2021 baseline, overall 2,10 by hand (see the cli test).
    let indices = xlsx.worksheet_range("Indeks kesiapan").unwrap();
    let overall = number(indices.get((1, 2)).unwrap());
    assert!((overall - 2.10).abs() < 0.005, "{overall}");
    assert_eq!(indices.get((1, 3)), Some(&Data::String("Cukup".into())));

    // Quick wins: in ranking order; the first one's weighted score is sum(weight x score) / sum(weight), a
    // "lower is better" criterion counting 6 - score.
    let quick = xlsx.worksheet_range("Quick win").unwrap();
    assert_eq!(number(quick.get((1, 0)).unwrap()), 1.0, "rank 1 first");
    let Some(Data::String(code)) = quick.get((1, 1)) else { panic!("a code") };
    let program = workbook.programs.iter().find(|p| &p.code == code).unwrap();
    let criteria = workbook.quick_wins.criteria_in_force();
    let (mut points, mut weights) = (0u32, 0u32);
    for (i, criterion) in criteria.iter().enumerate() {
        let cell = number(quick.get((1, 5 + i)).unwrap()) as u32;
        let stored =
            workbook.quick_wins.scores.iter().find(|s| s.program_id == program.id && s.criterion_id == criterion.id);
        assert_eq!(stored.map(|s| u32::from(s.score)), Some(cell), "{}", criterion.key);
        points += criterion.weight * if criterion.lower_is_better { 6 - cell } else { cell };
        weights += criterion.weight;
    }
    let score = number(quick.get((1, 5 + criteria.len())).unwrap());
    assert!((score - f64::from(points) / f64::from(weights)).abs() < 1e-9, "{score}");

    // Strategy: one row per strategy, a direction without any on a row of its own; indicators one row each.
    let strategy = &workbook.strategy;
    let expected_rows: usize = strategy
        .directions
        .iter()
        .map(|d| strategy.strategies.iter().filter(|s| s.direction_id == d.id).count().max(1))
        .sum();
    if expected_rows > 0 {
        let sheet = xlsx.worksheet_range("Arah dan strategi").unwrap();
        assert_eq!(sheet.get_size().0, expected_rows + 1);
    }
    if !strategy.indicators.is_empty() {
        assert_eq!(xlsx.worksheet_range("Indikator").unwrap().get_size().0, strategy.indicators.len() + 1);
    }

    // The projection sheet: one row per masterplan year, then totals.
    let projection = xlsx.worksheet_range("Proyeksi APBD").unwrap();
    assert_eq!(projection.get_size().0, 10 + 2);
    assert_eq!(number(projection.get((1, 0)).unwrap()), 2022.0);
}

#[test]
fn the_xlsx_has_rupiah_formats_frozen_headers_filters_and_native_charts() {
    // calamine reads values, not styles: look into the package's XML for what it cannot show.
    let bytes = workbook_xlsx(&seed::demo_workbook(), Lang::En).unwrap();
    let dir = temp_dir();
    let path = dir.path().join("demo.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let unzip = |member: &str| {
        let output = std::process::Command::new("unzip").arg("-p").arg(&path).arg(member).output();
        output.ok().filter(|o| o.status.success()).map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let Some(styles) = unzip("xl/styles.xml") else {
        eprintln!("unzip is not installed: the package's XML is not checked");
        return;
    };
    assert!(styles.contains("formatCode=\"&quot;Rp &quot;#,##0\""), "{styles}");
    let sheet1 = unzip("xl/worksheets/sheet1.xml").unwrap();
    assert!(sheet1.contains("<pane ySplit=\"1\""), "frozen header");
    assert!(sheet1.contains("<autoFilter"), "filter");
    assert!(!sheet1.contains("<f>SUM("), "no totals in the program table");
    let sheet2 = unzip("xl/worksheets/sheet2.xml").unwrap();
    assert!(sheet2.contains("<f>SUM("), "program cost totals as formulas");
    let chart = unzip("xl/charts/chart1.xml").expect("a native chart");
    assert!(chart.contains("<c:barChart>") && chart.contains("<c:lineChart>"), "stacked cost with the envelope line");
    // The program table (sheet 1, 36 columns) prints across pages at a readable scale, code and name and the
    // header row on every page; the header row is tall enough for its wrapped text.
    assert!(sheet1.contains("scale=\"80\""), "print scale: {}", &sheet1[..sheet1.len().min(2000)]);
    assert!(!sheet1.contains("fitToPage=\"1\""), "not fitted to one page wide");
    let workbook_xml = unzip("xl/workbook.xml").unwrap();
    assert!(workbook_xml.contains("Programs!$A:$B,Programs!$1:$1"), "repeated columns and row: {workbook_xml}");
    assert!(sheet1.contains("<row r=\"1\"") && sheet1.contains("customHeight=\"1\""), "a taller header row");
    let core = unzip("docProps/core.xml").unwrap();
    assert!(core.contains("2024-01-01T00:00:00Z"), "fixed creation time: {core}");
}

#[test]
fn formula_like_text_in_the_xlsx_is_quote_prefixed_not_apostrophed() {
    let dir = temp_dir();
    let path = dir.path().join("hostile.xlsx");
    std::fs::write(&path, workbook_xlsx(&hostile_demo(), Lang::Id).unwrap()).unwrap();
    let unzip = |member: &str| {
        let output = std::process::Command::new("unzip").arg("-p").arg(&path).arg(member).output();
        output.ok().filter(|o| o.status.success()).map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let Some(styles) = unzip("xl/styles.xml") else {
        eprintln!("unzip is not installed: the package's XML is not checked");
        return;
    };
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
    let strings = unzip("xl/sharedStrings.xml").unwrap();
    assert!(strings.contains("<t>@SUM(A1)</t>"), "the text as typed");
    assert!(!strings.contains("'@SUM(A1)") && !strings.contains("'=HYPERLINK"), "no visible apostrophe");
}

#[test]
fn the_same_workbook_exports_to_the_same_bytes() {
    let workbook = seed::demo_workbook();
    assert_eq!(workbook_xlsx(&workbook, Lang::Id).unwrap(), workbook_xlsx(&workbook, Lang::Id).unwrap());
    let (first, second) = (temp_dir(), temp_dir());
    let formats = [ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::Svg, ExportFormat::Html, ExportFormat::Docx];
    let mut small = request(first.path(), &formats, Lang::En);
    small.chart_size = ChartSize { width: 400, height: 300, scale: 1.0 };
    let report = export(&workbook, &small);
    assert_eq!(report.error, None);
    small.folder = second.path().to_path_buf();
    assert_eq!(export(&workbook, &small).error, None);
    assert_eq!(names(first.path()), names(second.path()));
    for name in names(first.path()) {
        assert_eq!(bytes(&first.path().join(&name)), bytes(&second.path().join(&name)), "{name} differs");
    }
}

#[test]
fn csv_files_have_a_bom_the_chosen_delimiter_and_neutralised_formulas() {
    let workbook = hostile_demo();
    let dir = temp_dir();
    let report = export(&workbook, &request(dir.path(), &[ExportFormat::Csv], Lang::Id));
    assert_eq!(report.error, None);
    let expected: Vec<String> =
        tables(&workbook, Lang::Id).iter().map(|t| format!("{}.csv", t.kind.file_stem(Lang::Id))).collect();
    assert_eq!(
        report.written.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect::<Vec<_>>(),
        expected
    );
    let programs = std::fs::read_to_string(dir.path().join("program.csv")).unwrap();
    assert!(programs.starts_with("\u{feff}Kode;Nama;Deskripsi;Dimensi;"), "the import format: {}", &programs[..60]);
    let first = programs.split("\r\n").nth(1).unwrap();
    assert!(first.contains(";\"'=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\";"), "{first}");
    assert!(first.contains(";'@SUM(A1);"), "{first}");
    let import_rows: usize = workbook.programs.iter().map(|p| funding_sources(p).max(1)).sum();
    assert_eq!(programs.split("\r\n").filter(|l| !l.is_empty()).count(), import_rows + 1, "no totals row");

    // A negative gap stays a number: a minus sign, unquoted, not guarded.
    let projection = std::fs::read_to_string(dir.path().join("proyeksi-apbd.csv")).unwrap();
    let gaps: Vec<&str> = projection.split("\r\n").skip(1).filter_map(|l| l.split(';').nth(8)).collect();
    assert!(gaps.iter().any(|g| g.starts_with('-') && g[1..].chars().all(|c| c.is_ascii_digit())), "{gaps:?}");

    let comma = temp_dir();
    let mut request = request(comma.path(), &[ExportFormat::Csv], Lang::En);
    request.delimiter = ',';
    assert_eq!(export(&workbook, &request).error, None);
    let programs = std::fs::read_to_string(comma.path().join("programs.csv")).unwrap();
    assert!(programs.starts_with("\u{feff}Code,Name,Description,Dimension,"), "{}", &programs[..60]);
    let indices = std::fs::read_to_string(comma.path().join("readiness-indices.csv")).unwrap();
    assert!(indices.split("\r\n").nth(1).unwrap().contains(",2.10,"), "decimal point with commas: {indices}");
}

/// The width and height a PNG's IHDR chunk declares.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn charts_are_written_as_svg_and_png_of_the_chosen_size() {
    let workbook = seed::demo_workbook();
    let dir = temp_dir();
    let mut request = request(dir.path(), &[ExportFormat::Svg, ExportFormat::Png], Lang::En);
    request.chart_size = ChartSize { width: 600, height: 400, scale: 1.5 };
    let report = export(&workbook, &request);
    assert_eq!(report.error, None);
    let charts = main_charts(&workbook, Lang::En);
    assert_eq!(charts.len(), 8, "four finance charts, three readiness charts and the quick wins' value for money");
    assert_eq!(report.written.len(), 2 * charts.len());
    for (stem, _) in &charts {
        let svg = std::fs::read_to_string(dir.path().join(format!("{stem}.svg"))).unwrap();
        assert!(svg.contains("<svg") && svg.contains("width=\"600\"") && svg.contains("height=\"400\""), "{stem}");
        assert_eq!(png_size(&bytes(&dir.path().join(format!("{stem}.png")))), (900, 600), "{stem}");
    }
    assert!(dir.path().join("chart-readiness-radar.svg").exists());
    assert!(dir.path().join("chart-quick-win-value-for-money.png").exists());
    assert!(!names(dir.path()).iter().any(|n| n.contains(".tmp")), "no temporary file is left");
}

#[test]
fn a_missing_folder_or_a_folder_in_the_way_stops_with_its_message_and_leaves_no_file() {
    let workbook = seed::demo_workbook();
    let dir = temp_dir();
    let missing = dir.path().join("not-there");
    let report = export(&workbook, &request(&missing, &[ExportFormat::Xlsx], Lang::En));
    assert_eq!(report.error, Some(ExportError::FolderMissing(missing.clone())));
    assert!(report.error.unwrap().message().show(Lang::En).contains("does not exist"));
    assert!(!missing.exists(), "the folder is not created");

    // A folder with a CSV file's name: nothing is written over it, no temporary file stays, and the files
    // before it (the XLSX, the earlier tables) are complete.
    let tables = tables(&workbook, Lang::En);
    let at = tables.iter().position(|t| t.kind == TableKind::Projection).unwrap();
    let blocker = dir.path().join(format!("{}.csv", tables[at].kind.file_stem(Lang::En)));
    std::fs::create_dir(&blocker).unwrap();
    let report = export(&workbook, &request(dir.path(), &[ExportFormat::Csv, ExportFormat::Xlsx], Lang::En));
    assert_eq!(report.error, Some(ExportError::Write(WriteError::IsFolder(blocker.clone()))));
    assert!(report.summary().show(Lang::Id).contains("ada folder dengan nama yang sama"));
    assert!(blocker.is_dir());
    assert_eq!(report.written.len(), 1 + at);
    assert!(report.written[0].ends_with(spreadsheet_name(&workbook, Lang::En)));
    assert_eq!(names(dir.path()).len(), 2 + at, "{:?}", names(dir.path()));

    // A chart file in the way.
    let svg = dir.path().join("chart-revenue.svg");
    std::fs::create_dir(&svg).unwrap();
    let report = export(&workbook, &request(dir.path(), &[ExportFormat::Svg], Lang::En));
    assert_eq!(report.error, Some(ExportError::Write(WriteError::IsFolder(svg))));
}

/// A folder nothing can be written into: a read-only folder, or, for root (who writes anywhere he may),
/// the kernel's `/sys`.
fn unwritable_folder(dir: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let folder = dir.join("read-only");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(folder.join("probe"), b"x").is_err() {
        return Some(folder);
    }
    let sys = PathBuf::from("/sys");
    (sys.is_dir() && std::fs::write(sys.join("probe"), b"x").is_err()).then_some(sys)
}

#[test]
fn an_unwritable_folder_says_there_is_no_permission_and_leaves_nothing() {
    let workbook = seed::demo_workbook();
    let dir = temp_dir();
    let Some(folder) = unwritable_folder(dir.path()) else {
        eprintln!("no unwritable folder on this machine: skipped");
        return;
    };
    let before = names(&folder);
    let report = export(&workbook, &request(&folder, &[ExportFormat::Xlsx, ExportFormat::Png], Lang::En));
    let file = folder.join(spreadsheet_name(&workbook, Lang::En));
    assert_eq!(report.error, Some(ExportError::Write(WriteError::NoPermission(file))));
    assert!(report.summary().show(Lang::En).contains("no permission to write there"));
    assert!(report.written.is_empty());
    assert_eq!(names(&folder), before);
    // The PNG path classifies its failure alike.
    let report = export(&workbook, &request(&folder, &[ExportFormat::Png], Lang::En));
    assert!(matches!(report.error, Some(ExportError::Write(WriteError::NoPermission(_)))), "{:?}", report.error);
}

#[test]
fn cancel_stops_before_the_next_file_and_nothing_chosen_is_refused() {
    let workbook = seed::demo_workbook();
    let dir = temp_dir();
    let report =
        run(&workbook, &request(dir.path(), &[ExportFormat::Csv], Lang::Id), &mut |_| {}, &AtomicBool::new(true));
    assert!(report.cancelled);
    assert!(report.written.is_empty());
    assert!(names(dir.path()).is_empty());

    let mut steps = Vec::new();
    let report = run(
        &workbook,
        &request(dir.path(), &[ExportFormat::Xlsx], Lang::Id),
        &mut |p| steps.push(p.clone()),
        &AtomicBool::new(false),
    );
    assert_eq!(report.error, None);
    assert_eq!(steps.len(), 2, "one step per file and the end");
    assert_eq!((steps[1].done, steps[1].total), (1, 1));

    assert_eq!(export(&workbook, &request(dir.path(), &[], Lang::Id)).error, Some(ExportError::NothingChosen));
    let mut no_books = request(dir.path(), &[ExportFormat::Docx], Lang::Id);
    no_books.books.clear();
    assert_eq!(export(&workbook, &no_books).error, Some(ExportError::NothingChosen));
}

#[test]
fn the_background_job_reports_progress_and_its_files() {
    let dir = temp_dir();
    let job = smartcity_workbench::io::export_plan::ExportJob::start(
        seed::demo_workbook(),
        request(dir.path(), &[ExportFormat::Xlsx, ExportFormat::Csv], Lang::En),
        || {},
    );
    let report = job.wait();
    assert_eq!(report.error, None);
    assert!(report.written.iter().all(|p| p.is_file()));
    assert_eq!(report.written.len(), 1 + tables(&seed::demo_workbook(), Lang::En).len());
}

#[test]
fn the_export_command_writes_books_spreadsheets_and_charts() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "demo.smartcity");
    let before = bytes(&path);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let output = run_binary(
        dir.path(),
        &[
            "export",
            path.to_str().unwrap(),
            "--book",
            "1,3",
            "--format",
            "html,xlsx,csv,png",
            "--lang",
            "en",
            "--out",
            out.to_str().unwrap(),
            "--width",
            "400",
            "--height",
            "300",
            "--scale",
            "1",
        ],
    );
    succeeded(&output);
    let stdout = text(&output.stdout);
    let workbook = seed::demo_workbook();
    let xlsx = out.join(spreadsheet_name(&workbook, Lang::En));
    assert!(xlsx.is_file(), "{stdout}");
    assert!(stdout.contains(&format!("Written: {}", xlsx.display())), "{stdout}");
    for book in [Book::Analysis, Book::Summary] {
        let name =
            smartcity_workbench::io::books::file_name(book, smartcity_workbench::io::books::DocFormat::Html, Lang::En);
        assert!(out.join(&name).is_file(), "{name}: {stdout}");
    }
    // The minutes of each workshop travel with the documents.
    for workshop in &workbook.quick_wins.workshops {
        let name = smartcity_workbench::io::books::minutes_file_name(
            &workbook,
            workshop.id,
            smartcity_workbench::io::books::DocFormat::Html,
            Lang::En,
        );
        let html = std::fs::read_to_string(out.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}: {stdout}"));
        assert!(html.contains(&workshop.place), "{name} names the place");
    }
    assert!(!workbook.quick_wins.workshops.is_empty(), "the demo holds a workshop");
    assert!(out.join("programs.csv").is_file());
    assert_eq!(png_size(&bytes(&out.join("chart-readiness-radar.png"))), (400, 300));
    assert!(stdout.lines().last().unwrap().contains("files written to"), "{stdout}");
    assert_eq!(bytes(&path), before, "the workbook is only read");

    // A missing folder: exit 1, what to do on stderr, nothing written.
    let missing = dir.path().join("nope");
    let output = run_binary(
        dir.path(),
        &["export", path.to_str().unwrap(), "--format", "xlsx", "--out", missing.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1), "{}", show(&output));
    assert!(text(&output.stderr).contains("does not exist. Create it or choose another one"), "{}", show(&output));
    assert!(!missing.exists());

    // A wrong command line: exit 2.
    let output = run_binary(dir.path(), &["export", path.to_str().unwrap(), "--format", "pdf", "--out", "x"]);
    assert_eq!(output.status.code(), Some(2), "{}", show(&output));
}

fn run_binary(data_dir: &Path, args: &[&str]) -> std::process::Output {
    crate::common::run(data_dir, args)
}
