//! The command line. Without a subcommand it opens the window (on the last workbook, `--demo`, or a path);
//! with one it works headless: `new PATH`, `demo PATH`, `info PATH [--json]`, `generate --programs N PATH`.
//! Errors go to stderr with a non-zero exit code, in English unless `--lang id` asks for Indonesian.

mod export;
mod generate;
mod import;
mod merge;
mod monev;
mod quick_wins;
mod repair;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;

use crate::analysis::finance::analyse;
use crate::analysis::readiness::{Index, band_of, round_result};
use crate::analysis::strategy::gaps as strategy_gaps;
use crate::i18n::{Lang, Message, Text};
use crate::io::ImportPlan;
use crate::io::realisation::RealisationPlan;
use crate::model::{Body, LineTree, Scenario, Workbook};
use crate::paths::default_author;
use crate::seed::{demo_workbook, untitled_workbook};
use crate::store::{self, Session};
use crate::ui::Startup;

pub const USAGE: &str = "\
Usage:
  smartcity-workbench                     open the window on the last workbook (the demo the first time)
  smartcity-workbench --demo              open the window on the demo workbook of Konawe Selatan
  smartcity-workbench PATH                open the window on the workbook at PATH
  smartcity-workbench new PATH            write a new, empty workbook at PATH
  smartcity-workbench demo PATH           write the demo workbook (example data) at PATH
  smartcity-workbench info PATH [--json]  check the workbook at PATH and print a summary; exit 1 and name
                                          every forbidden content (table, row, field, why) it holds
  smartcity-workbench repair PATH [--dry-run]
                                          remove every forbidden content of the workbook at PATH in one step
                                          (undoable in the app); print each fix
  smartcity-workbench generate --programs N PATH
                                          write a workbook with N generated programs (example data) at PATH
  smartcity-workbench import PATH FILE [--dry-run]
                                          add the programs of FILE (.csv or .xlsx) to the workbook at PATH,
                                          all or none; print a report of every refused row
  smartcity-workbench import --template FILE
                                          write the import template (.csv or .xlsx) in the --lang language
  smartcity-workbench import PATH FILE --realisation [--dry-run]
                                          set the realisation of FILE (one row per program, year and
                                          funding source, matched by program code), all or none
  smartcity-workbench import --template FILE --realisation
                                          write the realisation template (.csv or .xlsx)
  smartcity-workbench export PATH --out DIR [--book 1..5|all] [--format docx|html|xlsx|csv|svg|png|all]
                                          write the books, spreadsheet, CSV tables and charts of the workbook
                                          at PATH into the folder DIR, in Indonesian or the --lang language
                                          (lists such as --book 1,3 --format xlsx,csv work; default: every
                                          book and format)
  smartcity-workbench merge INTO FROM [--dry-run] [--prefer ours|theirs] [--force] [--trust]
                                          merge the workbook or change package FROM into the workbook INTO;
                                          print the plan and conflicts; exit 1 while conflicts are unresolved
  smartcity-workbench agency-copy PATH DEST [--agency CODE]
                                          write a copy for an agency (only its programs editable; without
                                          --agency everything is editable)
  smartcity-workbench agency-copy PATH --reissue CODE [DEST]
                                          write a new copy (new key) in place of the agency's copy CODE
                                          (agency code or short name, or the copy's id); the old one is revoked
  smartcity-workbench package PATH DEST   write the change package of the agency copy at PATH

Options: --lang id|en (messages of headless commands, English by default; exported files, Indonesian by
         default), --force (new/demo/generate: replace an existing file),
         --help, --version
Export:  --delimiter ;|, (CSV, semicolon by default), --width W --height H (charts in pixels, 1200x900),
         --scale S (PNG = size x S, 2 by default), --area NAME (Book V's area, Wakatobi by default)";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invocation {
    Window(Startup),
    Headless(Headless),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headless {
    pub command: HeadlessCommand,
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadlessCommand {
    New { path: PathBuf, force: bool },
    Demo { path: PathBuf, force: bool },
    Info { path: PathBuf, json: bool },
    Repair { path: PathBuf, dry_run: bool },
    Generate { path: PathBuf, programs: usize, force: bool },
    Import { path: PathBuf, file: PathBuf, dry_run: bool, realisation: bool },
    ImportTemplate { file: PathBuf, realisation: bool },
    Merge(merge::MergeArgs),
    AgencyCopy { path: PathBuf, dest: PathBuf, agency: Option<String>, force: bool },
    Reissue { path: PathBuf, copy: String, dest: Option<PathBuf> },
    Package { path: PathBuf, dest: PathBuf },
    Export(export::ExportArgs),
    Help,
    Version,
}

/// Read the arguments (without the program name).
pub fn parse(args: &[String]) -> Result<Invocation, String> {
    let mut chosen_lang: Option<Lang> = None;
    let mut json = false;
    let mut force = false;
    let mut demo = false;
    let mut programs = None;
    let (mut dry_run, mut template, mut realisation) = (false, false, false);
    let (mut prefer, mut agency, mut reissue, mut trust) = (None, None, None, false);
    let mut words: Vec<&str> = Vec::new();
    let mut export_options: Vec<(&str, &str)> = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--force" => force = true,
            "--demo" => demo = true,
            "--dry-run" => dry_run = true,
            "--template" => template = true,
            "--realisation" => realisation = true,
            "--programs" => {
                let count = iter.next().ok_or_else(|| format!("--programs needs a number\n\n{USAGE}"))?;
                programs = Some(generate::parse_count(count)?);
            }
            "--prefer" => prefer = Some(value_of(iter.next(), "--prefer needs ours or theirs")?),
            "--trust" => trust = true,
            "--reissue" => reissue = Some(value_of(iter.next(), "--reissue needs a CODE")?.clone()),
            "--agency" => agency = Some(value_of(iter.next(), "--agency needs a CODE")?.clone()),
            "--lang" => {
                let code = iter.next().ok_or_else(|| format!("--lang needs id or en\n\n{USAGE}"))?;
                chosen_lang =
                    Some(Lang::from_code(code).ok_or_else(|| format!("unknown language {code:?}: use id or en"))?);
            }
            option if export::OPTIONS.contains(&option) => {
                let value = iter.next().ok_or_else(|| format!("{option} needs a value\n\n{USAGE}"))?;
                export_options.push((option, value));
            }
            "-h" | "--help" => return Ok(headless(HeadlessCommand::Help, chosen_lang.unwrap_or(Lang::En))),
            "-V" | "--version" => return Ok(headless(HeadlessCommand::Version, chosen_lang.unwrap_or(Lang::En))),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n\n{USAGE}")),
            word => words.push(word),
        }
    }
    // Messages are English unless asked otherwise (scripts see stable text); exported files are Indonesian
    // documents unless `--lang en` asks for English.
    let lang = chosen_lang.unwrap_or(Lang::En);
    let path = |word: Option<&&str>, command: &str| {
        word.map(PathBuf::from).ok_or_else(|| format!("{command} needs a PATH\n\n{USAGE}"))
    };
    let command = match words.first().copied() {
        None if demo => return Ok(Invocation::Window(Startup::Demo)),
        None => return Ok(Invocation::Window(Startup::Last)),
        Some("new") => HeadlessCommand::New { path: path(words.get(1), "new")?, force },
        Some("demo") => HeadlessCommand::Demo { path: path(words.get(1), "demo")?, force },
        Some("info") => HeadlessCommand::Info { path: path(words.get(1), "info")?, json },
        Some("repair") => HeadlessCommand::Repair { path: path(words.get(1), "repair")?, dry_run },
        Some("generate") => HeadlessCommand::Generate {
            path: path(words.get(1), "generate")?,
            programs: programs.ok_or_else(|| format!("generate needs --programs N\n\n{USAGE}"))?,
            force,
        },
        Some("import") => return import::parse(&words[1..], template, dry_run, realisation).map(|c| headless(c, lang)),
        Some(command @ ("merge" | "agency-copy" | "package")) => {
            let flags = merge::Flags { dry_run, force, trust, prefer: prefer.map(String::as_str), agency, reissue };
            return merge::parse(command, &words[1..], flags).map(|c| headless(c, lang));
        }
        Some("export") => {
            let files_lang = chosen_lang.unwrap_or(Lang::Id);
            return export::parse(&words[1..], &export_options, files_lang).map(|c| headless(c, lang));
        }
        Some(_) if !export_options.is_empty() => {
            return Err(format!("{} belongs to the export command\n\n{USAGE}", export_options[0].0));
        }
        Some(_) if words.len() == 1 && !demo => return Ok(Invocation::Window(Startup::Path(PathBuf::from(words[0])))),
        Some(other) => return Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    if words.len() > 2 {
        return Err(format!("too many arguments\n\n{USAGE}"));
    }
    Ok(headless(command, lang))
}

/// An option's value, or what the option needs followed by the usage.
fn value_of<'a>(value: Option<&'a String>, needs: &str) -> Result<&'a String, String> {
    value.ok_or_else(|| format!("{needs}\n\n{USAGE}"))
}

