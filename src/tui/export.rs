//! The screen's export to a file: created new; an existing file (or a link
//! someone planted there) is replaced only after asking, and never written through.

use std::path::Path;

use crate::app::App;
use crate::store;

/// Writes the export to `path` if nothing is there; otherwise asks.
pub(super) fn write_new(app: &mut App, path: String, contents: String) {
    match store::write_export(Path::new(&path), contents.as_bytes()) {
        Ok(()) => exported(app, &path),
        Err(store::SaveError::Exists { .. }) => {
            let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            app.ask_overwrite(path, contents, link);
        }
        Err(e) => failed(app, &path, &e),
    }
}

/// Replaces what is at `path` with the export (the user agreed).
pub(super) fn overwrite(app: &mut App, path: &str, contents: &str) {
    match store::overwrite_export(Path::new(path), contents.as_bytes()) {
        Ok(()) => exported(app, path),
        Err(e) => failed(app, path, &e),
    }
}

fn exported(app: &mut App, path: &str) {
    tracing::info!(path, "exported");
    app.info(crate::i18n::tf("file.exported", &[("path", &path)]));
}

fn failed(app: &mut App, path: &str, e: &store::SaveError) {
    tracing::warn!(path, error = %e, "export failed");
    app.error(match e {
        store::SaveError::Io { source, .. } => {
            crate::i18n::tf("file.cannot-write", &[("path", &path), ("e", source)])
        }
        other => other.to_string(),
    });
}
