//! The Dialog layer's keys (see `view/keys.rs` for how the tables are joined).
//! Each dialog shows its own keys; the hint line only the way out.

use ratatui::crossterm::event::KeyCode as K;

use super::super::keymap::{Binding, Row, everywhere, rows};
use super::super::{Action as A, Key, Layer};

const KEYS: &[Row] = &[
    (Key::ch('s'), A::DialogSave, None),
    (Key::ch('d'), A::DialogDiscard, None),
    (Key::ch('m'), A::TakeMine, None),
    (Key::ch('t'), A::TakeTheirs, None),
    (Key::ch('b'), A::TakeBoth, None),
    (Key::ch('w'), A::Restore, None),
    (Key::ch('v'), A::ShowDifference, None),
    (Key::ch('o'), A::OpenBackup, None),
    (Key::plain(K::Esc), A::Back, Some("hint.cancel")),
    (Key::plain(K::Enter), A::Open, None),
    (Key::ch('y'), A::DialogYes, None),
    (Key::ch('j'), A::DialogYes, None),
];

/// The Dialog layer's bindings: its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all: Vec<Binding> = rows(Layer::Dialog, KEYS).collect();
    all.extend(everywhere(Layer::Dialog));
    all
}
