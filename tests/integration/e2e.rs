//! End to end: the real binary in a pseudo-terminal, driven by keys, checked by
//! the file it saves.
#![allow(clippy::unwrap_used)]

use crate::common::pty::{CTRL_S, ENTER, Pty, TAB, bundled_copy};

#[test]
fn prepare_two_conferences_save_quit_and_the_file_says_so() {
    let (home, file) = bundled_copy();
    let mut pty = Pty::on_session_48(home.path(), &file);
    pty.wait_for("Konferenzen");
    pty.wait_for("48. Sitzung");

    // WMK: no exchange — one key, and the walkthrough moves on to IMK.
    pty.send("w");
    pty.wait_for("Durchgang · WMK");
    pty.wait_for("Hat seit der 47. Sitzung ein Austausch");
    pty.send("n");
    pty.wait_for("Durchgang · IMK");

    // IMK: exchange, four answers (with umlauts), a new concern.
    pty.send("y");
    pty.wait_for("Leitfrage 1");
    for (i, answer) in [
        "Regelmäßiger Austausch",
        "Größtenteils positiv",
        "Registermodernisierung",
        "Keine Hindernisse",
    ]
    .iter()
    .enumerate()
    {
        pty.wait_for(&format!("Leitfrage {}", i + 1));
        pty.send(answer);
        pty.send(TAB);
    }
    pty.wait_for("Gibt es neue Anliegen der IMK");
    pty.send(ENTER);
    pty.wait_for("Neues Anliegen der IMK");
    pty.send("Gemeinsame Datenplattform");
    pty.send(ENTER);
    pty.wait_for("Beschreibung");
    pty.escape();
    pty.escape(); // pause the walkthrough
    pty.wait_for("Durchgang pausiert");
    pty.send(CTRL_S);
    pty.wait_for("Gespeichert");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);

    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let session = saved["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["number"] == 48)
        .unwrap();
    let reports = session["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2, "{reports:#?}");
    assert_eq!(reports[0]["conference"], "WMK");
    assert_eq!(reports[0]["exchange"], "no");
    assert_eq!(reports[0]["status"], "no_report");
    assert_eq!(reports[1]["conference"], "IMK");
    assert_eq!(reports[1]["exchange"], "yes");
    assert_eq!(reports[1]["status"], "draft");
    assert_eq!(
        reports[1]["answers"],
        serde_json::json!({
            "Q1": "Regelmäßiger Austausch",
            "Q2": "Größtenteils positiv",
            "Q3": "Registermodernisierung",
            "Q4": "Keine Hindernisse",
        })
    );
    assert_eq!(reports[1]["updated_by"], "e2e");
    let concerns = saved["concerns"].as_array().unwrap();
    assert_eq!(concerns.len(), 1);
    assert_eq!(concerns[0]["conference"], "IMK");
    assert_eq!(concerns[0]["title"], "Gemeinsame Datenplattform");
    assert_eq!(concerns[0]["raised_in"], 48);
    assert_eq!(concerns[0]["status"], "open");
    // Everything else is as it was.
    let mut rest = saved.clone();
    let mut original: serde_json::Value =
        serde_json::from_str(fachmk::store::BUNDLED_JSON).unwrap();
    for doc in [&mut rest, &mut original] {
        doc["concerns"] = serde_json::json!([]);
        for s in doc["sessions"].as_array_mut().unwrap() {
            s["reports"] = serde_json::json!([]);
        }
    }
    assert_eq!(rest, original);
    // The previous version is kept as a backup.
    assert_eq!(
        std::fs::read_to_string(home.path().join("daten.json.bak")).unwrap(),
        fachmk::store::BUNDLED_JSON
    );
}

/// `e` on a Leitfrage hands its answer to $EDITOR; what the editor writes
/// comes back into the field and the data. A missing editor loses nothing.
#[test]
fn answers_are_edited_in_the_users_editor() {
    use std::os::unix::fs::PermissionsExt as _;
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("daten.json");
    fachmk::store::write_new(&file, fachmk::store::BUNDLED_JSON.as_bytes()).unwrap();
    let editor = home.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Vorher: %s|Im Editor geschrieben\\n' \"$(cat \"$1\")\" > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let args = ["--file", file.to_str().unwrap(), "--session", "48"];

    // A missing editor: a message, the screen back, the field as it was.
    let mut pty = Pty::spawn_with_env(home.path(), &args, &[("EDITOR", "fachmk-kein-editor")]);
    pty.wait_for("Konferenzen");
    pty.send("\t\t\t");
    pty.send("e");
    pty.wait_for("nicht gefunden");
    pty.wait_for("Leitfrage");
    pty.escape();
    pty.send("q");
    pty.wait_exit();

    let mut pty = Pty::spawn_with_env(
        home.path(),
        &args,
        &[("VISUAL", editor.to_str().unwrap()), ("EDITOR", "false")],
    );
    pty.wait_for("Konferenzen");
    pty.send("\t\t\t");
    pty.send("e");
    pty.wait_for("Text aus dem Editor übernommen");
    pty.wait_for("Im Editor geschrieben");
    pty.escape();
    pty.send("\x13"); // Ctrl-S
    pty.wait_for("Gespeichert");
    pty.send("q");
    pty.wait_exit();
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("Vorher: |Im Editor geschrieben"),
        "the answer is saved"
    );
}

/// The search index is built on a second thread after the first frame; `/`
/// typed at once waits for it (or finds it ready) and finds what is there.
#[test]
fn search_at_once_after_the_start_finds() {
    let (home, file) = bundled_copy();
    let mut pty = Pty::on_session_48(home.path(), &file);
    pty.wait_for("48. Sitzung");
    pty.send("/pörksen");
    pty.wait_for("Suche · 1 Treffer");
    pty.wait_for("Chef der Senatskanzlei");
    pty.escape();
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
    let log = std::fs::read_to_string(home.path().join("state/fachmk/fachmk.log")).unwrap();
    assert!(
        log.contains("search index built on a second thread"),
        "{log}"
    );
}
