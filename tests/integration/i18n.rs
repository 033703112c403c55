//! Every text in both languages: the tables have the same keys and the same
//! places, every key the code asks for exists, and the screen speaks English
//! when asked.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use fachmk::i18n::{self, DE_TOML, EN_TOML, Lang};

fn keys_in_code() -> BTreeSet<String> {
    let call = call_prefixes();
    let mut keys = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for pattern in &call {
                    let mut rest = text.as_str();
                    while let Some(at) = rest.find(pattern.as_str()) {
                        rest = rest[at + pattern.len()..].trim_start();
                        if let Some(quoted) = rest.strip_prefix('"')
                            && let Some(end) = quoted.find('"')
                        {
                            keys.insert(quoted[..end].to_owned());
                        }
                    }
                }
            }
        }
    }
    keys
}

/// The ways the code names a text: `t("…")`, `tf("…", …)`, and hint keys
/// (`Some("hint.…")`, read back whole).
fn call_prefixes() -> Vec<String> {
    vec!["i18n::t(".into(), "i18n::tf(".into(), "Some(".into()]
}

#[test]
fn both_languages_have_every_text_with_the_same_places() {
    let de = i18n::parse_table(DE_TOML).unwrap();
    let en = i18n::parse_table(EN_TOML).unwrap();
    let only_de: Vec<_> = de.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !de.contains_key(*k)).collect();
    assert!(only_de.is_empty(), "only in de.toml: {only_de:?}");
    assert!(only_en.is_empty(), "only in en.toml: {only_en:?}");
    for (key, german) in &de {
        let mut a = i18n::places(german);
        let mut b = i18n::places(&en[key]);
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "{key}: the places differ");
        assert!(!german.is_empty() && !en[key].is_empty(), "{key} is empty");
    }
}

#[test]
fn every_text_the_code_names_exists() {
    let de = i18n::parse_table(DE_TOML).unwrap();
    let mut used = keys_in_code();
    // Texts named by an action's, a layer's or a hint's name.
    // A key is "section.name" in lower case; other quoted text is not one.
    used.retain(|k| {
        k.contains('.')
            && k.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
    });
    assert!(used.len() > 40, "the scan finds the keys: {used:?}");
    for action in fachmk::app::Keymap::default()
        .bindings
        .iter()
        .map(|b| b.action)
    {
        used.insert(format!("action.{}", fachmk::config::action_name(action)));
    }
    for layer in fachmk::app::HELP_LAYERS {
        used.insert(format!("layer.{}", fachmk::config::layer_name(layer)));
    }
    let missing: Vec<_> = used.iter().filter(|k| !de.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "named in the code, in no table: {missing:?}"
    );
}

#[test]
fn the_screen_speaks_english_when_asked() {
    i18n::set(Lang::En);
    let mut app = crate::common::app();
    app.resize(80, 24);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| fachmk::ui::render(&app, f, &fachmk::ui::Theme::default()))
        .unwrap();
    let screen = terminal.backend().to_string();
    for english in [
        "Conferences",
        "Speakers",
        "Open concerns",
        "Guiding questions",
        "session 48",
    ] {
        assert!(screen.contains(english), "{english}:\n{screen}");
    }
    for german in ["Konferenzen", "Sprecher", "Offene Anliegen", "Sitzung"] {
        assert!(!screen.contains(german), "{german}:\n{screen}");
    }
    assert_eq!(i18n::date(crate::common::today()), "2025-11-10");
    i18n::set(Lang::De);
    assert_eq!(i18n::date(crate::common::today()), "10.11.2025");
}

#[test]
fn the_locale_chooses_english_and_lang_overrides_it() {
    assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::from_locale("de_DE.UTF-8"), Some(Lang::De));
    assert_eq!(Lang::from_locale("C"), Some(Lang::De));
    assert_eq!(Lang::from_locale(""), None);
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("d.json");
    fachmk::store::write_new(&file, fachmk::store::BUNDLED_JSON.as_bytes()).unwrap();
    let args = ["--file", file.to_str().unwrap(), "--session", "48"];
    let mut pty =
        crate::common::pty::Pty::spawn_with_env(home.path(), &args, &[("LANG", "en_US.UTF-8")]);
    pty.wait_for("Conferences");
    pty.send("q");
    pty.wait_exit();
    let mut args = args.to_vec();
    args.extend(["--lang", "de"]);
    let mut pty =
        crate::common::pty::Pty::spawn_with_env(home.path(), &args, &[("LANG", "en_US.UTF-8")]);
    pty.wait_for("Konferenzen");
    pty.send("q");
    pty.wait_exit();
}

