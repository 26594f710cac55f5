//! What a scoped copy may change, by this workbook's own record of the copy (never by what the copy says):
//! only programs of its agency, with their budget lines, targets and links (fields of the program row), and
//! only when the program is that agency's on every side; and the realisation and spending of those programs
//! (what the agency reports after the signing), by who owns the program in this workbook. The evaluation
//! framework and its scores are the coordinator's. One rule, used when planning and again when applying.

use std::collections::HashMap;

use super::fields::Fields;
use super::kinds::{FieldMaps, KINDS, kind_named};
use super::plan::{Outcome, Plan};
use crate::i18n::{Message, Text};
use crate::model::{Id, Workbook};

/// Which agency each program belongs to, for the rows that point at a program.
pub type Owners = HashMap<Id, Option<Id>>;

/// The owners of the programs of `primary` (this workbook's record), then of the programs only `fallback`
/// holds (a new program of the copy, which the program rule itself checks).
pub fn owners(primary: &FieldMaps, fallback: &FieldMaps) -> Owners {
    let Some(program) = kind_named("program") else { return Owners::new() };
    let mut owners = Owners::new();
    for rows in [fallback, primary] {
        owners.extend(rows.iter().filter(|(key, _)| key.kind == program).map(|(key, row)| (key.id, agency_of(row))));
    }
    owners
}

/// True when a copy scoped to `scope` may change a row of kind `kind` whose states on the sides given (the
/// base, here, there, or the result) are `sides`: a program that belongs to `scope` on every side it exists
/// on, or a realisation or spending row of such a program by `owners`. So a copy cannot move a program to
/// another agency, take over one, add one for another agency, or report for another agency's program.
pub fn allowed(scope: Id, kind: usize, sides: &[Option<&Fields>], owners: &Owners) -> bool {
    let every_side =
        |owner: &dyn Fn(&Fields) -> Option<Id>| sides.iter().flatten().all(|row| owner(row) == Some(scope));
    match KINDS[kind].name {
        "program" => every_side(&agency_of),
        "realisation" | "spending" => {
            every_side(&|row| id_field(row, "program_id").and_then(|p| owners.get(&p).copied().flatten()))
        }
        _ => false,
    }
}

fn agency_of(row: &Fields) -> Option<Id> {
    id_field(row, "agency_id")
}

fn id_field(row: &Fields, field: &str) -> Option<Id> {
    row.get(field).and_then(|v| v.as_str()).and_then(|s| Id::parse_str(s).ok())
}

/// Why a change from the copy scoped to `scope` is refused, for people ("Dinkes's copy may change only
/// Dinkes programs").
pub fn refusal(scope: Id, workbook: &Workbook) -> Message {
    let name = workbook.agency(scope).map_or_else(|| scope.to_string(), |a| a.label().to_string());
    Message::with(Text::MergeRefusedScope, [name.clone(), name])
}

impl Plan {
    /// Turn every entry a copy scoped to `scope` may not change into [`Outcome::Refused`]; the rows stay
    /// as they are here.
    pub fn refuse_out_of_scope(&mut self, scope: Id, reason: &Message, sides: (&FieldMaps, &FieldMaps, &FieldMaps)) {
        let (base, ours, theirs) = sides;
        let owners = owners(ours, theirs);
        for entry in &mut self.entries {
            let key = &entry.key;
            let mut rows = vec![base.get(key), ours.get(key), theirs.get(key)];
            if let Outcome::Conflict(conflict) = &entry.outcome {
                rows.extend([conflict.base.as_ref(), conflict.ours.as_ref(), conflict.theirs.as_ref()]);
            }
            if !allowed(scope, key.kind, &rows, &owners) {
                let here = match &entry.outcome {
                    Outcome::Conflict(conflict) if conflict.same_as.is_some() => None,
                    _ => ours.get(key).cloned(),
                };
                entry.outcome = Outcome::Refused { reason: reason.clone(), ours: here };
            }
        }
    }
}
