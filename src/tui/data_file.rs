//! The file behind the screen: opening it (with recovery and backup offers),
//! saving with lock and merge, noticing and merging what others saved, the
//! recovery file, save-as. The effects `update` returns are run here.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use ratatui::Terminal;
use sha2::{Digest, Sha256};

use super::Backend;
use crate::app::{AfterConflicts, App, Dialog, Effect};
use crate::store::recovery::{self, Recovery};
use crate::store::sync::{self, SaveOutcome, SyncError};
use crate::store::{self, Loaded};

pub(crate) struct DataFile {
    path: PathBuf,
    /// The file as last loaded or saved: the base of every merge. `None` when
    /// it could not be read (then it is never written).
    base: Option<Loaded>,
    /// The file on disk with changes of others, while their conflicts are decided.
    pending_theirs: Option<Loaded>,
    /// Size and modification time last seen, to notice saves of others cheaply.
    seen: Option<(u64, SystemTime)>,
    recovery_path: Option<PathBuf>,
    /// A recovery offered and not yet decided: never overwritten meanwhile.
    offered: Option<Recovery>,
    pub backups: usize,
    /// Whether mouse reports are on (to turn them on again after an editor).
    pub mouse: bool,
}

fn stat(path: &Path) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

impl DataFile {
    /// Loads `path` and builds the screen on it, offering a recovery or a backup
    /// where there is one.
    pub fn open(path: &Path, session: Option<u32>, today: chrono::NaiveDate) -> (App, Self) {
        let user = store::paths::user_name();
        let mut file = Self {
            path: path.to_owned(),
            base: None,
            pending_theirs: None,
            seen: stat(path),
            recovery_path: recovery::recovery_path(path),
            offered: None,
            backups: store::DEFAULT_BACKUPS,
            mouse: false,
        };
        let mut app = match store::load_file(path) {
            Ok(loaded) => {
                let mut app = App::new(loaded.data.clone(), today, super::now(), &user, session);
                if let Some(v) = loaded.newer_version {
                    app.read_only = Some(crate::i18n::tf(
                        "file.newer-version",
                        &[("v", &v), ("known", &crate::domain::VERSION)],
                    ));
                }
                let left = serde_json::to_value(&loaded.data)
                    .ok()
                    .and_then(|mut v| store::merge::take_left_conflicts(&mut v));
                file.base = Some(loaded);
                match left {
                    // Left by `fachmk merge`: decided here, written on the next save.
                    Some(merged) => app.show_conflicts(merged, AfterConflicts::Adopt),
                    None => file.offer_recovery(&mut app),
                }
                app
            }
            Err(e) => {
                let mut app = App::new(
                    crate::domain::Dataset::empty(),
                    today,
                    super::now(),
                    &user,
                    None,
                );
                app.read_only = Some(crate::i18n::t("file.unreadable").into());
                let backup = file.newest_backup().map(|(p, _)| p.display().to_string());
                app.dialog = Some(Dialog::LoadFailed {
                    reason: e.to_string(),
                    backup,
                });
                app
            }
        };
        app.file_name = path.display().to_string();
        (app, file)
    }

    fn newest_backup(&self) -> Option<(PathBuf, Loaded)> {
        (1..=self.backups.max(1)).find_map(|n| {
            let p = store::backup_path(&self.path, n);
            store::load_file(&p).ok().map(|l| (p, l))
        })
    }

    fn offer_recovery(&mut self, app: &mut App) {
        let (Some(path), Some(base)) = (&self.recovery_path, &self.base) else {
            return;
        };
        let Some(found) = recovery::read(path) else {
            return;
        };
        let (Ok(now), Ok(then)) = (
            serde_json::to_value(&base.data),
            serde_json::to_value(&found.data),
        ) else {
            return;
        };
        let changes = store::merge::changed_records(&now, &then);
        if changes.is_empty() {
            recovery::remove(path);
            return;
        }
        let at = found
            .at
            .with_timezone(&chrono::Local)
            .format("%d.%m.%Y %H:%M")
            .to_string();
        app.dialog = Some(Dialog::Recovery {
            at,
            changes,
            show: false,
        });
        self.offered = Some(found);
    }

