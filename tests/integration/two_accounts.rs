//! Two real accounts in one group on one data file, as the README's "On a
//! shared server" set-up has it (issue 11, items 1 and 2). The tests create the
//! accounts `fachmk-a1-anna` and `fachmk-a1-ben` (members of `fachmk-a1-team`,
//! each with an own primary group) and the group `fachmk-a1-other`, and run the
//! real program in a pseudo-terminal as each of them (`setpriv`). Creating
//! accounts needs root (CI runs as root); elsewhere these tests print why they
//! are skipped and pass.
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::common::pty::{CTRL_S, ENTER, Pty};
use fachmk::store;

pub const TEAM: &str = "fachmk-a1-team";
pub const OTHER: &str = "fachmk-a1-other";

/// A Unix account the tests act as.
#[derive(Debug)]
pub struct Account {
    pub name: &'static str,
    pub uid: u32,
    pub gid: u32,
}

#[derive(Debug)]
pub struct Accounts {
    pub anna: Account,
    pub ben: Account,
    /// The group both are in.
    pub team: u32,
    /// A group neither is in.
    pub other: u32,
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").unwrap().uid() == 0
}

fn run(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn group(name: &str) -> Option<u32> {
    run("groupadd", &["-f", name]);
    run("getent", &["group", name])?
        .split(':')
        .nth(2)?
        .parse()
        .ok()
}

fn account(name: &'static str) -> Option<Account> {
    if run("id", &["-u", name]).is_none() {
        // Another test process may create it at the same moment: checked again below.
        run(
            "useradd",
            &["-M", "-U", "-G", TEAM, "-s", "/usr/sbin/nologin", name],
        );
    }
    Some(Account {
        name,
        uid: run("id", &["-u", name])?.parse().ok()?,
        gid: run("id", &["-g", name])?.parse().ok()?,
    })
}

/// The two accounts, created once (idempotent); `None` (with the reason
/// printed) where that is not possible.
pub fn accounts() -> Option<&'static Accounts> {
    static ACCOUNTS: OnceLock<Option<Accounts>> = OnceLock::new();
    let accounts = ACCOUNTS.get_or_init(|| {
        if !is_root() {
            return None;
        }
        Some(Accounts {
            team: group(TEAM)?,
            other: group(OTHER)?,
            anna: account("fachmk-a1-anna")?,
            ben: account("fachmk-a1-ben")?,
        })
    });
    if accounts.is_none() {
        eprintln!(
            "skipped: acting as two accounts needs root (to create them with useradd and switch with setpriv)"
        );
    }
    accounts.as_ref()
}

impl Account {
    /// The command prefix that runs a program as this account, with its groups.
    pub fn wrapper(&self) -> Vec<String> {
        vec![
            "setpriv".into(),
            format!("--reuid={}", self.uid),
            format!("--regid={}", self.gid),
            "--init-groups".into(),
            "--".into(),
        ]
    }

    /// Runs `program args` as this account; true when it succeeded.
    pub fn sh(&self, program: &str, args: &[&str]) -> bool {
        let wrapper = self.wrapper();
        Command::new(&wrapper[0])
            .args(&wrapper[1..])
            .arg(program)
            .args(args)
            .env("HOME", "/")
            .env("FACHMK_LOG", "off")
            .status()
            .unwrap()
            .success()
    }

    /// A private home for this account below `base`.
    pub fn home(&self, base: &Path) -> PathBuf {
        let home = base.join(self.name);
        std::fs::create_dir(&home).unwrap();
        std::os::unix::fs::chown(&home, Some(self.uid), Some(self.gid)).unwrap();
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).unwrap();
        home
    }

    /// The program on `file` in a terminal, as this account, working in `cwd`.
    pub fn open(&self, home: &Path, cwd: &Path, file: &Path) -> Pty {
        let wrapper = self.wrapper();
        let wrapper: Vec<&str> = wrapper.iter().map(String::as_str).collect();
        let pty = Pty::spawn_as(
            &wrapper,
            home,
            cwd,
            &["--file", file.to_str().unwrap(), "--session", "48"],
            &[("USER", self.name), ("LOGNAME", self.name)],
        );
        pty.wait_for("Konferenzen");
        pty
    }
}

