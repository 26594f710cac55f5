//! The ranking by weighted score, as a table (virtualised) or as the value-for-money chart; built to be
//! presented: large rows, ties explained, money hidden on request.

use std::path::PathBuf;
use std::rc::Rc;
use std::sync::mpsc::Receiver;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

use super::{money, program_color, program_label, score_text, years_ui};
use crate::analysis::quick_wins::{Ranked, TieBreak, Window};
use crate::charts::of_workbook;
use crate::charts::quick_wins::ValueForMoneyChart;
use crate::charts::{Chart, to_rgba, with_min_scale};
use crate::i18n::{Lang, Message, Text};
use crate::model::Id;
use crate::ui::charts::{min_chart_scale, save as save_chart};
use crate::ui::file_dialog::browse_in_background;
use crate::ui::{ViewCx, theme};

#[derive(Default)]
pub struct RankingPanel {
    pub show_chart: bool,
    texture: Option<egui::TextureHandle>,
    drawn: Option<DrawnKey>,
    /// The chart and what it was built from: built again only when that changed, not every frame.
    chart: Option<(ChartKey, Rc<ValueForMoneyChart>)>,
    /// How often the chart was built (a test sees the cache reused).
    chart_builds: usize,
    failed: Option<String>,
    /// A save dialog running in the background.
    saving: Option<Receiver<Option<PathBuf>>>,
    saved: Option<Message>,
}

pub fn tie_text(tie: TieBreak) -> Text {
    match tie {
        TieBreak::Votes => Text::QwTieVotes,
        TieBreak::Cost => Text::QwTieCost,
        TieBreak::Code => Text::QwTieCode,
    }
}

impl RankingPanel {
    /// The ranking; the chart draws the picker's `cap` and fills its current `set`.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCx<'_>,
        ranked: &[Ranked],
        window: Window,
        years: &mut u8,
        cap: i64,
        set: &[Id],
    ) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.show_chart, false, Text::QwAsTable.get(lang));
            ui.selectable_value(&mut self.show_chart, true, Text::QwAsChart.get(lang));
            ui.separator();
            years_ui(ui, cx, years, window);
        });
        // Presented, the rules of the ranking are said once (they stay on the editing screen and in the
        // minutes) and the rows get the screen.
        if !theme::presenting(ui.ctx()) {
            let scored = ranked.iter().filter(|r| r.rank.is_some()).count();
            let counts = [scored.to_string(), ranked.len().to_string()];
            ui.label(RichText::new(Text::QwRankingSummary.fill(lang, &[&counts[0], &counts[1]])).weak());
        }
        if self.show_chart {
            self.chart_ui(ui, cx, ranked, window, cap, set);
        } else {
            table_ui(ui, cx, ranked);
        }
    }

    /// The chart drawn to fill the room it has (larger on a projector), rendered again only when its data,
    /// language or size changed.
    fn chart_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, ranked: &[Ranked], window: Window, cap: i64, set: &[Id]) {
        let chart = self.chart(cx, ranked, window, cap, set);
        self.save_ui(ui, cx, &chart);
        let width = ui.available_width().clamp(320.0, 1600.0);
        let height = (ui.available_height() - 8.0).clamp(240.0, width * 0.62);
        let scale = ui.ctx().pixels_per_point();
        let pixels = [(width * scale).round() as u32, (height * scale).round() as u32];
        let key = DrawnKey { chart: self.chart.as_ref().expect("just built").0.clone(), pixels };
        if self.drawn.as_ref() != Some(&key) || self.texture.is_none() {
            match with_min_scale(min_chart_scale(ui), || to_rgba(chart.as_ref(), pixels[0], pixels[1])) {
                Ok(rgba) => {
                    let image =
                        egui::ColorImage::from_rgba_unmultiplied([pixels[0] as usize, pixels[1] as usize], &rgba);
                    self.texture =
                        Some(ui.ctx().load_texture("qw-value-for-money", image, egui::TextureOptions::LINEAR));
                    self.failed = None;
                }
                Err(e) => self.failed = Some(e),
            }
            self.drawn = Some(key);
        }
        if let Some(error) = &self.failed {
            ui.colored_label(ui.visuals().error_fg_color, Text::ChartFailed.fill(cx.lang, &[error]));
        }
        let Some(texture) = &self.texture else { return };
        let image =
            ui.add(egui::Image::new(texture).fit_to_exact_size(egui::vec2(width, height)).sense(egui::Sense::hover()));
        // The program under the pointer, read out by the chart from its own layout.
        if let Some(pointer) = image.hover_pos() {
            let x = f64::from((pointer.x - image.rect.left()) / image.rect.width()) * f64::from(pixels[0]);
            let y = f64::from((pointer.y - image.rect.top()) / image.rect.height()) * f64::from(pixels[1]);
            if let Some(text) = with_min_scale(min_chart_scale(ui), || chart.readout(pixels[0], pixels[1], x, y)) {
                image.on_hover_text_at_pointer(text);
            }
        }
    }
}

