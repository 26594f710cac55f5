//! The demo's quick-win data (example data) from `assets/demo/quick_wins.json`: scores of the programs on the
//! default criteria, a stage III workshop with groups, dot votes, attendance and decisions, and two saved
//! alternative selections. Ids are derived from stable keys, so every reset of the demo is identical.

use std::collections::HashMap;

use serde::Deserialize;

use crate::model::quick_wins::{
    Attendee, CriterionScore, Decision, DecisionKind, ParticipantGroup, QuickWins, Selection, Vote, Workshop,
};
use crate::model::{Id, Program, stable_id};

const DEMO_QUICK_WINS_JSON: &str = include_str!("../../assets/demo/quick_wins.json");

#[derive(Deserialize)]
struct Seed {
    criteria: Vec<String>,
    scores: HashMap<String, Vec<Option<u8>>>,
    workshop: WorkshopSeed,
    selections: Vec<SelectionSeed>,
}

#[derive(Deserialize)]
struct WorkshopSeed {
    title: String,
    date: String,
    place: String,
    stage: u8,
    notes: String,
    groups: Vec<String>,
    votes: HashMap<String, Vec<u32>>,
    attendees: Vec<(String, String, bool)>,
    decisions: Vec<(String, Option<String>, String)>,
}

#[derive(Deserialize)]
struct SelectionSeed {
    name: String,
    cap: i64,
    years: u8,
    programs: Vec<String>,
}

/// The demo's quick wins for `programs` (found by code; a code the programs lack is an error in the asset).
pub fn demo_quick_wins(programs: &[Program], first_year: i32) -> QuickWins {
    let seed: Seed = serde_json::from_str(DEMO_QUICK_WINS_JSON).expect("assets/demo/quick_wins.json is valid");
    let by_code: HashMap<&str, Id> = programs.iter().map(|p| (p.code.as_str(), p.id)).collect();
    let program = |code: &str| *by_code.get(code).unwrap_or_else(|| panic!("demo quick wins name {code}"));
    let mut q = QuickWins::with_default_criteria();
    let criterion: HashMap<&str, Id> = q.criteria.iter().map(|c| (c.key.as_str(), c.id)).collect();
    for (code, scores) in &seed.scores {
        for (key, score) in seed.criteria.iter().zip(scores) {
            if let Some(score) = score {
                q.scores.push(CriterionScore {
                    program_id: program(code),
                    criterion_id: criterion[key.as_str()],
                    score: *score,
                });
            }
        }
    }
    q.scores.sort_by_key(|s| (s.program_id, s.criterion_id));

    demo_workshop(&mut q, seed.workshop, &program);
    q.selections = seed
        .selections
        .into_iter()
        .enumerate()
        .map(|(i, s)| Selection {
            id: stable_id("demo-selection", &s.name),
            name: s.name,
            cap: s.cap,
            first_year,
            years: s.years,
            programs: s.programs.iter().map(|c| program(c)).collect(),
            position: i as i64,
        })
        .collect();
    q.attendees.sort_by_key(|a| (a.position, a.id));
    q.decisions.sort_by_key(|d| (d.position, d.id));
    q.groups.sort_by_key(|g| (g.position, g.id));
    q
}

/// The demo's workshop (Tahap III) with its groups, dot votes, attendees and decisions.
fn demo_workshop(q: &mut QuickWins, w: WorkshopSeed, program: &impl Fn(&str) -> Id) {
    let workshop = Workshop {
        id: stable_id("demo-workshop", "tahap-3"),
        title: w.title,
        date: w.date,
        place: w.place,
        stage: w.stage,
        notes: w.notes,
        position: 0,
    };
    q.groups = w
        .groups
        .iter()
        .enumerate()
        .map(|(i, name)| ParticipantGroup {
            id: stable_id("demo-group", name),
            workshop_id: workshop.id,
            name: name.clone(),
            position: i as i64,
        })
        .collect();
    for (code, dots) in &w.votes {
        for (group, dots) in q.groups.iter().zip(dots).filter(|(_, d)| **d > 0) {
            q.votes.push(Vote { group_id: group.id, program_id: program(code), dots: *dots });
        }
    }
    q.votes.sort_by_key(|v| (v.group_id, v.program_id));
    q.attendees = w
        .attendees
        .iter()
        .enumerate()
        .map(|(i, (name, role, present))| Attendee {
            id: stable_id("demo-attendee", name),
            workshop_id: workshop.id,
            name: name.clone(),
            role: role.clone(),
            present: *present,
            position: i as i64,
        })
        .collect();
    q.decisions = w
        .decisions
        .iter()
        .enumerate()
        .map(|(i, (kind, code, text))| Decision {
            id: stable_id("demo-decision", &i.to_string()),
            workshop_id: workshop.id,
            kind: DecisionKind::from_key(kind).expect("a known decision kind"),
            program_id: code.as_deref().map(program),
            text: text.clone(),
            position: i as i64,
        })
        .collect();
    q.workshops.push(workshop);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_scores_most_programs_and_holds_a_whole_workshop() {
        let workbook = crate::seed::demo_workbook();
        let q = &workbook.quick_wins;
        assert_eq!(q.criteria.len(), 6);
        let scored: std::collections::HashSet<Id> = q.scores.iter().map(|s| s.program_id).collect();
        assert!(scored.len() >= 50, "{} programs scored", scored.len());
        assert_eq!(q.workshops.len(), 1);
        assert_eq!(q.groups.len(), 3);
        assert!(q.votes.len() >= 30);
        assert!(q.attendees.iter().filter(|a| a.present).count() >= 10);
        assert_eq!(q.decisions.iter().filter(|d| d.kind == DecisionKind::QuickWinChosen).count(), 8);
        // Every change the demo would make is valid on the workbook it belongs to.
        for s in &q.scores {
            let change = crate::model::Change::QuickWin(crate::model::QuickWinChange::PutScore(s.clone()));
            assert!(crate::model::validate_change(&workbook, &change).is_empty());
        }
        assert!(workbook.profile.is_example, "the demo is labelled as example data");
    }
}
