//! The Review layer's keys (see `view/keys.rs` for how the tables are joined).

use ratatui::crossterm::event::KeyCode as K;

use super::super::keymap::{Binding, Row, everywhere, list_keys, rows};
use super::super::{Action as A, Key, Layer};

/// Keys of the review; hints show in this order.
const KEYS: &[Row] = &[
    (Key::plain(K::Enter), A::Open, Some("hint.jump")),
    (Key::ch('x'), A::Export, Some("hint.export")),
    (Key::ch('t'), A::AgendaItem, Some("hint.agenda-item")),
    (Key::ch('b'), A::Proposal, Some("hint.proposal")),
    (Key::plain(K::Esc), A::Back, Some("hint.back")),
    (Key::ch('q'), A::Back, None),
    (Key::ch('?'), A::Help, None),
];

/// The Review layer's bindings: the list keys, its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all = list_keys(Layer::Review, true);
    all.extend(rows(Layer::Review, KEYS));
    all.extend(everywhere(Layer::Review));
    all
}
