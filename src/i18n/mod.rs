//! The program's words, one table per language: `de.toml` and `en.toml` beside
//! this file, read once. Code names a text by its key (`t("header.unsaved")`);
//! texts with values name them (`{path}`) and are filled by `tf`. German is the
//! default; English on `--lang en`, `language = "en"` in the configuration, or
//! a locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) beginning with `en`.
//!
//! The language is per thread: the screen's thread sets it once; each test
//! runs in its own thread, so tests in different languages do not meet.

pub mod words;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt::Display;
use std::sync::LazyLock;

/// A language of the program.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub const ALL: [Self; 2] = [Self::De, Self::En];

    /// The language a locale value asks for: "en_GB.UTF-8" is English; "C",
    /// "POSIX" and everything else German.
    pub fn from_locale(value: &str) -> Option<Self> {
        if value.is_empty() {
            return None;
        }
        Some(if value.starts_with("en") {
            Self::En
        } else {
            Self::De
        })
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty (POSIX order).
    pub fn from_environment() -> Option<Self> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find_map(|value| Self::from_locale(&value))
    }

    fn index(self) -> usize {
        match self {
            Self::De => 0,
            Self::En => 1,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::De) };
}

/// Sets the language of this thread's texts.
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language of this thread's texts.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// `make`'s result with this thread's texts in `lang` (a handout in its own
/// language while the screen speaks another); the language before is kept.
pub fn in_lang<T>(lang: Lang, make: impl FnOnce() -> T) -> T {
    let before = current();
    set(lang);
    let result = make();
    set(before);
    result
}

pub const DE_TOML: &str = include_str!("de.toml");
pub const EN_TOML: &str = include_str!("en.toml");

/// A table's texts by key: nested TOML tables give dotted keys.
pub fn parse_table(toml_text: &str) -> Result<BTreeMap<String, String>, String> {
    fn walk(
        prefix: &str,
        table: &toml::Table,
        out: &mut BTreeMap<String, String>,
    ) -> Result<(), String> {
        for (key, value) in table {
            let full = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            match value {
                toml::Value::String(s) => {
                    out.insert(full, s.clone());
                }
                toml::Value::Table(t) => walk(&full, t, out)?,
                _ => return Err(format!("{full}: kein Text")),
            }
        }
        Ok(())
    }
    let table: toml::Table = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    let mut out = BTreeMap::new();
    walk("", &table, &mut out)?;
    Ok(out)
}

/// Each language's table, read when it is first needed: a German screen never
/// reads the English one (each is about a millisecond at start).
static TABLES: [LazyLock<BTreeMap<String, String>>; 2] = [
    // The tables are part of the program; the tests read them the same way.
    LazyLock::new(|| parse_table(DE_TOML).unwrap_or_default()),
    LazyLock::new(|| parse_table(EN_TOML).unwrap_or_default()),
];

/// The text `key` in the current language. A key missing from a table (which
/// a test forbids) falls back to German, then to "?".
pub fn t(key: &str) -> &'static str {
    let table: &'static BTreeMap<String, String> = &TABLES[current().index()];
    table
        .get(key)
        .or_else(|| TABLES[0].get(key))
        .map_or("?", String::as_str)
}

/// The plural category of `count` in the current language: German and English
/// both have "one" (exactly 1) and "other" (0, 2, 3, …).
pub fn plural_category(count: usize) -> &'static str {
    if count == 1 { "one" } else { "other" }
}

/// The counted text `key` for `count`: the table holds `KEY.one` ("{count}
/// Eintrag") and `KEY.other` ("{count} Einträge"); `{count}` and `values` are
/// filled.
pub fn tn(key: &str, count: usize, values: &[(&str, &dyn Display)]) -> String {
    let template = t(&format!("{key}.{}", plural_category(count)));
    let mut all: Vec<(&str, &dyn Display)> = vec![("count", &count)];
    all.extend_from_slice(values);
    fill(template, &all)
}

/// The text `key` with its `{name}` places filled from `values`.
pub fn tf(key: &str, values: &[(&str, &dyn Display)]) -> String {
    fill(t(key), values)
}

/// Fills the `{name}` places of `template`.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        if let Some((_, value)) = values.iter().find(|(n, _)| *n == name) {
            out.push_str(&value.to_string());
        } else {
            // A place without a value stays visible rather than vanishing.
            out.push_str(&rest[open..=open + 1 + close]);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A date as the language writes it: 26.11.2025, 2025-11-26.
pub fn date(day: chrono::NaiveDate) -> String {
    day.format(t("date.format")).to_string()
}

/// The `{name}` places of a template, in order.
pub fn places(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        // Only names are places: "{+neu+}" in a legend is text.
        if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            out.push(name);
        }
        rest = &after[close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_texts_take_the_plural_form() {
        set(Lang::De);
        assert_eq!(tn("count.entries", 1, &[]), "1 Eintrag");
        assert_eq!(tn("count.entries", 2, &[]), "2 Einträge");
        assert_eq!(tn("count.entries", 0, &[]), "0 Einträge");
        set(Lang::En);
        assert_eq!(tn("count.entries", 1, &[]), "1 entry");
        assert_eq!(tn("count.entries", 3, &[]), "3 entries");
        set(Lang::De);
    }

    #[test]
    fn places_are_filled_by_name_and_unknown_ones_stay() {
        assert_eq!(fill("{a} und {b}", &[("b", &2), ("a", &"x")]), "x und 2");
        assert_eq!(fill("{a} {c} {", &[("a", &1)]), "1 {c} {");
        assert_eq!(
            places("seit {session}. Sitzung, {carried}×"),
            ["session", "carried"]
        );
    }
}
