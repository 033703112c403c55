//! What a merge needs of the file as last loaded or saved: its bytes. Whether
//! someone else changed the file is a comparison of bytes (a few milliseconds
//! for megabytes, cheaper than hashing them). The data in them is parsed only
//! when it is first needed (a merge, a recovery file), so the start neither
//! clones the loaded data nor holds two copies of it before anything changed.

use std::cell::OnceCell;
use std::path::Path;
use std::sync::Arc;

use super::{LoadError, load_bytes};
use crate::domain::Dataset;

/// The file as last loaded or saved: the base of every merge.
#[derive(Debug, Clone)]
pub struct Base {
    /// Shared with work done on another thread (the search index at the start).
    bytes: Arc<Vec<u8>>,
    /// Set when the file is of a newer version: it may be read, never written.
    pub newer_version: Option<u32>,
    data: OnceCell<Dataset>,
}

impl Base {
    /// The base for bytes that were just loaded.
    pub fn new(bytes: Vec<u8>, newer_version: Option<u32>) -> Self {
        Self::shared(Arc::new(bytes), newer_version)
    }

    /// The base for bytes that were just loaded and are read on another
    /// thread too.
    pub(super) fn shared(bytes: Arc<Vec<u8>>, newer_version: Option<u32>) -> Self {
        Self {
            bytes,
            newer_version,
            data: OnceCell::new(),
        }
    }

    /// The base for bytes just written.
    pub fn written(bytes: Vec<u8>) -> Self {
        Self::new(bytes, None)
    }

    /// The base for data known only as data (a recovery's, a save-as): its bytes
    /// as a save would write them.
    pub fn of_data(data: Dataset, path: &Path) -> Result<Self, super::SaveError> {
        let base = Self::written(super::to_bytes(&data, path)?);
        let _ = base.data.set(data);
        Ok(base)
    }

    /// The data of the base, parsed on first use.
    pub fn data(&self, path: &Path) -> Result<&Dataset, LoadError> {
        if let Some(data) = self.data.get() {
            return Ok(data);
        }
        let data = load_bytes(&self.bytes, path)?.data;
        Ok(self.data.get_or_init(|| data))
    }

    /// The bytes as loaded or written.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes, to be read on another thread.
    pub fn shared_bytes(&self) -> Arc<Vec<u8>> {
        Arc::clone(&self.bytes)
    }

    /// Whether `bytes` (the file as it is now) differ from the base.
    pub fn differs_from(&self, bytes: &[u8]) -> bool {
        self.bytes.as_slice() != bytes
    }
}
