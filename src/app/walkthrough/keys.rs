//! The Walkthrough layer's keys, of the steps that are not a text field (see
//! `view/keys.rs` for how the tables are joined).

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::{Binding, Row, everywhere, list_keys, rows};
use crate::app::{Action as A, Key, Layer};

const KEYS: &[Row] = &[
    (Key::ch('y'), A::ExchangeYes, Some("hint.yes")),
    (Key::ch('n'), A::ExchangeNo, Some("hint.no")),
    (Key::ch('x'), A::ExchangeUnknown, None),
    (Key::ch('o'), A::ConcernOpen, None),
    (Key::ch('b'), A::ConcernInProgress, None),
    (Key::ch('E'), A::ConcernResolved, None),
    (Key::ch('e'), A::ExternalEditor, None), // opened in update; handed over by App::external_editor
    (Key::ch('v'), A::ConcernDropped, None),
    (Key::ch('L'), A::LinkDecisions, None),
    (Key::ch('a'), A::AddConcern, None),
    (Key::ch(' '), A::Toggle, None),
    (Key::plain(K::Enter), A::Open, Some("hint.select")),
    (Key::plain(K::Tab), A::NextStep, Some("hint.next")),
    (Key::plain(K::BackTab), A::PreviousStep, Some("hint.back")),
    (Key::ch('u'), A::Undo, None), // the App's: App::dispatch, app/update.rs
    (Key::ctrl('y'), A::Redo, None), // the App's: App::dispatch, app/update.rs
    (Key::ch('?'), A::Help, Some("hint.help")),
    (Key::ctrl('s'), A::Save, Some("hint.save")), // the App's: App::dispatch, app/update.rs
    (Key::plain(K::Esc), A::Back, Some("hint.pause")),
];

/// The Walkthrough layer's bindings: the list keys, its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all = list_keys(Layer::Walkthrough, true);
    all.extend(rows(Layer::Walkthrough, KEYS));
    all.extend(everywhere(Layer::Walkthrough));
    all
}
