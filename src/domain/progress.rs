//! What is done and what is still missing for a session: shared by `check`,
//! the header and the review.

use super::{Dataset, Exchange, ReportStatus, Session};

/// One thing still missing for a session, for one conference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Nobody has said yet whether an exchange took place.
    ExchangeUnknown,
    /// Exchange took place, but this Leitfrage has no answer.
    Unanswered { question: String, number: usize },
    /// Exchange took place, but nobody presents.
    NoPresenter,
    /// The report is not marked ready.
    NotReady,
    /// A concern carried from an earlier session got no decision in this one.
    ConcernUndecided { id: String, title: String },
}

impl Missing {
    /// The German sentence for this gap.
    pub fn describe(&self) -> String {
        match self {
            Self::ExchangeUnknown => "keine Angabe, ob ein Austausch stattgefunden hat".into(),
            Self::Unanswered { number, .. } => format!("Leitfrage {number} unbeantwortet"),
            Self::NoPresenter => "niemand trägt vor".into(),
            Self::NotReady => "Bericht nicht als fertig markiert".into(),
            Self::ConcernUndecided { id, title } => {
                format!("Anliegen {id} „{title}“ ohne Entscheidung in dieser Sitzung")
            }
        }
    }
}

/// Done and missing per conference of one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionProgress {
    /// Per conference id, in conference order, what is missing (empty = done).
    pub per_conference: Vec<(String, Vec<Missing>)>,
    /// Conferences whose report is marked ready or needs none.
    done: usize,
}

impl SessionProgress {
    pub fn of(data: &Dataset, session: &Session) -> Self {
        let per_conference = data
            .conferences
            .iter()
            .map(|c| (c.id.clone(), missing_for(data, session, &c.id)))
            .collect();
        let done = data
            .conferences
            .iter()
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

    /// Nothing is missing anywhere.
    pub fn is_complete(&self) -> bool {
        self.per_conference.iter().all(|(_, m)| m.is_empty())
    }
}

/// What is missing for `conference` in `session`.
pub fn missing_for(data: &Dataset, session: &Session, conference: &str) -> Vec<Missing> {
    let Some(report) = session.report(conference) else {
        let mut missing = vec![Missing::ExchangeUnknown];
        missing.extend(undecided_concerns(data, session, conference));
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
            for (index, question) in data.guiding_questions.iter().enumerate() {
                if report.answer(&question.id).is_none() {
                    missing.push(Missing::Unanswered {
                        question: question.id.clone(),
                        number: index + 1,
                    });
                }
            }
        }
    }
    if report.exchange == Exchange::Yes && report.presenter.as_deref().is_none_or(str::is_empty) {
        missing.push(Missing::NoPresenter);
    }
    if report.status != ReportStatus::Ready {
        missing.push(Missing::NotReady);
    }
    missing.extend(undecided_concerns(data, session, conference));
    missing
}

/// Concerns carried into `session` (raised earlier, still active) that got no
/// decision in it: carrying over is never silent.
pub fn undecided_concerns(data: &Dataset, session: &Session, conference: &str) -> Vec<Missing> {
    data.concerns
        .iter()
        .filter(|c| {
            c.conference == conference && c.status.is_active() && c.raised_in < session.number
        })
        .filter(|c| {
            !c.history
                .iter()
                .any(|h| h.session == Some(session.number) && h.status.is_some())
        })
        .map(|c| Missing::ConcernUndecided {
            id: c.id.clone(),
            title: c.title.clone(),
        })
        .collect()
}
