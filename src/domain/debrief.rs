//! The Nachbesprechung: three weeks after a session, the decisions taken there
//! are presented to the conferences' staff; what comes of it becomes concerns
//! or notes for the next session.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Dataset, Extra, Session};

/// What is presented to one conference in the debrief.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DebriefItem {
    /// The decisions of the session to present to this conference.
    #[serde(default)]
    pub present: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The debrief of a session.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Debrief {
    /// When it was held; `None` while it is still to come.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_on: Option<NaiveDate>,
    /// Per conference id.
    #[serde(default)]
    pub items: BTreeMap<String, DebriefItem>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where a session stands (worded by `i18n::words`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Until the session: the reports are prepared.
    Preparation,
    /// After the session, until the debrief was held.
    Debrief,
    /// The debrief was held.
    Done,
}

/// What is still open in a session's debrief (worded by `i18n::words`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefGap {
    /// No decision of the session is recorded.
    NoDecisions,
    /// No decision is chosen to be presented to any conference.
    NothingChosen,
    /// The debrief's date has passed and it is not marked as held.
    Overdue(NaiveDate),
    /// The debrief on this date is still to be held.
    NotHeld(NaiveDate),
}

impl Session {
    /// The phase on `today`.
    pub fn phase(&self, today: NaiveDate) -> Phase {
        if self.debrief.as_ref().is_some_and(|d| d.held_on.is_some()) {
            Phase::Done
        } else if today > self.date {
            Phase::Debrief
        } else {
            Phase::Preparation
        }
    }

    /// The debrief, created empty when there is none yet.
    pub fn debrief_mut(&mut self) -> &mut Debrief {
        self.debrief.get_or_insert_with(Debrief::default)
    }
}

impl Dataset {
    /// The decisions taken at session `number`, by id.
    pub fn decisions_of_session(&self, number: u32) -> Vec<&super::Decision> {
        self.decisions
            .iter()
            .filter(|d| d.session == Some(number))
            .collect()
    }

    /// What is still open in the debrief of session `number` on `today`.
    pub fn debrief_gaps(&self, number: u32, today: NaiveDate) -> Vec<DebriefGap> {
        let Some(session) = self.session(number) else {
            return Vec::new();
        };
        if session.phase(today) != Phase::Debrief {
            return Vec::new();
        }
        let mut gaps = Vec::new();
        if self.decisions_of_session(number).is_empty() {
            gaps.push(DebriefGap::NoDecisions);
        }
        let chosen = session.debrief.as_ref().map_or(0, |d| {
            d.items.values().filter(|i| !i.present.is_empty()).count()
        });
        if chosen == 0 {
            gaps.push(DebriefGap::NothingChosen);
        }
        gaps.push(if today > session.debrief_date {
            DebriefGap::Overdue(session.debrief_date)
        } else {
            DebriefGap::NotHeld(session.debrief_date)
        });
        gaps
    }
}
