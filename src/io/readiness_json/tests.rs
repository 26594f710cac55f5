use super::*;
use serde_json::Value;

use std::collections::HashSet;

use crate::model::{LevelText, MAX_TEXT_CHARS, Pillar, stable_id};
use crate::seed::{demo_workbook, new_workbook};

/// Apply `changes` one by one as the store would: each must pass validation first.
fn apply_all(workbook: &mut Workbook, changes: &[Change]) {
    for change in changes {
        let problems = validate_change(workbook, change);
        assert!(problems.is_empty(), "{change:?}: {problems:?}");
        workbook.apply(change);
    }
}

/// The demo's export as a JSON value, to break in one place.
fn demo_value() -> Value {
    serde_json::from_str(&export_framework(&demo_workbook())).unwrap()
}

fn problems_of(text: &str) -> Vec<JsonProblem> {
    import_framework(&demo_workbook(), text).expect_err("the file is refused")
}

/// The one problem of the demo's export after `edit`.
fn only_problem(edit: impl FnOnce(&mut Value)) -> JsonProblem {
    let mut value = demo_value();
    edit(&mut value);
    let problems = problems_of(&value.to_string());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

fn assert_problem(problem: &JsonProblem, path: &str, text: Text) {
    assert_eq!((problem.path.as_str(), problem.message.text), (path, text), "{problem:?}");
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    *value.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = new;
}

fn remove(value: &mut Value, pointer: &str, key: &str) {
    value.pointer_mut(pointer).unwrap().as_object_mut().unwrap().remove(key).expect("the key was there");
}

#[test]
fn an_export_imports_back_to_the_same_framework() {
    let demo = demo_workbook();
    let text = export_framework(&demo);
    assert_eq!(text, export_framework(&demo_workbook()), "the export is deterministic");
    assert!(text.contains("\"format\": \"smartcity-workbench/readiness-framework\""));
    assert!(text.contains("\"weight\": 3,"), "whole weights are written as integers");
    assert!(text.contains("\"dimension\": null"));
    let import = import_framework(&demo, &text).unwrap();
    assert_eq!(import.items, demo.readiness_items);
    assert_eq!(import.bands, demo.bands);
    assert!(import.missing_items.is_empty() && import.replaced_bands.is_empty());
    assert!(import.changes(&demo, true).is_empty(), "nothing to change");
    // And into a new workbook: the same seeded ids, so the same rows.
    let fresh = new_workbook("Kabupaten Contoh", 2026);
    let import = import_framework(&fresh, &text).unwrap();
    assert_eq!(import.items, fresh.readiness_items);
    assert_eq!(import.bands, fresh.bands);
}

#[test]
fn fractional_weights_and_empty_texts_round_trip() {
    let mut workbook = new_workbook("Kabupaten Contoh", 2026);
    workbook.readiness_items[0].weight = 1.93;
    workbook.readiness_items[1].question_en = String::new();
    workbook.readiness_items[1].levels[4] = LevelText::default();
    let import = import_framework(&workbook, &export_framework(&workbook)).unwrap();
    assert_eq!(import.items, workbook.readiness_items);
}

#[test]
fn codes_keep_their_ids_and_missing_items_are_listed() {
    let demo = demo_workbook();
    let mut value = demo_value();
    set(&mut value, "/items/0/question_id", Value::from("Pertanyaan yang diperbaiki"));
    set(&mut value, "/items/1/code", Value::from("  st-02 "));
    let items = value["items"].as_array_mut().unwrap();
    let last = items.pop().unwrap();
    let mut new_item = items[0].clone();
    new_item["code"] = Value::from("NEW-01");
    items.push(new_item);
    let import = import_framework(&demo, &value.to_string()).unwrap();

    assert_eq!(import.items[0].id, demo.readiness_items[0].id);
    assert_eq!(import.items[1].id, demo.readiness_items[1].id, "codes match ignoring case and spaces");
    assert_eq!(import.items[1].code, "st-02");
    let new = import.items.last().unwrap();
    assert_eq!(new.id, stable_id("readiness-item", "NEW-01"));
    let gone = demo.readiness_items.iter().find(|i| i.code == last["code"]).unwrap();
    assert_eq!(import.missing_items, vec![gone.id]);
    assert_eq!(import.missing_in_use(&demo), vec![gone.id], "the demo scored it");

    // Removing is refused for an item with a score: it stays, after the file's items.
    let mut workbook = demo.clone();
    apply_all(&mut workbook, &import.changes(&demo, true));
    assert_eq!(workbook.readiness_items.len(), import.items.len() + 1);
    assert_eq!(workbook.readiness_items.last().unwrap().id, gone.id);
    assert_eq!(&workbook.readiness_items[..import.items.len()], &import.items[..]);
    assert!(workbook.score(workbook.rounds[0].id, demo.readiness_items[0].id).is_some(), "scores stay attached");
}

#[test]
fn a_derived_id_never_takes_one_already_in_the_workbook() {
    let mut workbook = new_workbook("Kabupaten Contoh", 2026);
    workbook.readiness_items[0].code = "X-01".into(); // keeps the id derived from ST-01
    let mut value: Value = serde_json::from_str(&export_framework(&workbook)).unwrap();
    let mut again = value["items"][0].clone();
    again["code"] = Value::from("ST-01");
    value["items"].as_array_mut().unwrap().push(again);
    let import = import_framework(&workbook, &value.to_string()).unwrap();
    let ids: HashSet<Id> = import.items.iter().map(|i| i.id).collect();
    assert_eq!(ids.len(), import.items.len());
    assert_eq!(import.items[0].id, stable_id("readiness-item", "ST-01"));
    assert_eq!(import.items.last().unwrap().id, stable_id("readiness-item", "ST-01#2"));
    let mut after = workbook.clone();
    apply_all(&mut after, &import.changes(&workbook, true));
    assert_eq!(after.readiness_items, import.items);
}

#[test]
fn not_json_says_where() {
    let syntax = problems_of("{\n  \"format\": \"x\"\n  \"version\": 1\n}");
    assert_problem(&syntax[0], "", Text::FrameworkJsonSyntax);
    assert_eq!(&syntax[0].message.args[..2], ["3", "3"], "line and column");
    assert!(syntax[0].show(Lang::En).starts_with("Not valid JSON (line 3, column 3): expected"), "{syntax:?}");
    assert_problem(&problems_of("{\"items\": [")[0], "", Text::FrameworkJsonEof);
    assert_problem(&problems_of("weight: 3")[0], "", Text::FrameworkJsonSyntax);
    assert_problem(&problems_of("{\"a\": 1} trailing")[0], "", Text::FrameworkJsonSyntax);
    for empty in ["", "  \n", "\u{feff}"] {
        assert_problem(&problems_of(empty)[0], "", Text::FrameworkJsonEmptyFile);
    }
    for other in ["[1, 2]", "\"framework\"", "null"] {
        assert_problem(&problems_of(other)[0], "", Text::FrameworkJsonNotObject);
    }
    // A weight too large for a double is caught by the parser.
    let huge = export_framework(&demo_workbook()).replacen("\"weight\": 3", "\"weight\": 1e999", 1);
    assert_problem(&problems_of(&huge)[0], "", Text::FrameworkJsonSyntax);
    // A byte order mark is fine.
    assert!(import_framework(&demo_workbook(), &format!("\u{feff}{}", export_framework(&demo_workbook()))).is_ok());
}

#[test]
fn another_kind_of_file_or_a_newer_version_is_refused_with_one_message() {
    let p = only_problem(|v| set(v, "/format", Value::from("smartcity-workbench/programs")));
    assert_problem(&p, "format", Text::FrameworkJsonWrongFormat);
    let p = only_problem(|v| remove(v, "", "format"));
    assert_problem(&p, "format", Text::FrameworkJsonMissing);
    let p = only_problem(|v| {
        set(v, "/version", Value::from(2));
        set(v, "/items", Value::from(5)); // whatever version 2 holds is not judged
    });
    assert_problem(&p, "version", Text::FrameworkJsonNewerVersion);
    assert_eq!(p.message.args, ["2", "1"]);
    assert!(p.show(Lang::Id).contains("versi 2"));
    for bad in [Value::from(0), Value::from("1"), Value::from(1.5), Value::from(-1)] {
        assert_problem(&only_problem(|v| set(v, "/version", bad)), "version", Text::FrameworkJsonBadVersion);
    }
    assert_problem(&only_problem(|v| remove(v, "", "version")), "version", Text::FrameworkJsonMissing);
}

#[test]
fn missing_and_unknown_fields_are_named() {
    assert_problem(&only_problem(|v| remove(v, "/items/3", "weight")), "items[3].weight", Text::FrameworkJsonMissing);
    assert_problem(&only_problem(|v| remove(v, "", "bands")), "bands", Text::FrameworkJsonMissing);
    assert_problem(&only_problem(|v| remove(v, "/items/0", "levels")), "items[0].levels", Text::FrameworkJsonMissing);
    assert_problem(
        &only_problem(|v| remove(v, "/items/2/levels/1", "id")),
        "items[2].levels[1].id",
        Text::FrameworkJsonMissing,
    );
    // A typo is named, and so is the field it failed to give.
    let mut value = demo_value();
    let weight = value["items"][0]["weight"].take();
    remove(&mut value, "/items/0", "weight");
    value["items"][0]["wieght"] = weight;
    let problems = problems_of(&value.to_string());
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_problem(&problems[0], "items[0].wieght", Text::FrameworkJsonUnknownField);
    assert_problem(&problems[1], "items[0].weight", Text::FrameworkJsonMissing);
    assert!(problems[0].show(Lang::En).contains("code, pillar, dimension"));
    // Comments are fine anywhere; optional texts may be left out.
    let mut value = demo_value();
    value["_source"] = Value::from("Bimtek 2021");
    value["items"][0]["_comment"] = Value::from("dari Buku I");
    remove(&mut value, "/items/0", "question_en");
    remove(&mut value, "/items/0", "dimension");
    remove(&mut value, "/bands/0", "name_en");
    let import = import_framework(&demo_workbook(), &value.to_string()).unwrap();
    assert_eq!(import.items[0].question_en, "");
    assert_eq!(import.bands[0].name_en, "");
    // A hostile key is cut in the path.
    let p = only_problem(|v| v["items"][1]["k".repeat(500)] = Value::from(1));
    assert_eq!(p.path, format!("items[1].{}…", "k".repeat(MAX_KEY_SHOWN)));
}

#[test]
fn pillars_dimensions_and_types_are_checked() {
    let p = only_problem(|v| set(v, "/items/1/pillar", Value::from("roads")));
    assert_problem(&p, "items[1].pillar", Text::FrameworkJsonUnknownPillar);
    assert_eq!(p.message.args, ["roads", "structure, infrastructure, superstructure"]);
    let p = only_problem(|v| set(v, "/items/2/dimension", Value::from("tourism")));
    assert_problem(&p, "items[2].dimension", Text::FrameworkJsonUnknownDimension);
    assert_eq!(p.message.args[1], "governance, branding, economy, living, society, environment");
    let p = only_problem(|v| set(v, "/items/2/dimension", Value::from(3)));
    assert_problem(&p, "items[2].dimension", Text::FrameworkJsonExpectText);
    let p = only_problem(|v| set(v, "/items/0/code", Value::Null));
    assert_problem(&p, "items[0].code", Text::FrameworkJsonExpectText);
    let p = only_problem(|v| set(v, "/items/4", Value::from("ST-05")));
    assert_problem(&p, "items[4]", Text::FrameworkJsonExpectObject);
    let p = only_problem(|v| set(v, "/items", Value::from("all of them")));
    assert_problem(&p, "items", Text::FrameworkJsonExpectList);
    let p = only_problem(|v| set(v, "/items", Value::Array(Vec::new())));
    assert_problem(&p, "items", Text::FrameworkJsonNoItems);
    let p = only_problem(|v| set(v, "/items", Value::Array(vec![Value::Null; MAX_ITEMS + 1])));
    assert_problem(&p, "items", Text::FrameworkJsonTooMany);
    // The Indonesian pillar names and any case of a dimension key are understood.
    let mut value = demo_value();
    set(&mut value, "/items/0/pillar", Value::from("Suprastruktur"));
    set(&mut value, "/items/0/dimension", Value::from("Living"));
    let import = import_framework(&demo_workbook(), &value.to_string()).unwrap();
    assert_eq!(import.items[0].pillar, Pillar::Superstructure);
    assert_eq!(import.items[0].dimension_id, Some(stable_id("dimension", "living")));
}

#[test]
fn weights_levels_and_targets_are_checked() {
    let p = only_problem(|v| set(v, "/items/0/weight", Value::from(-1)));
    assert_problem(&p, "items[0].weight", Text::FrameworkJsonWeight);
    let p = only_problem(|v| set(v, "/items/0/weight", Value::from("3")));
    assert_problem(&p, "items[0].weight", Text::FrameworkJsonExpectNumber);
    // The model's own upper limit applies too, with the model's message.
    let p = only_problem(|v| set(v, "/items/6/weight", Value::from(1.0e6)));
    assert_problem(&p, "items[6].weight", Text::WeightOutOfRange);
    for count in [4, 6, 0] {
        let p = only_problem(|v| {
            let levels = v["items"][0]["levels"].as_array_mut().unwrap();
            levels.resize(count, Value::from("tingkat"));
        });
        assert_problem(&p, "items[0].levels", Text::FrameworkJsonLevelCount);
        assert_eq!(p.message.args, [count.to_string()]);
    }
    let p = only_problem(|v| set(v, "/items/0/levels/2", Value::from(3)));
    assert_problem(&p, "items[0].levels[2]", Text::FrameworkJsonExpectLevel);
    for bad in [Value::from(0), Value::from(6), Value::from(3.5), Value::from("4"), Value::from(-1)] {
        let p = only_problem(|v| set(v, "/items/0/target_level", bad));
        assert_problem(&p, "items[0].target_level", Text::FrameworkJsonTargetLevel);
    }
    let p = only_problem(|v| set(v, "/items/0/question_id", Value::from("   ")));
    assert_problem(&p, "items[0].question_id", Text::FrameworkJsonEmptyText);
    let p = only_problem(|v| set(v, "/items/0/code", Value::from("")));
    assert_problem(&p, "items[0].code", Text::FrameworkJsonEmptyText);
    let p = only_problem(|v| set(v, "/items/0/question_en", Value::from("x".repeat(MAX_TEXT_CHARS + 1))));
    assert_problem(&p, "items[0].question_en", Text::TooLong);
    // Zero is a fine weight (an item that does not count), and 4.0 a fine target.
    let mut value = demo_value();
    set(&mut value, "/items/0/weight", Value::from(0));
    set(&mut value, "/items/0/target_level", Value::from(4.0));
    assert!(import_framework(&demo_workbook(), &value.to_string()).is_ok());
}

#[test]
fn duplicate_codes_name_the_first_use() {
    let p = only_problem(|v| set(v, "/items/5/code", Value::from(" st-01 ")));
    assert_problem(&p, "items[5].code", Text::FrameworkJsonDuplicateCode);
    assert_eq!(p.message.args, ["st-01", "items[0]"]);
    assert_eq!(p.show(Lang::En), "items[5].code: The code \"st-01\" is already used at items[0]");
}

#[test]
fn bands_must_ascend_within_zero_to_five() {
    let p = only_problem(|v| set(v, "/bands/2/min", Value::from(1.0)));
    assert_problem(&p, "bands[2].min", Text::FrameworkJsonBandOrder);
    assert_eq!(p.message.args, ["1.8"]);
    let p = only_problem(|v| set(v, "/bands/2/min", Value::from(1.8)));
    assert_problem(&p, "bands[2].min", Text::FrameworkJsonBandOrder);
    let p = only_problem(|v| set(v, "/bands/0/min", Value::from(-0.5)));
    assert_problem(&p, "bands[0].min", Text::FrameworkJsonBandRange);
    let p = only_problem(|v| set(v, "/bands/4/min", Value::from(5.5)));
    assert_problem(&p, "bands[4].min", Text::FrameworkJsonBandRange);
    let p = only_problem(|v| set(v, "/bands/4/min", Value::from("4,2")));
    assert_problem(&p, "bands[4].min", Text::FrameworkJsonExpectNumber);
    let p = only_problem(|v| set(v, "/bands/3/name_id", Value::from("cukup")));
    assert_problem(&p, "bands[3].name_id", Text::FrameworkJsonDuplicateBand);
    let p = only_problem(|v| set(v, "/bands/1/name_id", Value::from("")));
    assert_problem(&p, "bands[1].name_id", Text::FrameworkJsonEmptyText);
    let p = only_problem(|v| remove(v, "/bands/1", "min"));
    assert_problem(&p, "bands[1].min", Text::FrameworkJsonMissing);
    // Fewer bands replace the workbook's; renamed ones get new ids.
    let demo = demo_workbook();
    let mut value = demo_value();
    value["bands"] = serde_json::json!([{ "name_id": "Rendah", "min": 0 }, { "name_id": "Baik", "min": 3 }]);
    let import = import_framework(&demo, &value.to_string()).unwrap();
    assert_eq!(import.bands[0].id, stable_id("band", "rendah"));
    assert_eq!(import.bands[1].id, stable_id("band", "baik"), "Baik keeps its id");
    assert_eq!(import.replaced_bands.len(), 4);
    let mut after = demo.clone();
    apply_all(&mut after, &import.changes(&demo, false));
    assert_eq!(after.bands, import.bands);
}

#[test]
fn every_problem_of_the_file_is_reported_in_file_order() {
    let mut value = demo_value();
    set(&mut value, "/bands/1/min", Value::from(9));
    set(&mut value, "/items/3/pillar", Value::from("x"));
    set(&mut value, "/items/3/weight", Value::from(-2));
    set(&mut value, "/items/20/target_level", Value::from(7));
    let problems = problems_of(&value.to_string());
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["bands[1].min", "items[3].pillar", "items[3].weight", "items[20].target_level"]);
}

