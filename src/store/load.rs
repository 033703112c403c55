//! Reading a data file: size limit, BOM, UTF-8, JSON with positions, format and
//! version checks, in that order, so every bad file gets the most useful message.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use super::{LaterConcerns, LoadError};
use crate::domain::{Dataset, FORMAT, VERSION};

/// Larger files are refused before they are read into memory.
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// A loaded data file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub data: Dataset,
    /// Set when the file is of a newer version: it may be read, never written.
    pub newer_version: Option<u32>,
}

/// Reads and parses the file at `path`.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    load_bytes(&read_file(path)?, path)
}

/// Reads and parses the file at `path`, keeping its bytes as the base of merges.
pub fn open_file(path: &Path) -> Result<(Loaded, super::Base), LoadError> {
    let bytes = read_file(path)?;
    let loaded = load_bytes(&bytes, path)?;
    let base = super::Base::new(bytes, loaded.newer_version);
    Ok((loaded, base))
}

/// Reads the bytes of the file at `path`, within the size limit.
fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::NotFound {
            LoadError::NotFound {
                path: path.to_owned(),
            }
        } else {
            LoadError::Io {
                path: path.to_owned(),
                source,
            }
        }
    };
    super::read::read_regular(path, MAX_FILE_SIZE).map_err(|e| match e {
        super::read::ReadError::Io(source) => io(source),
        super::read::ReadError::NotRegular(what) => LoadError::NotRegular {
            path: path.to_owned(),
            what,
        },
        super::read::ReadError::TooLarge(size) => LoadError::TooLarge {
            path: path.to_owned(),
            size,
            max: MAX_FILE_SIZE,
        },
    })
}

#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
}

/// Parses the bytes of a data file; `path` is only used in messages.
///
/// The data is parsed in one pass. Only when that fails are the slower checks
/// run that find the most useful message: UTF-8, JSON syntax, then the
/// `format` and `version` keys, then what the data itself lacks.
pub fn load_bytes(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    let text = text_of(bytes, path)?;
    match serde_json::from_str::<Dataset>(text) {
        Ok(data) => checked(data, path),
        Err(e) => Err(explain(text.as_bytes(), path, &e)),
    }
}

/// Reads the file at `path` for the screen: like [`open_file`], except that
/// a file of at least `later_from` bytes with concerns has them parsed on a
/// second thread ([`LaterConcerns`]); the data returned has none until then.
/// The first frame need not wait for three quarters of an archive.
pub fn open_file_for_screen(
    path: &Path,
    later_from: usize,
) -> Result<(Loaded, super::Base, Option<LaterConcerns>), LoadError> {
    let bytes = read_file(path)?;
    if bytes.len() < later_from {
        let loaded = load_bytes(&bytes, path)?;
        let base = super::Base::new(bytes, loaded.newer_version);
        return Ok((loaded, base, None));
    }
    let bytes = std::sync::Arc::new(bytes);
    let text = text_of(&bytes, path)?;
    // Offsets in the text are offsets after a byte order mark in the bytes.
    let skipped = text.as_ptr().addr() - bytes.as_ptr().addr();
    let in_file = |range: Range<usize>| range.start + skipped..range.end + skipped;
    // In a file as this program writes it, the concerns are read from where
    // they seem to begin while the rest is read, as if they were an empty
    // list up to where they seem to end: the rest counts only if the concerns
    // are exactly those bytes (`LaterConcerns::wait` says when they were not).
    let start = super::outline::concerns_start(text);
    let guessed = start.map(|start| LaterConcerns::start(&bytes, start + skipped, path));
    let span = start.and_then(|start| Some(start..super::outline::concerns_end(text, start)?));
    let outline =
        span.and_then(|span| Some((super::outline::without_span(text, span.clone())?, span)));
    let (data, later) = match (outline, guessed) {
        (Some((data, span)), Some(later)) => (data, Some(later.guessed(in_file(span)))),
        (_, guessed) => {
            let (data, range) = super::outline::without_concerns(text)
                .map_err(|e| explain(text.as_bytes(), path, &e))?;
            let later = range.map(|range| {
                guessed
                    .unwrap_or_else(|| LaterConcerns::start(&bytes, range.start + skipped, path))
                    .found_at(in_file(range))
            });
            (data, later)
        }
    };
    let loaded = checked(data, path)?;
    let base = super::Base::shared(bytes, loaded.newer_version);
    Ok((loaded, base, later))
}

