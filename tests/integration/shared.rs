//! Several users, dropped connections, crashes: the promises of DESIGN.md §6,
//! proven with real processes and injected faults.
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::pty::{CTRL_S, ENTER, Pty, TAB};
use fachmk::store;

/// A home with a data file made from the bundled dataset.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("gemeinsam.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    (home, file)
}

fn open(home: &Path, file: &Path) -> Pty {
    let pty = Pty::spawn(home, &["--file", file.to_str().unwrap(), "--session", "48"]);
    pty.wait_for("Konferenzen");
    pty
}

fn saved(file: &Path) -> fachmk::domain::Dataset {
    store::load_file(file).unwrap().data
}

fn answer(file: &Path, conference: &str, q: &str) -> Option<String> {
    saved(file)
        .session(48)?
        .report(conference)?
        .answers
        .get(q)
        .cloned()
}

/// Types `text` as the answer to Leitfrage 1 of the selected conference (via the Leitfragen pane).
fn answer_q1(pty: &mut Pty, text: &str) {
    pty.send("\x1b[Z"); // Shift-Tab: the Leitfragen pane
    pty.send(ENTER);
    pty.wait_for("Leitfrage 1");
    pty.send(text);
    pty.escape();
}

#[test]
fn two_processes_editing_different_conferences_both_land() {
    let (home, file) = setup();
    let mut a = open(home.path(), &file);
    let mut b = open(home.path(), &file);
    answer_q1(&mut a, "Antwort von A"); // WMK
    b.send("j"); // IMK
    answer_q1(&mut b, "Antwort von B");
    a.send(CTRL_S);
    a.wait_for("Gespeichert");
    // B notices the other save on its next key, and merges on save.
    b.send("j");
    b.wait_for("von anderen geändert");
    b.send(CTRL_S);
    b.wait_for("Änderungen anderer wurden mit übernommen");
    assert_eq!(answer(&file, "WMK", "Q1").as_deref(), Some("Antwort von A"));
    assert_eq!(answer(&file, "IMK", "Q1").as_deref(), Some("Antwort von B"));
    // A takes B's change in with R, without saving.
    a.send("j");
    a.wait_for("von anderen geändert");
    a.send("R");
    a.wait_for("Änderungen anderer übernommen");
    a.send(TAB); // from the Leitfragen pane back to the conferences
    a.send("j"); // IMK: B's answer is in A's screen
    a.wait_for("Antwort von B");
    a.send("q");
    assert_eq!(a.wait_exit(), 0, "nothing unsaved in A after R");
    b.send("q");
    assert_eq!(b.wait_exit(), 0);
}

#[test]
fn the_same_field_is_a_conflict_and_both_values_are_reachable() {
    let (home, file) = setup();
    let mut a = open(home.path(), &file);
    let mut b = open(home.path(), &file);
    answer_q1(&mut a, "Fassung A");
    answer_q1(&mut b, "Fassung B");
    a.send(CTRL_S);
    a.wait_for("Gespeichert");
    b.send(CTRL_S);
    b.wait_for("Konflikt 1 von 1");
    b.wait_for("Fassung A");
    b.wait_for("Fassung B");
    // Nothing was written while undecided.
    assert_eq!(answer(&file, "WMK", "Q1").as_deref(), Some("Fassung A"));
    b.send("b"); // both
    b.wait_for("Gespeichert");
    assert_eq!(
        answer(&file, "WMK", "Q1").as_deref(),
        Some("Fassung B\n\nFassung A")
    );
    for mut p in [a, b] {
        p.send("q");
        p.wait_exit();
    }
}

