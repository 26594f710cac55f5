//! The dot votes: the participant groups (rename, remove, add) and the vote table, one row per ranked program
//! matching the filter and one column per group, with the workshop's total.

use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

use super::{WorkshopPanel, qw};
use crate::analysis::programs::fold;
use crate::analysis::quick_wins::{Ranked, votes_by_program};
use crate::i18n::{Lang, Message, Text};
use crate::model::quick_wins::{MAX_DOTS, ParticipantGroup, QuickWins, Vote, Workshop};
use crate::model::{Edit, Id, Program, QuickWinChange, Workbook, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, text_field};
use crate::ui::quick_wins::program_label;

/// The rows of the vote table, built once per workbook revision, workshop, filter and ranking order (not every
/// frame): the programs matching the filter as indices into the workbook's programs, and the workshop's totals.
#[derive(Default)]
pub(super) struct VoteRows {
    key: Option<(PathBuf, u64, Id, String)>,
    /// The ranking order the rows were filtered from.
    order: Vec<Id>,
    rows: Rc<Vec<usize>>,
    totals: Rc<HashMap<Id, u32>>,
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
    ) -> (Rc<Vec<usize>>, Rc<HashMap<Id, u32>>) {
        let same_order = self.order.iter().eq(ranked.iter().map(|r| &r.program));
        if self.key.as_ref() != Some(&key) || !same_order {
            let needle = &key.3;
            let index: HashMap<Id, usize> = workbook.programs.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
            let rows = ranked
                .iter()
                .filter_map(|r| index.get(&r.program).copied())
                .filter(|i| {
                    let p = &workbook.programs[*i];
                    needle.is_empty()
                        || fold(&p.code).contains(needle.as_str())
                        || fold(&p.name).contains(needle.as_str())
                })
                .collect();
            self.rows = Rc::new(rows);
            self.totals = Rc::new(votes_by_program(workbook, Some(key.2)));
            self.order = ranked.iter().map(|r| r.program).collect();
            self.key = Some(key);
            self.builds += 1;
        }
        (self.rows.clone(), self.totals.clone())
    }
}

/// What the vote table draws from: the groups as columns, the rows (indices into the programs) and the totals.
struct VoteTable<'a> {
    workbook: &'a Workbook,
    groups: &'a [ParticipantGroup],
    rows: &'a [usize],
    totals: &'a HashMap<Id, u32>,
}

