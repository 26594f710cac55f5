//! The dimension board, made for the projector: six columns, one per dimension in its colour, each with its
//! three element lanes of program cards. Drag a card to another lane to move the program (one undo step);
//! click its name to open the editor. A lane can be folded to its name and count, and shows its cards a page
//! at a time; the zoom makes cards compact (zoomed out, more to a page) or larger, never text below
//! [`MIN_TEXT`]. The six columns share the width of the view; only a zoom past it scrolls sideways.

use std::collections::{HashMap, HashSet};

use egui::{Color32, Frame, RichText, Ui};

use super::{ProgramsView, back_to_top};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Change, Dimension, Edit, Element, Id, Program, Workbook};
use crate::ui::quick_wins::money;
use crate::ui::{ViewCx, names};

/// The zoom steps. Below 1 the cards are compact (the name only), so more fit on a screen.
const ZOOMS: [f32; 9] = [0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.7, 2.0];
const DEFAULT_STEP: usize = 4;
/// No text on the board gets smaller than this (points), however far it is zoomed out.
pub const MIN_TEXT: f32 = 12.0;
/// Cards on a page of a lane; compact cards come twice as many to a page. A page bounds what one frame
/// draws, so a lane of hundreds of cards stays fluid.
const PAGE: usize = 12;
/// The narrowest a column gets at zoom 1: zoomed in past the view's width, the board scrolls sideways.
const MIN_COLUMN: f32 = 118.0;

/// What the board remembers while the workbook is open: the zoom, the folded lanes, each lane's page.
#[derive(Default)]
pub struct BoardState {
    step: Option<usize>,
    collapsed: HashSet<Id>,
    pages: HashMap<Id, usize>,
}

impl BoardState {
    fn step(&self) -> usize {
        self.step.unwrap_or(DEFAULT_STEP)
    }

    fn zoom(&self) -> f32 {
        ZOOMS[self.step()]
    }

    fn compact(&self) -> bool {
        self.zoom() < 1.0
    }

    fn page_size(&self) -> usize {
        if self.compact() { 2 * PAGE } else { PAGE }
    }
}

/// `size` points at `zoom`, never below [`MIN_TEXT`].
fn text_size(size: f32, zoom: f32) -> f32 {
    (size * zoom).max(MIN_TEXT)
}

/// Page `page` of a lane of `len` cards, `size` to a page: the first card, the end and the number of pages;
/// a page past the end shows the last one (the lane shrank after a filter or an edit).
fn page_bounds(len: usize, page: usize, size: usize) -> (usize, usize, usize) {
    let pages = len.div_ceil(size.max(1)).max(1);
    let first = page.min(pages - 1) * size;
    (first, (first + size).min(len), pages)
}

/// The width of each of six columns in `available` points with `gap` between them: they share the width,
/// and are never narrower than [`MIN_COLUMN`] times the zoom.
fn column_width(available: f32, gap: f32, zoom: f32) -> f32 {
    ((available - 5.0 * gap) / 6.0).floor().max(MIN_COLUMN * zoom)
}

/// What a dragged card carries.
#[derive(Clone, Copy)]
struct DraggedProgram(Id);

/// What the board's columns draw from, the same for every lane of one frame.
struct Board<'a> {
    view: &'a ProgramsView,
    workbook: &'a Workbook,
    zoom: f32,
    compact: bool,
    page_size: usize,
    column_width: f32,
}

/// What the user did on the board this frame.
#[derive(Default)]
struct BoardActions {
    /// A program dropped on an element's lane.
    moved: Option<(Id, Id)>,
    /// A program whose name was clicked.
    open: Option<Id>,
    /// A lane folded or unfolded.
    toggled: Option<Id>,
    /// A lane turned to another page.
    page: Option<(Id, usize)>,
}

