//! The program table: virtualised rows (only the visible ones are laid out), sortable columns, selection
//! with bulk actions. Code and name stay in view when the other columns scroll sideways; on a wide screen
//! the columns widen to the width.

use std::collections::HashSet;

use egui::{ComboBox, RichText, Ui};

use super::{ProgramsView, back_to_top, dimension_chip};
use crate::analysis::programs::SortKey;
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, FundingSource, Id, Program};
use crate::ui::grid::{Col, FrozenGrid, GridCells};
use crate::ui::quick_wins::money;
use crate::ui::{ViewCx, names};

const ROW_HEIGHT: f32 = 24.0;

/// The sortable columns after the selection checkbox; the first two (code and name) stay in view when the
/// others scroll sideways.
const COLUMNS: [(SortKey, Text, f32); 10] = [
    (SortKey::Code, Text::ColCode, 80.0),
    (SortKey::Name, Text::ColName, 240.0),
    (SortKey::Dimension, Text::ColDimension, 120.0),
    (SortKey::Element, Text::ColElement, 140.0),
    (SortKey::Agency, Text::ColAgency, 100.0),
    (SortKey::Years, Text::ColYears, 90.0),
    (SortKey::Cost, Text::ColCost, 100.0),
    (SortKey::Sources, Text::ColSources, 120.0),
    (SortKey::QuickWin, Text::ColQuickWin, 40.0),
    (SortKey::Status, Text::ColStatus, 90.0),
];

/// The checkbox, code and name: the frozen part.
const LABEL_COLUMNS: usize = 3;

pub fn table_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &mut ViewCx<'_>) {
    let lang = cx.lang;
    if !view.selection.is_empty() {
        bulk_ui(view, ui, cx);
    }
    if view.shown.rows.is_empty() {
        // An empty workbook is not a filter that matches nothing.
        let none = if cx.session.workbook().programs.is_empty() { Text::NoProgramsYet } else { Text::NoProgramsShown };
        ui.label(RichText::new(none.get(lang)).italics());
        return;
    }
    let mut columns = vec![Col::fixed(28.0)];
    columns.extend(COLUMNS.iter().map(|(_, _, width)| Col::new(*width, 36.0)));
    let grid = FrozenGrid {
        id: "program_table",
        columns: &columns,
        labels: LABEL_COLUMNS,
        header_height: 26.0,
        row_height: ROW_HEIGHT,
        rows: view.shown.rows.len(),
        scroll: true,
        to_top: back_to_top(&mut view.top_for.table, view.shown.filter_generation),
    };
    let mut cells = ProgramCells { view: &mut *view, cx, open: None };
    grid.show(ui, &mut cells);
    let open = cells.open;
    if let Some(id) = open {
        view.open(id);
    }
}

/// The table's cells: column 0 selects, the others are [`COLUMNS`].
struct ProgramCells<'v, 'c, 'a> {
    view: &'v mut ProgramsView,
    cx: &'c ViewCx<'a>,
    /// The program whose name was clicked (to open the editor).
    open: Option<Id>,
}

impl GridCells for ProgramCells<'_, '_, '_> {
    fn header(&mut self, column: usize, ui: &mut Ui) {
        if column == 0 {
            select_all_ui(ui, self.view, self.cx);
        } else {
            sort_button_ui(ui, self.view, self.cx, COLUMNS[column - 1].0, COLUMNS[column - 1].1);
        }
    }

    fn cell(&mut self, row: usize, column: usize, ui: &mut Ui) {
        let workbook = self.cx.session.workbook();
        let program = &workbook.programs[self.view.shown.rows[row]];
        if column == 0 {
            select_ui(ui, &mut self.view.selection, self.cx, program);
        } else if column == 2 {
            if ui.link(&program.name).on_hover_text(Text::OpenEditorHint.get(self.cx.lang)).clicked() {
                self.open = Some(program.id);
            }
        } else {
            value_ui(ui, self.cx, program, COLUMNS[column - 1].0);
        }
    }
}

/// "Select all shown".
fn select_all_ui(ui: &mut Ui, view: &mut ProgramsView, cx: &ViewCx<'_>) {
    let workbook = cx.session.workbook();
    let mut all = view.shown.rows.iter().all(|&i| view.selection.contains(&workbook.programs[i].id));
    if ui.checkbox(&mut all, "").accessible_name(Text::SelectAllShown.get(cx.lang)).changed() {
        for &i in &view.shown.rows {
            let id = workbook.programs[i].id;
            if all {
                view.selection.insert(id);
            } else {
                view.selection.remove(&id);
            }
        }
    }
}

/// A column's sort button as wide as the column (the arrow on the sorted one).
fn sort_button_ui(ui: &mut Ui, view: &mut ProgramsView, cx: &ViewCx<'_>, key: SortKey, label: Text) {
    let arrow = match (view.sort.0 == key, view.sort.1) {
        (true, true) => " ⏶",
        (true, false) => " ⏷",
        _ => "",
    };
    let text = RichText::new(format!("{}{arrow}", label.get(cx.lang))).strong();
    let button = egui::Button::new(text).frame(false).min_size(egui::vec2(ui.available_width() - 4.0, 0.0));
    if ui.add(button).on_hover_text(Text::SortHint.get(cx.lang)).clicked() {
        view.sort = if view.sort.0 == key { (key, !view.sort.1) } else { (key, true) };
    }
}

