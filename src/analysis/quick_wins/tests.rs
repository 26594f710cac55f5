use super::*;
use crate::i18n::Lang;
use crate::model::quick_wins::{
    Attendee, CriterionScore, Decision, DecisionKind, ParticipantGroup, QuickWins, Vote, Workshop,
};
use crate::model::{BudgetLine, FundingSource, new_id};
use crate::seed::new_workbook;

const M: i64 = 1_000_000;

/// A new workbook (default criteria) with programs named by code, each with a first-year budget.
fn workbook(programs: &[(&str, i64)]) -> Workbook {
    let mut wb = new_workbook("Kabupaten Uji", 2022);
    for (code, cost) in programs {
        let mut p = wb.new_program(None, code);
        p.code = code.to_string();
        if *cost > 0 {
            p.budget.push(BudgetLine { year: 2022, source: FundingSource::Apbd, amount: *cost });
        }
        wb.programs.push(p);
    }
    wb
}

fn id(wb: &Workbook, code: &str) -> Id {
    wb.programs.iter().find(|p| p.code == code).unwrap().id
}

fn criterion(wb: &Workbook, key: &str) -> Id {
    wb.quick_wins.criteria.iter().find(|c| c.key == key).unwrap().id
}

/// Score `code` on the six default criteria, in their order: impact, urgency, cost, readiness, time, visibility.
fn score(wb: &mut Workbook, code: &str, scores: [u8; 6]) {
    let program = id(wb, code);
    let criteria: Vec<Id> = wb.quick_wins.criteria.iter().map(|c| c.id).collect();
    for (criterion, score) in criteria.into_iter().zip(scores) {
        wb.quick_wins.scores.push(CriterionScore { program_id: program, criterion_id: criterion, score });
    }
    // Kept sorted, as the store reads them and the model's look-ups expect.
    wb.quick_wins.scores.sort_by_key(|s| (s.program_id, s.criterion_id));
}

#[test]
fn weighted_scores_match_hand_computed_values() {
    let mut wb = workbook(&[("A", 0), ("B", 0), ("C", 0)]);
    // Weights 25, 20, 15 (cost, reversed), 15, 15, 10.
    // A: 5, 4, cost 2 -> 4, 3, 3, 5: (125 + 80 + 60 + 45 + 45 + 50) / 100 = 4,05.
    score(&mut wb, "A", [5, 4, 2, 3, 3, 5]);
    // B: all 3: cost 3 -> 3: 3,00.
    score(&mut wb, "B", [3, 3, 3, 3, 3, 3]);
    // C: only impact 4 and cost 5 (-> 1): (100 + 15) / 40 = 2,875.
    let c = id(&wb, "C");
    wb.quick_wins.scores.push(CriterionScore { program_id: c, criterion_id: criterion(&wb, "impact"), score: 4 });
    wb.quick_wins.scores.push(CriterionScore { program_id: c, criterion_id: criterion(&wb, "cost"), score: 5 });
    wb.quick_wins.scores.sort_by_key(|s| (s.program_id, s.criterion_id));
    let ranked = ranking(&wb, Window::first_year_of(&wb));
    let value = |code: &str| ranked.iter().find(|r| r.program == id(&wb, code)).unwrap().score.value().unwrap();
    assert!((value("A") - 4.05).abs() < 1e-12);
    assert!((value("B") - 3.0).abs() < 1e-12);
    assert!((value("C") - 2.875).abs() < 1e-12);
    let c_score = ranked.iter().find(|r| r.program == c).unwrap().score;
    assert_eq!((c_score.scored, c_score.of, c_score.milli()), (2, 6, 2875));
    let ranks: Vec<Option<usize>> = ranked.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, vec![Some(1), Some(2), Some(3)]);
    assert_eq!(ranked[0].program, id(&wb, "A"));
}

#[test]
fn shares_of_the_weights_add_up_to_one_hundred_percent() {
    let mut criteria = QuickWins::default_criteria();
    criteria[0].weight = 50; // 50 of 125
    let shares = weight_shares(&criteria);
    assert!((shares[0] - 40.0).abs() < 1e-12);
    assert!((shares.iter().sum::<f64>() - 100.0).abs() < 1e-9);
}

