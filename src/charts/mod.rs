//! Charts: one description per chart, drawn by plotters onto any backend. The app shows the bitmap
//! ([`to_rgba`]), exports write SVG ([`to_svg`]) or PNG ([`write_png`]): same code, same picture.
//!
//! A chart is a plain data struct with its labels already translated; it draws no text of its own except
//! numbers, which are written the Indonesian way (`2,4`) in both languages, like everywhere in the app.
//! Sizes scale with the picture ([`scale_of`]), so a 2400x1800 print export looks like the 800x600 view,
//! only sharper. Text is the bundled DejaVu Sans: registered with plotters once ([`register_fonts`]), and
//! rasterised here for bitmaps ([`TextMode::Raster`]), where plotters' own text spaces letters unevenly.
//! No egui and no SQL here.

pub mod finance;
mod labels;
pub mod monev;
pub mod of_workbook;
pub mod quick_wins;
pub mod readiness;

pub use finance::{CostVsEnvelopeChart, FundingMixChart, ProjectionChart, RevenueCompositionChart, StackSeries};
pub use readiness::{GapBarChart, HeatmapChart, RadarChart, RadarSeries};

use std::path::Path;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, register_font};

use crate::i18n::format_decimal;

/// DejaVu Sans (see `assets/fonts/DejaVuSans-LICENSE.txt`), the file the UI also uses.
/// DejaVu Sans (`assets/fonts/DejaVuSans-LICENSE.txt`): the one font file of charts and the app.
pub const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans' x-height (1120 of 2048 units per em): SVG centres text on half of it (`dy="0.5ex"`).
const EX_PER_EM: f64 = 1120.0 / 2048.0;
/// The smallest text, in pixels.
const MIN_EM: f64 = 11.0;
/// plotters writes an SVG `font-size` of its font size / 1.24; text sizes here are in SVG pixels (the em).
const PLOTTERS_SIZE_PER_EM: f64 = 1.24;

/// The font family the charts ask for; SVG viewers without DejaVu Sans fall back to their own sans-serif.
pub const FONT_FAMILY: &str = "sans-serif";

/// The largest width or height accepted (a texture-size limit, far above print resolution: A3 at 300 dpi is
/// 4961 pixels).
pub const MAX_SIDE: u32 = 16_384;

/// The size of a chart's title.
const TITLE: f64 = 21.0;

/// Background, text and line colours: dark on white, readable on a projector.
const BACKGROUND: RGBColor = WHITE;
const TEXT: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(88, 94, 102);
const GRID: RGBColor = RGBColor(206, 211, 217);
const AXIS: RGBColor = RGBColor(120, 126, 134);
/// Cells and swatches without a value.
const EMPTY: RGBColor = RGBColor(226, 229, 233);

/// One chart, drawable onto any plotters backend. `dyn Chart` works too (for a list of charts): it draws
/// through [`ChartBackends`], which every `Chart` gets for free.
pub trait Chart: ChartBackends {
    /// Draw the whole chart (background included) onto `area`, sized to it, with [`TextMode::Backend`]:
    /// right for SVG. For bitmaps prefer [`to_rgba`], [`write_png`] or [`Chart::draw_with`] and
    /// [`TextMode::Raster`].
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Result<(), String>
    where
        Self: Sized,
    {
        self.draw_with(area, TextMode::Backend)
    }

    /// Draw the whole chart onto `area`, its text as `text` says. Registers the font if needed.
    fn draw_with<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, text: TextMode) -> Result<(), String>
    where
        Self: Sized;

    /// The values under the point (`x`, `y`) of a picture of `width` x `height` pixels (origin top left), as
    /// drawn at that size: for a chart of amounts per year, the year of the column under `x` and each
    /// series' amount in it, one per line, estimates after "≈". `None` outside the plot, where there is no
    /// value, and for charts without a read-out.
    fn readout(&self, width: u32, height: u32, x: f64, y: f64) -> Option<String> {
        let _ = (width, height, x, y);
        None
    }
}

/// How a chart's text reaches the picture. Both place it alike: same font, size, anchor and width.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextMode {
    /// Handed to the backend: `<text>` elements in SVG, so exported text stays text.
    #[default]
    Backend,
    /// Glyphs rasterised here, pixel by pixel: for bitmaps, where plotters' own text drops each letter's
    /// side bearing and words look gappy ("Sm art") at screen sizes.
    Raster,
}

