//! Issue 11 tried as the staff would: a stray Enter at the export's overwrite
//! question keeps the file; `fachmk … | head` ends quietly; a save that took
//! in a colleague's changes leaves nothing "changed by others" behind; the
//! screen's export says in which directory the file went.
#![allow(clippy::unwrap_used)]

use crate::common::pty::{CTRL_S, ENTER, Pty, bundled_copy};

#[test]
fn enter_at_the_overwrite_question_keeps_the_file_only_j_overwrites() {
    let (home, file) = bundled_copy();
    let export = home.path().join("tischvorlage-48.md");
    std::fs::write(&export, "meine Notizen\n").unwrap();
    let mut p = Pty::on_session_48(home.path(), &file);
    p.wait_for("Konferenzen");
    p.send("r");
    p.wait_for("Übersicht");
    p.send("x");
    p.send(ENTER); // the suggested name
    p.wait_for("gibt es schon");
    p.wait_for("Enter/Esc");
    p.send(ENTER); // a stray Enter: no
    p.wait_for("Nicht exportiert");
    assert_eq!(std::fs::read_to_string(&export).unwrap(), "meine Notizen\n");
    p.send("x");
    p.send(ENTER);
    p.wait_for("gibt es schon");
    p.send("j");
    p.wait_for("Exportiert nach");
    assert!(
        std::fs::read_to_string(&export)
            .unwrap()
            .starts_with("IT-Planungsrat · 48. Sitzung"),
    );
    p.escape();
    p.send("q");
    assert_eq!(p.wait_exit(), 0, "{}", p.contents());
}

#[test]
fn a_closed_pipe_ends_quietly_with_0() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.json");
    std::fs::write(&data, fachmk::store::BUNDLED_JSON).unwrap();
    for args in [
        &["search", "IMK"][..],
        &["check"],
        &["export", "--format", "md"],
        &["export", "--format", "docx"],
    ] {
        // The reader is gone before a byte is written, as `| head -c0` would be.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_fachmk"))
            .env_clear()
            .env("HOME", dir.path())
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("FACHMK_TODAY", "2025-11-10")
            .args(["--file", data.to_str().unwrap()])
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

#[test]
fn a_save_that_merged_the_others_changes_clears_changed_by_others() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("gemeinsam.json");
    fachmk::store::write_new(&file, fachmk::store::BUNDLED_JSON.as_bytes()).unwrap();
    let args = ["--file", file.to_str().unwrap(), "--session", "48"];
    let mut a = Pty::spawn(home.path(), &args);
    let mut b = Pty::spawn(home.path(), &args);
    a.wait_for("Konferenzen");
    b.wait_for("Konferenzen");
    a.send("-"); // WMK: no exchange
    a.send(CTRL_S);
    a.wait_for("Gespeichert");
    b.send("j"); // IMK; B notices A's save
    b.wait_for("von anderen geändert");
    b.send("-");
    b.send(CTRL_S);
    b.wait_for("Änderungen anderer wurden mit übernommen");
    b.send("k");
    b.send("j");
    let screen = b.contents();
    assert!(!screen.contains("von anderen geändert"), "{screen}");
    // The file holds both changes: there really was something to merge.
    let saved = fachmk::store::load_file(&file).unwrap().data;
    let s48 = saved.session(48).unwrap();
    for conference in ["WMK", "IMK"] {
        let report = s48.report(conference).unwrap();
        assert_eq!(
            report.exchange,
            fachmk::domain::Exchange::No,
            "{conference}"
        );
    }
    for mut p in [a, b] {
        p.send("q");
        assert_eq!(p.wait_exit(), 0);
    }
}

#[test]
fn the_screen_export_names_the_full_path_of_the_file() {
    let (home, file) = bundled_copy();
    // The pty starts fachmk in `home`: the proposed name is relative to it.
    let mut p = Pty::on_session_48(home.path(), &file);
    p.wait_for("Konferenzen");
    p.send("r");
    p.wait_for("Übersicht");
    p.send("x");
    p.send(ENTER); // the suggested tischvorlage-48.md
    let full = home.path().join("tischvorlage-48.md");
    p.wait_for(&format!("Exportiert nach {}", full.display()));
    assert!(
        std::fs::read_to_string(&full)
            .unwrap()
            .contains("Reporting FachMK")
    );
    p.escape();
    p.send("q");
    assert_eq!(p.wait_exit(), 0, "{}", p.contents());
}
