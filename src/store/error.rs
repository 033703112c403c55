//! Errors of loading and saving, each a clear sentence in the user's language:
//! what, where, what to do.

use std::fmt;
use std::path::PathBuf;

use thiserror::Error;

use crate::i18n::tf;

/// Why a data file could not be read. A file that failed to load is never written.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{}", tf("load.not-found", &[("path", &.path.display())]))]
    NotFound { path: PathBuf },
    #[error("{}", tf("load.io", &[("path", &.path.display()), ("source", &Cause(.source))]))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", tf("load.not-regular", &[("path", &.path.display()), ("what", &.what)]))]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{}", tf("load.too-large", &[("path", &.path.display()), ("size", &.size), ("max", &.max)]))]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{}", tf("load.empty", &[("path", &.path.display())]))]
    Empty { path: PathBuf },
    #[error("{}", tf("load.not-utf8", &[("path", &.path.display()), ("line", &.line), ("column", &.column)]))]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{}", tf("load.syntax", &[("path", &.path.display()), ("line", &.line), ("column", &.column), ("what", &.what)]))]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        what: String,
    },
    #[error("{}", tf("load.foreign", &[("path", &.path.display()), ("what", &.what)]))]
    ForeignFormat { path: PathBuf, what: String },
    #[error("{}", tf("load.unsupported", &[("path", &.path.display()), ("found", &.found), ("supported", &.supported)]))]
    UnsupportedVersion {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
}

impl LoadError {
    /// The position (line, column) the error points at, if any.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::NotUtf8 { line, column, .. } | Self::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// Why a save did not happen. The file on disk is then as it was.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("{}", tf("save.newer", &[("path", &.path.display()), ("found", &.found)]))]
    NewerVersion { path: PathBuf, found: u32 },
    #[error("{}", tf("save.exists", &[("path", &.path.display())]))]
    Exists { path: PathBuf },
    #[error("{}", tf("save.io", &[("path", &.path.display()), ("source", &Cause(.source))]))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file may not be written (0444, or not writable for this user): it
    /// is not replaced behind its owner's back. Save elsewhere instead.
    #[error("{}", tf("save.read-only", &[("path", &.path.display()), ("mode", &format_args!("{:04o}", .mode))]))]
    ReadOnly { path: PathBuf, mode: u32 },
    /// Writing in the file's directory failed (no permission, disk full, an
    /// I/O error): nothing changed, no temporary file is left.
    #[error("{}", tf("save.write", &[("path", &.path.display()), ("dir", &.dir.display()), ("source", &Cause(.source))]))]
    Write {
        path: PathBuf,
        dir: PathBuf,
        source: std::io::Error,
    },
    /// The file belongs to a group this user is not a member of: saved, it
    /// would belong to the user's own group and the others could not read it.
    #[error("{}", tf("save.group", &[("path", &.path.display()), ("group", &crate::store::paths::group_name(*.group))]))]
    GroupNotKept { path: PathBuf, group: u32 },
    /// The data file became a symbolic link after it was loaded: not written through.
    #[error("{}", tf("save.became-link", &[("path", &.path.display()), ("target", &.target.display())]))]
    BecameLink { path: PathBuf, target: PathBuf },
    #[error("{}", tf("save.serialize", &[("path", &.path.display()), ("source", &.source)]))]
    Serialize {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// An I/O error worded in the user's language where its cause is one the user
/// can act on (disk full, no permission …); otherwise as the system words it.
/// The staff read German: "No space left on device (os error 28)" inside a
/// German sentence was the one English phrase of a failed save.
pub struct Cause<'a>(pub &'a std::io::Error);

impl fmt::Display for Cause<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use std::io::ErrorKind as Kind;
        let key = match self.0.kind() {
            Kind::StorageFull => "io.storage-full",
            Kind::QuotaExceeded => "io.quota",
            Kind::PermissionDenied => "io.permission",
            Kind::ReadOnlyFilesystem => "io.read-only-fs",
            Kind::NotFound => "io.not-found",
            Kind::IsADirectory => "io.directory",
            _ => return self.0.fmt(f),
        };
        f.write_str(crate::i18n::t(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_and_a_missing_permission_are_worded_other_causes_kept() {
        crate::i18n::set(crate::i18n::Lang::De);
        let full = std::io::Error::from_raw_os_error(28);
        let e = SaveError::Write {
            path: "/srv/itplr/fachmk.json".into(),
            dir: "/srv/itplr".into(),
            source: full,
        };
        let text = e.to_string();
        assert!(
            text.contains("(kein Platz mehr auf dem Datenträger"),
            "{text}"
        );
        assert!(!text.contains("No space"), "{text}");
        let denied = std::io::Error::from_raw_os_error(13);
        assert_eq!(Cause(&denied).to_string(), "keine Berechtigung");
        // A cause nobody can act on keeps the system's words and number.
        let other = std::io::Error::from_raw_os_error(5);
        assert_eq!(Cause(&other).to_string(), other.to_string());
    }
}
