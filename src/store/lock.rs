//! The short lock taken while saving: an exclusive `flock` on `FILE.lock`, never
//! on the data file itself (whose inode the atomic rename replaces). The lock
//! file says who holds it. A lock of a process that died is released by the
//! kernel, so it never blocks anyone.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum LockError {
    #[error("{}", crate::i18n::tf("lock.held", &[("path", &.path.display()), ("holder", &.holder)]))]
    Held { path: PathBuf, holder: String },
    #[error("{}", crate::i18n::tf("lock.io", &[("path", &.path.display()), ("source", &.source)]))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Held while it lives; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct FileLock {
    file: File,
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

/// `FILE.lock` next to the data file.
pub fn lock_path(data_file: &Path) -> PathBuf {
    let mut name = data_file.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// "user@host pid 4711 seit 2026-11-29T09:00:00Z"
fn holder_line() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    format!(
        "{}@{} (Prozess {}, seit {})\n",
        super::paths::user_name(),
        host.trim(),
        std::process::id(),
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ")
    )
}

/// Takes the lock of `data_file`, waiting up to `wait` while another process holds it.
pub fn acquire(data_file: &Path, wait: Duration) -> Result<FileLock, LockError> {
    let path = lock_path(data_file);
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    // Created private; opened read-only when it belongs to someone else (flock works on any fd).
    let mut writable = true;
    let mut file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            writable = false;
            File::open(&path).map_err(io)?
        }
        Err(e) => return Err(io(e)),
    };
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) => {
                if start.elapsed() >= wait {
                    let mut holder = String::new();
                    let _ = file.rewind();
                    let _ = file.read_to_string(&mut holder);
                    let holder = holder.trim();
                    let holder = if holder.is_empty() {
                        crate::i18n::t("lock.another-process")
                    } else {
                        holder
                    };
                    return Err(LockError::Held {
                        path: data_file.to_owned(),
                        holder: holder.to_owned(),
                    });
                }
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
    }
    if writable {
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = file.write_all(holder_line().as_bytes());
        let _ = file.flush();
    }
    Ok(FileLock { file })
}
