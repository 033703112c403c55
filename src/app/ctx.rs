//! `Ctx`: what a component may touch while it handles an action — the data,
//! undo, the selection (session and conference), the message line and today's
//! date — borrowed narrowly from the `App`, so a component cannot reach another
//! layer's state. What it wants of the layers around it (close, open the help
//! or a text field) it asks for with a `Request`, which the `App` carries out
//! once the component has returned.

use chrono::{DateTime, NaiveDate, Utc};

use super::undo::Snapshot;
use super::{Editor, History, Layer, Message};
use crate::domain::{Conference, Dataset, Session};

/// What a component asks of the layers around it.
#[derive(Debug)]
pub enum Request {
    /// Close the component's layer.
    Close,
    /// Open the help at the section of `Layer` (from the walkthrough's, Esc
    /// goes back to it).
    Help(Layer),
    /// Others' changes were merged in: the file no longer differs.
    Merged,
    /// Select session `u32` (the panes' cursors start again).
    Session(u32),
    /// Select the conference of this id (the panes' cursors start again).
    Conference(String),
    /// Put the main screen's Leitfrage cursor at this index.
    Question(usize),
    /// Hand `Action` to the walkthrough, if the field was open over it
    /// (Tab, ⇧Tab and Esc go on from a step's field).
    Walkthrough(super::Action),
    /// Concern `String` was decided: the walkthrough, at its step, goes on.
    Decided(String),
    /// A session was added and selected: back to the main screen.
    SessionAdded,
    /// Close the component's layer and forget where it stood (the
    /// walkthrough, once every conference is done).
    End,
    /// Select what a search hit or a gap of the review leads to.
    Jump(crate::search::Target),
    /// Open the walkthrough: at this step of the selected conference, or
    /// where it stood (`App::open_walkthrough`).
    OpenWalkthrough(Option<super::Step>),
    /// Open the layer that the `App` builds (the review, the search).
    Open(Layer),
    /// Open this overlay, built by the component.
    Overlay(super::Overlay),
    /// Open a text field over the component.
    Edit(Box<Editor>),
}

/// The layers whose components hold state of their own, borrowed apart
/// from the `Ctx`.
#[derive(Debug)]
pub(super) struct Layers<'a> {
    pub overlay: &'a mut super::Overlay,
    pub dialog: &'a mut Option<super::Dialog>,
    /// The open text field.
    pub editor: &'a mut Option<Editor>,
    /// Kept while closed, so it resumes where it stood.
    pub walkthrough: &'a mut Option<super::Walkthrough>,
    /// The main screen's panes.
    pub main: &'a mut super::Main,
}

/// The narrow borrow a component's `update` gets instead of the `App`.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// Read through it; change it through [`Ctx::data_mut`].
    pub data: &'a mut std::sync::Arc<Dataset>,
    pub history: &'a mut History,
    /// Number of the selected session.
    pub session: &'a mut u32,
    /// Index into `data.conferences` of the selected conference.
    pub conference: &'a mut usize,
    pub message: &'a mut Option<Message>,
    pub today: NaiveDate,
    /// The time of the event being handled, and who is working: the stamps
    /// of reports and of concerns' history.
    pub now: DateTime<Utc>,
    pub user: &'a str,
    /// The language of the handout, of the documents exported.
    pub handout_lang: crate::i18n::Lang,
    /// Why the data may not be changed, if it may not.
    pub(super) read_only: Option<&'a str>,
    pub(super) dirty: &'a mut bool,
    pub(super) revision: &'a mut u64,
    /// Asked for by the component, carried out by the `App` in order.
    pub(super) requests: Vec<Request>,
}

impl Ctx<'_> {
    /// The data to change (copied first only if another thread still reads it).
    pub fn data_mut(&mut self) -> &mut Dataset {
        std::sync::Arc::make_mut(self.data)
    }

    /// Asks for `request` once the component returns.
    pub fn request(&mut self, request: Request) {
        self.requests.push(request);
    }

    pub fn current_session(&self) -> Option<&Session> {
        self.data.session(*self.session)
    }

    pub fn selected_conference(&self) -> Option<&Conference> {
        self.data.conferences.get(*self.conference)
    }

    /// The id of the selected conference ("" when there is none).
    pub fn conference_id(&self) -> String {
        self.selected_conference()
            .map(|c| c.id.clone())
            .unwrap_or_default()
    }

    pub fn info(&mut self, text: impl Into<String>) {
        *self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        *self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Whether the data may be changed; says why not when it may not.
    pub fn check_writable(&mut self) -> bool {
        if let Some(reason) = self.read_only {
            let text = crate::i18n::tf("app.read-only", &[("reason", &reason)]);
            self.error(text);
            false
        } else {
            true
        }
    }

    /// Whether the current session's reporting may be prepared: the file is
    /// writable and the session has the standing item; says why not.
    pub fn check_preparable(&mut self) -> bool {
        let session = *self.session;
        if !Dataset::is_reporting_session(session) {
            self.error(crate::i18n::tf(
                "app.before-reporting",
                &[
                    ("session", &session),
                    ("first", &crate::domain::FIRST_REPORTING_SESSION),
                ],
            ));
            return false;
        }
        self.check_writable()
    }

    /// The data changed: unsaved, and the recovery file is due.
    pub fn mark_changed(&mut self) {
        self.history.changed();
        *self.dirty = true;
        *self.revision += 1;
    }

    /// Changes the selected session, undoably; whether it changed.
    pub fn change_session(&mut self, label: &str, change: impl FnOnce(&mut Session)) -> bool {
        if !self.check_writable() {
            return false;
        }
        let number = *self.session;
        let before = Snapshot::Session {
            number,
            session: self.data.session(number).cloned(),
        };
        let Some(session) = self.data_mut().session_mut(number) else {
            return false;
        };
        let old = session.clone();
        change(session);
        if *session == old {
            return false;
        }
        self.history.record(label, vec![before]);
        self.mark_changed();
        true
    }

    /// Records the catalog lists (decisions, assignments, people) for undo.
    pub fn record_catalog(&mut self, label: &str) {
        let snapshot = Snapshot::Catalog {
            decisions: self.data.decisions.clone(),
            assignments: self.data.assignments.clone(),
            people: self.data.people.clone(),
        };
        self.history.record(label, vec![snapshot]);
    }
}

