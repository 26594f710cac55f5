//! The Strategi view: strategic issues, the SWOT matrix per dimension, the RPJMD goals the dimensions serve,
//! the direction of each dimension and element with its strategies and indicators, and the coherence of
//! issues, strategies, programs and cost. Derived data (gaps, programs per strategy, the coherence tree) is
//! computed once per workbook revision, never per frame.

mod coherence;
mod direction;
mod goals;
mod issues;
mod swot;

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{RichText, Ui};

use super::fields::Drafts;
use super::section::view_heading;
use super::{ViewCx, names};
use crate::analysis::strategy::{Gaps, gaps};
use crate::i18n::{Lang, Message, Text};
use crate::model::{Change, Edit, Id, Program, StrategyChange, StrategyItem, Workbook};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Issues,
    Swot,
    Goals,
    Direction,
    Coherence,
}

impl Tab {
    const ALL: [Tab; 5] = [Tab::Issues, Tab::Swot, Tab::Goals, Tab::Direction, Tab::Coherence];

    fn label(self) -> Text {
        match self {
            Tab::Issues => Text::TabIssues,
            Tab::Swot => Text::TabSwot,
            Tab::Goals => Text::TabGoals,
            Tab::Direction => Text::TabDirection,
            Tab::Coherence => Text::TabCoherence,
        }
    }
}

/// What every tab reads besides the workbook: the gaps and the live programs of each strategy.
#[derive(Default)]
struct Derived {
    key: Option<(PathBuf, u64)>,
    gaps: Gaps,
    programs_of: HashMap<Id, Vec<Id>>,
}

impl Derived {
    fn refresh(&mut self, cx: &ViewCx<'_>) {
        let key = (cx.session.path().to_path_buf(), cx.session.revision());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let workbook = cx.session.workbook();
        self.gaps = gaps(workbook);
        self.programs_of.clear();
        for p in &workbook.programs {
            if let Some(s) = p.strategy_id {
                self.programs_of.entry(s).or_default().push(p.id);
            }
        }
        self.key = Some(key);
    }
}

/// The state of the strategy view.
#[derive(Default)]
pub struct StrategyView {
    pub tab: Tab,
    /// The dimension the SWOT and direction tabs show; the first when none was chosen.
    pub dimension: Option<Id>,
    derived: Derived,
    drafts: Drafts,
    issues: issues::IssuesTab,
    swot: swot::SwotTab,
    goals: goals::GoalsTab,
    direction: direction::DirectionTab,
    coherence: coherence::CoherenceTab,
}

impl StrategyView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCx<'_>) {
        let lang = cx.lang;
        self.derived.refresh(cx);
        let workbook = cx.session.workbook();
        if self.dimension.is_none_or(|d| workbook.dimension(d).is_none()) {
            self.dimension = workbook.dimensions.first().map(|d| d.id);
        }
        ui.horizontal_wrapped(|ui| {
            view_heading(ui, Text::NavStrategy.get(lang));
            for tab in Tab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label().get(lang)).clicked() {
                    self.tab = tab;
                }
            }
        });
        gaps_ui(ui, &self.derived.gaps, lang);
        ui.separator();
        match self.tab {
            Tab::Issues => self.issues.ui(ui, cx, &mut self.drafts),
            Tab::Swot => self.swot.ui(ui, cx, &mut self.drafts, &mut self.dimension),
            Tab::Goals => self.goals.ui(ui, cx, &mut self.drafts),
            Tab::Direction => {
                self.direction.ui(ui, cx, &mut self.drafts, &mut self.dimension, &self.derived.programs_of)
            }
            Tab::Coherence => self.coherence.ui(ui, cx),
        }
    }
}

/// The three gap counts, always in sight: what the strategy still lacks.
fn gaps_ui(ui: &mut Ui, gaps: &Gaps, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(Text::GapsTitle.get(lang)).strong());
        let counts = [
            (Text::GapStrategiesWithoutPrograms, gaps.strategies_without_programs.len()),
            (Text::GapProgramsWithoutStrategy, gaps.programs_without_strategy.len()),
            (Text::GapElementsWithoutDirection, gaps.elements_without_direction.len()),
        ];
        for (text, count) in counts {
            let label = Message::with(text, [count.to_string()]).show(lang);
            let color = if count == 0 { ui.visuals().weak_text_color() } else { ui.visuals().warn_fg_color };
            ui.label(RichText::new(format!("• {label}")).color(color));
        }
    });
}

