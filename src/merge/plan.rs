//! The three-way merge: each row and each field of "ours" and "theirs" is compared with the base, the state
//! both had when they last met. A field changed on one side only is taken from that side; changed on both
//! sides to different values it is a conflict; a row deleted on one side and edited on the other is a
//! conflict too. Nothing is decided for the user: conflicts wait for a choice per field or per row.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::fields::{Fields, title};
use super::kinds::{FieldMaps, RowKey};
use crate::i18n::{Message, Text};
use crate::model::{Change, Id};

/// One side of a merge: this workbook ("ours") or the one merged in ("theirs").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Ours,
    Theirs,
}

/// Who changed a row last, and when (`updated_at`, `changed_by`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub at: String,
    pub by: String,
}

/// The stamps of one side's rows.
pub type Stamps = HashMap<RowKey, Stamp>;

/// What happens to one row.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A row only the other side has: it was added there.
    New(Fields),
    /// Changed on the other side (and perhaps in other fields here): the merged row and the fields taken.
    Taken {
        row: Fields,
        fields: Vec<String>,
    },
    /// Removed on the other side and unchanged here.
    Removed,
    Conflict(Conflict),
    /// Outside what the other copy may change (by this workbook's record of it): never applied; the row stays
    /// as it is here (`ours`, `None` when this side has no such row).
    Refused {
        reason: Message,
        ours: Option<Fields>,
    },
}

/// Both sides changed the same row differently since they last met.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conflict {
    pub base: Option<Fields>,
    /// `None` when this side deleted the row.
    pub ours: Option<Fields>,
    /// `None` when the other side deleted the row.
    pub theirs: Option<Fields>,
    /// The row with every field that does not conflict already merged.
    pub merged: Fields,
    /// The fields changed differently on both sides, each with the side chosen so far.
    pub fields: Vec<(String, Option<Side>)>,
    /// The fields changed only on the other side, taken into `merged` whatever is chosen.
    pub taken: Vec<String>,
    /// The side chosen for a row deleted on one side and edited on the other.
    pub row: Option<Side>,
    /// For a removal: the rows merged in or edited here that still refer to the removed row.
    pub used_by: Vec<String>,
    /// Both sides added a row under this code: the incoming row is merged into ours, which has this id.
    pub same_as: Option<Id>,
    /// Each side's edit is valid alone, but together, field by field, they make a row the model refuses
    /// (a start year moved past the end year the other side set): every changed field is a choice.
    pub inconsistent: bool,
}

impl Conflict {
    /// Deleted on one side, edited on the other.
    pub fn is_delete_edit(&self) -> bool {
        self.ours.is_none() || self.theirs.is_none()
    }

    /// Why this is a question beyond "both sides changed it", for people.
    pub fn note(&self) -> Option<Message> {
        if !self.used_by.is_empty() {
            let mut users: Vec<&str> = self.used_by.iter().map(String::as_str).take(3).collect();
            if self.used_by.len() > 3 {
                users.push("…");
            }
            Some(Message::with(Text::MergeUsedBy, [users.join(", ")]))
        } else if self.same_as.is_some() {
            Some(Message::new(Text::MergeSameCode))
        } else if self.inconsistent {
            Some(Message::new(Text::MergeInconsistent))
        } else {
            None
        }
    }

    pub fn is_resolved(&self) -> bool {
        if self.is_delete_edit() { self.row.is_some() } else { self.fields.iter().all(|(_, side)| side.is_some()) }
    }

    /// Choose one side for the whole row.
    pub fn choose_row(&mut self, side: Side) {
        self.row = Some(side);
        self.fields.iter_mut().for_each(|(_, chosen)| *chosen = Some(side));
    }

    pub fn choose_field(&mut self, field: &str, side: Side) {
        if let Some((_, chosen)) = self.fields.iter_mut().find(|(name, _)| name == field) {
            *chosen = Some(side);
        }
    }

    /// The side's version of the row (`None` when that side deleted it).
    pub fn side(&self, side: Side) -> Option<&Fields> {
        match side {
            Side::Ours => self.ours.as_ref(),
            Side::Theirs => self.theirs.as_ref(),
        }
    }

