//! The loop: wait for input, handle everything queued, run the effects, draw once.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use super::{Backend, Shared, lock, now};
use crate::app::{App, Effect, Pointer};
use crate::ui::{self, Theme};

/// The recovery file is written this long after the last change.
const RECOVERY_DELAY: Duration = Duration::from_millis(300);

/// How long queued input is waited for before drawing. Not zero: crossterm's
/// `/dev/tty` source (feature `use-dev-tty`, level-triggered, so a burst
/// larger than its 1 KiB read is read on without a new key) hands out what it
/// has parsed only within a timeout.
const DRAIN: Duration = Duration::from_millis(1);

/// How soon a recovery file is tried again while the last is still written.
const RECOVERY_RETRY: Duration = Duration::from_millis(50);

/// How often an idle screen looks whether someone else saved the file (a
/// `stat`; the file is read only when it changed).
const EXTERNAL_CHECK: Duration = Duration::from_secs(2);

/// How often the loop looks whether an index being built is there.
const INDEX_POLL: Duration = Duration::from_millis(5);

pub(super) fn run(
    terminal: &mut Terminal<Backend>,
    shared: &Mutex<Shared>,
    theme: &Theme,
) -> std::io::Result<()> {
    {
        let mut state = lock(shared);
        let size = terminal.size()?;
        state.app.resize(size.width, size.height);
        draw(terminal, &state.app, theme)?;
        let Shared { app, file } = &mut *state;
        // A large file's concerns, read beside the first frame, are in place
        // before any key is handled.
        if file.finish_loading(app) {
            draw(terminal, app, theme)?;
        }
        // Off the path to the first frame, on the other core: the search index.
        file.start_index(app);
    }
    let mut recovery_due: Option<Instant> = None;
    let mut written_revision = lock(shared).app.revision;
    loop {
        // Sleep until input comes; wake to write a due recovery file, to hand
        // over an index being built (a search may wait for it), and now and
        // then to notice a colleague's save.
        let recovery_wait = recovery_due.map(|due| due.saturating_duration_since(Instant::now()));
        let index_wait = lock(shared).file.index_pending().then_some(INDEX_POLL);
        let wait =
            (recovery_wait.into_iter().chain(index_wait)).fold(EXTERNAL_CHECK, Duration::min);
        if !event::poll(wait)? {
            let mut state = lock(shared);
            let Shared { app, file } = &mut *state;
            if recovery_due.is_some_and(|due| due <= Instant::now()) {
                if file.write_recovery_beside(app) {
                    written_revision = app.revision;
                    recovery_due = None;
                    // The data rests: the index of the next `/` is built meanwhile.
                    file.start_index(app);
                } else {
                    // The last one is still being written.
                    recovery_due = Some(Instant::now() + RECOVERY_RETRY);
                }
            }
            let noticed = app.external_change;
            file.notice_external_change(app);
            if file.deliver_index(app) || app.external_change != noticed {
                draw(terminal, app, theme)?;
            }
            continue;
        }
        let first = event::read()?;
        let mut state = lock(shared);
        let Shared { app, file } = &mut *state;
        file.settle_editor();
        let mut effects = handle(app, file, first);
        while event::poll(DRAIN)? {
            effects.extend(handle(app, file, event::read()?));
        }
        for effect in effects {
            if file.run(effect, app, terminal)? {
                return Ok(());
            }
        }
        // Conflicts of a recovery taken back, left with Esc: offered again.
        file.recovery_decided(app, false);
        file.notice_external_change(app);
        // Continued after `kill -TSTP`: the signal thread took the terminal back.
        if super::signals::REPAINT.swap(false, std::sync::atomic::Ordering::SeqCst) {
            super::repaint_all(terminal)?;
        }
        if app.revision != written_revision && recovery_due.is_none() {
            recovery_due = Some(Instant::now() + RECOVERY_DELAY);
        }
        draw(terminal, app, theme)?;
    }
}

/// One frame: changed cells only, inside a synchronized update (terminals
/// without DEC 2026 ignore it), sent in one write.
fn draw(terminal: &mut Terminal<Backend>, app: &App, theme: &Theme) -> std::io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|f| ui::render(app, f, theme))?;
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().writer_mut().present()
}

fn handle(app: &mut App, file: &mut super::data_file::DataFile, event: Event) -> Vec<Effect> {
    // Nothing acts on data whose concerns are still being read (they are in
    // place after the first frame already; this holds whatever comes first).
    file.finish_loading(app);
    app.now = now();
    match event {
        Event::Key(key) => {
            file.before_key(app, &key);
            app.handle_key(key)
        }
        Event::Paste(text) => app.handle_paste(&text),
        Event::Resize(columns, rows) => {
            app.resize(columns, rows);
            Vec::new()
        }
        // Only reported when the configuration turned the mouse on.
        Event::Mouse(mouse) => {
            let pointer = match mouse.kind {
                MouseEventKind::ScrollUp => Some(Pointer::WheelUp),
                MouseEventKind::ScrollDown => Some(Pointer::WheelDown),
                MouseEventKind::Down(MouseButton::Left) => {
                    let (columns, rows) = app.screen;
                    let area = ratatui::layout::Rect::new(0, 0, columns, rows);
                    ui::pointer_at(app, area, mouse.column, mouse.row)
                }
                _ => None,
            };
            pointer.map_or_else(Vec::new, |p| app.handle_pointer(p))
        }
        _ => Vec::new(),
    }
}
