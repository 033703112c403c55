//! One pass over a data file's JSON that reads its header (`format`, `version`)
//! and refuses a key that occurs twice in one object. serde_json keeps the last
//! of two equal keys silently, so a hand-edited or badly merged file would lose a
//! value unseen; here it is an error with line and column. The pass replaces the
//! header's own parse, so it costs no extra reading of the file.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The header of a data file.
#[derive(Debug, Default)]
pub struct Header {
    pub format: Option<Value>,
    pub version: Option<Value>,
}

/// Why the pass failed: the file is not JSON of the expected shape (serde's
/// error, with position), or a key occurs twice (key, line, column).
pub enum Failure {
    Json(serde_json::Error),
    Duplicate {
        key: String,
        line: usize,
        column: usize,
    },
}

/// Marks the custom error of a duplicate key, to tell it from serde's own.
const DUPLICATE: &str = "\u{0}duplicate-key\u{0}";

/// Reads the header of `text` and checks every object for duplicate keys.
pub fn header(text: &str) -> Result<Header, Failure> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut keys = Vec::with_capacity(64);
    let result = TopLevel { keys: &mut keys }
        .deserialize(&mut de)
        .and_then(|header| de.end().map(|()| header));
    result.map_err(|e| {
        let message = e.to_string();
        match message
            .strip_prefix(DUPLICATE)
            .and_then(|rest| rest.rsplit_once(" at line "))
        {
            Some((key, _)) => Failure::Duplicate {
                key: key.to_owned(),
                line: e.line(),
                column: e.column(),
            },
            None => Failure::Json(e),
        }
    })
}

/// The keys of the objects being walked, outermost first: one stack for the
/// whole pass, so that an object costs no allocation of its own.
type Stack<'de> = Vec<Cow<'de, str>>;

/// The top-level object: the header's keys kept, every value walked.
struct TopLevel<'a, 'de> {
    keys: &'a mut Stack<'de>,
}

impl<'de> DeserializeSeed<'de> for TopLevel<'_, 'de> {
    type Value = Header;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Header, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'_, 'de> {
    type Value = Header;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let mut header = Header::default();
        let mut seen = Object::new(self.keys.len());
        while let Some(key) = map.next_key_seed(Key)? {
            let header_key = match key.as_ref() {
                "format" => Some(&mut header.format),
                "version" => Some(&mut header.version),
                _ => None,
            };
            seen.insert::<A::Error>(self.keys, key)?;
            match header_key {
                Some(slot) => *slot = Some(map.next_value()?),
                None => map.next_value_seed(Walk { keys: self.keys })?,
            }
        }
        self.keys.truncate(seen.start);
        Ok(header)
    }
}

/// Any value, walked for its objects' keys and otherwise ignored.
struct Walk<'a, 'de> {
    keys: &'a mut Stack<'de>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_, 'de> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(Walk {
                keys: &mut *self.keys,
            })?
            .is_some()
        {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = Object::new(self.keys.len());
        while let Some(key) = map.next_key_seed(Key)? {
            seen.insert::<A::Error>(self.keys, key)?;
            map.next_value_seed(Walk {
                keys: &mut *self.keys,
            })?;
        }
        self.keys.truncate(seen.start);
        Ok(())
    }
}

/// One object's keys: on the shared stack from `start` (most objects have a
/// handful of keys), in a set of their own once there are many.
struct Object<'de> {
    start: usize,
    many: Option<HashSet<Cow<'de, str>>>,
}

impl<'de> Object<'de> {
    fn new(start: usize) -> Self {
        Self { start, many: None }
    }

    fn insert<E: serde::de::Error>(
        &mut self,
        stack: &mut Stack<'de>,
        key: Cow<'de, str>,
    ) -> Result<(), E> {
        let duplicate = match &mut self.many {
            Some(set) => !set.insert(key.clone()),
            None => stack[self.start..].contains(&key),
        };
        if duplicate {
            return Err(E::custom(format!("{DUPLICATE}{key}")));
        }
        if self.many.is_none() {
            stack.push(key);
            if stack.len() - self.start > 32 {
                self.many = Some(stack.drain(self.start..).collect());
            }
        }
        Ok(())
    }
}

/// An object's key, borrowed from the text where it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}
