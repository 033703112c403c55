//! The steps of the walkthrough: which there are, entering one, moving on,
//! leaving.

use super::{PresenterOption, Step, Walkthrough};
use crate::app::{App, EditTarget, Editor, Overlay, Pane};
use crate::domain::Exchange;

impl App {
    /// The steps for `conference` in the selected session.
    pub fn walkthrough_steps(&self, conference: &str) -> Vec<Step> {
        let mut steps = vec![Step::Exchange];
        let exchange = self
            .current_session()
            .and_then(|s| s.report(conference))
            .map(|r| r.exchange);
        if exchange == Some(Exchange::No) {
            return steps;
        }
        steps.extend(
            self.data
                .guiding_questions
                .iter()
                .map(|q| Step::Question(q.id.clone())),
        );
        let mut concerns: Vec<_> = self
            .data
            .concerns
            .iter()
            .filter(|c| c.conference == conference && c.raised_in < self.session)
            .filter(|c| c.status.is_active() || self.decided_in_session(&c.id))
            .collect();
        concerns.sort_by_key(|c| c.raised_in);
        steps.extend(concerns.into_iter().map(|c| Step::Concern(c.id.clone())));
        steps.extend([
            Step::NewConcerns,
            Step::Decisions,
            Step::Presenter,
            Step::Ready,
        ]);
        steps
    }

    /// Whether concern `id` got a decision in the selected session (so its step
    /// stays in the walkthrough after it was resolved or dropped).
    pub fn decided_in_session(&self, id: &str) -> bool {
        self.data
            .concerns
            .iter()
            .find(|c| c.id == id)
            .is_some_and(|c| {
                c.history
                    .iter()
                    .any(|h| h.session == Some(self.session) && h.status.is_some())
            })
    }

    /// Step number (from 1) and count of the walkthrough's current step.
    pub fn walkthrough_position(&self) -> Option<(usize, usize)> {
        let w = self.walkthrough.as_ref()?;
        let steps = self.walkthrough_steps(&w.conference);
        let at = steps.iter().position(|s| *s == w.step).unwrap_or(0);
        Some((at + 1, steps.len()))
    }

    /// Starts the walkthrough at the selected conference, or resumes the one
    /// paused there.
    pub fn start_walkthrough(&mut self) {
        if !self.check_preparable() {
            return;
        }
        self.take_up_paused_walkthrough();
        let resumable = self
            .walkthrough
            .as_ref()
            .is_some_and(|w| w.session == self.session);
        if resumable {
            if let Some(w) = &self.walkthrough {
                let (conference, step) = (w.conference.clone(), w.step.clone());
                self.select_conference(&conference);
                self.overlay = Overlay::Walkthrough;
                self.enter_step(step);
            }
            return;
        }
        let conference = self.conference_id();
        self.begin_conference(&conference);
    }

    /// Starts the walkthrough of `conference` at `step` (e.g. the presenter).
    pub fn walkthrough_at(&mut self, conference: &str, step: Step) {
        if !self.check_preparable() {
            return;
        }
        self.walkthrough = Some(Walkthrough {
            session: self.session,
            conference: conference.to_owned(),
            step: Step::Exchange,
            cursor: 0,
        });
        self.overlay = Overlay::Walkthrough;
        self.enter_step(step);
    }

    fn begin_conference(&mut self, conference: &str) {
        self.select_conference(conference);
        self.focus = Pane::Conferences;
        self.walkthrough_at(conference, Step::Exchange);
    }

