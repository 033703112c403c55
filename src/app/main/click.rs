//! A click on the main screen (`app/mouse.rs` finds the pane and the row):
//! the pane takes the focus, the item under the click the cursor.

use super::Main;
use crate::app::{Ctx, Pane};

/// Rows per item of a pane's list; `None` where the pane is not a list.
fn item_height(pane: Pane) -> Option<usize> {
    match pane {
        Pane::Conferences | Pane::Concerns => Some(1),
        Pane::Questions => Some(2),
        Pane::Speakers => None,
    }
}

impl Main {
    /// A click on `row` (0 = the first row inside the border) of `pane`.
    pub fn click(&mut self, pane: Pane, row: usize, ctx: &mut Ctx) {
        self.focus = pane;
        let Some(per_item) = item_height(pane) else {
            return;
        };
        let selected = match pane {
            Pane::Conferences => *ctx.conference,
            Pane::Concerns => self.concern,
            Pane::Questions => self.question,
            Pane::Speakers => return,
        };
        // The item under the click, in the list as last drawn.
        let wanted = self.offset(pane) + row / per_item;
        let delta = isize::try_from(wanted).unwrap_or(isize::MAX)
            - isize::try_from(selected).unwrap_or(isize::MAX);
        if delta != 0 {
            self.move_selection(delta, ctx);
        }
    }
}
