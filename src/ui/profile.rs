//! The Profile view: the region, the masterplan period, vision and mission, the smart city council and
//! implementation team, and the agencies (OPD). Every field saves when the user leaves it.

use egui::{Id, RichText, Ui};

use super::ViewCx;
use super::fields::{Drafts, FieldSpec, choice_row, problem_label, text_field};
use crate::i18n::{Lang, Message, Text, TimeZone};
use crate::model::{self, Agency, Body, Change, Edit, Field, Member, Problem, Profile, RegionType, new_id};

#[derive(Default)]
pub struct ProfileView {
    pub drafts: Drafts,
    new_agency: NewAgency,
    new_member: [NewMember; 2],
}

#[derive(Default)]
struct NewAgency {
    code: String,
    name: String,
    short_name: String,
    problems: Vec<Problem>,
}

#[derive(Default)]
struct NewMember {
    name: String,
    role: String,
    agency: Option<model::Id>,
    problems: Vec<Problem>,
}

fn profile_field_id(field: Field) -> Id {
    Id::unique(("profile", field))
}

fn body_index(body: Body) -> usize {
    match body {
        Body::Council => 0,
        Body::Team => 1,
    }
}

/// The profile fields that are edited as text, with how to read and write each.
struct ProfileText {
    field: Field,
    label: Text,
    get: fn(&Profile) -> String,
    set: fn(&mut Profile, String) -> Result<(), Message>,
}

fn parse_year(text: &str) -> Result<i32, Message> {
    text.trim().parse::<i32>().map_err(|_| Message::new(Text::NotAYear))
}

const REGION_FIELDS: [ProfileText; 4] = [
    ProfileText {
        field: Field::RegionName,
        label: Text::RegionName,
        get: |p| p.region_name.clone(),
        set: |p, v| {
            p.region_name = v;
            Ok(())
        },
    },
    ProfileText {
        field: Field::RegionCode,
        label: Text::RegionCode,
        get: |p| p.region_code.clone(),
        set: |p, v| {
            p.region_code = v;
            Ok(())
        },
    },
    ProfileText {
        field: Field::Province,
        label: Text::Province,
        get: |p| p.province.clone(),
        set: |p, v| {
            p.province = v;
            Ok(())
        },
    },
    ProfileText {
        field: Field::Capital,
        label: Text::Capital,
        get: |p| p.capital.clone(),
        set: |p, v| {
            p.capital = v;
            Ok(())
        },
    },
];

const PERIOD_FIELDS: [ProfileText; 2] = [
    ProfileText {
        field: Field::PeriodStart,
        label: Text::PeriodStart,
        get: |p| p.period_start.to_string(),
        set: |p, v| {
            p.period_start = parse_year(&v)?;
            Ok(())
        },
    },
    ProfileText {
        field: Field::PeriodEnd,
        label: Text::PeriodEnd,
        get: |p| p.period_end.to_string(),
        set: |p, v| {
            p.period_end = parse_year(&v)?;
            Ok(())
        },
    },
];

const STATEMENT_FIELDS: [ProfileText; 2] = [
    ProfileText {
        field: Field::Vision,
        label: Text::Vision,
        get: |p| p.vision.clone(),
        set: |p, v| {
            p.vision = v;
            Ok(())
        },
    },
    ProfileText {
        field: Field::Mission,
        label: Text::Mission,
        get: |p| p.mission.clone(),
        set: |p, v| {
            p.mission = v;
            Ok(())
        },
    },
];

/// A text column of a row table: which field, its header, its width, and how to read and write it.
struct TextColumn<T: 'static> {
    field: Field,
    label: Text,
    width: f32,
    get: fn(&T) -> &String,
    set: fn(&mut T, String),
}

const AGENCY_COLUMNS: [TextColumn<Agency>; 3] = [
    TextColumn {
        field: Field::AgencyCode,
        label: Text::AgencyCode,
        width: 80.0,
        get: |a| &a.code,
        set: |a, v| a.code = v,
    },
    TextColumn {
        field: Field::AgencyName,
        label: Text::AgencyName,
        width: 360.0,
        get: |a| &a.name,
        set: |a, v| a.name = v,
    },
    TextColumn {
        field: Field::AgencyShortName,
        label: Text::AgencyShortName,
        width: 120.0,
        get: |a| &a.short_name,
        set: |a, v| a.short_name = v,
    },
];

