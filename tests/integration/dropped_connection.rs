//! A dropped connection loses nothing more (issue 11, item 5), with the real
//! binary in a pseudo-terminal: text in the user's own editor survives a
//! hang-up, every window keeps its own recovery, a restore lands where the
//! text was typed, an unwritable state directory is said once on the screen,
//! a terminal that hangs up without a signal ends the program, and Ctrl-Z
//! suspends like vim.
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::pty::{CTRL_S, ENTER, Pty};
use fachmk::domain::ReportStatus;
use fachmk::store;

const BIN: &str = env!("CARGO_BIN_EXE_fachmk");

fn setup() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("gemeinsam.json");
    store::write_new(&file, store::BUNDLED_JSON.as_bytes()).unwrap();
    (home, file)
}

fn open_with(home: &Path, file: &Path, env: &[(&str, &str)]) -> Pty {
    let pty = Pty::spawn_with_env(
        home,
        &["--file", file.to_str().unwrap(), "--session", "48"],
        env,
    );
    pty.wait_for("Konferenzen");
    pty
}

fn recovery_dir(home: &Path) -> PathBuf {
    home.join("state/fachmk/recovery")
}

fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == extension))
                .collect()
        })
        .unwrap_or_default()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(10), "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn report(file: &Path, conference: &str) -> fachmk::domain::Report {
    let data = store::load_file(file).unwrap().data;
    data.session(48)
        .unwrap()
        .report(conference)
        .unwrap()
        .clone()
}

/// Types `text` as the answer to Leitfrage 1 of the selected conference.
fn answer_q1(pty: &mut Pty, text: &str) {
    pty.send("\x1b[Z"); // Shift-Tab: the Leitfragen pane
    pty.send(ENTER);
    pty.wait_for("Leitfrage 1");
    pty.send(text);
    pty.escape();
    pty.send("\t"); // back to the conferences
}

#[test]
fn a_hang_up_with_the_editor_open_keeps_its_text_and_the_restore_lands_there() {
    let (home, file) = setup();
    let before = std::fs::read(&file).unwrap();
    // A stand-in for $EDITOR: writes its text into the file, then stays open.
    let editor = home.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Im Editor getippt – Grüße\\n' > \"$1\"\nexec sleep 20\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut p = open_with(home.path(), &file, &[("EDITOR", editor.to_str().unwrap())]);
    p.send("j"); // IMK
    p.send("\x1b[Z"); // the Leitfragen pane
    p.send("j"); // Leitfrage 2
    p.send("e"); // the user's own editor
    let dir = recovery_dir(home.path());
    wait_until(
        "the editor wrote its text into the recovery directory",
        || {
            files_in(&dir, "txt")
                .iter()
                .any(|f| std::fs::read_to_string(f).is_ok_and(|t| t.contains("Im Editor getippt")))
        },
    );
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "the recovery directory is private");
    assert_eq!(mode(&files_in(&dir, "txt")[0]), 0o600);
    assert_eq!(
        files_in(&dir, "json").len(),
        1,
        "written before the editor opened"
    );

    p.signal("HUP");
    assert_eq!(p.wait_exit(), 128 + 1);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the data file is untouched"
    );

    let mut p = open_with(home.path(), &file, &[]);
    p.wait_for("Wiederherstellung");
    p.send("w");
    p.wait_for("wiederhergestellt");
    // Landed at the field: IMK, Leitfrage 2, open, with the editor's text.
    p.wait_for("Leitfrage 2:");
    p.wait_for("Im Editor getippt – Grüße");
    p.escape();
    assert!(p.contents().contains("IMK   Entwurf"), "{}", p.contents());
    p.send(CTRL_S);
    p.wait_for("Gespeichert");
    let imk = report(&file, "IMK");
    assert_eq!(
        imk.answers.get("Q2").map(String::as_str),
        Some("Im Editor getippt – Grüße")
    );
    assert_eq!(
        imk.status,
        ReportStatus::Draft,
        "a restore counts as an edit"
    );
    assert_eq!(imk.updated_by.as_deref(), Some("e2e"));
    assert!(imk.updated_at.is_some());
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "recovery and scratch file removed after saving"
    );
}