/// A base directory everyone may pass through (a temporary directory is 0700).
pub fn base() -> tempfile::TempDir {
    let base = tempfile::tempdir().unwrap();
    std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    base
}

/// The team's directory: group `gid`, group-writable, setgid if asked.
pub fn team_dir(base: &Path, gid: u32, setgid: bool) -> PathBuf {
    let dir = base.join("team");
    std::fs::create_dir(&dir).unwrap();
    std::os::unix::fs::chown(&dir, None, Some(gid)).unwrap();
    let mode = if setgid { 0o2770 } else { 0o770 };
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)).unwrap();
    dir
}

/// The README's set-up, done by `anna`: `fachmk init FILE && chmod 660 FILE`
/// (and `chgrp` where the directory is not setgid).
pub fn init_as(anna: &Account, file: &Path, setgid: bool) {
    let exe = env!("CARGO_BIN_EXE_fachmk");
    assert!(anna.sh(exe, &["init", file.to_str().unwrap()]));
    if !setgid {
        assert!(anna.sh("chgrp", &[TEAM, file.to_str().unwrap()]));
    }
    assert!(anna.sh("chmod", &["660", file.to_str().unwrap()]));
}

/// Types `text` as the answer to Leitfrage 1 of the selected conference.
pub fn answer_q1(pty: &mut Pty, text: &str) {
    pty.send("\x1b[Z"); // Shift-Tab: the Leitfragen pane
    pty.send(ENTER);
    pty.wait_for("Leitfrage 1");
    pty.send(text);
    pty.escape();
}

pub fn answer(file: &Path, conference: &str) -> Option<String> {
    store::load_file(file)
        .unwrap()
        .data
        .session(48)?
        .report(conference)?
        .answers
        .get("Q1")
        .cloned()
}

fn mode_and_group(path: &Path) -> (u32, u32) {
    let meta = std::fs::metadata(path).unwrap();
    (meta.mode() & 0o7777, meta.gid())
}

/// The names in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn two_accounts_in_one_group_both_save_with_and_without_a_setgid_directory() {
    let Some(accounts) = accounts() else { return };
    let (anna, ben) = (&accounts.anna, &accounts.ben);
    for setgid in [true, false] {
        let base = base();
        let dir = team_dir(base.path(), accounts.team, setgid);
        let (home_a, home_b) = (anna.home(base.path()), ben.home(base.path()));
        // A state directory left open to others is made private (0700).
        std::fs::create_dir_all(home_b.join("state/fachmk")).unwrap();
        for d in ["state", "state/fachmk"] {
            std::os::unix::fs::chown(home_b.join(d), Some(ben.uid), Some(ben.gid)).unwrap();
        }
        std::fs::set_permissions(
            home_b.join("state/fachmk"),
            std::fs::Permissions::from_mode(0o755),
        )
        .unwrap();
        let file = dir.join("fachmk.json");
        init_as(anna, &file, setgid);

        let mut a = anna.open(&home_a, &home_a, &file);
        answer_q1(&mut a, "Anna war da");
        a.send(CTRL_S);
        a.wait_for("Gespeichert");
        a.send("q");
        assert_eq!(a.wait_exit(), 0, "{}", a.contents());

        // Ben saves through the lock file Anna created.
        let mut b = ben.open(&home_b, &home_b, &file);
        b.send("j"); // the second conference, IMK
        answer_q1(&mut b, "Ben auch");
        b.send(CTRL_S);
        b.wait_for("Gespeichert");
        b.send("q");
        assert_eq!(b.wait_exit(), 0, "{}", b.contents());

        // And Anna once more, after Ben.
        let mut a = anna.open(&home_a, &home_a, &file);
        a.send("jj"); // FMK
        answer_q1(&mut a, "Anna wieder");
        a.send(CTRL_S);
        a.wait_for("Gespeichert");
        a.send("q");
        assert_eq!(a.wait_exit(), 0, "{}", a.contents());

        let what = if setgid { "setgid" } else { "no setgid" };
        assert_eq!(
            answer(&file, "WMK").as_deref(),
            Some("Anna war da"),
            "{what}"
        );
        assert_eq!(answer(&file, "IMK").as_deref(), Some("Ben auch"), "{what}");
        assert_eq!(
            answer(&file, "FMK").as_deref(),
            Some("Anna wieder"),
            "{what}"
        );
        let team = accounts.team;
        assert_eq!(mode_and_group(&file), (0o660, team), "{what}");
        let lock = store::lock::lock_path(&file);
        assert_eq!(mode_and_group(&lock), (0o660, team), "lock, {what}");
        assert_eq!(std::fs::metadata(&lock).unwrap().uid(), anna.uid);
        for n in 1..=3 {
            let backup = store::backup_path(&file, n);
            assert_eq!(mode_and_group(&backup), (0o660, team), "{n}, {what}");
        }
        assert_eq!(
            names(&dir),
            [
                "fachmk.json",
                "fachmk.json.bak",
                "fachmk.json.bak.2",
                "fachmk.json.bak.3",
                "fachmk.json.lock"
            ],
            "no temporary file left, {what}"
        );
        assert_eq!(mode_and_group(&home_b.join("state/fachmk")).0, 0o700);
    }
}