fn headless(command: HeadlessCommand, lang: Lang) -> Invocation {
    Invocation::Headless(Headless { command, lang })
}

/// Run a headless command, printing to stdout and errors to stderr.
pub fn run(headless: Headless) -> ExitCode {
    let lang = headless.lang;
    let result = match headless.command {
        HeadlessCommand::Help => Ok(USAGE.to_string()),
        HeadlessCommand::Version => Ok(format!("smartcity-workbench {}", env!("CARGO_PKG_VERSION"))),
        HeadlessCommand::New { path, force } => {
            let workbook = untitled_workbook(store::current_year());
            write(&path, force, &workbook)
                .map(|()| Message::with(Text::WorkbookCreated, [path.display().to_string()]).show(lang))
        }
        HeadlessCommand::Demo { path, force } => write(&path, force, &demo_workbook())
            .map(|()| Message::with(Text::WorkbookCreated, [path.display().to_string()]).show(lang)),
        HeadlessCommand::Info { path, json } => return info(&path, json, lang),
        HeadlessCommand::Repair { path, dry_run } => return repair::run(&path, dry_run, lang),
        HeadlessCommand::Generate { path, programs, force } => generate::run(&path, programs, force, lang),
        HeadlessCommand::Import { path, file, dry_run, realisation: false } => {
            return import::run::<ImportPlan>(&path, &file, dry_run, lang);
        }
        HeadlessCommand::Import { path, file, dry_run, realisation: true } => {
            return import::run::<RealisationPlan>(&path, &file, dry_run, lang);
        }
        HeadlessCommand::ImportTemplate { file, realisation } => import::template(&file, realisation, lang),
        HeadlessCommand::Merge(args) => return merge::run(&args, lang),
        HeadlessCommand::Reissue { path, copy, dest } => {
            merge::reissue(&path, &copy, dest.as_deref()).map(|m| m.show(lang))
        }
        HeadlessCommand::AgencyCopy { path, dest, agency, force } => {
            merge::agency_copy(&path, &dest, agency.as_deref(), force).map(|m| m.show(lang))
        }
        HeadlessCommand::Package { path, dest } => merge::package(&path, &dest).map(|m| m.show(lang)),
        HeadlessCommand::Export(args) => return export::run(&args, lang),
    };
    match result {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("smartcity-workbench: {}", message.show(lang));
            ExitCode::FAILURE
        }
    }
}