    /// The row as chosen: `Ok(None)` means removed; `Err` when a choice is missing.
    fn result(&self) -> Result<Option<Fields>, ()> {
        if self.is_delete_edit() {
            return match self.row {
                Some(side) => Ok(self.side(side).cloned()),
                None => Err(()),
            };
        }
        let (Some(ours), Some(theirs)) = (&self.ours, &self.theirs) else { return Err(()) };
        let mut row = self.merged.clone();
        for (field, chosen) in &self.fields {
            let from = match chosen {
                Some(Side::Ours) => ours,
                Some(Side::Theirs) => theirs,
                None => return Err(()),
            };
            match from.get(field) {
                Some(value) => row.insert(field.clone(), value.clone()),
                None => row.remove(field),
            };
        }
        Ok(Some(row))
    }
}

/// One row in the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: RowKey,
    /// A name for people: the row's code and name.
    pub title: String,
    pub outcome: Outcome,
    pub ours_stamp: Option<Stamp>,
    pub theirs_stamp: Option<Stamp>,
}

/// What merging "theirs" into "ours" does, row by row, in dependency order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub entries: Vec<Entry>,
    /// Rows this side added or changed since the base: like the rows the plan writes, they must not be left
    /// pointing at a row the plan removes.
    edited_here: BTreeSet<RowKey>,
}

/// Counts for a headline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub new: usize,
    pub taken: usize,
    pub removed: usize,
    pub conflicts: usize,
    pub unresolved: usize,
    pub refused: usize,
}

/// Why a plan cannot become changes yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    Unresolved(usize),
    /// A removal chosen while a row of the result still refers to it: (the removed row, the row using it).
    StillUsed(String, String),
    /// A merged row that its type cannot hold (a programming error, reported rather than hidden).
    Malformed(String),
}

impl PlanError {
    pub fn message(&self) -> Message {
        match self {
            PlanError::Unresolved(n) => Message::with(Text::MergeUnresolved, [n.to_string()]),
            PlanError::StillUsed(row, user) => Message::with(Text::MergeStillUsed, [row.clone(), user.clone()]),
            PlanError::Malformed(detail) => Message::with(Text::MergeMalformed, [detail.clone()]),
        }
    }
}

/// Merge field by field: both sides' fields against the base's.
fn merge_fields(base: &Fields, ours: &Fields, theirs: &Fields) -> (Fields, Vec<String>, Vec<String>) {
    let names: BTreeSet<&String> = base.keys().chain(ours.keys()).chain(theirs.keys()).collect();
    let (mut merged, mut taken, mut conflicts) = (Fields::new(), Vec::new(), Vec::new());
    for name in names {
        let (b, o, t) = (base.get(name), ours.get(name), theirs.get(name));
        let value = if o == t || t == b {
            o
        } else if o == b {
            taken.push(name.clone());
            t
        } else {
            conflicts.push(name.clone());
            o
        };
        if let Some(value) = value {
            merged.insert(name.clone(), value.clone());
        }
    }
    (merged, taken, conflicts)
}

/// Plan merging `theirs` into `ours`, both compared with `base`. With an empty base (two files that never
/// met) nothing counts as removed, and every field that differs is a conflict.
pub fn plan(
    base: &FieldMaps,
    ours: &FieldMaps,
    theirs: &FieldMaps,
    ours_stamps: &Stamps,
    theirs_stamps: &Stamps,
) -> Plan {
    let keys: BTreeSet<&RowKey> = base.keys().chain(ours.keys()).chain(theirs.keys()).collect();
    let mut entries = Vec::new();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        if o == t || t == b {
            continue;
        }
        let outcome = match (b, o, t) {
            (None, None, Some(t)) => Outcome::New(t.clone()),
            (Some(_), Some(_), None) if o == b => Outcome::Removed,
            (_, Some(o), Some(t)) => {
                let empty = Fields::new();
                let (merged, taken, conflicts) = merge_fields(b.unwrap_or(&empty), o, t);
                if conflicts.is_empty() {
                    Outcome::Taken { row: merged, fields: taken }
                } else {
                    Outcome::Conflict(Conflict {
                        base: b.cloned(),
                        ours: Some(o.clone()),
                        theirs: Some(t.clone()),
                        merged,
                        fields: conflicts.into_iter().map(|f| (f, None)).collect(),
                        taken,
                        ..Conflict::default()
                    })
                }
            }
            // One side deleted the row, the other edited it.
            _ => Outcome::Conflict(Conflict {
                base: b.cloned(),
                ours: o.cloned(),
                theirs: t.cloned(),
                ..Conflict::default()
            }),
        };
        let shown = t.or(o).or(b).map(title).unwrap_or_default();
        entries.push(Entry {
            key: *key,
            title: shown,
            outcome,
            ours_stamp: ours_stamps.get(key).cloned(),
            theirs_stamp: theirs_stamps.get(key).cloned(),
        });
    }
    question_same_code_additions(&mut entries, (base, ours, theirs), ours_stamps);
    question_removals_still_used(&mut entries, (base, ours, theirs), (ours_stamps, theirs_stamps));
    let edited_here = ours.iter().filter(|(key, row)| base.get(key) != Some(*row)).map(|(key, _)| *key).collect();
    Plan { entries, edited_here }
}

