//! PageUp and PageDown in every overlay (help, review, search, sessions, the
//! views) move by the page it showed when last drawn, whatever the terminal's
//! size: a fixed number of rows would fail at one of the two sizes.
#![allow(clippy::unwrap_used)]

use crate::common::{app, fixed_now, press, sample_data, today};
use fachmk::app::{App, Overlay, View};
use fachmk::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn draw(app: &mut App, (width, height): (u16, u16)) -> Vec<String> {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::render(app, f, &Theme::default()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The rows inside the popup whose top border holds `title`.
fn body_rows(screen: &[String], title: &str) -> usize {
    let top = screen.iter().position(|l| l.contains(title)).unwrap();
    let bottom = screen[top..].iter().position(|l| l.contains('╰')).unwrap();
    bottom - 1
}

/// Rows whose text inside the popup's left border starts with `prefix`.
fn rows_starting(screen: &[String], prefix: &str) -> usize {
    screen
        .iter()
        .filter(|l| {
            l.split_once('│')
                .is_some_and(|(_, r)| r.starts_with(prefix))
        })
        .count()
}

fn help_top(app: &App) -> usize {
    match &app.overlay {
        Overlay::Help(help) => help.scroll.top(),
        other => panic!("{other:?}"),
    }
}

fn review_top(app: &App) -> usize {
    match &app.overlay {
        Overlay::Review(review) => review.scroll.top(),
        other => panic!("{other:?}"),
    }
}

/// Opens a layer with `key` at each size, pages down, up and down again, and
/// checks each move against what the screen showed before it.
fn pages_by_what_was_shown(
    make: impl Fn() -> App,
    key: char,
    position: impl Fn(&App) -> usize,
    shown: impl Fn(&[String]) -> usize,
) -> Vec<usize> {
    let mut pages = Vec::new();
    for size in SIZES {
        let mut app = make();
        press(&mut app, KeyCode::Char(key));
        let screen = draw(&mut app, size);
        let page = shown(&screen);
        let start = position(&app);
        press(&mut app, KeyCode::PageDown);
        assert_eq!(
            position(&app),
            start + page,
            "{size:?}:\n{}",
            screen.join("\n")
        );
        draw(&mut app, size);
        press(&mut app, KeyCode::PageUp);
        assert_eq!(position(&app), start, "{size:?}: back up");
        pages.push(page);
    }
    assert!(
        pages[0] < pages[1],
        "a larger terminal, a larger page: {pages:?}"
    );
    pages
}

#[test]
fn help_pages_by_its_rows_drawn() {
    pages_by_what_was_shown(app, '?', help_top, |s| body_rows(s, "╭ Hilfe"));
}

#[test]
fn review_pages_by_its_rows_drawn() {
    // PageDown leaves the gaps' list for the text; PageUp scrolls back.
    pages_by_what_was_shown(app, 'r', review_top, |s| body_rows(s, "╭ Übersicht"));
}

#[test]
fn search_pages_by_the_hits_drawn() {
    let cursor = |app: &App| match &app.overlay {
        Overlay::Search(search) => search.cursor,
        other => panic!("{other:?}"),
    };
    // Hits are indented under their headings.
    pages_by_what_was_shown(app, '/', cursor, |s| rows_starting(s, "  "));
}

#[test]
fn sessions_page_by_the_sessions_drawn() {
    let many = || {
        let mut data = sample_data();
        let first = data.sessions[0].clone();
        let older = (1..first.number).map(|number| {
            let mut s = first.clone();
            s.number = number;
            s.date -= chrono::Duration::days(i64::from(100 * (first.number - number)));
            s
        });
        data.sessions.splice(0..0, older);
        App::new(data, today(), fixed_now(), "tester", None)
    };
    let cursor = |app: &App| match &app.overlay {
        Overlay::Sessions(sessions) => sessions.cursor,
        other => panic!("{other:?}"),
    };
    let sessions = |s: &[String]| {
        s.iter()
            .filter(|l| l.contains(". Sitzung  ") && l.contains('│'))
            .count()
    };
    pages_by_what_was_shown(many, 's', cursor, sessions);
}

#[test]
fn decisions_page_by_the_decisions_drawn() {
    let many = || {
        let mut data = sample_data();
        let first = data.decisions[0].clone();
        data.decisions.extend((0..80).map(|i| {
            let mut d = first.clone();
            d.id = format!("2099/{i:02}");
            d
        }));
        App::new(data, today(), fixed_now(), "tester", None)
    };
    let cursor = |app: &App| match app.overlay_view() {
        Some(View::Decisions { cursor, .. }) => cursor,
        other => panic!("{other:?}"),
    };
    let listed = |s: &[String]| rows_starting(s, "  20") + rows_starting(s, "▶ 20");
    pages_by_what_was_shown(many, 'B', cursor, listed);
}

#[test]
fn the_changes_view_pages_by_its_rows_drawn() {
    use crate::changes_view::{set_answers, words};
    let long = || {
        let mut app = app();
        // Every word changed: a diff many rows long at either size.
        let old = words(900, 1).join(" ");
        let new = words(900, 2).join(" ");
        set_answers(&mut app, &old, &new);
        app
    };
    let top = |app: &App| match app.overlay_view() {
        Some(View::Changes { scroll, .. }) => scroll.top(),
        other => panic!("{other:?}"),
    };
    pages_by_what_was_shown(long, 'c', top, |s| body_rows(s, "╭ Änderungen"));
}

#[test]
fn the_history_scrolls_to_every_conference_at_80x24() {
    // 25 conferences: more rows than the matrix has at 80×24.
    let mut data = sample_data();
    for i in 0..12 {
        let mut extra = data.conferences[0].clone();
        extra.id = format!("X{i:02}");
        data.conferences.push(extra);
    }
    let last = data.conferences.last().map(|c| c.id.clone()).unwrap();
    let first = data.conferences[0].id.clone();
    let mut app = App::new(data, today(), fixed_now(), "tester", None);
    press(&mut app, KeyCode::Char('h'));
    let screen = draw(&mut app, (80, 24));
    assert_eq!(rows_starting(&screen, &last), 0, "{}", screen.join("\n"));
    for _ in 0..24 {
        press(&mut app, KeyCode::Down);
        draw(&mut app, (80, 24));
    }
    let screen = draw(&mut app, (80, 24));
    assert_eq!(rows_starting(&screen, &last), 1, "{}", screen.join("\n"));
    assert_eq!(rows_starting(&screen, &first), 0, "scrolled past the first");
    // Back up: the first row comes back.
    for _ in 0..24 {
        press(&mut app, KeyCode::Up);
    }
    let screen = draw(&mut app, (80, 24));
    assert_eq!(rows_starting(&screen, &first), 1, "{}", screen.join("\n"));
}

#[test]
fn the_search_title_counts_hits_says_when_they_are_the_best_of_more_and_not_for_no_query() {
    let mut data = fachmk::demo::archive(fachmk::demo::DemoSize {
        sessions: 2,
        concerns: 400,
        seed: 1,
    });
    data.normalize();
    let mut app = App::new(data, today(), fixed_now(), "tester", None);
    press(&mut app, KeyCode::Char('/'));
    let title = |app: &mut App| draw(app, (120, 40))[1].clone();
    // No query: the entries are listed, not counted as hits.
    let empty = title(&mut app);
    assert!(empty.contains("╭ Suche ─"), "{empty}");
    assert!(!empty.contains("Treffer"), "{empty}");
    // "r" matches far more than are kept: the best 200.
    press(&mut app, KeyCode::Char('r'));
    let many = title(&mut app);
    assert!(many.contains("Suche · die besten 200 Treffer"), "{many}");
    // A decision's name and number: one hit, counted.
    for c in "egistermodernisierung 2024/15".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let few = title(&mut app);
    assert!(few.contains("Suche · 1 Treffer"), "{few}");
}

#[test]
fn esc_keeps_the_query_for_the_next_search_and_a_letter_typed_starts_a_new_one() {
    let mut app = app();
    let query = |app: &App| match &app.overlay {
        Overlay::Search(search) => (search.query.clone(), search.hits.len()),
        other => panic!("{other:?}"),
    };
    press(&mut app, KeyCode::Char('/'));
    for c in "regist".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let found = query(&app);
    assert_eq!(found.0, "regist");
    // Esc goes back with the input kept, as the key table says: `/` shows
    // the query and its hits again.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None), "{:?}", app.overlay);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(query(&app), found);
    // Backspace edits it.
    press(&mut app, KeyCode::Backspace);
    assert_eq!(query(&app).0, "regis");
    // Reopened, a letter typed starts a new query.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(query(&app).0, "b");
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(query(&app).0, "be");
}
