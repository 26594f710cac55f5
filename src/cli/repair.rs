//! `repair PATH [--dry-run]`: print what a repair of the workbook's forbidden contents does, one line per
//! problem (`table program, row <id>, field start_year: why → remove row <id> from table program`), and apply
//! every fix in one transaction, recorded as one step of the file's history. `--dry-run` only prints, on a
//! read-only copy; a clean workbook is left as it is.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::{Lang, Message, Text};
use crate::paths::default_author;
use crate::store::{ContentProblem, Session};

fn fail(message: Message, lang: Lang) -> ExitCode {
    eprintln!("smartcity-workbench: {}", message.show(lang));
    ExitCode::FAILURE
}

fn print_fixes(problems: &[ContentProblem], lang: Lang) {
    for problem in problems {
        println!(
            "{}",
            Message::with(Text::RepairFixLine, [problem.show(lang), problem.fix_message().show(lang)]).show(lang)
        );
    }
}

pub fn run(path: &Path, dry_run: bool, lang: Lang) -> ExitCode {
    let author = default_author();
    let opened = if dry_run { Session::open_read_only(path, &author) } else { Session::open(path, &author) };
    let mut session = match opened {
        Ok(session) => session,
        Err(e) => {
            return fail(Message::with(Text::OpenFailed, [path.display().to_string(), e.message().show(lang)]), lang);
        }
    };
    let Some(problems) = session.damage().map(<[ContentProblem]>::to_vec) else {
        println!("{}", Text::RepairNothing.get(lang));
        return ExitCode::SUCCESS;
    };
    if dry_run {
        println!("{}", Message::with(Text::RepairPlanned, [problems.len().to_string()]).show(lang));
        print_fixes(&problems, lang);
        return ExitCode::SUCCESS;
    }
    match session.repair() {
        Ok(fixed) => {
            print_fixes(&fixed, lang);
            let done = Message::with(Text::RepairDone, [fixed.len().to_string(), path.display().to_string()]);
            println!("{}", done.show(lang));
            ExitCode::SUCCESS
        }
        Err(e) => fail(e.message(), lang),
    }
}
