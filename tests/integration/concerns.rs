//! Concerns as the seed means them: linked to Beschlüsse (on the screen and in
//! the walkthrough, by typing their numbers), seen in the reverse index;
//! closed as erledigt or verworfen with a note on the outcome, kept in the
//! history.
#![allow(clippy::unwrap_used)]

use fachmk::domain::ConcernStatus;
use ratatui::crossterm::event::KeyCode;

use crate::common::{app, press, type_text};

#[test]
fn link_a_concern_on_the_screen_and_see_it_in_the_reverse_index() {
    let mut app = app();
    type_text(&mut app, "j"); // IMK, which has A-0001
    press(&mut app, KeyCode::Tab); // Sprecher:innen
    press(&mut app, KeyCode::Tab); // Offene Anliegen
    type_text(&mut app, "L");
    assert_eq!(app.editor.as_ref().unwrap().content(), "2024/15");
    type_text(&mut app, ", 2099/99\n");
    assert!(
        app.editor
            .as_ref()
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .contains("2099/99"),
        "an unknown Beschluss is refused"
    );
    for _ in 0..9 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, " 2024/02\n");
    assert!(app.editor.is_none());
    let c = app.data.concerns.iter().find(|c| c.id == "A-0001").unwrap();
    assert_eq!(c.decisions, ["2024/02", "2024/15"]);
    let cited = fachmk::app::view::citations(&app.data, "2024/02");
    assert_eq!(
        cited.concerns,
        [(
            "A-0001".to_owned(),
            "Erprobungsprojekt Register für Meldewesen".to_owned()
        )]
    );
    // and in the view "B": 2024/02 names the concern
    type_text(&mut app, "B");
    let list = fachmk::app::view::decisions_newest_first(&app.data);
    let at = list.iter().position(|d| d.id == "2024/02").unwrap();
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    let screen = crate::snapshots::draw(&app, 120, 40);
    assert!(screen.contains("A-0001 Erprobungsprojekt"), "{screen}");
}

#[test]
fn close_a_concern_in_the_walkthrough_with_a_note_on_the_outcome() {
    let mut app = app();
    type_text(&mut app, "j"); // IMK
    type_text(&mut app, "w");
    type_text(&mut app, "y");
    // through the four Leitfragen to the concern step
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    let screen = crate::snapshots::draw(&app, 120, 40);
    assert!(screen.contains("Beschlüsse: 2024/15"), "{screen}");
    assert!(screen.contains("Beschlüsse verknüpfen"), "{screen}");
    type_text(&mut app, "E");
    let editor = app.editor.as_ref().unwrap();
    assert!(
        editor.title.contains("was ist daraus geworden"),
        "{}",
        editor.title
    );
    type_text(&mut app, "Erprobung läuft über 2024/15\n");
    let c = app.data.concerns.iter().find(|c| c.id == "A-0001").unwrap();
    assert_eq!(c.status, ConcernStatus::Resolved);
    let last = c.history.last().unwrap();
    assert_eq!(last.status, Some(ConcernStatus::Resolved));
    assert_eq!(last.session, Some(48));
    assert_eq!(
        last.note.as_deref(),
        Some("erledigt: Erprobung läuft über 2024/15")
    );
    // the walkthrough went on to the next step
    assert!(app.editor.is_none());
    // …and undo takes it back
    type_text(&mut app, "\u{1a}");
}

#[test]
fn dropping_on_the_main_screen_asks_for_the_outcome_too() {
    let mut app = app();
    type_text(&mut app, "j");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "v");
    type_text(&mut app, "\n"); // no note: the status word alone
    let c = app.data.concerns.iter().find(|c| c.id == "A-0001").unwrap();
    assert_eq!(c.status, ConcernStatus::Dropped);
    assert_eq!(c.history.last().unwrap().note.as_deref(), Some("verworfen"));
}

/// At 80 columns a concern in work that was carried often has its age cut
/// off at the border unless its "in Bearb." gives way (the symbol ◐ says it).
#[test]
fn a_concern_line_at_80_columns_ends_with_its_age_not_cut_off() {
    use fachmk::ui::{self, Theme};
    use ratatui::{Terminal, backend::TestBackend};
    let data = fachmk::demo::archive(fachmk::demo::DemoSize {
        sessions: 4,
        concerns: 600,
        seed: 2,
    });
    let last = data.sessions.iter().map(|s| s.number).max();
    let (today, now) = (crate::common::today(), crate::common::fixed_now());
    let mut app = fachmk::app::App::new(data, today, now, "t", last);
    let mut in_work = 0;
    for _ in 0..app.data.conferences.len() {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| ui::render(&app, f, &Theme::default()))
            .unwrap();
        let screen = terminal.backend().to_string();
        for row in screen
            .lines()
            .filter(|r| r.contains('◐') && r.contains("vertagt"))
        {
            in_work += 1;
            assert!(row.contains("vertagt │"), "cut off: {row}");
        }
        press(&mut app, KeyCode::Down);
    }
    assert!(in_work > 0, "no concern in work carried over was drawn");
}
