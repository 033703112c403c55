//! The configuration file, `$XDG_CONFIG_HOME/fachmk/config.toml`: default data
//! file, theme, number of backups, mouse, log level, and keys rebound by the
//! actions' names. Read once at start; a mistake is refused with the file, line
//! and key (exit 78, EX_CONFIG), never half applied.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::app::{Action, Key, Keymap, Layer, Rebinding};
use crate::i18n::Lang;
use crate::ui::ThemeName;

mod guard;
use guard::{keep_a_way_out, read_text};

/// How much the log file records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum LogLevel {
    Off,
    Error,
    Warn,
    #[default]
    Info,
    Debug,
    Trace,
}

/// The most backups a configuration may ask for.
pub const MAX_BACKUPS: usize = 99;

/// The file as written: every key optional, nothing unknown.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    file: Option<PathBuf>,
    language: Option<Lang>,
    theme: Option<ThemeName>,
    backups: Option<Spanned<usize>>,
    mouse: Option<bool>,
    log_level: Option<LogLevel>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeyEntry>>,
}

/// In `[keys]`: `save = "ctrl-s"` or `save = ["ctrl-s", "f2"]` (in every layer
/// the action is bound in), or a table for one layer (`[keys.view]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum KeyEntry {
    One(String),
    Many(Vec<String>),
    // Spans do not survive an untagged enum: lines are looked up in the text.
    Layer(BTreeMap<String, KeyEntry>),
}

impl KeyEntry {
    fn keys(&self) -> Option<Vec<&str>> {
        match self {
            Self::One(k) => Some(vec![k.as_str()]),
            Self::Many(ks) => Some(ks.iter().map(String::as_str).collect()),
            Self::Layer(_) => None,
        }
    }
}

/// The effective configuration: the file's values over the defaults.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where it was read from; `None` when there is no file.
    pub source: Option<PathBuf>,
    pub file: Option<PathBuf>,
    /// `None`: not set in the file (the locale decides).
    pub language: Option<Lang>,
    pub theme: ThemeName,
    pub backups: usize,
    pub mouse: bool,
    pub log_level: LogLevel,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            source: None,
            file: None,
            language: None,
            theme: ThemeName::default(),
            backups: crate::store::DEFAULT_BACKUPS,
            mouse: false,
            log_level: LogLevel::default(),
            keymap: Keymap::default(),
        }
    }
}

/// A configuration that cannot be used: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Reads the configuration at `path`; a missing file is the defaults (unless it
/// was asked for by name: `required`).
pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
    let error = |line, message: String| ConfigError {
        path: path.to_owned(),
        line,
        message,
    };
    let Some(text) = read_text(path, required).map_err(|message| error(None, message))? else {
        return Ok(Config::default());
    };
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let raw: ConfigFile = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| line_of(s.start));
        // The key the value belongs to, as written on that line.
        let key = line
            .and_then(|l| text.lines().nth(l - 1))
            .and_then(|l| l.split_once('='))
            .map(|(key, _)| key.trim())
            .filter(|key| !key.is_empty() && !key.starts_with('['));
        let message = e.message().trim();
        error(
            line,
            key.map_or_else(|| message.to_owned(), |key| format!("{key}: {message}")),
        )
    })?;
    let mut config = Config {
        source: Some(path.to_owned()),
        ..Config::default()
    };
    config.file = raw.file;
    config.language = raw.language;
    config.theme = raw.theme.unwrap_or_default();
    config.mouse = raw.mouse.unwrap_or(false);
    config.log_level = raw.log_level.unwrap_or_default();
    if let Some(backups) = raw.backups {
        if *backups.get_ref() > MAX_BACKUPS {
            return Err(error(
                Some(line_of(backups.span().start)),
                crate::i18n::tf("config.max-backups", &[("max", &MAX_BACKUPS)]),
            ));
        }
        config.backups = backups.into_inner();
    }
    // Each rebinding with its line and its name in messages.
    let mut overrides: Vec<(Rebinding, usize, String)> = Vec::new();
    for (name, entry) in &raw.keys {
        if let KeyEntry::Layer(table) = entry.get_ref() {
            let layer = layer_named(name.get_ref()).ok_or_else(|| {
                error(
                    Some(line_of(name.span().start)),
                    crate::i18n::tf("config.no-action-or-layer", &[("name", &name.get_ref())]),
                )
            })?;
            let table_line = line_of(name.span().start);
            for (action, list) in table {
                let path = format!("keys.{}.{action}", name.get_ref());
                let line = line_in_table(&text, table_line, action);
                let rebinding = rebinding(action, list, Some(layer), &path)
                    .map_err(|message| error(Some(line), message))?;
                overrides.push((rebinding, line, path));
            }
        } else {
            let path = format!("keys.{}", name.get_ref());
            let line = line_of(name.span().start);
            let rebinding = rebinding(name.get_ref(), entry.get_ref(), None, &path)
                .map_err(|message| error(Some(line), message))?;
            overrides.push((rebinding, line, path));
        }
    }
    keep_a_way_out(&mut overrides).map_err(|(line, message)| error(Some(line), message))?;
    let plain: Vec<Rebinding> = overrides.iter().map(|(r, _, _)| r.clone()).collect();
    config.keymap = Keymap::default().rebound(&plain).map_err(|clash| {
        let culprit = overrides
            .iter()
            .find(|(r, _, _)| r.action == clash.action && r.layer.is_none_or(|l| l == clash.layer));
        match culprit {
            Some((_, line, path)) => error(Some(*line), format!("{path}: {clash}")),
            None => error(None, clash.to_string()),
        }
    })?;
    Ok(config)
}

