//! Benchmarks of a large masterplan: a workbook of 10,000 generated programs (about 123,000 budget lines),
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

/// Applying a text filter to 10,000 programs: the per-revision search index is built once, as in the app,
/// and each sample runs the filter and the sort the table shows.
mod filter {
    use super::*;
    use smartcity_workbench::analysis::programs::{ProgramFilter, ProgramIndex, SortKey, select};

    #[divan::bench(sample_count = 30, sample_size = 5)]
    fn text_filter(bencher: Bencher) {
        let workbook = large_workbook(PROGRAMS, SEED);
        let index = ProgramIndex::new(&workbook);
        let filter = ProgramFilter { text: "aplikasi desa".into(), ..ProgramFilter::default() };
        bencher.bench_local(|| select(&workbook, &index, &filter, SortKey::Cost, false));
    }

    /// Rebuilding the search index, which the views do once after every committed edit.
    #[divan::bench(sample_count = 20, sample_size = 2)]
    fn index_after_an_edit(bencher: Bencher) {
        let workbook = large_workbook(PROGRAMS, SEED);
        bencher.bench_local(|| ProgramIndex::new(&workbook));
    }
}

/// One frame of the real app at 1920x1080, headless (`egui::Context::run_ui`, no rendering), on the
/// 10,000-program workbook: the program table, the dimension board and the roadmap. Caches are warm, as they
/// are between edits in the app.
mod frames {
    use super::*;
    use smartcity_workbench::paths::DataDir;
    use smartcity_workbench::ui::programs::Tab;
    use smartcity_workbench::ui::{App, Command, Startup, View};

    fn frame_of(bencher: Bencher, tab: Tab) {
        let ctx = egui::Context::default();
        let mut frame = eframe::Frame::_new_kittest();
        let data_dir = DataDir(FOLDER.get().expect("main sets the folder").join("frames-data"));
        let mut app = App::new(&ctx, Startup::Path(workbook_file().to_path_buf()), data_dir);
        assert!(app.session().is_some_and(|s| s.workbook().programs.len() == PROGRAMS));
        app.execute(&ctx, Command::Show(View::Programs));
        app.programs_mut().tab = tab;
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
            ..Default::default()
        };
        for _ in 0..3 {
            let _warm_up = ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame));
        }
        bencher.bench_local(|| ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame)));
    }

    #[divan::bench(sample_count = 30, sample_size = 3)]
    fn table(bencher: Bencher) {
        frame_of(bencher, Tab::Table);
    }

    #[divan::bench(sample_count = 30, sample_size = 3)]
    fn board(bencher: Bencher) {
        frame_of(bencher, Tab::Board);
    }

    #[divan::bench(sample_count = 30, sample_size = 3)]
    fn roadmap(bencher: Bencher) {
        frame_of(bencher, Tab::Roadmap);
    }
}
