//! The roadmap: the masterplan years across, one bar per program grouped by dimension and element, coloured
//! by status, and the yearly cost per dimension along the bottom. Only visible rows are drawn.

use egui::{Align2, Color32, FontId, RichText, Sense, Stroke, Ui, vec2};

use super::ProgramsView;
use crate::i18n::Text;
use crate::model::{Id, ProgramStatus, Workbook};
use crate::ui::{ViewCx, names};

const ROW: f32 = 22.0;
const LABEL_WIDTH: f32 = 280.0;

/// One line of the roadmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    Dimension(Id),
    Element(Id),
    /// Index into `workbook.programs`.
    Program(usize),
}

/// Group the shown programs under their dimension and element headings, in framework order.
pub fn lines(workbook: &Workbook, rows: &[usize]) -> Vec<Line> {
    let mut per_element: std::collections::HashMap<Id, Vec<usize>> = std::collections::HashMap::new();
    for &i in rows {
        per_element.entry(workbook.programs[i].element_id).or_default().push(i);
    }
    let mut out = Vec::new();
    for dimension in &workbook.dimensions {
        let elements: Vec<_> = workbook.elements_of(dimension.id).filter(|e| per_element.contains_key(&e.id)).collect();
        if elements.is_empty() {
            continue;
        }
        out.push(Line::Dimension(dimension.id));
        for element in elements {
            out.push(Line::Element(element.id));
            out.extend(per_element[&element.id].iter().map(|&i| Line::Program(i)));
        }
    }
    out
}

pub fn status_color(status: ProgramStatus) -> Color32 {
    match status {
        ProgramStatus::Planned => Color32::from_rgb(0x5B, 0x8D, 0xD6),
        ProgramStatus::Running => Color32::from_rgb(0xE0, 0x9A, 0x1F),
        ProgramStatus::Done => Color32::from_rgb(0x3A, 0x9D, 0x4A),
        ProgramStatus::Dropped => Color32::from_rgb(0xA0, 0xA0, 0xA0),
    }
}

