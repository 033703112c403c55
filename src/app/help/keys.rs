//! The Help layer's keys (see `view/keys.rs` for how the tables are joined).

use ratatui::crossterm::event::KeyCode as K;

use super::super::keymap::{Binding, Row, everywhere, rows};
use super::super::{Action as A, Key, Layer};

/// Keys of the help; letters scroll as in the lists.
const KEYS: &[Row] = &[
    (Key::plain(K::Esc), A::Back, Some("hint.close")),
    (Key::ch('?'), A::Back, None),
    (Key::ch('q'), A::Back, None),
    (Key::plain(K::Up), A::SelectPrevious, None),
    (Key::plain(K::Down), A::SelectNext, None),
    (Key::ch('k'), A::SelectPrevious, None),
    (Key::ch('j'), A::SelectNext, None),
    (Key::plain(K::PageUp), A::PageUp, None),
    (Key::plain(K::PageDown), A::PageDown, None),
    (Key::plain(K::Home), A::SelectFirst, None),
    (Key::plain(K::End), A::SelectLast, None),
    (Key::ch('g'), A::SelectFirst, None),
    (Key::ch('G'), A::SelectLast, None),
];

/// The Help layer's bindings: its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all: Vec<Binding> = rows(Layer::Help, KEYS).collect();
    all.extend(everywhere(Layer::Help));
    all
}
