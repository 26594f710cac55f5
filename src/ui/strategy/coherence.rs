//! The coherence of the masterplan: issue -> strategy -> program -> cost, as an indented tree or a table,
//! filterable by dimension. The tree is computed once per workbook revision and filter.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::issue_label;
use crate::analysis::strategy::{Coherence, coherence};
use std::collections::HashMap;

use crate::i18n::{Lang, Message, Text, format_rupiah, rupiah_short};
use crate::model::{Id, Program, Workbook};
use crate::ui::ViewCx;
use crate::ui::names;
use crate::ui::section::wrapping_section;

#[derive(Default)]
pub struct CoherenceTab {
    pub dimension: Option<Id>,
    pub as_table: bool,
    key: Option<(std::path::PathBuf, u64, Option<Id>, Lang)>,
    tree: Coherence,
    /// The tree's texts, built with the tree: nothing is looked up or formatted per frame.
    issues: Vec<IssueRow>,
    lines: Vec<Line>,
}

/// Strategies with more programs than this start folded, so a 10,000-program tree stays quick to draw.
const OPEN_UP_TO: usize = 50;

struct IssueRow {
    id: Option<Id>,
    title: String,
    strategies: Vec<StrategyRow>,
}

struct StrategyRow {
    id: Id,
    title: String,
    /// Program text and formatted cost.
    programs: Vec<(String, String)>,
}

/// One line of the table: issue, strategy, program and cost.
struct Line {
    issue: String,
    strategy: String,
    program: String,
    cost: String,
}

fn strategy_text(workbook: &Workbook, id: Id) -> String {
    workbook
        .strategy
        .strategy(id)
        .map_or_else(String::new, |s| if s.code.is_empty() { s.text.clone() } else { format!("{} {}", s.code, s.text) })
}

fn program_text(program: Option<&Program>) -> String {
    program
        .map_or_else(String::new, |p| if p.code.is_empty() { p.name.clone() } else { format!("{} {}", p.code, p.name) })
}

fn issue_title(workbook: &Workbook, issue: Option<Id>, lang: Lang) -> String {
    match issue {
        Some(i) => issue_label(workbook, i),
        None => Text::NoIssueGroup.get(lang).to_string(),
    }
}

/// The texts of the tree and the table, built once per revision, filter and language.
fn texts(workbook: &Workbook, tree: &Coherence, lang: Lang) -> (Vec<IssueRow>, Vec<Line>) {
    let programs: HashMap<Id, &Program> = workbook.programs.iter().map(|p| (p.id, p)).collect();
    let mut issues = Vec::new();
    let mut lines = Vec::new();
    for node in &tree.issues {
        let issue = issue_title(workbook, node.issue, lang);
        if node.strategies.is_empty() {
            lines.push(Line {
                issue: issue.clone(),
                strategy: String::new(),
                program: String::new(),
                cost: String::new(),
            });
        }
        let mut strategies = Vec::new();
        for s in &node.strategies {
            let strategy = strategy_text(workbook, s.strategy);
            if s.programs.is_empty() {
                lines.push(Line {
                    issue: issue.clone(),
                    strategy: strategy.clone(),
                    program: String::new(),
                    cost: String::new(),
                });
            }
            let mut rows = Vec::new();
            for p in &s.programs {
                let program = program_text(programs.get(&p.program).copied());
                lines.push(Line {
                    issue: issue.clone(),
                    strategy: strategy.clone(),
                    program: program.clone(),
                    cost: rupiah_short(p.cost, lang),
                });
                rows.push((program, format_rupiah(p.cost)));
            }
            strategies.push(StrategyRow {
                id: s.strategy,
                title: format!("{}  —  {}", rupiah_short(s.cost, lang), strategy),
                programs: rows,
            });
        }
        issues.push(IssueRow {
            id: node.issue,
            title: format!("{}  —  {}", rupiah_short(node.cost, lang), issue),
            strategies,
        });
    }
    (issues, lines)
}