#[test]
fn a_read_only_file_is_not_replaced_and_save_as_is_offered() {
    // No second account needed: 0444 holds for root too.
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("fachmk.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let mut p = Pty::spawn(
        home.path(),
        &["--file", file.to_str().unwrap(), "--session", "48"],
    );
    p.wait_for("Konferenzen");
    answer_q1(&mut p, "Nicht ohne Frage");
    p.send(CTRL_S);
    p.wait_for("schreibgeschützt");
    p.wait_for("Speichern unter");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        store::BUNDLED_JSON.as_bytes()
    );
    assert_eq!(mode_and_group(&file).0, 0o444);
    assert!(!store::backup_path(&file, 1).exists());
    p.escape(); // no save-as
    p.send("q");
    p.wait_for("Ungespeicherte");
    p.send("d");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_member_outside_the_files_group_is_told_and_nothing_changes() {
    let Some(accounts) = accounts() else { return };
    let ben = &accounts.ben;
    let base = base();
    let dir = team_dir(base.path(), accounts.team, false);
    let file = dir.join("fachmk.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    // Writable for Ben, but of a group he is not in.
    std::os::unix::fs::chown(&file, None, Some(accounts.other)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
    let home = ben.home(base.path());
    let mut b = ben.open(&home, &home, &file);
    answer_q1(&mut b, "Ben");
    b.send(CTRL_S);
    b.wait_for("in der Sie nicht sind");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        store::BUNDLED_JSON.as_bytes()
    );
    assert_eq!(mode_and_group(&file), (0o666, accounts.other));
    assert_eq!(names(&dir), ["fachmk.json", "fachmk.json.lock"]);
    b.escape();
    b.send("q");
    b.wait_for("Ungespeicherte");
    b.send("d");
    assert_eq!(b.wait_exit(), 0);
}

#[test]
fn save_as_after_a_failed_save_proposes_a_directory_the_account_may_write() {
    let Some(accounts) = accounts() else { return };
    let ben = &accounts.ben;
    let base = base();
    // Ben's file in a directory of root's that Ben may not write: no lock, no
    // temporary file can be made there, so "save as" beside it would fail again.
    let dir = base.path().join("fremd");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let file = dir.join("fachmk.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    std::os::unix::fs::chown(&file, Some(ben.uid), Some(ben.gid)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let home = ben.home(base.path());
    let mut b = ben.open(&home, &home, &file);
    answer_q1(&mut b, "Ben");
    b.send(CTRL_S);
    b.wait_for("Speichern unter");
    let proposed = home.join("fachmk.neu.json");
    b.wait_for(proposed.to_str().unwrap());
    b.send(ENTER);
    b.wait_for("Gespeichert");
    assert_eq!(answer(&proposed, "WMK").as_deref(), Some("Ben"));
    assert_eq!(names(&dir), ["fachmk.json"]);
    b.send("q");
    assert_eq!(b.wait_exit(), 0);
}

#[test]
fn links_planted_by_a_colleague_are_not_written_through() {
    let Some(accounts) = accounts() else { return };
    let (anna, ben) = (&accounts.anna, &accounts.ben);
    let base = base();
    let dir = team_dir(base.path(), accounts.team, true);
    let file = dir.join("fachmk.json");
    init_as(anna, &file, true);
    let home_a = anna.home(base.path());
    let secret = home_a.join("geheim.txt");
    std::fs::write(&secret, "nur für Anna\n").unwrap();
    std::os::unix::fs::chown(&secret, Some(anna.uid), Some(anna.gid)).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    // Ben plants links to Anna's private file at the lock and at the export's name.
    let lock = store::lock::lock_path(&file);
    let export = dir.join("tischvorlage-48.md");
    for at in [&lock, &export] {
        assert!(ben.sh(
            "ln",
            &["-s", secret.to_str().unwrap(), at.to_str().unwrap()]
        ));
    }
    let before = std::fs::read(&file).unwrap();

    // Anna works in the team directory.
    let mut a = anna.open(&home_a, &dir, &file);
    answer_q1(&mut a, "Anna");
    a.send(CTRL_S);
    a.wait_for("keine gewöhnliche Datei");
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "nur für Anna\n");
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing saved");
    a.escape(); // the save-as offer

    // Once the link is gone, saving works.
    assert!(ben.sh("rm", &[lock.to_str().unwrap()]));
    a.send(CTRL_S);
    a.wait_for("Gespeichert");
    assert_eq!(answer(&file, "WMK").as_deref(), Some("Anna"));

    // The export asks before replacing what is there, and says it is a link.
    a.send("r");
    a.wait_for("Übersicht");
    a.send("x");
    a.send(ENTER); // the suggested name
    a.wait_for("gibt es schon");
    a.wait_for("ein Link");
    a.escape();
    a.wait_for("Nicht exportiert");
    assert!(std::fs::symlink_metadata(&export).unwrap().is_symlink());
    a.send("x");
    a.send(ENTER);
    a.wait_for("gibt es schon");
    a.send("j");
    a.wait_for("Exportiert nach");
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "nur für Anna\n");
    let meta = std::fs::symlink_metadata(&export).unwrap();
    assert!(meta.is_file(), "the link was replaced by the export");
    assert_eq!(meta.uid(), anna.uid);
    assert!(
        std::fs::read_to_string(&export)
            .unwrap()
            .starts_with("IT-Planungsrat · 48. Sitzung")
    );
    a.escape();
    a.send("q");
    assert_eq!(a.wait_exit(), 0, "{}", a.contents());
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "nur für Anna\n");
}

