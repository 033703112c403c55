//! The choices made at each step of the walkthrough: the options offered,
//! choosing one, linking decisions, marking a report ready.

use crate::app::walkthrough::{CONCERN_OPTIONS, ExchangeChoice, PresenterOption, Step};
use crate::app::{App, EditTarget, Editor};
use crate::domain::{ConcernStatus, Exchange, ReportStatus};

impl App {
    /// The presenter choices for `conference`: assigned speakers, earlier guests, typing a guest.
    pub fn presenter_options(&self, conference: &str) -> Vec<PresenterOption> {
        let speakers = self.data.speakers_at(conference, self.session);
        let mut options: Vec<PresenterOption> = speakers
            .people
            .into_iter()
            .map(|s| PresenterOption::Person(s.id, s.name))
            .collect();
        let guests = [
            self.current_session()
                .and_then(|s| s.report(conference))
                .and_then(|r| r.presenter.clone()),
            self.previous_report(conference)
                .and_then(|r| r.presenter.clone()),
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
    pub fn decision_options(&self, conference: &str) -> Vec<String> {
        let mut concerning: Vec<&crate::domain::Decision> =
            self.data.decisions_for(conference).collect();
        concerning.sort_by(|a, b| b.id.cmp(&a.id));
        let mut others: Vec<&crate::domain::Decision> = self
            .data
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

    /// How many options the current step offers (for cursor movement).
    pub fn step_option_count(&self) -> usize {
        let Some(w) = self.walkthrough.as_ref() else {
            return 0;
        };
        match &w.step {
            Step::Exchange => ExchangeChoice::ALL.len(),
            // the statuses, editing, and linking Beschlüsse
            Step::Concern(_) => CONCERN_OPTIONS.len() + 1,
            Step::NewConcerns | Step::Ready => 2,
            Step::Decisions => self.decision_options(&w.conference).len(),
            Step::Presenter => self.presenter_options(&w.conference).len(),
            Step::Question(_) => 0,
        }
    }

    /// Answers the exchange step; "no" records no report and moves on at once.
    pub fn answer_exchange(&mut self, choice: ExchangeChoice) {
        let Some(w) = self.walkthrough.as_ref() else {
            return;
        };
        let conference = w.conference.clone();
        let exchange = match choice {
            ExchangeChoice::Yes => Exchange::Yes,
            ExchangeChoice::No => Exchange::No,
            ExchangeChoice::Unknown => Exchange::Unknown,
        };
        self.set_exchange(&conference, exchange);
        match choice {
            ExchangeChoice::No => {
                self.info(crate::i18n::tf(
                    "app.no-exchange",
                    &[("conference", &conference)],
                ));
                self.next_conference();
            }
            ExchangeChoice::Yes => self.next_step(),
            ExchangeChoice::Unknown => self.next_conference(),
        }
    }

    /// Chooses the highlighted option of the current step.
    pub fn choose_option(&mut self) {
        let Some(w) = self.walkthrough.clone() else {
            return;
        };
        match &w.step {
            Step::Exchange => self.answer_exchange(ExchangeChoice::ALL[w.cursor.min(2)]),
            Step::Concern(id) => match CONCERN_OPTIONS.get(w.cursor).copied() {
                Some(Some(status @ (ConcernStatus::Resolved | ConcernStatus::Dropped))) => {
                    self.open_concern_outcome(id, status);
                }
                Some(Some(status)) => {
                    self.decide_concern(id, status);
                    self.next_step();
                }
                Some(None) => self.open_concern_title_editor(id),
                None => self.open_concern_links(id),
            },
            Step::NewConcerns => {
                if w.cursor == 0 {
                    self.open_new_concern_editor(&w.conference);
                } else {
                    self.next_step();
                }
            }
            Step::Decisions => self.toggle_decision(),
            Step::Presenter => match self.presenter_options(&w.conference).get(w.cursor) {
                Some(PresenterOption::Person(id, _) | PresenterOption::Guest(id)) => {
                    let id = id.clone();
                    self.change_report(&w.conference, crate::i18n::t("undo.presenter"), |r| {
                        r.presenter = Some(id);
                    });
                    self.next_step();
                }
                Some(PresenterOption::TypeGuest) | None => {
                    let target = EditTarget::Guest {
                        session: self.session,
                        conference: w.conference.clone(),
                    };
                    self.editor = Some(Editor::new(target, crate::i18n::t("walk.guest-name"), ""));
                }
            },
            Step::Ready => {
                if w.cursor == 0 {
                    self.mark_ready(&w.conference, true);
                }
                self.next_conference();
            }
            Step::Question(_) => self.next_step(),
        }
    }

    /// Links or unlinks the highlighted decision.
    pub fn toggle_decision(&mut self) {
        let Some(w) = self.walkthrough.clone() else {
            return;
        };
        let Some(id) = self.decision_options(&w.conference).get(w.cursor).cloned() else {
            return;
        };
        self.change_report(&w.conference, crate::i18n::t("undo.decision-linked"), |r| {
            if let Some(at) = r.decisions.iter().position(|d| *d == id) {
                r.decisions.remove(at);
            } else {
                r.decisions.push(id.clone());
                r.decisions.sort();
            }
        });
    }

    /// Marks a report ready (`ready`) or back to draft; says what is still missing.
    pub fn mark_ready(&mut self, conference: &str, ready: bool) {
        let status = if ready {
            ReportStatus::Ready
        } else {
            ReportStatus::Draft
        };
        if self.change_report(conference, "fertig", |r| r.status = status) && ready {
            let missing: Vec<_> = self
                .current_session()
                .map(|s| crate::domain::missing_for(&self.data, s, conference))
                .unwrap_or_default()
                .into_iter()
                .filter(|m| !m.is_hint())
                .collect();
            if missing.is_empty() {
                self.info(crate::i18n::tf(
                    "walk.conference-ready",
                    &[("conference", &conference)],
                ));
            } else {
                let list: Vec<String> = missing.iter().map(ToString::to_string).collect();
                self.info(crate::i18n::tf(
                    "walk.ready-but-missing",
                    &[("conference", &conference), ("missing", &list.join(", "))],
                ));
            }
        }
    }

    pub fn open_new_concern_editor(&mut self, conference: &str) {
        if self.check_writable() {
            let target = EditTarget::NewConcern {
                conference: conference.to_owned(),
            };
            self.editor = Some(Editor::new(
                target,
                crate::i18n::tf(
                    "walk.new-concern-title",
                    &[
                        ("conference", &conference),
                        (
                            "gen",
                            &self.data.article_at(
                                conference,
                                self.session,
                                crate::domain::Case::Genitive,
                            ),
                        ),
                    ],
                ),
                "",
            ));
        }
    }

    pub fn open_concern_title_editor(&mut self, id: &str) {
        if !self.check_writable() {
            return;
        }
        if let Some(c) = self.data.concerns.iter().find(|c| c.id == id) {
            let editor = Editor::new(
                EditTarget::ConcernTitle { id: id.to_owned() },
                crate::i18n::tf("walk.concern-title", &[("id", &id)]),
                &c.title,
            );
            self.editor = Some(editor);
        }
    }
}
