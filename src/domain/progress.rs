//! What is done and what is still missing for a session: shared by `check`,
//! the header and the review.
//!
//! The seed's rule, not stricter: the reporting is "formlos" and the
//! Leitfragen are "Beispiele". A report is complete when the exchange is
//! decided and, where there was one, some text is given and the presenter is
//! set (and the report is marked ready). An unanswered Leitfrage is a hint
//! ([`Missing::is_hint`]), never a gap.

use super::{Dataset, Exchange, ReportStatus, Session};

/// One thing still missing for a session, for one conference (worded by
/// `i18n::words`; the hints together by `words::hint_line`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Nobody has said yet whether an exchange took place.
    ExchangeUnknown,
    /// Exchange took place, but no text at all is given.
    NoText,
    /// Exchange took place and some text is given, but this Leitfrage has no
    /// answer: a hint, not a gap.
    Unanswered { question: String, number: usize },
    /// Exchange took place, but nobody presents.
    NoPresenter,
    /// The report is not marked ready.
    NotReady,
    /// A concern carried from an earlier session got no decision in this one.
    ConcernUndecided { id: String, title: String },
}

impl Missing {
    /// A hint shown beside the gaps that does not keep the report from being
    /// complete (an unanswered Leitfrage).
    pub fn is_hint(&self) -> bool {
        matches!(self, Self::Unanswered { .. })
    }
}

/// Done and missing per conference of one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionProgress {
    /// Per conference id taking part in the session, in conference order,
    /// what is missing (gaps and hints; no gaps = complete).
    pub per_conference: Vec<(String, Vec<Missing>)>,
    /// Conferences whose report is marked ready or needs none.
    done: usize,
}

impl SessionProgress {
    pub fn of(data: &Dataset, session: &Session) -> Self {
        // One pass over the concerns for all conferences, not one per conference.
        let mut undecided: std::collections::HashMap<&str, Vec<Missing>> =
            std::collections::HashMap::new();
        for c in carried_undecided(data, session) {
            undecided
                .entry(c.conference.as_str())
                .or_default()
                .push(Missing::ConcernUndecided {
                    id: c.id.clone(),
                    title: c.title.clone(),
                });
        }
        let per_conference = data
            .conferences_at(session.number)
            .map(|c| {
                let carried = undecided.remove(c.id.as_str()).unwrap_or_default();
                (c.id.clone(), missing_with(data, session, &c.id, carried))
            })
            .collect();
        let done = data
            .conferences_at(session.number)
            .filter(|c| session.status_of(&c.id).is_done())
            .count();
        Self {
            per_conference,
            done,
        }
    }

    /// Conferences marked ready or without report ("n/13 fertig"). A ready
    /// report may still have gaps; `is_complete` and the lists say so.
    pub fn done(&self) -> usize {
        self.done
    }

    pub fn total(&self) -> usize {
        self.per_conference.len()
    }

    /// No gaps anywhere (hints aside).
    pub fn is_complete(&self) -> bool {
        self.per_conference
            .iter()
            .all(|(_, m)| m.iter().all(Missing::is_hint))
    }
}

/// What is missing for `conference` in `session`.
pub fn missing_for(data: &Dataset, session: &Session, conference: &str) -> Vec<Missing> {
    missing_with(
        data,
        session,
        conference,
        undecided_concerns(data, session, conference),
    )
}

/// What is missing, given the carried concerns of the conference without a decision.
fn missing_with(
    data: &Dataset,
    session: &Session,
    conference: &str,
    undecided: Vec<Missing>,
) -> Vec<Missing> {
    let Some(report) = session.report(conference) else {
        let mut missing = vec![Missing::ExchangeUnknown];
        missing.extend(undecided);
        return missing;
    };
    if report.status == ReportStatus::NoReport {
        return Vec::new();
    }
    let mut missing = Vec::new();
    match report.exchange {
        Exchange::Unknown => missing.push(Missing::ExchangeUnknown),
        Exchange::No => {}
        Exchange::Yes => {
            let answered = data
                .guiding_questions
                .iter()
                .any(|q| report.answer(&q.id).is_some());
            if answered {
                for (index, question) in data.guiding_questions.iter().enumerate() {
                    if report.answer(&question.id).is_none() {
                        missing.push(Missing::Unanswered {
                            question: question.id.clone(),
                            number: index + 1,
                        });
                    }
                }
            } else {
                missing.push(Missing::NoText);
            }
        }
    }
    if report.exchange == Exchange::Yes && report.presenter.as_deref().is_none_or(str::is_empty) {
        missing.push(Missing::NoPresenter);
    }
    if report.status != ReportStatus::Ready {
        missing.push(Missing::NotReady);
    }
    missing.extend(undecided);
    missing
}

/// Concerns carried into `session` (raised earlier, still active) that got no
/// decision in it: carrying over is never silent.
pub fn undecided_concerns(data: &Dataset, session: &Session, conference: &str) -> Vec<Missing> {
    carried_undecided(data, session)
        .filter(|c| c.conference == conference)
        .map(|c| Missing::ConcernUndecided {
            id: c.id.clone(),
            title: c.title.clone(),
        })
        .collect()
}

/// All concerns carried into `session` without a decision in it.
fn carried_undecided<'a>(
    data: &'a Dataset,
    session: &'a Session,
) -> impl Iterator<Item = &'a super::Concern> {
    data.concerns
        .iter()
        .filter(move |c| c.status.is_active() && c.raised_in < session.number)
        .filter(move |c| {
            !c.history
                .iter()
                .any(|h| h.session == Some(session.number) && h.status.is_some())
        })
}
