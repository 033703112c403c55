//! The Editor component's `update`: typing goes to the field (`App::handle_key`);
//! leaving it commits the text; Enter confirms one-line fields and moves forms
//! (new session, export) on. What follows a field — closing it, the next field
//! of a form, the walkthrough's next step — it asks for with `Ctx::request`.

use chrono::NaiveDate;

use super::{EditTarget, Editor, fields};
use crate::app::{Action, Ctx, Effect, Request};
use crate::domain::Session;

impl Editor {
    /// Handles an action of the Editor layer (the keys it offers: `App::offers`).
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let multiline = self.target.is_multiline();
        match action {
            Action::Open if multiline => self.text.insert_newline(),
            Action::Open | Action::NextStep if !multiline => return self.confirm(ctx),
            Action::NextStep | Action::PreviousStep => self.leave_then(action, ctx),
            // Esc in a step's answer pauses the walkthrough too.
            Action::Back if matches!(self.target, EditTarget::Answer { .. }) => {
                self.leave_then(action, ctx);
            }
            Action::Back => {
                self.leave(ctx);
            }
            _ => {}
        }
        Vec::new()
    }

    /// Leaves the field; then the walkthrough under it, if any, takes `action`.
    fn leave_then(&mut self, action: Action, ctx: &mut Ctx) {
        if self.leave(ctx) {
            ctx.request(Request::Walkthrough(action));
        }
    }

    /// Commits the text and closes the field, unless the text will not do.
    fn leave(&mut self, ctx: &mut Ctx) -> bool {
        let taken = self.commit(ctx);
        if taken {
            ctx.request(Request::Close);
        }
        taken
    }

    /// Stores the field's text in the data. Returns false (and says why in
    /// the field) when the text is not valid for the field.
    pub fn commit(&mut self, ctx: &mut Ctx) -> bool {
        let text = self.content();
        match &self.target {
            EditTarget::Answer {
                session,
                conference,
                question,
            } if *session == *ctx.session => {
                ctx.set_answer(conference, question, &text);
            }
            EditTarget::ConcernTitle { id } => {
                if text.trim().is_empty() {
                    self.error = Some(crate::i18n::t("editor.title-empty").into());
                    return false;
                }
                ctx.change_concern(id, crate::i18n::t("undo.title"), None, |c| {
                    text.trim().clone_into(&mut c.title);
                });
            }
            EditTarget::ConcernDetails { id } => {
                let details = (!text.trim().is_empty()).then(|| text.clone());
                ctx.change_concern(id, crate::i18n::t("undo.description"), None, |c| {
                    c.details = details;
                });
            }
            EditTarget::Guest { conference, .. } if !text.trim().is_empty() => {
                let name = text.trim().to_owned();
                ctx.change_report(conference, crate::i18n::t("undo.presenter"), |r| {
                    r.presenter = Some(name);
                });
            }
            EditTarget::DebriefNotes { .. }
            | EditTarget::AgendaItem { .. }
            | EditTarget::Proposal { .. } => {
                crate::app::view::forms::commit_field(ctx, &self.target, &text);
            }
            // Forms are only taken on Enter; leaving them otherwise cancels.
            _ => {}
        }
        true
    }

    /// Enter in a one-line field: take it and go on with what follows. When
    /// the text will not do, the field stays open and says why.
    fn confirm(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let text = self.content();
        let target = self.target.clone();
        let outcome = match &target {
            EditTarget::NewConcern { conference } => confirm_new_concern(ctx, conference, &text),
            EditTarget::ConcernTitle { id } => {
                if self.leave(ctx) {
                    let hint = crate::i18n::t("editor.esc-done");
                    let field = fields::concern_details(ctx.data, id, hint);
                    ctx.request(Request::Edit(Box::new(field)));
                }
                Ok(Vec::new())
            }
            EditTarget::Guest { .. } => {
                if text.trim().is_empty() {
                    Err(crate::i18n::t("editor.name-please").to_owned())
                } else {
                    self.leave(ctx);
                    ctx.request(Request::Walkthrough(Action::NextStep));
                    Ok(Vec::new())
                }
            }
            EditTarget::SaveAsPath => {
                if text.trim().is_empty() {
                    Err(crate::i18n::t("editor.file-name-please").to_owned())
                } else {
                    ctx.request(Request::Close);
                    Ok(vec![Effect::SaveAs {
                        path: text.trim().to_owned(),
                    }])
                }
            }
            EditTarget::ExportPath => {
                if text.trim().is_empty() {
                    Err(crate::i18n::t("editor.file-name-please").to_owned())
                } else {
                    let path = text.trim().to_owned();
                    // Kept open until written: a failure keeps what was typed.
                    crate::app::review::content::export_for(ctx, &path)
                        .map(|contents| vec![Effect::Write { path, contents }])
                }
            }
            EditTarget::SessionDate
            | EditTarget::SessionPlace { .. }
            | EditTarget::SessionDebrief { .. } => {
                confirm_session_form(ctx, &target, &text).map(|()| Vec::new())
            }
            EditTarget::FollowUp { .. } => {
                if text.trim().is_empty() {
                    Err(crate::i18n::t("editor.title-please").to_owned())
                } else {
                    ctx.request(Request::Close);
                    crate::app::view::forms::commit_field(ctx, &target, &text);
                    Ok(Vec::new())
                }
            }
            EditTarget::ConcernOutcome { .. }
            | EditTarget::ConcernDecisions { .. }
            | EditTarget::DecisionConferences { .. } => {
                super::concern_forms::confirm(ctx, &target, &text).map(|()| Vec::new())
            }
            EditTarget::NewDecision { .. }
            | EditTarget::DebriefHeld { .. }
            | EditTarget::AssignDecision { .. }
            | EditTarget::AssignFrom { .. }
            | EditTarget::AssignPeople { .. }
            | EditTarget::AssignLands { .. } => {
                crate::app::view::forms::confirm_form(ctx, &target, &text).map(|()| Vec::new())
            }
            EditTarget::AgendaItem { .. } => {
                self.leave(ctx);
                Ok(Vec::new())
            }
            EditTarget::Answer { .. }
            | EditTarget::ConcernDetails { .. }
            | EditTarget::DebriefNotes { .. }
            | EditTarget::Proposal { .. } => Ok(Vec::new()),
        };
        outcome.unwrap_or_else(|message| {
            self.error = Some(message);
            Vec::new()
        })
    }
}

