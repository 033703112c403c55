//! The command line's commands, a file each; `main` parses and dispatches to
//! them. Each returns a [`CliResult`]: [`Done`] (exit 0 or 1) or a [`CliError`]
//! whose `code()` is the exit code and whose `Display` is the message `main`
//! prints through the terminal filter. Output goes to the writers passed in,
//! so tests can read it; notices (a file written) go to `err` at once.
//!
//! - `setup.rs`: configuration, language, today, log; `config`, `completions`, `man`
//! - `files.rs`: the data file (the default one created on first use); `init`, `demo --write`
//! - `check.rs`, `export.rs`, `search.rs`, `git.rs` (`merge`): the commands on a data file
//! - `screen.rs`: the screen, on the data file or a demo archive
//! - `error.rs`: the exit codes, `Done`, `CliError`, and how a run ends

mod check;
mod error;
mod export;
mod files;
mod git;
mod screen;
mod search;
mod setup;

pub use check::check;
pub use error::{CliError, CliResult, Done, exit, finish};
pub use export::{ExportRequest, export, export_to_stdout};
pub use files::{demo, init};
pub use git::merge;
pub use screen::screen;
pub use search::{SearchRequest, search, search_lines};
pub use setup::{Setup, completions, man, print_config, print_config_path, setup};
