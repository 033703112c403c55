//! Every change to the data goes through here, so that each one is undoable,
//! marks the work unsaved, stamps reports with time and user, and writes the
//! history of concerns. The changes are `Ctx`'s, so components make them; the
//! few `App` methods of the same names lend a `Ctx` for changes made from
//! outside the components (tests, recovered work).

use super::undo::Snapshot;
use super::{App, Ctx};
use crate::domain::{
    Concern, ConcernStatus, Exchange, HistoryEntry, Report, ReportStatus, Session,
};

impl Ctx<'_> {
    /// Changes the report of `conference` in the selected session (created when
    /// missing). An open report becomes a draft unless `change` set the status.
    pub fn change_report(
        &mut self,
        conference: &str,
        label: &str,
        change: impl FnOnce(&mut Report),
    ) -> bool {
        self.change_report_and(conference, label, Vec::new(), change)
    }

    /// `change_report`, undone in one step with the records of `also` (as
    /// they were before), which the caller changes right after.
    pub(super) fn change_report_and(
        &mut self,
        conference: &str,
        label: &str,
        also: Vec<Snapshot>,
        change: impl FnOnce(&mut Report),
    ) -> bool {
        if !self.check_preparable() || self.data.session(*self.session).is_none() {
            return false;
        }
        let before = Snapshot::Report {
            session: *self.session,
            conference: conference.to_owned(),
            report: self
                .current_session()
                .and_then(|s| s.report(conference))
                .cloned(),
        };
        let (now, user) = (self.now, self.user.to_owned());
        let session_number = *self.session;
        let Some(session) = self.data_mut().session_mut(session_number) else {
            return false;
        };
        let report = session.report_mut(conference);
        let old = report.clone();
        change(report);
        if report.status == ReportStatus::Open && *report != old {
            report.status = ReportStatus::Draft;
        }
        if *report == old {
            // Nothing changed: no undo step, no stamp. Drop a report created just now.
            if let Snapshot::Report { report: None, .. } = before {
                session.reports.retain(|r| r.conference != conference);
            }
            return false;
        }
        report.updated_at = Some(now);
        report.updated_by = Some(user);
        self.history
            .record(label, std::iter::once(before).chain(also).collect());
        self.mark_changed();
        true
    }

    /// Sets whether an exchange took place; "no" means no report is due.
    /// Its open concerns are then carried over, each with a history entry,
    /// undone with it in one step.
    pub fn set_exchange(&mut self, conference: &str, exchange: Exchange) -> bool {
        let unasked = self
            .current_session()
            .is_some_and(|s| s.report(conference).is_none());
        if exchange == Exchange::Unknown && unasked {
            // "Noch unbekannt" said: the report is made and stamped, so the
            // conference list shows the question was asked.
            let now = self.now;
            return self.change_report(conference, crate::i18n::t("undo.exchange"), |r| {
                r.updated_at = Some(now);
            });
        }
        let carried = if exchange == Exchange::No {
            self.data.carried_without_entry(conference, *self.session)
        } else {
            Vec::new()
        };
        let before = carried
            .iter()
            .map(|id| Snapshot::Concern {
                id: id.clone(),
                concern: self.data.concerns.iter().find(|c| &c.id == id).cloned(),
            })
            .collect();
        let changed =
            self.change_report_and(conference, crate::i18n::t("undo.exchange"), before, |r| {
                r.exchange = exchange;
                r.status = match (exchange, r.status) {
                    (Exchange::No, _) => ReportStatus::NoReport,
                    (_, ReportStatus::NoReport) => ReportStatus::Draft,
                    (_, status) => status,
                };
            });
        if changed && !carried.is_empty() {
            // Never silently: each carried concern gets an entry and counts as vertagt.
            let (now, user, session) = (self.now, self.user.to_owned(), *self.session);
            self.data_mut().carry_over(conference, session, now, &user);
        }
        changed
    }

    /// Sets the answer to `question`; an empty answer is removed.
    pub fn set_answer(&mut self, conference: &str, question: &str, text: &str) -> bool {
        self.change_report(conference, crate::i18n::t("undo.answer"), |r| {
            if text.trim().is_empty() {
                r.answers.remove(question);
            } else {
                r.answers.insert(question.to_owned(), text.to_owned());
            }
        })
    }

    /// Changes a concern, recording `entry` (status and/or note) in its history.
    pub fn change_concern(
        &mut self,
        id: &str,
        label: &str,
        entry: Option<(Option<ConcernStatus>, Option<String>)>,
        change: impl FnOnce(&mut Concern),
    ) -> bool {
        if !self.check_preparable() {
            return false;
        }
        let before = Snapshot::Concern {
            id: id.to_owned(),
            concern: self.data.concerns.iter().find(|c| c.id == id).cloned(),
        };
        let (now, user, session) = (self.now, self.user.to_owned(), *self.session);
        let Some(concern) = self.data_mut().concern_mut(id) else {
            return false;
        };
        let old = concern.clone();
        change(concern);
        if let Some((status, note)) = entry {
            concern.history.push(HistoryEntry {
                session: Some(session),
                at: now,
                by: user,
                status,
                note,
                extra: crate::domain::Extra::new(),
            });
        }
        if *concern == old {
            return false;
        }
        self.history.record(label, vec![before]);
        self.mark_changed();
        true
    }

    /// Decides on a concern in this session: kept open (vertagt), in progress,
    /// resolved or dropped. Recorded in its history.
    pub fn decide_concern(&mut self, id: &str, status: ConcernStatus) -> bool {
        self.decide_concern_noted(id, status, "")
    }

    /// Decides a concern; `outcome` (what came of it) is kept in its history
    /// after the status word: "erledigt: Umsetzung über 2024/15 vereinbart".
    pub fn decide_concern_noted(&mut self, id: &str, status: ConcernStatus, outcome: &str) -> bool {
        // The history in the file is German, whoever reads it.
        let word = match status {
            ConcernStatus::Open => "vertagt",
            ConcernStatus::InProgress => "in Bearbeitung",
            ConcernStatus::Resolved => "erledigt",
            ConcernStatus::Dropped => "verworfen",
        };
        let note = if outcome.trim().is_empty() {
            word.to_owned()
        } else {
            format!("{word}: {}", outcome.trim())
        };
        let decided = self.change_concern(
            id,
            crate::i18n::t("undo.concern"),
            Some((Some(status), Some(note))),
            |c| {
                c.status = status;
            },
        );
        if decided {
            let word = match status {
                ConcernStatus::Open => "walk.keep-open",
                ConcernStatus::InProgress => "walk.in-progress",
                ConcernStatus::Resolved => "walk.resolved",
                ConcernStatus::Dropped => "walk.dropped",
            };
            self.info(crate::i18n::tf(
                "edit.concern-decided",
                &[("id", &id), ("status", &crate::i18n::t(word))],
            ));
        }
        decided
    }

    /// Adds a concern of `conference` raised in this session; returns its id.
    pub fn add_concern(&mut self, conference: &str, title: &str) -> Option<String> {
        self.add_concern_noted(conference, title, "eingebracht", None)
    }

    /// Adds a concern whose first history entry says `note` (where it came from).
    /// A Folge-Anliegen from the debrief of session `follow_up_of` is raised for
    /// the session after it, so the handout of that session never shows it.
    pub fn add_concern_noted(
        &mut self,
        conference: &str,
        title: &str,
        note: &str,
        follow_up_of: Option<u32>,
    ) -> Option<String> {
        if !self.check_preparable() || title.trim().is_empty() {
            return None;
        }
        let id = self.data.next_concern_id();
        let raised_in = follow_up_of.map_or(*self.session, |s| s + 1);
        self.history.record(
            crate::i18n::t("undo.new-concern"),
            vec![Snapshot::Concern {
                id: id.clone(),
                concern: None,
            }],
        );
        let concern = Concern {
            id: id.clone(),
            conference: conference.to_owned(),
            title: title.trim().to_owned(),
            details: None,
            raised_in,
            status: ConcernStatus::Open,
            decisions: Vec::new(),
            history: vec![HistoryEntry {
                session: Some(raised_in),
                at: self.now,
                by: self.user.to_owned(),
                status: Some(ConcernStatus::Open),
                note: Some(note.to_owned()),
                extra: crate::domain::Extra::new(),
            }],
            follow_up_of,
            extra: crate::domain::Extra::new(),
        };
        self.data_mut().concerns.push(concern);
        self.mark_changed();
        Some(id)
    }

    /// Adds a session, undoably, and selects it.
    pub fn add_session(&mut self, session: Session) -> bool {
        if !self.check_writable() || self.data.session(session.number).is_some() {
            return false;
        }
        let number = session.number;
        self.history.record(
            crate::i18n::t("undo.new-session"),
            vec![Snapshot::Session {
                number,
                session: None,
            }],
        );
        let data = self.data_mut();
        data.sessions.push(session);
        data.sessions.sort_by_key(|s| s.number);
        *self.session = number;
        self.mark_changed();
        true
    }
}

