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

/// Rows per item of a pane's list; `None` where the pane is not a list.
fn item_height(pane: Pane) -> Option<usize> {
    match pane {
        Pane::Conferences | Pane::Concerns => Some(1),
        Pane::Questions => Some(2),
        Pane::Speakers => None,
    }
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
                    self.click(pane, usize::from(row));
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

    fn click(&mut self, pane: Pane, row: usize) {
        self.main.focus = pane;
        let Some(per_item) = item_height(pane) else {
            return;
        };
        let selected = match pane {
            Pane::Conferences => self.conference,
            Pane::Concerns => self.main.concern,
            Pane::Questions => self.main.question,
            Pane::Speakers => return,
        };
        // The item under the click, in the list as last drawn.
        let wanted = self.main.offset(pane) + row / per_item;
        let delta = isize::try_from(wanted).unwrap_or(isize::MAX)
            - isize::try_from(selected).unwrap_or(isize::MAX);
        if delta != 0 {
            let (layers, mut ctx) = self.split();
            layers.main.move_selection(delta, &mut ctx);
        }
    }
}
