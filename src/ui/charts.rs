//! Charts in the app: the pictures of `crate::charts`, drawn by plotters into pixels once per change and shown
//! as textures (never re-rendered per frame), with buttons to save the same picture as SVG or PNG.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::{ColorImage, TextureHandle, TextureOptions, Ui};

use crate::analysis::readiness::{Index, RoundResult};
use crate::charts::readiness::{GapBarChart, HeatmapChart, RadarChart, RadarSeries};
use crate::charts::{Chart, to_rgba, to_svg, write_png};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Id, Pillar, Workbook};
use crate::ui::file_dialog::browse_in_background;
use crate::ui::names;

/// On-screen size of a chart, in points; pixels follow the screen's scale.
const SIZE: [f32; 2] = [560.0, 420.0];
/// Exported PNGs: print resolution (A4 width at 200 dpi).
const PRINT: [u32; 2] = [2400, 1800];
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

#[derive(Default)]
pub struct ChartTextures {
    textures: Vec<(String, TextureHandle)>,
    lang: Option<Lang>,
    saving: Option<(Receiver<Option<PathBuf>>, usize)>,
    status: Option<Message>,
}

impl ChartTextures {
    /// Forget the pictures: the data changed.
    pub fn invalidate(&mut self) {
        self.textures.clear();
    }

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
        let radar = RadarChart {
            title: Text::ChartRadarTitle.get(lang).to_string(),
            axes: axes.clone(),
            scale_max: 5.0,
            series,
        };
        let mut rows = axes;
        rows.push(Text::General.get(lang).to_string());
        let pillar_names =
            Pillar::ALL.iter().map(|p| super::readiness::pillar_name(*p).get(lang).to_string()).collect();
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

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        workbook: &Workbook,
        result: &RoundResult,
        per_round: &[(Id, Vec<Index>)],
        lang: Lang,
    ) {
        if self.lang != Some(lang) {
            self.textures.clear();
            self.lang = Some(lang);
        }
        let charts = Self::charts(workbook, result, per_round, lang);
        if let Some((receiver, which)) = &self.saving
            && let Ok(chosen) = receiver.try_recv()
        {
            let which = *which;
            self.saving = None;
            if let Some(path) = chosen {
                self.status = Some(save(&*charts[which].1, &path));
            }
        }
        if self.textures.is_empty() {
            let scale = ui.ctx().pixels_per_point();
            let (w, h) = ((SIZE[0] * scale) as u32, (SIZE[1] * scale) as u32);
            for (name, chart) in &charts {
                match to_rgba(chart.as_ref(), w, h) {
                    Ok(pixels) => {
                        let image = ColorImage::from_rgba_unmultiplied([w as usize, h as usize], &pixels);
                        let texture = ui.ctx().load_texture(format!("chart-{name}"), image, TextureOptions::LINEAR);
                        self.textures.push((name.clone(), texture));
                    }
                    Err(e) => self.status = Some(Message::with(Text::ChartFailed, [e])),
                }
            }
        }
        // As many charts side by side as fit; on a 1024 px projector they stack.
        let width = SIZE[0].min(ui.available_width());
        let size = egui::vec2(width, width * SIZE[1] / SIZE[0]);
        let per_row = ((ui.available_width() + 8.0) / (width + 8.0)).floor().max(1.0) as usize;
        egui::Grid::new("chart_grid").spacing([8.0, 8.0]).show(ui, |ui| {
            for (index, (name, texture)) in self.textures.iter().enumerate() {
                ui.vertical(|ui| {
                    ui.add(egui::Image::new(texture).fit_to_exact_size(size));
                    ui.horizontal(|ui| {
                        for (label, extension) in [(Text::SaveSvg, "svg"), (Text::SavePng, "png")] {
                            if ui
                                .add_enabled(self.saving.is_none(), egui::Button::new(label.get(lang)).small())
                                .clicked()
                            {
                                let file = format!("{name}.{extension}");
                                let filter = extension.to_uppercase();
                                let extensions: &'static [&'static str] =
                                    if extension == "svg" { &["svg"] } else { &["png"] };
                                self.saving =
                                    Some((browse_in_background(ui.ctx(), filter, extensions, None, Some(file)), index));
                            }
                        }
                    });
                });
                if (index + 1) % per_row == 0 {
                    ui.end_row();
                }
            }
        });
        if let Some(status) = &self.status {
            ui.label(status.show(lang));
        }
    }
}

/// Save a chart by the path's extension: SVG as drawn, PNG at print resolution.
pub fn save(chart: &dyn Chart, path: &std::path::Path) -> Message {
    let result = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg")) {
        to_svg(chart, 1200, 900).and_then(|svg| crate::io::export::write_atomically(path, svg.as_bytes()))
    } else {
        write_png(chart, PRINT[0], PRINT[1], path)
    };
    match result {
        Ok(()) => Message::with(Text::ChartSaved, [path.display().to_string()]),
        Err(e) => Message::with(Text::ExportFailed, [e]),
    }
}
