//! The roadmap: the masterplan years across, one bar per program grouped by dimension and element, coloured
//! by status, and the yearly cost per dimension along the bottom. Only visible rows are drawn.

use std::collections::HashMap;

use egui::{Align2, Color32, FontId, RichText, Sense, Stroke, Ui, vec2};

use super::{ProgramsView, back_to_top};
use crate::analysis::sums::{column_totals, sum};
use crate::i18n::Text;
use crate::model::{Id, Program, ProgramStatus, Workbook};
use crate::ui::grid::TextGrid;
use crate::ui::quick_wins::money;
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
    let mut per_element: HashMap<Id, Vec<usize>> = HashMap::new();
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

/// The roadmap's geometry: the years across and the width of one year.
#[derive(Clone, Copy)]
struct Years {
    first: i32,
    count: i32,
    width: f32,
    year_width: f32,
}

impl Years {
    /// The left edge of `year`'s column in a row starting at `left`.
    fn x(self, left: f32, year: i32) -> f32 {
        left + LABEL_WIDTH + (year - self.first) as f32 * self.year_width
    }
}

pub fn roadmap_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &mut ViewCx<'_>) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let first = workbook.profile.period_start;
    let count = (workbook.profile.period_end - first + 1).max(1);
    legend_ui(ui, cx);
    let totals_height = (workbook.dimensions.len() as f32 + 4.0) * 24.0;
    let mut open = None;
    let lines = &view.shown.roadmap;
    // The year header stays put while the rows scroll.
    let width = ui.available_width();
    let years = Years { first, count, width, year_width: ((width - LABEL_WIDTH) / count as f32).max(30.0) };
    year_header_ui(ui, years);
    let mut rows = egui::ScrollArea::vertical();
    if back_to_top(&mut view.top_for.roadmap, view.shown.filter_generation) {
        rows = rows.vertical_scroll_offset(0.0);
    }
    rows.id_salt("roadmap")
        .max_height((ui.available_height() - totals_height).max(120.0))
        .auto_shrink(false)
        .show_rows(ui, ROW, lines.len(), |ui, range| {
            for row in range {
                if let Some(id) = line_ui(ui, cx, years, lines[row]) {
                    open = Some(id);
                }
            }
        });
    ui.separator();
    ui.label(RichText::new(Text::YearlyCostByDimension.get(lang)).strong());
    totals_ui(ui, cx, years, &view.shown.yearly);
    if let Some(id) = open {
        view.open(id);
    }
}

/// One square of colour per status with its name.
fn legend_ui(ui: &mut Ui, cx: &ViewCx<'_>) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        for status in ProgramStatus::ALL {
            ui.label(RichText::new("■").color(status_color(status)));
            ui.label(status.text().get(lang));
        }
    });
}

/// The years above the bars.
fn year_header_ui(ui: &mut Ui, years: Years) {
    let (header, _) = ui.allocate_exact_size(vec2(years.width, ROW), Sense::hover());
    for year in years.first..years.first + years.count {
        ui.painter().text(
            egui::pos2(years.x(header.left(), year) + 0.5 * years.year_width, header.center().y),
            Align2::CENTER_CENTER,
            year.to_string(),
            FontId::proportional(13.0),
            ui.visuals().strong_text_color(),
        );
    }
}

/// One line of the roadmap with the year grid behind it; the program clicked, if any.
fn line_ui(ui: &mut Ui, cx: &ViewCx<'_>, years: Years, line: Line) -> Option<Id> {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let (rect, response) = ui.allocate_exact_size(vec2(years.width, ROW), Sense::click());
    let painter = ui.painter_at(rect);
    for year in years.first..=years.first + years.count {
        painter.vline(
            years.x(rect.left(), year),
            rect.y_range(),
            Stroke::new(0.5, ui.visuals().weak_text_color().gamma_multiply(0.4)),
        );
    }
    match line {
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
                let color = workbook.dimension(e.dimension_id).map_or(Color32::GRAY, |d| names::color(&d.color));
                painter.text(
                    rect.left_center() + vec2(12.0, 0.0),
                    Align2::LEFT_CENTER,
                    names::element(e, lang),
                    FontId::proportional(13.5),
                    color,
                );
            }
        }
        Line::Program(i) => return program_line_ui(ui, cx, years, (rect, response), &workbook.programs[i]),
    }
    None
}

/// A program's label and its bar from start to end year, with the details on hover; its id when clicked.
fn program_line_ui(
    ui: &mut Ui,
    cx: &ViewCx<'_>,
    years: Years,
    (rect, response): (egui::Rect, egui::Response),
    program: &Program,
) -> Option<Id> {
    let lang = cx.lang;
    let label =
        if program.code.is_empty() { program.name.clone() } else { format!("{} {}", program.code, program.name) };
    let label_rect = egui::Rect::from_min_size(rect.min, vec2(LABEL_WIDTH - 6.0, ROW));
    ui.painter_at(label_rect).text(
        label_rect.left_center() + vec2(22.0, 0.0),
        Align2::LEFT_CENTER,
        &label,
        FontId::proportional(13.0),
        ui.visuals().text_color(),
    );
    let bar = egui::Rect::from_min_max(
        egui::pos2(years.x(rect.left(), program.start_year) + 2.0, rect.top() + 4.0),
        egui::pos2(years.x(rect.left(), program.end_year + 1) - 2.0, rect.bottom() - 4.0),
    );
    ui.painter_at(rect).rect_filled(bar, 3.0, status_color(program.status));
    let response = response.on_hover_text(format!(
        "{}\n{}–{} · {} · {}",
        program.name,
        program.start_year,
        program.end_year,
        program.status.text().get(lang),
        money(cx, program.total_cost())
    ));
    response.clicked().then_some(program.id)
}

/// The yearly cost per dimension, with the yearly totals and the grand total; the dimensions stay in view when
/// the years scroll sideways.
fn totals_ui(ui: &mut Ui, cx: &ViewCx<'_>, years: Years, yearly: &[Vec<i64>]) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let strong = |text: String| RichText::new(text).strong();
    let mut headers = vec![RichText::new("")];
    headers.extend((years.first..years.first + years.count).map(|y| strong(y.to_string())));
    headers.push(strong(Text::Total.get(lang).to_string()));
    let mut rows = Vec::new();
    for (dimension, row) in workbook.dimensions.iter().zip(yearly) {
        let mut cells = vec![RichText::new(names::dimension(dimension, lang)).color(names::color(&dimension.color))];
        cells.extend(row.iter().map(|v| RichText::new(if *v == 0 { "–".to_string() } else { money(cx, *v) })));
        cells.push(RichText::new(money(cx, sum(row))));
        rows.push(cells);
    }
    let column_totals = column_totals(yearly, years.count as usize);
    let mut total = vec![strong(Text::Total.get(lang).to_string())];
    total.extend(column_totals.iter().map(|v| strong(money(cx, *v))));
    total.push(strong(money(cx, sum(&column_totals))));
    rows.push(total);
    let mut widths = vec![LABEL_WIDTH - 8.0];
    widths.extend((0..=years.count).map(|_| 96.0));
    TextGrid { headers, rows }.show(ui, "roadmap_totals", &widths, 1);
}
