//! What a scoped copy may change, by this workbook's own record of the copy (never by what the copy says):
//! only programs of its agency, with their budget lines, targets and links (fields of the program row), and
//! only when the program is that agency's on every side. One rule, used when planning and again when applying.

use super::fields::Fields;
use super::kinds::{FieldMaps, kind_named};
use super::plan::{Outcome, Plan};
use crate::i18n::{Message, Text};
use crate::model::{Id, Workbook};

/// True when a copy scoped to `scope` may change a row of kind `kind` whose states on the sides given (the
/// base, here, there, or the result) are `sides`: a program that belongs to `scope` on every side it exists
/// on. So a copy cannot move a program to another agency, take over one, or add one for another agency.
pub fn allowed(scope: Id, kind: usize, sides: &[Option<&Fields>]) -> bool {
    Some(kind) == kind_named("program") && sides.iter().flatten().all(|row| agency_of(row) == Some(scope))
}

fn agency_of(row: &Fields) -> Option<Id> {
    row.get("agency_id").and_then(|v| v.as_str()).and_then(|s| Id::parse_str(s).ok())
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
        for entry in &mut self.entries {
            let key = &entry.key;
            let mut rows = vec![base.get(key), ours.get(key), theirs.get(key)];
            if let Outcome::Conflict(conflict) = &entry.outcome {
                rows.extend([conflict.base.as_ref(), conflict.ours.as_ref(), conflict.theirs.as_ref()]);
            }
            if !allowed(scope, key.kind, &rows) {
                let here = match &entry.outcome {
                    Outcome::Conflict(conflict) if conflict.same_as.is_some() => None,
                    _ => ours.get(key).cloned(),
                };
                entry.outcome = Outcome::Refused { reason: reason.clone(), ours: here };
            }
        }
    }
}