pub fn board_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &mut ViewCx<'_>) {
    let workbook = cx.session.workbook();
    zoom_ui(view, ui, cx);
    let mut actions = BoardActions::default();
    let mut scroll = egui::ScrollArea::both().id_salt("board").auto_shrink(false);
    if back_to_top(&mut view.top_for.board, view.shown.filter_generation) {
        scroll = scroll.scroll_offset(egui::Vec2::ZERO);
        view.board.pages.clear();
    }
    scroll.show(ui, |ui| {
        let (zoom, gap) = (view.board.zoom(), ui.spacing().item_spacing.x);
        let board = Board {
            view,
            workbook,
            zoom,
            compact: view.board.compact(),
            page_size: view.board.page_size(),
            column_width: column_width(ui.available_width(), gap, zoom),
        };
        ui.horizontal_top(|ui| {
            for dimension in &workbook.dimensions {
                ui.vertical(|ui| column_ui(ui, cx, &board, dimension, &mut actions));
            }
        });
    });
    if let Some((program, element)) = actions.moved
        && cx.editable
        && workbook.program(program).is_some_and(|p| cx.session.may_edit_program(p))
        && let Some(edit) = move_edit(workbook, program, element, cx.lang)
    {
        cx.push(edit);
    }
    if let Some(id) = actions.open {
        view.open(id);
    }
    if let Some(element) = actions.toggled
        && !view.board.collapsed.remove(&element)
    {
        view.board.collapsed.insert(element);
    }
    if let Some((element, page)) = actions.page {
        view.board.pages.insert(element, page);
    }
}

/// Zoom out, the zoom, zoom in, zoom to fit, fold and unfold every lane, and the hint.
fn zoom_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &ViewCx<'_>) {
    let lang = cx.lang;
    let state = &mut view.board;
    ui.horizontal_wrapped(|ui| {
        let step = state.step();
        let out = ui.add_enabled(step > 0, egui::Button::new("−"));
        if out.on_hover_text(Text::ZoomOut.get(lang)).accessible_name(Text::ZoomOut.get(lang)).clicked() {
            state.step = Some(step - 1);
        }
        ui.label(format!("{:.0} %", state.zoom() * 100.0));
        let zoom_in = ui.add_enabled(step + 1 < ZOOMS.len(), egui::Button::new("+"));
        if zoom_in.on_hover_text(Text::ZoomIn.get(lang)).accessible_name(Text::ZoomIn.get(lang)).clicked() {
            state.step = Some(step + 1);
        }
        if ui.button(Text::ZoomToFit.get(lang)).clicked() {
            state.step = Some(fit_step(&view.shown.per_element, &state.collapsed, ui.available_height()));
        }
        ui.separator();
        if ui.button(Text::BoardCollapseAll.get(lang)).clicked() {
            state.collapsed = view.shown.per_element.iter().map(|e| e.0).collect();
        }
        if ui.button(Text::BoardExpandAll.get(lang)).clicked() {
            state.collapsed.clear();
        }
        ui.label(RichText::new(Text::BoardHint.get(lang)).weak());
    });
}

/// One dimension's column: its heading in its colour and one lane per element.
fn column_ui(ui: &mut Ui, cx: &ViewCx<'_>, board: &Board<'_>, dimension: &Dimension, actions: &mut BoardActions) {
    let lang = cx.lang;
    let (zoom, column_width) = (board.zoom, board.column_width);
    let color = names::color(&dimension.color);
    ui.set_width(column_width);
    Frame::new().fill(color).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
        ui.set_width(column_width - 12.0);
        let heading = RichText::new(names::dimension(dimension, lang)).strong().size(text_size(15.0, zoom));
        ui.add(egui::Label::new(heading.color(Color32::WHITE)).wrap());
    });
    for element in board.workbook.elements_of(dimension.id) {
        let lane_frame = Frame::new().inner_margin(4.0).corner_radius(4.0).stroke((1.0, color.gamma_multiply(0.5)));
        let (_, dropped) = ui.dnd_drop_zone::<DraggedProgram, ()>(lane_frame, |ui| {
            lane_ui(ui, cx, board, element, color, actions);
        });
        if let Some(dragged) = dropped {
            actions.moved = Some((dragged.0, element.id));
        }
        ui.add_space(4.0);
    }
}

/// One element's lane: the fold button, its name, count and cost, then (unfolded) a page of its cards and
/// the pager.
fn lane_ui(
    ui: &mut Ui,
    cx: &ViewCx<'_>,
    board: &Board<'_>,
    element: &Element,
    color: Color32,
    actions: &mut BoardActions,
) {
    let lang = cx.lang;
    let zoom = board.zoom;
    let (count, cost) = board.view.shown.per_element.iter().find(|e| e.0 == element.id).map_or((0, 0), |e| (e.1, e.2));
    let name = names::element(element, lang);
    let collapsed = board.view.board.collapsed.contains(&element.id);
    ui.set_width(board.column_width - 10.0);
    ui.horizontal_top(|ui| {
        let (icon, text) = if collapsed { ("▸", Text::BoardExpandLane) } else { ("▾", Text::BoardCollapseLane) };
        let toggle = ui.add(egui::Button::new(RichText::new(icon).size(text_size(13.5, zoom))).frame(false));
        let what = Message::with(text, [name]).show(lang);
        if toggle.on_hover_text(&what).accessible_name(&what).clicked() {
            actions.toggled = Some(element.id);
        }
        ui.add(egui::Label::new(RichText::new(name).strong().size(text_size(13.5, zoom)).color(color)).wrap());
    });
    let summary = Message::with(Text::BoardLaneCount, [count.to_string(), money(cx, cost)]).show(lang);
    ui.add(egui::Label::new(RichText::new(summary).size(text_size(12.0, zoom)).weak()).wrap());
    if collapsed {
        return;
    }
    let cards = board.view.shown.lanes.get(&element.id).map_or(&[][..], Vec::as_slice);
    let page = board.view.board.pages.get(&element.id).copied().unwrap_or(0);
    let (first, end, pages) = page_bounds(cards.len(), page, board.page_size);
    cards_ui(ui, cx, board, &cards[first..end], color, actions);
    if pages > 1 {
        pager_ui(ui, lang, element.id, (first, end, cards.len()), page.min(pages - 1), pages, actions);
    }
}

