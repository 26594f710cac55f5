//! The journal view ("Riwayat"): every change recorded in the workbook with who, when, what and where it came
//! from (edited here, undone, a merged workbook, a change package, an agency copy), filtered by agency and by
//! date. The journal is read from the file only when the workbook's revision changes, never per frame, and the
//! table lays out only its visible rows.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use uuid::Uuid;

use super::ViewCx;
use crate::i18n::{Lang, Message, Text, TimeZone, format_timestamp, local_day};
use crate::model::{Id, Workbook};
use crate::store::{JournalEntry, Origin, Session};

#[derive(Default)]
pub struct JournalView {
    agency: Option<Id>,
    from: String,
    to: String,
    /// The journal as read at a revision, newest first, or why it could not be read.
    cache: Option<(u64, Result<Vec<JournalEntry>, Message>)>,
}

impl JournalView {
    fn entries(&mut self, session: &Session) -> Result<&[JournalEntry], &Message> {
        if self.cache.as_ref().is_none_or(|(revision, _)| *revision != session.revision()) {
            let entries = session.journal().map(|mut entries| {
                entries.reverse();
                entries
            });
            self.cache = Some((session.revision(), entries));
        }
        match self.cache.as_ref() {
            Some((_, Ok(entries))) => Ok(entries.as_slice()),
            Some((_, Err(why))) => Err(why),
            None => Ok(&[]),
        }
    }

    /// Whether `entry` passes the filters; dates compare as `YYYY-MM-DD`, the day in the region's `zone`.
    fn shows(&self, entry: &JournalEntry, zone: TimeZone) -> bool {
        let (from, to) = (self.from.trim(), self.to.trim());
        if !self.agency.is_none_or(|a| entry.concerns(a)) {
            return false;
        }
        if from.is_empty() && to.is_empty() {
            // No date filter (the usual case): no local day to work out for every entry every frame.
            return true;
        }
        let local = local_day(&entry.at, zone);
        let day = local.as_deref().unwrap_or_else(|| entry.at.get(..10).unwrap_or(&entry.at));
        (from.is_empty() || day >= from) && (to.is_empty() || day <= to)
    }

    /// The journal only reads: it takes the view context like every view, and hands back no edit.
    pub fn ui(&mut self, ui: &mut Ui, cx: &ViewCx<'_>) {
        let (lang, session) = (cx.lang, cx.session);
        ui.heading(Text::NavHistory.get(lang));
        ui.add_space(4.0);
        self.filters_ui(ui, lang, session.workbook());
        let own = session.replica().map(|r| r.id);
        let zone = session.workbook().profile.time_zone;
        let total = match self.entries(session) {
            Ok(entries) => entries.len(),
            Err(why) => {
                ui.colored_label(ui.visuals().error_fg_color, why.show(lang));
                return;
            }
        };
        let shown: Vec<&JournalEntry> = match self.cache.as_ref() {
            Some((_, Ok(entries))) => entries.iter().filter(|e| self.shows(e, zone)).collect(),
            _ => Vec::new(),
        };
        ui.label(
            RichText::new(Message::with(Text::HistoryCount, [shown.len().to_string(), total.to_string()]).show(lang))
                .weak(),
        );
        if shown.is_empty() {
            ui.add_space(12.0);
            ui.label(RichText::new(Text::HistoryEmpty.get(lang)).italics().weak());
            return;
        }
        table_ui(ui, lang, &shown, own, zone);
    }

    /// The agency and date filters.
    fn filters_ui(&mut self, ui: &mut Ui, lang: Lang, workbook: &Workbook) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(Text::HistoryAgency.get(lang));
            let chosen =
                self.agency.and_then(|id| workbook.agency(id)).map_or(Text::HistoryAll.get(lang), |a| a.label());
            egui::ComboBox::from_id_salt("history_agency")
                .width(220.0)
                .selected_text(chosen)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.agency, None, Text::HistoryAll.get(lang));
                    for agency in &workbook.agencies {
                        ui.selectable_value(&mut self.agency, Some(agency.id), &agency.name);
                    }
                })
                .response
                .labelled_by(label.id);
            for (text, value) in [(Text::HistoryFrom, &mut self.from), (Text::HistoryTo, &mut self.to)] {
                let label = ui.label(text.get(lang));
                let field =
                    egui::TextEdit::singleline(value).desired_width(110.0).hint_text(Text::HistoryDateHint.get(lang));
                ui.add(field).labelled_by(label.id);
            }
        });
    }
}

/// The journal's table, laying out only the visible rows; `own` is this copy's replica, `zone` the region's.
fn table_ui(ui: &mut Ui, lang: Lang, shown: &[&JournalEntry], own: Option<Uuid>, zone: TimeZone) {
    let place = |e: &JournalEntry| {
        if Some(e.replica_id) == own && e.origin == Origin::Edit {
            Text::HistoryThisCopy.get(lang).to_string()
        } else if e.place.is_empty() {
            Text::HistoryCoordinator.get(lang).to_string()
        } else {
            e.place.clone()
        }
    };
    let row_height = ui.spacing().interact_size.y + 4.0;
    // The change itself takes the room that is left, so it is never the column that gets clipped.
    let rows_title = {
        let title = Text::HistoryRows.get(lang).replace("{} ", "");
        let mut chars = title.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
    };
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .auto_shrink(false)
        .column(Column::exact(170.0))
        .column(Column::initial(100.0).clip(true))
        .column(Column::initial(140.0).clip(true))
        .column(Column::initial(100.0).clip(true))
        .column(Column::exact(44.0))
        .column(Column::remainder().at_least(200.0).clip(true))
        .header(row_height, |mut header| {
            header.col(|ui| {
                ui.strong(Text::HistoryWhenZone.fill(lang, &[zone.key()]));
            });
            for text in [Text::HistoryWho, Text::HistoryOrigin, Text::HistoryPlace] {
                header.col(|ui| {
                    ui.strong(text.get(lang));
                });
            }
            header.col(|ui| {
                ui.strong(&rows_title);
            });
            header.col(|ui| {
                ui.strong(Text::HistoryWhat.get(lang));
            });
        })
        .body(|body| {
            body.rows(row_height, shown.len(), |mut row| {
                let e = shown[row.index()];
                row.col(|ui| {
                    ui.label(format_timestamp(&e.at, zone, lang));
                });
                row.col(|ui| {
                    ui.label(&e.by);
                });
                row.col(|ui| {
                    ui.label(e.origin.label().get(lang));
                });
                row.col(|ui| {
                    ui.label(place(e));
                });
                row.col(|ui| {
                    ui.label(e.changes.to_string());
                });
                row.col(|ui| {
                    let what = e.label().show(lang);
                    // Clipped in narrow windows: the whole label and the file it came from on hover.
                    let hover =
                        if e.source_file.is_empty() { what.clone() } else { format!("{what}\n{}", e.source_file) };
                    ui.label(&what).on_hover_text(hover);
                });
            });
        });
}
