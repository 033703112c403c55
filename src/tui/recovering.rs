//! The data file's recovery: this window's own file (written shortly after
//! each change, before the user's editor opens, on signals and a dead
//! terminal), and the files other windows left behind, offered newest first.
//! A recovery directory that cannot be written says so once, on the screen.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use ratatui::Terminal;

use super::Backend;
use super::data_file::DataFile;
use super::external::{self, Scratch};
use super::signals::EDITOR_OPEN;
use crate::app::{AfterConflicts, App, Dialog};
use crate::store::recovery::{self, Recovery};
use crate::store::{self, sync};

/// The bottom line at the smallest usual terminal: the warning fits it whole.
const LINE_WIDTH: usize = 80;

/// "Recovery off: DIR not writable (why)", the directory shortened in the
/// middle (the full one is in the log) so that the reason stays readable in
/// one line of 80 columns.
fn recovery_off_message(dir: &str, e: &str) -> String {
    use unicode_width::UnicodeWidthStr;
    // "Permission denied (os error 13)": the number is for the log.
    let e = e.split(" (os error ").next().unwrap_or(e);
    let message = |dir: &str| crate::i18n::tf("file.recovery-off", &[("dir", &dir), ("e", &e)]);
    let full = message(dir);
    let prefix = crate::i18n::tf("hints.error", &[("message", &"")]).width();
    let over = (full.width() + prefix).saturating_sub(LINE_WIDTH);
    let chars: Vec<char> = dir.chars().collect();
    if over == 0 || chars.len() < 12 {
        return full;
    }
    // Keep at least the start and the last part of the path: what it is.
    let keep = chars.len().saturating_sub(over + 1).max(8);
    let head = keep / 3;
    let tail = keep - head;
    let short: String = chars[..head]
        .iter()
        .chain(std::iter::once(&'…'))
        .chain(&chars[chars.len() - tail..])
        .collect();
    message(&short)
}

impl DataFile {
    /// Finds this window's recovery file (warning once when recovery is off)
    /// and offers what other windows left behind.
    pub(super) fn start_recovery(&mut self, app: &mut App) {
        let dir = recovery::recovery_dir();
        let checked = dir.as_deref().map(recovery::check_dir);
        match (&dir, checked) {
            (Some(dir), Some(Ok(()))) => {
                self.recovery_path = Some(recovery::recovery_path(dir, &self.path));
                if let Some(why) = crate::log::off_reason() {
                    app.error(crate::i18n::tf("main.log-off", &[("why", &why)]));
                }
            }
            (dir, checked) => {
                let shown = dir
                    .as_deref()
                    .map_or_else(|| "$XDG_STATE_HOME".to_owned(), |d| d.display().to_string());
                let e = match checked {
                    Some(Err(e)) => e.to_string(),
                    _ => crate::i18n::t("file.no-home").to_owned(),
                };
                tracing::warn!(dir = shown, error = e, "recovery off");
                app.error(recovery_off_message(&shown, &e));
            }
        }
        if self.base.is_none() || app.dialog.is_some() || app.read_only.is_some() {
            return;
        }
        if let Some(dir) = &dir {
            self.offered = recovery::left_behind(dir, &self.path);
            self.found = self.offered.len();
        }
        self.offer_next(app);
    }

    /// The work of a recovery file, with the text its editor left put in place.
    fn recovered_data(found: &Recovery) -> crate::domain::Dataset {
        let mut data = found.data.clone();
        if let (Some(place), Some(text)) = (&found.place, recovery::editor_text(found)) {
            crate::app::put_text(&mut data, place, &text);
        }
        data
    }

