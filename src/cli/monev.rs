//! The `"monev"` object of `info --json`: per masterplan year the implementation rate (ran / due), the money
//! planned and spent, how many programs are behind schedule or over budget, and the evaluation's achievement
//! index with its improvement over the previous evaluated year (`analysis::monev`). Ratios and points are
//! rounded to 4 decimals; money is whole rupiah.

use serde_json::json;

use crate::analysis::monev::{MonevFigures, monev_figures};
use crate::model::Workbook;

fn rounded(value: Option<f64>) -> serde_json::Value {
    value.map_or(serde_json::Value::Null, |v| json!((v * 10_000.0).round() / 10_000.0))
}

pub fn monev_json(workbook: &Workbook) -> serde_json::Value {
    let figures: MonevFigures = monev_figures(workbook);
    let years: Vec<serde_json::Value> = figures
        .years
        .iter()
        .map(|y| {
            let evaluation = figures.evaluation_year(y.year);
            json!({
                "year": y.year,
                "due": y.implementation.due,
                "ran": y.implementation.ran,
                "reported": y.reported,
                "implementation_rate": rounded(y.implementation.value()),
                "planned": y.budget.planned,
                "spent": y.budget.spent,
                "budget_realisation": rounded(y.budget.ratio()),
                "behind_schedule": y.behind.len(),
                "over_budget": y.over_budget.len(),
                "index": rounded(evaluation.and_then(|e| e.index)),
                "improvement": rounded(evaluation.and_then(|e| e.improvement)),
                "evaluation_complete": evaluation.is_some_and(|e| e.complete && e.index.is_some()),
            })
        })
        .collect();
    json!({
        "years": years,
        "evaluation_years": workbook.monev.evaluation_years(),
        "realisations": workbook.monev.realisations.len(),
    })
}
