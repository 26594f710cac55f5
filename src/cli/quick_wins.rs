//! The `"quick_wins"` object of `info --json`: the programs marked as quick wins with their scores and ranks,
//! and their total cost (in the masterplan's first year and over all years), plus the criteria in force.

use serde_json::json;

use crate::analysis::quick_wins::{Window, marked};
use crate::model::Workbook;

pub fn quick_wins_json(workbook: &Workbook) -> serde_json::Value {
    let window = Window::first_year_of(workbook);
    let summary = marked(workbook, window);
    let programs: Vec<serde_json::Value> = summary
        .programs
        .iter()
        .filter_map(|r| {
            let p = workbook.program(r.program)?;
            Some(json!({
                "code": p.code,
                "name": p.name,
                "score": r.score.value().map(|v| (v * 1000.0).round() / 1000.0),
                "criteria_scored": r.score.scored,
                "rank": r.rank,
                "votes": r.votes,
                "first_year_cost": r.cost,
                "total_cost": p.total_cost(),
            }))
        })
        .collect();
    let criteria: Vec<serde_json::Value> = workbook
        .quick_wins
        .criteria_in_force()
        .iter()
        .map(|c| json!({ "key": c.key, "name": c.name_en, "weight": c.weight, "lower_is_better": c.lower_is_better }))
        .collect();
    json!({
        "first_year": window.first_year,
        "count": programs.len(),
        "first_year_cost": summary.window_cost,
        "total_cost": summary.total_cost,
        "programs": programs,
        "criteria": criteria,
        "workshops": workbook.quick_wins.workshops.len(),
    })
}
