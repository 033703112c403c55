//! The debrief: proposed three weeks after the session on the next working
//! day (weekends, nationwide holidays, 24.12. and 31.12. skipped, with the
//! reason); shown in the header from the session's day until it is recorded;
//! recorded as held only on or before today.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use fachmk::app::App;
use fachmk::domain::{DayOff, DebriefProposal, Holiday, Session};
use fachmk::i18n::words::debrief_moved;
use ratatui::crossterm::event::KeyCode;

use crate::common::{fixed_now, press, sample_data, type_text};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn around_christmas_and_the_turn_of_the_year() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    // +21 = Wed 24.12.2025 → 25., 26. holidays, 27./28. weekend → Mon 29.12.
    let p = DebriefProposal::for_session(d(2025, 12, 3));
    assert_eq!(p.date, d(2025, 12, 29));
    assert_eq!(
        debrief_moved(&p).unwrap(),
        "verschoben auf den 29.12.2025: kein Arbeitstag am 24.12.2025 Heiligabend, \
         25.12.2025 1. Weihnachtstag, 26.12.2025 2. Weihnachtstag, 27.12.2025 Samstag, \
         28.12.2025 Sonntag"
    );
    // +21 = Wed 31.12.2025 → Thu 01.01. → Fri 02.01.2026
    let p = DebriefProposal::for_session(d(2025, 12, 10));
    assert_eq!(p.date, d(2026, 1, 2));
    assert_eq!(
        p.skipped,
        [
            (d(2025, 12, 31), DayOff::Holiday(Holiday::NewYearsEve)),
            (d(2026, 1, 1), DayOff::Holiday(Holiday::NewYear))
        ]
    );
    assert_eq!(Session::default_debrief(d(2025, 12, 10)), d(2026, 1, 2));
}

#[test]
fn around_easter_whitsun_and_on_weekends() {
    // +21 = Good Friday 03.04.2026 → weekend → Easter Monday → Tue 07.04.
    assert_eq!(
        DebriefProposal::for_session(d(2026, 3, 13)).date,
        d(2026, 4, 7)
    );
    // +21 = Ascension Thu 14.05.2026 → Fri 15.05.
    assert_eq!(
        DebriefProposal::for_session(d(2026, 4, 23)).date,
        d(2026, 5, 15)
    );
    // +21 = Whit Monday 25.05.2026 → Tue 26.05.
    assert_eq!(
        DebriefProposal::for_session(d(2026, 5, 4)).date,
        d(2026, 5, 26)
    );
    // +21 = Sat 03.10.2026 (also Unity Day) → Mon 05.10.
    assert_eq!(
        DebriefProposal::for_session(d(2026, 9, 12)).date,
        d(2026, 10, 5)
    );
    // An ordinary Wednesday stays, with no reason given.
    let p = DebriefProposal::for_session(d(2025, 11, 26));
    assert_eq!(p.date, d(2025, 12, 17));
    assert!(debrief_moved(&p).is_none());
    fachmk::i18n::set(fachmk::i18n::Lang::En);
    let p = DebriefProposal::for_session(d(2026, 4, 11)); // +21 = Sat 02.05.
    let why = debrief_moved(&p).unwrap();
    assert!(why.contains("Saturday"), "{why}");
    fachmk::i18n::set(fachmk::i18n::Lang::De);
}

#[test]
fn the_new_session_form_proposes_the_working_day_and_says_why() {
    let mut app = crate::common::app();
    type_text(&mut app, "n");
    type_text(&mut app, "10.12.2025\n");
    type_text(&mut app, "Berlin\n");
    let editor = app.editor.as_ref().unwrap();
    assert_eq!(editor.content(), "02.01.2026");
    assert!(editor.title.contains("Silvester"), "{}", editor.title);
    assert!(editor.title.contains("Neujahr"), "{}", editor.title);
}

#[test]
fn the_day_after_a_session_the_screen_stays_on_its_debrief() {
    // Session 48 was on 26.11.2025; a session 49 is already planned.
    let mut data = sample_data();
    data.sessions.push(Session::new(49, d(2026, 3, 18), None));
    let app = App::new(data.clone(), d(2025, 11, 27), fixed_now(), "t", None);
    assert_eq!(app.session, 48, "the debrief of 48 is still to come");
    let header = crate::snapshots::draw(&app, 120, 40);
    let first = header.lines().next().unwrap();
    assert!(first.contains("48. Sitzung"), "{first}");
    assert!(first.contains("Nachbesprechung 17.12.2025"), "{first}");
    // Once the debrief is recorded, the next session is the one to prepare.
    data.session_mut(48).unwrap().debrief_mut().held_on = Some(d(2025, 11, 27));
    let app = App::new(data.clone(), d(2025, 11, 28), fixed_now(), "t", None);
    assert_eq!(app.session, 49);
    // …and so it is after the planned date, recorded or not.
    data.session_mut(48).unwrap().debrief = None;
    let app = App::new(data, d(2025, 12, 18), fixed_now(), "t", None);
    assert_eq!(app.session, 49);
}

#[test]
fn held_is_refused_for_a_day_after_today() {
    let mut app = App::new(sample_data(), d(2025, 12, 1), fixed_now(), "t", Some(48));
    type_text(&mut app, "d");
    type_text(&mut app, "x");
    assert_eq!(app.editor.as_ref().unwrap().content(), "01.12.2025");
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "02.12.2025\n");
    assert!(app.editor.as_ref().unwrap().error.is_some());
    assert!(
        app.data
            .session(48)
            .unwrap()
            .debrief
            .as_ref()
            .is_none_or(|d| d.held_on.is_none())
    );
}
