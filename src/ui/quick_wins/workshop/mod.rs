//! The workshop: one session (title, date, place, stage), its participant groups and their dot votes typed by
//! the facilitator from a show of hands, the live ranking by votes, the attendance list and the minutes
//! (decisions, exported as a self-contained HTML page). Everything typed is workbook data, saved through
//! the edit path (undoable); only the choice of session and tab is view state.

mod attendance;
mod details;
mod live;
mod minutes;
mod votes;

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::Ui;

use crate::analysis::quick_wins::Ranked;
use crate::i18n::{Lang, Message, Text, format_date};
use crate::model::quick_wins::{QuickWins, Workshop};
use crate::model::{Change, Edit, Id, QuickWinChange, Workbook, new_id};
use crate::store::now_iso;
use crate::ui::ViewCx;
use crate::ui::fields::Drafts;
use votes::VoteRows;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    #[default]
    Votes,
    LiveRanking,
    Attendance,
    Minutes,
}

impl Section {
    const ALL: [Section; 4] = [Section::Votes, Section::LiveRanking, Section::Attendance, Section::Minutes];

    fn label(self) -> Text {
        match self {
            Section::Votes => Text::QwSectionVotes,
            Section::LiveRanking => Text::QwSectionLive,
            Section::Attendance => Text::QwAttendance,
            Section::Minutes => Text::QwSectionMinutes,
        }
    }
}

#[derive(Default)]
pub struct WorkshopPanel {
    pub workshop: Option<Id>,
    pub section: Section,
    drafts: Drafts,
    new_group: String,
    new_attendee: String,
    new_attendee_role: String,
    filter: String,
    /// The vote table's rows for the current filter, kept between frames.
    vote_rows: VoteRows,
    export_path: String,
    browsing: Option<Receiver<Option<PathBuf>>>,
    status: Option<(Message, bool)>,
    problem: Option<Message>,
    /// The workshop whose deletion waits for a second click.
    confirm_delete: Option<Id>,
}

fn qw(change: QuickWinChange) -> Change {
    Change::QuickWin(change)
}

impl WorkshopPanel {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, ranked: &[Ranked]) {
        let lang = cx.lang;
        self.choose_ui(ui, cx);
        let Some(workshop) = self.workshop.and_then(|w| cx.session.workbook().quick_wins.workshop(w)).cloned() else {
            ui.label(Text::QwNoWorkshop.get(lang));
            return;
        };
        self.details_ui(ui, cx, &workshop);
        ui.horizontal_wrapped(|ui| {
            for section in Section::ALL {
                ui.selectable_value(&mut self.section, section, section.label().get(lang));
            }
        });
        ui.separator();
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
        }
        match self.section {
            Section::Votes => self.votes_ui(ui, cx, &workshop, ranked),
            Section::LiveRanking => live::live_ranking_ui(ui, cx, &workshop),
            Section::Attendance => self.attendance_ui(ui, cx, &workshop),
            Section::Minutes => self.minutes_ui(ui, cx, &workshop),
        }
    }

    /// The choice of session (the last one when none is chosen) and the "new workshop" button.
    fn choose_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        if self.workshop.is_none_or(|w| workbook.quick_wins.workshop(w).is_none()) {
            self.workshop = workbook.quick_wins.workshops.last().map(|w| w.id);
        }
        ui.horizontal_wrapped(|ui| {
            let title = |id: Option<Id>| {
                id.and_then(|w| workbook.quick_wins.workshop(w)).map_or_else(String::new, |w| dated_title(w, lang))
            };
            egui::ComboBox::from_id_salt("qw_workshop")
                .selected_text(title(self.workshop))
                .width(260.0)
                .show_ui(ui, |ui| {
                    for w in &workbook.quick_wins.workshops {
                        ui.selectable_value(&mut self.workshop, Some(w.id), dated_title(w, lang));
                    }
                })
                .response
                .accessible_name(Text::QwWorkshop.get(lang));
            if ui.add_enabled(cx.editable, egui::Button::new(Text::QwNewWorkshop.get(lang))).clicked() {
                let workshop = new_workshop(workbook, Text::QwNewWorkshopTitle.get(lang));
                self.workshop = Some(workshop.id);
                cx.push(Edit::one(
                    Message::with(Text::QwEditAddWorkshop, [workshop.title.clone()]),
                    qw(QuickWinChange::PutWorkshop(workshop)),
                ));
            }
        });
    }

    /// Push `edit` when it is valid; otherwise show why.
    fn push(&mut self, cx: &mut ViewCx<'_>, edit: Edit) {
        self.problem = cx.propose(edit).err().map(|problems| problems[0].message.clone());
    }

    /// Push each of `edits` in turn, as [`push`](Self::push).
    fn push_all(&mut self, cx: &mut ViewCx<'_>, edits: Vec<Edit>) {
        for edit in edits {
            self.push(cx, edit);
        }
    }
}

/// A new session today at the capital, stage III, after the last one.
fn new_workshop(workbook: &Workbook, title: &str) -> Workshop {
    Workshop {
        id: new_id(),
        title: title.to_string(),
        date: now_iso().chars().take(10).collect(),
        place: workbook.profile.capital.clone(),
        stage: 3,
        notes: String::new(),
        position: QuickWins::next_position(&workbook.quick_wins.workshops, |w| w.position),
    }
}

/// "Tahap III · 30 November 2021": a workshop's title and its date written out in the interface's language.
fn dated_title(w: &Workshop, lang: Lang) -> String {
    if w.date.trim().is_empty() {
        w.title.clone()
    } else {
        format!("{} · {}", w.title, format_date(w.date.trim(), lang))
    }
}
