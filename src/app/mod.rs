//! Application state and its one way of changing: `update(state, action)`
//! returns effects (save, export, quit) for the event loop to run. No IO, no
//! clock, no terminal here: the date and the time are passed in.

mod action;
mod ctx;
pub mod dialog;
mod edit;
mod editor;
mod external;
pub mod help;
mod keymap;
mod main;
mod mouse;
mod offered;
mod paused;
mod rebind;
mod recovered;
pub mod review;
mod scroll;
pub mod search;
pub mod sessions;
mod state;
mod undo;
mod update;
pub mod view;
pub mod walkthrough;

pub use action::Action;
pub use ctx::{Ctx, Request};
pub use dialog::{AfterConflicts, ConflictDialog, Dialog};
pub use editor::update::parse_german_date;
pub use editor::{Draft, EditTarget, Editor};
pub use help::Help;
pub use keymap::{Binding, HELP_LAYERS, Hint, Key, Keymap, Layer};
pub use main::{Main, visible_concerns};
pub use mouse::Pointer;
pub use rebind::{Clash, Rebinding};
pub use recovered::{Place, put_text};
pub use review::Review;
pub use scroll::{Listed, Scroll};
pub use search::Search;
pub use sessions::Sessions;
pub use state::{App, Effect, Message, Overlay, Pane};
pub use undo::History;
pub use update::{MIN_HEIGHT, MIN_WIDTH};
pub use view::changes::word_diff;
pub use view::{Citations, View};
pub use walkthrough::{CONCERN_OPTIONS, ExchangeChoice, PresenterOption, Step, Walkthrough};
