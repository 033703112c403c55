//! Reading records that keep their unknown keys, without `#[serde(flatten)]`.
//!
//! `flatten` makes serde buffer every value of a record (and, on the file's
//! top level, the whole file) into an intermediate tree before the fields are
//! read from it: most of the time and memory of loading a large file. The
//! records that occur in bulk (the dataset itself, sessions, reports, concerns
//! and their history) read their keys in one pass instead: a known key goes to
//! its field, any other key into `extra`, and a key given twice is an error
//! (JSON parsers disagree on which of the two values counts, so none is taken
//! silently).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// A key of a JSON object, borrowed from the input where it has no escapes.
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The error for a key given twice in one object.
pub fn duplicate<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate key `{key}`"))
}

/// Texts by key (a report's answers, an assignment's roles), read like serde's
/// map except that a key given twice is an error rather than a lost text.
pub struct UniqueTexts(pub std::collections::BTreeMap<String, String>);

impl<'de> Deserialize<'de> for UniqueTexts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextsVisitor;
        impl<'de> Visitor<'de> for TextsVisitor {
            type Value = UniqueTexts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<UniqueTexts, A::Error> {
                let mut texts = std::collections::BTreeMap::new();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    let text: String = map.next_value()?;
                    if texts.contains_key(key.as_str()) {
                        return Err(duplicate(key.as_str()));
                    }
                    texts.insert(key.into_owned(), text);
                }
                Ok(UniqueTexts(texts))
            }
        }
        deserializer.deserialize_map(TextsVisitor)
    }
}

/// `deserialize_with` for a map of texts: see [`UniqueTexts`].
pub fn unique_texts<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<std::collections::BTreeMap<String, String>, D::Error> {
    UniqueTexts::deserialize(deserializer).map(|texts| texts.0)
}

