//! The merge preview: before anything changes, what is new, what is taken from the other copy, what was
//! removed there, and the conflicts side by side (before, here, incoming, with who and when), each to be
//! decided per field or per row. "Gabungkan" stays disabled until every conflict has a choice.

use egui::{RichText, Ui};

use super::Preview;
use crate::i18n::{Lang, Message, Text, TimeZone, format_timestamp};
use crate::io::program_table::COLUMNS;
use crate::merge::RowKey;
use crate::merge::fields::show_value;
use crate::merge::plan::{Conflict, Entry, Outcome as RowOutcome, Side, Stamp, Summary};
use crate::merge::trust::Trust;
use crate::merge::workflow::Prepared;

pub enum Outcome {
    Pending,
    Cancelled,
    Apply,
}

const CONFLICT_COLOR: egui::Color32 = egui::Color32::from_rgb(0xB0, 0x3A, 0x2E);

fn short(text: &str, chars: usize) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > chars || line.len() < text.len() {
        format!("{}…", line.chars().take(chars).collect::<String>())
    } else {
        line.to_string()
    }
}

/// Who changed a row last and when, in the region's time zone.
fn who(stamp: Option<&Stamp>, zone: TimeZone, lang: Lang) -> String {
    stamp.map_or_else(|| "–".to_string(), |s| format!("{} · {}", s.by, format_timestamp(&s.at, zone, lang)))
}

/// One value as a choice button: selected when its side is chosen.
fn choice(ui: &mut Ui, chosen: bool, value: &str, name: String) -> bool {
    let button = egui::Button::selectable(chosen, short(value, 40)).min_size(egui::vec2(150.0, 0.0));
    ui.add(button).on_hover_text(value).accessible_name(name).clicked()
}

/// What a conflict's frame shows above its choices: the row and who changed it on each side.
struct Head<'a> {
    key: &'a RowKey,
    /// The region's time zone, which the stamps are shown in.
    zone: TimeZone,
    title: &'a str,
    ours_stamp: Option<&'a Stamp>,
    theirs_stamp: Option<&'a Stamp>,
}

/// A field's name for people: the program table's header where there is one (`name` is "Nama"), a budget line
/// as "2024 apbd", a target as "Target 2024"; other fields as they are stored.
fn field_label(field: &str, lang: Lang) -> String {
    let key = match field {
        "agency_id" => "agency",
        "element_id" => "element",
        "indicator_baseline" => "baseline",
        other => other,
    };
    if let Some(column) = COLUMNS.iter().find(|c| c.key == key) {
        return match lang {
            Lang::Id => column.id.to_string(),
            Lang::En => column.en.to_string(),
        };
    }
    if let Some(rest) = field.strip_prefix("budget/") {
        return rest.replace('/', " ");
    }
    if let Some(year) = field.strip_prefix("targets/") {
        return format!("Target {year}");
    }
    field.to_string()
}

/// Conflicts drawn per page, so a merge of two files that never met stays quick to draw.
const PAGE: usize = 40;

fn conflict_ui(ui: &mut Ui, lang: Lang, entry: &Head<'_>, conflict: &mut Conflict) {
    let kind = entry.key.kind().label.get(lang);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(Text::MergeConflict.get(lang))
                    .strong()
                    .color(egui::Color32::WHITE)
                    .background_color(CONFLICT_COLOR),
            );
            ui.label(RichText::new(format!("{kind}: {}", entry.title)).strong());
        });
        ui.label(
            RichText::new(format!(
                "{}: {}    {}: {}",
                Text::MergeHere.get(lang),
                who(entry.ours_stamp, entry.zone, lang),
                Text::MergeIncoming.get(lang),
                who(entry.theirs_stamp, entry.zone, lang)
            ))
            .weak()
            .small(),
        );
        let row_choice = |ui: &mut Ui, conflict: &mut Conflict| {
            ui.horizontal(|ui| {
                for (side, text) in [(Side::Ours, Text::MergeUseHere), (Side::Theirs, Text::MergeUseIncoming)] {
                    let all = conflict.row == Some(side)
                        || (!conflict.fields.is_empty() && conflict.fields.iter().all(|(_, c)| *c == Some(side)));
                    let name = format!("{}: {}", text.get(lang), entry.title);
                    if ui.add(egui::Button::selectable(all, text.get(lang))).accessible_name(name).clicked() {
                        conflict.choose_row(side);
                    }
                }
            });
        };
        if let Some(note) = conflict.note() {
            ui.label(RichText::new(note.show(lang)).italics());
        }
        if conflict.is_delete_edit() {
            let what = if conflict.ours.is_none() { Text::MergeRowDeletedHere } else { Text::MergeRowDeletedThere };
            ui.label(what.get(lang));
            row_choice(ui, conflict);
            return;
        }
        row_choice(ui, conflict);
        if !conflict.taken.is_empty() {
            let names: Vec<String> = conflict.taken.iter().map(|f| field_label(f, lang)).collect();
            let taken = Message::with(Text::MergeFieldsTaken, [names.join(", ")]).show(lang);
            ui.label(RichText::new(format!("{}: {taken}", Text::MergeTaken.get(lang))).small());
        }
        fields_ui(ui, lang, entry.key, conflict);
    });
}

