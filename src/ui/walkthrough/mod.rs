//! The Durchgang, drawn over the right-hand panes: progress line, the step's
//! question, its options (or text field), and what helps to answer it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

mod choices;

use super::Theme;
use super::concerns::{age, symbol};
use super::widgets::{hang_under, pane_block, wrapped_height};
use crate::app::{Action, App, Layer, Step, Walkthrough};
use crate::domain::Case;

impl Walkthrough {
    /// Draws the walkthrough over the right-hand column.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
        body(app, self, frame, area, theme);
    }
}

fn body(app: &App, w: &Walkthrough, frame: &mut Frame, area: Rect, theme: &Theme) {
    let conference = app.data.conference(&w.conference);
    let name = conference.map_or(String::new(), |c| c.name_at(w.session).0.to_owned());
    let (k, n) = w.position(&app.data);
    let index = app
        .data
        .conferences
        .iter()
        .position(|c| c.id == w.conference)
        .unwrap_or(0)
        + 1;
    let total = app.data.conferences.len();
    let block = pane_block(
        crate::i18n::tf(
            "walk.title",
            &[("conference", &w.conference), ("name", &name)],
        ),
        true,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let layout = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]);
    let [progress, _, body] = inner.layout(&layout);
    let bar = progress_bar(k, n, 12);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                crate::i18n::tf("walk.step", &[("k", &k), ("n", &n), ("bar", &bar)]),
                theme.header,
            ),
            Span::raw(crate::i18n::tf(
                "walk.conference",
                &[("index", &index), ("total", &total)],
            )),
        ])),
        progress,
    );
    match &w.step {
        Step::Exchange => exchange(app, w, frame, body, theme),
        // The open field inside the walkthrough's area, if it belongs there
        // (a "save as" prompt after a failed save is a popup over it, drawn once).
        Step::Question(_) => {
            if let Some(editor) = &app.editor
                && super::editor::is_inline(app)
            {
                editor.render(true, frame, body, theme);
            }
        }
        Step::Concern(id) => concern(app, w, id, frame, body, theme),
        Step::NewConcerns => new_concerns(app, w, frame, body, theme),
        Step::Decisions => choices::decisions(app, w, frame, body, theme),
        Step::Presenter => choices::presenter(app, w, frame, body, theme),
        Step::Ready => choices::ready(app, w, frame, body, theme),
    }
}

fn progress_bar(k: usize, n: usize, width: usize) -> String {
    let filled = (k * width).checked_div(n).unwrap_or(0).min(width);
    format!("[{}{}]", "■".repeat(filled), "·".repeat(width - filled))
}

/// A question, optional notes, and a list of options with the cursor.
fn choice(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    question: Vec<Line<'static>>,
    options: Vec<ListItem<'static>>,
    cursor: usize,
) {
    let height = wrapped_height(&question, area.width)
        .saturating_add(1)
        .min(area.height.saturating_sub(3));
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(height),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Paragraph::new(question).wrap(Wrap { trim: false }), top);
    let list = List::new(options)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, bottom, &mut state);
}

fn exchange(app: &App, w: &Walkthrough, frame: &mut Frame, area: Rect, theme: &Theme) {
    let since = app
        .data
        .previous_session(w.session)
        .map_or_else(String::new, |s| {
            crate::i18n::tf("walk.since", &[("session", &s.number)])
        });
    let question = vec![
        Line::from(Span::styled(
            crate::i18n::tf(
                "walk.exchange-question",
                &[
                    ("since", &since),
                    ("conference", &w.conference),
                    (
                        "dat",
                        &app.data.article_at(&w.conference, w.session, Case::Dative),
                    ),
                ],
            ),
            theme.header,
        )),
        Line::from(Span::styled(
            crate::i18n::t("walk.exchange-rule"),
            theme.dim,
        )),
    ];
    let options = vec![
        ListItem::new(crate::i18n::t("walk.exchange-yes")),
        ListItem::new(crate::i18n::t("walk.exchange-no")),
        ListItem::new(crate::i18n::t("walk.exchange-unknown")),
    ];
    choice(frame, area, theme, question, options, w.cursor);
}

