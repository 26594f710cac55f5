//! Reference data and the demo, built from the files in `assets/`: the six dimensions with their 18 elements
//! (every new workbook gets them) and the example workbook of Kabupaten Konawe Selatan with its example programs.

use serde::Deserialize;
use uuid::Uuid;

use crate::i18n::{Lang, Text, TimeZone};
use crate::model::{
    ActionType, Agency, Body, BudgetLine, Dimension, Element, Member, Monev, Profile, Program, ProgramStatus,
    QuickWins, RegionType, Workbook, YearTarget, stable_id,
};

mod finance;
mod monev;
mod quick_wins;
mod readiness;
mod strategy;

pub use readiness::readiness_framework;

use finance::demo_finance;
use monev::demo_monev;
use readiness::demo_baseline;

const DIMENSIONS_JSON: &str = include_str!("../assets/seed/dimensions.json");
const DEMO_JSON: &str = include_str!("../assets/demo/konawe-selatan.json");
const DEMO_PROGRAMS_JSON: &str = include_str!("../assets/demo/programs.json");

#[derive(Deserialize)]
struct DimensionSeed {
    key: String,
    name_id: String,
    name_en: String,
    gloss_id: String,
    gloss_en: String,
    color: String,
    elements: Vec<ElementSeed>,
}

#[derive(Deserialize)]
struct ElementSeed {
    key: String,
    name_id: String,
    name_en: String,
}

/// The six dimensions and their elements, in the order of the national guidance.
pub fn dimensions() -> (Vec<Dimension>, Vec<Element>) {
    let seeds: Vec<DimensionSeed> =
        serde_json::from_str(DIMENSIONS_JSON).expect("assets/seed/dimensions.json is valid");
    let mut dimensions = Vec::new();
    let mut elements = Vec::new();
    for (d, seed) in seeds.into_iter().enumerate() {
        let dimension_id = stable_id("dimension", &seed.key);
        for (e, element) in seed.elements.into_iter().enumerate() {
            elements.push(Element {
                id: stable_id("element", &format!("{}/{}", seed.key, element.key)),
                dimension_id,
                key: element.key,
                name_id: element.name_id,
                name_en: element.name_en,
                position: e as i64,
            });
        }
        dimensions.push(Dimension {
            id: dimension_id,
            key: seed.key,
            name_id: seed.name_id,
            name_en: seed.name_en,
            gloss_id: seed.gloss_id,
            gloss_en: seed.gloss_en,
            color: seed.color,
            position: d as i64,
        });
    }
    (dimensions, elements)
}

/// The masterplan the app and the command line create: empty, named "Kabupaten Baru" until the planner types
/// the region's name (in Indonesian whatever the interface's language: the workbook's texts are the
/// masterplan's, which the books print), for ten years from next year.
pub fn untitled_workbook(this_year: i32) -> Workbook {
    new_workbook(Text::NewRegionName.get(Lang::Id), this_year + 1)
}

/// A new, empty masterplan: the framework, a placeholder region name and a ten-year period from `start_year`.
pub fn new_workbook(region_name: &str, start_year: i32) -> Workbook {
    let (dimensions, elements) = dimensions();
    let (readiness_items, bands) = readiness_framework(&dimensions);
    Workbook {
        profile: Profile {
            masterplan_id: Uuid::new_v4(),
            region_name: region_name.to_string(),
            region_type: RegionType::Kabupaten,
            region_code: String::new(),
            province: String::new(),
            capital: String::new(),
            period_start: start_year,
            period_end: start_year + 9,
            vision: String::new(),
            mission: String::new(),
            is_example: false,
            // WIB until the profile says otherwise: the zone of most regencies and of the national government.
            time_zone: TimeZone::Wib,
        },
        dimensions,
        elements,
        agencies: Vec::new(),
        members: Vec::new(),
        programs: Vec::new(),
        readiness_items,
        bands,
        rounds: Vec::new(),
        scores: Vec::new(),
        finance: Vec::new(),
        finance_settings: None,
        strategy: Default::default(),
        quick_wins: QuickWins::with_default_criteria(),
        monev: Monev::with_default_framework(),
    }
}

#[derive(Deserialize)]
struct DemoSeed {
    profile: DemoProfile,
    agencies: Vec<DemoAgency>,
    members: Vec<DemoMember>,
}

#[derive(Deserialize)]
struct DemoProfile {
    region_name: String,
    region_type: RegionType,
    region_code: String,
    province: String,
    capital: String,
    period_start: i32,
    period_end: i32,
    vision: String,
    mission: String,
}

#[derive(Deserialize)]
struct DemoAgency {
    code: String,
    name: String,
    short_name: String,
}

#[derive(Deserialize)]
struct DemoMember {
    body: Body,
    name: String,
    role: String,
    agency: Option<String>,
}

#[derive(Deserialize)]
struct DemoPrograms {
    programs: Vec<DemoProgram>,
}

