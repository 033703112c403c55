//! The text fields a component opens over itself, built from the data it
//! borrows (`Ctx`): `None` where the data may not be changed (and the message
//! line says why) or what the field is for does not exist.

use super::{EditTarget, Editor};
use crate::app::Ctx;
use crate::domain::{ConcernStatus, Dataset};

/// The title of a new concern of `conference`.
pub fn new_concern(ctx: &mut Ctx, conference: &str) -> Option<Editor> {
    if !ctx.check_writable() {
        return None;
    }
    let target = EditTarget::NewConcern {
        conference: conference.to_owned(),
    };
    let article = ctx
        .data
        .article_at(conference, *ctx.session, crate::domain::Case::Genitive);
    Some(Editor::new(
        target,
        crate::i18n::tf(
            "walk.new-concern-title",
            &[("conference", &conference), ("gen", &article)],
        ),
        "",
    ))
}

/// The title of concern `id`.
pub fn concern_title(ctx: &mut Ctx, id: &str) -> Option<Editor> {
    if !ctx.check_writable() {
        return None;
    }
    let concern = ctx.data.concerns.iter().find(|c| c.id == id)?;
    Some(Editor::new(
        EditTarget::ConcernTitle { id: id.to_owned() },
        crate::i18n::tf("walk.concern-title", &[("id", &id)]),
        &concern.title,
    ))
}

/// What came of a concern, asked before closing it as `status`.
pub fn concern_outcome(ctx: &mut Ctx, id: &str, status: ConcernStatus) -> Option<Editor> {
    if !ctx.check_preparable() {
        return None;
    }
    let word = if status == ConcernStatus::Resolved {
        crate::i18n::t("walk.resolved")
    } else {
        crate::i18n::t("walk.dropped")
    };
    Some(Editor::new(
        EditTarget::ConcernOutcome {
            id: id.to_owned(),
            status,
        },
        crate::i18n::tf("concerns.outcome-title", &[("id", &id), ("status", &word)]),
        "",
    ))
}

/// The Beschlüsse a concern is linked to, filled with the present ones.
pub fn concern_links(ctx: &mut Ctx, id: &str) -> Option<Editor> {
    if !ctx.check_preparable() {
        return None;
    }
    let concern = ctx.data.concerns.iter().find(|c| c.id == id)?;
    let present = concern.decisions.join(", ");
    Some(Editor::new(
        EditTarget::ConcernDecisions { id: id.to_owned() },
        crate::i18n::tf("concerns.links-title", &[("id", &id)]),
        &present,
    ))
}

/// The answer of `conference` to `question` in the selected session, with
/// last session's answer beside it; and the Leitfrage's index.
pub fn answer(ctx: &Ctx, conference: &str, question: &str) -> Option<(usize, Editor)> {
    let (number, q) = ctx
        .data
        .guiding_questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.id == question)?;
    let current = ctx
        .current_session()
        .and_then(|s| s.report(conference))
        .and_then(|r| r.answers.get(question))
        .cloned()
        .unwrap_or_default();
    let target = EditTarget::Answer {
        session: *ctx.session,
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
    if let Some(previous) = ctx.data.previous_session(*ctx.session) {
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
    Some((number, editor))
}

/// The description of concern `id`; `hint` says how to leave it.
pub fn concern_details(data: &Dataset, id: &str, hint: &str) -> Editor {
    let details = data
        .concerns
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.details.clone())
        .unwrap_or_default();
    Editor::new(
        EditTarget::ConcernDetails { id: id.to_owned() },
        crate::i18n::tf(
            "editor.concern-description",
            &[("id", &id), ("hint", &hint)],
        ),
        &details,
    )
}

/// The conferences a new Beschluss concerns, filled with `default`.
pub fn decision_conferences(id: &str, default: &str) -> Editor {
    Editor::new(
        EditTarget::DecisionConferences { id: id.to_owned() },
        crate::i18n::tf("concerns.decision-conferences-title", &[("id", &id)]),
        default,
    )
}
