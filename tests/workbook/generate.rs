//! Generated workbooks: `generate --programs N PATH` run as the built binary, and the generator's workbook
//! through the file.

use std::path::Path;

use smartcity_workbench::generate::large_workbook;
use smartcity_workbench::store;

use crate::common::*;

fn program_count(data_dir: &Path, path: &Path) -> serde_json::Value {
    let info = info_json(data_dir, path);
    assert_eq!(info["counts"]["elements"], 18);
    info["counts"]["programs"].clone()
}

#[test]
fn generate_writes_the_programs_asked_for_and_never_replaces_a_file_unasked() {
    let dir = temp_dir();
    let path = dir.path().join("large.smartcity");
    let file = path.to_str().unwrap();
    succeeded(&run(dir.path(), &["generate", "--programs", "300", file]));
    assert_eq!(program_count(dir.path(), &path), 300);
    assert!(sidecars(&path).is_empty());

    let before = bytes(&path);
    let refused = run(dir.path(), &["generate", "--programs", "5", file]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(bytes(&path) == before, "an existing file is left as it was");

    let usage = run(dir.path(), &["generate", file]);
    assert_eq!(usage.status.code(), Some(2), "the count is required");
    assert!(bytes(&path) == before);

    succeeded(&run(dir.path(), &["generate", "--programs", "5", file, "--force"]));
    assert_eq!(program_count(dir.path(), &path), 5);
}

#[test]
fn a_generated_workbook_reads_back_as_written() {
    let dir = temp_dir();
    let workbook = large_workbook(300, 11);
    let path = dir.path().join("generated.smartcity");
    store::write_new_file(&path, &workbook, AUTHOR).unwrap();
    assert_eq!(open(&path).workbook(), &workbook);
}