/// The cards of one page. Cards below the visible part of the board are not laid out: their room is kept
/// (at the height of the cards drawn), so the scroll bar stays true and a frame draws what is seen.
fn cards_ui(
    ui: &mut Ui,
    cx: &ViewCx<'_>,
    board: &Board<'_>,
    cards: &[usize],
    color: Color32,
    actions: &mut BoardActions,
) {
    let start = ui.cursor().top();
    for (n, &i) in cards.iter().enumerate() {
        if n > 0 && ui.cursor().top() > ui.clip_rect().bottom() {
            let per_card = (ui.cursor().top() - start) / n as f32;
            ui.allocate_space(egui::vec2(board.column_width - 10.0, per_card * (cards.len() - n) as f32));
            return;
        }
        if card_ui(ui, cx, board, &board.workbook.programs[i], color) {
            actions.open = Some(board.workbook.programs[i].id);
        }
    }
}

/// "◀ 13–24 of 312 ▶" under a lane with more than one page.
fn pager_ui(
    ui: &mut Ui,
    lang: Lang,
    element: Id,
    (first, end, len): (usize, usize, usize),
    page: usize,
    pages: usize,
    actions: &mut BoardActions,
) {
    ui.horizontal_wrapped(|ui| {
        let back = ui.add_enabled(page > 0, egui::Button::new("◀").small());
        if back
            .on_hover_text(Text::BoardPreviousPage.get(lang))
            .accessible_name(Text::BoardPreviousPage.get(lang))
            .clicked()
        {
            actions.page = Some((element, page - 1));
        }
        let shown = Message::with(Text::BoardPageOf, [(first + 1).to_string(), end.to_string(), len.to_string()]);
        ui.label(RichText::new(shown.show(lang)).size(MIN_TEXT));
        let next = ui.add_enabled(page + 1 < pages, egui::Button::new("▶").small());
        if next.on_hover_text(Text::BoardNextPage.get(lang)).accessible_name(Text::BoardNextPage.get(lang)).clicked() {
            actions.page = Some((element, page + 1));
        }
    });
}

/// One program's card, a drag source: its name (a button opening the editor), then agency and cost unless
/// the board is zoomed out to compact cards (then they are the name's tooltip). True when the name was
/// clicked.
fn card_ui(ui: &mut Ui, cx: &ViewCx<'_>, board: &Board<'_>, program: &Program, color: Color32) -> bool {
    let lang = cx.lang;
    let zoom = board.zoom;
    let mut clicked = false;
    let card_id = egui::Id::unique(("card", program.id));
    let agency = program.agency_id.and_then(|a| board.workbook.agency(a)).map_or("—", |a| a.label());
    let quick = if program.quick_win { "★ " } else { "" };
    let details = format!("{quick}{agency} · {}", money(cx, program.total_cost()));
    let margin = if board.compact { 3.0 } else { 5.0 };
    let response = ui.dnd_drag_source(card_id, DraggedProgram(program.id), |ui| {
        Frame::new()
            .fill(ui.visuals().extreme_bg_color)
            .inner_margin(margin)
            .corner_radius(3.0)
            .stroke((1.0, color.gamma_multiply(0.7)))
            .show(ui, |ui| {
                ui.set_width(board.column_width - 12.0 - 2.0 * margin);
                let title = if board.compact { format!("{quick}{}", program.name) } else { program.name.clone() };
                let name = RichText::new(title).size(text_size(13.0, zoom));
                let name = ui.add(egui::Button::new(name).frame(false).wrap());
                let hint = if board.compact {
                    format!("{details}\n{}", Text::OpenEditorHint.get(lang))
                } else {
                    Text::OpenEditorHint.get(lang).to_string()
                };
                clicked = name.on_hover_text(hint).clicked();
                if !board.compact {
                    ui.add(egui::Label::new(RichText::new(details).size(text_size(11.5, zoom)).weak()).wrap());
                }
            });
    });
    response.response.accessible_name(Message::with(Text::CardOf, [program.name.clone()]).show(lang));
    clicked
}

