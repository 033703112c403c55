//! Text in the shared data file never drives a terminal: a corpus of escape
//! sequences in every text field never appears raw in what `check`, `search`,
//! `export md|csv|ics|json` print, nor in error messages (issue 11, item 3),
//! nor on the screen.
#![allow(clippy::unwrap_used)]

use serde_json::Value;

/// OSC 52 (clipboard), OSC 0/2 (title), OSC 8 (link), CSI 6n (an answer typed
/// into the shell), ESC c (reset), DCS, C1 CSI/OSC/DCS, BEL, backspace, DEL, a
/// lone carriage return, bidi overrides and isolates.
const CORPUS: &str = concat!(
    "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}",
    "\u{1b}]0;pwned\u{7}\u{1b}]2;title\u{1b}\\",
    "\u{1b}]8;;https://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}[6n\u{1b}c\u{1b}P+q544e\u{1b}\\",
    "\u{9b}6n\u{9d}0;x\u{9c}\u{90}q\u{9c}\u{7}\u{8}\u{7f}",
    "over\rwrite\u{202e}txt.exe\u{202a}\u{202d}\u{2066}\u{2067}\u{2068}\u{2069}"
);

/// Keys whose string values are free text (ids, dates and states aside).
const TEXT_KEYS: [&str; 12] = [
    "name",
    "note",
    "title",
    "summary",
    "details",
    "text",
    "place",
    "role",
    "salutation",
    "presenter",
    "by",
    "updated_by",
];

fn poison(value: &mut Value, key: Option<&str>) {
    match value {
        Value::String(s) if key.is_some_and(|k| TEXT_KEYS.contains(&k)) => {
            *s = format!("Feindlich {s} {CORPUS} Ende");
        }
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                match (k.as_str(), v) {
                    ("answers" | "roles", Value::Object(texts)) => {
                        for text in texts.values_mut() {
                            if let Value::String(s) = text {
                                *s = format!("Feindlich {s} {CORPUS}");
                            }
                        }
                    }
                    ("items", Value::Array(items)) => {
                        for item in items {
                            if let Value::String(s) = item {
                                *s = format!("Feindlich {s} {CORPUS}");
                            }
                        }
                    }
                    (k, v) => poison(v, Some(k)),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| poison(v, key)),
        _ => {}
    }
}

/// The sample data with the corpus in every text field, as a file.
fn hostile_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut value = serde_json::to_value(crate::common::sample_data()).unwrap();
    poison(&mut value, None);
    let path = dir.join("hostile.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    path
}

/// The first thing in `bytes` a terminal would obey, if any.
fn raw_control(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    text.char_indices().find_map(|(i, c)| {
        let lone_cr = c == '\r' && !text[i..].starts_with("\r\n");
        let unsafe_char = matches!(c,
            '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
            | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        (lone_cr || unsafe_char).then(|| {
            let start = i.saturating_sub(40);
            format!("U+{:04X} at byte {i}: …{:?}", u32::from(c), &text[start..i])
        })
    })
}

fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    if let Some(found) = raw_control(bytes) {
        panic!("{what} prints a raw control: {found}");
    }
}

#[test]
fn the_corpus_is_really_in_the_file_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let loaded = fachmk::store::load_file(&path).unwrap();
    let title = &loaded.data.concerns[0].title;
    assert!(
        title.contains("\u{1b}]52;") && title.contains('\u{9b}'),
        "{title:?}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(r"\u001b]52;c;") && text.contains('\u{9b}'),
        "JSON escapes C0 only"
    );
}

#[test]
fn check_search_and_every_export_print_no_raw_control() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let file = path.to_str().unwrap();
    let runs: [(&str, &[&str]); 7] = [
        ("check", &["check", "--session", "48"]),
        ("search", &["search", "Feindlich", "--limit", "100000"]),
        ("search --list", &["search", "--list", "x"]),
        (
            "export md",
            &["export", "--session", "48", "--format", "md"],
        ),
        (
            "export csv",
            &["export", "--session", "48", "--format", "csv"],
        ),
        (
            "export ics",
            &["export", "--session", "48", "--format", "ics"],
        ),
        (
            "export json",
            &["export", "--session", "48", "--format", "json"],
        ),
    ];
    for (what, args) in runs {
        let output = crate::common::fachmk(dir.path())
            .args(["--file", file])
            .args(args)
            .output()
            .unwrap();
        assert!(
            output.stdout.windows(9).any(|w| w == b"Feindlich"),
            "{what} shows the hostile text (else this test proves nothing): {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_terminal_safe(what, &output.stdout);
        assert_terminal_safe(&format!("{what} (stderr)"), &output.stderr);
    }
}

