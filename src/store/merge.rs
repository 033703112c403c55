//! Three-way merge of two edited copies of a data file, record by record.
//!
//! base = the file as loaded, ours = in memory, theirs = on disk now. The merge
//! works on the JSON tree, so fields a newer version added merge too. Records in
//! lists are matched by identity (`id`, `number`, a report's `conference`, an
//! assignment's conference + Beschluss + first session); lists of plain values
//! (linked decisions, Länder) merge as sets; history entries are unioned. Only the
//! same field changed differently on both sides is a conflict: the merged tree
//! then holds our value there, and the conflict lists both for the user to decide.

mod changed;

pub use changed::{changed_records, renumbered_concerns};
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The keys that stamp a record with its last change.
const STAMP_AT: &str = "updated_at";
const STAMP_BY: &str = "updated_by";

/// One step of the path to a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Key(String),
    /// A record in a list, by its identity.
    Record(String),
}

/// A field changed differently on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub path: Vec<Segment>,
    pub base: Option<Value>,
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
}

/// How a conflict is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Ours,
    Theirs,
    /// Both texts, ours first (for text fields).
    Both,
}

impl Conflict {
    /// Where the conflict is, in words: "48. Sitzung · Bericht IMK · Antwort zu Q1".
    pub fn describe(&self) -> String {
        describe_path(&self.path)
    }

    /// Whether "both" makes sense: both sides are text.
    pub fn both_are_text(&self) -> bool {
        matches!(
            (&self.ours, &self.theirs),
            (Some(Value::String(_)), Some(Value::String(_)))
        )
    }
}

/// A path in words: "48. Sitzung · Bericht IMK · Antwort zu Q1".
pub fn describe_path(path: &[Segment]) -> String {
    let mut parts = Vec::new();
    let mut list = "";
    for segment in path {
        match segment {
            Segment::Key(k) => {
                list = match k.as_str() {
                    "sessions" | "reports" | "concerns" | "conferences" | "people"
                    | "decisions" | "assignments" | "history" | "guiding_questions"
                    | "reference" => k,
                    _ => {
                        parts.push(field_name(list, k));
                        ""
                    }
                };
            }
            Segment::Record(id) => parts.push(match list {
                "sessions" | "reports" | "concerns" | "conferences" | "people" | "decisions"
                | "assignments" | "guiding_questions" => {
                    crate::i18n::tf(&format!("record.{list}"), &[("id", id)])
                }
                _ => id.clone(),
            }),
        }
    }
    let answer = crate::i18n::t("field.answers");
    parts.join(" · ").replace(
        &format!("{answer} · "),
        &crate::i18n::tf("field.answer-to", &[("answer", &answer)]),
    )
}

fn field_name(list: &str, key: &str) -> String {
    match (list, key) {
        (
            _,
            "exchange" | "presenter" | "status" | "title" | "details" | "answers" | "date"
            | "place" | "debrief_date" | "name" | "role",
        ) => crate::i18n::t(&format!("field.{key}")).to_owned(),
        (_, other) => other.to_owned(),
    }
}

/// The key under which `fachmk merge` leaves undecided conflicts in a file, for
/// the screen to offer when the file is opened.
pub const CONFLICTS_KEY: &str = "merge_conflicts";

/// Splits conflicts left in a file by `fachmk merge` from the file's tree.
pub fn take_left_conflicts(value: &mut Value) -> Option<Merged> {
    let list = value.as_object_mut()?.remove(CONFLICTS_KEY)?;
    let conflicts: Vec<Conflict> = serde_json::from_value(list).ok()?;
    Some(Merged {
        value: value.clone(),
        conflicts,
    })
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged tree; at each conflict it holds our value.
    pub value: Value,
    pub conflicts: Vec<Conflict>,
}

/// Merges `ours` and `theirs`, both derived from `base`.
pub fn merge(base: &Value, ours: &Value, theirs: &Value) -> Merged {
    let mut conflicts = Vec::new();
    let value = merge_value(
        &mut Vec::new(),
        Some(base),
        Some(ours),
        Some(theirs),
        &mut conflicts,
    )
    .unwrap_or(Value::Null);
    Merged { value, conflicts }
}

