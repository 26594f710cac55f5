//! The coherence of the masterplan: issue -> strategy -> program -> cost, as an indented tree or a table,
//! filterable by dimension. The tree is computed once per workbook revision and filter.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::issue_label;
use crate::analysis::strategy::{Coherence, coherence};
use crate::i18n::{Message, Text, format_rupiah, format_rupiah_short};
use crate::model::{Id, Workbook};
use crate::ui::ViewCx;
use crate::ui::names;

#[derive(Default)]
pub struct CoherenceTab {
    pub dimension: Option<Id>,
    pub as_table: bool,
    key: Option<(std::path::PathBuf, u64, Option<Id>)>,
    tree: Coherence,
}

/// One line of the table: issue, strategy, program and cost.
struct Line {
    issue: String,
    strategy: String,
    program: String,
    cost: i64,
}

fn strategy_text(workbook: &Workbook, id: Id) -> String {
    workbook
        .strategy
        .strategy(id)
        .map_or_else(String::new, |s| if s.code.is_empty() { s.text.clone() } else { format!("{} {}", s.code, s.text) })
}

fn program_text(workbook: &Workbook, id: Id) -> String {
    workbook
        .program(id)
        .map_or_else(String::new, |p| if p.code.is_empty() { p.name.clone() } else { format!("{} {}", p.code, p.name) })
}

impl CoherenceTab {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let key = (cx.session.path().to_path_buf(), cx.session.revision(), self.dimension);
        if self.key.as_ref() != Some(&key) {
            self.tree = coherence(workbook, self.dimension);
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
        let total = Message::with(
            Text::CoherenceTotal,
            [format_rupiah_short(self.tree.answered_cost), format_rupiah_short(self.tree.total_cost)],
        );
        ui.label(RichText::new(total.show(lang)).strong().size(16.0));
        ui.separator();
        if self.as_table {
            self.table_ui(ui, workbook, cx);
        } else {
            self.tree_ui(ui, workbook, cx);
        }
    }

    fn issue_title(&self, workbook: &Workbook, issue: Option<Id>, cx: &ViewCx<'_>) -> String {
        match issue {
            Some(i) => issue_label(workbook, i),
            None => Text::NoIssueGroup.get(cx.lang).to_string(),
        }
    }

    fn tree_ui(&self, ui: &mut Ui, workbook: &Workbook, cx: &ViewCx<'_>) {
        let lang = cx.lang;
        egui::ScrollArea::vertical().id_salt("coherence_tree").auto_shrink(false).show(ui, |ui| {
            for node in &self.tree.issues {
                let title =
                    format!("{}  —  {}", format_rupiah_short(node.cost), self.issue_title(workbook, node.issue, cx));
                egui::CollapsingHeader::new(RichText::new(title).strong().size(16.0))
                    .id_salt(("coherence_issue", node.issue))
                    .default_open(true)
                    .show(ui, |ui| {
                        if node.strategies.is_empty() {
                            ui.label(
                                RichText::new(Text::IssueUnanswered.get(lang))
                                    .italics()
                                    .color(ui.visuals().warn_fg_color),
                            );
                        }
                        for s in &node.strategies {
                            let title =
                                format!("{}  —  {}", format_rupiah_short(s.cost), strategy_text(workbook, s.strategy));
                            egui::CollapsingHeader::new(title)
                                .id_salt(("coherence_strategy", node.issue, s.strategy))
                                .default_open(true)
                                .show(ui, |ui| {
                                    if s.programs.is_empty() {
                                        ui.label(
                                            RichText::new(Text::NoProgramYet.get(lang))
                                                .italics()
                                                .color(ui.visuals().warn_fg_color),
                                        );
                                    }
                                    for p in &s.programs {
                                        ui.horizontal(|ui| {
                                            ui.label(program_text(workbook, p.program));
                                            ui.label(RichText::new(format_rupiah(p.cost)).monospace());
                                        });
                                    }
                                });
                        }
                    });
            }
        });
    }

    fn table_ui(&self, ui: &mut Ui, workbook: &Workbook, cx: &ViewCx<'_>) {
        let lang = cx.lang;
        let mut lines = Vec::new();
        for node in &self.tree.issues {
            let issue = self.issue_title(workbook, node.issue, cx);
            if node.strategies.is_empty() {
                lines.push(Line { issue: issue.clone(), strategy: String::new(), program: String::new(), cost: 0 });
            }
            for s in &node.strategies {
                let strategy = strategy_text(workbook, s.strategy);
                if s.programs.is_empty() {
                    lines.push(Line {
                        issue: issue.clone(),
                        strategy: strategy.clone(),
                        program: String::new(),
                        cost: 0,
                    });
                }
                for p in &s.programs {
                    lines.push(Line {
                        issue: issue.clone(),
                        strategy: strategy.clone(),
                        program: program_text(workbook, p.program),
                        cost: p.cost,
                    });
                }
            }
        }
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
                        ui.label(RichText::new(format_rupiah_short(line.cost)).monospace());
                    });
                });
            });
    }
}
