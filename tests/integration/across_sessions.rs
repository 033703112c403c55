//! What the tool remembers between sessions: carried concerns, the debrief,
//! assignments over time, decisions and where they are cited, what changed.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press, type_text};
use fachmk::app::{App, Overlay, View};
use fachmk::domain::{ConcernStatus, Missing, Phase};
use ratatui::crossterm::event::KeyCode;

fn concern(app: &App, id: &str) -> fachmk::domain::Concern {
    app.data
        .concerns
        .iter()
        .find(|c| c.id == id)
        .unwrap()
        .clone()
}

/// Creates the next session (dated after the last) through the screen.
fn new_session(app: &mut App, date: &str) {
    type_text(app, "n");
    type_text(app, &format!("{date}\n\n"));
    press(app, KeyCode::Enter);
}

#[test]
fn carry_over_over_three_sessions_with_every_decision() {
    let mut app = app(); // session 48; A-0001 (IMK) was raised in 47
    // Three more concerns of the IMK, raised in 48.
    for title in ["Zweites", "Drittes", "Viertes"] {
        crate::common::select_conference(&mut app, "IMK");
        app.add_concern("IMK", title).unwrap();
    }
    // Session 49: every carried concern is put before the user and must be decided.
    new_session(&mut app, "18.03.2026");
    assert_eq!(app.session, 49);
    crate::common::select_conference(&mut app, "IMK");
    let undecided = |app: &App| {
        let s = app.current_session().unwrap();
        fachmk::domain::missing_for(&app.data, s, "IMK")
            .into_iter()
            .filter(|m| matches!(m, Missing::ConcernUndecided { .. }))
            .count()
    };
    assert_eq!(undecided(&app), 4);
    type_text(&mut app, "wy");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "o"); // A-0001 stays open: vertagt
    type_text(&mut app, "b"); // A-0002 in progress
    type_text(&mut app, "E"); // A-0003 resolved…
    type_text(&mut app, "Geklärt\n"); // …with a note on the outcome
    type_text(&mut app, "v\n"); // A-0004 dropped, without a note
    assert_eq!(undecided(&app), 0);
    assert_eq!(concern(&app, "A-0001").times_carried(), 1);
    assert_eq!(concern(&app, "A-0003").status, ConcernStatus::Resolved);
    assert_eq!(concern(&app, "A-0004").status, ConcernStatus::Dropped);
    let md = fachmk::export::markdown(&app.data, 49);
    assert!(md.contains("| 47. Sitzung | offen | 1× |"), "{md}");
    assert!(
        md.contains("| in Bearbeitung |")
            && md.contains("| erledigt: Geklärt |")
            && md.contains("| verworfen |"),
        "{md}"
    );
    // Session 50: only the active ones come back, the open one a second time.
    press(&mut app, KeyCode::Esc);
    new_session(&mut app, "01.07.2026");
    crate::common::select_conference(&mut app, "IMK");
    assert_eq!(undecided(&app), 2);
    type_text(&mut app, "wy");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "o");
    type_text(&mut app, "E\n");
    let c = concern(&app, "A-0001");
    assert_eq!(c.times_carried(), 2);
    let sessions: Vec<Option<u32>> = c.history.iter().map(|h| h.session).collect();
    assert_eq!(sessions, [Some(47), Some(49), Some(50)]);
    assert!(
        c.history
            .iter()
            .all(|h| h.by == "müller" || h.by == "tester")
    );
    assert_eq!(concern(&app, "A-0002").status, ConcernStatus::Resolved);
    let csv = fachmk::export::csv(&app.data, 50);
    assert!(
        csv.contains("A-0001;IMK;Erprobungsprojekt Register für Meldewesen;offen;47;2;"),
        "{csv}"
    );
}

