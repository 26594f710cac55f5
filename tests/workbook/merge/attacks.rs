//! Attacks on the trust boundary, crafted from outside the app as an attacker would: a package edited in a text
//! editor, a copy's workbook edited with SQLite and then packaged by the real copy, a scope claim changed, a
//! package signed with another key, from a revoked or unknown copy, or of the old format. A file refused whole
//! leaves the coordinator's workbook byte for byte as it was; a signed copy's changes outside its scope are
//! refused row by row while its own changes still merge, and no option applies a refused row.

use rusqlite::{Connection, params};
use serde_json::Value;
use sha2::{Digest, Sha256};
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::merge::package::{self, PackageRow};
use smartcity_workbench::merge::{KINDS, Outcome, field_maps_of};
use smartcity_workbench::model::{BudgetLine, FundingSource, Id};
use smartcity_workbench::signing;

use super::*;

/// Rp 99 M(iliar), what the attacker adds to another agency's program.
pub(super) const STOLEN: i64 = 99_000_000_000;

/// The rows an attacker goes after: another agency's program, the profile, a readiness score, an agency.
pub(super) struct Targets {
    /// The copy's own program (in scope).
    pub own: Id,
    /// A program of another agency whose years include the year the money is added in.
    pub other: Id,
    pub year: i32,
    /// The readiness score (round, item).
    pub score: (Id, Id),
    /// An agency other than the copy's.
    pub agency: Id,
}

pub(super) fn targets(workbook: &Workbook, agency: &Agency) -> Targets {
    let others: Vec<&Program> =
        workbook.programs.iter().filter(|p| p.agency_id.is_some() && p.agency_id != Some(agency.id)).collect();
    let other = others
        .iter()
        .find(|p| (p.start_year..=p.end_year).contains(&2030))
        .or(others.first())
        .expect("a program of another agency");
    let year = if (other.start_year..=other.end_year).contains(&2030) { 2030 } else { other.start_year };
    let score = workbook.scores.first().expect("a readiness score");
    let victim = workbook.agencies.iter().find(|a| a.id != agency.id).expect("another agency");
    Targets {
        own: program_of(workbook, agency, 0).id,
        other: other.id,
        year,
        score: (score.round_id, score.item_id),
        agency: victim.id,
    }
}

/// `workbook` as the attacker wants it: the copy's own program's outputs changed (in scope), another agency's
/// program renamed with Rp 99 M added, the vision rewritten, a readiness score raised, an agency renamed.
fn attacked(workbook: &Workbook, t: &Targets) -> Workbook {
    let mut w = workbook.clone();
    let own = w.programs.iter_mut().find(|p| p.id == t.own).unwrap();
    own.outputs = "Keluaran sah dari dinas".into();
    let other = w.programs.iter_mut().find(|p| p.id == t.other).unwrap();
    other.name = "Diambil alih".into();
    other.budget.retain(|l| !(l.year == t.year && l.source == FundingSource::Apbd));
    other.budget.push(BudgetLine { year: t.year, source: FundingSource::Apbd, amount: STOLEN });
    other.budget.sort_by_key(|l| (l.year, l.source));
    w.profile.vision = "Visi palsu".into();
    let score = w.scores.iter_mut().find(|s| (s.round_id, s.item_id) == t.score).unwrap();
    score.level = if score.level == 5 { 1 } else { 5 };
    w.agencies.iter_mut().find(|a| a.id == t.agency).unwrap().name = "Dinas Palsu".into();
    w
}

/// The same attack done with SQLite on the copy's file, outside the app.
pub(super) fn attack_with_sqlite(copy: &Path, t: &Targets) {
    let conn = Connection::open(copy).expect("the copy opens in SQLite");
    let by = "penyerang";
    let at = "2026-12-01T00:00:00Z";
    let one = |sql: &str, args: &[&dyn rusqlite::ToSql]| {
        assert_eq!(conn.execute(sql, args).expect(sql), 1, "{sql}");
    };
    let (own, other) = (t.own.to_string(), t.other.to_string());
    one(
        "UPDATE program SET outputs = 'Keluaran sah dari dinas', updated_at = ?2, changed_by = ?3 WHERE id = ?1",
        &[&own, &at, &by],
    );
    one(
        "UPDATE program SET name = 'Diambil alih', updated_at = ?2, changed_by = ?3 WHERE id = ?1",
        &[&other, &at, &by],
    );
    conn.execute(
        "DELETE FROM budget_line WHERE program_id = ?1 AND year = ?2 AND source = 'apbd'",
        params![other, t.year],
    )
    .unwrap();
    one(
        "INSERT INTO budget_line (id, program_id, year, source, amount, updated_at, changed_by) \
         VALUES (?1, ?2, ?3, 'apbd', ?4, ?5, ?6)",
        &[&smartcity_workbench::model::new_id().to_string(), &other, &t.year, &STOLEN, &at, &by],
    );
    one("UPDATE profile SET vision = 'Visi palsu', updated_at = ?1, changed_by = ?2", &[&at, &by]);
    one(
        "UPDATE readiness_score SET level = CASE level WHEN 5 THEN 1 ELSE 5 END, updated_at = ?3, changed_by = ?4 \
         WHERE round_id = ?1 AND item_id = ?2",
        &[&t.score.0.to_string(), &t.score.1.to_string(), &at, &by],
    );
    one(
        "UPDATE agency SET name = 'Dinas Palsu', updated_at = ?2, changed_by = ?3 WHERE id = ?1",
        &[&t.agency.to_string(), &at, &by],
    );
}

