//! The RPJMD goals and targets the smart city vision serves: the profile's vision and mission for reference,
//! the goals typed or pasted (one per line, "code; goal; target"), the dimensions ticked against each goal, and
//! per dimension the goals it serves.

use egui::{RichText, Ui};

use super::{change_edit, dimension_toggles, propose, push_checked};
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, RegionalGoal, Strategy, StrategyChange, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, problem_label, text_field};
use crate::ui::names;

/// Reads and writes one text field of a goal.
type GetGoal = fn(&RegionalGoal) -> &String;
type SetGoal = fn(&mut RegionalGoal, String);

#[derive(Default)]
pub struct GoalsTab {
    new_goal: String,
    pasted: String,
    message: Option<(Message, bool)>,
}

/// Goals from pasted lines "code; goal; target" (a tab also separates, as when copied from a spreadsheet);
/// blank lines are skipped, a line without a goal is reported with its number.
fn parse_goals(text: &str, first_position: i64) -> Result<Vec<RegionalGoal>, Message> {
    let mut goals = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split([';', '\t']).map(str::trim).collect();
        let (code, goal, target) = match parts.as_slice() {
            [goal] => ("", *goal, ""),
            [code, goal] => (*code, *goal, ""),
            [code, goal, rest @ ..] => (*code, *goal, rest.first().copied().unwrap_or("")),
            [] => ("", "", ""),
        };
        if goal.is_empty() {
            return Err(Message::with(Text::GoalLineInvalid, [(number + 1).to_string()]));
        }
        goals.push(RegionalGoal {
            id: new_id(),
            code: code.to_string(),
            goal: goal.to_string(),
            target: target.to_string(),
            dimension_ids: Vec::new(),
            position: first_position + goals.len() as i64,
        });
    }
    Ok(goals)
}

impl GoalsTab {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, drafts: &mut Drafts) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        egui::ScrollArea::vertical().id_salt("strategy_goals").auto_shrink(false).show(ui, |ui| {
            let profile = &workbook.profile;
            ui.label(RichText::new(Text::Vision.get(lang)).strong());
            ui.add(egui::Label::new(RichText::new(&profile.vision).size(16.0)).wrap());
            ui.label(RichText::new(Text::Mission.get(lang)).strong());
            ui.add(egui::Label::new(&profile.mission).wrap());
            ui.add_space(8.0);
            ui.label(RichText::new(Text::GoalsHelp.get(lang)).weak());
            for goal in &workbook.strategy.goals {
                ui.add_enabled_ui(cx.editable, |ui| goal_ui(ui, cx, drafts, goal));
            }
            ui.add_enabled_ui(cx.editable, |ui| self.add_ui(ui, cx));
            ui.add_space(10.0);
            ui.label(RichText::new(Text::ServedGoals.get(lang)).strong().size(16.0));
            egui::Grid::new("served_goals").striped(true).num_columns(2).show(ui, |ui| {
                for d in &workbook.dimensions {
                    ui.label(RichText::new(names::dimension(d, lang)).color(names::color(&d.color)).strong());
                    let served: Vec<&str> = workbook
                        .strategy
                        .goals
                        .iter()
                        .filter(|g| g.dimension_ids.contains(&d.id))
                        .map(|g| if g.code.is_empty() { g.goal.as_str() } else { g.code.as_str() })
                        .collect();
                    if served.is_empty() {
                        ui.label(
                            RichText::new(Text::NoGoalServed.get(lang)).italics().color(ui.visuals().warn_fg_color),
                        );
                    } else {
                        ui.label(served.join(", "));
                    }
                    ui.end_row();
                }
            });
        });
    }

    fn add_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let strategy = &cx.session.workbook().strategy;
        let next = Strategy::next_position(&strategy.goals, |g| g.position);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::NewGoal.get(lang));
            ui.add_sized([420.0, 24.0], egui::TextEdit::singleline(&mut self.new_goal)).labelled_by(label.id);
            if ui.button(Text::AddGoal.get(lang)).clicked() {
                self.import(cx, &format!("; {}", self.new_goal.replace([';', '\t'], ",")), next, true);
            }
        });
        ui.collapsing(Text::PasteGoals.get(lang), |ui| {
            let field = ui.add(egui::TextEdit::multiline(&mut self.pasted).desired_rows(4).desired_width(700.0));
            field.accessible_name(Text::PasteGoals.get(lang));
            if ui.button(Text::ImportGoals.get(lang)).clicked() {
                let pasted = self.pasted.clone();
                self.import(cx, &pasted, next, false);
            }
        });
        if let Some((message, is_error)) = &self.message {
            let color = if *is_error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
            ui.colored_label(color, message.show(lang));
        }
    }

    /// Add the goals of `text` as one edit, or report why not and keep the text.
    fn import(&mut self, cx: &mut ViewCx<'_>, text: &str, next: i64, single: bool) {
        let goals = match parse_goals(text, next) {
            Ok(goals) if goals.is_empty() => Err(Message::new(Text::Required)),
            other => other,
        };
        let edit = goals.map(|goals| {
            let label = match (single, goals.first()) {
                (true, Some(g)) => Message::with(Text::EditAddStrategic, [g.goal.clone()]),
                _ => Message::with(Text::GoalsImported, [goals.len().to_string()]),
            };
            let count = goals.len();
            (Edit::new(label, goals.into_iter().map(|g| Change::Strategy(StrategyChange::PutGoal(g))).collect()), count)
        });
        match edit.and_then(|(edit, count)| match propose(cx, edit) {
            Some(problem) => Err(problem),
            None => Ok(count),
        }) {
            Err(problem) => self.message = Some((problem, true)),
            Ok(count) => {
                if single {
                    self.new_goal.clear();
                    self.message = None;
                } else {
                    self.pasted.clear();
                    self.message = Some((Message::with(Text::GoalsImported, [count.to_string()]), false));
                }
            }
        }
    }
}

