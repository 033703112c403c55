//! The View layer's keys. The global keymap is the union of the layers'
//! tables, so help, hint line, README table and `fachmk config --print`
//! follow from this one.

use ratatui::crossterm::event::KeyCode as K;

use super::super::keymap::{Binding, Row, everywhere, list_keys, rows};
use super::super::{Action as A, Key, Layer};

/// Keys of the views; hints show in this order.
const KEYS: &[Row] = &[
    (Key::plain(K::Enter), A::Open, Some("hint.open")),
    (Key::ch(' '), A::Toggle, Some("hint.select")),
    (Key::plain(K::Left), A::PreviousPane, None),
    (Key::plain(K::Right), A::NextPane, None),
    (Key::ch('l'), A::NextPane, None),
    (Key::ch('a'), A::AddItem, Some("hint.new")),
    (Key::ch('e'), A::EditNotes, Some("hint.note")),
    (Key::ch('x'), A::MarkHeld, Some("hint.held")),
    (Key::ch('u'), A::Undo, None), // the App's: App::dispatch, app/update.rs
    (Key::ctrl('y'), A::Redo, None), // the App's: App::dispatch, app/update.rs
    (Key::ch('?'), A::Help, Some("hint.help")),
    (Key::ctrl('s'), A::Save, Some("hint.save")), // the App's: App::dispatch, app/update.rs
    (Key::plain(K::Esc), A::Back, Some("hint.back")),
    (Key::ch('q'), A::Back, None),
];

/// The View layer's bindings: the list keys, its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all = list_keys(Layer::View, true);
    all.extend(rows(Layer::View, KEYS));
    all.extend(everywhere(Layer::View));
    all
}
