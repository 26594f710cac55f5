//! `merge INTO FROM [--dry-run] [--prefer ours|theirs] [--force] [--trust]`: merge the workbook or change
//! package FROM into the workbook INTO. Prints the plan (new, taken, removed, refused, conflicts side by side
//! with who and when) and exits 1 while conflicts remain unresolved; nothing is written then, nor on
//! `--dry-run`. `--trust` merges a workbook that is not a signed copy, saying so.
//! `agency-copy PATH --reissue CODE [DEST]`: re-issue a copy (new key, the old one revoked).
//! `agency-copy PATH DEST [--agency CODE]`: write a copy for an agency (only its programs editable) or, without
//! `--agency`, a copy where everything is editable. `package PATH DEST`: write the change package of an agency
//! copy.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{HeadlessCommand, USAGE};
use crate::i18n::{Lang, Message, Text};
use crate::merge::fields::show_value;
use crate::merge::plan::{Conflict, Outcome, Side, Stamp};
use crate::merge::trust::Trust;
use crate::merge::workflow;
use crate::paths::default_author;
use crate::store::{IssuedCopy, OpenError, Session};

/// The `merge` command's arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeArgs {
    pub into: PathBuf,
    pub from: PathBuf,
    pub dry_run: bool,
    pub prefer: Option<Side>,
    pub force: bool,
    pub trust: bool,
}

/// The options these commands read.
#[derive(Clone, Debug, Default)]
pub struct Flags<'a> {
    pub dry_run: bool,
    pub force: bool,
    pub trust: bool,
    pub prefer: Option<&'a str>,
    pub agency: Option<String>,
    pub reissue: Option<String>,
}

/// Read the words after `merge`, `agency-copy` or `package`.
pub fn parse(command: &str, words: &[&str], flags: Flags) -> Result<HeadlessCommand, String> {
    let usage = USAGE;
    let Flags { dry_run, force, trust, prefer, agency, reissue } = flags;
    let prefer = match prefer {
        None => None,
        Some("ours") => Some(Side::Ours),
        Some("theirs") => Some(Side::Theirs),
        Some(other) => return Err(format!("--prefer takes ours or theirs, not {other:?}\n\n{usage}")),
    };
    if let ("agency-copy", Some(copy)) = (command, reissue) {
        return match words {
            [path] | [path, _] => {
                Ok(HeadlessCommand::Reissue { path: PathBuf::from(path), copy, dest: words.get(1).map(PathBuf::from) })
            }
            _ => Err(format!("agency-copy --reissue needs a workbook PATH (and perhaps a DEST)\n\n{usage}")),
        };
    }
    match (command, words) {
        ("merge", [into, from]) => Ok(HeadlessCommand::Merge(MergeArgs {
            into: PathBuf::from(into),
            from: PathBuf::from(from),
            dry_run,
            prefer,
            force,
            trust,
        })),
        ("merge", _) => Err(format!("merge needs the workbook INTO and the workbook or package FROM\n\n{usage}")),
        ("agency-copy", [path, dest]) => {
            Ok(HeadlessCommand::AgencyCopy { path: PathBuf::from(path), dest: PathBuf::from(dest), agency, force })
        }
        ("agency-copy", _) => Err(format!("agency-copy needs a workbook PATH and a DEST\n\n{usage}")),
        ("package", [path, dest]) => {
            Ok(HeadlessCommand::Package { path: PathBuf::from(path), dest: PathBuf::from(dest) })
        }
        _ => Err(format!("package needs a workbook PATH and a DEST\n\n{usage}")),
    }
}

fn fail(message: Message, lang: Lang) -> ExitCode {
    eprintln!("smartcity-workbench: {}", message.show(lang));
    ExitCode::FAILURE
}

fn who(stamp: Option<&Stamp>) -> String {
    stamp.map_or_else(String::new, |s| format!(" ({}, {})", s.by, s.at))
}

/// The conflict's lines: each field (or the whole row) here and incoming, side by side.
fn conflict_lines(conflict: &Conflict, here: &str, incoming: &str, lang: Lang) -> Vec<String> {
    if conflict.is_delete_edit() {
        let text = if conflict.ours.is_none() { Text::MergeRowDeletedHere } else { Text::MergeRowDeletedThere };
        return vec![format!("    {}{here}{incoming}", text.get(lang))];
    }
    let (ours, theirs) = (conflict.ours.as_ref(), conflict.theirs.as_ref());
    conflict
        .fields
        .iter()
        .map(|(field, _)| {
            let o = show_value(ours.and_then(|r| r.get(field)));
            let t = show_value(theirs.and_then(|r| r.get(field)));
            format!(
                "    {field}: {} {o:?}{here} | {} {t:?}{incoming}",
                Text::MergeHere.get(lang),
                Text::MergeIncoming.get(lang)
            )
        })
        .collect()
}

