//! The three documents (Tischvorlage, Arbeitsstand, Nachbesprechung) in
//! Markdown and Word, from the real program, and each as of its session:
//! later work never changes a past session's documents.
#![allow(clippy::unwrap_used)]

use std::io::Read as _;

use fachmk::domain::{ConcernStatus, Dataset, Exchange, Session};
use fachmk::export::{self, Kind};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::common::{fachmk, fixed_now, sample_data, today};

/// Session 48 prepared as a user would: WMK with answers to Leitfragen 1 and 3
/// (paragraphs, a line break, a typed list, markup characters), IMK with a
/// guest presenting, FMK without exchange, a TOP number.
fn prepared() -> Dataset {
    let mut data = sample_data();
    let s = data.session_mut(48).unwrap();
    s.agenda_item = Some("7".into());
    let w = s.report_mut("WMK");
    w.exchange = Exchange::Yes;
    w.presenter = Some("poerksen".into());
    w.answers.insert(
        "Q1".into(),
        "Regelmäßiger Austausch mit der Geschäftsstelle.\nZuletzt am 3. November.\n\n\
         Themen:\n- Registermodernisierung\n- EfA-Dienste *Wirtschaft*\n\n50 % erledigt"
            .into(),
    );
    w.answers.insert(
        "Q3".into(),
        "1. Quartal: Pilot <Unternehmensbasisdaten> & [Register]".into(),
    );
    w.answers.remove("Q2");
    w.decisions = vec!["2024/15".into()];
    let i = s.report_mut("IMK");
    i.exchange = Exchange::Yes;
    i.presenter = Some("Dr. Erika Gast".into());
    data
}

fn write(dir: &std::path::Path, data: &Dataset) -> std::path::PathBuf {
    let file = dir.join("d.json");
    std::fs::write(&file, fachmk::store::to_bytes(data, &file).unwrap()).unwrap();
    file
}

