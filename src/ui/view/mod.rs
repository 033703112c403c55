//! The views across sessions: debrief, decisions with their citations, the
//! history matrix with a bar chart, changes since the previous session,
//! assignments over time.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::Theme;
use super::widgets::{popup_block, truncate};
use crate::app::view::{citations, decisions_newest_first};
use crate::app::{App, Listed, Scroll, View};
use crate::domain::land_name;

mod history;

use history::history;

impl View {
    /// Draws the open view over `area`; reads the app, changes nothing but
    /// where its scrolled areas and lists stand (`Scroll`, list offsets).
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
        frame.render_widget(Clear, area);
        match self {
            View::Debrief {
                conference: None,
                cursor,
                list,
            } => debrief(app, (*cursor, list), frame, area, theme),
            View::Debrief {
                conference: Some(id),
                cursor,
                list,
            } => debrief_conference(app, id, (*cursor, list), frame, area, theme),
            View::Decisions { cursor, list } => {
                decisions(app, (*cursor, list), frame, area, theme);
            }
            View::History { row, col, list } => {
                history(app, (*row, list), *col, frame, area, theme);
            }
            View::Changes { scroll, lines } => changes(lines, scroll, frame, area, theme),
            View::Assignments { cursor, list } => {
                assignments(app, (*cursor, list), frame, area, theme);
            }
        }
    }
}

/// Where a list's cursor is, and the first row it showed when last drawn.
type ListAt<'a> = (usize, &'a Listed);

/// Draws `items` as a list with its cursor from where it stood; records where
/// it stands and how many items it showed.
fn list_at(frame: &mut Frame, items: Vec<ListItem>, theme: &Theme, area: Rect, at: ListAt) {
    let (cursor, listed) = at;
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let list = List::new(items)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default()
        .with_selected(Some(cursor))
        .with_offset(listed.first());
    frame.render_stateful_widget(list, area, &mut state);
    listed.drawn(state.offset(), heights, usize::from(area.height));
}

