//! Import and export of the program table, with hand-checked row reports for hostile files.

use super::*;
use crate::i18n::{Lang, Message, Text};
use crate::model::{
    ActionType, BudgetLine, Change, FundingSource, Id, MAX_AMOUNT, MAX_TEXT_CHARS, Program, ProgramStatus, Workbook,
    YearTarget,
};
use crate::seed;
use crate::store::Session;

/// The demo region (period 2022-2031, 34 agencies) without programs, whatever the demo holds.
fn workbook() -> Workbook {
    let mut workbook = seed::demo_workbook();
    workbook.programs.clear();
    workbook
}

fn element(workbook: &Workbook, key: &str) -> Id {
    workbook.elements.iter().find(|e| e.key == key).map(|e| e.id).expect("element")
}

fn agency(workbook: &Workbook, short_name: &str) -> Id {
    workbook.agencies.iter().find(|a| a.short_name == short_name).map(|a| a.id).expect("agency")
}

fn plan_csv(workbook: &Workbook, text: &str) -> ImportPlan {
    let table = read_csv(text.as_bytes(), "programs.csv").expect("readable CSV");
    ImportPlan::new(workbook, &table, &ColumnMapping::detect(&table.headers))
}

/// (row, column, message key) of each problem.
fn problems(plan: &ImportPlan) -> Vec<(usize, &str, Text)> {
    plan.problems.iter().map(|p| (p.row, p.column.as_str(), p.message.text)).collect()
}

const HEADER: &str = "Kode;Nama;Elemen;OPD;Mulai;Selesai;Sumber dana;2022;2023;2024";

fn csv(rows: &[&str]) -> String {
    std::iter::once(HEADER).chain(rows.iter().copied()).map(|r| format!("{r}\r\n")).collect()
}

/// Programs without what an import cannot keep (ids and positions), for comparing.
fn comparable(programs: &[Program]) -> Vec<Program> {
    programs.iter().map(|p| Program { id: Id::nil(), position: 0, ..p.clone() }).collect()
}

#[test]
fn reads_a_semicolon_file_into_programs_with_one_row_per_source() {
    let wb = workbook();
    let plan = plan_csv(
        &wb,
        &csv(&[
            "GOV-01;E-office;Pelayanan Publik;Diskominfo;2022;2024;APBD;1.250.000;500 jt;",
            "gov-01;;;;;;DAK;;1,25 M;",
            "ECO-01;Pasar digital;Kesejahteraan Rakyat;;2023;2023;;;;",
        ]),
    );
    assert!(plan.is_clean(), "{:?}", plan.report(Lang::En));
    assert_eq!((plan.rows_read, plan.rows_refused, plan.programs.len()), (3, 0, 2));
    assert_eq!(plan.program_rows, vec![2, 4]);
    let line = |year, source, amount| BudgetLine { year, source, amount };
    let first = &plan.programs[0];
    assert_eq!(first.code, "GOV-01");
    assert_eq!(first.name, "E-office");
    assert_eq!(first.element_id, element(&wb, "public_service"));
    assert_eq!(first.agency_id, Some(agency(&wb, "Diskominfo")));
    assert_eq!((first.start_year, first.end_year), (2022, 2024));
    assert_eq!(first.action_type, ActionType::Application, "an empty action type is the model's default");
    assert_eq!(first.status, ProgramStatus::Planned);
    assert_eq!(
        first.budget,
        vec![
            line(2022, FundingSource::Apbd, 1_250_000),
            line(2023, FundingSource::Apbd, 500_000_000),
            line(2023, FundingSource::Dak, 1_250_000_000),
        ]
    );
    let second = &plan.programs[1];
    assert_eq!((second.code.as_str(), second.agency_id, second.budget.len()), ("ECO-01", None, 0));
    assert_eq!(first.position, wb.next_program_position());
    assert_eq!(second.position, first.position + 1);
    assert_ne!(first.id, second.id);

    let edit = plan.edit();
    assert_eq!(edit.label, Message::with(Text::EditImportPrograms, ["2", "programs.csv"]));
    assert_eq!(edit.changes.len(), 2);
    assert_eq!(plan.report(Lang::En), vec!["3 rows read, 2 programs ready to import, 0 rows refused"]);
}

