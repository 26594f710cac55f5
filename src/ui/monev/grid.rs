//! The realisation grid: the programs due in the chosen year (and those reported although not due) down, what
//! they did that year across: status, money planned and spent, target and actual value, evidence. The code
//! and name stay in view while the values scroll sideways; rows are virtualised, and the row list is worked
//! out once per workbook revision, year and search, never per frame. A program with money from several
//! sources is typed per source in its details; in an agency copy other agencies' rows are shown, not edited.

use egui::{Label, RichText, Ui};

use super::form::{amount_text, edit_label, single_source, spending_edit};
use crate::analysis::monev::{is_due, programs_of_year};
use crate::i18n::{Lang, Message, Text, format_rupiah};
use crate::model::{Change, Edit, Id, MonevChange, Program, Realisation, RealisationStatus, Workbook};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, choice, text_field};
use crate::ui::grid::{Col, FrozenGrid, GridCells};

/// The rows of one revision, year and search.
#[derive(Default)]
struct Rows {
    key: Option<(std::path::PathBuf, u64, i32, String)>,
    /// Indices into the workbook's programs.
    programs: Vec<usize>,
}

#[derive(Default)]
pub struct RealisationGrid {
    pub search: String,
    drafts: Drafts,
    rows: Rows,
    /// Go back to the first row: the year or the search changed.
    to_top: bool,
    /// The last value a cell refused, with the program's code: shown above the grid while it scrolls.
    refused: Option<Message>,
}

/// What the grid asks of the view: open the details of a program, maybe with a status waiting for its reason.
pub struct OpenDetails {
    pub program: Id,
    pub pending: Option<RealisationStatus>,
}

/// The programs of the grid: those of the year ([`programs_of_year`]) whose code or name contains `search`
/// (ignoring case).
pub fn grid_programs(workbook: &Workbook, year: i32, search: &str) -> Vec<usize> {
    let needle = search.trim().to_lowercase();
    programs_of_year(workbook, year)
        .into_iter()
        .filter(|&i| {
            let p = &workbook.programs[i];
            needle.is_empty() || p.code.to_lowercase().contains(&needle) || p.name.to_lowercase().contains(&needle)
        })
        .collect()
}

const COLUMNS: [Col; 9] = [
    Col::new(110.0, 80.0),
    Col::new(250.0, 140.0),
    Col::new(150.0, 120.0),
    Col::new(140.0, 110.0),
    Col::new(160.0, 120.0),
    Col::new(150.0, 100.0),
    Col::new(150.0, 100.0),
    Col::new(200.0, 120.0),
    Col::fixed(100.0),
];

const HEADERS: [Text; 9] = [
    Text::ColCode,
    Text::MonevProgram,
    Text::ColStatus,
    Text::MonevPlanned,
    Text::MonevSpent,
    Text::MonevTarget,
    Text::MonevActual,
    Text::MonevEvidence,
    Text::MonevDetails,
];

impl RealisationGrid {
    /// The grid for `year`; returns a request to open a program's details.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, year: i32) -> Option<OpenDetails> {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let key = (cx.session.path().to_path_buf(), cx.session.revision(), year, self.search.clone());
        if self.rows.key.as_ref() != Some(&key) {
            let moved = self.rows.key.as_ref().is_none_or(|old| old.2 != year || old.3 != self.search);
            self.to_top |= moved;
            self.rows = Rows { programs: grid_programs(workbook, year, &self.search), key: Some(key) };
        }
        if let Some(refused) = &self.refused {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", refused.show(lang)));
        }
        if self.rows.programs.is_empty() {
            ui.label(Message::with(Text::MonevNoPrograms, [year.to_string()]).show(lang));
            return None;
        }
        let body = ui.text_style_height(&egui::TextStyle::Body);
        let grid = FrozenGrid {
            id: "monev_grid",
            columns: &COLUMNS,
            labels: 2,
            header_height: body + 14.0,
            row_height: body + 14.0,
            rows: self.rows.programs.len(),
            scroll: true,
            to_top: std::mem::take(&mut self.to_top),
        };
        let mut cells = Cells { grid: self, cx, year, open: None };
        grid.show(ui, &mut cells);
        cells.open
    }
}

struct Cells<'g, 'c, 'a> {
    grid: &'g mut RealisationGrid,
    cx: &'c mut ViewCx<'a>,
    year: i32,
    open: Option<OpenDetails>,
}

impl GridCells for Cells<'_, '_, '_> {
    fn header(&mut self, column: usize, ui: &mut Ui) {
        ui.add(Label::new(RichText::new(HEADERS[column].get(self.cx.lang)).strong()).wrap());
    }

    fn cell(&mut self, row: usize, column: usize, ui: &mut Ui) {
        let session = self.cx.session;
        let program = &session.workbook().programs[self.grid.rows.programs[row]];
        let (lang, year) = (self.cx.lang, self.year);
        let editable = self.cx.editable && session.may_edit_program(program);
        let realisation = session.workbook().monev.realisation(program.id, year);
        match column {
            0 => code_cell(ui, program, year, lang),
            1 => {
                ui.add(Label::new(&program.name).truncate()).on_hover_text(&program.name);
            }
            2 => self.status_cell(ui, program, realisation, editable),
            3 => planned_cell(ui, session.workbook(), program, year, lang),
            4 => self.spent_cell(ui, program, editable),
            5 => {
                let target = program.targets.iter().find(|t| t.year == year).map_or("–", |t| t.target.as_str());
                ui.add(Label::new(target).truncate()).on_hover_text(target);
            }
            6 | 7 => self.text_cell(ui, program, realisation, column, editable),
            _ => {
                let name = Message::with(Text::MonevDetailsOf, [program.code.clone()]).show(lang);
                if ui.button(Text::MonevDetails.get(lang)).on_hover_text(&name).clicked() {
                    self.open = Some(OpenDetails { program: program.id, pending: None });
                }
            }
        }
    }
}

