//! Presentation (workshop) mode: F5 or the toolbar button; Esc leaves. Full screen, the editing chrome
//! (menus, navigation, status bar) hidden, the projector theme, zoom in and out (Ctrl +/- or the buttons), a
//! switch that hides money in every presented view, a bar to present any view, and the facilitator's
//! countdown timer. All of it is view state: nothing here is saved in the workbook.

use std::time::Duration;

use egui::{Color32, Key, RichText, Ui};

use super::badges::example_badge;
use super::commands::Command;
use super::theme;
use super::views::View;
use crate::i18n::{Lang, Text};

/// Zoom steps of the buttons, and the limits.
const ZOOM_STEP: f32 = 0.1;
const ZOOM_MIN: f32 = 1.0;
const ZOOM_MAX: f32 = 3.5;
/// The bar's text, in points of the unzoomed screen: desktop size for the facilitator, whatever the zoom, so
/// the bar stays one slim row and the zoom goes to the content.
const BAR_TEXT: f32 = 14.0;

/// A countdown on egui's clock (so tests can drive it): running from a start time, or paused with what is left.
#[derive(Clone, Debug, PartialEq)]
pub struct Timer {
    /// The length set, in seconds.
    pub length: f64,
    /// When it was started (egui time, seconds), while running.
    started: Option<f64>,
    /// What was left when last paused or set.
    left: f64,
}

impl Default for Timer {
    fn default() -> Self {
        Timer { length: 300.0, started: None, left: 300.0 }
    }
}

impl Timer {
    pub fn set(&mut self, seconds: f64) {
        self.length = seconds.max(0.0);
        self.left = self.length;
        self.started = None;
    }

    pub fn running(&self) -> bool {
        self.started.is_some()
    }

    /// Seconds left at `now` (never below 0).
    pub fn left(&self, now: f64) -> f64 {
        match self.started {
            Some(start) => (self.left - (now - start)).max(0.0),
            None => self.left,
        }
    }

    pub fn start(&mut self, now: f64) {
        if self.started.is_none() && self.left > 0.0 {
            self.started = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        if self.started.is_some() {
            self.left = self.left(now);
            self.started = None;
        }
    }

    /// `mm:ss`, rounding up so "00:00" means time is up.
    pub fn text(&self, now: f64) -> String {
        let seconds = self.left(now).ceil() as u64;
        format!("{:02}:{:02}", seconds / 60, seconds % 60)
    }
}

#[derive(Default)]
pub struct Presentation {
    pub active: bool,
    pub hide_money: bool,
    pub timer: Timer,
    minutes: String,
    /// The zoom of the editing screen, put back on leaving.
    zoom_before: Option<f32>,
}

impl Presentation {
    pub fn toggle(&mut self, ctx: &egui::Context) {
        if self.active { self.leave(ctx) } else { self.enter(ctx) }
    }

    pub fn enter(&mut self, ctx: &egui::Context) {
        self.active = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        theme::apply_projector(ctx);
        self.zoom_before = Some(ctx.zoom_factor());
        ctx.set_zoom_factor(theme::PRESENT_ZOOM);
    }

    pub fn leave(&mut self, ctx: &egui::Context) {
        self.active = false;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        theme::apply(ctx);
        ctx.set_zoom_factor(self.zoom_before.take().unwrap_or(1.0));
    }

