//! The Main layer's keys (see `view/keys.rs` for how the tables are joined).

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::{Binding, Row, everywhere, list_keys, rows};
use crate::app::{Action as A, Key, Layer};

/// Keys of the main screen. Hints show in this order and give way from the
/// end on narrow screens.
const KEYS: &[Row] = &[
    (Key::ch('w'), A::Walkthrough, Some("hint.walkthrough")),
    (Key::ch('/'), A::Search, Some("hint.search")),
    (Key::plain(K::Enter), A::Open, Some("hint.open")),
    (Key::plain(K::Tab), A::NextPane, Some("hint.pane")),
    (Key::plain(K::BackTab), A::PreviousPane, None),
    (Key::ch('-'), A::NoExchange, Some("hint.no-exchange")),
    (Key::ch('f'), A::MarkReady, None),
    (Key::ch('a'), A::AddConcern, None),
    (Key::ch('o'), A::ConcernOpen, None),
    (Key::ch('b'), A::ConcernInProgress, None),
    (Key::ch('E'), A::ConcernResolved, None),
    (Key::ch('e'), A::ExternalEditor, None), // opened in update; handed over by App::external_editor
    (Key::ch('v'), A::ConcernDropped, None),
    (Key::ch('L'), A::LinkDecisions, None),
    (Key::ch('r'), A::Review, Some("hint.review")),
    (Key::ch('s'), A::Sessions, None),
    (Key::ch('n'), A::NewSession, None),
    (Key::ch('i'), A::Reference, None),
    (Key::ch('R'), A::MergeOthers, None),
    (Key::ch('d'), A::Debrief, None),
    (Key::ch('B'), A::Decisions, None),
    (Key::ch('h'), A::History, None),
    (Key::ch('c'), A::Changes, None),
    (Key::ch('p'), A::Assignments, None),
    (Key::ch('u'), A::Undo, None), // the App's: App::dispatch, app/update.rs
    (Key::ctrl('y'), A::Redo, None), // the App's: App::dispatch, app/update.rs
    (Key::ch('?'), A::Help, Some("hint.help")),
    (Key::ctrl('s'), A::Save, Some("hint.save")), // the App's: App::dispatch, app/update.rs
    (Key::ch('q'), A::Quit, Some("hint.quit")),   // the App's: App::dispatch, app/update.rs
];

/// The Main layer's bindings: the list keys, its own, those of every layer.
pub fn bindings() -> Vec<Binding> {
    let mut all = list_keys(Layer::Main, true);
    all.extend(rows(Layer::Main, KEYS));
    all.extend(everywhere(Layer::Main));
    all
}
