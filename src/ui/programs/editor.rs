//! The program editor: every field of one program, the yearly targets and the budget grid (years x funding
//! sources). Like the profile, each field saves when the user leaves it, as one undo step; an invalid value
//! stays in its field with the reason and is never saved.

use egui::{ComboBox, Id, RichText, Ui};

use crate::i18n::{Message, Text, format_rupiah, parse_rupiah, rupiah_short};
use crate::model::Id as ProgramId;
use crate::model::{ActionType, BudgetLine, Change, Edit, Field, FundingSource, Program, ProgramStatus, YearTarget};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, choice, problem_label, text_field};
use crate::ui::grid::{Col, FrozenGrid, GridCells};
use crate::ui::monev::{RealisationForm, default_year};
use crate::ui::names;
use crate::ui::readiness::item_question;
use crate::ui::strategy::program_strategy_row;

pub struct ProgramEditor {
    pub id: ProgramId,
    drafts: Drafts,
    /// Opened on a program just added: it reaches the workbook when the frame's edits are committed, so the
    /// editor waits one frame for it instead of closing.
    awaiting: bool,
    /// The program's realisation of one year after the signing (`ui::monev`), and which year.
    realisation: RealisationForm,
    realisation_year: Option<i32>,
}

/// A text field of a program: which field, its label, and how to read and write it.
struct ProgramText {
    field: Field,
    label: Text,
    multiline: bool,
    width: f32,
    get: fn(&Program) -> String,
    set: fn(&mut Program, String) -> Result<(), Message>,
}

fn year(text: &str) -> Result<i32, Message> {
    text.trim().parse::<i32>().map_err(|_| Message::new(Text::NotAYear))
}

/// Puts `value` into `slot`: the write of a [`ProgramText`] once its text is read.
fn put<T>(slot: &mut T, value: T) -> Result<(), Message> {
    *slot = value;
    Ok(())
}

/// A [`ProgramText`] in one line.
const fn program_text(
    field: Field,
    label: Text,
    multiline: bool,
    width: f32,
    get: fn(&Program) -> String,
    set: fn(&mut Program, String) -> Result<(), Message>,
) -> ProgramText {
    ProgramText { field, label, multiline, width, get, set }
}

/// The program's text fields in the editor's order.
#[rustfmt::skip]
const TEXTS: [ProgramText; 9] = [
    program_text(Field::ProgramName, Text::ColName, false, 420.0, |p| p.name.clone(), |p, v| put(&mut p.name, v)),
    program_text(Field::ProgramCode, Text::ColCode, false, 140.0, |p| p.code.clone(), |p, v| put(&mut p.code, v.trim().to_string())),
    program_text(Field::ProgramText, Text::Location, false, 300.0, |p| p.location.clone(), |p, v| put(&mut p.location, v)),
    program_text(Field::ProgramStart, Text::StartYear, false, 70.0, |p| p.start_year.to_string(), |p, v| put(&mut p.start_year, year(&v)?)),
    program_text(Field::ProgramEnd, Text::EndYear, false, 70.0, |p| p.end_year.to_string(), |p, v| put(&mut p.end_year, year(&v)?)),
    program_text(Field::ProgramText, Text::Description, true, 560.0, |p| p.description.clone(), |p, v| put(&mut p.description, v)),
    program_text(Field::ProgramText, Text::Outputs, true, 560.0, |p| p.outputs.clone(), |p, v| put(&mut p.outputs, v)),
    program_text(Field::ProgramText, Text::Indicator, false, 420.0, |p| p.indicator.clone(), |p, v| put(&mut p.indicator, v)),
    program_text(Field::ProgramText, Text::Baseline, false, 420.0, |p| p.indicator_baseline.clone(), |p, v| put(&mut p.indicator_baseline, v)),
];

impl ProgramEditor {
    pub fn new(id: ProgramId) -> Self {
        ProgramEditor {
            id,
            drafts: Drafts::default(),
            awaiting: false,
            realisation: RealisationForm::default(),
            realisation_year: None,
        }
    }

    /// The editor of a program handed over as an edit this frame.
    pub fn for_added(id: ProgramId) -> Self {
        ProgramEditor { awaiting: true, ..ProgramEditor::new(id) }
    }

