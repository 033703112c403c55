//! The Sessions component: all sessions, newest first, with their progress;
//! Enter selects one, `n` opens the field for a new one. Its keys are in
//! `keys.rs`, its drawing in `ui/sessions.rs`.

pub(super) mod keys;

use super::update::step;
use super::{Action, Ctx, EditTarget, Editor, Effect, Listed, Request};

/// The open list of sessions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sessions {
    /// Index into the sessions, newest first.
    pub cursor: usize,
    /// The first row the list showed when last drawn, and how many.
    pub list: Listed,
}

impl Sessions {
    /// The list, at the selected session.
    pub fn open(ctx: &Ctx) -> Self {
        let cursor = ctx
            .data
            .sessions
            .iter()
            .rev()
            .position(|s| s.number == *ctx.session)
            .unwrap_or(0);
        Self {
            cursor,
            list: Listed::default(),
        }
    }

    /// Handles an action of the Sessions layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let count = ctx.data.sessions.len();
        if let Some(delta) = action.movement(self.list.page()) {
            self.cursor = step(self.cursor, delta, count);
            return Vec::new();
        }
        match action {
            Action::Open => {
                let chosen = ctx.data.sessions.iter().rev().nth(self.cursor);
                if let Some(number) = chosen.map(|s| s.number) {
                    ctx.request(Request::Close);
                    ctx.request(Request::Session(number));
                    ctx.info(crate::i18n::tf("sessions.chosen", &[("number", &number)]));
                }
            }
            Action::NewSession => {
                if let Some(field) = new_session_field(ctx) {
                    ctx.request(Request::Edit(Box::new(field)));
                }
            }
            Action::Back => ctx.request(Request::Close),
            _ => {}
        }
        Vec::new()
    }
}

/// The field for a new session's date, if the data may be changed.
pub(super) fn new_session_field(ctx: &mut Ctx) -> Option<Editor> {
    if !ctx.check_writable() {
        return None;
    }
    let number = ctx.data.next_session_number();
    Some(Editor::new(
        EditTarget::SessionDate,
        crate::i18n::tf("editor.session-date", &[("number", &number)]),
        "",
    ))
}