/// The plan as lines of text, one per row (conflicts with a line per field).
pub fn plan_lines(prepared: &workflow::Prepared, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    for entry in &prepared.plan.entries {
        let kind = entry.key.kind().label.get(lang);
        let (here, incoming) = (who(entry.ours_stamp.as_ref()), who(entry.theirs_stamp.as_ref()));
        match &entry.outcome {
            Outcome::New(_) => lines.push(format!("{}: {kind} {}{incoming}", Text::MergeNew.get(lang), entry.title)),
            Outcome::Taken { fields, .. } => lines.push(format!(
                "{}: {kind} {} [{}]{incoming}",
                Text::MergeTaken.get(lang),
                entry.title,
                fields.join(", ")
            )),
            Outcome::Removed => lines.push(format!("{}: {kind} {}", Text::MergeRemoved.get(lang), entry.title)),
            Outcome::Refused { reason, .. } => lines.push(format!(
                "{}: {kind} {} — {}{incoming}",
                Text::MergeRefused.get(lang),
                entry.title,
                reason.show(lang)
            )),
            Outcome::Conflict(conflict) => {
                lines.push(format!("{}: {kind} {}", Text::MergeConflict.get(lang), entry.title));
                if let Some(note) = conflict.note() {
                    lines.push(format!("    {}", note.show(lang)));
                }
                lines.extend(conflict_lines(conflict, &here, &incoming, lang));
                if !conflict.taken.is_empty() {
                    lines.push(format!("    {} [{}]", Text::MergeTaken.get(lang), conflict.taken.join(", ")));
                }
            }
        }
    }
    lines
}

pub fn summary_line(prepared: &workflow::Prepared, lang: Lang) -> String {
    let s = prepared.summary();
    let counts = [s.new, s.taken, s.removed, s.refused, s.conflicts, s.unresolved];
    Message::with(Text::MergeSummary, counts.map(|n| n.to_string())).show(lang)
}

/// Plan on a read-only copy of INTO first, so a refused merge or a dry run never opens the workbook for writing
/// (its bytes stay exactly as they were); only a plan without unresolved conflicts opens it for editing, plans
/// again against what it holds then, and applies.
pub fn run(args: &MergeArgs, lang: Lang) -> ExitCode {
    let MergeArgs { into, from, dry_run, prefer, force, trust } = args.clone();
    let (into, from) = (into.as_path(), from.as_path());
    let author = default_author();
    let open_failed =
        |e: OpenError| Message::with(Text::OpenFailed, [into.display().to_string(), e.message().show(lang)]);
    let reader = match Session::open_read_only(into, &author) {
        Ok(session) => session,
        Err(e) => return fail(open_failed(e), lang),
    };
    let mut prepared = match workflow::prepare_trusting(&reader, from, force, trust) {
        Ok(prepared) => prepared,
        Err(message) => return fail(message, lang),
    };
    println!("{}", Message::with(Text::MergeFromPeer, [prepared.peer_name()]).show(lang));
    if prepared.already_applied {
        println!("{}", Text::MergeAlreadyApplied.get(lang));
    }
    if !prepared.has_base {
        println!("{}", Text::MergeNoBase.get(lang));
    }
    if prepared.trust == Trust::Unsigned {
        println!("{}", Text::TrustUnsignedNote.get(lang));
    }
    if let Some(side) = prefer {
        prepared.resolve_all(side);
    }
    for line in plan_lines(&prepared, lang) {
        println!("{line}");
    }
    println!("{}", summary_line(&prepared, lang));
    let unresolved = prepared.summary().unresolved;
    if unresolved > 0 {
        return fail(Message::with(Text::MergeUnresolved, [unresolved.to_string()]), lang);
    }
    if dry_run {
        println!("{}", Text::ImportDryRun.get(lang));
        return ExitCode::SUCCESS;
    }
    drop(reader);
    let mut session = match Session::open(into, &author) {
        Ok(session) => session,
        Err(e) => return fail(open_failed(e), lang),
    };
    if let Some(reason) = session.read_only() {
        return fail(reason.message(), lang);
    }
    let mut prepared = match workflow::prepare_trusting(&session, from, force, trust) {
        Ok(prepared) => prepared,
        Err(message) => return fail(message, lang),
    };
    if let Some(side) = prefer {
        prepared.resolve_all(side);
    }
    match workflow::apply(&mut session, &prepared) {
        Ok(count) => {
            println!("{}", Message::with(Text::MergeApplied, [prepared.source.clone(), count.to_string()]).show(lang));
            ExitCode::SUCCESS
        }
        Err(message) => fail(message, lang),
    }
}

