//! Offene Anliegen: the selected conference's open concerns with their age.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::Theme;
use super::widgets::{pane_block, truncate};
use crate::app::{App, Main, Pane};
use crate::domain::{Concern, ConcernStatus};

/// "seit 47. Sitzung, 2× vertagt": carried up to `session`, the one on the screen
/// (work on a later session does not change what an earlier one shows).
pub fn age(concern: &Concern, session: u32) -> String {
    let carried = concern.times_carried_at(session);
    if carried > 0 {
        crate::i18n::tf(
            "concerns.age-carried",
            &[("session", &concern.raised_in), ("carried", &carried)],
        )
    } else {
        crate::i18n::tf("concerns.age", &[("session", &concern.raised_in)])
    }
}

/// The fewest characters of a title shown.
const MIN_TITLE: usize = 8;

pub fn symbol(status: ConcernStatus) -> &'static str {
    match status {
        ConcernStatus::Open => "●",
        ConcernStatus::InProgress => "◐",
        ConcernStatus::Resolved => "✓",
        ConcernStatus::Dropped => "✗",
    }
}

pub fn render(app: &App, main: &Main, frame: &mut Frame, area: Rect, theme: &Theme) {
    // Its inside, as drawn, is the page PageUp and PageDown move by.
    app.main
        .drawn(Pane::Concerns, usize::from(area.height.saturating_sub(2)));
    let concerns = crate::app::visible_concerns(&app.data, app.session, &app.conference_id());
    let focused = main.focus == Pane::Concerns;
    let width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = if concerns.is_empty() {
        let none = if app.concerns_pending {
            "concerns.loading"
        } else {
            "concerns.none"
        };
        vec![ListItem::new(Line::from(Span::styled(
            crate::i18n::t(none),
            theme.dim,
        )))]
    } else {
        concerns
            .iter()
            .map(|c| {
                let age = age(c, app.session);
                let mut state = if c.status == ConcernStatus::InProgress {
                    crate::i18n::t("concerns.in-progress-short")
                } else {
                    ""
                };
                let room = |state: &str| {
                    width.saturating_sub(age.chars().count() + state.chars().count() + 4)
                };
                // The symbol says "in Bearbeitung" too: its word gives way
                // first when the title would have too little room.
                if room(state) < MIN_TITLE {
                    state = "";
                }
                let room = room(state);
                ListItem::new(Line::from(vec![
                    Span::raw(format!("{} ", symbol(c.status))),
                    Span::raw(truncate(&c.title, room.max(MIN_TITLE))),
                    Span::styled(format!(" {age}{state}"), theme.dim),
                ]))
            })
            .collect()
    };
    let title = if app.concerns_pending {
        crate::i18n::t("concerns.title-loading").to_owned()
    } else {
        crate::i18n::tf("concerns.title", &[("count", &concerns.len())])
    };
    let list = List::new(items).block(pane_block(title, focused, theme));
    let list = if focused && !concerns.is_empty() {
        list.highlight_style(theme.selected)
    } else {
        list
    };
    let mut state =
        ListState::default().with_selected((!concerns.is_empty()).then_some(main.concern));
    *state.offset_mut() = main.offset(Pane::Concerns);
    frame.render_stateful_widget(list, area, &mut state);
    main.listed(Pane::Concerns, state.offset());
}
