//! Bad input gets a clear error at once (issue 11, item 6): a FIFO, a device or
//! a directory as data or configuration file, a duplicate key, a file `check`
//! rejects given to `export`, a full standard output, a garbage FACHMK_TODAY,
//! a demo too large, a configuration without a way out.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use crate::common::fachmk;

fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

/// Runs `fachmk ARGS` in `home`; its exit code, stderr, and how long it took.
fn run(home: &std::path::Path, args: &[&str]) -> (Option<i32>, String, Duration) {
    let start = Instant::now();
    let output = fachmk(home)
        .args(args)
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        start.elapsed(),
    )
}

#[test]
fn a_fifo_as_data_file_is_refused_in_under_a_second() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("team.json");
    mkfifo(&fifo);
    let file = fifo.to_str().unwrap();
    for args in [
        &["--file", file, "check"][..],
        &["--file", file, "export", "--format", "md"],
        &["--file", file, "search", "IMK"],
    ] {
        let (code, stderr, took) = run(dir.path(), args);
        assert_eq!(code, Some(65), "{args:?}: {stderr}");
        assert!(took < Duration::from_secs(1), "{args:?} took {took:?}");
        assert!(stderr.contains("FIFO") && stderr.contains(file), "{stderr}");
    }
}

#[test]
fn a_fifo_device_or_directory_as_configuration_is_refused_with_78() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    mkfifo(&fifo);
    let data = dir.path().join("d.json");
    std::fs::write(&data, fachmk::store::BUNDLED_JSON).unwrap();
    let dirname = dir.path().to_str().unwrap();
    for (config, word) in [
        (fifo.to_str().unwrap(), "FIFO"),
        ("/dev/zero", "Gerät"),
        (dirname, "Verzeichnis"),
    ] {
        let args = [
            "--config",
            config,
            "--file",
            data.to_str().unwrap(),
            "check",
        ];
        let (code, stderr, took) = run(dir.path(), &args);
        assert_eq!(code, Some(78), "{config}: {stderr}");
        assert!(took < Duration::from_secs(1), "{config} took {took:?}");
        assert!(stderr.contains(word), "{stderr}");
    }
}

#[test]
fn dev_zero_and_a_directory_as_data_file_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for (file, word) in [("/dev/zero", "Gerät"), ("/tmp", "Verzeichnis")] {
        let (code, stderr, took) = run(dir.path(), &["--file", file, "check"]);
        assert_eq!(code, Some(65), "{stderr}");
        // Reading 256 MiB of zeros would take far longer than this.
        assert!(took < Duration::from_millis(500), "{file} took {took:?}");
        assert!(stderr.contains(word), "{stderr}");
    }
    let err = fachmk::store::load_file(std::path::Path::new("/dev/zero")).unwrap_err();
    assert!(
        matches!(err, fachmk::store::LoadError::NotRegular { .. }),
        "{err:?}"
    );
}

#[test]
fn a_file_cut_after_a_newline_names_its_last_line_from_column_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.json");
    std::fs::write(&path, "{\"format\": \"fachmk\", \"version\": 1,\n").unwrap();
    let (code, stderr, _) = run(dir.path(), &["--file", path.to_str().unwrap(), "check"]);
    assert_eq!(code, Some(65), "{stderr}");
    assert!(stderr.contains("Zeile 2, Spalte 1:"), "{stderr}");
    assert!(stderr.contains("abgeschnitten"), "{stderr}");
}

