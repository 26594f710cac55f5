//! The Program view: the masterplan's programs as a table, a dimension board and a roadmap, all through one
//! filter, plus the program editor. Derived data (search index, filtered rows, sums) is cached per workbook
//! revision and filter, never recomputed per frame.

mod board;
mod editor;
mod import;
mod roadmap;
mod table;

use std::collections::HashSet;
use std::path::PathBuf;

use egui::{ComboBox, RichText, Ui};

use super::ViewCx;
use super::names;
use super::quick_wins::money;
use super::section::view_heading;
use crate::analysis::programs::{self as select, ProgramFilter, ProgramIndex, SortKey};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Change, Edit, FundingSource, Id, Workbook};

pub use editor::ProgramEditor;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Table,
    Board,
    Roadmap,
    Import,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Table, Tab::Board, Tab::Roadmap, Tab::Import];

    fn label(self) -> Text {
        match self {
            Tab::Table => Text::TabTable,
            Tab::Board => Text::TabBoard,
            Tab::Roadmap => Text::TabRoadmap,
            Tab::Import => Text::TabImport,
        }
    }
}

/// What the views show, computed when the workbook or the filter changes.
#[derive(Default)]
pub struct Shown {
    key: Option<(PathBuf, u64, ProgramFilter, SortKey, bool)>,
    index: ProgramIndex,
    /// Indices into `workbook.programs`, filtered and sorted.
    pub rows: Vec<usize>,
    /// Counts the filters and sorts asked for: a view showing `rows` goes back to its top when it changes,
    /// so a new filter shows its first matches (an edit, which keeps the filter, keeps the place).
    pub filter_generation: u64,
    pub total: i64,
    /// (element, count, cost) in element order.
    pub per_element: Vec<(Id, usize, i64)>,
    /// Cost per dimension and masterplan year.
    pub yearly: Vec<Vec<i64>>,
    /// The roadmap's lines: dimension and element headings with their programs.
    pub roadmap: Vec<roadmap::Line>,
    /// The board's cards: shown programs per element, in the table's order.
    pub lanes: std::collections::HashMap<Id, Vec<usize>>,
}

impl Shown {
    fn refresh(
        &mut self,
        path: PathBuf,
        revision: u64,
        workbook: &Workbook,
        filter: &ProgramFilter,
        sort: (SortKey, bool),
    ) {
        let key = (path, revision, filter.clone(), sort.0, sort.1);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        if self.key.as_ref().is_none_or(|k| k.0 != key.0 || k.1 != key.1) {
            self.index = ProgramIndex::new(workbook);
        }
        if self.key.as_ref().is_some_and(|k| (&k.2, k.3, k.4) != (&key.2, key.3, key.4)) {
            self.filter_generation += 1;
        }
        self.rows = select::select(workbook, &self.index, filter, sort.0, sort.1);
        self.total = select::total_cost(&self.index, &self.rows);
        self.per_element = select::per_element(workbook, &self.rows);
        self.yearly = select::yearly_cost_by_dimension(workbook, &self.rows);
        self.roadmap = roadmap::lines(workbook, &self.rows);
        self.lanes.clear();
        for &i in &self.rows {
            self.lanes.entry(workbook.programs[i].element_id).or_default().push(i);
        }
        self.key = Some(key);
    }
}

/// The state of the Program view: which tab, the filter and sort, the selection, the open editor.
#[derive(Default)]
pub struct ProgramsView {
    pub tab: Tab,
    pub filter: ProgramFilter,
    pub sort: (SortKey, bool),
    pub selection: HashSet<Id>,
    pub shown: Shown,
    pub editor: Option<ProgramEditor>,
    bulk_element: Option<Id>,
    bulk_agency: Option<Option<Id>>,
    board: board::BoardState,
    import: import::ImportTab,
    /// The filter generation the table, the roadmap and the board last went to the top for.
    top_for: TopFor,
}

#[derive(Default)]
struct TopFor {
    table: u64,
    roadmap: u64,
    board: u64,
}

/// Whether a view last at the top for filter generation `seen` goes back to the top now (and remembers it).
fn back_to_top(seen: &mut u64, generation: u64) -> bool {
    let changed = *seen != generation;
    *seen = generation;
    changed
}