/// Three SPBE-like domains with a few indicators, typed up by hand: comments name the domains and aspects,
/// the codes keep domain and aspect, weights are each indicator's share of the index in percent.
const SPBE_LIKE: &str = r#"{
  "format": "smartcity-workbench/readiness-framework",
  "version": 1,
  "_note": "Contoh: indeks SPBE yang diringkas, bukan bobot resmi",
  "bands": [
    { "name_id": "Kurang", "name_en": "Poor", "min": 0 },
    { "name_id": "Cukup", "name_en": "Fair", "min": 1.8 },
    { "name_id": "Baik", "name_en": "Good", "min": 2.6 },
    { "name_id": "Sangat Baik", "name_en": "Very good", "min": 3.5 },
    { "name_id": "Memuaskan", "name_en": "Excellent", "min": 4.2 }
  ],
  "items": [
    { "_domain": "Kebijakan Internal SPBE", "_aspect": "Kebijakan Internal Tata Kelola SPBE",
      "code": "SPBE-1.1-01", "pillar": "suprastruktur", "dimension": "governance",
      "question_id": "Kebijakan internal arsitektur SPBE instansi pusat/pemerintah daerah",
      "weight": 1.93, "target_level": 3,
      "levels": ["Rintisan: konsep kebijakan", "Terkelola: kebijakan ditetapkan",
                 "Terdefinisi: mengatur seluruh unsur", "Terpadu dan Terukur: dipakai lintas unit",
                 "Optimum: ditinjau berkala"] },
    { "_domain": "Kebijakan Internal SPBE", "code": "SPBE-1.1-02", "pillar": "superstructure",
      "question_id": "Kebijakan internal peta rencana SPBE", "weight": 1.93, "target_level": 3,
      "levels": ["1", "2", "3", "4", "5"] },
    { "_domain": "Tata Kelola SPBE", "_aspect": "Kelembagaan", "code": "SPBE-2.1-01", "pillar": "structure",
      "question_id": "Tim koordinasi SPBE", "question_en": "SPBE coordination team",
      "weight": 2.75, "target_level": 4,
      "levels": [{ "id": "Rintisan", "en": "Initial" }, { "id": "Terkelola", "en": "Managed" },
                 { "id": "Terdefinisi", "en": "Defined" }, { "id": "Terpadu dan Terukur", "en": "Integrated" },
                 { "id": "Optimum", "en": "Optimised" }] },
    { "_domain": "Tata Kelola SPBE", "code": "SPBE-2.2-01", "pillar": "structure",
      "question_id": "Arsitektur SPBE", "weight": 2.75, "target_level": 4,
      "levels": ["a", "b", "c", "d", "e"] },
    { "_domain": "Layanan SPBE", "_aspect": "Layanan Publik Berbasis Elektronik", "code": "SPBE-3.1-01",
      "pillar": "infrastructure", "dimension": "governance",
      "question_id": "Layanan pengaduan publik", "weight": 4.5, "target_level": 5,
      "levels": ["a", "b", "c", "d", "e"] },
    { "_domain": "Layanan SPBE", "code": "SPBE-3.1-02", "pillar": "infrastructure",
      "question_id": "Layanan data terbuka", "weight": 4.5, "target_level": 5,
      "levels": ["a", "b", "c", "d", "e"] }
  ]
}"#;