#[test]
fn a_hang_up_keeps_typed_text_and_the_next_start_offers_it() {
    let (home, file) = setup();
    let before = std::fs::read(&file).unwrap();
    let mut p = open(home.path(), &file);
    p.send("w");
    p.send("y");
    p.wait_for("Leitfrage 1");
    p.send("Getippt, nie gespeichert – Grüße");
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 128 + 1);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the data file is untouched"
    );
    let recovery_dir = home.path().join("state/fachmk/recovery");
    let entry = std::fs::read_dir(&recovery_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        entry.metadata().unwrap().permissions().mode() & 0o777,
        0o600
    );

    let mut p = open(home.path(), &file);
    p.wait_for("Wiederherstellung");
    p.send("v");
    p.wait_for("48. Sitzung · Bericht WMK");
    p.send("w");
    p.wait_for("wiederhergestellt");
    p.send(CTRL_S);
    p.wait_for("Gespeichert");
    assert_eq!(
        answer(&file, "WMK", "Q1").as_deref(),
        Some("Getippt, nie gespeichert – Grüße")
    );
    p.escape(); // the restore opened the field where the text was typed
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(
        std::fs::read_dir(&recovery_dir).unwrap().count(),
        0,
        "recovery removed after saving"
    );
}

#[test]
fn sigterm_keeps_unsaved_work_and_restores_the_terminal() {
    let (home, file) = setup();
    let mut p = open(home.path(), &file);
    p.send("-"); // WMK: no exchange, unsaved
    p.wait_for("ungespeichert");
    p.signal("TERM");
    assert_eq!(p.wait_exit(), 128 + 15);
    let mut p = open(home.path(), &file);
    p.wait_for("Wiederherstellung");
    p.send("d"); // discard
    p.wait_for("verworfen");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(saved(&file).session(48).unwrap().reports.len(), 0);
}

#[test]
fn quitting_with_unsaved_work_asks_and_typed_text_survives_leaving_a_field() {
    let (home, file) = setup();
    let mut p = open(home.path(), &file);
    answer_q1(&mut p, "Bleibt erhalten");
    p.send("q");
    p.wait_for("Ungespeicherte Änderungen");
    p.send("s");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(
        answer(&file, "WMK", "Q1").as_deref(),
        Some("Bleibt erhalten")
    );
}

/// A large file: the bundled data with many sessions of long answers.
fn large(n: u32, text: &str) -> Vec<u8> {
    let mut data = store::bundled();
    for number in 49..49 + n {
        let mut s = fachmk::domain::Session::new(
            number,
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            None,
        );
        for c in &data.conferences {
            let r = s.report_mut(&c.id);
            for q in &data.guiding_questions {
                r.answers.insert(
                    q.id.clone(),
                    format!("{text} {number} {} {}", c.id, "x".repeat(300)),
                );
            }
        }
        data.sessions.push(s);
    }
    store::to_bytes(&data, "x".as_ref()).unwrap()
}

#[test]
fn kill_9_at_random_moments_during_saves_never_tears_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (large(120, "alt"), large(120, "neu"));
    assert!(old.len() > 2_000_000, "a large file: {} bytes", old.len());
    let (base, ours, theirs) = (
        dir.path().join("base.json"),
        dir.path().join("ours.json"),
        dir.path().join("theirs.json"),
    );
    std::fs::write(&theirs, &new).unwrap();
    let merge = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_fachmk"))
            .args(["merge"])
            .args([&base, &ours, &theirs])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long one whole run takes here; kills then land anywhere in it.
    std::fs::write(&base, &old).unwrap();
    std::fs::write(&ours, &old).unwrap();
    let start = Instant::now();
    assert!(merge().wait().unwrap().success());
    let mut span = u64::try_from(start.elapsed().as_micros()).unwrap();
    assert_eq!(std::fs::read(&ours).unwrap(), new);
    let mut outcomes = [0usize; 2];
    let mut seed: u64 = 0x5eed;
    // 200 rounds for the full run (FACHMK_KILL_ROUNDS=200); fewer by default.
    let rounds: usize = std::env::var("FACHMK_KILL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    // Other tests run beside this one, so one run's time varies: the window the
    // kills are spread over widens after a run of kills that all came too early
    // and narrows after a run that all came too late.
    let mut streak = (0usize, 0usize);
    let mut round = 0;
    while round < rounds || (outcomes.contains(&0) && round < rounds * 5) {
        std::fs::write(&base, &old).unwrap();
        std::fs::write(&ours, &old).unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % (span * 11 / 10).max(1));
        let mut child = merge();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = std::fs::read(&ours).unwrap();
        assert!(
            store::load_bytes(&now, &ours).is_ok(),
            "round {round}: file does not load"
        );
        if now == old {
            outcomes[0] += 1;
            streak = (streak.0 + 1, 0);
        } else {
            assert_eq!(now, new, "round {round}: neither old nor new");
            outcomes[1] += 1;
            streak = (0, streak.1 + 1);
        }
        if streak.0 >= 5 {
            span = span * 3 / 2;
            streak.0 = 0;
        } else if streak.1 >= 5 {
            span = span * 2 / 3;
            streak.1 = 0;
        }
        round += 1;
    }
    // Both outcomes happened, so kills did land in the middle of saves.
    assert!(outcomes[0] > 0 && outcomes[1] > 0, "old/new: {outcomes:?}");
    eprintln!("old/new after kill -9 within {span} µs: {outcomes:?}");
}

