//! fachmk's entry point: parse the command line, dispatch to `commands`, exit.
//! Nothing else: what a command does and how it fails is in `commands/`.

use std::process::ExitCode;

use fachmk::cli::{Cli, Command};
use fachmk::commands::{self, ExportRequest, SearchRequest};
use fachmk::safe::TerminalSafe;

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
    if let Some(Command::Config { path: true, .. }) = &cli.command {
        let result = commands::print_config_path(&cli, &mut out);
        return ended(commands::finish(result, out.finish(), &mut err));
    }
    let setup = match commands::setup(&cli, locale, &mut err) {
        Ok(setup) => setup,
        Err(e) => return ended(commands::finish(Err(e), out.finish(), &mut err)),
    };
    let (file, today) = (setup.file.as_deref(), setup.today);
    let result = match &cli.command {
        Some(Command::Config { .. }) => commands::print_config(&setup.config, &mut out),
        Some(Command::Init { path }) => commands::init(path, &mut err),
        Some(Command::Completions { shell }) => commands::completions(*shell, &mut out),
        Some(Command::Man) => commands::man(&mut out),
        Some(Command::Merge {
            base,
            ours,
            theirs,
            name,
        }) => commands::merge(base, ours, theirs, name.as_deref(), &mut err),
        Some(Command::Check) => commands::check(file, cli.session, today, &mut out, &mut err),
        Some(Command::Export {
            format,
            kind,
            output,
        }) => {
            let request = ExportRequest {
                session: cli.session,
                format: *format,
                kind: *kind,
                output: output.as_deref(),
                to_terminal: false,
            };
            commands::export_to_stdout(file, &request, today, &mut out, &mut err)
        }
        Some(Command::Search {
            query,
            stdin: true,
            limit,
            ..
        }) => commands::search_lines(
            query.as_deref().unwrap_or_default(),
            *limit,
            std::io::stdin().lock(),
            &mut out,
        ),
        Some(Command::Search {
            query, limit, list, ..
        }) => {
            let request = SearchRequest {
                query: query.as_deref().unwrap_or_default(),
                session: cli.session,
                limit: *limit,
                list: *list,
            };
            commands::search(file, &request, today, &mut out, &mut err)
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
                // The screen writes to the terminal itself (and from its
                // signal thread): no lock on stdout or stderr is held meanwhile.
                drop(out);
                return ended(commands::screen(&cli, &setup, Some(size), err));
            }
        }
        None => {
            drop(out);
            return ended(commands::screen(&cli, &setup, None, err));
        }
    };
    ended(commands::finish(result, out.finish(), &mut err))
}

fn ended(code: u8) -> ExitCode {
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
        Err(e) => match fachmk::cli::usage_error(&e) {
            Some(text) => {
                eprintln!("{text}");
                std::process::exit(2)
            }
            None => e.exit(),
        },
    }
}
