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

/// Screens the frames are measured at: the office's and the workshop projector's.
const DESKTOP: egui::Vec2 = egui::vec2(1920.0, 1080.0);
const PROJECTOR: egui::Vec2 = egui::vec2(1024.0, 768.0);

/// One frame of the app on the benchmark workbook at `size`, after `show` has set up what is drawn (each
/// group's own data folder, so their workbook locks do not meet), three warm-up frames first.
fn bench_frame(
    bencher: Bencher,
    data: &str,
    size: egui::Vec2,
    show: impl FnOnce(&mut smartcity_workbench::ui::App, &egui::Context),
) {
    bench_frame_on(bencher, workbook_file(), data, size, show);
}

/// [`bench_frame`] on the workbook at `path`.
fn bench_frame_on(
    bencher: Bencher,
    path: &Path,
    data: &str,
    size: egui::Vec2,
    show: impl FnOnce(&mut smartcity_workbench::ui::App, &egui::Context),
) {
    use smartcity_workbench::paths::DataDir;
    use smartcity_workbench::ui::{App, Startup};
    let ctx = egui::Context::default();
    let mut frame = eframe::Frame::_new_kittest();
    let data_dir = DataDir(FOLDER.get().expect("main sets the folder").join(data));
    let mut app = App::new(&ctx, Startup::Path(path.to_path_buf()), data_dir);
    assert!(app.session().is_some_and(|s| s.workbook().programs.len() == PROGRAMS));
    show(&mut app, &ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..Default::default()
    };
    for _ in 0..3 {
        let _warm_up = ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame));
    }
    bencher.bench_local(|| ctx.run_ui(input(), |ui| eframe::App::ui(&mut app, ui, &mut frame)));
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
    use smartcity_workbench::ui::programs::Tab;
    use smartcity_workbench::ui::{Command, View};

    fn frame_of(bencher: Bencher, tab: Tab) {
        bench_frame(bencher, "frames-data", DESKTOP, |app, ctx| {
            app.execute(ctx, Command::Show(View::Programs));
            app.programs_mut().tab = tab;
        });
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

/// One frame of each of the other views at 1920x1080 on the 10,000-program workbook, and of the board in
/// presentation mode at 1024x768 (the projector), caches warm: the budget of a frame is 8 ms.
mod views {
    use super::*;
    use smartcity_workbench::ui::{Command, View};

    fn frame_of(bencher: Bencher, view: View, present: bool) {
        bench_frame(bencher, "view-frames-data", if present { PROJECTOR } else { DESKTOP }, |app, ctx| {
            app.execute(ctx, Command::Show(view));
            if present {
                app.execute(ctx, Command::Present);
            }
        });
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn home(bencher: Bencher) {
        frame_of(bencher, View::Home, false);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn profile(bencher: Bencher) {
        frame_of(bencher, View::Profile, false);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn readiness(bencher: Bencher) {
        frame_of(bencher, View::Readiness, false);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn finance(bencher: Bencher) {
        frame_of(bencher, View::Finance, false);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn strategy(bencher: Bencher) {
        frame_of(bencher, View::Strategy, false);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn export(bencher: Bencher) {
        frame_of(bencher, View::Export, false);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn history(bencher: Bencher) {
        frame_of(bencher, View::Journal, false);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn presented_programs_1024x768(bencher: Bencher) {
        frame_of(bencher, View::Programs, true);
    }
}

/// Rendering the five masterplan books (Buku I-V) of the 10,000-program workbook in memory, without writing
/// files: all five as DOCX, and all five as HTML (charts, tables, the program matrix of every program).
mod books {
    use super::*;
    use smartcity_workbench::io::books::{Book, BookOptions, DocFormat, render};

    fn all_five(bencher: Bencher, format: DocFormat) {
        let workbook = large_workbook(PROGRAMS, SEED);
        let options = BookOptions::default();
        bencher.bench_local(|| {
            for book in Book::ALL {
                divan::black_box(render(&workbook, book, format, &options).expect("the book renders"));
            }
        });
    }

    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn all_five_docx(bencher: Bencher) {
        all_five(bencher, DocFormat::Docx);
    }

    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn all_five_html(bencher: Bencher) {
        all_five(bencher, DocFormat::Html);
    }
}

/// Exporting the 10,000-program workbook into a folder, as the Ekspor view and the `export` command do: the
/// XLSX alone (every table, totals and native charts), and all five books (DOCX and HTML) with the XLSX.
mod export {
    use super::*;
    use smartcity_workbench::io::export_plan::{ExportFormat, ExportRequest, run};
    use std::sync::atomic::AtomicBool;

    fn export(bencher: Bencher, formats: &[ExportFormat]) {
        let workbook = large_workbook(PROGRAMS, SEED);
        let folder = FOLDER.get().expect("main sets the folder").join(format!("export-{}", formats.len()));
        std::fs::create_dir_all(&folder).expect("the export folder");
        let mut request = ExportRequest::all(folder);
        request.formats = formats.to_vec();
        bencher.bench_local(|| {
            let report = run(&workbook, &request, &mut |_| {}, &AtomicBool::new(false));
            assert_eq!(report.error, None, "the export succeeds");
        });
    }

    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn xlsx(bencher: Bencher) {
        export(bencher, &[ExportFormat::Xlsx]);
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn all_books_and_xlsx(bencher: Bencher) {
        export(bencher, &[ExportFormat::Docx, ExportFormat::Html, ExportFormat::Xlsx]);
    }
}

/// The quick-win picker on 300 candidates: the exact table (budget steps x required-dimension masks), with
/// round costs (exact to the rupiah), with odd costs (the step grows, costs round up), and the whole proposal
/// from a scored workbook of 300 programs (filters, reasons).
mod quick_wins {
    use smartcity_workbench::analysis::quick_wins::picker::{Item, best_set, search};
    use smartcity_workbench::analysis::quick_wins::{PickerSettings, Window, propose, ranking};
    use smartcity_workbench::model::quick_wins::{CriterionScore, QuickWins};

    use super::*;

    const CANDIDATES: usize = 300;

    /// Deterministic candidates: costs from Rp 25 jt to 2 M, values of a 1-5 score, six dimensions.
    fn candidates(odd: bool) -> Vec<Item> {
        let mut state: u64 = 0x5EED;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..CANDIDATES)
            .map(|_| {
                let cost = (5 + next() % 400) as i64 * 5_000_000 + if odd { (next() % 999_983) as i64 } else { 0 };
                Item { cost, value: 1000 + next() % 4001, covers: Some((next() % 6) as usize) }
            })
            .collect()
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn exact_300_candidates_round_costs_3_dimensions(bencher: Bencher) {
        let items = candidates(false);
        bencher.bench_local(|| best_set(&items, 5_000_000_000, 3).expect("a set"));
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn exact_300_candidates_odd_costs_no_dimension(bencher: Bencher) {
        let items = candidates(true);
        bencher.bench_local(|| search(&items, 5_000_000_000, 0).choice.filter(|c| c.exact).expect("a proven set"));
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn exact_300_candidates_odd_costs_6_dimensions(bencher: Bencher) {
        let items = candidates(true);
        bencher.bench_local(|| search(&items, 5_000_000_000, 6).choice.filter(|c| c.exact).expect("a proven set"));
    }

    /// One frame of the Quick Win view at 1920x1080 on the 10,000-program workbook (the default criteria, no
    /// scores yet: the ranking, the grid and the picker's reasons list all 10,000 programs), caches warm.
    fn frame_of(bencher: Bencher, tab: smartcity_workbench::ui::quick_wins::Tab) {
        use smartcity_workbench::ui::{Command, View};
        bench_frame(bencher, "quick-win-frames-data", DESKTOP, |app, ctx| {
            app.execute(ctx, Command::Show(View::QuickWins));
            app.quick_wins_mut().tab = tab;
        });
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn frame_ranking_10000_programs(bencher: Bencher) {
        frame_of(bencher, smartcity_workbench::ui::quick_wins::Tab::Ranking);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn frame_scoring_grid_10000_programs(bencher: Bencher) {
        frame_of(bencher, smartcity_workbench::ui::quick_wins::Tab::Scoring);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn frame_picker_10000_programs(bencher: Bencher) {
        frame_of(bencher, smartcity_workbench::ui::quick_wins::Tab::Picker);
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn proposal_300_scored_programs(bencher: Bencher) {
        let mut workbook = large_workbook(CANDIDATES, SEED);
        workbook.quick_wins = QuickWins::with_default_criteria();
        let criteria: Vec<_> = workbook.quick_wins.criteria.iter().map(|c| c.id).collect();
        for (i, p) in workbook.programs.iter_mut().enumerate() {
            // Every program a candidate: it starts in the first year with some budget there.
            p.start_year = workbook.profile.period_start;
            p.status = smartcity_workbench::model::ProgramStatus::Planned;
            for (k, c) in criteria.iter().enumerate() {
                let score = 1 + ((i * 7 + k * 3) % 5) as u8;
                workbook.quick_wins.scores.push(CriterionScore { program_id: p.id, criterion_id: *c, score });
            }
        }
        workbook.quick_wins.scores.sort_by_key(|s| (s.program_id, s.criterion_id));
        let window = Window::first_year_of(&workbook);
        let ranked = ranking(&workbook, window);
        let settings = PickerSettings {
            cap: 5_000_000_000,
            window,
            within_12_months: true,
            min_agency_readiness: None,
            cover: workbook.dimensions.iter().take(2).map(|d| d.id).collect(),
        };
        bencher.bench_local(|| propose(&workbook, &ranked, &settings));
    }
}

/// Planning a merge of two 10,000-program copies that met at the same state: every row as fields, the
/// three-way comparison, and the changes that apply it. The other copy edited every hundredth program.
mod merge {
    use super::*;
    use smartcity_workbench::merge::field_maps_of;
    use smartcity_workbench::merge::plan::{Stamps, plan};

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn plan_and_changes(bencher: Bencher) {
        let base = large_workbook(PROGRAMS, SEED);
        let mut theirs = base.clone();
        for program in theirs.programs.iter_mut().step_by(100) {
            program.name.push_str(" (revisi)");
        }
        let stamps = Stamps::new();
        bencher.bench_local(|| {
            let (base_rows, theirs_rows) = (field_maps_of(&base), field_maps_of(&theirs));
            let plan = plan(&base_rows, &base_rows, &theirs_rows, &stamps, &stamps);
            let changes = plan.changes(&base_rows).expect("no conflicts");
            assert_eq!(changes.len(), PROGRAMS / 100);
        });
    }

    /// The worst case for the check of rows merged from both sides: every program changed on both sides
    /// (different fields), so every merged program is validated against the workbook.
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn plan_with_every_program_changed_on_both_sides(bencher: Bencher) {
        let base = large_workbook(PROGRAMS, SEED);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.programs.iter_mut().for_each(|p| p.location.push_str(" (lokasi baru)"));
        theirs.programs.iter_mut().for_each(|p| p.name.push_str(" (revisi)"));
        let stamps = Stamps::new();
        bencher.bench_local(|| {
            let (base_rows, ours_rows, theirs_rows) =
                (field_maps_of(&base), field_maps_of(&ours), field_maps_of(&theirs));
            let mut plan = plan(&base_rows, &ours_rows, &theirs_rows, &stamps, &stamps);
            plan.question_inconsistent_rows(&base_rows, &ours_rows, &theirs_rows, &ours);
            assert_eq!(plan.summary().conflicts, 0);
            assert_eq!(plan.changes(&ours_rows).expect("no conflicts").len(), PROGRAMS);
        });
    }
}

/// Monitoring on the 10,000-program workbook with ten years of realisation (100,000 realisations and their
/// spending): opening and loading, one edit of a realisation, the figures (computed once per revision), and
/// one frame of the grid, the dashboard and the evaluation at 1920x1080, caches warm.
mod monev {
    use super::*;
    use smartcity_workbench::analysis::monev::monev_figures;
    use smartcity_workbench::generate::with_realisation;
    use smartcity_workbench::model::MonevChange;
    use smartcity_workbench::ui::monev::Tab;
    use smartcity_workbench::ui::{Command, View};

    static REALISED: OnceLock<PathBuf> = OnceLock::new();

    fn realised_file() -> &'static Path {
        REALISED.get_or_init(|| {
            let path = FOLDER.get().expect("main sets the folder").join("realised.smartcity");
            let workbook = with_realisation(large_workbook(PROGRAMS, SEED), SEED);
            store::write_new_file(&path, &workbook, AUTHOR).expect("the monitoring workbook is written");
            path
        })
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn open_and_load(bencher: Bencher) {
        let path = realised_file();
        bencher.bench_local(|| Session::open(path, AUTHOR).expect("opens"));
    }

    #[divan::bench(sample_count = 20, sample_size = 5)]
    fn edit_one_realisation(bencher: Bencher) {
        let mut session = Session::open(realised_file(), AUTHOR).expect("opens");
        let mut realisation = session.workbook().monev.realisations[50_000].clone();
        let mut edits = 0u64;
        bencher.bench_local(|| {
            edits += 1;
            realisation.note = format!("Catatan {edits}");
            let label = Message::with(Text::EditRealisation, ["x".to_string(), "y".to_string()]);
            let change = Change::Monev(MonevChange::PutRealisation(realisation.clone()));
            session.commit(Edit::one(label, change)).expect("the edit is saved");
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn figures_of_a_revision(bencher: Bencher) {
        let workbook = with_realisation(large_workbook(PROGRAMS, SEED), SEED);
        bencher.bench_local(|| monev_figures(&workbook));
    }

    fn frame_of(bencher: Bencher, tab: Tab) {
        bench_frame_on(bencher, realised_file(), "monev-frames-data", DESKTOP, |app, ctx| {
            app.execute(ctx, Command::Show(View::Monev));
            app.monev_mut().tab = tab;
        });
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn grid_frame(bencher: Bencher) {
        frame_of(bencher, Tab::Realisation);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn dashboard_frame(bencher: Bencher) {
        frame_of(bencher, Tab::Dashboard);
    }

    #[divan::bench(sample_count = 20, sample_size = 3)]
    fn evaluation_frame(bencher: Bencher) {
        frame_of(bencher, Tab::Evaluation);
    }
}
