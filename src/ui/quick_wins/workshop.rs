//! The workshop: one session (title, date, place, stage), its participant groups and their dot votes typed by
//! the facilitator from a show of hands, the live ranking by votes, the attendance list and the minutes
//! (decisions, exported as a self-contained HTML page). Everything typed is workbook data, saved through
//! the edit path (undoable); only the choice of session and tab is view state.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::{Color32, RichText, Ui};

use super::{program_color, program_label};
use crate::analysis::quick_wins::minutes::{decision_kind_text, stage_numeral};
use crate::analysis::quick_wins::{Ranked, votes_by_program};
use crate::i18n::{Message, Text};
use crate::io::books::{DocFormat, render_minutes};
use crate::model::quick_wins::{
    Attendee, Decision, DecisionKind, MAX_DOTS, ParticipantGroup, QuickWins, STAGES, Vote, Workshop,
};
use crate::model::{Change, Edit, Id, QuickWinChange, Workbook, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, text_field};
use crate::ui::file_dialog::browse_in_background;

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

/// Puts a typed value into one field of a workshop.
type SetField = fn(&mut Workshop, String);

fn qw(change: QuickWinChange) -> Change {
    Change::QuickWin(change)
}

/// The dots of `program` from each group of `workshop`, summed.
fn workshop_votes(workbook: &Workbook, workshop: Id) -> std::collections::HashMap<Id, u32> {
    votes_by_program(workbook, Some(workshop))
}

/// The rows of the vote table, built once per workbook revision, workshop, filter and ranking order (not every
/// frame): the programs matching the filter as indices into the workbook's programs, and the workshop's totals.
#[derive(Default)]
struct VoteRows {
    key: Option<(PathBuf, u64, Id, String)>,
    /// The ranking order the rows were filtered from.
    order: Vec<Id>,
    rows: std::rc::Rc<Vec<usize>>,
    totals: std::rc::Rc<std::collections::HashMap<Id, u32>>,
    /// How often the rows were built (a test sees the cache reused).
    builds: usize,
}

impl VoteRows {
    /// The rows for `key` (file, revision, workshop, filter text already folded), in the order of `ranked`.
    fn get(
        &mut self,
        workbook: &Workbook,
        key: (PathBuf, u64, Id, String),
        ranked: &[Ranked],
    ) -> (std::rc::Rc<Vec<usize>>, std::rc::Rc<std::collections::HashMap<Id, u32>>) {
        let same_order = self.order.iter().eq(ranked.iter().map(|r| &r.program));
        if self.key.as_ref() != Some(&key) || !same_order {
            let needle = &key.3;
            let index: std::collections::HashMap<Id, usize> =
                workbook.programs.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
            let f = crate::analysis::programs::fold;
            let rows = ranked
                .iter()
                .filter_map(|r| index.get(&r.program).copied())
                .filter(|i| {
                    let p = &workbook.programs[*i];
                    needle.is_empty() || f(&p.code).contains(needle.as_str()) || f(&p.name).contains(needle.as_str())
                })
                .collect();
            self.rows = std::rc::Rc::new(rows);
            self.totals = std::rc::Rc::new(workshop_votes(workbook, key.2));
            self.order = ranked.iter().map(|r| r.program).collect();
            self.key = Some(key);
            self.builds += 1;
        }
        (self.rows.clone(), self.totals.clone())
    }
}

