//! Readiness results: the weighted index overall, per pillar and per dimension with its band, rounds side by
//! side, the charts, and the weakest items first, each with the programs that address it (linkable here and
//! in the program editor).

use egui::{RichText, Ui};

use super::scoring::{level_color, question};
use crate::analysis::readiness::{Index, RoundResult, band_of, round_result};
use crate::charts::Chart;
use crate::charts::of_workbook;
use crate::i18n::{Lang, Message, Text, format_decimal};
use crate::model::{Change, Edit, Id, Workbook};
use crate::ui::charts::ChartTextures;
use crate::ui::{ViewCx, names};

/// Gaps listed on screen; the rest are counted.
const GAPS_SHOWN: usize = 15;

/// Charts with the names the app saves them under.
type Named = Vec<(String, Box<dyn Chart>)>;

#[derive(Default)]
pub struct ResultsCache {
    key: Option<(std::path::PathBuf, u64, Option<Id>)>,
    result: RoundResult,
    /// Index per dimension for every round, for the comparison and the radar.
    per_round: Vec<(Id, Vec<Index>)>,
    charts: ChartTextures,
    /// The charts of `result`, built once per revision, round and language, not per frame.
    built: Option<(Lang, Named)>,
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
        self.per_round = of_workbook::indices_by_round(workbook);
        self.charts.invalidate();
        self.built = None;
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
                        ui.label(pillar.text().get(lang));
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
            if self.built.as_ref().is_none_or(|(built_in, _)| *built_in != lang) {
                self.built = Some((lang, charts(workbook, &result, &self.per_round, lang)));
            }
            if let Some((_, charts)) = &self.built {
                self.charts.ui(ui, charts, lang);
            }
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

/// The readiness charts, built by [`of_workbook::readiness`] as the books and the export build them: the radar
/// of every round, the dimension x pillar grid and the largest gaps of the round shown.
fn charts(workbook: &Workbook, result: &RoundResult, per_round: &[(Id, Vec<Index>)], lang: Lang) -> Named {
    of_workbook::readiness(workbook, result, per_round, lang)
        .into_iter()
        .map(|(kind, chart)| (kind.key().to_string(), chart))
        .collect()
}
