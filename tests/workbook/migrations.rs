//! Files of every earlier schema version are migrated on open, keeping their data.

use smartcity_workbench::i18n::{Text, TimeZone};
use smartcity_workbench::model::monev::{realisation_id, spending_id};
use smartcity_workbench::model::quick_wins::{Decision, DecisionKind, PickerSetting};
use smartcity_workbench::model::{
    Change, Edit, EvaluationScore, FundingSource, Monev, MonevChange, QuickWinChange, Realisation, RealisationStatus,
    Spending, Workbook, new_id,
};
use smartcity_workbench::seed;
use smartcity_workbench::store::{self, ReadOnlyReason, Session, schema};

use crate::common::*;

#[test]
fn there_is_at_least_one_earlier_version_to_migrate() {
    const { assert!(schema::CURRENT_VERSION >= 2, "the migration tests need an earlier version") };
    assert_eq!(schema::CURRENT_VERSION as usize, schema::MIGRATIONS.len());
}

#[test]
fn every_earlier_version_is_migrated_to_the_current_one_with_its_data() {
    for version in 1..schema::CURRENT_VERSION {
        // Programs and budget values came with version 2, the readiness bands, target levels and program links
        // with version 3, the projection settings with version 4: an older file holds the rest of the demo.
        let mut demo = seed::demo_workbook();
        // Realisation and evaluation came with version 12: older files are given the default evaluation
        // framework (the migration seeds it) and hold no realisation or scores.
        if version < schema::MONEV_VERSION {
            demo.monev = Monev::with_default_framework();
        }
        // The time zone and the picker's cap came with version 11: older files are given WIB and the default cap.
        if version < schema::ZONE_VERSION {
            demo.profile.time_zone = TimeZone::Wib;
            demo.quick_wins.picker = None;
        }
        // Criteria, scores, workshops and selections came with the quick-win tables; older files use the
        // default criteria and hold none of the rest.
        if version < schema::QUICK_WINS_VERSION {
            demo.quick_wins = Default::default();
        }
        // Issues, SWOT, goals, directions, strategies, indicators and program links came with the strategy tables.
        if version < schema::STRATEGY_VERSION {
            demo.strategy = Default::default();
            demo.programs.iter_mut().for_each(|p| p.strategy_id = None);
        }
        if version < 4 {
            demo.finance_settings = None;
        }
        if version < 3 {
            demo.readiness_items.clear();
            demo.bands.clear();
            demo.rounds.clear();
            demo.scores.clear();
            demo.programs.iter_mut().for_each(|p| p.readiness_items.clear());
        }
        if version < 2 {
            demo.programs.clear();
            demo.finance.clear();
        }
        let dir = temp_dir();
        let path = dir.path().join(format!("v{version}.smartcity"));
        store::write_file_at_version(&path, &demo, version).unwrap();
        {
            let conn = plain_read_only(&path);
            assert_eq!(pragma_i32(&conn, "user_version"), version);
            assert_eq!(pragma_i32(&conn, "application_id"), schema::APPLICATION_ID);
            assert_eq!(schema::schema_objects(&conn).unwrap(), schema::expected_objects(version).unwrap());
            assert_ne!(schema::expected_objects(version).unwrap(), schema::expected_objects(version + 1).unwrap());
        }

        // Reading only migrates an in-memory copy: the file stays at its version, byte for byte.
        let original = bytes(&path);
        let reader = Session::open_read_only(&path, AUTHOR).unwrap();
        assert_eq!(reader.read_only(), Some(&ReadOnlyReason::Requested));
        assert_eq!(reader.file_version(), version);
        assert_eq!(reader.workbook(), &demo, "version {version} read");
        assert_eq!(reader.workbook().programs.len(), demo.programs.len(), "the in-memory copy has the current tables");
        drop(reader);
        assert!(bytes(&path) == original, "reading version {version} left the file as it was");
        assert!(sidecars(&path).is_empty());

        // Opening for editing migrates the file.
        let mut session = open(&path);
        // Files from before the merge tables get a copy identity of their own when migrated, with no scope.
        if version < schema::MERGE_VERSION {
            let replica = session.replica().expect("a copy identity after migration");
            assert!(!replica.id.is_nil() && replica.scope.is_none(), "version {version}: {replica:?}");
        }
        assert_eq!(session.read_only(), None);
        assert_eq!(session.file_version(), version);
        assert_eq!(session.workbook(), &demo, "version {version} data kept");
        let added = new_agency("9.93.01", "Badan Pasca Migrasi", session.workbook().next_agency_position());
        commit(&mut session, Edit::one(label(Text::EditAddAgency, "Badan Pasca Migrasi"), Change::PutAgency(added)));
        let expected = session.workbook().clone();
        drop(session);

        assert!(sidecars(&path).is_empty());
        let conn = plain_read_only(&path);
        assert_eq!(pragma_i32(&conn, "user_version"), schema::CURRENT_VERSION, "from version {version}");
        assert_eq!(pragma_i32(&conn, "application_id"), schema::APPLICATION_ID);
        assert_eq!(
            schema::schema_objects(&conn).unwrap(),
            schema::expected_objects(schema::CURRENT_VERSION).unwrap(),
            "schema migrated from version {version}"
        );
        drop(conn);

        let reopened = open(&path);
        assert_eq!(reopened.file_version(), schema::CURRENT_VERSION);
        assert_eq!(reopened.workbook(), &expected);
    }
}

