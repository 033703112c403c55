//! The components ask the app to close their layer, and only theirs: a dialog
//! over the review leaves the review open; the search, closed, leaves its
//! index for the next one; the help goes back to the walkthrough it came from.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press, type_text};
use fachmk::app::{Effect, Layer, Overlay};
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_dialog_over_the_review_closes_and_leaves_the_review_open() {
    for (key, written) in [(KeyCode::Esc, false), (KeyCode::Char('j'), true)] {
        let mut app = app();
        type_text(&mut app, "rx");
        assert_eq!(app.layer(), Layer::Editor);
        app.ask_overwrite("tischvorlage-48.md".into(), b"x".to_vec(), false);
        assert_eq!(app.layer(), Layer::Dialog);
        let effects = press(&mut app, key);
        assert_eq!(
            matches!(effects.first(), Some(Effect::Overwrite { .. })),
            written,
            "{key:?}: {effects:?}"
        );
        assert!(app.dialog.is_none(), "{key:?}");
        assert_eq!(app.layer(), Layer::Review, "{key:?}");
    }
}

#[test]
fn the_search_closed_keeps_its_index_and_leaves_the_main_screen() {
    let mut app = app();
    assert!(app.search_cache.is_none());
    type_text(&mut app, "/");
    assert_eq!(app.layer(), Layer::Search);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.layer(), Layer::Main);
    assert!(matches!(app.overlay, Overlay::None));
    assert!(
        app.search_cache.is_some(),
        "the index is kept for the next /"
    );
}

#[test]
fn help_from_the_walkthrough_goes_back_to_it_at_its_step() {
    let mut app = app();
    type_text(&mut app, "w");
    assert_eq!(app.layer(), Layer::Walkthrough);
    let step = app.walkthrough.as_ref().unwrap().step.clone();
    type_text(&mut app, "?");
    assert_eq!(app.layer(), Layer::Help);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.layer(), Layer::Walkthrough);
    assert_eq!(app.walkthrough.as_ref().unwrap().step, step);
}
