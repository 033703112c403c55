//! Unsaved work kept safe: one recovery file per window (process), written
//! shortly after each change, before the user's own editor opens, and when the
//! program is ended by a signal or a dead terminal; offered back at the next
//! start, newest first. It holds the work, the version it was based on (so
//! taking it back merges cleanly with what others saved meanwhile), the place
//! where text was being typed, and the scratch file of an open editor.
//!
//! Files: `$XDG_STATE_HOME/fachmk/recovery/<hash of the data file>-<pid>-<start>.json`
//! (0600, in a 0700 directory), the editor's text beside it as `….txt`. A
//! window's own files are never offered to another window while it runs.

use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use atomic_write_file::unix::OpenOptionsExt as _;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::Dataset;

/// The contents of a recovery file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub format: String,
    /// The data file this work belongs to.
    pub file: PathBuf,
    pub user: String,
    pub at: chrono::DateTime<chrono::Utc>,
    /// The data file as it was loaded when the work began.
    pub base: Dataset,
    /// The unsaved work, including text typed into an open field.
    pub data: Dataset,
    /// Where text was being typed (the open field), if anywhere.
    #[serde(default)]
    pub place: Option<crate::app::Place>,
    /// The scratch file of the user's own editor, open when this was written:
    /// its text (as last saved there) belongs at `place`.
    #[serde(default)]
    pub editor_file: Option<PathBuf>,
}

pub const FORMAT: &str = "fachmk-recovery";

/// The recovery directory: `$XDG_STATE_HOME/fachmk/recovery`.
pub fn recovery_dir() -> Option<PathBuf> {
    Some(super::paths::state_dir()?.join("recovery"))
}

/// The part of the names shared by all windows on one data file.
fn file_key(data_file: &Path) -> String {
    let absolute = std::fs::canonicalize(data_file).unwrap_or_else(|_| data_file.to_owned());
    let hash = Sha256::digest(absolute.as_os_str().as_encoded_bytes());
    hash.iter().take(8).fold(String::new(), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The start time of process `pid` (clock ticks since boot), from `/proc`:
/// with the pid it names one process, even after the pid is reused.
fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Field 22; the name (field 2) is in parentheses and may hold spaces.
    let after_name = stat.get(stat.rfind(')')? + 1..)?;
    after_name.split_whitespace().nth(19)?.parse().ok()
}

/// This window's recovery file for `data_file`:
/// `<dir>/<hash>-<pid>-<start>.json`.
pub fn recovery_path(dir: &Path, data_file: &Path) -> PathBuf {
    let pid = std::process::id();
    let start = start_time(pid).unwrap_or(0);
    dir.join(format!("{}-{pid}-{start}.json", file_key(data_file)))
}

/// The editor's scratch file belonging to a recovery file.
pub fn editor_path(recovery: &Path) -> PathBuf {
    recovery.with_extension("txt")
}

/// Whether the window that writes `path` is still running.
fn window_alive(path: &Path) -> bool {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    let mut parts = stem.rsplitn(3, '-');
    let (Some(start), Some(pid), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
        return false; // the one file of older versions
    };
    let (Ok(start), Ok(pid)) = (start.parse::<u64>(), pid.parse::<u32>()) else {
        return false;
    };
    pid != std::process::id() && start_time(pid) == Some(start)
}

/// The recovery files of `data_file` left by windows that no longer run,
/// newest first.
pub fn left_behind(dir: &Path, data_file: &Path) -> Vec<(PathBuf, Recovery)> {
    let key = file_key(data_file);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, Recovery)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&key))
                && !window_alive(p)
        })
        .filter_map(|p| read(&p).map(|r| (p, r)))
        .collect();
    found.sort_by_key(|(_, r)| std::cmp::Reverse(r.at));
    found
}

/// Makes sure recovery files can be written in `dir` (created 0700 if
/// missing); the error says why not.
pub fn check_dir(dir: &Path) -> std::io::Result<()> {
    super::paths::create_private_dir(dir)?;
    tempfile::Builder::new()
        .prefix(".probe-")
        .tempfile_in(dir)
        .map(drop)
}

/// Writes the recovery file atomically, readable by its owner only.
pub fn write(path: &Path, recovery: &Recovery) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        super::paths::create_private_dir(dir)?;
    }
    let bytes = serde_json::to_vec(recovery).map_err(std::io::Error::other)?;
    let mut options = atomic_write_file::OpenOptions::new();
    options.preserve_mode(false).mode(0o600);
    let mut file = options.open(path)?;
    file.write_all(&bytes)?;
    file.commit()
}

/// Writes `text` to the editor's scratch file `path`, new, readable by its
/// owner only (a stale one of this window is replaced).
pub fn write_editor_file(path: &Path, text: &str) -> std::io::Result<()> {
    let _ = std::fs::remove_file(path);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits().cast_signed())
        .open(path)?;
    file.write_all(text.as_bytes())?;
    if !text.is_empty() {
        file.write_all(b"\n")?;
    }
    file.sync_all()
}

/// Reads a recovery file; `None` when there is none or it is not one.
pub fn read(path: &Path) -> Option<Recovery> {
    let bytes = std::fs::read(path).ok()?;
    let recovery: Recovery = serde_json::from_slice(&bytes).ok()?;
    (recovery.format == FORMAT).then_some(recovery)
}

/// The text an editor left in its scratch file, if it is there.
pub fn editor_text(recovery: &Recovery) -> Option<String> {
    let text = std::fs::read_to_string(recovery.editor_file.as_ref()?).ok()?;
    Some(text.trim_end().to_owned())
}

/// Removes a recovery file and its editor's scratch file (after a save, or
/// when the user discards or takes it).
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(editor_path(path));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_window_is_alive_to_others_and_a_made_up_one_is_not() {
        let dir = Path::new("/nonexistent");
        let own = recovery_path(dir, Path::new("x.json"));
        let stem = own.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        assert_eq!(stem.split('-').count(), 3, "{stem}");
        // Our own file is not "another live window" (we write it ourselves).
        assert!(!window_alive(&own));
        // pid 1 with a start time it never had: dead.
        assert!(!window_alive(Path::new("/x/abc-1-999999999999.json")));
        // pid 1 with its real start time: alive.
        if let Some(start) = start_time(1) {
            assert!(window_alive(Path::new(&format!("/x/abc-1-{start}.json"))));
        }
        assert!(!window_alive(Path::new("/x/abc.json")));
    }
}