const MEMBER_COLUMNS: [TextColumn<Member>; 2] = [
    TextColumn {
        field: Field::MemberName,
        label: Text::MemberName,
        width: 260.0,
        get: |m| &m.name,
        set: |m, v| m.name = v,
    },
    TextColumn {
        field: Field::MemberRole,
        label: Text::MemberRole,
        width: 200.0,
        get: |m| &m.role,
        set: |m, v| m.role = v,
    },
];

impl ProfileView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        // One scroll position per workbook: a newly opened workbook starts at the top.
        let scroll_id = ("profile_scroll", cx.session.path().to_path_buf());
        egui::ScrollArea::vertical().id_salt(scroll_id).auto_shrink(false).show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(1100.0));
            ui.heading(Text::ProfileTitle.get(cx.lang));
            ui.add_space(4.0);
            section(ui, Text::SectionRegion, cx.lang);
            self.profile_grid(ui, cx, "region_grid", &REGION_FIELDS, true);
            section(ui, Text::SectionPeriod, cx.lang);
            self.profile_grid(ui, cx, "period_grid", &PERIOD_FIELDS, false);
            section(ui, Text::SectionVisionMission, cx.lang);
            self.statements_ui(ui, cx);
            for body in Body::ALL {
                section(ui, body_title(body), cx.lang);
                self.members_ui(ui, cx, body);
            }
            section(ui, Text::SectionAgencies, cx.lang);
            self.agencies_ui(ui, cx);
            ui.add_space(24.0);
        });
    }

    fn profile_grid(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, salt: &str, fields: &[ProfileText], with_type: bool) {
        let lang = cx.lang;
        egui::Grid::new(salt).num_columns(3).spacing([12.0, 8.0]).show(ui, |ui| {
            for spec in fields {
                ui.label(spec.label.get(lang));
                let width = if matches!(spec.field, Field::PeriodStart | Field::PeriodEnd) { 80.0 } else { 360.0 };
                let id =
                    self.profile_field(ui, cx, spec, FieldSpec::new(profile_field_id(spec.field), "").width(width));
                problem_label(ui, &self.drafts, id, lang);
                ui.end_row();
                if with_type && spec.field == Field::RegionName {
                    self.region_type_row(ui, cx);
                }
            }
            if with_type {
                self.time_zone_row(ui, cx);
            }
        });
    }

    /// Vision and mission: long prose, so each gets a label above a wide multi-line field.
    fn statements_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let width = ui.available_width().min(900.0);
        for spec in &STATEMENT_FIELDS {
            ui.label(spec.label.get(cx.lang));
            let field = FieldSpec::new(profile_field_id(spec.field), "").width(width).multiline();
            let id = self.profile_field(ui, cx, spec, field);
            problem_label(ui, &self.drafts, id, cx.lang);
            ui.add_space(6.0);
        }
    }

    /// One profile field: show it, and when the user leaves it changed, validate and hand over the edit.
    fn profile_field(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, spec: &ProfileText, field: FieldSpec<'_>) -> Id {
        let lang = cx.lang;
        let id = field.id;
        let field = FieldSpec { name: spec.label.get(lang), enabled: cx.editable, ..field };
        let current = (spec.get)(&cx.session.workbook().profile);
        if let Some(value) = text_field(ui, &mut self.drafts, field, &current, lang) {
            let mut profile = cx.session.workbook().profile.clone();
            match (spec.set)(&mut profile, value.clone()) {
                Err(problem) => self.drafts.refuse(id, value, problem),
                Ok(()) => {
                    let label = Message::with(Text::EditProfileField, [spec.label.get(lang)]);
                    let edit = Edit::one(label, Change::Profile(profile));
                    if let Err(problems) = cx.propose(edit)
                        && let Some(problem) = field_problem(&problems, spec.field)
                    {
                        self.drafts.refuse(id, value, problem);
                    }
                }
            }
        }
        id
    }

    fn region_type_row(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let text = |t| region_type_text(t).get(cx.lang).to_string();
        let current = cx.session.workbook().profile.region_type;
        if let Some(t) =
            choice_row(ui, (cx.lang, cx.editable), "region_type", Text::RegionType, &RegionType::ALL, current, text)
        {
            self.push_profile(cx, Text::RegionType, |p| p.region_type = t);
        }
    }

    /// The region's time zone, in which the history and every timestamp are shown.
    fn time_zone_row(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let text = |z: TimeZone| format!("{} (UTC+{})", z.key(), z.offset_hours());
        let current = cx.session.workbook().profile.time_zone;
        if let Some(z) =
            choice_row(ui, (cx.lang, cx.editable), "time_zone", Text::ProfileTimeZone, &TimeZone::ALL, current, text)
        {
            self.push_profile(cx, Text::ProfileTimeZone, |p| p.time_zone = z);
        }
    }

    fn push_profile(&mut self, cx: &mut ViewCx<'_>, field: Text, change: impl FnOnce(&mut Profile)) {
        let mut profile = cx.session.workbook().profile.clone();
        change(&mut profile);
        cx.push(Edit::one(Message::with(Text::EditProfileField, [field.get(cx.lang)]), Change::Profile(profile)));
    }

    fn agencies_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let agencies = &cx.session.workbook().agencies;
        ui.label(Message::with(Text::AgencyCount, [agencies.len().to_string()]).show(lang));
        egui::Grid::new("agency_grid").num_columns(6).striped(true).spacing([8.0, 4.0]).show(ui, |ui| {
            ui.label(RichText::new("#").strong());
            ui.label(RichText::new(Text::AgencyCode.get(lang)).strong());
            ui.label(RichText::new(Text::AgencyName.get(lang)).strong());
            ui.label(RichText::new(Text::AgencyShortName.get(lang)).strong());
            ui.label("");
            ui.label("");
            ui.end_row();
            for (index, agency) in agencies.iter().enumerate() {
                ui.label((index + 1).to_string());
                for TextColumn { field, label, width, get, set } in AGENCY_COLUMNS {
                    let id = Id::unique(("agency", agency.id, field));
                    let name = format!("{} {}", label.get(lang), index + 1);
                    let spec = FieldSpec::new(id, &name).width(width).enabled(cx.editable);
                    if let Some(value) = text_field(ui, &mut self.drafts, spec, get(agency), lang) {
                        let mut changed = agency.clone();
                        set(&mut changed, value.clone());
                        let edit = Edit::one(
                            Message::with(Text::EditAgency, [changed.label().to_string()]),
                            Change::PutAgency(changed),
                        );
                        if let Err(problems) = cx.propose(edit)
                            && let Some(problem) = field_problem(&problems, field)
                        {
                            self.drafts.refuse(id, value, problem);
                        }
                    }
                }
                ui.horizontal(|ui| {
                    ui.add_enabled_ui(cx.editable, |ui| {
                        let up = ui.add_enabled(index > 0, egui::Button::new("▲").small());
                        if up.accessible_name(format!("{} {}", Text::MoveUp.get(lang), index + 1)).clicked() {
                            cx.push(swap_agencies(&agencies[index - 1], agency));
                        }
                        let down = ui.add_enabled(index + 1 < agencies.len(), egui::Button::new("▼").small());
                        if down.accessible_name(format!("{} {}", Text::MoveDown.get(lang), index + 1)).clicked() {
                            cx.push(swap_agencies(agency, &agencies[index + 1]));
                        }
                        let delete = ui.add(egui::Button::new("🗑").small());
                        let delete = delete.accessible_name(format!("{} {}", Text::DeleteAgency.get(lang), index + 1));
                        if delete.on_hover_text(Text::DeleteAgency.get(lang)).clicked() {
                            let edit = Edit::one(
                                Message::with(Text::EditDeleteAgency, [agency.label().to_string()]),
                                Change::RemoveAgency(agency.id),
                            );
                            let row_id = Id::unique(("agency", agency.id, Field::Row));
                            if let Err(problems) = cx.propose(edit) {
                                self.drafts.refuse(row_id, String::new(), problems[0].message.clone());
                            }
                        }
                    });
                });
                ui.vertical(|ui| {
                    for field in [Field::AgencyCode, Field::AgencyName, Field::AgencyShortName, Field::Row] {
                        problem_label(ui, &self.drafts, Id::unique(("agency", agency.id, field)), lang);
                    }
                });
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        self.new_agency_ui(ui, cx);
    }

    fn new_agency_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        let form = &mut self.new_agency;
        let mut submit = false;
        ui.add_enabled_ui(cx.editable, |ui| {
            ui.label(RichText::new(Text::AddAgencyTitle.get(lang)).strong());
            egui::Grid::new("new_agency").num_columns(3).spacing([8.0, 4.0]).show(ui, |ui| {
                for (field, label, width, value) in [
                    (Field::AgencyCode, Text::NewAgencyCode, 100.0, &mut form.code),
                    (Field::AgencyName, Text::NewAgencyName, 360.0, &mut form.name),
                    (Field::AgencyShortName, Text::NewAgencyShortName, 140.0, &mut form.short_name),
                ] {
                    let caption = ui.label(label.get(lang));
                    let response = ui
                        .add_sized([width, row_height(ui)], egui::TextEdit::singleline(value))
                        .labelled_by(caption.id);
                    submit |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    form_problem(ui, &form.problems, field, lang);
                    ui.end_row();
                }
            });
            submit |= ui.button(Text::AddAgency.get(lang)).clicked();
        });
        if submit {
            let agency = Agency {
                id: new_id(),
                code: form.code.trim().to_string(),
                name: form.name.trim().to_string(),
                short_name: form.short_name.trim().to_string(),
                position: cx.session.workbook().next_agency_position(),
            };
            let edit =
                Edit::one(Message::with(Text::EditAddAgency, [agency.label().to_string()]), Change::PutAgency(agency));
            form.problems = cx.propose(edit).err().unwrap_or_default();
            if form.problems.is_empty() {
                *form = NewAgency::default();
            }
        }
    }

    fn members_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, body: Body) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let members: Vec<&Member> = workbook.members_of(body).collect();
        let body_name = body_title(body).get(lang);
        if members.is_empty() {
            ui.label(RichText::new(Text::NoMembers.get(lang)).italics());
        }
        egui::Grid::new(("members", body.key())).num_columns(5).striped(true).spacing([8.0, 4.0]).show(ui, |ui| {
            if !members.is_empty() {
                ui.label(RichText::new(Text::MemberName.get(lang)).strong());
                ui.label(RichText::new(Text::MemberRole.get(lang)).strong());
                ui.label(RichText::new(Text::MemberAgency.get(lang)).strong());
                ui.label("");
                ui.label("");
                ui.end_row();
            }
            for (index, member) in members.iter().enumerate() {
                for TextColumn { field, label, width, get, set } in MEMBER_COLUMNS {
                    let id = Id::unique(("member", member.id, field));
                    let name = format!("{body_name}: {} {}", label.get(lang), index + 1);
                    let spec = FieldSpec::new(id, &name).width(width).enabled(cx.editable);
                    if let Some(value) = text_field(ui, &mut self.drafts, spec, get(member), lang) {
                        let mut changed = (*member).clone();
                        set(&mut changed, value.clone());
                        let edit = Edit::one(
                            Message::with(Text::EditMember, [changed.name.clone()]),
                            Change::PutMember(changed),
                        );
                        if let Err(problems) = cx.propose(edit)
                            && let Some(problem) = field_problem(&problems, field)
                        {
                            self.drafts.refuse(id, value, problem);
                        }
                    }
                }
                let mut agency = member.agency_id;
                ui.add_enabled_ui(cx.editable, |ui| {
                    let name = format!("{body_name}: {} {}", Text::MemberAgency.get(lang), index + 1);
                    agency_combo(ui, ("member_agency", member.id), &mut agency, cx, &name);
                });
                if agency != member.agency_id {
                    let changed = Member { agency_id: agency, ..(*member).clone() };
                    cx.push(Edit::one(
                        Message::with(Text::EditMember, [changed.name.clone()]),
                        Change::PutMember(changed),
                    ));
                }
                member_buttons_ui(ui, cx, &members, index, body_name);
                ui.vertical(|ui| {
                    for field in [Field::MemberName, Field::MemberRole] {
                        problem_label(ui, &self.drafts, Id::unique(("member", member.id, field)), lang);
                    }
                });
                ui.end_row();
            }
        });
        ui.add_space(4.0);
        self.new_member_ui(ui, cx, body);
    }

    fn new_member_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, body: Body) {
        let lang = cx.lang;
        let body_name = body_title(body).get(lang);
        let form = &mut self.new_member[body_index(body)];
        let mut submit = false;
        ui.add_enabled_ui(cx.editable, |ui| {
            ui.horizontal_wrapped(|ui| {
                let name_label = ui.label(Text::NewMemberName.get(lang));
                let name = ui.add_sized([200.0, row_height(ui)], egui::TextEdit::singleline(&mut form.name));
                name.labelled_by(name_label.id)
                    .accessible_name(format!("{body_name}: {}", Text::NewMemberName.get(lang)));
                let role_label = ui.label(Text::MemberRole.get(lang));
                let role = ui.add_sized([160.0, row_height(ui)], egui::TextEdit::singleline(&mut form.role));
                role.labelled_by(role_label.id)
                    .accessible_name(format!("{body_name}: {}", Text::NewMemberRole.get(lang)));
                let combo_name = format!("{body_name}: {}", Text::NewMemberAgency.get(lang));
                agency_combo(ui, ("new_member_agency", body.key()), &mut form.agency, cx, &combo_name);
                let add = ui.button(Text::AddMember.get(lang));
                submit = add.accessible_name(format!("{body_name}: {}", Text::AddMember.get(lang))).clicked();
            });
            form_problem(ui, &form.problems, Field::MemberName, lang);
        });
        if submit {
            let member = Member {
                id: new_id(),
                body,
                name: form.name.trim().to_string(),
                role: form.role.trim().to_string(),
                agency_id: form.agency,
                position: cx.session.workbook().next_member_position(body),
            };
            let edit = Edit::one(Message::with(Text::EditAddMember, [member.name.clone()]), Change::PutMember(member));
            form.problems = cx.propose(edit).err().unwrap_or_default();
            if form.problems.is_empty() {
                *form = NewMember::default();
            }
        }
    }
}