/// The text of a data file's bytes: without a byte order mark, not empty,
/// UTF-8.
fn text_of<'b>(bytes: &'b [u8], path: &Path) -> Result<&'b str, LoadError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    // The whole file is checked to be UTF-8 at once (SIMD), so that the parser
    // reads it as text and need not check each string again: a sixth of the
    // parse's time when it checked them one by one.
    simdutf8::basic::from_utf8(body).map_err(|_| not_utf8(body, path.to_owned()))
}

/// The data read, once its `format` and `version` are known to be ours.
fn checked(data: Dataset, path: &Path) -> Result<Loaded, LoadError> {
    let header = Header {
        format: Some(Value::String(data.format.clone())),
        version: Some(Value::from(data.version)),
    };
    let version = check_header(path, header)?;
    Ok(Loaded {
        data,
        newer_version: (version > VERSION).then_some(version),
    })
}

/// Why `body` is not a data file, where parsing it failed with `error`.
fn explain(body: &[u8], path: &Path, error: &serde_json::Error) -> LoadError {
    let path: PathBuf = path.to_owned();
    let Ok(text) = std::str::from_utf8(body) else {
        return not_utf8(body, path);
    };
    let header: Header = match serde_json::from_str(text) {
        Ok(header) => header,
        Err(e) => return syntax(&path, &e),
    };
    if let Err(e) = check_header(&path, header) {
        return e;
    }
    syntax(&path, error)
}

/// Where the first byte is that is not UTF-8, in a body that is not.
fn not_utf8(body: &[u8], path: PathBuf) -> LoadError {
    let valid = std::str::from_utf8(body).map_or_else(|e| e.valid_up_to(), str::len);
    let (line, column) = position_of(&body[..valid]);
    LoadError::NotUtf8 { path, line, column }
}

fn check_header(path: &Path, header: Header) -> Result<u32, LoadError> {
    let foreign = |what: String| LoadError::ForeignFormat {
        path: path.to_owned(),
        what,
    };
    match header.format {
        None => return Err(foreign(crate::i18n::t("load.no-format").into())),
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(foreign(crate::i18n::tf(
                "load.wrong-format",
                &[("found", &other), ("expected", &FORMAT)],
            )));
        }
    }
    let version = match header.version {
        None => return Err(foreign(crate::i18n::t("load.no-version").into())),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| foreign(crate::i18n::tf("load.bad-version", &[("found", &v)])))?,
    };
    if version == 0 {
        return Err(LoadError::UnsupportedVersion {
            path: path.to_owned(),
            found: version,
            supported: VERSION,
        });
    }
    u32::try_from(version).map_err(|_| LoadError::UnsupportedVersion {
        path: path.to_owned(),
        found: version,
        supported: VERSION,
    })
}

/// Line and column (both from 1, column in characters) just after `before`.
/// Only used for error messages, so a plain count is fine.
#[allow(clippy::naive_bytecount)]
fn position_of(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

fn syntax(path: &Path, e: &serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => crate::i18n::t("load.truncated").to_owned(),
        Category::Syntax => crate::i18n::tf("load.not-json", &[("what", &serde_message(e))]),
        Category::Data | Category::Io => match duplicate_key(e) {
            Some(key) => crate::i18n::tf("load.duplicate-key", &[("key", &key)]),
            None => crate::i18n::tf("load.unexpected", &[("what", &serde_message(e))]),
        },
    };
    LoadError::Syntax {
        path: path.to_owned(),
        line: e.line(),
        // serde_json says column 0 for the end of a file cut right after a
        // newline; columns count from 1 everywhere else.
        column: e.column().max(1),
        what,
    }
}

/// The key of a "given twice" error: `duplicate field` from a derived record,
/// `duplicate key` from the records read in bulk (`domain::extra`).
fn duplicate_key(e: &serde_json::Error) -> Option<String> {
    let message = serde_message(e);
    let rest = message
        .strip_prefix("duplicate field `")
        .or_else(|| message.strip_prefix("duplicate key `"))?;
    Some(rest.strip_suffix('`')?.to_owned())
}

/// serde_json's message as it is, without its position (our sentence names
/// line and column). It is quoted, never translated: replacing words in it
/// turned a value "mapping" into „Objektping“.
fn serde_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&suffix).unwrap_or(&message).to_owned()
}
