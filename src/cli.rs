//! The command line (clap derive). The help texts come from the language
//! tables (`cli.*` in `src/i18n/*.toml`), set by `command()`, so `--help`, the
//! manual page and the completions speak the user's language.

mod usage_error;
pub use usage_error::usage_error;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(name = "fachmk", version, long_about = None)]
pub struct Cli {
    #[arg(
        long,
        short = 'f',
        env = "FACHMK_FILE",
        global = true,
        value_name = "PATH"
    )]
    pub file: Option<PathBuf>,
    #[arg(long, short = 's', global = true, value_name = "N")]
    pub session: Option<u32>,
    #[arg(
        long,
        global = true,
        value_enum,
        env = "FACHMK_THEME",
        value_name = "THEME"
    )]
    pub theme: Option<crate::ui::ThemeName>,
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
    #[arg(long, global = true, env = "FACHMK_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    #[arg(
        long,
        global = true,
        value_enum,
        env = "FACHMK_LOG",
        value_name = "LEVEL"
    )]
    pub log_level: Option<crate::config::LogLevel>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do instead of opening the screen.
#[derive(Debug, Subcommand)]
pub enum Command {
    Init {
        path: PathBuf,
    },
    Check,
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        #[arg(long, value_enum, value_name = "KIND")]
        kind: Option<ExportKind>,
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    Merge {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The data file's name in the repository (git's `%P`), for messages.
        name: Option<PathBuf>,
    },
    Demo {
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
        #[arg(long, default_value_t = 60, value_parser = at_most::<MAX_DEMO_SESSIONS>)]
        sessions: u32,
        #[arg(long, default_value_t = 12_000, value_parser = at_most::<MAX_DEMO_CONCERNS>)]
        concerns: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    Search {
        #[arg(required_unless_present = "list")]
        query: Option<String>,
        #[arg(long)]
        stdin: bool,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, conflicts_with = "stdin")]
        list: bool,
    },
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
    Config {
        #[arg(long, conflicts_with = "path")]
        print: bool,
        #[arg(long)]
        path: bool,
    },
}

/// `demo` makes at most this many sessions (about 40 kB each in the file).
pub const MAX_DEMO_SESSIONS: u32 = 1_000;
/// `demo` makes at most this many concerns (about 1.3 kB each in the file).
pub const MAX_DEMO_CONCERNS: u32 = 100_000;

/// A count of at most `MAX`, refused with a message before anything is made.
fn at_most<const MAX: u32>(value: &str) -> Result<u32, String> {
    let too_many = || crate::i18n::tf("cli.at-most", &[("max", &MAX)]);
    match value.parse::<u64>() {
        Ok(n) => u32::try_from(n)
            .ok()
            .filter(|n| *n <= MAX)
            .ok_or_else(too_many),
        Err(_) if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => Err(too_many()),
        Err(e) => Err(e.to_string()),
    }
}

/// The formats of `fachmk export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Docx,
    Json,
    Ics,
    Csv,
}

/// The documents of `fachmk export --format md|docx --kind …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportKind {
    Tischvorlage,
    Arbeitsstand,
    Nachbesprechung,
}

impl From<ExportKind> for crate::export::Kind {
    fn from(kind: ExportKind) -> Self {
        match kind {
            ExportKind::Tischvorlage => Self::Tischvorlage,
            ExportKind::Arbeitsstand => Self::Arbeitsstand,
            ExportKind::Nachbesprechung => Self::Nachbesprechung,
        }
    }
}

/// The arguments of each subcommand, as clap names them.
const SUBCOMMANDS: [(&str, &[&str]); 9] = [
    ("init", &["path"]),
    ("check", &[]),
    ("export", &["format", "kind", "output"]),
    ("merge", &["base", "ours", "theirs", "name"]),
    ("demo", &["write", "sessions", "concerns", "seed"]),
    ("search", &["query", "stdin", "limit", "list"]),
    ("completions", &["shell"]),
    ("man", &[]),
    ("config", &["print", "path"]),
];