#[test]
fn ties_are_broken_by_votes_then_cost_then_code_and_say_so() {
    let mut wb = workbook(&[("D", 300 * M), ("C", 200 * M), ("B", 200 * M), ("A", 200 * M), ("E", 0)]);
    for code in ["A", "B", "C", "D"] {
        score(&mut wb, code, [4, 4, 4, 4, 4, 4]);
    }
    // D gets votes: first despite the highest cost. A, B and C have no votes and cost the same: by code.
    let workshop = Workshop {
        id: new_id(),
        title: "Tahap III".into(),
        date: String::new(),
        place: String::new(),
        stage: 3,
        notes: String::new(),
        position: 0,
    };
    let group = ParticipantGroup { id: new_id(), workshop_id: workshop.id, name: "G".into(), position: 0 };
    wb.quick_wins.votes.push(Vote { group_id: group.id, program_id: id(&wb, "D"), dots: 2 });
    wb.quick_wins.workshops.push(workshop);
    wb.quick_wins.groups.push(group);
    let ranked = ranking(&wb, Window::first_year_of(&wb));
    let order: Vec<&str> = ranked.iter().map(|r| wb.program(r.program).unwrap().code.as_str()).collect();
    assert_eq!(order, vec!["D", "A", "B", "C", "E"]);
    let ties: Vec<Option<TieBreak>> = ranked.iter().map(|r| r.tie).collect();
    assert_eq!(ties, vec![None, Some(TieBreak::Votes), Some(TieBreak::Code), Some(TieBreak::Code), None]);
    assert_eq!(ranked[4].rank, None, "E has no score and no rank");
    // A cheaper program wins a tie without votes.
    wb.programs.iter_mut().find(|p| p.code == "C").unwrap().budget[0].amount = 100 * M;
    let ranked = ranking(&wb, Window::first_year_of(&wb));
    let order: Vec<&str> = ranked.iter().map(|r| wb.program(r.program).unwrap().code.as_str()).collect();
    assert_eq!(order, vec!["D", "C", "A", "B", "E"]);
    assert_eq!(ranked[1].tie, Some(TieBreak::Votes));
    assert_eq!(ranked[2].tie, Some(TieBreak::Cost));
}

#[test]
fn the_proposal_explains_every_program() {
    let mut wb = workbook(&[("A", 700 * M), ("B", 500 * M), ("C", 400 * M), ("D", 300 * M), ("E", 2000 * M)]);
    // A scores highest but is slow; B-D deliver within 12 months; E is too expensive on its own.
    score(&mut wb, "A", [5, 5, 3, 5, 1, 5]);
    score(&mut wb, "B", [4, 4, 3, 4, 4, 4]);
    score(&mut wb, "C", [4, 3, 2, 4, 3, 3]);
    score(&mut wb, "D", [3, 3, 1, 3, 5, 3]);
    score(&mut wb, "E", [5, 5, 5, 5, 5, 5]);
    wb.programs.push(wb.new_program(None, "unscored"));
    let window = Window::first_year_of(&wb);
    let ranked = ranking(&wb, window);
    let settings =
        PickerSettings { cap: 900 * M, window, within_12_months: true, min_agency_readiness: None, cover: vec![] };
    let proposal = propose(&wb, &ranked, &settings);
    let reason = |code: &str| proposal.reasons.iter().find(|(p, _)| *p == id(&wb, code)).unwrap().1.clone();
    assert_eq!(reason("A"), Reason::TooSlow(Some(1)));
    assert_eq!(reason("E"), Reason::OverCap { cost: 2000 * M });
    // B 3,85, C 3,55, D 3,60. Under 900 jt: B + D (800 jt) 7,45 beats B + C (900 jt) 7,40 and C + D 7,15.
    assert!(reason("B").is_chosen() && reason("D").is_chosen());
    assert_eq!(reason("C"), Reason::NoRoom { cost: 400 * M, left: 100 * M });
    assert_eq!(proposal.cost, 800 * M);
    assert_eq!(proposal.chosen, vec![id(&wb, "B"), id(&wb, "D")]);
    let unscored = wb.programs.last().unwrap().id;
    assert!(proposal.reasons.iter().any(|(p, r)| *p == unscored && *r == Reason::NotScored));

    // Requiring the dimension of C (moved to another dimension) swaps D for C, and says why C is in.
    let other_element = wb.elements[3].id;
    let other_dimension = wb.elements[3].dimension_id;
    wb.programs.iter_mut().find(|p| p.code == "C").unwrap().element_id = other_element;
    let ranked = ranking(&wb, window);
    let settings = PickerSettings { cover: vec![other_dimension], ..settings };
    let proposal = propose(&wb, &ranked, &settings);
    let reason = |code: &str| proposal.reasons.iter().find(|(p, _)| *p == id(&wb, code)).unwrap().1.clone();
    assert!(matches!(reason("C"), Reason::Chosen { covers: Some(d), .. } if d == other_dimension));
    assert_eq!(proposal.cost, 900 * M);

    // A dimension nothing can cover within the cap: nothing proposed, and the dimension named.
    let empty_dimension = wb.elements[17].dimension_id;
    let settings = PickerSettings { cover: vec![empty_dimension], ..settings };
    let proposal = propose(&wb, &ranked, &settings);
    assert!(proposal.chosen.is_empty());
    assert_eq!(proposal.uncovered, vec![empty_dimension]);
}