/// A scoped copy and the attack's targets; the coordinator's session is closed, so its file is at rest and
/// its bytes can be compared.
pub(super) struct Attack {
    _dir: tempfile::TempDir,
    pub dir: PathBuf,
    pub coordinator: PathBuf,
    pub copy_path: PathBuf,
    pub agency: Agency,
    pub t: Targets,
}

pub(super) fn attack_setup() -> Attack {
    let Setup { _dir, dir, coordinator, copy_path, agency } = setup(true);
    let t = targets(coordinator.workbook(), &agency);
    let path = coordinator.path().to_path_buf();
    drop(coordinator);
    Attack { _dir, dir, coordinator: path, copy_path, agency, t }
}

/// An honest package of the copy with only its own program changed.
pub(super) fn honest_package(a: &Attack, name: &str) -> PathBuf {
    let mut copy = open(&a.copy_path);
    let mut own = copy.workbook().program(a.t.own).unwrap().clone();
    own.outputs = "Keluaran sah dari dinas".into();
    put(&mut copy, own);
    let path = a.dir.join(name);
    workflow::write_package(&mut copy, &path).expect("package written");
    path
}

/// A package made by the real copy after its workbook was edited with SQLite: properly signed.
pub(super) fn signed_attack_package(a: &Attack, name: &str) -> PathBuf {
    attack_with_sqlite(&a.copy_path, &a.t);
    let mut copy = open(&a.copy_path);
    let path = a.dir.join(name);
    let rows = workflow::write_package(&mut copy, &path).expect("package written");
    assert!(rows >= 5, "the package holds every row the attacker changed ({rows})");
    path
}

fn sha256_hex(bytes: &[u8]) -> String {
    signing::hex(&Sha256::digest(bytes))
}

/// Rewrite a package's body as a text editor would, then recompute the SHA-256 in its header line; the
/// signature stays as it was.
fn edit_in_text_editor(path: &Path, edit: impl FnOnce(&mut Value)) {
    let text = String::from_utf8(bytes(path)).expect("a package is text");
    let (header, body) = text.split_once('\n').expect("a header line");
    let mut json: Value = serde_json::from_str(body).expect("the body is JSON");
    edit(&mut json);
    let body = serde_json::to_string(&json).unwrap();
    let words: Vec<&str> = header.split(' ').collect();
    let forged = format!("{} {} sha256={} {}\n{body}", words[0], words[1], sha256_hex(body.as_bytes()), words[3]);
    std::fs::write(path, forged).unwrap();
}

/// Decode a package, let the attacker change it, and sign it again with `secret`.
fn resign(path: &Path, secret: &str, edit: impl FnOnce(&mut package::Package)) {
    let mut decoded = package::decode(&bytes(path)).expect("a package").package;
    edit(&mut decoded);
    std::fs::write(path, package::encode(&decoded, secret).expect("signed")).unwrap();
}

pub(super) fn secret_of(path: &Path) -> String {
    open(path).signing_key().unwrap().expect("a copy's key")
}

/// Plan merging `from` into the coordinator's file through a read-only session, as the command line does.
pub(super) fn try_prepare(coordinator: &Path, from: &Path) -> Result<Prepared, smartcity_workbench::i18n::Message> {
    let reader = Session::open_read_only(coordinator, AUTHOR).expect("the coordinator opens");
    workflow::prepare(&reader, from, false)
}

