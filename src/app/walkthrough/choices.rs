//! The choices made at each step of the walkthrough: the options offered,
//! choosing one, linking decisions, marking a report ready.

use super::previous_report;
use super::{CONCERN_OPTIONS, ExchangeChoice, PresenterOption, Step, Walkthrough, edit};
use crate::app::editor::fields;
use crate::app::{Ctx, EditTarget, Editor, Request};
use crate::domain::{Dataset, Exchange, ReportStatus};

/// The presenter choices for `conference` in `session`: assigned speakers,
/// earlier guests, typing a guest.
pub fn presenter_options(data: &Dataset, session: u32, conference: &str) -> Vec<PresenterOption> {
    let speakers = data.speakers_at(conference, session);
    let mut options: Vec<PresenterOption> = speakers
        .people
        .into_iter()
        .map(|s| PresenterOption::Person(s.id, s.name))
        .collect();
    let guests = [
        data.session(session)
            .and_then(|s| s.report(conference))
            .and_then(|r| r.presenter.clone()),
        previous_report(data, session, conference).and_then(|r| r.presenter.clone()),
    ];
    for guest in guests.into_iter().flatten() {
        let known = options
            .iter()
            .any(|o| matches!(o, PresenterOption::Person(id, _) | PresenterOption::Guest(id) if *id == guest));
        if !known && !guest.is_empty() {
            options.push(PresenterOption::Guest(guest));
        }
    }
    options.push(PresenterOption::TypeGuest);
    options
}

/// The decisions offered at the decision step: those concerning the
/// conference first, newest first, then the others.
pub fn decision_options(data: &Dataset, conference: &str) -> Vec<String> {
    let mut concerning: Vec<&crate::domain::Decision> = data.decisions_for(conference).collect();
    concerning.sort_by(|a, b| b.id.cmp(&a.id));
    let mut others: Vec<&crate::domain::Decision> = data
        .decisions
        .iter()
        .filter(|d| !d.concerns(conference))
        .collect();
    others.sort_by(|a, b| b.id.cmp(&a.id));
    concerning
        .into_iter()
        .chain(others)
        .map(|d| d.id.clone())
        .collect()
}

impl Walkthrough {
    /// How many options the current step offers (for cursor movement).
    pub(super) fn option_count(&self, ctx: &Ctx) -> usize {
        match &self.step {
            Step::Exchange => ExchangeChoice::ALL.len(),
            // the statuses, editing, and linking Beschlüsse
            Step::Concern(_) => CONCERN_OPTIONS.len() + 1,
            Step::NewConcerns | Step::Ready => 2,
            Step::Decisions => decision_options(ctx.data, &self.conference).len(),
            Step::Presenter => presenter_options(ctx.data, *ctx.session, &self.conference).len(),
            Step::Question(_) => 0,
        }
    }

    /// Answers the exchange step; "no" records no report and moves on at once.
    pub(super) fn answer_exchange(&mut self, choice: ExchangeChoice, ctx: &mut Ctx) {
        let conference = self.conference.clone();
        let exchange = match choice {
            ExchangeChoice::Yes => Exchange::Yes,
            ExchangeChoice::No => Exchange::No,
            ExchangeChoice::Unknown => Exchange::Unknown,
        };
        ctx.set_exchange(&conference, exchange);
        match choice {
            ExchangeChoice::No => {
                ctx.info(crate::i18n::tf(
                    "app.no-exchange",
                    &[("conference", &conference)],
                ));
                self.next_conference(ctx);
            }
            ExchangeChoice::Yes => self.next_step(ctx),
            ExchangeChoice::Unknown => self.next_conference(ctx),
        }
    }

    /// Chooses the highlighted option of the current step.
    pub(super) fn choose_option(&mut self, ctx: &mut Ctx) {
        let conference = self.conference.clone();
        match self.step.clone() {
            Step::Exchange => {
                self.answer_exchange(ExchangeChoice::ALL[self.cursor.min(2)], ctx);
            }
            Step::Concern(id) => match CONCERN_OPTIONS.get(self.cursor).copied() {
                Some(Some(status)) => self.decide(&id, status, ctx),
                Some(None) => {
                    let field = fields::concern_title(ctx, &id);
                    edit(ctx, field);
                }
                None => {
                    let field = fields::concern_links(ctx, &id);
                    edit(ctx, field);
                }
            },
            Step::NewConcerns => {
                if self.cursor == 0 {
                    let field = fields::new_concern(ctx, &conference);
                    edit(ctx, field);
                } else {
                    self.next_step(ctx);
                }
            }
            Step::Decisions => self.toggle_decision(ctx),
            Step::Presenter => {
                match presenter_options(ctx.data, *ctx.session, &conference).get(self.cursor) {
                    Some(PresenterOption::Person(id, _) | PresenterOption::Guest(id)) => {
                        let id = id.clone();
                        ctx.change_report(&conference, crate::i18n::t("undo.presenter"), |r| {
                            r.presenter = Some(id);
                        });
                        self.next_step(ctx);
                    }
                    Some(PresenterOption::TypeGuest) | None => {
                        let target = EditTarget::Guest {
                            session: *ctx.session,
                            conference,
                        };
                        let field = Editor::new(target, crate::i18n::t("walk.guest-name"), "");
                        ctx.request(Request::Edit(Box::new(field)));
                    }
                }
            }
            Step::Ready => {
                if self.cursor == 0 {
                    mark_ready(ctx, &conference, true);
                }
                self.next_conference(ctx);
            }
            Step::Question(_) => self.next_step(ctx),
        }
    }

    /// Links or unlinks the highlighted decision.
    pub(super) fn toggle_decision(&mut self, ctx: &mut Ctx) {
        let options = decision_options(ctx.data, &self.conference);
        let Some(id) = options.get(self.cursor).cloned() else {
            return;
        };
        ctx.change_report(
            &self.conference,
            crate::i18n::t("undo.decision-linked"),
            |r| {
                if let Some(at) = r.decisions.iter().position(|d| *d == id) {
                    r.decisions.remove(at);
                } else {
                    r.decisions.push(id.clone());
                    r.decisions.sort();
                }
            },
        );
    }
}

/// Marks a report ready (`ready`) or back to draft; says what is still missing.
pub(in crate::app) fn mark_ready(ctx: &mut Ctx, conference: &str, ready: bool) {
    let status = if ready {
        ReportStatus::Ready
    } else {
        ReportStatus::Draft
    };
    if ctx.change_report(conference, "fertig", |r| r.status = status) && ready {
        let missing: Vec<_> = ctx
            .current_session()
            .map(|s| crate::domain::missing_for(ctx.data, s, conference))
            .unwrap_or_default()
            .into_iter()
            .filter(|m| !m.is_hint())
            .collect();
        if missing.is_empty() {
            ctx.info(crate::i18n::tf(
                "walk.conference-ready",
                &[("conference", &conference)],
            ));
        } else {
            let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
            ctx.info(crate::i18n::tf(
                "walk.ready-but-missing",
                &[("conference", &conference), ("missing", &list.join(", "))],
            ));
        }
    }
}