/// Write an agency copy of the workbook at `path`.
pub fn agency_copy(path: &Path, dest: &Path, agency: Option<&str>, force: bool) -> Result<Message, Message> {
    if dest.exists() && !force {
        return Err(Message::with(Text::PathExistsUseForce, [dest.display().to_string()]));
    }
    let mut session = Session::open(path, &default_author())
        .map_err(|e| Message::with(Text::OpenFailed, [path.display().to_string(), e.message().show(Lang::En)]))?;
    if let Some(reason) = session.read_only() {
        return Err(reason.message());
    }
    let scope = match agency {
        None => None,
        Some(code) => {
            let wanted = code.trim().to_lowercase();
            let found = session.workbook().agencies.iter().find(|a| {
                a.code.to_lowercase() == wanted
                    || a.short_name.to_lowercase() == wanted
                    || a.name.to_lowercase() == wanted
            });
            Some(found.cloned().ok_or_else(|| Message::with(Text::ImportUnknownAgency, [code.to_string()]))?)
        }
    };
    session.write_agency_copy(dest, scope.as_ref())?;
    let everyone = || dest.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let name = scope.as_ref().map_or_else(everyone, |a| a.label().to_string());
    Ok(Message::with(Text::CopyWritten, [name, dest.display().to_string()]))
}

/// Re-issue the copy `copy` (an agency's code, short name or name, or the copy's id) of the workbook at
/// `path`: a new copy with a new key at `dest` (by default `<agency short name>-<YYYYMMDD>.smartcity` beside
/// the workbook; never over an existing file), and the old copy revoked.
pub fn reissue(path: &Path, copy: &str, dest: Option<&Path>) -> Result<Message, Message> {
    let mut session = Session::open(path, &default_author())
        .map_err(|e| Message::with(Text::OpenFailed, [path.display().to_string(), e.message().show(Lang::En)]))?;
    if let Some(reason) = session.read_only() {
        return Err(reason.message());
    }
    let record = find_issued(&session, copy)?;
    let dest = dest.map_or_else(|| session.reissue_destination(&record), Path::to_path_buf);
    session.reissue_copy(record.copy_id, &dest)?;
    Ok(Message::with(Text::ReissueWritten, [record.name.clone(), dest.display().to_string()]))
}

/// The live copy `wanted` names: by the copy's id, or by its agency's code, short name or name.
fn find_issued(session: &Session, wanted: &str) -> Result<IssuedCopy, Message> {
    let key = wanted.trim().to_lowercase();
    let agency =
        session.workbook().agencies.iter().find(|a| {
            a.code.to_lowercase() == key || a.short_name.to_lowercase() == key || a.name.to_lowercase() == key
        });
    let live = session.issued_copies()?.into_iter().filter(|c| c.revoked_at.is_none());
    let mut live = live;
    let found = live.rfind(|c| c.copy_id.to_string() == key || (agency.is_some() && c.scope == agency.map(|a| a.id)));
    found.ok_or_else(|| Message::with(Text::ReissueUnknown, [wanted.to_string()]))
}

/// Write the change package of the agency copy at `path`.
pub fn package(path: &Path, dest: &Path) -> Result<Message, Message> {
    let mut session = Session::open(path, &default_author())
        .map_err(|e| Message::with(Text::OpenFailed, [path.display().to_string(), e.message().show(Lang::En)]))?;
    let rows = workflow::write_package(&mut session, dest)?;
    Ok(Message::with(Text::PackageWritten, [dest.display().to_string(), rows.to_string()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_merge_copy_and_package() {
        let flags = Flags { dry_run: true, trust: true, prefer: Some("theirs"), ..Flags::default() };
        assert_eq!(
            parse("merge", &["a", "b"], flags),
            Ok(HeadlessCommand::Merge(MergeArgs {
                into: "a".into(),
                from: "b".into(),
                dry_run: true,
                prefer: Some(Side::Theirs),
                force: false,
                trust: true,
            }))
        );
        assert!(parse("merge", &["a"], Flags::default()).is_err());
        assert!(parse("merge", &["a", "b"], Flags { prefer: Some("mine"), ..Flags::default() }).is_err());
        let reissue = || Flags { reissue: Some("Dinkes".into()), ..Flags::default() };
        assert_eq!(
            parse("agency-copy", &["a"], reissue()),
            Ok(HeadlessCommand::Reissue { path: "a".into(), copy: "Dinkes".into(), dest: None })
        );
        assert_eq!(
            parse("agency-copy", &["a", "b"], reissue()),
            Ok(HeadlessCommand::Reissue { path: "a".into(), copy: "Dinkes".into(), dest: Some("b".into()) })
        );
        assert!(parse("agency-copy", &["a", "b", "c"], reissue()).is_err());
        assert_eq!(
            parse("agency-copy", &["a", "b"], Flags { agency: Some("DINKES".into()), ..Flags::default() }),
            Ok(HeadlessCommand::AgencyCopy {
                path: "a".into(),
                dest: "b".into(),
                agency: Some("DINKES".into()),
                force: false
            })
        );
        assert_eq!(
            parse("package", &["a", "b"], Flags::default()),
            Ok(HeadlessCommand::Package { path: "a".into(), dest: "b".into() })
        );
    }
}
