//! The demo's monitoring and evaluation (example data) from `assets/demo/monev.json`: the realisation of
//! 2022-2025 and the self-assessment of two evaluation years, so the Monev view is never empty on first look.
//!
//! The rule, so the figures can be checked by hand: every program due in a demo year ([`is_due`]) ran (done
//! in its last year, running before) and spent `90 + (position x 7 + year) mod 11` percent (90-100 %) of what
//! it planned from each source, rounded down to the thousand rupiah; its actual value is its target of the
//! year. The exceptions of the file (a delay, a drop, an overspend) replace the rule for their program and year;
//! a program dropped stays dropped in the later demo years.

use std::collections::HashMap;

use serde::Deserialize;

use crate::analysis::monev::{is_due, planned};
use crate::model::monev::evaluation::item_id;
use crate::model::{Agency, EvaluationScore, FundingSource, Monev, Program, Realisation, RealisationStatus, Spending};

const DEMO_MONEV_JSON: &str = include_str!("../../assets/demo/monev.json");

#[derive(Deserialize)]
struct Seed {
    years: Vec<i32>,
    exceptions: Vec<Exception>,
    evaluation: Vec<EvaluationSeed>,
}

#[derive(Deserialize)]
struct Exception {
    code: String,
    year: i32,
    status: String,
    spent_percent: i64,
    reason: String,
    actual: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct EvaluationSeed {
    year: i32,
    /// Item key -> (score in hundredths, evidence).
    scores: HashMap<String, (u16, String)>,
}

/// The demo's realisation, spending and evaluation scores on top of the default evaluation framework.
pub fn demo_monev(programs: &[Program], agencies: &[Agency]) -> Monev {
    let seed: Seed = serde_json::from_str(DEMO_MONEV_JSON).expect("assets/demo/monev.json is valid");
    let mut monev = Monev::with_default_framework();
    for program in programs {
        let agency = agencies.iter().find(|a| Some(a.id) == program.agency_id).map_or("", |a| a.label());
        let mut dropped = false;
        for &year in &seed.years {
            if !is_due(program, year) {
                continue;
            }
            let exception = seed.exceptions.iter().find(|e| e.code == program.code && e.year == year);
            let (realisation, percent) = match exception {
                Some(e) => (exceptional(program, e), e.spent_percent),
                None if dropped => (dropped_on(program, year), 0),
                None => (as_planned(program, year, agency), 90 + (program.position * 7 + i64::from(year)) % 11),
            };
            dropped |= realisation.status == RealisationStatus::Dropped;
            for source in FundingSource::ALL {
                let amount = planned(program, year, source) * percent / 100 / 1000 * 1000;
                if amount > 0 {
                    monev.spending.push(Spending { program_id: program.id, year, source, amount });
                }
            }
            monev.realisations.push(realisation);
        }
    }
    for year in &seed.evaluation {
        for item in &monev.items {
            if let Some((score, evidence)) = year.scores.get(&item.key) {
                let (score, evidence, note) = (*score, evidence.clone(), String::new());
                monev.scores.push(EvaluationScore { year: year.year, item_id: item.id, score, evidence, note });
            }
        }
    }
    debug_assert!(monev.items.iter().all(|i| i.id == item_id(&i.key)));
    monev.realisations.sort_by_key(Realisation::key);
    monev.spending.sort_by_key(Spending::key);
    monev.scores.sort_by_key(EvaluationScore::key);
    monev
}

fn target_of(program: &Program, year: i32) -> String {
    program.targets.iter().find(|t| t.year == year).map(|t| t.target.clone()).unwrap_or_default()
}

fn as_planned(program: &Program, year: i32, agency: &str) -> Realisation {
    let status = if year >= program.end_year { RealisationStatus::Done } else { RealisationStatus::Running };
    Realisation {
        status,
        actual: target_of(program, year),
        evidence: format!("Laporan realisasi {agency} {year}"),
        ..Realisation::new(program.id, year)
    }
}

fn dropped_on(program: &Program, year: i32) -> Realisation {
    Realisation {
        status: RealisationStatus::Dropped,
        reason: "Dihentikan pada tahun sebelumnya.".to_string(),
        ..Realisation::new(program.id, year)
    }
}

fn exceptional(program: &Program, e: &Exception) -> Realisation {
    let status = RealisationStatus::from_key(&e.status)
        .unwrap_or_else(|| panic!("assets/demo/monev.json: {} {}: status {}", e.code, e.year, e.status));
    Realisation {
        status,
        reason: e.reason.clone(),
        actual: e.actual.clone(),
        note: e.note.clone(),
        evidence: format!("Laporan monev Bappeda {}", e.year),
        ..Realisation::new(program.id, e.year)
    }
}
