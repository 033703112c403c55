//! `e` on the main screen opens the long text under the cursor (Main's own
//! `update`) and hands it to the user's editor.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press};
use fachmk::app::{EditTarget, Effect, Pane};
use ratatui::crossterm::event::KeyCode;

#[test]
fn e_on_a_leitfrage_opens_its_answer_for_the_editor() {
    let mut app = app();
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.main.focus, Pane::Questions);
    press(&mut app, KeyCode::Down);
    let effects = press(&mut app, KeyCode::Char('e'));
    assert!(effects.contains(&Effect::ExternalEdit), "{effects:?}");
    let second = app.data.guiding_questions[1].id.clone();
    match &app.editor.as_ref().unwrap().target {
        EditTarget::Answer {
            conference,
            question,
            ..
        } => assert_eq!((conference.as_str(), question), ("WMK", &second)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn e_on_a_concern_opens_its_details_and_elsewhere_nothing() {
    let mut app = app();
    let effects = press(&mut app, KeyCode::Char('e'));
    assert!(
        effects.is_empty() && app.editor.is_none(),
        "conferences pane"
    );
    app.add_concern("WMK", "Ein Anliegen").unwrap();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.main.focus, Pane::Concerns);
    let effects = press(&mut app, KeyCode::Char('e'));
    assert!(effects.contains(&Effect::ExternalEdit), "{effects:?}");
    assert!(matches!(
        app.editor.as_ref().unwrap().target,
        EditTarget::ConcernDetails { .. }
    ));
}
