//! Anliegen: what a conference asks of the IT-Planungsrat. They outlive sessions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Extra;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernStatus {
    #[default]
    Open,
    InProgress,
    Resolved,
    Dropped,
}

impl ConcernStatus {
    /// Open and in-progress concerns still need attention.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }
}

/// One entry of a concern's history: a status change or a note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    pub at: DateTime<Utc>,
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ConcernStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

super::extra::deserialize_keeping_unknown!(HistoryEntry {
    required: [by],
    defaulted: [session, status, note],
    required_seeded: [at => super::stamp::UtcStamp],
});

/// An Anliegen raised by a conference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Concern {
    pub id: String,
    pub conference: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    pub raised_in: u32,
    #[serde(default)]
    pub status: ConcernStatus,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// The session from whose debrief this concern came (a Folge-Anliegen); it
    /// is then raised for the session after that one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_of: Option<u32>,
    #[serde(flatten)]
    pub extra: Extra,
}

super::extra::deserialize_keeping_unknown!(Concern {
    required: [id, conference, title, raised_in],
    defaulted: [details, status, decisions, history, follow_up_of],
});

impl Concern {
    /// How many later sessions kept this concern open ("vertagt").
    pub fn times_carried(&self) -> usize {
        self.times_carried_at(u32::MAX)
    }
}