fn goal_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, drafts: &mut Drafts, goal: &RegionalGoal) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let put = |changed: RegionalGoal| change_edit(&changed.goal.clone(), StrategyChange::PutGoal(changed));
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        let fields: [(Text, f32, GetGoal, SetGoal); 3] = [
            (Text::ColCode, 60.0, |g| &g.code, |g, v| g.code = v),
            (Text::GoalText, 520.0, |g| &g.goal, |g, v| g.goal = v),
            (Text::GoalTarget, 520.0, |g| &g.target, |g, v| g.target = v),
        ];
        egui::Grid::new(("goal", goal.id)).num_columns(3).show(ui, |ui| {
            for (label, width, get, set) in fields {
                ui.label(label.get(lang));
                let id = egui::Id::unique(("goal_field", goal.id, label));
                let name = format!("{} {}", label.get(lang), goal.code);
                if let Some(value) = text_field(ui, drafts, FieldSpec::new(id, &name).width(width), get(goal), lang) {
                    let mut changed = goal.clone();
                    set(&mut changed, value.trim().to_string());
                    push_checked(cx, drafts, id, value, put(changed));
                }
                problem_label(ui, drafts, id, lang);
                ui.end_row();
            }
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(ids) = dimension_toggles(ui, workbook, &goal.dimension_ids, lang, &goal.code) {
                cx.push(put(RegionalGoal { dimension_ids: ids, ..goal.clone() }));
            }
            let delete = ui.button("🗑");
            if delete.accessible_name(Message::with(Text::DeleteNamed, [goal.code.clone()]).show(lang)).clicked() {
                cx.push(Edit::one(
                    Message::with(Text::EditDeleteStrategic, [goal.goal.clone()]),
                    Change::Strategy(StrategyChange::RemoveGoal(goal.id)),
                ));
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_goals_split_on_semicolons_or_tabs_and_report_empty_goals() {
        let goals = parse_goals("T1; Tata kelola; Indeks SPBE naik\n\nT2\tEkonomi\n", 3).unwrap();
        let read: Vec<_> =
            goals.iter().map(|g| (g.code.as_str(), g.goal.as_str(), g.target.as_str(), g.position)).collect();
        assert_eq!(read, vec![("T1", "Tata kelola", "Indeks SPBE naik", 3), ("T2", "Ekonomi", "", 4)]);
        assert_eq!(parse_goals("T1; Tata kelola\nT2;  ; x", 0), Err(Message::with(Text::GoalLineInvalid, ["2"])));
    }
}
