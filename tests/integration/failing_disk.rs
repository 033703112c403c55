//! A failing disk loses nothing (issue 11, item 4): a full file system, a
//! directory that may not be written, saves killed midway — with the real
//! program. A full disk is a small tmpfs (needs root to mount; skipped with the
//! reason printed otherwise).
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::pty::{CTRL_S, Pty};
use crate::two_accounts::{accounts, answer, answer_q1, base, names, team_dir};
use fachmk::store;

/// A tmpfs of `size` mounted on a fresh directory, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700")])
            .arg("tmpfs")
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root)");
            return None;
        }
        Some(Self { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Fills the file system `dir` is on until not a byte more fits.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write as _;
    let filler = dir.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 4096];
    while file.write_all(&block).is_ok() {}
    while file.write_all(&block[..1]).is_ok() {}
    let _ = file.sync_all();
    filler
}

/// Waits until the screen shows `text`, wrapped over lines of a box or not.
fn wait_for_joined(pty: &Pty, text: &str) {
    // Only printable ASCII: borders and what shows beside the box drop out.
    let squeeze = |s: &str| s.chars().filter(char::is_ascii_graphic).collect::<String>();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if squeeze(&pty.contents()).contains(&squeeze(text)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("screen never showed {text:?}:\n{}", pty.contents());
}

/// The bytes of the data file and of each of its backups 1..=5.
fn versions(file: &Path) -> Vec<Vec<u8>> {
    std::iter::once(file.to_owned())
        .chain((1..=5).map(|n| store::backup_path(file, n)))
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

#[test]
fn a_full_disk_keeps_the_file_and_every_backup_and_leaves_no_temporary_file() {
    let Some(disk) = Tmpfs::mount("1m") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let file = disk.path().join("f.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    for n in 1..=5 {
        std::fs::write(store::backup_path(&file, n), format!("Sicherung {n}\n")).unwrap();
    }
    std::fs::write(store::lock::lock_path(&file), "").unwrap();
    let before = versions(&file);
    let mut p = Pty::spawn(
        home.path(),
        &["--file", file.to_str().unwrap(), "--session", "48"],
    );
    p.wait_for("Konferenzen");
    answer_q1(&mut p, "Voll");
    let filler = fill(disk.path());
    for attempt in 0..4 {
        p.send(CTRL_S);
        p.wait_for("kein Platz mehr auf dem Datenträger");
        // The message names the directory.
        wait_for_joined(&p, &format!("im Verzeichnis {}", disk.path().display()));
        assert_eq!(versions(&file), before, "attempt {attempt}");
        assert_eq!(
            names(disk.path()),
            [
                "f.json",
                "f.json.bak",
                "f.json.bak.2",
                "f.json.bak.3",
                "f.json.bak.4",
                "f.json.bak.5",
                "f.json.lock",
                "filler"
            ],
            "attempt {attempt}: no temporary file left"
        );
        p.escape(); // the save-as offer
    }
    // Space again: the save lands, and only now the backups move on.
    std::fs::remove_file(filler).unwrap();
    p.send(CTRL_S);
    p.wait_for("Gespeichert");
    let after = versions(&file);
    assert_eq!(answer(&file, "WMK").as_deref(), Some("Voll"));
    assert_eq!(after[1..], before[..5], "each backup one further");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn an_unwritable_directory_is_named_with_the_real_cause() {
    let Some(accounts) = accounts() else { return };
    let ben = &accounts.ben;
    let base = base();
    let dir = team_dir(base.path(), accounts.team, true);
    let file = dir.join("fachmk.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    std::fs::write(store::backup_path(&file, 1), "Sicherung\n").unwrap();
    let lock = store::lock::lock_path(&file);
    std::fs::write(&lock, "").unwrap();
    for f in [&file, &lock] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o660)).unwrap();
        std::os::unix::fs::chown(f, None, Some(accounts.team)).unwrap();
    }
    // The group may write the file, not the directory.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2750)).unwrap();
    let home = ben.home(base.path());
    let before = std::fs::read(&file).unwrap();
    let mut b = ben.open(&home, &home, &file);
    answer_q1(&mut b, "Ben");
    b.send(CTRL_S);
    b.wait_for("keine Berechtigung");
    wait_for_joined(&b, &format!("im Verzeichnis {}", dir.display()));
    assert!(!b.contents().contains("No such file"), "{}", b.contents());
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(
        std::fs::read(store::backup_path(&file, 1)).unwrap(),
        b"Sicherung\n"
    );
    b.escape();
    b.send("q");
    b.wait_for("Ungespeicherte");
    b.send("d");
    assert_eq!(b.wait_exit(), 0);
}

/// A large data file, so that a save takes long enough to be killed midway.
fn large() -> Vec<u8> {
    let mut data = store::bundled();
    for number in 49..170 {
        let mut s = fachmk::domain::Session::new(
            number,
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            None,
        );
        for c in &data.conferences {
            s.report_mut(&c.id)
                .answers
                .insert("Q1".into(), format!("{number} {}", "x".repeat(1200)));
        }
        data.sessions.push(s);
    }
    store::to_bytes(&data, "x".as_ref()).unwrap()
}

fn leftovers(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".ours.json.") && n.len() == ".ours.json.".len() + 6)
        .filter(|n| n != ".ours.json.backup")
        .collect()
}

