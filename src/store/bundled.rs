//! The seed dataset compiled into the binary.

use std::path::Path;

use crate::domain::Dataset;

/// The bundled dataset as it is written to a new file.
pub const BUNDLED_JSON: &str = include_str!("../../data/fachmk.json");

/// The bundled dataset, parsed.
pub fn bundled() -> Dataset {
    match super::load_bytes(BUNDLED_JSON.as_bytes(), Path::new("data/fachmk.json")) {
        Ok(loaded) => loaded.data,
        // The bundled file is checked by tests; this cannot happen in a released build.
        Err(e) => panic!("bundled dataset is broken: {e}"),
    }
}