/// `from` is refused whole with `text`, on the API and on the command line, and the coordinator's file is
/// byte for byte what it was.
pub(super) fn assert_refused_whole(a: &Attack, from: &Path, text: Text) {
    let before = bytes(&a.coordinator);
    let refused = try_prepare(&a.coordinator, from).err().expect("refused whole");
    assert_eq!(refused.text, text, "{}", refused.show(Lang::En));
    let (into, file) = (a.coordinator.to_str().unwrap(), from.to_str().unwrap());
    for extra in [&[][..], &["--prefer", "theirs", "--force"][..]] {
        let output = run(&a.dir, &[&["merge", into, file][..], extra].concat());
        assert_eq!(output.status.code(), Some(1), "{}", show(&output));
        assert!(text_of(&output).contains(&refused.show(Lang::En)), "{}", show(&output));
    }
    assert!(bytes(&a.coordinator) == before, "the coordinator's file is unchanged");
}

pub(super) fn text_of(output: &std::process::Output) -> String {
    format!("{}{}", text(&output.stdout), text(&output.stderr))
}

/// The plan's refused entries: kind, id and the reason for people.
pub(super) fn refused_reasons(prepared: &Prepared) -> Vec<(usize, Id, String)> {
    prepared
        .plan
        .entries
        .iter()
        .filter_map(|e| match &e.outcome {
            Outcome::Refused { reason, .. } => Some((e.key.kind, e.key.id, reason.show(Lang::En))),
            _ => None,
        })
        .collect()
}

pub(super) fn kind(name: &str) -> usize {
    KINDS.iter().position(|k| k.name == name).unwrap_or_else(|| panic!("no kind {name}"))
}

/// The attacked rows are each refused with the scope's reason; the copy's own program is taken.
pub(super) fn assert_refused_per_row(a: &Attack, prepared: &Prepared) {
    let reason = format!("{0}'s copy may change only {0} programs", a.agency.label());
    let refused = refused_reasons(prepared);
    for (kind, id) in [
        (kind("program"), a.t.other),
        (kind("profile"), smartcity_workbench::merge::kinds::SINGLE),
        (kind("agency"), a.t.agency),
    ] {
        assert!(refused.iter().any(|r| (r.0, r.1) == (kind, id)), "{kind} {id} refused: {refused:?}");
    }
    assert!(refused.iter().any(|r| r.0 == kind("score")), "the score is refused: {refused:?}");
    assert!(refused.iter().all(|r| r.2 == reason), "{refused:?}");
    assert_eq!(prepared.summary().refused, refused.len());
    let own = prepared.plan.entries.iter().find(|e| e.key.id == a.t.own).expect("the copy's own program");
    assert!(matches!(own.outcome, Outcome::Taken { .. }), "{:?}", own.outcome);
}

/// After merging: the copy's own change is in, and none of the attacked rows changed.
pub(super) fn assert_only_own_change_applied(a: &Attack, before: &Workbook) {
    let after = file_state(&a.coordinator);
    assert_eq!(after.program(a.t.own).unwrap().outputs, "Keluaran sah dari dinas");
    assert_eq!(after.program(a.t.other), before.program(a.t.other));
    assert_eq!(after.profile, before.profile);
    assert_eq!(after.scores, before.scores);
    assert_eq!(after.agencies, before.agencies);
    let money = after.program(a.t.other).unwrap().budget.iter().any(|l| l.amount == STOLEN);
    assert!(!money, "the Rp 99 M never arrives");
}

#[test]
fn a_package_rewritten_in_a_text_editor_with_its_hash_recomputed_is_refused_whole() {
    let a = attack_setup();
    let path = honest_package(&a, "dinas.smartcity-package");
    let ours = field_maps_of(&file_state(&a.coordinator));
    let theirs = field_maps_of(&attacked(&file_state(&a.coordinator), &a.t));
    edit_in_text_editor(&path, |json| {
        let rows = json["rows"].as_array_mut().unwrap();
        for (key, row) in theirs.iter().filter(|(key, row)| ours.get(key) != Some(row)) {
            let forged = PackageRow {
                kind: KINDS[key.kind].name.into(),
                id: key.id,
                base: ours.get(key).cloned(),
                row: Some(row.clone()),
                stamp: None,
            };
            rows.push(serde_json::to_value(forged).unwrap());
        }
        assert!(rows.len() >= 5, "the forged body touches every target");
    });
    assert_refused_whole(&a, &path, Text::TrustBadSignature);
}

