//! The realisation of one program in one year, every field: status and reason, the money spent per funding
//! source beside the money planned, the indicator's actual value beside its target, a note and the evidence.
//! Shown in the Monev view's details window and in the program editor. Like every field of the workbook, each
//! saves when the user leaves it, as one undo step; a refused value stays in its field with the reason.

use egui::{RichText, Ui};

use crate::analysis::monev::{is_due, planned};
use crate::i18n::{Lang, Message, Text, format_rupiah, parse_rupiah};
use crate::model::{
    Change, Edit, FundingSource, Id, MonevChange, Program, Realisation, RealisationStatus, Spending, Workbook,
};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, choice, problem_label, text_field};

#[derive(Default)]
pub struct RealisationForm {
    pub(super) drafts: Drafts,
    /// A status that needs a reason (delayed, dropped), chosen while the reason is empty: it is saved together
    /// with the reason, so the workbook never holds a delay without its why.
    pub pending: Option<(Id, i32, RealisationStatus)>,
    /// Funding sources the user added for a program and year beyond those it planned or spent.
    pub(super) extra_sources: Vec<(Id, i32, FundingSource)>,
}

/// The text fields of a realisation: label, how to read it, how to write it, and whether it takes lines.
type TextField = (Text, fn(&Realisation) -> &String, fn(&mut Realisation, String), bool);

const TEXTS: [TextField; 3] = [
    (Text::MonevActual, |r| &r.actual, |r, v| r.actual = v, false),
    (Text::MonevEvidence, |r| &r.evidence, |r, v| r.evidence = v, false),
    (Text::MonevNote, |r| &r.note, |r, v| r.note = v, true),
];

/// The name a realisation edit has in the undo menu and the history.
pub fn edit_label(program: &Program, year: i32) -> Message {
    Message::with(Text::EditRealisation, [program.code.clone(), year.to_string()])
}

/// The source a program's money of `year` is typed into when it is typed as one amount: the only source it
/// plans or spent from, APBD when none; `None` when it has several (they are typed apart, in the details).
pub fn single_source(workbook: &Workbook, program: &Program, year: i32) -> Option<FundingSource> {
    let mut used = FundingSource::ALL
        .into_iter()
        .filter(|s| planned(program, year, *s) > 0 || workbook.monev.spending_row(program.id, year, *s).is_some());
    match (used.next(), used.next()) {
        (None, _) => Some(FundingSource::Apbd),
        (Some(source), None) => Some(source),
        _ => None,
    }
}

/// The edit that sets what `program` spent in `year` from `source` to `typed` (empty or 0 removes it), or
/// why the text is refused.
pub fn spending_edit(program: &Program, year: i32, source: FundingSource, typed: &str) -> Result<Edit, Message> {
    let label = edit_label(program, year);
    let amount = if typed.trim().is_empty() { 0 } else { parse_rupiah(typed).map_err(|e| Message::new(e.text()))? };
    let change = if amount == 0 {
        MonevChange::RemoveSpending { program: program.id, year, source }
    } else {
        MonevChange::PutSpending(Spending { program_id: program.id, year, source, amount })
    };
    Ok(Edit::one(label, Change::Monev(change)))
}

/// An amount as typed in a field: digits with dots, no "Rp".
pub fn amount_text(amount: i64) -> String {
    format_rupiah(amount).trim_start_matches("Rp ").to_string()
}

pub(super) fn field_id(program: Id, year: i32, what: &str) -> egui::Id {
    egui::Id::unique(("realisation_field", program, year, what))
}