    /// Writes the unsaved work (with text typed into an open field) to the
    /// recovery file, or removes it when there is none.
    pub fn write_recovery(&self, app: &App) {
        if self.offered.is_some() || app.read_only.is_some() {
            return;
        }
        let Some(path) = &self.recovery_path else {
            return;
        };
        if !app.dirty && app.editor.is_none() {
            recovery::remove(path);
            return;
        }
        let Some(base) = &self.base else { return };
        let recovery = Recovery {
            format: recovery::FORMAT.to_owned(),
            file: self.path.clone(),
            user: app.user.clone(),
            at: super::now(),
            base: base.data.clone(),
            data: app.data_with_draft(),
        };
        match recovery::write(path, &recovery) {
            Ok(()) => tracing::debug!(path = %path.display(), "recovery written"),
            Err(e) => tracing::warn!(path = %path.display(), error = %e, "recovery not written"),
        }
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
                if !app.dirty {
                    self.remove_recovery();
                }
                return Ok(true);
            }
            Effect::Redraw => super::repaint_all(terminal)?,
            Effect::ExternalEdit => {
                if let Some(text) = app.external_text() {
                    let result = super::external::edit(&text, terminal, self.mouse)?;
                    app.external_edit_done(result);
                }
            }
            Effect::Save { then_quit } => return Ok(self.save(app, then_quit)),
            Effect::ConflictsResolved { save, then_quit } => {
                if let Some(theirs) = self.pending_theirs.take() {
                    self.base = Some(theirs);
                }
                if save {
                    return Ok(self.save(app, then_quit));
                }
            }
            Effect::MergeFromDisk => self.merge_from_disk(app),
            Effect::TakeRecovery => self.take_recovery(app),
            Effect::DiscardRecovery => {
                self.offered = None;
                self.remove_recovery();
            }
            Effect::OpenBackup => self.open_backup(app),
            Effect::SaveAs { path } => self.save_as(app, &store::paths::expand_tilde(&path)),
            Effect::Write { path, contents } => {
                let path = store::paths::expand_tilde(&path).display().to_string();
                match std::fs::write(&path, contents) {
                    Ok(()) => {
                        tracing::info!(path, "exported");
                        app.exported(&path);
                    }
                    Err(e) => {
                        tracing::warn!(path, error = %e, "export failed");
                        app.export_failed(crate::i18n::tf(
                            "file.cannot-write",
                            &[("path", &path), ("e", &e)],
                        ));
                    }
                }
            }
        }
        Ok(false)
    }

    fn remove_recovery(&self) {
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
        let started = std::time::Instant::now();
        let outcome = sync::save_merging(&self.path, base, &app.data, self.backups);
        let ms = started.elapsed().as_millis();
        match &outcome {
            Ok(SaveOutcome::Saved(_)) => tracing::info!(path = %self.path.display(), ms, "saved"),
            Ok(SaveOutcome::Merged(_)) => {
                tracing::info!(path = %self.path.display(), ms, "saved, merged with others' changes");
            }
            Ok(SaveOutcome::Conflicts { .. }) => {
                tracing::info!(path = %self.path.display(), "save stopped: conflicts to decide");
            }
            Err(e) => tracing::warn!(path = %self.path.display(), error = %e, "save failed"),
        }
        match outcome {
            Ok(SaveOutcome::Saved(loaded)) => {
                self.saved(loaded);
                app.saved();
                then_quit
            }
            Ok(SaveOutcome::Merged(loaded)) => {
                app.data = loaded.data.clone();
                self.saved(loaded);
                app.saved();
                app.info(crate::i18n::t("file.saved-merged"));
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
                app.offer_save_as(&e.to_string());
                false
            }
        }
    }

    fn saved(&mut self, loaded: Loaded) {
        self.base = Some(loaded);
        self.seen = stat(&self.path);
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
        let digest: [u8; 32] = Sha256::digest(&bytes).into();
        app.external_change = digest != base.digest;
        if app.external_change {
            tracing::info!(path = %self.path.display(), "the file was changed by someone else");
        }
    }

    fn merge_from_disk(&mut self, app: &mut App) {
        let Some(base) = &self.base else { return };
        let theirs = match store::load_file(&self.path) {
            Ok(t) => t,
            Err(e) => return app.error(e.to_string()),
        };
        if theirs.digest == base.digest {
            app.external_change = false;
            return app.info(crate::i18n::t("file.no-changes-by-others"));
        }
        match sync::merge_datasets(&base.data, &app.data, &theirs.data) {
            Ok(merged) if merged.conflicts.is_empty() => match sync::from_value(merged.value) {
                Ok(data) => {
                    let only_theirs = !app.dirty;
                    self.base = Some(theirs);
                    app.adopt_merged(data, only_theirs);
                }
                Err(e) => app.error(e.to_string()),
            },
            Ok(merged) => {
                self.pending_theirs = Some(theirs);
                app.show_conflicts(merged, AfterConflicts::Adopt);
            }
            Err(e) => app.error(e.to_string()),
        }
    }

    fn take_recovery(&mut self, app: &mut App) {
        let Some(found) = self.offered.take() else {
            return;
        };
        // The work was based on `found.base`; saving merges it with the file as it is now.
        if let Ok(bytes) = store::to_bytes(&found.base, &self.path) {
            self.base = Some(Loaded {
                data: found.base,
                newer_version: None,
                digest: Sha256::digest(&bytes).into(),
            });
        }
        app.data = found.data;
        app.mark_changed();
        app.info(crate::i18n::t("file.recovered"));
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

    fn save_as(&mut self, app: &mut App, path: &Path) {
        let written = store::to_bytes(&app.data, path)
            .and_then(|bytes| store::write_new(path, &bytes).map(|()| bytes));
        match written {
            Ok(bytes) => {
                self.remove_recovery();
                path.clone_into(&mut self.path);
                self.recovery_path = recovery::recovery_path(path);
                self.base = Some(Loaded {
                    data: app.data.clone(),
                    newer_version: None,
                    digest: Sha256::digest(&bytes).into(),
                });
                self.seen = stat(path);
                app.file_name = path.display().to_string();
                app.read_only = None;
                app.saved();
            }
            Err(e) => app.offer_save_as(&e.to_string()),
        }
    }
}
