//! The translation table: one line per text, Indonesian first, then English. The enum makes a missing key a
//! compile error; the unit test in `i18n` makes an empty translation or a mismatched `{}` a test failure.

macro_rules! texts {
    ($($key:ident => $id:expr, $en:expr;)*) => {
        /// A user-visible text. `{}` marks where arguments go, in order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Text { $($key),* }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key),*];

            /// (Indonesian, English).
            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(Text::$key => ($id, $en)),* }
            }
        }
    };
}

texts! {
    // Menus and commands
    MenuFile => "Berkas", "File";
    MenuEdit => "Edit", "Edit";
    MenuView => "Tampilan", "View";
    MenuHelp => "Bantuan", "Help";
    MenuLanguage => "Bahasa", "Language";
    SwitchLanguage => "Ganti bahasa (Switch to English)", "Switch language (Ganti ke Bahasa Indonesia)";
    CmdNew => "Workbook baru…", "New workbook…";
    CmdOpen => "Buka…", "Open…";
    CmdOpenRecent => "Buka terakhir", "Open recent";
    CmdSaveCopy => "Simpan salinan sebagai…", "Save a copy as…";
    CmdResetDemo => "Pulihkan demo", "Reset demo";
    CmdQuit => "Keluar", "Quit";
    CmdUndo => "Urungkan", "Undo";
    CmdRedo => "Ulangi", "Redo";
    CmdSave => "Simpan", "Save";
    CmdAbout => "Tentang aplikasi", "About";
    NoRecent => "Belum ada berkas terakhir", "No recent files";

    // Navigation and views
    NavProfile => "Profil", "Profile";
    NavPrograms => "Program", "Programs";
    NavReadiness => "Kesiapan", "Readiness";
    NavFinance => "Keuangan", "Finance";
    NavQuickWins => "Quick Win", "Quick Wins";
    NavExport => "Ekspor", "Export";
    PlanPrograms => "Di sini akan tersedia program masterplan yang dipetakan ke enam dimensi dan elemennya: tabel program, papan dimensi, peta jalan tahunan, dan impor dari CSV/XLSX, dengan OPD penanggung jawab, tahun, anggaran tahunan dan sumber dana.", "This view will hold the masterplan's programs mapped onto the six dimensions and their elements: the program table, the dimension board, the yearly roadmap and CSV/XLSX import, with responsible agency, years, yearly budget and funding source.";
    PlanReadiness => "Di sini akan tersedia penilaian kesiapan daerah (struktur, infrastruktur, suprastruktur): kerangka penilaian, putaran penilaian, indeks tertimbang dan grafik kesenjangan.", "This view will hold the readiness assessment (structure, infrastructure, superstructure): the framework, assessment rounds, weighted indices and gap charts.";
    PlanFinance => "Di sini akan tersedia analisis keuangan: riwayat APBD, rasio fiskal, proyeksi tiga skenario, dan ruang fiskal smart city dibandingkan biaya program.", "This view will hold the financial analysis: APBD history, fiscal ratios, three-scenario projections, and the smart city envelope against program costs.";
    PlanQuickWins => "Di sini akan tersedia pemilihan quick win dengan skor multikriteria yang transparan, serta mode lokakarya untuk proyektor.", "This view will hold the quick-win selection by transparent multi-criteria scoring, and the workshop mode for the projector.";
    PlanExport => "Di sini akan tersedia ekspor Buku I-V, spreadsheet dan grafik ke DOCX, HTML, XLSX, CSV, SVG dan PNG.", "This view will hold the export of Books I-V, spreadsheets and charts to DOCX, HTML, XLSX, CSV, SVG and PNG.";
    NotYetAvailable => "Belum tersedia dalam versi ini. Tidak ada data yang ditampilkan di sini.", "Not available in this version yet. No data is shown here.";

    // Status bar and badges
    StatusSaved => "Tersimpan", "Saved";
    StatusReadOnly => "Hanya baca: perubahan tidak dapat disimpan", "Read-only: changes cannot be saved";
    AlreadySaved => "Semua perubahan sudah tersimpan otomatis. Tidak perlu menekan Simpan.", "Every change is already saved automatically. There is no need to press Save.";
    ExampleBadge => "CONTOH", "EXAMPLE";
    ExampleHint => "Workbook ini berisi data contoh untuk latihan, bukan data resmi.", "This workbook holds example data for practice, not official figures.";
    ReadOnlyBadge => "HANYA BACA", "READ-ONLY";
    NoWorkbook => "Tidak ada workbook yang terbuka", "No workbook is open";
    Masterplan => "Masterplan", "Masterplan";
    Undone => "Diurungkan: {}", "Undone: {}";
    Redone => "Diulangi: {}", "Redone: {}";
    NothingToUndo => "Tidak ada yang dapat diurungkan", "Nothing to undo";
    NothingToRedo => "Tidak ada yang dapat diulangi", "Nothing to redo";

    // Undo labels
    EditProfileField => "ubah {}", "change {}";
    EditAddAgency => "tambah OPD {}", "add agency {}";
    EditAgency => "ubah OPD {}", "change agency {}";
    EditDeleteAgency => "hapus OPD {}", "delete agency {}";
    EditMoveAgency => "pindahkan OPD {}", "move agency {}";
    EditAddMember => "tambah anggota {}", "add member {}";
    EditMember => "ubah anggota {}", "change member {}";
    EditDeleteMember => "hapus anggota {}", "delete member {}";
    EditMoveMember => "pindahkan anggota {}", "move member {}";

    // Profile view
    ProfileTitle => "Profil daerah dan masterplan", "Region and masterplan profile";
    SectionRegion => "Wilayah", "Region";
    SectionPeriod => "Periode masterplan", "Masterplan period";
    SectionVisionMission => "Visi dan misi smart city", "Smart city vision and mission";
    SectionCouncil => "Dewan Smart City", "Smart City Council";
    SectionTeam => "Tim Pelaksana Smart City", "Smart City Implementation Team";
    SectionAgencies => "Perangkat Daerah (OPD)", "Regional agencies (OPD)";
    RegionName => "Nama daerah", "Region name";
    RegionType => "Jenis daerah", "Region type";
    RegionCode => "Kode wilayah", "Region code";
    Province => "Provinsi", "Province";
    Capital => "Ibu kota", "Capital";
    Kabupaten => "Kabupaten", "Regency (kabupaten)";
    Kota => "Kota", "City (kota)";
    PeriodStart => "Tahun mulai", "Start year";
    PeriodEnd => "Tahun akhir", "End year";
    Vision => "Visi", "Vision";
    Mission => "Misi", "Mission";
    AgencyCount => "{} OPD", "{} agencies";
    AgencyCode => "Kode", "Code";
    AgencyName => "Nama OPD", "Agency name";
    AgencyShortName => "Singkatan", "Short name";
    AddAgencyTitle => "OPD baru", "New agency";
    NewAgencyCode => "Kode OPD baru", "New agency code";
    NewAgencyName => "Nama OPD baru", "New agency name";
    NewAgencyShortName => "Singkatan OPD baru", "New agency short name";
    AddAgency => "Tambah OPD", "Add agency";
    DeleteAgency => "Hapus OPD", "Delete agency";
    MoveUp => "Naikkan", "Move up";
    MoveDown => "Turunkan", "Move down";
    MemberName => "Nama", "Name";
    MemberRole => "Jabatan", "Role";
    MemberAgency => "OPD", "Agency";
    NewMemberName => "Nama anggota baru", "New member name";
    NewMemberRole => "Jabatan anggota baru", "New member role";
    NewMemberAgency => "OPD anggota baru", "New member agency";
    AddMember => "Tambah anggota", "Add member";
    DeleteMember => "Hapus anggota", "Delete member";
    NoMembers => "Belum ada anggota.", "No members yet.";
    NoAgency => "(tanpa OPD)", "(no agency)";
    NewRegionName => "Kabupaten Baru", "New Regency";

    // Validation
    Required => "Wajib diisi", "Required";
    Invalid => "Isian tidak valid", "Invalid entry";
    TooLong => "Terlalu panjang: paling banyak {} karakter", "Too long: at most {} characters";
    NotAYear => "Tulis tahun sebagai angka, misalnya 2022", "Write the year as a number, e.g. 2022";
    YearOutOfRange => "Tahun harus antara {} dan {}", "The year must be between {} and {}";
    PeriodEndBeforeStart => "Tahun akhir tidak boleh sebelum tahun mulai", "The end year cannot be before the start year";
    PeriodTooLong => "Periode paling lama {} tahun", "The period can be at most {} years";
    AgencyCodeTaken => "Kode ini sudah dipakai oleh {}", "This code is already used by {}";
    AgencyInUse => "OPD ini masih dipakai oleh {} anggota dan {} program; pindahkan dahulu ke OPD lain", "This agency is still used by {} members and {} programs; move them to another agency first";
    ProgramsOutsidePeriod => "{} program berada di luar periode ini; sesuaikan tahun program dahulu", "{} programs fall outside this period; adjust their years first";
    ProgramCodeTaken => "Kode ini sudah dipakai oleh program {}", "This code is already used by the program {}";
    UnknownElement => "Pilih elemen yang ada", "Choose an existing element";
    YearOutsidePeriod => "Tahun harus di dalam periode masterplan {}-{}", "The year must be inside the masterplan period {}-{}";
    ProgramEndBeforeStart => "Tahun selesai tidak boleh sebelum tahun mulai", "The end year cannot be before the start year";
    AmountNegative => "Jumlah tidak boleh negatif", "The amount cannot be negative";
    AmountTooLarge => "Jumlah per baris paling banyak {}", "One line can hold at most {}";
    BudgetOutsideYears => "Ada anggaran pada {} di luar tahun program", "There is budget in {}, outside the program's years";
    BudgetDuplicate => "Anggaran {} dari sumber {} tercatat dua kali", "The budget for {} from {} appears twice";
    ItemInUse => "Butir ini masih punya {} skor dan ditautkan ke {} program", "This item still has {} scores and is linked to {} programs";
    RoundInUse => "Putaran ini masih berisi {} skor", "This round still holds {} scores";
    ItemCodeTaken => "Kode ini sudah dipakai oleh butir \"{}\"", "This code is already used by the item \"{}\"";
    WeightOutOfRange => "Bobot harus angka dari 0 sampai {}", "The weight must be a number from 0 to {}";
    LevelOutOfRange => "Tingkat harus 1 sampai 5", "The level must be 1 to 5";
    UnknownDimension => "Dimensi tidak dikenal", "Unknown dimension";
    BandMinOutOfRange => "Batas bawah harus antara 0 dan 5", "The lower bound must be between 0 and 5";
    UnknownItemOrRound => "Butir kesiapan atau putaran tidak dikenal", "Unknown readiness item or round";
    TargetOutsideYears => "Ada target pada {} di luar tahun program", "There is a target in {}, outside the program's years";
    UnknownAgency => "OPD tidak dikenal", "Unknown agency";
    MoneyEmpty => "Isi jumlah rupiah", "Enter an amount in rupiah";
    MoneyNotANumber => "Bukan jumlah rupiah yang terbaca. Tulis cara Indonesia, misalnya 1.250.000 atau 1,25 M", "Not a readable rupiah amount. Write it the Indonesian way, e.g. 1.250.000 or 1,25 M";
    MoneyFraction => "Rupiah harus bilangan bulat, tanpa sen", "Rupiah must be whole, without cents";
    MoneyTooLarge => "Jumlah terlalu besar", "The amount is too large";

    // Programs
    TabTable => "Tabel", "Table";
    TabBoard => "Papan dimensi", "Dimension board";
    TabRoadmap => "Peta jalan", "Roadmap";
    AddProgram => "Tambah program", "Add program";
    NewProgramName => "Program baru", "New program";
    ProgramsShown => "{} dari {} program ditampilkan · total {}", "{} of {} programs shown · total {}";
    NoProgramsShown => "Tidak ada program yang cocok dengan saringan.", "No program matches the filter.";
    Search => "Cari program", "Search programs";
    SearchHint => "Cari kode, nama, lokasi, OPD…", "Search code, name, place, agency…";
    All => "Semua", "All";
    FilterDimension => "Saring dimensi", "Filter by dimension";
    FilterElement => "Saring elemen", "Filter by element";
    FilterAgency => "Saring OPD", "Filter by agency";
    FilterYear => "Saring tahun", "Filter by year";
    FilterSource => "Saring sumber dana", "Filter by funding source";
    ClearFilter => "Hapus saringan", "Clear filter";
    ColCode => "Kode", "Code";
    ColName => "Nama program", "Program name";
    ColDimension => "Dimensi", "Dimension";
    ColElement => "Elemen", "Element";
    ColAgency => "OPD", "Agency";
    ColYears => "Tahun", "Years";
    ColCost => "Biaya total", "Total cost";
    ColSources => "Sumber dana", "Funding sources";
    ColQuickWin => "Quick win", "Quick win";
    ColStatus => "Status", "Status";
    SortHint => "Klik untuk mengurutkan; klik lagi untuk membalik", "Click to sort; click again to reverse";
    SelectAllShown => "Pilih semua yang ditampilkan", "Select all shown";
    SelectProgram => "Pilih {}", "Select {}";
    OpenEditorHint => "Buka editor program", "Open the program editor";
    SelectedCount => "{} program dipilih", "{} programs selected";
    ChooseElement => "Pilih elemen…", "Choose element…";
    ChooseAgency => "Pilih OPD…", "Choose agency…";
    BulkElement => "Elemen tujuan", "Target element";
    BulkAgency => "OPD tujuan", "Target agency";
    MoveToElement => "Pindahkan ke elemen", "Move to element";
    SetAgency => "Tetapkan OPD", "Set agency";
    DeleteSelected => "Hapus yang dipilih", "Delete selected";
    ClearSelection => "Batalkan pilihan", "Clear selection";
    EditAddProgram => "tambah program {}", "add program {}";
    EditDeleteProgram => "hapus program {}", "delete program {}";
    EditDeletePrograms => "hapus {} program", "delete {} programs";
    EditMovePrograms => "pindahkan {} program", "move {} programs";
    EditMoveProgram => "pindahkan {} ke {}", "move {} to {}";
    EditSetAgency => "tetapkan OPD untuk {} program", "set the agency of {} programs";
    EditProgramField => "ubah {} pada {}", "change {} of {}";
    EditProgramTitle => "Program", "Program";
    Details => "rincian", "details";
    Location => "Lokasi", "Location";
    StartYear => "Tahun mulai", "Start year";
    EndYear => "Tahun selesai", "End year";
    Description => "Deskripsi", "Description";
    Outputs => "Keluaran yang diharapkan", "Expected outputs";
    Indicator => "Indikator", "Indicator";
    Baseline => "Nilai awal (baseline)", "Baseline";
    ActionType => "Jenis rencana aksi", "Action type";
    ActionPolicy => "Kebijakan dan kelembagaan", "Policy and institutions";
    ActionInfrastructure => "Infrastruktur pendukung", "Supporting infrastructure";
    ActionApplication => "Aplikasi", "Application";
    ActionLiteracy => "Literasi digital", "Digital literacy";
    StatusPlanned => "Direncanakan", "Planned";
    StatusRunning => "Berjalan", "Running";
    StatusDone => "Selesai", "Done";
    StatusDropped => "Dibatalkan", "Dropped";
    QuickWinMark => "Tandai sebagai quick win", "Mark as a quick win";
    YearlyTargets => "Target indikator per tahun", "Indicator targets per year";
    Target => "Target", "Target";
    BudgetGrid => "Anggaran per tahun dan sumber dana (rupiah)", "Budget per year and funding source (rupiah)";
    BudgetCell => "Anggaran", "Budget";
    Year => "Tahun", "Year";
    Total => "Total", "Total";
    DeleteProgram => "Hapus program ini", "Delete this program";
    SourceApbd => "APBD", "APBD";
    SourceApbn => "APBN", "APBN";
    SourceDak => "DAK", "DAK";
    SourceProvince => "APBD Provinsi", "Provincial budget";
    SourceKpbu => "KPBU", "PPP (KPBU)";
    SourceCsr => "CSR", "CSR";
    SourcePrivate => "Swasta", "Private";
    SourceDanaDesa => "Dana Desa", "Dana Desa";
    SourceOther => "Lainnya", "Other";
    ZoomIn => "Perbesar", "Zoom in";
    ZoomOut => "Perkecil", "Zoom out";
    ZoomToFit => "Paskan ke layar", "Zoom to fit";
    BoardHint => "Seret kartu ke elemen lain untuk memindahkan program.", "Drag a card to another element to move the program.";
    CardOf => "Kartu {}", "Card {}";
    MoreCards => "+{} program lainnya: saring untuk melihatnya", "+{} more programs: filter to see them";
    TabImport => "Impor", "Import";
    ImportTitle => "Impor program dari CSV atau XLSX", "Import programs from CSV or XLSX";
    ImportHelp => "Satu baris per program dan sumber dana; kolom tahun berisi jumlah rupiah. Semua baris diimpor sebagai satu langkah urung, atau tidak sama sekali.", "One row per program and funding source; year columns hold rupiah amounts. All rows are imported as one undo step, or none at all.";
    ImportFile => "Berkas", "File";
    ImportRead => "Baca berkas", "Read file";
    ImportColumns => "Kolom berkas dan isian yang dibaca", "File columns and what they are read as";
    ImportIgnore => "(abaikan)", "(ignore)";
    ImportColumnFor => "Isian untuk kolom {}", "Field for column {}";
    ImportPreview => "Pratinjau", "Preview";
    ImportReport => "Laporan per baris", "Row report";
    ImportApply => "Impor {} program", "Import {} programs";
    TemplateTitle => "Templat impor", "Import template";
    TemplateWrite => "Tulis templat", "Write template";
    YearlyCostByDimension => "Biaya per tahun menurut dimensi", "Yearly cost by dimension";

    // Files
    DialogOpenTitle => "Buka workbook", "Open a workbook";
    DialogNewTitle => "Workbook baru: simpan di mana?", "New workbook: where to save it?";
    DialogSaveCopyTitle => "Simpan salinan workbook", "Save a copy of the workbook";
    PathLabel => "Lokasi berkas", "File path";
    PathHint => "mis. /home/perencana/Dokumen/masterplan.smartcity", "e.g. /home/planner/Documents/masterplan.smartcity";
    Browse => "Telusuri…", "Browse…";
    WaitingForDialog => "Menunggu jendela pemilih berkas…", "Waiting for the file chooser…";
    Ok => "OK", "OK";
    Cancel => "Batal", "Cancel";
    WorkbookFiles => "Workbook smart city", "Smart city workbook";
    PathRequired => "Tulis lokasi berkas", "Type a file path";
    PathIsFolder => "Itu sebuah folder; tulis nama berkas", "That is a folder; type a file name";
    PathExists => "Berkas itu sudah ada. Pilih nama lain agar tidak menimpa pekerjaan.", "That file already exists. Choose another name so no work is overwritten.";
    PathExistsUseForce => "{} sudah ada; tambahkan --force untuk menggantinya", "{} already exists; add --force to replace it";
    FolderMissing => "Folder {} tidak ada", "The folder {} does not exist";
    OpenFailed => "Tidak dapat membuka {}: {}", "Cannot open {}: {}";
    OpenNotFound => "Berkas tidak ditemukan.", "The file was not found.";
    OpenNotSqlite => "Ini bukan workbook smart city (bukan berkas SQLite).", "This is not a smart city workbook (not a SQLite file).";
    OpenForeign => "Ini berkas SQLite milik aplikasi lain, bukan workbook smart city. Berkas tidak diubah.", "This is a SQLite file of another application, not a smart city workbook. The file was not changed.";
    OpenTruncated => "Berkas ini terpotong (salinan yang tidak selesai). Minta salinan lengkap. Berkas tidak diubah.", "This file is truncated (an unfinished copy). Ask for a complete copy. The file was not changed.";
    OpenDamaged => "Berkas ini rusak dan tidak dibuka ({}). Berkas tidak diubah; gunakan salinan cadangan.", "This file is damaged and was not opened ({}). The file was not changed; use a backup copy.";
    OpenUnexpectedSchema => "Struktur berkas ini tidak sesuai dengan workbook smart city ({}). Demi keamanan berkas tidak dibuka dan tidak diubah.", "This file's structure does not match a smart city workbook ({}). For safety it was not opened and not changed.";
    OpenTooNew => "Berkas ini dibuat oleh versi aplikasi yang lebih baru (skema {}) dan tidak dapat dibaca. Perbarui aplikasi.", "This file was made by a newer version of the app (schema {}) and cannot be read. Update the app.";
    OpenIo => "Sistem menolak membuka berkas: {}", "The system refused to open the file: {}";
    ReadOnlyNewer => "Dibuat oleh versi aplikasi yang lebih baru (skema {}): dibuka hanya baca. Perbarui aplikasi untuk mengedit.", "Made by a newer version of the app (schema {}): opened read-only. Update the app to edit it.";
    ReadOnlyInUse => "Workbook ini sedang dibuka untuk diedit di jendela atau komputer lain: dibuka hanya baca.", "This workbook is open for editing in another window or process: opened read-only.";
    ReadOnlyNotWritable => "Berkas ini tidak dapat ditulis ({}): dibuka hanya baca. Simpan salinan untuk mengedit.", "This file cannot be written ({}): opened read-only. Save a copy to edit it.";
    ReadOnlyRequested => "Dibuka hanya untuk dibaca.", "Opened for reading only.";
    CannotEditReadOnly => "Workbook ini hanya baca; perubahan tidak disimpan.", "This workbook is read-only; the change was not saved.";
    SaveFailed => "Perubahan TIDAK tersimpan: {}. Periksa ruang disk, lalu coba lagi.", "The change was NOT saved: {}. Check the disk space, then try again.";
    CreateFailed => "Workbook tidak dapat dibuat: {}", "The workbook could not be created: {}";
    WorkbookCreated => "Workbook dibuat: {}", "Workbook created: {}";
    CopySaved => "Salinan disimpan: {}", "Copy saved: {}";
    CopyFailed => "Salinan tidak tersimpan: {}. Tidak ada berkas setengah jadi yang tertinggal.", "The copy was not saved: {}. No half-written file was left behind.";
    CopySuffix => "salinan", "copy";
    DemoFailed => "Demo tidak dapat ditulis: {}", "The demo could not be written: {}";
    DemoInUse => "Demo sedang dibuka di jendela lain; tutup dahulu lalu pulihkan.", "The demo is open in another window; close it first, then reset.";
    DemoRestored => "Demo Konawe Selatan dipulihkan ke data contoh awal.", "The Konawe Selatan demo was restored to its original example data.";
    SettingsNotSaved => "Pengaturan tidak tersimpan: {}", "Settings were not saved: {}";

    // About and info
    Version => "Versi", "Version";
    AboutText => "Workbench luring untuk menyusun masterplan smart city sepuluh tahun (Gerakan Menuju Smart City). Setiap perubahan langsung tersimpan di berkas workbook.", "An offline workbench for writing a ten-year smart city masterplan (Gerakan Menuju Smart City). Every change is saved to the workbook file at once.";
    DataFolder => "Folder data aplikasi", "App data folder";
    SchemaVersion => "Versi skema", "Schema version";
    InfoFile => "Berkas", "File";
    InfoAppReads => "aplikasi ini menulis skema", "this app writes schema";
    InfoDimensions => "Dimensi", "Dimensions";
    InfoElements => "Elemen", "Elements";
    InfoAgencies => "OPD", "Agencies";
    InfoPrograms => "Program", "Programs";

    // Import and export of programs
    ImportCannotRead => "Berkas tidak dapat dibaca: {}", "The file cannot be read: {}";
    ImportUnknownFileType => "Jenis berkas tidak dikenal: gunakan .csv atau .xlsx", "Unknown file type: use .csv or .xlsx";
    ImportTooLarge => "Berkas terlalu besar untuk diimpor (paling besar {} MB)", "The file is too large to import (at most {} MB)";
    ImportNotUtf8 => "Berkas ini bukan teks UTF-8 (baris {}). Simpan ulang dari spreadsheet sebagai \"CSV UTF-8\".", "This file is not UTF-8 text (row {}). Save it again from the spreadsheet as \"CSV UTF-8\".";
    ImportUnclosedQuote => "Tanda kutip yang dibuka pada baris {} tidak pernah ditutup", "The quote opened on row {} is never closed";
    ImportEmptyFile => "Berkas kosong: tidak ada baris judul kolom", "The file is empty: there is no header row";
    ImportBadSpreadsheet => "Berkas XLSX ini rusak atau bukan XLSX: {}", "This XLSX file is damaged or not XLSX: {}";
    ImportNoHeader => "Baris pertama tidak berisi judul kolom yang dikenal ({}). Apakah baris judul ada, dan apakah kolom dipisah dengan titik koma atau koma?", "The first row has no known column headers ({}). Is the header row there, and are the columns separated by semicolons or commas?";
    ImportMissingColumn => "Kolom wajib tidak ada: {}", "A required column is missing: {}";
    ImportColumnTwice => "Kolom {} dan {} sama-sama dibaca sebagai {}; hapus atau ganti nama salah satunya", "The columns {} and {} are both read as {}; delete or rename one of them";
    ImportColumnIgnored => "Kolom {} tidak dikenal dan diabaikan", "The column {} is not known and is ignored";
    ImportCellError => "Sel berisi galat spreadsheet {}", "The cell holds the spreadsheet error {}";
    ImportUnknownValue => "{} tidak dikenal; gunakan salah satu dari: {}", "{} is not known; use one of: {}";
    ImportNotYesNo => "Tulis ya atau tidak", "Write yes or no";
    ImportUnknownDimension => "Dimensi {} tidak ditemukan", "There is no dimension {}";
    ImportUnknownElement => "Elemen {} tidak ditemukan (dicari menurut kunci, nama Indonesia dan nama Inggris)", "There is no element {} (looked up by key, Indonesian and English name)";
    ImportElementNotInDimension => "Elemen {} bukan bagian dari dimensi {}", "The element {} is not part of the dimension {}";
    ImportAmbiguousElement => "{} cocok dengan beberapa elemen; isi kolom dimensi", "{} matches several elements; fill in the dimension column";
    ImportUnknownAgency => "OPD {} tidak ditemukan (dicari menurut kode, singkatan dan nama)", "There is no agency {} (looked up by code, short name and name)";
    ImportAmbiguousAgency => "{} cocok dengan beberapa OPD ({}); tulis kodenya", "{} matches several agencies ({}); write its code";
    ImportRowConflict => "Baris {} memakai kode yang sama tetapi isian lain di sini; baris dengan satu kode adalah satu program", "Row {} has the same code but a different value here; rows with one code are one program";
    ImportSourceTwice => "Sumber dana ini sudah ada pada baris {} untuk program yang sama", "This funding source is already on row {} for the same program";
    ImportSourceMissing => "Isi sumber dana untuk jumlah pada baris ini", "Fill in the funding source of the amounts on this row";
    ImportProgramRefused => "Tidak diimpor: baris {} dari program yang sama bermasalah", "Not imported: row {} of the same program has a problem";
    ImportReportLine => "baris {}, kolom {}: {}", "row {}, column {}: {}";
    ImportNote => "catatan: {}", "note: {}";
    ImportSummary => "{} baris dibaca, {} program siap diimpor, {} baris ditolak", "{} rows read, {} programs ready to import, {} rows refused";
    ImportRefused => "Impor dibatalkan: perbaiki baris yang ditolak lalu coba lagi. Workbook tidak diubah.", "Import refused: fix the refused rows and try again. The workbook was not changed.";
    ImportDryRun => "Uji coba: workbook tidak diubah.", "Dry run: the workbook was not changed.";
    ImportDone => "{} program diimpor ke {}", "{} programs imported into {}";
    ImportNeedsWritable => "Workbook tidak dapat diubah: {}", "The workbook cannot be changed: {}";
    EditImportPrograms => "impor {} program dari {}", "import {} programs from {}";
    TemplateWritten => "Templat impor ditulis: {}", "Import template written: {}";
    ExportWritten => "Program diekspor ke {}", "Programs exported to {}";
    ExportFailed => "Berkas tidak dapat ditulis: {}", "The file could not be written: {}";
    TemplateNotesSheet => "Petunjuk", "Notes";
    TemplateNotesColumn => "Kolom", "Column";
    TemplateNotesKey => "Kunci", "Key";
    TemplateNotesValues => "Isian yang diterima", "Accepted values";
    TemplateNoteRows => "Satu baris per program dan sumber dana: kolom tahun berisi jumlah rupiah sumber itu per tahun, isian program diulang pada setiap barisnya. Baris dengan kode yang sama adalah satu program.", "One row per program and funding source: the year columns hold that source's rupiah per year, and the program's fields repeat on each of its rows. Rows with the same code are one program.";
    TemplateNoteYears => "Judul kolom tahun boleh diganti sesuai periode masterplan (misalnya 2026 ... 2035 dan Target 2026 ... Target 2035). Jumlah ditulis cara Indonesia: 1.250.000 atau 1,25 M.", "Year headers may be changed to the masterplan period (e.g. 2026 ... 2035 and Target 2026 ... Target 2035). Amounts are written the Indonesian way: 1.250.000 or 1,25 M.";
    TemplateNoteExamples => "Baris 2 dan 3 adalah contoh (CONTOH) untuk daerah demo: ganti atau hapus sebelum mengimpor.", "Rows 2 and 3 are examples (EXAMPLE) for the demo region: replace or delete them before importing.";
}