fn concern(app: &App, w: &Walkthrough, id: &str, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(c) = app.data.concerns.iter().find(|c| c.id == id) else {
        return;
    };
    let heading = crate::i18n::tf(
        "walk.concern",
        &[
            ("symbol", &symbol(c.status)),
            ("id", &c.id),
            ("title", &c.title),
        ],
    );
    // Wrapped under the text after the symbol.
    let mut question: Vec<Line> = hang_under(&heading, usize::from(area.width), 2)
        .into_iter()
        .map(|row| Line::from(Span::styled(row, theme.header)))
        .collect();
    question.push(Line::from(Span::styled(age(c, app.session), theme.dim)));
    if let Some(d) = &c.details {
        question.push(Line::from(d.clone()));
    }
    if let Some(last) = c.history.last() {
        let note = last.note.clone().unwrap_or_default();
        let session = last
            .session
            .map(|s| crate::i18n::tf("walk.session-comma", &[("s", &s)]))
            .unwrap_or_default();
        question.push(Line::from(Span::styled(
            crate::i18n::tf(
                "walk.last-note",
                &[("session", &session), ("by", &last.by), ("note", &note)],
            ),
            theme.dim,
        )));
    }
    question.push(Line::from(Span::styled(
        crate::i18n::tf(
            "walk.concern-decisions",
            &[(
                "list",
                &if c.decisions.is_empty() {
                    "–".to_owned()
                } else {
                    c.decisions.join(", ")
                },
            )],
        ),
        theme.dim,
    )));
    question.push(Line::from(crate::i18n::t("walk.how-is-it")));
    let options = (0..6)
        .map(|i| ListItem::new(concern_option_label(app, i)))
        .collect();
    choice(frame, area, theme, question, options, w.cursor);
}

fn new_concerns(app: &App, w: &Walkthrough, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut question = vec![Line::from(Span::styled(
        crate::i18n::tf(
            "walk.new-concerns",
            &[
                ("conference", &w.conference),
                (
                    "gen",
                    &app.data
                        .article_at(&w.conference, w.session, Case::Genitive),
                ),
            ],
        ),
        theme.header,
    ))];
    for c in app
        .data
        .concerns
        .iter()
        .filter(|c| c.conference == w.conference && c.raised_in == w.session)
    {
        let line = format!("  {} {} {}", symbol(c.status), c.id, c.title);
        question.extend(
            hang_under(&line, usize::from(area.width), 4)
                .into_iter()
                .map(Line::from),
        );
    }
    let options = vec![
        ListItem::new(crate::i18n::t("walk.add-concern")),
        ListItem::new(crate::i18n::t("walk.next")),
    ];
    choice(frame, area, theme, question, options, w.cursor);
}

/// The options of a concern step, in the order of `CONCERN_OPTIONS`, each with
/// its key from the keymap (keys can be rebound).
fn concern_option_label(app: &App, index: usize) -> String {
    let key = |action| {
        app.keymap
            .keys_for(Layer::Walkthrough, action)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let (action, text) = match index {
        0 => (Action::ConcernOpen, crate::i18n::t("walk.keep-open")),
        1 => (
            Action::ConcernInProgress,
            crate::i18n::t("walk.in-progress"),
        ),
        2 => (Action::ConcernResolved, crate::i18n::t("walk.resolved")),
        3 => (Action::ConcernDropped, crate::i18n::t("walk.dropped")),
        5 => (Action::LinkDecisions, crate::i18n::t("walk.link-decisions")),
        _ => {
            let editor = key(Action::ExternalEditor);
            return crate::i18n::tf("walk.edit-own", &[("editor", &editor)]);
        }
    };
    format!("{:<2} {text}", key(action))
}
