//! What keeps a configuration from doing harm: it is read only from a regular
//! file of sensible size, and it always leaves a way out (Ctrl-C).

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::{Action, Key, Rebinding};

/// A configuration file is a few lines; larger ones are refused unread.
const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// Ctrl-C always ends the program (asking when there is unsaved work): it
/// cannot be given to another action, and a rebound `quit` keeps it. A `quit`
/// with no key at all would leave no way out but a signal: refused.
pub(super) fn keep_a_way_out(
    overrides: &mut [(Rebinding, usize, String)],
) -> Result<(), (usize, String)> {
    let ctrl_c = Key {
        code: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
    };
    for (rebinding, line, path) in overrides.iter_mut() {
        if rebinding.action == Action::Quit {
            if rebinding.keys.is_empty() {
                return Err((*line, crate::i18n::tf("config.no-quit", &[("path", &path)])));
            }
            if !rebinding.keys.contains(&ctrl_c) {
                rebinding.keys.push(ctrl_c);
            }
        } else if rebinding.keys.contains(&ctrl_c) {
            return Err((*line, crate::i18n::tf("config.ctrl-c", &[("path", &path)])));
        }
    }
    Ok(())
}

/// The configuration's text; `None` when it is missing and not `required`.
pub(super) fn read_text(path: &Path, required: bool) -> Result<Option<String>, String> {
    // A FIFO or device is refused before it is opened; no configuration is 1 MiB.
    let read = crate::store::read::read_regular(path, MAX_CONFIG_SIZE).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|e| {
            crate::store::read::ReadError::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                e.utf8_error(),
            ))
        })
    });
    match read {
        Ok(t) => Ok(Some(t)),
        Err(crate::store::read::ReadError::Io(e))
            if e.kind() == std::io::ErrorKind::NotFound && !required =>
        {
            Ok(None)
        }
        Err(crate::store::read::ReadError::Io(e)) => {
            Err(crate::i18n::tf("config.unreadable", &[("e", &e)]))
        }
        Err(crate::store::read::ReadError::NotRegular(what)) => {
            Err(crate::i18n::tf("config.not-regular", &[("what", &what)]))
        }
        Err(crate::store::read::ReadError::TooLarge(size)) => Err(crate::i18n::tf(
            "config.too-large",
            &[("size", &size), ("max", &MAX_CONFIG_SIZE)],
        )),
    }
}
