//! The Search component: a query typed into it, the hits of the index of the
//! session as it was when opened, a cursor; Enter goes to the hit. Keys it
//! does not bind are typed into the query. Its keys are in `keys.rs`, its
//! drawing in `ui/search.rs`; the index is kept by the `App` between searches.

pub(super) mod keys;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update::step;
use super::{Action, App, Ctx, Effect, Listed, Overlay, Request};
use crate::search::{Hit, Index, Matched};

/// The open search: query, index and current hits.
#[derive(Debug)]
pub struct Search {
    pub query: String,
    pub index: Index,
    pub hits: Vec<Hit>,
    pub cursor: usize,
    /// The query the hits were found for, and every entry it matched: the
    /// next keystroke that extends it searches only among those.
    pub matched: Matched,
    /// The first row the list showed when last drawn, and how many.
    pub list: Listed,
    /// The query is the last search's, shown again: a letter typed starts
    /// a new one (Backspace edits it, Ctrl-U clears it).
    pub kept: bool,
    /// The index is still being built on another thread: the query is typed
    /// meanwhile (over an empty index), its hits shown once it is there.
    pub waiting: bool,
}

impl Search {
    /// A search over `index`, every entry a hit.
    pub fn new(index: Index) -> Self {
        let hits = index.search("");
        Self {
            query: String::new(),
            index,
            hits,
            cursor: 0,
            matched: Matched::default(),
            list: Listed::default(),
            kept: false,
            waiting: false,
        }
    }

    /// The search opened before its index is there, with `query` kept.
    fn waiting(query: &str) -> Self {
        let mut search = Self::new(Index::default());
        query.clone_into(&mut search.query);
        search.kept = !query.is_empty();
        search.waiting = true;
        search
    }

    /// The index, once built: the query typed meanwhile is searched in it.
    fn install(&mut self, index: Index) {
        self.index = index;
        self.waiting = false;
        self.matched = Matched::default();
        self.refresh();
    }

    /// The search with `query` typed again (the last search's, kept).
    fn again(index: Index, query: &str) -> Self {
        let mut search = Self::new(index);
        if !query.is_empty() {
            query.clone_into(&mut search.query);
            search.refresh();
            search.kept = true;
        }
        search
    }

    /// Handles an action of the Search layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let count = self.hits.len();
        if let Some(delta) = action.movement(self.list.page()) {
            self.cursor = step(self.cursor, delta, count);
            return Vec::new();
        }
        match action {
            Action::Back => ctx.request(Request::Close),
            // No hits yet: the search stays open for them (Enter then jumps).
            Action::Open if self.waiting => {}
            Action::Open => {
                let target = self
                    .hits
                    .get(self.cursor)
                    .map(|h| self.index.entries[h.entry].target.clone());
                ctx.request(Request::Close);
                if let Some(target) = target {
                    ctx.request(Request::Jump(target));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// A key the layer does not bind: typed into the query (Ctrl-U clears it).
    pub fn type_key(&mut self, key: KeyEvent) {
        let kept = std::mem::take(&mut self.kept);
        match key.code {
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                self.query.clear();
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                if kept {
                    self.query.clear();
                }
                self.query.push(c);
            }
            KeyCode::Backspace => {
                self.query.pop();
            }
            _ => return,
        }
        self.refresh();
    }

    /// Pasted text, without control characters, into the query.
    pub fn paste(&mut self, text: &str) {
        if std::mem::take(&mut self.kept) {
            self.query.clear();
        }
        self.query
            .extend(text.chars().filter(|c| !c.is_control()).take(200));
        self.refresh();
    }

    /// The hits of the query as it is now.
    fn refresh(&mut self) {
        let (hits, matched) = self.index.search_within(&self.query, Some(&self.matched));
        self.hits = hits;
        self.matched = matched;
        self.cursor = 0;
        self.list.reset();
    }
}

impl App {
    /// Opens the search, on the index kept from the last one if the data and
    /// the session are unchanged since; on the one being built on another
    /// thread, once it is there (the search opens at once meanwhile).
    pub(super) fn open_search(&mut self) {
        let now = (self.revision, self.session);
        let search = match self.search_cache.take() {
            Some((revision, session, index)) if (revision, session) == now => {
                Search::again(index, &self.last_query)
            }
            _ if self.index_building == Some(now) => Search::waiting(&self.last_query),
            _ => Search::again(Index::build(&self.data, self.session), &self.last_query),
        };
        self.overlay = Overlay::Search(Box::new(search));
    }

    /// The revision and session an index is to be built for ahead of the next
    /// `/` (on another thread); `None` when one is kept, shown or being built.
    pub fn index_wanted(&self) -> Option<(u64, u32)> {
        let now = (self.revision, self.session);
        let kept = matches!(&self.search_cache,
            Some((revision, session, _)) if (*revision, *session) == now);
        let shown = matches!(&self.overlay, Overlay::Search(search) if !search.waiting);
        (!kept && !shown && self.index_building != Some(now)).then_some(now)
    }

    /// An index of the data at `revision`, shown at `session`, built on
    /// another thread: given to a search waiting for it, or kept for the next
    /// one; dropped when the data or the session changed meanwhile. True when
    /// a waiting search got it.
    pub fn index_built(&mut self, (revision, session): (u64, u32), index: Index) -> bool {
        if self.index_building == Some((revision, session)) {
            self.index_building = None;
        }
        if (revision, session) != (self.revision, self.session) {
            tracing::info!("search index of the second thread dropped: the data changed");
            return false;
        }
        match &mut self.overlay {
            Overlay::Search(search) if search.waiting => {
                search.install(index);
                true
            }
            _ => {
                if self.index_wanted().is_some() {
                    self.search_cache = Some((revision, session, index));
                }
                false
            }
        }
    }

    /// Closes the search, keeping its index and its query for the next one.
    pub(super) fn close_search(&mut self) {
        if let Overlay::Search(search) = std::mem::take(&mut self.overlay) {
            self.last_query = search.query;
            if !search.waiting {
                self.search_cache = Some((self.revision, self.session, search.index));
            }
        }
    }
}
