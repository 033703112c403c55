//! PageUp and PageDown on the main screen move the cursor by the page the
//! pane showed when last drawn, whatever the terminal's size; moving back up
//! moves the cursor, not the list.
#![allow(clippy::unwrap_used)]

use crate::common::{app, press};
use fachmk::app::{App, Pane};
use fachmk::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn draw(app: &mut App, (width, height): (u16, u16)) -> String {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::render(app, f, &Theme::default()))
        .unwrap();
    terminal.backend().to_string()
}

/// The concerns pane of the selected conference, 60 long, focused.
fn long_concerns() -> App {
    let mut app = app();
    let conference = app.conference_id();
    assert!(
        fachmk::app::visible_concerns(&app.data, app.session, &app.conference_id()).is_empty(),
        "{conference} has concerns"
    );
    for i in 0..60 {
        app.add_concern(&conference, &format!("Seitentest {i:02}"))
            .unwrap();
    }
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.main.focus, Pane::Concerns);
    app
}

#[test]
fn page_keys_move_the_concerns_cursor_by_the_rows_drawn() {
    let mut pages = Vec::new();
    for size in [(80, 24), (120, 40)] {
        let mut app = long_concerns();
        let shown = draw(&mut app, size).matches("Seitentest").count();
        assert!(shown > 1 && shown < 60, "{size:?}: {shown} shown");
        press(&mut app, KeyCode::PageDown);
        assert_eq!(app.main.concern, shown, "{size:?}: the first row not shown");
        let screen = draw(&mut app, size);
        assert!(
            screen.contains(&format!("Seitentest {shown:02}")),
            "{screen}"
        );
        press(&mut app, KeyCode::PageDown);
        assert_eq!(app.main.concern, 2 * shown, "{size:?}");
        draw(&mut app, size);
        press(&mut app, KeyCode::PageUp);
        assert_eq!(app.main.concern, shown, "{size:?}");
        pages.push(shown);
    }
    assert!(
        pages[0] < pages[1],
        "a larger terminal, a larger page: {pages:?}"
    );
}

#[test]
fn moving_up_in_the_concerns_moves_the_cursor_not_the_list() {
    let size = (80, 24);
    let mut app = long_concerns();
    let opened = draw(&mut app, size);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    let down = draw(&mut app, size);
    assert_ne!(down, opened, "the list scrolled to show the cursor");
    press(&mut app, KeyCode::Up);
    assert_eq!(
        draw(&mut app, size),
        down,
        "one up: the list stays where it was"
    );
    press(&mut app, KeyCode::Home);
    assert_eq!(draw(&mut app, size), opened, "at the top: as it opened");
}