#[test]
fn a_held_lock_waits_names_its_holder_and_a_dead_holder_does_not_block() {
    let (_home, file) = setup();
    let lock = store::lock::lock_path(&file);
    std::fs::write(&lock, "anna@server (Prozess 4711)\n").unwrap();
    // Another process holds the lock for a second.
    // `-o`: the lock stays with `flock` itself, not with the command it runs.
    let mut holder = std::process::Command::new("flock")
        .arg("-o")
        .arg(&lock)
        .args(["sleep", "1"])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let err = store::lock::acquire(&file, Duration::from_millis(100)).unwrap_err();
    assert!(err.to_string().contains("anna@server"), "{err}");
    let start = Instant::now();
    let held = store::lock::acquire(&file, Duration::from_secs(5)).unwrap();
    assert!(
        start.elapsed() > Duration::from_millis(300),
        "it waited for the holder"
    );
    // While held it names this process; released, it names nobody.
    let line = std::fs::read_to_string(&lock).unwrap();
    assert!(
        line.contains(&format!("(Prozess {},", std::process::id())),
        "{line}"
    );
    drop(held);
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), "");
    holder.wait().unwrap();
    // A holder killed with -9 leaves no lock behind.
    let mut dead = std::process::Command::new("flock")
        .arg("-o")
        .arg(&lock)
        .args(["sleep", "3"])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    dead.kill().unwrap();
    dead.wait().unwrap();
    let start = Instant::now();
    store::lock::acquire(&file, Duration::from_secs(5)).unwrap();
    assert!(start.elapsed() < Duration::from_millis(200));
}

#[test]
fn a_group_shared_file_in_a_setgid_directory_stays_so() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("gruppe");
    std::fs::create_dir(&shared).unwrap();
    std::os::unix::fs::chown(&shared, None, Some(100)).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let file = shared.join("daten.json");
    std::fs::write(&file, store::BUNDLED_JSON).unwrap();
    std::os::unix::fs::chown(&file, None, Some(100)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o660)).unwrap();
    let (loaded, base) = store::open_file(&file).unwrap();
    let mut data = loaded.data;
    data.session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .answers
        .insert("Q1".into(), "x".into());
    store::sync::save_merging(&file, &base, &data, 5).unwrap();
    let meta = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (meta.permissions().mode() & 0o777, meta.gid()),
        (0o660, 100)
    );
    // The lock file is the group's too: anyone who may save may lock.
    let lock = std::fs::metadata(store::lock::lock_path(&file)).unwrap();
    assert_eq!(
        (lock.permissions().mode() & 0o777, lock.gid()),
        (0o660, 100)
    );
    let backup = std::fs::metadata(store::backup_path(&file, 1)).unwrap();
    assert_eq!(
        (backup.permissions().mode() & 0o777, backup.gid()),
        (0o660, 100)
    );
}

