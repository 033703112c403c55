//! The session's prepared item as JSON with names resolved, for other programs.

use serde_json::{Value, json as j};

use super::german_date;
use crate::domain::{Dataset, ReportStatus, SessionProgress};

/// The prepared item of session `number` as pretty JSON (ends with a newline).
pub fn json(data: &Dataset, number: u32) -> String {
    let Some(session) = data.session(number) else {
        return "null\n".to_owned();
    };
    let progress = SessionProgress::of(data, session);
    // The conferences of the session, under their names then (periods of validity).
    let conferences: Vec<Value> = data
        .conferences_at(number)
        .map(|c| {
            let speakers = data.speakers_at(&c.id, number);
            let report = session.report(&c.id);
            let answers: Vec<Value> = data
                .guiding_questions
                .iter()
                .map(|q| j!({ "id": q.id, "question": q.text, "answer": report.and_then(|r| r.answer(&q.id)) }))
                .collect();
            // As the concerns stood at the session, like the documents.
            let concerns: Vec<Value> = data
                .concerns_at(&c.id, number)
                .into_iter()
                .filter(|x| x.status_at(number).is_active())
                .map(|x| j!({
                    "id": x.id, "title": x.title, "details": x.details, "status": x.status_at(number),
                    "raised_in": x.raised_in, "times_carried": x.times_carried_at(number), "decisions": x.decisions,
                }))
                .collect();
            let decisions: Vec<Value> = report
                .map(|r| r.decisions.as_slice())
                .unwrap_or_default()
                .iter()
                .map(|id| {
                    let d = data.decision(id);
                    j!({ "id": id, "title": d.map(|d| &d.title), "url": d.and_then(|d| d.url.as_ref()) })
                })
                .collect();
            let missing: Vec<String> = progress
                .per_conference
                .iter()
                .find(|(id, _)| *id == c.id)
                .map(|(_, m)| m.iter().map(ToString::to_string).collect())
                .unwrap_or_default();
            j!({
                "id": c.id,
                "name": c.name_at(number).0,
                "speakers": speakers.people.iter().map(|s| j!({"name": s.name, "role": s.role, "land": s.land})).collect::<Vec<_>>(),
                "lands": speakers.lands,
                "assignment_note": speakers.note,
                "assigned_by": speakers.decision,
                "exchange": report.map(|r| r.exchange).unwrap_or_default(),
                "status": report.map_or(ReportStatus::Open, |r| r.status),
                "presenter": report.and_then(|r| r.presenter.as_deref()).map(|p| data.presenter_name(p)),
                "answers": answers,
                "open_concerns": concerns,
                "decisions": decisions,
                "missing": missing,
            })
        })
        .collect();
    let doc = j!({
        "format": "fachmk-export",
        "version": 1,
        "session": {
            "number": session.number,
            "date": session.date,
            "date_de": german_date(session.date),
            "place": session.place,
            "agenda_item": session.agenda_item,
            "proposal": session.proposal,
            "debrief_date": session.debrief_date,
        },
        "progress": { "done": progress.done(), "total": progress.total() },
        "conferences": conferences,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "null".to_owned());
    text.push('\n');
    text
}