/// `fachmk export …` on `data`, as bytes.
fn run(data: &Dataset, args: &[&str]) -> Vec<u8> {
    let home = tempfile::tempdir().unwrap();
    let file = write(home.path(), data);
    let out = fachmk(home.path())
        .arg("-f")
        .arg(&file)
        .args(["export", "-s", "48"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_tischvorlage_is_an_agenda_item_in_commonmark() {
    let md = String::from_utf8(run(&prepared(), &[])).unwrap();
    insta::assert_snapshot!("b", md);
    let mut headings = Vec::new();
    let mut heading = None;
    let (mut lists, mut items, mut breaks, mut tables) = (Vec::new(), Vec::new(), 0, 0);
    let mut item = None;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::Start(Tag::Item) => item = Some(String::new()),
            Event::End(TagEnd::Item) => items.extend(item.take()),
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::HardBreak => breaks += 1,
            Event::Text(t) => {
                for open in [heading.as_mut().map(|h| &mut h.1), item.as_mut()]
                    .into_iter()
                    .flatten()
                {
                    open.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML: {h}"),
            Event::Start(Tag::Link { .. } | Tag::Emphasis | Tag::Strong) if heading.is_some() => {
                panic!("markup in a heading")
            }
            _ => {}
        }
    }
    let text = |level| {
        headings
            .iter()
            .filter(|(l, _)| *l == level)
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(text(HeadingLevel::H1), ["TOP 7 · Reporting FachMK"]);
    assert_eq!(
        text(HeadingLevel::H2),
        [
            "1. Sachverhalt",
            "2. Berichte",
            "3. Ohne Bericht",
            "4. Beschlüsse mit Relevanz für die FachMK",
            "5. Nachbesprechung",
            "6. Beschlussvorschlag"
        ]
    );
    assert_eq!(
        text(HeadingLevel::H3),
        [
            "Wirtschaftsministerkonferenz (WMK)",
            "Innenministerkonferenz (IMK)"
        ],
        "reports only where an exchange took place"
    );
    // Leitfragen 1 and 3 under their own numbers; the concern table of the IMK.
    let h4 = text(HeadingLevel::H4);
    assert!(h4[0].starts_with("Leitfrage 1: Welche Formen"), "{h4:?}");
    assert!(h4[1].starts_with("Leitfrage 3: Gibt es"), "{h4:?}");
    assert_eq!(h4[2], "Anliegen");
    // The typed list stays a list, the line break a line break, markup text.
    assert!(lists.contains(&None));
    assert!(
        items.contains(&"Registermodernisierung".to_owned()),
        "{items:?}"
    );
    assert!(
        items.contains(&"EfA-Dienste *Wirtschaft*".to_owned()),
        "{items:?}"
    );
    assert!(breaks >= 1);
    assert!(
        md.contains("1\\. Quartal: Pilot \\<Unternehmensbasisdaten> & \\[Register\\]"),
        "{md}"
    );
    assert!(md.contains("\n50 % erledigt\n"), "only markup is escaped");
    assert_eq!(tables, 2, "overview and the IMK's concerns");
    // Who reports, marked as guest; vacancies keep their Länder; no workflow state.
    assert!(md.contains("| Innenministerkonferenz (IMK) |"));
    assert!(md.contains("Dr. Erika Gast (Gast)"));
    assert!(md.contains("| N.N. (Hessen) |"), "{md}");
    for state in [
        "fertig",
        "Entwurf",
        "in Arbeit",
        "nicht begonnen",
        "noch offen",
        "Stand:",
    ] {
        assert!(
            !md.contains(state),
            "workflow state {state:?} in the handout"
        );
    }
    assert!(md.contains("daher kein Bericht erforderlich: Finanzministerkonferenz (FMK)."));
    // The cross-cutting decisions, and the one the WMK names, with its link.
    for id in ["**2023/07**", "**2024/02**", "**2024/15**"] {
        assert!(md.contains(id), "{id}");
    }
    assert!(md.contains("genannt von WMK, IMK"), "{md}");
    assert!(md.contains("Der IT-Planungsrat nimmt die Berichte der fachpolitischen Sprecherinnen und Sprecher zur Kenntnis."));
}

#[test]
fn the_handout_speaks_english_when_asked() {
    let md = String::from_utf8(run(&prepared(), &["--lang", "en"])).unwrap();
    assert!(
        md.contains("## 2. Reports") && md.contains("Dr. Erika Gast (guest)"),
        "{md}"
    );
    assert!(md.contains("Guiding question 3:"));
}

/// The text of `word/document.xml` in a .docx.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn the_word_file_has_headings_lists_tables_and_the_typed_text() {
    let home = tempfile::tempdir().unwrap();
    let file = write(home.path(), &prepared());
    let target = home.path().join("tv.docx");
    let out = fachmk(home.path())
        .arg("-f")
        .arg(&file)
        .args(["export", "-s", "48", "--format", "docx", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&target).unwrap();
    let xml = document_xml(&bytes);
    for style in ["Heading1", "Heading2", "Heading3", "Heading4"] {
        assert!(
            xml.contains(&format!("<w:pStyle w:val=\"{style}\" />")),
            "{style}"
        );
    }
    assert_eq!(
        xml.matches("<w:tbl>").count(),
        2,
        "overview and concerns as tables"
    );
    assert!(xml.contains("<w:numPr>"), "the typed list as a Word list");
    assert!(xml.contains("EfA-Dienste *Wirtschaft*"));
    assert!(xml.contains("1. Quartal: Pilot &lt;Unternehmensbasisdaten&gt; &amp; [Register]"));
    assert!(
        xml.contains("<w:br w:type=\"textWrapping\" />"),
        "the typed line break"
    );
    assert!(xml.contains("Dr. Erika Gast (Gast)"));
    // To a pipe it goes as it is; the same data give the same bytes.
    assert_eq!(run(&prepared(), &["--format", "docx"]), bytes);
    let other = run(
        &prepared(),
        &["--format", "docx", "--kind", "nachbesprechung"],
    );
    assert!(document_xml(&other).contains("Nachbesprechung der 48. Sitzung"));
}

#[test]
fn a_word_file_is_not_written_to_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    let file = write(home.path(), &prepared());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let request = fachmk::commands::ExportRequest {
        session: Some(48),
        format: fachmk::cli::ExportFormat::Docx,
        kind: None,
        output: None,
        to_terminal: true,
    };
    let error = fachmk::commands::export(&file, &request, today(), &mut out, &mut err)
        .expect_err("a Word file to a terminal is refused");
    assert_eq!(error.code(), fachmk::commands::exit::USAGE);
    assert!(out.is_empty() && err.is_empty());
    assert!(error.to_string().contains("-o"), "{error}");
}

/// Every document of session 48 in both formats.
fn all_of_48(data: &Dataset) -> Vec<Vec<u8>> {
    Kind::ALL
        .into_iter()
        .flat_map(|kind| {
            [
                export::markdown_of(data, 48, kind).into_bytes(),
                export::docx(data, 48, kind).unwrap(),
            ]
        })
        .collect()
}

#[test]
fn work_on_later_sessions_never_changes_a_past_sessions_documents() {
    let mut app = fachmk::app::App::new(prepared(), today(), fixed_now(), "tester", Some(48));
    app.add_concern("IMK", "Neu in 48").unwrap();
    app.add_concern_noted(
        "WMK",
        "Folge aus der Nachbesprechung",
        "aus der Nachbesprechung der 48. Sitzung",
        Some(48),
    )
    .unwrap();
    let before = all_of_48(&app.data);
    let imk_48 = export::markdown(&app.data, 48);
    assert!(
        imk_48.contains("| A-0001 | Erprobungsprojekt Register für Meldewesen"),
        "{imk_48}"
    );
    // Session 49: the concern of 47 is resolved, another dropped; a follow-up
    // from 48's debrief; 50: no exchange for the IMK, a new concern, a decision.
    for (number, day) in [(49, "2026-03-18"), (50, "2026-07-01")] {
        let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        assert!(app.add_session(Session::new(number, date, None)));
    }
    app.session = 49;
    assert!(app.set_exchange("IMK", Exchange::Yes));
    assert!(app.decide_concern("A-0001", ConcernStatus::Resolved));
    app.session = 50;
    assert!(app.set_exchange("IMK", Exchange::No));
    app.add_concern("IMK", "Neu in 50").unwrap();
    let mut decision = app.data.decisions[3].clone();
    decision.id = "2026/50".into();
    decision.session = Some(50);
    decision.cross_cutting = true;
    app.data_mut().decisions.push(decision);
    let after = all_of_48(&app.data);
    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
        assert!(
            b == a,
            "document {i} of session 48 changed:\n{}",
            String::from_utf8_lossy(a)
        );
    }
    // The concern closed in 49 is open in 48 and resolved in 49's handout.
    let md_49 = export::markdown(&app.data, 49);
    assert!(
        md_49.contains("| A-0001 |") && md_49.contains("| erledigt |"),
        "{md_49}"
    );
    assert!(!md_49.contains("Neu in 50") && !md_49.contains("2026/50"));
    // The follow-up is in 48's debrief document, and in 49's handout, not in 48's.
    assert!(!imk_48.contains("Folge aus der Nachbesprechung"));
    let debrief = export::markdown_of(&app.data, 48, Kind::Nachbesprechung);
    assert!(
        debrief.contains("Wirtschaftsministerkonferenz (WMK): Folge aus der Nachbesprechung"),
        "{debrief}"
    );
}

#[test]
fn carrying_over_without_exchange_is_recorded_and_counts_as_vertagt() {
    let mut app = fachmk::app::App::new(prepared(), today(), fixed_now(), "tester", Some(48));
    let concern = |app: &fachmk::app::App| {
        app.data
            .concerns
            .iter()
            .find(|c| c.id == "A-0001")
            .unwrap()
            .clone()
    };
    assert_eq!(concern(&app).times_carried_at(48), 0);
    assert!(app.set_exchange("IMK", Exchange::No));
    let carried = concern(&app);
    let last = carried.history.last().unwrap();
    assert_eq!(
        (last.session, last.status),
        (Some(48), Some(ConcernStatus::Open))
    );
    assert_eq!(last.note.as_deref(), Some(fachmk::domain::CARRIED_NOTE));
    assert_eq!(carried.times_carried_at(48), 1);
    // Undone with the exchange in one step.
    app.undo();
    assert_eq!(concern(&app).times_carried_at(48), 0);
    assert_eq!(
        app.current_session()
            .unwrap()
            .report("IMK")
            .unwrap()
            .exchange,
        Exchange::Yes
    );
    // No second entry when the same session is marked again.
    assert!(app.set_exchange("IMK", Exchange::Unknown));
    assert!(app.set_exchange("IMK", Exchange::No));
    assert!(app.set_exchange("IMK", Exchange::Yes));
    assert!(app.set_exchange("IMK", Exchange::No));
    assert_eq!(concern(&app).history.len(), 2);
}

#[test]
fn the_top_number_and_the_proposal_are_set_on_the_review_screen() {
    use crate::common::{press, type_text};
    use ratatui::crossterm::event::KeyCode;
    let mut app = crate::common::app();
    type_text(&mut app, "rt7\n");
    assert_eq!(
        app.current_session().unwrap().agenda_item.as_deref(),
        Some("7")
    );
    type_text(&mut app, "b");
    // The usual wording is offered; replaced, it is kept for this session only.
    let usual = "Der IT-Planungsrat nimmt die Berichte der fachpolitischen Sprecherinnen und Sprecher zur Kenntnis.";
    for _ in 0..usual.chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(
        &mut app,
        "Der IT-Planungsrat nimmt die Berichte zur Kenntnis und bittet um Bericht.",
    );
    press(&mut app, KeyCode::Esc);
    let session = app.current_session().unwrap();
    assert_eq!(
        session.proposal.as_deref(),
        Some("Der IT-Planungsrat nimmt die Berichte zur Kenntnis und bittet um Bericht.")
    );
    let md = app.handout();
    assert!(md.contains("\n# TOP 7 · Reporting FachMK\n"), "{md}");
    assert!(md.ends_with("## 6. Beschlussvorschlag\n\nDer IT-Planungsrat nimmt die Berichte zur Kenntnis und bittet um Bericht.\n"));
    assert!(
        !export::markdown(&app.data, 47).contains("TOP 7"),
        "per session"
    );
}

#[test]
fn the_schema_takes_exactly_what_the_loader_takes_for_the_new_fields() {
    let path = format!("{}/data/fachmk.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let base: serde_json::Value = serde_json::from_str(fachmk::store::BUNDLED_JSON).unwrap();
    let concern =
        serde_json::json!({"id": "A-0001", "conference": "IMK", "title": "T", "raised_in": 49});
    let cases: [(&str, &str, serde_json::Value, bool); 9] = [
        ("sessions", "agenda_item", "7a".into(), true),
        ("sessions", "agenda_item", serde_json::Value::Null, true),
        ("sessions", "agenda_item", 7.into(), false),
        ("sessions", "proposal", "Der IT-Planungsrat …".into(), true),
        ("sessions", "proposal", serde_json::Value::Null, true),
        ("decisions", "cross_cutting", true.into(), true),
        ("decisions", "cross_cutting", serde_json::Value::Null, false),
        ("concerns", "follow_up_of", 48.into(), true),
        ("concerns", "follow_up_of", "48".into(), false),
    ];
    for (list, field, value, ok) in cases {
        let mut file = base.clone();
        if list == "concerns" {
            file["concerns"] = serde_json::json!([concern.clone()]);
        }
        file[list][0][field] = value.clone();
        let loaded =
            fachmk::store::load_bytes(&serde_json::to_vec(&file).unwrap(), "x.json".as_ref());
        assert_eq!(loaded.is_ok(), ok, "loader: {field} = {value}");
        assert_eq!(validator.is_valid(&file), ok, "schema: {field} = {value}");
    }
}
