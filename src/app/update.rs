//! `update`: one action changes the state and returns effects. Keys are first
//! resolved against the layer that owns the keyboard; keys a text layer does not
//! bind are typed into its field.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::walkthrough::ExchangeChoice;
use super::{
    Action, App, Dialog, EditTarget, Editor, Effect, Layer, Overlay, Pane, SearchState, Step,
};
use crate::domain::{ConcernStatus, Session};
use crate::search::{Index, Target};

/// Rows moved by PageUp/PageDown.
const PAGE: usize = 10;

impl App {
    /// Handles a key press.
    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.kind == KeyEventKind::Release {
            return Vec::new();
        }
        self.message = None;
        let layer = self.layer();
        if let Some(action) = self.keymap.resolve(layer, &key) {
            return self.update(action);
        }
        match layer {
            Layer::Editor => {
                if let Some(editor) = self.editor.as_mut() {
                    editor.error = None;
                    editor.text.input(key);
                }
            }
            Layer::Search => self.type_in_search(key),
            _ => {}
        }
        Vec::new()
    }

    /// Handles pasted text (bracketed paste): into the open field or the search.
    pub fn handle_paste(&mut self, text: &str) -> Vec<Effect> {
        if let Some(editor) = self.editor.as_mut() {
            editor.paste(text);
        } else if let Overlay::Search(search) = &mut self.overlay {
            search
                .query
                .extend(text.chars().filter(|c| !c.is_control()).take(200));
            self.refresh_search();
        }
        Vec::new()
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Redraw => return vec![Effect::Redraw],
            Action::Quit if self.layer() != Layer::Dialog => return self.quit(),
            Action::Save if self.layer() != Layer::Dialog => {
                self.commit_editor_keep_open();
                return self.save();
            }
            Action::Undo => {
                self.undo();
                return Vec::new();
            }
            Action::Redo => {
                self.redo();
                return Vec::new();
            }
            _ => {}
        }
        match self.layer() {
            Layer::Dialog => return self.update_dialog(action),
            Layer::Editor => return self.update_editor(action),
            Layer::Search => self.update_search(action),
            Layer::Help => self.update_help(action),
            Layer::Review => return self.update_review(action),
            Layer::Sessions => self.update_sessions(action),
            Layer::Walkthrough => self.update_walkthrough(action),
            Layer::Main => self.update_main(action),
        }
        Vec::new()
    }

    fn quit(&mut self) -> Vec<Effect> {
        self.commit_editor_keep_open();
        if self.dirty {
            self.dialog = Some(Dialog::QuitUnsaved);
            Vec::new()
        } else {
            vec![Effect::Quit]
        }
    }

    fn save(&mut self) -> Vec<Effect> {
        if let Some(reason) = self.read_only.clone() {
            self.error(format!("Speichern nicht möglich: {reason}"));
            return Vec::new();
        }
        vec![Effect::Save { then_quit: false }]
    }

    fn update_dialog(&mut self, action: Action) -> Vec<Effect> {
        match (self.dialog.clone(), action) {
            (Some(Dialog::QuitUnsaved), Action::DialogSave | Action::Open) => {
                self.dialog = None;
                if let Some(reason) = self.read_only.clone() {
                    self.error(format!("Speichern nicht möglich: {reason}"));
                    return Vec::new();
                }
                vec![Effect::Save { then_quit: true }]
            }
            (Some(Dialog::QuitUnsaved), Action::DialogDiscard) => vec![Effect::Quit],
            (Some(Dialog::QuitUnsaved), Action::Back) => {
                self.dialog = None;
                Vec::new()
            }
            (
                Some(Dialog::LoadFailed(_)),
                Action::Back | Action::Open | Action::Quit | Action::DialogDiscard,
            ) => {
                vec![Effect::Quit]
            }
            (_, Action::Quit) => {
                self.dialog = None;
                self.quit()
            }
            _ => Vec::new(),
        }
    }

    // ----- main screen -----

    fn update_main(&mut self, action: Action) {
        let conference = self.conference_id();
        match action {
            Action::NextPane => self.focus = self.focus.next(),
            Action::PreviousPane => self.focus = self.focus.previous(),
            Action::SelectPrevious => self.move_selection(-1),
            Action::SelectNext => self.move_selection(1),
            Action::PageUp => self.move_selection(-(PAGE as isize)),
            Action::PageDown => self.move_selection(PAGE as isize),
            Action::SelectFirst => self.move_selection(isize::MIN / 2),
            Action::SelectLast => self.move_selection(isize::MAX / 2),
            Action::Open => self.open_selected(),
            Action::Walkthrough => self.start_walkthrough(),
            Action::NoExchange => {
                if self.set_exchange(&conference, crate::domain::Exchange::No) {
                    self.info(format!("{conference}: kein Austausch – kein Bericht."));
                }
            }
            Action::MarkReady => {
                let ready = self.current_session().is_some_and(|s| {
                    s.status_of(&conference) == crate::domain::ReportStatus::Ready
                });
                self.mark_ready(&conference, !ready);
            }
            Action::AddConcern => self.open_new_concern_editor(&conference),
            Action::ConcernOpen => self.decide_selected_concern(ConcernStatus::Open),
            Action::ConcernInProgress => self.decide_selected_concern(ConcernStatus::InProgress),
            Action::ConcernResolved => self.decide_selected_concern(ConcernStatus::Resolved),
            Action::ConcernDropped => self.decide_selected_concern(ConcernStatus::Dropped),
            Action::Review => self.overlay = Overlay::Review { scroll: 0 },
            Action::Sessions => {
                let cursor = self
                    .data
                    .sessions
                    .iter()
                    .rev()
                    .position(|s| s.number == self.session)
                    .unwrap_or(0);
                self.overlay = Overlay::Sessions { cursor };
            }
            Action::NewSession => self.open_new_session(),
            Action::Search => self.open_search(),
            Action::Help => {
                self.overlay = Overlay::Help {
                    scroll: 0,
                    resume_walkthrough: false,
                }
            }
            Action::Reference => self.overlay = Overlay::Reference { scroll: 0 },
            _ => {}
        }
    }

    fn decide_selected_concern(&mut self, status: ConcernStatus) {
        if self.focus != Pane::Concerns {
            self.info("Anliegen ändern: erst mit Tab in den Bereich „Offene Anliegen“ wechseln.");
            return;
        }
        let id = self
            .visible_concerns()
            .get(self.concern)
            .map(|c| c.id.clone());
        match id {
            Some(id) => {
                self.decide_concern(&id, status);
                let count = self.visible_concerns().len();
                self.concern = self.concern.min(count.saturating_sub(1));
            }
            None => self.info("Kein Anliegen ausgewählt."),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let (cursor, len) = match self.focus {
            Pane::Conferences => (&mut self.conference, self.data.conferences.len()),
            Pane::Speakers => {
                let n = self
                    .data
                    .speakers_at(&self.conference_id(), self.session)
                    .people
                    .len();
                (&mut self.speaker, n)
            }
            Pane::Concerns => {
                let n = self.visible_concerns().len();
                (&mut self.concern, n)
            }
            Pane::Questions => (&mut self.question, self.data.guiding_questions.len()),
        };
        let before = *cursor;
        *cursor = step(*cursor, delta, len);
        if self.focus == Pane::Conferences && before != self.conference {
            self.speaker = 0;
            self.concern = 0;
            self.question = 0;
        }
    }

    fn open_selected(&mut self) {
        let conference = self.conference_id();
        match self.focus {
            Pane::Conferences => self.start_walkthrough(),
            Pane::Speakers => self.walkthrough_at(&conference, Step::Presenter),
            Pane::Concerns => match self
                .visible_concerns()
                .get(self.concern)
                .map(|c| c.id.clone())
            {
                Some(id) => self.open_concern_title_editor(&id),
                None => self.open_new_concern_editor(&conference),
            },
            Pane::Questions => {
                if self.check_writable() {
                    if let Some(q) = self
                        .data
                        .guiding_questions
                        .get(self.question)
                        .map(|q| q.id.clone())
                    {
                        self.open_answer_editor(&conference, &q);
                    }
                }
            }
        }
    }

    // ----- walkthrough -----

    fn update_walkthrough(&mut self, action: Action) {
        let Some(w) = self.walkthrough.clone() else {
            self.overlay = Overlay::None;
            return;
        };
        let count = self.step_option_count();
        let mut move_cursor = |delta: isize| {
            if let Some(w) = self.walkthrough.as_mut() {
                w.cursor = step(w.cursor, delta, count);
            }
        };
        match action {
            Action::SelectPrevious => move_cursor(-1),
            Action::SelectNext => move_cursor(1),
            Action::PageUp => move_cursor(-(PAGE as isize)),
            Action::PageDown => move_cursor(PAGE as isize),
            Action::SelectFirst => move_cursor(isize::MIN / 2),
            Action::SelectLast => move_cursor(isize::MAX / 2),
            Action::Open => self.choose_option(),
            Action::Toggle if w.step == Step::Decisions => self.toggle_decision(),
            Action::NextStep => self.next_step(),
            Action::PreviousStep => self.previous_step(),
            Action::Back => {
                self.leave_walkthrough();
                self.info("Durchgang pausiert – w setzt ihn hier fort.");
            }
            Action::ExchangeYes if w.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::Yes)
            }
            Action::ExchangeNo if w.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::No)
            }
            Action::ExchangeUnknown if w.step == Step::Exchange => {
                self.answer_exchange(ExchangeChoice::Unknown)
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
                    self.decide_concern(id, status);
                    self.next_step();
                }
            }
            Action::AddConcern => self.open_new_concern_editor(&w.conference),
            Action::Help => {
                self.overlay = Overlay::Help {
                    scroll: 0,
                    resume_walkthrough: true,
                }
            }
            _ => {}
        }
    }

    // ----- text fields -----

    fn update_editor(&mut self, action: Action) -> Vec<Effect> {
        let multiline = self
            .editor
            .as_ref()
            .is_some_and(|e| e.target.is_multiline());
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
                    self.info("Durchgang pausiert – w setzt ihn hier fort.");
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
            } => {
                if *session == self.session {
                    self.set_answer(conference, question, &text);
                }
            }
            EditTarget::ConcernTitle { id } => {
                if text.trim().is_empty() {
                    self.editor = Some(Editor {
                        error: Some("Der Titel darf nicht leer sein.".into()),
                        ..editor
                    });
                    return false;
                }
                self.change_concern(id, "Titel", None, |c| c.title = text.trim().to_owned());
            }
            EditTarget::ConcernDetails { id } => {
                let details = (!text.trim().is_empty()).then(|| text.clone());
                self.change_concern(id, "Beschreibung", None, |c| c.details = details);
            }
            EditTarget::NewConcern { conference } => {
                if let Some(id) = self.add_concern(conference, &text) {
                    self.info(format!("Anliegen {id} angelegt."));
                }
            }
            EditTarget::Guest { conference, .. } => {
                if !text.trim().is_empty() {
                    let name = text.trim().to_owned();
                    self.change_report(conference, "Vortragende:r", |r| r.presenter = Some(name));
                }
            }
            // Forms are only taken on Enter; leaving them otherwise cancels.
            EditTarget::ExportPath
            | EditTarget::SessionDate
            | EditTarget::SessionPlace { .. }
            | EditTarget::SessionDebrief { .. } => {}
        }
        true
    }

    /// Stores the open field's text but keeps it open (before saving or quitting).
    fn commit_editor_keep_open(&mut self) {
        let Some(editor) = self.editor.clone() else {
            return;
        };
        if matches!(
            editor.target,
            EditTarget::Answer { .. }
                | EditTarget::ConcernDetails { .. }
                | EditTarget::ConcernTitle { .. }
        ) {
            if self.commit_editor() {
                self.editor = Some(editor);
            }
        }
    }

    /// Enter in a one-line field: take it and go on with what follows.
    fn confirm_editor(&mut self) -> Vec<Effect> {
        let Some(editor) = self.editor.clone() else {
            return Vec::new();
        };
        let text = editor.content();
        let fail = |app: &mut Self, message: String| {
            app.editor = Some(Editor {
                error: Some(message),
                ..editor.clone()
            });
        };
        match &editor.target {
            EditTarget::NewConcern { .. } => {
                if text.trim().is_empty() {
                    {
                        fail(self, "Bitte einen Titel eingeben (Esc bricht ab).".into());
                        return Vec::new();
                    }
                }
                let before = self.data.concerns.len();
                self.commit_editor();
                if self.data.concerns.len() > before {
                    if let Some(id) = self.data.concerns.last().map(|c| c.id.clone()) {
                        let e = Editor::new(
                            EditTarget::ConcernDetails { id: id.clone() },
                            format!("Anliegen {id}: Beschreibung (optional, Esc fertig)"),
                            "",
                        );
                        self.editor = Some(e);
                    }
                }
            }
            EditTarget::ConcernTitle { id } => {
                let id = id.clone();
                if self.commit_editor() {
                    let details = self
                        .data
                        .concerns
                        .iter()
                        .find(|c| c.id == id)
                        .and_then(|c| c.details.clone())
                        .unwrap_or_default();
                    self.editor = Some(Editor::new(
                        EditTarget::ConcernDetails { id: id.clone() },
                        format!("Anliegen {id}: Beschreibung (Esc fertig)"),
                        &details,
                    ));
                }
            }
            EditTarget::Guest { .. } => {
                if text.trim().is_empty() {
                    {
                        fail(self, "Bitte einen Namen eingeben (Esc bricht ab).".into());
                        return Vec::new();
                    }
                }
                self.commit_editor();
                if matches!(self.overlay, Overlay::Walkthrough) {
                    self.next_step();
                }
            }
            EditTarget::ExportPath => {
                if text.trim().is_empty() {
                    {
                        fail(self, "Bitte einen Dateinamen eingeben.".into());
                        return Vec::new();
                    }
                }
                self.editor = None;
                let contents = crate::export::markdown(&self.data, self.session);
                return vec![Effect::Write {
                    path: text.trim().to_owned(),
                    contents,
                }];
            }
            EditTarget::SessionDate => match parse_german_date(&text) {
                Some(date) => {
                    let last = self.data.sessions.iter().max_by_key(|s| s.number);
                    if let Some(last) = last.filter(|l| l.date >= date) {
                        let message = format!(
                            "Das Datum muss nach der {}. Sitzung ({}) liegen.",
                            last.number,
                            last.date.format("%d.%m.%Y")
                        );
                        {
                            fail(self, message);
                            return Vec::new();
                        }
                    }
                    self.editor = Some(Editor::new(
                        EditTarget::SessionPlace { date },
                        format!(
                            "Neue Sitzung am {}: Ort (optional)",
                            date.format("%d.%m.%Y")
                        ),
                        "",
                    ));
                }
                None => fail(
                    self,
                    "Bitte als TT.MM.JJJJ eingeben, z. B. 18.03.2026.".into(),
                ),
            },
            EditTarget::SessionPlace { date } => {
                let place = (!text.trim().is_empty()).then(|| text.trim().to_owned());
                let debrief = Session::default_debrief(*date)
                    .format("%d.%m.%Y")
                    .to_string();
                self.editor = Some(Editor::new(
                    EditTarget::SessionDebrief { date: *date, place },
                    "Nachbesprechung am (TT.MM.JJJJ; vorgeschlagen: 3 Wochen danach)",
                    &debrief,
                ));
            }
            EditTarget::SessionDebrief { date, place } => match parse_german_date(&text) {
                Some(debrief) if debrief >= *date => {
                    let number = self
                        .data
                        .sessions
                        .iter()
                        .map(|s| s.number)
                        .max()
                        .unwrap_or(0)
                        + 1;
                    let mut session = Session::new(number, *date, place.clone());
                    session.debrief_date = debrief;
                    self.editor = None;
                    if self.add_session(session) {
                        self.overlay = Overlay::None;
                        self.info(format!(
                            "{number}. Sitzung am {} angelegt.",
                            date.format("%d.%m.%Y")
                        ));
                    }
                }
                Some(_) => fail(
                    self,
                    "Die Nachbesprechung kann nicht vor der Sitzung liegen.".into(),
                ),
                None => fail(
                    self,
                    "Bitte als TT.MM.JJJJ eingeben, z. B. 08.04.2026.".into(),
                ),
            },
            EditTarget::Answer { .. } | EditTarget::ConcernDetails { .. } => {}
        }
        Vec::new()
    }

    fn open_new_session(&mut self) {
        if !self.check_writable() {
            return;
        }
        let number = self
            .data
            .sessions
            .iter()
            .map(|s| s.number)
            .max()
            .unwrap_or(0)
            + 1;
        self.editor = Some(Editor::new(
            EditTarget::SessionDate,
            format!("Neue {number}. Sitzung: Datum (TT.MM.JJJJ)"),
            "",
        ));
    }

    // ----- overlays -----

    fn update_help(&mut self, action: Action) {
        let resume = matches!(
            self.overlay,
            Overlay::Help {
                resume_walkthrough: true,
                ..
            }
        );
        let scroll = match &mut self.overlay {
            Overlay::Help { scroll, .. } | Overlay::Reference { scroll } => scroll,
            _ => return,
        };
        match action {
            Action::SelectPrevious => *scroll = scroll.saturating_sub(1),
            Action::SelectNext => *scroll += 1,
            Action::PageUp => *scroll = scroll.saturating_sub(PAGE),
            Action::PageDown => *scroll += PAGE,
            Action::Back => {
                let back_to_walkthrough = resume
                    && self
                        .walkthrough
                        .as_ref()
                        .is_some_and(|w| w.session == self.session);
                self.overlay = if back_to_walkthrough {
                    Overlay::Walkthrough
                } else {
                    Overlay::None
                };
                if back_to_walkthrough {
                    if let Some(step) = self.walkthrough.as_ref().map(|w| w.step.clone()) {
                        self.enter_step(step);
                    }
                }
            }
            _ => {}
        }
    }

    fn update_review(&mut self, action: Action) -> Vec<Effect> {
        let Overlay::Review { scroll } = &mut self.overlay else {
            return Vec::new();
        };
        match action {
            Action::SelectPrevious => *scroll = scroll.saturating_sub(1),
            Action::SelectNext => *scroll += 1,
            Action::PageUp => *scroll = scroll.saturating_sub(PAGE),
            Action::PageDown => *scroll += PAGE,
            Action::SelectFirst => *scroll = 0,
            Action::SelectLast => *scroll = usize::MAX / 2,
            Action::Back => self.overlay = Overlay::None,
            Action::Help => {
                self.overlay = Overlay::Help {
                    scroll: 0,
                    resume_walkthrough: false,
                }
            }
            Action::Export => {
                let name = format!("reporting-fachmk-{}.md", self.session);
                self.editor = Some(Editor::new(
                    EditTarget::ExportPath,
                    "Tischvorlage exportieren nach (Enter schreibt)",
                    &name,
                ));
            }
            _ => {}
        }
        Vec::new()
    }

    fn update_sessions(&mut self, action: Action) {
        let count = self.data.sessions.len();
        let Overlay::Sessions { cursor } = &mut self.overlay else {
            return;
        };
        match action {
            Action::SelectPrevious => *cursor = step(*cursor, -1, count),
            Action::SelectNext => *cursor = step(*cursor, 1, count),
            Action::PageUp => *cursor = step(*cursor, -(PAGE as isize), count),
            Action::PageDown => *cursor = step(*cursor, PAGE as isize, count),
            Action::SelectFirst => *cursor = 0,
            Action::SelectLast => *cursor = count.saturating_sub(1),
            Action::Open => {
                let chosen = self
                    .data
                    .sessions
                    .iter()
                    .rev()
                    .nth(*cursor)
                    .map(|s| s.number);
                if let Some(number) = chosen {
                    self.session = number;
                    self.overlay = Overlay::None;
                    self.concern = 0;
                    self.info(format!("{number}. Sitzung gewählt."));
                }
            }
            Action::NewSession => self.open_new_session(),
            Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }

    // ----- search -----

    fn open_search(&mut self) {
        let index = Index::build(&self.data, self.session);
        let hits = index.search("");
        self.overlay = Overlay::Search(SearchState {
            query: String::new(),
            index,
            hits,
            cursor: 0,
        });
    }

    fn refresh_search(&mut self) {
        if let Overlay::Search(search) = &mut self.overlay {
            search.hits = search.index.search(&search.query);
            search.cursor = 0;
        }
    }

    fn type_in_search(&mut self, key: KeyEvent) {
        let Overlay::Search(search) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                search.query.clear()
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                search.query.push(c)
            }
            KeyCode::Backspace => {
                search.query.pop();
            }
            _ => return,
        }
        self.refresh_search();
    }

    fn update_search(&mut self, action: Action) {
        let Overlay::Search(search) = &mut self.overlay else {
            return;
        };
        let count = search.hits.len();
        match action {
            Action::SelectPrevious => search.cursor = step(search.cursor, -1, count),
            Action::SelectNext => search.cursor = step(search.cursor, 1, count),
            Action::PageUp => search.cursor = step(search.cursor, -(PAGE as isize), count),
            Action::PageDown => search.cursor = step(search.cursor, PAGE as isize, count),
            Action::SelectFirst => search.cursor = 0,
            Action::SelectLast => search.cursor = count.saturating_sub(1),
            Action::Back => self.overlay = Overlay::None,
            Action::Open => {
                let target = search
                    .hits
                    .get(search.cursor)
                    .map(|h| search.index.entries[h.entry].target.clone());
                self.overlay = Overlay::None;
                if let Some(target) = target {
                    self.jump_to(&target);
                }
            }
            _ => {}
        }
    }

    /// Selects the conference, pane and item a search hit leads to.
    pub fn jump_to(&mut self, target: &Target) {
        match target {
            Target::Conference(id) => {
                self.select_conference(id);
                self.focus = Pane::Conferences;
            }
            Target::Person { conference } => match conference {
                Some(id) => {
                    self.select_conference(id);
                    self.focus = Pane::Speakers;
                }
                None => self.info("Diese Person spricht in dieser Sitzung für keine Konferenz."),
            },
            Target::Concern { conference, id } => {
                self.select_conference(conference);
                self.focus = Pane::Concerns;
                match self.visible_concerns().iter().position(|c| c.id == *id) {
                    Some(i) => self.concern = i,
                    None => self.info(format!("Anliegen {id} ist nicht mehr offen.")),
                }
            }
            Target::Decision { id, conference } => {
                if let Some(c) = conference {
                    self.select_conference(c);
                }
                self.focus = Pane::Conferences;
                if let Some(d) = self.data.decision(id) {
                    let text = format!(
                        "Beschluss {}: {}",
                        d.id,
                        d.summary.as_deref().unwrap_or(&d.title)
                    );
                    self.info(text);
                }
            }
            Target::Answer {
                session,
                conference,
                question,
            } => {
                self.session = *session;
                self.select_conference(conference);
                self.focus = Pane::Questions;
                self.question = self
                    .data
                    .guiding_questions
                    .iter()
                    .position(|q| q.id == *question)
                    .unwrap_or(0);
            }
        }
    }
}

/// Moves `cursor` by `delta` within `0..len`, clamped.
fn step(cursor: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    cursor.saturating_add_signed(delta).min(len - 1)
}

/// "18.03.2026" (also "18.3.2026") → a date.
pub fn parse_german_date(text: &str) -> Option<NaiveDate> {
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