/// Whether the field `name` holds the id of another row: a `..._id` field or a program's readiness link
/// (`readiness_items/...`).
fn is_reference(name: &str) -> bool {
    name.ends_with("_id") || name.starts_with("readiness_items/")
}

/// A row's code, if it has one; a blank code is "no code yet", which many rows may share.
fn code_of(row: &Fields) -> Option<String> {
    row.get("code").and_then(|c| c.as_str()).filter(|c| !c.trim().is_empty()).map(str::to_owned)
}

/// The ids a row refers to: its reference fields and the members of its `..._ids` lists. Ids are UUIDs,
/// unique across kinds, so the kind need not be known.
fn references(row: &Fields) -> impl Iterator<Item = &str> {
    row.iter().flat_map(|(name, value)| {
        let items: Vec<&str> = if is_reference(name) {
            value.as_str().into_iter().collect()
        } else if name.ends_with("_ids") {
            value.as_array().map(|list| list.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default()
        } else {
            Vec::new()
        };
        items
    })
}

/// Referred id -> titles of the rows among `rows` that refer to it.
fn users_of<'a>(rows: impl Iterator<Item = &'a Fields>) -> HashMap<String, Vec<String>> {
    let mut users: HashMap<String, Vec<String>> = HashMap::new();
    for row in rows {
        for id in references(row) {
            users.entry(id.to_string()).or_default().push(title(row));
        }
    }
    users
}

/// A row removed on one side stays a question for the user when rows the other side changed or added still
/// refer to it: removed silently, it would leave those edits pointing at nothing (an agency removed here while
/// the other copy added a program under it; a program removed there while its score was edited here).
fn question_removals_still_used(
    entries: &mut Vec<Entry>,
    sides: (&FieldMaps, &FieldMaps, &FieldMaps),
    stamps: (&Stamps, &Stamps),
) {
    let (base, ours, theirs) = sides;
    let changed = |rows: &'_ FieldMaps| -> Vec<Fields> {
        rows.iter().filter(|(key, row)| base.get(key) != Some(*row)).map(|(_, row)| row.clone()).collect()
    };
    let kept_here: Vec<Fields> = entries
        .iter()
        .filter_map(|e| match &e.outcome {
            Outcome::Conflict(c) => c.ours.clone(),
            _ => None,
        })
        .chain(changed(ours))
        .collect();
    // Removed there, used here.
    let used_here = users_of(kept_here.iter());
    for entry in entries.iter_mut() {
        if entry.outcome != Outcome::Removed {
            continue;
        }
        if let Some(users) = used_here.get(&entry.key.id.to_string()) {
            entry.outcome = Outcome::Conflict(Conflict {
                base: base.get(&entry.key).cloned(),
                ours: ours.get(&entry.key).cloned(),
                used_by: users.clone(),
                ..Conflict::default()
            });
        }
    }
    // Removed here, used there: the row is not in the plan yet (the other side left it as it was).
    let used_there = users_of(changed(theirs).iter());
    let mut added = false;
    for (key, row) in base {
        if ours.contains_key(key) || theirs.get(key) != Some(row) {
            continue;
        }
        if let Some(users) = used_there.get(&key.id.to_string()) {
            entries.push(Entry {
                key: *key,
                title: title(row),
                outcome: Outcome::Conflict(Conflict {
                    base: Some(row.clone()),
                    theirs: Some(row.clone()),
                    used_by: users.clone(),
                    ..Conflict::default()
                }),
                ours_stamp: stamps.0.get(key).cloned(),
                theirs_stamp: stamps.1.get(key).cloned(),
            });
            added = true;
        }
    }
    if added {
        entries.sort_by_key(|e| e.key);
    }
}

