//! The Tischvorlage: the item of one session as Markdown (CommonMark), in German.
//! The review screen shows exactly this text.

use std::fmt::Write as _;

use super::{exchange_word, status_word};
use crate::domain::{Dataset, ReportStatus, Session, SessionProgress};
use crate::i18n::{date, t, tf};

/// The Tischvorlage of session `number`; empty when there is no such session.
pub fn markdown(data: &Dataset, number: u32) -> String {
    let Some(session) = data.session(number) else {
        return String::new();
    };
    let mut out = String::new();
    heading(&mut out, data, session);
    for conference in &data.conferences {
        conference_section(&mut out, data, session, &conference.id);
    }
    session_decisions(&mut out, data, session);
    debrief(&mut out, data, session);
    out
}

/// The decisions taken at the session.
fn session_decisions(out: &mut String, data: &Dataset, session: &Session) {
    let taken = data.decisions_of_session(session.number);
    if taken.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        tf("md.session-decisions", &[("session", &session.number)])
    );
    for d in taken {
        let scope = if d.conferences.iter().any(|c| c == "*") {
            t("md.all-conferences").to_owned()
        } else {
            d.conferences.join(", ")
        };
        let _ = writeln!(
            out,
            "{}",
            tf(
                "md.decision-scope",
                &[
                    ("id", &escape(&d.id)),
                    ("title", &escape(&d.title)),
                    ("scope", &escape(&scope)),
                ]
            )
        );
    }
    out.push('\n');
}

/// The debrief: date, and what is presented to whom.
fn debrief(out: &mut String, data: &Dataset, session: &Session) {
    let Some(debrief) = &session.debrief else {
        return;
    };
    let when = debrief.held_on.map_or_else(
        || tf("md.planned", &[("date", &date(session.debrief_date))]),
        |d| tf("md.held", &[("date", &date(d))]),
    );
    let _ = writeln!(out, "{}\n", tf("md.debrief", &[("when", &when)]));
    for c in &data.conferences {
        let Some(item) = debrief.items.get(&c.id) else {
            continue;
        };
        if item.present.is_empty() && item.notes.as_deref().is_none_or(|n| n.trim().is_empty()) {
            continue;
        }
        let _ = write!(out, "- **{}**: ", escape(&c.id));
        if item.present.is_empty() {
            out.push_str(t("md.nothing-to-present"));
        } else {
            out.push_str(&tf(
                "md.presenting",
                &[("list", &escape(&item.present.join(", ")))],
            ));
        }
        if let Some(notes) = item.notes.as_deref().filter(|n| !n.trim().is_empty()) {
            let _ = write!(
                out,
                " – {}",
                escape(&notes.split_whitespace().collect::<Vec<_>>().join(" "))
            );
        }
        out.push('\n');
    }
    out.push('\n');
}

fn heading(out: &mut String, data: &Dataset, session: &Session) {
    let progress = SessionProgress::of(data, session);
    let _ = writeln!(out, "{}\n", tf("md.title", &[("session", &session.number)]));
    let place = session
        .place
        .as_deref()
        .map(|p| tf("md.place", &[("place", &escape(p))]))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}\n",
        tf(
            "md.session-line",
            &[
                ("date", &date(session.date)),
                ("place", &place),
                ("debrief", &date(session.debrief_date)),
                ("done", &progress.done()),
                ("total", &progress.total()),
            ]
        )
    );
}

