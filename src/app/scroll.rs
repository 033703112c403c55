//! A scroll position that learns its limit from what was drawn (as gitui's
//! `VerticalScroll` does): the drawing knows how many rows the wrapped text
//! takes and how high its area is, so the limit is never layout arithmetic
//! done a second time elsewhere.

use std::cell::Cell;

/// The top row shown, and the largest top the area allowed when last drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scroll {
    top: usize,
    /// `None` until drawn: then any top is taken, and the drawing clamps it.
    max: Cell<Option<usize>>,
}

impl Scroll {
    /// The top row to show, within what was last drawn.
    pub fn top(&self) -> usize {
        self.max.get().map_or(self.top, |max| self.top.min(max))
    }

    /// Moves by `delta` rows (`isize::MIN / 2` and `isize::MAX / 2` for the ends).
    pub fn step(&mut self, delta: isize) {
        self.top = self.top().saturating_add_signed(delta);
        if let Some(max) = self.max.get() {
            self.top = self.top.min(max);
        }
    }

    /// Called by the drawing: the content takes `rows`, the area shows
    /// `height`. Returns the top row to draw.
    pub fn drawn(&self, rows: usize, height: usize) -> usize {
        self.max.set(Some(rows.saturating_sub(height)));
        self.top()
    }
}

#[cfg(test)]
mod tests {
    use super::Scroll;

    #[test]
    fn the_limit_comes_from_the_last_drawing() {
        let mut scroll = Scroll::default();
        scroll.step(isize::MAX / 2);
        assert_eq!(scroll.drawn(30, 10), 20);
        scroll.step(-1);
        assert_eq!(scroll.top(), 19);
        scroll.step(5);
        assert_eq!(scroll.top(), 20);
        // A larger window: everything fits.
        assert_eq!(scroll.drawn(30, 40), 0);
        scroll.step(isize::MIN / 2);
        assert_eq!(scroll.top(), 0);
    }
}
