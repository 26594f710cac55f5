//! The three-way merge: each row and each field of "ours" and "theirs" is compared with the base, the state
//! both had when they last met. A field changed on one side only is taken from that side; changed on both
//! sides to different values it is a conflict; a row deleted on one side and edited on the other is a
//! conflict too. Nothing is decided for the user: conflicts wait for a choice per field or per row.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::rows::{Fields, RowKey, Rows, title};
use crate::i18n::{Message, Text};
use crate::model::Change;

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
}

/// Both sides changed the same row differently since they last met.
#[derive(Clone, Debug, PartialEq)]
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
}

impl Conflict {
    /// Deleted on one side, edited on the other.
    pub fn is_delete_edit(&self) -> bool {
        self.ours.is_none() || self.theirs.is_none()
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
}

/// Counts for a headline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub new: usize,
    pub taken: usize,
    pub removed: usize,
    pub conflicts: usize,
    pub unresolved: usize,
}

/// Why a plan cannot become changes yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    Unresolved(usize),
    /// A merged row that its type cannot hold (a programming error, reported rather than hidden).
    Malformed(String),
}

impl PlanError {
    pub fn message(&self) -> Message {
        match self {
            PlanError::Unresolved(n) => Message::with(Text::MergeUnresolved, [n.to_string()]),
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
pub fn plan(base: &Rows, ours: &Rows, theirs: &Rows, ours_stamps: &Stamps, theirs_stamps: &Stamps) -> Plan {
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
                        row: None,
                    })
                }
            }
            // One side deleted the row, the other edited it.
            _ => Outcome::Conflict(Conflict {
                base: b.cloned(),
                ours: o.cloned(),
                theirs: t.cloned(),
                merged: Fields::new(),
                fields: Vec::new(),
                taken: Vec::new(),
                row: None,
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
    demote_removals_of_referenced_rows(&mut entries, base, ours);
    Plan { entries }
}

/// Whether `row` refers to the row `id` in one of its `..._id` fields (a program's scores and votes name
/// their `program_id`, members their `agency_id`).
fn refers_to(row: &Fields, id: &str) -> bool {
    row.iter().any(|(name, value)| name.ends_with("_id") && value.as_str() == Some(id))
}

/// A row the other side removed stays a question for the user when rows that refer to it were changed here
/// (or are kept by a conflict): removing it silently would leave those edits pointing at nothing.
fn demote_removals_of_referenced_rows(entries: &mut [Entry], base: &Rows, ours: &Rows) {
    let kept: Vec<Fields> = entries
        .iter()
        .filter_map(|e| match &e.outcome {
            Outcome::Conflict(c) => c.ours.clone(),
            _ => None,
        })
        .chain(ours.iter().filter(|(key, row)| base.get(key) != Some(*row)).map(|(_, row)| row.clone()))
        .collect();
    for entry in entries.iter_mut() {
        if entry.outcome != Outcome::Removed {
            continue;
        }
        let id = entry.key.id.to_string();
        if !kept.iter().any(|row| refers_to(row, &id)) {
            continue;
        }
        let row = ours.get(&entry.key).cloned();
        entry.outcome = Outcome::Conflict(Conflict {
            base: base.get(&entry.key).cloned(),
            ours: row,
            theirs: None,
            merged: Fields::new(),
            fields: Vec::new(),
            taken: Vec::new(),
            row: None,
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

    /// Resolve every conflict one way (`--prefer ours|theirs`).
    pub fn resolve_all(&mut self, side: Side) {
        self.conflicts_mut().for_each(|c| c.choose_row(side));
    }

    /// The changes that carry the plan out, in an order the model accepts: rows are written in dependency
    /// order (what is referred to first), removals after all writes, in reverse order.
    pub fn changes(&self, ours: &Rows) -> Result<Vec<Change>, PlanError> {
        let unresolved = self.summary().unresolved;
        if unresolved > 0 {
            return Err(PlanError::Unresolved(unresolved));
        }
        let mut puts = Vec::new();
        let mut removals = Vec::new();
        // A removal that frees a code a written row of the same kind takes goes first (a program deleted and
        // added again under its code): the model refuses two rows with one code.
        let mut freeing = Vec::new();
        let code = |row: &Fields| row.get("code").and_then(|c| c.as_str()).map(str::to_owned);
        let taken_codes: BTreeSet<(usize, String)> = self
            .entries
            .iter()
            .filter_map(|entry| {
                let row = match &entry.outcome {
                    Outcome::New(row) | Outcome::Taken { row, .. } => Some(row.clone()),
                    Outcome::Conflict(conflict) => conflict.result().ok().flatten(),
                    Outcome::Removed => None,
                }?;
                Some((entry.key.kind, code(&row)?))
            })
            .collect();
        for entry in &self.entries {
            let result = match &entry.outcome {
                Outcome::New(row) | Outcome::Taken { row, .. } => Some(row.clone()),
                Outcome::Removed => None,
                Outcome::Conflict(conflict) => conflict.result().map_err(|()| PlanError::Unresolved(1))?,
            };
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
                        if code(row).is_some_and(|c| taken_codes.contains(&(entry.key.kind, c))) {
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
