//! Reading a file whole, safely: only a regular file, never more than a limit.
//! A FIFO would block every command, a device (`/dev/zero`) never end, so the
//! file's type and size are checked before anything is read, on the path and
//! again on the opened file (opened with `O_NONBLOCK`, so not even a FIFO
//! swapped in between can block).

use std::fs::{File, Metadata};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Not a regular file; the words say what it is ("ein Verzeichnis").
    NotRegular(&'static str),
    /// Larger than allowed (its size as far as known).
    TooLarge(u64),
}

/// The whole content of the regular file at `path`, at most `max` bytes.
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    regular(&std::fs::metadata(path).map_err(ReadError::Io)?, max)?;
    let file = File::options()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed())
        .open(path)
        .map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    regular(&meta, max)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // `take` guards against a file that grows while it is read.
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What is at `path` when it exists and is not a regular file ("ein Verzeichnis").
pub fn not_regular(path: &Path) -> Option<&'static str> {
    match std::fs::metadata(path).map(|meta| regular(&meta, u64::MAX)) {
        Ok(Err(ReadError::NotRegular(what))) => Some(what),
        _ => None,
    }
}

fn regular(meta: &Metadata, max: u64) -> Result<(), ReadError> {
    let kind = meta.file_type();
    let what = if kind.is_file() {
        return if meta.len() > max {
            Err(ReadError::TooLarge(meta.len()))
        } else {
            Ok(())
        };
    } else if kind.is_dir() {
        "file-kind.directory"
    } else if kind.is_fifo() {
        "file-kind.fifo"
    } else if kind.is_char_device() || kind.is_block_device() {
        "file-kind.device"
    } else if kind.is_socket() {
        "file-kind.socket"
    } else {
        "file-kind.other"
    };
    Err(ReadError::NotRegular(crate::i18n::t(what)))
}
