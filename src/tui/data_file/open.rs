//! Opening the file behind the screen: the screen on its data, a recovery or
//! a backup offered where there is one. A large file's concerns are read on
//! a second thread and put in place right after the first frame, before any
//! key is handled (`finish_loading`).

use std::path::Path;

use super::DataFile;
use crate::app::{AfterConflicts, App, Dialog};
use crate::store::{self, Later, LaterConcerns, LoadError};

/// Files of this size and more have their concerns read beside the first
/// frame (below it there is nothing to gain: a megabyte parses in ~2 ms).
const CONCERNS_LATER_FROM: usize = 1 << 20;

/// Concerns still being read, and the session the screen was asked to open
/// on (to open it again should the rest turn out misread).
#[derive(Debug)]
pub(super) struct PendingConcerns {
    concerns: LaterConcerns,
    session: Option<u32>,
}

impl DataFile {
    /// Loads `path` and builds the screen on it, offering a recovery or a backup
    /// where there is one.
    pub fn open(path: &Path, session: Option<u32>, today: chrono::NaiveDate) -> (App, Self) {
        Self::open_reading(path, session, today, CONCERNS_LATER_FROM)
    }

    /// `open`, with the concerns of files of `later_from` bytes and more read
    /// beside the first frame.
    fn open_reading(
        path: &Path,
        session: Option<u32>,
        today: chrono::NaiveDate,
        later_from: usize,
    ) -> (App, Self) {
        let user = store::paths::user_name();
        let mut file = Self {
            path: path.to_owned(),
            base: None,
            pending_theirs: None,
            seen: super::stat(path),
            recovery_path: None,
            link: store::link_target(path),
            offered: Vec::new(),
            found: 0,
            editing: None,
            backups: store::DEFAULT_BACKUPS,
            mouse: false,
            index: None,
            taking: None,
            recovery_writer: None,
            concerns: None,
        };
        let opened = match store::open_file_for_screen(path, later_from) {
            // Conflicts left by `fachmk merge` are taken up on the whole data.
            Ok((mut loaded, base, Some(later)))
                if loaded.data.extra.contains_key(store::merge::CONFLICTS_KEY) =>
            {
                match later.wait() {
                    Ok(Later::Concerns(concerns)) => {
                        loaded.data.concerns = concerns;
                        Ok((loaded, base, None))
                    }
                    Ok(Later::Misread) => {
                        return Self::open_reading(path, session, today, usize::MAX);
                    }
                    Err(e) => Err(e),
                }
            }
            opened => opened,
        };
        let mut app = match opened {
            Ok((loaded, base, later)) => {
                // Conflicts left by `fachmk merge` are a top-level key the loader
                // keeps among the unknown ones: only then is the tree needed.
                let left = loaded
                    .data
                    .extra
                    .contains_key(store::merge::CONFLICTS_KEY)
                    .then(|| serde_json::to_value(&loaded.data).ok())
                    .flatten()
                    .and_then(|mut v| store::merge::take_left_conflicts(&mut v));
                let mut app = App::new(loaded.data, today, super::super::now(), &user, session);
                app.concerns_pending = later.is_some();
                file.concerns = later.map(|concerns| PendingConcerns { concerns, session });
                if let Some(v) = loaded.newer_version {
                    app.read_only = Some(crate::i18n::tf(
                        "file.newer-version",
                        &[("v", &v), ("known", &crate::domain::VERSION)],
                    ));
                }
                file.base = Some(base);
                // Left by `fachmk merge`: decided here, written on the next save.
                if let Some(merged) = left {
                    app.show_conflicts(merged, AfterConflicts::Adopt);
                }
                app
            }
            Err(e) => {
                let mut app = App::new(
                    crate::domain::Dataset::empty(),
                    today,
                    super::super::now(),
                    &user,
                    None,
                );
                file.unreadable(&mut app, &e);
                app
            }
        };
        app.file_name = path.display().to_string();
        file.start_recovery(&mut app);
        // A recovery offered at the start is weighed against the whole data.
        if app.dialog.is_some() {
            file.finish_loading(&mut app);
        }
        (app, file)
    }

    /// Puts the concerns read on the second thread in place, waiting for them
    /// if need be; true when there were any to wait for. A concern the data
    /// contract refuses makes the file unreadable, as a failed load does: the
    /// screen shows nothing of it and never writes it. Where the rest of the
    /// file was read around bytes that turn out not to be the concerns, the
    /// screen is opened again on the file read whole.
    pub fn finish_loading(&mut self, app: &mut App) -> bool {
        let Some(later) = self.concerns.take() else {
            return false;
        };
        match later.concerns.wait() {
            Ok(Later::Concerns(concerns)) => {
                // The data is not shared yet: nothing is copied.
                app.data_mut().concerns = concerns;
                app.concerns_pending = false;
            }
            // The first frame showed a misread file (one another program
            // wrote): opened again, with the settings given since (`tui::run`,
            // the size).
            Ok(Later::Misread) => {
                let (mut whole, file) =
                    Self::open_reading(&self.path, later.session, app.today, usize::MAX);
                whole.keymap = std::mem::take(&mut app.keymap);
                whole.handout_lang = app.handout_lang;
                whole.screen = app.screen;
                *app = whole;
                *self = Self {
                    backups: self.backups,
                    mouse: self.mouse,
                    ..file
                };
            }
            Err(e) => {
                tracing::warn!(error = %e, "the concerns of the file could not be read");
                self.base = None;
                app.data = std::sync::Arc::new(crate::domain::Dataset::empty());
                (app.session, app.conference) = (0, 0);
                app.concerns_pending = false;
                self.unreadable(app, &e);
            }
        }
        true
    }

    /// The screen of a file that could not be read: nothing shown, nothing
    /// written, the newest backup offered.
    fn unreadable(&self, app: &mut App, e: &LoadError) {
        app.read_only = Some(crate::i18n::t("file.unreadable").into());
        let backup = self.newest_backup().map(|(p, _)| p.display().to_string());
        app.dialog = Some(Dialog::LoadFailed {
            reason: e.to_string(),
            backup,
        });
    }
}