/// The conflicting fields side by side (before, here, incoming), each value a choice button.
fn fields_ui(ui: &mut Ui, lang: Lang, key: &RowKey, conflict: &mut Conflict) {
    let (base, ours, theirs) = (conflict.base.clone(), conflict.ours.clone(), conflict.theirs.clone());
    egui::Grid::new(("conflict", key.kind, key.id)).striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
        for text in [Text::MergeField, Text::MergeBefore, Text::MergeHere, Text::MergeIncoming] {
            ui.label(RichText::new(text.get(lang)).strong());
        }
        ui.end_row();
        let mut chosen_now = None;
        for (field, chosen) in &conflict.fields {
            let label = field_label(field, lang);
            ui.label(&label).on_hover_text(field);
            let before = show_value(base.as_ref().and_then(|r| r.get(field)));
            ui.label(RichText::new(short(&before, 30)).weak()).on_hover_text(before);
            let here = show_value(ours.as_ref().and_then(|r| r.get(field)));
            if choice(ui, *chosen == Some(Side::Ours), &here, format!("{}: {label}", Text::MergeUseHere.get(lang))) {
                chosen_now = Some((field.clone(), Side::Ours));
            }
            let incoming = show_value(theirs.as_ref().and_then(|r| r.get(field)));
            let name = format!("{}: {label}", Text::MergeUseIncoming.get(lang));
            if choice(ui, *chosen == Some(Side::Theirs), &incoming, name) {
                chosen_now = Some((field.clone(), Side::Theirs));
            }
            ui.end_row();
        }
        if let Some((field, side)) = chosen_now {
            conflict.choose_field(&field, side);
        }
    });
}

/// One line for a row that needs no choice.
fn entry_line(ui: &mut Ui, lang: Lang, entry: &Entry, zone: TimeZone) {
    let kind = entry.key.kind().label.get(lang);
    let (badge, color, detail) = match &entry.outcome {
        RowOutcome::New(_) => (Text::MergeNew, egui::Color32::from_rgb(0x2E, 0x7D, 0x32), String::new()),
        RowOutcome::Taken { fields, .. } => (Text::MergeTaken, egui::Color32::from_rgb(0x1F, 0x5F, 0xA8), {
            let names: Vec<String> = fields.iter().map(|f| field_label(f, lang)).collect();
            Message::with(Text::MergeFieldsTaken, [short(&names.join(", "), 60)]).show(lang)
        }),
        RowOutcome::Removed => (Text::MergeRemoved, egui::Color32::from_rgb(0x80, 0x80, 0x80), String::new()),
        RowOutcome::Refused { reason, .. } => {
            (Text::MergeRefused, egui::Color32::from_rgb(0xB7, 0x1C, 0x1C), format!("— {}", reason.show(lang)))
        }
        RowOutcome::Conflict(_) => return,
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!(" {} ", badge.get(lang))).color(egui::Color32::WHITE).background_color(color));
        ui.label(format!("{kind}: {}", short(&entry.title, 60)));
        if !detail.is_empty() {
            ui.label(RichText::new(detail).weak());
        }
        ui.label(RichText::new(who(entry.theirs_stamp.as_ref(), zone, lang)).weak().small());
    });
}

pub fn ui(ctx: &egui::Context, lang: Lang, preview: &mut Preview) -> Outcome {
    let mut outcome = Outcome::Pending;
    let screen = ctx.content_rect();
    let modal = egui::Modal::new(egui::Id::unique("merge_preview")).show(ctx, |ui| {
        ui.set_width((screen.width() - 80.0).clamp(300.0, 1000.0));
        let summary = header_ui(ui, lang, &mut preview.prepared);
        ui.separator();
        // Conflicts first, each with its choices; then every other row, one line each, virtualised.
        let room = (screen.height() - 300.0).max(160.0);
        let is_other = |e: &Entry| !matches!(e.outcome, RowOutcome::Conflict(_));
        let others = preview.prepared.plan.entries.iter().filter(|e| is_other(e)).count();
        let conflict_room = if others == 0 {
            room
        } else if summary.conflicts == 0 {
            0.0
        } else {
            room * 0.6
        };
        if summary.conflicts > 0 {
            conflicts_ui(ui, lang, preview, summary.conflicts, conflict_room);
        }
        if others > 0 {
            ui.separator();
            let rows: Vec<&Entry> = preview.prepared.plan.entries.iter().filter(|e| is_other(e)).collect();
            let row_height = ui.spacing().interact_size.y + 2.0;
            egui::ScrollArea::vertical()
                .id_salt("merge_others")
                .max_height(room - conflict_room)
                .auto_shrink([false, true])
                .show_rows(ui, row_height, rows.len(), |ui, range| {
                    for entry in &rows[range] {
                        entry_line(ui, lang, entry, preview.zone);
                    }
                });
        }
        if let Some(error) = &preview.error {
            ui.colored_label(ui.visuals().error_fg_color, error.show(lang));
        }
        ui.separator();
        outcome = buttons_ui(ui, lang, &summary);
    });
    if modal.should_close() && matches!(outcome, Outcome::Pending) {
        outcome = Outcome::Cancelled;
    }
    outcome
}