impl WorkshopPanel {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, ranked: &[Ranked]) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        if self.workshop.is_none_or(|w| workbook.quick_wins.workshop(w).is_none()) {
            self.workshop = workbook.quick_wins.workshops.last().map(|w| w.id);
        }
        ui.horizontal_wrapped(|ui| {
            let title = |id: Option<Id>| {
                id.and_then(|w| workbook.quick_wins.workshop(w)).map_or_else(String::new, |w| w.title.clone())
            };
            egui::ComboBox::from_id_salt("qw_workshop")
                .selected_text(title(self.workshop))
                .width(260.0)
                .show_ui(ui, |ui| {
                    for w in &workbook.quick_wins.workshops {
                        ui.selectable_value(&mut self.workshop, Some(w.id), w.title.clone());
                    }
                })
                .response
                .accessible_name(Text::QwWorkshop.get(lang));
            if ui.add_enabled(cx.editable, egui::Button::new(Text::QwNewWorkshop.get(lang))).clicked() {
                let workshop = Workshop {
                    id: new_id(),
                    title: Text::QwNewWorkshopTitle.get(lang).to_string(),
                    date: crate::store::now_iso().chars().take(10).collect(),
                    place: workbook.profile.capital.clone(),
                    stage: 3,
                    notes: String::new(),
                    position: QuickWins::next_position(&workbook.quick_wins.workshops, |w| w.position),
                };
                self.workshop = Some(workshop.id);
                cx.edits.push(Edit::one(
                    Message::with(Text::QwEditAddWorkshop, [workshop.title.clone()]),
                    qw(QuickWinChange::PutWorkshop(workshop)),
                ));
            }
        });
        let Some(workshop) = self.workshop.and_then(|w| workbook.quick_wins.workshop(w)).cloned() else {
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
            Section::LiveRanking => live_ranking_ui(ui, cx, &workshop),
            Section::Attendance => self.attendance_ui(ui, cx, &workshop),
            Section::Minutes => self.minutes_ui(ui, cx, &workshop),
        }
    }

    /// Push `edit` when it is valid; otherwise show why.
    fn push(&mut self, cx: &mut ViewCx<'_>, edit: Edit) {
        self.problem = cx.session.check(&edit).first().map(|p| p.message.clone());
        if self.problem.is_none() {
            cx.edits.push(edit);
        }
    }

    fn details_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        let edit_label = Message::with(Text::QwEditWorkshop, [w.title.clone()]);
        let mut changed: Option<Workshop> = None;
        let em = ui.text_style_height(&egui::TextStyle::Body);
        ui.horizontal_wrapped(|ui| {
            let fields: [(Text, &str, f32, SetField); 3] = [
                (Text::QwWorkshopTitle, &w.title, 14.0 * em, |w, v| w.title = v),
                (Text::QwDate, &w.date, 6.5 * em, |w, v| w.date = v),
                (Text::QwPlace, &w.place, 9.5 * em, |w, v| w.place = v),
            ];
            for (label, current, width, set) in fields {
                ui.label(label.get(lang));
                let id = egui::Id::unique(("qw_workshop_field", w.id, label));
                let spec = FieldSpec::new(id, label.get(lang)).width(width).enabled(cx.editable);
                if let Some(value) = text_field(ui, &mut self.drafts, spec, current, lang) {
                    let mut new = w.clone();
                    set(&mut new, value.trim().to_string());
                    changed = Some(new);
                }
            }
            ui.label(Text::QwStageLabel.get(lang));
            let mut stage = w.stage;
            egui::ComboBox::from_id_salt(("qw_stage", w.id))
                .selected_text(stage_numeral(stage))
                .width(56.0)
                .show_ui(ui, |ui| {
                    for s in STAGES {
                        ui.selectable_value(&mut stage, s, stage_numeral(s));
                    }
                })
                .response
                .accessible_name(Text::QwStageLabel.get(lang));
            if stage != w.stage && cx.editable {
                changed = Some(Workshop { stage, ..w.clone() });
            }
            // A whole session (votes, attendance, minutes) goes only after a second, explicit click.
            if cx.editable && self.confirm_delete != Some(w.id) {
                let delete = ui.small_button("🗑").on_hover_text(Text::QwDeleteWorkshop.get(lang));
                if delete.accessible_name(Text::QwDeleteWorkshop.get(lang)).clicked() {
                    self.confirm_delete = Some(w.id);
                }
            }
        });
        if cx.editable && self.confirm_delete == Some(w.id) {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().error_fg_color, Text::QwConfirmDeleteWorkshop.fill(lang, &[&w.title]));
                if ui.button(Text::QwYesDelete.get(lang)).clicked() {
                    let changes = cx.session.workbook().quick_wins.remove_workshop(w.id);
                    cx.edits.push(Edit::new(Message::with(Text::QwEditDeleteWorkshop, [w.title.clone()]), changes));
                    self.confirm_delete = None;
                }
                if ui.button(Text::QwCancel.get(lang)).clicked() {
                    self.confirm_delete = None;
                }
            });
        }
        if let Some(new) = changed {
            let edit = Edit::one(edit_label, qw(QuickWinChange::PutWorkshop(new)));
            self.push(cx, edit);
        }
    }

    fn votes_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop, ranked: &[Ranked]) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let groups: Vec<ParticipantGroup> = workbook.quick_wins.groups_of(w.id).cloned().collect();
        // The groups: rename, remove, add; folded away once there are groups, so the votes get the room.
        let header = format!("{} ({})", Text::QwGroups.get(lang), groups.len());
        egui::CollapsingHeader::new(header).id_salt(("qw_groups", w.id)).default_open(groups.is_empty()).show(
            ui,
            |ui| {
                ui.horizontal_wrapped(|ui| {
                    for g in &groups {
                        let id = egui::Id::unique(("qw_group", g.id));
                        let name = Text::QwGroupName.fill(lang, &[&g.name]);
                        let spec = FieldSpec::new(id, &name).width(170.0).enabled(cx.editable);
                        if let Some(value) = text_field(ui, &mut self.drafts, spec, &g.name, lang) {
                            let edit = Edit::one(
                                Message::with(Text::QwEditGroup, [value.clone()]),
                                qw(QuickWinChange::PutGroup(ParticipantGroup {
                                    name: value.trim().to_string(),
                                    ..g.clone()
                                })),
                            );
                            self.push(cx, edit);
                        }
                        if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteGroup.get(lang)).clicked()
                        {
                            let changes = cx.session.workbook().quick_wins.remove_group(g.id);
                            cx.edits.push(Edit::new(Message::with(Text::QwEditDeleteGroup, [g.name.clone()]), changes));
                        }
                    }
                    ui.add_enabled_ui(cx.editable, |ui| {
                        let label = ui.label(Text::QwNewGroup.get(lang));
                        ui.add(egui::TextEdit::singleline(&mut self.new_group).desired_width(120.0))
                            .labelled_by(label.id);
                        if ui.button(Text::QwAddGroup.get(lang)).clicked() {
                            let group = ParticipantGroup {
                                id: new_id(),
                                workshop_id: w.id,
                                name: self.new_group.trim().to_string(),
                                position: QuickWins::next_position(&cx.session.workbook().quick_wins.groups, |g| {
                                    g.position
                                }),
                            };
                            let edit = Edit::one(
                                Message::with(Text::QwEditAddGroup, [group.name.clone()]),
                                qw(QuickWinChange::PutGroup(group)),
                            );
                            self.push(cx, edit);
                            if self.problem.is_none() {
                                self.new_group.clear();
                            }
                        }
                    });
                });
            },
        );
        if groups.is_empty() {
            ui.label(RichText::new(Text::QwNoGroups.get(lang)).italics());
            return;
        }
        ui.horizontal(|ui| {
            let label = ui.label(Text::QwFilterPrograms.get(lang));
            ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(200.0)).labelled_by(label.id);
            ui.label(RichText::new(Text::QwVotesHint.get(lang)).weak());
        });
        let workbook = cx.session.workbook();
        let needle = crate::analysis::programs::fold(self.filter.trim());
        let key = (cx.session.path().to_path_buf(), cx.session.revision(), w.id, needle);
        let (rows, totals) = self.vote_rows.get(workbook, key, ranked);
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
        let em = ui.text_style_height(&egui::TextStyle::Body);
        let mut edits = Vec::new();
        egui::ScrollArea::horizontal().id_salt("qw_votes_x").show(ui, |ui| {
            let mut table = egui_extras::TableBuilder::new(ui)
                .id_salt("qw_votes")
                .striped(true)
                .auto_shrink(false)
                .column(egui_extras::Column::initial(15.0 * em).at_least(8.0 * em).clip(true));
            for _ in &groups {
                table = table.column(egui_extras::Column::exact(7.0 * em));
            }
            table
                .column(egui_extras::Column::exact(64.0))
                .header(row_height, |mut header| {
                    header.col(|ui| {
                        ui.strong(Text::QwProgram.get(lang));
                    });
                    for g in &groups {
                        header.col(|ui| {
                            ui.add(egui::Label::new(RichText::new(&g.name).strong()).truncate()).on_hover_text(&g.name);
                        });
                    }
                    header.col(|ui| {
                        ui.strong(Text::QwTotal.get(lang));
                    });
                })
                .body(|body| {
                    body.rows(row_height, rows.len(), |mut row| {
                        // Indices into this revision's programs (the rows are built again when it changes).
                        let Some(p) = workbook.programs.get(rows[row.index()]) else { return };
                        row.col(|ui| {
                            ui.add(egui::Label::new(program_label(p)).truncate()).on_hover_text(&p.name);
                        });
                        for g in &groups {
                            row.col(|ui| {
                                let dots = workbook.quick_wins.vote(g.id, p.id).map_or(0, |v| v.dots);
                                let id = egui::Id::unique(("qw_vote", g.id, p.id));
                                let name = Text::QwVotesOf.fill(lang, &[&g.name, &p.code]);
                                let spec = FieldSpec::new(id, &name).width(48.0).enabled(cx.editable);
                                let (typed, add) = ui
                                    .horizontal(|ui| {
                                        let typed = text_field(ui, &mut self.drafts, spec, &dots.to_string(), lang);
                                        let plus = Text::QwAddDot.fill(lang, &[&g.name, &p.code]);
                                        let add = cx.editable && ui.small_button("+1").accessible_name(plus).clicked();
                                        (typed, add)
                                    })
                                    .inner;
                                let new = match typed {
                                    Some(text) => match text.trim().parse::<u32>() {
                                        Ok(n) if n <= MAX_DOTS => Some(n),
                                        _ => {
                                            let problem = Message::with(Text::QwDotsRange, [MAX_DOTS.to_string()]);
                                            self.drafts.refuse(id, text, problem);
                                            None
                                        }
                                    },
                                    None if add => Some(dots.saturating_add(1)),
                                    None => None,
                                };
                                if let Some(new) = new.filter(|n| *n != dots) {
                                    edits.push(vote_edit(g, p.id, &p.code, new));
                                }
                            });
                        }
                        row.col(|ui| {
                            ui.strong(totals.get(&p.id).copied().unwrap_or(0).to_string());
                        });
                    });
                });
        });
        for edit in edits {
            self.push(cx, edit);
        }
    }

    fn attendance_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let attendees: Vec<Attendee> = workbook.quick_wins.attendees_of(w.id).cloned().collect();
        let present = attendees.iter().filter(|a| a.present).count();
        ui.label(Text::QwPresentCount.fill(lang, &[&present.to_string(), &attendees.len().to_string()]));
        let mut edits = Vec::new();
        egui::ScrollArea::vertical().id_salt("qw_attendance").max_height(ui.available_height() - 90.0).show(ui, |ui| {
            egui::Grid::new("qw_attendance_grid").striped(true).spacing([10.0, 6.0]).show(ui, |ui| {
                for h in [Text::QwPresence, Text::QwAttendeeName, Text::QwAttendeeRole] {
                    ui.strong(h.get(lang));
                }
                ui.end_row();
                for a in &attendees {
                    let mut on = a.present;
                    let name = Text::QwPresentOf.fill(lang, &[&a.name]);
                    if ui
                        .add_enabled(cx.editable, egui::Checkbox::without_text(&mut on))
                        .accessible_name(name)
                        .changed()
                    {
                        edits.push(attendee_edit(Attendee { present: on, ..a.clone() }));
                    }
                    for (label, current, width, is_name) in
                        [(Text::QwAttendeeName, &a.name, 280.0, true), (Text::QwAttendeeRole, &a.role, 260.0, false)]
                    {
                        let id = egui::Id::unique(("qw_attendee", a.id, is_name));
                        let field_name = format!("{} {}", label.get(lang), a.name);
                        let spec = FieldSpec::new(id, &field_name).width(width).enabled(cx.editable);
                        if let Some(value) = text_field(ui, &mut self.drafts, spec, current, lang) {
                            let value = value.trim().to_string();
                            let new = if is_name {
                                Attendee { name: value, ..a.clone() }
                            } else {
                                Attendee { role: value, ..a.clone() }
                            };
                            edits.push(attendee_edit(new));
                        }
                    }
                    if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteAttendee.get(lang)).clicked()
                    {
                        edits.push(Edit::one(
                            Message::with(Text::QwEditDeleteAttendee, [a.name.clone()]),
                            qw(QuickWinChange::RemoveAttendee(a.id)),
                        ));
                    }
                    ui.end_row();
                }
            });
        });
        ui.add_enabled_ui(cx.editable, |ui| {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(Text::QwNewAttendee.get(lang));
                ui.add(egui::TextEdit::singleline(&mut self.new_attendee).desired_width(200.0)).labelled_by(label.id);
                let label = ui.label(Text::QwNewAttendeeRole.get(lang));
                ui.add(egui::TextEdit::singleline(&mut self.new_attendee_role).desired_width(200.0))
                    .labelled_by(label.id);
                let next = QuickWins::next_position(&workbook.quick_wins.attendees, |a| a.position);
                if ui.button(Text::QwAddAttendee.get(lang)).clicked() {
                    let attendee = Attendee {
                        id: new_id(),
                        workshop_id: w.id,
                        name: self.new_attendee.trim().to_string(),
                        role: self.new_attendee_role.trim().to_string(),
                        present: true,
                        position: next,
                    };
                    let edit = Edit::one(
                        Message::with(Text::QwEditAddAttendee, [attendee.name.clone()]),
                        qw(QuickWinChange::PutAttendee(attendee)),
                    );
                    if cx.session.check(&edit).is_empty() {
                        self.new_attendee.clear();
                        self.new_attendee_role.clear();
                    }
                    edits.push(edit);
                }
                // The council and the team are the usual attendees: add those not on the list yet.
                if ui.button(Text::QwAddMembers.get(lang)).clicked() {
                    let listed: Vec<&str> = attendees.iter().map(|a| a.name.as_str()).collect();
                    let changes: Vec<Change> = workbook
                        .members
                        .iter()
                        .filter(|m| !listed.contains(&m.name.as_str()))
                        .enumerate()
                        .map(|(i, m)| {
                            let agency = m.agency_id.and_then(|a| workbook.agency(a)).map(|a| a.label().to_string());
                            let role = match agency {
                                Some(agency) if !m.role.is_empty() => format!("{}, {agency}", m.role),
                                Some(agency) => agency,
                                None => m.role.clone(),
                            };
                            qw(QuickWinChange::PutAttendee(Attendee {
                                id: new_id(),
                                workshop_id: w.id,
                                name: m.name.clone(),
                                role,
                                present: false,
                                position: next + i as i64,
                            }))
                        })
                        .collect();
                    if !changes.is_empty() {
                        edits.push(Edit::new(
                            Message::with(Text::QwEditAddMembers, [changes.len().to_string()]),
                            changes,
                        ));
                    }
                }
            });
        });
        for edit in edits {
            self.push(cx, edit);
        }
    }

    fn minutes_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let decisions: Vec<Decision> = workbook.quick_wins.decisions_of(w.id).cloned().collect();
        let mut edits = Vec::new();
        // Notes of the session.
        let id = egui::Id::unique(("qw_notes", w.id));
        ui.label(Text::QwNotes.get(lang));
        let spec = FieldSpec::new(id, Text::QwNotes.get(lang))
            .width(ui.available_width().min(720.0))
            .multiline()
            .enabled(cx.editable);
        if let Some(value) = text_field(ui, &mut self.drafts, spec, &w.notes, lang) {
            edits.push(Edit::one(
                Message::with(Text::QwEditWorkshop, [w.title.clone()]),
                qw(QuickWinChange::PutWorkshop(Workshop { notes: value, ..w.clone() })),
            ));
        }
        ui.strong(Text::QwDecisions.get(lang));
        egui::ScrollArea::both().id_salt("qw_decisions").max_height((ui.available_height() - 110.0).max(120.0)).show(
            ui,
            |ui| {
                egui::Grid::new("qw_decisions_grid").striped(true).spacing([10.0, 6.0]).show(ui, |ui| {
                    for (index, d) in decisions.iter().enumerate() {
                        ui.label(format!("{}.", index + 1));
                        let mut kind = d.kind;
                        egui::ComboBox::from_id_salt(("qw_decision_kind", d.id))
                            .selected_text(decision_kind_text(kind).get(lang))
                            .width(190.0)
                            .show_ui(ui, |ui| {
                                for k in DecisionKind::ALL {
                                    ui.selectable_value(&mut kind, k, decision_kind_text(k).get(lang));
                                }
                            })
                            .response
                            .accessible_name(Text::QwDecisionKind.get(lang));
                        let mut program = d.program_id;
                        let label = |id: Option<Id>| {
                            let full =
                                id.and_then(|p| workbook.program(p)).map_or_else(|| "–".to_string(), program_label);
                            shorten(&full, 26)
                        };
                        egui::ComboBox::from_id_salt(("qw_decision_program", d.id))
                            .selected_text(label(program))
                            .width(260.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut program, None, "–");
                                for p in &workbook.programs {
                                    ui.selectable_value(&mut program, Some(p.id), shorten(&program_label(p), 60));
                                }
                            })
                            .response
                            .accessible_name(Text::QwProgram.get(lang));
                        if cx.editable && (kind != d.kind || program != d.program_id) {
                            edits.push(decision_edit(Decision { kind, program_id: program, ..d.clone() }));
                        }
                        let id = egui::Id::unique(("qw_decision_text", d.id));
                        let name = format!("{} {}", Text::QwDecisionText.get(lang), index + 1);
                        let spec = FieldSpec::new(id, &name).width(240.0).enabled(cx.editable);
                        if let Some(value) = text_field(ui, &mut self.drafts, spec, &d.text, lang) {
                            edits.push(decision_edit(Decision { text: value, ..d.clone() }));
                        }
                        if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteDecision.get(lang)).clicked()
                        {
                            edits.push(Edit::one(
                                Message::with(Text::QwEditDeleteDecision, [(index + 1).to_string()]),
                                qw(QuickWinChange::RemoveDecision(d.id)),
                            ));
                        }
                        ui.end_row();
                    }
                });
            },
        );
        ui.horizontal_wrapped(|ui| {
            if ui.add_enabled(cx.editable, egui::Button::new(Text::QwAddDecision.get(lang))).clicked() {
                edits.push(decision_edit(Decision {
                    id: new_id(),
                    workshop_id: w.id,
                    kind: DecisionKind::Other,
                    program_id: None,
                    text: Text::QwNewDecisionText.get(lang).to_string(),
                    position: QuickWins::next_position(&workbook.quick_wins.decisions, |d| d.position),
                }));
            }
        });
        ui.separator();
        self.export_ui(ui, cx, w);
        for edit in edits {
            self.push(cx, edit);
        }
    }

    /// Export the minutes as one HTML page: a path field that always works and a Browse button.
    fn export_ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        if let Some(receiver) = &self.browsing
            && let Ok(chosen) = receiver.try_recv()
        {
            self.browsing = None;
            if let Some(path) = chosen {
                self.export_path = path.display().to_string();
            }
        }
        if self.export_path.is_empty() {
            let folder = cx.session.path().parent().map(PathBuf::from).unwrap_or_default();
            let file = format!("berita-acara-tahap-{}.html", stage_numeral(w.stage).to_lowercase());
            self.export_path = folder.join(file).display().to_string();
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::QwExportPath.get(lang));
            ui.add(egui::TextEdit::singleline(&mut self.export_path).desired_width(360.0)).labelled_by(label.id);
            if ui.add_enabled(self.browsing.is_none(), egui::Button::new(Text::Browse.get(lang))).clicked() {
                self.browsing = Some(browse_in_background(
                    ui.ctx(),
                    "HTML / DOCX".into(),
                    &["html", "docx"],
                    None,
                    Some("berita-acara.html".into()),
                ));
            }
            if ui.button(Text::QwExportMinutes.get(lang)).clicked() {
                let path = PathBuf::from(self.export_path.trim());
                // The same document the Ekspor view writes: DOCX for a .docx name, HTML otherwise.
                let is_docx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"));
                let format = if is_docx { DocFormat::Docx } else { DocFormat::Html };
                self.status = Some(match render_minutes(cx.session.workbook(), w.id, format, lang) {
                    Ok(bytes) => match crate::io::atomic_file::write_file(&path, &bytes) {
                        Ok(()) => (Message::with(Text::QwMinutesSaved, [path.display().to_string()]), false),
                        Err(e) => (e.message(), true),
                    },
                    Err(_) => (Message::new(Text::QwNoWorkshop), true),
                });
            }
        });
        if let Some((message, is_error)) = &self.status {
            let color = if *is_error { ui.visuals().error_fg_color } else { ui.visuals().text_color() };
            ui.colored_label(color, message.show(lang));
        }
    }
}