/// Implements `Deserialize` for a record with an `extra: Extra` field: the
/// `required` fields must be present, the `defaulted` ones take their
/// `Default` when missing (the `texts`, maps of texts, refuse a key given
/// twice inside them too; the `required_seeded` ones are read through the
/// given `DeserializeSeed` and must be present); every other key is kept in
/// `extra`. The JSON keys
/// are the field names. A test (`domain::extra::tests`) checks that a record
/// written with every field read back keeps nothing in `extra`, so a field
/// added to the struct but not here cannot go unnoticed.
macro_rules! deserialize_keeping_unknown {
    ($record:ident {
        required: [$($req:ident),* $(,)?],
        defaulted: [$($opt:ident),* $(,)?]
        $(, texts: [$($txt:ident),* $(,)?])?
        $(, required_seeded: [$($rs:ident => $rseed:expr),* $(,)?])? $(,)?
    }) => {
        impl<'de> serde::Deserialize<'de> for $record {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct RecordVisitor;
                impl<'de> serde::de::Visitor<'de> for RecordVisitor {
                    type Value = $record;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($record), ")"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$record, A::Error> {
                        $(let mut $req = None;)*
                        $(let mut $opt = None;)*
                        $($(let mut $txt = None;)*)?
                        $($(let mut $rs = None;)*)?
                        let mut extra = $crate::domain::Extra::new();
                        while let Some(key) = map.next_key::<$crate::domain::extra::Key<'de>>()? {
                            match key.as_str() {
                                $(stringify!($req) => {
                                    if $req.replace(map.next_value()?).is_some() {
                                        return Err($crate::domain::extra::duplicate(key.as_str()));
                                    }
                                })*
                                $(stringify!($opt) => {
                                    if $opt.replace(map.next_value()?).is_some() {
                                        return Err($crate::domain::extra::duplicate(key.as_str()));
                                    }
                                })*
                                $($(stringify!($txt) => {
                                    let texts = map.next_value::<$crate::domain::extra::UniqueTexts>()?;
                                    if $txt.replace(texts.0).is_some() {
                                        return Err($crate::domain::extra::duplicate(key.as_str()));
                                    }
                                })*)?
                                $($(stringify!($rs) => {
                                    if $rs.replace(map.next_value_seed($rseed)?).is_some() {
                                        return Err($crate::domain::extra::duplicate(key.as_str()));
                                    }
                                })*)?
                                _ => {
                                    let value = map.next_value()?;
                                    let key = key.into_owned();
                                    if extra.contains_key(&key) {
                                        return Err($crate::domain::extra::duplicate(&key));
                                    }
                                    extra.insert(key, value);
                                }
                            }
                        }
                        Ok($record {
                            $($req: $req.ok_or_else(|| {
                                <A::Error as serde::de::Error>::missing_field(stringify!($req))
                            })?,)*
                            $($opt: $opt.unwrap_or_default(),)*
                            $($($txt: $txt.unwrap_or_default(),)*)?
                            $($($rs: $rs.ok_or_else(|| {
                                <A::Error as serde::de::Error>::missing_field(stringify!($rs))
                            })?,)*)?
                            extra,
                        })
                    }
                }
                deserializer.deserialize_map(RecordVisitor)
            }
        }
    };
}
pub(crate) use deserialize_keeping_unknown;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::domain::Dataset;

    /// The bundled data grown into an archive, with a debrief and every
    /// optional field of the bulk records set: written and read back, nothing
    /// lands in `extra` (a field missing from a record's key list would).
    #[test]
    fn every_field_is_read_into_its_field() {
        let mut data = crate::demo::archive(crate::demo::DemoSize {
            sessions: 3,
            concerns: 40,
            seed: 7,
        });
        let session = data.sessions.last_mut().unwrap();
        session.debrief = Some(crate::domain::Debrief::default());
        let report = &mut session.reports[0];
        report.updated_at = Some(chrono::Utc::now());
        report.updated_by = Some("b".into());
        report.presenter = Some("p".into());
        report.decisions = vec!["2024/02".into()];
        let concern = &mut data.concerns[0];
        concern.details = Some("d".into());
        concern.decisions = vec!["2024/02".into()];
        let entry = &mut concern.history[0];
        entry.session = Some(49);
        entry.note = Some("n".into());
        entry.status = Some(crate::domain::ConcernStatus::Dropped);
        let json = serde_json::to_string(&data).unwrap();
        let back: Dataset = serde_json::from_str(&json).unwrap();
        assert!(back.extra.is_empty(), "{:?}", back.extra.keys());
        for session in &back.sessions {
            assert!(session.extra.is_empty(), "{:?}", session.extra.keys());
            for report in &session.reports {
                assert!(report.extra.is_empty(), "{:?}", report.extra.keys());
            }
        }
        for concern in &back.concerns {
            assert!(concern.extra.is_empty(), "{:?}", concern.extra.keys());
            for entry in &concern.history {
                assert!(entry.extra.is_empty(), "{:?}", entry.extra.keys());
            }
        }
        assert_eq!(back, data);
    }

    #[test]
    fn unknown_keys_are_kept_and_a_key_given_twice_is_refused() {
        let record =
            r#"{"id":"A-1","conference":"IMK","title":"t","raised_in":45,"neu":{"x":[1]}}"#;
        let concern: crate::domain::Concern = serde_json::from_str(record).unwrap();
        assert_eq!(concern.extra["neu"], serde_json::json!({"x": [1]}));
        for twice in [
            r#"{"id":"A-1","id":"A-2","conference":"IMK","title":"t","raised_in":45}"#,
            r#"{"id":"A-1","conference":"IMK","title":"t","raised_in":45,"neu":1,"neu":2}"#,
        ] {
            let err = serde_json::from_str::<crate::domain::Concern>(twice).unwrap_err();
            assert!(err.to_string().contains("duplicate"), "{err}");
            assert!(err.line() == 1 && err.column() > 0, "{err}");
        }
        let missing = serde_json::from_str::<crate::domain::Concern>(r#"{"id":"A-1"}"#);
        assert!(
            missing
                .unwrap_err()
                .to_string()
                .contains("missing field `conference`")
        );
    }
}
