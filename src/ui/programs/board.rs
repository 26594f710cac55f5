//! The dimension board, made for the projector: six columns, one per dimension in its colour, each with its
//! three element lanes of program cards. Drag a card to another lane to move the program (one undo step);
//! click its name to open the editor. Lanes show at most a screenful of cards and say how many more there are.

use egui::{Color32, Frame, RichText, Ui};

use super::ProgramsView;
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, Id};
use crate::ui::{ViewCx, names};

/// Cards drawn per lane; the rest are counted, so a 10,000-program board stays fluid.
const CARDS_PER_LANE: usize = 40;

/// What a dragged card carries.
#[derive(Clone, Copy)]
struct DraggedProgram(Id);

pub fn board_ui(view: &mut ProgramsView, ui: &mut Ui, cx: &mut ViewCx<'_>) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    if view.board_zoom <= 0.0 {
        view.board_zoom = 1.0;
    }
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
    let zoom = view.board_zoom;
    let mut moved: Option<(Id, Id)> = None;
    let mut open = None;
    let lanes = &view.shown.lanes;
    egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
        let column_width = ((ui.available_width() - 6.0 * 6.0) / 6.0).max(130.0);
        ui.horizontal_top(|ui| {
            for dimension in &workbook.dimensions {
                let color = names::color(&dimension.color);
                ui.vertical(|ui| {
                    ui.set_width(column_width);
                    Frame::new().fill(color).inner_margin(6.0).corner_radius(4.0).show(ui, |ui| {
                        ui.set_width(column_width - 12.0);
                        ui.label(
                            RichText::new(names::dimension(dimension, lang))
                                .strong()
                                .size(15.0 * zoom)
                                .color(Color32::WHITE),
                        );
                    });
                    for element in workbook.elements_of(dimension.id) {
                        let (count, cost) =
                            view.shown.per_element.iter().find(|e| e.0 == element.id).map_or((0, 0), |e| (e.1, e.2));
                        let lane_frame =
                            Frame::new().inner_margin(4.0).corner_radius(4.0).stroke((1.0, color.gamma_multiply(0.5)));
                        let (_, dropped) = ui.dnd_drop_zone::<DraggedProgram, ()>(lane_frame, |ui| {
                            ui.set_width(column_width - 10.0);
                            ui.label(
                                RichText::new(names::element(element, lang)).strong().size(13.5 * zoom).color(color),
                            );
                            ui.label(
                                RichText::new(format!("{count} · {}", crate::ui::quick_wins::money(cx, cost)))
                                    .size(12.0 * zoom)
                                    .weak(),
                            );
                            let cards = lanes.get(&element.id).map_or(&[][..], Vec::as_slice);
                            for &i in cards.iter().take(CARDS_PER_LANE) {
                                let program = &workbook.programs[i];
                                let card_id = egui::Id::unique(("card", program.id));
                                let response = ui.dnd_drag_source(card_id, DraggedProgram(program.id), |ui| {
                                    Frame::new()
                                        .fill(ui.visuals().extreme_bg_color)
                                        .inner_margin(5.0)
                                        .corner_radius(3.0)
                                        .stroke((1.0, color.gamma_multiply(0.7)))
                                        .show(ui, |ui| {
                                            ui.set_width(column_width - 22.0);
                                            let name = ui.add(
                                                egui::Button::new(RichText::new(&program.name).size(13.0 * zoom))
                                                    .frame(false)
                                                    .wrap(),
                                            );
                                            if name.on_hover_text(Text::OpenEditorHint.get(lang)).clicked() {
                                                open = Some(program.id);
                                            }
                                            let agency = program
                                                .agency_id
                                                .and_then(|a| workbook.agency(a))
                                                .map_or("—", |a| a.label());
                                            let quick = if program.quick_win { "★ " } else { "" };
                                            ui.label(
                                                RichText::new(format!(
                                                    "{quick}{agency} · {}",
                                                    crate::ui::quick_wins::money(cx, program.total_cost())
                                                ))
                                                .size(11.5 * zoom)
                                                .weak(),
                                            );
                                        });
                                });
                                response
                                    .response
                                    .accessible_name(Message::with(Text::CardOf, [program.name.clone()]).show(lang));
                            }
                            if cards.len() > CARDS_PER_LANE {
                                ui.label(
                                    RichText::new(
                                        Message::with(Text::MoreCards, [(cards.len() - CARDS_PER_LANE).to_string()])
                                            .show(lang),
                                    )
                                    .italics(),
                                );
                            }
                        });
                        if let Some(dragged) = dropped {
                            moved = Some((dragged.0, element.id));
                        }
                        ui.add_space(4.0);
                    }
                });
            }
        });
    });
    if let Some((program, element)) = moved
        && cx.editable
        && let Some(p) = workbook.program(program)
        && p.element_id != element
    {
        let target = workbook.element(element).map_or("", |e| names::element(e, lang));
        let label = Message::with(Text::EditMoveProgram, [p.name.as_str(), target]);
        cx.edits.push(Edit::one(label, Change::PutProgram(crate::model::Program { element_id: element, ..p.clone() })));
    }
    if let Some(id) = open {
        view.open(id);
    }
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
