//! The minutes (berita acara) of a workshop as plain rows of text: date, place, stage, attendees, decisions
//! and the dot votes. The document exporters lay them out; [`to_html`] writes them as one self-contained page.

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

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, headers: &[String], rows: &[Vec<String>]) {
    out.push_str("<table>\n<thead><tr>");
    for h in headers {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The minutes as one self-contained HTML page (no scripts, no outside files), with a signature block.
pub fn to_html(m: &Minutes, lang: Lang) -> String {
    let t = |text: Text| text.get(lang).to_string();
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<style>\
         body{{font-family:sans-serif;max-width:52em;margin:2em auto;color:#212529}}\
         table{{border-collapse:collapse;width:100%;margin:0.5em 0 1.5em}}\
         th,td{{border:1px solid #adb5bd;padding:0.3em 0.5em;text-align:left}}\
         td.sign{{height:3em}}</style>\n</head>\n<body>\n",
        lang.code(),
        escape(&format!("{} — {}", t(Text::QwMinutesTitle), m.title))
    ));
    out.push_str(&format!("<h1>{}</h1>\n<h2>{}</h2>\n", escape(&t(Text::QwMinutesTitle)), escape(&m.title)));
    let facts = [
        (Text::QwRegion, &m.region),
        (Text::QwDate, &m.date),
        (Text::QwPlace, &m.place),
        (Text::QwStageLabel, &m.stage),
    ];
    out.push_str("<dl>\n");
    for (label, value) in facts {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(&t(label)), escape(value)));
    }
    out.push_str("</dl>\n");
    if !m.notes.trim().is_empty() {
        out.push_str(&format!("<p>{}</p>\n", escape(&m.notes)));
    }
    out.push_str(&format!("<h3>{}</h3>\n", escape(&t(Text::QwAttendance))));
    let present = |p: bool| if p { t(Text::QwPresent) } else { t(Text::QwAbsent) };
    let rows: Vec<Vec<String>> = m
        .attendees
        .iter()
        .enumerate()
        .map(|(i, a)| vec![(i + 1).to_string(), a.name.clone(), a.role.clone(), present(a.present)])
        .collect();
    table(&mut out, &["No".into(), t(Text::QwAttendeeName), t(Text::QwAttendeeRole), t(Text::QwPresence)], &rows);
    out.push_str(&format!("<h3>{}</h3>\n", escape(&t(Text::QwDecisions))));
    let rows: Vec<Vec<String>> = m
        .decisions
        .iter()
        .enumerate()
        .map(|(i, d)| vec![(i + 1).to_string(), d.kind.clone(), d.program.clone(), d.text.clone()])
        .collect();
    table(&mut out, &["No".into(), t(Text::QwDecisionKind), t(Text::QwProgram), t(Text::QwDecisionText)], &rows);
    out.push_str(&format!("<h3>{}</h3>\n", escape(&t(Text::QwVotes))));
    let mut headers = vec![t(Text::QwProgram)];
    headers.extend(m.groups.iter().cloned());
    headers.push(t(Text::QwTotal));
    let rows: Vec<Vec<String>> = m
        .votes
        .iter()
        .map(|v| {
            let mut row = vec![v.program.clone()];
            row.extend(v.per_group.iter().map(u32::to_string));
            row.push(v.total.to_string());
            row
        })
        .collect();
    table(&mut out, &headers, &rows);
    out.push_str(&format!("<h3>{}</h3>\n", escape(&t(Text::QwSignatures))));
    let rows: Vec<Vec<String>> =
        m.attendees.iter().filter(|a| a.present).map(|a| vec![a.name.clone(), a.role.clone(), String::new()]).collect();
    table(&mut out, &[t(Text::QwAttendeeName), t(Text::QwAttendeeRole), t(Text::QwSignature)], &rows);
    out.push_str("</body>\n</html>\n");
    out
}
