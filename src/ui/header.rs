//! The header line: session, date, days to go, debrief, progress, unsaved marker.
//! On a narrow screen the less important parts give way, never the progress
//! or the unsaved marker.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::widgets::days_until;
use crate::app::App;

/// A part of the header; lower `rank` parts are dropped first when space is short.
struct Part {
    text: String,
    style: Style,
    rank: u8,
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut parts = vec![Part {
        text: " IT-PLR".into(),
        style: theme.header,
        rank: 6,
    }];
    let mut add = |text: String, style: Style, rank: u8| parts.push(Part { text, style, rank });
    match app.current_session() {
        Some(s) => {
            add(
                crate::i18n::tf("header.session", &[("session", &s.number)]),
                theme.header,
                9,
            );
            let phase = s.phase(app.today);
            // In the debrief phase the debrief's date matters more than the session's.
            let date_rank = if phase == crate::domain::Phase::Debrief {
                7
            } else {
                8
            };
            add(
                format!(" · {}", crate::i18n::date(s.date)),
                theme.normal,
                date_rank,
            );
            add(
                format!(" ({})", days_until(app.today, s.date)),
                theme.normal,
                5,
            );
            for (text, style, rank) in debrief_parts(app, s, phase, theme) {
                add(text, style, rank);
            }
            if phase == crate::domain::Phase::Done {
                add(format!(" · {phase}"), theme.header, 7);
            }
            if let Some(p) = app.progress() {
                add(
                    crate::i18n::tf(
                        "header.progress",
                        &[("done", &p.done()), ("total", &p.total())],
                    ),
                    theme.header,
                    9,
                );
            }
        }
        None => add(crate::i18n::t("header.no-session").into(), theme.warning, 9),
    }
    if app.read_only.is_some() {
        add(crate::i18n::t("header.read-only").into(), theme.error, 9);
    } else if app.dirty {
        add(crate::i18n::t("header.unsaved").into(), theme.warning, 9);
    }
    if app.external_change {
        add(
            crate::i18n::t("header.changed-by-others").into(),
            theme.warning,
            9,
        );
    }
    if app.needs_new_session() && app.current_session().is_some() {
        // The way on when every session lies in the past: it must show at 80
        // columns, except while a debrief is due, which the header is then about.
        let in_debrief = app
            .current_session()
            .is_some_and(|s| s.phase(app.today) == crate::domain::Phase::Debrief);
        // An overdue debrief leaves room for it: the way on is the next session.
        let rank = if in_debrief && !debrief_overdue(app) {
            7
        } else {
            8
        };
        add(crate::i18n::t("header.new-session").into(), theme.key, rank);
    }
    let width = usize::from(area.width);
    let mut total: usize = parts.iter().map(|p| p.text.width()).sum();
    for rank in 0..9 {
        if total <= width {
            break;
        }
        for part in parts.iter_mut().filter(|p| p.rank == rank) {
            total -= part.text.width();
            part.text.clear();
        }
    }
    let mut spans: Vec<Span> = parts
        .into_iter()
        .filter(|p| !p.text.is_empty())
        .map(|p| Span::styled(p.text, p.style))
        .collect();
    // Without the "IT-PLR" in front, the line does not start with a separator.
    if let Some(first) = spans.first_mut()
        && let Some(rest) = first.content.strip_prefix(" · ")
    {
        first.content = format!(" {rest}").into();
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The debrief's part of the header: in the debrief phase (from the session's
/// day until it is recorded) its date, which gives way only to the session,
/// the progress and the markers, and how far off it is; otherwise its date,
/// among the first to give way.
fn debrief_parts(
    app: &App,
    s: &crate::domain::Session,
    phase: crate::domain::Phase,
    theme: &Theme,
) -> Vec<(String, Style, u8)> {
    let date = crate::i18n::date(s.debrief_date);
    if phase == crate::domain::Phase::Debrief && s.debrief_date < app.today {
        // Overdue: said in few words, so that it stays at 80 columns.
        vec![
            (
                crate::i18n::t("header.debrief-overdue").into(),
                theme.warning,
                8,
            ),
            (
                crate::i18n::tf("header.debrief-overdue-since", &[("date", &date)]),
                theme.normal,
                6,
            ),
        ]
    } else if phase == crate::domain::Phase::Debrief {
        vec![
            (
                crate::i18n::tf("header.debrief-due", &[("date", &date)]),
                theme.header,
                8,
            ),
            (
                format!(" ({})", days_until(app.today, s.debrief_date)),
                theme.normal,
                4,
            ),
        ]
    } else {
        vec![(
            crate::i18n::tf("header.debrief", &[("date", &date)]),
            theme.normal,
            3,
        )]
    }
}

/// The selected session's debrief lies in the past and is not recorded as held.
fn debrief_overdue(app: &App) -> bool {
    app.current_session().is_some_and(|s| {
        s.phase(app.today) == crate::domain::Phase::Debrief && s.debrief_date < app.today
    })
}