    /// Esc leaves (unless a text field has the keyboard); a running timer repaints four times a second until
    /// it reaches zero, and never more.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if !self.active {
            return;
        }
        if !ctx.egui_wants_keyboard_input() && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)) {
            self.leave(ctx);
            return;
        }
        let now = ctx.input(|i| i.time);
        if self.timer.running() {
            if self.timer.left(now) <= 0.0 {
                self.timer.pause(now);
            } else {
                ctx.request_repaint_after(Duration::from_millis(250));
            }
        }
    }

    /// The bar at the top while presenting, one slim row of desktop-size text: the example badge of demo
    /// data, the view menu, zoom, the money switch, the timer and, at the right end, the way out.
    pub fn bar_ui(&mut self, ui: &mut Ui, lang: Lang, view: View, is_example: bool, commands: &mut Vec<Command>) {
        let now = ui.input(|i| i.time);
        let zoom = ui.ctx().zoom_factor();
        bar_style(ui, zoom);
        ui.horizontal(|ui| {
            if is_example {
                example_badge(ui, lang);
            }
            view_menu(ui, lang, view, commands);
            ui.separator();
            if ui
                .button("A−")
                .on_hover_text(Text::PresentZoomOut.get(lang))
                .accessible_name(Text::PresentZoomOut.get(lang))
                .clicked()
            {
                ui.ctx().set_zoom_factor((zoom - ZOOM_STEP).max(ZOOM_MIN));
            }
            ui.label(format!("{:.0} %", zoom * 100.0));
            if ui
                .button("A+")
                .on_hover_text(Text::PresentZoomIn.get(lang))
                .accessible_name(Text::PresentZoomIn.get(lang))
                .clicked()
            {
                ui.ctx().set_zoom_factor((zoom + ZOOM_STEP).min(ZOOM_MAX));
            }
            ui.separator();
            ui.checkbox(&mut self.hide_money, Text::PresentHideMoney.get(lang));
            ui.separator();
            self.timer_ui(ui, lang, now);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(RichText::new(Text::PresentExit.get(lang)).strong()).clicked() {
                    commands.push(Command::Present);
                }
            });
        });
    }

    fn timer_ui(&mut self, ui: &mut Ui, lang: Lang, now: f64) {
        let left = self.timer.left(now);
        let color = if left <= 0.0 {
            Color32::from_rgb(0xB0, 0x00, 0x20)
        } else if left <= 60.0 {
            Color32::from_rgb(0xA0, 0x4A, 0x00)
        } else {
            ui.visuals().strong_text_color()
        };
        let text = ui.label(RichText::new(format!("⏱ {}", self.timer.text(now))).strong().monospace().color(color));
        text.on_hover_text(Text::PresentTimer.get(lang));
        if left <= 0.0 {
            ui.colored_label(color, Text::PresentTimeUp.get(lang));
        }
        if self.timer.running() {
            if ui.button(Text::PresentPause.get(lang)).clicked() {
                self.timer.pause(now);
            }
        } else if ui.add_enabled(left > 0.0, egui::Button::new(Text::PresentStart.get(lang))).clicked() {
            self.timer.start(now);
        }
        if self.minutes.is_empty() {
            self.minutes = format!("{}", (self.timer.length / 60.0).round() as u64);
        }
        let label = ui.label(Text::PresentMinutes.get(lang));
        // Desktop size on screen like the rest of the bar: three digits wide whatever the zoom.
        let field_width = 3.0 * BAR_TEXT / ui.ctx().zoom_factor().max(0.1);
        let field =
            ui.add(egui::TextEdit::singleline(&mut self.minutes).desired_width(field_width)).labelled_by(label.id);
        let set = ui.button(Text::PresentSetTimer.get(lang)).clicked();
        if set || (field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))) {
            match self.minutes.trim().replace(',', ".").parse::<f64>() {
                Ok(m) if (0.0..=600.0).contains(&m) => self.timer.set(m * 60.0),
                _ => self.minutes = format!("{}", (self.timer.length / 60.0).round() as u64),
            }
        }
    }
}

/// The bar's text and spacing at desktop size on screen: the zoom's points divided by the zoom.
fn bar_style(ui: &mut Ui, zoom: f32) {
    let style = ui.style_mut();
    let unzoom = 1.0 / zoom.max(0.1);
    for font in style.text_styles.values_mut() {
        font.size = BAR_TEXT * unzoom;
    }
    style.spacing.item_spacing = egui::vec2(6.0, 2.0) * unzoom;
    style.spacing.button_padding = egui::vec2(6.0, 2.0) * unzoom;
    style.spacing.interact_size *= unzoom;
    style.spacing.icon_width *= unzoom;
    style.spacing.icon_width_inner *= unzoom;
    style.spacing.icon_spacing *= unzoom;
    style.spacing.combo_width = 120.0 * unzoom;
}

/// The view being presented, a menu of every view.
fn view_menu(ui: &mut Ui, lang: Lang, view: View, commands: &mut Vec<Command>) {
    let name = Text::PresentViewMenu.get(lang);
    // Tall enough for every view without a scroll bar, whatever the zoom.
    let menu = egui::ComboBox::from_id_salt("present-view")
        .selected_text(view.label().get(lang))
        .height(f32::INFINITY)
        .show_ui(ui, |ui| {
            for v in View::ALL {
                if ui.selectable_label(view == v, v.label().get(lang)).clicked() {
                    commands.push(Command::Show(v));
                }
            }
        });
    menu.response.on_hover_text(name).accessible_name(name);
}

/// In place of a view that shows nothing but amounts, while money is hidden.
pub fn money_hidden_ui(ui: &mut Ui, lang: Lang) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.heading(Text::PresentMoneyHidden.get(lang));
        ui.label(Text::PresentMoneyHiddenHint.get(lang));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_counts_down_pauses_and_stops_at_zero() {
        let mut timer = Timer::default();
        timer.set(90.0);
        assert_eq!(timer.text(0.0), "01:30");
        timer.start(10.0);
        assert_eq!(timer.text(40.5), "01:00");
        timer.pause(40.5);
        assert_eq!(timer.text(1000.0), "01:00", "paused time stands still");
        timer.start(2000.0);
        assert_eq!(timer.left(2100.0), 0.0);
        assert_eq!(timer.text(2100.0), "00:00");
    }
}
