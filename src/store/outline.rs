//! A data file read without its concerns, and where in the text they are.
//!
//! The concerns are three quarters of an archive and shown in one pane of the
//! first screen; the screen reads everything else first and the concerns on a
//! second thread (`LaterConcerns`). Everything else is read by the `Dataset`'s
//! own visitor, through an adapter that hands it an empty list for the key
//! `concerns` and keeps that value's text, checked as JSON, but not read into
//! records. So every other check (required keys, a key given twice, unknown
//! keys kept) is the one a whole load makes.

use std::fmt;
use std::ops::Range;

use serde::Deserialize as _;
use serde::de::value::{BorrowedStrDeserializer, SeqDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::domain::Dataset;

/// The key whose value is set aside.
const CONCERNS: &str = "concerns";

/// The data of `text` with no concerns, and the byte range of the text of its
/// `concerns` value (when there is one).
pub fn without_concerns(text: &str) -> serde_json::Result<(Dataset, Option<Range<usize>>)> {
    let mut found = None;
    let mut json = serde_json::Deserializer::from_str(text);
    let data = Dataset::deserialize(TopLevel {
        inner: &mut json,
        found: &mut found,
    })?;
    json.end()?;
    let range = found.map(|raw: &RawValue| {
        let start = raw.get().as_ptr().addr() - text.as_ptr().addr();
        start..start + raw.get().len()
    });
    Ok((data, range))
}

/// Where the `concerns` value of a file as this program writes it (or any
/// printer with two-space indents) seems to begin: after the line
/// `  "concerns": ` of the top level. Only a guess (another object may have
/// such a line): it counts only where `without_concerns` finds the same.
pub fn concerns_start(text: &str) -> Option<usize> {
    const KEY: &[u8] = b"\n  \"concerns\": ";
    memchr::memmem::find(text.as_bytes(), KEY).map(|at| at + KEY.len())
}

/// Where the `concerns` value starting at `start` seems to end, in a file as
/// this program writes it: after the first line `  ]` that follows (what is in
/// the list is indented deeper, and no string holds a line break). Only a
/// guess: it counts only where the concerns read from `start` end there.
pub fn concerns_end(text: &str, start: usize) -> Option<usize> {
    const END: &[u8] = b"\n  ]";
    let rest = text.as_bytes().get(start..)?;
    if rest.first() != Some(&b'[') {
        return None;
    }
    memchr::memmem::find(rest, END).map(|at| start + at + END.len())
}

/// The data of `text` read as if the bytes at `span` were an empty list, when
/// the parse finds the `concerns` value exactly there; `None` otherwise (the
/// bytes are then not where the concerns are, or the text around them is not
/// a data file).
///
/// The bytes at `span` are not looked at: the data is that of `text` only if
/// they are one JSON value, which the reader of the concerns finds out. Then
/// the parse of `text` reads the same as this one up to `span`, skips exactly
/// `span` as the `concerns` value, and reads the same after it. It saves
/// scanning the concerns, three quarters of an archive, before the first frame.
pub fn without_span(text: &str, span: Range<usize>) -> Option<Dataset> {
    let (before, after) = (text.get(..span.start)?, text.get(span.end..)?);
    let mut spliced = String::with_capacity(before.len() + 2 + after.len());
    spliced.push_str(before);
    spliced.push_str("[]");
    spliced.push_str(after);
    let (data, found) = without_concerns(&spliced).ok()?;
    (found == Some(span.start..span.start + 2)).then_some(data)
}

/// The file's top level, handed to the `Dataset`'s visitor as a map whose
/// `concerns` are empty.
struct TopLevel<'f, 'de, D> {
    inner: D,
    found: &'f mut Option<&'de RawValue>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for TopLevel<'_, 'de, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(Entries {
            visitor,
            found: self.found,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// The visitor of the top-level object: passes the `Dataset`'s visitor a map
/// that sets the concerns aside.
struct Entries<'f, 'de, V> {
    visitor: V,
    found: &'f mut Option<&'de RawValue>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Entries<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(SetAside {
            inner: map,
            found: self.found,
            at_concerns: false,
        })
    }
}

/// The top-level map, with the value of `concerns` read as raw text.
struct SetAside<'f, 'de, A> {
    inner: A,
    found: &'f mut Option<&'de RawValue>,
    /// The key just read was `concerns`.
    at_concerns: bool,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for SetAside<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.inner.next_key_seed(KeyNoted {
            seed,
            at_concerns: &mut self.at_concerns,
        })
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        if !std::mem::take(&mut self.at_concerns) {
            return self.inner.next_value_seed(seed);
        }
        // A second `concerns` key is refused by the visitor, as in a whole load.
        *self.found = Some(self.inner.next_value()?);
        seed.deserialize(SeqDeserializer::new(std::iter::empty::<()>()))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A key passed on to the visitor's own key type, noting whether it is
/// `concerns` (also when written with escapes).
struct KeyNoted<'f, K> {
    seed: K,
    at_concerns: &'f mut bool,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeyNoted<'_, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for KeyNoted<'_, K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<K::Value, E> {
        *self.at_concerns = key == CONCERNS;
        self.seed.deserialize(BorrowedStrDeserializer::new(key))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<K::Value, E> {
        *self.at_concerns = key == CONCERNS;
        self.seed.deserialize(StrDeserializer::new(key))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::Concern;

    fn whole_and_split(text: &str) -> (Dataset, Dataset) {
        let whole: Dataset = serde_json::from_str(text).unwrap();
        let (mut split, range) = without_concerns(text).unwrap();
        assert!(split.concerns.is_empty());
        if let Some(range) = range {
            split.concerns = serde_json::from_str::<Vec<Concern>>(&text[range]).unwrap();
        }
        (whole, split)
    }

    #[test]
    fn the_bundled_data_read_in_two_parts_is_the_data_read_whole() {
        // (It has no concerns: the seed names none.)
        let (whole, split) = whole_and_split(crate::store::BUNDLED_JSON);
        assert_eq!(whole, split);
    }

    #[test]
    fn an_archive_read_in_two_parts_is_the_archive_read_whole() {
        let data = crate::demo::archive(crate::demo::DemoSize {
            sessions: 4,
            concerns: 300,
            seed: 3,
        });
        let text = serde_json::to_string_pretty(&data).unwrap();
        let (whole, split) = whole_and_split(&text);
        assert_eq!(whole.concerns.len(), 300);
        assert_eq!(whole, split);
    }

    #[test]
    fn the_concerns_may_stand_anywhere_and_be_written_with_escapes() {
        let text = r#"{"concerns": [], "format": "fachmk", "version": 1, "x": {"concerns": 1}}"#;
        let (data, range) = without_concerns(text).unwrap();
        assert_eq!(&text[range.unwrap()], "[]");
        assert!(data.extra.contains_key("x"));
        let text = r#"{"format": "fachmk", "version": 1, "conc\u0065rns": [1, 2]}"#;
        let (_, range) = without_concerns(text).unwrap();
        assert_eq!(&text[range.unwrap()], "[1, 2]");
        let (_, range) = without_concerns(r#"{"format": "fachmk", "version": 1}"#).unwrap();
        assert!(range.is_none());
    }

    #[test]
    fn what_a_whole_load_refuses_is_refused_here_too() {
        for text in [
            r#"{"format": "fachmk", "version": 1, "concerns": [], "concerns": []}"#,
            r#"{"format": "fachmk", "concerns": []}"#,
            r#"{"format": "fachmk", "version": 1, "concerns": [}"#,
            r#"{"format": "fachmk", "version": 1, "concerns": []} x"#,
            "[1]",
        ] {
            let whole = serde_json::from_str::<Dataset>(text).unwrap_err();
            let split = without_concerns(text).unwrap_err();
            assert_eq!(whole.to_string(), split.to_string(), "{text}");
        }
    }
}