#[test]
fn reads_comma_files_with_a_bom_and_english_headers_the_same_way() {
    let wb = workbook();
    let semicolon =
        plan_csv(&wb, &csv(&["GOV-01;\"E-office; tahap 1\";Pelayanan Publik;2.16.01;2022;2024;APBD;1.250.000;;"]));
    let comma = plan_csv(
        &wb,
        "\u{feff}code,name,element,agency,start_year,end_year,funding_source,amount_2022\n\
         GOV-01,\"E-office; tahap 1\",public service,Dinas Komunikasi Informatika dan Persandian,2022,2024,apbd,\"1.250.000\"\n",
    );
    assert!(semicolon.is_clean() && comma.is_clean(), "{:?} {:?}", semicolon.report(Lang::En), comma.report(Lang::En));
    assert_eq!(comparable(&semicolon.programs), comparable(&comma.programs));
    assert_eq!(comma.programs[0].name, "E-office; tahap 1");
}

#[test]
fn a_wrong_delimiter_or_a_missing_header_is_one_clear_file_error() {
    let wb = workbook();
    let piped = plan_csv(&wb, "kode|nama|elemen\nGOV-01|E-office|Pelayanan Publik\n");
    assert_eq!(piped.file_errors.len(), 1);
    assert_eq!(piped.file_errors[0].text, Text::ImportNoHeader);
    assert!(piped.problems.is_empty() && piped.programs.is_empty());

    let headless = plan_csv(&wb, "GOV-01;E-office;Pelayanan Publik;Diskominfo;2022;2024;APBD;1000;;\n");
    assert_eq!(headless.file_errors.iter().map(|m| m.text).collect::<Vec<_>>(), vec![Text::ImportNoHeader]);
    assert!(headless.report(Lang::En)[0].starts_with("The first row has no known column headers (GOV-01 | E-office"));

    let partial = plan_csv(&wb, "kode;nama;catatan\nGOV-01;E-office;x\n");
    assert_eq!(
        partial.file_errors,
        vec![
            Message::with(Text::ImportMissingColumn, ["Elemen / Element"]),
            Message::with(Text::ImportMissingColumn, ["Mulai / Start year"]),
            Message::with(Text::ImportMissingColumn, ["Selesai / End year"]),
        ]
    );
    assert_eq!(partial.notes, vec![Message::with(Text::ImportColumnIgnored, ["catatan"])]);

    let twice = plan_csv(&wb, "nama;name;elemen;mulai;selesai\n");
    assert_eq!(twice.file_errors, vec![Message::with(Text::ImportColumnTwice, ["nama", "name", "Nama / Name"])]);
}

#[test]
fn numbers_that_are_not_whole_positive_rupiah_are_reported_on_their_cell() {
    let wb = workbook();
    let plan = plan_csv(
        &wb,
        &csv(&[
            "A-1;Teks;Pelayanan Publik;;2022;2024;APBD;;dua juta;",
            "A-2;Pecahan;Pelayanan Publik;;2022;2024;APBD;1.250.000,50;;",
            "A-3;Negatif;Pelayanan Publik;;2022;2024;APBD;;;-5.000",
            "A-4;Tahun;Pelayanan Publik;;dua ribu;2024;;;;",
            "A-5;Terlalu besar;Pelayanan Publik;;2022;2024;APBD;200 T;;",
            "A-6;Baik;Pelayanan Publik;;2022;2024;APBD;1.000;;",
        ]),
    );
    assert_eq!(
        problems(&plan),
        vec![
            (2, "2023", Text::MoneyNotANumber),
            (3, "2022", Text::MoneyFraction),
            (4, "2024", Text::AmountNegative),
            (5, "Mulai", Text::NotAYear),
            (6, "2022", Text::AmountTooLarge),
        ]
    );
    assert_eq!(plan.programs.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), vec!["A-6"]);
    assert_eq!((plan.rows_read, plan.rows_refused), (6, 5));
    assert_eq!(
        plan.report(Lang::En)[0],
        "row 2, column 2023: Not a readable rupiah amount. Write it the Indonesian way, e.g. 1.250.000 or 1,25 M"
    );
    assert_eq!(plan.report(Lang::Id)[2], "baris 4, kolom 2024: Jumlah tidak boleh negatif");
}

