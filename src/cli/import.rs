//! `import PATH FILE [--dry-run]`: read programs from a CSV or XLSX file, print the report of every problem
//! (`row N, column C: message`) and a summary, and add all programs to the workbook as one edit, or nothing when
//! any row was refused (exit code 1). `--dry-run` only reports, on a read-only copy.
//! `import --template FILE`: write the import template, in the language of `--lang` (English by default, like
//! every headless message, so scripts see stable headers; both languages import the same).
//! With `--realisation`, both read and write realisation files instead (`io::realisation`): what the
//! programs did, one row per program, year and funding source; in an agency copy only its own programs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{HeadlessCommand, USAGE};
use crate::i18n::{Lang, Message, Text};
use crate::io::realisation::{RealisationPlan, plan_realisation_file, write_realisation_template};
use crate::io::{ImportPlan, ReadError, plan_file, write_template};
use crate::model::Edit;
use crate::paths::default_author;
use crate::store::{OpenError, Session};

/// Read the words after `import`.
pub fn parse(words: &[&str], template: bool, dry_run: bool, realisation: bool) -> Result<HeadlessCommand, String> {
    let usage = USAGE;
    match (template, words) {
        (true, [file]) => Ok(HeadlessCommand::ImportTemplate { file: PathBuf::from(file), realisation }),
        (true, _) => Err(format!("import --template needs one FILE (.csv or .xlsx)\n\n{usage}")),
        (false, [path, file]) => {
            Ok(HeadlessCommand::Import { path: PathBuf::from(path), file: PathBuf::from(file), dry_run, realisation })
        }
        (false, _) => Err(format!("import needs a workbook PATH and a FILE (.csv or .xlsx)\n\n{usage}")),
    }
}

/// What the command line needs of an import's plan, programs or realisation alike.
pub trait Planned: Sized {
    /// Plan `file` against the workbook of `session`.
    fn plan(session: &Session, file: &Path) -> Result<Self, ReadError>;
    fn file_errors(&self) -> &[Message];
    fn is_clean(&self) -> bool;
    fn report(&self, lang: Lang) -> Vec<String>;
    fn edit(&self) -> Edit;
    /// What is said once it is imported into `path`.
    fn done(&self, path: &Path) -> Message;
}

impl Planned for ImportPlan {
    fn plan(session: &Session, file: &Path) -> Result<Self, ReadError> {
        plan_file(session.workbook(), file)
    }
    fn file_errors(&self) -> &[Message] {
        &self.file_errors
    }
    fn is_clean(&self) -> bool {
        ImportPlan::is_clean(self)
    }
    fn report(&self, lang: Lang) -> Vec<String> {
        ImportPlan::report(self, lang)
    }
    fn edit(&self) -> Edit {
        ImportPlan::edit(self)
    }
    fn done(&self, path: &Path) -> Message {
        Message::with(Text::ImportDone, [self.programs.len().to_string(), path.display().to_string()])
    }
}

impl Planned for RealisationPlan {
    fn plan(session: &Session, file: &Path) -> Result<Self, ReadError> {
        plan_realisation_file(session.workbook(), file, session.scope().map(|a| a.id))
    }
    fn file_errors(&self) -> &[Message] {
        &self.file_errors
    }
    fn is_clean(&self) -> bool {
        RealisationPlan::is_clean(self)
    }
    fn report(&self, lang: Lang) -> Vec<String> {
        RealisationPlan::report(self, lang)
    }
    fn edit(&self) -> Edit {
        RealisationPlan::edit(self)
    }
    fn done(&self, path: &Path) -> Message {
        Message::with(Text::RealisationImportDone, [self.program_years.to_string(), path.display().to_string()])
    }
}

fn fail(message: Message, lang: Lang) -> ExitCode {
    eprintln!("smartcity-workbench: {}", message.show(lang));
    ExitCode::FAILURE
}

/// Import `file` into the workbook at `path`. The file is checked against a read-only copy first, so a refused
/// import or a dry run never opens the workbook for writing (its bytes stay exactly as they were); only a clean
/// plan opens it for editing, checks again against what it holds then, and commits.
pub fn run<P: Planned>(path: &Path, file: &Path, dry_run: bool, lang: Lang) -> ExitCode {
    let author = default_author();
    let plan: P = match plan_on(Session::open_read_only(path, &author), path, file, lang) {
        Ok((_, plan)) => plan,
        Err(message) => return fail(message, lang),
    };
    if !plan.file_errors().is_empty() {
        for error in plan.file_errors() {
            eprintln!("smartcity-workbench: {}", error.show(lang));
        }
        return fail(Message::new(Text::ImportRefused), lang);
    }
    for line in plan.report(lang) {
        println!("{line}");
    }
    if !plan.is_clean() {
        return fail(Message::new(Text::ImportRefused), lang);
    }
    if dry_run {
        println!("{}", Text::ImportDryRun.get(lang));
        return ExitCode::SUCCESS;
    }
    if !plan.edit().changes.is_empty() {
        let (mut session, plan) = match plan_on::<P>(Session::open(path, &author), path, file, lang) {
            Ok(opened) => opened,
            Err(message) => return fail(message, lang),
        };
        if let Some(reason) = session.read_only() {
            return fail(Message::with(Text::ImportNeedsWritable, [reason.message().show(lang)]), lang);
        }
        if !plan.is_clean() {
            // The workbook changed since the first check.
            for line in plan.report(lang) {
                println!("{line}");
            }
            return fail(Message::new(Text::ImportRefused), lang);
        }
        if let Err(e) = session.commit(plan.edit()) {
            return fail(e.message(), lang);
        }
    }
    println!("{}", plan.done(path).show(lang));
    ExitCode::SUCCESS
}

/// Plan the import of `file` into the workbook of an opened session.
fn plan_on<P: Planned>(
    opened: Result<Session, OpenError>,
    path: &Path,
    file: &Path,
    lang: Lang,
) -> Result<(Session, P), Message> {
    let session =
        opened.map_err(|e| Message::with(Text::OpenFailed, [path.display().to_string(), e.message().show(lang)]))?;
    session.refuse_if_damaged()?;
    let plan = P::plan(&session, file)
        .map_err(|e| Message::with(Text::OpenFailed, [file.display().to_string(), e.message().show(lang)]))?;
    Ok((session, plan))
}

/// Write the template at `file`: of the program import, or with `realisation` of the realisation import.
pub fn template(file: &Path, realisation: bool, lang: Lang) -> Result<String, Message> {
    let written = if realisation { write_realisation_template(file, lang) } else { write_template(file, lang) };
    written
        .map(|()| Message::with(Text::TemplateWritten, [file.display().to_string()]).show(lang))
        .map_err(|e| Message::with(Text::ExportFailed, [e]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_import_and_template() {
        assert_eq!(
            parse(&["w.smartcity", "p.csv"], false, true, false),
            Ok(HeadlessCommand::Import {
                path: "w.smartcity".into(),
                file: "p.csv".into(),
                dry_run: true,
                realisation: false
            })
        );
        assert_eq!(
            parse(&["t.xlsx"], true, false, true),
            Ok(HeadlessCommand::ImportTemplate { file: "t.xlsx".into(), realisation: true })
        );
        assert!(parse(&["w.smartcity"], false, false, false).is_err());
        assert!(parse(&["a", "b", "c"], false, false, false).is_err());
        assert!(parse(&[], true, false, false).is_err());
    }
}
