//! Byte budgets: what one key press costs on the wire. Deterministic, so they
//! can fail CI honestly. Every frame is drawn as the program draws it: changed
//! cells only, inside a synchronized update, sent in one write.
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::common::{app, press, type_text};
use fachmk::app::{App, Effect};
use fachmk::tui::output::FrameWriter;
use fachmk::ui::{self, Theme};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::KeyCode;
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Counts what reaches "the terminal", and how many writes it took.
#[derive(Clone, Default)]
struct Wire(Rc<RefCell<(usize, usize)>>);

impl Write for Wire {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut w = self.0.borrow_mut();
        w.0 += buf.len();
        w.1 += 1;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct Screen {
    terminal: Terminal<CrosstermBackend<FrameWriter<Wire>>>,
    wire: Wire,
    /// What the same frames look like, to count changed cells.
    shadow: Terminal<TestBackend>,
}

impl Screen {
    fn new(app: &mut App, w: u16, h: u16) -> Self {
        let wire = Wire::default();
        let backend = CrosstermBackend::new(FrameWriter::new(wire.clone()));
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        let terminal = Terminal::with_options(backend, options).unwrap();
        let shadow = Terminal::new(TestBackend::new(w, h)).unwrap();
        app.resize(w, h);
        let mut screen = Self {
            terminal,
            wire,
            shadow,
        };
        screen.frame(app);
        screen
    }

    /// Draws a frame as the event loop does; returns (bytes, writes, changed cells).
    fn frame(&mut self, app: &App) -> (usize, usize, usize) {
        let before = self.shadow.backend().buffer().clone();
        self.shadow
            .draw(|f| ui::render(app, f, &Theme::default()))
            .unwrap();
        let changed = before.diff(self.shadow.backend().buffer()).len();
        *self.wire.0.borrow_mut() = (0, 0);
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate).unwrap();
        self.terminal
            .draw(|f| ui::render(app, f, &Theme::default()))
            .unwrap();
        queue!(self.terminal.backend_mut(), EndSynchronizedUpdate).unwrap();
        self.terminal.backend_mut().writer_mut().present().unwrap();
        let (bytes, writes) = *self.wire.0.borrow();
        (bytes, writes, changed)
    }
}

/// Per frame: the synchronized-update pair, cursor hiding/showing and moves.
const FRAME_CONSTANT: usize = 64;

/// What `changed` cells may cost: 3 bytes each (the character), plus a cursor
/// move or a style change now and then (at most one per 4 cells), plus the frame.
fn budget(changed: usize) -> usize {
    3 * changed + 12 * changed.div_ceil(4) + FRAME_CONSTANT
}

#[test]
fn idle_costs_nothing() {
    let mut app = app();
    let mut screen = Screen::new(&mut app, 80, 24);
    // Nothing happened: the loop does not draw. Were it to draw, no cell would change.
    let (bytes, writes, changed) = screen.frame(&app);
    assert_eq!(changed, 0);
    assert!(
        bytes <= FRAME_CONSTANT,
        "an unchanged frame still costs {bytes} bytes"
    );
    assert_eq!(writes, 1, "one write per frame");
}

#[test]
fn moving_the_selection_costs_only_the_changed_cells() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app();
        let mut screen = Screen::new(&mut app, w, h);
        for key in [
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Up,
            KeyCode::Tab,
            KeyCode::Down,
        ] {
            press(&mut app, key);
            let (bytes, writes, changed) = screen.frame(&app);
            let full = usize::from(w) * usize::from(h);
            assert!(
                changed < full / 2,
                "{key:?} at {w}×{h}: {changed} cells changed"
            );
            assert!(
                bytes <= budget(changed),
                "{key:?} at {w}×{h}: {bytes} bytes for {changed} cells"
            );
            assert_eq!(writes, 1);
        }
    }
}

#[test]
fn typing_a_character_costs_at_most_64_bytes() {
    let mut app = app();
    type_text(&mut app, "jwy"); // IMK, exchange yes: the first Leitfrage's field
    let mut screen = Screen::new(&mut app, 80, 24);
    type_text(&mut app, "Austausch");
    screen.frame(&app);
    for c in "mit ä".chars() {
        type_text(&mut app, &c.to_string());
        let (bytes, _, changed) = screen.frame(&app);
        assert!(bytes <= 64, "typing {c:?}: {bytes} bytes ({changed} cells)");
    }
}

#[test]
fn a_full_repaint_only_on_resize_or_ctrl_l() {
    let mut app = app();
    let mut screen = Screen::new(&mut app, 80, 24);
    // What a frame of an unchanged screen costs (the frame's wrapping only).
    let (unchanged, _, _) = screen.frame(&app);
    let effects = app.handle_key(crate::common::ctrl('l'));
    assert_eq!(effects, vec![Effect::Redraw]);
    // Ctrl-L: the loop clears the terminal, and the next frame sends every cell.
    fachmk::tui::repaint_all(&mut screen.terminal).unwrap();
    let (bytes, _, _) = screen.frame(&app);
    assert!(
        bytes > 80 * 24,
        "a full repaint sends every cell: {bytes} bytes"
    );
    // The frame after it is quiet again.
    let (bytes, _, _) = screen.frame(&app);
    assert_eq!(bytes, unchanged, "the frame after a repaint is quiet again");
    // Ordinary keys never resend unchanged cells, even when they change much.
    for key in [
        KeyCode::Down,
        KeyCode::Char('r'),
        KeyCode::Esc,
        KeyCode::Char('/'),
        KeyCode::Esc,
    ] {
        press(&mut app, key);
        let (bytes, _, changed) = screen.frame(&app);
        assert!(
            bytes <= budget(changed),
            "{key:?}: {bytes} bytes for {changed} changed cells"
        );
    }
    // A resize repaints everything, once.
    app.resize(100, 30);
    let mut bigger = Screen::new(&mut app, 100, 30);
    let (bytes, _, _) = bigger.frame(&app);
    assert!(
        bytes <= FRAME_CONSTANT,
        "after the resize frame, nothing more: {bytes}"
    );
}
