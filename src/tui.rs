//! The terminal: setup and restore (always, also on panic), the event loop, the
//! effects. Event → keymap → action → update → effects → one draw. Nothing ticks:
//! the loop sleeps in `read` until input comes.

use std::io::{BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::{App, Dialog, Effect};
use crate::store::{self, Loaded};
use crate::ui::{self, Theme};

type Backend = CrosstermBackend<BufWriter<Stdout>>;

/// Output buffer: a whole frame is written in one go.
const OUTPUT_BUFFER: usize = 64 * 1024;

/// Restores the terminal when dropped, whatever happened.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// What the session ended with, for `main` to report after the terminal is restored.
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
        Err(
            "fachmk braucht ein Terminal; ohne Terminal helfen „fachmk check“ und „fachmk export“."
                .into(),
        )
    }
}

/// Opens the screen on `path`. Returns after the terminal is restored.
pub fn run(path: &Path, session: Option<u32>, today: chrono::NaiveDate) -> Outcome {
    let (mut app, loaded) = open_app(path, session, today);
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous_hook(info);
    }));
    let mut terminal = match setup() {
        Ok(t) => t,
        Err(e) => {
            restore_terminal();
            return Outcome {
                code: crate::commands::exit::IO,
                message: Some(format!("Terminal kann nicht eingerichtet werden: {e}")),
            };
        }
    };
    let guard = TerminalGuard;
    let mut session = Session {
        path: path.to_owned(),
        loaded,
        backups: store::DEFAULT_BACKUPS,
    };
    let result = event_loop(&mut terminal, &mut app, &mut session);
    drop(guard);
    match result {
        Ok(()) => Outcome {
            code: 0,
            message: None,
        },
        Err(e) => Outcome {
            code: crate::commands::exit::IO,
            message: Some(format!("Terminalfehler: {e}")),
        },
    }
}

/// The state of the file behind the screen.
struct Session {
    path: PathBuf,
    loaded: Option<Loaded>,
    backups: usize,
}

/// The app on the file at `path`, and the file as loaded (`None` when it could not be read).
fn open_app(path: &Path, session: Option<u32>, today: chrono::NaiveDate) -> (App, Option<Loaded>) {
    let now = now();
    let user = store::paths::user_name();
    let file_name = path.display().to_string();
    match store::load_file(path) {
        Ok(loaded) => {
            let newer = loaded.newer_version;
            let mut app = App::new(loaded.data.clone(), today, now, &user, session);
            app.file_name = file_name;
            if let Some(v) = newer {
                app.read_only = Some(format!(
                    "die Datei hat Version {v}, dieses Programm kennt Version {}",
                    crate::domain::VERSION
                ));
            }
            (app, Some(loaded))
        }
        Err(e) => {
            let mut app = App::new(crate::domain::Dataset::empty(), today, now, &user, None);
            app.file_name = file_name;
            app.read_only = Some("die Datei konnte nicht gelesen werden".into());
            app.dialog = Some(Dialog::LoadFailed(e.to_string()));
            (app, None)
        }
    }
}

fn setup() -> std::io::Result<Terminal<Backend>> {
    enable_raw_mode()?;
    let mut out = BufWriter::with_capacity(OUTPUT_BUFFER, std::io::stdout());
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    Terminal::new(CrosstermBackend::new(out))
}

fn event_loop(
    terminal: &mut Terminal<Backend>,
    app: &mut App,
    session: &mut Session,
) -> std::io::Result<()> {
    let theme = Theme::default();
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    terminal.draw(|f| ui::render(app, f, &theme))?;
    loop {
        let first = event::read()?;
        let mut effects = handle(app, first);
        // Take everything already queued before drawing once.
        while event::poll(std::time::Duration::ZERO)? {
            effects.extend(handle(app, event::read()?));
        }
        for effect in effects {
            match effect {
                Effect::Quit => return Ok(()),
                Effect::Redraw => terminal.clear()?,
                Effect::Save { then_quit } => {
                    if save(app, session) && then_quit {
                        return Ok(());
                    }
                }
                Effect::Write { path, contents } => match std::fs::write(&path, contents) {
                    Ok(()) => app.info(format!("Exportiert nach {path}")),
                    Err(e) => app.error(format!("{path}: kann nicht geschrieben werden ({e})")),
                },
            }
        }
        terminal.draw(|f| ui::render(app, f, &theme))?;
    }
}

fn handle(app: &mut App, event: Event) -> Vec<Effect> {
    app.now = now();
    match event {
        Event::Key(key) => app.handle_key(key),
        Event::Paste(text) => app.handle_paste(&text),
        Event::Resize(columns, rows) => {
            app.resize(columns, rows);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Saves; reports the outcome in the app. Returns whether it succeeded.
fn save(app: &mut App, session: &mut Session) -> bool {
    let Some(loaded) = session.loaded.as_ref() else {
        app.error("Die Datei wurde nicht gelesen; sie wird nicht überschrieben.");
        return false;
    };
    match store::save_loaded(&session.path, loaded, &app.data, session.backups) {
        Ok(()) => {
            app.saved();
            session.loaded = store::load_file(&session.path).ok();
            true
        }
        Err(e) => {
            app.error(e.to_string());
            false
        }
    }
}

/// The current time, to the second (stamps in the file need no more).
fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound as _;
    chrono::Utc::now().trunc_subsecs(0)
}
