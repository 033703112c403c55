//! The Search layer's keys (see `view/keys.rs` for how the tables are joined).
//! Letters are typed into the query, so the lists' k, j, g, G are not bound.

use ratatui::crossterm::event::KeyCode as K;

use super::super::keymap::{Binding, Row, everywhere, list_keys, rows};
use super::super::{Action as A, Key, Layer};

const KEYS: &[Row] = &[
    (Key::plain(K::Enter), A::Open, Some("hint.jump")),
    (Key::plain(K::Esc), A::Back, Some("hint.back")),
    (Key::plain(K::Tab), A::SelectNext, None),
    (Key::plain(K::BackTab), A::SelectPrevious, None),
];

/// The Search layer's bindings: the list keys, its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all = list_keys(Layer::Search, false);
    all.extend(rows(Layer::Search, KEYS));
    all.extend(everywhere(Layer::Search));
    all
}
