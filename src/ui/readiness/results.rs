//! Readiness results: the weighted index overall, per pillar and per dimension with its band, rounds side by
//! side, the charts, and the weakest items first, each with the programs that address it (linkable here and
//! in the program editor).

use egui::{RichText, Ui};

use super::scoring::{level_color, pillar_text, question};
use crate::analysis::readiness::{Index, RoundResult, band_of, round_result};
use crate::charts::Chart;
use crate::charts::readiness::{GapBarChart, HeatmapChart, RadarChart, RadarSeries};
use crate::i18n::{Lang, Message, Text, format_decimal};
use crate::model::Pillar;
use crate::model::{Change, Edit, Id, Workbook};
use crate::ui::charts::ChartTextures;
use crate::ui::{ViewCx, names};

/// Gaps listed on screen; the rest are counted.
const GAPS_SHOWN: usize = 15;

#[derive(Default)]
pub struct ResultsCache {
    key: Option<(std::path::PathBuf, u64, Option<Id>)>,
    result: RoundResult,
    /// Index per dimension for every round, for the comparison and the radar.
    per_round: Vec<(Id, Vec<Index>)>,
    charts: ChartTextures,
    link_choice: std::collections::HashMap<Id, Option<Id>>,
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
        self.per_round = workbook
            .rounds
            .iter()
            .map(|r| (r.id, round_result(workbook, r.id).by_dimension.into_iter().map(|(_, i)| i).collect()))
            .collect();
        self.charts.invalidate();
        self.key = Some(key);
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, round: Option<Id>) {
        let lang = cx.lang;
        self.refresh(cx, round);
        let workbook = cx.session.workbook();
        if round.is_none() {
            ui.label(Text::NoRoundYet.get(lang));
            return;
        }
        let result = self.result.clone();
        egui::ScrollArea::vertical().id_salt("readiness_results").auto_shrink(false).show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    Text::OverallIndex.get(lang),
                    index_text(workbook, &result.overall, lang)
                ))
                .size(22.0)
                .strong(),
            );
            ui.label(
                Message::with(Text::Answered, [result.overall.answered.to_string(), result.overall.total.to_string()])
                    .show(lang),
            );
            ui.add_space(8.0);
            ui.columns(2, |columns| {
                let ui = &mut columns[0];
                ui.label(RichText::new(Text::IndexByPillar.get(lang)).strong());
                egui::Grid::new("by_pillar").striped(true).show(ui, |ui| {
                    for (pillar, index) in &result.by_pillar {
                        ui.label(pillar_text(*pillar).get(lang));
                        ui.label(index_text(workbook, index, lang));
                        ui.end_row();
                    }
                    ui.label(Text::General.get(lang));
                    ui.label(index_text(workbook, &result.general, lang));
                    ui.end_row();
                });
                let ui = &mut columns[1];
                ui.label(RichText::new(Text::IndexByDimension.get(lang)).strong());
                egui::Grid::new("by_dimension").striped(true).show(ui, |ui| {
                    ui.label("");
                    for r in &workbook.rounds {
                        ui.label(RichText::new(format!("{} ({})", r.name, r.year)).strong());
                    }
                    ui.end_row();
                    for (row, d) in workbook.dimensions.iter().enumerate() {
                        ui.label(RichText::new(names::dimension(d, lang)).color(names::color(&d.color)));
                        for (_, indices) in &self.per_round {
                            ui.label(
                                indices.get(row).map_or_else(|| "–".to_string(), |i| index_text(workbook, i, lang)),
                            );
                        }
                        ui.end_row();
                    }
                });
            });
            ui.add_space(10.0);
            self.charts.ui(ui, &charts(workbook, &result, &self.per_round, lang), lang);
            ui.add_space(10.0);
            ui.label(RichText::new(Text::WeakestItems.get(lang)).strong().size(17.0));
            if result.gaps.is_empty() {
                ui.label(Text::NoGaps.get(lang));
            }
            for gap in result.gaps.iter().take(GAPS_SHOWN) {
                let Some(item) = workbook.readiness_item(gap.item) else { continue };
                ui.group(|ui| {
                    ui.set_max_width(ui.available_width());
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!(" {} ", gap.level))
                                .color(egui::Color32::WHITE)
                                .background_color(level_color(gap.level))
                                .strong(),
                        );
                        ui.label(
                            RichText::new(format!("→ {} ({} {})", gap.target, Text::Gap.get(lang), gap.gap)).strong(),
                        );
                        ui.label(RichText::new(&item.code).weak());
                        crate::ui::strategy::turn_into_issue_ui(ui, cx, gap.item);
                    });
                    ui.add(egui::Label::new(question(item, lang)).wrap());
                    self.links_ui(ui, cx, gap.item);
                });
            }
            if result.gaps.len() > GAPS_SHOWN {
                ui.label(Message::with(Text::MoreGaps, [(result.gaps.len() - GAPS_SHOWN).to_string()]).show(lang));
            }
        });
    }

    /// The programs that address an item, with a way to link one more or unlink one.
    fn links_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, item: Id) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(Text::AddressedBy.get(lang)).weak());
            let linked: Vec<_> = workbook.programs.iter().filter(|p| p.readiness_items.contains(&item)).collect();
            if linked.is_empty() {
                ui.label(RichText::new(Text::NoProgramYet.get(lang)).italics());
            }
            for program in &linked {
                ui.label(RichText::new(&program.name).strong());
                let unlink = ui.add_enabled(cx.editable, egui::Button::new("✖").small());
                if unlink.accessible_name(Message::with(Text::Unlink, [program.name.clone()]).show(lang)).clicked() {
                    let mut changed = (*program).clone();
                    changed.readiness_items.retain(|i| *i != item);
                    cx.edits.push(Edit::one(
                        Message::with(Text::EditUnlinkProgram, [program.name.clone()]),
                        Change::PutProgram(changed),
                    ));
                }
            }
            let choice = self.link_choice.entry(item).or_default();
            let text =
                choice.and_then(|p| workbook.program(p)).map_or(Text::ChooseProgram.get(lang), |p| p.name.as_str());
            egui::ComboBox::from_id_salt(("link_program", item))
                .selected_text(text)
                .width(260.0)
                .show_ui(ui, |ui| {
                    for p in workbook.programs.iter().filter(|p| !p.readiness_items.contains(&item)) {
                        ui.selectable_value(choice, Some(p.id), &p.name);
                    }
                })
                .response
                .accessible_name(Text::ChooseProgram.get(lang));
            if ui.add_enabled(cx.editable && choice.is_some(), egui::Button::new(Text::Link.get(lang))).clicked()
                && let Some(program) = choice.and_then(|p| workbook.program(p))
            {
                let mut changed = program.clone();
                changed.readiness_items.push(item);
                changed.normalise();
                cx.edits.push(Edit::one(
                    Message::with(Text::EditLinkProgram, [program.name.clone()]),
                    Change::PutProgram(changed),
                ));
                *choice = None;
            }
        });
    }
}