#[test]
fn temporary_files_of_killed_saves_are_removed_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let (base_file, ours, theirs) = (
        dir.path().join("base.json"),
        dir.path().join("ours.json"),
        dir.path().join("theirs.json"),
    );
    let old = large();
    let mut new = store::load_bytes(&old, &ours).unwrap().data;
    new.session_mut(48)
        .unwrap()
        .report_mut("IMK")
        .answers
        .insert("Q1".into(), "neu".into());
    std::fs::write(&theirs, store::to_bytes(&new, &ours).unwrap()).unwrap();
    // Saves (by the merge driver) killed at random moments until some were
    // killed while writing their temporary file.
    let mut seed: u64 = 0x5eed;
    let start = Instant::now();
    while leftovers(dir.path()).len() < 2 && start.elapsed() < Duration::from_secs(60) {
        std::fs::write(&base_file, &old).unwrap();
        std::fs::write(&ours, &old).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_fachmk"))
            .arg("merge")
            .args([&base_file, &ours, &theirs])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 300_000));
        let _ = child.kill();
        let _ = child.wait();
    }
    let killed = leftovers(dir.path());
    assert!(!killed.is_empty(), "no save was killed midway in 60 s");
    // Someone's own hidden file of a similar name stays.
    let own = dir.path().join(".ours.json.backup");
    std::fs::write(&own, "meins").unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn(
        home.path(),
        &["--file", ours.to_str().unwrap(), "--session", "48"],
    );
    p.wait_for("Konferenzen");
    answer_q1(&mut p, "danach");
    p.send(CTRL_S);
    p.wait_for("Gespeichert");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(
        leftovers(dir.path()),
        Vec::<String>::new(),
        "were {killed:?}"
    );
    assert_eq!(std::fs::read(&own).unwrap(), b"meins");
    assert_eq!(answer(&ours, "WMK").as_deref(), Some("danach"));
    eprintln!("removed {} temporary files of killed saves", killed.len());
}

#[test]
fn a_read_only_file_system_is_named_as_such() {
    let Some(disk) = Tmpfs::mount("1m") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let file = disk.path().join("f.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    std::fs::write(store::lock::lock_path(&file), "").unwrap();
    let mut p = Pty::spawn(
        home.path(),
        &["--file", file.to_str().unwrap(), "--session", "48"],
    );
    p.wait_for("Konferenzen");
    answer_q1(&mut p, "Nur lesen");
    assert!(
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(disk.path())
            .status()
            .unwrap()
            .success()
    );
    p.send(CTRL_S);
    p.wait_for("Dateisystem nur lesbar");
    // The save's message, not the lock's: the lock works on a read-only descriptor.
    wait_for_joined(&p, "Speichern fehlgeschlagen im Verzeichnis");
    wait_for_joined(&p, &disk.path().display().to_string());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        store::BUNDLED_JSON.as_bytes()
    );
    p.escape();
    p.send("q");
    p.wait_for("Ungespeicherte");
    p.send("d");
    assert_eq!(p.wait_exit(), 0);
}
