//! Large generated workbooks for load tests and benchmarks: the demo's region, agencies, council, team and
//! framework with any number of made-up programs. The same count and seed give the same workbook, byte for
//! byte, on every machine: the randomness is a small self-contained generator, not the system's.
//!
//! Every generated program runs over the whole masterplan period with a budget line in every year (one or two
//! funding sources), so a workbook of N programs holds 10 to 20 budget lines per program: the heavy end of
//! what real masterplans hold, which is what a benchmark wants.

use crate::model::{
    ActionType, Agency, BudgetLine, Element, FundingSource, Program, ProgramStatus, QuickWins, Realisation,
    RealisationStatus, Spending, Workbook, YearTarget, stable_id,
};
use crate::seed;

/// The demo workbook with `programs` generated programs in place of its own, coded `GEN-00001` onwards.
pub fn large_workbook(programs: usize, seed: u64) -> Workbook {
    let mut workbook = seed::demo_workbook();
    workbook.profile.masterplan_id = stable_id("generated-masterplan", &format!("{seed}/{programs}"));
    let mut rng = SplitMix64::new(seed);
    let generated = (0..programs).map(|i| program(&mut rng, &workbook, seed, i)).collect();
    workbook.programs = generated;
    // The demo's quick-win scores, votes and minutes name the demo's programs, which are gone: keep only the
    // criteria.
    workbook.quick_wins = QuickWins::with_default_criteria();
    // Likewise the demo's realisation: it names the demo's programs. The evaluation scores stay.
    workbook.monev.realisations.clear();
    workbook.monev.spending.clear();
    workbook
}

/// `workbook` with a realisation of every program in every year of the period, and spending of 80-105 % of
/// each budget line: the ten years after the signing at their heaviest, for the monitoring benchmarks.
pub fn with_realisation(mut workbook: Workbook, seed: u64) -> Workbook {
    let mut rng = SplitMix64::new(seed ^ 0x004d_4f4e_4556);
    let (mut realisations, mut spending) = (Vec::new(), Vec::new());
    for program in &workbook.programs {
        for year in workbook.profile.years() {
            let status = match rng.below(20) {
                0 => RealisationStatus::Delayed,
                1 => RealisationStatus::NotStarted,
                _ if year == program.end_year => RealisationStatus::Done,
                _ => RealisationStatus::Running,
            };
            let reason = if status.needs_reason() { "Lelang ulang".to_string() } else { String::new() };
            realisations.push(Realisation { status, reason, ..Realisation::new(program.id, year) });
            for line in program.budget.iter().filter(|l| l.year == year) {
                let amount = line.amount / 100 * (80 + rng.below(26) as i64);
                spending.push(Spending { program_id: program.id, year, source: line.source, amount });
            }
        }
    }
    realisations.sort_by_key(Realisation::key);
    spending.sort_by_key(Spending::key);
    workbook.monev.realisations = realisations;
    workbook.monev.spending = spending;
    workbook
}

/// One generated program: element by turn (so every element gets its share), everything else drawn.
fn program(rng: &mut SplitMix64, workbook: &Workbook, seed: u64, index: usize) -> Program {
    let element = &workbook.elements[index % workbook.elements.len()];
    let agency: Option<&Agency> = rng.pick(&workbook.agencies);
    let action_type = *rng.pick(&ActionType::ALL).expect("four action types");
    let place = *rng.pick(PLACES).expect("places");
    let object = *rng.pick(objects(element)).expect("objects");
    let verb = *rng.pick(verbs(action_type)).expect("verbs");
    let (unit, indicator) = *rng.pick(MEASURES).expect("measures");
    let code = format!("GEN-{:05}", index + 1);
    let name = match rng.below(4) {
        0 => format!("{verb} {object} {place} Tahap {}", ["I", "II", "III"][rng.below(3)]),
        _ => format!("{verb} {object} {place}"),
    };
    let agency_name = agency.map_or("OPD pengampu", |a| a.label());
    let years = workbook.profile.years();
    let (first, last) = (*years.start(), *years.end());

    let baseline = rng.below(50) as u64;
    let mut targets: Vec<YearTarget> = (0..1 + rng.below(3))
        .map(|_| {
            let year = first + rng.below((last - first + 1) as usize) as i32;
            let step = (year - first + 1) as u64;
            YearTarget { year, target: format!("{} {unit}", baseline + step * (5 + rng.below(20) as u64)) }
        })
        .collect();
    targets.sort_by_key(|t| t.year);

    let primary = source(rng);
    let mut budget = Vec::with_capacity(2 * years.clone().count());
    for year in years {
        budget.push(BudgetLine { year, source: primary, amount: amount(rng) });
        if rng.chance(30) {
            let second = source(rng);
            if second != primary {
                budget.push(BudgetLine { year, source: second, amount: amount(rng) });
            }
        }
    }

    let status = match rng.below(100) {
        0..45 => ProgramStatus::Planned,
        45..80 => ProgramStatus::Running,
        80..95 => ProgramStatus::Done,
        _ => ProgramStatus::Dropped,
    };
    let mut program = Program {
        id: stable_id("generated-program", &format!("{seed}/{code}")),
        name,
        description: format!("Contoh buatan generator: {verb} {object} di {place}, dilaksanakan oleh {agency_name}."),
        element_id: element.id,
        agency_id: agency.map(|a| a.id),
        action_type,
        location: place.to_string(),
        start_year: first,
        end_year: last,
        status,
        outputs: format!("{} {unit}", 10 + rng.below(490)),
        indicator: format!("{indicator} {unit}"),
        indicator_baseline: format!("{baseline} {unit}"),
        targets,
        budget,
        quick_win: rng.chance(8),
        position: index as i64,
        readiness_items: Vec::new(),
        strategy_id: None,
        code,
    };
    program.normalise();
    program
}