#[test]
fn a_duplicate_key_is_an_error_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = fachmk::store::BUNDLED_JSON.replacen(
        "\"name\": \"Innenministerkonferenz\"",
        "\"name\": \"Innenministerkonferenz\",\n      \"name\": \"IMK\"",
        1,
    );
    assert_ne!(text, fachmk::store::BUNDLED_JSON);
    let offset = text.find("\"name\": \"IMK\"").unwrap();
    let line = text[..offset].matches('\n').count() + 1;
    let column = offset - text[..offset].rfind('\n').unwrap() + "\"name\"".len() - 1;
    let path = dir.path().join("dup.json");
    std::fs::write(&path, &text).unwrap();
    let (code, stderr, _) = run(dir.path(), &["--file", path.to_str().unwrap(), "check"]);
    assert_eq!(code, Some(65), "{stderr}");
    let position = format!("Zeile {line}, Spalte {column}:");
    assert!(stderr.contains(&position), "{position} in {stderr}");
    assert!(
        stderr.contains("Der Schlüssel „name“ steht in diesem Objekt doppelt"),
        "{stderr}"
    );
    // In a session and at the top level too.
    for (from, to) in [
        (
            "\"format\": \"fachmk\"",
            "\"format\": \"fachmk\", \"format\": \"fachmk\"",
        ),
        (
            "\"number\": 48",
            "\"number\": 48, \"place\": \"a\", \"place\": \"b\"",
        ),
    ] {
        let bad = fachmk::store::BUNDLED_JSON.replacen(from, to, 1);
        assert_ne!(bad, fachmk::store::BUNDLED_JSON, "{from}");
        let err = fachmk::store::load_bytes(bad.as_bytes(), &path).unwrap_err();
        assert!(err.position().is_some(), "{err}");
        assert!(
            err.to_string().contains("steht in diesem Objekt doppelt"),
            "{err}"
        );
    }
    // Inside a report's answers and an assignment's roles (maps of texts).
    let sample = serde_json::to_string_pretty(&crate::common::sample_data()).unwrap();
    for (from, to) in [
        (
            "\"Q1\": \"Austausch über die Geschäftsstelle der IMK.\"",
            "\"Q1\": \"Austausch über die Geschäftsstelle der IMK.\", \"Q1\": \"x\"",
        ),
        (
            "\"poerksen\": \"Chef der Senatskanzlei und des Personalamtes\"",
            "\"poerksen\": \"Chef der Senatskanzlei und des Personalamtes\", \"poerksen\": \"x\"",
        ),
    ] {
        let bad = sample.replacen(from, to, 1);
        assert_ne!(bad, sample, "{from}");
        let err = fachmk::store::load_bytes(bad.as_bytes(), &path).unwrap_err();
        assert!(err.position().is_some(), "{err}");
        assert!(
            err.to_string().contains("steht in diesem Objekt doppelt"),
            "{err}"
        );
    }
    // Equal keys in different objects are fine: the bundled file loads.
    fachmk::store::load_bytes(fachmk::store::BUNDLED_JSON.as_bytes(), &path).unwrap();
}

#[test]
fn export_refuses_a_file_check_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let mut value = serde_json::to_value(crate::common::sample_data()).unwrap();
    value["concerns"][0]["conference"] = serde_json::Value::String("XYZ".into());
    let path = dir.path().join("bad.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    let file = path.to_str().unwrap();
    let (code, _, _) = run(dir.path(), &["--file", file, "check"]);
    assert_eq!(code, Some(65));
    for format in ["md", "json", "ics", "csv"] {
        let (code, stderr, _) = run(dir.path(), &["--file", file, "export", "--format", format]);
        assert_eq!(code, Some(65), "{format}: {stderr}");
        assert!(stderr.contains("XYZ"), "{stderr}");
    }
}

#[test]
fn a_write_error_on_standard_output_exits_74() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.json");
    std::fs::write(&data, fachmk::store::BUNDLED_JSON).unwrap();
    for args in [
        &["check"][..],
        &["export", "--format", "md"],
        // A Word file goes out unfiltered, past the writer that remembers errors.
        &["export", "--format", "docx"],
        &["search", "IMK"],
        &["config", "--print"],
    ] {
        let full = std::fs::File::options()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_fachmk"))
            .env_clear()
            .env("HOME", dir.path())
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("FACHMK_TODAY", "2025-11-10")
            .args(["--file", data.to_str().unwrap()])
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(74), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("Ausgabe kann nicht geschrieben"),
            "{stderr}"
        );
    }
}

