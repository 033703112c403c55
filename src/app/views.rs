//! The views across sessions: debrief, decisions (with a reverse index),
//! history (conference × session), changes since the previous session,
//! assignments over time. Their state, keys and the pure computations behind them.

use std::sync::Arc;

use super::undo::Snapshot;
use super::update::{PAGE, step};
use super::{Action, App, EditTarget, Editor, Effect, Overlay, Scroll};
use crate::domain::{Exchange, ReportStatus};

/// Which view is open, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The debrief of the selected session; with a conference: its choices.
    Debrief {
        conference: Option<String>,
        cursor: usize,
    },
    Decisions {
        cursor: usize,
    },
    /// Row = conference, column = session (index into `data.sessions`).
    History {
        row: usize,
        col: usize,
    },
    /// What changed since the previous session, computed when opened.
    Changes {
        scroll: Scroll,
        lines: Arc<[String]>,
    },
    Assignments {
        cursor: usize,
    },
}

/// Where a decision is cited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Citations {
    /// Conferences it concerns ("alle" for `*`).
    pub conferences: Vec<String>,
    /// (session, conference) of reports that link it.
    pub reports: Vec<(u32, String)>,
    /// (id, title) of concerns that link it.
    pub concerns: Vec<(String, String)>,
}

impl App {
    /// The open view, if one is.
    pub fn overlay_view(&self) -> Option<View> {
        match &self.overlay {
            Overlay::View(v) => Some(v.clone()),
            _ => None,
        }
    }

    pub(super) fn open_view(&mut self, action: Action) {
        let view = match action {
            Action::Debrief => View::Debrief {
                conference: None,
                cursor: self.conference,
            },
            Action::Decisions => View::Decisions { cursor: 0 },
            Action::History => {
                let col = self
                    .data
                    .sessions
                    .iter()
                    .position(|s| s.number == self.session)
                    .unwrap_or(0);
                View::History {
                    row: self.conference,
                    col,
                }
            }
            Action::Changes => View::Changes {
                scroll: Scroll::default(),
                lines: self.changes_lines().into(),
            },
            Action::Assignments => View::Assignments { cursor: 0 },
            _ => return,
        };
        self.overlay = Overlay::View(view);
    }

    /// Decisions, newest first (as the decisions view lists them).
    pub fn decisions_newest_first(&self) -> Vec<&crate::domain::Decision> {
        let mut list: Vec<_> = self.data.decisions.iter().collect();
        list.sort_by(|a, b| b.id.cmp(&a.id));
        list
    }

    /// The reverse index of one decision.
    pub fn citations(&self, id: &str) -> Citations {
        let mut c = Citations::default();
        if let Some(d) = self.data.decision(id) {
            c.conferences = d
                .conferences
                .iter()
                .map(|x| {
                    if x == "*" {
                        "alle".to_owned()
                    } else {
                        x.clone()
                    }
                })
                .collect();
        }
        for s in &self.data.sessions {
            for r in s
                .reports
                .iter()
                .filter(|r| r.decisions.iter().any(|d| d == id))
            {
                c.reports.push((s.number, r.conference.clone()));
            }
        }
        for x in self
            .data
            .concerns
            .iter()
            .filter(|x| x.decisions.iter().any(|d| d == id))
        {
            c.concerns.push((x.id.clone(), x.title.clone()));
        }
        c
    }

    /// Reporting conferences (exchange yes, report not open) per session, oldest first.
    pub fn reporting_per_session(&self) -> Vec<(u32, u64)> {
        self.data
            .sessions
            .iter()
            .map(|s| {
                let n = s
                    .reports
                    .iter()
                    .filter(|r| r.exchange == Exchange::Yes && r.status != ReportStatus::Open)
                    .count();
                (s.number, n as u64)
            })
            .collect()
    }

    pub(super) fn update_view(&mut self, action: Action) -> Vec<Effect> {
        let Overlay::View(view) = &self.overlay else {
            return Vec::new();
        };
        let view = view.clone();
        if action == Action::Back {
            self.overlay = match view {
                View::Debrief {
                    conference: Some(_),
                    ..
                } => Overlay::View(View::Debrief {
                    conference: None,
                    cursor: self.conference,
                }),
                _ => Overlay::None,
            };
            return Vec::new();
        }
        if action == Action::Help {
            self.open_help(super::Layer::View, false);
            return Vec::new();
        }
        let delta = match action {
            Action::SelectPrevious => -1,
            Action::SelectNext => 1,
            Action::PageUp => -PAGE,
            Action::PageDown => PAGE,
            Action::SelectFirst => isize::MIN / 2,
            Action::SelectLast => isize::MAX / 2,
            _ => 0,
        };
        let next = match view {
            View::Debrief { conference, cursor } => {
                self.debrief_key(conference, cursor, action, delta)
            }
            View::Decisions { cursor } => {
                if action == Action::AddItem {
                    self.open_new_decision();
                }
                View::Decisions {
                    cursor: step(cursor, delta, self.data.decisions.len()),
                }
            }
            View::History { row, col } => {
                let cols = self.data.sessions.len();
                let col = match action {
                    Action::NextPane => step(col, 1, cols),
                    Action::PreviousPane => step(col, -1, cols),
                    _ => col,
                };
                let row = step(row, delta, self.data.conferences.len());
                if action == Action::Open {
                    if let Some(s) = self.data.sessions.get(col) {
                        self.session = s.number;
                    }
                    self.conference = row;
                    self.overlay = Overlay::None;
                    return Vec::new();
                }
                View::History { row, col }
            }
            View::Changes { mut scroll, lines } => {
                scroll.step(delta);
                View::Changes { scroll, lines }
            }
            View::Assignments { cursor } => {
                if action == Action::AddItem {
                    self.open_new_assignment();
                }
                let count = self
                    .data
                    .assignments
                    .iter()
                    .filter(|a| a.conference == self.conference_id())
                    .count();
                View::Assignments {
                    cursor: step(cursor, delta, count),
                }
            }
        };
        if matches!(self.overlay, Overlay::View(_)) {
            self.overlay = Overlay::View(next);
        }
        Vec::new()
    }

