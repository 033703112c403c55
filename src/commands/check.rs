//! `fachmk check`: is the file consistent, and what is still missing for the
//! session. Also the checks other commands share: a consistent file, a
//! session that exists and has the reporting item.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::files::{data_file, load_for_command};
use super::{CliError, CliResult, Done, git};
use crate::domain::{Dataset, Session, SessionProgress};
use crate::store;

/// Loads `path` and validates it as `check` does.
pub(super) fn load_valid(path: &Path) -> Result<store::Loaded, CliError> {
    valid(path, load_for_command(path)?)
}

/// `loaded` if it is consistent; else every problem.
fn valid(path: &Path, loaded: store::Loaded) -> Result<store::Loaded, CliError> {
    let problems = loaded.data.validate();
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(CliError::Invalid {
            path: path.to_owned(),
            problems,
        })
    }
}

/// The session: the one asked for, else the one to prepare on `today`.
pub(super) fn pick_session(
    data: &Dataset,
    asked: Option<u32>,
    today: NaiveDate,
) -> Result<&Session, CliError> {
    let number = asked
        .or_else(|| data.session_to_prepare(today))
        .ok_or(CliError::NoSession)?;
    match data.session(number) {
        Some(_) if !Dataset::is_reporting_session(number) => {
            Err(CliError::BeforeReporting { session: number })
        }
        Some(session) => Ok(session),
        None => {
            let known: Vec<String> = data.sessions.iter().map(|s| s.number.to_string()).collect();
            Err(CliError::NoSuchSession {
                session: number,
                known: known.join(", "),
            })
        }
    }
}

/// `fachmk check [--session N]`: the gaps on `out`, one line each; exit 1
/// while any is left.
pub fn check(
    file: Option<&Path>,
    session: Option<u32>,
    today: NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    let path = data_file(file, err)?;
    let loaded = load_for_command(&path)?;
    if let Some(found) = loaded.newer_version {
        let _ = writeln!(
            out,
            "{}",
            crate::i18n::tf(
                "cli.check-newer",
                &[
                    ("path", &path.display()),
                    ("found", &found),
                    ("known", &crate::domain::VERSION)
                ]
            )
        );
    }
    let loaded = valid(&path, loaded)?;
    let data = &loaded.data;
    let conflicts = git::list_open_conflicts(&path, data, out);
    let s = pick_session(data, session, today)?;
    let progress = SessionProgress::of(data, s);
    let _ = writeln!(
        out,
        "{}",
        crate::i18n::tf(
            "cli.check-summary",
            &[
                ("number", &s.number),
                ("date", &crate::i18n::date(s.date)),
                ("done", &progress.done()),
                ("total", &progress.total()),
                ("phase", &s.phase(today)),
            ]
        )
    );
    for (conference, missing) in &progress.per_conference {
        for m in missing.iter().filter(|m| !m.is_hint()) {
            let _ = writeln!(out, "{conference}: {m}");
        }
    }
    for (conference, missing) in &progress.per_conference {
        if let Some(hint) = crate::i18n::words::hint_line(missing) {
            let _ = writeln!(
                out,
                "{}",
                crate::i18n::tf("cli.hint", &[("conference", conference), ("what", &hint)])
            );
        }
    }
    let debrief = data.debrief_gaps(s.number, today);
    for gap in &debrief {
        let _ = writeln!(out, "{gap}");
    }
    if progress.is_complete() && debrief.is_empty() && conflicts == 0 {
        Ok(Done::Complete)
    } else {
        Ok(Done::Incomplete)
    }
}