/// [`Chart`] on the two backends this module renders to, callable on `dyn Chart` (a generic method is not).
/// Implemented for every sized [`Chart`]; do not implement it yourself.
pub trait ChartBackends {
    fn draw_svg(&self, area: &DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), String>;
    fn draw_bitmap(&self, area: &DrawingArea<BitMapBackend<'_>, Shift>) -> Result<(), String>;
}

impl<C: Chart> ChartBackends for C {
    fn draw_svg(&self, area: &DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), String> {
        self.draw_with(area, TextMode::Backend)
    }

    fn draw_bitmap(&self, area: &DrawingArea<BitMapBackend<'_>, Shift>) -> Result<(), String> {
        self.draw_with(area, TextMode::Raster)
    }
}

/// Register DejaVu Sans with plotters as [`FONT_FAMILY`], once per process. Every chart calls this before
/// drawing; calling it again is free.
pub fn register_fonts() -> Result<(), String> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            register_font(FONT_FAMILY, FontStyle::Normal, DEJAVU_SANS)
                .map_err(|_| "the bundled chart font could not be read".to_string())
        })
        .clone()
}

/// The font for measuring and rasterising text.
fn glyphs() -> Result<&'static FontRef<'static>, String> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(DEJAVU_SANS).ok())
        .as_ref()
        .ok_or_else(|| "the bundled chart font could not be read".to_string())
}

/// The chart as an SVG document of `width` x `height` pixels.
pub fn to_svg(chart: &(impl Chart + ?Sized), width: u32, height: u32) -> Result<String, String> {
    check_size(width, height)?;
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        chart.draw_svg(&area)?;
        area.present().map_err(fail)?;
    }
    Ok(svg)
}

/// The chart as RGBA8 pixels, row-major, `width * height * 4` bytes, fully opaque (for an egui texture).
pub fn to_rgba(chart: &(impl Chart + ?Sized), width: u32, height: u32) -> Result<Vec<u8>, String> {
    check_size(width, height)?;
    let mut rgb = vec![0u8; width as usize * height as usize * 3];
    {
        let area = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        chart.draw_bitmap(&area)?;
        area.present().map_err(fail)?;
    }
    Ok(rgb.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect())
}

/// Write the chart as a PNG of `width` x `height` pixels to `path` (pass e.g. 2400x1800 for print). The
/// picture goes to a temporary file next to `path` first and is then renamed over it, so `path` never holds
/// half a picture, and a failure leaves no temporary file behind.
pub fn write_png(chart: &(impl Chart + ?Sized), width: u32, height: u32, path: &Path) -> Result<(), String> {
    check_size(width, height)?;
    let name = path.file_name().ok_or_else(|| format!("not a file path: {}", path.display()))?;
    // The encoder picks the format from the extension, so the temporary name ends in `.png` too.
    let temp = path.with_file_name(format!(".{}.{}.tmp.png", name.to_string_lossy(), std::process::id()));
    let drawn = {
        let area = BitMapBackend::new(&temp, (width, height)).into_drawing_area();
        chart.draw_bitmap(&area).and_then(|()| area.present().map_err(fail))
        // A backend dropped after a failed draw still tries to save: clean up only after this block.
    };
    let result = drawn
        .and_then(|()| std::fs::rename(&temp, path).map_err(|e| format!("could not write {}: {e}", path.display())));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

fn check_size(width: u32, height: u32) -> Result<(), String> {
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(format!("chart size {width}x{height} is outside 1..={MAX_SIDE} pixels per side"));
    }
    Ok(())
}

/// Run `f` on a canvas of `width` x `height` pixels that draws nothing: for finding where a chart puts
/// things (a read-out) with the very measurements of its drawing. `None` for a size [`check_size`] refuses.
fn measure<R>(width: u32, height: u32, f: impl FnOnce(&Canvas<'_, SVGBackend<'_>>) -> Option<R>) -> Option<R> {
    check_size(width, height).ok()?;
    let mut sink = String::new();
    let area = SVGBackend::with_string(&mut sink, (width, height)).into_drawing_area();
    let canvas = Canvas::new(&area, TextMode::Backend).ok()?;
    f(&canvas)
}

/// A plotters error as the message the caller shows.
fn fail(error: impl std::fmt::Display) -> String {
    format!("chart drawing failed: {error}")
}

