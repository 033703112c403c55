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
mod views;
mod walkthrough;
mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub use theme::{Theme, ThemeName};

use crate::app::{App, Overlay};

/// Below this size the screen only says how large it must be.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

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
    let left_width = if area.width >= 110 { 40 } else { 32 };
    let [left, right] = body.layout(&Layout::horizontal([
        Constraint::Length(left_width),
        Constraint::Fill(1),
    ]));
    conferences::render(app, frame, left, theme);
    if matches!(app.overlay, Overlay::Walkthrough) {
        walkthrough::render(app, frame, right, theme);
    } else {
        let speakers_height =
            widgets::wrapped_height(&speakers::lines(app, theme), right.width.saturating_sub(2))
                + 2;
        let [speakers_area, concerns_area, questions_area] = right.layout(&Layout::vertical([
            Constraint::Length(speakers_height.min(body.height / 2)),
            Constraint::Fill(1),
            Constraint::Fill(2),
        ]));
        speakers::render(app, frame, speakers_area, theme);
        concerns::render(app, frame, concerns_area, theme);
        questions::render(app, frame, questions_area, theme);
    }
    match &app.overlay {
        Overlay::None | Overlay::Walkthrough => {}
        Overlay::View(view) => views::render(app, view, frame, body, theme),
        Overlay::Help { scroll, .. } => help::render(app, *scroll, frame, body, theme),
        Overlay::Reference { scroll } => help::render_reference(app, *scroll, frame, body, theme),
        Overlay::Search(search) => search::render(search, frame, body, theme),
        Overlay::Review { scroll } => review::render(app, *scroll, frame, body, theme),
        Overlay::Sessions { cursor } => sessions::render(app, *cursor, frame, body, theme),
    }
    let inline = matches!(app.overlay, Overlay::Walkthrough)
        && matches!(
            app.editor.as_ref().map(|e| &e.target),
            Some(crate::app::EditTarget::Answer { .. })
        );
    if app.editor.is_some() && !inline {
        editor::render_popup(app, frame, body, theme);
    }
    if let Some(dialog) = &app.dialog {
        dialog::render(dialog, frame, area, theme);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Fenster zu klein: {}×{}. fachmk braucht mindestens {MIN_WIDTH}×{MIN_HEIGHT} Zeichen.",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(Line::from(text)).wrap(Wrap { trim: true }),
        area,
    );
}
