//! Charts in the app: the pictures of `crate::charts`, drawn by plotters into pixels once per change and shown
//! as textures (never re-rendered per frame), with buttons to save the same picture as SVG or PNG. A picture
//! has the pixels of the room it is shown in (points x pixels per point, the zoom included), so a presented
//! chart is as crisp as the text around it; it is drawn again only when that size changes.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use egui::{ColorImage, TextureHandle, TextureOptions, Ui};

use super::theme;
use crate::charts::{Chart, to_rgba, to_svg, with_min_scale, write_png};
use crate::i18n::{Lang, Message, Text};
use crate::io::atomic_file::write_atomically;
use crate::ui::file_dialog::browse_in_background;

/// On-screen size of a chart, in points; pixels follow the screen's scale.
const SIZE: [f32; 2] = [560.0, 420.0];
/// Exported PNGs: print resolution (A4 width at 200 dpi).
const PRINT: [u32; 2] = [2400, 1800];

#[derive(Default)]
pub struct ChartTextures {
    textures: Vec<(String, TextureHandle)>,
    lang: Option<Lang>,
    /// The pixels the textures were drawn at.
    pixels: [u32; 2],
    saving: Option<(Receiver<Option<PathBuf>>, usize)>,
    status: Option<Message>,
}

impl ChartTextures {
    /// Forget the pictures: the data changed.
    pub fn invalidate(&mut self) {
        self.textures.clear();
    }

    /// Show `charts` (cheap descriptions, built by the caller each frame), rendering them into textures only when
    /// the data changed ([`Self::invalidate`]) or the language did.
    pub fn ui(&mut self, ui: &mut Ui, charts: &[(String, Box<dyn Chart>)], lang: Lang) {
        if self.lang != Some(lang) {
            self.textures.clear();
            self.lang = Some(lang);
        }
        if let Some((receiver, which)) = &self.saving
            && let Ok(chosen) = receiver.try_recv()
        {
            let which = *which;
            self.saving = None;
            if let Some(path) = chosen {
                self.status = Some(save(&*charts[which].1, &path));
            }
        }
        // As many charts side by side as fit; on a 1024 px projector they stack.
        let width = SIZE[0].min(ui.available_width());
        let size = egui::vec2(width, width * SIZE[1] / SIZE[0]);
        let scale = ui.ctx().pixels_per_point();
        let min_scale = min_chart_scale(ui);
        let pixels = [(size.x * scale).round().max(1.0) as u32, (size.y * scale).round().max(1.0) as u32];
        if pixels != self.pixels {
            self.textures.clear();
            self.pixels = pixels;
        }
        if self.textures.is_empty() {
            let [w, h] = pixels;
            for (name, chart) in charts {
                match with_min_scale(min_scale, || to_rgba(chart.as_ref(), w, h)) {
                    Ok(pixels) => {
                        let image = ColorImage::from_rgba_unmultiplied([w as usize, h as usize], &pixels);
                        let texture = ui.ctx().load_texture(format!("chart-{name}"), image, TextureOptions::LINEAR);
                        self.textures.push((name.clone(), texture));
                    }
                    Err(e) => self.status = Some(Message::with(Text::ChartFailed, [e])),
                }
            }
        }
        let per_row = ((ui.available_width() + 8.0) / (width + 8.0)).floor().max(1.0) as usize;
        egui::Grid::new("chart_grid").spacing([8.0, 8.0]).show(ui, |ui| {
            for (index, (name, texture)) in self.textures.iter().enumerate() {
                ui.vertical(|ui| {
                    let image = ui.add(egui::Image::new(texture).fit_to_exact_size(size).sense(egui::Sense::hover()));
                    // The value under the pointer, read out by the chart from its own layout, only while hovering.
                    if let (Some(pointer), Some((_, chart))) = (image.hover_pos(), charts.get(index)) {
                        let [w, h] = texture.size();
                        let x = f64::from((pointer.x - image.rect.left()) / image.rect.width()) * w as f64;
                        let y = f64::from((pointer.y - image.rect.top()) / image.rect.height()) * h as f64;
                        if let Some(text) = with_min_scale(min_scale, || chart.readout(w as u32, h as u32, x, y)) {
                            image.on_hover_text_at_pointer(text);
                        }
                    }
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

/// The size factor the app's charts are drawn at, at least: presenting, chart labels (13 at scale 1) are as
/// large on screen as the body text around them (32 px at 200 %), whatever share of the screen the chart
/// takes; editing, they keep the picture's own scale.
pub fn min_chart_scale(ui: &Ui) -> f64 {
    if !theme::presenting(ui.ctx()) {
        return 0.0;
    }
    let body = ui.style().text_styles.get(&egui::TextStyle::Body).map_or(15.0, |f| f.size);
    f64::from(body * ui.ctx().pixels_per_point()) / 13.0
}

/// Save a chart by the path's extension: SVG as drawn, PNG at print resolution.
pub fn save(chart: &dyn Chart, path: &Path) -> Message {
    let result = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg")) {
        to_svg(chart, 1200, 900).and_then(|svg| write_atomically(path, svg.as_bytes()))
    } else {
        write_png(chart, PRINT[0], PRINT[1], path)
    };
    match result {
        Ok(()) => Message::with(Text::ChartSaved, [path.display().to_string()]),
        Err(e) => Message::with(Text::ExportFailed, [e]),
    }
}
