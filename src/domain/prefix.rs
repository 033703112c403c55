//! Reading a dataset with only the first concerns built, so that the rest can
//! be parsed on another thread at the same time (`store::load`).
//!
//! The limit lives in a thread-local set only for the duration of
//! [`Dataset::from_slice_with_concerns_prefix`]: a `Deserialize` impl takes no
//! arguments, and the dataset's reader is the same macro-made one as always,
//! so the two ways of reading cannot drift apart.

use std::cell::Cell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, SeqAccess, Visitor};

use super::{Concern, Dataset};

thread_local! {
    /// How many concerns to build; `None` (always, but inside the function
    /// below) builds all of them.
    static PREFIX: Cell<Option<usize>> = const { Cell::new(None) };
    /// How many concerns after the prefix were checked as JSON and skipped.
    static SKIPPED: Cell<usize> = const { Cell::new(0) };
}

/// Reads a dataset's `concerns` (see the module's text).
pub struct ConcernsSeed;

impl<'de> DeserializeSeed<'de> for ConcernsSeed {
    type Value = Vec<Concern>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ConcernsSeed {
    type Value = Vec<Concern>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Concern>, A::Error> {
        let prefix = PREFIX.get();
        let mut concerns = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while prefix.is_none_or(|n| concerns.len() < n) {
            match seq.next_element()? {
                Some(concern) => concerns.push(concern),
                None => return Ok(concerns),
            }
        }
        let mut skipped = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            skipped += 1;
        }
        SKIPPED.set(SKIPPED.get() + skipped);
        Ok(concerns)
    }
}

impl Dataset {
    /// Parses `body` building only the first `prefix` concerns; the others are
    /// checked as JSON (syntax only) and counted. Returns the dataset and how
    /// many were skipped.
    ///
    /// # Errors
    /// serde_json's error, as [`serde_json::from_slice`] gives it.
    pub fn from_slice_with_concerns_prefix(
        body: &[u8],
        prefix: usize,
    ) -> Result<(Dataset, usize), serde_json::Error> {
        struct Reset;
        impl Drop for Reset {
            fn drop(&mut self) {
                PREFIX.set(None);
                SKIPPED.set(0);
            }
        }
        let _reset = Reset;
        PREFIX.set(Some(prefix));
        SKIPPED.set(0);
        let data = serde_json::from_slice::<Dataset>(body)?;
        Ok((data, SKIPPED.get()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn archive() -> Dataset {
        crate::demo::archive(crate::demo::DemoSize {
            sessions: 2,
            concerns: 30,
            seed: 3,
        })
    }

    #[test]
    fn only_the_prefix_is_built_and_the_rest_counted() {
        let data = archive();
        let json = serde_json::to_vec_pretty(&data).unwrap();
        let (head, skipped) = Dataset::from_slice_with_concerns_prefix(&json, 11).unwrap();
        assert_eq!(head.concerns[..], data.concerns[..11]);
        assert_eq!(skipped, data.concerns.len() - 11);
        assert_eq!(head.sessions, data.sessions);
        // Outside the function every concern is built again.
        let all: Dataset = serde_json::from_slice(&json).unwrap();
        assert_eq!(all, data);
    }

    #[test]
    fn a_syntax_error_in_the_skipped_part_is_still_an_error() {
        let data = archive();
        let json = serde_json::to_string_pretty(&data).unwrap();
        let last = json.rfind("\"title\"").unwrap();
        let broken = format!("{}\"title\" 1{}", &json[..last], &json[last + 8..]);
        assert!(Dataset::from_slice_with_concerns_prefix(broken.as_bytes(), 1).is_err());
    }
}