#[test]
fn long_names_are_refused_and_emoji_and_formulas_are_plain_text() {
    let wb = workbook();
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let formula = "=cmd|' /C calc'!A0";
    let plan = plan_csv(
        &wb,
        &csv(&[
            &format!("L-1;{long};Pelayanan Publik;;2022;2024;;;;"),
            "E-1;Aplikasi warga 📱🇮🇩;Pelayanan Publik;;2022;2024;;;;",
            &format!("F-1;{formula};Pelayanan Publik;;2022;2024;;;;"),
            "F-2;'=1+1;Pelayanan Publik;;2022;2024;;;;",
            &format!("L-2;{};Pelayanan Publik;;2022;2024;;;;", "y".repeat(MAX_TEXT_CHARS)),
        ]),
    );
    assert_eq!(problems(&plan), vec![(2, "Nama", Text::TooLong)]);
    assert_eq!(plan.problems[0].message.args, vec![MAX_TEXT_CHARS.to_string()]);
    let names: Vec<&str> = plan.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names[..3], ["Aplikasi warga 📱🇮🇩", formula, "=1+1"]);
    assert_eq!(names[3].chars().count(), MAX_TEXT_CHARS, "exactly the limit is accepted");
}

#[test]
fn duplicate_codes_in_the_file_and_against_the_workbook_are_reported() {
    let mut wb = workbook();
    let existing = Program {
        code: "GOV-09".into(),
        action_type: ActionType::Policy,
        start_year: 2022,
        end_year: 2023,
        position: 7,
        ..wb.new_program(Some(element(&wb, "public_service")), "Sudah ada")
    };
    wb.programs.push(existing);
    let plan = plan_csv(
        &wb,
        &csv(&[
            "GOV-01;E-office;Pelayanan Publik;;2022;2024;APBD;1000;;",
            "GOV-01;E-office lain;Pelayanan Publik;;2022;2025;APBN;;2000;",
            " gov-09 ;Tabrakan;Pelayanan Publik;;2022;2024;;;;",
            "GOV-02;Dua kali;Pelayanan Publik;;2022;2024;APBD;1000;;",
            "GOV-02;Dua kali;Pelayanan Publik;;2022;2024;APBD;;1000;",
        ]),
    );
    assert_eq!(
        problems(&plan),
        vec![
            (2, "Kode", Text::ImportProgramRefused),
            (3, "Nama", Text::ImportRowConflict),
            (3, "Selesai", Text::ImportRowConflict),
            (4, "Kode", Text::ProgramCodeTaken),
            (5, "Kode", Text::ImportProgramRefused),
            (6, "Sumber dana", Text::ImportSourceTwice),
        ]
    );
    assert_eq!(plan.problems[0].message.args, vec!["3"]);
    assert_eq!(plan.problems[1].message.args, vec!["2"]);
    assert_eq!(plan.problems[3].message.args, vec!["Sudah ada"]);
    assert_eq!(plan.problems[5].message.args, vec!["5"]);
    assert!(plan.programs.is_empty());
    assert_eq!(plan.rows_refused, 5);
    assert!(plan.edit().changes.is_empty());
}