#[test]
fn git_merges_two_branches_that_edited_different_conferences() {
    let repo = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .current_dir(repo.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["config", "user.email", "t@example.org"]);
    git(&["config", "user.name", "t"]);
    git(&["config", "merge.fachmk.name", "fachmk record merge"]);
    let driver = format!("{} merge %O %A %B", env!("CARGO_BIN_EXE_fachmk"));
    git(&["config", "merge.fachmk.driver", &driver]);
    std::fs::write(
        repo.path().join(".gitattributes"),
        "fachmk.json merge=fachmk\n",
    )
    .unwrap();
    let file = repo.path().join("fachmk.json");
    std::fs::write(&file, store::BUNDLED_JSON).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "base"]);
    let edit = |conference: &str, text: &str| {
        let mut data = store::load_file(&file).unwrap().data;
        data.session_mut(48)
            .unwrap()
            .report_mut(conference)
            .answers
            .insert("Q1".into(), text.into());
        std::fs::write(&file, store::to_bytes(&data, &file).unwrap()).unwrap();
    };
    git(&["checkout", "-q", "-b", "buero-a"]);
    edit("WMK", "aus Büro A");
    git(&["commit", "-qam", "A"]);
    git(&["checkout", "-q", "main"]);
    edit("IMK", "aus Büro B");
    git(&["commit", "-qam", "B"]);
    git(&["merge", "-q", "--no-edit", "buero-a"]);
    assert_eq!(answer(&file, "WMK", "Q1").as_deref(), Some("aus Büro A"));
    assert_eq!(answer(&file, "IMK", "Q1").as_deref(), Some("aus Büro B"));
}

#[test]
fn merge_with_conflicts_leaves_them_for_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: Option<&str>| {
        let mut data = store::bundled();
        if let Some(t) = text {
            data.session_mut(48)
                .unwrap()
                .report_mut("WMK")
                .answers
                .insert("Q1".into(), t.into());
        }
        let p = dir.path().join(name);
        std::fs::write(&p, store::to_bytes(&data, &p).unwrap()).unwrap();
        p
    };
    let (base, ours, theirs) = (
        write("b.json", None),
        write("o.json", Some("unsere")),
        write("t.json", Some("ihre")),
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fachmk"))
        .arg("merge")
        .args([&base, &ours, &theirs])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Bericht WMK · Antwort zu Q1"));
    // The screen offers the conflict; taking theirs and saving leaves a clean file.
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(
        home.path(),
        &["--file", ours.to_str().unwrap(), "--session", "48"],
    );
    p.wait_for("Konflikt 1 von 1");
    p.send("t");
    p.wait_for("Konflikte entschieden");
    p.send(CTRL_S);
    p.wait_for("Gespeichert");
    p.send("q");
    p.wait_exit();
    let text = std::fs::read_to_string(&ours).unwrap();
    assert!(!text.contains("merge_conflicts"));
    assert_eq!(answer(&ours, "WMK", "Q1").as_deref(), Some("ihre"));
}

#[test]
fn a_failing_save_offers_save_as_and_loses_nothing() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("verschwindet");
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("daten.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    let mut p = open(home.path(), &file);
    answer_q1(&mut p, "Nicht verlieren");
    std::fs::remove_dir_all(&dir).unwrap(); // the directory is gone: saving there must fail
    p.send(CTRL_S);
    p.wait_for("Speichern unter");
    let elsewhere = home.path().join("gerettet.json");
    // Replace the suggested name with another one.
    p.send("\x1b[H"); // Pos1
    p.send("\x0b"); // Ctrl-K: delete to the end of the line
    p.send(elsewhere.to_str().unwrap());
    p.send(ENTER);
    p.wait_for("Gespeichert");
    assert_eq!(
        answer(&elsewhere, "WMK", "Q1").as_deref(),
        Some("Nicht verlieren")
    );
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_broken_file_shows_why_and_offers_the_newest_backup_read_only() {
    let (home, file) = setup();
    let mut data = store::bundled();
    data.session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .answers
        .insert("Q1".into(), "aus der Sicherung".into());
    std::fs::write(
        store::backup_path(&file, 1),
        store::to_bytes(&data, &file).unwrap(),
    )
    .unwrap();
    let broken = &store::BUNDLED_JSON.as_bytes()[..5000];
    std::fs::write(&file, broken).unwrap();
    let mut p = Pty::spawn(
        home.path(),
        &["--file", file.to_str().unwrap(), "--session", "48"],
    );
    p.wait_for("Datei kann nicht geöffnet werden");
    p.wait_for("abgeschnitten");
    p.send("o");
    p.wait_for("NUR LESEN");
    p.wait_for("aus der Sicherung");
    p.send("-"); // a change is refused
    p.wait_for("Nur lesen");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        broken,
        "the broken file is never written"
    );
}

