//! Wide grids with a frozen label column: the row labels (code and name, line name, item name) stay at the
//! left while the values scroll sideways under them, and on a wide screen every column widens in proportion
//! so the grid uses the width. Two `egui_extras` tables share one vertical offset, so rows stay virtualised
//! (only the visible ones are laid out) however many there are. Resizable columns show a grip in the header.

use egui::scroll_area::ScrollBarVisibility;
use egui::{Label, Rect, RichText, Stroke, Ui, UiBuilder, pos2, vec2};
use egui_extras::{Column, TableBuilder, TableRow};

/// What a grid shows, cell by cell. Columns `0..labels` are the frozen part, the others scroll sideways.
pub trait GridCells {
    fn header(&mut self, column: usize, ui: &mut Ui);
    fn cell(&mut self, row: usize, column: usize, ui: &mut Ui);
}

/// A column: its width on a 1024 px screen (wider screens widen it in proportion unless it is `fixed`, like a
/// checkbox) and the least it may be.
#[derive(Clone, Copy, Debug)]
pub struct Col {
    pub width: f32,
    pub min: f32,
    pub fixed: bool,
}

impl Col {
    pub const fn new(width: f32, min: f32) -> Self {
        Col { width, min, fixed: false }
    }

    pub const fn fixed(width: f32) -> Self {
        Col { width, min: width, fixed: true }
    }
}

/// What a grid keeps between frames (in egui's memory, by the grid's id): the rows' vertical offset, shared by both parts, and the width its
/// columns were last fitted to (a new width fits them again; a column the user resized keeps its width until then).
#[derive(Clone, Copy, Debug, Default)]
pub struct GridState {
    offset: f32,
    fitted: Option<f32>,
}

/// The shape of one grid.
pub struct FrozenGrid<'a> {
    pub id: &'a str,
    pub columns: &'a [Col],
    /// How many of the first columns are row labels, kept in view.
    pub labels: usize,
    pub header_height: f32,
    pub row_height: f32,
    pub rows: usize,
    /// Rows scroll inside the grid (a long list), or the grid is as tall as its rows (a page scrolls it).
    pub scroll: bool,
    /// Go back to the first row this frame.
    pub to_top: bool,
}

/// Which part of the grid a table draws.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Labels,
    Values,
}

/// The columns' widths for `available` points: as designed when that is all there is, else all but the fixed
/// ones widened alike.
pub fn fitted_widths(columns: &[Col], available: f32, spacing: f32) -> Vec<f32> {
    let (fixed, growing) =
        columns.iter().fold((0.0, 0.0), |(f, g), c| if c.fixed { (f + c.width, g) } else { (f, g + c.width) });
    let room = available - spacing * columns.len() as f32 - fixed;
    let scale = if growing > 0.0 { (room / growing).max(1.0) } else { 1.0 };
    columns.iter().map(|c| if c.fixed { c.width } else { (c.width * scale).floor() }).collect()
}

impl FrozenGrid<'_> {
    pub fn show(&self, ui: &mut Ui, cells: &mut impl GridCells) {
        let id = egui::Id::unique(("frozen_grid", self.id));
        let mut state = ui.data_mut(|d| *d.get_temp_mut_or_default::<GridState>(id));
        self.show_with(ui, &mut state, cells);
        ui.data_mut(|d| d.insert_temp(id, state));
    }

    fn show_with(&self, ui: &mut Ui, state: &mut GridState, cells: &mut impl GridCells) {
        let spacing = ui.spacing().item_spacing.x;
        let bar = if self.scroll { ui.spacing().scroll.allocated_width() } else { 0.0 };
        let full = ui.available_rect_before_wrap();
        let available = full.width() - bar;
        let refit = state.fitted.is_none_or(|w| (w - available).abs() > 0.5);
        let widths = fitted_widths(self.columns, available, spacing);
        let offset = if self.to_top { 0.0 } else { state.offset };
        let mut left_ui = ui.new_child(UiBuilder::new().max_rect(full).id_salt((self.id, "labels")));
        let (left_offset, left_width) = {
            let out = self.table(&mut left_ui, Part::Labels, &widths, offset, refit, cells);
            (out, left_ui.min_rect().width())
        };
        let right_rect =
            Rect::from_min_max(pos2(full.left() + left_width, full.top()), pos2(full.right() - bar, full.bottom()));
        let mut right_ui = ui.new_child(UiBuilder::new().max_rect(right_rect).id_salt((self.id, "values")));
        let right_offset = egui::ScrollArea::horizontal()
            .id_salt((self.id, "sideways"))
            .auto_shrink([false, true])
            .show(&mut right_ui, |ui| self.table(ui, Part::Values, &widths, offset, refit, cells))
            .inner;
        let mut used = left_ui.min_rect().union(right_ui.min_rect());
        let mut moved = [left_offset, right_offset].into_iter().find(|o| (o - offset).abs() > 0.5);
        if self.scroll {
            let bar_rect = Rect::from_min_max(pos2(full.right() - bar, full.top() + self.header_height), full.max);
            let bar_rect = Rect::from_min_max(bar_rect.min, pos2(bar_rect.max.x, used.bottom().max(bar_rect.top())));
            let bar_offset = self.scroll_bar(ui, bar_rect, offset);
            moved = moved.or(Some(bar_offset).filter(|o| (o - offset).abs() > 0.5));
            used = used.union(bar_rect);
        }
        state.offset = moved.unwrap_or(offset);
        if moved.is_some() {
            ui.ctx().request_repaint();
        }
        if refit {
            state.fitted = Some(available);
        }
        ui.advance_cursor_after_rect(used);
    }

    /// One part's table; the vertical offset it ended the frame at.
    fn table(
        &self,
        ui: &mut Ui,
        part: Part,
        widths: &[f32],
        offset: f32,
        refit: bool,
        cells: &mut impl GridCells,
    ) -> f32 {
        let range = match part {
            Part::Labels => 0..self.labels,
            Part::Values => self.labels..self.columns.len(),
        };
        let mut table = TableBuilder::new(ui)
            .id_salt((self.id, part == Part::Labels))
            .striped(true)
            .resizable(true)
            .vscroll(self.scroll)
            .auto_shrink([part == Part::Labels, !self.scroll])
            .scroll_bar_visibility(ScrollBarVisibility::AlwaysHidden)
            .animate_scrolling(false);
        if self.scroll {
            table = table.vertical_scroll_offset(offset);
        }
        if refit {
            table.reset();
        }
        for i in range.clone() {
            table = table.column(Column::initial(widths[i]).at_least(self.columns[i].min).clip(true));
        }
        let out = table
            .header(self.header_height, |mut header| {
                for i in range.clone() {
                    header.col(|ui| {
                        cells.header(i, ui);
                        grip(ui);
                    });
                }
            })
            .body(|body| {
                body.rows(self.row_height, self.rows, |mut row| {
                    let index = row.index();
                    cells_of_row(&mut row, index, range.clone(), cells);
                });
            });
        out.state.clamped_offset().y
    }

    /// The one visible vertical scroll bar, at the right edge of the view whatever the sideways scroll; the
    /// offset it ended the frame at.
    fn scroll_bar(&self, ui: &mut Ui, rect: Rect, offset: f32) -> f32 {
        let content = self.rows as f32 * (self.row_height + ui.spacing().item_spacing.y);
        let mut bar_ui = ui.new_child(UiBuilder::new().max_rect(rect).id_salt((self.id, "bar")));
        egui::ScrollArea::vertical()
            .id_salt((self.id, "bar"))
            .auto_shrink(false)
            .vertical_scroll_offset(offset)
            .animated(false)
            .show_viewport(&mut bar_ui, |ui, _| {
                ui.set_width(1.0);
                ui.set_height(content);
            })
            .state
            .clamped_offset()
            .y
    }
}

