//! The file behind the screen: opening it (with recovery and backup offers),
//! saving with lock and merge, noticing and merging what others saved, the
//! recovery file, save-as. The effects `update` returns are run here.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use ratatui::Terminal;

mod open;

use super::Backend;
use super::data_file_index::IndexInBackground;
use crate::app::{AfterConflicts, App, Effect};
use crate::store::recovery::{self, Recovery};
use crate::store::sync::{self, SaveOutcome, SyncError};
use crate::store::{self, Base, Loaded};

pub(crate) struct DataFile {
    pub(super) path: PathBuf,
    /// The file as last loaded or saved: the base of every merge. `None` when
    /// it could not be read (then it is never written).
    pub(super) base: Option<Base>,
    /// The file on disk with changes of others, while their conflicts are decided.
    pending_theirs: Option<Base>,
    /// Size and modification time last seen, to notice saves of others cheaply.
    seen: Option<(u64, SystemTime)>,
    /// Where the file led when opened, if it was a symbolic link: a file that
    /// became a link (or another one) since is not written through.
    link: Option<PathBuf>,
    /// This window's recovery file; `None` when recovery is off.
    pub(super) recovery_path: Option<PathBuf>,
    /// Recoveries left by windows that ended, newest first, not yet decided
    /// (the first is offered); never overwritten meanwhile.
    pub(super) offered: Vec<(PathBuf, Recovery)>,
    /// How many were found at the start.
    pub(super) found: usize,
    /// The scratch file of the user's editor while it is open.
    pub(super) editing: Option<PathBuf>,
    pub backups: usize,
    /// Whether mouse reports are on (to turn them on again after an editor).
    pub mouse: bool,
    /// The search index of the file as loaded, while a second thread builds it.
    index: Option<IndexInBackground>,
    /// A recovery taken back whose conflicts are being decided: its file
    /// stays until they are.
    pub(super) taking: Option<(PathBuf, store::recovery::Recovery)>,
    /// The recovery file being written on a second thread.
    pub(super) recovery_writer: Option<std::thread::JoinHandle<()>>,
    /// The concerns of the file as loaded, while a second thread reads them.
    concerns: Option<open::PendingConcerns>,
}