/// A new concern's title: the concern, then the field for its description.
fn confirm_new_concern(
    ctx: &mut Ctx,
    conference: &str,
    title: &str,
) -> Result<Vec<Effect>, String> {
    if title.trim().is_empty() {
        return Err(crate::i18n::t("editor.title-please").to_owned());
    }
    ctx.request(Request::Close);
    if let Some(id) = ctx.add_concern(conference, title) {
        ctx.info(crate::i18n::tf("editor.concern-added", &[("id", &id)]));
        let hint = crate::i18n::t("editor.optional-esc-done");
        let field = fields::concern_details(ctx.data, &id, hint);
        ctx.request(Request::Edit(Box::new(field)));
    }
    Ok(Vec::new())
}

/// The new-session form: date → place → debrief date → the session.
fn confirm_session_form(ctx: &mut Ctx, target: &EditTarget, text: &str) -> Result<(), String> {
    match target {
        EditTarget::SessionDate => {
            let date =
                parse_german_date(text).ok_or(crate::i18n::t("editor.date-please-session"))?;
            let last = ctx.data.sessions.iter().max_by_key(|s| s.number);
            if let Some(last) = last.filter(|l| l.date >= date) {
                return Err(crate::i18n::tf(
                    "editor.date-after",
                    &[
                        ("session", &last.number),
                        ("date", &crate::i18n::date(last.date)),
                    ],
                ));
            }
            let title = crate::i18n::tf(
                "editor.session-place",
                &[("date", &crate::i18n::date(date))],
            );
            let field = Editor::new(EditTarget::SessionPlace { date }, title, "");
            ctx.request(Request::Edit(Box::new(field)));
        }
        EditTarget::SessionPlace { date } => {
            let place = (!text.trim().is_empty()).then(|| text.trim().to_owned());
            let proposal = crate::domain::DebriefProposal::for_session(*date);
            let debrief = proposal.date.format("%d.%m.%Y").to_string();
            let title = match crate::i18n::words::debrief_moved(&proposal) {
                Some(why) => crate::i18n::tf("editor.debrief-date-moved", &[("why", &why)]),
                None => crate::i18n::t("editor.debrief-date").to_owned(),
            };
            let field = Editor::new(
                EditTarget::SessionDebrief { date: *date, place },
                title,
                &debrief,
            );
            ctx.request(Request::Edit(Box::new(field)));
        }
        EditTarget::SessionDebrief { date, place } => {
            let debrief =
                parse_german_date(text).ok_or(crate::i18n::t("editor.date-please-debrief"))?;
            if debrief < *date {
                return Err(crate::i18n::t("editor.debrief-before").to_owned());
            }
            let number = ctx.data.next_session_number();
            let mut session = Session::new(number, *date, place.clone());
            session.debrief_date = debrief;
            ctx.request(Request::Close);
            if ctx.add_session(session) {
                ctx.request(Request::SessionAdded);
                ctx.info(crate::i18n::tf(
                    "editor.session-added",
                    &[("number", &number), ("date", &crate::i18n::date(*date))],
                ));
            }
        }
        _ => {}
    }
    Ok(())
}

/// "18.03.2026" (also "18.3.2026") → a date.
pub fn parse_german_date(text: &str) -> Option<NaiveDate> {
    // ISO 8601 (2025-11-26) too: how the English screen writes dates.
    if let Ok(date) = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        return Some(date);
    }
    let mut parts = text.trim().split('.');
    let day: u32 = parts.next()?.trim().parse().ok()?;
    let month: u32 = parts.next()?.trim().parse().ok()?;
    let year_text = parts.next()?.trim();
    if parts.next().is_some() || year_text.len() != 4 {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}
