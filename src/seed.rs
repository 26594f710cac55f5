//! Reference data and the demo, built from the files in `assets/`: the six dimensions with their 18 elements
//! (every new workbook gets them) and the example workbook of Kabupaten Konawe Selatan with its example programs.

use serde::Deserialize;
use uuid::Uuid;

use crate::model::{
    ActionType, Agency, Band, Body, BudgetLine, Dimension, Element, FinanceValue, LevelText, Member, Pillar, Profile,
    Program, ProgramStatus, ProjectionSettings, ReadinessItem, RegionType, Round, Score, ValueKind, Workbook,
    YearTarget, stable_id,
};

mod quick_wins;
mod strategy;

const DIMENSIONS_JSON: &str = include_str!("../assets/seed/dimensions.json");
const DEMO_JSON: &str = include_str!("../assets/demo/konawe-selatan.json");
const DEMO_PROGRAMS_JSON: &str = include_str!("../assets/demo/programs.json");
const READINESS_JSON: &str = include_str!("../assets/seed/readiness.json");
const DEMO_BASELINE_JSON: &str = include_str!("../assets/demo/readiness-baseline.json");
const DEMO_FINANCE_JSON: &str = include_str!("../assets/demo/finance.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FinanceSeed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    settings: ProjectionSettings,
    years: Vec<FinanceYearSeed>,
}

/// One year and kind of the demo's budget history: the figures reported in the press, used as they are, and
/// the estimates that fill the gaps (marked as estimates).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FinanceYearSeed {
    year: i32,
    kind: ValueKind,
    #[serde(rename = "_source")]
    _source: Option<String>,
    #[serde(default)]
    reported: std::collections::BTreeMap<String, i64>,
    #[serde(default)]
    estimated: std::collections::BTreeMap<String, i64>,
}

