//! The Dialog component: questions that must be answered before anything
//! else — unsaved work on quit, conflicting changes of others, a recovery to
//! take back, a file that could not be read, an export's file that exists.
//! Its keys are in `keys.rs`, its drawing in `ui/dialog.rs`; the event loop
//! opens most of them through the `App` methods at the end.

pub(super) mod keys;

use super::{Action, App, Ctx, EditTarget, Editor, Effect, Request};
use crate::store::merge::{Merged, Resolution, resolve};

/// What happens once all conflicts are decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterConflicts {
    /// They came up while saving: save the result.
    Save { then_quit: bool },
    /// They came up while taking in others' changes: just keep the result.
    Adopt,
}

/// Conflicting changes, decided one after the other.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictDialog {
    pub merged: Merged,
    /// One decision per conflict decided so far.
    pub decisions: Vec<Resolution>,
    pub after: AfterConflicts,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Unsaved work and the user wants to quit.
    QuitUnsaved,
    /// The data file could not be read; `backup` names a readable backup.
    LoadFailed {
        reason: String,
        backup: Option<String>,
    },
    /// Others changed the same fields.
    Conflicts(Box<ConflictDialog>),
    /// Unsaved work from an earlier run: when, what it changes, whether shown.
    Recovery {
        at: String,
        changes: Vec<String>,
        show: bool,
    },
    /// An export's file exists already (`link`: it is a symbolic link):
    /// overwrite it with `contents`?
    Overwrite {
        path: String,
        contents: Vec<u8>,
        link: bool,
    },
}

impl App {
    /// Shows the conflicts of a merge for the user to decide.
    pub fn show_conflicts(&mut self, merged: Merged, after: AfterConflicts) {
        self.dialog = Some(Dialog::Conflicts(Box::new(ConflictDialog {
            merged,
            decisions: Vec::new(),
            after,
        })));
    }

    /// The data as saved, merged with others' work, in place of the screen's.
    /// A concern made here that someone else made under the same number
    /// meanwhile has the next free number now: a field open on it follows it,
    /// and the message says so.
    pub fn saved_merged(&mut self, data: crate::domain::Dataset) {
        let renumbered = crate::store::merge::renumbered_concerns(&self.data, &data);
        if let Some(editor) = self.editor.as_mut()
            && let super::EditTarget::ConcernTitle { id } | super::EditTarget::ConcernDetails { id } =
                &mut editor.target
            && let Some((old, now)) = renumbered.iter().find(|(old, _)| old == id)
        {
            id.clone_from(now);
            editor.title = editor.title.replace(old.as_str(), now);
        }
        self.data = std::sync::Arc::new(data);
        self.saved();
        match renumbered.first() {
            Some((old, now)) => self.info(crate::i18n::tf(
                "file.concern-renumbered",
                &[("old", old), ("new", now)],
            )),
            None => self.info(crate::i18n::t("file.saved-merged")),
        }
    }

    /// The others' changes were merged in without conflict.
    pub fn adopt_merged(&mut self, data: crate::domain::Dataset, others_only: bool) {
        self.data = std::sync::Arc::new(data);
        self.external_change = false;
        self.revision += 1;
        if others_only {
            self.dirty = false;
            self.history.mark_saved();
        } else {
            self.history.changed();
        }
        self.info(crate::i18n::t("dialogs.merged"));
    }

    /// The export's file exists: ask before replacing it.
    pub fn ask_overwrite(&mut self, path: String, contents: Vec<u8>, link: bool) {
        // The question takes over from the path field: declining ends the export.
        if self
            .editor
            .as_ref()
            .is_some_and(|e| e.target == super::EditTarget::ExportPath)
        {
            self.editor = None;
        }
        self.dialog = Some(Dialog::Overwrite {
            path,
            contents,
            link,
        });
    }

    /// Saving failed: say why and offer to save elsewhere (at `suggestion`,
    /// which the caller chose where a file can be written), so nothing is lost.
    pub fn offer_save_as(&mut self, reason: &str, suggestion: &str) {
        self.error(reason.to_owned());
        let mut editor = Editor::new(
            EditTarget::SaveAsPath,
            crate::i18n::t("dialogs.save-as"),
            suggestion,
        );
        editor.error = Some(reason.to_owned());
        self.editor = Some(editor);
    }
}

