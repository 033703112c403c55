//! The user's own editor for long texts, as git runs it: `$VISUAL`, else
//! `$EDITOR`, else `vi`, through `sh -c` so "code --wait" or "nano -R" work.
//! The screen is handed over and taken back; the text goes through a private
//! temporary file that is removed afterwards.

use std::io::Write as _;
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

/// Runs the editor on `text`. The outer error is the terminal's (it could not
/// be taken back); the inner one says in German why the text did not come back.
pub(super) fn edit(
    text: &str,
    terminal: &mut Terminal<Backend>,
    mouse: bool,
) -> std::io::Result<Result<String, String>> {
    let editor = editor_command();
    let file = match write_temporary(text) {
        Ok(file) => file,
        Err(e) => return Ok(Err(crate::i18n::tf("external.no-temp", &[("e", &e)]))),
    };
    restore_terminal();
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("fachmk")
        .arg(file.path())
        .status();
    enter_screen(mouse)?;
    tracing::info!(editor, status = ?status, "editor ended");
    super::repaint_all(terminal)?;
    let result = match status {
        Ok(s) if s.success() => std::fs::read_to_string(file.path())
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
    Ok(result)
}

/// A file only the user can read, holding `text`; removed when dropped.
fn write_temporary(text: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let mut file = tempfile::Builder::new()
        .prefix("fachmk-")
        .suffix(".txt")
        .tempfile()?;
    file.write_all(text.as_bytes())?;
    if !text.is_empty() {
        file.write_all(b"\n")?;
    }
    file.flush()?;
    Ok(file)
}
