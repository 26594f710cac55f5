//! The workbook's schema: the application id, the version, and the forward-only migrations that build it.
//! A file at version N holds exactly the objects that migrations 1..=N create; opening checks that.

use rusqlite::Connection;

/// `PRAGMA application_id`: "SMCW" in ASCII. A SQLite file without it is not a workbook.
pub const APPLICATION_ID: i32 = 0x534D_4357;

/// One migration per schema version, applied in order. Never edit a released migration: add a new one.
pub const MIGRATIONS: &[&str] = &[
    // Version 1: the region, its agencies, council and team, and the dimension framework.
    r#"
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    masterplan_id TEXT NOT NULL,
    region_name TEXT NOT NULL,
    region_type TEXT NOT NULL CHECK (region_type IN ('kabupaten', 'kota')),
    region_code TEXT NOT NULL,
    province TEXT NOT NULL,
    capital TEXT NOT NULL,
    period_start INTEGER NOT NULL,
    period_end INTEGER NOT NULL CHECK (period_end >= period_start),
    vision TEXT NOT NULL,
    mission TEXT NOT NULL,
    is_example INTEGER NOT NULL CHECK (is_example IN (0, 1)),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE dimension (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    gloss_id TEXT NOT NULL,
    gloss_en TEXT NOT NULL,
    color TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE element (
    id TEXT PRIMARY KEY,
    dimension_id TEXT NOT NULL REFERENCES dimension(id),
    key TEXT NOT NULL,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (dimension_id, key)
) STRICT;
CREATE TABLE agency (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE member (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL CHECK (body IN ('council', 'team')),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    agency_id TEXT REFERENCES agency(id),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
"#,
    // Version 2: what the planning capabilities write: programs with yearly budget lines by funding source,
    // readiness frameworks and scores, the regional budget per year, prioritisation criteria and scores.
    r#"
CREATE TABLE program (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    element_id TEXT NOT NULL REFERENCES element(id),
    agency_id TEXT REFERENCES agency(id),
    action_type TEXT NOT NULL CHECK (action_type IN ('policy', 'infrastructure', 'application', 'literacy')),
    location TEXT NOT NULL,
    start_year INTEGER NOT NULL,
    end_year INTEGER NOT NULL CHECK (end_year >= start_year),
    status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'done', 'dropped')),
    outputs TEXT NOT NULL,
    indicator TEXT NOT NULL,
    indicator_baseline TEXT NOT NULL,
    quick_win INTEGER NOT NULL CHECK (quick_win IN (0, 1)),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE INDEX program_element ON program(element_id);
CREATE TABLE program_target (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    target TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (program_id, year)
) STRICT;
CREATE TABLE budget_line (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN
        ('apbd', 'apbn', 'dak', 'province', 'kpbu', 'csr', 'private', 'dana_desa', 'other')),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (program_id, year, source)
) STRICT;
CREATE TABLE readiness_item (
    id TEXT PRIMARY KEY,
    pillar TEXT NOT NULL CHECK (pillar IN ('structure', 'infrastructure', 'superstructure')),
    dimension_id TEXT REFERENCES dimension(id),
    code TEXT NOT NULL,
    question_id TEXT NOT NULL,
    question_en TEXT NOT NULL,
    levels_json TEXT NOT NULL,
    weight REAL NOT NULL CHECK (weight >= 0),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE readiness_round (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE readiness_score (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES readiness_round(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES readiness_item(id) ON DELETE CASCADE,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    evidence TEXT NOT NULL,
    note TEXT NOT NULL,
    scored_by TEXT NOT NULL,
    scored_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (round_id, item_id)
) STRICT;
CREATE TABLE finance_value (
    id TEXT PRIMARY KEY,
    line TEXT NOT NULL,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('budgeted', 'realised')),
    amount INTEGER NOT NULL,
    is_estimate INTEGER NOT NULL CHECK (is_estimate IN (0, 1)),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (line, year, kind)
) STRICT;
CREATE TABLE criterion (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    weight REAL NOT NULL CHECK (weight >= 0),
    lower_is_better INTEGER NOT NULL CHECK (lower_is_better IN (0, 1)),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE criterion_score (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (program_id, criterion_id)
) STRICT;
"#,
    // Version 3: the readiness framework's bands and target levels, and the links from programs to the
    // readiness items they improve.
    r#"
ALTER TABLE readiness_item ADD COLUMN target_level INTEGER NOT NULL DEFAULT 4 CHECK (target_level BETWEEN 1 AND 5);
CREATE TABLE readiness_band (
    id TEXT PRIMARY KEY,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    min REAL NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE program_readiness (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES readiness_item(id),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (program_id, item_id)
) STRICT;
"#,
    // Version 4: the settings of the budget projection (one row, like the profile) and the typed growth
    // rates per budget line. The budget values themselves have had their table since version 2.
    r#"
CREATE TABLE finance_setting (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    base_first INTEGER NOT NULL,
    base_last INTEGER NOT NULL CHECK (base_last >= base_first),
    pessimistic_bp INTEGER NOT NULL,
    base_bp INTEGER NOT NULL,
    optimistic_bp INTEGER NOT NULL,
    envelope_bp INTEGER NOT NULL CHECK (envelope_bp BETWEEN 0 AND 10000),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE finance_rate (
    id TEXT PRIMARY KEY,
    line TEXT NOT NULL UNIQUE,
    rate_bp INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
"#,
    // Version 5: the strategy: strategic issues with their dimensions, SWOT entries per dimension, the RPJMD
    // goals and the dimensions serving them, the direction of each dimension and element with its strategies
    // (and the issues they answer) and indicators (with yearly targets), and the program -> strategy link.
    r#"
CREATE TABLE strategic_issue (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('rpjmd', 'readiness', 'workshop', 'survey', 'other')),
    readiness_item_id TEXT REFERENCES readiness_item(id),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE strategic_issue_dimension (
    id TEXT PRIMARY KEY,
    issue_id TEXT NOT NULL REFERENCES strategic_issue(id) ON DELETE CASCADE,
    dimension_id TEXT NOT NULL REFERENCES dimension(id),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (issue_id, dimension_id)
) STRICT;
CREATE TABLE swot_entry (
    id TEXT PRIMARY KEY,
    dimension_id TEXT NOT NULL REFERENCES dimension(id),
    kind TEXT NOT NULL CHECK (kind IN ('strength', 'weakness', 'opportunity', 'threat')),
    text TEXT NOT NULL,
    issue_id TEXT REFERENCES strategic_issue(id),
    readiness_item_id TEXT REFERENCES readiness_item(id),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE regional_goal (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    goal TEXT NOT NULL,
    target TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE regional_goal_dimension (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES regional_goal(id) ON DELETE CASCADE,
    dimension_id TEXT NOT NULL REFERENCES dimension(id),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (goal_id, dimension_id)
) STRICT;
CREATE TABLE direction (
    id TEXT PRIMARY KEY,
    dimension_id TEXT NOT NULL REFERENCES dimension(id),
    element_id TEXT REFERENCES element(id),
    goal TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE strategy (
    id TEXT PRIMARY KEY,
    direction_id TEXT NOT NULL REFERENCES direction(id),
    code TEXT NOT NULL,
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE strategy_issue (
    id TEXT PRIMARY KEY,
    strategy_id TEXT NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,
    issue_id TEXT NOT NULL REFERENCES strategic_issue(id),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (strategy_id, issue_id)
) STRICT;
CREATE TABLE strategy_indicator (
    id TEXT PRIMARY KEY,
    direction_id TEXT NOT NULL REFERENCES direction(id),
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    baseline TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE strategy_indicator_target (
    id TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES strategy_indicator(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (indicator_id, year)
) STRICT;
CREATE TABLE program_strategy (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL UNIQUE REFERENCES program(id) ON DELETE CASCADE,
    strategy_id TEXT NOT NULL REFERENCES strategy(id),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
"#,
    // Version 6: merging copies of one masterplan. `replica` is this file's identity and scope (an agency copy
    // edits only that agency's programs); `sync_peer` what each other copy looked like when they last met (the
    // base of a three-way merge); `journal` the history of changes with who, when and where they came from;
    // `applied_package` the change packages already applied. None of it is masterplan content.
    r#"
CREATE TABLE replica (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    replica_id TEXT NOT NULL,
    name TEXT NOT NULL,
    scope_agency_id TEXT,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
INSERT INTO replica (id, replica_id, name, scope_agency_id, updated_at, changed_by)
    VALUES (1, lower(hex(randomblob(16))), '', NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '');
CREATE TABLE sync_peer (
    peer_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    agency_id TEXT,
    met_at TEXT NOT NULL,
    base_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE journal (
    id TEXT PRIMARY KEY,
    replica_id TEXT NOT NULL,
    place TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    label_key TEXT NOT NULL,
    label_args TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('edit', 'undo', 'redo', 'merge', 'package', 'copy')),
    source_file TEXT NOT NULL,
    agency_id TEXT,
    agencies TEXT NOT NULL,
    changes INTEGER NOT NULL
) STRICT;
CREATE INDEX journal_at ON journal(at);
CREATE TABLE applied_package (
    hash TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
"#, // Version 7: quick wins and workshops: prioritisation criteria with integer weights (points) and each
    // program's 1-5 scores, saved alternative selections, and workshop sessions with participant groups, dot
    // votes, attendance and decisions (the minutes). Rows point at programs by id without a foreign key: a
    // removed program keeps its scores and votes, so undoing the removal brings them back. The version 2
    // tables `criterion` and `criterion_score` (a REAL weight) stay unused until version 9 drops them.
    r#"
CREATE TABLE qw_criterion (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL,
    weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 1000),
    lower_is_better INTEGER NOT NULL CHECK (lower_is_better IN (0, 1)),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE qw_score (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (program_id, criterion_id)
) STRICT;
CREATE TABLE qw_selection (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    cap INTEGER NOT NULL CHECK (cap >= 0),
    first_year INTEGER NOT NULL,
    years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 2),
    programs_json TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE workshop (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    place TEXT NOT NULL,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 4),
    notes TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE workshop_group (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE workshop_vote (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES workshop_group(id),
    program_id TEXT NOT NULL,
    dots INTEGER NOT NULL CHECK (dots >= 0),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    UNIQUE (group_id, program_id)
) STRICT;
CREATE TABLE workshop_attendee (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    present INTEGER NOT NULL CHECK (present IN (0, 1)),
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE TABLE workshop_decision (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    kind TEXT NOT NULL CHECK (kind IN ('program_added', 'program_moved', 'quick_win_chosen', 'other')),
    program_id TEXT,
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
"#,
    // Version 8: the trust boundary. `replica.signing_key` is this copy's own Ed25519 secret (hex; NULL for a
    // workbook that was never made as a copy): it signs the copy's change packages and proves a merged
    // workbook is that copy. `issued_copy` is the issuer's record of each copy it wrote: its public key and
    // the only scope the issuer believes. Neither is masterplan content.
    r#"
ALTER TABLE replica ADD COLUMN signing_key TEXT;
CREATE TABLE issued_copy (
    copy_id TEXT PRIMARY KEY,
    scope_agency_id TEXT,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    file TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
"#,
    // Version 9: the version 2 tables `criterion` and `criterion_score` go. The quick wins keep their criteria
    // and scores in `qw_criterion` and `qw_score` since version 7; nothing ever read the old ones.
    r#"
DROP TABLE criterion_score;
DROP TABLE criterion;
"#,
    // Version 10: a decision may record a quick win dropped again ('quick_win_dropped'), so the minutes stay
    // true when the quick wins are replaced. SQLite cannot change a CHECK constraint: the table is rebuilt,
    // its rows copied unchanged.
    r#"
ALTER TABLE workshop_decision RENAME TO workshop_decision_v9;
CREATE TABLE workshop_decision (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    kind TEXT NOT NULL CHECK (kind IN ('program_added', 'program_moved', 'quick_win_chosen', 'quick_win_dropped',
        'other')),
    program_id TEXT,
    text TEXT NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
INSERT INTO workshop_decision (id, workshop_id, kind, program_id, text, position, updated_at, changed_by)
    SELECT id, workshop_id, kind, program_id, text, position, updated_at, changed_by FROM workshop_decision_v9;
DROP TABLE workshop_decision_v9;
"#,
    // Version 11: what the workbook remembers for the people using it: the region's time zone (the history and
    // every time are shown in it; rows keep UTC), and the quick-win picker's cap (one row, like the profile).
    // Older files are given WIB, the zone of most regions, until their profile says otherwise.
    r#"
ALTER TABLE profile ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'WIB' CHECK (time_zone IN ('WIB', 'WITA', 'WIT'));
CREATE TABLE qw_setting (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    cap INTEGER NOT NULL CHECK (cap >= 0),
    updated_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
"#,
    // Version 12: realisation per program and year, spending per funding source, and the yearly evaluation
    // (its framework seeded with the defaults); the SQL and its notes are in their own file.
    include_str!("schema_v12.sql"),
];

/// The schema version that added the strategy tables (issues, SWOT, goals, directions, strategies,
/// indicators, program links): files of older versions hold none of them.
pub const STRATEGY_VERSION: i32 = 5;

/// The schema version that added the merge tables (replica identity and scope, peers' bases, the journal of
/// changes, applied change packages): files of older versions get a fresh replica identity when migrated.
pub const MERGE_VERSION: i32 = 6;

/// The schema version that added the quick-win and workshop tables (criteria, scores, selections, workshops,
/// groups, votes, attendance, decisions): files of older versions hold none of them and use the default
/// criteria.
pub const QUICK_WINS_VERSION: i32 = 7;

/// The schema version that added copies' signing keys and the issuer's record of the copies it wrote
/// (`issued_copy`): older files hold no keys, so their copies are not signed copies.
pub const TRUST_VERSION: i32 = 8;

/// The schema version that dropped the unused version 2 tables `criterion` and `criterion_score`.
pub const CRITERION_DROPPED_VERSION: i32 = 9;

/// The schema version whose decisions may record a quick win dropped again.
pub const DECISION_DROPPED_VERSION: i32 = 10;

/// The schema version that added the profile's time zone and the quick-win picker's remembered cap.
pub const ZONE_VERSION: i32 = 11;

/// The schema version that added monitoring and evaluation: realisation, spending, the evaluation framework
/// (seeded with the defaults when a file is migrated) and its scores.
pub const MONEV_VERSION: i32 = 12;

/// The schema version this build writes.
pub const CURRENT_VERSION: i32 = MIGRATIONS.len() as i32;

/// Run the migrations after `from` up to `to`, in the caller's transaction, and record the version.
pub fn migrate(conn: &Connection, from: i32, to: i32) -> rusqlite::Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let version = index as i32 + 1;
        if version > from && version <= to {
            conn.execute_batch(sql)?;
        }
    }
    conn.pragma_update(None, "user_version", to)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

/// One object of the schema as `sqlite_schema` lists it: type, name, table and the SQL that made it.
pub type SchemaObject = (String, String, String, Option<String>);

/// Every object in `conn`'s schema, sorted, so two schemas can be compared exactly.
pub fn schema_objects(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// The objects a file at `version` must hold: built fresh in memory from the migrations.
pub fn expected_objects(version: i32) -> rusqlite::Result<Vec<SchemaObject>> {
    let conn = Connection::open_in_memory()?;
    migrate(&conn, 0, version)?;
    schema_objects(&conn)
}