fn cells_of_row(row: &mut TableRow<'_, '_>, index: usize, columns: std::ops::Range<usize>, cells: &mut impl GridCells) {
    for i in columns {
        row.col(|ui| cells.cell(index, i, ui));
    }
}

/// A grip at the right edge of a header cell: the column's border can be dragged.
fn grip(ui: &mut Ui) {
    let cell = ui.max_rect();
    let x = cell.right() - 1.5;
    let height = cell.height() * 0.6;
    let line = Rect::from_center_size(pos2(x, cell.center().y), vec2(0.0, height));
    let color = ui.visuals().widgets.inactive.fg_stroke.color.gamma_multiply(0.6);
    // Paint only: the table's own resize handle sits on this border and takes the drag.
    ui.painter().line_segment([line.center_top(), line.center_bottom()], Stroke::new(2.0, color));
}

/// A small grid of texts (a few dozen rows, built each frame): the first column is the rows' label.
pub struct TextGrid {
    pub headers: Vec<RichText>,
    pub rows: Vec<Vec<RichText>>,
}

impl GridCells for TextGrid {
    fn header(&mut self, column: usize, ui: &mut Ui) {
        ui.add(Label::new(self.headers[column].clone()).wrap());
    }

    fn cell(&mut self, row: usize, column: usize, ui: &mut Ui) {
        if let Some(text) = self.rows[row].get(column) {
            ui.add(Label::new(text.clone()).truncate());
        }
    }
}

impl TextGrid {
    /// Show the grid as tall as its rows (the page around it scrolls), its first column frozen, the columns
    /// as `widths` on a narrow screen and wider on a wide one; headers get `header_lines` lines.
    pub fn show(mut self, ui: &mut Ui, id: &str, widths: &[f32], header_lines: usize) {
        let columns: Vec<Col> = widths.iter().map(|w| Col::new(*w, 40.0)).collect();
        let line = ui.text_style_height(&egui::TextStyle::Body);
        let grid = FrozenGrid {
            id,
            columns: &columns,
            labels: 1,
            header_height: header_lines as f32 * line + 6.0,
            row_height: line + 6.0,
            rows: self.rows.len(),
            scroll: false,
            to_top: false,
        };
        grid.show(ui, &mut self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_keep_their_design_on_a_narrow_screen_and_widen_alike_on_a_wide_one() {
        let columns = [Col::fixed(20.0), Col::new(100.0, 40.0), Col::new(300.0, 40.0)];
        // 444 px (3 x 8 spacing + 20 fixed + 400) hold them as designed, less keeps the design (scrolls);
        // 864 px leave 820 for the two that grow, x 2.05 of their 400: 205 and 615.
        assert_eq!(fitted_widths(&columns, 300.0, 8.0), vec![20.0, 100.0, 300.0]);
        assert_eq!(fitted_widths(&columns, 444.0, 8.0), vec![20.0, 100.0, 300.0]);
        assert_eq!(fitted_widths(&columns, 864.0, 8.0), vec![20.0, 205.0, 615.0]);
    }
}
