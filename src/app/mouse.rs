//! The mouse, when the configuration turns it on: a click selects a pane and
//! the item under it, the wheel moves the selection like ↑ and ↓. The terminal
//! side finds which pane was hit (from the one layout the screen is drawn
//! with); here, only what that means for the state.

use super::{Action, App, Effect, Layer, Pane};

/// What the mouse did, in terms of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// A left click on `row` (0 = first row inside the border) of a pane whose
    /// inside is `height` rows tall.
    Click {
        pane: Pane,
        row: u16,
        height: u16,
    },
    WheelUp,
    WheelDown,
}

impl App {
    pub fn handle_pointer(&mut self, pointer: Pointer) -> Vec<Effect> {
        self.message = None;
        match pointer {
            Pointer::WheelUp => self.wheel(Action::SelectPrevious),
            Pointer::WheelDown => self.wheel(Action::SelectNext),
            Pointer::Click { pane, row, .. } => {
                // Clicks select on the main screen only; elsewhere the keys lead.
                if self.layer() == Layer::Main {
                    let (layers, mut ctx) = self.split();
                    layers.main.click(pane, usize::from(row), &mut ctx);
                }
                Vec::new()
            }
        }
    }

    /// The wheel moves wherever ↑ and ↓ move (lists, help, the review), but
    /// never edits: in a text field it does nothing.
    fn wheel(&mut self, action: Action) -> Vec<Effect> {
        let layer = self.layer();
        if layer == Layer::Editor || !self.keymap.actions(layer).contains(&action) {
            return Vec::new();
        }
        self.update(action)
    }
}
