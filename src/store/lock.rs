//! The short lock taken while saving: an exclusive `flock` on `FILE.lock`, never
//! on the data file itself (whose inode the atomic rename replaces). The lock
//! file says who holds it. A lock of a process that died is released by the
//! kernel, so it never blocks anyone.
//!
//! The lock file is shared by everyone who saves the data file: it is created
//! with the data file's group and mode (so a colleague in the group can open
//! it too), opened without following a link (`O_NOFOLLOW`), and used only when
//! it is a regular file. One that belongs to someone else is still usable: a
//! read-only descriptor is enough for `flock`; only its holder line is then not
//! written. Its content is rewritten only when it has no other name (a hard
//! link planted there is locked, never truncated).

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustix::fs::{Mode, OFlags};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum LockError {
    #[error("{}", crate::i18n::tf("lock.held", &[("path", &.path.display()), ("holder", &.holder)]))]
    Held { path: PathBuf, holder: String },
    #[error("{}", crate::i18n::tf("lock.io", &[("path", &.path.display()), ("dir", &super::save::dir_of(.path).display()), ("source", &crate::store::Cause(.source))]))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Something other than a regular file is at `FILE.lock` (a symbolic link, a
    /// FIFO, a directory): it is never opened for writing.
    #[error("{}", crate::i18n::tf("lock.not-regular", &[("path", &.path.display())]))]
    NotRegular { path: PathBuf },
    /// The lock file belongs to someone else and may not even be read.
    #[error("{}", crate::i18n::tf("lock.foreign", &[("path", &.path.display()), ("owner", &super::paths::account_name(*.owner).unwrap_or_else(|| .owner.to_string())), ("mode", &format_args!("{:04o}", .mode))]))]
    Foreign {
        path: PathBuf,
        owner: u32,
        mode: u32,
    },
}

/// Held while it lives; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct FileLock {
    file: File,
    /// Whether this process wrote the holder line (and so may clear it).
    wrote: bool,
}

impl Drop for FileLock {
    /// The holder line is emptied before the lock is released: left behind,
    /// "anna@host (Prozess 4711, seit …)" in a free lock file reads as if
    /// Anna were still saving.
    fn drop(&mut self) {
        if self.wrote {
            let _ = self.file.set_len(0);
        }
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

/// The mode and group a new lock file gets: those of the data file (read and
/// write bits only, the owner's always), else of its directory's group bits.
fn shape_of(data_file: &Path, lock: &Path) -> (u32, Option<u32>) {
    if let Ok(meta) = std::fs::metadata(data_file) {
        return ((meta.mode() & 0o666) | 0o600, Some(meta.gid()));
    }
    let dir = lock.parent().filter(|d| !d.as_os_str().is_empty());
    match std::fs::metadata(dir.unwrap_or(Path::new("."))) {
        // A group directory (setgid, or writable by the group): the group may lock too.
        Ok(meta) if meta.mode() & 0o2020 != 0 => (0o660, None),
        _ => (0o600, None),
    }
}

/// Opens (or creates) the lock file without following links or blocking.
/// Returns the file and whether its holder line may be written.
fn open_lock_file(data_file: &Path, path: &Path) -> Result<(File, bool), LockError> {
    let io = |source: rustix::io::Errno| LockError::Io {
        path: path.to_owned(),
        source: source.into(),
    };
    let base = OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let (mode, group) = shape_of(data_file, path);
    // New: created exclusively, then given the data file's mode and group
    // explicitly (the umask must not make it private).
    match rustix::fs::open(
        path,
        base | OFlags::RDWR | OFlags::CREATE | OFlags::EXCL,
        Mode::from_raw_mode(0o600),
    ) {
        Ok(fd) => {
            let file = File::from(fd);
            let _ = rustix::fs::fchown(&file, None, group.map(rustix::fs::Gid::from_raw));
            let _ = rustix::fs::fchmod(&file, Mode::from_raw_mode(mode));
            return Ok((file, true));
        }
        Err(rustix::io::Errno::EXIST) => {}
        Err(e) => return Err(io(e)),
    }
    let opened = match rustix::fs::open(path, base | OFlags::RDWR, Mode::empty()) {
        Ok(fd) => Ok((File::from(fd), true)),
        // Someone else's, not writable for us (or on a read-only file system):
        // reading is enough for `flock`.
        Err(rustix::io::Errno::ACCESS | rustix::io::Errno::PERM | rustix::io::Errno::ROFS) => {
            rustix::fs::open(path, base | OFlags::RDONLY, Mode::empty())
                .map(|fd| (File::from(fd), false))
        }
        Err(e) => Err(e),
    };
    let (file, writable) = match opened {
        Ok(opened) => opened,
        // O_NOFOLLOW on a symbolic link; a directory; a socket.
        Err(rustix::io::Errno::LOOP | rustix::io::Errno::ISDIR | rustix::io::Errno::NXIO) => {
            return Err(LockError::NotRegular {
                path: path.to_owned(),
            });
        }
        Err(rustix::io::Errno::ACCESS) => {
            let meta = std::fs::symlink_metadata(path).map_err(|source| LockError::Io {
                path: path.to_owned(),
                source,
            })?;
            return Err(LockError::Foreign {
                path: path.to_owned(),
                owner: meta.uid(),
                mode: meta.mode() & 0o7777,
            });
        }
        Err(e) => return Err(io(e)),
    };
    let meta = file.metadata().map_err(|source| LockError::Io {
        path: path.to_owned(),
        source,
    })?;
    if !meta.file_type().is_file() {
        return Err(LockError::NotRegular {
            path: path.to_owned(),
        });
    }
    // A hard link planted here names someone's file: lock it, never truncate it.
    Ok((file, writable && meta.nlink() == 1))
}

/// Takes the lock of `data_file`, waiting up to `wait` while another process holds it.
pub fn acquire(data_file: &Path, wait: Duration) -> Result<FileLock, LockError> {
    let path = lock_path(data_file);
    let (mut file, writable) = open_lock_file(data_file, &path)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) => {
                if start.elapsed() >= wait {
                    let mut holder = String::new();
                    let _ = file.rewind();
                    let _ = Read::by_ref(&mut file)
                        .take(200)
                        .read_to_string(&mut holder);
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
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(LockError::Io { path, source: e });
            }
        }
    }
    if writable {
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = file.write_all(holder_line().as_bytes());
        let _ = file.flush();
    }
    Ok(FileLock {
        file,
        wrote: writable,
    })
}
