//! The Editor layer's keys (see `view/keys.rs` for how the tables are
//! joined). Keys not bound here are typed into the field.

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::{Binding, Row, everywhere, rows};
use crate::app::{Action as A, Key, Layer};

const KEYS: &[Row] = &[
    (Key::plain(K::Esc), A::Back, Some("hint.done")),
    // Enter: a new line in long texts, confirms a one-line field.
    (Key::plain(K::Enter), A::Open, None),
    (Key::plain(K::Tab), A::NextStep, Some("hint.next")),
    (Key::ctrl('e'), A::ExternalEditor, Some("hint.own-editor")), // the App's: App::external_editor, app/external.rs
    (Key::plain(K::BackTab), A::PreviousStep, Some("hint.back")),
    (Key::ctrl('s'), A::Save, Some("hint.save")), // the App's: App::dispatch, app/update.rs
];

/// The Editor layer's bindings: its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all: Vec<Binding> = rows(Layer::Editor, KEYS).collect();
    all.extend(everywhere(Layer::Editor));
    all
}
