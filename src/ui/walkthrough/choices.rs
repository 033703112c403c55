//! The walkthrough's steps that are a list of choices: the Beschlüsse to
//! link, who presents, whether the report is ready.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use super::choice;
use crate::app::walkthrough::{decision_options, presenter_options, previous_report};
use crate::app::{App, PresenterOption, Walkthrough};
use crate::domain::Case;
use crate::ui::Theme;
use crate::ui::widgets::truncate;

pub(super) fn decisions(app: &App, w: &Walkthrough, frame: &mut Frame, area: Rect, theme: &Theme) {
    let linked: Vec<String> = app
        .current_session()
        .and_then(|s| s.report(&w.conference))
        .map(|r| r.decisions.clone())
        .unwrap_or_default();
    let width = usize::from(area.width).saturating_sub(3);
    let options = decision_options(&app.data, &w.conference)
        .into_iter()
        .filter_map(|id| app.data.decision(&id))
        .map(|d| {
            let mark = if linked.contains(&d.id) { "[x]" } else { "[ ]" };
            let scope = if d.conferences.iter().any(|c| c == "*") {
                crate::i18n::t("walk.scope-all")
            } else if d.concerns(&w.conference) {
                crate::i18n::t("walk.scope-concerns")
            } else {
                ""
            };
            ListItem::new(truncate(
                &format!("{mark} {} {}{scope}", d.id, d.title),
                width,
            ))
        })
        .collect();
    let question = vec![
        Line::from(Span::styled(
            crate::i18n::t("walk.decisions-question"),
            theme.header,
        )),
        Line::from(Span::styled(
            crate::i18n::t("walk.decisions-help"),
            theme.dim,
        )),
    ];
    choice(frame, area, theme, question, options, w.cursor);
}

pub(super) fn presenter(app: &App, w: &Walkthrough, frame: &mut Frame, area: Rect, theme: &Theme) {
    let current = app
        .current_session()
        .and_then(|s| s.report(&w.conference))
        .and_then(|r| r.presenter.clone());
    let options = presenter_options(&app.data, app.session, &w.conference)
        .into_iter()
        .map(|o| match o {
            PresenterOption::Person(id, name) => {
                let mark = if current.as_deref() == Some(id.as_str()) {
                    crate::i18n::t("walk.presents")
                } else {
                    ""
                };
                ListItem::new(format!("{name}{mark}"))
            }
            PresenterOption::Guest(name) => {
                let mark = if current.as_deref() == Some(name.as_str()) {
                    crate::i18n::t("walk.presents")
                } else {
                    ""
                };
                ListItem::new(crate::i18n::tf(
                    "walk.guest",
                    &[("name", &name), ("mark", &mark)],
                ))
            }
            PresenterOption::TypeGuest => ListItem::new(crate::i18n::t("walk.type-guest")),
        })
        .collect();
    let previous = previous_report(&app.data, app.session, &w.conference)
        .and_then(|r| r.presenter.as_deref())
        .map_or_else(
            || crate::i18n::t("walk.proposal").into(),
            |p| {
                crate::i18n::tf(
                    "walk.last-session",
                    &[("presenter", &app.data.presenter_name(p))],
                )
            },
        );
    let question = vec![
        Line::from(Span::styled(
            crate::i18n::t("walk.presenter-question"),
            theme.header,
        )),
        Line::from(Span::styled(previous, theme.dim)),
    ];
    choice(frame, area, theme, question, options, w.cursor);
}

pub(super) fn ready(app: &App, w: &Walkthrough, frame: &mut Frame, area: Rect, theme: &Theme) {
    let missing = app
        .current_session()
        .map(|s| crate::domain::missing_for(&app.data, s, &w.conference))
        .unwrap_or_default();
    let mut question = vec![Line::from(Span::styled(
        crate::i18n::tf(
            "walk.ready-question",
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
    let gaps: Vec<_> = missing
        .iter()
        .filter(|m| **m != crate::domain::Missing::NotReady)
        .collect();
    for m in gaps.iter().filter(|m| !m.is_hint()) {
        question.push(Line::from(Span::styled(
            crate::i18n::tf("walk.missing", &[("what", m)]),
            theme.warning,
        )));
    }
    let has_gaps = question.len() > 1;
    if let Some(hint) = crate::i18n::words::hint_line(&missing) {
        question.push(Line::from(Span::styled(
            crate::i18n::tf("walk.hint", &[("what", &hint)]),
            theme.dim,
        )));
    }
    let first = if has_gaps {
        crate::i18n::t("walk.ready-anyway")
    } else {
        crate::i18n::t("walk.ready-next")
    };
    let options = vec![
        ListItem::new(first),
        ListItem::new(crate::i18n::t("walk.not-ready")),
    ];
    choice(frame, area, theme, question, options, w.cursor);
}
