//! How a command ends: [`Done`] when it ran to its end, [`CliError`] when it
//! could not, each with its exit code (sysexits-style, documented in the
//! README) and, for an error, the one sentence for the user. `main` prints
//! the sentence through the terminal filter.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::domain::Problem;
use crate::store::{LoadError, SaveError, sync::SyncError};

/// Exit codes (documented in the README).
pub mod exit {
    pub const OK: u8 = 0;
    /// `check`: something is missing for the session.
    pub const INCOMPLETE: u8 = 1;
    /// Wrong use: no such session, no terminal, …
    pub const USAGE: u8 = 2;
    /// The data file cannot be read or is inconsistent (EX_DATAERR).
    pub const DATA: u8 = 65;
    /// A file to be created exists or cannot be created (EX_CANTCREAT).
    pub const CANT_CREATE: u8 = 73;
    /// Writing an output file failed (EX_IOERR).
    pub const IO: u8 = 74;
    /// The configuration file is wrong (EX_CONFIG).
    pub const CONFIG: u8 = 78;
}

/// A command that ran to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// Exit 0.
    Complete,
    /// Exit 1: something is still to do — `check` found gaps or open merge
    /// conflicts, `merge` left conflicts, `search` found nothing.
    Incomplete,
}

impl Done {
    pub fn code(self) -> u8 {
        match self {
            Self::Complete => exit::OK,
            Self::Incomplete => exit::INCOMPLETE,
        }
    }
}

/// What a command line's run result is.
pub type CliResult = Result<Done, CliError>;

