//! The review (Übersicht), driven by keys: its "Was noch fehlt" list takes the
//! user to each conference with a gap, it is built once and follows changes
//! made from it, and its end is reachable at any size.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press, type_text};
use crate::snapshots::resized_and_drawn as draw;
use fachmk::app::{App, Layer, Overlay};
use ratatui::crossterm::event::KeyCode;

/// The conferences listed under "Was noch fehlt", in order.
fn gaps(app: &App) -> Vec<String> {
    app.review_lines()
        .iter()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.strip_prefix("  "))
        .map(|l| l.split(':').next().unwrap().to_owned())
        .collect()
}

#[test]
fn enter_on_each_gap_of_the_review_goes_to_its_conference() {
    let listed = gaps(&app());
    assert!(listed.len() >= 2, "the sample has gaps: {listed:?}");
    for (i, id) in listed.iter().enumerate() {
        let mut app = app();
        type_text(&mut app, "r");
        assert_eq!(app.layer(), Layer::Review);
        for _ in 0..i {
            press(&mut app, KeyCode::Down);
        }
        let screen = draw(&mut app, 80, 24);
        assert!(screen.contains("Enter hinspringen"), "{screen}");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.layer(), Layer::Main, "gap {i}");
        assert_eq!(app.conference_id(), *id, "gap {i}");
    }
}

#[test]
fn past_the_gaps_the_arrows_scroll_and_the_end_is_reachable() {
    let mut app = app();
    type_text(&mut app, "r");
    let count = gaps(&app).len();
    for _ in 0..count {
        press(&mut app, KeyCode::Down);
    }
    // Off the list now: Enter goes nowhere, the hint line does not offer it.
    let screen = draw(&mut app, 80, 24);
    assert!(!screen.contains("Enter hinspringen"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.layer(), Layer::Review);
    press(&mut app, KeyCode::End);
    let last = app.review_lines().last().unwrap().clone();
    let tail: String = last.chars().take(30).collect();
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains(tail.trim()), "{tail}\n{screen}");
    // Home goes back to the first gap.
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.layer(), Layer::Main);
    assert_eq!(app.conference_id(), gaps(&app)[0]);
}

#[test]
fn the_review_is_built_once_and_follows_a_change_made_from_it() {
    let mut app = app();
    type_text(&mut app, "r");
    let Overlay::Review(before) = &app.overlay else {
        panic!("no review")
    };
    let before = before.lines.clone();
    assert!(before.iter().any(|l| l == "TOP __ · Reporting FachMK"));
    type_text(&mut app, "t");
    assert_eq!(app.layer(), Layer::Editor);
    type_text(&mut app, "7\n");
    assert_eq!(app.layer(), Layer::Review);
    let Overlay::Review(after) = &app.overlay else {
        panic!("no review")
    };
    assert!(
        after.lines.iter().any(|l| l == "TOP 7 · Reporting FachMK"),
        "{:?}",
        &after.lines[..12.min(after.lines.len())]
    );
}
