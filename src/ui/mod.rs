//! Drawing. Every function here reads the state and draws; none changes state
//! or touches the disk. One file per pane or popup.

mod concerns;
mod conferences;
mod dialog;
mod editor;
mod header;
pub mod help;
mod hints;
mod questions;
pub mod review;
mod search;
mod sessions;
mod speakers;
mod theme;
mod view;
mod walkthrough;
mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub use theme::{Theme, ThemeName};

use crate::app::{App, Main, Overlay, Pane};

/// Below this size the screen only says how large it must be.
pub use crate::app::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole screen from `app`.
pub fn render(app: &App, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let [head, body, hints_area] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    header::render(app, frame, head, theme);
    hints::render(app, frame, hints_area, theme);
    app.main.render(app, frame, area, theme);
    overlay(app, &app.overlay, frame, area, theme);
    if let Some(editor) = &app.editor
        && !editor::is_inline(app)
    {
        editor.render(false, frame, body, theme);
    }
    if let Some(dialog) = &app.dialog {
        dialog.render(frame, area, theme);
    }
}

impl Main {
    /// Draws the panes of the main screen (in the walkthrough, the
    /// conferences beside it) on a screen of `area`; each records the page it
    /// showed.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
        for (pane, rect) in pane_areas(app, area) {
            match pane {
                Pane::Conferences => conferences::render(app, self, frame, rect, theme),
                Pane::Speakers => speakers::render(app, self, frame, rect, theme),
                Pane::Concerns => concerns::render(app, self, frame, rect, theme),
                Pane::Questions => questions::render(app, self, frame, rect, theme),
            }
        }
    }
}

/// Draws `overlay` over the panes; the help over the layer it covers.
fn overlay(app: &App, overlay: &Overlay, frame: &mut Frame, area: Rect, theme: &Theme) {
    let body = body_area(area);
    match overlay {
        Overlay::None => {}
        Overlay::Walkthrough => {
            if let Some(walkthrough) = &app.walkthrough {
                walkthrough.render(app, frame, body_columns(app, area)[1], theme);
            }
        }
        Overlay::View(view) => view.render(app, frame, body, theme),
        Overlay::Help(help) => {
            self::overlay(app, &help.under, frame, area, theme);
            help.render(app, frame, body, theme);
        }
        Overlay::Search(search) => search.render(frame, body, theme),
        Overlay::Review(review) => review.render(app.session, frame, body, theme),
        Overlay::Sessions(sessions) => sessions.render(app, frame, body, theme),
    }
}

/// The screen between the header and the hint line.
fn body_area(area: Rect) -> Rect {
    let [_, body, _] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    body
}

/// The left column (the conferences) and the right one. On wide screens the
/// left one grows to the longest conference name (as named at the session),
/// leaving the right one at least 56 columns.
fn body_columns(app: &App, area: Rect) -> [Rect; 2] {
    let left_width = if area.width >= 110 {
        let longest = app
            .data
            .conferences
            .iter()
            .map(|c| unicode_width::UnicodeWidthStr::width(c.name_at(app.session).0))
            .max()
            .unwrap_or(0);
        let needed = u16::try_from(2 + conferences::FIXED + longest).unwrap_or(u16::MAX);
        needed.clamp(40, area.width.saturating_sub(56).max(area.width / 2))
    } else {
        32
    };
    body_area(area).layout(&Layout::horizontal([
        Constraint::Length(left_width),
        Constraint::Fill(1),
    ]))
}

/// Where each pane of the main screen is on a screen of `area`: what is drawn
/// and where a click lands come from this one layout. In the walkthrough the
/// right column is the walkthrough's, so only the conferences are listed.
pub fn pane_areas(app: &App, area: Rect) -> Vec<(Pane, Rect)> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Vec::new();
    }
    let [left, right] = body_columns(app, area);
    if app.walkthrough_shown() {
        return vec![(Pane::Conferences, left)];
    }
    // Styles do not change the height: any theme measures.
    let width = right.width.saturating_sub(2);
    let speakers_height =
        widgets::wrapped_height(&speakers::lines(app, &Theme::default(), width), width) + 2;
    let [speakers_area, concerns_area, questions_area] = right.layout(&Layout::vertical([
        Constraint::Length(speakers_height.min(body_area(area).height / 2)),
        Constraint::Fill(1),
        Constraint::Fill(2),
    ]));
    vec![
        (Pane::Conferences, left),
        (Pane::Speakers, speakers_area),
        (Pane::Concerns, concerns_area),
        (Pane::Questions, questions_area),
    ]
}

/// What a mouse event at (`column`, `row`) on a screen of `area` means.
pub fn pointer_at(app: &App, area: Rect, column: u16, row: u16) -> Option<crate::app::Pointer> {
    let position = ratatui::layout::Position::new(column, row);
    pane_areas(app, area)
        .into_iter()
        .find(|(_, rect)| rect.contains(position))
        .and_then(|(pane, rect)| {
            let inner = rect.inner(ratatui::layout::Margin::new(1, 1));
            inner
                .contains(position)
                .then(|| crate::app::Pointer::Click {
                    pane,
                    row: row - inner.y,
                    height: inner.height,
                })
        })
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = crate::i18n::tf(
        "screen.too-small",
        &[
            ("width", &area.width),
            ("height", &area.height),
            ("min-width", &MIN_WIDTH),
            ("min-height", &MIN_HEIGHT),
        ],
    );
    frame.render_widget(
        Paragraph::new(Line::from(text)).wrap(Wrap { trim: true }),
        area,
    );
}
