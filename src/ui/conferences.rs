//! Konferenzen: every conference with its report status, by symbol and word;
//! an exchange said to be unknown as "? unbekannt", a paused walkthrough as "‖".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::Theme;
use super::theme::status_mark;
use super::widgets::{pane_block, truncate};
use crate::app::{App, Main, Pane};
use crate::domain::{Exchange, ReportStatus};

/// Columns before the name: symbol, id, status word.
pub const FIXED: usize = 21;

pub fn render(app: &App, main: &Main, frame: &mut Frame, area: Rect, theme: &Theme) {
    // Its inside, as drawn, is the page PageUp and PageDown move by.
    main.drawn(
        Pane::Conferences,
        usize::from(area.height.saturating_sub(2)),
    );
    let focused = main.focus == Pane::Conferences && !app.walkthrough_shown();
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
            let report = app.current_session().and_then(|s| s.report(&c.id));
            // Said to be unknown, nothing else written yet (else: Entwurf).
            let unknown = report.is_some_and(|r| {
                r.exchange == Exchange::Unknown
                    && !r.status.is_done()
                    && r.answers.is_empty()
                    && r.presenter.is_none()
                    && r.decisions.is_empty()
            });
            let mark = if unknown {
                ("?", crate::i18n::t("status.unknown"))
            } else {
                status_mark(status)
            };
            let (symbol, word) = if active && app.paused_at(&c.id) {
                ("‖", mark.1)
            } else if active {
                mark
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
    let mut state = ListState::default()
        .with_selected(Some(app.conference))
        .with_offset(main.offset(Pane::Conferences));
    frame.render_stateful_widget(list, area, &mut state);
    main.listed(Pane::Conferences, state.offset());
}