/// `text` cut to `chars` characters with "…", for combo boxes that must not grow past the screen.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        text.chars().take(chars - 1).collect::<String>() + "…"
    }
}

fn vote_edit(group: &ParticipantGroup, program: Id, code: &str, dots: u32) -> Edit {
    let label = Message::with(Text::QwEditVote, [group.name.clone(), code.to_string(), dots.to_string()]);
    let change = if dots == 0 {
        QuickWinChange::RemoveVote { group: group.id, program }
    } else {
        QuickWinChange::PutVote(Vote { group_id: group.id, program_id: program, dots })
    };
    Edit::one(label, qw(change))
}

fn attendee_edit(a: Attendee) -> Edit {
    Edit::one(Message::with(Text::QwEditAttendee, [a.name.clone()]), qw(QuickWinChange::PutAttendee(a)))
}

fn decision_edit(d: Decision) -> Edit {
    Edit::one(Message::new(Text::QwEditDecision), qw(QuickWinChange::PutDecision(d)))
}

/// The programs with votes in this workshop as large bars, most votes first: the projector's live view.
fn live_ranking_ui(ui: &mut Ui, cx: &ViewCx<'_>, w: &Workshop) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let mut totals: Vec<(Id, u32)> = workshop_votes(workbook, w.id).into_iter().filter(|(_, n)| *n > 0).collect();
    totals.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            let code = |id: Id| workbook.program(id).map(|p| p.code.clone()).unwrap_or_default();
            code(a.0).cmp(&code(b.0))
        })
    });
    if totals.is_empty() {
        ui.label(RichText::new(Text::QwNoVotesYet.get(lang)).italics());
        return;
    }
    let most = totals[0].1.max(1);
    let row = ui.text_style_height(&egui::TextStyle::Body) + 14.0;
    egui::ScrollArea::vertical().id_salt("qw_live").show(ui, |ui| {
        egui::Grid::new("qw_live_grid").spacing([12.0, 6.0]).show(ui, |ui| {
            for (place, (id, votes)) in totals.iter().enumerate() {
                let Some(p) = workbook.program(*id) else { continue };
                ui.strong(format!("{}.", place + 1));
                ui.label(RichText::new(program_label(p)).strong());
                let width = (ui.available_width() - 60.0).clamp(120.0, 420.0);
                let (rect, _) = ui.allocate_exact_size(egui::vec2(width, row - 8.0), egui::Sense::hover());
                let filled = egui::Rect::from_min_size(
                    rect.min,
                    egui::vec2(rect.width() * *votes as f32 / most as f32, rect.height()),
                );
                ui.painter().rect_filled(rect, 3.0, Color32::from_gray(230));
                ui.painter().rect_filled(filled, 3.0, program_color(workbook, p));
                ui.strong(votes.to_string());
                ui.end_row();
            }
        });
    });
}

