//! Benchmarks of a large masterplan: a workbook of 10,000 generated programs (about 130,000 budget lines),
//! written once per run into a temporary folder. Run with `cargo bench --bench workbook`.
//!
//! Each group is a module with its own `#[divan::bench]` functions; a new group (frames of the UI, analyses)
//! is one more module beside these, using [`workbook_file`] or its own fixture.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::Bencher;
use smartcity_workbench::generate::large_workbook;
use smartcity_workbench::i18n::{Message, Text};
use smartcity_workbench::model::{Change, Edit};
use smartcity_workbench::paths::DATA_DIR_ENV;
use smartcity_workbench::store::{self, Session};

/// Programs in the benchmark workbook: the largest masterplan the app is tuned for.
const PROGRAMS: usize = 10_000;
const SEED: u64 = 1;
const AUTHOR: &str = "bench";

/// The run's temporary folder: the workbook and the app's data folder (workbook locks) live there.
static FOLDER: OnceLock<PathBuf> = OnceLock::new();
static WORKBOOK: OnceLock<PathBuf> = OnceLock::new();

fn main() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    // SAFETY: no other thread has started yet; the app reads this variable only later, inside the benchmarks.
    unsafe { std::env::set_var(DATA_DIR_ENV, folder.path().join("data")) };
    FOLDER.set(folder.path().to_path_buf()).expect("the folder is set once");
    divan::main();
    // Statics are never dropped: remove the folder here.
    drop(folder);
}

/// The benchmark workbook, generated and written on first use and checked to open for editing.
fn workbook_file() -> &'static Path {
    WORKBOOK.get_or_init(|| {
        let path = FOLDER.get().expect("main sets the folder").join("large.smartcity");
        let workbook = large_workbook(PROGRAMS, SEED);
        store::write_new_file(&path, &workbook, AUTHOR).expect("the benchmark workbook is written");
        let session = Session::open(&path, AUTHOR).expect("the benchmark workbook opens");
        assert_eq!(session.read_only(), None, "the benchmark workbook opens for editing");
        assert_eq!(session.workbook(), &workbook, "the benchmark workbook reads back as written");
        path
    })
}

/// Opening a workbook for editing: header and schema checks, the lock, WAL mode, and reading every row into
/// the snapshot the UI draws from. Closing happens after each sample, outside the timing.
mod open {
    use super::*;

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn open_and_load(bencher: Bencher) {
        let path = workbook_file();
        bencher.bench_local(|| Session::open(path, AUTHOR).expect("opens"));
    }
}

/// Committing one edit on an open workbook: validation against 10,000 programs, one durable SQLite
/// transaction (WAL, synchronous FULL), the snapshot update and the undo step.
mod commit {
    use super::*;

    #[divan::bench(sample_count = 20, sample_size = 5)]
    fn rename_one_program(bencher: Bencher) {
        let mut session = Session::open(workbook_file(), AUTHOR).expect("opens");
        assert_eq!(session.read_only(), None);
        let mut program = session.workbook().programs[PROGRAMS / 2].clone();
        let mut edits = 0u64;
        bencher.bench_local(|| {
            edits += 1;
            program.name = format!("Program yang diganti namanya {edits}");
            // The label only names the undo step.
            let label = Message::with(Text::EditProfileField, [program.code.clone()]);
            session.commit(Edit::one(label, Change::PutProgram(program.clone()))).expect("the edit is saved");
        });
    }
}
