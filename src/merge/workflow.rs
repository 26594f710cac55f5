//! Merging files: read the other copy (a workbook, opened read-only on an in-memory copy, or a change
//! package), find the base both had when they last met, plan the merge, and apply it through the session as
//! one edit. Also writes change packages. The plan is shown before anything changes; applying it checks that
//! this workbook did not change in between.

use std::collections::HashMap;
use std::path::Path;

use super::fields::Fields;
use super::kinds::{FieldMaps, KINDS, RowKey, SINGLE, field_maps_of, kind_named};
use super::package::{self, Package, PackageRow, Sender};
use super::plan::{Outcome, Plan, Side, Stamp, Stamps, Summary, plan};
use super::scope::{Owners, allowed, owners, refusal};
use super::trust::{Trust, check_package, check_workbook};
use crate::i18n::{Message, Text};
use crate::model::{Id, Workbook};
use crate::store::sync::met_later;
use crate::store::{JournalEntry, Meeting, Origin, Replica, Session, now_iso};

/// A merge planned and waiting for the user's choices.
pub struct Prepared {
    pub plan: Plan,
    /// The other copy, as it calls itself.
    pub peer: Replica,
    /// The file merged in, as the user named it.
    pub source: String,
    pub origin: Origin,
    /// True when the two copies had met before: without a base every difference is a conflict.
    pub has_base: bool,
    /// True for a change package applied before: nothing to do.
    pub already_applied: bool,
    /// True when the other workbook belongs to another masterplan (only planned when forced).
    pub other_masterplan: bool,
    /// How far the other file is believed: a signed copy (with our record's scope), our origin, or trusted.
    pub trust: Trust,
    ours: FieldMaps,
    revision: u64,
    meeting: Meeting,
}

impl Prepared {
    pub fn summary(&self) -> Summary {
        self.plan.summary()
    }

    pub fn resolve_all(&mut self, side: Side) {
        self.plan.resolve_all(side, &self.ours);
    }