thread_local! {
    /// The smallest size factor pictures drawn on this thread get: 0 (none) except inside [`with_min_scale`].
    static MIN_SCALE: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Draw and read out charts inside `f` at a size factor of at least `min`: the app's charts on a projector,
/// whose labels must match its body text, not the picture's share of the screen. A setting of the thread
/// rather than a parameter, so a picture and its hover readout (which lays the chart out again) always agree;
/// files are drawn outside it and keep their bytes.
pub fn with_min_scale<R>(min: f64, f: impl FnOnce() -> R) -> R {
    let before = MIN_SCALE.with(|m| m.replace(min));
    let result = f();
    MIN_SCALE.with(|m| m.set(before));
    result
}

/// The size factor of a picture: 1.0 at 480 pixels on its short side, so text and lines keep their share of
/// the picture at any size (a label is 3% of the height); never below [`with_min_scale`]'s.
pub fn scale_of(width: u32, height: u32) -> f64 {
    (f64::from(width.min(height)) / 480.0).max(0.3).max(MIN_SCALE.with(std::cell::Cell::get))
}

/// A number on an axis or at a bar: whole numbers without decimals, others with one decimal comma (`2,5`).
fn format_number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 { format!("{}", value.round() as i64) } else { format_decimal(value, 1) }
}

/// Dark or white text, whichever reads better on `background`.
fn ink_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance > 150.0 { TEXT } else { WHITE }
}

/// Legend entries of these `widths` side by side in rows of at most `room` pixels, `spacing` apart: each row's
/// entries (by index) and its width. An entry wider than `room` gets a row of its own.
fn legend_rows(widths: impl Iterator<Item = i32>, spacing: i32, room: i32) -> Vec<(Vec<usize>, i32)> {
    let mut rows: Vec<(Vec<usize>, i32)> = Vec::new();
    for (i, entry) in widths.enumerate() {
        match rows.last_mut() {
            Some((row, width)) if *width + spacing + entry <= room => {
                row.push(i);
                *width += spacing + entry;
            }
            _ => rows.push((vec![i], entry)),
        }
    }
    rows
}

/// A colour from the data.
fn rgb(color: [u8; 3]) -> RGBColor {
    RGBColor(color[0], color[1], color[2])
}

