//! Reading a time stamp (`"2024-02-01T10:00:00Z"`) without chrono's general
//! parser when it has the one form this program writes: a concern's history
//! holds most of an archive's stamps (47,000 in the 22 MB benchmark file), and
//! chrono's parser was a tenth of the load's time. Any other form (an offset,
//! fractions of a second, a leap second, anything wrong) goes to chrono as
//! before, so what is accepted and its error message do not change.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Reads a `DateTime<Utc>` as chrono's `Deserialize` does, faster for the
/// form `YYYY-MM-DDTHH:MM:SSZ`.
pub struct UtcStamp;

impl<'de> DeserializeSeed<'de> for UtcStamp {
    type Value = DateTime<Utc>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for UtcStamp {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
        parse(text).map_err(E::custom)
    }
}

/// `text` as a UTC time, as chrono's `Deserialize` reads it.
fn parse(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    match plain_utc(text.as_bytes()) {
        Some(at) => Ok(at),
        None => text
            .parse::<DateTime<FixedOffset>>()
            .map(|at| at.with_timezone(&Utc)),
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` read directly; `None` for anything else.
fn plain_utc(b: &[u8]) -> Option<DateTime<Utc>> {
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)?
        .and_hms_opt(number(11..13)?, number(14..16)?, number(17..19)?)
        .map(|at| at.and_utc())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn chrono(text: &str) -> Result<DateTime<Utc>, String> {
        serde_json::from_value::<DateTime<Utc>>(serde_json::Value::String(text.into()))
            .map_err(|e| e.to_string())
    }

    fn ours(text: &str) -> Result<DateTime<Utc>, String> {
        UtcStamp
            .deserialize(serde_json::Value::String(text.into()))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn every_form_reads_as_chrono_reads_it() {
        for text in [
            "2024-02-01T10:00:00Z",
            "1999-12-31T23:59:59Z",
            "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-13-01T10:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-06-30T23:59:60Z",
            "2024-01-01T10:00:00+01:00",
            "2024-01-01T10:00:00.123Z",
            "2024-01-01 10:00:00Z",
            "2024-01-01t10:00:00z",
            "2024-01-0xT10:00:00Z",
            "+024-01-01T10:00:00Z",
            "2024-01-01T10:00:00",
            "",
        ] {
            assert_eq!(ours(text), chrono(text), "{text:?}");
        }
    }

    #[test]
    fn a_history_entry_needs_its_stamp_once() {
        let entry = |json: &str| {
            serde_json::from_str::<crate::domain::HistoryEntry>(json).map_err(|e| e.to_string())
        };
        let read = entry(r#"{"at":"2024-02-01T10:00:00Z","by":"b"}"#).unwrap();
        assert_eq!(read.at, ours("2024-02-01T10:00:00Z").unwrap());
        let missing = entry(r#"{"by":"b"}"#).unwrap_err();
        assert!(missing.contains("missing field `at`"), "{missing}");
        let twice = entry(r#"{"at":"2024-02-01T10:00:00Z","at":"2024-02-01T10:00:00Z","by":"b"}"#);
        assert!(twice.unwrap_err().contains("duplicate key `at`"));
        let wrong = entry(r#"{"at":"2024-02-30T10:00:00Z","by":"b"}"#).unwrap_err();
        assert!(wrong.contains("out of range"), "{wrong}");
    }

    #[test]
    fn each_second_of_a_day_and_each_day_of_years_read_alike() {
        let mut at = NaiveDate::from_ymd_opt(1999, 12, 25)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc();
        while at.format("%Y").to_string() != "2003" {
            let text = at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
            assert_eq!(ours(&text), Ok(at), "{text}");
            at += chrono::Duration::seconds(86_400 + 3_671);
        }
    }
}
