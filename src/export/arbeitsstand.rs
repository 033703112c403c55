//! The Arbeitsstand: the internal state of the preparation of one session —
//! progress, what is missing, and per conference where its report stands.
//! For the Geschäftsstelle, not for the members.

use super::doc::{Doc, Inline, Line, one_line, plain};
use super::{exchange_word, people, status_word};
use crate::domain::{Conference, Dataset, Missing, ReportStatus, Session, SessionProgress};
use crate::i18n::{date, t, tf, tn};

/// The Arbeitsstand of `session`.
pub fn build(data: &Dataset, session: &Session) -> Doc {
    let n = session.number;
    let progress = SessionProgress::of(data, session);
    let mut doc = Doc::default();
    doc.heading(1, tf("ws.title", &[("session", &n)]));
    doc.text(people::session_line(session));
    doc.text(tn(
        "ws.progress",
        progress.total(),
        &[
            ("debrief", &date(session.debrief_date)),
            ("done", &progress.done()),
        ],
    ));
    doc.heading(2, t("ws.missing"));
    // Gaps keep a report from being complete; unanswered Leitfragen do not
    // (the seed: the Leitfragen are examples) and are listed apart as hints.
    let gaps: Vec<Line> = progress
        .per_conference
        .iter()
        .filter_map(|(id, missing)| {
            // Concerns still to decide as they stood at the session, not today.
            let list: Vec<String> = missing
                .iter()
                .filter(|m| !m.is_hint() && !matches!(m, Missing::ConcernUndecided { .. }))
                .cloned()
                .chain(undecided_at(data, id, n))
                .map(|m| m.to_string())
                .collect();
            (!list.is_empty()).then(|| labelled(id, &list.join("; ")))
        })
        .collect();
    if gaps.is_empty() {
        doc.text(t("ws.nothing-missing"));
    }
    doc.bullets(gaps);
    let hints: Vec<Line> = progress
        .per_conference
        .iter()
        .filter_map(|(id, missing)| {
            crate::i18n::words::hint_line(missing).map(|hint| labelled(id, &hint))
        })
        .collect();
    if !hints.is_empty() {
        doc.heading(2, t("ws.hints"));
        doc.text(t("ws.hints-why"));
        doc.bullets(hints);
    }
    for c in data.conferences_at(n) {
        conference(&mut doc, data, session, c);
    }
    doc
}

/// "**WMK**: what".
fn labelled(id: &str, what: &str) -> Line {
    vec![
        Inline::Bold(id.to_owned()),
        Inline::Text(format!(": {what}")),
    ]
}

/// The concerns carried into session `n` that had no decision in it, as of `n`.
fn undecided_at(data: &Dataset, conference: &str, n: u32) -> Vec<Missing> {
    if data
        .session(n)
        .is_some_and(|s| s.status_of(conference) == ReportStatus::NoReport)
    {
        return Vec::new();
    }
    data.concerns_at(conference, n)
        .into_iter()
        .filter(|c| c.raised_in < n)
        .filter(|c| {
            !c.history
                .iter()
                .any(|h| h.session == Some(n) && h.status.is_some())
        })
        .map(|c| Missing::ConcernUndecided {
            id: c.id.clone(),
            title: c.title.clone(),
        })
        .collect()
}

fn conference(doc: &mut Doc, data: &Dataset, session: &Session, conference: &Conference) {
    let n = session.number;
    let id = conference.id.as_str();
    doc.heading(2, people::label(conference, n));
    let report = session.report(id);
    let status = report.map_or(ReportStatus::Open, |r| r.status);
    let field = |key: &str, value: String| {
        vec![
            Inline::Bold(t(key).to_owned()),
            Inline::Text(format!(" {value}")),
        ]
    };
    let mut facts = vec![
        field("ws.speakers", people::speakers(data, id, n)),
        field(
            "ws.exchange",
            exchange_word(report.map(|r| r.exchange).unwrap_or_default()).to_owned(),
        ),
        field("ws.status", status_word(status).to_owned()),
    ];
    if let Some(p) = report
        .and_then(|r| r.presenter.as_deref())
        .filter(|p| !p.trim().is_empty())
    {
        facts.push(field("ws.presenter", people::presenter(data, p)));
    }
    doc.bullets(facts);
    if let Some(report) = report.filter(|_| status != ReportStatus::NoReport) {
        for (index, question) in data.guiding_questions.iter().enumerate() {
            if let Some(answer) = report.answer(&question.id) {
                doc.heading(
                    3,
                    tf(
                        "tv.question",
                        &[
                            ("number", &(index + 1)),
                            ("text", &one_line(&question.text)),
                        ],
                    ),
                );
                doc.user_text(answer);
            }
        }
    }
    let concerns: Vec<Line> = data
        .concerns_at(id, n)
        .into_iter()
        .map(|c| {
            let carried = c.times_carried_at(n);
            let mut text = tf(
                "ws.concern",
                &[
                    ("id", &c.id),
                    ("session", &c.raised_in),
                    ("status", &people::status_word(c.status_at(n))),
                ],
            );
            if carried > 0 {
                text.push_str(&tf("ws.carried", &[("carried", &carried)]));
            }
            let mut line = vec![
                Inline::Bold(one_line(&c.title)),
                Inline::Text(format!(" ({text})")),
            ];
            // Closed in this session: the note on its outcome, as in the Tischvorlage.
            if let Some(note) = c.closed_in(n).and_then(people::outcome) {
                line.push(Inline::Text(tf("ws.outcome", &[("note", &one_line(note))])));
            }
            line
        })
        .collect();
    if !concerns.is_empty() {
        doc.heading(3, t("ws.concerns"));
        doc.bullets(concerns);
    }
    let linked: Vec<Line> = report
        .map(|r| r.decisions.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|d| match data.decision(d) {
            Some(d) => vec![
                Inline::Bold(d.id.clone()),
                Inline::Text(format!(" {}", one_line(&d.title))),
            ],
            None => plain(d.clone()),
        })
        .collect();
    if !linked.is_empty() {
        doc.heading(3, t("ws.decisions"));
        doc.bullets(linked);
    }
}
