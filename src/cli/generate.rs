//! `generate --programs N PATH`: write a workbook with N generated programs (example data on the demo's
//! region and framework), for load tests, benchmarks and trying the app on a big masterplan.

use std::path::Path;

use super::write;
use crate::generate::large_workbook;
use crate::i18n::{Lang, Message, Text};

/// The seed of workbooks generated from the command line: the same N always gives the same programs.
pub const SEED: u64 = 2022;

/// The most programs `generate` writes: ten times the largest masterplan the app is tuned for.
pub const MAX_PROGRAMS: usize = 100_000;

/// Read the N of `--programs N`.
pub fn parse_count(text: &str) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|n| *n <= MAX_PROGRAMS)
        .ok_or_else(|| format!("--programs needs a whole number from 0 to {MAX_PROGRAMS}, not {text:?}"))
}

/// Generate and write; refuses an existing file unless `force`, before spending time generating.
pub(super) fn run(path: &Path, programs: usize, force: bool, lang: Lang) -> Result<String, Message> {
    if path.exists() && !force {
        return Err(Message::with(Text::PathExistsUseForce, [path.display().to_string()]));
    }
    let workbook = large_workbook(programs, SEED);
    write(path, force, &workbook)?;
    Ok(Message::with(Text::WorkbookCreated, [path.display().to_string()]).show(lang))
}

#[cfg(test)]
mod tests {
    use super::super::{HeadlessCommand, Invocation, parse};

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn parses_generate_with_its_count() {
        let command = |words: &[&str]| match parse(&args(words)) {
            Ok(Invocation::Headless(headless)) => Ok(headless.command),
            Ok(other) => panic!("{words:?} opened a window: {other:?}"),
            Err(e) => Err(e),
        };
        assert_eq!(
            command(&["generate", "--programs", "300", "big.smartcity"]),
            Ok(HeadlessCommand::Generate { path: "big.smartcity".into(), programs: 300, force: false })
        );
        assert_eq!(
            command(&["--force", "generate", "big.smartcity", "--programs", "0"]),
            Ok(HeadlessCommand::Generate { path: "big.smartcity".into(), programs: 0, force: true })
        );
        assert!(command(&["generate", "big.smartcity"]).is_err(), "the count is required");
        assert!(command(&["generate", "--programs", "big.smartcity"]).is_err());
        assert!(command(&["generate", "--programs", "-1", "big.smartcity"]).is_err());
        assert!(command(&["generate", "--programs", "100001", "big.smartcity"]).is_err());
        assert!(command(&["generate", "--programs", "10"]).is_err(), "the path is required");
    }
}
