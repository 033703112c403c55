//! Writing a data file: pretty, stable order, atomic (temporary file in the same
//! directory, fsync, rename, fsync of the directory — `atomic-write-file`), keeping
//! the file's mode and group, and the previous versions as rotating backups
//! `FILE.bak` (newest), `FILE.bak.2`, … `FILE.bak.N`.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use atomic_write_file::unix::OpenOptionsExt as _;

use super::SaveError;
use crate::domain::Dataset;

/// How many previous versions are kept when nothing else is configured.
pub const DEFAULT_BACKUPS: usize = 5;

/// The file format's bytes for `data`: pretty-printed JSON, records in stable
/// order, ending with a newline.
pub fn to_bytes(data: &Dataset, path: &Path) -> Result<Vec<u8>, SaveError> {
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
    let mut bytes = serde_json::to_vec_pretty(data).map_err(|source| SaveError::Serialize {
        path: path.to_owned(),
        source,
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

/// Writes `bytes` over `target` (already resolved), whose current content is
/// `previous`, keeping that as the newest backup.
pub(super) fn replace(
    target: &Path,
    previous: Option<&[u8]>,
    bytes: &[u8],
    backups: usize,
) -> Result<(), SaveError> {
    let io = |source: std::io::Error| SaveError::Io {
        path: target.to_owned(),
        source,
    };
    if let Some(previous) = previous {
        if previous == bytes {
            return Ok(());
        }
        if backups > 0 {
            rotate_backups(target, backups).map_err(io)?;
            keep_as_backup(target, previous).map_err(io)?;
        }
    }
    write_atomic(target, bytes).map_err(io)
}

/// Writes `bytes` to a file that must not exist yet (mode 0600).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
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
        .mode(0o600)
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

/// Makes the current file (whose content is `previous`) the newest backup. The
/// atomic write gives the data file a new inode, so the old one can simply stay
/// as the backup: a hard link, no copy (same mode and group by nature). Where
/// links are not possible, the content is written.
fn keep_as_backup(target: &Path, previous: &[u8]) -> std::io::Result<()> {
    let backup = backup_path(target, 1);
    let mut temporary = backup.as_os_str().to_owned();
    temporary.push(format!(".{}.tmp", std::process::id()));
    let temporary = PathBuf::from(temporary);
    let _ = std::fs::remove_file(&temporary);
    if std::fs::hard_link(target, &temporary).is_ok() {
        return std::fs::rename(&temporary, &backup);
    }
    let like = std::fs::metadata(target).ok();
    write_atomic_like(&backup, previous, like.as_ref())
}

fn rotate_backups(path: &Path, keep: usize) -> std::io::Result<()> {
    for n in (1..keep).rev() {
        let from = backup_path(path, n);
        if from.exists() {
            std::fs::rename(&from, backup_path(path, n + 1))?;
        }
    }
    Ok(())
}

fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_like(path, bytes, None)
}

/// Writes atomically. An existing file keeps its mode and group; a new one gets
/// those of `like` (a backup gets the data file's), else it is private (0600).
fn write_atomic_like(
    path: &Path,
    bytes: &[u8],
    like: Option<&std::fs::Metadata>,
) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let mut options = atomic_write_file::OpenOptions::new();
    options.preserve_mode(true).try_preserve_owner(true);
    options.mode(0o600);
    let existed = path.exists();
    let mut file = options.open(path)?;
    if let (false, Some(like)) = (existed, like) {
        // Set explicitly: the umask must not narrow what the data file allows.
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(like.mode() & 0o7777))?;
        let _ = std::os::unix::fs::fchown(file.as_file(), None, Some(like.gid()));
    }
    file.write_all(bytes)?;
    file.commit()
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