fn write(path: &Path, force: bool, workbook: &Workbook) -> Result<(), Message> {
    if path.exists() && !force {
        return Err(Message::with(Text::PathExistsUseForce, [path.display().to_string()]));
    }
    store::write_new_file(path, workbook, &default_author()).map_err(|e| Message::with(Text::CreateFailed, [e]))
}

/// The summary `info` prints, as JSON: stable keys for scripts. `problems` lists every forbidden content,
/// its `message` in `lang`.
pub fn info_json(session: &Session, lang: Lang) -> serde_json::Value {
    let problems: Vec<serde_json::Value> = session
        .damage()
        .unwrap_or(&[])
        .iter()
        .map(|p| {
            json!({
                "table": p.table, "row": p.row, "field": p.field,
                "message": p.message.show(lang), "fix": p.fix_message().show(lang),
            })
        })
        .collect();
    let workbook = session.workbook();
    let profile = &workbook.profile;
    json!({
        "file": session.path().display().to_string(),
        "schema_version": session.file_version(),
        "app_schema_version": store::schema::CURRENT_VERSION,
        "newer_than_app": session.file_version() > store::schema::CURRENT_VERSION,
        "masterplan_id": profile.masterplan_id.to_string(),
        "example": profile.is_example,
        "region": {
            "name": profile.region_name,
            "type": profile.region_type.key(),
            "code": profile.region_code,
            "province": profile.province,
            "capital": profile.capital,
            "time_zone": profile.time_zone.key(),
        },
        "period": { "start": profile.period_start, "end": profile.period_end },
        "programs_by_dimension": programs_by_dimension(workbook),
        "readiness": readiness_json(workbook),
        "strategy": strategy_json(workbook),
        "finance": finance_json(workbook),
        "quick_wins": quick_wins::quick_wins_json(workbook),
        "monev": monev::monev_json(workbook),
        "problems": problems,
        "counts": {
            "dimensions": workbook.dimensions.len(),
            "elements": workbook.elements.len(),
            "agencies": workbook.agencies.len(),
            "council_members": workbook.members_of(Body::Council).count(),
            "team_members": workbook.members_of(Body::Team).count(),
            "programs": workbook.programs.len(),
        },
    })
}

