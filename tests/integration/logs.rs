//! Logs go to the state directory, at the level asked for, rotated by size,
//! and never onto the screen.
#![allow(clippy::unwrap_used)]

use crate::common::fachmk;
use crate::common::pty::Pty;

#[test]
fn commands_log_to_the_state_directory_at_the_level_asked_for() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("d.json");
    fachmk(home.path())
        .arg("init")
        .arg(&data)
        .assert()
        .success();
    let log = home.path().join("state/fachmk/fachmk.log");
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("INFO") && text.contains("started") && text.contains("ended code=0"));
    // Private like the rest of the state.
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&log).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);

    // Off: nothing is written.
    std::fs::remove_file(&log).unwrap();
    fachmk(home.path())
        .args(["--log-level", "off", "check", "-f"])
        .arg(&data)
        .assert()
        .code(1);
    assert!(!log.exists());
    // Warnings only, from the configuration: "started" is info, not written.
    std::fs::create_dir_all(home.path().join("config/fachmk")).unwrap();
    std::fs::write(
        home.path().join("config/fachmk/config.toml"),
        "log_level = \"warn\"\n",
    )
    .unwrap();
    fachmk(home.path())
        .args(["check", "-f"])
        .arg(&data)
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&log).unwrap_or_default(), "");
    // FACHMK_LOG over the configuration.
    fachmk(home.path())
        .env("FACHMK_LOG", "debug")
        .args(["check", "-f"])
        .arg(&data)
        .assert()
        .code(1);
    assert!(std::fs::read_to_string(&log).unwrap().contains("started"));
}

#[test]
fn a_large_log_is_moved_aside_at_start() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("state/fachmk");
    std::fs::create_dir_all(&dir).unwrap();
    let big = vec![b'x'; 2 * 1024 * 1024];
    std::fs::write(dir.join("fachmk.log"), &big).unwrap();
    std::fs::write(dir.join("fachmk.log.1"), "older").unwrap();
    fachmk(home.path())
        .args(["check", "-f", "/nonexistent.json"])
        .assert()
        .code(65);
    assert_eq!(
        std::fs::metadata(dir.join("fachmk.log.1")).unwrap().len(),
        big.len() as u64
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("fachmk.log.2")).unwrap(),
        "older"
    );
    assert!(std::fs::metadata(dir.join("fachmk.log")).unwrap().len() < 1024);
}

#[test]
fn the_screen_never_shows_a_log_line() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("daten.json");
    fachmk::store::write_new(&file, fachmk::store::BUNDLED_JSON.as_bytes()).unwrap();
    let args = ["--file", file.to_str().unwrap(), "--session", "48"];
    let mut pty = Pty::spawn_with_env(home.path(), &args, &[("FACHMK_LOG", "trace")]);
    pty.wait_for("Konferenzen");
    pty.send("-");
    pty.send("\x13"); // Ctrl-S
    pty.wait_for("Gespeichert");
    let screen = pty.contents();
    for word in ["INFO", "DEBUG", "TRACE", "saved"] {
        assert!(!screen.contains(word), "{word} on the screen:\n{screen}");
    }
    pty.send("q");
    pty.wait_exit();
    let log = std::fs::read_to_string(home.path().join("state/fachmk/fachmk.log")).unwrap();
    assert!(
        log.contains("screen opened") && log.contains("saved"),
        "{log}"
    );
}