impl RankingPanel {
    /// The chart of `ranked` (which follows the workbook and `window`), built only when its inputs changed.
    fn chart(
        &mut self,
        cx: &ViewCx<'_>,
        ranked: &[Ranked],
        window: Window,
        cap: i64,
        set: &[Id],
    ) -> Rc<ValueForMoneyChart> {
        let key = ChartKey {
            path: cx.session.path().to_path_buf(),
            revision: cx.session.revision(),
            window,
            hide_money: cx.hide_money,
            cap,
            set: set.to_vec(),
            lang: cx.lang,
        };
        if let Some((built, chart)) = &self.chart
            && *built == key
        {
            return chart.clone();
        }
        let workbook = cx.session.workbook();
        let chart = of_workbook::value_for_money(workbook, ranked, window, Some(cap), set, cx.hide_money, cx.lang);
        let chart = Rc::new(chart);
        self.chart_builds += 1;
        self.chart = Some((key, chart.clone()));
        chart
    }

    /// Save the same picture as SVG or PNG (print size), chosen by the file's extension.
    fn save_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, chart: &ValueForMoneyChart) {
        let lang = cx.lang;
        if let Some(receiver) = &self.saving
            && let Ok(chosen) = receiver.try_recv()
        {
            self.saving = None;
            if let Some(path) = chosen {
                self.saved = Some(save_chart(chart, &path));
            }
        }
        ui.horizontal(|ui| {
            for (label, extension) in [(Text::SaveSvg, "svg"), (Text::SavePng, "png")] {
                if ui.add_enabled(self.saving.is_none(), egui::Button::new(label.get(lang)).small()).clicked() {
                    let extensions: &'static [&'static str] = if extension == "svg" { &["svg"] } else { &["png"] };
                    let file = format!("{}.{extension}", Text::QwChartFile.get(lang));
                    self.saving =
                        Some(browse_in_background(ui.ctx(), extension.to_uppercase(), extensions, None, Some(file)));
                }
            }
            if let Some(saved) = &self.saved {
                ui.label(saved.show(lang));
            }
        });
    }
}

/// What the chart was built from; the ranking itself follows the workbook (path, revision) and the window.
#[derive(Clone, Debug, PartialEq)]
struct ChartKey {
    path: PathBuf,
    revision: u64,
    window: Window,
    hide_money: bool,
    cap: i64,
    set: Vec<Id>,
    lang: Lang,
}

/// What the chart's texture was drawn from.
#[derive(Clone, Debug, PartialEq)]
struct DrawnKey {
    chart: ChartKey,
    pixels: [u32; 2],
}

/// The table's columns in ems, so the projector theme's larger type keeps them. Presented, the narrow ones
/// shrink, the headers shorten and the tie-break column gives way, so the program's name has room on a
/// 1024 px projector.
fn column_widths(presenting: bool) -> [f32; 6] {
    if presenting { [2.0, 3.2, 3.0, 4.8, 1.8, 0.0] } else { [4.5, 6.0, 3.5, 5.5, 2.2, 7.0] }
}

