//! Leitfragen: the questions with this session's answers, answered or not.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::Theme;
use super::widgets::{pane_block, truncate};
use crate::app::{App, Main, Pane};
use crate::domain::ReportStatus;

pub fn render(app: &App, main: &Main, frame: &mut Frame, area: Rect, theme: &Theme) {
    // Its inside, as drawn, is the page PageUp and PageDown move by (two
    // rows a Leitfrage).
    main.drawn(
        Pane::Questions,
        usize::from(area.height.saturating_sub(2)) / 2,
    );
    let id = app.conference_id();
    let report = app.current_session().and_then(|s| s.report(&id));
    let focused = main.focus == Pane::Questions;
    let width = usize::from(area.width.saturating_sub(2));
    let questions = &app.data.guiding_questions;
    let answered = questions
        .iter()
        .filter(|q| report.and_then(|r| r.answer(&q.id)).is_some())
        .count();
    let title = crate::i18n::tf(
        "questions.title",
        &[("answered", &answered), ("total", &questions.len())],
    );
    if report.is_some_and(|r| r.status == ReportStatus::NoReport) {
        let list = List::new([ListItem::new(Span::styled(
            crate::i18n::t("questions.no-exchange"),
            theme.dim,
        ))])
        .block(pane_block(title, focused, theme));
        frame.render_widget(list, area);
        return;
    }
    let items: Vec<ListItem> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let answer = report.and_then(|r| r.answer(&q.id));
            let mark = if answer.is_some() { "✓" } else { "○" };
            let head = Line::from(vec![
                Span::raw(format!("{} {mark} ", i + 1)),
                Span::raw(truncate(&q.text, width.saturating_sub(4))),
            ]);
            let body = match answer {
                Some(a) => Span::raw(truncate(
                    &format!("    {}", a.split_whitespace().collect::<Vec<_>>().join(" ")),
                    width,
                )),
                None => Span::styled(crate::i18n::t("questions.unanswered"), theme.dim),
            };
            ListItem::new(vec![head, Line::from(body)])
        })
        .collect();
    let list = List::new(items).block(pane_block(title, focused, theme));
    let list = if focused {
        list.highlight_style(theme.selected)
    } else {
        list
    };
    let mut state = ListState::default()
        .with_selected(Some(main.question))
        .with_offset(main.offset(Pane::Questions));
    frame.render_stateful_widget(list, area, &mut state);
    main.listed(Pane::Questions, state.offset());
}
