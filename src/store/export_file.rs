//! The files the screen exports to: created new, never through a link someone
//! planted; an existing one is replaced only when the user agreed, atomically.

use std::io::Write as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use super::SaveError;
use super::save::{create_new, dir_of, plain, sync_dir, temporary_in};

/// Writes an export to `path`, a file that must not exist yet: created
/// exclusively (`O_EXCL`, which also refuses a link planted there), with the
/// usual mode (0666 less the umask). `SaveError::Exists` when something is there.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let no_follow = rustix::fs::OFlags::NOFOLLOW.bits().cast_signed();
    create_new(path, bytes, 0o666, no_follow)
}

/// Replaces whatever is at `path` with an export the user agreed to overwrite:
/// a new file renamed over it, so a link there is replaced, never written through.
pub fn overwrite_export(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let dir = dir_of(path);
    let failed = |source: std::io::Error| SaveError::Write {
        path: path.to_owned(),
        dir: dir.to_owned(),
        source: plain(source),
    };
    let mut file = temporary_in(path).map_err(failed)?;
    file.as_file()
        .set_permissions(std::fs::Permissions::from_mode(0o666 & !umask()))
        .map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    file.persist(path).map_err(|e| failed(e.error))?;
    let _ = sync_dir(dir);
    Ok(())
}

/// The process's umask, read from `/proc` (setting it to read it would race
/// other threads); 022 where it cannot be read.
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}
