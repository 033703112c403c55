//! The command line end to end: the real binary on temporary files.
#![allow(clippy::unwrap_used)]

use crate::common::fachmk;

use fachmk::store;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn init_then_check_session_45_lists_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("neu.json");
    fachmk(dir.path()).arg("init").arg(&file).assert().success();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), store::BUNDLED_JSON);

    let out = fachmk(dir.path())
        .args(["check", "--session", "45", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "45. Sitzung (13.11.2024): 0/13 Konferenzen fertig. Phase: Nachbesprechung."
        ),
        "{text}"
    );
    assert!(
        text.contains("VMK: keine Angabe, ob ein Austausch stattgefunden hat"),
        "{text}"
    );
    assert_eq!(
        text.lines().filter(|l| l.contains("keine Angabe")).count(),
        13,
        "{text}"
    );
    assert!(
        text.contains("Nachbesprechung überfällig (geplant 04.12.2024"),
        "{text}"
    );
}

#[test]
fn init_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("da.json");
    std::fs::write(&file, "meins").unwrap();
    let out = fachmk(dir.path()).arg("init").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(73));
    assert!(stderr(&out).contains("nicht überschrieben"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "meins");
}

#[test]
fn check_is_complete_when_every_conference_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = store::bundled();
    let conferences: Vec<String> = data.conferences.iter().map(|c| c.id.clone()).collect();
    let session = data.session_mut(48).unwrap();
    for id in &conferences {
        let report = session.report_mut(id);
        report.exchange = fachmk::domain::Exchange::No;
        report.status = fachmk::domain::ReportStatus::NoReport;
    }
    let file = dir.path().join("voll.json");
    std::fs::write(&file, store::to_bytes(&data, &file).unwrap()).unwrap();
    let out = fachmk(dir.path())
        .args(["check", "-s", "48", "-f"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("13/13"));
}

