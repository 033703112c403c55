//! The Main layer: the four panes of the main screen and their keys (in
//! `keys.rs`); where a search hit or a gap of the review leads. Not yet a
//! component with a `Ctx` of its own: its state is the `App`'s.

pub(in crate::app) mod keys;

use crate::app::update::step;
use crate::app::{Action, App, Effect, Layer, Overlay, Pane, Step};
use crate::domain::ConcernStatus;
use crate::search::Target;

impl App {
    pub(in crate::app) fn update_main(&mut self, action: Action) -> Vec<Effect> {
        let conference = self.conference_id();
        if let Some(delta) = action.movement() {
            self.move_selection(delta);
            return Vec::new();
        }
        match action {
            Action::NextPane => self.focus = self.focus.next(),
            Action::PreviousPane => self.focus = self.focus.previous(),
            Action::Open => self.open_selected(),
            Action::Walkthrough => self.start_walkthrough(),
            Action::NoExchange if self.set_exchange(&conference, crate::domain::Exchange::No) => {
                self.info(crate::i18n::tf(
                    "app.no-exchange",
                    &[("conference", &conference)],
                ));
            }
            Action::MarkReady => {
                let ready = self.current_session().is_some_and(|s| {
                    s.status_of(&conference) == crate::domain::ReportStatus::Ready
                });
                self.mark_ready(&conference, !ready);
            }
            Action::AddConcern => self.open_new_concern_editor(&conference),
            Action::ConcernOpen => self.decide_selected_concern(ConcernStatus::Open),
            Action::ConcernInProgress => self.decide_selected_concern(ConcernStatus::InProgress),
            Action::ConcernResolved => self.decide_selected_concern(ConcernStatus::Resolved),
            Action::ConcernDropped => self.decide_selected_concern(ConcernStatus::Dropped),
            Action::LinkDecisions => {
                if self.focus == Pane::Concerns {
                    if let Some(id) = self
                        .visible_concerns()
                        .get(self.concern)
                        .map(|c| c.id.clone())
                    {
                        self.open_concern_links(&id);
                    } else {
                        self.info(crate::i18n::t("main.no-concern"));
                    }
                } else {
                    self.info(crate::i18n::t("main.concerns-pane-first"));
                }
            }
            Action::Review => self.open_review(),
            Action::Sessions => {
                let (overlay, ctx) = self.overlay_and_ctx();
                *overlay = Overlay::Sessions(crate::app::Sessions::open(&ctx));
            }
            Action::NewSession => self.open_new_session(),
            Action::Search => self.open_search(),
            Action::Help => self.open_help(Layer::Main),
            Action::Reference => {
                self.overlay = Overlay::Help(crate::app::Help::reference());
            }
            Action::MergeOthers => return vec![Effect::MergeFromDisk],
            Action::Debrief
            | Action::Decisions
            | Action::History
            | Action::Changes
            | Action::Assignments => {
                let (overlay, ctx) = self.overlay_and_ctx();
                if let Some(view) = crate::app::View::open(action, &ctx) {
                    *overlay = Overlay::View(view);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn decide_selected_concern(&mut self, status: ConcernStatus) {
        if self.focus != Pane::Concerns {
            self.info(crate::i18n::t("main.concerns-pane-first"));
            return;
        }
        let id = self
            .visible_concerns()
            .get(self.concern)
            .map(|c| c.id.clone());
        match id {
            Some(id) if matches!(status, ConcernStatus::Resolved | ConcernStatus::Dropped) => {
                self.open_concern_outcome(&id, status);
            }
            Some(id) => {
                self.decide_concern(&id, status);
                let count = self.visible_concerns().len();
                self.concern = self.concern.min(count.saturating_sub(1));
            }
            None => self.info(crate::i18n::t("main.no-concern")),
        }
    }

    /// Moves the focused pane's selection, clamped to its list.
    pub(in crate::app) fn move_selection(&mut self, delta: isize) {
        let (cursor, len) = match self.focus {
            Pane::Conferences => (&mut self.conference, self.data.conferences.len()),
            Pane::Speakers => {
                let n = self
                    .data
                    .speakers_at(&self.conference_id(), self.session)
                    .people
                    .len();
                (&mut self.speaker, n)
            }
            Pane::Concerns => {
                let n = self.visible_concerns().len();
                (&mut self.concern, n)
            }
            Pane::Questions => (&mut self.question, self.data.guiding_questions.len()),
        };
        let before = *cursor;
        *cursor = step(*cursor, delta, len);
        if self.focus == Pane::Conferences && before != self.conference {
            self.speaker = 0;
            self.concern = 0;
            self.question = 0;
        }
    }

    fn open_selected(&mut self) {
        let conference = self.conference_id();
        match self.focus {
            Pane::Conferences => self.start_walkthrough(),
            Pane::Speakers => {
                self.take_up_paused_walkthrough();
                self.walkthrough_at(&conference, Step::Presenter);
            }
            Pane::Concerns => match self
                .visible_concerns()
                .get(self.concern)
                .map(|c| c.id.clone())
            {
                Some(id) => self.open_concern_title_editor(&id),
                None => self.open_new_concern_editor(&conference),
            },
            Pane::Questions => {
                if self.check_writable()
                    && let Some(q) = self
                        .data
                        .guiding_questions
                        .get(self.question)
                        .map(|q| q.id.clone())
                {
                    self.open_answer_editor(&conference, &q);
                }
            }
        }
    }
}

impl App {
    /// Selects the conference, pane and item a search hit leads to.
    pub fn jump_to(&mut self, target: &Target) {
        match target {
            Target::Conference(id) => {
                self.select_conference(id);
                self.focus = Pane::Conferences;
            }
            Target::Person { conference } => match conference {
                Some(id) => {
                    self.select_conference(id);
                    self.focus = Pane::Speakers;
                }
                None => self.info(crate::i18n::t("search.person-speaks-for-none")),
            },
            Target::Concern { conference, id } => {
                self.select_conference(conference);
                self.focus = Pane::Concerns;
                match self.visible_concerns().iter().position(|c| c.id == *id) {
                    Some(i) => self.concern = i,
                    None => self.info(crate::i18n::tf("search.concern-not-open", &[("id", &id)])),
                }
            }
            Target::Decision { id, conference } => {
                if let Some(c) = conference {
                    self.select_conference(c);
                }
                self.focus = Pane::Conferences;
                if let Some(d) = self.data.decision(id) {
                    let text = crate::i18n::tf(
                        "search.decision",
                        &[
                            ("id", &d.id),
                            ("text", &d.summary.as_deref().unwrap_or(&d.title)),
                        ],
                    );
                    self.info(text);
                }
            }
            Target::Answer {
                session,
                conference,
                question,
            } => {
                self.session = *session;
                self.select_conference(conference);
                self.focus = Pane::Questions;
                self.question = self
                    .data
                    .guiding_questions
                    .iter()
                    .position(|q| q.id == *question)
                    .unwrap_or(0);
            }
        }
    }
}