#[test]
fn two_windows_keep_their_own_recovery_and_both_are_offered_newest_first() {
    let (home, file) = setup();
    let dir = recovery_dir(home.path());
    let mut a = open_with(home.path(), &file, &[]);
    let mut b = open_with(home.path(), &file, &[]);
    answer_q1(&mut a, "Fenster A"); // WMK
    b.send("j"); // IMK
    answer_q1(&mut b, "Fenster B");
    wait_until("both windows wrote a recovery", || {
        files_in(&dir, "json").len() == 2
    });
    // A save in one window leaves the other's unsaved work alone.
    a.send(CTRL_S);
    a.wait_for("Gespeichert");
    assert_eq!(
        files_in(&dir, "json").len(),
        1,
        "B's recovery is still there"
    );
    a.send("j");
    a.send("j"); // FMK in A: another unsaved change
    answer_q1(&mut a, "Fenster A, nach dem Speichern");
    wait_until("A wrote its recovery again", || {
        files_in(&dir, "json").len() == 2
    });
    // A double hang-up keeps both.
    b.signal("HUP");
    assert_eq!(b.wait_exit(), 129);
    std::thread::sleep(Duration::from_millis(1100)); // A's is a second newer
    a.signal("HUP");
    assert_eq!(a.wait_exit(), 129);
    assert_eq!(files_in(&dir, "json").len(), 2);

    let mut c = open_with(home.path(), &file, &[]);
    c.wait_for("Fenster 1 von 2");
    c.send("v"); // what it changes: A's (the newest) first
    c.wait_for("Bericht FMK");
    assert!(!c.contents().contains("Bericht IMK"), "{}", c.contents());
    c.send("w");
    c.wait_for("Fenster 2 von 2");
    c.send("v");
    c.wait_for("Bericht IMK");
    c.send("w");
    c.wait_for("wiederhergestellt");
    c.send(CTRL_S);
    c.wait_for("Gespeichert");
    let q1 = |conference| report(&file, conference).answers.get("Q1").cloned();
    assert_eq!(q1("WMK").as_deref(), Some("Fenster A"));
    assert_eq!(q1("IMK").as_deref(), Some("Fenster B"));
    assert_eq!(q1("FMK").as_deref(), Some("Fenster A, nach dem Speichern"));
    c.send("q");
    assert_eq!(c.wait_exit(), 0);
    assert_eq!(files_in(&dir, "json").len(), 0);
}

#[test]
fn an_unwritable_state_directory_is_said_once_on_the_screen_and_nothing_prints_raw() {
    let (home, file) = setup();
    // Root can write anywhere: a file where the directory should be stops everyone.
    std::fs::write(home.path().join("state"), "kein Verzeichnis").unwrap();
    let mut p = open_with(home.path(), &file, &[]);
    p.wait_for("Wiederherstellung aus");
    p.send("-"); // unsaved work: the recovery would be due now
    std::thread::sleep(Duration::from_millis(500));
    p.send("j");
    let screen = p.contents();
    assert!(
        screen.matches("Wiederherstellung aus").count() <= 1,
        "{screen}"
    );
    p.send("q");
    p.wait_for("Ungespeicherte Änderungen");
    p.send("d");
    assert_eq!(p.wait_exit(), 0);
    let output = p.output();
    let enter = output.windows(8).position(|w| w == b"\x1b[?1049h").unwrap();
    assert!(
        output[..enter]
            .iter()
            .all(|b| *b == 0x1b || !b.is_ascii_graphic()),
        "printed before the screen: {:?}",
        String::from_utf8_lossy(&output[..enter])
    );
    let text = String::from_utf8_lossy(&output);
    for raw in ["Protokoll", "tracing", "rror:"] {
        assert!(!text.contains(raw), "{raw:?} printed raw: {text:?}");
    }
}