/// A funding source, the regional budget most often.
fn source(rng: &mut SplitMix64) -> FundingSource {
    use FundingSource::*;
    const WEIGHTED: [FundingSource; 14] =
        [Apbd, Apbd, Apbd, Apbd, Apbd, Apbd, Apbn, Dak, Dak, Province, Kpbu, Csr, DanaDesa, Other];
    *rng.pick(&WEIGHTED).expect("sources")
}

/// A yearly amount from Rp 25 juta to Rp 2,5 miliar in steps of Rp 5 juta, small amounts more often.
fn amount(rng: &mut SplitMix64) -> i64 {
    let spread = 1 + rng.below(496);
    let steps = 1 + rng.below(spread);
    (4 + steps as i64) * 5_000_000
}

/// Where programs happen: the capital, the kecamatan of Konawe Selatan, the KSPN tourism area.
const PLACES: &[&str] = &[
    "Andoolo",
    "Andoolo Barat",
    "Angata",
    "Baito",
    "Basala",
    "Benua",
    "Buke",
    "Kolono",
    "Kolono Timur",
    "Konda",
    "Laeya",
    "Lainea",
    "Lalembuu",
    "Landono",
    "Laonti",
    "Moramo",
    "Moramo Utara",
    "Mowila",
    "Palangga",
    "Palangga Selatan",
    "Ranomeeto",
    "Ranomeeto Barat",
    "Sabulakoa",
    "Tinanggea",
    "Wolasi",
    "Kawasan KSPN Wakatobi",
];

/// A unit of output and the kind of indicator counted in it.
const MEASURES: &[(&str, &str)] = &[
    ("desa", "Jumlah"),
    ("OPD", "Jumlah"),
    ("sekolah", "Jumlah"),
    ("puskesmas", "Jumlah"),
    ("UMKM", "Jumlah"),
    ("orang terlatih", "Jumlah"),
    ("titik layanan", "Jumlah"),
    ("dataset", "Jumlah"),
    ("persen warga terlayani", "Capaian"),
];

fn verbs(action: ActionType) -> &'static [&'static str] {
    match action {
        ActionType::Policy => {
            &["Penyusunan Regulasi", "Penguatan Kelembagaan", "Penyusunan SOP", "Kajian dan Peta Jalan"]
        }
        ActionType::Infrastructure => {
            &["Pembangunan Sarana", "Pengadaan Perangkat", "Perluasan Jaringan", "Peningkatan Prasarana"]
        }
        ActionType::Application => &["Pengembangan Aplikasi", "Digitalisasi", "Integrasi Sistem", "Dasbor Pemantauan"],
        ActionType::Literacy => &["Pelatihan", "Sosialisasi", "Pendampingan", "Kampanye Literasi"],
    }
}