/// The demo's budget history of Konawe Selatan and its projection settings, from `assets/demo/finance.json`.
/// A line both reported and estimated in one year is a bug in the asset.
fn demo_finance() -> (Vec<FinanceValue>, ProjectionSettings) {
    let seed: FinanceSeed = serde_json::from_str(DEMO_FINANCE_JSON).expect("assets/demo/finance.json is valid");
    let mut values = Vec::new();
    for year in seed.years {
        for (is_estimate, lines) in [(false, &year.reported), (true, &year.estimated)] {
            for (line, amount) in lines {
                let duplicate = values.iter().any(|v: &FinanceValue| v.key() == (line.as_str(), year.year, year.kind));
                assert!(!duplicate, "demo finance: {line} {} {} twice", year.year, year.kind.key());
                values.push(FinanceValue {
                    line: line.clone(),
                    year: year.year,
                    kind: year.kind,
                    amount: *amount,
                    is_estimate,
                });
            }
        }
    }
    values.sort_by(|a, b| a.key().cmp(&b.key()));
    (values, seed.settings)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadinessSeed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    bands: Vec<BandSeed>,
    items: Vec<ItemSeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BandSeed {
    key: String,
    name_id: String,
    name_en: String,
    min: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemSeed {
    code: String,
    pillar: Pillar,
    dimension: Option<String>,
    weight: f64,
    target_level: u8,
    question_id: String,
    question_en: String,
    levels: [LevelText; 5],
}

/// The default readiness framework and the index bands (SPBE), for every new workbook. Item and band ids are
/// derived from their codes, so the same item has the same id in every workbook.
pub fn readiness_framework(dimensions: &[Dimension]) -> (Vec<ReadinessItem>, Vec<Band>) {
    let seed: ReadinessSeed = serde_json::from_str(READINESS_JSON).expect("assets/seed/readiness.json is valid");
    let bands = seed
        .bands
        .into_iter()
        .enumerate()
        .map(|(i, b)| Band {
            id: stable_id("band", &b.key),
            name_id: b.name_id,
            name_en: b.name_en,
            min: b.min,
            position: i as i64,
        })
        .collect();
    let items = seed
        .items
        .into_iter()
        .enumerate()
        .map(|(i, item)| ReadinessItem {
            id: stable_id("readiness-item", &item.code),
            pillar: item.pillar,
            dimension_id: item.dimension.map(|key| {
                dimensions
                    .iter()
                    .find(|d| d.key == key)
                    .unwrap_or_else(|| panic!("readiness item {}: no dimension {key}", item.code))
                    .id
            }),
            code: item.code,
            question_id: item.question_id,
            question_en: item.question_en,
            levels: item.levels,
            weight: item.weight,
            target_level: item.target_level,
            position: i as i64,
        })
        .collect();
    (items, bands)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineSeed {
    #[serde(rename = "_note")]
    _note: Option<String>,
    round: RoundSeed,
    scores: Vec<ScoreSeed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundSeed {
    name: String,
    year: i32,
    scored_by: String,
    scored_at: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoreSeed {
    item: String,
    level: u8,
    evidence: String,
    note: String,
}

/// The demo's baseline round (2021) with its scores, against the default framework.
fn demo_baseline(items: &[ReadinessItem]) -> (Round, Vec<Score>) {
    let seed: BaselineSeed =
        serde_json::from_str(DEMO_BASELINE_JSON).expect("assets/demo/readiness-baseline.json is valid");
    let round = Round {
        id: stable_id("demo-round", &seed.round.name),
        name: seed.round.name,
        year: seed.round.year,
        position: 0,
    };
    let mut scores: Vec<Score> = seed
        .scores
        .into_iter()
        .map(|s| Score {
            round_id: round.id,
            item_id: items
                .iter()
                .find(|i| i.code == s.item)
                .unwrap_or_else(|| panic!("demo baseline: no readiness item {}", s.item))
                .id,
            level: s.level,
            evidence: s.evidence,
            note: s.note,
            scored_by: seed.round.scored_by.clone(),
            scored_at: seed.round.scored_at.clone(),
        })
        .collect();
    scores.sort_by_key(|s| (s.round_id, s.item_id));
    (round, scores)
}

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

/// A new, empty masterplan: the framework, a placeholder region name and a ten-year period from next year.
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
        quick_wins: crate::model::QuickWins::with_default_criteria(),
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Change, Layout, LineTree, validate_change, validate_finance_value, validate_program,
        validate_projection_settings,
    };

    #[test]
    fn six_dimensions_with_three_elements_each_in_both_languages() {
        let (dimensions, elements) = dimensions();
        assert_eq!(dimensions.len(), 6);
        assert_eq!(elements.len(), 18);
        for d in &dimensions {
            assert_eq!(elements.iter().filter(|e| e.dimension_id == d.id).count(), 3, "{}", d.key);
        }
        assert!(elements.iter().all(|e| !e.name_id.is_empty() && !e.name_en.is_empty()));
        assert_eq!(elements[3].name_id, "Ekosistem Pariwisata");
        assert_eq!(elements[3].name_en, "Tourism");
    }

    #[test]
    fn the_demo_is_konawe_selatan_and_passes_validation() {
        let demo = demo_workbook();
        assert_eq!(demo.profile.region_name, "Kabupaten Konawe Selatan");
        assert_eq!(demo.profile.capital, "Andoolo");
        assert_eq!((demo.profile.period_start, demo.profile.period_end), (2022, 2031));
        assert!(demo.profile.is_example);
        assert!(demo.agencies.len() >= 30);
        assert!(demo.members.iter().all(|m| m.agency_id.is_none_or(|a| demo.agency(a).is_some())));
        assert!(validate_change(&demo, &Change::Profile(demo.profile.clone())).is_empty());
        for agency in &demo.agencies {
            assert!(validate_change(&demo, &Change::PutAgency(agency.clone())).is_empty(), "{}", agency.code);
        }
        assert_eq!(demo, demo_workbook(), "the demo is the same every time");
    }

    #[test]
    fn the_demo_programs_cover_every_element_and_pass_validation() {
        let demo = demo_workbook();
        let programs = &demo.programs;
        assert!((40..=60).contains(&programs.len()), "{} programs", programs.len());
        for element in &demo.elements {
            let count = programs.iter().filter(|p| p.element_id == element.id).count();
            assert!((2..=4).contains(&count), "element {}: {count} programs", element.key);
        }
        for (i, program) in programs.iter().enumerate() {
            assert_eq!(program.position, i as i64, "{}: positions follow the file", program.code);
            assert_eq!(program.id, stable_id("demo-program", &program.code));
            let problems = validate_program(&demo, program);
            assert!(problems.is_empty(), "{}: {problems:?}", program.code);
            assert!(program.agency_id.is_some(), "{}: every demo program has an agency", program.code);
            assert!(!program.budget.is_empty(), "{}: no budget", program.code);
            assert!((1..=3).contains(&program.targets.len()), "{}: {} targets", program.code, program.targets.len());
            let mut normal = program.clone();
            normal.normalise();
            assert_eq!(&normal, program, "{}: the budget is in its canonical form", program.code);
        }
        for action in ActionType::ALL {
            assert!(programs.iter().any(|p| p.action_type == action), "no {} program", action.key());
        }
        // Programs name the readiness items they improve (the weakest ones among them), and only real items.
        let linking = programs.iter().filter(|p| !p.readiness_items.is_empty()).count();
        assert!(linking >= 15, "{linking} programs link readiness items");
        let perbup = programs.iter().find(|p| p.code == "GOV-KP-01").unwrap();
        assert!(perbup.readiness_items.contains(&stable_id("readiness-item", "SU-01")));
        let quick_wins = programs.iter().filter(|p| p.quick_win).count();
        assert!((6..=8).contains(&quick_wins), "{quick_wins} quick wins");
        for year in demo.profile.years() {
            assert!(programs.iter().any(|p| p.cost_in_year(year) > 0), "nothing is budgeted in {year}");
        }
        let total: i64 = programs.iter().map(Program::total_cost).sum();
        assert!(
            (150_000_000_000..=300_000_000_000).contains(&total),
            "the masterplan costs {}",
            crate::i18n::format_rupiah(total)
        );
        assert_eq!(demo.programs, demo_workbook().programs, "the demo programs are the same every time");
    }

    #[test]
    fn the_readiness_framework_covers_every_pillar_and_dimension() {
        let (dimensions, _) = dimensions();
        let (items, bands) = readiness_framework(&dimensions);
        assert!((30..=50).contains(&items.len()), "{} items", items.len());
        for pillar in Pillar::ALL {
            assert!(items.iter().any(|i| i.pillar == pillar), "no {} item", pillar.key());
        }
        for d in &dimensions {
            assert!(items.iter().filter(|i| i.dimension_id == Some(d.id)).count() >= 3, "{}: under 3 items", d.key);
        }
        let codes: std::collections::HashSet<&str> = items.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes.len(), items.len(), "codes are unique");
        for item in &items {
            assert!(!item.question_id.is_empty() && !item.question_en.is_empty(), "{}: question", item.code);
            assert!(
                item.levels.iter().all(|l| !l.id.is_empty() && !l.en.is_empty()),
                "{}: a level is empty",
                item.code
            );
            assert!(item.weight > 0.0 && (3..=5).contains(&item.target_level), "{}: weight or target", item.code);
        }
        assert!(bands.windows(2).all(|w| w[0].min < w[1].min), "bands ascend");
    }

    #[test]
    fn the_demo_baseline_scores_every_item_once() {
        let demo = demo_workbook();
        let round = demo.rounds[0].id;
        for item in &demo.readiness_items {
            let scores: Vec<&Score> = demo.scores_of(round).filter(|s| s.item_id == item.id).collect();
            assert_eq!(scores.len(), 1, "{}: {} scores", item.code, scores.len());
            assert!((1..=5).contains(&scores[0].level), "{}: level {}", item.code, scores[0].level);
            assert!(validate_change(&demo, &Change::PutScore(scores[0].clone())).is_empty(), "{}", item.code);
        }
        assert_eq!(demo.scores.len(), demo.readiness_items.len());
        // Weighted indices: the overall one is "Cukup" (1.8-2.6), the dimensions vary around it.
        let index = |keep: &dyn Fn(&ReadinessItem) -> bool| {
            let (mut sum, mut weights) = (0.0, 0.0);
            for item in demo.readiness_items.iter().filter(|i| keep(i)) {
                sum += f64::from(demo.score(round, item.id).unwrap().level) * item.weight;
                weights += item.weight;
            }
            sum / weights
        };
        let overall = index(&|_| true);
        assert!((1.8..2.6).contains(&overall), "overall {overall:.2}");
        for d in &demo.dimensions {
            let value = index(&|i| i.dimension_id == Some(d.id));
            assert!((1.5..=3.3).contains(&value), "{}: {value:.2}", d.key);
        }
    }

    #[test]
    fn the_demo_finance_holds_the_reported_figures_as_they_are() {
        let demo = demo_workbook();
        let budgeted = ValueKind::Budgeted;
        // Every figure of the domain notes, in rupiah; "about 68,3 miliar" is 68.300.000.000.
        let reported: &[(&str, i32, ValueKind, i64)] = &[
            ("old:4", 2018, budgeted, 1_334_216_410_226),
            ("old:4.1", 2018, budgeted, 68_300_000_000),
            ("old:4.2", 2018, budgeted, 965_930_000_000),
            ("old:4.2.2", 2018, budgeted, 666_000_000_000),
            ("old:4.2.3", 2018, budgeted, 259_000_000_000),
            ("old:4.2.1", 2018, budgeted, 23_000_000_000),
            ("old:4.3", 2018, budgeted, 299_970_000_000),
            ("old:4.3.6", 2018, budgeted, 225_000_000_000),
            ("old:4.3.4", 2018, budgeted, 46_500_000_000),
            ("old:4", 2019, budgeted, 1_514_805_037_924),
            ("old:4.1", 2019, budgeted, 81_314_566_003),
            ("old:4.3", 2019, budgeted, 365_926_640_097),
            // Derived from the three above: revenue less PAD less other revenue.
            ("old:4.2", 2019, budgeted, 1_067_563_831_824),
            ("old:5", 2019, budgeted, 1_611_743_527_924),
            ("old:5.1", 2019, budgeted, 827_300_000_000),
            ("old:5.2", 2019, budgeted, 784_440_000_000),
            ("old:6", 2019, budgeted, 96_940_000_000),
            ("old:4.2.2", 2020, budgeted, 751_547_127_000),
            ("4", 2021, budgeted, 1_400_000_000_000),
            ("4", 2022, budgeted, 1_400_000_000_000),
            ("4.1", 2022, budgeted, 96_310_000_000),
            ("4.2.1.2", 2022, budgeted, 661_700_000_000),
            ("4.2.2", 2022, budgeted, 244_642_000_000),
            ("5", 2022, budgeted, 1_700_000_000_000),
            ("5.1.1", 2022, budgeted, 443_050_000_000),
            ("4.1", 2022, ValueKind::Realised, 100_100_000_000),
            ("4", 2026, budgeted, 1_466_185_093_205),
        ];
        for &(line, year, kind, amount) in reported {
            let value = demo.finance_value(line, year, kind).unwrap_or_else(|| panic!("{line} {year} missing"));
            assert_eq!((value.amount, value.is_estimate), (amount, false), "{line} {year}");
        }
        let not_estimates = demo.finance.iter().filter(|v| !v.is_estimate).count();
        assert_eq!(not_estimates, reported.len(), "everything else is marked as an estimate");
        // The years without public figures hold estimates only.
        for year in [2016, 2017, 2023, 2024, 2025] {
            assert!(demo.finance.iter().filter(|v| v.year == year).all(|v| v.is_estimate), "{year}");
        }
        assert!(demo.finance.windows(2).all(|w| w[0].key() < w[1].key()), "sorted by line, year and kind");
    }

    #[test]
    fn the_demo_finance_is_valid_continuous_and_balanced() {
        let demo = demo_workbook();
        let tree = LineTree::get();
        for value in &demo.finance {
            let problems = validate_finance_value(&demo, value);
            assert!(problems.is_empty(), "{value:?}: {problems:?}");
            assert_eq!(Layout::of_key(&value.line), Layout::of_year(value.year), "{value:?}: layout of its year");
        }
        let settings = demo.finance_settings.clone().expect("the demo has its own settings");
        assert!(validate_projection_settings(&settings).is_empty());
        assert_eq!((settings.base_first, settings.base_last, settings.envelope_bp), (2018, 2026, 100));
        assert!(validate_change(&demo, &Change::PutFinanceSettings(Some(settings))).is_empty());

        let history = crate::analysis::finance::history(&demo.finance, crate::analysis::finance::Basis::Budgeted)
            .expect("no overflow");
        assert_eq!(history.years.iter().map(|y| y.year).collect::<Vec<_>>(), (2016..=2026).collect::<Vec<_>>());
        let (revenue, spending, financing) =
            (tree.index("4").unwrap(), tree.index("5").unwrap(), tree.index("6").unwrap());
        for year in &history.years {
            // Revenue plus net financing pays for spending, to the rounding of the reported "about" figures
            // (2019: 1,5 juta).
            let (r, s, f) =
                (year.amount(revenue).unwrap(), year.amount(spending).unwrap(), year.amount(financing).unwrap());
            assert!((r + f - s).abs() <= 2_000_000, "{}: {r} + {f} - {s}", year.year);
        }
        assert_eq!(demo.finance, demo_workbook().finance, "the same every time");
    }
}