    /// Makes `step` current, sets its cursor, and opens its text field if it has one.
    pub fn enter_step(&mut self, step: Step) {
        let Some(w) = self.walkthrough.as_ref() else {
            return;
        };
        let conference = w.conference.clone();
        let report = self
            .current_session()
            .and_then(|s| s.report(&conference))
            .cloned();
        let cursor = match &step {
            Step::Exchange => match report.as_ref().map(|r| r.exchange) {
                Some(Exchange::No) => 1,
                Some(Exchange::Unknown) => 2,
                _ => 0,
            },
            Step::Presenter => {
                // Propose the presenter of now, else of the last session: not set, only highlighted.
                let proposed = report
                    .as_ref()
                    .and_then(|r| r.presenter.clone())
                    .or_else(|| {
                        self.previous_report(&conference)
                            .and_then(|r| r.presenter.clone())
                    });
                let options = self.presenter_options(&conference);
                proposed
                    .and_then(|p| options.iter().position(|o| matches!(o, PresenterOption::Person(id, _) | PresenterOption::Guest(id) if *id == p)))
                    .unwrap_or(0)
            }
            // With gaps, "not yet" is preselected: one Enter must not mark
            // an empty report ready. Hints (unanswered Leitfragen) are no gaps.
            Step::Ready => {
                let gaps = self
                    .current_session()
                    .map(|s| crate::domain::missing_for(&self.data, s, &conference))
                    .unwrap_or_default()
                    .into_iter()
                    .any(|m| m != crate::domain::Missing::NotReady && !m.is_hint());
                usize::from(gaps)
            }
            _ => 0,
        };
        if let Some(w) = self.walkthrough.as_mut() {
            w.step = step.clone();
            w.cursor = cursor;
        }
        self.editor = None;
        if let Step::Question(question) = step {
            self.open_answer_editor(&conference, &question);
        }
    }

    /// The report of `conference` in the session before the selected one.
    pub fn previous_report(&self, conference: &str) -> Option<&crate::domain::Report> {
        self.data
            .previous_session(self.session)
            .and_then(|s| s.report(conference))
    }

    /// Opens the text field for the answer of `conference` to `question`, with
    /// last session's answer beside it.
    pub fn open_answer_editor(&mut self, conference: &str, question: &str) {
        let Some((number, q)) = self
            .data
            .guiding_questions
            .iter()
            .enumerate()
            .find(|(_, q)| q.id == question)
        else {
            return;
        };
        let current = self
            .current_session()
            .and_then(|s| s.report(conference))
            .and_then(|r| r.answers.get(question))
            .cloned()
            .unwrap_or_default();
        let target = EditTarget::Answer {
            session: self.session,
            conference: conference.to_owned(),
            question: question.to_owned(),
        };
        let mut editor = Editor::new(
            target,
            crate::i18n::tf(
                "walk.question-title",
                &[("number", &(number + 1)), ("text", &q.text)],
            ),
            &current,
        );
        if let Some(previous) = self.data.previous_session(self.session) {
            let text = previous
                .report(conference)
                .and_then(|r| r.answer(question))
                .unwrap_or(crate::i18n::t("walk.no-answer"))
                .to_owned();
            editor = editor.with_reference(
                crate::i18n::tf("walk.reference-session", &[("number", &previous.number)]),
                text,
            );
        }
        self.question = number;
        self.editor = Some(editor);
    }

    /// Goes to the next step; after the last one, to the next conference.
    pub fn next_step(&mut self) {
        let Some(w) = self.walkthrough.as_ref() else {
            return;
        };
        let steps = self.walkthrough_steps(&w.conference);
        let at = steps.iter().position(|s| *s == w.step);
        match at.and_then(|i| steps.get(i + 1)) {
            Some(next) => self.enter_step(next.clone()),
            None => self.next_conference(),
        }
    }

    /// Goes back one step (stays at the first).
    pub fn previous_step(&mut self) {
        let Some(w) = self.walkthrough.as_ref() else {
            return;
        };
        let steps = self.walkthrough_steps(&w.conference);
        let at = steps.iter().position(|s| *s == w.step).unwrap_or(0);
        let step = steps[at.saturating_sub(1)].clone();
        self.enter_step(step);
    }

    /// Moves on to the next conference that is not done, or ends the walkthrough.
    pub fn next_conference(&mut self) {
        let Some(w) = self.walkthrough.as_ref() else {
            return;
        };
        let count = self.data.conferences.len();
        let start = self
            .data
            .conferences
            .iter()
            .position(|c| c.id == w.conference)
            .unwrap_or(0);
        let next = (1..count)
            .map(|k| &self.data.conferences[(start + k) % count])
            .find(|c| {
                !self
                    .current_session()
                    .is_some_and(|s| s.status_of(&c.id).is_done())
            })
            .map(|c| c.id.clone());
        if let Some(id) = next {
            self.begin_conference(&id);
        } else {
            self.leave_walkthrough();
            self.walkthrough = None;
            self.info(crate::i18n::t("walk.all-ready"));
        }
    }

    /// Leaves the walkthrough, keeping where it stands for `w` to resume.
    pub fn leave_walkthrough(&mut self) {
        self.editor = None;
        self.overlay = Overlay::None;
    }
}