/// One program of `assets/demo/programs.json`: the element by its dimension and element keys, the agency by
/// its code.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoProgram {
    code: String,
    name: String,
    description: String,
    dimension: String,
    element: String,
    agency: String,
    action_type: ActionType,
    location: String,
    start_year: i32,
    end_year: i32,
    status: ProgramStatus,
    outputs: String,
    indicator: String,
    baseline: String,
    #[serde(default)]
    targets: Vec<YearTarget>,
    #[serde(default)]
    quick_win: bool,
    budget: Vec<BudgetLine>,
    /// Codes of the readiness items the program improves.
    #[serde(default)]
    readiness: Vec<String>,
}

/// The demo's example programs, in file order. A key or agency code the demo does not have is a bug in the
/// asset, caught by the tests.
fn demo_programs(dimensions: &[Dimension], elements: &[Element], agencies: &[Agency]) -> Vec<Program> {
    let seed: DemoPrograms = serde_json::from_str(DEMO_PROGRAMS_JSON).expect("assets/demo/programs.json is valid");
    seed.programs
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let element_id = dimensions
                .iter()
                .find(|d| d.key == p.dimension)
                .and_then(|d| elements.iter().find(|e| e.dimension_id == d.id && e.key == p.element))
                .map(|e| e.id)
                .unwrap_or_else(|| panic!("demo program {}: no element {}/{}", p.code, p.dimension, p.element));
            let agency_id = agencies
                .iter()
                .find(|a| a.code == p.agency)
                .map(|a| a.id)
                .unwrap_or_else(|| panic!("demo program {}: no agency {}", p.code, p.agency));
            let mut program = Program {
                id: stable_id("demo-program", &p.code),
                code: p.code,
                name: p.name,
                description: p.description,
                element_id,
                agency_id: Some(agency_id),
                action_type: p.action_type,
                location: p.location,
                start_year: p.start_year,
                end_year: p.end_year,
                status: p.status,
                outputs: p.outputs,
                indicator: p.indicator,
                indicator_baseline: p.baseline,
                targets: p.targets,
                budget: p.budget,
                quick_win: p.quick_win,
                position: i as i64,
                // Ids derived from the codes, as `readiness_framework` derives them.
                readiness_items: p.readiness.iter().map(|code| stable_id("readiness-item", code)).collect(),
                strategy_id: None,
            };
            program.normalise();
            program
        })
        .collect()
}

/// The example workbook of Kabupaten Konawe Selatan, masterplan 2022-2031, marked as example data.
pub fn demo_workbook() -> Workbook {
    let seed: DemoSeed = serde_json::from_str(DEMO_JSON).expect("assets/demo/konawe-selatan.json is valid");
    let (dimensions, elements) = dimensions();
    let p = seed.profile;
    let agencies: Vec<Agency> = seed
        .agencies
        .into_iter()
        .enumerate()
        .map(|(i, a)| Agency {
            id: stable_id("demo-agency", &a.code),
            code: a.code,
            name: a.name,
            short_name: a.short_name,
            position: i as i64,
        })
        .collect();
    let mut positions = std::collections::HashMap::new();
    let members = seed
        .members
        .into_iter()
        .map(|m| {
            let position = positions.entry(m.body).or_insert(0i64);
            *position += 1;
            Member {
                id: stable_id("demo-member", &format!("{}/{}", m.body.key(), m.name)),
                body: m.body,
                name: m.name,
                role: m.role,
                agency_id: m.agency.map(|code| stable_id("demo-agency", &code)),
                position: *position - 1,
            }
        })
        .collect();
    let mut programs = demo_programs(&dimensions, &elements, &agencies);
    let strategy = strategy::demo_strategy(&dimensions, &elements, &mut programs);
    let (readiness_items, bands) = readiness_framework(&dimensions);
    let (baseline, scores) = demo_baseline(&readiness_items);
    let (finance, finance_settings) = demo_finance();
    let quick_wins = quick_wins::demo_quick_wins(&programs, p.period_start);
    let monev = demo_monev(&programs, &agencies);
    Workbook {
        profile: Profile {
            masterplan_id: stable_id("demo-masterplan", "konawe-selatan-2022-2031"),
            region_name: p.region_name,
            region_type: p.region_type,
            region_code: p.region_code,
            province: p.province,
            capital: p.capital,
            period_start: p.period_start,
            period_end: p.period_end,
            vision: p.vision,
            mission: p.mission,
            is_example: true,
            // Konawe Selatan (Sulawesi Tenggara) keeps Central Indonesian Time.
            time_zone: TimeZone::Wita,
        },
        dimensions,
        elements,
        agencies,
        members,
        programs,
        readiness_items,
        bands,
        rounds: vec![baseline],
        scores,
        finance,
        finance_settings: Some(finance_settings),
        strategy,
        quick_wins,
        monev,
    }
}

#[cfg(test)]
mod tests;
