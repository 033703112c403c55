//! The Sessions layer's keys (see `view/keys.rs` for how the tables are joined).

use ratatui::crossterm::event::KeyCode as K;

use super::super::keymap::{Binding, Row, everywhere, list_keys, rows};
use super::super::{Action as A, Key, Layer};

/// Keys of the list of sessions; hints show in this order.
const KEYS: &[Row] = &[
    (Key::plain(K::Enter), A::Open, Some("hint.open")),
    (Key::ch('n'), A::NewSession, Some("hint.new-session")),
    (Key::plain(K::Esc), A::Back, Some("hint.back")),
    (Key::ch('q'), A::Back, None),
];

/// The Sessions layer's bindings: the list keys, its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all = list_keys(Layer::Sessions, true);
    all.extend(rows(Layer::Sessions, KEYS));
    all.extend(everywhere(Layer::Sessions));
    all
}
