//! The APBD grid: the past years' APBD lines of one layout down (the current tree since 2021, the old layout
//! before), the years across, budgeted or realised. Amounts are typed the Indonesian way and save when the
//! user leaves the cell; an empty cell removes the value. A year can be marked as estimated as a whole.

use std::ops::RangeInclusive;

use egui::{RichText, Ui};

use super::amount_text;
use crate::analysis::finance::FinanceAnalysis;
use crate::i18n::{Lang, Message, Text, format_rupiah, parse_rupiah};
use crate::model::{Change, Edit, FIRST_CURRENT_LAYOUT_YEAR, FinanceValue, Layout, LineTree, ValueKind, Workbook};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, text_field};

/// The first year the grid offers: the oldest history the masterplan guidance asks for.
const FIRST_YEAR: i32 = 2016;

pub struct ApbdGrid {
    layout: Layout,
    kind: ValueKind,
    drafts: Drafts,
}

impl Default for ApbdGrid {
    fn default() -> Self {
        ApbdGrid { layout: Layout::Current, kind: ValueKind::Budgeted, drafts: Drafts::default() }
    }
}

/// One row of the grid: the stored key, its name, depth and whether it is a sum of the rows under it.
struct Row {
    key: String,
    name: String,
    depth: usize,
    is_sum: bool,
    /// The tree line whose total is shown as a hint in empty cells.
    tree_line: usize,
}

fn rows(layout: Layout, lang: Lang) -> Vec<Row> {
    let tree = LineTree::get();
    let name = |id: &str, en: &str| if lang == Lang::En { en.to_string() } else { id.to_string() };
    match layout {
        Layout::Current => tree
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| Row {
                key: l.code.clone(),
                name: name(&l.name_id, &l.name_en),
                depth: l.depth,
                is_sum: l.is_sum,
                tree_line: i,
            })
            .collect(),
        Layout::Legacy => tree
            .legacy
            .iter()
            .enumerate()
            .map(|(i, l)| Row {
                key: l.key.clone(),
                name: name(&l.name_id, &l.name_en),
                depth: l.depth,
                is_sum: !tree.legacy_children(i).is_empty(),
                tree_line: l.maps_to,
            })
            .collect(),
    }
}

/// The years of a layout: before 2021 the old one, from 2021 the current one up to the last year with a value
/// (at least the masterplan's first year).
fn years(layout: Layout, workbook: &Workbook) -> RangeInclusive<i32> {
    match layout {
        Layout::Legacy => FIRST_YEAR..=FIRST_CURRENT_LAYOUT_YEAR - 1,
        Layout::Current => {
            let last = workbook.finance.iter().map(|v| v.year).max().unwrap_or(0).max(workbook.profile.period_start);
            FIRST_CURRENT_LAYOUT_YEAR..=last
        }
    }
}

impl ApbdGrid {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, analysis: Option<&FinanceAnalysis>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.layout, Layout::Current, Layout::Current.text().get(lang));
            ui.selectable_value(&mut self.layout, Layout::Legacy, Layout::Legacy.text().get(lang));
            ui.separator();
            ui.selectable_value(&mut self.kind, ValueKind::Budgeted, ValueKind::Budgeted.text().get(lang));
            ui.selectable_value(&mut self.kind, ValueKind::Realised, ValueKind::Realised.text().get(lang));
        });
        ui.label(RichText::new(Text::HistoryHelp.get(lang)).weak());
        let years: Vec<i32> = years(self.layout, workbook).collect();
        let rows = rows(self.layout, lang);
        let mut problems = Vec::new();
        egui::ScrollArea::both().id_salt("finance_history").auto_shrink(false).show(ui, |ui| {
            egui::Grid::new(("history_grid", self.layout == Layout::Current)).striped(true).spacing([4.0, 2.0]).show(
                ui,
                |ui| {
                    ui.label(RichText::new(Text::Line.get(lang)).strong());
                    for &year in &years {
                        self.year_header_ui(ui, cx, year);
                    }
                    ui.end_row();
                    for row in &rows {
                        let text = RichText::new(format!("{}{}", "  ".repeat(row.depth), row.name));
                        ui.label(if row.is_sum { text.strong() } else { text }).on_hover_text(&row.key);
                        for &year in &years {
                            let value = workbook.finance_value(&row.key, year, self.kind);
                            let id = egui::Id::unique(("finance_cell", &row.key, year, self.kind));
                            let current = value.map_or_else(String::new, |v| {
                                format_rupiah(v.amount).trim_start_matches("Rp ").to_string()
                            });
                            let name = format!("{} {year}", row.name);
                            let mut spec = FieldSpec::new(id, &name).width(140.0).enabled(cx.editable);
                            if value.is_none() {
                                // A sum line shows the total of its parts as a hint where no total was typed.
                                spec.hint = analysis
                                    .and_then(|a| a.history.total(row.tree_line, year))
                                    .filter(|_| row.is_sum)
                                    .map(|t| amount_text(t.amount, t.estimate));
                            }
                            spec.muted = value.is_some_and(|v| v.is_estimate);
                            if let Some(typed) = text_field(ui, &mut self.drafts, spec, &current, lang) {
                                self.commit(cx, id, &row.key, year, typed);
                            }
                            if let Some(problem) = self.drafts.problem(id) {
                                problems.push((name, problem.clone()));
                            }
                        }
                        ui.end_row();
                    }
                },
            );
        });
        for (cell, problem) in problems {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {cell}: {}", problem.show(lang)));
        }
    }

    /// The year and a switch that marks all of that year's values (of this kind) as estimates.
    fn year_header_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, year: i32) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let values: Vec<&FinanceValue> =
            workbook.finance.iter().filter(|v| v.year == year && v.kind == self.kind).collect();
        ui.vertical(|ui| {
            ui.label(RichText::new(year.to_string()).strong());
            let mut estimated = !values.is_empty() && values.iter().all(|v| v.is_estimate);
            let name = Message::with(Text::YearIsEstimate, [year.to_string()]).show(lang);
            let enabled = cx.editable && !values.is_empty();
            if ui
                .add_enabled(enabled, egui::Checkbox::new(&mut estimated, Text::Estimate.get(lang)))
                .accessible_name(name)
                .changed()
            {
                let changes = values
                    .iter()
                    .filter(|v| v.is_estimate != estimated)
                    .map(|v| Change::PutFinanceValue(FinanceValue { is_estimate: estimated, ..(*v).clone() }))
                    .collect();
                cx.push(Edit::new(Message::with(Text::EditEstimateYear, [year.to_string()]), changes));
            }
        });
    }

    fn commit(&mut self, cx: &mut ViewCx<'_>, id: egui::Id, line: &str, year: i32, typed: String) {
        let workbook = cx.session.workbook();
        let label = Message::with(Text::EditFinanceValue, [line.to_string(), year.to_string()]);
        let edit = if typed.trim().is_empty() {
            Edit::one(label, Change::RemoveFinanceValue { line: line.to_string(), year, kind: self.kind })
        } else {
            match parse_rupiah(&typed) {
                Err(e) => return self.drafts.refuse(id, typed, Message::new(e.text())),
                Ok(amount) => {
                    let is_estimate = workbook.finance_value(line, year, self.kind).is_some_and(|v| v.is_estimate);
                    let value = FinanceValue { line: line.to_string(), year, kind: self.kind, amount, is_estimate };
                    Edit::one(label, Change::PutFinanceValue(value))
                }
            }
        };
        if let Err(problems) = cx.propose(edit) {
            let problem = &problems[0];
            self.drafts.refuse(id, typed, problem.message.clone());
        }
    }
}