const GAPS_CHARTED: usize = 10;

/// Round colours for the radar, in round order.
const ROUND_COLORS: [[u8; 3]; 6] = [
    [0x2E, 0x5E, 0xAA],
    [0xD9, 0x82, 0x2B],
    [0x3A, 0x7F, 0x2E],
    [0xB8, 0x3A, 0x3A],
    [0x7D, 0x4A, 0x9E],
    [0x23, 0x89, 0x7D],
];

/// The readiness charts: the radar of every round, the dimension x pillar grid, the largest gaps.
fn charts(
    workbook: &Workbook,
    result: &RoundResult,
    per_round: &[(Id, Vec<Index>)],
    lang: Lang,
) -> Vec<(String, Box<dyn Chart>)> {
    let axes: Vec<String> = workbook.dimensions.iter().map(|d| names::dimension(d, lang).to_string()).collect();
    let series = per_round
        .iter()
        .enumerate()
        .map(|(i, (round, indices))| RadarSeries {
            name: workbook.round(*round).map_or_else(String::new, |r| format!("{} ({})", r.name, r.year)),
            color: ROUND_COLORS[i % ROUND_COLORS.len()],
            values: indices.iter().map(|x| x.value).collect(),
        })
        .collect();
    let radar =
        RadarChart { title: Text::ChartRadarTitle.get(lang).to_string(), axes: axes.clone(), scale_max: 5.0, series };
    let mut rows = axes;
    rows.push(Text::General.get(lang).to_string());
    let pillar_names =
        Pillar::ALL.iter().map(|p| crate::ui::readiness::pillar_name(*p).get(lang).to_string()).collect();
    let heatmap = HeatmapChart {
        title: Text::ChartHeatmapTitle.get(lang).to_string(),
        rows,
        columns: pillar_names,
        values: result.grid.iter().map(|row| row.iter().map(|x| x.value).collect()).collect(),
        scale_max: 5.0,
    };
    let gaps: Vec<_> = result
        .gaps
        .iter()
        .take(GAPS_CHARTED)
        .filter_map(|g| workbook.readiness_item(g.item).map(|i| (i, g.gap)))
        .collect();
    let bars = GapBarChart {
        title: Text::ChartGapsTitle.get(lang).to_string(),
        labels: gaps.iter().map(|(i, _)| i.code.clone()).collect(),
        gaps: gaps.iter().map(|(_, g)| f64::from(*g)).collect(),
        axis_label: Text::ChartGapsAxis.get(lang).to_string(),
    };
    vec![
        ("radar".to_string(), Box::new(radar) as Box<dyn Chart>),
        ("heatmap".to_string(), Box::new(heatmap)),
        ("gaps".to_string(), Box::new(bars)),
    ]
}
