//! The Tischvorlage: the handout of the item "Reporting FachMK" for the
//! members of the IT-Planungsrat. Framed as an agenda item, reports only where
//! an exchange took place, no workflow state, a Beschlussvorschlag at the end.
//! Computed from the record as it stood at the session (see `domain::as_of`).

use super::doc::{Doc, Inline, Line, one_line, plain};
use super::people;
use crate::domain::{Dataset, Exchange, Session};
use crate::i18n::{date, t, tf};

/// The Tischvorlage of `session`.
pub fn build(data: &Dataset, session: &Session) -> Doc {
    let mut doc = Doc::default();
    doc.text(people::session_line(session));
    let item = session
        .agenda_item
        .as_deref()
        .map_or_else(|| "__".to_owned(), one_line);
    doc.heading(1, tf("tv.title", &[("item", &item)]));
    doc.text(t("tv.kind"));
    facts(&mut doc, data, session);
    reports(&mut doc, data, session);
    without_report(&mut doc, data, session);
    decisions(&mut doc, data, session);
    doc.heading(2, t("tv.debrief"));
    // "Three weeks after" only where it is so: a date moved off a holiday or
    // set by hand is not.
    let three_weeks = session.debrief_date - session.date == chrono::TimeDelta::days(21);
    doc.text(tf(
        if three_weeks {
            "tv.debrief-when"
        } else {
            "tv.debrief-when-moved"
        },
        &[("date", &date(session.debrief_date))],
    ));
    doc.text(t("tv.invited"));
    doc.bullets(people::invited());
    doc.heading(2, t("tv.proposal"));
    let proposal = session
        .proposal
        .as_deref()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or(t("tv.proposal-default"));
    doc.user_text(proposal);
    doc
}

/// Section 1: Sachverhalt: the legal basis and an overview of all conferences.
fn facts(doc: &mut Doc, data: &Dataset, session: &Session) {
    let n = session.number;
    doc.heading(2, t("tv.facts"));
    let basis = data.assignment_decisions_at(n);
    let (first, amendments) = basis
        .split_first()
        .map_or(("2022/43", &[][..]), |(f, r)| (*f, r));
    let amended = match amendments {
        [] => String::new(),
        [one] => tf("tv.amended-one", &[("id", one)]),
        more => tf("tv.amended-many", &[("list", &people::and_list(more))]),
    };
    doc.text(tf("tv.legal", &[("basis", &first), ("amended", &amended)]));
    doc.text(tf("tv.overview", &[("session", &n)]));
    let header = [
        "tv.col-conference",
        "tv.col-speakers",
        "tv.col-exchange",
        "tv.col-presenter",
        "tv.col-open",
    ]
    .iter()
    .map(|k| t(k).to_owned())
    .collect();
    let rows = data
        .conferences_at(n)
        .map(|c| {
            let id = c.id.as_str();
            let report = session.report(id);
            let exchange = match report.map(|r| r.exchange).unwrap_or_default() {
                Exchange::Yes => t("export.yes"),
                Exchange::No => t("export.no"),
                Exchange::Unknown => "–",
            };
            let presenter = report
                .filter(|r| r.exchange == Exchange::Yes)
                .and_then(|r| r.presenter.as_deref())
                .filter(|p| !p.trim().is_empty())
                .map_or_else(|| "–".to_owned(), |p| people::presenter(data, p));
            let open = data.open_concerns_at(id, n);
            vec![
                plain(people::label(c, n)),
                plain(people::speakers(data, id, n)),
                plain(exchange),
                plain(presenter),
                plain(open.to_string()),
            ]
        })
        .collect();
    doc.table(header, rows);
}