#[test]
fn exports_are_german_unless_english_is_asked_for_by_name() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("d.json");
    fachmk::store::write_new(&file, fachmk::store::BUNDLED_JSON.as_bytes()).unwrap();
    let export = |extra: &[&str], lang: &str| {
        let out = assert_cmd::Command::cargo_bin("fachmk")
            .unwrap()
            .env_clear()
            .env("HOME", home.path())
            .env("LANG", lang)
            .env("FACHMK_TODAY", "2025-11-10")
            .args(["export", "-s", "48", "-f"])
            .arg(&file)
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let german = export(&[], "en_US.UTF-8");
    assert!(german.starts_with("# Reporting FachMK – 48. Sitzung des IT-Planungsrats"));
    let english = export(&["--lang", "en"], "de_DE.UTF-8");
    assert!(english.starts_with("# Reporting FachMK – session 48 of the IT-Planungsrat"));
    assert!(english.contains("- **Exchange:**") && english.contains("Session on 2025-11-26"));
    let csv = export(&["--lang", "en", "--format", "csv"], "");
    assert!(
        csv.contains("ID;Conference;Title;Status;since session"),
        "{csv}"
    );
}

#[test]
fn help_and_manual_speak_the_language_asked_for() {
    let run = |args: &[&str], lang: &str| {
        let out = assert_cmd::Command::cargo_bin("fachmk")
            .unwrap()
            .env_clear()
            .env("LANG", lang)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run(&["--help"], "de_DE.UTF-8").contains("Exportiert die Vorbereitung einer Sitzung"));
    assert!(run(&["--help"], "en_GB.UTF-8").contains("Exports the preparation of a session"));
    assert!(run(&["--lang", "en", "export", "--help"], "").contains("Output file"));
    assert!(run(&["--lang=de", "--help"], "en_GB.UTF-8").contains("Datendatei"));
    assert!(run(&["man"], "en_US.UTF-8").contains("Checks the file"));
}

/// No text for people in the code: German words in string literals of the
/// program's own files mean a text that bypasses the tables. The exceptions
/// are words written into the shared data file, which stays German.
#[test]
fn no_german_text_outside_the_tables() {
    const DATA_TEXTS: [&str; 5] = [
        "vertagt",
        "in Bearbeitung",
        "erledigt",
        "verworfen",
        "aus der Nachbesprechung der {session}. Sitzung",
    ];
    const WORDS: [&str; 12] = [
        "ä",
        "ö",
        "ü",
        "ß",
        "Sitzung",
        "Anliegen",
        "Beschluss",
        "Konferenz",
        "nicht",
        "keine",
        "wählen",
        "Bitte",
    ];
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut found = Vec::new();
    for dir in ["app", "ui", "tui", "export", "domain", "store", "."] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            // German data, not texts: the demo archive's generated content, the
            // names of the Länder, and the German wording of serde's messages
            // (used when the program speaks German).
            let data = ["demo.rs", "conference.rs", "load.rs"];
            if path.extension().is_none_or(|e| e != "rs") || data.iter().any(|f| path.ends_with(f))
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                let trimmed = line.trim_start();
                if trimmed.starts_with("//") || trimmed.starts_with("#[") {
                    continue;
                }
                for literal in line.split('"').skip(1).step_by(2) {
                    if WORDS.iter().any(|w| literal.contains(w)) && !DATA_TEXTS.contains(&literal) {
                        found.push(format!("{}:{}: {literal}", path.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "texts outside the tables:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_handout_on_the_screen_is_german_unless_english_is_asked_for() {
    i18n::set(Lang::En);
    let mut app = crate::common::app();
    assert!(
        app.handout()
            .starts_with("# Reporting FachMK – 48. Sitzung")
    );
    assert_eq!(i18n::current(), Lang::En, "the screen keeps its language");
    assert!(
        app.review_lines()
            .iter()
            .any(|l| l == "What is still missing:")
    );
    app.handout_lang = Lang::En;
    assert!(app.handout().starts_with("# Reporting FachMK – session 48"));
    i18n::set(Lang::De);
}