    /// Show the editor window; returns false once it is closed or its program is gone.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &mut ViewCx<'_>) -> bool {
        let lang = cx.lang;
        let Some(program) = cx.session.workbook().program(self.id) else {
            // Still open only in the frame the program was added in (a refused addition closes it).
            return std::mem::take(&mut self.awaiting);
        };
        self.awaiting = false;
        let mut open = true;
        let title = format!("{}: {}", Text::EditProgramTitle.get(lang), program.name);
        let screen = ctx.content_rect();
        egui::Window::new(title)
            .id(Id::unique(("program_editor", self.id)))
            .open(&mut open)
            .default_size([screen.width().min(980.0) - 40.0, screen.height() - 120.0])
            .default_pos([20.0, 60.0])
            .scroll([true, true])
            .show(ctx, |ui| {
                // In an agency copy another agency's program is shown, not edited.
                let editable = cx.editable;
                if !cx.session.may_edit_program(program) {
                    let agency = program.agency_id.and_then(|a| cx.session.workbook().agency(a));
                    let name = agency.map_or_else(|| Text::NoAgency.get(lang).to_string(), |a| a.label().to_string());
                    ui.label(RichText::new(Text::OtherAgencyProgram.fill(lang, &[&name])).italics());
                    cx.editable = false;
                }
                self.contents_ui(ui, cx, program);
                cx.editable = editable;
            });
        open && cx.session.workbook().program(self.id).is_some()
    }

    fn contents_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program) {
        let lang = cx.lang;
        ui.add_enabled_ui(cx.editable, |ui| {
            egui::Grid::new(("program_fields", self.id)).num_columns(3).spacing([12.0, 6.0]).show(ui, |ui| {
                for spec in TEXTS.iter().filter(|s| !s.multiline) {
                    self.text_row(ui, cx, program, spec);
                    if spec.field == Field::ProgramCode {
                        self.placement_rows(ui, cx, program);
                    }
                }
                self.choice_rows(ui, cx, program);
                program_strategy_row(ui, cx, program);
            });
            for spec in TEXTS.iter().filter(|s| s.multiline) {
                ui.label(spec.label.get(lang));
                self.text_field(ui, cx, program, spec);
            }
            ui.add_space(8.0);
            ui.label(RichText::new(Text::YearlyTargets.get(lang)).strong());
            self.targets_ui(ui, cx, program);
            ui.add_space(8.0);
            self.readiness_links_ui(ui, cx, program);
            ui.add_space(8.0);
            ui.label(RichText::new(Text::BudgetGrid.get(lang)).strong());
            if cx.hide_money {
                // Presenting with money hidden: the budget grid is nothing but amounts.
                ui.label(RichText::new(Text::PresentMoneyHidden.get(lang)).italics().weak());
            } else {
                self.budget_ui(ui, cx, program);
            }
            ui.add_space(8.0);
            self.realisation_ui(ui, cx, program);
            ui.add_space(12.0);
            if ui.button(Text::DeleteProgram.get(lang)).clicked() {
                cx.push(Edit::one(
                    Message::with(Text::EditDeleteProgram, [program.name.clone()]),
                    Change::RemoveProgram(program.id),
                ));
            }
        });
    }

    /// What the program did in one year after the signing: the same form as the Monev view's details.
    fn realisation_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let years: Vec<i32> = workbook.profile.years().collect();
        let mut year = self.realisation_year.filter(|y| years.contains(y)).unwrap_or_else(|| default_year(workbook));
        egui::CollapsingHeader::new(RichText::new(Text::MonevRealisationSection.get(lang)).strong())
            .id_salt(("program_realisation", self.id))
            .show(ui, |ui| {
                choice(
                    ui,
                    ("program_realisation_year", self.id),
                    Text::MonevYear.get(lang),
                    &mut year,
                    &years,
                    |y| y.to_string(),
                    80.0,
                );
                self.realisation.ui(ui, cx, program, year);
            });
        self.realisation_year = Some(year);
    }

    fn text_row(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program, spec: &ProgramText) {
        ui.label(spec.label.get(cx.lang));
        let id = self.text_field(ui, cx, program, spec);
        problem_label(ui, &self.drafts, id, cx.lang);
        ui.end_row();
    }

    fn text_field(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program, spec: &ProgramText) -> Id {
        let lang = cx.lang;
        let id = Id::unique(("program", self.id, spec.label));
        let mut field = FieldSpec::new(id, spec.label.get(lang)).width(spec.width).enabled(cx.editable);
        if spec.multiline {
            field = field.multiline();
        }
        if let Some(value) = text_field(ui, &mut self.drafts, field, &(spec.get)(program), lang) {
            let mut changed = program.clone();
            match (spec.set)(&mut changed, value.clone()) {
                Err(problem) => self.drafts.refuse(id, value, problem),
                Ok(()) => {
                    // Shortening a program past budget or targets is refused with the reason, so no money
                    // disappears silently: the user clears those cells first.
                    let label = Message::with(Text::EditProgramField, [spec.label.get(lang), &program.name]);
                    self.push_checked(cx, id, value, spec.field, Edit::one(label, Change::PutProgram(changed)));
                }
            }
        }
        if spec.multiline {
            problem_label(ui, &self.drafts, id, lang);
        }
        id
    }

    /// Validate and hand over `edit`, or keep `value` in the field `id` with the problem that belongs to it.
    fn push_checked(&mut self, cx: &mut ViewCx<'_>, id: Id, value: String, field: Field, edit: Edit) {
        if let Err(problems) = cx.propose(edit) {
            let problem = problems.iter().find(|p| p.field == field).unwrap_or(&problems[0]);
            self.drafts.refuse(id, value, problem.message.clone());
        }
    }

    /// Dimension and element, always a consistent pair: choosing a dimension moves to its first element.
    fn placement_rows(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let current = workbook.dimension_of(program.element_id).map(|d| d.id);
        let mut element = program.element_id;
        ui.label(Text::ColDimension.get(lang));
        let text = current.and_then(|d| workbook.dimension(d)).map_or("?", |d| names::dimension(d, lang));
        ComboBox::from_id_salt(("editor_dimension", self.id))
            .selected_text(text)
            .width(220.0)
            .show_ui(ui, |ui| {
                for d in &workbook.dimensions {
                    if ui.selectable_label(current == Some(d.id), names::dimension(d, lang)).clicked()
                        && let Some(first) = workbook.elements_of(d.id).next()
                    {
                        element = first.id;
                    }
                }
            })
            .response
            .accessible_name(Text::ColDimension.get(lang));
        ui.label("");
        ui.end_row();
        ui.label(Text::ColElement.get(lang));
        let text = workbook.element(element).map_or("?", |e| names::element(e, lang));
        ComboBox::from_id_salt(("editor_element", self.id))
            .selected_text(text)
            .width(260.0)
            .show_ui(ui, |ui| {
                let dimension = workbook.dimension_of(element).map(|d| d.id);
                for e in workbook.elements.iter().filter(|e| Some(e.dimension_id) == dimension) {
                    ui.selectable_value(&mut element, e.id, names::element(e, lang));
                }
            })
            .response
            .accessible_name(Text::ColElement.get(lang));
        ui.label("");
        ui.end_row();
        if element != program.element_id {
            let changed = Program { element_id: element, ..program.clone() };
            let label = Message::with(Text::EditProgramField, [Text::ColElement.get(lang), &program.name]);
            cx.push(Edit::one(label, Change::PutProgram(changed)));
        }
    }

    fn choice_rows(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let mut changed = program.clone();

        ui.label(Text::ColAgency.get(lang));
        let agency_text =
            program.agency_id.and_then(|a| workbook.agency(a)).map_or(Text::NoAgency.get(lang), |a| a.label());
        ComboBox::from_id_salt(("editor_agency", self.id))
            .selected_text(agency_text)
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut changed.agency_id, None, Text::NoAgency.get(lang));
                for a in &workbook.agencies {
                    ui.selectable_value(&mut changed.agency_id, Some(a.id), a.label()).on_hover_text(&a.name);
                }
            })
            .response
            .accessible_name(Text::ColAgency.get(lang));
        ui.label(program.agency_id.and_then(|a| workbook.agency(a)).map_or("", |a| a.name.as_str()));
        ui.end_row();

        ui.label(Text::ActionType.get(lang));
        let text = |t: ActionType| t.text().get(lang).to_string();
        choice(
            ui,
            ("editor_action", self.id),
            Text::ActionType.get(lang),
            &mut changed.action_type,
            &ActionType::ALL,
            text,
            220.0,
        );
        ui.label("");
        ui.end_row();

        ui.label(Text::ColStatus.get(lang));
        let text = |s: ProgramStatus| s.text().get(lang).to_string();
        choice(
            ui,
            ("editor_status", self.id),
            Text::ColStatus.get(lang),
            &mut changed.status,
            &ProgramStatus::ALL,
            text,
            220.0,
        );
        ui.label("");
        ui.end_row();

        ui.label(Text::ColQuickWin.get(lang));
        ui.checkbox(&mut changed.quick_win, Text::QuickWinMark.get(lang));
        ui.label("");
        ui.end_row();

        if changed != *program {
            let label = Message::with(Text::EditProgramField, [Text::Details.get(lang), &program.name]);
            cx.push(Edit::one(label, Change::PutProgram(changed)));
        }
    }

    /// The readiness items this program improves: shown here and with the item's gap in the results.
    fn readiness_links_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let title = Message::with(Text::ImprovesItems, [program.readiness_items.len().to_string()]).show(lang);
        egui::CollapsingHeader::new(RichText::new(title).strong()).id_salt(("program_links", self.id)).show(ui, |ui| {
            for item in &workbook.readiness_items {
                let mut linked = program.readiness_items.contains(&item.id);
                let text = format!("{} — {}", item.code, item_question(item, lang));
                if ui.checkbox(&mut linked, text).changed() && cx.editable {
                    let mut changed = program.clone();
                    if linked {
                        changed.readiness_items.push(item.id);
                    } else {
                        changed.readiness_items.retain(|i| *i != item.id);
                    }
                    changed.normalise();
                    let label = Message::with(Text::EditProgramField, [Text::ReadinessLinks.get(lang), &program.name]);
                    cx.push(Edit::one(label, Change::PutProgram(changed)));
                }
            }
        });
    }

    fn targets_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program) {
        let lang = cx.lang;
        egui::Grid::new(("targets", self.id)).num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
            for year in program.start_year..=program.end_year {
                ui.label(year.to_string());
                let id = Id::unique(("target", self.id, year));
                let current = program.targets.iter().find(|t| t.year == year).map_or("", |t| t.target.as_str());
                let name = format!("{} {year}", Text::Target.get(lang));
                let spec = FieldSpec::new(id, &name).width(360.0).enabled(cx.editable);
                if let Some(value) = text_field(ui, &mut self.drafts, spec, current, lang) {
                    let mut changed = program.clone();
                    changed.targets.retain(|t| t.year != year);
                    changed.targets.push(YearTarget { year, target: value.trim().to_string() });
                    changed.normalise();
                    let label = Message::with(Text::EditProgramField, [&name, &program.name]);
                    self.push_checked(
                        cx,
                        id,
                        value,
                        Field::ProgramTargets,
                        Edit::one(label, Change::PutProgram(changed)),
                    );
                }
                problem_label(ui, &self.drafts, id, lang);
                ui.end_row();
            }
        });
    }

    /// Years down, funding sources across, with totals per year and per source. The years stay in view when
    /// the sources scroll sideways, and every header and total has its column's width.
    fn budget_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program) {
        let lang = cx.lang;
        for year in program.start_year..=program.end_year {
            for source in FundingSource::ALL {
                if let Some(problem) = self.drafts.problem(budget_id(self.id, year, source)) {
                    let cell = format!("{} {} {year}", Text::BudgetCell.get(lang), source.text().get(lang));
                    ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {cell}: {}", problem.show(lang)));
                }
            }
        }
        let mut columns = vec![Col::new(56.0, 48.0)];
        columns.extend(FundingSource::ALL.map(|_| Col::new(118.0, 90.0)));
        columns.push(Col::new(110.0, 90.0));
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let grid = FrozenGrid {
            id: "program_budget",
            columns: &columns,
            labels: 1,
            header_height: 2.0 * line + 6.0,
            row_height: line + 10.0,
            rows: (program.end_year - program.start_year + 2).max(1) as usize,
            scroll: false,
            to_top: false,
        };
        grid.show(ui, &mut BudgetCells { editor: self, cx, program });
        let outside: Vec<i32> = program
            .budget
            .iter()
            .map(|l| l.year)
            .filter(|y| !(program.start_year..=program.end_year).contains(y))
            .collect();
        if !outside.is_empty() {
            ui.colored_label(
                ui.visuals().error_fg_color,
                Message::with(Text::BudgetOutsideYears, [format!("{outside:?}")]).show(lang),
            );
        }
    }
}

