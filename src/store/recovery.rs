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
use std::sync::Arc;

use atomic_write_file::unix::OpenOptionsExt as _;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
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

/// What a recovery file is written from, shared with the screen rather than
/// copied (it may be written on another thread), the base not parsed: it is
/// the data file's bytes as loaded or saved. Read back, it is the `Recovery`
/// with these fields and the draft put in the data.
#[derive(Debug, Clone)]
pub struct Work {
    pub file: PathBuf,
    pub user: String,
    pub at: chrono::DateTime<chrono::Utc>,
    /// The data file as it was loaded or saved (JSON).
    pub base: Arc<Vec<u8>>,
    pub data: Arc<Dataset>,
    /// The text of an open field, put in a copy of `data` as it is written.
    pub draft: Option<crate::app::Draft>,
    pub place: Option<crate::app::Place>,
    pub editor_file: Option<PathBuf>,
}

/// `Recovery`'s fields, as written from `Work`.
#[derive(Serialize)]
struct Written<'w> {
    format: &'static str,
    file: &'w Path,
    user: &'w str,
    at: chrono::DateTime<chrono::Utc>,
    base: &'w RawValue,
    data: &'w Dataset,
    place: Option<&'w crate::app::Place>,
    editor_file: Option<&'w Path>,
}

/// Writes the recovery file of `work` atomically, readable by its owner only.
pub fn write_work(path: &Path, work: Work) -> std::io::Result<()> {
    let base = work
        .base
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&work.base);
    let base = std::str::from_utf8(base).map_err(std::io::Error::other)?;
    let drafted = work.draft.map(|draft| {
        let mut data = Dataset::clone(&work.data);
        draft.put_in(&mut data);
        data
    });
    let written = Written {
        format: FORMAT,
        file: &work.file,
        user: &work.user,
        at: work.at,
        base: serde_json::from_str(base).map_err(std::io::Error::other)?,
        data: drafted.as_ref().unwrap_or(&work.data),
        place: work.place.as_ref(),
        editor_file: work.editor_file.as_deref(),
    };
    write_bytes(
        path,
        &serde_json::to_vec(&written).map_err(std::io::Error::other)?,
    )
}

fn write_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        super::paths::create_private_dir(dir)?;
    }
    let mut options = atomic_write_file::OpenOptions::new();
    options.preserve_mode(false).mode(0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
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
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn work_written_reads_back_as_the_recovery_of_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        let loaded = crate::store::bundled();
        // The base as the file's bytes, with a byte order mark.
        let mut base = b"\xEF\xBB\xBF".to_vec();
        base.extend(crate::store::BUNDLED_JSON.as_bytes());
        let conference = loaded.conferences[0].id.clone();
        // Text typed into an answer's field, not yet left.
        let today = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        let mut app =
            crate::app::App::new(loaded.clone(), today, chrono::Utc::now(), "u", Some(48));
        app.editor = Some(crate::app::Editor::new(
            crate::app::EditTarget::Answer {
                session: 48,
                conference: conference.clone(),
                question: "q1".into(),
            },
            "",
            "getippt",
        ));
        let work = Work {
            file: "a.json".into(),
            user: "u".into(),
            at: chrono::Utc::now(),
            base: Arc::new(base),
            data: Arc::clone(&app.data),
            draft: app.draft(),
            place: app.place(),
            editor_file: None,
        };
        write_work(&path, work.clone()).unwrap();
        let read = read(&path).unwrap();
        assert_eq!(read.base, loaded);
        assert_eq!((read.user.as_str(), &read.place), ("u", &work.place));
        assert!(work.place.is_some());
        let report = read.data.session(48).unwrap().report(&conference).unwrap();
        assert_eq!(
            report.answers.get("q1").map(String::as_str),
            Some("getippt")
        );
        // The screen's data stays as it was.
        assert_eq!(*work.data, loaded);
        assert_ne!(read.data, loaded);
    }

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