impl RealisationForm {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program, year: i32) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let current = workbook.monev.realisation(program.id, year).cloned();
        let realisation = current.clone().unwrap_or_else(|| Realisation::new(program.id, year));
        if !is_due(program, year) {
            ui.label(RichText::new(Text::MonevNotDue.get(lang)).italics());
        }
        egui::Grid::new(("realisation_form", program.id, year)).num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            self.status_row(ui, cx, program, &realisation);
            self.reason_row(ui, cx, program, &realisation);
            ui.label(Text::MonevTarget.get(lang));
            let target = program.targets.iter().find(|t| t.year == year).map_or("–", |t| t.target.as_str());
            ui.label(target);
            ui.end_row();
            for (text, get, set, multiline) in TEXTS {
                ui.label(text.get(lang));
                let id = field_id(program.id, year, text.get(Lang::En));
                let mut spec = FieldSpec::new(id, text.get(lang)).width(420.0).enabled(cx.editable);
                if multiline {
                    spec = spec.multiline();
                }
                if let Some(typed) = text_field(ui, &mut self.drafts, spec, get(&realisation), lang) {
                    let mut changed = realisation.clone();
                    set(&mut changed, typed.clone());
                    self.propose(cx, id, typed, program, changed);
                }
                ui.end_row();
            }
        });
        for (text, ..) in TEXTS {
            problem_label(ui, &self.drafts, field_id(program.id, year, text.get(Lang::En)), lang);
        }
        ui.add_space(8.0);
        self.money_ui(ui, cx, program, year);
    }

    fn status_row(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program, realisation: &Realisation) {
        let lang = cx.lang;
        let year = realisation.year;
        let shown = match self.pending {
            Some((p, y, status)) if p == program.id && y == year => status,
            _ => realisation.status,
        };
        ui.label(Text::ColStatus.get(lang));
        let mut chosen = shown;
        ui.add_enabled_ui(cx.editable, |ui| {
            let salt = ("realisation_status", program.id, year);
            choice(
                ui,
                salt,
                Text::ColStatus.get(lang),
                &mut chosen,
                &RealisationStatus::ALL,
                |s| s.text().get(lang).to_string(),
                180.0,
            );
        });
        ui.end_row();
        if chosen != shown {
            self.choose_status(cx, program, realisation, chosen);
        }
    }

    /// Save a chosen status, or keep it pending until its reason is typed.
    pub fn choose_status(
        &mut self,
        cx: &mut ViewCx<'_>,
        program: &Program,
        realisation: &Realisation,
        status: RealisationStatus,
    ) {
        let year = realisation.year;
        if status.needs_reason() && realisation.reason.trim().is_empty() {
            self.pending = Some((program.id, year, status));
            return;
        }
        self.pending = None;
        let changed = Realisation { status, ..realisation.clone() };
        cx.push(Edit::one(edit_label(program, year), Change::Monev(MonevChange::PutRealisation(changed))));
    }

    fn reason_row(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program, realisation: &Realisation) {
        let lang = cx.lang;
        let year = realisation.year;
        let pending = self.pending.filter(|(p, y, _)| *p == program.id && *y == year).map(|(_, _, s)| s);
        ui.label(Text::MonevReason.get(lang));
        let id = field_id(program.id, year, "reason");
        let spec = FieldSpec::new(id, Text::MonevReason.get(lang)).width(420.0).enabled(cx.editable);
        if let Some(typed) = text_field(ui, &mut self.drafts, spec, &realisation.reason, lang) {
            let mut changed = Realisation { reason: typed.clone(), ..realisation.clone() };
            if let Some(status) = pending {
                changed.status = status;
            }
            if self.propose(cx, id, typed, program, changed) {
                self.pending = None;
            }
        }
        ui.end_row();
        if let Some(status) = pending {
            ui.label("");
            let text = Text::MonevReasonNeeded.fill(lang, &[status.text().get(lang)]);
            ui.colored_label(ui.visuals().warn_fg_color, text);
            ui.end_row();
        }
        if let Some(problem) = self.drafts.problem(id) {
            ui.label("");
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
            ui.end_row();
        }
    }

    /// Hand a changed realisation over; refused, the typing stays in its field with the reason.
    fn propose(
        &mut self,
        cx: &mut ViewCx<'_>,
        id: egui::Id,
        typed: String,
        program: &Program,
        changed: Realisation,
    ) -> bool {
        let edit = Edit::one(edit_label(program, changed.year), Change::Monev(MonevChange::PutRealisation(changed)));
        match cx.propose(edit) {
            Ok(()) => true,
            Err(problems) => {
                self.drafts.refuse(id, typed, problems[0].message.clone());
                false
            }
        }
    }
}
