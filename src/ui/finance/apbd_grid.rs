//! The APBD grid: the past years' APBD lines of one layout down (the current tree since 2021, the old layout
//! before), the years across, budgeted or realised. Amounts are typed the Indonesian way and save when the
//! user leaves the cell; an empty cell removes the value. A year can be marked as estimated as a whole.

use std::ops::RangeInclusive;

use egui::{RichText, Ui};

use super::amount_text;
use crate::analysis::finance::FinanceAnalysis;
use crate::i18n::{Lang, Message, Text, format_rupiah, parse_rupiah};
use crate::model::{Change, Edit, FIRST_CURRENT_LAYOUT_YEAR, FinanceValue, Layout, LineTree, ValueKind, Workbook};
use crate::ui::fields::{Drafts, FieldSpec, text_field};
use crate::ui::grid::{Col, FrozenGrid, GridCells};
use crate::ui::{ViewCx, theme};

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

/// The line names' column and one column per year.
const LINE_WIDTH: f32 = 300.0;
/// Room for the largest amount a regency types in full (1.400.000.000.000) at body size.
const YEAR_WIDTH: f32 = 165.0;

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
        // Presented, the typing help gives its room to the grid; the legend stays, the room reads by it.
        if !theme::presenting(ui.ctx()) {
            ui.label(RichText::new(Text::HistoryHelp.get(lang)).weak());
        }
        legend_ui(ui, lang);
        let years: Vec<i32> = years(self.layout, workbook).collect();
        let rows = rows(self.layout, lang);
        // A refused cell's message stays above the grid, beside the legend, while the grid scrolls.
        for row in &rows {
            for &year in &years {
                if let Some(problem) = self.drafts.problem(cell_id(&row.key, year, self.kind)) {
                    let text = format!("⚠ {} {year}: {}", row.name, problem.show(lang));
                    ui.colored_label(ui.visuals().error_fg_color, text);
                }
            }
        }
        let mut columns = vec![Col::new(LINE_WIDTH, 120.0)];
        columns.extend(years.iter().map(|_| Col::new(YEAR_WIDTH, 90.0)));
        let grid = FrozenGrid {
            id: if self.layout == Layout::Current { "finance_history" } else { "finance_history_old" },
            columns: &columns,
            labels: 1,
            header_height: 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 12.0,
            row_height: ui.text_style_height(&egui::TextStyle::Body) + 10.0,
            rows: rows.len(),
            scroll: true,
            to_top: false,
        };
        grid.show(ui, &mut HistoryCells { grid: self, cx, analysis, years: &years, rows: &rows });
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
        // The history and the undo menu name the line as the grid does, not by its code.
        let name = LineTree::get().name(line, cx.lang);
        let label = Message::with(Text::EditFinanceValue, [name, year.to_string()]);
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

/// The id of the field of one line, year and kind.
fn cell_id(line: &str, year: i32, kind: ValueKind) -> egui::Id {
    egui::Id::unique(("finance_cell", line, year, kind))
}

/// What the shades of the figures mean: black typed, grey an estimate or a computed total.
fn legend_ui(ui: &mut Ui, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(Text::LegendTyped.get(lang)).color(ui.visuals().text_color()));
        ui.label(RichText::new(Text::LegendEstimate.get(lang)).color(ui.visuals().weak_text_color()));
        ui.label(RichText::new(Text::LegendComputed.get(lang)).color(ui.visuals().weak_text_color()));
    });
}

/// The grid's cells: column 0 the line's name, then one field per year.
struct HistoryCells<'g, 'c, 'a, 'r> {
    grid: &'g mut ApbdGrid,
    cx: &'c mut ViewCx<'a>,
    analysis: Option<&'r FinanceAnalysis>,
    years: &'r [i32],
    rows: &'r [Row],
}

impl GridCells for HistoryCells<'_, '_, '_, '_> {
    fn header(&mut self, column: usize, ui: &mut Ui) {
        match column.checked_sub(1) {
            None => {
                ui.label(RichText::new(Text::Line.get(self.cx.lang)).strong());
            }
            Some(i) => self.grid.year_header_ui(ui, self.cx, self.years[i]),
        }
    }

    fn cell(&mut self, row: usize, column: usize, ui: &mut Ui) {
        let row = &self.rows[row];
        let Some(i) = column.checked_sub(1) else {
            let text = RichText::new(format!("{}{}", "  ".repeat(row.depth), row.name));
            let label = egui::Label::new(if row.is_sum { text.strong() } else { text }).truncate();
            ui.add(label).on_hover_text(format!("{} · {}", row.key, row.name));
            return;
        };
        let (year, kind, lang) = (self.years[i], self.grid.kind, self.cx.lang);
        let workbook = self.cx.session.workbook();
        let value = workbook.finance_value(&row.key, year, kind);
        let id = cell_id(&row.key, year, kind);
        let current = value.map_or_else(String::new, |v| format_rupiah(v.amount).trim_start_matches("Rp ").to_string());
        let name = format!("{} {year}", row.name);
        let mut spec = FieldSpec::new(id, &name).width(ui.available_width() - 4.0).enabled(self.cx.editable);
        if value.is_none() {
            // A sum line shows the total of its parts as a hint where no total was typed.
            spec.hint = self
                .analysis
                .and_then(|a| a.history.total(row.tree_line, year))
                .filter(|_| row.is_sum)
                .map(|t| amount_text(t.amount, t.estimate, lang));
        }
        spec.muted = value.is_some_and(|v| v.is_estimate);
        if let Some(typed) = text_field(ui, &mut self.grid.drafts, spec, &current, lang) {
            self.grid.commit(self.cx, id, &row.key, year, typed);
        }
    }
}
