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
    /// The rows the area showed when last drawn: PageUp and PageDown move by that.
    height: Cell<usize>,
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
        self.height.set(height);
        self.top()
    }

    /// The rows a page holds, as last drawn (at least one).
    pub fn page(&self) -> isize {
        signed(self.height.get())
    }

    /// Like `drawn`, starting at row `start` until the user moves.
    pub fn drawn_from(&self, rows: usize, height: usize, start: usize) -> usize {
        self.start.set(start);
        self.drawn(rows, height)
    }
}

/// A list's place as last drawn: the first item it showed, kept so it scrolls
/// only as far as its cursor needs, and how many items it showed, the page
/// PageUp and PageDown move its cursor by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    first: Cell<usize>,
    shown: Cell<usize>,
}

impl Listed {
    /// The first item shown when last drawn.
    pub fn first(&self) -> usize {
        self.first.get()
    }

    /// The items a page holds, as last drawn (at least one).
    pub fn page(&self) -> isize {
        signed(self.shown.get())
    }

    /// Back to the top (the list changed under it).
    pub fn reset(&self) {
        self.first.set(0);
    }

    /// Called by the drawing: the list started at item `first` and its items,
    /// `heights` rows each, filled an area `height` rows high.
    pub fn drawn(&self, first: usize, heights: impl IntoIterator<Item = usize>, height: usize) {
        self.drawn_counting(first, heights.into_iter().map(|h| (h, true)), height);
    }

    /// Like `drawn`, where only the items paired with `true` are the cursor's
    /// (not a heading between them).
    pub fn drawn_counting(
        &self,
        first: usize,
        items: impl IntoIterator<Item = (usize, bool)>,
        height: usize,
    ) {
        let mut rows = 0;
        let mut shown = 0;
        for (h, counts) in items.into_iter().skip(first) {
            rows += h.max(1);
            if rows > height {
                break;
            }
            shown += usize::from(counts);
        }
        // Past the list's end, a page is what the area would hold of one-row items.
        shown += height.saturating_sub(rows);
        self.first.set(first);
        self.shown.set(shown);
    }
}

/// A count as a step, at least one.
fn signed(count: usize) -> isize {
    isize::try_from(count.max(1)).unwrap_or(isize::MAX)
}

#[cfg(test)]
mod tests {
    use super::{Listed, Scroll};

    #[test]
    fn a_list_page_is_the_items_that_fitted() {
        let listed = Listed::default();
        assert_eq!(listed.page(), 1, "not drawn yet: a row");
        listed.drawn(2, [1, 1, 2, 1, 3, 1], 5);
        assert_eq!((listed.first(), listed.page()), (2, 2));
        listed.drawn(0, [1; 4], 10);
        assert_eq!(listed.page(), 10, "short list: the area's rows");
    }

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