/// The strategy's counts and its gaps (`analysis::strategy::gaps`: dropped programs count neither way).
fn strategy_json(workbook: &Workbook) -> serde_json::Value {
    let s = &workbook.strategy;
    let gaps = strategy_gaps(workbook);
    json!({
        "issues": s.issues.len(),
        "swot_entries": s.swot.len(),
        "regional_goals": s.goals.len(),
        "directions": s.directions.len(),
        "strategies": s.strategies.len(),
        "indicators": s.indicators.len(),
        "gaps": {
            "strategies_without_programs": gaps.strategies_without_programs.len(),
            "programs_without_strategy": gaps.programs_without_strategy.len(),
            "elements_without_direction": gaps.elements_without_direction.len(),
        },
    })
}

/// The latest round's weighted indices (1-5) overall, per dimension and per pillar, with their bands.
fn readiness_json(workbook: &Workbook) -> serde_json::Value {
    let Some(round) = workbook.rounds.last() else { return serde_json::Value::Null };
    let result = round_result(workbook, round.id);
    let index = |i: &Index| {
        json!({
            "index": i.value,
            "band": i.value.and_then(|v| band_of(&workbook.bands, v)).map(|b| b.name_id.clone()),
            "answered": i.answered,
            "items": i.total,
        })
    };
    let dimensions: Vec<_> = result
        .by_dimension
        .iter()
        .filter_map(|(id, i)| workbook.dimension(*id).map(|d| (d.key.clone(), index(i))))
        .collect();
    let pillars: Vec<_> = result.by_pillar.iter().map(|(p, i)| (p.key().to_string(), index(i))).collect();
    json!({
        "round": { "name": round.name, "year": round.year },
        "overall": index(&result.overall),
        "dimensions": serde_json::Map::from_iter(dimensions),
        "pillars": serde_json::Map::from_iter(pillars),
    })
}

