//! A large file's concerns are read on a second thread while the first frame
//! is drawn; nothing may act on the data before they are in place.
#![allow(clippy::unwrap_used)]

use fachmk::demo::{DemoSize, archive};
use fachmk::store;

use crate::common::pty::{CTRL_S, Pty};

/// An archive over the size from which concerns are read beside the first frame.
fn large_archive(dir: &std::path::Path) -> (std::path::PathBuf, fachmk::domain::Dataset) {
    let data = archive(DemoSize {
        sessions: 4,
        concerns: 1500,
        seed: 11,
    });
    let file = dir.join("archiv.json");
    let bytes = store::to_bytes(&data, &file).unwrap();
    assert!(bytes.len() > 1 << 20, "{} bytes: too small", bytes.len());
    store::write_new(&file, &bytes).unwrap();
    let data = store::load_file(&file).unwrap().data;
    (file, data)
}

#[test]
fn keys_typed_before_the_concerns_are_read_act_on_all_of_them() {
    let home = tempfile::tempdir().unwrap();
    let (file, before) = large_archive(home.path());
    let (raw, after) = change_and_save_at_once(home.path(), &file);
    assert!(
        raw.contains("werden geladen"),
        "the first frame did not wait for nothing: it said the concerns were loading"
    );
    assert!(
        after.sessions != before.sessions,
        "the change was not saved"
    );
    assert_eq!(after.concerns, before.concerns);
}

/// Opens `file`, and as soon as the first frame is there (while the concerns
/// are still being read, in a debug build) makes a change and saves; what
/// the screen wrote, and the data saved.
fn change_and_save_at_once(
    home: &std::path::Path,
    file: &std::path::Path,
) -> (String, fachmk::domain::Dataset) {
    let mut screen = Pty::spawn(home, &["--file", file.to_str().unwrap()]);
    screen.wait_for("Sitzung");
    screen.send(&format!("-{CTRL_S}"));
    screen.wait_for("Gespeichert");
    screen.wait_for("Offene Anliegen (");
    let raw = String::from_utf8_lossy(&screen.output()).into_owned();
    screen.send("q");
    assert_eq!(screen.wait_exit(), 0);
    (raw, store::load_file(file).unwrap().data)
}

#[test]
fn a_concern_the_contract_refuses_makes_the_file_unreadable_and_unwritten() {
    let home = tempfile::tempdir().unwrap();
    let (file, _) = large_archive(home.path());
    // The 700th concern loses its title.
    let text = std::fs::read_to_string(&file).unwrap();
    let concerns = text.find("\n  \"concerns\":").unwrap();
    let title = concerns
        + text[concerns..]
            .match_indices("\"title\":")
            .nth(700)
            .unwrap()
            .0;
    let broken = format!("{}\"titel\":{}", &text[..title], &text[title + 8..]);
    std::fs::write(&file, &broken).unwrap();
    let mut screen = Pty::spawn(home.path(), &["--file", file.to_str().unwrap()]);
    screen.wait_for("Sitzung");
    screen.send(&format!("-{CTRL_S}"));
    screen.wait_for("Datei kann nicht geöffnet werden");
    screen.wait_for("title");
    screen.send("\r");
    assert_eq!(screen.wait_exit(), 0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
}

#[test]
fn a_file_whose_concerns_end_elsewhere_than_they_seem_is_shown_and_saved_whole() {
    let home = tempfile::tempdir().unwrap();
    let (file, before) = large_archive(home.path());
    // As another program may write it: the concerns on one line, before the
    // conferences, whose end is taken for theirs at first.
    let mut data = before.clone();
    let concerns = serde_json::to_string(&std::mem::take(&mut data.concerns)).unwrap();
    let text = serde_json::to_string_pretty(&data)
        .unwrap()
        .replacen(",\n  \"concerns\": []", "", 1)
        .replacen(
            "\n  \"conferences\": [",
            &format!("\n  \"concerns\": {concerns},\n  \"conferences\": ["),
            1,
        );
    std::fs::write(&file, &text).unwrap();
    assert_eq!(store::load_file(&file).unwrap().data, before);
    let (_, after) = change_and_save_at_once(home.path(), &file);
    assert!(
        after.sessions != before.sessions,
        "the change was not saved"
    );
    assert_eq!(after.conferences, before.conferences);
    assert_eq!(after.concerns, before.concerns);
}

#[test]
fn a_search_typed_as_the_screen_opens_opens_at_once_and_gets_its_hits() {
    let home = tempfile::tempdir().unwrap();
    let (file, data) = large_archive(home.path());
    let mut screen = Pty::spawn(home.path(), &["--file", file.to_str().unwrap()]);
    screen.wait_for("Sitzung");
    // Typed before the search index is built on its thread.
    let name = &data.conferences[0].name;
    screen.send(&format!("/{name}"));
    // (Here, the search opened before the index was there in every run: it
    // said so, and the loop handed it its hits when the thread was done.)
    screen.wait_for("Treffer");
    screen.wait_for("Konferenzen");
    screen.escape();
    screen.send("q");
    assert_eq!(screen.wait_exit(), 0);
}
