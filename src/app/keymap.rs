//! Keys as data: one table per layer, each in its layer's `keys.rs`, joined
//! here into the keymap from which key handling, the key-hint line and the
//! help screen are all made, so they never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Action;

/// Which part of the program owns the keyboard; derived from the state. The
/// configuration's `[keys.<layer>]` tables name them in kebab-case.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Layer {
    Main,
    Walkthrough,
    Editor,
    Search,
    Help,
    Review,
    Sessions,
    /// The views across sessions: debrief, decisions, history, changes, assignments.
    View,
    Dialog,
}

impl Layer {
    /// The layer's name in the configuration: "main", "view".
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The layer's title, as help headings and configuration errors write it.
    pub fn title(self) -> &'static str {
        crate::i18n::t(&format!("layer.{}", self.name()))
    }
}

/// A key with its modifiers, as bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }
    pub const fn ch(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// Whether a pressed key is this one. Shift is part of the character for
    /// letters and symbols, so it is ignored there.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ignore = if matches!(event.code, KeyCode::Char(_)) {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        let pressed = event.modifiers - ignore;
        let wanted = self.modifiers - ignore;
        // Shift-Tab arrives as BackTab, with or without the shift flag.
        let pressed = if event.code == KeyCode::BackTab {
            pressed - KeyModifiers::SHIFT
        } else {
            pressed
        };
        self.code == event.code && pressed == wanted
    }

    /// How the key is written in hints and help: "^S", "Enter", "↑".
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => crate::i18n::t("key.space").to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "⇧Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => crate::i18n::t("key.page-up").to_owned(),
            KeyCode::PageDown => crate::i18n::t("key.page-down").to_owned(),
            KeyCode::Home => crate::i18n::t("key.home").to_owned(),
            KeyCode::End => crate::i18n::t("key.end").to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("^{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// One binding: in `layer`, `key` does `action`; `hint` (the key of its text)
/// puts it on the hint line.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub layer: Layer,
    pub key: Key,
    pub action: Action,
    pub hint: Option<&'static str>,
}

/// One entry of the hint line. Essential hints (help, save, quit, back) are
/// never dropped for lack of room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub key: String,
    pub text: &'static str,
    pub essential: bool,
    pub action: Action,
}

/// The keymap: all bindings of all layers.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

const fn b(layer: Layer, key: Key, action: Action, hint: Option<&'static str>) -> Binding {
    Binding {
        layer,
        key,
        action,
        hint,
    }
}

/// The layers the help screen explains, in its order.
pub const HELP_LAYERS: [Layer; 8] = [
    Layer::Main,
    Layer::Walkthrough,
    Layer::Editor,
    Layer::Search,
    Layer::Review,
    Layer::Sessions,
    Layer::View,
    Layer::Dialog,
];

/// One row of a layer's table: key, action, and the hint that puts it on the
/// hint line.
pub type Row = (Key, Action, Option<&'static str>);

/// The bindings of `layer` from its table.
pub fn rows(layer: Layer, table: &[Row]) -> impl Iterator<Item = Binding> + '_ {
    table
        .iter()
        .map(move |&(key, action, hint)| b(layer, key, action, hint))
}

/// The keys of every layer that shows a list; `vim` adds k, j, g, G.
pub fn list_keys(layer: Layer, vim: bool) -> Vec<Binding> {
    use Action as A;
    use KeyCode as K;
    let mut keys = vec![
        b(
            layer,
            Key::plain(K::Up),
            A::SelectPrevious,
            Some("hint.select"),
        ),
        b(layer, Key::plain(K::Down), A::SelectNext, None),
        b(layer, Key::plain(K::PageUp), A::PageUp, None),
        b(layer, Key::plain(K::PageDown), A::PageDown, None),
        b(layer, Key::plain(K::Home), A::SelectFirst, None),
        b(layer, Key::plain(K::End), A::SelectLast, None),
    ];
    if vim {
        keys.extend([
            b(layer, Key::ch('k'), A::SelectPrevious, None),
            b(layer, Key::ch('j'), A::SelectNext, None),
            b(layer, Key::ch('g'), A::SelectFirst, None),
            b(layer, Key::ch('G'), A::SelectLast, None),
        ]);
    }
    keys
}

/// Ctrl-L, Ctrl-Z and Ctrl-C work in every layer.
pub fn everywhere(layer: Layer) -> [Binding; 3] {
    [
        b(layer, Key::ctrl('l'), Action::Redraw, None),
        b(layer, Key::ctrl('z'), Action::Suspend, None),
        b(layer, Key::ctrl('c'), Action::Quit, None),
    ]
}

impl Default for Keymap {
    /// The union of the layers' tables, each in its layer's `keys.rs`.
    fn default() -> Self {
        let mut bindings = Vec::new();
        for layer in <Layer as strum::IntoEnumIterator>::iter() {
            bindings.extend(match layer {
                Layer::Main => super::main::keys::bindings(),
                Layer::Walkthrough => super::walkthrough::keys::bindings(),
                Layer::Editor => super::editor::keys::bindings(),
                Layer::Search => super::search::keys::bindings(),
                Layer::Help => super::help::keys::bindings(),
                Layer::Review => super::review::keys::bindings(),
                Layer::Sessions => super::sessions::keys::bindings(),
                Layer::View => super::view::keys::bindings(),
                Layer::Dialog => super::dialog::keys::bindings(),
            });
        }
        Self { bindings }
    }
}

impl Keymap {
    /// The action `key` does in `layer`, if any.
    pub fn resolve(&self, layer: Layer, key: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.layer == layer && b.key.matches(key))
            .map(|b| b.action)
    }

    /// The hint line of a layer: "↑↓ wählen  Tab Bereich …".
    pub fn hints(&self, layer: Layer) -> Vec<Hint> {
        self.bindings
            .iter()
            .filter(|b| b.layer == layer)
            .filter_map(|b| {
                let key = if b.action == Action::SelectPrevious && b.key.code == KeyCode::Up {
                    "↑↓".to_owned()
                } else {
                    b.key.label()
                };
                let essential = matches!(
                    b.action,
                    Action::Help | Action::Save | Action::Quit | Action::Back
                );
                b.hint.map(|hint| Hint {
                    key,
                    text: crate::i18n::t(hint),
                    essential,
                    action: b.action,
                })
            })
            .collect()
    }

    /// All keys of `layer` for `action`, as written in help: "q, ^C".
    pub fn keys_for(&self, layer: Layer, action: Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.layer == layer && b.action == action)
            .map(|b| b.key.label())
            .collect()
    }

    /// The actions bound in `layer`, each once, in keymap order.
    pub fn actions(&self, layer: Layer) -> Vec<Action> {
        let mut seen = Vec::new();
        for b in self.bindings.iter().filter(|b| b.layer == layer) {
            if !seen.contains(&b.action) {
                seen.push(b.action);
            }
        }
        seen
    }
}