/// Two windows each create a concern, under the same next number: the one
/// saved first keeps it (the other window's user may already work on it);
/// the second save gives its own the next number and says so.
#[test]
fn concerns_created_in_two_windows_under_one_number_keep_the_first_saved_one() {
    let (home, file) = setup();
    let mut a = open(home.path(), &file);
    let mut b = open(home.path(), &file);
    a.send("a"); // WMK
    a.wait_for("Titel");
    a.send(&format!("von A{ENTER}"));
    a.wait_for("A-0001 angelegt");
    b.send("j"); // IMK
    b.send("a");
    b.wait_for("Titel");
    b.send(&format!("von B{ENTER}"));
    b.wait_for("A-0001 angelegt");
    a.send(CTRL_S);
    a.wait_for("Gespeichert");
    b.send(CTRL_S);
    b.wait_for("heißt jetzt A-0002");
    // B's description field, open on its concern, follows it.
    b.wait_for("Anliegen A-0002: Beschreibung");
    b.send("Details von B");
    b.escape();
    b.send(CTRL_S);
    b.wait_for("Gespeichert");
    let ids: Vec<(String, String)> = saved(&file)
        .concerns
        .iter()
        .map(|c| (c.id.clone(), c.conference.clone()))
        .collect();
    assert_eq!(
        ids,
        [
            ("A-0001".into(), "WMK".into()),
            ("A-0002".into(), "IMK".into())
        ]
    );
    let details: Vec<Option<String>> = saved(&file)
        .concerns
        .iter()
        .map(|c| c.details.clone())
        .collect();
    assert_eq!(details, [None, Some("Details von B".into())]);
    b.send("q");
    assert_eq!(b.wait_exit(), 0, "B has nothing unsaved");
    drop(a);
}

/// Work taken back from a recovery file that conflicts with what a colleague
/// saved meanwhile: leaving the conflicts with Esc offers the work again, and
/// its file stays until the conflicts are decided.
#[test]
fn a_recovery_whose_conflicts_are_left_with_esc_is_offered_again() {
    let (home, file) = setup();
    let mut a = open(home.path(), &file);
    answer_q1(&mut a, "Antwort von A, nie gespeichert");
    a.signal("HUP");
    assert_eq!(a.wait_exit(), 128 + 1);
    // A colleague (another home: A's recovery is not offered to them).
    let colleague = tempfile::tempdir().unwrap();
    let mut b = open(colleague.path(), &file);
    answer_q1(&mut b, "Antwort von B");
    b.send(CTRL_S);
    b.wait_for("Gespeichert");
    b.send("q");
    assert_eq!(b.wait_exit(), 0);
    let recovery_dir = home.path().join("state/fachmk/recovery");
    let files = || std::fs::read_dir(&recovery_dir).unwrap().count();
    assert_eq!(files(), 1);
    let mut a = open(home.path(), &file);
    a.wait_for("Wiederherstellung");
    a.send("w");
    a.wait_for("Konflikt 1 von 1");
    a.escape();
    // Offered again, its file kept; leaving is the user's choice, not an error.
    a.wait_for("Wiederherstellung");
    assert!(!a.contents().contains("Fehler"), "{}", a.contents());
    assert_eq!(files(), 1);
    a.send("w");
    a.wait_for("Konflikt 1 von 1");
    a.send("m"); // mine
    a.wait_for("entschieden");
    a.send(CTRL_S);
    a.wait_for("Gespeichert");
    assert_eq!(
        answer(&file, "WMK", "Q1").as_deref(),
        Some("Antwort von A, nie gespeichert")
    );
    assert_eq!(files(), 0, "taken, decided and saved: the file is gone");
}

/// A colleague's save shows in an idle window, without a key pressed there.
#[test]
fn an_idle_window_notices_a_colleagues_save() {
    let (home, file) = setup();
    let mut a = open(home.path(), &file);
    let b = open(home.path(), &file);
    answer_q1(&mut a, "Antwort von A");
    a.send(CTRL_S);
    a.wait_for("Gespeichert");
    let started = Instant::now();
    b.wait_for("von anderen geändert");
    assert!(started.elapsed() < Duration::from_secs(5));
}