impl App {
    /// See `Ctx::set_exchange`.
    pub fn set_exchange(&mut self, conference: &str, exchange: Exchange) -> bool {
        self.ctx().set_exchange(conference, exchange)
    }

    /// See `Ctx::decide_concern`.
    pub fn decide_concern(&mut self, id: &str, status: ConcernStatus) -> bool {
        self.ctx().decide_concern(id, status)
    }

    /// See `Ctx::decide_concern_noted`.
    pub fn decide_concern_noted(&mut self, id: &str, status: ConcernStatus, outcome: &str) -> bool {
        self.ctx().decide_concern_noted(id, status, outcome)
    }

    /// See `Ctx::add_concern`.
    pub fn add_concern(&mut self, conference: &str, title: &str) -> Option<String> {
        self.ctx().add_concern(conference, title)
    }

    /// See `Ctx::add_concern_noted`.
    pub fn add_concern_noted(
        &mut self,
        conference: &str,
        title: &str,
        note: &str,
        follow_up_of: Option<u32>,
    ) -> Option<String> {
        self.ctx()
            .add_concern_noted(conference, title, note, follow_up_of)
    }

    /// See `Ctx::add_session`; a walkthrough of another session is forgotten.
    pub fn add_session(&mut self, session: Session) -> bool {
        let added = self.ctx().add_session(session);
        if added {
            self.walkthrough = None;
        }
        added
    }