pub fn roadmap_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &mut ViewCx<'_>) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let first = workbook.profile.period_start;
    let years = (workbook.profile.period_end - first + 1).max(1);
    ui.horizontal(|ui| {
        for status in ProgramStatus::ALL {
            ui.label(RichText::new("■").color(status_color(status)));
            ui.label(status.text().get(lang));
        }
    });
    let totals_height = (workbook.dimensions.len() as f32 + 4.0) * 24.0;
    let mut open = None;
    let lines = &view.shown.roadmap;
    // The year header stays put while the rows scroll.
    let width = ui.available_width();
    let year_width = ((width - LABEL_WIDTH) / years as f32).max(30.0);
    let (header, _) = ui.allocate_exact_size(vec2(width, ROW), Sense::hover());
    for year in first..first + years {
        ui.painter().text(
            egui::pos2(header.left() + LABEL_WIDTH + ((year - first) as f32 + 0.5) * year_width, header.center().y),
            Align2::CENTER_CENTER,
            year.to_string(),
            FontId::proportional(13.0),
            ui.visuals().strong_text_color(),
        );
    }
    egui::ScrollArea::vertical()
        .id_salt("roadmap")
        .max_height((ui.available_height() - totals_height).max(120.0))
        .auto_shrink(false)
        .show_rows(ui, ROW, lines.len(), |ui, range| {
            for row in range {
                let (rect, response) = ui.allocate_exact_size(vec2(width, ROW), Sense::click());
                let painter = ui.painter_at(rect);
                let x = |year: i32| rect.left() + LABEL_WIDTH + (year - first) as f32 * year_width;
                for year in first..=first + years {
                    painter.vline(
                        x(year),
                        rect.y_range(),
                        Stroke::new(0.5, ui.visuals().weak_text_color().gamma_multiply(0.4)),
                    );
                }
                match lines[row] {
                    Line::Dimension(id) => {
                        if let Some(d) = workbook.dimension(id) {
                            painter.rect_filled(rect.shrink(1.0), 2.0, names::color(&d.color));
                            painter.text(
                                rect.left_center() + vec2(6.0, 0.0),
                                Align2::LEFT_CENTER,
                                names::dimension(d, lang),
                                FontId::proportional(14.0),
                                Color32::WHITE,
                            );
                        }
                    }
                    Line::Element(id) => {
                        if let Some(e) = workbook.element(id) {
                            let color =
                                workbook.dimension(e.dimension_id).map_or(Color32::GRAY, |d| names::color(&d.color));
                            painter.text(
                                rect.left_center() + vec2(12.0, 0.0),
                                Align2::LEFT_CENTER,
                                names::element(e, lang),
                                FontId::proportional(13.5),
                                color,
                            );
                        }
                    }
                    Line::Program(i) => {
                        let program = &workbook.programs[i];
                        let label = if program.code.is_empty() {
                            program.name.clone()
                        } else {
                            format!("{} {}", program.code, program.name)
                        };
                        let label_rect = egui::Rect::from_min_size(rect.min, vec2(LABEL_WIDTH - 6.0, ROW));
                        ui.painter_at(label_rect).text(
                            label_rect.left_center() + vec2(22.0, 0.0),
                            Align2::LEFT_CENTER,
                            &label,
                            FontId::proportional(13.0),
                            ui.visuals().text_color(),
                        );
                        let bar = egui::Rect::from_min_max(
                            egui::pos2(x(program.start_year) + 2.0, rect.top() + 4.0),
                            egui::pos2(x(program.end_year + 1) - 2.0, rect.bottom() - 4.0),
                        );
                        painter.rect_filled(bar, 3.0, status_color(program.status));
                        let response = response.on_hover_text(format!(
                            "{}\n{}–{} · {} · {}",
                            program.name,
                            program.start_year,
                            program.end_year,
                            program.status.text().get(lang),
                            crate::ui::quick_wins::money(cx, program.total_cost())
                        ));
                        if response.clicked() {
                            open = Some(program.id);
                        }
                    }
                }
            }
        });
    ui.separator();
    ui.label(RichText::new(Text::YearlyCostByDimension.get(lang)).strong());
    egui::ScrollArea::horizontal().id_salt("roadmap_totals").show(ui, |ui| {
        egui::Grid::new("roadmap_totals_grid").striped(true).spacing([10.0, 2.0]).show(ui, |ui| {
            ui.label("");
            for year in first..first + years {
                ui.label(RichText::new(year.to_string()).strong());
            }
            ui.label(RichText::new(Text::Total.get(lang)).strong());
            ui.end_row();
            let mut column_totals = vec![0i64; years as usize];
            for (dimension, row) in workbook.dimensions.iter().zip(&view.shown.yearly) {
                ui.label(RichText::new(names::dimension(dimension, lang)).color(names::color(&dimension.color)));
                for (year, value) in row.iter().enumerate() {
                    column_totals[year] = column_totals[year].saturating_add(*value);
                    ui.label(if *value == 0 { "–".to_string() } else { crate::ui::quick_wins::money(cx, *value) });
                }
                ui.label(crate::ui::quick_wins::money(cx, row.iter().fold(0i64, |s, v| s.saturating_add(*v))));
                ui.end_row();
            }
            ui.label(RichText::new(Text::Total.get(lang)).strong());
            for value in &column_totals {
                ui.label(RichText::new(crate::ui::quick_wins::money(cx, *value)).strong());
            }
            ui.label(
                RichText::new(crate::ui::quick_wins::money(
                    cx,
                    column_totals.iter().fold(0i64, |s, v| s.saturating_add(*v)),
                ))
                .strong(),
            );
            ui.end_row();
        });
    });
    if let Some(id) = open {
        view.open(id);
    }
}