#[test]
fn agencies_elements_and_words_are_matched_by_any_of_their_names_or_reported() {
    let wb = workbook();
    let text = "kode;nama;dimensi;elemen;opd;jenis;status;quick win;mulai;selesai;sumber dana;2022\n\
        M-1;a;;HEALTH;dinkes;Infrastruktur pendukung;BERJALAN;ya;2022;2022;provinsi;1\n\
        M-2;b;Smart Living;Sarana dan Prasarana Kesehatan;Dinas Kesehatan;literacy;done;No;2022;2022;PPP;1\n\
        M-3;c;smart governance;health;Dinas Antah Berantah;aplikasi;selesai;x;2022;2022;Dana_Desa;1\n\
        M-4;d;Smart Ekonomi;Kesejahteraan Rakyat;5.02.01;policy;libur;mungkin;2022;2022;dolar;1\n\
        M-5;e;;Elemen Ajaib;;;;;2022;2022;APBD;1\n";
    let plan = plan_csv(&wb, text);
    assert_eq!(
        problems(&plan),
        vec![
            (4, "elemen", Text::ImportElementNotInDimension),
            (4, "opd", Text::ImportUnknownAgency),
            (5, "dimensi", Text::ImportUnknownDimension),
            (5, "status", Text::ImportUnknownValue),
            (5, "quick win", Text::ImportNotYesNo),
            (5, "sumber dana", Text::ImportUnknownValue),
            (6, "elemen", Text::ImportUnknownElement),
        ]
    );
    assert_eq!(plan.problems[0].message.args, vec!["health", "smart governance"]);
    assert_eq!(plan.problems[3].message.args[0], "libur");
    assert!(plan.problems[3].message.args[1].contains("Direncanakan / Planned"));
    let [m1, m2] = &plan.programs[..] else { panic!("two programs: {:?}", plan.report(Lang::En)) };
    assert_eq!(m1.element_id, element(&wb, "health"));
    assert_eq!(m1.agency_id, Some(agency(&wb, "Dinkes")));
    assert_eq!((m1.action_type, m1.status, m1.quick_win), (ActionType::Infrastructure, ProgramStatus::Running, true));
    assert_eq!(m1.budget[0].source, FundingSource::Province);
    assert_eq!(m2.agency_id, m1.agency_id);
    assert_eq!((m2.action_type, m2.status, m2.quick_win), (ActionType::Literacy, ProgramStatus::Done, false));
    assert_eq!(m2.budget[0].source, FundingSource::Kpbu);
}

#[test]
fn amounts_need_a_source_and_the_program_years_and_other_rows_are_told_why() {
    let wb = workbook();
    let plan = plan_csv(
        &wb,
        &csv(&[
            "S-1;Tanpa sumber;Pelayanan Publik;;2022;2024;;1000;;",
            "S-2;Di luar tahun;Pelayanan Publik;;2022;2023;APBD;1000;;",
            "S-2;;;;;;APBN;;;5000",
            "S-3;Tanpa elemen;;;2022;2024;APBD;1000;;",
            "S-4;Di luar periode;Pelayanan Publik;;2021;2040;;;;",
            "S-5;Terbalik;Pelayanan Publik;;2024;2022;;;;",
            "S-6;Nol;Pelayanan Publik;;2022;2022;APBD;0;;",
        ]),
    );
    assert_eq!(
        problems(&plan),
        vec![
            (2, "Sumber dana", Text::ImportSourceMissing),
            (3, "Kode", Text::ImportProgramRefused),
            (4, "2024", Text::BudgetOutsideYears),
            (5, "Elemen", Text::Required),
            (6, "Mulai", Text::YearOutsidePeriod),
            (6, "Selesai", Text::YearOutsidePeriod),
            (7, "Selesai", Text::ProgramEndBeforeStart),
        ]
    );
    assert_eq!(plan.problems[1].message.args, vec!["4"]);
    let [zero] = &plan.programs[..] else { panic!("one program") };
    assert_eq!((zero.code.as_str(), zero.budget.len()), ("S-6", 0), "an amount of 0 is no money");
}

