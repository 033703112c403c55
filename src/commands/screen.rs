//! Opening the screen: on the data file, or (`fachmk demo`) on a generated
//! archive in a private temporary directory. Messages before the screen go to
//! stderr at once; the screen's own message after the terminal is restored.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::{data_file, demo};
use super::{CliError, Setup};
use crate::cli::Cli;
use crate::safe::terminal_safe;

/// Opens the screen on the data file, or on a demo archive of `size`; returns
/// the exit code. `err` is let go before the screen opens.
pub fn screen<W: Write>(
    cli: &Cli,
    setup: &Setup,
    size: Option<crate::demo::DemoSize>,
    mut err: W,
) -> u8 {
    let path = match crate::tui::check_terminal()
        .map_err(CliError::NoTerminal)
        .and_then(|()| match size {
            Some(size) => demo_file(size, &mut err),
            None => data_file(setup.file.as_deref(), &mut err),
        }) {
        Ok(path) => path,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return e.code();
        }
    };
    drop(err);
    let code = run_screen(&path, cli, setup);
    if size.is_some() {
        eprintln!(
            "{}",
            terminal_safe(&crate::i18n::tf(
                "main.demo-kept",
                &[("path", &path.display())]
            ))
        );
    }
    code
}

/// A generated archive in a new private directory (0700, random name): the
/// demo file, its lock and its backups never sit under a predictable name in
/// the shared /tmp.
fn demo_file(size: crate::demo::DemoSize, err: &mut dyn Write) -> Result<PathBuf, CliError> {
    let private = std::os::unix::fs::PermissionsExt::from_mode(0o700);
    let dir = tempfile::Builder::new()
        .prefix("fachmk-demo-")
        .permissions(private)
        .tempdir()
        .map_err(|source| CliError::TempDir {
            dir: std::env::temp_dir(),
            source,
        })?
        .keep();
    let path = dir.join("fachmk-demo.json");
    demo(&path, size, err)?;
    Ok(path)
}

/// Runs the screen on `path`; its message is printed once the terminal is restored.
fn run_screen(path: &Path, cli: &Cli, setup: &Setup) -> u8 {
    let outcome = crate::tui::run(path, cli.session, setup.today, &settings(cli, setup));
    if let Some(message) = outcome.message {
        eprintln!("{}", terminal_safe(&message));
    }
    outcome.code
}

/// What the screen takes from the command line and the configuration. The
/// theme: `--theme`, else the configuration's, but no colour at all when
/// NO_COLOR is set (no-color.org).
fn settings(cli: &Cli, setup: &Setup) -> crate::tui::Settings {
    let config = &setup.config;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    crate::tui::Settings {
        theme: crate::ui::Theme::named(cli.theme.unwrap_or(config.theme), no_color),
        keymap: config.keymap.clone(),
        backups: config.backups,
        mouse: config.mouse,
        handout_lang: cli.lang.unwrap_or_default(),
    }
}