/// The height of a one-line text field in the body font.
fn row_height(ui: &Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) + 8.0
}

fn section(ui: &mut Ui, title: Text, lang: Lang) {
    ui.add_space(14.0);
    ui.label(RichText::new(title.get(lang)).size(17.0).strong());
    ui.separator();
}

fn body_title(body: Body) -> Text {
    match body {
        Body::Council => Text::SectionCouncil,
        Body::Team => Text::SectionTeam,
    }
}

fn region_type_text(t: RegionType) -> Text {
    match t {
        RegionType::Kabupaten => Text::Kabupaten,
        RegionType::Kota => Text::Kota,
    }
}

/// The problem that belongs to `field`, or failing that the first one: a message must never be dropped.
fn field_problem(problems: &[Problem], field: Field) -> Option<Message> {
    problems.iter().find(|p| p.field == field).or(problems.first()).map(|p| p.message.clone())
}

fn form_problem(ui: &mut Ui, problems: &[Problem], field: Field, lang: Lang) {
    for problem in problems.iter().filter(|p| p.field == field) {
        ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.message.show(lang)));
    }
}

fn agency_combo(ui: &mut Ui, salt: impl egui::AsIdSalt, agency: &mut Option<model::Id>, cx: &ViewCx<'_>, name: &str) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let selected = agency
        .and_then(|a| workbook.agency(a))
        .map_or_else(|| Text::NoAgency.get(lang).to_string(), |a| a.label().to_string());
    let combo = egui::ComboBox::from_id_salt(salt).width(160.0).selected_text(selected).show_ui(ui, |ui| {
        ui.selectable_value(agency, None, Text::NoAgency.get(lang));
        for a in &workbook.agencies {
            ui.selectable_value(agency, Some(a.id), a.label()).on_hover_text(&a.name);
        }
    });
    combo.response.accessible_name(name);
}