fn budget_id(program: ProgramId, year: i32, source: FundingSource) -> Id {
    Id::unique(("budget", program, year, source))
}

/// The budget grid's cells: the year, one field per funding source, the year's total; a last row of totals.
struct BudgetCells<'e, 'c, 'a, 'p> {
    editor: &'e mut ProgramEditor,
    cx: &'c mut ViewCx<'a>,
    program: &'p Program,
}

impl GridCells for BudgetCells<'_, '_, '_, '_> {
    fn header(&mut self, column: usize, ui: &mut Ui) {
        let lang = self.cx.lang;
        let text = match column.checked_sub(1).and_then(|i| FundingSource::ALL.get(i)) {
            Some(source) => source.text().get(lang),
            None if column == 0 => Text::Year.get(lang),
            None => Text::Total.get(lang),
        };
        ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
    }

    fn cell(&mut self, row: usize, column: usize, ui: &mut Ui) {
        let program = self.program;
        let year = program.start_year + row as i32;
        let total_row = year > program.end_year;
        let source = column.checked_sub(1).and_then(|i| FundingSource::ALL.get(i).copied());
        match (total_row, source) {
            (true, None) if column == 0 => {
                ui.label(RichText::new(Text::Total.get(self.cx.lang)).strong());
            }
            (true, None) => {
                ui.label(RichText::new(rupiah_short(program.total_cost(), self.cx.lang)).strong());
            }
            (true, Some(source)) => {
                let sum =
                    program.budget.iter().filter(|l| l.source == source).fold(0i64, |s, l| s.saturating_add(l.amount));
                ui.label(if sum == 0 { String::new() } else { rupiah_short(sum, self.cx.lang) });
            }
            (false, None) if column == 0 => {
                ui.label(year.to_string());
            }
            (false, None) => {
                ui.label(rupiah_short(program.cost_in_year(year), self.cx.lang));
            }
            (false, Some(source)) => self.field_ui(ui, year, source),
        }
    }
}

