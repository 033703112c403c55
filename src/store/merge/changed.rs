//! Which records differ between two versions of the data file, in words
//! ("48. Sitzung · Bericht IMK"): what a recovery or a merge would change;
//! and which concerns a merge gave another number.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{Segment, by_identity, describe_path, identity};

/// The records that differ between two versions, in words ("48. Sitzung ·
/// Bericht IMK"), for showing what a recovery or a merge would change.
pub fn changed_records(before: &Value, after: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff_records(&mut Vec::new(), before, after, &mut out);
    out
}

fn diff_records(path: &mut Vec<Segment>, before: &Value, after: &Value, out: &mut Vec<String>) {
    if before == after {
        return;
    }
    match (before, after) {
        (Value::Object(b), Value::Object(a)) => {
            let records = [
                "sessions",
                "reports",
                "concerns",
                "conferences",
                "people",
                "decisions",
                "assignments",
            ];
            let mut plain_change = false;
            for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
                let (bv, av) = (b.get(key), a.get(key));
                if bv == av {
                    continue;
                }
                if records.contains(&key.as_str()) {
                    path.push(Segment::Key(key.clone()));
                    diff_lists(path, bv, av, out);
                    path.pop();
                } else {
                    plain_change = true;
                }
            }
            if plain_change && !path.is_empty() {
                out.push(describe_path(path));
            }
        }
        _ => out.push(describe_path(path)),
    }
}

fn diff_lists(
    path: &mut Vec<Segment>,
    before: Option<&Value>,
    after: Option<&Value>,
    out: &mut Vec<String>,
) {
    let list = match path.last() {
        Some(Segment::Key(k)) => k.clone(),
        _ => return,
    };
    let empty = Vec::new();
    let b = before.and_then(Value::as_array).unwrap_or(&empty);
    let a = after.and_then(Value::as_array).unwrap_or(&empty);
    // Each record looked up by its identity once (12,000 concerns compared
    // pairwise took seconds).
    let (old, new) = (by_identity(&list, b), by_identity(&list, a));
    for item in a {
        let Some(key) = identity(&list, item) else {
            continue;
        };
        path.push(Segment::Record(key.clone()));
        match old.get(&key) {
            Some(old) => diff_records(path, old, item, out),
            None => out.push(format!("{} (neu)", describe_path(path))),
        }
        path.pop();
    }
    for item in b {
        let Some(key) = identity(&list, item) else {
            continue;
        };
        if !new.contains_key(&key) {
            path.push(Segment::Record(key));
            out.push(format!("{} (entfernt)", describe_path(path)));
            path.pop();
        }
    }
}

/// The concerns of `ours` that `merged` holds under another number (created
/// on both sides under one number: ours took the next free one), as (the
/// number in `ours`, the number now).
pub fn renumbered_concerns(
    ours: &crate::domain::Dataset,
    merged: &crate::domain::Dataset,
) -> Vec<(String, String)> {
    let ours_ids: HashSet<&str> = ours.concerns.iter().map(|c| c.id.as_str()).collect();
    // Where ours went: among the numbers ours does not have (few).
    let elsewhere: Vec<&crate::domain::Concern> = (merged.concerns.iter())
        .filter(|m| !ours_ids.contains(m.id.as_str()))
        .collect();
    if elsewhere.is_empty() {
        return Vec::new();
    }
    let merged_by_id: HashMap<&str, &crate::domain::Concern> =
        merged.concerns.iter().map(|c| (c.id.as_str(), c)).collect();
    (ours.concerns.iter())
        .filter(|c| merged_by_id.get(c.id.as_str()).is_none_or(|m| m != c))
        .filter_map(|c| {
            let mut probe = c.clone();
            let now = elsewhere.iter().find(|m| {
                probe.id.clone_from(&m.id);
                probe == ***m
            })?;
            Some((c.id.clone(), now.id.clone()))
        })
        .collect()
}