fn swap_agencies(first: &Agency, second: &Agency) -> Edit {
    Edit::new(Message::with(Text::EditMoveAgency, [second.label().to_string()]), model::swap_agencies(first, second))
}

fn swap_members(first: &Member, second: &Member) -> Edit {
    Edit::new(Message::with(Text::EditMoveMember, [second.name.clone()]), model::swap_members(first, second))
}

/// Move a member up or down the list, or delete it.
fn member_buttons_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, members: &[&Member], index: usize, body_name: &str) {
    let lang = cx.lang;
    let member = members[index];
    ui.horizontal(|ui| {
        ui.add_enabled_ui(cx.editable, |ui| {
            let up = ui.add_enabled(index > 0, egui::Button::new("▲").small());
            if up.accessible_name(format!("{body_name}: {} {}", Text::MoveUp.get(lang), index + 1)).clicked() {
                cx.push(swap_members(members[index - 1], member));
            }
            let down = ui.add_enabled(index + 1 < members.len(), egui::Button::new("▼").small());
            if down.accessible_name(format!("{body_name}: {} {}", Text::MoveDown.get(lang), index + 1)).clicked() {
                cx.push(swap_members(member, members[index + 1]));
            }
            let delete = ui.add(egui::Button::new("🗑").small());
            let delete = delete.accessible_name(format!("{body_name}: {} {}", Text::DeleteMember.get(lang), index + 1));
            if delete.on_hover_text(Text::DeleteMember.get(lang)).clicked() {
                cx.push(Edit::one(
                    Message::with(Text::EditDeleteMember, [member.name.clone()]),
                    Change::RemoveMember(member.id),
                ));
            }
        });
    });
}