fn table_ui(ui: &mut Ui, cx: &ViewCx<'_>, ranked: &[Ranked]) {
    let lang = cx.lang;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    let em = ui.text_style_height(&egui::TextStyle::Body);
    let presenting = theme::presenting(ui.ctx());
    let [rank_w, score_w, votes_w, cost_w, star_w, tie_w] = column_widths(presenting).map(|w| w * em);
    let headers = [
        if presenting { Text::QwRankShort } else { Text::QwRank },
        Text::QwProgram,
        if presenting { Text::QwScoreShort } else { Text::QwScore },
        Text::QwVotesShort,
        Text::QwCostInYears,
        Text::QwStar,
        Text::QwTieColumn,
    ];
    let columns = if presenting { headers.len() - 1 } else { headers.len() };
    egui::ScrollArea::horizontal().id_salt("qw_ranking_x").show(ui, |ui| {
        let program = if presenting {
            Column::remainder().at_least(9.0 * em).clip(true)
        } else {
            Column::initial(17.0 * em).at_least(9.0 * em).clip(true)
        };
        let mut table = TableBuilder::new(ui)
            .id_salt("qw_ranking")
            .striped(true)
            .auto_shrink(false)
            .column(Column::exact(rank_w))
            .column(program)
            .column(Column::exact(score_w))
            .column(Column::exact(votes_w))
            .column(Column::exact(cost_w))
            .column(Column::exact(star_w));
        if !presenting {
            table = table.column(Column::remainder().at_least(tie_w));
        }
        table
            .header(row_height, |mut header| {
                for text in &headers[..columns] {
                    header.col(|ui| {
                        ui.strong(text.get(lang));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, ranked.len(), |mut row| {
                    let r = &ranked[row.index()];
                    ranked_row(&mut row, cx, r, row_height, presenting);
                });
            });
    });
}

/// One ranked program's cells.
fn ranked_row(row: &mut TableRow<'_, '_>, cx: &ViewCx<'_>, r: &Ranked, row_height: f32, presenting: bool) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let Some(p) = workbook.program(r.program) else { return };
    row.col(|ui| {
        ui.label(RichText::new(r.rank.map_or("–".into(), |k| k.to_string())).strong());
    });
    row.col(|ui| {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(6.0, row_height - 8.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 1.0, program_color(workbook, p));
            // Presented, the name alone: the room reads names, and the hover still gives the code.
            if presenting {
                ui.add(egui::Label::new(&p.name).truncate()).on_hover_text(program_label(p));
            } else {
                ui.add(egui::Label::new(program_label(p)).truncate());
            }
        });
    });
    row.col(|ui| {
        let value = score_text(r.score.value());
        let counted = format!("{value} ({}/{})", r.score.scored, r.score.of);
        if presenting {
            ui.label(value).on_hover_text(counted);
        } else {
            ui.label(counted);
        }
    });
    row.col(|ui| {
        ui.label(r.votes.to_string());
    });
    row.col(|ui| {
        ui.label(money(cx, r.cost));
    });
    row.col(|ui| {
        if r.quick_win {
            ui.label(RichText::new("★").color(egui::Color32::from_rgb(0xC2, 0x5E, 0x00)))
                .on_hover_text(Text::ColQuickWin.get(lang));
        }
    });
    if !presenting {
        row.col(|ui| {
            if let Some(tie) = r.tie {
                let text = tie_text(tie).get(lang);
                ui.add(egui::Label::new(RichText::new(text).weak()).truncate());
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use super::*;
    use crate::analysis::quick_wins::ranking;
    use crate::charts::to_svg;
    use crate::io::export_plan::{self, ExportFormat, ExportRequest};
    use crate::seed::demo_workbook;
    use crate::store::Session;
    use crate::ui::quick_wins::QuickWinsView;
    use crate::ui::quick_wins::demo_session::DemoSession;

    #[test]
    fn the_chart_export_writes_the_chart_the_ranking_opens_on() {
        let dir = tempfile::tempdir().unwrap();
        let session = Session::create(&dir.path().join("t.smartcity"), &demo_workbook(), "test").unwrap();
        // The Quick Win view as it opens: the first year, the picker's cap, no set adjusted yet.
        let view = QuickWinsView::default();
        let window = view.window(session.workbook());
        let ranked = ranking(session.workbook(), window);
        let mut edits = Vec::new();
        let cx = ViewCx::new(Lang::Id, &session, &mut edits);
        let shown = RankingPanel::default().chart(&cx, &ranked, window, view.picker.cap, &view.picker.adjusted);
        assert!(!shown.bubbles.is_empty() && shown.cap.is_some(), "the demo has scored candidates");

        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let mut request = ExportRequest::all(out.clone());
        request.formats = vec![ExportFormat::Svg];
        request.lang = Lang::Id;
        let report = export_plan::run(session.workbook(), &request, &mut |_| {}, &AtomicBool::new(false));
        assert_eq!(report.error, None);
        let written = std::fs::read_to_string(out.join("grafik-quick-win-nilai-terhadap-biaya.svg")).unwrap();
        let size = request.chart_size;
        assert!(written == to_svg(shown.as_ref(), size.width, size.height).unwrap(), "the export differs");
    }

    #[test]
    fn the_chart_is_built_once_until_its_inputs_change() {
        let demo = DemoSession::new();
        let (window, ranked) = (demo.window, demo.ranked.clone());
        let mut edits = Vec::new();
        let mut cx = demo.cx(&mut edits);
        let mut panel = RankingPanel::default();
        let first = panel.chart(&cx, &ranked, window, 1_000, &[]);
        assert!(!first.bubbles.is_empty(), "the demo has scored programs");
        let direct =
            of_workbook::value_for_money(demo.session.workbook(), &ranked, window, Some(1_000), &[], false, cx.lang);
        assert_eq!(*first, direct);
        let again = panel.chart(&cx, &ranked, window, 1_000, &[]);
        assert!(Rc::ptr_eq(&first, &again), "the same frame inputs reuse the chart");
        assert_eq!(panel.chart_builds, 1);
        panel.chart(&cx, &ranked, window, 2_000, &[]);
        assert_eq!(panel.chart_builds, 2, "a new cap builds it again");
        cx.hide_money = true;
        panel.chart(&cx, &ranked, window, 2_000, &[]);
        panel.chart(&cx, &ranked, window, 2_000, &[]);
        assert_eq!(panel.chart_builds, 3, "hiding money builds it again, once");
        cx.lang = Lang::En;
        panel.chart(&cx, &ranked, window, 2_000, &[]);
        assert_eq!(panel.chart_builds, 4, "another language builds it again");
    }
}