#[test]
fn marked_quick_wins_report_their_scores_and_total_cost() {
    let mut wb = workbook(&[("A", 100 * M), ("B", 250 * M), ("C", 50 * M)]);
    score(&mut wb, "A", [3, 3, 3, 3, 3, 3]);
    for p in wb.programs.iter_mut().filter(|p| p.code != "C") {
        p.quick_win = true;
        p.budget.push(BudgetLine { year: 2023, source: FundingSource::Apbn, amount: 10 * M });
    }
    let summary = marked(&wb, Window::first_year_of(&wb));
    assert_eq!(summary.programs.len(), 2);
    assert_eq!(summary.window_cost, 350 * M);
    assert_eq!(summary.total_cost, 370 * M);
    assert_eq!(summary.programs[0].rank, Some(1));
    let two_years = marked(&wb, Window { first_year: 2022, years: 2 });
    assert_eq!(two_years.window_cost, 370 * M);
}

#[test]
fn minutes_hold_attendance_decisions_and_votes() {
    let mut wb = workbook(&[("A", 0), ("B", 0)]);
    let w = Workshop {
        id: new_id(),
        title: "Bimtek Tahap III".into(),
        date: "2021-10-20".into(),
        place: "Andoolo".into(),
        stage: 3,
        notes: String::new(),
        position: 0,
    };
    let groups: Vec<ParticipantGroup> = ["Dewan", "OPD"]
        .iter()
        .enumerate()
        .map(|(i, n)| ParticipantGroup { id: new_id(), workshop_id: w.id, name: n.to_string(), position: i as i64 })
        .collect();
    let (a, b) = (id(&wb, "A"), id(&wb, "B"));
    let q = &mut wb.quick_wins;
    q.votes.push(Vote { group_id: groups[0].id, program_id: b, dots: 3 });
    q.votes.push(Vote { group_id: groups[1].id, program_id: b, dots: 2 });
    q.votes.push(Vote { group_id: groups[1].id, program_id: a, dots: 1 });
    q.attendees.push(Attendee {
        id: new_id(),
        workshop_id: w.id,
        name: "Ir. Contoh <Satu>".into(),
        role: "Kepala Diskominfo".into(),
        present: true,
        position: 0,
    });
    q.decisions.push(Decision {
        id: new_id(),
        workshop_id: w.id,
        kind: DecisionKind::QuickWinChosen,
        program_id: Some(b),
        text: String::new(),
        position: 0,
    });
    q.groups = groups;
    q.votes.sort_by_key(|v| (v.group_id, v.program_id));
    q.workshops.push(w.clone());
    let m = minutes(&wb, w.id, Lang::Id).unwrap();
    assert_eq!(m.stage, "Tahap III");
    assert_eq!(m.groups, vec!["Dewan", "OPD"]);
    assert_eq!(m.votes.len(), 2);
    assert_eq!((m.votes[0].program.as_str(), m.votes[0].per_group.clone(), m.votes[0].total), ("B B", vec![3, 2], 5));
    assert_eq!(m.decisions[0].kind, "Dipilih sebagai quick win");
    assert!(m.attendees.iter().any(|a| a.name == "Ir. Contoh <Satu>"), "names are kept as typed");
    assert!(minutes(&wb, new_id(), Lang::Id).is_none());
}

#[test]
fn odd_costs_are_proposed_exactly_and_every_reason_is_true() {
    // 1.234.567.891 + 765.432.109 = 2.000.000.000: both fit the cap exactly (the coarse budget table took one and
    // said the other had "no room: cost 1.234.567.891, left 1.234.567.891"). C costs 1 more than A: it pairs
    // with neither.
    let mut wb = workbook(&[("A", 1_234_567_891), ("B", 765_432_109), ("C", 1_234_567_892)]);
    for code in ["A", "B", "C"] {
        score(&mut wb, code, [3, 3, 3, 3, 3, 3]);
    }
    let window = Window::first_year_of(&wb);
    let ranked = ranking(&wb, window);
    let settings = PickerSettings {
        cap: 2_000_000_000,
        window,
        within_12_months: false,
        min_agency_readiness: None,
        cover: vec![],
    };
    let proposal = propose(&wb, &ranked, &settings);
    assert_eq!(proposal.cost, 2_000_000_000);
    let mut chosen = proposal.chosen.clone();
    chosen.sort();
    let mut expected = vec![id(&wb, "A"), id(&wb, "B")];
    expected.sort();
    assert_eq!(chosen, expected);
    assert!(proposal.exact, "proven best: no rounding note");
    assert_eq!(proposal.unit, 1);
    let reason = |code: &str| proposal.reasons.iter().find(|(p, _)| *p == id(&wb, code)).unwrap().1.clone();
    assert_eq!(reason("C"), Reason::NoRoom { cost: 1_234_567_892, left: 0 });
    for (_, reason) in &proposal.reasons {
        if let Reason::NoRoom { cost, left } = reason {
            assert!(cost > left, "{reason:?}");
        }
    }
}
