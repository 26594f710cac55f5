//! The Monev view: the ten years after the signing. Realisation of every program in the chosen year (a grid,
//! and the details of one program in a window), the dashboards of that year and across years, and the
//! ministry's yearly evaluation. The figures (`analysis::monev`) are computed once per workbook revision and
//! the charts drawn once per change, never per frame.

mod dashboard;
mod evaluation;
mod form;
mod framework;
mod grid;
mod import;
mod money;

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::analysis::monev::{MonevFigures, monev_figures};
use crate::i18n::{Message, Text};
use crate::model::{Id, Workbook};
use crate::ui::ViewCx;
use crate::ui::charts::ChartTextures;
use crate::ui::fields::choice;
use crate::ui::section::view_heading;
use crate::ui::theme;

pub use form::RealisationForm;

use dashboard::dashboard_ui;
use evaluation::EvaluationForm;
use grid::{OpenDetails, RealisationGrid};
use import::RealisationImport;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Realisation,
    Dashboard,
    Evaluation,
    /// Realisation from the spreadsheets agencies send.
    Import,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Realisation, Tab::Dashboard, Tab::Evaluation, Tab::Import];

    fn label(self) -> Text {
        match self {
            Tab::Realisation => Text::MonevTabRealisation,
            Tab::Dashboard => Text::MonevTabDashboard,
            Tab::Evaluation => Text::MonevTabEvaluation,
            Tab::Import => Text::MonevTabImport,
        }
    }
}

/// The details window of one program's realisation in one year.
struct Details {
    program: Id,
    year: i32,
    form: RealisationForm,
}

#[derive(Default)]
pub struct MonevView {
    pub tab: Tab,
    /// The year shown; `None` until the view first sees a workbook (then the latest year reported).
    year: Option<i32>,
    figures: Option<(PathBuf, u64, MonevFigures)>,
    grid: RealisationGrid,
    details: Option<Details>,
    evaluation: EvaluationForm,
    import: RealisationImport,
    charts: ChartTextures,
}

/// The year the view opens on: the latest with anything reported, else the masterplan's first.
pub fn default_year(workbook: &Workbook) -> i32 {
    let period = workbook.profile.years();
    let reported = workbook.monev.realisations.iter().map(|r| r.year).filter(|y| period.contains(y)).max();
    reported.unwrap_or(workbook.profile.period_start)
}

impl MonevView {
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let period = workbook.profile.years();
        let year = self.year.filter(|y| period.contains(y)).unwrap_or_else(|| default_year(workbook));
        self.year = Some(year);
        ui.horizontal_wrapped(|ui| {
            view_heading(ui, Text::NavMonev.get(lang));
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label().get(lang)).clicked() {
                    self.tab = tab;
                }
            }
            if self.tab != Tab::Import {
                ui.separator();
                self.year_ui(ui, cx, year);
            }
            if self.tab == Tab::Realisation {
                ui.separator();
                ui.add(
                    egui::TextEdit::singleline(&mut self.grid.search)
                        .hint_text(Text::MonevSearch.get(lang))
                        .desired_width(200.0),
                )
                .on_hover_text(Text::MonevSearch.get(lang));
            }
        });
        // Presented, the bar's badge already says the workbook is an example.
        if workbook.profile.is_example && !workbook.monev.realisations.is_empty() && !theme::presenting(ui.ctx()) {
            ui.label(RichText::new(Text::MonevExample.get(lang)).weak().italics());
        }
        ui.separator();
        match self.tab {
            Tab::Realisation => {
                if let Some(open) = self.grid.ui(ui, cx, year) {
                    self.open_details(open, year);
                }
            }
            Tab::Dashboard => {
                self.refresh_figures(cx);
                if let Some((_, _, figures)) = &self.figures {
                    dashboard_ui(ui, cx, figures, year, &mut self.charts);
                }
            }
            Tab::Evaluation => {
                self.refresh_figures(cx);
                if let Some((_, _, figures)) = &self.figures {
                    self.evaluation.ui(ui, cx, figures, year);
                }
            }
            Tab::Import => self.import.ui(ui, cx),
        }
        self.details_ui(ui.ctx(), cx);
    }

    /// The figures of the workbook as it is: computed once per revision, and only for the tabs that show
    /// them (at 10,000 programs x 10 years they take about a quarter of a second; typing in the grid must
    /// not wait for them).
    fn refresh_figures(&mut self, cx: &ViewCx<'_>) {
        let (path, revision) = (cx.session.path().to_path_buf(), cx.session.revision());
        if self.figures.as_ref().is_none_or(|(p, r, _)| *p != path || *r != revision) {
            self.figures = Some((path, revision, monev_figures(cx.session.workbook())));
            self.charts.invalidate();
        }
    }

    /// Previous and next year, and the year itself: the charts and tables follow.
    fn year_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, year: i32) {
        let lang = cx.lang;
        let period = cx.session.workbook().profile.years();
        if ui
            .add_enabled(year > *period.start(), egui::Button::new("◀"))
            .on_hover_text(Text::MonevPreviousYear.get(lang))
            .accessible_name(Text::MonevPreviousYear.get(lang))
            .clicked()
        {
            self.year = Some(year - 1);
        }
        let mut chosen = year;
        let years: Vec<i32> = period.clone().collect();
        choice(ui, "monev_year", Text::MonevYear.get(lang), &mut chosen, &years, |y| y.to_string(), 80.0);
        if ui
            .add_enabled(year < *period.end(), egui::Button::new("▶"))
            .on_hover_text(Text::MonevNextYear.get(lang))
            .accessible_name(Text::MonevNextYear.get(lang))
            .clicked()
        {
            chosen = year + 1;
        }
        if chosen != year {
            self.year = Some(chosen);
        }
    }

    fn open_details(&mut self, open: OpenDetails, year: i32) {
        let mut form = RealisationForm::default();
        if let Some(status) = open.pending {
            form.pending = Some((open.program, year, status));
        }
        self.details = Some(Details { program: open.program, year, form });
    }

    fn details_ui(&mut self, ctx: &egui::Context, cx: &mut ViewCx<'_>) {
        let Some(details) = &mut self.details else { return };
        let lang = cx.lang;
        let Some(program) = cx.session.workbook().program(details.program) else {
            self.details = None;
            return;
        };
        let mut open = true;
        let title = Message::with(Text::MonevDetailsTitle, [program.code.clone(), details.year.to_string()]).show(lang);
        egui::Window::new(title)
            .id(egui::Id::unique(("monev_details", details.program, details.year)))
            .open(&mut open)
            .default_width(640.0)
            .scroll([false, true])
            .show(ctx, |ui| {
                ui.label(RichText::new(&program.name).strong());
                let editable = cx.editable;
                cx.editable &= cx.session.may_edit_program(program);
                details.form.ui(ui, cx, program, details.year);
                cx.editable = editable;
            });
        if !open {
            self.details = None;
        }
    }
}
