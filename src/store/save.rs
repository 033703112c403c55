//! Writing a data file: pretty, stable order, atomic (a temporary file
//! `.NAME.XXXXXX` created exclusively in the same directory, fsync, rename,
//! fsync of the directory — `tempfile`), keeping the file's mode and group, and
//! the previous versions as rotating backups `FILE.bak` (newest), `FILE.bak.2`,
//! … `FILE.bak.N`.
//!
//! A failed save changes nothing: the new content and the newest backup are
//! prepared as temporary files first; only once the new file is in place are
//! the backups rotated. Every temporary file of a failed save is removed.

use std::io::Write;
use std::os::unix::fs::{MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use super::SaveError;
use crate::domain::Dataset;

/// How many previous versions are kept when nothing else is configured.
pub const DEFAULT_BACKUPS: usize = 5;

/// The file format's bytes for `data`: pretty-printed JSON, records in stable
/// order, ending with a newline.
pub fn to_bytes(data: &Dataset, path: &Path) -> Result<Vec<u8>, SaveError> {
    to_bytes_sized(data, path, 0)
}

/// `to_bytes` into a buffer made for about `expected` bytes (the size of the
/// file last written): no growing by doubling, copying and touching new pages
/// on the way to tens of megabytes.
pub fn to_bytes_sized(data: &Dataset, path: &Path, expected: usize) -> Result<Vec<u8>, SaveError> {
    // Data in stable order already (the usual case) is written as it is, without a copy.
    let sorted;
    let data = if data.is_normalized() {
        data
    } else {
        let mut copy = data.clone();
        copy.normalize();
        sorted = copy;
        &sorted
    };
    let mut bytes = Vec::with_capacity(expected + expected / 16 + 128);
    // What `serde_json::to_writer_pretty` writes, on two cores.
    super::serialize::write_pretty(&mut bytes, data, expected).map_err(|source| {
        SaveError::Serialize {
            path: path.to_owned(),
            source,
        }
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The path of backup number `n` (1 = newest) of `path`.
pub fn backup_path(path: &Path, n: usize) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    if n <= 1 {
        name.push(".bak");
    } else {
        name.push(format!(".bak.{n}"));
    }
    PathBuf::from(name)
}

/// Replaces the file at `path` with `bytes` atomically, keeping up to `backups`
/// previous versions. A symlink is followed and its target is written.
/// A new file is created readable by its owner only (0600).
pub fn save(path: &Path, bytes: &[u8], backups: usize) -> Result<(), SaveError> {
    let target = resolve(path);
    let previous = match std::fs::read(&target) {
        Ok(previous) => Some(previous),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(SaveError::Io {
                path: target,
                source,
            });
        }
    };
    replace(&target, previous.as_deref(), bytes, backups)
}

/// The directory `path` is in.
pub(super) fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Writes `bytes` over `target` (already resolved), whose current content is
/// `previous`, keeping that as the newest backup.
pub(super) fn replace(
    target: &Path,
    previous: Option<&[u8]>,
    bytes: &[u8],
    backups: usize,
) -> Result<(), SaveError> {
    if previous == Some(bytes) {
        return Ok(());
    }
    let dir = dir_of(target);
    let failed = |source: std::io::Error| SaveError::Write {
        path: target.to_owned(),
        dir: dir.to_owned(),
        source: plain(source),
    };
    let existing = std::fs::metadata(target).ok();
    if let Some(meta) = &existing {
        refuse_read_only(target, meta)?;
    }
    // 1. The new content, complete and on disk, under a temporary name.
    let mut file = temporary_in(target).map_err(failed)?;
    if let Some(meta) = &existing {
        take_shape(file.as_file(), meta).map_err(|source| {
            if source.raw_os_error() == Some(rustix::io::Errno::PERM.raw_os_error()) {
                SaveError::GroupNotKept {
                    path: target.to_owned(),
                    group: meta.gid(),
                }
            } else {
                failed(source)
            }
        })?;
    }
    file.write_all(bytes).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    // 2. The current version kept under a temporary name too.
    let backup = match previous {
        Some(previous) if backups > 0 => {
            Some(stage_backup(target, previous, existing.as_ref()).map_err(failed)?)
        }
        _ => None,
    };
    // 3. The new file in place. On failure both temporary files are removed
    //    when dropped: the file and its backups are as they were.
    file.persist(target).map_err(|e| failed(e.error))?;
    // 4. Only now the backups move on; one flush of the directory makes the
    //    new name and the backups' names durable together. (The file is in
    //    place: a failing flush is no reason to say it was not saved.)
    if let Some(backup) = backup {
        rotate_backups(target, backups);
        let _ = backup.persist(backup_path(target, 1));
    }
    if let Err(e) = sync_dir(dir) {
        tracing::warn!(dir = %dir.display(), error = %e, "directory not flushed after saving");
    }
    Ok(())
}

/// The system's error without the name of the temporary file `tempfile` adds
/// to it: the user's message names the file and the directory already.
pub(super) fn plain(error: std::io::Error) -> std::io::Error {
    if error.raw_os_error().is_some() {
        return error;
    }
    let text = error.to_string();
    match text.split_once(" at path \"") {
        Some((cause, _)) => std::io::Error::new(error.kind(), cause.to_owned()),
        None => error,
    }
}

/// A file that may not be written is not replaced behind its owner's back:
/// read-only for everyone (0444), or not writable for this user.
fn refuse_read_only(target: &Path, meta: &std::fs::Metadata) -> Result<(), SaveError> {
    let read_only = || SaveError::ReadOnly {
        path: target.to_owned(),
        mode: meta.mode() & 0o7777,
    };
    if meta.mode() & 0o222 == 0 {
        return Err(read_only());
    }
    match rustix::fs::access(target, rustix::fs::Access::WRITE_OK) {
        Ok(()) => Ok(()),
        Err(rustix::io::Errno::ACCESS | rustix::io::Errno::PERM) => Err(read_only()),
        // A read-only file system, an I/O error: said as it is.
        Err(e) => Err(SaveError::Write {
            path: target.to_owned(),
            dir: dir_of(target).to_owned(),
            source: e.into(),
        }),
    }
}

/// A new temporary file `.NAME.XXXXXX` next to `target`, private (0600).
pub(super) fn temporary_in(target: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    tempfile::Builder::new()
        .prefix(&prefix)
        .rand_bytes(6)
        .permissions(std::fs::Permissions::from_mode(0o600))
        .tempfile_in(dir_of(target))
}

/// Gives `file` the group and mode of `like` (group first: a mode with the
/// setgid bit survives only a change of group made before it). The group fails
/// with `EPERM` when the user is not a member of it.
fn take_shape(file: &std::fs::File, like: &std::fs::Metadata) -> std::io::Result<()> {
    if file.metadata()?.gid() != like.gid() {
        rustix::fs::fchown(file, None, Some(rustix::fs::Gid::from_raw(like.gid())))?;
    }
    // Only root may give a file away: then the owner is kept too.
    if file.metadata()?.uid() == 0 {
        let _ = rustix::fs::fchown(file, Some(rustix::fs::Uid::from_raw(like.uid())), None);
    }
    file.set_permissions(std::fs::Permissions::from_mode(like.mode() & 0o7777))
}

/// The current file (whose content is `previous`) under a temporary name in its
/// directory, to become the newest backup once the new file is in place. The
/// file is replaced by a new inode, so the old one can simply stay: a hard link,
/// no copy. Where links are not possible, the content is written.
fn stage_backup(
    target: &Path,
    previous: &[u8],
    like: Option<&std::fs::Metadata>,
) -> std::io::Result<tempfile::TempPath> {
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let linked = tempfile::Builder::new()
        .prefix(&prefix)
        .rand_bytes(6)
        .make_in(dir_of(target), |path| std::fs::hard_link(target, path));
    if let Ok(linked) = linked {
        return Ok(linked.into_temp_path());
    }
    let mut copy = temporary_in(target)?;
    if let Some(like) = like {
        let _ = take_shape(copy.as_file(), like);
    }
    copy.write_all(previous)?;
    copy.as_file().sync_all()?;
    Ok(copy.into_temp_path())
}

/// `FILE.bak.N-1` → `FILE.bak.N`, …, `FILE.bak` → `FILE.bak.2`.
fn rotate_backups(path: &Path, keep: usize) {
    for n in (1..keep).rev() {
        let from = backup_path(path, n);
        if std::fs::symlink_metadata(&from).is_ok() {
            let _ = std::fs::rename(&from, backup_path(path, n + 1));
        }
    }
}

pub(super) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Whether `name` is one of our temporary files of the data file `data_name`:
/// `.NAME.` and six random letters and digits (not a word of lowercase
/// letters, so a hidden `.NAME.backup` of someone's is left alone).
fn is_leftover(name: &std::ffi::OsStr, data_name: &std::ffi::OsStr) -> bool {
    use std::os::unix::ffi::OsStrExt as _;
    let (name, data_name) = (name.as_bytes(), data_name.as_bytes());
    let Some(rest) = name
        .strip_prefix(b".")
        .and_then(|r| r.strip_prefix(data_name))
        .and_then(|r| r.strip_prefix(b"."))
    else {
        return false;
    };
    rest.len() == 6
        && rest.iter().all(u8::is_ascii_alphanumeric)
        && !rest.iter().all(u8::is_ascii_lowercase)
}

/// Removes the temporary files that saves of `target` killed midway left in
/// its directory. Only to be called under the lock, when no save is running.
/// Returns how many were removed.
pub(super) fn remove_leftovers(target: &Path) -> usize {
    let Some(data_name) = target.file_name() else {
        return 0;
    };
    let Ok(entries) = std::fs::read_dir(dir_of(target)) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| is_leftover(&e.file_name(), data_name))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Writes `bytes` to a file that must not exist yet (mode 0600).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    create_new(path, bytes, 0o600, 0)
}

/// Writes `bytes` to `path`, created exclusively with `mode` (less the umask)
/// and the open `flags` given; `SaveError::Exists` when something is there.
pub(super) fn create_new(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    flags: i32,
) -> Result<(), SaveError> {
    let io = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            SaveError::Exists {
                path: path.to_owned(),
            }
        } else {
            SaveError::Io {
                path: path.to_owned(),
                source,
            }
        }
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(flags)
        .mode(mode)
        .open(path)
        .map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.sync_all().map_err(io)
}

