//! fachmk's entry point: parse the command line, dispatch, exit. Nothing else.

use std::io::Write as _;
use std::process::ExitCode;

use fachmk::cli::{Cli, Command};
use fachmk::commands::{self, exit};
use fachmk::safe::{TerminalSafe, terminal_safe};

/// mimalloc instead of glibc's allocator: loading a large file makes millions of
/// small allocations, where glibc's bookkeeping was a quarter of the time (see the
/// README's Performance section for the measured effect).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let locale = fachmk::i18n::Lang::from_environment();
    let cli = parse(locale);
    // Everything printed passes the terminal filter: text from the shared data
    // file must never drive a colleague's terminal.
    let mut out = TerminalSafe::new(std::io::stdout().lock());
    let mut err = TerminalSafe::new(std::io::stderr().lock());
    let config = match configuration(&cli, &mut out, &mut err) {
        Ok(config) => config,
        Err(code) => return ExitCode::from(finish(out, code, &mut err)),
    };
    fachmk::i18n::set(cli.lang.or(config.language).or(locale).unwrap_or_default());
    let today = match today(&cli) {
        Ok(today) => today,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            return ExitCode::from(exit::USAGE);
        }
    };
    if matches!(cli.command, Some(Command::Export { .. })) {
        // A handout is German unless English is asked for by name.
        fachmk::i18n::set(cli.lang.unwrap_or_default());
    }
    start_log(&cli, &config, &mut err);
    // --file and FACHMK_FILE before the configuration's file.
    let file_owned = cli.file.clone().or_else(|| config.file.clone());
    let file = file_owned.as_deref();
    let code = match &cli.command {
        Some(Command::Config { .. }) => {
            let _ = write!(out, "{}", fachmk::config::print(&config));
            exit::OK
        }
        Some(Command::Init { path }) => commands::init(path, &mut err),
        Some(Command::Completions { shell }) => {
            let mut command = fachmk::cli::command();
            clap_complete::generate(*shell, &mut command, "fachmk", &mut out);
            exit::OK
        }
        Some(Command::Man) => clap_mangen::Man::new(fachmk::cli::man_command())
            .render(&mut out)
            .map_or(exit::IO, |()| exit::OK),
        Some(Command::Merge {
            base,
            ours,
            theirs,
            name,
        }) => commands::merge(base, ours, theirs, name.as_deref(), &mut err),
        Some(Command::Check) => match commands::data_file(file, &mut err) {
            Ok(path) => commands::check(&path, cli.session, today, &mut out, &mut err),
            Err(code) => code,
        },
        Some(Command::Export { .. }) => export(&cli, file, today, &mut out, &mut err),
        Some(Command::Search { .. }) => search(&cli, file, today, &mut out, &mut err),
        Some(Command::Demo {
            write,
            sessions,
            concerns,
            seed,
        }) => {
            let size = fachmk::demo::DemoSize {
                sessions: *sessions,
                concerns: *concerns,
                seed: *seed,
            };
            if let Some(path) = write {
                commands::demo(path, size, &mut err)
            } else {
                drop(out);
                return ended(demo_screen(&cli, &config, size, today, err));
            }
        }
        None => {
            drop(out);
            return ended(screen(&cli, &config, file, today, err));
        }
    };
    ended(finish(out, code, &mut err))
}

/// `fachmk search`: over the data file, or over lines read (`--stdin`).
fn search(
    cli: &Cli,
    file: Option<&std::path::Path>,
    today: chrono::NaiveDate,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> u8 {
    let Some(Command::Search {
        query,
        stdin,
        limit,
        list,
    }) = &cli.command
    else {
        return exit::USAGE;
    };
    if *stdin {
        commands::search_lines(query, *limit, std::io::stdin().lock(), out)
    } else {
        match commands::data_file(file, err) {
            Ok(path) => commands::search(&path, cli.session, query, *limit, *list, today, out, err),
            Err(code) => code,
        }
    }
}

fn ended(code: u8) -> ExitCode {
    tracing::info!(code, "ended");
    ExitCode::from(code)
}

/// Flushes standard output; a failed write to it (`>/dev/full`) ends with exit
/// code 74 whatever the command's own code. A closed pipe (`| head`) is no
/// error: the reader has what it wanted, so the end is quiet, with 0.
fn finish(
    mut out: TerminalSafe<std::io::StdoutLock<'_>>,
    code: u8,
    err: &mut dyn std::io::Write,
) -> u8 {
    match out.finish() {
        None => code,
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Some(e) => {
            let _ = writeln!(
                err,
                "{}",
                fachmk::i18n::tf("main.stdout-failed", &[("e", e)])
            );
            exit::IO
        }
    }
}

/// The command line, its help in the language asked for: --lang, else the
/// locale (the configuration, read after parsing, decides for the rest).
fn parse(locale: Option<fachmk::i18n::Lang>) -> Cli {
    fachmk::i18n::set(
        fachmk::cli::lang_in_args(std::env::args_os())
            .or(locale)
            .unwrap_or_default(),
    );
    match fachmk::cli::command()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    }
}

