//! Field-wise merging can join two valid edits into a row the model refuses: such rows become questions.

use std::collections::BTreeSet;

use super::fields::Fields;
use super::kinds::{FieldMaps, RowKey};
use super::plan::{Conflict, Outcome, Plan};
use crate::model::{Workbook, validate_change};

impl Plan {
    /// Field-wise merging can join two valid edits into a row the model refuses. Such a row (taken from both
    /// sides) becomes a conflict over every field the two sides left different, checked with the model's own
    /// validation against `workbook` (ours): only problems neither side's own row has count.
    pub fn question_inconsistent_rows(
        &mut self,
        base: &FieldMaps,
        ours: &FieldMaps,
        theirs: &FieldMaps,
        workbook: &Workbook,
    ) {
        // A row's own fields are what field-wise merging can make inconsistent; checks against the other
        // programs (one code per program) would only cost a scan of them per row, so they are left out.
        let reference = std::cell::OnceCell::new();
        let problems = |key: &RowKey, row: &Fields| -> Vec<String> {
            let workbook: &Workbook = reference.get_or_init(|| {
                let mut reference = workbook.clone();
                reference.programs.clear();
                reference
            });
            match (key.kind().put)(row.clone()) {
                Ok(change) => validate_change(workbook, &change).iter().map(|p| format!("{p:?}")).collect(),
                Err(error) => vec![error],
            }
        };
        for entry in &mut self.entries {
            let Outcome::Taken { row, .. } = &entry.outcome else { continue };
            let (Some(here), Some(there)) = (ours.get(&entry.key), theirs.get(&entry.key)) else { continue };
            if base.get(&entry.key) == Some(here) {
                continue; // Only the other side changed it: its own row, already valid there.
            }
            let known: BTreeSet<String> =
                problems(&entry.key, here).into_iter().chain(problems(&entry.key, there)).collect();
            if problems(&entry.key, row).iter().all(|p| known.contains(p)) {
                continue;
            }
            let names: BTreeSet<&String> = here.keys().chain(there.keys()).collect();
            let fields = names
                .into_iter()
                .filter(|name| here.get(*name) != there.get(*name))
                .map(|name| (name.clone(), None))
                .collect();
            entry.outcome = Outcome::Conflict(Conflict {
                base: base.get(&entry.key).cloned(),
                ours: Some(here.clone()),
                theirs: Some(there.clone()),
                merged: here.clone(),
                fields,
                inconsistent: true,
                ..Conflict::default()
            });
        }
    }
}