/// Applies decisions to a merged tree; `decisions[i]` decides `merged.conflicts[i]`.
pub fn resolve(merged: &Merged, decisions: &[Resolution]) -> Value {
    let mut value = merged.value.clone();
    for (conflict, decision) in merged.conflicts.iter().zip(decisions) {
        let chosen = match decision {
            Resolution::Ours => conflict.ours.clone(),
            Resolution::Theirs => conflict.theirs.clone(),
            Resolution::Both => match (&conflict.ours, &conflict.theirs) {
                (Some(Value::String(a)), Some(Value::String(b))) => {
                    Some(Value::String(format!("{a}\n\n{b}")))
                }
                _ => conflict.ours.clone(),
            },
        };
        set_at(&mut value, &conflict.path, chosen);
    }
    value
}

fn merge_value(
    path: &mut Vec<Segment>,
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    conflicts: &mut Vec<Conflict>,
) -> Option<Value> {
    if ours == theirs {
        return ours.cloned();
    }
    if ours == base {
        return theirs.cloned();
    }
    if theirs == base {
        return ours.cloned();
    }
    // Changed on both sides, differently: look inside, or it is a conflict.
    // A record both sides created is merged field by field against nothing.
    let (no_fields, no_items) = (Map::new(), Vec::new());
    match (ours, theirs) {
        (Some(Value::Object(o)), Some(Value::Object(t))) => {
            let b = base.and_then(Value::as_object).unwrap_or(&no_fields);
            Some(Value::Object(merge_objects(path, b, o, t, conflicts)))
        }
        (Some(Value::Array(o)), Some(Value::Array(t))) => {
            let b = base.and_then(Value::as_array).unwrap_or(&no_items);
            Some(Value::Array(merge_arrays(path, b, o, t, conflicts)))
        }
        _ => {
            conflicts.push(Conflict {
                path: path.clone(),
                base: base.cloned(),
                ours: ours.cloned(),
                theirs: theirs.cloned(),
            });
            ours.cloned()
        }
    }
}

fn merge_objects(
    path: &mut Vec<Segment>,
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    conflicts: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let mut keys: Vec<&String> = ours.keys().collect();
    keys.extend(theirs.keys().filter(|k| !ours.contains_key(*k)));
    keys.extend(
        base.keys()
            .filter(|k| !ours.contains_key(*k) && !theirs.contains_key(*k)),
    );
    // Who changed a record last is bookkeeping, never a conflict: the stamp of
    // the later change wins.
    let theirs_newer =
        theirs.get(STAMP_AT).and_then(Value::as_str) > ours.get(STAMP_AT).and_then(Value::as_str);
    let mut out = Map::new();
    for key in keys {
        if key == STAMP_AT || key == STAMP_BY {
            let newer = if theirs_newer { theirs } else { ours };
            if let Some(v) = newer.get(key) {
                out.insert(key.clone(), v.clone());
            }
            continue;
        }
        path.push(Segment::Key(key.clone()));
        if let Some(v) = merge_value(
            path,
            base.get(key),
            ours.get(key),
            theirs.get(key),
            conflicts,
        ) {
            out.insert(key.clone(), v);
        }
        path.pop();
    }
    out
}

/// The identity of a record in a list, by the list's name.
fn identity(list: &str, item: &Value) -> Option<String> {
    let text = |key: &str| {
        item.get(key)
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
    };
    match list {
        "sessions" => text("number"),
        "reports" => text("conference"),
        "assignments" => Some(format!(
            "{} {} {}",
            text("conference")?,
            text("decision")?,
            text("from_session").unwrap_or_default()
        )),
        _ => text("id"),
    }
}

/// The records of `items` by their identity, the first of each.
fn by_identity<'v>(list: &str, items: &'v [Value]) -> HashMap<String, &'v Value> {
    (items.iter().rev())
        .filter_map(|item| Some((identity(list, item)?, item)))
        .collect()
}