/// The CPU time (user + system, in clock ticks) of a process, and whether it
/// still runs (a zombie does not).
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
    if fields[0] == "Z" {
        return None;
    }
    Some(fields[11].parse::<u64>().ok()? + fields[12].parse::<u64>().ok()?)
}

fn children(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .map(|p| p.parse().unwrap())
        .collect()
}

/// A terminal of our own, not the controlling one of fachmk (so no SIGHUP
/// reaches it): closing its master side hangs it up, and from then on a read
/// returns end of input.
struct BareTerminal {
    output: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    close: std::sync::Arc<std::sync::atomic::AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl BareTerminal {
    fn open() -> (Self, std::fs::File) {
        use rustix::pty::OpenptFlags;
        use std::os::unix::fs::OpenOptionsExt as _;
        use std::sync::atomic::Ordering;
        let master =
            rustix::pty::openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
                .unwrap();
        rustix::pty::grantpt(&master).unwrap();
        rustix::pty::unlockpt(&master).unwrap();
        let name = rustix::pty::ptsname(&master, Vec::new()).unwrap();
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(rustix::fs::OFlags::NOCTTY.bits().cast_signed())
            .open(name.to_str().unwrap())
            .unwrap();
        let size = rustix::termios::Winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        rustix::termios::tcsetwinsize(&master, size).unwrap();
        let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let close = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (sink, stop) = (
            std::sync::Arc::clone(&output),
            std::sync::Arc::clone(&close),
        );
        // The only holder of the master side: it is closed when this ends.
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                let mut fds = [rustix::event::PollFd::new(
                    &master,
                    rustix::event::PollFlags::IN,
                )];
                let timeout = rustix::event::Timespec {
                    tv_sec: 0,
                    tv_nsec: 20_000_000,
                };
                if rustix::event::poll(&mut fds, Some(&timeout)).unwrap_or(0) == 0 {
                    continue;
                }
                match rustix::io::read(&master, &mut buf) {
                    Ok(n) if n > 0 => sink.lock().unwrap().extend_from_slice(&buf[..n]),
                    _ => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        let terminal = Self {
            output,
            close,
            reader: Some(reader),
        };
        (terminal, slave)
    }

    fn shows(&self, text: &str) -> bool {
        String::from_utf8_lossy(&self.output.lock().unwrap()).contains(text)
    }

    fn hang_up(&mut self) {
        self.close.store(true, std::sync::atomic::Ordering::SeqCst);
        self.reader.take().unwrap().join().unwrap();
    }
}

#[test]
fn a_terminal_that_hangs_up_without_a_signal_ends_the_program_without_spinning() {
    let (home, file) = setup();
    let (mut terminal, slave) = BareTerminal::open();
    let h = home.path();
    let mut child = std::process::Command::new(BIN)
        .args(["--file", file.to_str().unwrap(), "--session", "48"])
        .env_clear()
        .env("HOME", h)
        .env("XDG_DATA_HOME", h.join("data"))
        .env("XDG_STATE_HOME", h.join("state"))
        .env("XDG_CONFIG_HOME", h.join("config"))
        .env("TERM", "xterm-256color")
        .env("USER", "e2e")
        .stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave)
        .spawn()
        .unwrap();
    wait_until("the screen", || terminal.shows("Konferenzen"));
    let pid = child.id();
    let before = cpu_ticks(pid).unwrap();
    terminal.hang_up();
    let start = Instant::now();
    let mut ticks = before;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        ticks = cpu_ticks(pid).unwrap_or(ticks);
        if start.elapsed() > Duration::from_secs(5) {
            child.kill().unwrap();
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "still running 5 s after the hang-up, {} ticks of CPU since",
            ticks - before
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    println!(
        "ended {:?} after the hang-up, {} clock ticks of CPU since",
        start.elapsed(),
        ticks - before
    );
    assert_eq!(status.code(), Some(129), "ends as on a hang-up");
    assert!(
        ticks - before < 20,
        "{} ticks of CPU: it spun",
        ticks - before
    );
    let log = std::fs::read_to_string(h.join("state/fachmk/fachmk.log")).unwrap();
    assert!(log.contains("the terminal hung up"), "{log}");
    assert!(!log.contains("panicked"), "{log}");
}

fn state_of(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    stat[stat.rfind(')').unwrap() + 2..].chars().next().unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn ctrl_z_and_sigtstp_suspend_like_vim_and_fg_redraws() {
    if !Path::new("/bin/bash").exists() {
        println!("skipped: no /bin/bash for a shell with job control");
        return;
    }
    let (home, file) = setup();
    let mut p = Pty::spawn_program(
        home.path(),
        "/bin/bash",
        &["--norc", "--noprofile", "-i"],
        &[("PS1", "$ ")],
    );
    p.wait_for("$ ");
    p.send(&format!("{BIN} --file {} --session 48\r", file.display()));
    p.wait_for("Konferenzen");
    let fachmk = children(p.pid())[0];
    for (how, stop) in [("Ctrl-Z", true), ("SIGTSTP", false)] {
        let mark = p.output().len();
        if stop {
            p.send("\x1a");
        } else {
            std::process::Command::new("kill")
                .args(["-TSTP", &fachmk.to_string()])
                .status()
                .unwrap();
        }
        p.wait_for("Stopped");
        wait_until("stopped", || state_of(fachmk) == 'T');
        let after = &p.output()[mark..];
        assert!(
            contains(after, b"\x1b[?1049l"),
            "{how}: alternate screen left"
        );
        assert!(contains(after, b"\x1b[?25h"), "{how}: cursor shown");
        p.send("clear; fg\r");
        p.wait_for("Konferenzen");
        p.wait_for("q Ende"); // the whole screen, footer too
        assert!(!p.contents().contains("Stopped"), "{how}: redrawn");
        // Raw mode again: one key acts at once, without Enter.
        p.send("?");
        p.wait_for("Hilfe");
        p.escape();
    }
    p.send("q");
    p.wait_for("$ ");
    p.send("exit\r");
    p.wait_exit();
}

#[test]
fn without_a_shell_with_job_control_ctrl_z_says_so_and_goes_on() {
    // fachmk as the terminal's session leader, as with `ssh host fachmk`:
    // nobody could send `fg`, so it must not stop.
    let (home, file) = setup();
    let mut p = open_with(home.path(), &file, &[]);
    p.send("\x1a");
    p.wait_for("Anhalten geht hier nicht");
    assert_ne!(state_of(p.pid()), 'T');
    p.send("j"); // still answering keys
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn an_editor_killed_by_a_signal_leaves_its_text_for_a_hang_up_that_follows() {
    // A hang-up reaches the editor first; fachmk takes the terminal back for a
    // moment before its own SIGHUP comes: the editor's text must not be lost.
    let (home, file) = setup();
    let editor = home.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Vor dem Abbruch geschrieben\\n' > \"$1\"\nkill -KILL $$\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut p = open_with(home.path(), &file, &[("EDITOR", editor.to_str().unwrap())]);
    p.send("\x1b[Z"); // the Leitfragen pane
    p.send("e");
    p.wait_for("Exit 137");
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 129);
    let mut p = open_with(home.path(), &file, &[]);
    p.wait_for("Wiederherstellung");
    p.send("w");
    p.wait_for("Vor dem Abbruch geschrieben");
    p.escape();
    p.send(CTRL_S);
    p.wait_for("Gespeichert");
    assert_eq!(
        report(&file, "WMK").answers.get("Q1").map(String::as_str),
        Some("Vor dem Abbruch geschrieben")
    );
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