/// A block with lines on top and a list with a cursor below.
fn lines_and_list(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    title: String,
    top: Vec<Line<'static>>,
    items: Vec<ListItem<'static>>,
    at: ListAt,
) {
    let block = popup_block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = super::widgets::wrapped_height(&top, inner.width).min(inner.height / 2);
    let [head, list_area] = inner.layout(&Layout::vertical([
        Constraint::Length(height),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Paragraph::new(top).wrap(Wrap { trim: false }), head);
    list_at(frame, items, theme, list_area, at);
}

fn debrief(app: &App, at: ListAt, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(s) = app.current_session() else {
        return;
    };
    let held = s.debrief.as_ref().and_then(|d| d.held_on);
    let state = held.map_or_else(
        || {
            crate::i18n::tf(
                "views.debrief-planned",
                &[("date", &crate::i18n::date(s.debrief_date))],
            )
        },
        |d| crate::i18n::tf("views.debrief-held", &[("date", &crate::i18n::date(d))]),
    );
    let taken = app.data.decisions_of_session(s.number);
    let mut top = vec![
        Line::from(Span::styled(
            crate::i18n::tf(
                "views.phase",
                &[("state", &state), ("phase", &s.phase(app.today))],
            ),
            theme.header,
        )),
        Line::from(crate::i18n::tf(
            "views.session-decisions",
            &[("session", &s.number)],
        )),
    ];
    if taken.is_empty() {
        top.push(Line::from(Span::styled(
            crate::i18n::t("views.no-decisions"),
            theme.dim,
        )));
    }
    for d in &taken {
        top.push(Line::from(format!("  {} {}", d.id, d.title)));
    }
    top.push(Line::from(Span::styled(
        crate::i18n::t("views.debrief-help"),
        theme.dim,
    )));
    let items = app
        .data
        .conferences
        .iter()
        .map(|c| {
            let item = s.debrief.as_ref().and_then(|d| d.items.get(&c.id));
            let chosen = item.map_or(0, |i| i.present.len());
            let notes = if item.and_then(|i| i.notes.as_ref()).is_some() {
                crate::i18n::t("views.note-mark")
            } else {
                ""
            };
            ListItem::new(format!(
                "{:<5} {}",
                c.id,
                crate::i18n::tf(
                    "views.to-present",
                    &[("chosen", &chosen), ("notes", &notes)]
                )
            ))
        })
        .collect();
    lines_and_list(
        frame,
        area,
        theme,
        crate::i18n::tf("views.debrief-title", &[("session", &s.number)]),
        top,
        items,
        at,
    );
}

fn debrief_conference(
    app: &App,
    id: &str,
    at: ListAt,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let Some(s) = app.current_session() else {
        return;
    };
    let item = s.debrief.as_ref().and_then(|d| d.items.get(id));
    let mut top = vec![Line::from(Span::styled(
        crate::i18n::t("views.which-decisions"),
        theme.header,
    ))];
    if let Some(notes) = item.and_then(|i| i.notes.as_ref()) {
        top.push(Line::from(crate::i18n::tf(
            "views.note",
            &[("notes", &notes)],
        )));
    }
    for c in app.data.concerns.iter().filter(|c| c.conference == id) {
        let from_debrief = c.follow_up_of == Some(s.number)
            || (c.raised_in == s.number
                && c.history
                    .first()
                    .and_then(|h| h.note.as_deref())
                    .is_some_and(|n| n.starts_with(crate::i18n::t("views.from-debrief"))));
        if from_debrief {
            top.push(Line::from(crate::i18n::tf(
                "views.follow-up",
                &[("id", &c.id), ("title", &c.title)],
            )));
        }
    }
    top.push(Line::from(Span::styled(
        crate::i18n::t("views.conference-help"),
        theme.dim,
    )));
    let present = item.map(|i| i.present.clone()).unwrap_or_default();
    let mut items: Vec<ListItem> = app
        .data
        .decisions_of_session(s.number)
        .iter()
        .map(|d| {
            let mark = if present.contains(&d.id) {
                "[x]"
            } else {
                "[ ]"
            };
            ListItem::new(format!("{mark} {} {}", d.id, d.title))
        })
        .collect();
    if items.is_empty() {
        items.push(ListItem::new(Span::styled(
            crate::i18n::t("views.none-of-session"),
            theme.dim,
        )));
    }
    lines_and_list(
        frame,
        area,
        theme,
        crate::i18n::tf(
            "views.debrief-conference-title",
            &[("session", &s.number), ("id", &id)],
        ),
        top,
        items,
        at,
    );
}

fn decisions(app: &App, at: ListAt, frame: &mut Frame, area: Rect, theme: &Theme) {
    let block = popup_block(crate::i18n::t("views.decisions-title"), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [left, right] = inner.layout(&Layout::horizontal([
        Constraint::Percentage(45),
        Constraint::Fill(1),
    ]));
    let list = decisions_newest_first(&app.data);
    let width = usize::from(left.width.saturating_sub(3));
    let items: Vec<ListItem> = list
        .iter()
        .map(|d| ListItem::new(truncate(&format!("{} {}", d.id, d.title), width)))
        .collect();
    list_at(frame, items, theme, left, at);
    let Some(d) = list.get(at.0) else { return };
    let cited = citations(&app.data, &d.id);
    let mut lines = vec![Line::from(Span::styled(
        format!("{} {}", d.id, d.title),
        theme.header,
    ))];
    if let Some(n) = d.session {
        lines.push(Line::from(crate::i18n::tf("views.session", &[("n", &n)])));
    }
    if let Some(summary) = &d.summary {
        lines.push(Line::from(summary.clone()));
    }
    lines.push(Line::from(crate::i18n::tf(
        "views.concerns",
        &[("list", &cited.conferences.join(", "))],
    )));
    lines.push(Line::from(Span::styled(
        crate::i18n::t("views.cited-reports"),
        theme.key,
    )));
    if cited.reports.is_empty() {
        lines.push(Line::from("  –"));
    }
    lines.extend(cited.reports.iter().map(|(s, c)| {
        Line::from(crate::i18n::tf(
            "views.cited-report",
            &[("s", &s), ("c", &c)],
        ))
    }));
    lines.push(Line::from(Span::styled(
        crate::i18n::t("views.cited-concerns"),
        theme.key,
    )));
    if cited.concerns.is_empty() {
        lines.push(Line::from("  –"));
    }
    lines.extend(
        cited
            .concerns
            .iter()
            .map(|(id, t)| Line::from(format!("  {id} {t}"))),
    );
    let detail = Paragraph::new(lines).wrap(Wrap { trim: false }).block(
        Block::default()
            .borders(Borders::LEFT)
            .border_style(theme.dim),
    );
    frame.render_widget(detail, right);
}

/// The lines were computed when the view opened; the drawing only wraps them.
fn changes(lines: &[String], scroll: &Scroll, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines: Vec<Line> = lines.iter().map(|l| Line::from(l.as_str())).collect();
    let block = popup_block(crate::i18n::t("views.changes-title"), theme);
    let inner = block.inner(area);
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let top = scroll.drawn(text.line_count(inner.width), usize::from(inner.height));
    let top = u16::try_from(top).unwrap_or(u16::MAX);
    frame.render_widget(text.block(block).scroll((top, 0)), area);
}

fn assignments(app: &App, at: ListAt, frame: &mut Frame, area: Rect, theme: &Theme) {
    let id = app.conference_id();
    let mut list: Vec<_> = app
        .data
        .assignments
        .iter()
        .filter(|a| a.conference == id)
        .collect();
    list.sort_by_key(|a| a.from_session.unwrap_or(0));
    let current = app.data.assignment_at(&id, app.session);
    let items = list
        .iter()
        .map(|a| {
            let from = a.from_session.map_or_else(
                || crate::i18n::t("views.from-start").to_owned(),
                |n| crate::i18n::tf("views.from-session", &[("n", &n)]),
            );
            let people: Vec<String> = a
                .people
                .iter()
                .map(|p| {
                    app.data
                        .person(p)
                        .map_or_else(|| p.clone(), crate::domain::Person::display_name)
                })
                .collect();
            let who = if people.is_empty() {
                a.note.clone().unwrap_or_else(|| "N.N.".into())
            } else {
                people.join(", ")
            };
            let lands: Vec<&str> = a.lands.iter().map(|l| land_name(l)).collect();
            let mark = if current.is_some_and(|c| std::ptr::eq(c, *a)) {
                crate::i18n::t("views.current")
            } else {
                ""
            };
            ListItem::new(vec![
                Line::from(crate::i18n::tf(
                    "views.assignment",
                    &[("mark", &mark), ("from", &from), ("decision", &a.decision)],
                )),
                Line::from(Span::styled(
                    format!("    {who} ({})", lands.join(", ")),
                    theme.dim,
                )),
            ])
        })
        .collect();
    let top = vec![Line::from(Span::styled(
        crate::i18n::t("views.assignments-help"),
        theme.dim,
    ))];
    lines_and_list(
        frame,
        area,
        theme,
        crate::i18n::tf("views.assignments-title", &[("id", &id)]),
        top,
        items,
        at,
    );
}
