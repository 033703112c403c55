//! German as the Geschäftsstelle writes it: plural forms, articles by the
//! conference's gender, one word for one thing, clap's words in the language.
#![allow(clippy::unwrap_used)]

use fachmk::i18n::{Lang, parse_table, set, tn};

use crate::common::fachmk;

#[test]
fn plural_forms_in_both_languages() {
    set(Lang::De);
    assert_eq!(tn("count.entries", 1, &[]), "1 Eintrag");
    assert_eq!(tn("count.entries", 2, &[]), "2 Einträge");
    assert_eq!(tn("count.conflicts", 1, &[]), "1 Konflikt");
    assert_eq!(tn("count.conflicts", 5, &[]), "5 Konflikte");
    assert_eq!(
        tn("cli.conflicts-left", 1, &[("path", &"x.json")]),
        "x.json: 1 Konflikt; mit „fachmk --file x.json“ entscheiden."
    );
    assert_eq!(
        tn("dialog.recovery-changes", 1, &[]),
        "Sie ändert 1 Eintrag."
    );
    set(Lang::En);
    assert_eq!(tn("count.entries", 1, &[]), "1 entry");
    assert_eq!(tn("search.title", 1, &[]), "Search · 1 hit");
    assert_eq!(tn("search.title", 2, &[]), "Search · 2 hits");
    set(Lang::De);
}

#[test]
fn every_counted_text_has_both_forms_in_both_tables() {
    for table in [fachmk::i18n::DE_TOML, fachmk::i18n::EN_TOML] {
        let t = parse_table(table).unwrap();
        for key in t.keys().filter_map(|k| k.strip_suffix(".one")) {
            let other = format!("{key}.other");
            assert!(t.contains_key(&other), "{key} without {other}");
        }
    }
}

#[test]
fn articles_on_the_screen_follow_the_conferences_gender() {
    // Session 45: "E-Justice Rat", masculine; session 48: renamed, feminine.
    for (session, expect) in [(45, "mit dem EJR"), (48, "mit der EJR")] {
        let mut app = fachmk::app::App::new(
            crate::common::sample_data(),
            crate::common::today(),
            crate::common::fixed_now(),
            "t",
            Some(session),
        );
        set(Lang::De);
        for _ in 0..3 {
            crate::common::press(&mut app, ratatui::crossterm::event::KeyCode::Down);
        }
        crate::common::type_text(&mut app, "w");
        let screen = crate::snapshots::draw(&app, 120, 40);
        assert!(screen.contains(expect), "{session}: {screen}");
    }
}

#[test]
fn one_word_for_one_thing() {
    let de = parse_table(fachmk::i18n::DE_TOML).unwrap();
    for (key, text) in &de {
        assert!(
            !text.contains("gehalten"),
            "{key}: „gehalten“ – say „durchgeführt“"
        );
        assert!(
            !text.to_lowercase().contains("ungesichert"),
            "{key}: say „ungespeichert“"
        );
    }
    // Report states: the same words on the screen and in the documents.
    for (screen, document) in [
        ("status.open", "export.not-started"),
        ("status.draft", "export.in-work"),
        ("status.ready", "export.ready"),
    ] {
        assert_eq!(de[screen], de[document], "{screen} vs {document}");
    }
}

#[test]
fn clap_speaks_german_with_real_value_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = fachmk(dir.path())
        .args(["--lang", "de", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for word in [
        "Aufruf: fachmk [OPTIONEN] [BEFEHL]",
        "Befehle:",
        "Optionen:",
        "Hilfe anzeigen",
        "--theme <THEMA>",
        "[mögliche Werte: de, en]",
    ] {
        assert!(help.contains(word), "{word} not in\n{help}");
    }
    for english in ["Usage", "Options:", "Print help", "<?>", "possible values"] {
        assert!(!help.contains(english), "{english} in\n{help}");
    }
    let out = fachmk(dir.path())
        .args(["--lang", "de", "merge", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Argumente:"), "{help}");
    let out = fachmk(dir.path())
        .args(["--lang", "en", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("--theme <THEME>") && help.contains("Usage: fachmk"),
        "{help}"
    );
}

#[test]
fn the_manual_page_has_a_proper_name_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = fachmk(dir.path())
        .args(["--lang", "de", "man"])
        .output()
        .unwrap();
    let man = String::from_utf8(out.stdout).unwrap();
    let name = man.lines().skip_while(|l| *l != ".SH NAME").nth(1).unwrap();
    assert_eq!(
        name,
        "fachmk \\- Reporting FachMK des IT\\-Planungsrats im Terminal vorbereiten"
    );
}
