//! The command line (clap derive). The help texts come from the language
//! tables (`cli.*` in `src/i18n/*.toml`), set by `command()`, so `--help`, the
//! manual page and the completions speak the user's language.

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
    #[arg(long, global = true, value_enum, env = "FACHMK_THEME")]
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
        #[arg(long, value_enum)]
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
        query: String,
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

/// The command line with its help texts in the current language.
pub fn command() -> clap::Command {
    use crate::i18n::t;
    let mut command = <Cli as clap::CommandFactory>::command().about(t("cli.about"));
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
                    if a.get_value_names()
                        .is_some_and(|n| n.first().is_some_and(|v| v == "FILE"))
                    {
                        a.value_name(t("cli.value-file"))
                    } else {
                        a
                    }
                });
            }
            sub
        });
    }
    command
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
