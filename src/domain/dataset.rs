//! The whole data file: everything the tool knows, and lookups across it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Assignment, Concern, Conference, Decision, Extra, GuidingQuestion, Person, Session};

/// The value of the `format` key.
pub const FORMAT: &str = "fachmk";
/// The newest file version this program reads and writes.
pub const VERSION: u32 = 1;

/// A reference text from the source deck that users need while preparing
/// (the role of a Sprecher:in, the reporting rules, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceText {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub items: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: super::Source,
    #[serde(default, skip_serializing_if = "super::FieldSources::is_empty")]
    pub sources: super::FieldSources,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The contents of one data file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub conferences: Vec<Conference>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub guiding_questions: Vec<GuidingQuestion>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub concerns: Vec<Concern>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference: Vec<ReferenceText>,
    #[serde(flatten)]
    pub extra: Extra,
}

super::extra::deserialize_keeping_unknown!(Dataset {
    required: [format, version],
    defaulted: [
        conferences,
        people,
        assignments,
        decisions,
        guiding_questions,
        sessions,
        concerns,
        reference,
    ],
});

impl Dataset {
    pub fn conference(&self, id: &str) -> Option<&Conference> {
        self.conferences.iter().find(|c| c.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }

    pub fn session(&self, number: u32) -> Option<&Session> {
        self.sessions.iter().find(|s| s.number == number)
    }

    pub fn session_mut(&mut self, number: u32) -> Option<&mut Session> {
        self.sessions.iter_mut().find(|s| s.number == number)
    }

    pub fn concern_mut(&mut self, id: &str) -> Option<&mut Concern> {
        self.concerns.iter_mut().find(|c| c.id == id)
    }

    /// The session before `number`, if any.
    pub fn previous_session(&self, number: u32) -> Option<&Session> {
        self.sessions
            .iter()
            .filter(|s| s.number < number)
            .max_by_key(|s| s.number)
    }

    /// The session to prepare on `today`: from a session's day until its
    /// debrief is recorded (at most until its planned debrief date) that
    /// session, for its debrief; else the first one dated today or later,
    /// else the most recent one. `None` only when there are no sessions.
    pub fn session_to_prepare(&self, today: NaiveDate) -> Option<u32> {
        let in_debrief = self
            .sessions
            .iter()
            .filter(|s| s.date <= today && today <= s.debrief_date)
            .filter(|s| s.debrief.as_ref().is_none_or(|d| d.held_on.is_none()))
            .max_by_key(|s| s.date);
        in_debrief
            .or_else(|| {
                self.sessions
                    .iter()
                    .filter(|s| s.date >= today)
                    .min_by_key(|s| s.date)
            })
            .or_else(|| self.sessions.iter().max_by_key(|s| s.number))
            .map(|s| s.number)
    }

    /// The assignment in force for `conference` at session `number`: of those
    /// whose period (`from_session`..=`until_session`, open ends = always)
    /// holds `number`, the one with the latest `from_session`.
    pub fn assignment_at(&self, conference: &str, number: u32) -> Option<&Assignment> {
        self.assignments
            .iter()
            .filter(|a| a.conference == conference)
            .filter(|a| a.from_session.is_none_or(|from| from <= number))
            .filter(|a| a.until_session.is_none_or(|until| number <= until))
            .max_by_key(|a| a.from_session.unwrap_or(0))
    }

    /// A person's office as the assignment words it, else as the person record does.
    pub fn role_in<'a>(
        &'a self,
        assignment: &'a Assignment,
        person: &'a Person,
    ) -> Option<&'a str> {
        assignment
            .roles
            .get(&person.id)
            .or(person.role.as_ref())
            .map(String::as_str)
    }

    /// The concerns of `conference` that are still open or in progress.
    pub fn active_concerns<'a>(&'a self, conference: &'a str) -> impl Iterator<Item = &'a Concern> {
        self.concerns
            .iter()
            .filter(move |c| c.conference == conference && c.status.is_active())
    }

    /// The decisions that concern `conference`.
    pub fn decisions_for<'a>(&'a self, conference: &'a str) -> impl Iterator<Item = &'a Decision> {
        self.decisions
            .iter()
            .filter(move |d| d.concerns(conference))
    }

    /// The number of the session after the last one.
    pub fn next_session_number(&self) -> u32 {
        self.sessions.iter().map(|s| s.number).max().unwrap_or(0) + 1
    }

    /// A fresh concern id: `A-` and the next free number, four digits.
    pub fn next_concern_id(&self) -> String {
        let next = self
            .concerns
            .iter()
            .filter_map(|c| c.id.strip_prefix("A-").and_then(|n| n.parse::<u32>().ok()))
            .max()
            .unwrap_or(0)
            + 1;
        format!("A-{next:04}")
    }

    /// The display name of a presenter value: a person's name, or the guest's as typed.
    pub fn presenter_name(&self, presenter: &str) -> String {
        self.person(presenter)
            .map_or_else(|| presenter.to_owned(), super::Person::display_name)
    }

    /// Whether the records are in the stable order already.
    pub fn is_normalized(&self) -> bool {
        let rank = |id: &str| {
            self.conferences
                .iter()
                .position(|c| c.id == id)
                .unwrap_or(usize::MAX)
        };
        self.sessions.windows(2).all(|w| w[0].number <= w[1].number)
            && self.decisions.windows(2).all(|w| w[0].id <= w[1].id)
            && self.sessions.iter().all(|s| {
                s.reports
                    .windows(2)
                    .all(|w| rank(&w[0].conference) <= rank(&w[1].conference))
            })
    }

    /// Puts records in the stable order the file is written in: sessions by number,
    /// decisions by id, each session's reports in conference order.
    pub fn normalize(&mut self) {
        self.sessions.sort_by_key(|s| s.number);
        self.decisions.sort_by(|a, b| a.id.cmp(&b.id));
        let order: Vec<String> = self.conferences.iter().map(|c| c.id.clone()).collect();
        let rank = |id: &str| order.iter().position(|c| c == id).unwrap_or(usize::MAX);
        for session in &mut self.sessions {
            session.reports.sort_by_key(|r| rank(&r.conference));
        }
    }
}

impl Dataset {
    /// A dataset with nothing in it (shown when a file could not be read).
    pub fn empty() -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            conferences: Vec::new(),
            people: Vec::new(),
            assignments: Vec::new(),
            decisions: Vec::new(),
            guiding_questions: Vec::new(),
            sessions: Vec::new(),
            concerns: Vec::new(),
            reference: Vec::new(),
            extra: super::Extra::new(),
        }
    }
}
