//! Parsing a large data file on two threads: the concerns (most of an
//! archive's bytes) are split at the element nearest the middle of the file;
//! this thread parses everything up to there (and checks the rest of the
//! concerns as JSON while skipping them), a second thread builds the
//! concerns from there on, and the two are joined in order.
//!
//! Anything unexpected (no `concerns` array, an error on either side, counts
//! that disagree) gives `None`, and the caller parses the whole file on one
//! thread as before: errors are always found and worded by that one parse,
//! with their line and column in the whole file.

use crate::domain::{Concern, Dataset};

/// Files smaller than this are parsed on one thread: a second one would not
/// pay for itself.
pub const MIN_SPLIT_SIZE: usize = 1 << 20;

/// Parses `body` on two threads if it is at least `min_size` bytes and has a
/// `concerns` array to split; `None` when it is not split or anything fails.
pub fn parse(body: &[u8], min_size: usize) -> Option<Dataset> {
    if body.len() < min_size {
        return None;
    }
    // A little before the middle: this thread also skips the second part
    // (checking it as JSON) and finds the split, which costs about what
    // finding each concern's end costs the other.
    let (kept, start) = concerns_split(body, body.len() / 20 * 9)?;
    let (head, rest) = std::thread::scope(|scope| {
        let rest = std::thread::Builder::new()
            .name("parse".into())
            .spawn_scoped(scope, || parse_rest(body, start))
            .ok()?;
        let head = Dataset::from_slice_with_concerns_prefix(body, kept).ok();
        Some((head, rest.join().ok().flatten()))
    })?;
    let (mut data, skipped) = head?;
    let rest = rest?;
    if data.concerns.len() != kept || rest.len() != skipped {
        return None;
    }
    data.concerns.extend(rest);
    Some(data)
}

/// Where the top-level `concerns` array may be split at or after `target`:
/// how many of its elements come before the split, and the offset where the
/// next one begins. Reads only as far as `target` and the next element.
fn concerns_split(body: &[u8], target: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut last_key = (0, 0);
    let mut in_concerns = false;
    let mut kept = 0;
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        match b {
            b'"' => {
                let end = string_end(body, i + 1)?;
                if depth == 1 {
                    last_key = (i + 1, end);
                }
                i = end;
            }
            b'{' | b'[' => {
                if depth == 1 && b == b'[' && body.get(last_key.0..last_key.1) == Some(b"concerns")
                {
                    in_concerns = true;
                }
                depth += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if in_concerns && depth == 1 {
                    return None;
                }
            }
            b',' if in_concerns && depth == 2 => {
                kept += 1;
                if i >= target {
                    let start = i
                        + 1
                        + body[i + 1..]
                            .iter()
                            .position(|b| !b.is_ascii_whitespace())?;
                    return Some((kept, start));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The offset of the quote that ends the string whose text begins at `from`.
fn string_end(body: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = from + memchr::memchr2(b'"', b'\\', body.get(from..)?)?;
        if body[at] == b'"' {
            return Some(at);
        }
        from = at + 2;
    }
}

/// The concerns from `start` to the end of their array, each parsed where it
/// stands (serde_json stops after one value and says where).
fn parse_rest(body: &[u8], mut start: usize) -> Option<Vec<Concern>> {
    let mut concerns = Vec::new();
    loop {
        let mut stream =
            serde_json::Deserializer::from_slice(body.get(start..)?).into_iter::<Concern>();
        concerns.push(stream.next()?.ok()?);
        let end = start + stream.byte_offset();
        let next = end
            + body
                .get(end..)?
                .iter()
                .position(|b| !b.is_ascii_whitespace())?;
        match body[next] {
            b',' => start = next + 1,
            b']' => return Some(concerns),
            _ => return None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn archive_json() -> (Dataset, Vec<u8>) {
        let data = crate::demo::archive(crate::demo::DemoSize {
            sessions: 2,
            concerns: 40,
            seed: 5,
        });
        let json = serde_json::to_vec_pretty(&data).unwrap();
        (data, json)
    }

    #[test]
    fn a_split_parse_equals_the_whole_parse_unknown_keys_included() {
        let (mut data, _) = archive_json();
        let unknown = serde_json::json!({"neu": [1, "zwei"]});
        data.extra.insert("neu".into(), unknown.clone());
        data.concerns[0].extra.insert("neu".into(), unknown.clone());
        data.concerns
            .last_mut()
            .unwrap()
            .extra
            .insert("neu".into(), unknown);
        let json = serde_json::to_vec_pretty(&data).unwrap();
        let (kept, start) = concerns_split(&json, json.len() / 2).unwrap();
        assert!(kept > 0 && kept < data.concerns.len(), "{kept}");
        assert_eq!(json[start], b'{');
        assert_eq!(parse(&json, 0).unwrap(), data);
    }

    #[test]
    fn strings_with_brackets_quotes_and_keys_do_not_mislead_the_split() {
        let (mut data, _) = archive_json();
        for (i, concern) in data.concerns.iter_mut().enumerate() {
            concern.title = format!("\"concerns\": [{i}, \\\"] }} {{ ,");
        }
        let json = serde_json::to_vec(&data).unwrap();
        assert_eq!(parse(&json, 0).unwrap(), data);
    }

    /// A file large enough to be split, with a concern far in its second
    /// part made wrong: the error names that concern's line in the whole file.
    #[test]
    fn an_error_in_the_second_part_names_its_line_in_the_whole_file() {
        let data = crate::domain::Dataset {
            concerns: crate::demo::archive(crate::demo::DemoSize {
                sessions: 1,
                concerns: 1500,
                seed: 9,
            })
            .concerns,
            ..archive_json().0
        };
        let text = serde_json::to_string_pretty(&data).unwrap();
        assert!(text.len() >= MIN_SPLIT_SIZE, "{}", text.len());
        let (_, start) = concerns_split(text.as_bytes(), text.len() / 20 * 9).unwrap();
        let at = text.rfind("\"raised_in\": ").unwrap() + "\"raised_in\": ".len();
        assert!(at > start);
        let broken = format!(
            "{}\"x\"{}",
            &text[..at],
            &text[at..].trim_start_matches(char::is_numeric)
        );
        let line = text[..at].matches('\n').count() + 1;
        // serde_json names the column of the wrong value's last character.
        let column = at - text[..at].rfind('\n').unwrap() + 2;
        let err = crate::store::load_bytes(broken.as_bytes(), "a.json".as_ref()).unwrap_err();
        let crate::store::LoadError::Syntax {
            line: found,
            column: found_column,
            ..
        } = err
        else {
            panic!("{err:?}");
        };
        assert_eq!(
            (found, found_column),
            (line, column),
            "{}",
            &broken[at - 40..at + 10]
        );
    }

    #[test]
    fn no_concerns_array_or_a_broken_one_is_not_split() {
        assert!(parse(br#"{"format":"fachmk","version":1}"#, 0).is_none());
        let (_, json) = archive_json();
        let text = String::from_utf8(json).unwrap();
        let last = text.rfind("\"raised_in\"").unwrap();
        let broken = format!("{}\"raised_in\": \"x\",{}", &text[..last], &text[last..]);
        assert!(parse(broken.as_bytes(), 0).is_none());
        assert!(parse(text.as_bytes(), usize::MAX).is_none());
    }
}