    /// The agency or name of the other copy, for people.
    pub fn peer_name(&self) -> String {
        if self.peer.name.is_empty() { self.source.clone() } else { self.peer.name.clone() }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Who changed each of `rows` last, from `session`'s file.
fn stamps(session: &Session, rows: &FieldMaps) -> Result<Stamps, Message> {
    let mut by_table: HashMap<usize, HashMap<String, (String, String)>> = HashMap::new();
    let mut stamps = Stamps::new();
    for key in rows.keys() {
        let table = match by_table.entry(key.kind) {
            std::collections::hash_map::Entry::Occupied(table) => table.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => slot.insert(session.row_stamps(KINDS[key.kind].table)?),
        };
        let id = if key.id == SINGLE { "1".to_string() } else { key.id.to_string() };
        if let Some((at, by)) = table.get(&id) {
            stamps.insert(*key, Stamp { at: at.clone(), by: by.clone() });
        }
    }
    Ok(stamps)
}

fn check_lineage(ours: &Workbook, theirs: Id, force: bool) -> Result<bool, Message> {
    let other = ours.profile.masterplan_id != theirs;
    if other && !force {
        return Err(Message::new(Text::MergeOtherMasterplan));
    }
    Ok(other)
}

/// Plan merging the workbook or change package at `path` into `ours`. `force` allows a workbook of another
/// masterplan. Only signed copies this workbook wrote and the workbook it was made from are merged; see
/// [`prepare_trusting`]. Nothing is written, neither here nor there.
pub fn prepare(ours: &Session, path: &Path, force: bool) -> Result<Prepared, Message> {
    prepare_trusting(ours, path, force, false)
}

/// [`prepare`], with `trust` also merging a workbook that is not a signed copy (every change then counts as
/// made here). The file is checked before anything is planned: a package or copy that does not verify against
/// this workbook's record of it is refused whole, and a copy's scope is that record's.
pub fn prepare_trusting(ours: &Session, path: &Path, force: bool, trust: bool) -> Result<Prepared, Message> {
    ours.refuse_if_damaged()?;
    let head = read_head(path)?;
    if package::looks_like_package(&head) {
        let bytes = std::fs::read(path).map_err(|e| Message::with(Text::OpenIo, [e.to_string()]))?;
        return prepare_package(ours, path, &bytes, force);
    }
    let theirs = Session::open_read_only(path, ours.author()).map_err(|e| e.message())?;
    theirs.refuse_if_damaged()?;
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    if canonical(path) == canonical(ours.path()) {
        return Err(Message::new(Text::MergeSameCopy));
    }
    let other_masterplan = check_lineage(ours.workbook(), theirs.workbook().profile.masterplan_id, force)?;
    let trust = check_workbook(ours, &theirs, trust)?;
    let own = ours.replica().cloned();
    let mut peer = theirs.replica().cloned().unwrap_or(Replica { id: Id::nil(), name: String::new(), scope: None });
    peer.scope = trust.scope();
    // A plain "save a copy" shares this file's identity: then there is no base, and every difference shows.
    let same_identity = own.as_ref().is_some_and(|o| o.id == peer.id);
    // The base: the most recent meeting of the two, whichever side recorded it. Each side records the other as
    // it was when they met (at copy time both do), so the later record is their latest common state: after we
    // merged them, our record of them; after they merged us, their record of us.
    let recorded_here = ours.peer_base(peer.id)?;
    let recorded_there = match &own {
        Some(o) => theirs.peer_base(o.id)?,
        None => None,
    };
    let base = match (recorded_here, recorded_there) {
        (Some(here), Some(there)) => Some(if met_later(&there.1, &here.1) { there.0 } else { here.0 }),
        (here, there) => here.or(there).map(|(w, _)| w),
    }
    .filter(|_| !same_identity);
    let has_base = base.is_some();
    let base_rows = base.as_ref().map(field_maps_of).unwrap_or_default();
    let ours_rows = field_maps_of(ours.workbook());
    let theirs_rows = field_maps_of(theirs.workbook());
    let mut plan =
        plan(&base_rows, &ours_rows, &theirs_rows, &stamps(ours, &ours_rows)?, &stamps(&theirs, &theirs_rows)?);
    plan.question_inconsistent_rows(&base_rows, &ours_rows, &theirs_rows, ours.workbook());
    if let Some(scope) = trust.scope() {
        plan.refuse_out_of_scope(scope, &refusal(scope, ours.workbook()), (&base_rows, &ours_rows, &theirs_rows));
    }
    let meeting = Meeting {
        peer: peer.clone(),
        base: Some(base_after(theirs.workbook(), &plan, &ours_rows, &theirs_rows)),
        origin: Origin::Merge,
        source_file: path.display().to_string(),
        package_hash: None,
        their_journal: theirs.journal()?,
    };
    Ok(Prepared {
        plan,
        peer,
        source: file_name(path),
        origin: Origin::Merge,
        has_base,
        already_applied: false,
        other_masterplan,
        trust,
        ours: ours_rows,
        revision: ours.revision(),
        meeting,
    })
}

fn read_head(path: &Path) -> Result<Vec<u8>, Message> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Message::new(Text::OpenNotFound),
        _ => Message::with(Text::OpenIo, [e.to_string()]),
    })?;
    let mut head = vec![0u8; 32];
    let read = file.read(&mut head).map_err(|e| Message::with(Text::OpenIo, [e.to_string()]))?;
    head.truncate(read);
    Ok(head)
}

/// What to record as the other copy's state after the merge: their workbook, except that refused rows are
/// recorded as they are here, so the next merge shows them as refused again rather than as removed here.
fn base_after(theirs: &Workbook, plan: &Plan, ours: &FieldMaps, theirs_rows: &FieldMaps) -> Workbook {
    let mut base = theirs.clone();
    for entry in &plan.entries {
        if !matches!(entry.outcome, Outcome::Refused { .. }) {
            continue;
        }
        let kind = entry.key.kind();
        let change = match (ours.get(&entry.key), theirs_rows.get(&entry.key)) {
            (Some(here), _) => (kind.put)(here.clone()).ok(),
            (None, Some(there)) => (kind.remove)(entry.key.id, there),
            (None, None) => None,
        };
        if let Some(change) = change {
            base.apply(&change);
        }
    }
    base
}