/// A drawing area with the chart's scale and text mode: measuring, placing and fitting text, and shapes
/// with plotters' errors turned into messages. Text sizes are ems in pixels at scale 1.
struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    text_mode: TextMode,
    /// See [`scale_of`].
    s: f64,
    w: i32,
    h: i32,
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    fn new(area: &'a DrawingArea<DB, Shift>, text_mode: TextMode) -> Result<Self, String> {
        register_fonts()?;
        glyphs()?;
        let (w, h) = area.dim_in_pixel();
        Ok(Canvas { area, text_mode, s: scale_of(w, h), w: w as i32, h: h as i32 })
    }

    /// `v` pixels at scale 1, in this picture's pixels.
    fn px(&self, v: f64) -> i32 {
        (v * self.s).round() as i32
    }

    /// The em in pixels of text size `size`: scaled, but never below 11 pixels, so the smallest numbers stay
    /// legible in a small view.
    fn em(&self, size: f64) -> f64 {
        (size * self.s).max(size.min(MIN_EM))
    }

    /// The height of one line of text of `size`.
    fn line(&self, size: f64) -> i32 {
        (self.em(size) * 1.25).round() as i32
    }

    fn scaled_font(&self, size: f64) -> ab_glyph::PxScaleFont<&'static FontRef<'static>> {
        let font = glyphs().expect("checked in Canvas::new");
        let units = font.units_per_em().unwrap_or(2048.0);
        // ab_glyph scales by ascent - descent; SVG and plotters by the em.
        font.as_scaled(PxScale::from((self.em(size) * f64::from(font.height_unscaled() / units)) as f32))
    }

    /// The width in pixels of `text` at `size`.
    fn width(&self, text: &str, size: f64) -> i32 {
        let font = self.scaled_font(size);
        let mut width = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = previous {
                width += font.kern(p, id);
            }
            width += font.h_advance(id);
            previous = Some(id);
        }
        width.ceil() as i32
    }

    /// Draw `text` at `pos`, anchored by `h` and `v` the way SVG does it: `Center` puts half the x-height on
    /// `pos`, `Top` the ascender line.
    fn text(
        &self,
        text: &str,
        size: f64,
        color: &RGBColor,
        pos: (i32, i32),
        (h, v): (HPos, VPos),
    ) -> Result<(), String> {
        if text.is_empty() {
            return Ok(());
        }
        match self.text_mode {
            TextMode::Backend => {
                let font = FontDesc::new(
                    FontFamily::Name(FONT_FAMILY),
                    self.em(size) * PLOTTERS_SIZE_PER_EM,
                    FontStyle::Normal,
                );
                self.area.draw_text(text, &font.color(color).pos(Pos::new(h, v)), pos).map_err(fail)
            }
            TextMode::Raster => self.raster_text(text, size, color, self.raster_origin(text, size, pos, (h, v))),
        }
    }

    /// The left end of `text`'s baseline when it is anchored at `pos` by `h` and `v` (see [`Canvas::text`]).
    fn raster_origin(&self, text: &str, size: f64, pos: (i32, i32), (h, v): (HPos, VPos)) -> (f64, f64) {
        let em = self.em(size);
        let width = f64::from(self.width(text, size));
        let left = f64::from(pos.0)
            - match h {
                HPos::Left => 0.0,
                HPos::Center => width / 2.0,
                HPos::Right => width,
            };
        // The same offsets as plotters' SVG `dy`: 0.76em, 0.5ex, -0.5ex.
        let baseline = f64::from(pos.1)
            + match v {
                VPos::Top => 0.76 * em,
                VPos::Center => 0.5 * EX_PER_EM * em,
                VPos::Bottom => -0.5 * EX_PER_EM * em,
            };
        (left, baseline)
    }

    /// Draw `text` rasterised here, starting at `left` on `baseline`.
    fn raster_text(&self, text: &str, size: f64, color: &RGBColor, (left, baseline): (f64, f64)) -> Result<(), String> {
        let font = self.scaled_font(size);
        let mut pixels = Vec::new();
        let mut caret = left as f32;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = previous {
                caret += font.kern(p, id);
            }
            let glyph = id.with_scale_and_position(font.scale(), point(caret, baseline as f32));
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|x, y, coverage| {
                    if coverage > 0.0 {
                        pixels.push((
                            bounds.min.x as i32 + x as i32,
                            bounds.min.y as i32 + y as i32,
                            coverage.min(1.0),
                        ));
                    }
                });
            }
            caret += font.h_advance(id);
            previous = Some(id);
        }
        for (x, y, coverage) in pixels {
            self.area.draw_pixel((x, y), &color.mix(f64::from(coverage))).map_err(fail)?;
        }
        Ok(())
    }

    /// `text` shortened with "…" to at most `max_width` pixels.
    fn fit(&self, text: &str, size: f64, max_width: i32) -> String {
        if self.width(text, size) <= max_width {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let shortened = |n: usize| chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        // The longest prefix that fits with the ellipsis, by bisection.
        let (mut lo, mut hi) = (0, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.width(&shortened(mid), size) <= max_width {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        shortened(lo)
    }

    /// `text` broken at spaces into at most `max_lines` lines of at most `max_width` pixels; what does not
    /// fit ends the last line with "…".
    fn wrap(&self, text: &str, size: f64, max_width: i32, max_lines: usize) -> Vec<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for (i, word) in words.iter().enumerate() {
            let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
            if current.is_empty() || self.width(&candidate, size) <= max_width {
                current = candidate;
            } else if lines.len() + 1 >= max_lines {
                // No line left: the rest joins the last line, shortened.
                current = format!("{current} {}", words[i..].join(" "));
                break;
            } else {
                lines.push(std::mem::replace(&mut current, word.to_string()));
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines.iter().map(|line| self.fit(line, size, max_width)).collect()
    }

    /// The widest of `texts` at `size`.
    fn widest<'t>(&self, texts: impl IntoIterator<Item = &'t String>, size: f64) -> i32 {
        texts.into_iter().map(|t| self.width(t, size)).max().unwrap_or(0)
    }

    /// Fill the picture with the background and draw `title` centred at the top. Returns where the body
    /// starts.
    fn frame(&self, title: &str) -> Result<i32, String> {
        self.area.fill(&BACKGROUND).map_err(fail)?;
        let margin = self.px(12.0);
        if !title.trim().is_empty() {
            let title = self.fit(title.trim(), TITLE, self.w - 2 * margin);
            self.text(&title, TITLE, &TEXT, (self.w / 2, margin), (HPos::Center, VPos::Top))?;
        }
        Ok(self.body_top(title))
    }

    /// Where the body starts under `title`, as [`Canvas::frame`] draws it.
    fn body_top(&self, title: &str) -> i32 {
        let margin = self.px(12.0);
        if title.trim().is_empty() { margin } else { margin + self.line(TITLE) + self.px(10.0) }
    }

    fn rect(&self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), color: &RGBColor) -> Result<(), String> {
        self.area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled())).map_err(fail)
    }

    fn path(&self, points: Vec<(i32, i32)>, style: ShapeStyle) -> Result<(), String> {
        self.area.draw(&PathElement::new(points, style)).map_err(fail)
    }

    /// A line `width` pixels at scale 1 wide (at least one pixel).
    fn stroke(&self, color: RGBColor, width: f64) -> ShapeStyle {
        color.stroke_width(self.px(width).max(1) as u32)
    }
}

#[cfg(test)]
mod tests;
