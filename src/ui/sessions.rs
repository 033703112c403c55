//! Sitzungen: all sessions, newest first, with progress.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, List, ListItem, ListState};

use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::{centered, popup_block};
use crate::app::{App, Sessions};
use crate::domain::SessionProgress;

impl Sessions {
    /// Draws the list over `area`; records the row it starts at.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
        let places = app
            .data
            .sessions
            .iter()
            .map(|s| s.place.as_deref().unwrap_or("–").width())
            .max()
            .unwrap_or(1);
        let rows: Vec<String> = app
            .data
            .sessions
            .iter()
            .rev()
            .map(|s| {
                let p = SessionProgress::of(&app.data, s);
                let mark = if s.number == app.session { "▶" } else { " " };
                let progress = if crate::domain::Dataset::is_reporting_session(s.number) {
                    crate::i18n::tf(
                        "sessions.progress",
                        &[("done", &format!("{:>2}", p.done())), ("total", &p.total())],
                    )
                } else {
                    crate::i18n::t("sessions.before-reporting").to_owned()
                };
                let place = s.place.as_deref().unwrap_or("–");
                format!(
                    "{mark} {:>12}  {}  {place}{} {progress}",
                    crate::i18n::tf("sessions.number", &[("number", &s.number)]),
                    crate::i18n::date(s.date),
                    " ".repeat(places - place.width()),
                )
            })
            .collect();
        // As wide as the longest row and the title, a column clear of the
        // right border; no wider than the screen.
        let title = crate::i18n::t("sessions.title");
        let widest = rows
            .iter()
            .map(|r| r.width())
            .chain([title.width() + 2])
            .max()
            .unwrap_or(0);
        let width = u16::try_from(widest + 3).unwrap_or(u16::MAX);
        let popup = centered(area, width.min(area.width), area.height.saturating_sub(4));
        frame.render_widget(Clear, popup);
        let items: Vec<ListItem> = rows.into_iter().map(ListItem::new).collect();
        let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
        let list = List::new(items)
            .block(popup_block(title, theme))
            .highlight_style(theme.selected);
        let mut state = ListState::default()
            .with_selected(Some(self.cursor))
            .with_offset(self.list.first());
        frame.render_stateful_widget(list, popup, &mut state);
        let inside = usize::from(popup.height.saturating_sub(2));
        self.list.drawn(state.offset(), heights, inside);
    }
}
