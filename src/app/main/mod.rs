//! The Main component: the four panes of the main screen — which has the
//! focus, the cursor in each, the rows each showed when last drawn — and
//! where a search hit or a gap of the review leads. Its keys are in
//! `keys.rs`, its drawing in `ui/mod.rs` (`Main::render`) and a file per pane.
//! The selected session and conference are the `Ctx`'s selection.

mod click;
mod jump;
pub(in crate::app) mod keys;

use std::cell::Cell;

use crate::app::editor::fields;
use crate::app::update::step;
use crate::app::{Action, Ctx, Effect, Help, Layer, Overlay, Pane, Request, Step, View};
use crate::domain::{Concern, ConcernStatus, Dataset};

/// The main screen's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Main {
    pub focus: Pane,
    pub speaker: usize,
    pub concern: usize,
    pub question: usize,
    /// How many items each pane (in `Pane::ALL` order) showed when last
    /// drawn: PageUp and PageDown move by that.
    page: Cell<[usize; 4]>,
    /// The first item each list showed when last drawn: kept, so a list
    /// scrolls only as far as its cursor needs.
    offset: Cell<[usize; 4]>,
}

impl Main {
    /// Handles an action of the Main layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let conference = ctx.conference_id();
        if let Some(delta) = action.movement(self.page(self.focus)) {
            self.move_selection(delta, ctx);
            return Vec::new();
        }
        match action {
            Action::NextPane => self.focus = self.focus.next(),
            Action::PreviousPane => self.focus = self.focus.previous(),
            Action::Open => self.open_selected(ctx),
            Action::Walkthrough => ctx.request(Request::OpenWalkthrough(None)),
            Action::NoExchange if ctx.set_exchange(&conference, crate::domain::Exchange::No) => {
                ctx.info(crate::i18n::tf(
                    "app.no-exchange",
                    &[("conference", &conference)],
                ));
            }
            Action::MarkReady => {
                let status = ctx.current_session().map(|s| s.status_of(&conference));
                // No exchange, no report: there is nothing to mark ready.
                if status == Some(crate::domain::ReportStatus::NoReport) {
                    ctx.info(crate::i18n::tf(
                        "app.no-report-to-ready",
                        &[("conference", &conference)],
                    ));
                } else {
                    let ready = status == Some(crate::domain::ReportStatus::Ready);
                    crate::app::walkthrough::mark_ready(ctx, &conference, !ready);
                }
            }
            Action::AddConcern => edit(ctx, fields::new_concern),
            Action::ConcernOpen => self.decide_selected_concern(ConcernStatus::Open, ctx),
            Action::ConcernInProgress => {
                self.decide_selected_concern(ConcernStatus::InProgress, ctx);
            }
            Action::ConcernResolved => self.decide_selected_concern(ConcernStatus::Resolved, ctx),
            Action::ConcernDropped => self.decide_selected_concern(ConcernStatus::Dropped, ctx),
            Action::LinkDecisions => {
                if self.focus == Pane::Concerns {
                    match self.selected_concern(ctx) {
                        Some(id) => edit(ctx, |ctx, _| fields::concern_links(ctx, &id)),
                        None => ctx.info(crate::i18n::t("main.no-concern")),
                    }
                } else {
                    ctx.info(crate::i18n::t("main.concerns-pane-first"));
                }
            }
            Action::Review => ctx.request(Request::Open(Layer::Review)),
            Action::Sessions => {
                let sessions = crate::app::Sessions::open(ctx);
                ctx.request(Request::Overlay(Overlay::Sessions(sessions)));
            }
            Action::NewSession => {
                if let Some(field) = crate::app::sessions::new_session_field(ctx) {
                    ctx.request(Request::Edit(Box::new(field)));
                }
            }
            Action::Search => ctx.request(Request::Open(Layer::Search)),
            Action::Help => ctx.request(Request::Help(Layer::Main)),
            Action::Reference => ctx.request(Request::Overlay(Overlay::Help(Help::reference()))),
            Action::MergeOthers => return vec![Effect::MergeFromDisk],
            Action::ExternalEditor => self.open_long_text(ctx),
            Action::Debrief
            | Action::Decisions
            | Action::History
            | Action::Changes
            | Action::Assignments => {
                if let Some(view) = View::open(action, ctx) {
                    ctx.request(Request::Overlay(Overlay::View(view)));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// `e`: the field of the answer or the concern under the cursor, which
    /// the `App` then hands to the user's editor.
    fn open_long_text(&self, ctx: &mut Ctx) {
        let field = match self.focus {
            Pane::Questions => {
                let conference = ctx.conference_id();
                let question = ctx.data.guiding_questions.get(self.question);
                let question = question.map(|q| q.id.clone());
                question
                    .filter(|_| ctx.check_writable())
                    .and_then(|q| fields::answer(ctx, &conference, &q))
                    .map(|(_, field)| field)
            }
            Pane::Concerns => self
                .selected_concern(ctx)
                .filter(|_| ctx.check_writable())
                .map(|id| {
                    fields::concern_details(ctx.data, &id, crate::i18n::t("editor.esc-done"))
                }),
            Pane::Conferences | Pane::Speakers => None,
        };
        if let Some(field) = field {
            ctx.request(Request::Edit(Box::new(field)));
        }
    }

    /// Items a page of `pane` holds, as last drawn (at least one).
    fn page(&self, pane: Pane) -> isize {
        let shown = self.page.get()[pane_index(pane)].max(1);
        isize::try_from(shown).unwrap_or(isize::MAX)
    }

    /// Called by the drawing: `pane` shows `items` at a time.
    pub fn drawn(&self, pane: Pane, items: usize) {
        let mut shown = self.page.get();
        shown[pane_index(pane)] = items;
        self.page.set(shown);
    }

    /// The first item `pane`'s list showed when last drawn.
    pub fn offset(&self, pane: Pane) -> usize {
        self.offset.get()[pane_index(pane)]
    }

    /// Called by the drawing: `pane`'s list starts at item `offset`.
    pub fn listed(&self, pane: Pane, offset: usize) {
        let mut first = self.offset.get();
        first[pane_index(pane)] = offset;
        self.offset.set(first);
    }

    /// The id of the concern under the cursor.
    fn selected_concern(&self, ctx: &Ctx) -> Option<String> {
        visible_concerns(ctx.data, *ctx.session, &ctx.conference_id())
            .get(self.concern)
            .map(|c| c.id.clone())
    }

    fn decide_selected_concern(&mut self, status: ConcernStatus, ctx: &mut Ctx) {
        if self.focus != Pane::Concerns {
            ctx.info(crate::i18n::t("main.concerns-pane-first"));
            return;
        }
        match self.selected_concern(ctx) {
            Some(id) if matches!(status, ConcernStatus::Resolved | ConcernStatus::Dropped) => {
                edit(ctx, |ctx, _| fields::concern_outcome(ctx, &id, status));
            }
            Some(id) => {
                ctx.decide_concern(&id, status);
                let count = visible_concerns(ctx.data, *ctx.session, &ctx.conference_id()).len();
                self.concern = self.concern.min(count.saturating_sub(1));
            }
            None => ctx.info(crate::i18n::t("main.no-concern")),
        }
    }

    /// Moves the focused pane's selection, clamped to its list.
    pub fn move_selection(&mut self, delta: isize, ctx: &mut Ctx) {
        let id = ctx.conference_id();
        let (cursor, len) = match self.focus {
            Pane::Conferences => (&mut *ctx.conference, ctx.data.conferences.len()),
            Pane::Speakers => {
                let n = ctx.data.speakers_at(&id, *ctx.session).people.len();
                (&mut self.speaker, n)
            }
            Pane::Concerns => {
                let n = visible_concerns(ctx.data, *ctx.session, &id).len();
                (&mut self.concern, n)
            }
            Pane::Questions => (&mut self.question, ctx.data.guiding_questions.len()),
        };
        let before = *cursor;
        *cursor = step(*cursor, delta, len);
        if self.focus == Pane::Conferences && before != *ctx.conference {
            self.restart();
        }
    }

    /// The cursors of the panes beside the conferences start again.
    pub fn restart(&mut self) {
        self.speaker = 0;
        self.concern = 0;
        self.question = 0;
        self.offset.set([self.offset(Pane::Conferences), 0, 0, 0]);
    }

    fn open_selected(&mut self, ctx: &mut Ctx) {
        let conference = ctx.conference_id();
        match self.focus {
            Pane::Conferences => ctx.request(Request::OpenWalkthrough(None)),
            Pane::Speakers => ctx.request(Request::OpenWalkthrough(Some(Step::Presenter))),
            Pane::Concerns => match self.selected_concern(ctx) {
                Some(id) => edit(ctx, |ctx, _| fields::concern_title(ctx, &id)),
                None => edit(ctx, fields::new_concern),
            },
            Pane::Questions => {
                let question = ctx
                    .data
                    .guiding_questions
                    .get(self.question)
                    .map(|q| q.id.clone());
                if ctx.check_writable()
                    && let Some(question) = question
                    && let Some((number, field)) = fields::answer(ctx, &conference, &question)
                {
                    self.question = number;
                    ctx.request(Request::Edit(Box::new(field)));
                }
            }
        }
    }
}

/// Opens the field `open` builds for the selected conference, if it builds one.
fn edit(ctx: &mut Ctx, open: impl FnOnce(&mut Ctx, &str) -> Option<crate::app::Editor>) {
    let conference = ctx.conference_id();
    if let Some(field) = open(ctx, &conference) {
        ctx.request(Request::Edit(Box::new(field)));
    }
}

fn pane_index(pane: Pane) -> usize {
    Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0)
}

/// The concerns shown for `conference` at `session`: active ones raised up
/// to this session, oldest first.
pub fn visible_concerns<'a>(data: &'a Dataset, session: u32, conference: &str) -> Vec<&'a Concern> {
    let mut list: Vec<&Concern> = data
        .concerns
        .iter()
        .filter(|c| c.conference == conference && c.status.is_active() && c.raised_in <= session)
        .collect();
    list.sort_by_key(|c| c.raised_in);
    list
}