    /// Shows the dialog for the first recovery still to decide; one that
    /// changes nothing is removed unasked.
    fn offer_next(&mut self, app: &mut App) {
        while let Some((path, found)) = self.offered.first() {
            // What the work changed, from where it began.
            let changes = serde_json::to_value(&found.base)
                .and_then(|base| Ok((base, serde_json::to_value(Self::recovered_data(found))?)))
                .map(|(base, work)| store::merge::changed_records(&base, &work))
                .unwrap_or_default();
            if changes.is_empty() {
                recovery::remove(path);
                self.offered.remove(0);
                continue;
            }
            let mut at = found
                .at
                .with_timezone(&chrono::Local)
                .format("%d.%m.%Y %H:%M")
                .to_string();
            if self.found > 1 {
                let n = self.found - self.offered.len() + 1;
                at = crate::i18n::tf(
                    "file.recovery-window",
                    &[("at", &at), ("n", &n), ("count", &self.found)],
                );
            }
            app.dialog = Some(Dialog::Recovery {
                at,
                changes,
                show: false,
            });
            return;
        }
    }

    /// Takes the offered work back: merged into what is on screen (so a
    /// second window's work adds to the first's), landing where it was typed.
    pub(super) fn take_recovery(&mut self, app: &mut App) {
        if self.offered.is_empty() {
            return;
        }
        let (path, found) = self.offered.remove(0);
        let data = Self::recovered_data(&found);
        // Base: as the work began; ours: the work; theirs: what is on screen.
        match sync::merge_datasets(&found.base, &data, &app.data) {
            Ok(merged) if merged.conflicts.is_empty() => match sync::from_value(merged.value) {
                Ok(data) => {
                    app.restore_work(data, found.place.as_ref());
                    app.info(crate::i18n::t("file.recovered"));
                }
                Err(e) => return app.error(e.to_string()),
            },
            Ok(merged) => {
                // Its file stays until they are decided (`recovery_decided`):
                // Esc there offers the work again, rather than losing it.
                app.mark_changed();
                app.show_conflicts(merged, AfterConflicts::Adopt);
                self.taking = Some((path, found));
                return;
            }
            Err(e) => return app.error(e.to_string()),
        }
        recovery::remove(&path);
        tracing::info!(path = %path.display(), "recovery taken");
        if app.dialog.is_none() {
            self.offer_next(app);
        }
    }

    /// After the conflicts of a recovery taken back: decided, its file goes;
    /// left with Esc, the work is offered again. Called after every key.
    pub fn recovery_decided(&mut self, app: &mut App, decided: bool) {
        if app.dialog.is_some() && !decided {
            return;
        }
        let Some((path, found)) = self.taking.take() else {
            return;
        };
        if decided {
            recovery::remove(&path);
            tracing::info!(path = %path.display(), "recovery taken");
        } else {
            self.offered.insert(0, (path, found));
        }
        if app.dialog.is_none() {
            self.offer_next(app);
        }
    }

    /// Discards the offered recovery (then offers the next), or, when none is
    /// offered, this window's own (quitting without saving).
    pub(super) fn discard_recovery(&mut self, app: &mut App) {
        if self.offered.is_empty() {
            self.remove_recovery();
            return;
        }
        let (path, _) = self.offered.remove(0);
        recovery::remove(&path);
        tracing::info!(path = %path.display(), "recovery discarded");
        self.offer_next(app);
    }

    /// Writes the unsaved work (with text typed into an open field, and the
    /// editor's scratch file while it is open) to this window's recovery
    /// file, or removes it when there is none; here, after a write still
    /// running on the second thread.
    pub fn write_recovery(&mut self, app: &App) {
        self.settle_recovery();
        if let Some((path, work)) = self.recovery_work(app) {
            write_logged(&path, work);
        }
    }

    /// `write_recovery` on a second thread (serializing and syncing 22 MB
    /// took the screen ~0.7 s), the data shared, not copied (a change made
    /// meanwhile copies it). False when the last write is still running:
    /// then try again shortly (two never run at once, so the newer one lands
    /// last).
    pub fn write_recovery_beside(&mut self, app: &App) -> bool {
        if self
            .recovery_writer
            .as_ref()
            .is_some_and(|w| !w.is_finished())
        {
            return false;
        }
        self.settle_recovery();
        if let Some((path, work)) = self.recovery_work(app) {
            let spawned = std::thread::Builder::new().name("recovery".into()).spawn({
                let (path, work) = (path.clone(), work.clone());
                move || write_logged(&path, work)
            });
            match spawned {
                Ok(writer) => self.recovery_writer = Some(writer),
                Err(_) => write_logged(&path, work),
            }
        }
        true
    }

