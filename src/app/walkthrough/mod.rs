//! The Walkthrough component (Durchgang): one conference after another, step
//! by step — exchange → each Leitfrage → each open concern → new concerns →
//! decisions → presenter → ready. The steps are derived from the data, so
//! "step k of n" is always true. It can be left at any step and resumed there
//! (the `App` keeps it while closed). Its state and `update` here, the steps
//! in `steps.rs`, the choices in `choices.rs`, its keys in `keys.rs`, its
//! drawing in `ui/walkthrough.rs`.

mod choices;
pub(super) mod keys;
mod steps;

pub(super) use choices::mark_ready;
pub use choices::{decision_options, presenter_options};
pub use steps::{previous_report, steps};

use super::editor::fields;
use super::update::step;
use super::{Action, Ctx, Effect, Layer, Request};
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

impl Walkthrough {
    /// `e` at a Leitfrage or a concern: the field of its answer or details
    /// (the main screen's Leitfrage cursor goes along), which the `App` then
    /// hands to the user's editor.
    fn open_long_text(&self, ctx: &mut Ctx) {
        let field = match &self.step {
            Step::Question(question) if ctx.check_writable() => {
                fields::answer(ctx, &self.conference, question).map(|(number, field)| {
                    ctx.request(Request::Question(number));
                    field
                })
            }
            Step::Concern(id) if ctx.check_writable() => Some(fields::concern_details(
                ctx.data,
                id,
                crate::i18n::t("editor.esc-done"),
            )),
            _ => None,
        };
        if let Some(field) = field {
            ctx.request(Request::Edit(Box::new(field)));
        }
    }

    /// Handles an action of the Walkthrough layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let count = self.option_count(ctx);
        // Its choices are all shown: a page is all of them.
        let page = isize::try_from(count).unwrap_or(isize::MAX);
        if let Some(delta) = action.movement(page) {
            self.cursor = step(self.cursor, delta, count);
            return Vec::new();
        }
        match action {
            Action::Open => self.choose_option(ctx),
            Action::Toggle if self.step == Step::Decisions => self.toggle_decision(ctx),
            Action::NextStep => self.next_step(ctx),
            Action::ExternalEditor => self.open_long_text(ctx),
            Action::PreviousStep => self.previous_step(ctx),
            Action::Back => {
                ctx.request(Request::Close);
                ctx.info(crate::i18n::t("walk.paused"));
            }
            Action::ExchangeYes if self.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::Yes, ctx);
            }
            Action::ExchangeNo if self.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::No, ctx);
            }
            Action::ExchangeUnknown if self.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::Unknown, ctx);
            }
            Action::ConcernOpen
            | Action::ConcernInProgress
            | Action::ConcernResolved
            | Action::ConcernDropped => {
                if let Step::Concern(id) = self.step.clone() {
                    let status = match action {
                        Action::ConcernOpen => ConcernStatus::Open,
                        Action::ConcernInProgress => ConcernStatus::InProgress,
                        Action::ConcernResolved => ConcernStatus::Resolved,
                        _ => ConcernStatus::Dropped,
                    };
                    self.decide(&id, status, ctx);
                }
            }
            Action::LinkDecisions => {
                if let Step::Concern(id) = &self.step {
                    let field = fields::concern_links(ctx, id);
                    edit(ctx, field);
                }
            }
            Action::AddConcern => {
                let field = fields::new_concern(ctx, &self.conference);
                edit(ctx, field);
            }
            Action::Help => ctx.request(Request::Help(Layer::Walkthrough)),
            _ => {}
        }
        Vec::new()
    }

    /// Decides the concern of this step: open and in progress at once and on
    /// to the next step; resolved and dropped after asking what came of it.
    fn decide(&mut self, id: &str, status: ConcernStatus, ctx: &mut Ctx) {
        if matches!(status, ConcernStatus::Resolved | ConcernStatus::Dropped) {
            let field = fields::concern_outcome(ctx, id, status);
            edit(ctx, field);
        } else {
            ctx.decide_concern(id, status);
            self.next_step(ctx);
        }
    }
}

/// Opens `field`, if there is one, over the walkthrough.
fn edit(ctx: &mut Ctx, field: Option<super::Editor>) {
    if let Some(field) = field {
        ctx.request(Request::Edit(Box::new(field)));
    }
}

impl super::App {
    /// Opens the walkthrough of the selected conference at `at`, or, without
    /// `at`, where it stood when it is the selected session's, else at the
    /// start of the selected conference.
    pub(super) fn open_walkthrough(&mut self, at: Option<Step>) {
        if !self.split().1.check_preparable() {
            return;
        }
        // One paused on another conference waits; one paused here goes on.
        self.take_up_paused_walkthrough();
        let conference = self.conference_id();
        let (layers, mut ctx) = self.split();
        let kept = layers
            .walkthrough
            .as_ref()
            .filter(|w| w.session == *ctx.session)
            .cloned();
        let opened = match (at, kept) {
            (Some(step), _) => Walkthrough::start(&mut ctx, &conference, step),
            (None, Some(mut w)) => {
                ctx.request(Request::Conference(w.conference.clone()));
                let step = w.step.clone();
                w.enter(step, &mut ctx);
                Some(w)
            }
            (None, None) => Walkthrough::begin(&mut ctx, &conference),
        };
        if opened.is_some() {
            *layers.walkthrough = opened;
            *layers.overlay = super::Overlay::Walkthrough;
        }
        let requests = std::mem::take(&mut ctx.requests);
        self.carry_out(Layer::Walkthrough, requests);
    }

    /// Lends the kept walkthrough, if there is one, and a `Ctx` to `f`; then
    /// carries out what it asked for.
    pub(super) fn with_walkthrough(&mut self, f: impl FnOnce(&mut Walkthrough, &mut Ctx)) {
        let (layers, mut ctx) = self.split();
        if let Some(w) = layers.walkthrough.as_mut() {
            f(w, &mut ctx);
        }
        let requests = std::mem::take(&mut ctx.requests);
        self.carry_out(Layer::Walkthrough, requests);
    }
}