#[cfg(test)]
mod vote_rows_tests {
    use super::*;

    #[test]
    fn the_vote_rows_are_built_once_per_revision_workshop_and_filter() {
        let workbook = crate::seed::demo_workbook();
        let window = crate::analysis::quick_wins::Window { first_year: workbook.profile.period_start, years: 1 };
        let ranked = crate::analysis::quick_wins::ranking(&workbook, window);
        let workshop = workbook.quick_wins.workshops[0].id;
        let path = PathBuf::from("demo.smartcity");
        let p = &ranked[0];
        let code = workbook.program(p.program).unwrap().code.to_lowercase();
        let mut cache = VoteRows::default();
        let (all, totals) = cache.get(&workbook, (path.clone(), 1, workshop, String::new()), &ranked);
        let ids: Vec<Id> = all.iter().map(|i| workbook.programs[*i].id).collect();
        assert_eq!(ids, ranked.iter().map(|r| r.program).collect::<Vec<_>>(), "no filter: every ranked program");
        assert_eq!(*totals, workshop_votes(&workbook, workshop));
        cache.get(&workbook, (path.clone(), 1, workshop, String::new()), &ranked);
        assert_eq!(cache.builds, 1, "the same frame inputs reuse the rows");
        let (found, _) = cache.get(&workbook, (path.clone(), 1, workshop, code.clone()), &ranked);
        assert!(found.iter().any(|i| workbook.programs[*i].id == p.program));
        assert!(found.iter().all(|i| crate::analysis::programs::fold(&workbook.programs[*i].code).contains(&code)
            || crate::analysis::programs::fold(&workbook.programs[*i].name).contains(&code)));
        cache.get(&workbook, (path.clone(), 1, workshop, code.clone()), &ranked);
        assert_eq!(cache.builds, 2, "a new filter builds them once");
        cache.get(&workbook, (path.clone(), 2, workshop, code.clone()), &ranked);
        assert_eq!(cache.builds, 3, "a new revision builds them again");
        let reversed: Vec<Ranked> = ranked.iter().rev().cloned().collect();
        let (back, _) = cache.get(&workbook, (path, 2, workshop, String::new()), &reversed);
        assert_eq!(workbook.programs[back[0]].id, reversed[0].program, "another ranking order is followed");
    }
}
