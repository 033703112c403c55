//! Sitzungen: all sessions, newest first, with progress.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, List, ListItem, ListState};

use super::Theme;
use super::widgets::{centered, popup_block};
use crate::app::{App, Sessions};
use crate::domain::SessionProgress;

impl Sessions {
    /// Draws the list over `area`; records the row it starts at.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
        let popup = centered(area, 64, area.height.saturating_sub(4));
        frame.render_widget(Clear, popup);
        let items: Vec<ListItem> = app
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
                ListItem::new(format!(
                    "{mark} {:>12}  {}  {:<12} {progress}",
                    crate::i18n::tf("sessions.number", &[("number", &s.number)]),
                    crate::i18n::date(s.date),
                    s.place.as_deref().unwrap_or("–"),
                ))
            })
            .collect();
        let list = List::new(items)
            .block(popup_block(crate::i18n::t("sessions.title"), theme))
            .highlight_style(theme.selected);
        let mut state = ListState::default()
            .with_selected(Some(self.cursor))
            .with_offset(self.offset.get());
        frame.render_stateful_widget(list, popup, &mut state);
        self.offset.set(state.offset());
    }
}