#[test]
fn a_lock_file_of_a_colleague_is_usable_even_read_only() {
    let Some(accounts) = accounts() else { return };
    let (anna, ben) = (&accounts.anna, &accounts.ben);
    let base = base();
    let dir = team_dir(base.path(), accounts.team, true);
    let file = dir.join("fachmk.json");
    init_as(anna, &file, true);
    // Anna's lock file, readable but not writable for the group.
    let lock = store::lock::lock_path(&file);
    std::fs::write(&lock, "anna@server (Prozess 1)\n").unwrap();
    std::os::unix::fs::chown(&lock, Some(anna.uid), Some(accounts.team)).unwrap();
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o640)).unwrap();
    let home = ben.home(base.path());
    let mut b = ben.open(&home, &home, &file);
    answer_q1(&mut b, "Ben");
    b.send(CTRL_S);
    b.wait_for("Gespeichert");
    b.send("q");
    assert_eq!(b.wait_exit(), 0);
    assert_eq!(answer(&file, "WMK").as_deref(), Some("Ben"));
    assert_eq!(
        std::fs::read_to_string(&lock).unwrap(),
        "anna@server (Prozess 1)\n",
        "not Ben's to write"
    );
    // One an older fachmk made private (0600): Ben is told whose it is and
    // what to do; deleted once, it is made anew for the group.
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o600)).unwrap();
    let before = std::fs::read(&file).unwrap();
    let mut b = ben.open(&home, &home, &file);
    b.send("j"); // IMK
    answer_q1(&mut b, "Ben wieder");
    b.send(CTRL_S);
    b.wait_for("Die Sperrdatei gehört");
    b.wait_for("einmal löschen");
    let squeezed: String = b
        .contents()
        .chars()
        .filter(char::is_ascii_graphic)
        .collect();
    assert!(
        squeezed.contains("Benutzerfachmk-a1-anna"),
        "{}",
        b.contents()
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    b.escape();
    assert!(ben.sh("rm", &["-f", lock.to_str().unwrap()]));
    b.send(CTRL_S);
    b.wait_for("Gespeichert");
    b.send("q");
    assert_eq!(b.wait_exit(), 0);
    assert_eq!(answer(&file, "IMK").as_deref(), Some("Ben wieder"));
    assert_eq!(mode_and_group(&lock), (0o660, accounts.team));
}

