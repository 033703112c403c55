//! The steps of the walkthrough: which there are, entering one, moving on,
//! leaving.

use super::{PresenterOption, Step, Walkthrough, presenter_options};
use crate::app::editor::fields;
use crate::app::{Ctx, Request};
use crate::domain::{Dataset, Exchange, Report};
use crate::search::Target;

/// The steps for `conference` in session `session`.
pub fn steps(data: &Dataset, session: u32, conference: &str) -> Vec<Step> {
    let mut steps = vec![Step::Exchange];
    let exchange = data
        .session(session)
        .and_then(|s| s.report(conference))
        .map(|r| r.exchange);
    if exchange == Some(Exchange::No) {
        return steps;
    }
    steps.extend(
        data.guiding_questions
            .iter()
            .map(|q| Step::Question(q.id.clone())),
    );
    let mut concerns: Vec<_> = data
        .concerns
        .iter()
        .filter(|c| c.conference == conference && c.raised_in < session)
        .filter(|c| c.status.is_active() || decided_in_session(data, session, &c.id))
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

/// Whether concern `id` got a decision in `session` (so its step stays in
/// the walkthrough after it was resolved or dropped).
fn decided_in_session(data: &Dataset, session: u32, id: &str) -> bool {
    data.concerns.iter().find(|c| c.id == id).is_some_and(|c| {
        c.history
            .iter()
            .any(|h| h.session == Some(session) && h.status.is_some())
    })
}

/// The report of `conference` in the session before `session`.
pub fn previous_report<'a>(
    data: &'a Dataset,
    session: u32,
    conference: &str,
) -> Option<&'a Report> {
    data.previous_session(session)
        .and_then(|s| s.report(conference))
}

impl Walkthrough {
    /// The walkthrough of `conference` at `step` (e.g. the presenter), if the
    /// selected session may be prepared.
    pub fn start(ctx: &mut Ctx, conference: &str, step: Step) -> Option<Self> {
        if !ctx.check_preparable() {
            return None;
        }
        let mut walkthrough = Self {
            session: *ctx.session,
            conference: conference.to_owned(),
            step: Step::Exchange,
            cursor: 0,
        };
        walkthrough.enter(step, ctx);
        Some(walkthrough)
    }

    /// The walkthrough from the first step of `conference`, selected on the
    /// main screen too.
    pub fn begin(ctx: &mut Ctx, conference: &str) -> Option<Self> {
        ctx.request(Request::Jump(Target::Conference(conference.to_owned())));
        Self::start(ctx, conference, Step::Exchange)
    }

    /// Step number (from 1) and count of the current step.
    pub fn position(&self, data: &Dataset) -> (usize, usize) {
        let steps = steps(data, self.session, &self.conference);
        let at = steps.iter().position(|s| *s == self.step).unwrap_or(0);
        (at + 1, steps.len())
    }

    /// Back from the help over it: at its step again, if it is still the
    /// selected session's (else `false`: it is not shown).
    pub fn resume(&mut self, ctx: &mut Ctx) -> bool {
        let resumable = self.session == *ctx.session;
        if resumable {
            self.enter(self.step.clone(), ctx);
        }
        resumable
    }

    /// Makes `step` current, sets its cursor, and opens its text field if it has one.
    pub fn enter(&mut self, step: Step, ctx: &mut Ctx) {
        let conference = self.conference.clone();
        let report = ctx
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
                        previous_report(ctx.data, *ctx.session, &conference)
                            .and_then(|r| r.presenter.clone())
                    });
                let options = presenter_options(ctx.data, *ctx.session, &conference);
                proposed
                    .and_then(|p| options.iter().position(|o| matches!(o, PresenterOption::Person(id, _) | PresenterOption::Guest(id) if *id == p)))
                    .unwrap_or(0)
            }
            // With gaps, "not yet" is preselected: one Enter must not mark
            // an empty report ready. Hints (unanswered Leitfragen) are no gaps.
            Step::Ready => {
                let gaps = ctx
                    .current_session()
                    .map(|s| crate::domain::missing_for(ctx.data, s, &conference))
                    .unwrap_or_default()
                    .into_iter()
                    .any(|m| m != crate::domain::Missing::NotReady && !m.is_hint());
                usize::from(gaps)
            }
            _ => 0,
        };
        self.step = step.clone();
        self.cursor = cursor;
        if let Step::Question(question) = step
            && let Some((number, field)) = fields::answer(ctx, &conference, &question)
        {
            ctx.request(Request::Question(number));
            ctx.request(Request::Edit(Box::new(field)));
        }
    }

    /// Goes to the next step; after the last one, to the next conference.
    pub fn next_step(&mut self, ctx: &mut Ctx) {
        let steps = steps(ctx.data, *ctx.session, &self.conference);
        let at = steps.iter().position(|s| *s == self.step);
        match at.and_then(|i| steps.get(i + 1)) {
            Some(next) => self.enter(next.clone(), ctx),
            None => self.next_conference(ctx),
        }
    }

    /// Goes back one step (stays at the first).
    pub fn previous_step(&mut self, ctx: &mut Ctx) {
        let steps = steps(ctx.data, *ctx.session, &self.conference);
        let at = steps.iter().position(|s| *s == self.step).unwrap_or(0);
        let step = steps[at.saturating_sub(1)].clone();
        self.enter(step, ctx);
    }

    /// Moves on to the next conference that is not done, or ends the walkthrough.
    pub fn next_conference(&mut self, ctx: &mut Ctx) {
        let count = ctx.data.conferences.len();
        let start = ctx
            .data
            .conferences
            .iter()
            .position(|c| c.id == self.conference)
            .unwrap_or(0);
        let next = (1..count)
            .map(|k| &ctx.data.conferences[(start + k) % count])
            .find(|c| {
                !ctx.current_session()
                    .is_some_and(|s| s.status_of(&c.id).is_done())
            })
            .map(|c| c.id.clone());
        if let Some(id) = next {
            if let Some(next) = Self::begin(ctx, &id) {
                *self = next;
            }
        } else {
            ctx.request(Request::End);
            ctx.info(crate::i18n::t("walk.all-ready"));
        }
    }
}
