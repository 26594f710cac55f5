use super::*;
use crate::analysis::finance::{Basis, history};
use crate::i18n::format_rupiah;
use crate::model::{
    Change, Layout, LineTree, Pillar, ReadinessItem, Score, ValueKind, validate_change, validate_finance_value,
    validate_program, validate_projection_settings,
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
    assert!((150_000_000_000..=300_000_000_000).contains(&total), "the masterplan costs {}", format_rupiah(total));
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
        assert!(item.levels.iter().all(|l| !l.id.is_empty() && !l.en.is_empty()), "{}: a level is empty", item.code);
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

    let history = history(&demo.finance, Basis::Budgeted).expect("no overflow");
    assert_eq!(history.years.iter().map(|y| y.year).collect::<Vec<_>>(), (2016..=2026).collect::<Vec<_>>());
    let (revenue, spending, financing) = (tree.index("4").unwrap(), tree.index("5").unwrap(), tree.index("6").unwrap());
    for year in &history.years {
        // Revenue plus net financing pays for spending, to the rounding of the reported "about" figures
        // (2019: 1,5 juta).
        let (r, s, f) =
            (year.amount(revenue).unwrap(), year.amount(spending).unwrap(), year.amount(financing).unwrap());
        assert!((r + f - s).abs() <= 2_000_000, "{}: {r} + {f} - {s}", year.year);
    }
    assert_eq!(demo.finance, demo_workbook().finance, "the same every time");
}