/// The budget history and the base scenario of the projection (see `analysis::finance`). Per year of history
/// (realised where typed, else budgeted): total revenue, PAD and the degree of fiscal decentralisation in
/// percent, with its band and whether an estimate is involved. Per masterplan year of the base scenario: the
/// smart city envelope, `program_cost` (the programs' APBD part, the part the envelope must cover; other
/// sources apart) and `gap` = program_cost - envelope (above zero: the programs need more than the envelope).
/// Amounts are rupiah; a missing figure is `null`; a refused computation gives `{"error": ...}`.
fn finance_json(workbook: &Workbook) -> serde_json::Value {
    let error = |message: Message| json!({ "error": message.show(Lang::En) });
    let analysis = match analyse(workbook) {
        Ok(analysis) => analysis,
        Err(e) => return error(e.message()),
    };
    let roles = &LineTree::get().roles;
    let history: Vec<_> = analysis
        .history
        .years
        .iter()
        .zip(&analysis.ratios)
        .map(|(year, ratios)| {
            let (revenue, pad) = (year.get(roles.revenue), year.get(roles.pad));
            json!({
                "year": year.year,
                "revenue": revenue.map(|t| t.amount),
                "pad": pad.map(|t| t.amount),
                "decentralisation_percent": ratios.decentralisation.map(|r| r.percent),
                "band": ratios.band.map(|b| b.key()),
                "estimate": revenue.is_some_and(|t| t.estimate) || pad.is_some_and(|t| t.estimate),
            })
        })
        .collect();
    let settings = &analysis.settings;
    let projection = match analysis.projection.scenario(Scenario::Base) {
        Some(Ok(base)) => json!({
            "scenario": Scenario::Base.key(),
            "base_years": [settings.base_first, settings.base_last],
            "envelope_percent": f64::from(settings.envelope_bp) / 100.0,
            "years": base.gaps.iter().map(|g| json!({
                "year": g.year,
                "spending": g.spending,
                "envelope": g.envelope,
                "program_cost": g.program.apbd,
                "program_cost_other_sources": g.program.other,
                "gap": g.gap,
            })).collect::<Vec<_>>(),
            "total": {
                "envelope": base.total.envelope,
                "program_cost": base.total.program_apbd,
                "gap": base.total.gap,
                "gap_percent": base.total.gap_percent,
                "years": base.total.years,
            },
        }),
        Some(Err(e)) => error(e.message()),
        None => serde_json::Value::Null,
    };
    json!({ "history": history, "projection": projection })
}

/// Count and total cost (rupiah) of programs per dimension, in framework order.
fn programs_by_dimension(workbook: &Workbook) -> Vec<serde_json::Value> {
    workbook
        .dimensions
        .iter()
        .map(|d| {
            let programs: Vec<_> = workbook
                .programs
                .iter()
                .filter(|p| workbook.dimension_of(p.element_id).is_some_and(|x| x.id == d.id))
                .collect();
            let cost = programs.iter().fold(0i64, |sum, p| sum.saturating_add(p.total_cost()));
            json!({ "key": d.key, "name": d.name_en, "count": programs.len(), "cost": cost })
        })
        .collect()
}