#[test]
fn demo_keeps_its_file_in_a_private_directory() {
    let home = tempfile::tempdir().unwrap();
    let tmp = home.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let mut p = Pty::spawn_with_env(
        home.path(),
        &["demo", "--sessions", "2", "--concerns", "10"],
        &[("TMPDIR", tmp.to_str().unwrap())],
    );
    p.wait_for("Konferenzen");
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    let dirs = names(&tmp);
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    assert!(dirs[0].starts_with("fachmk-demo-"), "{dirs:?}");
    assert_ne!(
        dirs[0],
        format!("fachmk-demo-{}", p.pid()),
        "not predictable"
    );
    let dir = tmp.join(&dirs[0]);
    assert_eq!(mode_and_group(&dir).0, 0o700);
    assert_eq!(names(&dir), ["fachmk-demo.json"]);
}

#[test]
fn a_lock_file_planted_as_a_link_a_fifo_a_directory_or_a_hard_link_is_never_written() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fachmk.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    let lock = store::lock::lock_path(&file);
    let victim = dir.path().join("privat.txt");
    std::fs::write(&victim, "privat\n").unwrap();
    // A symbolic link: refused, its target untouched.
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    let err = store::lock::acquire(&file, Duration::from_millis(100)).unwrap_err();
    assert!(
        matches!(err, store::lock::LockError::NotRegular { .. }),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "privat\n");
    // A FIFO: refused at once, without blocking.
    std::fs::remove_file(&lock).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(&lock)
            .status()
            .unwrap()
            .success()
    );
    let start = Instant::now();
    let err = store::lock::acquire(&file, Duration::from_millis(100)).unwrap_err();
    assert!(
        matches!(err, store::lock::LockError::NotRegular { .. }),
        "{err}"
    );
    assert!(start.elapsed() < Duration::from_secs(1));
    // A directory: refused.
    std::fs::remove_file(&lock).unwrap();
    std::fs::create_dir(&lock).unwrap();
    let err = store::lock::acquire(&file, Duration::from_millis(100)).unwrap_err();
    assert!(
        matches!(err, store::lock::LockError::NotRegular { .. }),
        "{err}"
    );
    std::fs::remove_dir(&lock).unwrap();
    // A hard link to someone's file: locked, never truncated or written.
    std::fs::hard_link(&victim, &lock).unwrap();
    let held = store::lock::acquire(&file, Duration::from_millis(100)).unwrap();
    drop(held);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "privat\n");
}

#[test]
fn a_data_file_that_became_a_link_since_opening_is_not_saved() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("fachmk.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    let mut p = Pty::spawn(
        home.path(),
        &["--file", file.to_str().unwrap(), "--session", "48"],
    );
    p.wait_for("Konferenzen");
    answer_q1(&mut p, "Nicht dorthin");
    // Meanwhile someone puts a link to another file (same content) in its place.
    let elsewhere = home.path().join("woanders.json");
    std::fs::rename(&file, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
    p.send(CTRL_S);
    p.wait_for("seit dem Öffnen ein Link");
    p.wait_for("Speichern unter");
    assert_eq!(
        std::fs::read(&elsewhere).unwrap(),
        store::BUNDLED_JSON.as_bytes()
    );
    assert!(std::fs::symlink_metadata(&file).unwrap().is_symlink());
    p.escape();
    p.send("q");
    p.wait_for("Ungespeicherte");
    p.send("d");
    assert_eq!(p.wait_exit(), 0);
}
