//! The program table: virtualised rows (only the visible ones are laid out), sortable columns, selection
//! with bulk actions.

use std::collections::HashSet;

use egui::{ComboBox, RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

use super::{ProgramsView, back_to_top, dimension_chip};
use crate::analysis::programs::SortKey;
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, FundingSource, Id, Program};
use crate::ui::quick_wins::money;
use crate::ui::{ViewCx, names};

const ROW_HEIGHT: f32 = 24.0;

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
    let mut open = None;
    // Wide tables scroll sideways on a 1024 px projector; rows scroll (virtualised) inside.
    egui::ScrollArea::horizontal().id_salt("program_table_x").show(ui, |ui| table_body_ui(view, ui, cx, &mut open));
    if let Some(id) = open {
        view.open(id);
    }
}

fn table_body_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &mut ViewCx<'_>, open: &mut Option<Id>) {
    let workbook = cx.session.workbook();
    let mut table = TableBuilder::new(ui).striped(true).resizable(true).auto_shrink(false).column(Column::exact(28.0));
    if back_to_top(&mut view.top_for.table, view.shown.filter_generation) {
        table = table.vertical_scroll_offset(0.0);
    }
    for (_, _, width) in COLUMNS {
        table = table.column(Column::initial(width).at_least(36.0).clip(true));
    }
    table.header(26.0, |header| header_ui(header, view, cx)).body(|body| {
        body.rows(ROW_HEIGHT, view.shown.rows.len(), |row| {
            let program = &workbook.programs[view.shown.rows[row.index()]];
            if row_ui(row, &mut view.selection, cx, program) {
                *open = Some(program.id);
            }
        });
    });
}

/// "Select all shown" and one sort button per column (the arrow on the sorted one).
fn header_ui(mut header: TableRow<'_, '_>, view: &mut ProgramsView, cx: &ViewCx<'_>) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let all_selected = view.shown.rows.iter().all(|&i| view.selection.contains(&workbook.programs[i].id));
    header.col(|ui| {
        let mut all = all_selected;
        if ui.checkbox(&mut all, "").accessible_name(Text::SelectAllShown.get(lang)).changed() {
            for &i in &view.shown.rows {
                let id = workbook.programs[i].id;
                if all {
                    view.selection.insert(id);
                } else {
                    view.selection.remove(&id);
                }
            }
        }
    });
    for (key, label, _) in COLUMNS {
        header.col(|ui| {
            let arrow = match (view.sort.0 == key, view.sort.1) {
                (true, true) => " ⏶",
                (true, false) => " ⏷",
                _ => "",
            };
            let text = RichText::new(format!("{}{arrow}", label.get(lang))).strong();
            let button = ui.add(egui::Button::new(text).frame(false));
            if button.on_hover_text(Text::SortHint.get(lang)).clicked() {
                view.sort = if view.sort.0 == key { (key, !view.sort.1) } else { (key, true) };
            }
        });
    }
}

/// One program's row; true when its name was clicked (to open the editor).
fn row_ui(mut row: TableRow<'_, '_>, selection: &mut HashSet<Id>, cx: &ViewCx<'_>, program: &Program) -> bool {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let element = workbook.element(program.element_id);
    let dimension = element.and_then(|e| workbook.dimension(e.dimension_id));
    let mut open = false;
    row.col(|ui| {
        let mut selected = selection.contains(&program.id);
        let name = Message::with(Text::SelectProgram, [program.name.clone()]).show(lang);
        if ui.checkbox(&mut selected, "").accessible_name(name).changed() {
            if selected {
                selection.insert(program.id);
            } else {
                selection.remove(&program.id);
            }
        }
    });
    row.col(|ui| {
        ui.label(&program.code);
    });
    row.col(|ui| {
        open = ui.link(&program.name).on_hover_text(Text::OpenEditorHint.get(lang)).clicked();
    });
    row.col(|ui| {
        if let Some(d) = dimension {
            dimension_chip(ui, &d.color, names::dimension(d, lang));
        }
    });
    row.col(|ui| {
        ui.label(element.map_or("?", |e| names::element(e, lang)));
    });
    row.col(|ui| {
        let agency = program.agency_id.and_then(|a| workbook.agency(a));
        match agency {
            Some(a) => ui.label(a.label()).on_hover_text(&a.name),
            None => ui.label(RichText::new("—").weak()),
        };
    });
    row.col(|ui| {
        ui.label(format!("{}–{}", program.start_year, program.end_year));
    });
    row.col(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(money(cx, program.total_cost()));
        });
    });
    row.col(|ui| {
        let sources: Vec<&str> = FundingSource::ALL
            .into_iter()
            .filter(|s| program.source_bits() & s.bit() != 0)
            .map(|s| s.text().get(lang))
            .collect();
        ui.label(sources.join(", "));
    });
    row.col(|ui| {
        if program.quick_win {
            ui.label(RichText::new("★").color(egui::Color32::from_rgb(0xC2, 0x5E, 0x00)))
                .on_hover_text(Text::ColQuickWin.get(lang));
        }
    });
    row.col(|ui| {
        ui.label(program.status.text().get(lang));
    });
    open
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
