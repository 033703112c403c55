//! Where a search hit or a gap of the review leads: the conference, pane and
//! item selected on the main screen.

use super::{Main, visible_concerns};
use crate::app::editor::fields;
use crate::app::recovered::Place;
use crate::app::{Ctx, Editor, Pane};
use crate::search::Target;

impl Main {
    /// Selects the conference `id`, if it exists; the other panes' cursors
    /// start again.
    pub fn select_conference(&mut self, id: &str, ctx: &mut Ctx) {
        if let Some(i) = ctx.data.conferences.iter().position(|c| c.id == id) {
            *ctx.conference = i;
            self.restart();
        }
    }

    /// Selects the conference, pane and item `target` leads to.
    pub fn jump_to(&mut self, target: &Target, ctx: &mut Ctx) {
        match target {
            Target::Conference(id) => {
                self.select_conference(id, ctx);
                self.focus = Pane::Conferences;
            }
            Target::Person { conference } => match conference {
                Some(id) => {
                    self.select_conference(id, ctx);
                    self.focus = Pane::Speakers;
                }
                None => ctx.info(crate::i18n::t("search.person-speaks-for-none")),
            },
            Target::Concern { conference, id } => {
                self.select_conference(conference, ctx);
                self.focus = Pane::Concerns;
                let shown = visible_concerns(ctx.data, *ctx.session, &ctx.conference_id());
                match shown.iter().position(|c| c.id == *id) {
                    Some(i) => self.concern = i,
                    None => ctx.info(crate::i18n::tf("search.concern-not-open", &[("id", &id)])),
                }
            }
            Target::Decision { id, conference } => {
                if let Some(c) = conference {
                    self.select_conference(c, ctx);
                }
                self.focus = Pane::Conferences;
                if let Some(d) = ctx.data.decision(id) {
                    let text = crate::i18n::tf(
                        "search.decision",
                        &[
                            ("id", &d.id),
                            ("text", &d.summary.as_deref().unwrap_or(&d.title)),
                        ],
                    );
                    ctx.info(text);
                }
            }
            Target::Answer {
                session,
                conference,
                question,
            } => {
                *ctx.session = *session;
                self.select_conference(conference, ctx);
                self.focus = Pane::Questions;
                self.question = ctx
                    .data
                    .guiding_questions
                    .iter()
                    .position(|q| q.id == *question)
                    .unwrap_or(0);
            }
        }
    }

    /// Recovered work at `place` (of the selected session): its conference
    /// and Leitfrage or concern selected; the field to open again.
    pub(in crate::app) fn recover_at(&mut self, place: &Place, ctx: &mut Ctx) -> Option<Editor> {
        if let Some(conference) = &place.conference {
            self.select_conference(conference, ctx);
        }
        if let Some(question) = &place.question {
            let conference = ctx.conference_id();
            let (number, field) = fields::answer(ctx, &conference, question)?;
            self.question = number;
            self.focus = Pane::Questions;
            Some(field)
        } else {
            let id = place.concern.as_ref()?;
            let shown = visible_concerns(ctx.data, *ctx.session, &ctx.conference_id());
            if let Some(i) = shown.iter().position(|c| &c.id == id) {
                self.concern = i;
                self.focus = Pane::Concerns;
            }
            let hint = crate::i18n::t("editor.esc-done");
            Some(fields::concern_details(ctx.data, id, hint))
        }
    }
}
