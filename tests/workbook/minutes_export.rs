//! Workshop minutes on export: two workshops of the same stage and date each get their own file.

use std::sync::atomic::AtomicBool;

use smartcity_workbench::i18n::Lang;
use smartcity_workbench::io::books::{DocFormat, minutes_file_name};
use smartcity_workbench::io::export_plan::{ExportFormat, ExportRequest, run};
use smartcity_workbench::seed;

use crate::common::*;

#[test]
fn two_workshops_of_the_same_stage_and_date_export_to_two_files() {
    let mut workbook = seed::demo_workbook();
    let first = workbook.quick_wins.workshops.first().expect("the demo has a workshop").clone();
    let mut second = first.clone();
    second.id = smartcity_workbench::model::new_id();
    second.place = "Aula Kedua Kecamatan".into();
    second.title = "Lokakarya kedua".into();
    second.position = first.position + 1;
    workbook.quick_wins.workshops.push(second.clone());

    let name_1 = minutes_file_name(&workbook, first.id, DocFormat::Html, Lang::Id);
    let name_2 = minutes_file_name(&workbook, second.id, DocFormat::Html, Lang::Id);
    assert_ne!(name_1, name_2);
    // Deterministic: the same names on a second call.
    assert_eq!(name_2, minutes_file_name(&workbook, second.id, DocFormat::Html, Lang::Id));

    let dir = temp_dir();
    let mut request = ExportRequest::all(dir.path().to_path_buf());
    request.formats = vec![ExportFormat::Html];
    let report = run(&workbook, &request, &mut |_| {}, &AtomicBool::new(false));
    assert_eq!(report.error, None);
    let minutes: Vec<_> = report
        .written
        .iter()
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("berita-acara"))
        .collect();
    assert_eq!(minutes.len(), 2, "{minutes:?}");
    let html_1 = std::fs::read_to_string(dir.path().join(&name_1)).unwrap();
    let html_2 = std::fs::read_to_string(dir.path().join(&name_2)).unwrap();
    assert!(html_1.contains(&first.place) && !html_1.contains(&second.place), "{name_1} holds the first");
    assert!(html_2.contains(&second.place), "{name_2} holds the second");
}