/// A row both sides added under the same code (one CSV imported in two copies) would break the rule of one
/// code per row: the incoming row becomes a conflict with ours, merged field by field into ours' row.
fn question_same_code_additions(
    entries: &mut [Entry],
    sides: (&FieldMaps, &FieldMaps, &FieldMaps),
    ours_stamps: &Stamps,
) {
    let (base, ours, theirs) = sides;
    let added_here: HashMap<(usize, String), &RowKey> = ours
        .iter()
        .filter(|(key, _)| !base.contains_key(key) && !theirs.contains_key(key))
        .filter_map(|(key, row)| Some(((key.kind, code_of(row)?), key)))
        .collect();
    for entry in entries.iter_mut() {
        let Outcome::New(incoming) = &entry.outcome else { continue };
        let Some(here_key) = code_of(incoming).and_then(|c| added_here.get(&(entry.key.kind, c))) else { continue };
        let here = &ours[*here_key];
        entry.ours_stamp = ours_stamps.get(*here_key).cloned();
        let (merged, taken, fields) = merge_fields(&Fields::new(), here, incoming);
        entry.outcome = Outcome::Conflict(Conflict {
            ours: Some(here.clone()),
            theirs: Some(incoming.clone()),
            merged,
            // The row keeps our id: the incoming id is another name for it (see `Plan::changes`).
            fields: fields.into_iter().filter(|f| f != "id").map(|f| (f, None)).collect(),
            taken,
            same_as: Some(here_key.id),
            ..Conflict::default()
        });
    }
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for entry in &self.entries {
            match &entry.outcome {
                Outcome::New(_) => summary.new += 1,
                Outcome::Taken { .. } => summary.taken += 1,
                Outcome::Removed => summary.removed += 1,
                Outcome::Refused { .. } => summary.refused += 1,
                Outcome::Conflict(conflict) => {
                    summary.conflicts += 1;
                    if !conflict.is_resolved() {
                        summary.unresolved += 1;
                    }
                }
            }
        }
        summary
    }

    pub fn conflicts_mut(&mut self) -> impl Iterator<Item = &mut Conflict> {
        self.entries.iter_mut().filter_map(|e| match &mut e.outcome {
            Outcome::Conflict(c) => Some(c),
            _ => None,
        })
    }

    /// Resolve every conflict one way (`--prefer ours|theirs`). A removal that the rows kept would still refer
    /// to is not chosen: the row stays, on whichever side has it (a preference never breaks a reference).
    pub fn resolve_all(&mut self, side: Side, ours: &FieldMaps) {
        self.conflicts_mut().for_each(|c| c.choose_row(side));
        // Keeping a row may keep its own references alive (a restored program names a removed agency): repeat.
        loop {
            let mut kept = false;
            for (at, _) in self.removals_still_used(ours) {
                if let Outcome::Conflict(conflict) = &mut self.entries[at].outcome {
                    let keep = if conflict.ours.is_some() { Side::Ours } else { Side::Theirs };
                    kept |= conflict.row != Some(keep);
                    conflict.choose_row(keep);
                }
            }
            if !kept {
                break;
            }
        }
    }

    /// The row an entry leaves, as chosen (`Ok(None)`: removed), with ids of rows merged into ours by code
    /// renamed to ours' id.
    fn result(&self, entry: &Entry, same: &HashMap<String, String>) -> Result<Option<Fields>, PlanError> {
        let row = match &entry.outcome {
            Outcome::New(row) | Outcome::Taken { row, .. } => Some(row.clone()),
            Outcome::Removed => None,
            Outcome::Refused { ours, .. } => ours.clone(),
            Outcome::Conflict(conflict) => conflict.result().map_err(|()| PlanError::Unresolved(1))?,
        };
        Ok(row.map(|mut row| {
            if !same.is_empty() {
                for (name, value) in row.iter_mut() {
                    if let Some(to) = value.as_str().filter(|_| is_reference(name)).and_then(|id| same.get(id)) {
                        *value = serde_json::Value::String(to.clone());
                    }
                }
            }
            row
        }))
    }

    /// The row `entry` leaves as chosen (`None`: removed), with rows merged by code under ours' id.
    pub fn chosen(&self, entry: &Entry) -> Result<Option<Fields>, PlanError> {
        self.result(entry, &self.same_ids())
    }

    /// Incoming id -> ours' id, for rows both sides added under one code.
    fn same_ids(&self) -> HashMap<String, String> {
        self.entries
            .iter()
            .filter_map(|e| match &e.outcome {
                Outcome::Conflict(Conflict { same_as: Some(id), .. }) => Some((e.key.id.to_string(), id.to_string())),
                _ => None,
            })
            .collect()
    }

    /// Entries whose chosen outcome removes a row that a row the plan writes still refers to, each with the
    /// name of one such row. Only written rows count: the model checks references when a row is written, and
    /// lets rows it keeps point at a removed row (a deleted program's scores stay, for undo).
    fn removals_still_used(&self, ours: &FieldMaps) -> Vec<(usize, String)> {
        let same = self.same_ids();
        let mut removed: HashMap<String, usize> = HashMap::new();
        let mut written = Vec::new();
        for (at, entry) in self.entries.iter().enumerate() {
            match self.result(entry, &same) {
                Ok(Some(row)) if ours.get(&entry.key) != Some(&row) => written.push((entry.key, row)),
                // A refused row stays as it is here: it is not removed by the merge.
                Ok(None) if !matches!(entry.outcome, Outcome::Refused { .. }) => {
                    removed.insert(entry.key.id.to_string(), at);
                }
                _ => {}
            }
        }
        let planned: BTreeSet<&RowKey> = self.entries.iter().map(|e| &e.key).collect();
        let kept_edits = self
            .edited_here
            .iter()
            .filter(|key| !planned.contains(key))
            .filter_map(|key| Some((*key, ours.get(key)?.clone())));
        written.extend(kept_edits);
        let mut used = Vec::new();
        for (key, row) in &written {
            for id in references(row) {
                if let Some(at) = removed.remove(id) {
                    let name = title(row);
                    used.push((at, if name.is_empty() { key.kind().name.to_string() } else { name }));
                }
            }
        }
        used
    }

    /// The changes that carry the plan out, in an order the model accepts: rows are written in dependency
    /// order (what is referred to first), removals after all writes, in reverse order.
    pub fn changes(&self, ours: &FieldMaps) -> Result<Vec<Change>, PlanError> {
        let unresolved = self.summary().unresolved;
        if unresolved > 0 {
            return Err(PlanError::Unresolved(unresolved));
        }
        if let Some((at, user)) = self.removals_still_used(ours).into_iter().next() {
            return Err(PlanError::StillUsed(self.entries[at].title.clone(), user));
        }
        let same = self.same_ids();
        let mut puts = Vec::new();
        let mut removals = Vec::new();
        // A removal that frees a code a written row of the same kind takes goes first (a program deleted and
        // added again under its code): the model refuses two rows with one code.
        let mut freeing = Vec::new();
        let taken_codes: BTreeSet<(usize, String)> = self
            .entries
            .iter()
            .filter_map(|entry| Some((entry.key.kind, code_of(&self.result(entry, &same).ok().flatten()?)?)))
            .collect();
        for entry in &self.entries {
            let result = self.result(entry, &same)?;
            let current = ours.get(&entry.key);
            if result.as_ref() == current {
                continue;
            }
            let kind = entry.key.kind();
            match result {
                Some(row) => puts.push((kind.put)(row).map_err(PlanError::Malformed)?),
                None => {
                    if let Some(row) = current
                        && let Some(change) = (kind.remove)(entry.key.id, row)
                    {
                        if code_of(row).is_some_and(|c| taken_codes.contains(&(entry.key.kind, c))) {
                            freeing.push(change);
                        } else {
                            removals.push(change);
                        }
                    }
                }
            }
        }
        removals.reverse();
        freeing.reverse();
        freeing.extend(puts);
        freeing.extend(removals);
        Ok(freeing)
    }
}
