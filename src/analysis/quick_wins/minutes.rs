//! The minutes (berita acara) of a workshop as plain rows of text: date, place, stage, attendees, decisions
//! and the dot votes. The document exporters (`io::books::render_minutes`) lay them out as DOCX or HTML.

use crate::i18n::{Lang, Text};
use crate::model::quick_wins::DecisionKind;
use crate::model::{Id, Workbook};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MinutesAttendee {
    pub name: String,
    pub role: String,
    pub present: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MinutesDecision {
    /// Translated: "Program ditambahkan", "Dipilih sebagai quick win"...
    pub kind: String,
    /// "CODE Name", or empty when the decision names no program.
    pub program: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MinutesVotes {
    pub program: String,
    /// One count per group, in the order of [`Minutes::groups`].
    pub per_group: Vec<u32>,
    pub total: u32,
}

/// Everything the berita acara of one workshop holds, translated, ready to lay out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Minutes {
    pub region: String,
    pub title: String,
    /// As stored: `YYYY-MM-DD` (or empty).
    pub date: String,
    pub place: String,
    /// "Tahap III" / "Stage III".
    pub stage: String,
    pub notes: String,
    pub attendees: Vec<MinutesAttendee>,
    pub decisions: Vec<MinutesDecision>,
    pub groups: Vec<String>,
    /// Programs with at least one dot, most dots first (then by program label).
    pub votes: Vec<MinutesVotes>,
}

/// Roman numerals of the four stages.
pub fn stage_numeral(stage: u8) -> &'static str {
    match stage {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    }
}

pub fn decision_kind_text(kind: DecisionKind) -> Text {
    match kind {
        DecisionKind::ProgramAdded => Text::QwDecisionAdded,
        DecisionKind::ProgramMoved => Text::QwDecisionMoved,
        DecisionKind::QuickWinChosen => Text::QwDecisionChosen,
        DecisionKind::QuickWinDropped => Text::QwDecisionDropped,
        DecisionKind::Other => Text::QwDecisionOther,
    }
}

fn program_label(workbook: &Workbook, id: Id) -> String {
    match workbook.program(id) {
        Some(p) if p.code.trim().is_empty() => p.name.clone(),
        Some(p) => format!("{} {}", p.code, p.name),
        None => Text::QwProgramGone.get(Lang::Id).to_string(),
    }
}

/// The minutes of workshop `workshop`, or `None` when there is no such workshop.
pub fn minutes(workbook: &Workbook, workshop: Id, lang: Lang) -> Option<Minutes> {
    let q = &workbook.quick_wins;
    let w = q.workshop(workshop)?;
    let label = |id: Id| match workbook.program(id) {
        Some(_) => program_label(workbook, id),
        None => Text::QwProgramGone.get(lang).to_string(),
    };
    let groups: Vec<_> = q.groups_of(workshop).collect();
    let mut votes: Vec<MinutesVotes> = Vec::new();
    for program in &workbook.programs {
        let per_group: Vec<u32> = groups.iter().map(|g| q.vote(g.id, program.id).map_or(0, |v| v.dots)).collect();
        let total: u32 = per_group.iter().sum();
        if total > 0 {
            votes.push(MinutesVotes { program: label(program.id), per_group, total });
        }
    }
    votes.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.program.cmp(&b.program)));
    Some(Minutes {
        region: workbook.profile.region_name.clone(),
        title: w.title.clone(),
        date: w.date.clone(),
        place: w.place.clone(),
        stage: Text::QwStage.fill(lang, &[stage_numeral(w.stage)]),
        notes: w.notes.clone(),
        attendees: q
            .attendees_of(workshop)
            .map(|a| MinutesAttendee { name: a.name.clone(), role: a.role.clone(), present: a.present })
            .collect(),
        decisions: q
            .decisions_of(workshop)
            .map(|d| MinutesDecision {
                kind: decision_kind_text(d.kind).get(lang).to_string(),
                program: d.program_id.map(label).unwrap_or_default(),
                text: d.text.clone(),
            })
            .collect(),
        groups: groups.iter().map(|g| g.name.clone()).collect(),
        votes,
    })
}