#[test]
fn the_stand_in_is_visible_and_json_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let file = path.to_str().unwrap();
    let md = crate::common::fachmk(dir.path())
        .args([
            "--file",
            file,
            "export",
            "--session",
            "48",
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    // (Markdown may escape the bracket: `�\]52;c;…`.)
    assert!(md.contains("52;c;ZWNobyBwd25lZA==\u{fffd}"), "{md}");
    assert!(md.contains("over\u{fffd}write\u{fffd}txt.exe"), "{md}");
    let json = crate::common::fachmk(dir.path())
        .args([
            "--file",
            file,
            "export",
            "--session",
            "48",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(json.status.success());
    let text = String::from_utf8(json.stdout).unwrap();
    assert!(
        text.contains(r"\u001b]52;c;") && text.contains(r"\u009b6n"),
        "escaped"
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(value.to_string().contains("\\u001b]52;c;"));
    let mut found = false;
    walk_strings(&value, &mut |s| found |= s.contains(CORPUS));
    assert!(found, "the JSON export carries the text unchanged");
}

fn walk_strings(value: &Value, f: &mut impl FnMut(&str)) {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|v| walk_strings(v, f)),
        Value::Object(map) => map.values().for_each(|v| walk_strings(v, f)),
        _ => {}
    }
}

#[test]
fn ics_text_carries_no_control_even_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_file(dir.path());
    let out = dir.path().join("s.ics");
    crate::common::fachmk(dir.path())
        .args([
            "--file",
            path.to_str().unwrap(),
            "export",
            "--session",
            "48",
        ])
        .args(["--format", "ics", "-o", out.to_str().unwrap()])
        .assert()
        .success();
    let ics = std::fs::read(&out).unwrap();
    assert!(ics.windows(9).any(|w| w == b"Feindlich"));
    assert_terminal_safe("the .ics file", &ics);
}

#[test]
fn error_messages_quote_data_safely() {
    let dir = tempfile::tempdir().unwrap();
    let mut value = serde_json::to_value(crate::common::sample_data()).unwrap();
    // A concern of a conference nobody knows: `check` names it on stderr.
    value["concerns"][0]["conference"] = Value::String(format!("IMK{CORPUS}"));
    let path = dir.path().join("bad.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    for command in ["check", "export"] {
        let output = crate::common::fachmk(dir.path())
            .args(["--file", path.to_str().unwrap(), command])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(65), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("IMK\u{fffd}]52;"), "{command}: {stderr}");
        assert_terminal_safe(command, &output.stderr);
    }
}

#[test]
fn the_csv_formula_guard_covers_tab_and_carriage_return() {
    let mut data = crate::common::sample_data();
    let cells = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"];
    for (i, start) in cells.iter().enumerate() {
        let mut concern = data.concerns[0].clone();
        concern.id = format!("A-01{i:02}");
        concern.title = (*start).to_owned();
        data.concerns.push(concern);
    }
    let csv = fachmk::export::csv(&data, 48);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let titles: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[2].to_owned())
        .filter(|t| t.starts_with('\''))
        .collect();
    let guarded: Vec<String> = cells.iter().map(|c| format!("'{c}")).collect();
    assert_eq!(titles, guarded);
}

#[test]
fn the_screen_sends_no_bidi_override_nor_c1_control() {
    let dir = tempfile::tempdir().unwrap();
    // A colleague's concern for the WMK, shown in the Offene Anliegen pane.
    let mut value: Value = serde_json::from_str(fachmk::store::BUNDLED_JSON).unwrap();
    value["concerns"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "A-0999", "conference": "WMK", "raised_in": 47, "status": "open",
        "title": format!("Böse \u{202e}RTL \u{2067}x {CORPUS} Rest"), "decisions": [], "history": [],
    }));
    let path = dir.path().join("hostile.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    let mut p = crate::common::pty::Pty::spawn(
        dir.path(),
        &["--file", path.to_str().unwrap(), "--session", "48"],
    );
    p.wait_for("Offene Anliegen (1)");
    p.send("/");
    p.send("Böse");
    p.wait_for("Treffer");
    let output = p.output();
    let text = String::from_utf8_lossy(&output);
    assert!(text.contains("Böse"), "the hostile text was never drawn");
    // ESC is the screen's own; what a terminal must never get from the data
    // is a C1 control or a bidi override or isolate.
    let found = text.char_indices().find(|&(_, c)| {
        matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    if let Some((i, c)) = found {
        let start = i.saturating_sub(40);
        panic!("U+{:04X} sent raw: …{:?}", u32::from(c), &text[start..i]);
    }
    p.escape();
    p.send("q");
    p.wait_exit();
}