/// Print the summary of the workbook at `path`; exit 1 when it cannot be opened or holds forbidden contents
/// (each named, after the summary).
fn info(path: &Path, json: bool, lang: Lang) -> ExitCode {
    let session = match Session::open_read_only(path, "info") {
        Ok(session) => session,
        Err(e) => {
            let message = Message::with(Text::OpenFailed, [path.display().to_string(), e.message().show(lang)]);
            eprintln!("smartcity-workbench: {}", message.show(lang));
            return ExitCode::FAILURE;
        }
    };
    println!("{}", info_text(&session, json, lang));
    if session.damage().is_some() { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn info_text(session: &Session, json: bool, lang: Lang) -> String {
    let path = session.path();
    let value = info_json(session, lang);
    if json {
        return serde_json::to_string_pretty(&value).unwrap_or_else(|e| e.to_string());
    }
    let counts = &value["counts"];
    let profile = &session.workbook().profile;
    let mut lines = vec![
        format!("{}: {}", Text::InfoFile.get(lang), path.display()),
        format!(
            "{}: {} ({} {})",
            Text::SchemaVersion.get(lang),
            session.file_version(),
            Text::InfoAppReads.get(lang),
            store::schema::CURRENT_VERSION
        ),
        format!(
            "{}: {}{}",
            Text::RegionName.get(lang),
            profile.region_name,
            if profile.is_example { format!(" [{}]", Text::ExampleBadge.get(lang)) } else { String::new() }
        ),
        format!("{}: {}-{}", Text::Masterplan.get(lang), profile.period_start, profile.period_end),
        format!("{}: {}", Text::ProfileTimeZone.get(lang), profile.time_zone.key()),
    ];
    for (key, text) in [
        ("dimensions", Text::InfoDimensions),
        ("elements", Text::InfoElements),
        ("agencies", Text::InfoAgencies),
        ("programs", Text::InfoPrograms),
    ] {
        lines.push(format!("{}: {}", text.get(lang), counts[key]));
    }
    if session.file_version() > store::schema::CURRENT_VERSION {
        lines.push(Message::with(Text::ReadOnlyNewer, [session.file_version().to_string()]).show(lang));
    }
    if let Some(problems) = session.damage() {
        lines.push(Message::with(Text::InfoProblems, [problems.len().to_string()]).show(lang));
        lines.extend(problems.iter().map(|p| format!("  {}", p.show(lang))));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    /// The files' language of `export` with `words`, and the messages' language.
    fn export_langs(words: &[&str]) -> (Lang, Lang) {
        match parse(&args(words)) {
            Ok(Invocation::Headless(Headless { command: HeadlessCommand::Export(export), lang })) => {
                (export.lang, lang)
            }
            other => panic!("not an export: {other:?}"),
        }
    }

    #[test]
    fn exported_files_are_indonesian_unless_lang_en_asks_for_english() {
        assert_eq!(export_langs(&["export", "w.smartcity", "--out", "o"]), (Lang::Id, Lang::En));
        assert_eq!(export_langs(&["--lang", "en", "export", "w.smartcity", "--out", "o"]), (Lang::En, Lang::En));
        assert_eq!(export_langs(&["export", "w.smartcity", "--out", "o", "--lang", "id"]), (Lang::Id, Lang::Id));
    }

    #[test]
    fn parses_window_starts_and_headless_commands() {
        assert_eq!(parse(&args(&[])), Ok(Invocation::Window(Startup::Last)));
        assert_eq!(parse(&args(&["--demo"])), Ok(Invocation::Window(Startup::Demo)));
        assert_eq!(parse(&args(&["a.smartcity"])), Ok(Invocation::Window(Startup::Path("a.smartcity".into()))));
        assert_eq!(
            parse(&args(&["info", "a.smartcity", "--json"])),
            Ok(headless(HeadlessCommand::Info { path: "a.smartcity".into(), json: true }, Lang::En))
        );
        assert_eq!(
            parse(&args(&["--lang", "id", "new", "b.smartcity"])),
            Ok(headless(HeadlessCommand::New { path: "b.smartcity".into(), force: false }, Lang::Id))
        );
        assert!(parse(&args(&["info"])).is_err());
        assert!(parse(&args(&["frobnicate", "x", "y"])).is_err());
        assert!(parse(&args(&["--lang", "fr", "info", "x"])).is_err());
        assert!(parse(&args(&["--bogus"])).is_err());
    }
}
