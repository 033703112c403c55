//! The Nachbesprechung: after the session, for the staff of the conferences.
//! The session's Beschlüsse and whom they concern, which are presented to
//! which FachMK, notes, and the Folge-Anliegen that came of it.

use super::doc::{Doc, Inline, Line, one_line, plain};
use super::people;
use crate::domain::{Dataset, Session};
use crate::i18n::{date, t, tf};

/// The Nachbesprechung of `session`.
pub fn build(data: &Dataset, session: &Session) -> Doc {
    let n = session.number;
    let mut doc = Doc::default();
    doc.text(people::session_line(session));
    doc.heading(1, tf("nb.title", &[("session", &n)]));
    let held = session.debrief.as_ref().and_then(|d| d.held_on);
    doc.text(match held {
        Some(day) => tf("nb.held", &[("date", &date(day))]),
        None => tf("nb.planned", &[("date", &date(session.debrief_date))]),
    });
    doc.text(t(if held.is_some() {
        "nb.invited-held"
    } else {
        "tv.invited"
    }));
    doc.bullets(people::invited());
    doc.heading(2, tf("nb.decisions", &[("session", &n)]));
    let taken: Vec<Line> = data
        .decisions_of_session(n)
        .into_iter()
        .map(|d| {
            let mut line = vec![
                Inline::Bold(d.id.clone()),
                Inline::Text(format!(" {}", one_line(&d.title))),
            ];
            if let Some(summary) = d.summary.as_deref().filter(|s| !s.trim().is_empty()) {
                line.push(Inline::Text(format!(" – {}", one_line(summary))));
            }
            let scope = if d.conferences.iter().any(|c| c == "*") {
                t("nb.all").to_owned()
            } else {
                d.conferences.join(", ")
            };
            line.push(Inline::Text(format!(
                " ({})",
                tf("nb.concerns", &[("list", &scope)])
            )));
            if let Some(url) = d.url.as_deref() {
                line.push(Inline::Text(" ".to_owned()));
                line.push(Inline::Link {
                    text: t("tv.link").to_owned(),
                    url: url.to_owned(),
                });
            }
            line
        })
        .collect();
    if taken.is_empty() {
        doc.text(t("nb.no-decisions"));
    }
    doc.bullets(taken);
    presented(&mut doc, data, session);
    doc.heading(2, t("nb.follow-ups"));
    let follow_ups: Vec<Line> = data
        .concerns
        .iter()
        .filter(|c| c.follow_up_of == Some(n))
        .map(|c| {
            let name = data
                .conference(&c.conference)
                .map_or_else(|| c.conference.clone(), |conf| people::label(conf, n));
            vec![
                Inline::Bold(c.id.clone()),
                Inline::Text(format!(" {name}: {}", one_line(&c.title))),
            ]
        })
        .collect();
    if follow_ups.is_empty() {
        doc.text(t("tv.none"));
    }
    doc.bullets(follow_ups);
    doc
}

/// Which decisions are presented to which conference, with the notes.
fn presented(doc: &mut Doc, data: &Dataset, session: &Session) {
    doc.heading(2, t("nb.presented"));
    let Some(debrief) = &session.debrief else {
        doc.text(t("nb.nothing-chosen"));
        return;
    };
    let rows: Vec<Vec<Line>> = data
        .conferences_at(session.number)
        .filter_map(|c| {
            let item = debrief.items.get(&c.id)?;
            let notes = item.notes.as_deref().filter(|n| !n.trim().is_empty());
            if item.present.is_empty() && notes.is_none() {
                return None;
            }
            let present = if item.present.is_empty() {
                "–".to_owned()
            } else {
                item.present.join(", ")
            };
            Some(vec![
                plain(people::label(c, session.number)),
                plain(present),
                plain(notes.map_or_else(|| "–".to_owned(), one_line)),
            ])
        })
        .collect();
    if rows.is_empty() {
        doc.text(t("nb.nothing-chosen"));
        return;
    }
    let header = ["tv.col-conference", "nb.col-present", "nb.col-notes"]
        .iter()
        .map(|k| t(k).to_owned())
        .collect();
    doc.table(header, rows);
}