/// One line of `[keys]` read: `path` names it in messages.
fn rebinding(
    name: &str,
    entry: &KeyEntry,
    layer: Option<Layer>,
    path: &str,
) -> Result<Rebinding, String> {
    let action = action_named(name)
        .ok_or_else(|| crate::i18n::tf("config.no-action", &[("path", &path)]))?;
    let Some(raw_keys) = entry.keys() else {
        return Err(crate::i18n::tf("config.key-expected", &[("path", &path)]));
    };
    let mut keys = Vec::new();
    for raw_key in raw_keys {
        keys.push(parse_key(raw_key).map_err(|why| format!("{path}: „{raw_key}“ {why}"))?);
    }
    Ok(Rebinding {
        action,
        layer,
        keys,
    })
}

/// The line of `key = …` in the table whose header is on `table_line`.
fn line_in_table(text: &str, table_line: usize, key: &str) -> usize {
    text.lines()
        .enumerate()
        .skip(table_line)
        .find(|(_, l)| {
            l.split_once('=')
                .is_some_and(|(k, _)| k.trim().trim_matches('"') == key)
        })
        .map_or(table_line, |(i, _)| i + 1)
}

/// The layer whose configuration name is `name` ("main", "view").
pub fn layer_named(name: &str) -> Option<Layer> {
    name.parse().ok()
}

/// The configuration name of a layer.
pub fn layer_name(layer: Layer) -> &'static str {
    layer.name()
}

/// The action whose configuration name is `name` ("save", "next-pane").
pub fn action_named(name: &str) -> Option<Action> {
    name.parse().ok()
}

/// The configuration name of an action.
pub fn action_name(action: Action) -> &'static str {
    action.name()
}

/// A key as written in the configuration: "ctrl-s", "f2", "enter", "shift-tab", "G".
pub fn parse_key(raw: &str) -> Result<Key, &'static str> {
    // crokey folds letters to lower case; a capital letter means itself here.
    if let Some(c) = single_char(raw) {
        return Ok(Key::ch(c));
    }
    let combination = crokey::parse(raw).map_err(|_| crate::i18n::t("config.not-a-key"))?;
    let crokey::OneToThree::One(code) = combination.codes else {
        return Err(crate::i18n::t("config.more-than-one-key"));
    };
    let mut key = Key {
        code,
        modifiers: combination.modifiers,
    };
    if let KeyCode::Char(c) = key.code
        && key.modifiers.contains(KeyModifiers::SHIFT)
    {
        key.code = KeyCode::Char(c.to_ascii_uppercase());
        key.modifiers -= KeyModifiers::SHIFT;
    }
    Ok(key)
}

fn single_char(raw: &str) -> Option<char> {
    let mut chars = raw.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c != ' ').then_some(c)
}

/// A key as the configuration writes it; `parse_key` reads it back.
pub fn key_name(key: &Key) -> String {
    if key.modifiers.is_empty()
        && let KeyCode::Char(c) = key.code
        && c != ' '
    {
        return c.to_string();
    }
    let combination = crokey::KeyCombination {
        codes: crokey::OneToThree::One(key.code),
        modifiers: key.modifiers,
    };
    combination.to_string().to_lowercase()
}

/// The effective configuration as a TOML file, defaults included: every action
/// with its keys, so the vocabulary of `[keys]` is one command away.
pub fn print(config: &Config) -> String {
    #[derive(Serialize)]
    struct Printed<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a Path>,
        language: Lang,
        theme: ThemeName,
        backups: usize,
        mouse: bool,
        log_level: LogLevel,
        keys: BTreeMap<&'static str, BTreeMap<&'static str, Vec<String>>>,
    }
    // Per layer: an action may have different keys in different layers.
    let mut keys: BTreeMap<&str, BTreeMap<&str, Vec<String>>> = BTreeMap::new();
    for binding in &config.keymap.bindings {
        let names = keys
            .entry(layer_name(binding.layer))
            .or_default()
            .entry(action_name(binding.action))
            .or_default();
        let name = key_name(&binding.key);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let printed = Printed {
        file: config.file.as_deref(),
        language: config.language.unwrap_or_else(crate::i18n::current),
        theme: config.theme,
        backups: config.backups,
        mouse: config.mouse,
        log_level: config.log_level,
        keys,
    };
    let mut out = match &config.source {
        Some(path) => crate::i18n::tf("config.print-source", &[("path", &path.display())]),
        None => crate::i18n::t("config.print-defaults").to_owned(),
    };
    out.push_str(&toml::to_string(&printed).unwrap_or_default());
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_written() {
        for (raw, code, modifiers) in [
            ("ctrl-s", KeyCode::Char('s'), KeyModifiers::CONTROL),
            ("f2", KeyCode::F(2), KeyModifiers::NONE),
            ("G", KeyCode::Char('G'), KeyModifiers::NONE),
            ("shift-g", KeyCode::Char('G'), KeyModifiers::NONE),
            ("enter", KeyCode::Enter, KeyModifiers::NONE),
            ("alt-x", KeyCode::Char('x'), KeyModifiers::ALT),
            ("/", KeyCode::Char('/'), KeyModifiers::NONE),
        ] {
            let key = parse_key(raw).unwrap();
            assert_eq!((key.code, key.modifiers), (code, modifiers), "{raw}");
            assert_eq!(parse_key(&key_name(&key)).unwrap(), key, "{raw}");
        }
        assert!(parse_key("ctrl-").is_err());
        assert!(parse_key("hyper-q").is_err());
    }
}
