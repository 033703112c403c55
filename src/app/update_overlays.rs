//! Keys of the search, not yet a component; opening the help and going back
//! from it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update::{PAGE, step};
use super::{Action, App, Layer, Overlay, Pane, SearchState};
use crate::search::{Index, Target};

impl App {
    /// The help, at the section of `section`'s keys.
    pub(super) fn open_help(&mut self, section: Layer, resume_walkthrough: bool) {
        self.overlay = Overlay::Help(super::Help::keys(section, resume_walkthrough));
    }

    /// Back from the help to the walkthrough it was opened from, if that is
    /// still the selected session's.
    pub(super) fn resume_walkthrough(&mut self) {
        let step = self
            .walkthrough
            .as_ref()
            .filter(|w| w.session == self.session)
            .map(|w| w.step.clone());
        match step {
            Some(step) => {
                self.overlay = Overlay::Walkthrough;
                self.enter_step(step);
            }
            None => self.overlay = Overlay::None,
        }
    }

    pub(super) fn open_search(&mut self) {
        let index = match self.search_cache.take() {
            Some((revision, session, index))
                if revision == self.revision && session == self.session =>
            {
                index
            }
            _ => Index::build(&self.data, self.session),
        };
        let hits = index.search("");
        self.overlay = Overlay::Search(Box::new(SearchState {
            query: String::new(),
            index,
            hits,
            cursor: 0,
            matched: crate::search::Matched::default(),
        }));
    }

    /// Builds the search index ahead of the next `/` when the one kept is stale:
    /// the loop calls this when no input is waiting, so the first `/` never waits.
    pub fn warm_search(&mut self) {
        let fresh = matches!(&self.search_cache,
            Some((revision, session, _)) if *revision == self.revision && *session == self.session);
        if !fresh && !matches!(self.overlay, Overlay::Search(_)) {
            let index = Index::build(&self.data, self.session);
            self.search_cache = Some((self.revision, self.session, index));
        }
    }

    /// Closes the search, keeping its index for the next one.
    fn close_search(&mut self) {
        if let Overlay::Search(search) = std::mem::take(&mut self.overlay) {
            self.search_cache = Some((self.revision, self.session, search.index));
        }
    }

    pub(super) fn refresh_search(&mut self) {
        if let Overlay::Search(search) = &mut self.overlay {
            let (hits, matched) = search
                .index
                .search_within(&search.query, Some(&search.matched));
            search.hits = hits;
            search.matched = matched;
            search.cursor = 0;
        }
    }

    pub(super) fn type_in_search(&mut self, key: KeyEvent) {
        let Overlay::Search(search) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                search.query.clear();
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                search.query.push(c);
            }
            KeyCode::Backspace => {
                search.query.pop();
            }
            _ => return,
        }
        self.refresh_search();
    }

    pub(super) fn update_search(&mut self, action: Action) {
        let Overlay::Search(search) = &mut self.overlay else {
            return;
        };
        let count = search.hits.len();
        match action {
            Action::SelectPrevious => search.cursor = step(search.cursor, -1, count),
            Action::SelectNext => search.cursor = step(search.cursor, 1, count),
            Action::PageUp => search.cursor = step(search.cursor, -PAGE, count),
            Action::PageDown => search.cursor = step(search.cursor, PAGE, count),
            Action::SelectFirst => search.cursor = 0,
            Action::SelectLast => search.cursor = count.saturating_sub(1),
            Action::Back => self.close_search(),
            Action::Open => {
                let target = search
                    .hits
                    .get(search.cursor)
                    .map(|h| search.index.entries[h.entry].target.clone());
                self.close_search();
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
                None => self.info(crate::i18n::t("search.person-speaks-for-none")),
            },
            Target::Concern { conference, id } => {
                self.select_conference(conference);
                self.focus = Pane::Concerns;
                match self.visible_concerns().iter().position(|c| c.id == *id) {
                    Some(i) => self.concern = i,
                    None => self.info(crate::i18n::tf("search.concern-not-open", &[("id", &id)])),
                }
            }
            Target::Decision { id, conference } => {
                if let Some(c) = conference {
                    self.select_conference(c);
                }
                self.focus = Pane::Conferences;
                if let Some(d) = self.data.decision(id) {
                    let text = crate::i18n::tf(
                        "search.decision",
                        &[
                            ("id", &d.id),
                            ("text", &d.summary.as_deref().unwrap_or(&d.title)),
                        ],
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
