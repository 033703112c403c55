//! The Walkthrough layer (Durchgang): one conference after another, step by
//! step — exchange → each Leitfrage → each open concern → new concerns →
//! decisions → presenter → ready. The steps are derived from the data, so
//! "step k of n" is always true. It can be left at any step and resumed there.
//! Its state and keys' handling here, the steps in `steps.rs`, the choices in
//! `choices.rs`, its keys in `keys.rs`, its drawing in `ui/walkthrough.rs`.
//! Not yet a component with a `Ctx` of its own: it changes the data through
//! the `App`.

mod choices;
pub(super) mod keys;
mod steps;

use super::update::step;
use super::{Action, App, Layer, Overlay};
use crate::domain::ConcernStatus;

/// One step of the walkthrough of a conference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Exchange,
    Question(String),
    Concern(String),
    NewConcerns,
    Decisions,
    Presenter,
    Ready,
}

/// The answers offered at the exchange step, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExchangeChoice {
    Yes,
    No,
    Unknown,
}

impl ExchangeChoice {
    pub const ALL: [Self; 3] = [Self::Yes, Self::No, Self::Unknown];
}

/// The options of a concern step, in order.
pub const CONCERN_OPTIONS: [Option<ConcernStatus>; 5] = [
    Some(ConcernStatus::Open),
    Some(ConcernStatus::InProgress),
    Some(ConcernStatus::Resolved),
    Some(ConcernStatus::Dropped),
    None, // edit
];

/// Where the walkthrough stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walkthrough {
    pub session: u32,
    pub conference: String,
    pub step: Step,
    /// The highlighted option or list entry of the step.
    pub cursor: usize,
}

/// A choice at the presenter step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PresenterOption {
    /// A person id (assigned speaker) with the name shown.
    Person(String, String),
    /// A guest named earlier.
    Guest(String),
    /// Type a guest's name.
    TypeGuest,
}

impl Walkthrough {
    /// Whether `action` acts at this step: the hint line offers only those.
    pub fn offers(&self, action: Action) -> bool {
        match action {
            Action::ExchangeYes | Action::ExchangeNo | Action::ExchangeUnknown => {
                self.step == Step::Exchange
            }
            Action::Toggle => self.step == Step::Decisions,
            // Exchange is every conference's first step: nothing before it.
            Action::PreviousStep => self.step != Step::Exchange,
            Action::ConcernOpen
            | Action::ConcernInProgress
            | Action::ConcernResolved
            | Action::ConcernDropped => matches!(self.step, Step::Concern(_)),
            _ => true,
        }
    }
}

impl App {
    /// Handles an action of the Walkthrough layer.
    pub(in crate::app) fn update_walkthrough(&mut self, action: Action) {
        let Some(w) = self.walkthrough.clone() else {
            self.overlay = Overlay::None;
            return;
        };
        if let Some(delta) = action.movement() {
            let count = self.step_option_count();
            if let Some(w) = self.walkthrough.as_mut() {
                w.cursor = step(w.cursor, delta, count);
            }
            return;
        }
        match action {
            Action::Open => self.choose_option(),
            Action::Toggle if w.step == Step::Decisions => self.toggle_decision(),
            Action::NextStep => self.next_step(),
            Action::PreviousStep => self.previous_step(),
            Action::Back => {
                self.leave_walkthrough();
                self.info(crate::i18n::t("walk.paused"));
            }
            Action::ExchangeYes if w.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::Yes);
            }
            Action::ExchangeNo if w.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::No);
            }
            Action::ExchangeUnknown if w.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::Unknown);
            }
            Action::ConcernOpen
            | Action::ConcernInProgress
            | Action::ConcernResolved
            | Action::ConcernDropped => {
                if let Step::Concern(id) = &w.step {
                    let status = match action {
                        Action::ConcernOpen => ConcernStatus::Open,
                        Action::ConcernInProgress => ConcernStatus::InProgress,
                        Action::ConcernResolved => ConcernStatus::Resolved,
                        _ => ConcernStatus::Dropped,
                    };
                    if matches!(status, ConcernStatus::Resolved | ConcernStatus::Dropped) {
                        self.open_concern_outcome(id, status);
                    } else {
                        self.decide_concern(id, status);
                        self.next_step();
                    }
                }
            }
            Action::LinkDecisions => {
                if let Step::Concern(id) = &w.step {
                    self.open_concern_links(id);
                }
            }
            Action::AddConcern => self.open_new_concern_editor(&w.conference),
            Action::Help => self.open_help(Layer::Walkthrough),
            _ => {}
        }
    }
}