/// Subjects that fit an element of the national framework; a generic list for elements a region added.
fn objects(element: &Element) -> &'static [&'static str] {
    match element.key.as_str() {
        "public_service" => {
            &["Layanan Perizinan", "Layanan Kependudukan", "Pengaduan Masyarakat", "Mal Pelayanan Publik"]
        }
        "bureaucracy" => {
            &["Naskah Dinas Elektronik", "Kepegawaian ASN", "Perencanaan dan Penganggaran", "Arsip Digital"]
        }
        "public_policy" => &["Satu Data Daerah", "Evaluasi Kebijakan", "Produk Hukum Daerah", "Musrenbang"],
        "tourism" => &["Destinasi Wisata", "Desa Wisata", "Event Budaya", "Homestay"],
        "business" => &["Produk Unggulan Daerah", "Promosi Investasi", "Ekonomi Kreatif", "Kerajinan Lokal"],
        "city_appearance" => &["Taman Kota", "Ruang Publik", "Gerbang Kota", "Papan Informasi"],
        "industry" => &["UMKM", "Industri Kecil Menengah", "Hasil Perikanan", "Pengolahan Jambu Mete"],
        "welfare" => &["Koperasi", "Bantuan Sosial", "Pasar Kerja", "Ketahanan Pangan"],
        "financial_transactions" => &["Retribusi Daerah", "Pajak Daerah", "Pembayaran Nontunai", "Transaksi Pasar"],
        "harmony" => &["Tata Ruang", "Pertanahan", "Kawasan Permukiman", "Drainase Perkotaan"],
        "health" => &["Layanan Puskesmas", "Ambulans Gawat Darurat", "Posyandu", "Rekam Medis"],
        "mobility" => &["Kondisi Jalan", "Angkutan Umum", "Lalu Lintas", "Perparkiran"],
        "community" => &["Informasi Desa", "Relawan TIK", "Forum Warga", "Media Komunitas"],
        "learning" => &["Sekolah Digital", "Perpustakaan", "Guru dan Tenaga Pendidik", "Kursus Keterampilan"],
        "security" => &["Kebencanaan", "CCTV Lingkungan", "Ketertiban Umum", "Perlindungan Anak"],
        "protection" => &["Kualitas Air", "Mangrove", "Daerah Aliran Sungai", "Ruang Terbuka Hijau"],
        "waste" => &["Bank Sampah", "TPS3R", "Pengangkutan Sampah", "Limbah Medis"],
        "energy" => &["Penerangan Jalan", "Listrik Tenaga Surya", "Efisiensi Energi", "Biogas Ternak"],
        _ => &["Layanan Daerah", "Data Daerah", "Sarana Umum", "Partisipasi Warga"],
    }
}

/// SplitMix64 (Steele, Lea and Flood): tiny, fast and good enough to scatter test data; never for secrets.
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` above zero). The modulo bias is far below what test data can notice.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() { None } else { items.get(self.below(items.len())) }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::model::validate_program;

    #[test]
    fn a_large_workbook_is_deterministic_valid_and_spread_out() {
        let workbook = large_workbook(1000, 7);
        assert_eq!(workbook, large_workbook(1000, 7), "the same seed gives the same workbook");
        assert_ne!(workbook.programs, large_workbook(1000, 8).programs, "another seed gives other programs");
        assert_eq!(workbook.programs.len(), 1000);

        let demo = seed::demo_workbook();
        assert_eq!((&workbook.dimensions, &workbook.elements), (&demo.dimensions, &demo.elements));
        assert_eq!((&workbook.agencies, &workbook.members), (&demo.agencies, &demo.members));

        for (i, program) in workbook.programs.iter().enumerate() {
            let problems = validate_program(&workbook, program);
            assert!(problems.is_empty(), "{}: {problems:?}", program.code);
            assert_eq!(program.code, format!("GEN-{:05}", i + 1));
            assert_eq!(program.position, i as i64);
            for year in workbook.profile.years() {
                let lines = program.budget.iter().filter(|l| l.year == year).count();
                assert!((1..=2).contains(&lines), "{}: {lines} budget lines in {year}", program.code);
            }
            assert!((1..=3).contains(&program.targets.len()));
            let mut normal = program.clone();
            normal.normalise();
            assert_eq!(&normal, program);
        }

        let ids: HashSet<_> = workbook.programs.iter().map(|p| p.id).collect();
        assert_eq!(ids.len(), 1000, "ids are unique");
        let elements: HashSet<_> = workbook.programs.iter().map(|p| p.element_id).collect();
        assert_eq!(elements.len(), workbook.elements.len(), "every element has programs");
        let agencies: HashSet<_> = workbook.programs.iter().filter_map(|p| p.agency_id).collect();
        assert_eq!(agencies.len(), workbook.agencies.len(), "every agency has programs");
        for status in ProgramStatus::ALL {
            assert!(workbook.programs.iter().any(|p| p.status == status), "no {} program", status.key());
        }
        for action in ActionType::ALL {
            assert!(workbook.programs.iter().any(|p| p.action_type == action), "no {} program", action.key());
        }
        let quick_wins = workbook.programs.iter().filter(|p| p.quick_win).count();
        assert!((20..=150).contains(&quick_wins), "{quick_wins} quick wins");
        let two_sources = workbook.programs.iter().filter(|p| p.budget.len() > 10).count();
        assert!(two_sources > 500, "most programs have a second source in some year ({two_sources})");
    }

    #[test]
    fn zero_programs_is_the_demo_framework_alone() {
        let workbook = large_workbook(0, 1);
        assert!(workbook.programs.is_empty());
        assert_eq!(workbook.elements.len(), 18);
    }

    #[test]
    fn the_generator_is_the_same_on_every_machine() {
        // Fixed outputs of SplitMix64 seeded with 0, so a change of the algorithm shows up here.
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(rng.next(), 0x6e78_9e6a_a1b9_65f4);
    }
}
