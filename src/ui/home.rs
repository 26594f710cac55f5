//! The home view (Beranda), where the app opens: the masterplan at a glance (programs and cost per dimension,
//! the readiness index and its weakest pillar, the envelope against the programs' cost, the quick wins) and
//! what each book still lacks, every missing item a link to the view that fills it. The figures come from
//! `analysis::overview` and `analysis::completeness`, worked out once per workbook revision.

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};

use super::ViewCx;
use super::commands::Command;
use super::names;
use super::quick_wins::{money, score_text};
use super::views::View;
use crate::analysis::completeness::{self, BookChecklist, Check, Item};
use crate::analysis::overview::{self, EnvelopeFigures, Overview};
use crate::analysis::readiness::band_of;
use crate::i18n::{Lang, Message, Text, format_decimal};
use crate::io::books::Book;
use crate::model::Workbook;

/// The figures of one revision, and the area Book V was checked for.
struct Derived {
    key: (PathBuf, u64, String),
    overview: Overview,
    checklists: Vec<BookChecklist>,
}

#[derive(Default)]
pub struct HomeView {
    derived: Option<Derived>,
}

/// The narrowest a card gets; cards share a row's width, as many to a row as fit.
const MIN_CARD: f32 = 230.0;
const GAP: f32 = 12.0;
/// A group frame's inner margin and stroke on both sides.
const FRAME: f32 = 2.0 * (10.0 + 1.0);
const DONE: Color32 = Color32::from_rgb(0x1E, 0x7B, 0x34);

impl HomeView {
    /// `area` is the area Book V is exported for (the export view's choice).
    pub fn ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, area: &str, commands: &mut Vec<Command>) {
        let session = cx.session;
        let key = (session.path().to_path_buf(), session.revision(), area.to_string());
        if self.derived.as_ref().is_none_or(|d| d.key != key) {
            let workbook = session.workbook();
            self.derived = Some(Derived {
                overview: overview::overview(workbook),
                checklists: completeness::checklists(workbook, area),
                key,
            });
        }
        let Some(derived) = &self.derived else { return };
        let (lang, workbook) = (cx.lang, session.workbook());
        ui.heading(Text::NavHome.get(lang));
        ui.label(RichText::new(Text::HomeIntro.get(lang)).weak());
        ui.add_space(6.0);
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            dimensions_ui(ui, cx, workbook, &derived.overview, commands);
            ui.add_space(10.0);
            card_grid(ui, 3, |ui, i| match i {
                0 => readiness_card(ui, lang, workbook, &derived.overview, commands),
                1 => envelope_card(ui, cx, &derived.overview, commands),
                _ => quick_wins_card(ui, cx, workbook, &derived.overview, commands),
            });
            ui.add_space(14.0);
            checklist_ui(ui, lang, area, &derived.checklists, commands);
        });
    }
}

/// The inner width of each card when `available` points hold as many as fit side by side: they fill the
/// row exactly, so none is cut at the edge and a wide screen is not left empty.
fn card_width(available: f32) -> f32 {
    let per_row = ((available + GAP) / (MIN_CARD + FRAME + GAP)).floor().max(1.0);
    ((available - GAP * (per_row - 1.0)) / per_row - FRAME).floor().max(80.0)
}

/// `count` framed cards in rows, as many to a row as fit; `draw` fills card `i`. (A wrapping layout cannot
/// wrap frames: their size is known only once drawn.)
fn card_grid(ui: &mut Ui, count: usize, mut draw: impl FnMut(&mut Ui, usize)) {
    let available = ui.available_width();
    let width = card_width(available);
    let per_row = (((available + GAP) / (width + FRAME + GAP)).floor() as usize).max(1);
    let all: Vec<usize> = (0..count).collect();
    for row in all.chunks(per_row) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = GAP;
            for &i in row {
                egui::Frame::group(ui.style()).inner_margin(10.0).show(ui, |ui| {
                    ui.set_width(width);
                    ui.vertical(|ui| draw(ui, i));
                });
            }
        });
        ui.add_space(GAP - ui.spacing().item_spacing.y);
    }
}

fn open_link(ui: &mut Ui, lang: Lang, view: View, commands: &mut Vec<Command>) {
    let text = Message::with(Text::HomeOpenView, [view.label().get(lang).to_string()]).show(lang);
    if ui.link(text).clicked() {
        commands.push(Command::Show(view));
    }
}

