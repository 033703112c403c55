//! Loading and saving the data file: round trips, every bad input, and the
#![allow(clippy::unwrap_used)]
//! promise that a file which failed to load is left exactly as it was.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use fachmk::store::{self, LoadError, load_file};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Loads `bytes` from a file, expects an error, checks the file is unchanged
/// and returns the message.
fn bad(bytes: &[u8]) -> (LoadError, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "data.json", bytes);
    let err = load_file(&path).unwrap_err();
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "file changed");
    let message = err.to_string();
    assert!(message.contains("data.json"), "no file name in: {message}");
    (err, message)
}

#[test]
fn round_trip_of_the_bundled_dataset() {
    let data = store::bundled();
    let bytes = store::to_bytes(&data, "x".as_ref()).unwrap();
    let again = store::load_bytes(&bytes, "x".as_ref()).unwrap().data;
    assert_eq!(again, data);
}

#[test]
fn unknown_keys_survive_load_and_save() {
    let mut json: serde_json::Value = serde_json::from_str(store::BUNDLED_JSON).unwrap();
    json["future_top_level"] = serde_json::json!({"a": [1, 2]});
    json["conferences"][0]["website"] = "https://example.org".into();
    json["sessions"][0]["reports"] = serde_json::json!([
        {"conference": "WMK", "exchange": "yes", "answers": {}, "decisions": [], "status": "draft", "mood": "gut"}
    ]);
    let text = serde_json::to_vec(&json).unwrap();
    let loaded = store::load_bytes(&text, "x".as_ref()).unwrap();
    let saved = store::to_bytes(&loaded.data, "x".as_ref()).unwrap();
    let back: serde_json::Value = serde_json::from_slice(&saved).unwrap();
    assert_eq!(back["future_top_level"], json["future_top_level"]);
    assert_eq!(back["conferences"][0]["website"], "https://example.org");
    assert_eq!(back["sessions"][0]["reports"][0]["mood"], "gut");
}

#[test]
fn empty_file() {
    let (err, msg) = bad(b"");
    assert!(matches!(err, LoadError::Empty { .. }));
    assert!(msg.contains("leer"), "{msg}");
    let (err, _) = bad(b"  \n\t");
    assert!(matches!(err, LoadError::Empty { .. }));
}

#[test]
fn truncated_json_names_line_and_column() {
    let full = store::BUNDLED_JSON.as_bytes();
    let (err, msg) = bad(&full[..full.len() / 2]);
    assert!(msg.contains("abgeschnitten"), "{msg}");
    let (line, column) = err.position().unwrap();
    assert!(line > 100 && column >= 1, "{line}:{column}");
}

#[test]
fn invalid_utf8_names_the_position() {
    let mut bytes = b"{\n  \"format\": \"fachmk\",\n  \"x\": \"ab".to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(b"\"\n}");
    let (err, msg) = bad(&bytes);
    assert!(
        matches!(
            err,
            LoadError::NotUtf8 {
                line: 3,
                column: 11,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(msg.contains("UTF-8"), "{msg}");
}

#[test]
fn syntax_error_names_line_and_column() {
    let (err, msg) = bad(b"{\n  \"format\": \"fachmk\",\n  \"version\" 1\n}");
    assert_eq!(err.position(), Some((3, 13)));
    assert!(msg.contains("Zeile 3, Spalte 13"), "{msg}");
}

#[test]
fn wrong_type_is_explained() {
    let text = store::BUNDLED_JSON.replacen("\"number\": 40", "\"number\": \"vierzig\"", 1);
    let (_, msg) = bad(text.as_bytes());
    assert!(msg.contains("passt hier nicht zum Format"), "{msg}");
    assert!(msg.contains("Zeile"), "{msg}");
}

#[test]
fn serdes_message_is_quoted_as_it_is_not_translated_word_by_word() {
    // "mapping" holds "map": a word-by-word translation made it „Objektping“.
    let text = store::BUNDLED_JSON.replacen("\"number\": 40", "\"number\": \"mapping\"", 1);
    let (err, msg) = bad(text.as_bytes());
    let (line, column) = err.position().unwrap();
    assert!(
        msg.contains(&format!(
            "Zeile {line}, Spalte {column}: Der Inhalt passt hier nicht"
        )),
        "{msg}"
    );
    assert!(
        msg.contains("„invalid type: string \"mapping\", expected u32“"),
        "{msg}"
    );
    assert!(!msg.contains("Objekt"), "{msg}");
    assert!(
        !msg.contains(" at line "),
        "the position is said once: {msg}"
    );
}

#[test]
fn missing_required_key_is_named() {
    let text = store::BUNDLED_JSON.replacen("\"debrief_date\": \"2023-04-19\",", "", 1);
    let (_, msg) = bad(text.as_bytes());
    assert!(msg.contains("„missing field `debrief_date`“"), "{msg}");
}

#[test]
fn foreign_format_is_refused() {
    let (err, msg) = bad(br#"{"format": "other", "version": 1}"#);
    assert!(matches!(err, LoadError::ForeignFormat { .. }));
    assert!(msg.contains("keine fachmk-Datei"), "{msg}");
    let (err, _) = bad(br#"{"name": "package.json"}"#);
    assert!(matches!(err, LoadError::ForeignFormat { .. }));
    let (err, _) = bad(b"[1, 2, 3]");
    assert!(matches!(err, LoadError::Syntax { .. }), "{err:?}");
}

#[test]
fn newer_version_loads_read_only_and_is_never_written() {
    let text = store::BUNDLED_JSON.replacen("\"version\": 1", "\"version\": 2", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "data.json", text.as_bytes());
    let loaded = load_file(&path).unwrap();
    assert_eq!(loaded.newer_version, Some(2));
    let err = store::save_loaded(&path, &loaded, &loaded.data, 5).unwrap_err();
    assert!(err.to_string().contains("neuere Version"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), text.as_bytes());
}

#[test]
fn byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(store::BUNDLED_JSON.as_bytes());
    assert!(store::load_bytes(&bytes, "x".as_ref()).is_ok());
}

#[test]
fn huge_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(store::MAX_FILE_SIZE + 1).unwrap(); // sparse: no real disk use
    let err = load_file(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }));
    assert!(err.to_string().contains("zu groß"));
}

#[test]
fn missing_file_says_how_to_create_one() {
    let err = load_file("/nonexistent/dir/x.json".as_ref()).unwrap_err();
    assert!(err.to_string().contains("fachmk init"), "{err}");
}

#[test]
fn save_keeps_backups_and_rotates_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.json");
    for n in 0..8 {
        store::save(&path, format!("version {n}\n").as_bytes(), 3).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "version 7\n");
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path, 1)).unwrap(),
        "version 6\n"
    );
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path, 2)).unwrap(),
        "version 5\n"
    );
    assert_eq!(
        std::fs::read_to_string(store::backup_path(&path, 3)).unwrap(),
        "version 4\n"
    );
    assert!(!store::backup_path(&path, 4).exists());
    // Nothing else is left in the directory: no temporary files.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
}

#[test]
fn new_files_are_private_and_existing_modes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.json");
    store::save(&path, b"a", 5).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660)).unwrap();
    store::save(&path, b"b", 5).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o660
    );
    let init = dir.path().join("init.json");
    store::write_new(&init, b"x").unwrap();
    assert_eq!(
        std::fs::metadata(&init).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(store::write_new(&init, b"y").is_err());
    assert_eq!(std::fs::read(&init).unwrap(), b"x");
}

#[test]
fn a_symlink_is_followed_and_its_target_written() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    store::save(&link, b"new", 5).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"new");
}
