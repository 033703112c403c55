//! Sprecher:innen: who speaks for the selected conference at this session, with
//! office and Land; vacancies shown as such; the presenter marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Theme;
use super::widgets::pane_block;
use crate::app::{App, Main, Pane};

/// The pane's lines (also used to size it).
/// The pane's lines for a text width of `width`: offices wrap under
/// themselves (a hanging indent), never back to the margin.
pub fn lines(app: &App, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let id = app.conference_id();
    let speakers = app.data.speakers_at(&id, app.session);
    let presenter = app
        .current_session()
        .and_then(|s| s.report(&id))
        .and_then(|r| r.presenter.clone());
    let focused = app.main.focus == Pane::Speakers;
    let mut lines: Vec<Line> = Vec::new();
    if speakers.is_vacant() {
        lines.push(Line::from(Span::styled(
            crate::i18n::tf(
                "speakers.vacant",
                &[("note", &speakers.note.as_deref().unwrap_or("N.N."))],
            ),
            theme.warning,
        )));
    }
    for (i, s) in speakers.people.iter().enumerate() {
        let mark = if presenter.as_deref() == Some(s.id.as_str()) {
            "▶ "
        } else {
            "  "
        };
        let mut spans = vec![Span::raw(mark), Span::styled(s.name.clone(), theme.header)];
        if let Some(land) = &s.land_code {
            spans.push(Span::raw(format!(" ({land})")));
        }
        let mut line = Line::from(spans);
        if focused && i == app.main.speaker {
            line = line.style(theme.selected);
        }
        lines.push(line);
        if let Some(role) = &s.role {
            let room = usize::from(width).saturating_sub(4);
            for part in super::widgets::wrap_words(role, room, room) {
                lines.push(Line::from(Span::styled(format!("    {part}"), theme.dim)));
            }
        }
    }
    if let Some(p) = presenter.filter(|p| !speakers.people.iter().any(|s| s.id == *p)) {
        lines.push(Line::from(crate::i18n::tf(
            "speakers.guest",
            &[("name", &app.data.presenter_name(&p))],
        )));
    }
    let mut source = Vec::new();
    if !speakers.lands.is_empty() {
        source.push(speakers.lands.join(", "));
    }
    if let Some(d) = &speakers.decision {
        source.push(crate::i18n::tf("speakers.decision", &[("d", &d)]));
    }
    if !source.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", source.join(" · ")),
            theme.dim,
        )));
    }
    lines
}

pub fn render(app: &App, main: &Main, frame: &mut Frame, area: Rect, theme: &Theme) {
    // Its inside, as drawn, is the page PageUp and PageDown move by.
    app.main
        .drawn(Pane::Speakers, usize::from(area.height.saturating_sub(2)));
    let focused = main.focus == Pane::Speakers;
    let width = area.width.saturating_sub(2);
    let paragraph = Paragraph::new(lines(app, theme, width))
        .wrap(Wrap { trim: false })
        .block(pane_block(crate::i18n::t("speakers.title"), focused, theme));
    frame.render_widget(paragraph, area);
}