impl WorkshopPanel {
    pub(super) fn votes_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop, ranked: &[Ranked]) {
        let lang = cx.lang;
        let groups: Vec<ParticipantGroup> = cx.session.workbook().quick_wins.groups_of(w.id).cloned().collect();
        self.groups_ui(ui, cx, w, &groups);
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
        let needle = fold(self.filter.trim());
        let key = (cx.session.path().to_path_buf(), cx.session.revision(), w.id, needle);
        let (rows, totals) = self.vote_rows.get(workbook, key, ranked);
        let table = VoteTable { workbook, groups: &groups, rows: &rows, totals: &totals };
        let edits = vote_table_ui(ui, &mut self.drafts, cx, &table);
        self.push_all(cx, edits);
    }

    /// The groups: rename, remove, add; folded away once there are groups, so the votes get the room.
    fn groups_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop, groups: &[ParticipantGroup]) {
        let lang = cx.lang;
        let header = format!("{} ({})", Text::QwGroups.get(lang), groups.len());
        egui::CollapsingHeader::new(header).id_salt(("qw_groups", w.id)).default_open(groups.is_empty()).show(
            ui,
            |ui| {
                ui.horizontal_wrapped(|ui| {
                    for g in groups {
                        self.group_ui(ui, cx, g);
                    }
                    ui.add_enabled_ui(cx.editable, |ui| self.new_group_ui(ui, cx, w));
                });
            },
        );
    }

    /// One group's name field and its remove button.
    fn group_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, g: &ParticipantGroup) {
        let lang = cx.lang;
        let id = egui::Id::unique(("qw_group", g.id));
        let name = Text::QwGroupName.fill(lang, &[&g.name]);
        let spec = FieldSpec::new(id, &name).width(170.0).enabled(cx.editable);
        if let Some(value) = text_field(ui, &mut self.drafts, spec, &g.name, lang) {
            let edit = Edit::one(
                Message::with(Text::QwEditGroup, [value.clone()]),
                qw(QuickWinChange::PutGroup(ParticipantGroup { name: value.trim().to_string(), ..g.clone() })),
            );
            self.push(cx, edit);
        }
        if cx.editable && ui.small_button("🗑").on_hover_text(Text::QwDeleteGroup.get(lang)).clicked() {
            let changes = cx.session.workbook().quick_wins.remove_group(g.id);
            cx.push(Edit::new(Message::with(Text::QwEditDeleteGroup, [g.name.clone()]), changes));
        }
    }

    /// The "new group" name and its Add button.
    fn new_group_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, w: &Workshop) {
        let lang = cx.lang;
        let label = ui.label(Text::QwNewGroup.get(lang));
        ui.add(egui::TextEdit::singleline(&mut self.new_group).desired_width(120.0)).labelled_by(label.id);
        if ui.button(Text::QwAddGroup.get(lang)).clicked() {
            let group = ParticipantGroup {
                id: new_id(),
                workshop_id: w.id,
                name: self.new_group.trim().to_string(),
                position: QuickWins::next_position(&cx.session.workbook().quick_wins.groups, |g| g.position),
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
    }
}

/// The vote table; the edits typed or clicked in it.
fn vote_table_ui(ui: &mut Ui, drafts: &mut Drafts, cx: &ViewCx<'_>, table: &VoteTable<'_>) -> Vec<Edit> {
    let lang = cx.lang;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 12.0;
    let em = ui.text_style_height(&egui::TextStyle::Body);
    let mut edits = Vec::new();
    egui::ScrollArea::horizontal().id_salt("qw_votes_x").show(ui, |ui| {
        let mut builder = TableBuilder::new(ui)
            .id_salt("qw_votes")
            .striped(true)
            .auto_shrink(false)
            .column(Column::initial(15.0 * em).at_least(8.0 * em).clip(true));
        for _ in table.groups {
            builder = builder.column(Column::exact(7.0 * em));
        }
        builder
            .column(Column::exact(64.0))
            .header(row_height, |header| vote_header_ui(header, table.groups, lang))
            .body(|body| {
                body.rows(row_height, table.rows.len(), |mut row| {
                    // Indices into this revision's programs (the rows are built again when it changes).
                    let Some(p) = table.workbook.programs.get(table.rows[row.index()]) else { return };
                    row.col(|ui| {
                        ui.add(egui::Label::new(program_label(p)).truncate());
                    });
                    for g in table.groups {
                        row.col(|ui| edits.extend(vote_cell_ui(ui, drafts, cx, g, p)));
                    }
                    row.col(|ui| {
                        ui.strong(table.totals.get(&p.id).copied().unwrap_or(0).to_string());
                    });
                });
            });
    });
    edits
}

/// The header row: "Program", one column per group, "Total".
fn vote_header_ui(mut header: TableRow<'_, '_>, groups: &[ParticipantGroup], lang: Lang) {
    header.col(|ui| {
        ui.strong(Text::QwProgram.get(lang));
    });
    for g in groups {
        header.col(|ui| {
            ui.add(egui::Label::new(RichText::new(&g.name).strong()).truncate());
        });
    }
    header.col(|ui| {
        ui.strong(Text::QwTotal.get(lang));
    });
}

/// One group's dots for one program: a field (0 to [`MAX_DOTS`]) and a "+1" button; the edit when changed.
fn vote_cell_ui(ui: &mut Ui, drafts: &mut Drafts, cx: &ViewCx<'_>, g: &ParticipantGroup, p: &Program) -> Option<Edit> {
    let lang = cx.lang;
    let dots = cx.session.workbook().quick_wins.vote(g.id, p.id).map_or(0, |v| v.dots);
    let id = egui::Id::unique(("qw_vote", g.id, p.id));
    let name = Text::QwVotesOf.fill(lang, &[&g.name, &p.code]);
    let spec = FieldSpec::new(id, &name).width(48.0).enabled(cx.editable);
    let (typed, add) = ui
        .horizontal(|ui| {
            let typed = text_field(ui, drafts, spec, &dots.to_string(), lang);
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
                drafts.refuse(id, text, problem);
                None
            }
        },
        None if add => Some(dots.saturating_add(1)),
        None => None,
    };
    new.filter(|n| *n != dots).map(|new| vote_edit(g, p.id, &p.code, new))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quick_wins::{Window, ranking};
    use crate::seed::demo_workbook;

    #[test]
    fn the_vote_rows_are_built_once_per_revision_workshop_and_filter() {
        let workbook = demo_workbook();
        let window = Window { first_year: workbook.profile.period_start, years: 1 };
        let ranked = ranking(&workbook, window);
        let workshop = workbook.quick_wins.workshops[0].id;
        let path = PathBuf::from("demo.smartcity");
        let p = &ranked[0];
        let code = workbook.program(p.program).unwrap().code.to_lowercase();
        let mut cache = VoteRows::default();
        let (all, totals) = cache.get(&workbook, (path.clone(), 1, workshop, String::new()), &ranked);
        let ids: Vec<Id> = all.iter().map(|i| workbook.programs[*i].id).collect();
        assert_eq!(ids, ranked.iter().map(|r| r.program).collect::<Vec<_>>(), "no filter: every ranked program");
        assert_eq!(*totals, votes_by_program(&workbook, Some(workshop)));
        cache.get(&workbook, (path.clone(), 1, workshop, String::new()), &ranked);
        assert_eq!(cache.builds, 1, "the same frame inputs reuse the rows");
        let (found, _) = cache.get(&workbook, (path.clone(), 1, workshop, code.clone()), &ranked);
        assert!(found.iter().any(|i| workbook.programs[*i].id == p.program));
        assert!(
            found.iter().all(|i| fold(&workbook.programs[*i].code).contains(&code)
                || fold(&workbook.programs[*i].name).contains(&code))
        );
        cache.get(&workbook, (path.clone(), 1, workshop, code.clone()), &ranked);
        assert_eq!(cache.builds, 2, "a new filter builds them once");
        cache.get(&workbook, (path.clone(), 2, workshop, code.clone()), &ranked);
        assert_eq!(cache.builds, 3, "a new revision builds them again");
        let reversed: Vec<Ranked> = ranked.iter().rev().cloned().collect();
        let (back, _) = cache.get(&workbook, (path, 2, workshop, String::new()), &reversed);
        assert_eq!(workbook.programs[back[0]].id, reversed[0].program, "another ranking order is followed");
    }
}