#[test]
fn a_fachmk_today_that_is_not_a_date_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.json");
    std::fs::write(&data, fachmk::store::BUNDLED_JSON).unwrap();
    for bad in ["garbage", "2025-13-01", "10.11.2025", ""] {
        let output = fachmk(dir.path())
            .env("FACHMK_TODAY", bad)
            .args(["--file", data.to_str().unwrap(), "check"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("FACHMK_TODAY") && stderr.contains("kein Datum"),
            "{stderr}"
        );
    }
}

#[test]
fn demo_counts_are_bounded_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo.json");
    for args in [
        &["--concerns", "4294967295"][..],
        &["--concerns", "99999999999999999999"],
        &["--sessions", "100000"],
    ] {
        let (code, stderr, took) = run(
            dir.path(),
            &[&["demo", "--write", out.to_str().unwrap()][..], args].concat(),
        );
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(took < Duration::from_secs(1), "{took:?}");
        assert!(stderr.contains("höchstens"), "{stderr}");
        assert!(!out.exists());
    }
}

#[test]
fn a_configuration_without_a_way_out_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.json");
    std::fs::write(&data, fachmk::store::BUNDLED_JSON).unwrap();
    let config = dir.path().join("config.toml");
    for (text, line) in [
        ("[keys]\nquit = []\n", 2),
        ("mouse = true\n[keys.main]\nquit = []\n", 3),
        ("[keys]\nsave = \"ctrl-c\"\n", 2),
        ("[keys.editor]\nnext-step = [\"tab\", \"ctrl-c\"]\n", 2),
    ] {
        std::fs::write(&config, text).unwrap();
        let args = [
            "--config",
            config.to_str().unwrap(),
            "--file",
            data.to_str().unwrap(),
        ];
        let (code, stderr, _) = run(dir.path(), &[&args[..], &["check"]].concat());
        assert_eq!(code, Some(78), "{text}: {stderr}");
        assert!(stderr.contains(&format!("config.toml:{line}:")), "{stderr}");
    }
    // A rebound quit keeps Ctrl-C.
    std::fs::write(&config, "[keys]\nquit = \"Q\"\n").unwrap();
    let loaded = fachmk::config::load(&config, true).unwrap();
    let ctrl_c = crate::common::ctrl('c');
    let capital_q = crate::common::key(ratatui::crossterm::event::KeyCode::Char('Q'));
    for layer in [fachmk::app::Layer::Main, fachmk::app::Layer::Editor] {
        for key in [ctrl_c, capital_q] {
            let action = loaded.keymap.resolve(layer, &key);
            assert_eq!(action, Some(fachmk::app::Action::Quit), "{layer:?} {key:?}");
        }
    }
}

#[test]
fn the_screen_refuses_a_fifo_at_once_too() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("team.json");
    mkfifo(&fifo);
    let start = Instant::now();
    let mut pty = crate::common::pty::Pty::spawn(dir.path(), &["--file", fifo.to_str().unwrap()]);
    pty.wait_for("FIFO");
    assert_eq!(pty.wait_exit(), 65);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn ctrl_c_always_ends_even_with_quit_rebound_and_at_every_question() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/fachmk/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "[keys]\nquit = \"Q\"\n").unwrap();
    let file = home.path().join("d.json");
    std::fs::write(&file, fachmk::store::BUNDLED_JSON).unwrap();
    let args = ["--file", file.to_str().unwrap()];
    let ctrl_c = "\u{3}";

    let mut pty = crate::common::pty::Pty::spawn(home.path(), &args);
    pty.wait_for("Konferenzen");
    pty.send("-");
    pty.wait_for("kein Bericht");
    pty.send(ctrl_c);
    pty.wait_for("Ungespeicherte Änderungen");
    // Asked once; Ctrl-C again ends, and the work is kept for the next start.
    pty.send(ctrl_c);
    assert_eq!(pty.wait_exit(), 0);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        fachmk::store::BUNDLED_JSON
    );

    // At the offer of that work, Ctrl-C ends too and leaves the offer standing.
    for _ in 0..2 {
        let mut pty = crate::common::pty::Pty::spawn(home.path(), &args);
        pty.wait_for("Wiederherstellung");
        pty.send(ctrl_c);
        assert_eq!(pty.wait_exit(), 0);
    }
}