    fn debrief_key(
        &mut self,
        conference: Option<String>,
        cursor: usize,
        action: Action,
        delta: isize,
    ) -> View {
        let session = self.session;
        match conference {
            None => {
                let cursor = step(cursor, delta, self.data.conferences.len());
                match action {
                    Action::Open => {
                        let id = self.data.conferences.get(cursor).map(|c| c.id.clone());
                        if let Some(id) = id {
                            self.conference = cursor;
                            return View::Debrief {
                                conference: Some(id),
                                cursor: 0,
                            };
                        }
                    }
                    Action::AddItem => self.open_new_decision(),
                    Action::MarkHeld => self.open_debrief_held(),
                    _ => {}
                }
                View::Debrief {
                    conference: None,
                    cursor,
                }
            }
            Some(id) => {
                let decisions: Vec<String> = self
                    .data
                    .decisions_of_session(session)
                    .iter()
                    .map(|d| d.id.clone())
                    .collect();
                let cursor = step(cursor, delta, decisions.len());
                match action {
                    Action::Open | Action::Toggle => {
                        if let Some(d) = decisions.get(cursor) {
                            self.toggle_presented(&id, d);
                        }
                    }
                    Action::EditNotes => {
                        let notes = self
                            .current_session()
                            .and_then(|s| s.debrief.as_ref())
                            .and_then(|d| d.items.get(&id))
                            .and_then(|i| i.notes.clone())
                            .unwrap_or_default();
                        let target = EditTarget::DebriefNotes {
                            session,
                            conference: id.clone(),
                        };
                        self.editor = Some(Editor::new(
                            target,
                            crate::i18n::tf("views.debrief-note-title", &[("id", &id)]),
                            &notes,
                        ));
                    }
                    Action::AddItem => {
                        let target = EditTarget::FollowUp {
                            session,
                            conference: id.clone(),
                        };
                        self.editor = Some(Editor::new(
                            target,
                            crate::i18n::tf(
                                "views.follow-up-title",
                                &[
                                    ("id", &id),
                                    (
                                        "gen",
                                        &self.data.article_at(
                                            &id,
                                            session,
                                            crate::domain::Case::Genitive,
                                        ),
                                    ),
                                ],
                            ),
                            "",
                        ));
                    }
                    Action::MarkHeld => self.open_debrief_held(),
                    _ => {}
                }
                View::Debrief {
                    conference: Some(id),
                    cursor,
                }
            }
        }
    }

    /// Changes the selected session (its debrief), undoably.
    pub fn change_session(
        &mut self,
        label: &str,
        change: impl FnOnce(&mut crate::domain::Session),
    ) -> bool {
        if !self.check_writable() {
            return false;
        }
        let number = self.session;
        let before = Snapshot::Session {
            number,
            session: self.data.session(number).cloned(),
        };
        let Some(session) = self.data.session_mut(number) else {
            return false;
        };
        let old = session.clone();
        change(session);
        if *session == old {
            return false;
        }
        self.history.record(label, vec![before]);
        self.mark_changed();
        true
    }

    fn toggle_presented(&mut self, conference: &str, decision: &str) {
        self.change_session(crate::i18n::t("undo.debrief"), |s| {
            let item = s
                .debrief_mut()
                .items
                .entry(conference.to_owned())
                .or_default();
            if let Some(at) = item.present.iter().position(|d| d == decision) {
                item.present.remove(at);
            } else {
                item.present.push(decision.to_owned());
                item.present.sort();
            }
        });
    }

    fn open_new_decision(&mut self) {
        if self.check_writable() {
            let title = crate::i18n::tf("views.new-decision", &[("session", &self.session)]);
            self.editor = Some(Editor::new(
                EditTarget::NewDecision {
                    session: self.session,
                },
                title,
                "",
            ));
        }
    }

    fn open_debrief_held(&mut self) {
        let Some(s) = self.current_session() else {
            return;
        };
        let date = s
            .debrief
            .as_ref()
            .and_then(|d| d.held_on)
            .unwrap_or(s.debrief_date.min(self.today))
            .format("%d.%m.%Y")
            .to_string();
        let target = EditTarget::DebriefHeld {
            session: self.session,
        };
        self.editor = Some(Editor::new(
            target,
            crate::i18n::t("views.debrief-held-on"),
            &date,
        ));
    }

    fn open_new_assignment(&mut self) {
        if self.check_writable() {
            let conference = self.conference_id();
            let title = crate::i18n::tf("views.new-assignment", &[("conference", &conference)]);
            self.editor = Some(Editor::new(
                EditTarget::AssignDecision { conference },
                title,
                "",
            ));
        }
    }

    /// Records the catalog lists (decisions, assignments, people) for undo.
    pub(super) fn record_catalog(&mut self, label: &str) {
        let snapshot = Snapshot::Catalog {
            decisions: self.data.decisions.clone(),
            assignments: self.data.assignments.clone(),
            people: self.data.people.clone(),
        };
        self.history.record(label, vec![snapshot]);
    }
}