#[test]
fn rows_without_a_code_are_one_program_only_when_adjacent_with_the_same_name() {
    let wb = workbook();
    let plan = plan_csv(
        &wb,
        &csv(&[
            ";Literasi desa;Ekosistem Belajar;;2022;2024;APBD;1000;;",
            ";Literasi desa;Ekosistem Belajar;;2022;2024;Dana Desa;2000;;",
            ";Program lain;Ekosistem Belajar;;2022;2024;;;;",
            ";Literasi desa;Ekosistem Belajar;;2022;2024;APBD;3000;;",
        ]),
    );
    assert!(plan.is_clean(), "{:?}", plan.report(Lang::En));
    let budgets: Vec<usize> = plan.programs.iter().map(|p| p.budget.len()).collect();
    assert_eq!(budgets, vec![2, 0, 1]);
}

fn program(workbook: &Workbook, code: &str, name: &str) -> Program {
    Program {
        code: code.into(),
        start_year: 2022,
        end_year: 2031,
        ..workbook.new_program(Some(element(workbook, "public_service")), name)
    }
}

/// A workbook whose programs use every column, awkward text and both kinds of grouping.
fn workbook_with_programs() -> Workbook {
    let mut wb = workbook();
    let line = |year, source, amount| BudgetLine { year, source, amount };
    let mut a = program(&wb, "GOV-01", "E-office \"terpadu\"; tahap 1");
    a.description = "Baris satu\nBaris dua, dengan koma".into();
    a.agency_id = Some(agency(&wb, "Diskominfo"));
    a.element_id = element(&wb, "bureaucracy");
    a.action_type = ActionType::Infrastructure;
    a.location = "Andoolo".into();
    a.start_year = 2023;
    a.end_year = 2026;
    a.status = ProgramStatus::Running;
    a.outputs = "Naskah dinas elektronik".into();
    a.indicator = "Persentase OPD".into();
    a.indicator_baseline = "10%".into();
    a.targets = vec![YearTarget { year: 2023, target: "25%".into() }, YearTarget { year: 2026, target: "100%".into() }];
    a.budget = vec![
        line(2023, FundingSource::Apbd, 1_250_000_000),
        line(2024, FundingSource::Apbd, 750_000_000),
        line(2024, FundingSource::Dak, 2_000_000_000),
        line(2026, FundingSource::Csr, 1),
        line(2025, FundingSource::Province, MAX_AMOUNT),
    ];
    a.quick_win = true;
    a.normalise();
    wb.apply(&Change::PutProgram(a));

    let mut b = program(&wb, "", "Literasi digital desa 📱");
    b.element_id = element(&wb, "learning");
    b.agency_id = Some(agency(&wb, "DPMD"));
    b.action_type = ActionType::Literacy;
    b.budget = vec![line(2027, FundingSource::DanaDesa, 500_000_000), line(2028, FundingSource::Apbd, 80_000_000)];
    b.normalise();
    wb.apply(&Change::PutProgram(b));

    let mut c = program(&wb, "INJ-1", "=cmd|' /C calc'!A0");
    c.description = "@SUM(A1:A9)".into();
    c.location = "-2+3".into();
    c.outputs = "+62 812".into();
    c.indicator_baseline = "'quoted".into();
    c.status = ProgramStatus::Dropped;
    c.action_type = ActionType::Policy;
    c.element_id = element(&wb, "energy");
    wb.apply(&Change::PutProgram(c));

    let mut d = program(&wb, "", "Tanpa kode, tanpa anggaran");
    d.status = ProgramStatus::Done;
    d.agency_id = Some(agency(&wb, "Setda"));
    wb.apply(&Change::PutProgram(d));
    wb
}

#[test]
fn csv_export_imports_back_unchanged_in_both_languages_and_delimiters() {
    let wb = workbook_with_programs();
    for lang in Lang::ALL {
        for delimiter in [';', ','] {
            let text = write_programs_csv(&wb, lang, delimiter);
            assert!(text.starts_with('\u{feff}'));
            let plan = plan_csv(&workbook(), &text);
            assert!(plan.is_clean(), "{lang:?} {delimiter:?}: {:?}", plan.report(Lang::En));
            assert!(plan.notes.is_empty(), "{:?}", plan.notes);
            assert_eq!(comparable(&plan.programs), comparable(&wb.programs), "{lang:?} {delimiter:?}");
            assert_eq!(plan.rows_read, 4 + 2 + 1 + 1, "one row per source, one for a program without budget");
        }
    }
}