fn merge_arrays(
    path: &mut Vec<Segment>,
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    conflicts: &mut Vec<Conflict>,
) -> Vec<Value> {
    let list = match path.last() {
        Some(Segment::Key(k)) => k.clone(),
        _ => String::new(),
    };
    let all = base.iter().chain(ours).chain(theirs);
    let keyed = all
        .clone()
        .all(|v| v.is_object() && identity(&list, v).is_some());
    if !keyed {
        // Plain values and records without identity (history entries) merge as sets.
        return merge_sets(base, ours, theirs);
    }
    // Each record looked up by its identity once (lists of 12,000 concerns
    // searched pairwise took seconds).
    let (base, ours_by, theirs_by) = (
        by_identity(&list, base),
        by_identity(&list, ours),
        by_identity(&list, theirs),
    );
    let find = |items: &HashMap<String, &Value>, key: &str| items.get(key).map(|&v| v.clone());
    let mut keys: Vec<String> = ours.iter().filter_map(|v| identity(&list, v)).collect();
    let mut known: HashSet<String> = keys.iter().cloned().collect();
    for v in theirs {
        if let Some(k) = identity(&list, v).filter(|k| !known.contains(k)) {
            known.insert(k.clone());
            keys.push(k);
        }
    }
    let mut out = Vec::new();
    let mut renumbered = Vec::new();
    for key in keys {
        let (b, o, t) = (
            find(&base, &key),
            find(&ours_by, &key),
            find(&theirs_by, &key),
        );
        // A concern created on both sides under the same new id is two
        // concerns. Theirs keeps the number (it is saved: others see it under
        // it); ours, not saved yet, takes the next free one.
        if list == "concerns" && b.is_none() && o.is_some() && t.is_some() && o != t {
            out.extend(t);
            renumbered.extend(o);
            continue;
        }
        // A record both sides created merges against its default, not against nothing.
        let b = b.or_else(|| {
            if o.is_some() && t.is_some() {
                default_record(&list, &key)
            } else {
                None
            }
        });
        path.push(Segment::Record(key));
        if let Some(v) = merge_value(path, b.as_ref(), o.as_ref(), t.as_ref(), conflicts) {
            out.push(v);
        }
        path.pop();
    }
    for mut concern in renumbered {
        let next = next_concern_number(&out);
        concern["id"] = Value::String(format!("A-{next:04}"));
        out.push(concern);
    }
    out
}

/// The record a list holds before anyone filled it in (a new report).
fn default_record(list: &str, key: &str) -> Option<Value> {
    match list {
        "reports" => serde_json::to_value(crate::domain::Report::new(key)).ok(),
        _ => None,
    }
}

fn next_concern_number(concerns: &[Value]) -> u32 {
    concerns
        .iter()
        .filter_map(|c| {
            c.get("id")?
                .as_str()?
                .strip_prefix("A-")?
                .parse::<u32>()
                .ok()
        })
        .max()
        .unwrap_or(0)
        + 1
}

/// Set merge keeping order: present when both keep it, or one side added it.
fn merge_sets(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for v in ours.iter().chain(theirs) {
        let keep = if base.contains(v) {
            ours.contains(v) && theirs.contains(v)
        } else {
            true
        };
        if keep && !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

fn set_at(root: &mut Value, path: &[Segment], value: Option<Value>) {
    let Some((target, parents)) = path.split_last() else {
        if let Some(v) = value {
            *root = v;
        }
        return;
    };
    let mut node = root;
    // The name of the list the next record segment is in.
    let mut list_name = String::new();
    for segment in parents {
        let next = match segment {
            Segment::Key(k) => {
                list_name.clone_from(k);
                node.get_mut(k.as_str())
            }
            Segment::Record(id) => node.as_array_mut().and_then(|items| {
                items
                    .iter_mut()
                    .find(|v| identity(&list_name, v).as_deref() == Some(id))
            }),
        };
        match next {
            Some(n) => node = n,
            None => return,
        }
    }
    match (target, node) {
        (Segment::Key(k), Value::Object(map)) => match value {
            Some(v) => {
                map.insert(k.clone(), v);
            }
            None => {
                map.remove(k);
            }
        },
        (Segment::Record(id), Value::Array(items)) => {
            let at = items
                .iter()
                .position(|v| identity(&list_name, v).as_deref() == Some(id));
            match (at, value) {
                (Some(i), Some(v)) => items[i] = v,
                (Some(i), None) => {
                    items.remove(i);
                }
                (None, Some(v)) => items.push(v),
                (None, None) => {}
            }
        }
        _ => {}
    }
}
