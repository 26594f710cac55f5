//! The attendance list: who is present, each attendee's name and role, adding one attendee or the council and
//! team members not on the list yet.

use egui::Ui;

use super::{WorkshopPanel, qw};
use crate::i18n::{Message, Text};
use crate::model::quick_wins::{Attendee, QuickWins, Workshop};
use crate::model::{Change, Edit, QuickWinChange, Workbook, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, text_field};

impl WorkshopPanel {
    pub(super) fn attendance_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        let attendees: Vec<Attendee> = cx.session.workbook().quick_wins.attendees_of(w.id).cloned().collect();
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
                    attendee_row_ui(ui, &mut self.drafts, cx, a, &mut edits);
                    ui.end_row();
                }
            });
        });
        let mut adding = None;
        ui.add_enabled_ui(cx.editable, |ui| {
            ui.horizontal_wrapped(|ui| adding = self.add_attendees_ui(ui, cx, w, &attendees, &mut edits));
        });
        self.push_all(cx, edits);
        // The typed attendee stays in the fields when it was refused, so nothing typed is lost.
        if let Some(edit) = adding {
            self.push(cx, edit);
            if self.problem.is_none() {
                self.new_attendee.clear();
                self.new_attendee_role.clear();
            }
        }
    }

    /// The new attendee's name and role with Add (its edit returned, to be handed over by the caller), and
    /// "add the members".
    fn add_attendees_ui(
        &mut self,
        ui: &mut Ui,
        cx: &ViewCx<'_>,
        w: &Workshop,
        attendees: &[Attendee],
        edits: &mut Vec<Edit>,
    ) -> Option<Edit> {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let mut adding = None;
        let label = ui.label(Text::QwNewAttendee.get(lang));
        ui.add(egui::TextEdit::singleline(&mut self.new_attendee).desired_width(200.0)).labelled_by(label.id);
        let label = ui.label(Text::QwNewAttendeeRole.get(lang));
        ui.add(egui::TextEdit::singleline(&mut self.new_attendee_role).desired_width(200.0)).labelled_by(label.id);
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
            adding = Some(edit);
        }
        // The council and the team are the usual attendees: add those not on the list yet.
        if ui.button(Text::QwAddMembers.get(lang)).clicked() {
            let changes = members_as_attendees(workbook, w, attendees, next);
            if !changes.is_empty() {
                edits.push(Edit::new(Message::with(Text::QwEditAddMembers, [changes.len().to_string()]), changes));
            }
        }
        adding
    }
}

/// One attendee: present, name, role and the remove button.
fn attendee_row_ui(ui: &mut Ui, drafts: &mut Drafts, cx: &ViewCx<'_>, a: &Attendee, edits: &mut Vec<Edit>) {
    let lang = cx.lang;
    let mut on = a.present;
    let name = Text::QwPresentOf.fill(lang, &[&a.name]);
    if ui.add_enabled(cx.editable, egui::Checkbox::without_text(&mut on)).accessible_name(name).changed() {
        edits.push(attendee_edit(Attendee { present: on, ..a.clone() }));
    }
    for (label, current, width, is_name) in
        [(Text::QwAttendeeName, &a.name, 280.0, true), (Text::QwAttendeeRole, &a.role, 260.0, false)]
    {
        let id = egui::Id::unique(("qw_attendee", a.id, is_name));
        let field_name = format!("{} {}", label.get(lang), a.name);
        let spec = FieldSpec::new(id, &field_name).width(width).enabled(cx.editable);
        if let Some(value) = text_field(ui, drafts, spec, current, lang) {
            let value = value.trim().to_string();
            let new =
                if is_name { Attendee { name: value, ..a.clone() } } else { Attendee { role: value, ..a.clone() } };
            edits.push(attendee_edit(new));
        }
    }
    if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteAttendee.get(lang)).clicked() {
        edits.push(Edit::one(
            Message::with(Text::QwEditDeleteAttendee, [a.name.clone()]),
            qw(QuickWinChange::RemoveAttendee(a.id)),
        ));
    }
}

/// The members not listed yet as absent attendees from position `next` on, their role with their agency.
fn members_as_attendees(workbook: &Workbook, w: &Workshop, listed: &[Attendee], next: i64) -> Vec<Change> {
    let listed: Vec<&str> = listed.iter().map(|a| a.name.as_str()).collect();
    workbook
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
        .collect()
}

fn attendee_edit(a: Attendee) -> Edit {
    Edit::one(Message::with(Text::QwEditAttendee, [a.name.clone()]), qw(QuickWinChange::PutAttendee(a)))
}