#[test]
fn csv_export_neutralises_formulas_and_uses_the_words_of_its_language() {
    let mut wb = workbook_with_programs();
    let mut tab = program(&wb, "TAB-1", "Tab");
    tab.indicator = "\tindented".into();
    tab.outputs = "\rreturn".into();
    wb.apply(&Change::PutProgram(tab));
    let text = write_programs_csv(&wb, Lang::Id, ';');
    let table = read_csv(text.as_bytes(), "x.csv").unwrap();
    assert_eq!(table.headers[..4], ["Kode", "Nama", "Deskripsi", "Dimensi"]);
    let raw_cells: Vec<&str> =
        text.split(['\n', ';']).map(|c| c.trim_start_matches('"').trim_end_matches('\r')).collect();
    for dangerous in ['=', '+', '-', '@', '\t'] {
        assert!(!raw_cells.iter().any(|c| c.starts_with(dangerous)), "a cell starts with {dangerous:?}:\n{text}");
    }
    for guarded in ["'=cmd|' /C calc'!A0", "'@SUM(A1:A9)", "'-2+3", "'+62 812", "'\tindented", "'\rreturn", "''quoted"]
    {
        assert!(text.contains(guarded), "{guarded:?} missing in\n{text}");
    }
    assert!(text.contains(";Kebijakan dan kelembagaan;") && text.contains(";Dibatalkan;"));
    assert!(text.contains(";Diskominfo;") && text.contains(";Manajemen Birokrasi;"));
    assert!(text.contains(";1250000000;"), "amounts are plain digits");
    let english = write_programs_csv(&wb, Lang::En, ',');
    assert!(english.starts_with("\u{feff}Code,Name,Description,Dimension,Element,Agency,Action type,"));
    assert!(english.contains(",Policy and institutions,") && english.contains(",Bureaucracy,"));
}

#[test]
fn xlsx_export_imports_back_unchanged_and_keeps_numbers_numeric() {
    let wb = workbook_with_programs();
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let path = dir.path().join(format!("programs-{}.xlsx", lang.code()));
        write_programs_xlsx(&wb, lang, &path).unwrap();
        let table = read_file(&path).unwrap();
        assert_eq!(table.header_row, 1);
        let amount_column = table.headers.iter().position(|h| h == "2023").unwrap();
        assert_eq!(table.rows[0].cell(amount_column), &Cell::Float(1_250_000_000.0));
        let plan = ImportPlan::new(&workbook(), &table, &ColumnMapping::detect(&table.headers));
        assert!(plan.is_clean(), "{:?}", plan.report(Lang::En));
        assert_eq!(comparable(&plan.programs), comparable(&wb.programs));
    }
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no temporary files are left: {leftovers:?}");
}