/// An argument's help in the language: its heading, and clap's own notes
/// (possible values, default, environment variable) in the table's words.
fn localized(a: clap::Arg) -> clap::Arg {
    use crate::i18n::{t, tf};
    let mut help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    let takes_value = a.get_action().takes_values();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() {
        help.push_str(&tf("cli.note-default", &[("value", &defaults.join(", "))]));
    }
    if takes_value && !values.is_empty() {
        help.push_str(&tf("cli.note-values", &[("values", &values.join(", "))]));
    }
    if let Some(env) = a.get_env() {
        help.push_str(&tf("cli.note-env", &[("name", &env.to_string_lossy())]));
    }
    let heading = if a.is_positional() {
        t("cli.heading-arguments")
    } else {
        t("cli.heading-options")
    };
    let a = a.help(help).help_heading(heading);
    if takes_value {
        a.hide_possible_values(true)
            .hide_default_value(true)
            .hide_env(true)
    } else {
        a.hide_env(true)
    }
}

/// The command line with its help texts in the current language.
pub fn command() -> clap::Command {
    let mut command = texts();
    // clap's own words: the help template, headings, help and version flags,
    // the help subcommand.
    command.build();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |mut s| {
            let usage = usage_in_language(&mut s);
            s.override_usage(usage)
        });
    }
    let usage = usage_in_language(&mut command);
    command
        .override_usage(usage)
        .mut_subcommand("help", |s| s.about(crate::i18n::t("cli.help-command")))
}

/// clap's usage line with its placeholders in the language ("[OPTIONEN]").
fn usage_in_language(command: &mut clap::Command) -> String {
    let usage = command.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
    usage
        .replace("[OPTIONS]", crate::i18n::t("cli.usage-options"))
        .replace("[COMMAND]", crate::i18n::t("cli.usage-command"))
        .replace("<COMMAND>", crate::i18n::t("cli.usage-command"))
}

/// For the manual page: its NAME line reads "fachmk \- Reporting FachMK …".
pub fn man_command() -> clap::Command {
    command().about(crate::i18n::t("cli.man-name"))
}

fn with_clap_words(command: clap::Command) -> clap::Command {
    use crate::i18n::t;
    command
        .help_template(t("cli.help-template"))
        .subcommand_help_heading(t("cli.heading-commands"))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(t("cli.help-flag")),
        )
        .mut_args(localized)
}

fn texts() -> clap::Command {
    use crate::i18n::t;
    let mut command = <Cli as clap::CommandFactory>::command()
        .about(t("cli.about"))
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(t("cli.version-flag")),
        );
    for arg in ["file", "session", "theme", "lang", "config", "log_level"] {
        let key = format!("cli.arg-{}", arg.replace('_', "-"));
        command = command.mut_arg(arg, |a| {
            // Placeholders such as PATH are named in the language too.
            let named = a
                .get_value_names()
                .and_then(|names| names.first())
                .map(|name| t(&format!("cli.value-{}", name.as_str().to_lowercase())));
            let a = a.help(t(&key));
            match named {
                Some(name) => a.value_name(name),
                None => a,
            }
        });
    }
    for (name, args) in SUBCOMMANDS {
        command = command.mut_subcommand(name, |mut sub| {
            sub = sub.about(t(&format!("cli.{name}")));
            for arg in args {
                sub = sub.mut_arg(*arg, |a| {
                    let a = a.help(t(&format!("cli.{name}-{arg}")));
                    // Placeholders named in the language ("--kind <DOKUMENT>").
                    let named = a
                        .get_value_names()
                        .and_then(|n| n.first())
                        .and_then(|v| {
                            ["FILE", "KIND", "PATH", "QUERY"]
                                .contains(&v.as_str())
                                .then_some(v)
                        })
                        .map(|v| t(&format!("cli.value-{}", v.as_str().to_lowercase())));
                    match named {
                        Some(value) => a.value_name(value),
                        None => a,
                    }
                });
            }
            with_clap_words(sub)
        });
    }
    with_clap_words(command)
}

/// The language asked for by `--lang` on the command line, looked for before
/// the command line is parsed, so that its help is in that language.
pub fn lang_in_args(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Option<crate::i18n::Lang> {
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_owned)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    })?;
    <crate::i18n::Lang as ValueEnum>::from_str(&value, true).ok()
}