#[test]
fn an_spbe_like_index_loads_the_same_way() {
    let workbook = new_workbook("Kabupaten Contoh", 2026);
    let import = import_framework(&workbook, SPBE_LIKE).unwrap_or_else(|p| panic!("{p:#?}"));
    let codes: Vec<&str> = import.items.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["SPBE-1.1-01", "SPBE-1.1-02", "SPBE-2.1-01", "SPBE-2.2-01", "SPBE-3.1-01", "SPBE-3.1-02"]);
    let pillars: Vec<Pillar> = import.items.iter().map(|i| i.pillar).collect();
    use Pillar::*;
    assert_eq!(pillars, [Superstructure, Superstructure, Structure, Structure, Infrastructure, Infrastructure]);
    assert_eq!(import.items[0].levels[0].id, "Rintisan: konsep kebijakan");
    assert_eq!(import.items[0].levels[0].en, "");
    assert_eq!(import.items[2].levels[4].en, "Optimised");
    assert_eq!(import.items[4].dimension_id, Some(stable_id("dimension", "governance")));
    assert_eq!(import.items[1].dimension_id, None);
    assert!((import.items.iter().map(|i| i.weight).sum::<f64>() - 18.36).abs() < 1e-9);
    assert!(import.items.iter().all(|i| i.id == stable_id("readiness-item", &i.code)));
    assert_eq!(import.bands, workbook.bands, "the SPBE bands are the seeded ones");
    assert_eq!(import.missing_items.len(), workbook.readiness_items.len());
    assert!(import.missing_in_use(&workbook).is_empty());

    let mut after = workbook.clone();
    apply_all(&mut after, &import.changes(&workbook, true));
    assert_eq!(after.readiness_items, import.items, "the seeded items were removed");
    // Kept instead: they follow the SPBE items.
    let mut kept = workbook.clone();
    apply_all(&mut kept, &import.changes(&workbook, false));
    assert_eq!(kept.readiness_items.len(), 6 + workbook.readiness_items.len());
    assert_eq!(&kept.readiness_items[..6], &import.items[..]);
    // And it exports back to a file that reads the same.
    let again = import_framework(&after, &export_framework(&after)).unwrap();
    assert_eq!(again.items, after.readiness_items);
}
