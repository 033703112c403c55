//! Every export against a reader of its format: JSON Schema, CommonMark,
//! iCalendar (a strict line check of RFC 5545), CSV.
#![allow(clippy::unwrap_used)]

use fachmk::domain::{ConcernStatus, Dataset, DebriefItem, HistoryEntry};
use fachmk::export;
use fachmk::store;

fn schema(name: &str) -> jsonschema::Validator {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, value: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Sample data with a resolved concern, a decision of the session and a debrief.
fn rich() -> Dataset {
    let mut data = crate::common::sample_data();
    let mut resolved = data.concerns[0].clone();
    resolved.id = "A-0002".into();
    resolved.title = "Titel mit *Sternen*, [Klammern] und # Raute; Semikolon \"Zitat\"".into();
    resolved.status = ConcernStatus::Resolved;
    resolved.history.push(HistoryEntry {
        session: Some(48),
        at: crate::common::fixed_now(),
        by: "tester".into(),
        status: Some(ConcernStatus::Resolved),
        note: Some("=SUMME(A1) erledigt".into()),
        extra: fachmk::domain::Extra::default(),
    });
    data.concerns.push(resolved);
    let mut d = data.decisions[3].clone();
    d.id = "2025/31".into();
    d.title = "Ein Beschluss der 48. Sitzung".into();
    d.session = Some(48);
    d.conferences = vec!["IMK".into(), "WMK".into()];
    data.decisions.push(d);
    let s = data.session_mut(48).unwrap();
    s.report_mut("WMK").decisions.push("2024/02".into());
    s.debrief_mut().items.insert(
        "IMK".into(),
        DebriefItem {
            present: vec!["2025/31".into()],
            notes: Some("Rückfragen zur Umsetzung".into()),
            ..Default::default()
        },
    );
    data
}

#[test]
fn the_data_file_schema_accepts_real_files() {
    let validator = schema("fachmk.schema.json");
    let bundled: serde_json::Value = serde_json::from_str(store::BUNDLED_JSON).unwrap();
    assert_valid(&validator, &bundled);
    let written = store::to_bytes(&rich(), "x".as_ref()).unwrap();
    assert_valid(&validator, &serde_json::from_slice(&written).unwrap());
    // …and refuses what is not one.
    let mut broken = bundled.clone();
    broken["sessions"][0]["reports"] =
        serde_json::json!([{"conference": "WMK", "exchange": "vielleicht"}]);
    assert!(!validator.is_valid(&broken));
    broken = bundled;
    broken["decisions"][0]["id"] = "22/43".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn the_json_export_follows_its_schema() {
    let validator = schema("fachmk-export.schema.json");
    let data = rich();
    for number in [40, 47, 48] {
        let text = export::json(&data, number);
        assert_valid(&validator, &serde_json::from_str(&text).unwrap());
    }
}

#[test]
fn the_arbeitsstand_is_commonmark_with_escaped_user_text() {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let kind = export::Kind::Arbeitsstand;
    let md = export::markdown_of(&rich(), 48, kind);
    assert_eq!(md, export::markdown_of(&rich(), 48, kind), "deterministic");
    let mut headings = Vec::new();
    let mut in_heading = None;
    let mut text = String::new();
    for event in Parser::new(&md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => in_heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(in_heading.take()),
            Event::Text(t) => {
                if let Some((_, h)) = in_heading.as_mut() {
                    h.push_str(&t);
                }
                text.push_str(&t);
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the Arbeitsstand: {h}"),
            Event::Start(Tag::Link { .. }) => panic!("user text became a link"),
            _ => {}
        }
    }
    assert_eq!(
        headings[0],
        (
            HeadingLevel::H1,
            "Arbeitsstand Reporting FachMK – 48. Sitzung".to_owned()
        )
    );
    let h2: Vec<&str> = headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h2.len(),
        2 + 13,
        "what is missing, hints, 13 conferences: {h2:?}"
    );
    assert_eq!(h2[..2], ["Was fehlt", "Hinweise"]);
    assert!(h2.contains(&"Innenministerkonferenz (IMK)"));
    // The user's markup characters come out as the text they typed.
    assert!(
        text.contains("Titel mit *Sternen*, [Klammern] und # Raute"),
        "{text}"
    );
    assert!(
        text.contains("A-0002, seit 47. Sitzung, erledigt"),
        "{text}"
    );
    let debrief = export::markdown_of(&rich(), 48, export::Kind::Nachbesprechung);
    assert!(
        debrief.contains("| Innenministerkonferenz (IMK) | 2025/31 | Rückfragen zur Umsetzung |")
    );
    assert!(
        debrief.contains("**2025/31** Ein Beschluss der 48. Sitzung"),
        "{debrief}"
    );
}

/// Unfolds an iCalendar text after checking every physical line.
fn strict_ics_lines(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"));
    let mut logical: Vec<String> = Vec::new();
    for physical in ics.split_terminator("\r\n") {
        assert!(
            !physical.contains('\n') && !physical.contains('\r'),
            "bare line break in {physical:?}"
        );
        assert!(physical.len() <= 75, "line over 75 octets: {physical:?}");
        if let Some(rest) = physical.strip_prefix(' ') {
            logical.last_mut().unwrap().push_str(rest);
        } else {
            logical.push(physical.to_owned());
        }
    }
    logical
}

#[test]
fn ics_is_strict_rfc_5545() {
    let ics = export::ics(&rich(), 48);
    assert_eq!(ics, export::ics(&rich(), 48), "deterministic");
    let lines = strict_ics_lines(&ics);
    let mut depth = Vec::new();
    let mut uids = Vec::new();
    let mut events = Vec::new();
    for line in &lines {
        let (name, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("no value: {line}"));
        let name = name.split(';').next().unwrap();
        assert!(
            name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
            "bad name {name}"
        );
        match name {
            "BEGIN" => depth.push(value.to_owned()),
            "END" => assert_eq!(depth.pop().as_deref(), Some(value)),
            "UID" => uids.push(value.to_owned()),
            "DTSTART" => events.push(value.to_owned()),
            "DESCRIPTION" | "SUMMARY" | "LOCATION" => {
                // Escaped TEXT: no bare `;` or `,`, backslashes only before n, \, ; or ,.
                let mut chars = value.chars();
                while let Some(c) = chars.next() {
                    assert!(c != ';' && c != ',', "unescaped {c} in {value}");
                    if c == '\\' {
                        assert!(
                            matches!(chars.next(), Some('n' | '\\' | ';' | ',')),
                            "{value}"
                        );
                    }
                }
            }
            _ => {}
        }
    }
    assert!(depth.is_empty());
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert!(lines.contains(&"VERSION:2.0".to_owned()));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert_eq!(
        uids,
        ["itplr-sitzung-48@fachmk", "itplr-nachbesprechung-48@fachmk"]
    );
    assert_eq!(events, ["20251126", "20251217"]);
    assert!(lines.iter().any(|l| l.contains("Beschluss 2025/31")));
}

#[test]
fn csv_reads_back_in_a_csv_reader_as_german_excel_expects() {
    let text = export::csv(&rich(), 48);
    assert!(text.starts_with('\u{feff}'), "byte-order mark for Excel");
    assert!(text.contains("\r\n"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "ID",
            "Konferenz",
            "Titel",
            "Status",
            "seit Sitzung",
            "vertagt",
            "Beschlüsse",
            "letzte Notiz"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "A-0001");
    assert_eq!(&rows[0][3], "offen");
    assert_eq!(&rows[0][6], "2024/15");
    assert_eq!(
        &rows[1][2],
        "Titel mit *Sternen*, [Klammern] und # Raute; Semikolon \"Zitat\""
    );
    assert_eq!(&rows[1][3], "erledigt");
    assert_eq!(&rows[1][7], "'=SUMME(A1) erledigt", "a formula is defused");
}

#[test]
fn check_reports_undecided_concerns_and_an_overdue_debrief() {
    let data = rich();
    let s = data.session(48).unwrap();
    let missing = fachmk::domain::missing_for(&data, s, "IMK");
    assert!(
        missing
            .iter()
            .map(ToString::to_string)
            .any(|m| m.contains("A-0001") && m.contains("ohne Entscheidung")),
        "{missing:?}"
    );
    let after = chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
    let gaps = data.debrief_gaps(48, after);
    assert!(
        gaps.iter().any(|g| g.to_string().contains("überfällig")),
        "{gaps:?}"
    );
    let before = chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap();
    assert!(
        data.debrief_gaps(48, before).is_empty(),
        "no debrief before the session"
    );
}
