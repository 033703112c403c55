//! The configuration file: read, refused with file and line, printed, and its
//! keys working in the program.
#![allow(clippy::unwrap_used)]

use crate::common::fachmk;

use fachmk::app::Effect;
use fachmk::config;

fn write_config(home: &std::path::Path, text: &str) -> std::path::PathBuf {
    let dir = home.join("config").join("fachmk");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn path_and_print_without_a_file_show_the_defaults() {
    let home = tempfile::tempdir().unwrap();
    let out = fachmk(home.path())
        .args(["config", "--path"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        home.path()
            .join("config/fachmk/config.toml")
            .to_str()
            .unwrap()
    );
    let out = fachmk(home.path())
        .args(["config", "--print"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    for line in [
        "theme = \"default\"",
        "backups = 5",
        "mouse = false",
        "[keys.main]",
        "save = [\"ctrl-s\"]",
    ] {
        assert!(printed.contains(line), "{line} in\n{printed}");
    }
    // What is printed is a valid configuration that means the same.
    let path = write_config(home.path(), &printed);
    let again = config::load(&path, true).unwrap();
    assert_eq!(
        config::print(&again).lines().skip(1).collect::<Vec<_>>(),
        printed.lines().skip(1).collect::<Vec<_>>()
    );
}

#[test]
fn mistakes_are_refused_with_file_line_and_key_and_exit_78() {
    let home = tempfile::tempdir().unwrap();
    for (text, line, words) in [
        ("theme = \"rosa\"\n", 1, "rosa"),
        ("backups = 2\nfarbe = true\n", 2, "farbe"),
        ("backups = 1000\n", 1, "backups"),
        ("mouse = \"ja\"\n", 1, "mouse"),
        ("[keys]\nspeichern = \"ctrl-s\"\n", 2, "keys.speichern"),
        ("[keys]\nsave = \"strg-s\"\n", 2, "strg-s"),
        // j moves down in every list: saving on it would take that away.
        ("\n[keys]\nsave = \"j\"\n", 3, "select-next"),
        ("[keys\n", 1, ""),
        (
            "[keys.view]\nnext-pane = \"x\"\nsave = \"j\"\n",
            3,
            "keys.view.save",
        ),
        (
            "[keys.hauptansicht]\nsave = \"x\"\n",
            1,
            "keys.hauptansicht",
        ),
    ] {
        let path = write_config(home.path(), text);
        let out = fachmk(home.path())
            .args(["check", "--file"])
            .arg(home.path().join("missing.json"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(78), "{text}");
        let err = String::from_utf8(out.stderr).unwrap();
        let prefix = format!("{}:{line}: ", path.display());
        assert!(
            err.starts_with(&prefix) && err.contains(words),
            "{text}: {err}"
        );
    }
    // Completions still work, so a broken configuration can be repaired.
    fachmk(home.path())
        .args(["completions", "bash"])
        .assert()
        .success();
}

#[test]
fn a_named_configuration_must_exist_and_the_file_setting_is_used() {
    let home = tempfile::tempdir().unwrap();
    let out = fachmk(home.path())
        .args(["--config", "/nonexistent/fachmk.toml", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));

    let data = home.path().join("team.json");
    fachmk(home.path())
        .arg("init")
        .arg(&data)
        .assert()
        .success();
    let text = format!("file = {:?}\n", data.to_str().unwrap());
    write_config(home.path(), &text);
    let out = fachmk(home.path())
        .args(["check", "-s", "45"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the configured file is checked");
    assert!(!home.path().join("data/fachmk/fachmk.json").exists());
}

#[test]
fn rebound_keys_work_and_show_in_hints_and_help() {
    let keys = vec![fachmk::app::Rebinding {
        action: config::action_named("save").unwrap(),
        layer: None,
        keys: vec![config::parse_key("ctrl-w").unwrap()],
    }];
    let mut app = crate::common::app();
    app.keymap = app.keymap.rebound(&keys).unwrap();
    crate::common::type_text(&mut app, "-");
    let effects = app.handle_key(crate::common::ctrl('w'));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Save { .. })),
        "{effects:?}"
    );
    assert!(
        app.handle_key(crate::common::ctrl('s')).is_empty(),
        "ctrl-s is free now"
    );
    let hints = app.keymap.hints(fachmk::app::Layer::Main);
    assert!(
        hints.iter().any(|h| h.key == "^W" && h.text == "speichern"),
        "{hints:?}"
    );
}