#[test]
fn a_version_7_agency_copy_keeps_its_identity_and_gets_the_trust_tables() {
    let dir = temp_dir();
    let path = dir.path().join("v7.smartcity");
    // Files before version 11 have no time zone: they are given WIB.
    let demo = older(seed::demo_workbook());
    store::write_file_at_version(&path, &demo, schema::QUICK_WINS_VERSION).unwrap();
    let scope = demo.agencies[0].id;
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE replica SET replica_id = '7f0c3e52-1111-4a4a-9b9b-0123456789ab', name = 'Dinkes', \
             scope_agency_id = ?1 WHERE id = 1",
            [scope.to_string()],
        )
        .unwrap();
    }
    let session = open(&path);
    let replica = session.replica().expect("identity kept").clone();
    assert_eq!(replica.id.to_string(), "7f0c3e52-1111-4a4a-9b9b-0123456789ab");
    assert_eq!((replica.name.as_str(), replica.scope), ("Dinkes", Some(scope)));
    // Copies made before signing have no key: they are not signed copies, and nothing was issued from them.
    assert_eq!(session.signing_key().unwrap(), None);
    assert!(session.issued_copies().unwrap().is_empty());
    assert_eq!(session.workbook(), &demo, "nothing lost");
    drop(session);
    let conn = plain_read_only(&path);
    assert_eq!(pragma_i32(&conn, "user_version"), schema::CURRENT_VERSION);
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'issued_copy'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn a_version_8_file_migrates_without_the_unused_criterion_tables() {
    let count = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('criterion', 'criterion_score')",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let dir = temp_dir();
    let path = dir.path().join("v8.smartcity");
    // Files before version 11 have no time zone: they are given WIB.
    let demo = older(seed::demo_workbook());
    store::write_file_at_version(&path, &demo, schema::TRUST_VERSION).unwrap();
    assert_eq!(count(&plain_read_only(&path)), 2, "a version 8 file still has both tables");
    let session = open(&path);
    assert_eq!((session.read_only(), session.file_version()), (None, schema::TRUST_VERSION));
    assert!(session.damage().is_none(), "the audit expects no criterion tables");
    assert_eq!(session.workbook(), &demo, "nothing lost");
    drop(session);
    let conn = plain_read_only(&path);
    assert!(pragma_i32(&conn, "user_version") >= schema::CRITERION_DROPPED_VERSION);
    assert_eq!(count(&conn), 0);
}