fn prepare_package(ours: &Session, path: &Path, bytes: &[u8], force: bool) -> Result<Prepared, Message> {
    let decoded = package::decode(bytes).map_err(|e| e.message())?;
    let trust = check_package(ours, &decoded)?;
    let package::Decoded { package, hash, .. } = decoded;
    let other_masterplan = check_lineage(ours.workbook(), package.masterplan_id, force)?;
    let peer = Replica { id: package.from.replica_id, name: package.from.name.clone(), scope: trust.scope() };
    let already_applied = ours.package_applied(&hash)?;
    // Packages hold the changes since the one before. An older package arriving after a newer one from the same
    // copy would undo what the newer one did (bring back a program removed since), so it is refused; the
    // copy's workbook itself merges what it may still hold. History times are whole seconds: a change made in
    // the same second as the package is not known to be newer, and lets the package through.
    let newer_arrived = ours
        .journal()?
        .iter()
        .any(|entry| entry.replica_id == package.from.replica_id && met_later(&entry.at, &package.made_at));
    if !already_applied && newer_arrived {
        return Err(Message::new(Text::PackageOlderThanApplied));
    }
    let ours_rows = field_maps_of(ours.workbook());
    // Rows outside the package are the same on all three sides; inside it, the package says what the
    // coordinator's row was when they last met (the base) and what the agency made of it.
    let (mut base, mut theirs) = (ours_rows.clone(), ours_rows.clone());
    let mut theirs_stamps = Stamps::new();
    if !already_applied {
        for row in &package.rows {
            let kind =
                kind_named(&row.kind).ok_or_else(|| Message::with(Text::PackageUnknownKind, [row.kind.clone()]))?;
            let key = RowKey { kind, id: row.id };
            put_or_remove(&mut base, key, row.base.clone());
            put_or_remove(&mut theirs, key, row.row.clone());
            if let Some(stamp) = &row.stamp {
                theirs_stamps.insert(key, stamp.clone());
            }
        }
    }
    let mut plan = plan(&base, &ours_rows, &theirs, &stamps(ours, &ours_rows)?, &theirs_stamps);
    plan.question_inconsistent_rows(&base, &ours_rows, &theirs, ours.workbook());
    if let Some(scope) = trust.scope() {
        plan.refuse_out_of_scope(scope, &refusal(scope, ours.workbook()), (&base, &ours_rows, &theirs));
    }
    let their_journal =
        package.journal.iter().map(|e| serde_json::from_value::<JournalEntry>(e.clone())).collect::<Result<_, _>>();
    // A history entry that cannot be read makes the package damaged: it is never silently left out.
    let their_journal: Vec<JournalEntry> =
        their_journal.map_err(|e| Message::with(Text::PackageMalformed, [e.to_string()]))?;
    if let Some(bad) = their_journal.iter().find(|e| e.label().text == Text::Invalid) {
        return Err(Message::with(Text::PackageMalformed, [format!("history entry {}: {:?}", bad.id, bad.label_key)]));
    }
    let meeting = Meeting {
        peer: peer.clone(),
        base: None,
        origin: Origin::Package,
        source_file: path.display().to_string(),
        package_hash: Some(hash),
        their_journal,
    };
    Ok(Prepared {
        plan,
        peer,
        source: file_name(path),
        origin: Origin::Package,
        has_base: true,
        already_applied,
        other_masterplan,
        trust,
        ours: ours_rows,
        revision: ours.revision(),
        meeting,
    })
}

/// Who owns each program once the plan is applied: here, then the program rows the plan writes.
fn owners_after(prepared: &Prepared) -> Result<Owners, Message> {
    let mut written = FieldMaps::new();
    for entry in &prepared.plan.entries {
        if KINDS[entry.key.kind].name == "program"
            && !matches!(entry.outcome, Outcome::Refused { .. })
            && let Some(row) = prepared.plan.chosen(entry).map_err(|e| e.message())?
        {
            written.insert(entry.key, row);
        }
    }
    Ok(owners(&written, &prepared.ours))
}

fn put_or_remove(rows: &mut FieldMaps, key: RowKey, fields: Option<Fields>) {
    match fields {
        Some(fields) => rows.insert(key, fields),
        None => rows.remove(&key),
    };
}

