//! The dimension board, made for the projector: six columns, one per dimension in its colour, each with its
//! three element lanes of program cards. Drag a card to another lane to move the program (one undo step);
//! click its name to open the editor. Lanes show at most a screenful of cards and say how many more there are.

use egui::{Color32, Frame, RichText, Ui};

use super::{ProgramsView, back_to_top};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Change, Dimension, Edit, Element, Id, Program, Workbook};
use crate::ui::quick_wins::money;
use crate::ui::{ViewCx, names};

/// Cards drawn per lane; the rest are counted, so a 10,000-program board stays fluid.
const CARDS_PER_LANE: usize = 40;

/// What a dragged card carries.
#[derive(Clone, Copy)]
struct DraggedProgram(Id);

/// What the board's columns draw from, the same for every lane of one frame.
struct Board<'a> {
    view: &'a ProgramsView,
    workbook: &'a Workbook,
    zoom: f32,
    column_width: f32,
}

/// What the user did on the board this frame.
#[derive(Default)]
struct BoardActions {
    /// A program dropped on an element's lane.
    moved: Option<(Id, Id)>,
    /// A program whose name was clicked.
    open: Option<Id>,
}

pub fn board_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &mut ViewCx<'_>) {
    let workbook = cx.session.workbook();
    if view.board_zoom <= 0.0 {
        view.board_zoom = 1.0;
    }
    zoom_ui(view, ui, cx);
    let mut actions = BoardActions::default();
    let mut scroll = egui::ScrollArea::both().auto_shrink(false);
    if back_to_top(&mut view.top_for.board, view.shown.filter_generation) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    scroll.show(ui, |ui| {
        let column_width = ((ui.available_width() - 6.0 * 6.0) / 6.0).max(130.0);
        let board = Board { view, workbook, zoom: view.board_zoom, column_width };
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
}

/// Zoom out, the zoom, zoom in, zoom to fit and the hint.
fn zoom_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &ViewCx<'_>) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        if ui.button("−").on_hover_text(Text::ZoomOut.get(lang)).accessible_name(Text::ZoomOut.get(lang)).clicked() {
            view.board_zoom = (view.board_zoom - 0.1).max(0.5);
        }
        ui.label(format!("{:.0} %", view.board_zoom * 100.0));
        if ui.button("+").on_hover_text(Text::ZoomIn.get(lang)).accessible_name(Text::ZoomIn.get(lang)).clicked() {
            view.board_zoom = (view.board_zoom + 0.1).min(2.0);
        }
        if ui.button(Text::ZoomToFit.get(lang)).clicked() {
            view.board_zoom = fit_zoom(view, ui.available_height());
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
        ui.label(RichText::new(names::dimension(dimension, lang)).strong().size(15.0 * zoom).color(Color32::WHITE));
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

/// One element's lane: its name, count and cost, at most [`CARDS_PER_LANE`] cards and how many more there are.
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
    ui.set_width(board.column_width - 10.0);
    ui.label(RichText::new(names::element(element, lang)).strong().size(13.5 * zoom).color(color));
    ui.label(RichText::new(format!("{count} · {}", money(cx, cost))).size(12.0 * zoom).weak());
    let cards = board.view.shown.lanes.get(&element.id).map_or(&[][..], Vec::as_slice);
    for &i in cards.iter().take(CARDS_PER_LANE) {
        if card_ui(ui, cx, board, &board.workbook.programs[i], color) {
            actions.open = Some(board.workbook.programs[i].id);
        }
    }
    if cards.len() > CARDS_PER_LANE {
        ui.label(
            RichText::new(Message::with(Text::MoreCards, [(cards.len() - CARDS_PER_LANE).to_string()]).show(lang))
                .italics(),
        );
    }
}

/// One program's card, a drag source: its name (a button opening the editor), agency and cost. True when the
/// name was clicked.
fn card_ui(ui: &mut Ui, cx: &ViewCx<'_>, board: &Board<'_>, program: &Program, color: Color32) -> bool {
    let lang = cx.lang;
    let zoom = board.zoom;
    let mut clicked = false;
    let card_id = egui::Id::unique(("card", program.id));
    let response = ui.dnd_drag_source(card_id, DraggedProgram(program.id), |ui| {
        Frame::new()
            .fill(ui.visuals().extreme_bg_color)
            .inner_margin(5.0)
            .corner_radius(3.0)
            .stroke((1.0, color.gamma_multiply(0.7)))
            .show(ui, |ui| {
                ui.set_width(board.column_width - 22.0);
                let name =
                    ui.add(egui::Button::new(RichText::new(&program.name).size(13.0 * zoom)).frame(false).wrap());
                clicked = name.on_hover_text(Text::OpenEditorHint.get(lang)).clicked();
                let agency = program.agency_id.and_then(|a| board.workbook.agency(a)).map_or("—", |a| a.label());
                let quick = if program.quick_win { "★ " } else { "" };
                ui.label(
                    RichText::new(format!("{quick}{agency} · {}", money(cx, program.total_cost())))
                        .size(11.5 * zoom)
                        .weak(),
                );
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

/// The zoom at which the fullest column fits the height available (within 50-100 %).
fn fit_zoom(view: &ProgramsView, height: f32) -> f32 {
    // Lanes of one dimension stack: header, three lane titles, and the cards of the busiest dimension.
    let mut busiest = 0usize;
    for chunk in view.shown.per_element.chunks(3) {
        busiest = busiest.max(chunk.iter().map(|e| e.1.min(CARDS_PER_LANE)).sum());
    }
    let natural = 40.0 + 3.0 * 48.0 + busiest as f32 * 52.0;
    (height / natural).clamp(0.5, 1.0)
}
