//! Logs, for whoever looks after the shared server: to
//! `$XDG_STATE_HOME/fachmk/fachmk.log`, never to the screen. The file is
//! rotated by size at start (`fachmk.log.1` … `.3`); the level comes from
//! `--log-level`, `FACHMK_LOG` or the configuration (`info` by default).

use std::path::{Path, PathBuf};

use tracing_subscriber::filter::LevelFilter;

use crate::config::LogLevel;

/// A log larger than this is moved aside when the program starts.
pub const ROTATE_AT: u64 = 1024 * 1024;
/// How many old logs are kept.
pub const KEEP: usize = 3;

/// The log file: `$XDG_STATE_HOME/fachmk/fachmk.log`.
pub fn path() -> Option<PathBuf> {
    crate::store::paths::state_dir().map(|d| d.join("fachmk.log"))
}

fn filter(level: LogLevel) -> LevelFilter {
    match level {
        LogLevel::Off => LevelFilter::OFF,
        LogLevel::Error => LevelFilter::ERROR,
        LogLevel::Warn => LevelFilter::WARN,
        LogLevel::Info => LevelFilter::INFO,
        LogLevel::Debug => LevelFilter::DEBUG,
        LogLevel::Trace => LevelFilter::TRACE,
    }
}

/// Why logging is off, when it could not start (shown on the screen there,
/// instead of being printed under it).
static OFF: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Notes why logging is off.
pub fn set_off_reason(why: String) {
    let _ = OFF.set(why);
}

/// Why logging is off, if it could not start.
pub fn off_reason() -> Option<&'static str> {
    OFF.get().map(String::as_str)
}

/// Starts logging at `level` into `file`. Logging is a help, not a condition:
/// when the file cannot be written the program runs without it, and says why.
pub fn start(level: LogLevel, file: &Path) -> Result<(), String> {
    if level == LogLevel::Off {
        return Ok(());
    }
    let (Some(dir), Some(_)) = (file.parent(), file.file_name()) else {
        return Err(crate::i18n::tf("log.no-path", &[("path", &file.display())]));
    };
    crate::store::paths::create_private_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    rotate(file);
    // A plain file, appended to, private like the rest of the state: each
    // event is one write through the subscriber's `Mutex<File>` writer.
    let writer = {
        use std::os::unix::fs::OpenOptionsExt as _;
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o600)
            .open(file)
            .map_err(|e| format!("{}: {e}", file.display()))?
    };
    tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(writer))
        .with_ansi(false)
        // A failing write (disk full, directory gone) must never print onto the screen.
        .log_internal_errors(false)
        .with_max_level(filter(level))
        .try_init()
        .map_err(|e| e.to_string())
}

/// `fachmk.log` → `fachmk.log.1` → … `.KEEP`, when it has grown past `ROTATE_AT`.
fn rotate(file: &Path) {
    let big = std::fs::metadata(file).is_ok_and(|m| m.len() > ROTATE_AT);
    if !big {
        return;
    }
    let numbered = |n: usize| {
        let mut name = file.as_os_str().to_owned();
        name.push(format!(".{n}"));
        PathBuf::from(name)
    };
    for n in (1..KEEP).rev() {
        let _ = std::fs::rename(numbered(n), numbered(n + 1));
    }
    let _ = std::fs::rename(file, numbered(1));
}
