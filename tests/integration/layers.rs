//! Each layer as a new user meets it at 80×24: the help goes back to the layer
//! it was opened over, hint lines name every key that acts, the review's text
//! reads as a reader sees it.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press, type_text};
use crate::snapshots::resized_and_drawn as draw;
use fachmk::app::{App, Layer};
use ratatui::crossterm::event::KeyCode;

/// The screen's second row: the title of a full-width overlay.
fn title(app: &mut App) -> String {
    draw(app, 80, 24).lines().nth(1).unwrap().to_owned()
}

#[test]
fn the_help_closes_back_to_the_layer_it_was_opened_over() {
    // (keys that open the layer, a word of its title, its layer)
    for (open, word, layer) in [
        ("h", "Verlauf", Layer::View),
        ("d", "Nachbesprechung", Layer::View),
        ("B", "Beschlüsse", Layer::View),
        ("r", "Übersicht", Layer::Review),
    ] {
        let mut app = app();
        type_text(&mut app, open);
        let before = title(&mut app);
        assert!(before.contains(word), "{open}: {before}");
        type_text(&mut app, "?");
        assert_eq!(app.layer(), Layer::Help, "{open}");
        let over = draw(&mut app, 80, 24);
        assert!(over.contains("Hilfe"), "{open}:\n{over}");
        // The layer stays drawn under the help.
        assert!(
            over.lines().nth(1).unwrap().contains(word),
            "{open}:\n{over}"
        );
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.layer(), layer, "{open}");
        assert_eq!(title(&mut app), before, "{open}");
        // `?` and `q` close it the same way.
        for close in ["?", "q"] {
            type_text(&mut app, "?");
            type_text(&mut app, close);
            assert_eq!(app.layer(), layer, "{open} {close}");
        }
        // And Esc there goes on to the main view.
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.layer(), Layer::Main, "{open}");
    }
}

#[test]
fn the_quit_dialog_and_its_hint_line_name_esc_alike() {
    let mut app = app();
    type_text(&mut app, "-"); // no exchange: a change, unsaved
    type_text(&mut app, "q");
    assert_eq!(app.layer(), Layer::Dialog);
    let screen = draw(&mut app, 80, 24);
    let hint = screen.lines().last().unwrap();
    assert!(hint.contains("Esc abbrechen"), "{hint}");
    let options = screen
        .lines()
        .find(|l| l.contains("s speichern und beenden"))
        .unwrap();
    assert!(options.contains("Esc abbrechen"), "{screen}");
    assert!(!screen.contains("weiterarbeiten"), "{screen}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.layer(), Layer::Main);
}
