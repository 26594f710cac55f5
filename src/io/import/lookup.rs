//! Finding the workbook's dimensions, elements and agencies by any of their names, folded once.

use super::cells::shown;
use crate::i18n::{Message, Text};
use crate::io::program_table::fold;
use crate::model::{Id, Workbook};

/// The workbook's dimensions, elements and agencies with their names folded once, for finding them by any
/// of their names.
pub(crate) struct Lookup {
    dimensions: Vec<(Id, [String; 3])>,
    /// (element, its dimension, names)
    elements: Vec<(Id, Id, [String; 3])>,
    /// (agency, its code, short name and name folded, "code name" for messages)
    agencies: Vec<(Id, [String; 3], String)>,
}

impl Lookup {
    pub(crate) fn new(workbook: &Workbook) -> Lookup {
        Lookup {
            dimensions: workbook
                .dimensions
                .iter()
                .map(|d| (d.id, [fold(&d.key), fold(&d.name_id), fold(&d.name_en)]))
                .collect(),
            elements: workbook
                .elements
                .iter()
                .map(|e| (e.id, e.dimension_id, [fold(&e.key), fold(&e.name_id), fold(&e.name_en)]))
                .collect(),
            agencies: workbook
                .agencies
                .iter()
                .map(|a| (a.id, [fold(&a.code), fold(&a.short_name), fold(&a.name)], format!("{} {}", a.code, a.name)))
                .collect(),
        }
    }

    /// A dimension by key, Indonesian or English name.
    pub(crate) fn dimension(&self, text: &str) -> Result<Id, Message> {
        let folded = fold(text);
        self.dimensions
            .iter()
            .find(|(_, names)| names.contains(&folded))
            .map(|(id, _)| *id)
            .ok_or_else(|| Message::with(Text::ImportUnknownDimension, [shown(text)]))
    }

    /// An element by key, Indonesian or English name, within `dimension` when it is known (`dimension_text` is
    /// the dimension as typed, for the message).
    pub(crate) fn element(&self, text: &str, dimension: Option<Id>, dimension_text: &str) -> Result<Id, Message> {
        let folded = fold(text);
        let matching: Vec<_> = self.elements.iter().filter(|(.., names)| names.contains(&folded)).collect();
        let within: Vec<_> =
            matching.iter().filter(|(_, d, _)| dimension.is_none_or(|dimension| *d == dimension)).collect();
        match (within.as_slice(), matching.is_empty()) {
            ([one], _) => Ok(one.0),
            ([], true) => Err(Message::with(Text::ImportUnknownElement, [shown(text)])),
            ([], false) => Err(Message::with(Text::ImportElementNotInDimension, [shown(text), shown(dimension_text)])),
            _ => Err(Message::with(Text::ImportAmbiguousElement, [shown(text)])),
        }
    }

    /// An agency by code, else by short name, else by name; a step that matches more than one is ambiguous.
    pub(crate) fn agency(&self, text: &str) -> Result<Id, Message> {
        let folded = fold(text);
        if !folded.is_empty() {
            for step in 0..3 {
                let found: Vec<_> = self.agencies.iter().filter(|(_, names, _)| names[step] == folded).collect();
                match found.as_slice() {
                    [] => continue,
                    [one] => return Ok(one.0),
                    many => {
                        let names = many.iter().map(|a| a.2.as_str()).collect::<Vec<_>>().join("; ");
                        return Err(Message::with(Text::ImportAmbiguousAgency, [shown(text), names]));
                    }
                }
            }
        }
        Err(Message::with(Text::ImportUnknownAgency, [shown(text)]))
    }
}
