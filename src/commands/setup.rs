//! What every command starts from: the configuration, the language, the date
//! of today and the log; and the commands that only print something about the
//! program itself (`config`, `completions`, `man`).

use std::io::Write;
use std::path::PathBuf;

use super::{CliError, CliResult, Done};
use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::i18n::Lang;

/// The configuration, the day and the data file a command runs with.
#[derive(Debug)]
pub struct Setup {
    pub config: Config,
    pub today: chrono::NaiveDate,
    /// `--file` or `FACHMK_FILE`, else the configuration's; `None`: the default.
    pub file: Option<PathBuf>,
}

/// Reads the configuration, sets the language (`--lang`, the configuration's,
/// the `locale`), fixes today and starts the log. A broken configuration is an
/// error (exit 78) except for completions and the manual, which must work
/// while it is being repaired.
pub fn setup(cli: &Cli, locale: Option<Lang>, err: &mut dyn Write) -> Result<Setup, CliError> {
    let config = configuration(cli)?;
    crate::i18n::set(cli.lang.or(config.language).or(locale).unwrap_or_default());
    let today = today(cli)?;
    if matches!(cli.command, Some(Command::Export { .. })) {
        // A handout is German unless English is asked for by name.
        crate::i18n::set(cli.lang.unwrap_or_default());
    }
    start_log(cli, &config, err);
    // --file and FACHMK_FILE before the configuration's file.
    let file = cli.file.clone().or_else(|| config.file.clone());
    Ok(Setup {
        config,
        today,
        file,
    })
}

/// The configuration file: `--config`, else the default path.
fn config_path(cli: &Cli) -> Option<PathBuf> {
    cli.config.clone().or_else(crate::store::paths::config_file)
}

fn configuration(cli: &Cli) -> Result<Config, CliError> {
    let needs_config = !matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man)
    );
    match config_path(cli).filter(|_| needs_config) {
        Some(path) => crate::config::load(&path, cli.config.is_some()).map_err(CliError::Config),
        None => Ok(Config::default()),
    }
}

/// The one clock of the program. FACHMK_TODAY (YYYY-MM-DD) fixes it, for tests
/// and for preparing as of another day; set to anything else it is an error
/// (except for the commands that do not need a date).
fn today(cli: &Cli) -> Result<chrono::NaiveDate, CliError> {
    let dateless = matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man | Command::Config { .. })
    );
    match std::env::var_os("FACHMK_TODAY") {
        Some(value) if !dateless => value
            .to_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or_else(|| CliError::BadToday {
                value: value.to_string_lossy().into_owned(),
            }),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Logs: to the state directory, never onto the screen. Completions, the
/// manual and `config` print only; they are not worth a line.
fn start_log(cli: &Cli, config: &Config, err: &mut dyn Write) {
    let logged = !matches!(
        cli.command,
        Some(Command::Completions { .. } | Command::Man | Command::Config { .. })
    );
    if logged
        && let Some(log) = crate::log::path()
        && let Err(why) = crate::log::start(cli.log_level.unwrap_or(config.log_level), &log)
    {
        let screen = matches!(cli.command, None | Some(Command::Demo { write: None, .. }));
        if screen {
            // Said on the screen, not printed under it.
            crate::log::set_off_reason(why);
        } else {
            let _ = writeln!(err, "{}", crate::i18n::tf("main.log-off", &[("why", &why)]));
        }
    }
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        command = ?cli.command,
        config = ?config.source,
        "started"
    );
}

/// `fachmk config --path`: where the configuration is read from, answered
/// before it is read (it may be the broken one).
pub fn print_config_path(cli: &Cli, out: &mut dyn Write) -> CliResult {
    let shown = config_path(cli).map(|p| p.display().to_string());
    let _ = writeln!(out, "{}", shown.unwrap_or_default());
    Ok(Done::Complete)
}

/// `fachmk config [--print]`: the effective configuration with every key.
pub fn print_config(config: &Config, out: &mut dyn Write) -> CliResult {
    let _ = write!(out, "{}", crate::config::print(config));
    Ok(Done::Complete)
}

/// `fachmk completions SHELL`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> CliResult {
    let mut command = crate::cli::command();
    clap_complete::generate(shell, &mut command, "fachmk", out);
    Ok(Done::Complete)
}

/// `fachmk man`: the manual page (roff).
pub fn man(out: &mut dyn Write) -> CliResult {
    clap_mangen::Man::new(crate::cli::man_command())
        .render(out)
        .map_err(CliError::Output)?;
    Ok(Done::Complete)
}