/// A command that could not do what it was asked. Its `Display` is the
/// message for stderr (several lines where each problem gets its own).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// `FACHMK_TODAY` is set but not a date.
    #[error("{}", crate::i18n::tf("main.bad-today", &[("value", value)]))]
    BadToday { value: String },
    /// The screen needs a terminal on stdin and stdout.
    #[error("{0}")]
    NoTerminal(String),
    /// No directory for the default data file (no HOME).
    #[error("{}", crate::i18n::t("cli.no-data-dir"))]
    NoDataDir,
    /// The session asked for has no reporting item (before the 43rd).
    #[error("{}", crate::i18n::tf("app.before-reporting", &[("session", session), ("first", &crate::domain::FIRST_REPORTING_SESSION)]))]
    BeforeReporting { session: u32 },
    /// No session of this number; `known` lists those there are.
    #[error("{}", crate::i18n::tf("cli.no-such-session", &[("n", session), ("known", known)]))]
    NoSuchSession { session: u32, known: String },
    /// No session asked for and none to prepare.
    #[error("{}", crate::i18n::t("cli.no-session"))]
    NoSession,
    /// `--kind` given for a format that is no document.
    #[error("{}", crate::i18n::t("cli.kind-needs-document"))]
    KindNeedsDocument,
    /// A Word file would go to a terminal.
    #[error("{}", crate::i18n::t("cli.docx-needs-output"))]
    DocxNeedsOutput,
    /// The configuration file is wrong.
    #[error("{0}")]
    Config(crate::config::ConfigError),
    /// The data file cannot be read (or is no regular file).
    #[error("{0}")]
    Load(#[from] LoadError),
    /// The data file is inconsistent: every problem on its own line.
    #[error("{}", problems_text(path, problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// `export` refuses while merge conflicts are open: each on its own line.
    #[error("{}", conflicts_text(path, conflicts))]
    OpenConflicts {
        path: PathBuf,
        conflicts: Vec<String>,
    },
    /// `merge`: inputs that cannot be read, each named as git's file.
    #[error("{}", .0.join("\n"))]
    MergeInput(Vec<String>),
    /// `merge`: the three versions do not merge.
    #[error("{0}")]
    Merge(#[from] SyncError),
    /// A directory for a new file cannot be created.
    #[error("{}", crate::i18n::tf("cli.cannot-create-dir", &[("dir", &dir.display()), ("e", &crate::store::Cause(source))]))]
    CreateDir { dir: PathBuf, source: io::Error },
    /// The demo's private temporary directory cannot be created.
    #[error("{}: {source}", dir.display())]
    TempDir { dir: PathBuf, source: io::Error },
    /// A new file cannot be created (or exists already).
    #[error("{0}")]
    Create(#[from] SaveError),
    /// The Word file cannot be rendered.
    #[error("{}", crate::i18n::tf("cli.docx-failed", &[("e", .0)]))]
    Docx(io::Error),
    /// An output file cannot be written.
    #[error("{}", crate::i18n::tf("cli.cannot-write", &[("path", &path.display()), ("e", &crate::store::Cause(source))]))]
    CannotWrite { path: PathBuf, source: io::Error },
    /// `merge`: the merged file cannot be written into OURS.
    #[error("{0}")]
    MergeWrite(String),
    /// Standard output cannot be written (`>/dev/full`).
    #[error("{}", crate::i18n::tf("main.stdout-failed", &[("e", &crate::store::Cause(.0))]))]
    Output(io::Error),
}

impl CliError {
    /// The exit code: 2 wrong use, 65 bad data, 73 cannot create, 74 cannot
    /// write, 78 bad configuration.
    pub fn code(&self) -> u8 {
        match self {
            Self::BadToday { .. }
            | Self::NoTerminal(_)
            | Self::NoDataDir
            | Self::BeforeReporting { .. }
            | Self::NoSuchSession { .. }
            | Self::NoSession
            | Self::KindNeedsDocument
            | Self::DocxNeedsOutput => exit::USAGE,
            Self::Load(_)
            | Self::Invalid { .. }
            | Self::OpenConflicts { .. }
            | Self::MergeInput(_)
            | Self::Merge(_) => exit::DATA,
            Self::CreateDir { .. } | Self::TempDir { .. } | Self::Create(_) => exit::CANT_CREATE,
            Self::Docx(_) | Self::CannotWrite { .. } | Self::MergeWrite(_) | Self::Output(_) => {
                exit::IO
            }
            Self::Config(_) => exit::CONFIG,
        }
    }
}

fn problems_text(path: &std::path::Path, problems: &[Problem]) -> String {
    let head = crate::i18n::tn("cli.problems", problems.len(), &[("path", &path.display())]);
    listed(head, problems)
}

fn conflicts_text(path: &std::path::Path, conflicts: &[String]) -> String {
    let head = crate::i18n::tf(
        "cli.export-conflicts",
        &[("path", &path.display()), ("conflicts", &conflicts.len())],
    );
    listed(head, conflicts)
}

/// `head`, then each item on its own line, indented.
fn listed<T: std::fmt::Display>(head: String, items: &[T]) -> String {
    std::iter::once(head)
        .chain(items.iter().map(|item| format!("  {item}")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The exit code of a command line's run, its error said on `err`, once
/// standard output is flushed: a failed write to it (`>/dev/full`) ends with
/// 74 whatever the command's own result; a closed pipe (`| head`) is no
/// error — the reader has what it wanted — so the end is quiet, with 0.
pub fn finish(result: CliResult, stdout: Option<&io::Error>, err: &mut dyn Write) -> u8 {
    let closed = |e: &io::Error| e.kind() == io::ErrorKind::BrokenPipe;
    let result = match (result, stdout) {
        (Err(CliError::Output(e)), _) if closed(&e) => return exit::OK,
        (result, None) => result,
        (result, Some(e)) if closed(e) => {
            if let Err(error) = result {
                let _ = writeln!(err, "{error}");
            }
            return exit::OK;
        }
        // The same failure, said once.
        (Err(CliError::Output(e)), Some(_)) => Err(CliError::Output(e)),
        (result, Some(e)) => {
            if let Err(error) = result {
                let _ = writeln!(err, "{error}");
            }
            Err(CliError::Output(io::Error::new(e.kind(), e.to_string())))
        }
    };
    match result {
        Ok(done) => done.code(),
        Err(error) => {
            let _ = writeln!(err, "{error}");
            error.code()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ended(result: CliResult, stdout: Option<&io::Error>) -> (u8, String) {
        let mut err = Vec::new();
        let code = finish(result, stdout, &mut err);
        (code, String::from_utf8_lossy(&err).into_owned())
    }

    #[test]
    fn each_error_keeps_its_exit_code() {
        let io = || io::Error::other("x");
        assert_eq!(CliError::NoSession.code(), 2);
        assert_eq!(CliError::BadToday { value: "x".into() }.code(), 2);
        assert_eq!(CliError::MergeInput(vec![]).code(), 65);
        assert_eq!(
            CliError::TempDir {
                dir: "/tmp".into(),
                source: io()
            }
            .code(),
            73
        );
        assert_eq!(CliError::Docx(io()).code(), 74);
        assert_eq!(Done::Incomplete.code(), 1);
        assert_eq!(Done::Complete.code(), 0);
    }

    #[test]
    fn a_failed_standard_output_ends_with_74_and_is_said_once() {
        crate::i18n::set(crate::i18n::Lang::De);
        let full = io::Error::from_raw_os_error(28);
        let (code, said) = ended(Ok(Done::Incomplete), Some(&full));
        assert_eq!(code, exit::IO);
        assert_eq!(said.lines().count(), 1, "{said}");
        // The command's own write failed on the same output: one message.
        let (code, said) = ended(Err(CliError::Output(io::Error::other("x"))), Some(&full));
        assert_eq!((code, said.lines().count()), (exit::IO, 1), "{said}");
        // Another error first, then the output's.
        let (code, said) = ended(Err(CliError::NoSession), Some(&full));
        assert_eq!((code, said.lines().count()), (exit::IO, 2), "{said}");
        assert!(
            said.contains("kein Platz mehr auf dem Datenträger"),
            "{said}"
        );
        let dir = CliError::CannotWrite {
            path: "/tmp".into(),
            source: io::Error::from(io::ErrorKind::IsADirectory),
        };
        assert!(dir.to_string().contains("(ist ein Verzeichnis)"), "{dir}");
        assert!(said.starts_with(crate::i18n::t("cli.no-session")), "{said}");
    }

    #[test]
    fn a_closed_pipe_ends_quietly_with_0_but_keeps_the_commands_message() {
        let closed = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(
            ended(Ok(Done::Incomplete), Some(&closed)),
            (0, String::new())
        );
        // A Word file goes to stdout unfiltered: its own write meets the pipe.
        let own = Err(CliError::Output(io::Error::from(io::ErrorKind::BrokenPipe)));
        assert_eq!(ended(own, None), (0, String::new()));
        let (code, said) = ended(Err(CliError::NoSession), Some(&closed));
        assert_eq!(code, 0);
        assert!(!said.is_empty());
    }

    #[test]
    fn every_problem_is_on_its_own_line() {
        crate::i18n::set(crate::i18n::Lang::De);
        let error = CliError::Invalid {
            path: "d.json".into(),
            problems: vec![
                Problem::DuplicateSession(48),
                Problem::DecisionForm("22/43".into()),
            ],
        };
        let text = error.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].contains("d.json"), "{text}");
        assert_eq!(lines[1], "  Sitzung 48 ist doppelt vorhanden");
        assert!(lines[2].starts_with("  Beschluss „22/43“"), "{text}");
        assert_eq!(error.code(), exit::DATA);
    }
}