fn dimensions_ui(ui: &mut Ui, cx: &ViewCx<'_>, workbook: &Workbook, o: &Overview, commands: &mut Vec<Command>) {
    let lang = cx.lang;
    // Wrapping, so a zoomed presentation never widens the view past the screen.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(Text::HomeDimensions.get(lang)).strong());
        ui.label(Message::with(Text::HomeTotal, [o.programs.to_string()]).show(lang));
        ui.label(Message::with(Text::HomeCost, [money(cx, o.cost)]).show(lang));
        open_link(ui, lang, View::Programs, commands);
    });
    card_grid(ui, o.dimensions.len(), |ui, i| {
        let figures = &o.dimensions[i];
        if let Some(dimension) = workbook.dimension(figures.dimension) {
            let name = names::dimension(dimension, lang);
            let line = Message::with(Text::HomeDimensionPrograms, [name.to_string(), figures.programs.to_string()]);
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(6.0, 18.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, names::color(&dimension.color));
                ui.add(egui::Label::new(RichText::new(line.show(lang)).strong()).wrap());
            });
            ui.label(Message::with(Text::HomeCost, [money(cx, figures.cost)]).show(lang));
        }
    });
}

fn readiness_card(ui: &mut Ui, lang: Lang, workbook: &Workbook, o: &Overview, commands: &mut Vec<Command>) {
    ui.label(RichText::new(Text::HomeReadinessTitle.get(lang)).strong());
    match &o.readiness {
        None => {
            ui.label(Text::HomeNoRound.get(lang));
        }
        Some(r) => {
            let round = workbook.rounds.iter().find(|x| x.id == r.round).map_or("", |x| x.name.as_str());
            let band = r.overall.value.and_then(|v| band_of(&workbook.bands, v)).map_or("", |b| match lang {
                Lang::Id => b.name_id.as_str(),
                Lang::En => b.name_en.as_str(),
            });
            let index = Message::with(
                Text::HomeReadinessIndex,
                [round.to_string(), band.to_string(), score_text(r.overall.value)],
            );
            ui.add(egui::Label::new(index.show(lang)).wrap());
            if let Some((pillar, value)) = r.weakest {
                let weakest = Message::with(
                    Text::HomeWeakestPillar,
                    [pillar.text().get(lang).to_string(), format_decimal(value, 2)],
                );
                ui.add(egui::Label::new(weakest.show(lang)).wrap());
            }
        }
    }
    open_link(ui, lang, View::Readiness, commands);
}

fn envelope_card(ui: &mut Ui, cx: &ViewCx<'_>, o: &Overview, commands: &mut Vec<Command>) {
    let lang = cx.lang;
    ui.label(RichText::new(Text::HomeEnvelopeTitle.get(lang)).strong());
    match &o.envelope {
        EnvelopeFigures::NoHistory => {
            ui.label(Text::HomeNoHistory.get(lang));
        }
        EnvelopeFigures::Refused(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error.message().show(lang));
        }
        EnvelopeFigures::Total(total) => {
            let figures = Message::with(
                Text::HomeEnvelopeFigures,
                [total.years.to_string(), money(cx, total.envelope), money(cx, total.program_apbd)],
            );
            ui.add(egui::Label::new(figures.show(lang)).wrap());
            // A gap is a shortfall or room left, never a bare negative number.
            let verdict = if total.gap > 0 {
                let share =
                    total.gap_percent.map_or_else(|| "–".to_string(), |p| format!("{} %", format_decimal(p, 1)));
                Message::with(Text::HomeShortfall, [money(cx, total.gap), share])
            } else {
                Message::with(Text::HomeRoom, [money(cx, total.gap.saturating_neg())])
            };
            let color = if total.gap > 0 { ui.visuals().error_fg_color } else { DONE };
            ui.colored_label(color, verdict.show(lang));
        }
    }
    if !cx.hide_money {
        open_link(ui, lang, View::Finance, commands);
    }
}

fn quick_wins_card(ui: &mut Ui, cx: &ViewCx<'_>, workbook: &Workbook, o: &Overview, commands: &mut Vec<Command>) {
    let lang = cx.lang;
    ui.label(RichText::new(Text::HomeQuickWinsTitle.get(lang)).strong());
    let q = &o.quick_wins;
    if q.count == 0 {
        ui.label(Text::HomeNoQuickWins.get(lang));
    } else {
        let year = workbook.profile.period_start.to_string();
        let line = Message::with(Text::HomeQuickWins, [q.count.to_string(), year, money(cx, q.first_year_cost)]);
        ui.add(egui::Label::new(line.show(lang)).wrap());
        for id in q.programs.iter().take(3) {
            if let Some(p) = workbook.program(*id) {
                ui.add(egui::Label::new(RichText::new(format!("• {}", p.name)).weak()).truncate());
            }
        }
    }
    open_link(ui, lang, View::QuickWins, commands);
}

