//! Strategic issues (isu strategis): each with its code, title, source, the dimensions it touches and a
//! description; new ones typed here or raised from a weak readiness item (Readiness > Results).

use egui::{RichText, Ui};

use super::{change_edit, dimension_toggles, propose, push_checked};
use crate::i18n::{Message, Text};
use crate::model::{Change, Edit, Issue, IssueSource, Strategy, StrategyChange, new_id};
use crate::ui::ViewCx;
use crate::ui::fields::{Drafts, FieldSpec, choice, problem_label, text_field};

#[derive(Default)]
pub struct IssuesTab {
    new_title: String,
    problem: Option<Message>,
}

impl IssuesTab {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>, drafts: &mut Drafts) {
        let lang = cx.lang;
        let workbook = cx.session.workbook();
        ui.add_enabled_ui(cx.editable, |ui| {
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(Text::NewIssue.get(lang));
                ui.add_sized([420.0, 24.0], egui::TextEdit::singleline(&mut self.new_title)).labelled_by(label.id);
                if ui.button(Text::AddIssue.get(lang)).clicked() {
                    let strategy = &workbook.strategy;
                    let issue = Issue {
                        id: new_id(),
                        code: format!("IS-{:02}", strategy.issues.len() + 1),
                        title: self.new_title.trim().to_string(),
                        description: String::new(),
                        source: IssueSource::Workshop,
                        dimension_ids: Vec::new(),
                        readiness_item_id: None,
                        position: Strategy::next_position(&strategy.issues, |i| i.position),
                    };
                    let edit = Edit::one(
                        Message::with(Text::EditAddStrategic, [issue.title.clone()]),
                        Change::Strategy(StrategyChange::PutIssue(issue)),
                    );
                    self.problem = propose(cx, edit);
                    if self.problem.is_none() {
                        self.new_title.clear();
                    }
                }
                if let Some(problem) = &self.problem {
                    ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {}", problem.show(lang)));
                }
            });
        });
        ui.add_space(6.0);
        if workbook.strategy.issues.is_empty() {
            ui.label(RichText::new(Text::NoIssuesYet.get(lang)).italics());
        }
        egui::ScrollArea::vertical().id_salt("strategy_issues").auto_shrink(false).show(ui, |ui| {
            for issue in &workbook.strategy.issues {
                ui.add_enabled_ui(cx.editable, |ui| issue_ui(ui, cx, drafts, issue));
            }
        });
    }
}

fn issue_ui(ui: &mut Ui, cx: &mut ViewCx<'_>, drafts: &mut Drafts, issue: &Issue) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let put = |changed: Issue| change_edit(&changed.title.clone(), StrategyChange::PutIssue(changed));
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let code_id = egui::Id::unique(("issue_code", issue.id));
            let name = format!("{} {}", Text::ColCode.get(lang), issue.title);
            let spec = FieldSpec::new(code_id, &name).width(70.0);
            if let Some(value) = text_field(ui, drafts, spec, &issue.code, lang) {
                let changed = Issue { code: value.trim().to_string(), ..issue.clone() };
                push_checked(cx, drafts, code_id, value, put(changed));
            }
            let title_id = egui::Id::unique(("issue_title", issue.id));
            let name = format!("{} {}", Text::IssueTitle.get(lang), issue.code);
            // Room for the code, the widest source ("Kesenjangan kesiapan") and the delete button on one line.
            let width = (ui.available_width() - 360.0).clamp(200.0, 640.0);
            let spec = FieldSpec::new(title_id, &name).width(width);
            if let Some(value) = text_field(ui, drafts, spec, &issue.title, lang) {
                let changed = Issue { title: value.trim().to_string(), ..issue.clone() };
                push_checked(cx, drafts, title_id, value, put(changed));
            }
            let mut source = issue.source;
            choice(
                ui,
                ("issue_source", issue.id),
                &format!("{} {}", Text::IssueSource.get(lang), issue.code),
                &mut source,
                &IssueSource::ALL,
                |s| s.text().get(lang).to_string(),
                190.0,
            );
            if source != issue.source {
                cx.push(put(Issue { source, ..issue.clone() }));
            }
            let delete =
                ui.button("🗑").on_hover_text(Message::with(Text::DeleteNamed, [issue.title.clone()]).show(lang));
            if delete.accessible_name(Message::with(Text::DeleteNamed, [issue.code.clone()]).show(lang)).clicked() {
                cx.push(Edit::new(
                    Message::with(Text::EditDeleteStrategic, [issue.title.clone()]),
                    workbook.remove_issue(issue.id),
                ));
            }
        });
        for id in [egui::Id::unique(("issue_code", issue.id)), egui::Id::unique(("issue_title", issue.id))] {
            problem_label(ui, drafts, id, lang);
        }
        ui.horizontal_wrapped(|ui| {
            if let Some(ids) = dimension_toggles(ui, workbook, &issue.dimension_ids, lang, &issue.code) {
                cx.push(put(Issue { dimension_ids: ids, ..issue.clone() }));
            }
        });
        if let Some(item) = issue.readiness_item_id.and_then(|i| workbook.readiness_item(i)) {
            ui.label(RichText::new(Message::with(Text::FromReadinessItem, [item.code.clone()]).show(lang)).weak());
        }
        let description_id = egui::Id::unique(("issue_description", issue.id));
        let name = format!("{} {}", Text::Description.get(lang), issue.code);
        let spec = FieldSpec::new(description_id, &name).width(ui.available_width().min(900.0)).multiline();
        if let Some(value) = text_field(ui, drafts, spec, &issue.description, lang) {
            let changed = Issue { description: value.trim().to_string(), ..issue.clone() };
            push_checked(cx, drafts, description_id, value, put(changed));
        }
        problem_label(ui, drafts, description_id, lang);
    });
}