#[test]
fn xlsx_numbers_with_fractions_negative_or_text_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Lain").unwrap();
    sheet.write_string(0, 0, "not this sheet").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Programs").unwrap();
    for (c, header) in
        ["code", "name", "element", "start_year", "end_year", "funding_source", "2022", "2023"].iter().enumerate()
    {
        sheet.write_string(1, c as u16 + 1, *header).unwrap();
    }
    let rows: [(&str, f64, f64); 4] =
        [("X-1", 1.5, 0.0), ("X-2", -3.0, 0.0), ("X-3", 1e300, 0.0), ("X-4", 1_250_000.0, 2.0)];
    for (r, (code, a, b)) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        sheet.write_string(r, 1, *code).unwrap();
        sheet.write_string(r, 2, "Program").unwrap();
        sheet.write_string(r, 3, "public_service").unwrap();
        sheet.write_number(r, 4, 2022).unwrap();
        sheet.write_number(r, 5, 2023).unwrap();
        sheet.write_string(r, 6, "APBD").unwrap();
        sheet.write_number(r, 7, *a).unwrap();
        sheet.write_number(r, 8, *b).unwrap();
    }
    sheet.write_string(6, 1, "X-5").unwrap();
    sheet.write_string(6, 2, "Teks").unwrap();
    sheet.write_string(6, 3, "public_service").unwrap();
    sheet.write_string(6, 4, "2022").unwrap();
    sheet.write_string(6, 5, "2023").unwrap();
    sheet.write_string(6, 6, "APBD").unwrap();
    sheet.write_string(6, 7, "1.250.000,50").unwrap();
    std::fs::write(&path, book.save_to_buffer().unwrap()).unwrap();

    let plan = plan_file(&workbook(), &path).unwrap();
    assert!(plan.file_errors.is_empty(), "{:?}", plan.file_errors);
    assert_eq!(
        problems(&plan),
        vec![
            (3, "2022", Text::MoneyFraction),
            (4, "2022", Text::AmountNegative),
            (5, "2022", Text::MoneyTooLarge),
            (7, "2022", Text::MoneyFraction),
        ]
    );
    let [ok] = &plan.programs[..] else { panic!("one program") };
    assert_eq!((ok.code.as_str(), ok.total_cost()), ("X-4", 1_250_002));
}

#[test]
fn templates_in_both_languages_and_formats_import_into_the_demo_region() {
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        for ext in ["csv", "xlsx"] {
            let path = dir.path().join(format!("template-{}.{ext}", lang.code()));
            write_template(&path, lang).unwrap();
            let table = read_file(&path).unwrap();
            assert_eq!(table.headers[0], if lang == Lang::Id { "Kode" } else { "Code" });
            assert_eq!(table.rows.len(), 2, "two example rows");
            let plan = ImportPlan::new(&workbook(), &table, &ColumnMapping::detect(&table.headers));
            assert!(plan.is_clean(), "{lang:?} {ext}: {:?}", plan.report(Lang::En));
            let [example] = &plan.programs[..] else { panic!("one example program") };
            let marker = if lang == Lang::Id { "CONTOH" } else { "EXAMPLE" };
            assert!(example.code.starts_with(marker) && example.name.starts_with(marker));
            assert_eq!(example.budget.iter().map(|l| l.source).collect::<Vec<_>>().len(), 4);
        }
    }
    assert_eq!(
        write_template(&dir.path().join("t.ods"), Lang::En),
        Err(Text::ImportUnknownFileType.get(Lang::En).into())
    );
}

#[test]
fn an_import_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.smartcity");
    let mut session = Session::create(&path, &workbook(), "tester").unwrap();
    let plan = plan_csv(session.workbook(), &write_programs_csv(&workbook_with_programs(), Lang::Id, ';'));
    assert!(plan.is_clean());
    session.commit(plan.edit()).unwrap();
    assert_eq!(comparable(&session.workbook().programs), comparable(&plan.programs));
    assert_eq!(session.undo_label(), Some(&plan.edit().label));
    session.undo().unwrap();
    assert!(session.workbook().programs.is_empty());
    assert_eq!(session.undo_label(), None);
}

#[test]
fn unreadable_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("fake.xlsx");
    std::fs::write(&fake, "kode;nama\n").unwrap();
    assert!(matches!(read_file(&fake), Err(ReadError::Spreadsheet(_))));
    assert_eq!(read_file(&dir.path().join("none.csv")).map(|_| ()).unwrap_err().message().text, Text::ImportCannotRead);
    assert_eq!(read_file(&dir.path().join("x.pdf")), Err(ReadError::UnknownFileType));
}

#[test]
fn every_problem_of_a_row_is_reported_not_only_the_first() {
    let wb = workbook();
    let plan = plan_csv(&wb, &csv(&["P-1;Program;Pelayanan Publik;Dinas Antah;2019;tahun depan;;;;"]));
    assert_eq!(
        problems(&plan),
        vec![
            (2, "OPD", Text::ImportUnknownAgency),
            (2, "Mulai", Text::YearOutsidePeriod),
            (2, "Selesai", Text::NotAYear)
        ]
    );
}
