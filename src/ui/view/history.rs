//! The View's history: the matrix of conference × session with a bar chart
//! of reporting conferences per session below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph};

use super::super::Theme;
use super::super::theme::status_mark;
use super::super::widgets::popup_block;
use crate::app::App;
use crate::app::view::reporting_per_session;

pub(super) fn history(
    app: &App,
    (row, listed): super::ListAt,
    col: usize,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let block = popup_block(crate::i18n::t("views.history-title"), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let chart_height = (inner.height / 3).clamp(5, 10);
    let [matrix, chart] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(chart_height),
    ]));
    let sessions = &app.data.sessions;
    // A row for each conference below the sessions' numbers (the legend
    // after them where there is room): as many as fit, scrolled only as far
    // as the cursor needs.
    let conferences = app.data.conferences.len();
    let room = usize::from(matrix.height.saturating_sub(1)).max(1);
    let top = listed
        .first()
        .min(row)
        .max((row + 1).saturating_sub(room))
        .min(conferences.saturating_sub(room));
    listed.drawn(top, std::iter::repeat_n(1, conferences), room);
    // As many columns as fit, the selected one always visible, most recent right.
    let fit = usize::from(matrix.width.saturating_sub(7) / 4).max(1);
    let first = col
        .saturating_sub(fit - 1)
        .min(sessions.len().saturating_sub(fit));
    let shown = &sessions[first..sessions.len().min(first + fit)];
    let mut lines = vec![Line::from(
        std::iter::once(Span::raw("      "))
            .chain(
                shown
                    .iter()
                    .map(|s| Span::styled(format!("{:^3} ", s.number), theme.dim)),
            )
            .collect::<Vec<_>>(),
    )];
    for (r, c) in app.data.conferences.iter().enumerate().skip(top).take(room) {
        let mut spans = vec![Span::raw(format!("{:<6}", c.id))];
        for (k, s) in shown.iter().enumerate() {
            let status = s.status_of(&c.id);
            let (symbol, _) = status_mark(status);
            let mut style = theme.status(status);
            if r == row && first + k == col {
                style = theme.selected;
            }
            // Three columns and a gap, as the bars below are drawn.
            spans.push(Span::styled(format!("{symbol:^3}"), style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(Span::styled(
        crate::i18n::t("views.history-legend"),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines), matrix);
    let counts = reporting_per_session(&app.data);
    let bars: Vec<Bar> = counts[first..counts.len().min(first + fit)]
        .iter()
        .map(|(n, v)| Bar::default().value(*v).label(Line::from(n.to_string())))
        .collect();
    let chart_widget = BarChart::default()
        .block(
            Block::default()
                .borders(Borders::TOP)
                .title(crate::i18n::t("views.reporting-per-session")),
        )
        .data(BarGroup::default().bars(&bars))
        .bar_width(3)
        .bar_gap(1)
        .max(u64::try_from(app.data.conferences.len()).unwrap_or(13));
    // Under the matrix's columns: indented by the width of the row labels.
    let [_, bars_area] = chart.layout(&Layout::horizontal([
        Constraint::Length(6),
        Constraint::Fill(1),
    ]));
    frame.render_widget(chart_widget, bars_area);
}
