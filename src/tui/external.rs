//! The user's own editor for long texts, as git runs it: `$VISUAL`, else
//! `$EDITOR`, else `vi`, through `sh -c` so "code --wait" or "nano -R" work.
//! The screen is handed over and taken back; the text goes through the
//! window's scratch file in the private recovery directory, removed once the
//! text is back (kept when the connection drops meanwhile).

use std::path::{Path, PathBuf};
use std::process::Command;

use ratatui::Terminal;

use super::{Backend, enter_screen, restore_terminal};

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`.
fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// Where the text goes to the editor: the window's scratch file in the
/// recovery directory (kept on a hang-up and offered at the next start), or,
/// when recovery is off, a file in a private temporary directory.
pub(super) enum Scratch {
    Kept(PathBuf),
    /// The directory is removed with it.
    Temporary {
        _dir: tempfile::TempDir,
        path: PathBuf,
    },
}

impl Scratch {
    pub(super) fn path(&self) -> &Path {
        match self {
            Self::Kept(path) | Self::Temporary { path, .. } => path,
        }
    }

    /// Removes the file once its text is back.
    pub(super) fn remove(self) {
        if let Self::Kept(path) = self {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Writes `text` to the scratch file (`kept`, else a temporary one); the
/// error says in German why not.
pub(super) fn prepare(text: &str, kept: Option<PathBuf>) -> Result<Scratch, String> {
    let written = match kept {
        Some(path) => {
            crate::store::recovery::write_editor_file(&path, text).map(|()| Scratch::Kept(path))
        }
        None => tempfile::Builder::new()
            .prefix("fachmk-")
            .tempdir()
            .and_then(|dir| {
                let path = dir.path().join("text.txt");
                crate::store::recovery::write_editor_file(&path, text)?;
                Ok(Scratch::Temporary { _dir: dir, path })
            }),
    };
    written.map_err(|e| crate::i18n::tf("external.no-temp", &[("e", &e)]))
}

/// Runs the editor on the scratch file. The outer error is the terminal's (it
/// could not be taken back: the file is left for recovery); the inner one
/// says in German why the text did not come back. The flag: the editor was
/// ended by a signal (a hang-up may be on its way to us too).
pub(super) fn edit(
    scratch: &Scratch,
    terminal: &mut Terminal<Backend>,
    mouse: bool,
) -> std::io::Result<(Result<String, String>, bool)> {
    let editor = editor_command();
    restore_terminal();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("fachmk")
        .arg(scratch.path())
        .status();
    tracing::info!(editor, status = ?status, "editor ended");
    enter_screen(mouse)?;
    super::repaint_all(terminal)?;
    // By a signal: itself, or the shell reports 128 + its number.
    let killed = matches!(&status, Ok(s) if s.code().is_none_or(|c| (129..=192).contains(&c)));
    let result = match status {
        Ok(s) if s.success() => std::fs::read_to_string(scratch.path())
            .map_err(|e| crate::i18n::tf("external.unreadable", &[("e", &e)])),
        Ok(s) => Err(match s.code() {
            Some(127) => crate::i18n::tf("external.not-found", &[("editor", &editor)]),
            Some(code) => crate::i18n::tf("external.exit", &[("editor", &editor), ("code", &code)]),
            None => crate::i18n::tf("external.killed", &[("editor", &editor)]),
        }),
        Err(e) => Err(crate::i18n::tf(
            "external.cannot-start",
            &[("editor", &editor), ("e", &e)],
        )),
    };
    Ok((result, killed))
}