fn stat(path: &Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

impl DataFile {
    /// Starts building the search index on a second thread when the app
    /// wants one (after the first frame: it neither delays it nor adds to its
    /// memory; when the data rests after a change; when `/` finds none). One
    /// still being built for older data is left to finish unheeded.
    pub fn start_index(&mut self, app: &mut App) {
        if self.base.is_some()
            && let Some(index) = IndexInBackground::start(app)
        {
            self.index = Some(index);
        }
    }

    /// Whether an index is being built (the loop then looks for it to finish).
    pub fn index_pending(&self) -> bool {
        self.index.is_some()
    }

    /// Hands a finished index to the app; true when a search waiting for it
    /// got it (and is to be drawn again).
    pub fn deliver_index(&mut self, app: &mut App) -> bool {
        match self.index.take() {
            Some(index) if index.is_finished() => index.deliver(app),
            index => {
                self.index = index;
                false
            }
        }
    }

    /// Before `key` is handled: a finished index is handed to the app; when
    /// the key opens the search and no index is kept or being built, one is
    /// started (the search opens at once, and gets it when it is there).
    pub fn before_key(&mut self, app: &mut App, key: &ratatui::crossterm::event::KeyEvent) {
        self.deliver_index(app);
        if app.keymap.resolve(app.layer(), key) == Some(crate::app::Action::Search) {
            self.start_index(app);
        }
    }

    fn newest_backup(&self) -> Option<(PathBuf, Loaded)> {
        (1..=self.backups.max(1)).find_map(|n| {
            let p = store::backup_path(&self.path, n);
            store::load_file(&p).ok().map(|l| (p, l))
        })
    }

    /// Runs one effect; returns true when the program is to end.
    pub fn run(
        &mut self,
        effect: Effect,
        app: &mut App,
        terminal: &mut Terminal<Backend>,
    ) -> std::io::Result<bool> {
        match effect {
            Effect::Quit => {
                // Unsaved work (Ctrl-C at the question) is kept for the next
                // start, up to the last key. Recoveries on offer are other
                // windows' files: they stay either way.
                if app.dirty {
                    self.write_recovery(app);
                } else {
                    self.remove_recovery();
                }
                return Ok(true);
            }
            Effect::Redraw => super::repaint_all(terminal)?,
            Effect::ExternalEdit => self.external_edit(app, terminal)?,
            Effect::Suspend => {
                // Kept first: a stopped window may be hung up before `fg`.
                self.write_recovery(app);
                if !super::suspend(terminal, self.mouse)? {
                    app.error(crate::i18n::t("tui.no-suspend"));
                }
            }
            Effect::Save { then_quit } => return Ok(self.save(app, then_quit)),
            Effect::ConflictsResolved { save, then_quit } => {
                if let Some(theirs) = self.pending_theirs.take() {
                    self.base = Some(theirs);
                }
                self.recovery_decided(app, true);
                if save {
                    return Ok(self.save(app, then_quit));
                }
            }
            Effect::MergeFromDisk => self.merge_from_disk(app),
            Effect::TakeRecovery => self.take_recovery(app),
            Effect::DiscardRecovery => self.discard_recovery(app),
            Effect::OpenBackup => self.open_backup(app),
            Effect::SaveAs { path } => self.save_as(app, &store::paths::expand_tilde(&path)),
            Effect::Write { path, contents } => {
                let path = store::paths::expand_tilde(&path).display().to_string();
                super::export::write_new(app, path, contents);
            }
            Effect::Overwrite { path, contents } => super::export::overwrite(app, &path, &contents),
        }
        Ok(false)
    }

    pub(super) fn remove_recovery(&mut self) {
        // A write still running would put it back.
        self.settle_recovery();
        if let Some(path) = &self.recovery_path {
            recovery::remove(path);
        }
    }

    /// Saves with lock and merge. Returns true when the program is to end.
    fn save(&mut self, app: &mut App, then_quit: bool) -> bool {
        let Some(base) = &self.base else {
            app.error(crate::i18n::t("file.not-read"));
            return false;
        };
        if let Some(target) = store::link_target(&self.path)
            && self.link.as_ref() != Some(&target)
        {
            let e = store::SaveError::BecameLink {
                path: self.path.clone(),
                target,
            };
            tracing::warn!(path = %self.path.display(), error = %e, "save refused");
            app.offer_save_as(&e.to_string(), &self.save_as_suggestion());
            return false;
        }
        let started = std::time::Instant::now();
        let outcome = sync::save_merging(&self.path, base, &app.data, self.backups);
        let ms = started.elapsed().as_millis();
        match &outcome {
            Ok(SaveOutcome::Saved(_)) => tracing::info!(path = %self.path.display(), ms, "saved"),
            Ok(SaveOutcome::Merged { .. }) => {
                tracing::info!(path = %self.path.display(), ms, "saved, merged with others' changes");
            }
            Ok(SaveOutcome::Conflicts { .. }) => {
                tracing::info!(path = %self.path.display(), "save stopped: conflicts to decide");
            }
            Err(e) => tracing::warn!(path = %self.path.display(), error = %e, "save failed"),
        }
        match outcome {
            Ok(SaveOutcome::Saved(base)) => {
                self.saved(base, app);
                app.saved();
                then_quit
            }
            Ok(SaveOutcome::Merged { data, base }) => {
                self.saved(base, app);
                app.saved_merged(data);
                then_quit
            }
            Ok(SaveOutcome::Conflicts { merged, theirs }) => {
                self.pending_theirs = Some(theirs);
                app.show_conflicts(merged, AfterConflicts::Save { then_quit });
                false
            }
            // Someone else is saving right now: try again in a moment.
            Err(SyncError::Lock(e @ store::lock::LockError::Held { .. })) => {
                app.error(e.to_string());
                false
            }
            Err(SyncError::Save(store::SaveError::NewerVersion { path, found })) => {
                app.error(crate::i18n::tf(
                    "file.now-newer",
                    &[("path", &path.display()), ("found", &found)],
                ));
                false
            }
            Err(e) => {
                app.offer_save_as(&e.to_string(), &self.save_as_suggestion());
                false
            }
        }
    }

    /// After a save the file on disk is ours, with whatever others saved
    /// merged in: nothing of theirs is left to take in with `R`.
    fn saved(&mut self, base: Base, app: &mut App) {
        self.base = Some(base);
        self.seen = stat(&self.path);
        app.external_change = false;
        self.remove_recovery();
    }

    /// Notices, cheaply, that someone else saved the file.
    pub fn notice_external_change(&mut self, app: &mut App) {
        let now = stat(&self.path);
        if now == self.seen {
            return;
        }
        self.seen = now;
        let (Some(base), Ok(bytes)) = (&self.base, std::fs::read(&self.path)) else {
            return;
        };
        app.external_change = base.differs_from(&bytes);
        if app.external_change {
            tracing::info!(path = %self.path.display(), "the file was changed by someone else");
        }
    }

    fn merge_from_disk(&mut self, app: &mut App) {
        let Some(base) = &self.base else { return };
        let (theirs, theirs_base) = match store::open_file(&self.path) {
            Ok(t) => t,
            Err(e) => return app.error(e.to_string()),
        };
        if !base.differs_from(theirs_base.bytes()) {
            app.external_change = false;
            return app.info(crate::i18n::t("file.no-changes-by-others"));
        }
        let base_data = match base.data(&self.path) {
            Ok(data) => data,
            Err(e) => return app.error(e.to_string()),
        };
        match sync::merge_datasets(base_data, &app.data, &theirs.data) {
            Ok(merged) if merged.conflicts.is_empty() => match sync::from_value(merged.value) {
                Ok(data) => {
                    let only_theirs = !app.dirty;
                    self.base = Some(theirs_base);
                    app.adopt_merged(data, only_theirs);
                }
                Err(e) => app.error(e.to_string()),
            },
            Ok(merged) => {
                self.pending_theirs = Some(theirs_base);
                app.show_conflicts(merged, AfterConflicts::Adopt);
            }
            Err(e) => app.error(e.to_string()),
        }
    }

    fn open_backup(&mut self, app: &mut App) {
        let Some((path, loaded)) = self.newest_backup() else {
            return app.error(crate::i18n::t("file.no-backup"));
        };
        let mut fresh = App::new(loaded.data, app.today, app.now, &app.user, None);
        fresh.file_name = path.display().to_string();
        fresh.read_only = Some(crate::i18n::tf(
            "file.backup-restore",
            &[
                ("name", &path.display()),
                ("from", &path.display()),
                ("to", &self.path.display()),
            ],
        ));
        fresh.info(crate::i18n::tf(
            "file.backup-opened",
            &[("name", &path.display())],
        ));
        *app = fresh;
    }

    /// The file "save as" proposes (see `store::paths::save_as_suggestion`).
    fn save_as_suggestion(&self) -> String {
        store::paths::save_as_suggestion(&self.path)
            .display()
            .to_string()
    }

    fn save_as(&mut self, app: &mut App, path: &Path) {
        let written = store::to_bytes(&app.data, path)
            .and_then(|bytes| store::write_new(path, &bytes).map(|()| bytes));
        match written {
            Ok(bytes) => {
                self.remove_recovery();
                path.clone_into(&mut self.path);
                self.recovery_path = self
                    .recovery_path
                    .as_deref()
                    .and_then(Path::parent)
                    .map(|dir| recovery::recovery_path(dir, path));
                self.link = None;
                self.base = Some(Base::written(bytes));
                self.seen = stat(path);
                app.external_change = false;
                app.file_name = path.display().to_string();
                app.read_only = None;
                app.saved();
            }
            Err(e) => app.offer_save_as(&e.to_string(), &self.save_as_suggestion()),
        }
    }
}
