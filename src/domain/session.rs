//! Sessions of the IT-Planungsrat and the per-conference reports prepared for them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Extra;

/// A Leitfrage: one of the guiding questions every report answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuidingQuestion {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: super::Source,
    #[serde(default, skip_serializing_if = "super::FieldSources::is_empty")]
    pub sources: super::FieldSources,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whether an exchange with the conference took place since the last session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exchange {
    Yes,
    No,
    #[default]
    Unknown,
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Nothing decided yet.
    #[default]
    Open,
    /// Being written.
    Draft,
    /// Complete and confirmed.
    Ready,
    /// No exchange took place, so no report is due.
    NoReport,
}

impl ReportStatus {
    /// Whether nothing more is to be done for this report.
    pub fn is_done(self) -> bool {
        matches!(self, Self::Ready | Self::NoReport)
    }
}

/// A Bericht: one per conference per session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub conference: String,
    #[serde(default)]
    pub exchange: Exchange,
    /// A person id, or the name of a guest as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub status: ReportStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

super::extra::deserialize_keeping_unknown!(Report {
    required: [conference],
    defaulted: [
        exchange, presenter, decisions, status, updated_at, updated_by
    ],
    texts: [answers],
});

impl Report {
    /// An empty report for `conference`.
    pub fn new(conference: &str) -> Self {
        Self {
            conference: conference.to_owned(),
            exchange: Exchange::Unknown,
            presenter: None,
            answers: BTreeMap::new(),
            decisions: Vec::new(),
            status: ReportStatus::Open,
            updated_at: None,
            updated_by: None,
            extra: Extra::new(),
        }
    }

    /// The answer to question `id`, if it has any non-blank text.
    pub fn answer(&self, id: &str) -> Option<&str> {
        self.answers
            .get(id)
            .map(String::as_str)
            .filter(|a| !a.trim().is_empty())
    }
}

/// A Sitzung of the IT-Planungsrat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    pub number: u32,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The number of the item "Reporting FachMK" on this session's agenda
    /// (TOP), as the agenda writes it ("7", "7a"); unset prints "TOP __".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
    /// The Beschlussvorschlag of the Tischvorlage when it is not the usual one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    pub debrief_date: NaiveDate,
    #[serde(default)]
    pub reports: Vec<Report>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debrief: Option<super::Debrief>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: super::Source,
    #[serde(default, skip_serializing_if = "super::FieldSources::is_empty")]
    pub sources: super::FieldSources,
    #[serde(flatten)]
    pub extra: Extra,
}

super::extra::deserialize_keeping_unknown!(Session {
    required: [number, date, debrief_date],
    defaulted: [
        place,
        agenda_item,
        proposal,
        reports,
        debrief,
        source,
        sources
    ],
});

impl Session {
    /// The usual debrief: three weeks after the session, on the next working
    /// day (see [`super::DebriefProposal`] for why it moved).
    pub fn default_debrief(date: NaiveDate) -> NaiveDate {
        super::DebriefProposal::for_session(date).date
    }

    /// A new session with the default debrief date and no reports.
    pub fn new(number: u32, date: NaiveDate, place: Option<String>) -> Self {
        Self {
            number,
            date,
            place,
            agenda_item: None,
            proposal: None,
            debrief_date: Self::default_debrief(date),
            reports: Vec::new(),
            debrief: None,
            source: None,
            sources: super::FieldSources::new(),
            extra: Extra::new(),
        }
    }

    pub fn report(&self, conference: &str) -> Option<&Report> {
        self.reports.iter().find(|r| r.conference == conference)
    }

    /// The report for `conference`, created empty when there is none yet.
    pub fn report_mut(&mut self, conference: &str) -> &mut Report {
        let index = if let Some(i) = self.reports.iter().position(|r| r.conference == conference) {
            i
        } else {
            self.reports.push(Report::new(conference));
            self.reports.len() - 1
        };
        &mut self.reports[index]
    }

    /// The status of `conference`'s report (open when there is none).
    pub fn status_of(&self, conference: &str) -> ReportStatus {
        self.report(conference)
            .map_or(ReportStatus::Open, |r| r.status)
    }
}
