//! The mouse: off by default; when the configuration turns it on, a click
//! selects pane and item and the wheel moves the selection.
#![allow(clippy::unwrap_used)]

use crate::common::pty::Pty;
use fachmk::app::{Pane, Pointer};
use ratatui::layout::Rect;

#[test]
fn a_click_selects_the_pane_and_the_item_under_it() {
    let mut app = crate::common::app();
    let area = Rect::new(0, 0, 80, 24);
    app.resize(80, 24);
    let panes = fachmk::ui::pane_areas(&app, area);
    let (_, conferences) = panes.iter().find(|(p, _)| *p == Pane::Conferences).unwrap();
    // The questions take two rows each: the second row of the second question.
    let (_, questions) = panes.iter().find(|(p, _)| *p == Pane::Questions).unwrap();
    let click = fachmk::ui::pointer_at(&app, area, questions.x + 2, questions.y + 4).unwrap();
    app.handle_pointer(click);
    assert_eq!((app.main.focus, app.main.question), (Pane::Questions, 1));

    // The third row inside the border is the third conference.
    let click = fachmk::ui::pointer_at(&app, area, conferences.x + 3, conferences.y + 3).unwrap();
    assert_eq!(
        click,
        Pointer::Click {
            pane: Pane::Conferences,
            row: 2,
            height: conferences.height - 2
        }
    );
    app.handle_pointer(click);
    assert_eq!((app.main.focus, app.conference), (Pane::Conferences, 2));

    // The wheel moves like ↓ and ↑; a border is not a place.
    app.handle_pointer(Pointer::WheelDown);
    assert_eq!(app.conference, 3);
    app.handle_pointer(Pointer::WheelUp);
    assert_eq!(app.conference, 2);
    assert!(fachmk::ui::pointer_at(&app, area, questions.x, questions.y).is_none());
}

#[test]
fn scrolled_lists_map_clicks_to_what_is_shown() {
    let mut app = crate::common::app();
    let area = Rect::new(0, 0, 80, 16);
    app.resize(80, 16);
    // 13 conferences in a pane 12 rows tall inside: selecting the last scrolls.
    for _ in 0..12 {
        app.handle_pointer(Pointer::WheelDown);
    }
    assert_eq!(app.conference, 12);
    // The click lands on the screen as drawn.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 16)).unwrap();
    terminal
        .draw(|f| fachmk::ui::render(&app, f, &fachmk::ui::Theme::default()))
        .unwrap();
    let panes = fachmk::ui::pane_areas(&app, area);
    let (_, conferences) = panes.iter().find(|(p, _)| *p == Pane::Conferences).unwrap();
    let inner_height = usize::from(conferences.height - 2);
    let first_shown = 13 - inner_height;
    let click = fachmk::ui::pointer_at(&app, area, 3, conferences.y + 1).unwrap();
    app.handle_pointer(click);
    assert_eq!(app.conference, first_shown);
    // Back down and up again: the list stays, so the first row is still the
    // one it was.
    for _ in 0..4 {
        app.handle_pointer(Pointer::WheelDown);
    }
    app.handle_pointer(Pointer::WheelUp);
    terminal
        .draw(|f| fachmk::ui::render(&app, f, &fachmk::ui::Theme::default()))
        .unwrap();
    app.handle_pointer(click);
    assert_eq!(app.conference, first_shown);
}

#[test]
fn mouse_reports_only_when_configured_and_never_every_motion() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("daten.json");
    fachmk::store::write_new(&file, fachmk::store::BUNDLED_JSON.as_bytes()).unwrap();
    let args = ["--file", file.to_str().unwrap(), "--session", "48"];
    let mut pty = Pty::spawn(home.path(), &args);
    pty.wait_for("Konferenzen");
    assert_eq!(pty.mouse_mode(), vt100::MouseProtocolMode::None);
    pty.send("q");
    pty.wait_exit();

    let config = home.path().join("config/fachmk");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "mouse = true\n").unwrap();
    let mut pty = Pty::spawn(home.path(), &args);
    pty.wait_for("Konferenzen");
    assert_eq!(pty.mouse_mode(), vt100::MouseProtocolMode::PressRelease);
    // A click (SGR report, 1-based) on the third conference, the FMK: its
    // speaker shows on the right.
    assert!(!pty.contents().contains("Schubert"));
    pty.send("\x1b[<0;5;5M\x1b[<0;5;5m");
    pty.wait_for("Schubert");
    pty.send("q");
    pty.wait_exit();
}