/// Apply a prepared merge whose conflicts all have a choice: one transaction, one undo step, one history
/// entry. Returns how many rows changed.
pub fn apply(ours: &mut Session, prepared: &Prepared) -> Result<usize, Message> {
    if ours.revision() != prepared.revision {
        return Err(Message::new(Text::MergeStale));
    }
    // Defence in depth: the scope rule again, on what the plan would now write.
    if let Some(scope) = prepared.trust.scope() {
        let owners = owners_after(prepared)?;
        for entry in &prepared.plan.entries {
            if matches!(entry.outcome, Outcome::Refused { .. }) {
                continue;
            }
            let row = prepared.plan.chosen(entry).map_err(|e| e.message())?;
            let here = prepared.ours.get(&entry.key);
            if row.as_ref() != here && !allowed(scope, entry.key.kind, &[here, row.as_ref()], &owners) {
                return Err(Message::with(Text::MergeScopeViolated, [entry.title.clone()]));
            }
        }
    }
    let changes = prepared.plan.changes(&prepared.ours).map_err(|e| e.message())?;
    let count = changes.len();
    let label = Message::with(Text::EditMerge, [prepared.source.clone(), prepared.peer_name()]);
    ours.apply_merge(label, changes, prepared.meeting.clone()).map_err(|e| e.message())?;
    Ok(count)
}

/// Write the change package of `session` to `dest` for the copy it was made from (the coordinator): its rows
/// that differ from what it last sent there (or, before the first package and after each merge with the
/// coordinator's workbook, from what the coordinator had when they met), with its history since, and remember
/// what it sent. Removals since the last package travel too. Returns how many rows it holds.
pub fn write_package(session: &mut Session, dest: &Path) -> Result<usize, Message> {
    let own = session.replica().cloned().ok_or_else(|| Message::new(Text::CopyNoIdentity))?;
    let secret = session.signing_key()?.ok_or_else(|| Message::new(Text::PackageNoKey))?;
    let (coordinator, met_at) = session.origin()?.ok_or_else(|| Message::new(Text::PackageNoBase))?;
    let (base, _) = session.peer_base(coordinator.id)?.ok_or_else(|| Message::new(Text::PackageNoBase))?;
    let (base, met_at) = match session.sent_state(coordinator.id)? {
        Some((sent, at)) if met_later(&at, &met_at) => (sent, at),
        _ => (base, met_at),
    };
    let base = field_maps_of(&base);
    let now = field_maps_of(session.workbook());
    let now_stamps = stamps(session, &now)?;
    let keys: std::collections::BTreeSet<&RowKey> = base.keys().chain(now.keys()).collect();
    let rows: Vec<PackageRow> = keys
        .into_iter()
        .filter(|key| base.get(key) != now.get(key))
        .map(|key| PackageRow {
            kind: KINDS[key.kind].name.to_string(),
            id: key.id,
            base: base.get(key).cloned(),
            row: now.get(key).cloned(),
            stamp: now_stamps.get(key).cloned(),
        })
        .collect();
    let count = rows.len();
    let journal = session
        .journal_since(&met_at)?
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()
        .map_err(|e| Message::with(Text::PackageWriteFailed, [e.to_string()]))?;
    let package = Package {
        format: package::FORMAT.into(),
        version: package::VERSION,
        masterplan_id: session.workbook().profile.masterplan_id,
        from: Sender { replica_id: own.id, name: own.name, scope: own.scope },
        made_at: now_iso(),
        made_by: session.author().to_string(),
        since: met_at,
        rows,
        journal,
    };
    let bytes = package::encode(&package, &secret).map_err(|e| e.message())?;
    write_atomically(dest, &bytes).map_err(|e| Message::with(Text::PackageWriteFailed, [e]))?;
    // A file open elsewhere read-only cannot remember: its next package then holds these changes again.
    if session.read_only().is_none() {
        session.record_sent(&coordinator)?;
    }
    Ok(count)
}

fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut name = dest.as_os_str().to_owned();
    name.push(format!(".tmp{}", std::process::id()));
    let temp = std::path::PathBuf::from(name);
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, dest)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(|e| e.to_string())
}
