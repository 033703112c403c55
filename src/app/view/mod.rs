//! The View component: the views across sessions — debrief, decisions (with a
//! reverse index), history (conference × session), changes since the previous
//! session, assignments over time. Its state is `View`; its keys are in
//! `keys.rs`, its drawing in `ui/view.rs`, the text fields it opens are taken
//! in `forms.rs`.

pub mod changes;
mod debrief;
pub(super) mod forms;
pub(super) mod keys;

use std::sync::Arc;

use super::update::step;
use super::{Action, App, Ctx, Effect, Layer, Listed, Overlay, Request, Scroll};
use crate::domain::{Dataset, Decision, Exchange, ReportStatus};

/// Which view is open, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The debrief of the selected session; with a conference: its choices.
    Debrief {
        conference: Option<String>,
        cursor: usize,
        /// The list's first row and page as last drawn (kept by the drawing).
        list: Listed,
    },
    Decisions {
        cursor: usize,
        list: Listed,
    },
    /// Row = conference, column = session (index into `data.sessions`).
    History {
        row: usize,
        col: usize,
        /// The conferences shown when last drawn: the page.
        list: Listed,
    },
    /// What changed since the previous session, computed when opened.
    Changes {
        scroll: Scroll,
        lines: Arc<[String]>,
    },
    Assignments {
        cursor: usize,
        list: Listed,
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

impl View {
    /// The view `action` opens (`None` for any other action).
    pub fn open(action: Action, ctx: &Ctx) -> Option<Self> {
        Some(match action {
            Action::Debrief => Self::Debrief {
                conference: None,
                cursor: *ctx.conference,
                list: Listed::default(),
            },
            Action::Decisions => Self::Decisions {
                cursor: 0,
                list: Listed::default(),
            },
            Action::History => Self::History {
                row: *ctx.conference,
                col: ctx
                    .data
                    .sessions
                    .iter()
                    .position(|s| s.number == *ctx.session)
                    .unwrap_or(0),
                list: Listed::default(),
            },
            Action::Changes => Self::Changes {
                scroll: Scroll::default(),
                lines: changes::lines(ctx.data, *ctx.session, &ctx.conference_id()).into(),
            },
            Action::Assignments => Self::Assignments {
                cursor: 0,
                list: Listed::default(),
            },
            _ => return None,
        })
    }

    /// The data changed under the view (undo, redo): what it computed when
    /// opened is computed again.
    pub fn refresh(&mut self, ctx: &Ctx) {
        if let Self::Changes { lines, .. } = self {
            *lines = changes::lines(ctx.data, *ctx.session, &ctx.conference_id()).into();
        }
    }

    /// Handles an action of the View layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        match action {
            Action::Back => {
                if let Self::Debrief {
                    conference: Some(_),
                    ..
                } = self
                {
                    *self = Self::Debrief {
                        conference: None,
                        cursor: *ctx.conference,
                        list: Listed::default(),
                    };
                } else {
                    ctx.request(Request::Close);
                }
                return Vec::new();
            }
            Action::Help => {
                ctx.request(Request::Help(Layer::View));
                return Vec::new();
            }
            _ => {}
        }
        let delta = action.movement(self.page()).unwrap_or(0);
        match self {
            Self::Debrief {
                conference,
                cursor,
                list,
            } => {
                let list = std::mem::take(list);
                *self = debrief::update(conference.take(), (*cursor, list), action, delta, ctx);
            }
            Self::Decisions { cursor, .. } => {
                if action == Action::AddItem {
                    debrief::open_new_decision(ctx);
                }
                *cursor = step(*cursor, delta, ctx.data.decisions.len());
            }
            Self::History { row, col, .. } => {
                let cols = ctx.data.sessions.len();
                match action {
                    Action::NextPane => *col = step(*col, 1, cols),
                    Action::PreviousPane => *col = step(*col, -1, cols),
                    _ => {}
                }
                *row = step(*row, delta, ctx.data.conferences.len());
                if action == Action::Open {
                    if let Some(s) = ctx.data.sessions.get(*col) {
                        *ctx.session = s.number;
                    }
                    *ctx.conference = *row;
                    ctx.request(Request::Close);
                }
            }
            Self::Changes { scroll, .. } => scroll.step(delta),
            Self::Assignments { cursor, .. } => {
                if action == Action::AddItem {
                    debrief::open_new_assignment(ctx);
                }
                let id = ctx.conference_id();
                let count = ctx
                    .data
                    .assignments
                    .iter()
                    .filter(|a| a.conference == id)
                    .count();
                *cursor = step(*cursor, delta, count);
            }
        }
        Vec::new()
    }

    /// Rows or items a page of the view holds, as last drawn.
    fn page(&self) -> isize {
        match self {
            Self::Debrief { list, .. }
            | Self::Decisions { list, .. }
            | Self::History { list, .. }
            | Self::Assignments { list, .. } => list.page(),
            Self::Changes { scroll, .. } => scroll.page(),
        }
    }

    /// Whether `action` acts in this view: the hint line offers only those.
    pub fn offers(&self, action: Action) -> bool {
        let debrief = matches!(self, Self::Debrief { .. });
        let in_conference = matches!(
            self,
            Self::Debrief {
                conference: Some(_),
                ..
            }
        );
        match action {
            Action::Open => debrief || matches!(self, Self::History { .. }),
            Action::Toggle | Action::EditNotes => in_conference,
            Action::MarkHeld => debrief,
            Action::AddItem => {
                debrief || matches!(self, Self::Decisions { .. } | Self::Assignments { .. })
            }
            Action::NextPane | Action::PreviousPane => matches!(self, Self::History { .. }),
            _ => true,
        }
    }
}

/// Decisions, newest first (as the decisions view lists them).
pub fn decisions_newest_first(data: &Dataset) -> Vec<&Decision> {
    let mut list: Vec<_> = data.decisions.iter().collect();
    list.sort_by(|a, b| b.id.cmp(&a.id));
    list
}

/// The reverse index of decision `id`.
pub fn citations(data: &Dataset, id: &str) -> Citations {
    let mut c = Citations::default();
    if let Some(d) = data.decision(id) {
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
    for s in &data.sessions {
        for r in s
            .reports
            .iter()
            .filter(|r| r.decisions.iter().any(|d| d == id))
        {
            c.reports.push((s.number, r.conference.clone()));
        }
    }
    for x in data
        .concerns
        .iter()
        .filter(|x| x.decisions.iter().any(|d| d == id))
    {
        c.concerns.push((x.id.clone(), x.title.clone()));
    }
    c
}

/// Reporting conferences (exchange yes, report not open) per session, oldest first.
pub fn reporting_per_session(data: &Dataset) -> Vec<(u32, u64)> {
    data.sessions
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

impl App {
    /// The open view, if one is.
    pub fn overlay_view(&self) -> Option<View> {
        match &self.overlay {
            Overlay::View(v) => Some(v.clone()),
            _ => None,
        }
    }

    /// What changed for the selected conference since the previous session.
    pub fn changes_lines(&self) -> Vec<String> {
        changes::lines(&self.data, self.session, &self.conference_id())
    }
}