#[test]
fn a_signed_package_of_a_copy_edited_with_sqlite_refuses_each_row_outside_its_scope_and_takes_its_own() {
    let a = attack_setup();
    let path = signed_attack_package(&a, "dinas.smartcity-package");
    let before = file_state(&a.coordinator);
    let prepared = try_prepare(&a.coordinator, &path).expect("a signed package of our copy is planned");
    assert_refused_per_row(&a, &prepared);
    let refused = prepared.summary().refused;

    let (into, file) = (a.coordinator.to_str().unwrap(), path.to_str().unwrap());
    let output = succeeded(&run(&a.dir, &["merge", into, file, "--prefer", "theirs", "--force"])).stdout.clone();
    let out = text(&output);
    assert!(out.contains("Refused: Program") && out.contains("may change only"), "{out}");
    assert!(out.contains(&format!(" · {refused} refused · ")), "{out}");
    assert_only_own_change_applied(&a, &before);
}

#[test]
fn the_scope_a_package_claims_is_not_believed_whether_removed_or_changed() {
    let a = attack_setup();
    let path = signed_attack_package(&a, "dinas.smartcity-package");
    // The attacker holds the copy's file, so its key too: the claim can be changed and signed again.
    let secret = secret_of(&a.copy_path);
    let other_agency = a.t.agency;
    for claim in [None, Some(other_agency)] {
        resign(&path, &secret, |p| p.from.scope = claim);
        assert_eq!(package::decode(&bytes(&path)).unwrap().package.from.scope, claim);
        let prepared = try_prepare(&a.coordinator, &path).expect("still our copy's signature");
        assert_eq!(prepared.trust.scope(), Some(a.agency.id), "the scope is our record's");
        assert_refused_per_row(&a, &prepared);
    }
}

#[test]
fn a_package_signed_with_another_copys_key_is_refused_whole() {
    let a = attack_setup();
    let path = honest_package(&a, "dinas.smartcity-package");
    let mut coordinator = open(&a.coordinator);
    let second = a.dir.join("kedua.smartcity");
    coordinator.write_agency_copy(&second, None).expect("a second, unscoped copy");
    drop(coordinator);
    // Signed by the unscoped copy but claiming to come from the scoped one, to escape its scope.
    let other_key = secret_of(&second);
    resign(&path, &other_key, |_| {});
    assert!(package::decode(&bytes(&path)).is_ok(), "a well-formed package, only signed with the wrong key");
    assert_refused_whole(&a, &path, Text::TrustBadSignature);
}

#[test]
fn a_package_from_a_revoked_copy_is_refused_whole() {
    let a = attack_setup();
    let path = honest_package(&a, "dinas.smartcity-package");
    let mut coordinator = open(&a.coordinator);
    let old = coordinator.issued_copies().unwrap()[0].copy_id;
    coordinator.reissue_copy(old, &a.dir.join("dinas-baru.smartcity")).expect("re-issued");
    drop(coordinator);
    assert_refused_whole(&a, &path, Text::TrustRevoked);
    // The old copy's workbook is refused too.
    assert_refused_whole(&a, &a.copy_path, Text::TrustRevoked);
}

#[test]
fn a_package_claiming_a_copy_this_workbook_never_made_is_refused_whole() {
    let a = attack_setup();
    let path = honest_package(&a, "dinas.smartcity-package");
    let secret = secret_of(&a.copy_path);
    let stranger = smartcity_workbench::model::new_id();
    resign(&path, &secret, |p| p.from.replica_id = stranger);
    assert_refused_whole(&a, &path, Text::TrustUnknownCopy);
    // A copy another coordinator wrote is just as unknown here.
    let elsewhere = demo_file(&a.dir, "lain.smartcity");
    let foreign_copy = a.dir.join("salinan-lain.smartcity");
    open(&elsewhere).write_agency_copy(&foreign_copy, Some(&a.agency)).expect("a copy elsewhere");
    let mut copy = open(&foreign_copy);
    let mut own = copy.workbook().program(a.t.own).unwrap().clone();
    own.outputs = "Dari salinan lain".into();
    put(&mut copy, own);
    let foreign = a.dir.join("lain.smartcity-package");
    workflow::write_package(&mut copy, &foreign).unwrap();
    drop(copy);
    assert_refused_whole(&a, &foreign, Text::TrustUnknownCopy);
}

#[test]
fn a_version_1_package_is_refused_whole() {
    let a = attack_setup();
    let path = honest_package(&a, "dinas.smartcity-package");
    // A version 1 package: no signature in its header, version 1 in its body, the hash right.
    let text = String::from_utf8(bytes(&path)).unwrap();
    let body = text.split_once('\n').unwrap().1.replacen("\"version\":2", "\"version\":1", 1);
    assert!(body.contains("\"version\":1"));
    std::fs::write(&path, format!("SMARTCITY-PACKAGE 1 sha256={}\n{body}", sha256_hex(body.as_bytes()))).unwrap();
    assert_refused_whole(&a, &path, Text::PackageTooOld);
}
