//! The screen's export to a file: created new; an existing file (or a link
//! someone planted there) is replaced only after asking, and never written through.

use std::path::Path;

use crate::app::App;
use crate::store;

/// Writes the export to `path` if nothing is there; otherwise asks.
pub(super) fn write_new(app: &mut App, path: String, contents: Vec<u8>) {
    match store::write_export(Path::new(&path), &contents) {
        Ok(()) => exported(app, &path),
        Err(store::SaveError::Exists { .. }) => {
            let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            app.ask_overwrite(path, contents, link);
        }
        Err(e) => failed(app, &path, &e),
    }
}

/// Replaces what is at `path` with the export (the user agreed).
pub(super) fn overwrite(app: &mut App, path: &str, contents: &[u8]) {
    match store::overwrite_export(Path::new(path), contents) {
        Ok(()) => exported(app, path),
        Err(e) => failed(app, path, &e),
    }
}

/// Says where the file went with its full path: a relative name was taken
/// from the directory fachmk was started in, which the user may not know
/// (after `su -` or in a tmux window, often the home directory).
fn exported(app: &mut App, path: &str) {
    let full =
        std::path::absolute(path).map_or_else(|_| path.to_owned(), |p| p.display().to_string());
    tracing::info!(path = full, "exported");
    app.exported(&full);
}

/// The export dialog stays open with the path as typed, and says why.
fn failed(app: &mut App, path: &str, e: &store::SaveError) {
    tracing::warn!(path, error = %e, "export failed");
    app.export_failed(match e {
        store::SaveError::Io { source, .. } => crate::i18n::tf(
            "file.cannot-write",
            &[("path", &path), ("e", &store::Cause(source))],
        ),
        other => other.to_string(),
    });
}