fn select_ui(ui: &mut Ui, selection: &mut HashSet<Id>, cx: &ViewCx<'_>, program: &Program) {
    let mut selected = selection.contains(&program.id);
    let name = Message::with(Text::SelectProgram, [program.name.clone()]).show(cx.lang);
    if ui.checkbox(&mut selected, "").accessible_name(name).changed() {
        if selected {
            selection.insert(program.id);
        } else {
            selection.remove(&program.id);
        }
    }
}

/// One program's value in the column sorted by `key` (all but the checkbox and the name).
fn value_ui(ui: &mut Ui, cx: &ViewCx<'_>, program: &Program, key: SortKey) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let element = || workbook.element(program.element_id);
    match key {
        SortKey::Code => {
            ui.label(&program.code);
        }
        SortKey::Dimension => {
            if let Some(d) = element().and_then(|e| workbook.dimension(e.dimension_id)) {
                dimension_chip(ui, &d.color, names::dimension(d, lang));
            }
        }
        SortKey::Element => {
            ui.label(element().map_or("?", |e| names::element(e, lang)));
        }
        SortKey::Agency => {
            match program.agency_id.and_then(|a| workbook.agency(a)) {
                Some(a) => ui.label(a.label()).on_hover_text(&a.name),
                None => ui.label(RichText::new("—").weak()),
            };
        }
        SortKey::Years => {
            ui.label(format!("{}–{}", program.start_year, program.end_year));
        }
        SortKey::Cost => {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(money(cx, program.total_cost()));
            });
        }
        SortKey::Sources => {
            let sources: Vec<&str> = FundingSource::ALL
                .into_iter()
                .filter(|s| program.source_bits() & s.bit() != 0)
                .map(|s| s.text().get(lang))
                .collect();
            ui.label(sources.join(", "));
        }
        SortKey::QuickWin => {
            if program.quick_win {
                ui.label(RichText::new("★").color(egui::Color32::from_rgb(0xC2, 0x5E, 0x00)))
                    .on_hover_text(Text::ColQuickWin.get(lang));
            }
        }
        SortKey::Status => {
            ui.label(program.status.text().get(lang));
        }
        SortKey::Name | SortKey::Position => {
            ui.label(&program.name);
        }
    }
}

fn bulk_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &mut ViewCx<'_>) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let count = view.selection.len().to_string();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(Message::with(Text::SelectedCount, [count.clone()]).show(lang)).strong());
        ui.add_enabled_ui(cx.editable, |ui| {
            let element_text = view
                .bulk_element
                .and_then(|e| workbook.element(e))
                .map_or(Text::ChooseElement.get(lang), |e| names::element(e, lang));
            ComboBox::from_id_salt("bulk_element")
                .selected_text(element_text)
                .width(170.0)
                .show_ui(ui, |ui| {
                    for d in &workbook.dimensions {
                        ui.label(RichText::new(names::dimension(d, lang)).strong());
                        for e in workbook.elements_of(d.id) {
                            ui.selectable_value(&mut view.bulk_element, Some(e.id), names::element(e, lang));
                        }
                    }
                })
                .response
                .accessible_name(Text::BulkElement.get(lang));
            if ui.add_enabled(view.bulk_element.is_some(), egui::Button::new(Text::MoveToElement.get(lang))).clicked()
                && let Some(element) = view.bulk_element
            {
                let changes = changed(view, cx, |p| p.element_id != element, |p| p.element_id = element);
                cx.push(Edit::new(Message::with(Text::EditMovePrograms, [count.clone()]), changes));
            }
            ui.separator();
            let agency_text = match view.bulk_agency {
                None => Text::ChooseAgency.get(lang).to_string(),
                Some(None) => Text::NoAgency.get(lang).to_string(),
                Some(Some(a)) => workbook.agency(a).map_or_else(String::new, |a| a.label().to_string()),
            };
            ComboBox::from_id_salt("bulk_agency")
                .selected_text(agency_text)
                .width(140.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut view.bulk_agency, Some(None), Text::NoAgency.get(lang));
                    for a in &workbook.agencies {
                        ui.selectable_value(&mut view.bulk_agency, Some(Some(a.id)), a.label()).on_hover_text(&a.name);
                    }
                })
                .response
                .accessible_name(Text::BulkAgency.get(lang));
            if ui.add_enabled(view.bulk_agency.is_some(), egui::Button::new(Text::SetAgency.get(lang))).clicked()
                && let Some(agency) = view.bulk_agency
            {
                let changes = changed(view, cx, |p| p.agency_id != agency, |p| p.agency_id = agency);
                cx.push(Edit::new(Message::with(Text::EditSetAgency, [count.clone()]), changes));
            }
            ui.separator();
            if ui.button(Text::DeleteSelected.get(lang)).clicked() {
                let changes: Vec<Change> = view.selection.iter().map(|id| Change::RemoveProgram(*id)).collect();
                cx.push(Edit::new(Message::with(Text::EditDeletePrograms, [count.clone()]), changes));
                view.selection.clear();
            }
        });
        if ui.button(Text::ClearSelection.get(lang)).clicked() {
            view.selection.clear();
        }
    });
    ui.separator();
}

/// One change per selected program that `differs`, with `set` applied, in the workbook's order.
fn changed(
    view: &ProgramsView,
    cx: &ViewCx<'_>,
    differs: impl Fn(&Program) -> bool,
    set: impl Fn(&mut Program),
) -> Vec<Change> {
    let selected: &HashSet<Id> = &view.selection;
    cx.session
        .workbook()
        .programs
        .iter()
        .filter(|p| selected.contains(&p.id) && differs(p))
        .map(|p| {
            let mut p = p.clone();
            set(&mut p);
            Change::PutProgram(p)
        })
        .collect()
}
