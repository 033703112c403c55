//! Saving when others may have saved meanwhile: under the lock, compare the
//! file on disk with what was loaded; if it changed, merge record by record.
//! Nothing is ever overwritten unseen: conflicting fields are returned for the
//! user to decide, and nothing is written until they are.

use std::path::Path;
use std::time::Duration;

use thiserror::Error;

use super::merge::{self, Merged};
use super::{Base, LoadError, SaveError, lock};
use crate::domain::Dataset;

/// How long a save waits for another one to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

#[derive(Debug, Error)]
pub enum SyncError {
    #[error(transparent)]
    Lock(#[from] lock::LockError),
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error("{}", crate::i18n::tf("sync.unreadable", &[("error", &.0)]))]
    Unreadable(LoadError),
    #[error("{}", crate::i18n::tf("sync.merge-failed", &[("error", &.0)]))]
    Merge(String),
}

/// What a save did.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Written; nobody else had saved. The file now holds what was saved: the
    /// new base.
    Saved(Base),
    /// Others had saved meanwhile: their changes were merged in and the result
    /// written. The file (and `data`) now holds both.
    Merged { data: Dataset, base: Base },
    /// Others changed the same fields differently: nothing was written. Decide
    /// the conflicts, then save the result with `theirs` as the new base.
    Conflicts { merged: Merged, theirs: Base },
}

fn to_value(data: &Dataset) -> Result<serde_json::Value, SyncError> {
    serde_json::to_value(data).map_err(|e| SyncError::Merge(e.to_string()))
}

/// A merged tree back as data.
pub fn from_value(value: serde_json::Value) -> Result<Dataset, SyncError> {
    let mut data: Dataset =
        serde_json::from_value(value).map_err(|e| SyncError::Merge(e.to_string()))?;
    data.normalize();
    Ok(data)
}

/// Merges `ours` (derived from `base`) with `theirs`.
pub fn merge_datasets(
    base: &Dataset,
    ours: &Dataset,
    theirs: &Dataset,
) -> Result<Merged, SyncError> {
    Ok(merge::merge(
        &to_value(base)?,
        &to_value(ours)?,
        &to_value(theirs)?,
    ))
}

/// Saves `ours`, which was derived from `base`, to `path`.
pub fn save_merging(
    path: &Path,
    base: &Base,
    ours: &Dataset,
    backups: usize,
) -> Result<SaveOutcome, SyncError> {
    if let Some(found) = base.newer_version {
        return Err(SaveError::NewerVersion {
            path: path.to_owned(),
            found,
        }
        .into());
    }
    let target = super::save::resolve(path);
    let _lock = lock::acquire(&target, LOCK_WAIT)?;
    // No save is running now: temporary files in the directory are leftovers of killed ones.
    let removed = super::save::remove_leftovers(&target);
    if removed > 0 {
        tracing::info!(path = %target.display(), removed, "temporary files of interrupted saves removed");
    }
    let io = |source| SaveError::Io {
        path: target.clone(),
        source,
    };
    // The usual case: nobody else saved. The file is compared with the base
    // as it is read, without holding a second copy of it.
    let previous = match on_disk(&target, base.bytes()).map_err(io)? {
        OnDisk::Missing => Some(None),
        // Unchanged: the base is what the file holds, the newest backup's content.
        OnDisk::Same => Some(Some(base.bytes())),
        OnDisk::Other => None,
    };
    if let Some(previous) = previous {
        let bytes = super::save::to_bytes_sized(ours, path, base.bytes().len())?;
        super::save::replace(&target, previous, &bytes, backups)?;
        return Ok(SaveOutcome::Saved(Base::written(bytes)));
    }
    let bytes = std::fs::read(&target).map_err(io)?;
    let theirs = super::load_bytes(&bytes, path).map_err(SyncError::Unreadable)?;
    if let Some(found) = theirs.newer_version {
        return Err(SaveError::NewerVersion {
            path: path.to_owned(),
            found,
        }
        .into());
    }
    let base_data = base.data(path).map_err(SyncError::Unreadable)?;
    let merged = merge_datasets(base_data, ours, &theirs.data)?;
    if !merged.conflicts.is_empty() {
        return Ok(SaveOutcome::Conflicts {
            merged,
            theirs: Base::new(bytes, None),
        });
    }
    let data = from_value(merged.value)?;
    let out = super::to_bytes(&data, path)?;
    super::save::replace(&target, Some(&bytes), &out, backups)?;
    Ok(SaveOutcome::Merged {
        data,
        base: Base::written(out),
    })
}

/// What the file is, compared with the base.
enum OnDisk {
    Missing,
    Same,
    Other,
}

/// Whether the file at `path` holds `bytes`, read in pieces and compared as
/// read (a file of another length is not read at all).
fn on_disk(path: &Path, bytes: &[u8]) -> std::io::Result<OnDisk> {
    use std::io::Read as _;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(OnDisk::Missing),
        Err(e) => return Err(e),
    };
    if file.metadata()?.len() != bytes.len() as u64 {
        return Ok(OnDisk::Other);
    }
    let mut buffer = vec![0; (1 << 20).min(bytes.len() + 1)];
    let mut rest = bytes;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            return Ok(if rest.is_empty() {
                OnDisk::Same
            } else {
                OnDisk::Other
            });
        }
        if n > rest.len() || buffer[..n] != rest[..n] {
            return Ok(OnDisk::Other);
        }
        rest = &rest[n..];
    }
}

/// The merge conflicts `fachmk merge` left in a file and nobody decided yet, in
/// words ("48. Sitzung · Bericht IMK · Antwort zu Q1"); empty when there are none.
pub fn open_conflicts(data: &Dataset) -> Vec<String> {
    let Some(left) = data.extra.get(merge::CONFLICTS_KEY) else {
        return Vec::new();
    };
    match serde_json::from_value::<Vec<merge::Conflict>>(left.clone()) {
        Ok(conflicts) => conflicts.iter().map(merge::Conflict::describe).collect(),
        // Unreadable, but there: still open.
        Err(_) => vec![merge::CONFLICTS_KEY.to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::{OnDisk, on_disk};

    #[test]
    fn the_file_is_compared_with_the_base_as_read() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("a.json");
        let base: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        assert!(matches!(on_disk(&path, &base), Ok(OnDisk::Missing)));
        std::fs::write(&path, &base).expect("written");
        assert!(matches!(on_disk(&path, &base), Ok(OnDisk::Same)));
        // The same length, one byte other, past the first piece read.
        let mut other = base.clone();
        other[2_500_000] ^= 1;
        std::fs::write(&path, &other).expect("written");
        assert!(matches!(on_disk(&path, &base), Ok(OnDisk::Other)));
        std::fs::write(&path, &base[..base.len() - 1]).expect("written");
        assert!(matches!(on_disk(&path, &base), Ok(OnDisk::Other)));
        std::fs::write(&path, b"").expect("written");
        assert!(matches!(on_disk(&path, b""), Ok(OnDisk::Same)));
    }
}