fn conference_section(out: &mut String, data: &Dataset, session: &Session, id: &str) {
    let Some(conference) = data.conference(id) else {
        return;
    };
    let _ = writeln!(out, "## {} ({})\n", escape(&conference.name), escape(id));
    let speakers = data.speakers_at(id, session.number);
    if speakers.is_vacant() {
        let note = speakers.note.as_deref().unwrap_or("N.N.");
        let _ = writeln!(out, "{}", tf("md.speakers", &[("list", &escape(note))]));
    } else {
        let names: Vec<String> = speakers
            .people
            .iter()
            .map(|s| {
                let mut line = escape(&s.name);
                if let Some(land) = &s.land {
                    let _ = write!(line, " ({})", escape(land));
                }
                if let Some(role) = &s.role {
                    let _ = write!(line, ", {}", escape(role));
                }
                line
            })
            .collect();
        let _ = writeln!(out, "{}", tf("md.speakers", &[("list", &names.join("; "))]));
    }
    let report = session.report(id);
    let status = report.map_or(ReportStatus::Open, |r| r.status);
    let exchange = report.map(|r| r.exchange).unwrap_or_default();
    let _ = writeln!(
        out,
        "{}",
        tf("md.exchange", &[("word", &exchange_word(exchange))])
    );
    let _ = writeln!(
        out,
        "{}",
        tf("md.status", &[("word", &status_word(status))])
    );
    if let Some(presenter) = report
        .and_then(|r| r.presenter.as_deref())
        .filter(|p| !p.is_empty())
    {
        let _ = writeln!(
            out,
            "{}",
            tf(
                "md.presenter",
                &[("name", &escape(&data.presenter_name(presenter)))]
            )
        );
    }
    out.push('\n');
    if status == ReportStatus::NoReport {
        out.push_str(t("md.no-exchange"));
        out.push_str("\n\n");
    } else if let Some(report) = report {
        let answered: Vec<_> = data
            .guiding_questions
            .iter()
            .enumerate()
            .filter_map(|(i, q)| report.answer(&q.id).map(|a| (i + 1, q, a)))
            .collect();
        if !answered.is_empty() {
            let _ = write!(out, "### {}\n\n", t("md.questions"));
            for (number, question, answer) in answered {
                let _ = writeln!(out, "{number}. *{}*\n", escape(&question.text));
                for line in answer.lines() {
                    if line.trim().is_empty() {
                        out.push('\n');
                    } else {
                        let _ = writeln!(out, "   {}", escape(line.trim_end()));
                    }
                }
                out.push('\n');
            }
        }
    }
    concerns(out, data, session, id);
    settled(out, data, session, id);
    decisions(
        out,
        data,
        report.map(|r| r.decisions.as_slice()).unwrap_or_default(),
    );
}

fn concerns(out: &mut String, data: &Dataset, session: &Session, id: &str) {
    let open: Vec<_> = data
        .active_concerns(id)
        .filter(|c| c.raised_in <= session.number)
        .collect();
    if open.is_empty() {
        return;
    }
    let _ = write!(out, "### {}\n\n", t("md.open-concerns"));
    for c in open {
        let carried = c.times_carried();
        let carried = if carried > 0 {
            tf("md.carried", &[("carried", &carried)])
        } else {
            String::new()
        };
        let state = if c.status == crate::domain::ConcernStatus::InProgress {
            t("md.in-progress")
        } else {
            ""
        };
        let _ = write!(
            out,
            "{}",
            tf(
                "md.concern",
                &[
                    ("title", &escape(&c.title)),
                    ("id", &escape(&c.id)),
                    ("session", &c.raised_in),
                    ("carried", &carried),
                    ("state", &state),
                ]
            )
        );
        if let Some(details) = c.details.as_deref().filter(|d| !d.trim().is_empty()) {
            let _ = write!(
                out,
                " – {}",
                escape(&details.split_whitespace().collect::<Vec<_>>().join(" "))
            );
        }
        out.push('\n');
    }
    out.push('\n');
}

/// Concerns resolved or dropped at this session.
fn settled(out: &mut String, data: &Dataset, session: &Session, id: &str) {
    let settled: Vec<_> = data
        .concerns
        .iter()
        .filter(|c| c.conference == id && !c.status.is_active())
        .filter(|c| {
            c.history
                .iter()
                .any(|h| h.session == Some(session.number) && h.status == Some(c.status))
        })
        .collect();
    if settled.is_empty() {
        return;
    }
    let _ = write!(out, "### {}\n\n", t("md.settled"));
    for c in settled {
        let word = if c.status == crate::domain::ConcernStatus::Resolved {
            t("walk.resolved")
        } else {
            t("walk.dropped")
        };
        let _ = writeln!(
            out,
            "{}",
            tf(
                "md.settled-concern",
                &[
                    ("title", &escape(&c.title)),
                    ("id", &escape(&c.id)),
                    ("session", &c.raised_in),
                    ("word", &word),
                ]
            )
        );
    }
    out.push('\n');
}

fn decisions(out: &mut String, data: &Dataset, ids: &[String]) {
    if ids.is_empty() {
        return;
    }
    let _ = write!(out, "### {}\n\n", t("md.decisions"));
    for id in ids {
        match data.decision(id) {
            Some(d) => {
                let _ = writeln!(out, "- **{}** {}", escape(&d.id), escape(&d.title));
            }
            None => {
                let _ = writeln!(out, "- **{}**", escape(id));
            }
        }
    }
    out.push('\n');
}

/// Escapes what Markdown would read as markup in user text.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, ch) in text.chars().enumerate() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(ch);
            }
            '#' | '+' | '-' | '=' if i == 0 => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    // A line that starts "1." would become a list item.
    if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}
