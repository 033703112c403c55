//! The search index of the loaded file, built on a second thread right after
//! the first frame, so that neither the first frame nor the first `/` waits for
//! it. The thread reads the screen's data through a second handle of its
//! `Arc` (not a copy, nor parsed again); a change made meanwhile copies the
//! data first (`App::data_mut`), and the index built is then dropped. The main
//! thread stays free for keys while the other core works.

use std::sync::Arc;
use std::thread::JoinHandle;

use crate::app::App;
use crate::search::Index;

/// An index being built for the data as loaded, shown at `session`.
pub(super) struct IndexInBackground {
    worker: JoinHandle<Option<Index>>,
    /// The app's revision and session it was started for: an index of data
    /// changed or of a session switched meanwhile is dropped.
    revision: u64,
    session: u32,
}

impl IndexInBackground {
    /// Starts building the index of `app`'s data, when the app shows the
    /// data as loaded (no recovery taken, nothing changed).
    pub(super) fn start(app: &App) -> Option<Self> {
        if app.revision != 0 || app.search_cache.is_some() {
            return None;
        }
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
        Some(Self {
            worker,
            revision: app.revision,
            session,
        })
    }

    /// Whether the index is built.
    pub(super) fn is_finished(&self) -> bool {
        self.worker.is_finished()
    }

    /// Hands the index to `app` (waiting for it if need be) when it still
    /// fits the app's data and session.
    pub(super) fn deliver(self, app: &mut App) {
        let Ok(Some(index)) = self.worker.join() else {
            return;
        };
        if app.revision == self.revision
            && app.session == self.session
            && app.search_cache.is_none()
        {
            app.search_cache = Some((self.revision, self.session, index));
        } else {
            tracing::info!("search index of the second thread dropped: the data changed");
        }
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
        let building = IndexInBackground::start(&app);
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
        let building = IndexInBackground::start(&app);
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
        // Nor is one started for data that is no longer as loaded.
        assert!(IndexInBackground::start(&app).is_none());
    }
}
