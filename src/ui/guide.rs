//! The built-in quick guide (Bantuan > Panduan singkat, F1): what each view is for, the workshop flow of
//! stages I-IV, working with agencies, and the keys. The text lives in `assets/guide/<lang>.txt`, one per
//! language: `# ` starts a section, `- ` a point, any other line a paragraph.

use egui::{RichText, Ui};

use crate::i18n::{Lang, Text};

const GUIDE_ID: &str = include_str!("../../assets/guide/id.txt");
const GUIDE_EN: &str = include_str!("../../assets/guide/en.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block<'a> {
    Heading(&'a str),
    Point(&'a str),
    Paragraph(&'a str),
}

fn blocks(text: &str) -> impl Iterator<Item = Block<'_>> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|line| {
        if let Some(heading) = line.strip_prefix("# ") {
            Block::Heading(heading)
        } else if let Some(point) = line.strip_prefix("- ") {
            Block::Point(point)
        } else {
            Block::Paragraph(line)
        }
    })
}

fn text_of(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => GUIDE_ID,
        Lang::En => GUIDE_EN,
    }
}

/// The guide's window while `open`; its close button clears it.
pub fn guide_window(ctx: &egui::Context, lang: Lang, open: &mut bool) {
    egui::Window::new(Text::GuideTitle.get(lang))
        .open(open)
        .collapsible(false)
        .default_width(620.0)
        .default_height(520.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| guide_ui(ui, lang));
        });
}

fn guide_ui(ui: &mut Ui, lang: Lang) {
    for block in blocks(text_of(lang)) {
        match block {
            Block::Heading(heading) => {
                ui.add_space(8.0);
                ui.label(RichText::new(heading).strong().size(18.0));
            }
            Block::Point(point) => {
                ui.horizontal_top(|ui| {
                    ui.label("•");
                    ui.add(egui::Label::new(point).wrap());
                });
            }
            Block::Paragraph(paragraph) => {
                ui.add(egui::Label::new(paragraph).wrap());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::views::View;

    fn headings(lang: Lang) -> Vec<&'static str> {
        blocks(text_of(lang))
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_sections() {
        assert_eq!(
            headings(Lang::Id),
            ["Untuk apa setiap tampilan", "Alur lokakarya Tahap I-IV", "Bekerja bersama OPD", "Tombol pintas"]
        );
        assert_eq!(
            headings(Lang::En),
            ["What each view is for", "Workshop flow, stages I-IV", "Working with agencies", "Keys"]
        );
    }

    #[test]
    fn the_first_section_says_what_every_view_is_for_by_its_navigation_name() {
        for lang in Lang::ALL {
            let points: Vec<&str> = blocks(text_of(lang))
                .skip(1)
                .take_while(|b| !matches!(b, Block::Heading(_)))
                .filter_map(|b| match b {
                    Block::Point(p) => Some(p),
                    _ => None,
                })
                .collect();
            let named: Vec<&str> = points.iter().filter_map(|p| p.split_once(": ").map(|(name, _)| name)).collect();
            let views: Vec<&str> = View::ALL.iter().map(|v| v.label().get(lang)).collect();
            assert_eq!(named, views, "{lang:?}");
        }
    }

    #[test]
    fn lines_are_read_as_headings_points_and_paragraphs() {
        let text = "# Title\n\n- a point: here\nplain words\n";
        assert_eq!(
            blocks(text).collect::<Vec<_>>(),
            [Block::Heading("Title"), Block::Point("a point: here"), Block::Paragraph("plain words")]
        );
    }
}
