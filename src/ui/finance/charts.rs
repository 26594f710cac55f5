//! The finance charts in the app: revenue composition over the history, the projection with its scenario
//! band, the programs' cost by dimension against the envelope, and the funding mix of the programs, built by
//! [`of_workbook::finance`] (as the books and the export build them) once per workbook revision and language.

use egui::Ui;

use crate::analysis::finance::FinanceAnalysis;
use crate::charts::Chart;
use crate::charts::of_workbook::{self, Kind};
use crate::i18n::Lang;
use crate::model::Workbook;
use crate::ui::charts::ChartTextures;

type Named = Vec<(String, Box<dyn Chart>)>;

/// The charts as built in one language: the history tab's and the projection tab's.
struct Built {
    lang: Lang,
    history: Named,
    projection: Named,
}

#[derive(Default)]
pub struct FinanceCharts {
    history: ChartTextures,
    projection: ChartTextures,
    /// Built once per workbook revision and language, not per frame.
    built: Option<Built>,
}

impl FinanceCharts {
    pub fn invalidate(&mut self) {
        self.history.invalidate();
        self.projection.invalidate();
        self.built = None;
    }

    fn build(&mut self, workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) {
        if self.built.as_ref().is_some_and(|b| b.lang == lang) {
            return;
        }
        let (mut history, mut projection) = (Named::new(), Named::new());
        for (kind, chart) in of_workbook::finance(workbook, analysis, lang) {
            let tab = if kind == Kind::Revenue { &mut history } else { &mut projection };
            tab.push((kind.key().to_string(), chart));
        }
        self.built = Some(Built { lang, history, projection });
    }

    /// Revenue by part per year of history.
    pub fn apbd_ui(&mut self, ui: &mut Ui, workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) {
        self.build(workbook, analysis, lang);
        if let Some(built) = &self.built {
            self.history.ui(ui, &built.history, lang);
        }
    }

    /// The projection, the cost against the envelope, and the funding mix.
    pub fn projection_ui(&mut self, ui: &mut Ui, workbook: &Workbook, analysis: &FinanceAnalysis, lang: Lang) {
        self.build(workbook, analysis, lang);
        if let Some(built) = &self.built {
            self.projection.ui(ui, &built.projection, lang);
        }
    }
}