impl ProgramsView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        if self.sort.0 == SortKey::Position && !self.sort.1 {
            self.sort.1 = true;
        }
        self.shown.refresh(cx.session.path().to_path_buf(), cx.session.revision(), workbook, &self.filter, self.sort);
        // Forget selected programs that no longer exist (deleted, undone).
        self.selection.retain(|id| workbook.program(*id).is_some());

        ui.horizontal(|ui| {
            view_heading(ui, Text::NavPrograms.get(lang));
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label().get(lang)).clicked() {
                    self.tab = tab;
                }
            }
            ui.add_space(12.0);
            if ui.add_enabled(cx.editable, egui::Button::new(Text::AddProgram.get(lang))).clicked() {
                let program = workbook.new_program(self.filter.element, Text::NewProgramName.get(lang));
                self.editor = Some(ProgramEditor::for_added(program.id));
                cx.push(Edit::one(
                    Message::with(Text::EditAddProgram, [program.name.clone()]),
                    Change::PutProgram(program),
                ));
            }
        });
        // The editor is a window over whichever tab is shown, the import tab included.
        if let Some(editor) = &mut self.editor
            && !editor.ui(ui.ctx(), cx)
        {
            self.editor = None;
        }
        if self.tab == Tab::Import {
            ui.separator();
            self.import.ui(ui, cx);
            return;
        }
        self.filter_ui(ui, workbook, lang);
        ui.label(
            Message::with(
                Text::ProgramsShown,
                [self.shown.rows.len().to_string(), workbook.programs.len().to_string(), money(cx, self.shown.total)],
            )
            .show(lang),
        );
        ui.separator();
        match self.tab {
            Tab::Table => table::table_ui(self, ui, cx),
            Tab::Board => board::board_ui(self, ui, cx),
            Tab::Roadmap => roadmap::roadmap_ui(self, ui, cx),
            Tab::Import => {}
        }
    }

    fn filter_ui(&mut self, ui: &mut Ui, workbook: &Workbook, lang: Lang) {
        let filter = &mut self.filter;
        ui.horizontal_wrapped(|ui| {
            let search = ui.add(
                egui::TextEdit::singleline(&mut filter.text).hint_text(Text::SearchHint.get(lang)).desired_width(180.0),
            );
            search.accessible_name(Text::Search.get(lang));
            place_filter_ui(ui, filter, workbook, lang);
            agency_filter_ui(ui, filter, workbook, lang);
            year_source_filter_ui(ui, filter, workbook, lang);
            if !filter.is_empty() && ui.button(Text::ClearFilter.get(lang)).clicked() {
                *filter = ProgramFilter::default();
            }
        });
    }

    /// Open the editor on a program (from a row, a card or a bar).
    pub fn open(&mut self, id: Id) {
        self.editor = Some(ProgramEditor::new(id));
    }
}

/// A small coloured chip for a dimension.
fn dimension_chip(ui: &mut Ui, color: &str, text: &str) {
    ui.label(RichText::new(text).color(egui::Color32::WHITE).background_color(names::color(color)));
}

/// The dimension and element filters (choosing a dimension clears the element).
fn place_filter_ui(ui: &mut Ui, filter: &mut ProgramFilter, workbook: &Workbook, lang: Lang) {
    let any = Text::All.get(lang);
    let dimension_text =
        filter.dimension.and_then(|d| workbook.dimension(d)).map_or(any, |d| names::dimension(d, lang));
    let before = filter.dimension;
    ComboBox::from_id_salt("filter_dimension")
        .selected_text(format!("{}: {dimension_text}", Text::ColDimension.get(lang)))
        .width(190.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.dimension, None, any);
            for d in &workbook.dimensions {
                ui.selectable_value(&mut filter.dimension, Some(d.id), names::dimension(d, lang));
            }
        })
        .response
        .accessible_name(Text::FilterDimension.get(lang))
        .on_hover_text(Text::FilterDimension.get(lang));
    if filter.dimension != before {
        filter.element = None;
    }

    let element_text = filter.element.and_then(|e| workbook.element(e)).map_or(any, |e| names::element(e, lang));
    ComboBox::from_id_salt("filter_element")
        .selected_text(format!("{}: {element_text}", Text::ColElement.get(lang)))
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.element, None, any);
            for e in workbook.elements.iter().filter(|e| filter.dimension.is_none_or(|d| e.dimension_id == d)) {
                ui.selectable_value(&mut filter.element, Some(e.id), names::element(e, lang));
            }
        })
        .response
        .accessible_name(Text::FilterElement.get(lang))
        .on_hover_text(Text::FilterElement.get(lang));
}

/// The agency filter (any, none, or one agency).
fn agency_filter_ui(ui: &mut Ui, filter: &mut ProgramFilter, workbook: &Workbook, lang: Lang) {
    let any = Text::All.get(lang);
    let agency_text = match filter.agency {
        None => any.to_string(),
        Some(None) => Text::NoAgency.get(lang).to_string(),
        Some(Some(a)) => workbook.agency(a).map_or_else(|| any.to_string(), |a| a.label().to_string()),
    };
    ComboBox::from_id_salt("filter_agency")
        .selected_text(format!("{}: {agency_text}", Text::ColAgency.get(lang)))
        .width(150.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.agency, None, any);
            ui.selectable_value(&mut filter.agency, Some(None), Text::NoAgency.get(lang));
            for a in &workbook.agencies {
                ui.selectable_value(&mut filter.agency, Some(Some(a.id)), a.label()).on_hover_text(&a.name);
            }
        })
        .response
        .accessible_name(Text::FilterAgency.get(lang))
        .on_hover_text(Text::FilterAgency.get(lang));
}

/// The year and funding source filters.
fn year_source_filter_ui(ui: &mut Ui, filter: &mut ProgramFilter, workbook: &Workbook, lang: Lang) {
    let any = Text::All.get(lang);
    let year_text = filter.year.map_or_else(|| any.to_string(), |y| y.to_string());
    ComboBox::from_id_salt("filter_year")
        .selected_text(format!("{}: {year_text}", Text::Year.get(lang)))
        .width(110.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.year, None, any);
            for year in workbook.profile.years() {
                ui.selectable_value(&mut filter.year, Some(year), year.to_string());
            }
        })
        .response
        .accessible_name(Text::FilterYear.get(lang))
        .on_hover_text(Text::FilterYear.get(lang));

    let source_text = filter.source.map_or(any, |s| s.text().get(lang));
    ComboBox::from_id_salt("filter_source")
        .selected_text(format!("{}: {source_text}", Text::ColSources.get(lang)))
        .width(170.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.source, None, any);
            for s in FundingSource::ALL {
                ui.selectable_value(&mut filter.source, Some(s), s.text().get(lang));
            }
        })
        .response
        .accessible_name(Text::FilterSource.get(lang))
        .on_hover_text(Text::FilterSource.get(lang));
}
