//! Undo and redo for the running program. Each change records the records it
//! touches as they were before (a report, a concern, a session); undoing swaps
//! them back and keeps what it replaced for redo. Cheap on large archives: no
//! snapshot of the whole dataset.

use crate::domain::{Assignment, Concern, Dataset, Decision, Person, Report, Session};

/// A record as it was; `None` = it did not exist.
#[derive(Debug, Clone, PartialEq)]
pub enum Snapshot {
    Report {
        session: u32,
        conference: String,
        report: Option<Report>,
    },
    Concern {
        id: String,
        concern: Option<Concern>,
    },
    Session {
        number: u32,
        session: Option<Session>,
    },
    /// The small lists of the catalog, whole.
    Catalog {
        decisions: Vec<Decision>,
        assignments: Vec<Assignment>,
        people: Vec<Person>,
    },
}

impl Snapshot {
    /// The current state of the record this snapshot describes.
    pub fn capture(&self, data: &Dataset) -> Self {
        match self {
            Self::Report {
                session,
                conference,
                ..
            } => Self::Report {
                session: *session,
                conference: conference.clone(),
                report: data
                    .session(*session)
                    .and_then(|s| s.report(conference))
                    .cloned(),
            },
            Self::Concern { id, .. } => Self::Concern {
                id: id.clone(),
                concern: data.concerns.iter().find(|c| &c.id == id).cloned(),
            },
            Self::Session { number, .. } => Self::Session {
                number: *number,
                session: data.session(*number).cloned(),
            },
            Self::Catalog { .. } => Self::Catalog {
                decisions: data.decisions.clone(),
                assignments: data.assignments.clone(),
                people: data.people.clone(),
            },
        }
    }

    /// Puts the record back as this snapshot has it.
    pub fn restore(self, data: &mut Dataset) {
        match self {
            Self::Report {
                session,
                conference,
                report,
            } => {
                let Some(s) = data.session_mut(session) else {
                    return;
                };
                let at = s.reports.iter().position(|r| r.conference == conference);
                match (at, report) {
                    (Some(i), Some(r)) => s.reports[i] = r,
                    (Some(i), None) => {
                        s.reports.remove(i);
                    }
                    (None, Some(r)) => s.reports.push(r),
                    (None, None) => {}
                }
            }
            Self::Concern { id, concern } => {
                let at = data.concerns.iter().position(|c| c.id == id);
                match (at, concern) {
                    (Some(i), Some(c)) => data.concerns[i] = c,
                    (Some(i), None) => {
                        data.concerns.remove(i);
                    }
                    (None, Some(c)) => data.concerns.push(c),
                    (None, None) => {}
                }
            }
            Self::Catalog {
                decisions,
                assignments,
                people,
            } => {
                data.decisions = decisions;
                data.assignments = assignments;
                data.people = people;
            }
            Self::Session { number, session } => {
                let at = data.sessions.iter().position(|s| s.number == number);
                match (at, session) {
                    (Some(i), Some(s)) => data.sessions[i] = s,
                    (Some(i), None) => {
                        data.sessions.remove(i);
                    }
                    (None, Some(s)) => {
                        data.sessions.push(s);
                        data.sessions.sort_by_key(|s| s.number);
                    }
                    (None, None) => {}
                }
            }
        }
    }
}

/// One undoable step: what it touched, as it was, and a label for messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub label: String,
    pub before: Vec<Snapshot>,
}

/// The undo and redo stacks, and where in them the file was last saved, so
/// that undoing back to it is clean again.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The undo stack's depth when the data was as saved; `None` when that
    /// state cannot be reached by undo or redo any more.
    saved: Option<usize>,
    /// A step was just recorded, undone or redone: the change that follows
    /// is one of it (any other change makes the saved state unreachable).
    stepped: bool,
}

impl Default for History {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            saved: Some(0),
            stepped: false,
        }
    }
}

/// At most this many steps are kept.
const LIMIT: usize = 500;

impl History {
    /// Records a change about to be made to the records of `before`.
    pub fn record(&mut self, label: impl Into<String>, before: Vec<Snapshot>) {
        // A new branch: a saved state among the steps undone is gone.
        if self.saved.is_some_and(|n| n > self.undo.len()) {
            self.saved = None;
        }
        self.redo.clear();
        self.undo.push(Step {
            label: label.into(),
            before,
        });
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
            self.saved = self.saved.and_then(|n| n.checked_sub(1));
        }
        self.stepped = true;
    }

    /// The data is as saved now.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.undo.len());
    }

    /// The data changed: by the step just recorded, undone or redone, or by
    /// something else (a merge, a restored recovery), after which no undo
    /// leads back to the saved state.
    pub fn changed(&mut self) {
        if !std::mem::take(&mut self.stepped) {
            self.saved = None;
        }
    }

    /// Whether undo and redo have led back to the state last saved.
    pub fn at_saved(&self) -> bool {
        self.saved == Some(self.undo.len())
    }

    /// Undoes the last step; returns its label. The data are copied (if
    /// another thread still reads them) only when there is a step.
    pub fn undo(&mut self, data: &mut std::sync::Arc<Dataset>) -> Option<String> {
        let step = self.undo.pop()?;
        let inverse = swap(step, std::sync::Arc::make_mut(data));
        let label = inverse.label.clone();
        self.redo.push(inverse);
        self.stepped = true;
        Some(label)
    }

    /// Redoes the last undone step; returns its label (copying as `undo`).
    pub fn redo(&mut self, data: &mut std::sync::Arc<Dataset>) -> Option<String> {
        let step = self.redo.pop()?;
        let inverse = swap(step, std::sync::Arc::make_mut(data));
        let label = inverse.label.clone();
        self.undo.push(inverse);
        self.stepped = true;
        Some(label)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

/// Restores `step` and returns the step that restores what was replaced.
fn swap(step: Step, data: &mut Dataset) -> Step {
    // Restore in reverse order, capturing the present first.
    let mut now = Vec::with_capacity(step.before.len());
    for snapshot in step.before.into_iter().rev() {
        now.push(snapshot.capture(data));
        snapshot.restore(data);
    }
    now.reverse();
    Step {
        label: step.label,
        before: now,
    }
}
