//! iCalendar (RFC 5545): the session and its debrief as all-day events, so that
//! Outlook and Thunderbird import them. Stable UIDs, CRLF line ends, lines
//! folded at 75 octets, text escaped; deterministic (DTSTAMP is the session date).

use std::fmt::Write as _;

use crate::domain::{Dataset, Session, SessionProgress};

/// The calendar of session `number`; empty when there is no such session.
pub fn ics(data: &Dataset, number: u32) -> String {
    let Some(session) = data.session(number) else {
        return String::new();
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//fachmk//Reporting FachMK//DE".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    let progress = SessionProgress::of(data, session);
    let mut about = crate::i18n::tf(
        "ics.about",
        &[("done", &progress.done()), ("total", &progress.total())],
    );
    for c in data.conferences_at(number) {
        if let Some(p) = session.report(&c.id).and_then(|r| r.presenter.as_deref()) {
            let _ = write!(about, "\n{}: {}", c.id, data.presenter_name(p));
        }
    }
    event(
        &mut lines,
        session,
        "sitzung",
        session.date,
        &crate::i18n::tf("ics.session", &[("session", &session.number)]),
        session.place.as_deref(),
        &about,
    );
    let mut debrief = crate::i18n::t("ics.debrief-about").to_owned();
    for d in data.decisions_of_session(number) {
        debrief.push('\n');
        debrief.push_str(&crate::i18n::tf(
            "ics.decision",
            &[("id", &d.id), ("title", &d.title)],
        ));
    }
    event(
        &mut lines,
        session,
        "nachbesprechung",
        // The day it was held, once recorded; else the planned one.
        session
            .debrief
            .as_ref()
            .and_then(|d| d.held_on)
            .unwrap_or(session.debrief_date),
        &crate::i18n::tf("ics.debrief", &[("session", &session.number)]),
        Some(crate::i18n::t("ics.video")),
        &debrief,
    );
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
    }
    out
}

fn event(
    lines: &mut Vec<String>,
    session: &Session,
    kind: &str,
    date: chrono::NaiveDate,
    summary: &str,
    location: Option<&str>,
    description: &str,
) {
    let day = |d: chrono::NaiveDate| d.format("%Y%m%d").to_string();
    lines.push("BEGIN:VEVENT".to_owned());
    lines.push(format!("UID:itplr-{kind}-{}@fachmk", session.number));
    lines.push(format!("DTSTAMP:{}T000000Z", day(session.date)));
    lines.push(format!("DTSTART;VALUE=DATE:{}", day(date)));
    lines.push(format!(
        "DTEND;VALUE=DATE:{}",
        day(date + chrono::Days::new(1))
    ));
    lines.push(format!("SUMMARY:{}", escape(summary)));
    if let Some(place) = location {
        lines.push(format!("LOCATION:{}", escape(place)));
    }
    lines.push(format!("DESCRIPTION:{}", escape(description)));
    lines.push("TRANSP:TRANSPARENT".to_owned());
    lines.push("END:VEVENT".to_owned());
}

/// TEXT escaping of RFC 5545 §3.3.11. TEXT carries no control characters
/// (§3.3.11: CONTROL is not a TSAFE-CHAR): they, C1 controls and bidi
/// overrides become the stand-in of [`crate::safe`]; a carriage return is dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if crate::safe::is_unsafe(c) => out.push(crate::safe::STAND_IN),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += len;
    }
    out.push_str("\r\n");
    out
}