/// A symlink's final target; any other path as it is.
pub(super) fn resolve(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    }
}

/// Where the data file `path` leads when it is a symbolic link (its final
/// target), else `None`. Compared before a save with what it was when loaded:
/// a file that became a link meanwhile is not written through.
pub fn link_target(path: &Path) -> Option<PathBuf> {
    std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.file_type().is_symlink())
        .map(|_| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
}

/// Saves `data` over the file it was loaded from. Refused for a file of a newer
/// version, so that nothing the newer program wrote is lost.
pub fn save_loaded(
    path: &Path,
    loaded: &super::Loaded,
    data: &Dataset,
    backups: usize,
) -> Result<(), SaveError> {
    if let Some(found) = loaded.newer_version {
        return Err(SaveError::NewerVersion {
            path: path.to_owned(),
            found,
        });
    }
    save(path, &to_bytes(data, path)?, backups)
}

#[cfg(test)]
mod tests {
    use super::is_leftover;
    use std::ffi::OsStr;

    #[test]
    fn leftovers_are_our_temporary_names_only() {
        let data = OsStr::new("team.json");
        assert!(is_leftover(OsStr::new(".team.json.a1B2c3"), data));
        assert!(is_leftover(OsStr::new(".team.json.Xyzabc"), data));
        assert!(!is_leftover(OsStr::new(".team.json.backup"), data));
        assert!(!is_leftover(OsStr::new(".team.json.a1B2c"), data));
        assert!(!is_leftover(OsStr::new(".team.json.a1B2c3d"), data));
        assert!(!is_leftover(OsStr::new(".team.json.a1-2c3"), data));
        assert!(!is_leftover(OsStr::new("team.json.a1B2c3"), data));
        assert!(!is_leftover(OsStr::new(".other.json.a1B2c3"), data));
        assert!(!is_leftover(OsStr::new(".team.json.lock"), data));
    }
}