/// The edit moving `program` to `element`, unless it is there already.
fn move_edit(workbook: &Workbook, program: Id, element: Id, lang: Lang) -> Option<Edit> {
    let p = workbook.program(program).filter(|p| p.element_id != element)?;
    let target = workbook.element(element).map_or("", |e| names::element(e, lang));
    let label = Message::with(Text::EditMoveProgram, [p.name.as_str(), target]);
    Some(Edit::one(label, Change::PutProgram(Program { element_id: element, ..p.clone() })))
}

/// The largest zoom step at which the fullest column's page fits the height available, folded lanes
/// counting their title only; the smallest step when nothing fits.
fn fit_step(per_element: &[(Id, usize, i64)], collapsed: &HashSet<Id>, height: f32) -> usize {
    (0..=DEFAULT_STEP)
        .rev()
        .find(|&step| {
            let zoom = ZOOMS[step];
            let compact = zoom < 1.0;
            let page = if compact { 2 * PAGE } else { PAGE };
            // One line of name in a compact card, two of name and one of details otherwise.
            let card = text_size(13.0, zoom) * if compact { 1.4 } else { 4.2 } + if compact { 8.0 } else { 14.0 };
            let lane = text_size(13.5, zoom) * 3.0 + 16.0;
            let busiest = per_element
                .chunks(3)
                .map(|lanes| {
                    let cards: usize = lanes.iter().filter(|e| !collapsed.contains(&e.0)).map(|e| e.1.min(page)).sum();
                    lanes.len() as f32 * lane + cards as f32 * card
                })
                .fold(0.0, f32::max);
            text_size(15.0, zoom) * 2.0 + 12.0 + busiest <= height
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::new_id;

    #[test]
    fn pages_cover_a_lane_once_and_a_page_past_the_end_shows_the_last() {
        assert_eq!(page_bounds(0, 0, 12), (0, 0, 1), "an empty lane has one empty page");
        assert_eq!(page_bounds(12, 0, 12), (0, 12, 1));
        assert_eq!(page_bounds(13, 1, 12), (12, 13, 2));
        assert_eq!(page_bounds(312, 2, 12), (24, 36, 26));
        assert_eq!(page_bounds(30, 9, 12), (24, 30, 3), "after a filter shrank the lane");
    }

    #[test]
    fn six_columns_share_the_width_and_zooming_in_widens_them() {
        // 818 points at 1024x768 beside the navigation, 8 between columns: (818 - 40) / 6 = 129.67.
        assert_eq!(column_width(818.0, 8.0, 1.0), 129.0);
        assert!(6.0 * column_width(818.0, 8.0, 1.0) + 5.0 * 8.0 <= 818.0, "all six fit, none cut");
        assert_eq!(column_width(818.0, 8.0, 0.6), 129.0, "zooming out keeps the width, the cards get compact");
        assert_eq!(column_width(818.0, 8.0, 2.0), 236.0, "zooming in past the width scrolls sideways");
    }

    #[test]
    fn text_never_gets_smaller_than_twelve_points() {
        for zoom in ZOOMS {
            assert!(text_size(11.5, zoom) >= MIN_TEXT);
        }
        assert_eq!(text_size(13.0, 2.0), 26.0);
    }

    #[test]
    fn zoom_to_fit_picks_the_largest_step_that_fits() {
        let lanes: Vec<(Id, usize, i64)> = (0..18).map(|_| (new_id(), 3, 0)).collect();
        assert_eq!(fit_step(&lanes, &HashSet::new(), 5000.0), DEFAULT_STEP, "never past 100 %");
        assert_eq!(fit_step(&lanes, &HashSet::new(), 10.0), 0, "the smallest when nothing fits");
        let crowded: Vec<(Id, usize, i64)> = (0..18).map(|_| (new_id(), 300, 0)).collect();
        let folded: HashSet<Id> = crowded.iter().map(|e| e.0).collect();
        assert_eq!(fit_step(&crowded, &folded, 400.0), DEFAULT_STEP, "folded lanes need little room");
    }
}