/// Section 2: Berichte: one section per conference with an exchange.
fn reports(doc: &mut Doc, data: &Dataset, session: &Session) {
    let n = session.number;
    doc.heading(2, t("tv.reports"));
    let mut any = false;
    for conference in data.conferences_at(n) {
        let id = conference.id.as_str();
        let Some(report) = session.report(id).filter(|r| r.exchange == Exchange::Yes) else {
            continue;
        };
        any = true;
        doc.heading(3, people::label(conference, n));
        if let Some(p) = report.presenter.as_deref().filter(|p| !p.trim().is_empty()) {
            doc.paragraph(vec![
                Inline::Bold(t("tv.presenter").to_owned()),
                Inline::Text(format!(" {}", people::presenter(data, p))),
            ]);
        }
        let mut answered = false;
        for (index, question) in data.guiding_questions.iter().enumerate() {
            let Some(answer) = report.answer(&question.id) else {
                continue;
            };
            answered = true;
            doc.heading(
                4,
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
        if !answered {
            doc.text(t("tv.oral"));
        }
        concerns(doc, data, id, n);
    }
    if !any {
        doc.text(t("tv.no-reports"));
    }
}

/// The concerns of a conference as they stood at session `n`.
fn concerns(doc: &mut Doc, data: &Dataset, conference: &str, n: u32) {
    let list = data.concerns_at(conference, n);
    if list.is_empty() {
        return;
    }
    doc.heading(4, t("tv.concerns"));
    let header = [
        "tv.col-id",
        "tv.col-concern",
        "tv.col-raised",
        "tv.col-status",
        "tv.col-carried",
        "tv.col-decisions",
    ]
    .iter()
    .map(|k| t(k).to_owned())
    .collect();
    let rows = list
        .into_iter()
        .map(|c| {
            let mut title: Line = vec![Inline::Text(one_line(&c.title))];
            if let Some(details) = c.details.as_deref().filter(|d| !d.trim().is_empty()) {
                title.push(Inline::Text(format!(" – {}", one_line(details))));
            }
            let mut status = people::status_word(c.status_at(n)).to_owned();
            if let Some(note) = c.closed_in(n).and_then(people::outcome) {
                status = format!("{status}: {}", one_line(note));
            }
            let carried = c.times_carried_at(n);
            vec![
                plain(c.id.clone()),
                title,
                plain(tf("tv.session", &[("session", &c.raised_in)])),
                plain(status),
                plain(if carried == 0 {
                    "–".to_owned()
                } else {
                    format!("{carried}×")
                }),
                plain(if c.decisions.is_empty() {
                    "–".to_owned()
                } else {
                    c.decisions.join(", ")
                }),
            ]
        })
        .collect();
    doc.table(header, rows);
}

/// Section 3: The conferences without report: no exchange, and no answer yet.
fn without_report(doc: &mut Doc, data: &Dataset, session: &Session) {
    let n = session.number;
    doc.heading(2, t("tv.without"));
    let with = |exchange: Exchange| -> Vec<String> {
        data.conferences_at(n)
            .filter(|c| {
                session
                    .report(&c.id)
                    .map(|r| r.exchange)
                    .unwrap_or_default()
                    == exchange
            })
            .map(|c| people::label(c, n))
            .collect()
    };
    let (none, unknown) = (with(Exchange::No), with(Exchange::Unknown));
    if !none.is_empty() {
        doc.text(tf("tv.no-exchange", &[("list", &people::and_list(&none))]));
    }
    if !unknown.is_empty() {
        doc.text(tf("tv.no-answer", &[("list", &people::and_list(&unknown))]));
    }
    if none.is_empty() && unknown.is_empty() {
        doc.text(t("tv.all-report"));
    }
}

/// Section 4: The decisions that matter to the conferences: the cross-cutting ones
/// known at the session and those the reports and concerns name.
fn decisions(doc: &mut Doc, data: &Dataset, session: &Session) {
    let n = session.number;
    doc.heading(2, t("tv.decisions"));
    let mut named: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
    for id in data.conferences_at(n).map(|c| c.id.as_str()) {
        let linked = session
            .report(id)
            .map(|r| r.decisions.iter())
            .into_iter()
            .flatten();
        let of_concerns = data
            .concerns_at(id, n)
            .into_iter()
            .flat_map(|c| c.decisions.iter());
        for d in linked.chain(of_concerns) {
            let list = named.entry(d.as_str()).or_default();
            if !list.contains(&id) {
                list.push(id);
            }
        }
    }
    for d in data.decisions_before(n).filter(|d| d.cross_cutting) {
        named.entry(d.id.as_str()).or_default();
    }
    let items: Vec<Line> = named
        .iter()
        .map(|(id, by)| {
            let mut line = vec![Inline::Bold((*id).to_owned())];
            let decision = data.decision(id);
            if let Some(d) = decision {
                line.push(Inline::Text(format!(" {}", one_line(&d.title))));
                if let Some(summary) = d.summary.as_deref().filter(|s| !s.trim().is_empty()) {
                    line.push(Inline::Text(format!(" – {}", one_line(summary))));
                }
            }
            let scope = if by.is_empty() {
                t("tv.cross-cutting").to_owned()
            } else {
                tf("tv.named-by", &[("list", &by.join(", "))])
            };
            line.push(Inline::Text(format!(" ({scope})")));
            if let Some(url) = decision.and_then(|d| d.url.as_deref()) {
                line.push(Inline::Text(" ".to_owned()));
                line.push(Inline::Link {
                    text: t("tv.link").to_owned(),
                    url: url.to_owned(),
                });
            }
            line
        })
        .collect();
    if items.is_empty() {
        doc.text(t("tv.none"));
    }
    doc.bullets(items);
}