/// The one clock of the program. FACHMK_TODAY (YYYY-MM-DD) fixes it, for tests
/// and for preparing as of another day; set to anything else it is an error
/// (except for the commands that do not need a date).
fn today(cli: &Cli) -> Result<chrono::NaiveDate, String> {
    let dateless = matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man | Command::Config { .. })
    );
    match std::env::var_os("FACHMK_TODAY") {
        Some(value) if !dateless => value
            .to_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or_else(|| {
                fachmk::i18n::tf("main.bad-today", &[("value", &value.to_string_lossy())])
            }),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Logs: to the state directory, never onto the screen. Completions, the
/// manual and `config` print only; they are not worth a line.
fn start_log(cli: &Cli, config: &fachmk::config::Config, err: &mut dyn std::io::Write) {
    let logged = !matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man | Command::Config { .. })
    );
    if logged
        && let Some(log) = fachmk::log::path()
        && let Err(why) = fachmk::log::start(cli.log_level.unwrap_or(config.log_level), &log)
    {
        let screen = matches!(cli.command, None | Some(Command::Demo { write: None, .. }));
        if screen {
            // Said on the screen, not printed under it.
            fachmk::log::set_off_reason(why);
        } else {
            let _ = writeln!(
                err,
                "{}",
                fachmk::i18n::tf("main.log-off", &[("why", &why)])
            );
        }
    }
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        command = ?cli.command,
        config = ?config.source,
        "started"
    );
}

/// The configuration; `fachmk config --path` answered at once, and a broken
/// configuration reported (exit 78), except for completions and the manual,
/// which must work while it is being repaired.
fn configuration(
    cli: &Cli,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> Result<fachmk::config::Config, u8> {
    let path = cli
        .config
        .clone()
        .or_else(fachmk::store::paths::config_file);
    if let Some(Command::Config { path: true, .. }) = &cli.command {
        let shown = path.as_deref().map(|p| p.display().to_string());
        let _ = writeln!(out, "{}", shown.unwrap_or_default());
        return Err(exit::OK);
    }
    let needs_config = !matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man)
    );
    match path.as_deref().filter(|_| needs_config) {
        Some(path) => fachmk::config::load(path, cli.config.is_some()).map_err(|e| {
            let _ = writeln!(err, "{e}");
            exit::CONFIG
        }),
        None => Ok(fachmk::config::Config::default()),
    }
}

/// Opens the screen on a generated archive in a temporary file.
fn demo_screen(
    cli: &Cli,
    config: &fachmk::config::Config,
    size: fachmk::demo::DemoSize,
    today: chrono::NaiveDate,
    mut err: TerminalSafe<std::io::StderrLock<'_>>,
) -> u8 {
    if let Err(message) = fachmk::tui::check_terminal() {
        let _ = writeln!(err, "{message}");
        return exit::USAGE;
    }
    // A private directory (0700, random name): the demo file, its lock and its
    // backups never sit under a predictable name in the shared /tmp.
    let private = std::os::unix::fs::PermissionsExt::from_mode(0o700);
    let dir = match tempfile::Builder::new()
        .prefix("fachmk-demo-")
        .permissions(private)
        .tempdir()
    {
        Ok(dir) => dir.keep(),
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", std::env::temp_dir().display());
            return exit::CANT_CREATE;
        }
    };
    let path = dir.join("fachmk-demo.json");
    let code = commands::demo(&path, size, &mut err);
    if code != exit::OK {
        return code;
    }
    drop(err);
    let code = run_screen(&path, cli, config, today);
    eprintln!(
        "{}",
        terminal_safe(&fachmk::i18n::tf(
            "main.demo-kept",
            &[("path", &path.display())]
        ))
    );
    code
}

/// Opens the screen; messages are printed after the terminal is restored.
fn screen(
    cli: &Cli,
    config: &fachmk::config::Config,
    file: Option<&std::path::Path>,
    today: chrono::NaiveDate,
    mut err: TerminalSafe<std::io::StderrLock<'_>>,
) -> u8 {
    if let Err(message) = fachmk::tui::check_terminal() {
        let _ = writeln!(err, "{message}");
        return exit::USAGE;
    }
    let path = match commands::data_file(file, &mut err) {
        Ok(path) => path,
        Err(code) => return code,
    };
    drop(err);
    run_screen(&path, cli, config, today)
}

/// Runs the screen on `path`; its message is printed once the terminal is restored.
fn run_screen(
    path: &std::path::Path,
    cli: &Cli,
    config: &fachmk::config::Config,
    today: chrono::NaiveDate,
) -> u8 {
    let outcome = fachmk::tui::run(path, cli.session, today, &settings(cli, config));
    if let Some(message) = outcome.message {
        eprintln!("{}", terminal_safe(&message));
    }
    outcome.code
}

/// What the screen takes from the command line and the configuration. The
/// theme: `--theme`, else the configuration's, but no colour at all when
/// NO_COLOR is set (no-color.org).
fn settings(cli: &Cli, config: &fachmk::config::Config) -> fachmk::tui::Settings {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    fachmk::tui::Settings {
        theme: fachmk::ui::Theme::named(cli.theme.unwrap_or(config.theme), no_color),
        keymap: config.keymap.clone(),
        backups: config.backups,
        mouse: config.mouse,
        handout_lang: cli.lang.unwrap_or_default(),
    }
}

/// `fachmk export`: the file, then the export.
fn export(
    cli: &Cli,
    file: Option<&std::path::Path>,
    today: chrono::NaiveDate,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> u8 {
    let Some(Command::Export {
        format,
        kind,
        output,
    }) = &cli.command
    else {
        return exit::USAGE;
    };
    let (format, kind, output) = (*format, *kind, output.as_deref());
    // A Word file is binary: to a pipe it goes as it is (never to a terminal,
    // which `commands::export` refuses); every text passes the terminal filter.
    let mut raw = std::io::stdout().lock();
    let out: &mut dyn std::io::Write = if format == fachmk::cli::ExportFormat::Docx {
        &mut raw
    } else {
        out
    };
    match commands::data_file(file, err) {
        Ok(path) => commands::export(
            &path,
            &commands::ExportRequest {
                session: cli.session,
                format,
                kind,
                output,
                to_terminal: std::io::IsTerminal::is_terminal(&std::io::stdout()),
            },
            today,
            out,
            err,
        ),
        Err(code) => code,
    }
}
