//! The search index of the loaded file, built on a second thread right after
//! the first frame, so that neither the first frame nor the first `/` waits for
//! it. The thread reads the loaded bytes (the merge base, shared, not copied)
//! and parses them again: the screen's data is neither cloned nor shared, and
//! the main thread stays free for keys while the other core works.

use std::sync::Arc;
use std::thread::JoinHandle;

use crate::app::App;
use crate::search::Index;
use crate::store::Base;

/// An index being built for the data as loaded, shown at `session`.
pub(super) struct IndexInBackground {
    worker: JoinHandle<Option<Index>>,
    /// The app's revision and session it was started for: an index of data
    /// changed or of a session switched meanwhile is dropped.
    revision: u64,
    session: u32,
}

impl IndexInBackground {
    /// Starts building the index of `base` for `app`, when the app shows the
    /// data as loaded (no recovery taken, nothing changed).
    pub(super) fn start(base: &Base, path: &std::path::Path, app: &App) -> Option<Self> {
        if app.revision != 0 || app.search_cache.is_some() {
            return None;
        }
        let bytes: Arc<Vec<u8>> = base.shared_bytes();
        let path = path.to_owned();
        let (session, lang) = (app.session, crate::i18n::current());
        let worker = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                crate::i18n::set(lang);
                let data = crate::store::load_bytes(&bytes, &path).ok()?.data;
                drop(bytes);
                let index = Index::build(&data, session);
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

    fn app_and_base() -> (App, Base) {
        let bytes = crate::store::BUNDLED_JSON.as_bytes().to_vec();
        let data = crate::store::load_bytes(&bytes, "a.json".as_ref())
            .expect("the bundled data loads")
            .data;
        let today = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default();
        let app = App::new(data, today, chrono::Utc::now(), "test", Some(48));
        (app, Base::new(bytes, None))
    }

    #[test]
    fn the_index_of_the_loaded_file_reaches_the_app() {
        let (mut app, base) = app_and_base();
        let building = IndexInBackground::start(&base, "a.json".as_ref(), &app);
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
    }

    #[test]
    fn an_index_of_data_changed_meanwhile_is_dropped() {
        let (mut app, base) = app_and_base();
        let building = IndexInBackground::start(&base, "a.json".as_ref(), &app);
        app.revision += 1;
        building
            .unwrap_or_else(|| panic!("not started"))
            .deliver(&mut app);
        assert!(app.search_cache.is_none());
        // Nor is one started for data that is no longer as loaded.
        assert!(IndexInBackground::start(&base, "a.json".as_ref(), &app).is_none());
    }
}
