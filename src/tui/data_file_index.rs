//! The search index, built on a second thread: right after the first frame,
//! once the data rests after a change, and when `/` finds none, so that
//! neither a frame nor a key waits for it (a search opened meanwhile shows its
//! query and gets its hits when the index is there). The thread reads the screen's data through a second handle of its
//! `Arc` (not a copy, nor parsed again); a change made meanwhile copies the
//! data first (`App::data_mut`), and the index built is then dropped. The main
//! thread stays free for keys while the other core works.

use std::sync::Arc;
use std::thread::JoinHandle;

use crate::app::App;
use crate::search::Index;

/// An index being built for the data at a revision, shown at a session.
pub(super) struct IndexInBackground {
    worker: JoinHandle<Option<Index>>,
    /// The app's revision and session it was started for: an index of data
    /// changed or of a session switched meanwhile is dropped.
    built_for: (u64, u32),
}

impl IndexInBackground {
    /// Starts building the index of `app`'s data when it wants one
    /// (`App::index_wanted`: none kept for its data and session).
    pub(super) fn start(app: &mut App) -> Option<Self> {
        let built_for = app.index_wanted()?;
        let data = Arc::clone(&app.data);
        let (session, lang) = (app.session, crate::i18n::current());
        let worker = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                crate::i18n::set(lang);
                let index = Index::build(&data, session);
                drop(data);
                let (entries, ms) = (index.entries.len(), started.elapsed().as_millis());
                tracing::info!(entries, ms, "search index built on a second thread");
                Some(index)
            })
            .ok()?;
        app.index_building = Some(built_for);
        Some(Self { worker, built_for })
    }

    /// Whether the index is built.
    pub(super) fn is_finished(&self) -> bool {
        self.worker.is_finished()
    }

    /// Hands the index to `app` (waiting for it if need be); true when a
    /// search waiting for it got it.
    pub(super) fn deliver(self, app: &mut App) -> bool {
        if let Ok(Some(index)) = self.worker.join() {
            return app.index_built(self.built_for, index);
        }
        // The thread failed: the next search builds its own.
        if app.index_building == Some(self.built_for) {
            app.index_building = None;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let bytes = crate::store::BUNDLED_JSON.as_bytes().to_vec();
        let data = crate::store::load_bytes(&bytes, "a.json".as_ref())
            .expect("the bundled data loads")
            .data;
        let today = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default();
        App::new(data, today, chrono::Utc::now(), "test", Some(48))
    }

    #[test]
    fn the_index_of_the_loaded_file_reaches_the_app() {
        let mut app = app();
        let building = IndexInBackground::start(&mut app);
        building
            .unwrap_or_else(|| panic!("not started"))
            .deliver(&mut app);
        let Some((revision, session, index)) = &app.search_cache else {
            panic!("no index delivered");
        };
        assert_eq!((*revision, *session), (0, 48));
        assert_eq!(
            index.entries.len(),
            Index::build(&app.data, 48).entries.len()
        );
        assert!(!index.search("senatskanzlei").is_empty());
        // The thread's handle is gone: a change now does not copy the data.
        assert_eq!(Arc::strong_count(&app.data), 1);
    }

    #[test]
    fn an_index_of_data_changed_meanwhile_is_dropped() {
        let mut app = app();
        let loaded = app.data.sessions.len();
        let building = IndexInBackground::start(&mut app);
        // A change while the thread reads: the screen's data is copied first,
        // the thread's stays as it was.
        app.data_mut().sessions.clear();
        app.revision += 1;
        building
            .unwrap_or_else(|| panic!("not started"))
            .deliver(&mut app);
        assert!(app.search_cache.is_none());
        assert!(app.data.sessions.is_empty() && loaded > 0);
        assert_eq!(Arc::strong_count(&app.data), 1);
        // One is started for the data as it is now, and kept.
        let building = IndexInBackground::start(&mut app).unwrap_or_else(|| panic!("not started"));
        assert!(
            IndexInBackground::start(&mut app).is_none(),
            "one is being built"
        );
        building.deliver(&mut app);
        assert!(matches!(app.search_cache, Some((1, 48, _))));
        assert_eq!(app.index_wanted(), None);
    }

    #[test]
    fn a_search_opened_while_the_index_is_built_opens_at_once_and_gets_its_hits() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let mut app = app();
        let building = IndexInBackground::start(&mut app).unwrap_or_else(|| panic!("not started"));
        // Opened and typed into before the index is there (whether or not the
        // thread is done: it is handed over only below).
        app.handle_key(key('/'));
        for c in "senat".chars() {
            app.handle_key(key(c));
        }
        let crate::app::Overlay::Search(search) = &app.overlay else {
            panic!("the search did not open");
        };
        assert!(search.waiting && search.hits.is_empty());
        assert_eq!(search.query, "senat");
        // Enter before there are hits keeps the search open for them.
        app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert!(matches!(app.overlay, crate::app::Overlay::Search(_)));
        assert!(
            building.deliver(&mut app),
            "the waiting search did not get it"
        );
        let crate::app::Overlay::Search(search) = &app.overlay else {
            panic!("the search closed");
        };
        assert!(!search.waiting);
        assert_eq!(search.hits, search.index.search("senat"));
        assert!(!search.hits.is_empty());
        // Closed while waiting, it keeps its query and no empty index.
        let mut app = self::app();
        let _building = IndexInBackground::start(&mut app);
        app.handle_key(key('/'));
        app.handle_key(key('x'));
        app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        assert!(app.search_cache.is_none());
        assert_eq!(app.last_query, "x");
    }
}