    /// Waits for a recovery file being written on the second thread.
    pub(super) fn settle_recovery(&mut self) {
        if let Some(writer) = self.recovery_writer.take() {
            let _ = writer.join();
        }
    }

    /// This window's recovery file and the work to keep in it now; `None`
    /// when none is to be written (its file is removed when there is no
    /// unsaved work).
    fn recovery_work(&self, app: &App) -> Option<(PathBuf, recovery::Work)> {
        if !self.offered.is_empty() || app.read_only.is_some() {
            return None;
        }
        let path = self.recovery_path.as_ref()?;
        if !app.dirty && app.editor.is_none() {
            recovery::remove(path);
            return None;
        }
        let work = recovery::Work {
            file: self.path.clone(),
            user: app.user.clone(),
            at: super::now(),
            base: self.base.as_ref()?.shared_bytes(),
            data: std::sync::Arc::clone(&app.data),
            draft: app.draft(),
            place: app.place(),
            editor_file: self.editing.clone(),
        };
        Some((path.clone(), work))
    }

    /// The user's own editor on the open field. Its scratch file and a
    /// recovery naming it are written before it opens: a hang-up meanwhile
    /// keeps whatever the editor wrote there.
    pub(super) fn external_edit(
        &mut self,
        app: &mut App,
        terminal: &mut Terminal<Backend>,
    ) -> std::io::Result<()> {
        let Some(text) = app.external_text() else {
            return Ok(());
        };
        let kept: Option<PathBuf> = self.recovery_path.as_deref().map(recovery::editor_path);
        let scratch = match external::prepare(&text, kept) {
            Ok(scratch) => scratch,
            Err(why) => {
                app.external_edit_done(Err(why));
                return Ok(());
            }
        };
        if let Scratch::Kept(path) = &scratch {
            self.editing = Some(path.clone());
            self.write_recovery(app);
        }
        EDITOR_OPEN.store(true, Ordering::SeqCst);
        let result = external::edit(&scratch, terminal, self.mouse);
        EDITOR_OPEN.store(false, Ordering::SeqCst);
        // The terminal is gone: the scratch file stays for the recovery.
        let (result, killed) = result?;
        if !(killed && matches!(scratch, Scratch::Kept(_))) {
            self.editing = None;
            scratch.remove();
        }
        // Else killed, perhaps by the hang-up that is about to end us too: the
        // text stays where the recovery finds it, until the next key.
        app.external_edit_done(result);
        Ok(())
    }

    /// A key came after an editor was ended by a signal: it was not a
    /// hang-up, so its scratch file is no longer needed.
    pub(super) fn settle_editor(&mut self) {
        if let Some(path) = self.editing.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Writes a recovery file, saying in the log how it went.
fn write_logged(path: &Path, work: recovery::Work) {
    match recovery::write_work(path, work) {
        Ok(()) => tracing::debug!(path = %path.display(), "recovery written"),
        Err(e) => tracing::warn!(path = %path.display(), error = %e, "recovery not written"),
    }
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::recovery_off_message;

    #[test]
    fn a_long_directory_is_shortened_in_the_middle_and_the_reason_stays() {
        let dir = format!("/srv/{}/fachmk/zustand", "geschaeftsstelle/".repeat(6));
        let e = "Permission denied (os error 13)";
        let text = recovery_off_message(&dir, e);
        assert!(text.contains(": /s"), "{text}");
        assert!(text.contains("stand nicht beschreibbar"), "{text}");
        assert!(text.contains('…'), "{text}");
        assert!(text.ends_with("(Permission denied)"), "{text}");
        let prefix = crate::i18n::tf("hints.error", &[("message", &"")]).width();
        assert!(
            text.width() + prefix <= 80,
            "{} {text}",
            text.width() + prefix
        );
        // A short one stays whole.
        assert!(recovery_off_message("/tmp/x", e).contains("/tmp/x nicht"));
    }
}
