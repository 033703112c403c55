//! A concern of a conference marked "kein Austausch" is carried over with a
//! history entry and counts as vertagt in every output: the Tischvorlage's
//! concern table, the Arbeitsstand, the CSV and the screen. And each of them
//! is as of its session: work on the next one changes none of them.
#![allow(clippy::unwrap_used)]

use fachmk::app::App;
use fachmk::domain::{ConcernStatus, Exchange, Session};
use fachmk::export::{self, Kind};

use crate::common::{fixed_now, sample_data, today};
use crate::snapshots::draw;

/// The IMK marked "kein Austausch" in session 48: its concern A-0001 (raised
/// in 47) is carried over it.
fn carried_in_48() -> App {
    let mut app = App::new(sample_data(), today(), fixed_now(), "tester", Some(48));
    assert!(app.set_exchange("IMK", Exchange::No));
    app
}

/// The CSV row of A-0001.
fn csv_row(app: &App, n: u32) -> String {
    export::csv(&app.data, n)
        .lines()
        .find(|l| l.starts_with("A-0001;"))
        .unwrap()
        .to_owned()
}

#[test]
fn a_concern_carried_without_exchange_counts_as_vertagt_everywhere() {
    let mut app = carried_in_48();
    let entry = app.data.concerns[0].history.last().unwrap().clone();
    assert_eq!(
        (entry.session, entry.status, entry.note.as_deref()),
        (
            Some(48),
            Some(ConcernStatus::Open),
            Some(fachmk::domain::CARRIED_NOTE)
        )
    );
    // Arbeitsstand of 48: the IMK has no report, its concern is carried once.
    let work = export::markdown_of(&app.data, 48, Kind::Arbeitsstand);
    assert!(
        work.contains("**Erprobungsprojekt Register für Meldewesen** (A-0001, seit 47. Sitzung, offen, 1× vertagt)"),
        "{work}"
    );
    // Tischvorlage of 48: the IMK among those without exchange, its concern still open.
    let handout = export::markdown(&app.data, 48);
    assert!(
        handout.contains("daher kein Bericht erforderlich: Innenministerkonferenz (IMK) und Finanzministerkonferenz (FMK)."),
        "{handout}"
    );
    assert!(
        handout.contains("| Innenministerkonferenz (IMK) | Herr Stephan Manke (Niedersachsen); Frau Ina-Maria Ulbrich (Mecklenburg-Vorpommern) | nein | – | 1 |"),
        "{handout}"
    );
    // CSV of 48: carried once, the carrying note last.
    assert_eq!(
        csv_row(&app, 48),
        "A-0001;IMK;Erprobungsprojekt Register für Meldewesen;offen;47;1;2024/15;vertagt (kein Austausch)"
    );
    // The screen: the IMK's concern "1× vertagt".
    crate::common::select_conference(&mut app, "IMK");
    app.resize(120, 40);
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("1× vertagt"), "{screen}");
    // Session 49: the IMK reports; the table of its concerns says 1× vertagt.
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
    assert!(app.add_session(Session::new(49, day, None)));
    app.session = 49;
    assert!(app.set_exchange("IMK", Exchange::Yes));
    let handout = export::markdown(&app.data, 49);
    assert!(
        handout.contains(
            "| A-0001 | Erprobungsprojekt Register für Meldewesen – Die IMK möchte ein Erprobungsprojekt zur Registermodernisierung anstoßen. | 47. Sitzung | offen | 1× | 2024/15 |"
        ),
        "{handout}"
    );
}

#[test]
fn the_csv_of_a_session_is_as_it_stood_then() {
    let mut app = carried_in_48();
    let before = export::csv(&app.data, 48);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
    assert!(app.add_session(Session::new(49, day, None)));
    app.session = 49;
    assert!(app.set_exchange("IMK", Exchange::Yes));
    assert!(app.decide_concern("A-0001", ConcernStatus::Resolved));
    app.add_concern_noted("IMK", "Folge", "aus der Nachbesprechung", Some(49))
        .unwrap();
    assert_eq!(export::csv(&app.data, 48), before, "48's CSV changed");
    let after = export::csv(&app.data, 49);
    assert!(
        after.contains("A-0001;IMK;Erprobungsprojekt Register für Meldewesen;erledigt;47;1;"),
        "{after}"
    );
    assert!(
        !after.contains(";Folge;"),
        "a follow-up of 49 belongs to 50: {after}"
    );
}

#[test]
fn the_screen_counts_the_carrying_up_to_the_session_it_shows() {
    let mut app = carried_in_48();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
    assert!(app.add_session(Session::new(49, day, None)));
    app.session = 49;
    assert!(app.set_exchange("IMK", Exchange::No));
    crate::common::select_conference(&mut app, "IMK");
    app.resize(120, 40);
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("2× vertagt"), "{screen}");
    // Back on 48: what was carried later is not counted there.
    app.session = 48;
    crate::common::select_conference(&mut app, "IMK");
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("1× vertagt"), "{screen}");
    assert!(!screen.contains("2× vertagt"), "{screen}");
}