#[test]
#[allow(clippy::too_many_lines)]
fn the_debrief_from_decisions_to_held() {
    let mut app = App::new(
        crate::common::sample_data(),
        chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
        crate::common::fixed_now(),
        "tester",
        Some(48),
    );
    let s = app.current_session().unwrap();
    assert_eq!(s.phase(app.today), Phase::Debrief);
    assert_eq!(app.data.debrief_gaps(48, app.today).len(), 3);
    type_text(&mut app, "d");
    assert!(matches!(
        app.overlay,
        Overlay::View(View::Debrief {
            conference: None,
            ..
        })
    ));
    type_text(&mut app, "a");
    type_text(&mut app, "2025/3\n"); // refused: malformed
    assert!(app.editor.as_ref().unwrap().error.is_some());
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2025/31 Registermodernisierung: Umsetzungsplan\n");
    assert_eq!(app.data.decision("2025/31").unwrap().session, Some(48));
    // …and which conferences it concerns: named, not always all of them.
    type_text(&mut app, "\n");
    assert!(app.editor.as_ref().unwrap().error.is_some(), "none named");
    type_text(&mut app, "imk, XMK\n");
    assert!(app.editor.as_ref().unwrap().error.is_some(), "unknown XMK");
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, ", GMK\n");
    assert!(app.editor.is_none());
    assert_eq!(
        app.data.decision("2025/31").unwrap().conferences,
        ["IMK", "GMK"]
    );
    type_text(&mut app, "j\n"); // IMK
    type_text(&mut app, " "); // present 2025/31
    type_text(&mut app, "e");
    type_text(&mut app, "Fragen zur Finanzierung");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "a");
    type_text(&mut app, "Finanzierung klären\n");
    let item = app
        .current_session()
        .unwrap()
        .debrief
        .as_ref()
        .unwrap()
        .items["IMK"]
        .clone();
    assert_eq!(item.present, ["2025/31"]);
    assert_eq!(item.notes.as_deref(), Some("Fragen zur Finanzierung"));
    let follow_up = app
        .data
        .concerns
        .iter()
        .find(|c| c.title == "Finanzierung klären")
        .unwrap();
    // Raised for the next session, so 48's Tischvorlage never shows it.
    assert_eq!(
        (
            follow_up.conference.as_str(),
            follow_up.raised_in,
            follow_up.follow_up_of
        ),
        ("IMK", 49, Some(48))
    );
    assert_eq!(
        follow_up.history[0].note.as_deref(),
        Some("aus der Nachbesprechung der 48. Sitzung")
    );
    assert_eq!(
        app.data.debrief_gaps(48, app.today).len(),
        1,
        "only 'not held' is left"
    );
    type_text(&mut app, "x");
    assert_eq!(
        app.editor.as_ref().unwrap().content(),
        "01.12.2025",
        "default: the planned 17.12.2025, but never after today"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_session().unwrap().phase(app.today), Phase::Done);
    assert!(app.data.debrief_gaps(48, app.today).is_empty());
    // Every step can be undone.
    type_text(&mut app, "u");
    assert_eq!(
        app.current_session().unwrap().phase(app.today),
        Phase::Debrief
    );
    let md = fachmk::export::markdown_of(&app.data, 48, fachmk::export::Kind::Nachbesprechung);
    assert!(
        md.contains("Termin: 17.12.2025 per Videokonferenz."),
        "{md}"
    );
    assert!(md.contains("| Innenministerkonferenz (IMK) | 2025/31 | Fragen zur Finanzierung |"));
    assert!(
        md.contains("Innenministerkonferenz (IMK): Finanzierung klären"),
        "the follow-up"
    );
}

