//! Unsaved work kept safe: a per-user recovery file, written shortly after each
//! change and when the program is ended by a signal or a dead terminal, offered
//! back at the next start. It holds the work and the version it was based on,
//! so taking it back merges cleanly with what others saved meanwhile.

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
}

pub const FORMAT: &str = "fachmk-recovery";

/// `$XDG_STATE_HOME/fachmk/recovery/<hash of the data file's path>.json`.
pub fn recovery_path(data_file: &Path) -> Option<PathBuf> {
    let absolute = std::fs::canonicalize(data_file).unwrap_or_else(|_| data_file.to_owned());
    let hash = Sha256::digest(absolute.as_os_str().as_encoded_bytes());
    let name: String = hash.iter().take(8).fold(String::new(), |mut s, b| {
        use std::fmt::Write as _;
        let _ = write!(s, "{b:02x}");
        s
    });
    Some(
        super::paths::state_dir()?
            .join("recovery")
            .join(format!("{name}.json")),
    )
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

/// Reads a recovery file; `None` when there is none or it is not one.
pub fn read(path: &Path) -> Option<Recovery> {
    let bytes = std::fs::read(path).ok()?;
    let recovery: Recovery = serde_json::from_slice(&bytes).ok()?;
    (recovery.format == FORMAT).then_some(recovery)
}

/// Removes the recovery file (after a save, or when the user discards it).
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}