#[test]
fn check_with_a_broken_file_exits_65_and_leaves_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kaputt.json");
    std::fs::write(&file, "{\"format\": \"fachmk\", ").unwrap();
    let out = fachmk(dir.path())
        .args(["check", "-f"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let err = stderr(&out);
    assert!(err.contains("kaputt.json, Zeile 1"), "{err}");
    assert_eq!(err.lines().count(), 1, "one clear sentence: {err}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "{\"format\": \"fachmk\", "
    );
}

#[test]
fn check_lists_every_data_problem_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = store::BUNDLED_JSON
        .replacen("\"conference\": \"WMK\"", "\"conference\": \"XMK\"", 1)
        .replacen("\"id\": \"2023/07\"", "\"id\": \"2023-07\"", 1);
    let file = dir.path().join("fehler.json");
    std::fs::write(&file, &text).unwrap();
    let out = fachmk(dir.path())
        .args(["check", "-f"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let err = stderr(&out);
    assert!(err.contains("unbekannte Konferenz „XMK“"), "{err}");
    assert!(
        err.contains("„2023-07“: die Nummer hat nicht die Form JJJJ/NN"),
        "{err}"
    );
}

#[test]
fn unknown_session_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.json");
    fachmk(dir.path()).arg("init").arg(&file).assert().success();
    let out = fachmk(dir.path())
        .args(["check", "-s", "99", "-f"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Sitzung 99 gibt es in der Datei nicht"));
}

#[test]
fn default_file_is_created_in_the_xdg_data_dir_and_env_var_works() {
    let dir = tempfile::tempdir().unwrap();
    let out = fachmk(dir.path())
        .args(["check", "-s", "45"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let default = dir.path().join("data/fachmk/fachmk.json");
    assert_eq!(
        std::fs::read_to_string(&default).unwrap(),
        store::BUNDLED_JSON
    );

    let other = dir.path().join("other.json");
    fachmk(dir.path())
        .arg("init")
        .arg(&other)
        .assert()
        .success();
    let out = fachmk(dir.path())
        .env("FACHMK_FILE", &other)
        .args(["check", "-s", "99"])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("Sitzung 99"));
}

#[test]
fn export_md_and_json_to_stdout_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.json");
    fachmk(dir.path()).arg("init").arg(&file).assert().success();
    let out = fachmk(dir.path())
        .args(["export", "-s", "47", "--format", "md", "-f"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = stdout(&out);
    assert!(
        md.starts_with("IT-Planungsrat · 47. Sitzung am 26.06.2025 in Schwerin"),
        "{md}"
    );
    assert!(md.contains("\n# TOP \\_\\_ · Reporting FachMK\n"), "{md}");
    assert!(md.contains("| Innenministerkonferenz (IMK) |"));

    let target = dir.path().join("out.json");
    fachmk(dir.path())
        .args(["export", "-s", "47", "--format", "json", "-f"])
        .arg(&file)
        .arg("-o")
        .arg(&target)
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(json["session"]["number"], 47);
    assert_eq!(
        json["conferences"][1]["speakers"][0]["name"],
        "Herr Stephan Manke"
    );
}

#[test]
fn no_terminal_means_a_clear_message_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = fachmk(dir.path()).output().unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("Terminal"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let out = fachmk(dir.path()).arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).contains("Reporting FachMK"));
    let out = fachmk(dir.path()).arg("--version").output().unwrap();
    assert!(stdout(&out).starts_with("fachmk "));
    // Every placeholder of export's help in the language: "--kind <DOKUMENT>".
    for (lang, expected) in [("de", "DOKUMENT"), ("en", "KIND")] {
        let out = fachmk(dir.path())
            .args(["--lang", lang, "export", "--help"])
            .output()
            .unwrap();
        let help = stdout(&out);
        assert!(help.contains(&format!("--kind <{expected}>")), "{help}");
        assert!(!help.contains("<?>"), "{help}");
    }
    // The arguments of init and search too: "<PFAD>", "[SUCHBEGRIFF]" (not
    // needed with --list).
    for (command, expected) in [("init", "<PFAD>"), ("search", "[SUCHBEGRIFF]")] {
        let out = fachmk(dir.path())
            .args([command, "--help"])
            .output()
            .unwrap();
        let help = stdout(&out);
        assert!(
            help.contains(&format!("fachmk {command} [OPTIONEN] {expected}")),
            "{help}"
        );
        assert!(
            !help.contains("<PATH>") && !help.contains("<QUERY>"),
            "{help}"
        );
    }
}

#[test]
fn demo_writes_a_valid_deterministic_archive_and_search_finds_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    for p in [&a, &b] {
        fachmk(dir.path())
            .args([
                "demo",
                "--sessions",
                "6",
                "--concerns",
                "300",
                "--seed",
                "7",
                "--write",
            ])
            .arg(p)
            .assert()
            .success();
    }
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        "same seed, same archive"
    );
    let data = store::load_file(&a).unwrap().data;
    assert_eq!(data.validate(), vec![]);
    assert_eq!(
        (
            data.sessions.len(),
            data.concerns.len(),
            data.conferences.len()
        ),
        (9 + 6, 300, 20)
    );
    let out = fachmk(dir.path())
        .args(["search", "registermod", "--limit", "3", "-f"])
        .arg(&a)
        .output()
        .unwrap();
    assert!(out.status.success());
    let hits = stdout(&out);
    assert_eq!(hits.lines().count(), 3, "{hits}");
    assert!(
        hits.to_lowercase().contains("registermodernisierung"),
        "{hits}"
    );
    let out = fachmk(dir.path())
        .args(["search", "--stdin", "mldwsn"])
        .write_stdin("Meldewesen\nAnderes\n")
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "Meldewesen\n");
    // Every searchable entry, one a line: no query needed (one without
    // `--list` still is).
    let out = fachmk(dir.path())
        .args(["search", "--list", "-f"])
        .arg(&a)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).lines().count() > 300);
    let out = fachmk(dir.path())
        .args(["search", "-f"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_wrong_command_line_is_one_sentence_in_the_language_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["--bogus"],
            "Unbekannte Option „--bogus“. Aufruf: fachmk [OPTIONEN] [BEFEHL] – mehr mit „fachmk --help“.",
        ),
        (
            &["expor"],
            "Unbekannter Befehl „expor“ – gemeint ist wohl „export“. Aufruf: fachmk [OPTIONEN] [BEFEHL] – mehr mit „fachmk --help“.",
        ),
        (
            &["check", "--sesion", "3"],
            "Unbekannte Option „--sesion“ – gemeint ist wohl „--session“. Aufruf: fachmk check [OPTIONEN] – mehr mit „fachmk check --help“.",
        ),
        (
            &["export", "--format", "pdf"],
            "--format <FORMAT>: „pdf“ ist nicht möglich (möglich: md, docx, json, ics, csv) – mehr mit „fachmk --help“.",
        ),
        (
            &["init"],
            "Es fehlt: <PFAD>. Aufruf: fachmk init [OPTIONEN] <PFAD> – mehr mit „fachmk init --help“.",
        ),
    ];
    for (args, expected) in cases {
        let out = fachmk(dir.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.starts_with(expected), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains("Usage") && !err.contains("error:"), "{err}");
    }
    let out = fachmk(dir.path())
        .args(["--lang", "en", "--session", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("--session <N>: “x” is not valid – more with “fachmk --help”."),
        "{err}"
    );
}