#[test]
fn a_version_9_file_keeps_its_minutes_and_can_record_a_quick_win_dropped() {
    let dir = temp_dir();
    let path = dir.path().join("v9.smartcity");
    // Files before version 11 have no time zone: they are given WIB.
    let demo = older(seed::demo_workbook());
    let version = schema::DECISION_DROPPED_VERSION - 1;
    store::write_file_at_version(&path, &demo, version).unwrap();
    let kinds = |conn: &rusqlite::Connection| -> Vec<String> {
        let mut stmt = conn.prepare("SELECT kind FROM workshop_decision ORDER BY position, id").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let before = kinds(&plain_read_only(&path));
    assert!(before.iter().any(|k| k == "quick_win_chosen"), "the demo's minutes record quick wins chosen");

    let mut session = open(&path);
    assert_eq!(session.workbook(), &demo, "every decision kept");
    let chosen = demo.quick_wins.decisions.iter().find(|d| d.kind == DecisionKind::QuickWinChosen).unwrap();
    let dropped = Decision { id: new_id(), kind: DecisionKind::QuickWinDropped, position: 99, ..chosen.clone() };
    let change = Change::QuickWin(QuickWinChange::PutDecision(dropped));
    commit(&mut session, Edit::one(label(Text::QwEditMark, "1"), change));
    drop(session);

    let conn = plain_read_only(&path);
    assert_eq!(pragma_i32(&conn, "user_version"), schema::CURRENT_VERSION);
    let after = kinds(&conn);
    assert_eq!(after[..before.len()], before[..], "the rows copied unchanged, in order");
    assert_eq!(after.last().map(String::as_str), Some("quick_win_dropped"));
}

#[test]
fn a_version_10_file_gets_a_time_zone_and_a_cap_it_keeps_once_set() {
    let dir = temp_dir();
    let path = dir.path().join("v10.smartcity");
    let demo = seed::demo_workbook();
    assert_eq!(demo.profile.time_zone, TimeZone::Wita, "the demo is Konawe Selatan, in WITA");
    store::write_file_at_version(&path, &demo, schema::ZONE_VERSION - 1).unwrap();

    let mut session = open(&path);
    assert_eq!(session.workbook().profile.time_zone, TimeZone::Wib, "an older file is given WIB");
    assert_eq!(session.workbook().quick_wins.picker, None, "and the default cap");
    let mut profile = session.workbook().profile.clone();
    profile.time_zone = TimeZone::Wita;
    commit(&mut session, Edit::one(label(Text::EditProfileField, "zona"), Change::Profile(profile)));
    let cap = Change::QuickWin(QuickWinChange::PutPicker(Some(PickerSetting { cap: 2_500_000_000 })));
    commit(&mut session, Edit::one(label(Text::QwEditCap, "Rp 2,5 M"), cap));
    drop(session);

    let conn = plain_read_only(&path);
    assert_eq!(pragma_i32(&conn, "user_version"), schema::CURRENT_VERSION);
    let zone: String = conn.query_row("SELECT time_zone FROM profile", [], |r| r.get(0)).unwrap();
    let cap: i64 = conn.query_row("SELECT cap FROM qw_setting WHERE id = 1", [], |r| r.get(0)).unwrap();
    assert_eq!((zone.as_str(), cap), ("WITA", 2_500_000_000));
    drop(conn);
    let reopened = open(&path);
    assert_eq!(reopened.workbook().profile.time_zone, TimeZone::Wita);
    assert_eq!(reopened.workbook().quick_wins.picker, Some(PickerSetting { cap: 2_500_000_000 }));
}

/// The demo as a file before version 11 holds it: in WIB, with the default cap.
fn older(mut demo: Workbook) -> Workbook {
    demo.profile.time_zone = TimeZone::Wib;
    demo.quick_wins.picker = None;
    demo.monev = Monev::with_default_framework();
    demo
}

#[test]
fn a_version_11_file_gets_the_default_evaluation_and_keeps_realisation_once_typed() {
    let dir = temp_dir();
    let path = dir.path().join("v11.smartcity");
    let demo = seed::demo_workbook();
    store::write_file_at_version(&path, &demo, schema::MONEV_VERSION - 1).unwrap();
    let mut session = open(&path);
    let monev = &session.workbook().monev;
    assert_eq!(monev, &Monev::with_default_framework(), "the migration seeds the default framework, nothing else");
    let weights: Vec<u32> = monev.dimensions.iter().map(|d| d.weight).collect();
    assert_eq!(weights, [10, 20, 30, 30, 10]);

    let program = demo.programs[0].id;
    let item = monev.items[0].id;
    let realisation = Realisation {
        status: RealisationStatus::Delayed,
        reason: "Lelang ulang".into(),
        ..Realisation::new(program, 2023)
    };
    let spending = Spending { program_id: program, year: 2023, source: FundingSource::DanaDesa, amount: 75_000_000 };
    let score =
        EvaluationScore { year: 2023, item_id: item, score: 371, evidence: "SK 12/2023".into(), note: String::new() };
    let changes = vec![
        Change::Monev(MonevChange::PutRealisation(realisation.clone())),
        Change::Monev(MonevChange::PutSpending(spending)),
        Change::Monev(MonevChange::PutScore(score.clone())),
    ];
    commit(&mut session, Edit::new(label(Text::EditProfileField, "monev"), changes));
    let typed = session.workbook().monev.clone();
    session.undo().unwrap();
    assert_eq!(session.workbook().monev, Monev::with_default_framework(), "one undo step takes all three back");
    session.redo().unwrap();
    assert_eq!(session.workbook().monev, typed);
    let expected = session.workbook().clone();
    drop(session);

    let conn = plain_read_only(&path);
    assert_eq!(pragma_i32(&conn, "user_version"), schema::CURRENT_VERSION);
    let row: String = conn.query_row("SELECT id FROM realisation", [], |r| r.get(0)).unwrap();
    assert_eq!(row, realisation_id(program, 2023).to_string(), "row ids derive from what identifies them");
    let row: String = conn.query_row("SELECT id FROM realisation_spending", [], |r| r.get(0)).unwrap();
    assert_eq!(row, spending_id(program, 2023, FundingSource::DanaDesa).to_string());
    drop(conn);

    let reopened = open(&path);
    assert_eq!(reopened.workbook(), &expected);
    assert_eq!(reopened.workbook().monev.realisation(program, 2023), Some(&realisation));
    assert_eq!(reopened.workbook().monev.spent(program, 2023), 75_000_000);
    assert_eq!(reopened.workbook().monev.score(2023, item), Some(&score));
}
