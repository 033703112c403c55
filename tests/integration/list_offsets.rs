//! A list remembers where it stood when drawn: moving the cursor back up in
//! a long list moves the cursor, not the list, and going to the top shows
//! the list as it opened (its first heading included).
#![allow(clippy::unwrap_used)]

use crate::common::{app, press, type_text};
use fachmk::app::{App, Overlay};
use fachmk::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn draw(app: &mut App) -> String {
    app.resize(80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| ui::render(app, f, &Theme::default()))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn moving_up_in_the_search_list_moves_the_cursor_not_the_list() {
    let mut app = app();
    type_text(&mut app, "/");
    let Overlay::Search(search) = &app.overlay else {
        panic!("no search")
    };
    let count = search.hits.len();
    assert!(count > 25, "a list longer than the screen: {count}");
    let opened = draw(&mut app);
    for _ in 1..count {
        press(&mut app, KeyCode::Down);
        draw(&mut app);
    }
    let down = draw(&mut app);
    assert_ne!(down, opened, "the list scrolled to show the cursor");
    press(&mut app, KeyCode::Up);
    assert_eq!(draw(&mut app), down, "one up: the list stays where it was");
    press(&mut app, KeyCode::Home);
    assert_eq!(draw(&mut app), opened, "at the top: as it opened");
}

/// The screen at 80×16 (the smallest drawn), the cursor's mark taken out:
/// what shows which rows the list shows.
fn rows_shown(app: &mut App) -> String {
    app.resize(80, 16);
    let mut terminal = Terminal::new(TestBackend::new(80, 16)).unwrap();
    terminal
        .draw(|f| ui::render(app, f, &Theme::default()))
        .unwrap();
    terminal.backend().to_string().replace('▶', " ")
}

#[test]
fn moving_up_in_the_debriefs_conferences_moves_the_cursor_not_the_list() {
    let mut app = app();
    type_text(&mut app, "d");
    let opened = rows_shown(&mut app);
    let count = app.data.conferences.len();
    for _ in 1..count {
        press(&mut app, KeyCode::Down);
        rows_shown(&mut app);
    }
    let down = rows_shown(&mut app);
    assert_ne!(down, opened, "the list scrolled to show the cursor");
    press(&mut app, KeyCode::Up);
    assert_eq!(
        rows_shown(&mut app),
        down,
        "one up: the list stays where it was"
    );
}
