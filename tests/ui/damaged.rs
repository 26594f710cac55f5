//! A workbook with forbidden contents opens on the window that lists them, read-only; the repair is asked
//! for, confirmed, applied as one step, and undo takes it back.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use smartcity_workbench::ui::{Command, Startup, View};

use crate::{app, demo_copy};

#[test]
fn a_damaged_workbook_opens_read_only_on_its_problems_and_is_repaired_on_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_copy(dir.path());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let id: String = conn.query_row("SELECT id FROM program ORDER BY position LIMIT 1", [], |r| r.get(0)).unwrap();
    conn.execute("UPDATE program SET start_year = 1990 WHERE id = ?1", [&id]).unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();

    let mut harness = app(Startup::Path(path.clone()), dir.path());
    harness.get_by_label("Isi berkas yang tidak sah");
    harness.get_by_label_contains(&format!("tabel program, baris {id}, kolom start_year"));
    harness.get_by_label_contains(&format!("→ perbaikan: hapus baris {id} dari tabel program"));
    let session = harness.state().session().unwrap();
    assert!(session.damage().is_some() && session.read_only().is_some(), "read-only while damaged");
    let ctx = harness.ctx.clone();
    harness.state_mut().execute(&ctx, Command::Show(View::Programs));
    harness.run();
    assert!(
        harness.get_by_role_and_label(Role::Button, "Tambah program").accesskit_node().is_disabled(),
        "no edit before the repair"
    );
    // Commands disabled in the menus do not run when executed either.
    for command in [Command::AgencyCopy, Command::MergeFrom, Command::ReissueCopy] {
        assert!(!command.enabled(harness.state().session()), "{command:?}");
        harness.state_mut().execute(&ctx, command.clone());
        harness.run();
        assert!(!harness.state().merge_ui().is_open(), "{command:?} opened a dialog on a read-only workbook");
    }

    harness.get_by_role_and_label(Role::Button, "Perbaiki…").click();
    harness.run();
    assert_eq!(std::fs::read(&path).unwrap(), before, "asking is not repairing");
    harness.get_by_role_and_label(Role::Button, "Perbaiki sekarang").click();
    harness.run();

    let session = harness.state().session().unwrap();
    assert!(session.read_only().is_none(), "writable after the repair");
    assert!(session.workbook().programs.iter().all(|p| p.id.to_string() != id));
    assert!(harness.state().status_text().contains("perbaikan diterapkan"), "{}", harness.state().status_text());
    assert!(harness.query_by_label("Isi berkas yang tidak sah").is_none(), "the window closes");

    harness.state_mut().execute(&ctx, Command::Undo);
    harness.run();
    let session = harness.state().session().unwrap();
    assert!(session.damage().is_some(), "undo brings the rows back, and the lock");
}
