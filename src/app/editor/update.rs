//! Text fields: typing goes to the field; leaving it commits the text; Enter
//! confirms one-line fields and moves forms (new session, export) on.

use chrono::NaiveDate;

use crate::app::{Action, App, EditTarget, Editor, Effect, Overlay};
use crate::domain::Session;

impl App {
    pub(in crate::app) fn update_editor(&mut self, action: Action) -> Vec<Effect> {
        let multiline = self
            .editor
            .as_ref()
            .is_some_and(|e| e.target.is_multiline());
        if !self.offers(action) {
            return Vec::new();
        }
        match action {
            Action::Open if multiline => {
                if let Some(editor) = self.editor.as_mut() {
                    editor.text.insert_newline();
                }
            }
            Action::Open | Action::NextStep if !multiline => return self.confirm_editor(),
            Action::NextStep | Action::PreviousStep => {
                let in_walkthrough = matches!(self.overlay, Overlay::Walkthrough);
                if self.commit_editor() && in_walkthrough {
                    if action == Action::NextStep {
                        self.next_step();
                    } else {
                        self.previous_step();
                    }
                }
            }
            Action::Back => {
                let answer = matches!(
                    self.editor.as_ref().map(|e| &e.target),
                    Some(EditTarget::Answer { .. })
                );
                if self.commit_editor() && answer && matches!(self.overlay, Overlay::Walkthrough) {
                    self.leave_walkthrough();
                    self.info(crate::i18n::t("walk.paused"));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// Stores the open field's text and closes it. Returns false (field stays
    /// open) when the text is not valid for the field.
    pub fn commit_editor(&mut self) -> bool {
        let Some(editor) = self.editor.take() else {
            return true;
        };
        let text = editor.content();
        match &editor.target {
            EditTarget::Answer {
                session,
                conference,
                question,
            } if *session == self.session => {
                self.set_answer(conference, question, &text);
            }
            EditTarget::ConcernTitle { id } => {
                if text.trim().is_empty() {
                    self.editor = Some(Editor {
                        error: Some(crate::i18n::t("editor.title-empty").into()),
                        ..editor
                    });
                    return false;
                }
                self.change_concern(id, crate::i18n::t("undo.title"), None, |c| {
                    text.trim().clone_into(&mut c.title);
                });
            }
            EditTarget::ConcernDetails { id } => {
                let details = (!text.trim().is_empty()).then(|| text.clone());
                self.change_concern(id, crate::i18n::t("undo.description"), None, |c| {
                    c.details = details;
                });
            }
            EditTarget::Guest { conference, .. } if !text.trim().is_empty() => {
                let name = text.trim().to_owned();
                self.change_report(conference, crate::i18n::t("undo.presenter"), |r| {
                    r.presenter = Some(name);
                });
            }
            EditTarget::DebriefNotes { .. }
            | EditTarget::AgendaItem { .. }
            | EditTarget::Proposal { .. } => {
                self.commit_view_field(&editor.target, &text);
            }
            // Forms are only taken on Enter; leaving them otherwise cancels.
            _ => {}
        }
        true
    }

    /// Stores the open field's text but keeps it open (before saving or quitting).
    pub(in crate::app) fn commit_editor_keep_open(&mut self) {
        let Some(editor) = self.editor.clone() else {
            return;
        };
        if matches!(
            editor.target,
            EditTarget::Answer { .. }
                | EditTarget::ConcernDetails { .. }
                | EditTarget::ConcernTitle { .. }
        ) && self.commit_editor()
        {
            self.editor = Some(editor);
        }
    }

    /// Enter in a one-line field: take it and go on with what follows. When
    /// the text will not do, the field stays open and says why.
    fn confirm_editor(&mut self) -> Vec<Effect> {
        let Some(editor) = self.editor.clone() else {
            return Vec::new();
        };
        let text = editor.content();
        let outcome = match &editor.target {
            EditTarget::NewConcern { .. } => self.confirm_new_concern(&text),
            EditTarget::ConcernTitle { id } => {
                let id = id.clone();
                if self.commit_editor() {
                    self.open_concern_details_editor(&id, crate::i18n::t("editor.esc-done"));
                }
                Ok(Vec::new())
            }
            EditTarget::Guest { .. } => {
                if text.trim().is_empty() {
                    Err(crate::i18n::t("editor.name-please").to_owned())
                } else {
                    self.commit_editor();
                    if matches!(self.overlay, Overlay::Walkthrough) {
                        self.next_step();
                    }
                    Ok(Vec::new())
                }
            }
            EditTarget::SaveAsPath => {
                if text.trim().is_empty() {
                    Err(crate::i18n::t("editor.file-name-please").to_owned())
                } else {
                    self.editor = None;
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
                    self.export_for(&path)
                        .map(|contents| vec![Effect::Write { path, contents }])
                }
            }
            EditTarget::SessionDate
            | EditTarget::SessionPlace { .. }
            | EditTarget::SessionDebrief { .. } => self
                .confirm_session_form(&editor.target, &text)
                .map(|()| Vec::new()),
            EditTarget::FollowUp { .. } => {
                if text.trim().is_empty() {
                    Err(crate::i18n::t("editor.title-please").to_owned())
                } else {
                    self.editor = None;
                    self.commit_view_field(&editor.target, &text);
                    Ok(Vec::new())
                }
            }
            EditTarget::ConcernOutcome { .. }
            | EditTarget::ConcernDecisions { .. }
            | EditTarget::DecisionConferences { .. } => self
                .confirm_concern_form(&editor.target, &text)
                .map(|()| Vec::new()),
            EditTarget::NewDecision { .. }
            | EditTarget::DebriefHeld { .. }
            | EditTarget::AssignDecision { .. }
            | EditTarget::AssignFrom { .. }
            | EditTarget::AssignPeople { .. }
            | EditTarget::AssignLands { .. } => self
                .confirm_view_form(&editor.target, &text)
                .map(|()| Vec::new()),
            EditTarget::AgendaItem { .. } => {
                self.commit_editor();
                Ok(Vec::new())
            }
            EditTarget::Answer { .. }
            | EditTarget::ConcernDetails { .. }
            | EditTarget::DebriefNotes { .. }
            | EditTarget::Proposal { .. } => Ok(Vec::new()),
        };
        outcome.unwrap_or_else(|message| {
            self.editor = Some(Editor {
                error: Some(message),
                ..editor
            });
            Vec::new()
        })
    }

    /// The export was written: its dialog closes.
    pub fn exported(&mut self, path: &str) {
        if self
            .editor
            .as_ref()
            .is_some_and(|e| e.target == EditTarget::ExportPath)
        {
            self.editor = None;
        }
        self.info(crate::i18n::tf("file.exported", &[("path", &path)]));
    }

    /// The export could not be written: the dialog stays, with the path as
    /// typed, and says why.
    pub fn export_failed(&mut self, message: String) {
        match self.editor.as_mut() {
            Some(editor) if editor.target == EditTarget::ExportPath => {
                editor.error = Some(message);
            }
            _ => self.error(message),
        }
    }

    fn confirm_new_concern(&mut self, title: &str) -> Result<Vec<Effect>, String> {
        if title.trim().is_empty() {
            return Err(crate::i18n::t("editor.title-please").to_owned());
        }
        let Some(EditTarget::NewConcern { conference }) = self.editor.take().map(|e| e.target)
        else {
            return Ok(Vec::new());
        };
        if let Some(id) = self.add_concern(&conference, title) {
            self.info(crate::i18n::tf("editor.concern-added", &[("id", &id)]));
            self.open_concern_details_editor(&id, crate::i18n::t("editor.optional-esc-done"));
        }
        Ok(Vec::new())
    }

    pub(in crate::app) fn open_concern_details_editor(&mut self, id: &str, hint: &str) {
        let details = self
            .data
            .concerns
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.details.clone())
            .unwrap_or_default();
        self.editor = Some(Editor::new(
            EditTarget::ConcernDetails { id: id.to_owned() },
            crate::i18n::tf(
                "editor.concern-description",
                &[("id", &id), ("hint", &hint)],
            ),
            &details,
        ));
    }

    /// The new-session form: date → place → debrief date → the session.
    fn confirm_session_form(&mut self, target: &EditTarget, text: &str) -> Result<(), String> {
        match target {
            EditTarget::SessionDate => {
                let date =
                    parse_german_date(text).ok_or(crate::i18n::t("editor.date-please-session"))?;
                let last = self.data.sessions.iter().max_by_key(|s| s.number);
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
                self.editor = Some(Editor::new(EditTarget::SessionPlace { date }, title, ""));
            }
            EditTarget::SessionPlace { date } => {
                let place = (!text.trim().is_empty()).then(|| text.trim().to_owned());
                let proposal = crate::domain::DebriefProposal::for_session(*date);
                let debrief = proposal.date.format("%d.%m.%Y").to_string();
                let title = match crate::i18n::words::debrief_moved(&proposal) {
                    Some(why) => crate::i18n::tf("editor.debrief-date-moved", &[("why", &why)]),
                    None => crate::i18n::t("editor.debrief-date").to_owned(),
                };
                self.editor = Some(Editor::new(
                    EditTarget::SessionDebrief { date: *date, place },
                    title,
                    &debrief,
                ));
            }
            EditTarget::SessionDebrief { date, place } => {
                let debrief =
                    parse_german_date(text).ok_or(crate::i18n::t("editor.date-please-debrief"))?;
                if debrief < *date {
                    return Err(crate::i18n::t("editor.debrief-before").to_owned());
                }
                let number = self.data.next_session_number();
                let mut session = Session::new(number, *date, place.clone());
                session.debrief_date = debrief;
                self.editor = None;
                if self.add_session(session) {
                    self.overlay = Overlay::None;
                    self.info(crate::i18n::tf(
                        "editor.session-added",
                        &[("number", &number), ("date", &crate::i18n::date(*date))],
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub(in crate::app) fn open_new_session(&mut self) {
        if let Some(field) = crate::app::sessions::new_session_field(&mut self.ctx()) {
            self.editor = Some(field);
        }
    }
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