impl Dialog {
    /// Handles an action of the Dialog layer.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        match self {
            Self::QuitUnsaved => match action {
                Action::DialogSave | Action::DialogYes | Action::Open => {
                    ctx.request(Request::Close);
                    if let Some(reason) = ctx.read_only {
                        ctx.error(crate::i18n::tf("app.cannot-save", &[("reason", &reason)]));
                        return Vec::new();
                    }
                    vec![Effect::Save { then_quit: true }]
                }
                Action::DialogDiscard => {
                    *ctx.dirty = false;
                    vec![Effect::DiscardRecovery, Effect::Quit]
                }
                Action::Back => {
                    ctx.request(Request::Close);
                    Vec::new()
                }
                // Ctrl-C asked twice: end; the work is offered at the next start.
                Action::Quit => vec![Effect::Quit],
                _ => Vec::new(),
            },
            Self::LoadFailed { backup, .. } => match action {
                Action::OpenBackup if backup.is_some() => {
                    ctx.request(Request::Close);
                    vec![Effect::OpenBackup]
                }
                Action::Back
                | Action::Open
                | Action::DialogYes
                | Action::Quit
                | Action::DialogDiscard => {
                    vec![Effect::Quit]
                }
                _ => Vec::new(),
            },
            Self::Conflicts(conflicts) => decide_conflict(conflicts, action, ctx),
            Self::Recovery { show, .. } => match action {
                Action::Restore => {
                    ctx.request(Request::Close);
                    vec![Effect::TakeRecovery]
                }
                Action::ShowDifference => {
                    *show = !*show;
                    Vec::new()
                }
                Action::DialogDiscard => {
                    ctx.request(Request::Close);
                    ctx.info(crate::i18n::t("dialogs.recovery-discarded"));
                    vec![Effect::DiscardRecovery]
                }
                // Ctrl-C ends and leaves the offer for the next start.
                Action::Quit => vec![Effect::Quit],
                // No way past it without a decision: the work would be overwritten.
                _ => Vec::new(),
            },
            // Only an explicit j/y overwrites: a stray Enter after typing the
            // name keeps the file that is there.
            Self::Overwrite { path, contents, .. } => match action {
                Action::DialogYes => {
                    ctx.request(Request::Close);
                    vec![Effect::Overwrite {
                        path: std::mem::take(path),
                        contents: std::mem::take(contents),
                    }]
                }
                Action::Back | Action::Open | Action::DialogDiscard => {
                    ctx.request(Request::Close);
                    ctx.info(crate::i18n::tf("dialogs.not-exported", &[("path", &path)]));
                    Vec::new()
                }
                _ => Vec::new(),
            },
        }
    }
}

/// One conflict decided; once all are, the result replaces the data.
fn decide_conflict(dialog: &mut ConflictDialog, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
    let index = dialog.decisions.len();
    let Some(conflict) = dialog.merged.conflicts.get(index) else {
        return Vec::new();
    };
    let decision = match action {
        Action::TakeMine => Resolution::Ours,
        Action::TakeTheirs => Resolution::Theirs,
        Action::TakeBoth if conflict.both_are_text() => Resolution::Both,
        Action::Back => {
            // Nothing is written; the work stays, unsaved.
            ctx.request(Request::Close);
            ctx.info(crate::i18n::t("dialogs.merge-cancelled"));
            return Vec::new();
        }
        // Ctrl-C ends; nothing is written, unsaved work is kept for recovery.
        Action::Quit => return vec![Effect::Quit],
        _ => return Vec::new(),
    };
    dialog.decisions.push(decision);
    if dialog.decisions.len() < dialog.merged.conflicts.len() {
        return Vec::new();
    }
    ctx.request(Request::Close);
    match crate::store::sync::from_value(resolve(&dialog.merged, &dialog.decisions)) {
        Ok(data) => {
            *ctx.data = std::sync::Arc::new(data);
            ctx.mark_changed();
            ctx.request(Request::Merged);
            let (save, then_quit) = match dialog.after {
                AfterConflicts::Save { then_quit } => (true, then_quit),
                AfterConflicts::Adopt => (false, false),
            };
            ctx.info(crate::i18n::t("dialogs.conflicts-decided"));
            vec![Effect::ConflictsResolved { save, then_quit }]
        }
        Err(e) => {
            ctx.error(e.to_string());
            Vec::new()
        }
    }
}