impl BudgetCells<'_, '_, '_, '_> {
    /// The amount of one year and source, saved when the user leaves the field.
    fn field_ui(&mut self, ui: &mut Ui, year: i32, source: FundingSource) {
        let (lang, program) = (self.cx.lang, self.program);
        let id = budget_id(program.id, year, source);
        let amount = program.amount(year, source);
        let current =
            if amount == 0 { String::new() } else { format_rupiah(amount).trim_start_matches("Rp ").to_string() };
        let name = format!("{} {} {year}", Text::BudgetCell.get(lang), source.text().get(lang));
        let spec = FieldSpec::new(id, &name).width(ui.available_width() - 4.0).enabled(self.cx.editable);
        let Some(value) = text_field(ui, &mut self.editor.drafts, spec, &current, lang) else { return };
        let parsed =
            if value.trim().is_empty() { Ok(0) } else { parse_rupiah(&value).map_err(|e| Message::new(e.text())) };
        match parsed {
            Err(problem) => self.editor.drafts.refuse(id, value, problem),
            Ok(amount) => {
                let mut changed = program.clone();
                changed.budget.retain(|l| !(l.year == year && l.source == source));
                changed.budget.push(BudgetLine { year, source, amount });
                changed.normalise();
                let label = Message::with(Text::EditProgramField, [&name, &program.name]);
                let edit = Edit::one(label, Change::PutProgram(changed));
                self.editor.push_checked(self.cx, id, value, Field::ProgramBudget, edit);
            }
        }
    }
}
