//! Konferenzen: every conference with its report status, by symbol and word.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::Theme;
use super::theme::status_mark;
use super::widgets::{pane_block, truncate};
use crate::app::{App, Overlay, Pane};
use crate::domain::ReportStatus;

/// Columns before the name: symbol, id, status word.
pub const FIXED: usize = 21;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = app.focus == Pane::Conferences && !matches!(app.overlay, Overlay::Walkthrough);
    let inner_width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = app
        .data
        .conferences
        .iter()
        .map(|c| {
            let status = app
                .current_session()
                .map_or(ReportStatus::Open, |s| s.status_of(&c.id));
            let active = c.is_active_at(app.session);
            let (symbol, word) = if active && app.paused_at(&c.id) {
                ("‖", status_mark(status).1)
            } else if active {
                status_mark(status)
            } else {
                ("–", crate::i18n::t("conferences.not-active"))
            };
            let fixed = format!("{symbol} {:<5} {word:<12} ", c.id);
            let room = inner_width.saturating_sub(fixed.chars().count());
            let name = if room >= 4 {
                truncate(c.name_at(app.session).0, room)
            } else {
                String::new()
            };
            let style = if active {
                theme.status(status)
            } else {
                theme.dim
            };
            ListItem::new(Line::from(vec![
                Span::styled(fixed, style),
                Span::styled(name, theme.dim),
            ]))
        })
        .collect();
    let list = List::new(items)
        .block(pane_block(
            crate::i18n::t("conferences.title"),
            focused,
            theme,
        ))
        .highlight_style(theme.selected);
    let mut state = ListState::default().with_selected(Some(app.conference));
    frame.render_stateful_widget(list, area, &mut state);
}
