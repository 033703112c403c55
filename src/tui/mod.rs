//! The terminal: setup and restore (always, also on panic and on signals), the
//! event loop, and the effects on the data file. Event → keymap → action →
//! update → effects → one draw. Nothing ticks: the loop sleeps until input
//! comes, or until the recovery file is due.

mod data_file;
mod data_file_index;
mod event_loop;
mod export;
mod external;
pub mod output;
mod recovering;
mod signals;

use std::io::{Stdout, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::App;
use data_file::DataFile;

type Backend = CrosstermBackend<output::FrameWriter<Stdout>>;

/// The screen's state and its file, shared with the signal thread.
pub(crate) struct Shared {
    pub app: App,
    pub file: DataFile,
}

pub(crate) fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A panic elsewhere must not keep the work from being saved for recovery.
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Clears the terminal and makes the next frame send every cell (Ctrl-L, and
/// after an editor had the screen). Unlike `Terminal::clear` it does not ask
/// the terminal where its cursor is: over a slow link that question can time
/// out, and a redraw must never end the program.
pub fn repaint_all<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
) -> Result<(), B::Error> {
    terminal
        .backend_mut()
        .clear_region(ratatui::backend::ClearType::All)?;
    // The last frame is forgotten: both buffers blank, so all is new.
    terminal.swap_buffers();
    Ok(())
}

/// Restores the terminal when dropped, whatever happened.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

pub(crate) fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        ratatui::crossterm::event::DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// How the screen ended, for `main` to report after the terminal is restored.
pub struct Outcome {
    pub code: u8,
    pub message: Option<String>,
}

/// Whether stdin and stdout are a terminal; if not, why the screen cannot open.
pub fn check_terminal() -> Result<(), String> {
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(crate::i18n::t("tui.no-terminal").into())
    }
}

/// Opens the screen on `path`. Returns after the terminal is restored.
/// What the screen is set up with, from the command line and the configuration.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub theme: crate::ui::Theme,
    pub keymap: crate::app::Keymap,
    pub backups: usize,
    /// The language of exports made on the screen.
    pub handout_lang: crate::i18n::Lang,
    /// Mouse capture: clicks select, the wheel scrolls (off by default: mouse
    /// tracking sends a report per motion, a flood over SSH).
    pub mouse: bool,
}

pub fn run(
    path: &Path,
    session: Option<u32>,
    today: chrono::NaiveDate,
    settings: &Settings,
) -> Outcome {
    tracing::info!(path = %path.display(), ?session, %today, "screen opened");
    let (mut app, mut file) = DataFile::open(path, session, today);
    app.keymap = settings.keymap.clone();
    app.handout_lang = settings.handout_lang;
    file.backups = settings.backups;
    file.mouse = settings.mouse;
    signals::MOUSE.store(settings.mouse, std::sync::atomic::Ordering::SeqCst);
    let theme = settings.theme;
    let shared = Arc::new(Mutex::new(Shared { app, file }));
    if let Err(e) = signals::install(Arc::clone(&shared)) {
        return Outcome {
            code: crate::commands::exit::IO,
            message: Some(crate::i18n::tf("tui.no-signals", &[("e", &e)])),
        };
    }
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous_hook(info);
    }));
    let mut terminal = match setup(settings.mouse) {
        Ok(t) => t,
        Err(e) => {
            restore_terminal();
            return Outcome {
                code: crate::commands::exit::IO,
                message: Some(crate::i18n::tf("tui.no-setup", &[("e", &e)])),
            };
        }
    };
    let guard = TerminalGuard;
    let result = event_loop::run(&mut terminal, &shared, &theme);
    match result {
        Ok(()) => {
            drop(guard);
            Outcome {
                code: 0,
                message: None,
            }
        }
        Err(e) => {
            // The terminal is gone or broken: keep the work, end as on a hang-up.
            let mut state = lock(&shared);
            let Shared { app, file } = &mut *state;
            file.write_recovery(app);
            drop(state);
            std::mem::forget(guard); // do not write to a terminal that is gone
            Outcome {
                code: 128 + 1,
                message: Some(crate::i18n::tf("tui.lost", &[("e", &e)])),
            }
        }
    }
}

fn setup(mouse: bool) -> std::io::Result<Terminal<Backend>> {
    enter_screen(mouse)?;
    Terminal::new(CrosstermBackend::new(output::FrameWriter::new(
        std::io::stdout(),
    )))
}

/// Raw mode, the alternate screen, bracketed paste, and the mouse if asked.
fn enter_screen(mouse: bool) -> std::io::Result<()> {
    enable_raw_mode()?;
    let mut out = std::io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        // Presses and the wheel only (1000), in SGR coordinates (1006):
        // crossterm's EnableMouseCapture also asks for every motion (1003),
        // a report per cell the pointer crosses, which floods an SSH link.
        out.write_all(b"\x1b[?1000h\x1b[?1006h")?;
        out.flush()?;
    }
    Ok(())
}

/// Ctrl-Z: hands the terminal back as it was and stops, like vim and less;
/// after `fg` takes it again and repaints everything. Without a shell with job
/// control (nobody could continue it) it says so and goes on.
pub(crate) fn suspend(terminal: &mut Terminal<Backend>, mouse: bool) -> std::io::Result<bool> {
    if !signals::job_control() {
        return Ok(false);
    }
    tracing::info!("suspended");
    restore_terminal();
    signals::stop();
    tracing::info!("continued");
    enter_screen(mouse)?;
    repaint_all(terminal)?;
    Ok(true)
}

/// The current time, to the second (stamps in the file need no more).
pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound as _;
    chrono::Utc::now().trunc_subsecs(0)
}
