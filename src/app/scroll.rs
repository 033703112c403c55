//! A scroll position that learns its limit from what was drawn (as gitui's
//! `VerticalScroll` does): the drawing knows how many rows the wrapped text
//! takes and how high its area is, so the limit is never layout arithmetic
//! done a second time elsewhere.

use std::cell::Cell;

/// The top row shown, and the largest top the area allowed when last drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scroll {
    top: usize,
    /// Whether the user moved it; until then the drawing says where it starts.
    moved: bool,
    /// Where the drawing wants it to start (a section's first row).
    start: Cell<usize>,
    /// `None` until drawn: then any top is taken, and the drawing clamps it.
    max: Cell<Option<usize>>,
}

impl Scroll {
    /// The top row to show, within what was last drawn.
    pub fn top(&self) -> usize {
        let top = if self.moved {
            self.top
        } else {
            self.start.get()
        };
        self.max.get().map_or(top, |max| top.min(max))
    }

    /// Moves by `delta` rows (`isize::MIN / 2` and `isize::MAX / 2` for the ends).
    pub fn step(&mut self, delta: isize) {
        self.top = self.top().saturating_add_signed(delta);
        self.moved = true;
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

    /// Like `drawn`, starting at row `start` until the user moves.
    pub fn drawn_from(&self, rows: usize, height: usize, start: usize) -> usize {
        self.start.set(start);
        self.drawn(rows, height)
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

    #[test]
    fn it_starts_where_the_drawing_says_until_moved() {
        let mut scroll = Scroll::default();
        assert_eq!(scroll.drawn_from(100, 10, 42), 42);
        assert_eq!(scroll.drawn_from(100, 10, 95), 90);
        scroll.step(-1);
        assert_eq!(scroll.drawn_from(100, 10, 42), 89);
    }
}
