//! Every acknowledged edit survives SIGKILL. The test binary runs itself as a child that commits edits in a
//! loop and acknowledges each on stdout; the parent kills it mid-stream and checks the file.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use smartcity_workbench::i18n::Text;
use smartcity_workbench::model::{Change, Edit};
use smartcity_workbench::paths::DATA_DIR_ENV;
use smartcity_workbench::seed;

use crate::common::*;

/// Set only in the child: the workbook it commits to.
const CHILD_ENV: &str = "SMARTCITY_KILL_CHILD";
/// The child's test name, as the harness filters it with `--exact`.
const CHILD_TEST: &str = "kill::child_commits_until_killed";
const ACKS_BEFORE_KILL: usize = 40;

fn code(n: usize) -> String {
    format!("K{n}")
}

/// The child: does nothing in a normal test run. With the variable set it adds agency `K{n}` for n = 0, 1, …
/// and prints `ack n` once each commit has returned.
#[test]
fn child_commits_until_killed() {
    let Some(path) = std::env::var_os(CHILD_ENV) else { return };
    let mut session = open(Path::new(&path));
    assert_eq!(session.read_only(), None, "the child edits the workbook");
    let mut out = std::io::stdout().lock();
    for n in 0..100_000 {
        let agency = new_agency(&code(n), &format!("Badan {n}"), session.workbook().next_agency_position());
        commit(&mut session, Edit::one(label(Text::EditAddAgency, &code(n)), Change::PutAgency(agency)));
        writeln!(out, "ack {n}").unwrap();
        out.flush().unwrap();
    }
    panic!("the child was never killed");
}

#[cfg(unix)]
#[test]
fn acknowledged_edits_survive_sigkill() {
    let dir = temp_dir();
    let path = demo_file(dir.path(), "killed.smartcity");
    let data_dir = dir.path().join("data");
    let stderr_path = dir.path().join("child.stderr");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &path)
        .env(DATA_DIR_ENV, &data_dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .spawn()
        .expect("the child starts");

    // Read acknowledgements on a thread, so a stuck child fails the test instead of hanging it.
    let stdout = child.stdout.take().unwrap();
    let (sender, acks) = mpsc::channel::<usize>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            // The harness may print "test … ... " on the same line before the first ack.
            if let Some(at) = line.find("ack ") {
                let _ = sender.send(line[at + 4..].trim().parse().expect("ack number"));
            }
        }
    });
    let mut last = None;
    for expected in 0..ACKS_BEFORE_KILL {
        match acks.recv_timeout(Duration::from_secs(60)) {
            Ok(n) => {
                assert_eq!(n, expected, "acks arrive in order");
                last = Some(n);
            }
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
                panic!("only {expected} acks ({e}); child stderr:\n{stderr}");
            }
        }
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().unwrap();
    assert!(!status.success(), "the child was killed, it did not finish: {status:?}");
    reader.join().unwrap();
    // Acks the child wrote before it died are still in the pipe: they count too.
    last = acks.try_iter().fold(last, |_, n| Some(n));
    let last = last.unwrap();
    assert!(last + 1 >= ACKS_BEFORE_KILL);

    assert!(with_suffix(&path, "-wal").exists(), "the killed child left its WAL: the edits are only there");

    // Keep the files exactly as the crash left them, for the app's own open below.
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    let copy = crashed.join("killed.smartcity");
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let from = with_suffix(&path, suffix);
        if from.exists() {
            std::fs::copy(&from, with_suffix(&copy, suffix)).unwrap();
        }
    }

    // A plain SQLite connection finds a sound file with every acknowledged edit.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let codes = agency_codes(&conn);
    drop(conn);
    for n in 0..=last {
        assert!(codes.contains(&code(n)), "acknowledged agency {} is missing (last ack {last})", code(n));
    }
    let demo = seed::demo_workbook();
    assert!(codes.len() > demo.agencies.len() + last);
    assert!(codes.len() <= demo.agencies.len() + last + 2, "at most one commit after the last ack read");

    // The app opens both the checked file and the untouched crash state, for editing.
    for file in [&path, &copy] {
        let session = open(file);
        assert_eq!(session.read_only(), None, "{}: the dead child's lock is gone", file.display());
        let wb = session.workbook();
        assert!((0..=last).all(|n| wb.agencies.iter().any(|a| a.code == code(n))), "{}", file.display());
        assert_eq!(wb.profile, demo.profile);
        drop(session);
        assert!(sidecars(file).is_empty(), "{}: closed as one file", file.display());
    }
}