#[test]
fn the_assignment_valid_at_a_session_and_a_new_one_recorded_on_screen() {
    let mut app = app();
    let d = &app.data;
    assert_eq!(d.assignment_at("EJR", 45).unwrap().decision, "2022/43");
    assert_eq!(d.assignment_at("EJR", 46).unwrap().decision, "2025/01");
    assert!(d.assignment_at("DMK", 42).is_none());
    crate::common::select_conference(&mut app, "VMK");
    type_text(&mut app, "p");
    type_text(&mut app, "a");
    type_text(&mut app, "2099/01\n");
    assert!(
        app.editor
            .as_ref()
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .contains("gibt es nicht")
    );
    for _ in 0..7 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2025/01\n");
    assert_eq!(app.editor.as_ref().unwrap().content(), "48");
    for _ in 0..2 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "49\nFrau Erika Beispiel, Herr Jan Pörksen\n\n"); // Länder: as proposed (HE)
    let a = app.data.assignment_at("VMK", 49).unwrap().clone();
    assert_eq!(
        (a.decision.as_str(), a.from_session, a.lands.as_slice()),
        ("2025/01", Some(49), &["HE".to_owned()][..])
    );
    assert_eq!(
        a.people[1], "poerksen",
        "an existing person is found by name"
    );
    assert_eq!(
        app.data.person(&a.people[0]).unwrap().name,
        "Frau Erika Beispiel"
    );
    assert_eq!(
        app.data.assignment_at("VMK", 48).unwrap().note.as_deref(),
        Some("N.N."),
        "before 49 still vacant"
    );
    assert!(app.data.validate().is_empty());
    type_text(&mut app, "u");
    assert!(app.data.assignment_at("VMK", 49).unwrap().people.is_empty());
}

#[test]
fn decisions_know_where_they_are_cited() {
    let mut app = app();
    app.data_mut()
        .session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .decisions
        .push("2024/15".into());
    let cited = fachmk::app::view::citations(&app.data, "2024/15");
    assert_eq!(cited.conferences, ["alle"]);
    assert_eq!(cited.reports, [(48, "WMK".to_owned())]);
    assert_eq!(
        cited.concerns,
        [(
            "A-0001".to_owned(),
            "Erprobungsprojekt Register für Meldewesen".to_owned()
        )]
    );
    assert!(
        fachmk::app::view::citations(&app.data, "2022/43")
            .reports
            .is_empty()
    );
    type_text(&mut app, "B");
    assert_eq!(
        fachmk::app::view::decisions_newest_first(&app.data)[0].id,
        "2025/01"
    );
}

#[test]
fn what_changed_on_known_data() {
    let mut app = app();
    let s = app.data_mut().session_mut(48).unwrap();
    let r = s.report_mut("IMK");
    r.answers.insert(
        "Q1".into(),
        "Austausch über die Geschäftsstelle der IMK und den Vorsitz.".into(),
    );
    r.presenter = Some("ulbrich".into());
    crate::common::select_conference(&mut app, "IMK");
    app.add_concern("IMK", "Neu in 48").unwrap();
    app.decide_concern("A-0001", ConcernStatus::Resolved);
    let lines = app.changes_lines();
    let text = lines.join("\n");
    assert!(
        text.starts_with("IMK: 48. Sitzung gegenüber der 47. Sitzung"),
        "{text}"
    );
    assert!(
        text.contains("Neue Anliegen:\n  A-0002 Neu in 48"),
        "{text}"
    );
    assert!(
        text.contains("Erledigt:\n  A-0001 Erprobungsprojekt"),
        "{text}"
    );
    assert!(
        text.contains(
            "Leitfrage 1: Austausch über die Geschäftsstelle der [-IMK.-] {+IMK und den Vorsitz.+}"
        ),
        "{text}"
    );
    assert!(
        text.contains("Vortragende:r: Herr Stephan Manke → Frau Ina-Maria Ulbrich"),
        "{text}"
    );
    app.session = 46;
    crate::common::select_conference(&mut app, "EJR");
    assert!(
        app.changes_lines()
            .join("\n")
            .contains("Benennung: Eine Neubesetzung"),
        "{:?}",
        app.changes_lines()
    );
}

#[test]
fn history_matrix_navigates_and_jumps() {
    let mut app = app();
    type_text(&mut app, "h");
    assert_eq!(
        app.overlay_view(),
        Some(View::History {
            row: 0,
            col: 8,
            list: fachmk::app::Listed::default()
        })
    );
    press(&mut app, KeyCode::Left);
    type_text(&mut app, "j\n");
    assert_eq!((app.session, app.conference_id().as_str()), (47, "IMK"));
    let counts = fachmk::app::view::reporting_per_session(&app.data);
    assert_eq!(counts.iter().find(|(n, _)| *n == 47).unwrap().1, 1);
    assert_eq!(counts.iter().find(|(n, _)| *n == 48).unwrap().1, 1);
}
