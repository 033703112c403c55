//! The View component's debrief (the list of conferences, then one
//! conference's choices) and the text fields the views open.

use super::super::update::step;
use super::super::{Action, Ctx, EditTarget, Editor, Listed, Request};
use super::View;

/// The debrief after `action`: on the list of conferences (`conference` is
/// `None`) or on one conference's decisions to present.
pub(super) fn update(
    conference: Option<String>,
    (cursor, list): (usize, Listed),
    action: Action,
    delta: isize,
    ctx: &mut Ctx,
) -> View {
    let session = *ctx.session;
    let Some(id) = conference else {
        let cursor = step(cursor, delta, ctx.data.conferences.len());
        match action {
            Action::Open => {
                let id = ctx.data.conferences.get(cursor).map(|c| c.id.clone());
                if let Some(id) = id {
                    *ctx.conference = cursor;
                    return View::Debrief {
                        conference: Some(id),
                        cursor: 0,
                        list: Listed::default(),
                    };
                }
            }
            Action::AddItem => open_new_decision(ctx),
            Action::MarkHeld => open_debrief_held(ctx),
            _ => {}
        }
        return View::Debrief {
            conference: None,
            cursor,
            list,
        };
    };
    let decisions: Vec<String> = ctx
        .data
        .decisions_of_session(session)
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let cursor = step(cursor, delta, decisions.len());
    match action {
        Action::Open | Action::Toggle => {
            if let Some(d) = decisions.get(cursor) {
                toggle_presented(ctx, &id, d);
            }
        }
        Action::EditNotes => {
            let notes = ctx
                .current_session()
                .and_then(|s| s.debrief.as_ref())
                .and_then(|d| d.items.get(&id))
                .and_then(|i| i.notes.clone())
                .unwrap_or_default();
            let target = EditTarget::DebriefNotes {
                session,
                conference: id.clone(),
            };
            ctx.request(Request::Edit(Box::new(Editor::new(
                target,
                crate::i18n::tf("views.debrief-note-title", &[("id", &id)]),
                &notes,
            ))));
        }
        Action::AddItem => {
            let target = EditTarget::FollowUp {
                session,
                conference: id.clone(),
            };
            let genitive = ctx
                .data
                .article_at(&id, session, crate::domain::Case::Genitive);
            ctx.request(Request::Edit(Box::new(Editor::new(
                target,
                crate::i18n::tf("views.follow-up-title", &[("id", &id), ("gen", &genitive)]),
                "",
            ))));
        }
        Action::MarkHeld => open_debrief_held(ctx),
        _ => {}
    }
    View::Debrief {
        conference: Some(id),
        cursor,
        list,
    }
}

fn toggle_presented(ctx: &mut Ctx, conference: &str, decision: &str) {
    ctx.change_session(crate::i18n::t("undo.debrief"), |s| {
        let item = s
            .debrief_mut()
            .items
            .entry(conference.to_owned())
            .or_default();
        if let Some(at) = item.present.iter().position(|d| d == decision) {
            item.present.remove(at);
        } else {
            item.present.push(decision.to_owned());
            item.present.sort();
        }
    });
}

pub(super) fn open_new_decision(ctx: &mut Ctx) {
    if ctx.check_writable() {
        let session = *ctx.session;
        let title = crate::i18n::tf("views.new-decision", &[("session", &session)]);
        ctx.request(Request::Edit(Box::new(Editor::new(
            EditTarget::NewDecision { session },
            title,
            "",
        ))));
    }
}

fn open_debrief_held(ctx: &mut Ctx) {
    let Some(s) = ctx.current_session() else {
        return;
    };
    let date = s
        .debrief
        .as_ref()
        .and_then(|d| d.held_on)
        .unwrap_or(s.debrief_date.min(ctx.today))
        .format("%d.%m.%Y")
        .to_string();
    let target = EditTarget::DebriefHeld {
        session: *ctx.session,
    };
    ctx.request(Request::Edit(Box::new(Editor::new(
        target,
        crate::i18n::t("views.debrief-held-on"),
        &date,
    ))));
}

pub(super) fn open_new_assignment(ctx: &mut Ctx) {
    if ctx.check_writable() {
        let conference = ctx.conference_id();
        let title = crate::i18n::tf("views.new-assignment", &[("conference", &conference)]);
        ctx.request(Request::Edit(Box::new(Editor::new(
            EditTarget::AssignDecision { conference },
            title,
            "",
        ))));
    }
}