impl CoherenceTab {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let key = (cx.session.path().to_path_buf(), cx.session.revision(), self.dimension, lang);
        if self.key.as_ref() != Some(&key) {
            self.tree = coherence(workbook, self.dimension);
            (self.issues, self.lines) = texts(workbook, &self.tree, lang);
            self.key = Some(key);
        }
        ui.horizontal_wrapped(|ui| {
            let text = self
                .dimension
                .and_then(|d| workbook.dimension(d))
                .map_or(Text::All.get(lang), |d| names::dimension(d, lang));
            egui::ComboBox::from_id_salt("coherence_dimension")
                .selected_text(text)
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.dimension, None, Text::All.get(lang));
                    for d in &workbook.dimensions {
                        ui.selectable_value(&mut self.dimension, Some(d.id), names::dimension(d, lang));
                    }
                })
                .response
                .accessible_name(Text::ColDimension.get(lang));
            ui.selectable_value(&mut self.as_table, false, Text::CoherenceTree.get(lang));
            ui.selectable_value(&mut self.as_table, true, Text::CoherenceTable.get(lang));
        });
        // Filtered, the base is the dimension's programs (see `Coherence::total_cost`), not all programs.
        let total_text = if self.dimension.is_some() { Text::CoherenceTotalDimension } else { Text::CoherenceTotal };
        let total = Message::with(
            total_text,
            [rupiah_short(self.tree.answered_cost, lang), rupiah_short(self.tree.total_cost, lang)],
        );
        ui.label(RichText::new(total.show(lang)).strong().size(16.0));
        ui.separator();
        if self.as_table {
            self.table_ui(ui, lang);
        } else {
            self.tree_ui(ui, lang);
        }
    }

    fn tree_ui(&self, ui: &mut Ui, lang: Lang) {
        egui::ScrollArea::vertical().id_salt("coherence_tree").auto_shrink(false).show(ui, |ui| {
            for node in &self.issues {
                let title = RichText::new(&node.title).strong().size(16.0);
                wrapping_section(ui, ("coherence_issue", node.id), true, title, |ui| {
                    if node.strategies.is_empty() {
                        ui.label(
                            RichText::new(Text::IssueUnanswered.get(lang)).italics().color(ui.visuals().warn_fg_color),
                        );
                    }
                    for s in &node.strategies {
                        let open = s.programs.len() <= OPEN_UP_TO;
                        wrapping_section(ui, ("coherence_strategy", node.id, s.id), open, &s.title, |ui| {
                            if s.programs.is_empty() {
                                ui.label(
                                    RichText::new(Text::NoProgramYet.get(lang))
                                        .italics()
                                        .color(ui.visuals().warn_fg_color),
                                );
                            }
                            for (program, cost) in &s.programs {
                                // The cost first, so a long program name wraps instead of
                                // pushing it off the edge.
                                ui.horizontal_top(|ui| {
                                    ui.label(RichText::new(cost).monospace());
                                    ui.add(egui::Label::new(program).wrap());
                                });
                            }
                        });
                    }
                });
            }
        });
    }

    fn table_ui(&self, ui: &mut Ui, lang: Lang) {
        let lines = &self.lines;
        let width = ui.available_width();
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .auto_shrink(false)
            .column(Column::initial(width * 0.28).clip(true))
            .column(Column::initial(width * 0.3).clip(true))
            .column(Column::initial(width * 0.28).clip(true))
            .column(Column::remainder().at_least(110.0))
            .header(24.0, |mut header| {
                for text in [Text::ColIssue, Text::ColStrategy, Text::NavPrograms, Text::ColCost] {
                    header.col(|ui| {
                        ui.strong(text.get(lang));
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, lines.len(), |mut row| {
                    let line = &lines[row.index()];
                    row.col(|ui| {
                        ui.label(&line.issue);
                    });
                    row.col(|ui| {
                        ui.label(&line.strategy);
                    });
                    row.col(|ui| {
                        ui.label(&line.program);
                    });
                    row.col(|ui| {
                        ui.label(RichText::new(&line.cost).monospace());
                    });
                });
            });
    }
}
