//! Readiness results: the weighted index overall, per pillar and per dimension with its band, rounds side by
//! side, the charts, and the weakest items first, each with the programs that address it (linkable here and
//! in the program editor).

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{RichText, Ui};

use super::gaps::gaps_ui;
use crate::analysis::readiness::{Index, RoundResult, band_of, round_result};
use crate::charts::Chart;
use crate::charts::of_workbook;
use crate::i18n::{Lang, Message, Text, format_decimal};
use crate::model::{Id, Workbook};
use crate::ui::charts::ChartTextures;
use crate::ui::grid::TextGrid;
use crate::ui::{ViewCx, names};

/// Charts with the names the app saves them under.
type Named = Vec<(String, Box<dyn Chart>)>;

#[derive(Default)]
pub struct ResultsCache {
    key: Option<(PathBuf, u64, Option<Id>)>,
    result: RoundResult,
    /// Index per dimension for every round, for the comparison and the radar.
    per_round: Vec<(Id, Vec<Index>)>,
    charts: ChartTextures,
    /// The charts of `result`, built once per revision, round and language, not per frame.
    built: Option<(Lang, Named)>,
    link_choice: HashMap<Id, Option<Id>>,
}

/// "2,34 · Cukup", or "–" when there is no index.
pub fn index_text(workbook: &Workbook, index: &Index, lang: Lang) -> String {
    match index.value {
        None => "–".to_string(),
        Some(value) => match band_of(&workbook.bands, value) {
            Some(band) => format!(
                "{} · {}",
                format_decimal(value, 2),
                if lang == Lang::En { &band.name_en } else { &band.name_id }
            ),
            None => format_decimal(value, 2),
        },
    }
}

impl ResultsCache {
    fn refresh(&mut self, cx: &ViewCx<'_>, round: Option<Id>) {
        let key = (cx.session.path().to_path_buf(), cx.session.revision(), round);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let workbook = cx.session.workbook();
        self.result = round.map(|r| round_result(workbook, r)).unwrap_or_default();
        self.per_round = of_workbook::indices_by_round(workbook);
        self.charts.invalidate();
        self.built = None;
        self.key = Some(key);
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, round: Option<Id>) {
        let lang = cx.lang;
        self.refresh(cx, round);
        if round.is_none() {
            ui.label(Text::NoRoundYet.get(lang));
            return;
        }
        let result = self.result.clone();
        egui::ScrollArea::vertical().id_salt("readiness_results").auto_shrink(false).show(ui, |ui| {
            self.indices_ui(ui, cx, &result);
            ui.add_space(10.0);
            if self.built.as_ref().is_none_or(|(built_in, _)| *built_in != lang) {
                self.built = Some((lang, charts(cx.session.workbook(), &result, &self.per_round, lang)));
            }
            if let Some((_, charts)) = &self.built {
                self.charts.ui(ui, charts, lang);
            }
            ui.add_space(10.0);
            gaps_ui(ui, cx, &result, &mut self.link_choice);
        });
    }

    /// The overall index, how many items are answered, and the index by pillar and by dimension per round.
    fn indices_ui(&self, ui: &mut Ui, cx: &ViewCx<'_>, result: &RoundResult) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.label(
            RichText::new(format!("{}: {}", Text::OverallIndex.get(lang), index_text(workbook, &result.overall, lang)))
                .size(22.0)
                .strong(),
        );
        ui.label(
            Message::with(Text::Answered, [result.overall.answered.to_string(), result.overall.total.to_string()])
                .show(lang),
        );
        ui.add_space(8.0);
        ui.columns(2, |columns| {
            by_pillar_ui(&mut columns[0], workbook, result, lang);
            let ui = &mut columns[1];
            ui.label(RichText::new(Text::IndexByDimension.get(lang)).strong());
            // Rounds side by side: the dimensions stay in view when the rounds scroll sideways.
            let mut headers = vec![RichText::new("")];
            headers.extend(workbook.rounds.iter().map(|r| RichText::new(r.label()).strong()));
            let rows = workbook
                .dimensions
                .iter()
                .enumerate()
                .map(|(row, d)| {
                    let mut cells = vec![RichText::new(names::dimension(d, lang)).color(names::color(&d.color))];
                    cells.extend(self.per_round.iter().map(|(_, indices)| {
                        RichText::new(
                            indices.get(row).map_or_else(|| "–".to_string(), |i| index_text(workbook, i, lang)),
                        )
                    }));
                    cells
                })
                .collect();
            let mut widths = vec![170.0];
            widths.extend(workbook.rounds.iter().map(|_| 130.0));
            TextGrid { headers, rows }.show(ui, "readiness_by_dimension", &widths, 2);
        });
    }
}

/// The index of each pillar and of the general items.
fn by_pillar_ui(ui: &mut Ui, workbook: &Workbook, result: &RoundResult, lang: Lang) {
    ui.label(RichText::new(Text::IndexByPillar.get(lang)).strong());
    egui::Grid::new("by_pillar").striped(true).show(ui, |ui| {
        for (pillar, index) in &result.by_pillar {
            ui.label(pillar.text().get(lang));
            ui.label(index_text(workbook, index, lang));
            ui.end_row();
        }
        ui.label(Text::General.get(lang));
        ui.label(index_text(workbook, &result.general, lang));
        ui.end_row();
    });
}

/// The readiness charts, built by [`of_workbook::readiness`] as the books and the export build them: the radar
/// of every round, the dimension x pillar grid and the largest gaps of the round shown.
fn charts(workbook: &Workbook, result: &RoundResult, per_round: &[(Id, Vec<Index>)], lang: Lang) -> Named {
    of_workbook::readiness(workbook, result, per_round, lang)
        .into_iter()
        .map(|(kind, chart)| (kind.key().to_string(), chart))
        .collect()
}