fn checklist_ui(ui: &mut Ui, lang: Lang, area: &str, lists: &[BookChecklist], commands: &mut Vec<Command>) {
    ui.label(RichText::new(Text::HomeChecklist.get(lang)).strong().size(17.0));
    ui.label(RichText::new(Text::HomeChecklistHint.get(lang)).weak());
    ui.add_space(4.0);
    card_grid(ui, lists.len(), |ui, i| {
        let list = &lists[i];
        if let Some(book) = Book::from_number(list.book) {
            let title = book.title(lang).to_string();
            let head = match list.unmet() {
                0 => Message::with(Text::HomeBookComplete, [title]),
                n => Message::with(Text::HomeBookUnmet, [title, n.to_string()]),
            };
            let color = if list.unmet() == 0 { DONE } else { ui.visuals().strong_text_color() };
            ui.add(egui::Label::new(RichText::new(head.show(lang)).strong().color(color)).wrap());
            for check in &list.checks {
                check_ui(ui, lang, area, check, commands);
            }
        }
    });
}

fn check_ui(ui: &mut Ui, lang: Lang, area: &str, check: &Check, commands: &mut Vec<Command>) {
    let name = item_name(check.item, area, lang);
    if check.met() {
        ui.add(egui::Label::new(RichText::new(format!("✔ {name}")).color(DONE)).wrap());
        return;
    }
    let what = if check.counted {
        Message::with(Text::HomeMissingOf, [name, check.lacking.to_string(), check.total.to_string()]).show(lang)
    } else {
        name
    };
    let view = fills(check.item);
    let link = Message::with(Text::HomeLinkTo, [what, view.label().get(lang).to_string()]).show(lang);
    if ui.add(egui::Link::new(link)).clicked() {
        commands.push(Command::Show(view));
    }
}

fn item_name(item: Item, area: &str, lang: Lang) -> String {
    let text = match item {
        Item::RegionFacts => Text::CheckRegionFacts,
        Item::VisionMission => Text::CheckVisionMission,
        Item::Council => Text::CheckCouncil,
        Item::Team => Text::CheckTeam,
        Item::Agencies => Text::CheckAgencies,
        Item::FinanceHistory => Text::CheckFinanceHistory,
        Item::ReadinessRound => Text::CheckReadinessRound,
        Item::Issues => Text::CheckIssues,
        Item::Programs => Text::CheckPrograms,
        Item::ProgramsInEveryDimension => Text::CheckProgramsInEveryDimension,
        Item::DirectionOfEveryElement => Text::CheckDirectionOfEveryElement,
        Item::AgencyOfEveryProgram => Text::CheckAgencyOfEveryProgram,
        Item::BudgetOfEveryProgram => Text::CheckBudgetOfEveryProgram,
        Item::QuickWinsMarked => Text::CheckQuickWinsMarked,
        Item::QuickWinsScored => Text::CheckQuickWinsScored,
        Item::AreaPrograms => return Message::with(Text::CheckAreaPrograms, [area.to_string()]).show(lang),
    };
    text.get(lang).to_string()
}

/// The view where an item is filled in.
fn fills(item: Item) -> View {
    match item {
        Item::RegionFacts | Item::VisionMission | Item::Council | Item::Team | Item::Agencies => View::Profile,
        Item::FinanceHistory => View::Finance,
        Item::ReadinessRound => View::Readiness,
        Item::Issues | Item::DirectionOfEveryElement => View::Strategy,
        Item::QuickWinsMarked | Item::QuickWinsScored => View::QuickWins,
        Item::Programs
        | Item::ProgramsInEveryDimension
        | Item::AgencyOfEveryProgram
        | Item::BudgetOfEveryProgram
        | Item::AreaPrograms => View::Programs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_fill_the_row_without_running_off_it() {
        // 818 points beside the navigation at 1024x768: three cards of (818 - 24) / 3 - 22 = 242.
        assert_eq!(card_width(818.0), 242.0);
        for available in [300.0, 818.0, 1200.0, 1714.0] {
            let inner = card_width(available);
            let per_row = ((available + GAP) / (inner + FRAME + GAP)).floor();
            assert!(per_row * (inner + FRAME) + (per_row - 1.0) * GAP <= available, "{available}");
            assert!(inner >= MIN_CARD || available < MIN_CARD + FRAME, "{available}: {inner}");
        }
        // 1714 points at 1920x1080: six cards, one row of the six dimensions.
        assert_eq!(((1714.0 + GAP) / (card_width(1714.0) + FRAME + GAP)).floor(), 6.0);
    }
}