    /// Marks the work as unsaved and due for the recovery file.
    pub fn mark_changed(&mut self) {
        self.ctx().mark_changed();
    }

    /// Undoes the last change.
    pub fn undo(&mut self) {
        match self.history.undo(&mut self.data) {
            Some(label) => {
                self.mark_changed();
                self.dirty = !self.history.at_saved();
                self.after_history_change();
                self.info(crate::i18n::tf("undo.undone", &[("label", &label)]));
            }
            None => self.info(crate::i18n::t("undo.nothing-to-undo")),
        }
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) {
        match self.history.redo(&mut self.data) {
            Some(label) => {
                self.mark_changed();
                self.dirty = !self.history.at_saved();
                self.after_history_change();
                self.info(crate::i18n::tf("undo.redone", &[("label", &label)]));
            }
            None => self.info(crate::i18n::t("undo.nothing-to-redo")),
        }
    }

    /// Keeps selections valid after records came or went.
    fn after_history_change(&mut self) {
        if self.data.session(self.session).is_none() {
            self.session = self.data.sessions.last().map_or(0, |s| s.number);
            self.walkthrough = None;
        }
        let concerns =
            super::visible_concerns(&self.data, self.session, &self.conference_id()).len();
        self.main.concern = self.main.concern.min(concerns.saturating_sub(1));
    }
}