fn code_cell(ui: &mut Ui, program: &Program, year: i32, lang: Lang) {
    let text = RichText::new(&program.code).monospace();
    if is_due(program, year) {
        ui.label(text);
    } else {
        ui.label(text.italics()).on_hover_text(Text::MonevNotDue.get(lang));
    }
}

/// What the program planned; red with a warning when it spent more.
fn planned_cell(ui: &mut Ui, workbook: &Workbook, program: &Program, year: i32, lang: Lang) {
    let plan = program.cost_in_year(year);
    let text = format_rupiah(plan);
    if workbook.monev.spent(program.id, year) > plan {
        ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {text}"))
            .on_hover_text(Text::MonevOverBudget.get(lang));
    } else {
        ui.label(text);
    }
}

impl Cells<'_, '_, '_> {
    fn status_cell(&mut self, ui: &mut Ui, program: &Program, realisation: Option<&Realisation>, editable: bool) {
        let lang = self.cx.lang;
        let current = realisation.map(|r| r.status);
        let mut chosen = current.unwrap_or_default();
        let name = format!("{} {}", Text::ColStatus.get(lang), program.code);
        ui.add_enabled_ui(editable, |ui| {
            let salt = ("monev_status", program.id, self.year);
            let texts = |s: RealisationStatus| s.text().get(lang).to_string();
            choice(ui, salt, &name, &mut chosen, &RealisationStatus::ALL, texts, ui.available_width() - 8.0);
        });
        if Some(chosen) == current || (current.is_none() && chosen == RealisationStatus::default()) {
            return;
        }
        let base = realisation.cloned().unwrap_or_else(|| Realisation::new(program.id, self.year));
        if chosen.needs_reason() && base.reason.trim().is_empty() {
            self.open = Some(OpenDetails { program: program.id, pending: Some(chosen) });
            return;
        }
        let changed = Realisation { status: chosen, ..base };
        self.cx.push(Edit::one(edit_label(program, self.year), Change::Monev(MonevChange::PutRealisation(changed))));
    }

    /// The money spent, typed as one amount when the program has one source that year.
    fn spent_cell(&mut self, ui: &mut Ui, program: &Program, editable: bool) {
        let (lang, year) = (self.cx.lang, self.year);
        let workbook = self.cx.session.workbook();
        let Some(source) = single_source(workbook, program, year) else {
            let total = format_rupiah(workbook.monev.spent(program.id, year));
            ui.label(total).on_hover_text(Text::MonevPerSource.get(lang));
            return;
        };
        let current =
            workbook.monev.spending_row(program.id, year, source).map_or_else(String::new, |s| amount_text(s.amount));
        let id = egui::Id::unique(("monev_spent", program.id, year));
        let name = format!("{} {}", Text::MonevSpent.get(lang), program.code);
        let spec = FieldSpec::new(id, &name).width(ui.available_width() - 4.0).enabled(editable);
        if let Some(typed) = text_field(ui, &mut self.grid.drafts, spec, &current, lang) {
            let proposed = spending_edit(program, year, source, &typed)
                .and_then(|edit| self.cx.propose(edit).map_err(|problems| problems[0].message.clone()));
            if let Err(problem) = proposed {
                self.grid.refused =
                    Some(Message::with(Text::MonevRefusedCell, [program.code.clone(), problem.show(lang)]));
                self.grid.drafts.refuse(id, typed, problem);
            }
        }
    }

    fn text_cell(
        &mut self,
        ui: &mut Ui,
        program: &Program,
        realisation: Option<&Realisation>,
        column: usize,
        editable: bool,
    ) {
        let (lang, year) = (self.cx.lang, self.year);
        let base = realisation.cloned().unwrap_or_else(|| Realisation::new(program.id, year));
        let (current, header) =
            if column == 6 { (&base.actual, Text::MonevActual) } else { (&base.evidence, Text::MonevEvidence) };
        let id = egui::Id::unique(("monev_text", program.id, year, column));
        let name = format!("{} {}", header.get(lang), program.code);
        let spec = FieldSpec::new(id, &name).width(ui.available_width() - 4.0).enabled(editable);
        if let Some(typed) = text_field(ui, &mut self.grid.drafts, spec, current, lang) {
            let mut changed = base.clone();
            if column == 6 {
                changed.actual = typed.clone()
            } else {
                changed.evidence = typed.clone()
            }
            let edit = Edit::one(edit_label(program, year), Change::Monev(MonevChange::PutRealisation(changed)));
            if let Err(problems) = self.cx.propose(edit) {
                let problem = problems[0].message.clone();
                self.grid.refused =
                    Some(Message::with(Text::MonevRefusedCell, [program.code.clone(), problem.show(lang)]));
                self.grid.drafts.refuse(id, typed, problem);
            }
        }
    }
}
