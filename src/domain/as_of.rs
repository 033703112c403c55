//! The record as it stood at a session. A document of session N is computed
//! from what was known up to N only — concern statuses from history entries of
//! sessions up to N, concerns raised up to N, decisions taken before N — so
//! work on later sessions never changes it. Also the one place where a concern
//! is carried over when its conference had no exchange.

use chrono::{DateTime, Utc};

use super::{Assignment, Concern, ConcernStatus, Dataset, Decision, HistoryEntry};

/// The note of the history entry that carries a concern over a session in
/// which its conference had no exchange. Kept in German in the file, like the
/// other history notes; documents translate it by this key.
pub const CARRIED_NOTE: &str = "vertagt (kein Austausch)";

impl Concern {
    /// The session a history entry belongs to; entries without one count for
    /// the session the concern was raised in.
    fn entry_session(&self, entry: &HistoryEntry) -> u32 {
        entry.session.unwrap_or(self.raised_in)
    }

    /// The status after session `n`: the last one recorded up to `n`. A concern
    /// without any recorded status keeps the one it has.
    pub fn status_at(&self, n: u32) -> ConcernStatus {
        let mut recorded = self.history.iter().filter(|h| h.status.is_some());
        if recorded.next().is_none() {
            return self.status;
        }
        self.history
            .iter()
            .filter(|h| self.entry_session(h) <= n)
            .filter_map(|h| h.status)
            .next_back()
            .unwrap_or(ConcernStatus::Open)
    }

    /// The status it had when session `n` began (open when raised in `n`).
    pub fn status_before(&self, n: u32) -> ConcernStatus {
        if self.raised_in >= n {
            ConcernStatus::Open
        } else {
            self.status_at(n - 1)
        }
    }

    /// How many sessions after the one it was raised in, up to `n`, kept it
    /// open ("vertagt").
    pub fn times_carried_at(&self, n: u32) -> usize {
        let mut sessions: Vec<u32> = self
            .history
            .iter()
            .filter(|h| {
                h.status == Some(ConcernStatus::Open) || h.note.as_deref() == Some(CARRIED_NOTE)
            })
            .map(|h| self.entry_session(h))
            .filter(|s| *s > self.raised_in && *s <= n)
            .collect();
        sessions.sort_unstable();
        sessions.dedup();
        sessions.len()
    }

    /// The entry that closed it in session `n` (erledigt or verworfen), if it
    /// was closed there.
    pub fn closed_in(&self, n: u32) -> Option<&HistoryEntry> {
        if !self.status_before(n).is_active() || self.status_at(n).is_active() {
            return None;
        }
        self.history
            .iter()
            .rev()
            .find(|h| self.entry_session(h) == n && h.status.is_some_and(|s| !s.is_active()))
    }
}

impl Dataset {
    /// The concerns of `conference` a document of session `n` shows: raised up
    /// to `n` and still open when it began, in the order they were raised.
    pub fn concerns_at(&self, conference: &str, n: u32) -> Vec<&Concern> {
        let mut list: Vec<&Concern> = self
            .concerns
            .iter()
            .filter(|c| c.conference == conference && c.raised_in <= n)
            .filter(|c| c.follow_up_of.is_none_or(|of| of < n))
            .filter(|c| c.status_before(n).is_active())
            .collect();
        list.sort_by_key(|c| c.raised_in);
        list
    }

    /// How many concerns of `conference` were open after session `n`.
    pub fn open_concerns_at(&self, conference: &str, n: u32) -> usize {
        self.concerns_at(conference, n)
            .iter()
            .filter(|c| c.status_at(n).is_active())
            .count()
    }

    /// The decisions known when session `n` began: taken before it, or of no
    /// recorded session.
    pub fn decisions_before(&self, n: u32) -> impl Iterator<Item = &Decision> {
        self.decisions
            .iter()
            .filter(move |d| d.session.is_none_or(|s| s < n))
    }

    /// The Benennungen in force at some time up to session `n`, for the legal
    /// basis: the Beschlüsse that named or renamed speakers, the first one first.
    pub fn assignment_decisions_at(&self, n: u32) -> Vec<&str> {
        let mut list: Vec<(&Assignment, u32)> = self
            .assignments
            .iter()
            .filter(|a| a.from_session.is_none_or(|from| from <= n))
            .map(|a| (a, a.from_session.unwrap_or(0)))
            .collect();
        list.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.decision.cmp(&b.0.decision)));
        let mut ids: Vec<&str> = Vec::new();
        for (a, _) in list {
            if !ids.contains(&a.decision.as_str()) {
                ids.push(&a.decision);
            }
        }
        ids
    }

    /// Concerns of `conference` carried into session `n` (raised before it,
    /// still open) that have no entry of their own in `n` yet.
    pub fn carried_without_entry(&self, conference: &str, n: u32) -> Vec<String> {
        self.concerns
            .iter()
            .filter(|c| c.conference == conference && c.raised_in < n && c.status.is_active())
            .filter(|c| {
                !c.history
                    .iter()
                    .any(|h| h.session == Some(n) && h.status.is_some())
            })
            .map(|c| c.id.clone())
            .collect()
    }

    /// Carries the concerns of `conference` over session `n`, where it had no
    /// exchange: each gets an entry "still open" for `n`, so it counts as
    /// vertagt. Returns the ids carried.
    pub fn carry_over(
        &mut self,
        conference: &str,
        n: u32,
        at: DateTime<Utc>,
        by: &str,
    ) -> Vec<String> {
        let ids = self.carried_without_entry(conference, n);
        for id in &ids {
            if let Some(c) = self.concern_mut(id) {
                c.history.push(HistoryEntry {
                    session: Some(n),
                    at,
                    by: by.to_owned(),
                    status: Some(c.status),
                    note: Some(CARRIED_NOTE.to_owned()),
                    extra: super::Extra::new(),
                });
            }
        }
        ids
    }
}