impl super::App {
    /// The overlay, and a `Ctx` on the rest of the app: what a component in
    /// the overlay handles an action with.
    pub(super) fn overlay_and_ctx(&mut self) -> (&mut super::Overlay, Ctx<'_>) {
        let (layers, ctx) = self.split();
        (layers.overlay, ctx)
    }

    /// The components' layers, and a `Ctx` on the rest of the app.
    pub(super) fn split(&mut self) -> (Layers<'_>, Ctx<'_>) {
        let Self {
            data,
            history,
            session,
            conference,
            message,
            today,
            now,
            user,
            handout_lang,
            read_only,
            dirty,
            revision,
            overlay,
            dialog,
            editor,
            walkthrough,
            main,
            ..
        } = self;
        let ctx = Ctx {
            data,
            history,
            session,
            conference,
            message,
            today: *today,
            now: *now,
            user,
            handout_lang: *handout_lang,
            read_only: read_only.as_deref(),
            dirty,
            revision,
            requests: Vec::new(),
        };
        (
            Layers {
                overlay,
                dialog,
                editor,
                walkthrough,
                main,
            },
            ctx,
        )
    }

    /// A `Ctx` on the app, for changes made outside a component.
    pub(super) fn ctx(&mut self) -> Ctx<'_> {
        self.overlay_and_ctx().1
    }

    /// Carries out, in order, what the component of `layer` asked for.
    pub(super) fn carry_out(&mut self, layer: Layer, requests: Vec<Request>) {
        for request in requests {
            match request {
                Request::Close if layer == Layer::Dialog => self.dialog = None,
                Request::Close if layer == Layer::Search => self.close_search(),
                Request::Close if layer == Layer::Editor => self.editor = None,
                Request::Close | Request::End if layer == Layer::Walkthrough => {
                    self.editor = None;
                    self.overlay = super::Overlay::None;
                    if matches!(request, Request::End) {
                        self.walkthrough = None;
                    }
                }
                Request::Close if layer == Layer::Help => self.close_help(),
                Request::Close | Request::End => self.overlay = super::Overlay::None,
                Request::Merged => self.external_change = false,
                Request::Help(layer) => self.open_help(layer),
                Request::Jump(target) => {
                    let (layers, mut ctx) = self.split();
                    layers.main.jump_to(&target, &mut ctx);
                }
                Request::Session(number) => {
                    self.session = number;
                    self.main.concern = 0;
                }
                Request::OpenWalkthrough(at) => self.open_walkthrough(at),
                Request::Open(Layer::Review) => self.open_review(),
                Request::Open(Layer::Search) => self.open_search(),
                Request::Open(_) => {}
                Request::Overlay(overlay) => self.overlay = overlay,
                Request::Conference(id) => {
                    let (layers, mut ctx) = self.split();
                    layers.main.select_conference(&id, &mut ctx);
                }
                Request::Question(index) => self.main.question = index,
                Request::Walkthrough(action) => {
                    if matches!(self.overlay, super::Overlay::Walkthrough) {
                        self.with_walkthrough(|w, ctx| {
                            w.update(action, ctx);
                        });
                    }
                }
                Request::Decided(id) => {
                    let at_it = self
                        .walkthrough
                        .as_ref()
                        .is_some_and(|w| w.step == super::Step::Concern(id));
                    if at_it && matches!(self.overlay, super::Overlay::Walkthrough) {
                        self.with_walkthrough(super::Walkthrough::next_step);
                    }
                }
                Request::SessionAdded => {
                    self.walkthrough = None;
                    self.overlay = super::Overlay::None;
                }
                Request::Edit(editor) => self.editor = Some(*editor),
            }
        }
    }
}
