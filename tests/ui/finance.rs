//! The finance view driven through the accessibility tree: typing history, the ratios, the projection's
//! assumptions, with undo.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::model::ValueKind;
use smartcity_workbench::ui::{App, Command, Startup};

use crate::{app, demo_copy, execute};

fn finance_view(dir: &std::path::Path) -> Harness<'static, App> {
    let path = demo_copy(dir);
    let mut harness = app(Startup::Path(path), dir);
    harness.get_by_role_and_label(Role::Button, "Keuangan").click();
    harness.run();
    harness
}

fn type_into(harness: &mut Harness<'_, App>, field: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, field).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, field).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn a_typed_amount_is_saved_a_typo_is_refused_and_undo_restores() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = finance_view(dir.path());
    let amount = |h: &Harness<'_, App>| {
        h.state().session().unwrap().workbook().finance_value("4.1.1", 2023, ValueKind::Budgeted).map(|v| v.amount)
    };
    let before = amount(&harness);
    type_into(&mut harness, "Pajak Daerah 2023", "12,5 M");
    assert_eq!(amount(&harness), Some(12_500_000_000));
    let undo = harness.state().session().unwrap().undo_label().map(|l| l.show(Lang::Id));
    assert_eq!(undo.as_deref(), Some("ubah Pajak Daerah 2023"), "the edit is named by its line, not its code");
    type_into(&mut harness, "Pajak Daerah 2023", "12.500.000,75");
    assert_eq!(amount(&harness), Some(12_500_000_000), "a fraction of a rupiah is refused");
    harness.get_by_label_contains("Rupiah harus bilangan bulat");
    harness.get_by_role_and_label(Role::Button, "Rasio").click();
    harness.run();
    execute(&mut harness, Command::Undo);
    assert_eq!(amount(&harness), before, "Ctrl+Z restored the earlier value");
}

#[test]
fn the_ratios_show_the_reported_2019_decentralisation() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = finance_view(dir.path());
    harness.get_by_role_and_label(Role::Button, "Rasio").click();
    harness.run();
    // PAD 81.314.566.003 of revenue 1.514.805.037.924 = 5,37 %.
    harness.get_by_label_contains("5,37 %");
    harness.get_by_label("Derajat desentralisasi fiskal");
}

#[test]
fn the_envelope_share_changes_the_projection_and_undo_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = finance_view(dir.path());
    harness.get_by_role_and_label(Role::Button, "Proyeksi dan ruang fiskal").click();
    harness.run();
    let envelope = |h: &Harness<'_, App>| h.state().session().unwrap().workbook().projection_settings().envelope_bp;
    let before = envelope(&harness);
    type_into(&mut harness, "Pagu smart city (% belanja)", "2,5");
    assert_eq!(envelope(&harness), 250);
    type_into(&mut harness, "Pagu smart city (% belanja)", "banyak");
    assert_eq!(envelope(&harness), 250, "text is refused");
    harness.get_by_role_and_label(Role::Button, "Rasio").click();
    harness.run();
    execute(&mut harness, Command::Undo);
    assert_eq!(envelope(&harness), before);
}

#[test]
fn hovering_a_chart_reads_out_the_values_of_that_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = finance_view(dir.path());
    harness.get_by_role_and_label(Role::Button, "Rasio").click();
    harness.run();
    let chart = harness.get_by_role(Role::Image).rect();
    // Scan across the picture's middle until the readout of a year appears.
    let mut found = None;
    for step in 1..40 {
        let x = chart.left() + chart.width() * step as f32 / 40.0;
        harness.hover_at(egui::pos2(x, chart.center().y));
        // Tooltips wait for the pointer to rest.
        harness.run_steps(6);
        if let Some(node) = harness.query_all_by_label_contains("Total: ").next() {
            found = node.accesskit_node().label();
            break;
        }
    }
    let text = found.expect("a readout appears over the chart");
    assert!(text.contains("(PAD): "), "{text}");
    assert!((2016..=2031).any(|y| text.starts_with(&y.to_string())), "{text}");
}
