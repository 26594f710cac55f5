//! The money part of the realisation form: per funding source what the program planned that year and what it
//! spent, typed the Indonesian way. Spending above the plan is allowed and flagged; a source the program did
//! not plan can be added.

use egui::{RichText, Ui};

use super::form::{RealisationForm, amount_text, field_id, spending_edit};
use crate::analysis::monev::planned;
use crate::i18n::{Text, format_rupiah};
use crate::model::{FundingSource, Program};
use crate::ui::ViewCx;
use crate::ui::fields::{FieldSpec, text_field};

impl RealisationForm {
    pub(super) fn money_ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program, year: i32) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        let shown: Vec<FundingSource> = FundingSource::ALL
            .into_iter()
            .filter(|s| {
                planned(program, year, *s) > 0
                    || workbook.monev.spending_row(program.id, year, *s).is_some()
                    || self.extra_sources.contains(&(program.id, year, *s))
            })
            .collect();
        ui.label(RichText::new(Text::MonevMoney.get(lang)).strong());
        egui::Grid::new(("realisation_money", program.id, year))
            .num_columns(3)
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for text in [Text::MonevSource, Text::MonevPlanned, Text::MonevSpent] {
                    ui.label(RichText::new(text.get(lang)).strong());
                }
                ui.end_row();
                for &source in &shown {
                    self.source_row(ui, cx, program, year, source);
                }
                let (plan, spent) = (program.cost_in_year(year), workbook.monev.spent(program.id, year));
                ui.label(RichText::new(Text::MonevTotal.get(lang)).strong());
                ui.label(RichText::new(format_rupiah(plan)).strong());
                let total = RichText::new(format_rupiah(spent)).strong();
                if spent > plan {
                    ui.colored_label(ui.visuals().error_fg_color, total).on_hover_text(Text::MonevOverBudget.get(lang));
                } else {
                    ui.label(total);
                }
                ui.end_row();
            });
        if workbook.monev.spent(program.id, year) > program.cost_in_year(year) {
            ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {}", Text::MonevOverBudget.get(lang)));
        }
        let others: Vec<FundingSource> = FundingSource::ALL.into_iter().filter(|s| !shown.contains(s)).collect();
        if cx.editable && !others.is_empty() {
            egui::ComboBox::from_id_salt(("realisation_add_source", program.id, year))
                .selected_text(Text::MonevAddSource.get(lang))
                .show_ui(ui, |ui| {
                    for source in others {
                        if ui.selectable_label(false, source.text().get(lang)).clicked() {
                            self.extra_sources.push((program.id, year, source));
                        }
                    }
                })
                .response
                .accessible_name(Text::MonevAddSource.get(lang));
        }
    }

    fn source_row(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program, year: i32, source: FundingSource) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.label(source.text().get(lang));
        ui.label(format_rupiah(planned(program, year, source)));
        let current =
            workbook.monev.spending_row(program.id, year, source).map_or_else(String::new, |s| amount_text(s.amount));
        let id = field_id(program.id, year, source.key());
        let name = format!("{} {}", Text::MonevSpent.get(lang), source.text().get(lang));
        let spec = FieldSpec::new(id, &name).width(180.0).enabled(cx.editable);
        if let Some(typed) = text_field(ui, &mut self.drafts, spec, &current, lang) {
            let proposed = spending_edit(program, year, source, &typed)
                .and_then(|edit| cx.propose(edit).map_err(|problems| problems[0].message.clone()));
            if let Err(problem) = proposed {
                self.drafts.refuse(id, typed, problem);
            }
        }
        ui.end_row();
        if let Some(problem) = self.drafts.problem(id) {
            ui.label("");
            ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
            ui.end_row();
        }
    }
}