/// The title, the warnings, the counts and (with conflicts) the buttons that choose one side for all.
fn header_ui(ui: &mut Ui, lang: Lang, prepared: &mut Prepared) -> Summary {
    ui.heading(Message::with(Text::MergePreviewTitle, [prepared.source.clone()]).show(lang));
    ui.label(Message::with(Text::MergeFromPeer, [prepared.peer_name()]).show(lang));
    for (warn, text) in [
        (prepared.other_masterplan, Text::MergeOtherWarning),
        (!prepared.has_base, Text::MergeNoBase),
        (prepared.already_applied, Text::MergeAlreadyApplied),
        (prepared.trust == Trust::Unsigned, Text::TrustUnsignedNote),
    ] {
        if warn {
            ui.colored_label(ui.visuals().warn_fg_color, text.get(lang));
        }
    }
    let summary = prepared.summary();
    let counts = [summary.new, summary.taken, summary.removed, summary.refused, summary.conflicts, summary.unresolved];
    let line = Message::with(Text::MergeSummary, counts.map(|n| n.to_string()));
    ui.label(RichText::new(line.show(lang)).strong());
    if prepared.plan.is_empty() && !prepared.already_applied {
        ui.label(Message::with(Text::MergeNothing, [prepared.peer_name()]).show(lang));
    }
    if summary.conflicts > 0 {
        ui.horizontal(|ui| {
            if ui.button(Text::MergeAllHere.get(lang)).clicked() {
                prepared.resolve_all(Side::Ours);
            }
            if ui.button(Text::MergeAllIncoming.get(lang)).clicked() {
                prepared.resolve_all(Side::Theirs);
            }
        });
    }
    summary
}

/// This page of conflicts with their choices, and the pager when there is more than one page.
fn conflicts_ui(ui: &mut Ui, lang: Lang, preview: &mut Preview, count: usize, height: f32) {
    let (page, zone) = (preview.page, preview.zone);
    egui::ScrollArea::vertical().id_salt("merge_conflicts").max_height(height).auto_shrink([false, true]).show(
        ui,
        |ui| {
            let conflicts = preview.prepared.plan.entries.iter_mut().filter_map(|e| match &mut e.outcome {
                RowOutcome::Conflict(conflict) => Some((
                    Head {
                        key: &e.key,
                        zone,
                        title: &e.title,
                        ours_stamp: e.ours_stamp.as_ref(),
                        theirs_stamp: e.theirs_stamp.as_ref(),
                    },
                    conflict,
                )),
                _ => None,
            });
            for (head, conflict) in conflicts.skip(page * PAGE).take(PAGE) {
                conflict_ui(ui, lang, &head, conflict);
                ui.add_space(4.0);
            }
        },
    );
    if count > PAGE {
        let pages = count.div_ceil(PAGE);
        ui.horizontal(|ui| {
            if ui.add_enabled(preview.page > 0, egui::Button::new("◀")).clicked() {
                preview.page -= 1;
            }
            let first = preview.page * PAGE + 1;
            let last = (first + PAGE - 1).min(count);
            let args = [first, last, count].map(|n| n.to_string());
            ui.label(Message::with(Text::MergeConflictPage, args).show(lang));
            if ui.add_enabled(preview.page + 1 < pages, egui::Button::new("▶")).clicked() {
                preview.page += 1;
            }
        });
    }
}

/// "Gabungkan", enabled once every conflict has a choice, and "Batal".
fn buttons_ui(ui: &mut Ui, lang: Lang, summary: &Summary) -> Outcome {
    let mut outcome = Outcome::Pending;
    ui.horizontal(|ui| {
        let ready = summary.unresolved == 0;
        let apply = ui.add_enabled(ready, egui::Button::new(RichText::new(Text::MergeApply.get(lang)).strong()));
        if !ready {
            apply.on_disabled_hover_text(
                Message::with(Text::MergeUnresolved, [summary.unresolved.to_string()]).show(lang),
            );
        } else if apply.clicked() {
            outcome = Outcome::Apply;
        }
        if ui.button(Text::Cancel.get(lang)).clicked() {
            outcome = Outcome::Cancelled;
        }
    });
    outcome
}
