//! A burst of typed or unbracketed pasted text (as over SSH) larger than one
//! terminal read (crossterm reads 1 KiB at a time): handled and drawn at once,
//! and the next Esc is not swallowed.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use crate::common::pty::{Pty, bundled_copy};

#[test]
fn four_kilobytes_unbracketed_are_drawn_at_once_and_the_next_esc_acts() {
    let (home, file) = bundled_copy();
    let mut pty = Pty::on_session_48(home.path(), &file);
    pty.wait_for("Konferenzen");
    pty.send("w");
    pty.wait_for("Hat seit der 47. Sitzung ein Austausch");
    pty.send("y");
    pty.wait_for("Leitfrage 1");
    // 4 KB without bracketed paste, in one write, its end marked.
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 4096 {
        let _ = write!(text, "wort{n:04} ");
        n += 1;
    }
    text.push_str("SCHLUSSWORT");
    assert!(text.len() > 4096);
    pty.send(&text);
    // No further key: the end of the burst must show by itself.
    pty.wait_for("SCHLUSSWORT");
    // The next Esc acts: the walkthrough pauses.
    pty.escape();
    pty.wait_for("Durchgang pausiert");
    pty.send("\x13"); // Ctrl-S
    pty.wait_for("Gespeichert");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("wort0000 wort0001"), "the text was saved");
    assert!(saved.contains("SCHLUSSWORT"));
    pty.send("q");
    pty.wait_exit();
}

/// Typed export paths: `~` is the home directory; a failed export keeps the
/// dialog with the path as typed, and says why.
#[test]
fn a_typed_export_path_expands_tilde_and_a_failure_keeps_the_dialog() {
    let (home, file) = bundled_copy();
    let mut pty = Pty::on_session_48(home.path(), &file);
    pty.wait_for("Konferenzen");
    pty.send("r");
    pty.send("x");
    pty.wait_for("tischvorlage-48.md");
    let empty = "\x7f".repeat(30); // Backspace: the field emptied
    pty.send(&empty);
    pty.send("/gibt/es/nicht/bericht.md\r");
    pty.wait_for("Fehler: /gibt/es/nicht/bericht.md: kann nicht");
    // Still the dialog, with what was typed.
    assert!(pty.contents().contains("/gibt/es/nicht/bericht.md"));
    pty.send(&empty);
    pty.send("~/bericht.md\r");
    pty.wait_for("Exportiert nach");
    let written = std::fs::read_to_string(home.path().join("bericht.md")).unwrap();
    assert!(written.contains("48"), "{written}");
    assert!(
        !pty.contents().contains("~/bericht.md"),
        "the dialog closed"
    );
    pty.escape();
    pty.send("q");
    pty.wait_exit();
}
