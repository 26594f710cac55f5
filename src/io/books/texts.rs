//! The words of the books, Indonesian and English side by side.
//!
//! Why a table of its own rather than more keys in `i18n/strings.rs`: these are the prose and table headings
//! of printed documents, chosen per export (`--lang`) and never shown in the app, and there are many of them.
//! Keeping them beside the books keeps the app's table about the interface. The words the app already has
//! (funding sources, statuses, finance columns, chart titles) are taken from [`crate::i18n::Text`], so a
//! term reads the same on screen and on paper. The same checks apply: a missing key does not compile, and
//! the test below fails on an empty text or a mismatched `{}`.

use crate::i18n::{Lang, fill};

macro_rules! book_texts {
    ($($key:ident => $id:expr, $en:expr;)*) => {
        /// A text of the books. `{}` marks where arguments go, in order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum B { $($key),* }

        impl B {
            pub const ALL: &'static [B] = &[$(B::$key),*];

            /// (Indonesian, English).
            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(B::$key => ($id, $en)),* }
            }
        }
    };
}

book_texts! {
    // Books and their parts
    BookAnalysis => "Buku I Analisis", "Book I Analysis";
    BookMasterplan => "Buku II Masterplan", "Book II Masterplan";
    BookSummary => "Buku III Ringkasan Eksekutif", "Book III Executive Summary";
    BookQuickWins => "Buku IV Quick Win", "Book IV Quick Wins";
    BookArea => "Buku V Masterplan Kawasan", "Book V Area Masterplan";
    FileAnalysis => "buku-1-analisis", "book-1-analysis";
    FileMasterplan => "buku-2-masterplan", "book-2-masterplan";
    FileSummary => "buku-3-ringkasan-eksekutif", "book-3-executive-summary";
    FileQuickWins => "buku-4-quick-win", "book-4-quick-wins";
    FileArea => "buku-5-masterplan-kawasan", "book-5-area-masterplan";
    FileMinutes => "berita-acara-tahap", "minutes-stage";
    MasterplanOf => "Masterplan Smart City {} {}–{}", "Smart City Masterplan of {} {}–{}";
    Contents => "Daftar Isi", "Contents";
    ContentsHint => "Daftar isi diperbarui saat dokumen dibuka (di LibreOffice: Alat > Perbarui > Perbarui Semua).", "The table of contents is updated when the document is opened (in LibreOffice: Tools > Update > Update All).";
    Page => "Halaman", "Page";
    ExampleNotice => "CONTOH: dokumen ini dibuat dari data contoh untuk latihan, bukan data resmi daerah.", "EXAMPLE: this document is made from example data for practice, not the region's official figures.";
    GeneratedFrom => "Disusun dari workbook masterplan dengan Smart City Masterplan Workbench. Angka rupiah adalah rupiah penuh; ≈ menandai angka yang (sebagian) perkiraan.", "Compiled from the masterplan workbook with the Smart City Masterplan Workbench. Amounts are whole rupiah; ≈ marks figures that are (partly) estimates.";
    TableN => "Tabel {}. {}", "Table {}. {}";
    FigureN => "Gambar {}. {}", "Figure {}. {}";
    NotYetFilled => "Belum diisi di workbook.", "Not yet filled in the workbook.";
    NoPrograms => "Belum ada program.", "No programs yet.";
    None => "–", "–";
    Field => "Isian", "Field";
    Value => "Nilai", "Value";
    No => "No.", "No.";

    // Book I
    ChProfile => "Profil daerah", "Regional profile";
    ChVisionMission => "Visi dan misi smart city", "Smart city vision and mission";
    ChFinance => "Analisis keuangan daerah", "Regional financial analysis";
    ChReadiness => "Analisis kesiapan daerah", "Readiness analysis";
    ChIssues => "Isu strategis dan analisis SWOT", "Strategic issues and SWOT analysis";
    ProfileTable => "Profil daerah dan masterplan", "Region and masterplan";
    Period => "Periode masterplan", "Masterplan period";
    ProgramCount => "Jumlah program", "Number of programs";
    MembersOf => "Susunan {}", "Members of the {}";
    AgencyList => "Perangkat daerah (OPD)", "Regional agencies (OPD)";
    FinanceIntro => "Analisis ini membaca riwayat APBD {} sampai {} (realisasi bila ada, selain itu anggaran), menghitung rasio keuangan, memproyeksikan pendapatan dan belanja dalam tiga skenario, dan membandingkan pagu smart city dengan biaya program.", "This analysis reads the APBD history from {} to {} (realised where known, budgeted elsewhere), computes the financial ratios, projects revenue and spending in three scenarios, and sets the smart city envelope against the programs' cost.";
    NoFinance => "Riwayat APBD belum diisi: analisis keuangan belum dapat disusun.", "The APBD history is not filled in yet: the financial analysis cannot be made.";
    FinanceRefused => "Analisis keuangan tidak dapat dihitung: {}", "The financial analysis cannot be computed: {}";
    SecHistory => "Riwayat pendapatan dan belanja daerah", "Regional revenue and spending history";
    HistoryTable => "Riwayat APBD (rupiah; jt = juta, M = miliar, T = triliun)", "APBD history (rupiah; mn = million, bn = billion, tn = trillion)";
    Transfers => "Pendapatan transfer", "Transfers";
    TotalSpending => "Belanja daerah", "Spending";
    Personnel => "Belanja pegawai", "Personnel";
    Capital => "Belanja modal", "Capital";
    NetFinancing => "Pembiayaan neto", "Net financing";
    SecRatios => "Rasio keuangan daerah", "Financial ratios";
    RatiosTable => "Rasio keuangan per tahun", "Financial ratios per year";
    BandColumn => "Kategori", "Band";
    SecProjection => "Proyeksi pendapatan dan belanja", "Projection of revenue and spending";
    ProjectionIntro => "Setiap baris anggaran tumbuh dengan laju rata-rata (CAGR) tahun dasar {}–{} atau laju yang diketik; skenario pesimis dan optimis menggeser laju itu {} dan {} poin persen per tahun. Tahun sampai {} memakai riwayat.", "Each budget line grows at its average rate (CAGR) over the base years {}–{} or a typed rate; the pessimistic and optimistic scenarios shift that rate by {} and {} percentage points a year. Years up to {} take the history.";
    ProjectionTable => "Proyeksi pendapatan dan belanja (rupiah)", "Projected revenue and spending (rupiah)";
    RevenueIn => "Pendapatan {}", "Revenue {}";
    SpendingIn => "Belanja {}", "Spending {}";
    SecEnvelope => "Ruang fiskal smart city dan biaya program", "Smart city envelope and program cost";
    EnvelopeIntro => "Pagu smart city ditetapkan {} dari belanja daerah (skenario moderat). Biaya program dari APBD dibandingkan dengan pagu itu per tahun.", "The smart city envelope is set at {} of regional spending (base scenario). The programs' APBD cost is set against it year by year.";
    EnvelopeTable => "Pagu smart city dan biaya program (rupiah)", "Smart city envelope and program cost (rupiah)";
    GapShortfall => "Selama {} tahun masterplan biaya program dari APBD ({}) melebihi pagu ({}) sebesar {} ({} dari pagu).", "Over {} masterplan years the programs' APBD cost ({}) exceeds the envelope ({}) by {} ({} of the envelope).";
    GapRoom => "Selama {} tahun masterplan biaya program dari APBD ({}) masih di bawah pagu ({}); ruang tersisa {}.", "Over {} masterplan years the programs' APBD cost ({}) stays below the envelope ({}); {} is left.";
    GapExplained => "Kesenjangan = biaya program dari APBD dikurangi pagu: positif berarti kekurangan, negatif berarti masih ada ruang.", "Gap = the programs' APBD cost less the envelope: positive is a shortfall, negative is room left.";
    FundingTable => "Biaya program menurut sumber dana", "Program cost by funding source";
    Share => "Porsi", "Share";
    NoRounds => "Belum ada putaran penilaian kesiapan.", "There is no readiness assessment round yet.";
    ReadinessIntro => "Penilaian kesiapan memakai skala 1–5 pada tiga pilar (struktur, infrastruktur, suprastruktur). Indeks adalah rata-rata tertimbang butir yang dinilai. Putaran terakhir: {} ({}), {} dari {} butir dinilai.", "Readiness is assessed on a 1–5 scale over three pillars (structure, infrastructure, superstructure). An index is the weighted mean of the scored items. Latest round: {} ({}), {} of {} items scored.";
    OverallIs => "Indeks kesiapan keseluruhan: {}.", "Overall readiness index: {}.";
    PillarTable => "Indeks kesiapan per pilar", "Readiness index by pillar";
    DimensionTable => "Indeks kesiapan per dimensi dan putaran", "Readiness index by dimension and round";
    Index => "Indeks", "Index";
    Scored => "Dinilai", "Scored";
    GapsTable => "Butir dengan kesenjangan terbesar ke target", "Items with the largest gaps to target";
    ScoreColumn => "Nilai", "Level";
    TargetColumn => "Target", "Target";
    GapColumn => "Selisih", "Gap";
    AddressedBy => "Ditangani program", "Addressed by";
    NoGaps => "Semua butir yang dinilai sudah mencapai target.", "Every scored item has reached its target.";
    StrategyMissing => "Isu strategis, SWOT dan tujuan RPJMD belum diisi di workbook ini.", "Strategic issues, SWOT and RPJMD goals are not filled in this workbook yet.";
    SecGoals => "Tujuan dan sasaran RPJMD", "RPJMD goals and targets";
    GoalsTable => "Tujuan RPJMD yang didukung smart city", "RPJMD goals the smart city serves";
    Goal => "Tujuan", "Goal";
    GoalTarget => "Sasaran", "Target";
    Dimensions => "Dimensi", "Dimensions";
    SecIssues => "Isu strategis", "Strategic issues";
    IssuesTable => "Isu strategis daerah", "Strategic issues of the region";
    Issue => "Isu", "Issue";
    SecSwot => "Analisis SWOT per dimensi", "SWOT analysis by dimension";
    SwotOf => "SWOT dimensi {}", "SWOT of the dimension {}";
    Entry => "Uraian", "Entry";
    DirectionIs => "Arah pengembangan: ", "Direction: ";
    Strategies => "Strategi:", "Strategies:";
    IndicatorsOf => "Indikator {}", "Indicators of {}";
    Unit => "Satuan", "Unit";
    Targets => "Target", "Targets";

    // Book II
    ChFramework => "Kerangka masterplan", "Masterplan framework";
    FrameworkIntro => "Masterplan memetakan {} program ke enam dimensi smart city dan delapan belas elemennya, dengan total biaya {} selama {}–{}.", "The masterplan maps {} programs onto the six smart city dimensions and their eighteen elements, at a total cost of {} over {}–{}.";
    FrameworkTable => "Program dan biaya per dimensi dan elemen", "Programs and cost by dimension and element";
    Programs => "Program", "Programs";
    Cost => "Biaya", "Cost";
    DimensionHeading => "Dimensi {}", "Dimension {}";
    DimensionGloss => "Fokus daerah: {}.", "The region's focus: {}.";
    DimensionSummary => "{} program, total biaya {}.", "{} programs, total cost {}.";
    Direction => "Arah pengembangan", "Direction";
    ProgramsOf => "Program elemen {}", "Programs of the element {}";
    ChMatrix => "Matriks program", "Program matrix";
    MatrixIntro => "Matriks menampilkan setiap program dengan OPD penanggung jawab, biaya per tahun (rupiah singkat: jt = juta, M = miliar, T = triliun), total biaya dan sumber dana, dikelompokkan per dimensi dan elemen.", "The matrix shows every program with its responsible agency, its cost per year (short rupiah: mn = million, bn = billion, tn = trillion), its total cost and funding sources, grouped by dimension and element.";
    MatrixOf => "Matriks program dimensi {}", "Program matrix of the dimension {}";
    ActionTypes => "Jenis rencana aksi", "Action types";

    // Book III
    ChKeyFigures => "Angka kunci", "Key figures";
    SummaryIntro => "Ringkasan ini merangkum masterplan smart city {} untuk {}–{}: program, biaya, kesiapan daerah dan ruang fiskal.", "This summary sums up the smart city masterplan of {} for {}–{}: programs, cost, readiness and fiscal space.";
    KeyFiguresTable => "Angka kunci masterplan", "Key figures of the masterplan";
    TotalCost => "Total biaya program", "Total program cost";
    ApbdShare => "Dibiayai APBD", "Funded by the APBD";
    QuickWinCount => "Program quick win", "Quick-win programs";
    ReadinessIndex => "Indeks kesiapan", "Readiness index";
    EnvelopeTotal => "Pagu smart city {}–{}", "Smart city envelope {}–{}";
    GapTotal => "Kesenjangan biaya APBD terhadap pagu", "Gap of APBD cost to the envelope";
    CostByDimension => "Biaya program per dimensi", "Program cost by dimension";
    ChTopPrograms => "Program utama", "Main programs";
    TopProgramsTable => "{} program dengan biaya terbesar", "The {} programs with the largest cost";
    ChCharts => "Gambaran visual", "At a glance";

    // Book IV
    QuickWinsIntro => "Quick win adalah program percepatan yang dapat dimulai dalam sekitar satu tahun dan hasilnya segera dirasakan warga.", "Quick wins are acceleration programs that can start within about a year and whose results citizens see soon.";
    ChMarkedQuickWins => "Program yang ditandai quick win", "Programs marked as quick wins";
    MarkedIntro => "{} program ditandai sebagai quick win di workbook, dengan total biaya {}.", "{} programs are marked as quick wins in the workbook, at a total cost of {}.";
    ChFirstYear => "Daftar sementara: program yang mulai dianggarkan pada {}", "Provisional list: programs first budgeted in {}";
    FirstYearNotice => "Belum ada program yang ditandai sebagai quick win. Sampai quick win dipilih (Tahap III), buku ini memuat program yang anggarannya dimulai pada tahun pertama masterplan ({}): daftar sementara, bukan pilihan quick win.", "No program is marked as a quick win yet. Until the quick wins are chosen (stage III), this book lists the programs whose budget starts in the masterplan's first year ({}): a provisional list, not a selection of quick wins.";
    QuickWinTable => "Daftar program", "List of programs";
    SecCriteria => "Kriteria dan bobot", "Criteria and weights";
    CriteriaIntro => "Setiap program dinilai 1–5 pada setiap kriteria; skor tertimbang adalah rata-rata nilai menurut bobot kriteria. Untuk kriteria biaya, makin rendah makin baik.", "Each program is scored 1–5 on each criterion; the weighted score is the mean of the scores by the criteria's weights. For cost, lower is better.";
    Criterion => "Kriteria", "Criterion";
    WeightShare => "Bobot", "Weight";
    LowerIsBetter => "makin rendah makin baik", "lower is better";
    SecRanking => "Peringkat, skor dan suara", "Ranks, scores and votes";
    RankingTable => "Quick win menurut peringkat", "Quick wins by rank";
    CostIn => "Biaya {}", "Cost {}";
    RankingNote => "Skor tertimbang 1–5 (dalam kurung: kriteria yang dinilai); seri diurutkan menurut suara, lalu biaya terendah, lalu kode. Program tanpa skor belum diberi peringkat.", "Weighted score 1–5 (in brackets: the criteria scored); ties are ordered by votes, then lower cost, then code. Programs without a score have no rank yet.";
    ProgramDetails => "Rincian program", "Program details";
    YearlyTargets => "Target per tahun", "Targets per year";
    BudgetByYear => "Anggaran per tahun", "Budget per year";

    // Book V
    AreaTitle => "Buku V Masterplan Kawasan {}", "Book V Area Masterplan {}";
    ChArea => "Program di kawasan {}", "Programs in the {} area";
    AreaMatched => "Program dipilih bila nama, deskripsi atau lokasinya memuat \"{}\" (tanpa membedakan huruf besar-kecil dan tanda diakritik). {} dari {} program cocok, dengan total biaya {}.", "Programs were chosen where their name, description or location contains \"{}\" (ignoring case and diacritics). {} of {} programs match, at a total cost of {}.";
    AreaNone => "Tidak ada program yang nama, deskripsi atau lokasinya memuat \"{}\". Tulis nama kawasan pada lokasi program untuk memasukkannya ke buku ini.", "No program has \"{}\" in its name, description or location. Write the area's name in a program's location to include it in this book.";
    AreaContext => "Kawasan strategis pariwisata nasional (KSPN) Wakatobi didukung bersama oleh Kota Baubau, Kabupaten Buton, Kabupaten Wakatobi dan Kabupaten Konawe Selatan.", "The national priority tourism area (KSPN) Wakatobi is supported jointly by Kota Baubau, Kabupaten Buton, Kabupaten Wakatobi and Kabupaten Konawe Selatan.";
    MatchedIn => "Cocok pada", "Matched in";
    ByDimension => "Program kawasan per dimensi", "Area programs by dimension";
    AreaPrograms => "Daftar program kawasan", "List of area programs";

    // The yearly evaluation report
    EvaluationTitle => "Laporan Monitoring dan Evaluasi {}", "Monitoring and Evaluation Report {}";
    FileEvaluation => "laporan-evaluasi", "evaluation-report";
    EvSummary => "Ringkasan tahun ini", "Summary of the year";
    EvRateText => "Pada tahun {} berjalan {} dari {} program yang dijadwalkan ({}).", "In {} the programs that ran were {} of the {} due ({}).";
    EvMoneyText => "Anggaran terealisasi {} dari rencana {} ({}).", "Money spent was {} of the {} planned ({}).";
    EvEnvelopeRoom => "Dari APBD terealisasi {} untuk program, ruang fiskal smart city {} masih menyisakan ruang {}.", "With {} of APBD spent on the programs, the smart city envelope of {} leaves room of {}.";
    EvEnvelopeShort => "APBD terealisasi {} untuk program melampaui ruang fiskal smart city {}: kekurangan {}.", "The {} of APBD spent on the programs exceeds the smart city envelope of {}: a shortfall of {}.";
    EvNoEnvelope => "Ruang fiskal smart city tahun ini belum dapat dihitung dari analisis keuangan.", "This year's smart city envelope cannot be computed from the financial analysis yet.";
    EvIndexText => "Indeks capaian evaluasi {} adalah {} (skala 0–5).", "The evaluation achievement index of {} is {} (scale 0–5).";
    EvImproved => "Naik dari evaluasi {} sebesar {}.", "Up on the evaluation of {} by {}.";
    EvDeclined => "Turun dari evaluasi {} sebesar {}.", "Down on the evaluation of {} by {}.";
    EvNotScored => "Penilaian mandiri tahun {} belum diisi.", "The self-assessment of {} is not filled in yet.";
    EvDimensions => "Keterlaksanaan dan realisasi anggaran per dimensi", "Programs carried out and money spent by dimension";
    EvDimensionsCaption => "Keterlaksanaan dan realisasi anggaran per dimensi, {}", "Programs carried out and money spent by dimension, {}";
    EvDimension => "Dimensi", "Dimension";
    EvDue => "Dijadwalkan", "Due";
    EvRan => "Berjalan", "Ran";
    EvRate => "Keterlaksanaan", "Carried out";
    EvPlanned => "Rencana", "Planned";
    EvSpent => "Realisasi", "Spent";
    EvRealised => "Realisasi / rencana", "Spent / planned";
    EvSelfAssessment => "Penilaian mandiri", "Self-assessment";
    EvDimensionTitle => "{} (bobot {}): nilai {}", "{} (weight {}): score {}";
    EvSuggestion => "Saran dari data workbook: {}.", "Suggested by the workbook's figures: {}.";
    EvItem => "Butir", "Item";
    EvWeight => "Bobot", "Weight";
    EvScore => "Nilai", "Score";
    EvEvidence => "Data dukung", "Evidence";
    EvNote => "Catatan", "Note";
    EvBehind => "Program tertinggal dan melebihi anggaran", "Programs behind schedule and over budget";
    EvNothingBehind => "Semua program yang dijadwalkan berjalan sesuai rencana anggaran.", "Every due program ran within its planned money.";
    EvBehindCaption => "Program tertinggal, {}", "Programs behind schedule, {}";
    EvOverBudgetCaption => "Program dengan realisasi di atas rencana, {}", "Programs that spent above the plan, {}";
    EvOverrun => "Kelebihan", "Over";
    EvProgram => "Program", "Program";
    EvStatus => "Status", "Status";
    EvReason => "Alasan", "Reason";
    EvPrograms => "Realisasi per program", "Realisation per program";
    EvProgramsCaption => "Realisasi program yang dijadwalkan, {}", "Realisation of the due programs, {}";
    EvCode => "Kode", "Code";
    EvTarget => "Target", "Target";
    EvActual => "Capaian", "Actual";
    EvElement => "Elemen", "Element";
    EvElementsCaption => "Keterlaksanaan program per elemen, {}", "Programs carried out by element, {}";
    EvIndicators => "Capaian indikator", "Indicator achievement";
    EvIndicatorText => "Pada tahun {}, {} indikator program memiliki target; {} di antaranya dilaporkan capaiannya, {} mencapai target dan {} masih di bawah target. Capaian dibaca dari angka di awal teks capaian dan target.", "In {}, {} program indicators have a target; {} of them report an actual value, {} reach the target and {} are below it. Achievement is read from the number at the start of the actual value and of the target.";
    EvBelowCaption => "Indikator di bawah target, {}", "Indicators below their target, {}";
    EvAchievement => "Capaian / target", "Actual / target";
}

impl B {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.pair())
    }

    pub fn fill(self, lang: Lang, args: &[&str]) -> String {
        fill(self.get(lang), args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_book_text_has_both_languages_with_the_same_placeholders() {
        for key in B::ALL {
            let (id, en) = key.pair();
            assert!(!id.trim().is_empty(), "{key:?} has no Indonesian text");
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert_eq!(id.matches("{}").count(), en.matches("{}").count(), "{key:?} placeholders differ");
        }
    }
}