/// Validate and hand over `edit`, or keep `value` in the field `id` with the problem found.
fn push_checked(cx: &mut ViewCx<'_>, drafts: &mut Drafts, id: egui::Id, value: String, edit: Edit) {
    if let Err(problems) = cx.propose(edit) {
        let problem = &problems[0];
        drafts.refuse(id, value, problem.message.clone());
    }
}

/// One strategy change as an edit labelled "change {what}".
fn change_edit(what: &str, change: StrategyChange) -> Edit {
    Edit::one(Message::with(Text::EditChangeStrategic, [what]), Change::Strategy(change))
}

/// Hand `edit` over, checked here; or the first problem that refuses it.
fn propose(cx: &mut ViewCx<'_>, edit: Edit) -> Option<Message> {
    cx.propose(edit).err().map(|problems| problems[0].message.clone())
}

/// An issue as a short label: its code and title.
fn issue_label(workbook: &Workbook, id: Id) -> String {
    workbook.strategy.issue(id).map_or_else(String::new, |i| {
        if i.code.trim().is_empty() { i.title.clone() } else { format!("{} {}", i.code, i.title) }
    })
}

/// A dimension picker (combo box named "Dimensi").
fn dimension_combo(ui: &mut Ui, workbook: &Workbook, dimension: &mut Option<Id>, lang: Lang, salt: &str) {
    let text = dimension.and_then(|d| workbook.dimension(d)).map_or("", |d| names::dimension(d, lang));
    egui::ComboBox::from_id_salt(salt)
        .selected_text(text)
        .width(220.0)
        .show_ui(ui, |ui| {
            for d in &workbook.dimensions {
                ui.selectable_value(dimension, Some(d.id), names::dimension(d, lang));
            }
        })
        .response
        .accessible_name(Text::ColDimension.get(lang));
}

/// A toggle per dimension for a sorted list of dimension ids; returns the new list when one was toggled.
fn dimension_toggles(ui: &mut Ui, workbook: &Workbook, ids: &[Id], lang: Lang, owner: &str) -> Option<Vec<Id>> {
    let mut changed = None;
    ui.horizontal_wrapped(|ui| {
        for d in &workbook.dimensions {
            let mut on = ids.contains(&d.id);
            let name = names::dimension(d, lang);
            let response = ui.checkbox(&mut on, name);
            let response = response.accessible_name(format!("{owner} {name}"));
            if response.changed() {
                let mut next: Vec<Id> = ids.iter().copied().filter(|x| *x != d.id).collect();
                if on {
                    next.push(d.id);
                }
                next.sort();
                changed = Some(next);
            }
        }
    });
    changed
}

/// The strategy a program carries out, chosen in the program editor (a grid row: label, combo, note).
pub fn program_strategy_row(ui: &mut Ui, cx: &mut ViewCx<'_>, program: &Program) {
    let lang = cx.lang;
    let workbook = cx.session.workbook();
    let strategy = &workbook.strategy;
    ui.label(Text::ColStrategy.get(lang));
    let name = |s: &StrategyItem| {
        if s.code.is_empty() { s.text.clone() } else { format!("{} {}", s.code, s.text) }
    };
    let current = program.strategy_id.and_then(|s| strategy.strategy(s));
    let text = current.map_or_else(|| Text::NoStrategy.get(lang).to_string(), name);
    let mut chosen = program.strategy_id;
    // Strategies of the program's own dimension first: the likely choice.
    let own = workbook.dimension_of(program.element_id).map(|d| d.id);
    let mut options: Vec<&StrategyItem> = strategy.strategies.iter().collect();
    options.sort_by_key(|s| strategy.dimension_of_strategy(s.id) != own);
    egui::ComboBox::from_id_salt(("editor_strategy", program.id))
        .selected_text(text)
        .width(360.0)
        .truncate()
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, Text::NoStrategy.get(lang));
            for s in options {
                ui.selectable_value(&mut chosen, Some(s.id), name(s));
            }
        })
        .response
        .accessible_name(Text::ColStrategy.get(lang));
    ui.label("");
    ui.end_row();
    if chosen != program.strategy_id {
        let changed = Program { strategy_id: chosen, ..program.clone() };
        cx.push(Edit::one(
            Message::with(Text::EditProgramStrategy, [program.name.clone()]),
            Change::PutProgram(changed),
        ));
    }
}
