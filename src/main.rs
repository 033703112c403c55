//! fachmk's entry point: parse the command line, dispatch, exit. Nothing else.

use std::io::Write as _;
use std::process::ExitCode;

use fachmk::cli::{Cli, Command};
use fachmk::commands::{self, exit};

/// mimalloc instead of glibc's allocator: loading a large file makes millions of
/// small allocations, where glibc's bookkeeping was a quarter of the time (see the
/// README's Performance section for the measured effect).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let locale = fachmk::i18n::Lang::from_environment();
    let cli = parse(locale);
    let today = today();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let config = match configuration(&cli, &mut out, &mut err) {
        Ok(config) => config,
        Err(code) => return ExitCode::from(code),
    };
    fachmk::i18n::set(cli.lang.or(config.language).or(locale).unwrap_or_default());
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
        Some(Command::Merge { base, ours, theirs }) => {
            commands::merge(base, ours, theirs, &mut err)
        }
        Some(Command::Check) => match commands::data_file(file, &mut err) {
            Ok(path) => commands::check(&path, cli.session, today, &mut out, &mut err),
            Err(code) => code,
        },
        Some(Command::Export { format, output }) => match commands::data_file(file, &mut err) {
            Ok(path) => commands::export(
                &path,
                cli.session,
                *format,
                output.as_ref(),
                today,
                &mut out,
                &mut err,
            ),
            Err(code) => code,
        },
        Some(Command::Search {
            query,
            stdin,
            limit,
            list,
        }) => {
            if *stdin {
                commands::search_lines(query, *limit, std::io::stdin().lock(), &mut out)
            } else {
                match commands::data_file(file, &mut err) {
                    Ok(path) => commands::search(
                        &path,
                        cli.session,
                        query,
                        *limit,
                        *list,
                        today,
                        &mut out,
                        &mut err,
                    ),
                    Err(code) => code,
                }
            }
        }
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
                demo_screen(&cli, &config, size, today, err)
            }
        }
        None => {
            drop(out);
            screen(&cli, &config, file, today, err)
        }
    };
    tracing::info!(code, "ended");
    ExitCode::from(code)
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
/// and for preparing as of another day.
fn today() -> chrono::NaiveDate {
    std::env::var("FACHMK_TODAY")
        .ok()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
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
    mut err: std::io::StderrLock<'_>,
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
        fachmk::i18n::tf("main.demo-kept", &[("path", &path.display())])
    );
    code
}

/// Opens the screen; messages are printed after the terminal is restored.
fn screen(
    cli: &Cli,
    config: &fachmk::config::Config,
    file: Option<&std::path::Path>,
    today: chrono::NaiveDate,
    mut err: std::io::StderrLock<'_>,
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
        eprintln!("{message}");
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
