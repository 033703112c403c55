//! The subcommands that work without a screen: init, check, export. Each returns
//! its exit code; output goes to the writers passed in, so tests can read it.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::ExportFormat;
use crate::domain::{Dataset, SessionProgress};
use crate::{export, store};

mod git;
pub use git::merge;

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

/// `fachmk init PATH`.
pub fn init(path: &Path, err: &mut dyn Write) -> u8 {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        let _ = writeln!(
            err,
            "{}",
            crate::i18n::tf(
                "cli.cannot-create-dir",
                &[("dir", &parent.display()), ("e", &e)]
            )
        );
        return exit::CANT_CREATE;
    }
    match store::write_new(path, store::BUNDLED_JSON.as_bytes()) {
        Ok(()) => {
            let _ = writeln!(
                err,
                "{}",
                crate::i18n::tf("cli.bundled-written", &[("path", &path.display())])
            );
            exit::OK
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            exit::CANT_CREATE
        }
    }
}

/// Loads `path` for a command; on failure prints why and returns the exit code.
pub fn load_for_command(path: &Path, err: &mut dyn Write) -> Result<store::Loaded, u8> {
    store::load_file(path).map_err(|e| {
        let _ = writeln!(err, "{e}");
        exit::DATA
    })
}

/// Loads `path` and validates it as `check` does: every problem on its own
/// line and exit code 65 when it is inconsistent.
fn load_valid(path: &Path, err: &mut dyn Write) -> Result<store::Loaded, u8> {
    let loaded = load_for_command(path, err)?;
    valid(path, loaded, err)
}

/// `loaded` if it is consistent; else every problem on its own line, and 65.
fn valid(path: &Path, loaded: store::Loaded, err: &mut dyn Write) -> Result<store::Loaded, u8> {
    let problems = loaded.data.validate();
    if problems.is_empty() {
        return Ok(loaded);
    }
    let _ = writeln!(
        err,
        "{}",
        crate::i18n::tn("cli.problems", problems.len(), &[("path", &path.display())])
    );
    for p in &problems {
        let _ = writeln!(err, "  {p}");
    }
    Err(exit::DATA)
}

/// Picks the session: the one asked for, else the one to prepare on `today`.
fn pick_session(
    data: &Dataset,
    asked: Option<u32>,
    today: NaiveDate,
    err: &mut dyn Write,
) -> Result<u32, u8> {
    let number = asked.or_else(|| data.session_to_prepare(today));
    match number {
        Some(n) if data.session(n).is_some() && !Dataset::is_reporting_session(n) => {
            let _ = writeln!(
                err,
                "{}",
                crate::i18n::tf(
                    "app.before-reporting",
                    &[
                        ("session", &n),
                        ("first", &crate::domain::FIRST_REPORTING_SESSION)
                    ]
                )
            );
            Err(exit::USAGE)
        }
        Some(n) if data.session(n).is_some() => Ok(n),
        Some(n) => {
            let known: Vec<String> = data.sessions.iter().map(|s| s.number.to_string()).collect();
            let _ = writeln!(
                err,
                "{}",
                crate::i18n::tf(
                    "cli.no-such-session",
                    &[("n", &n), ("known", &known.join(", "))]
                )
            );
            Err(exit::USAGE)
        }
        None => {
            let _ = writeln!(err, "{}", crate::i18n::t("cli.no-session"));
            Err(exit::USAGE)
        }
    }
}

/// `fachmk check [--session N]`.
pub fn check(
    path: &Path,
    session: Option<u32>,
    today: NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let loaded = match load_for_command(path, err) {
        Ok(l) => l,
        Err(code) => return code,
    };
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
    let loaded = match valid(path, loaded, err) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let data = &loaded.data;
    let conflicts = git::list_open_conflicts(path, data, out);
    let number = match pick_session(data, session, today, err) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let Some(s) = data.session(number) else {
        return exit::USAGE;
    };
    let progress = SessionProgress::of(data, s);
    let phase = s.phase(today);
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
                ("phase", &phase),
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
    let debrief = data.debrief_gaps(number, today);
    for gap in &debrief {
        let _ = writeln!(out, "{gap}");
    }
    if progress.is_complete() && debrief.is_empty() && conflicts == 0 {
        exit::OK
    } else {
        exit::INCOMPLETE
    }
}

/// What `fachmk export` is asked for.
#[derive(Debug, Clone, Copy)]
pub struct ExportRequest<'a> {
    pub session: Option<u32>,
    pub format: ExportFormat,
    pub kind: Option<crate::cli::ExportKind>,
    pub output: Option<&'a Path>,
    /// Standard output is a terminal: no Word file is written there.
    pub to_terminal: bool,
}

/// `fachmk export --session N --format F [--kind K] [-o FILE]`.
pub fn export(
    path: &Path,
    request: &ExportRequest,
    today: NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let document = matches!(request.format, ExportFormat::Md | ExportFormat::Docx);
    if request.kind.is_some() && !document {
        let _ = writeln!(err, "{}", crate::i18n::t("cli.kind-needs-document"));
        return exit::USAGE;
    }
    if request.format == ExportFormat::Docx && request.output.is_none() && request.to_terminal {
        let _ = writeln!(err, "{}", crate::i18n::t("cli.docx-needs-output"));
        return exit::USAGE;
    }
    let loaded = match load_valid(path, err) {
        Ok(l) => l,
        Err(code) => return code,
    };
    // An export would silently take "ours" of an undecided merge.
    if let Err(code) = git::refuse_open_conflicts(path, &loaded.data, err) {
        return code;
    }
    let number = match pick_session(&loaded.data, request.session, today, err) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let kind = request.kind.map(export::Kind::from).unwrap_or_default();
    let data = &loaded.data;
    let bytes = match request.format {
        ExportFormat::Md => export::markdown_of(data, number, kind).into_bytes(),
        ExportFormat::Docx => match export::docx(data, number, kind) {
            Ok(bytes) => bytes,
            Err(e) => {
                let _ = writeln!(err, "{}", crate::i18n::tf("cli.docx-failed", &[("e", &e)]));
                return exit::IO;
            }
        },
        // serde_json leaves DEL, C1 controls and bidi overrides raw.
        ExportFormat::Json => crate::safe::json_escaped(&export::json(data, number))
            .into_owned()
            .into_bytes(),
        ExportFormat::Ics => export::ics(data, number).into_bytes(),
        ExportFormat::Csv => export::csv(data, number).into_bytes(),
    };
    let (text, output) = (bytes, request.output);
    match output {
        None => {
            if out.write_all(&text).is_err() {
                return exit::IO;
            }
            exit::OK
        }
        Some(file) => match std::fs::write(file, text) {
            Ok(()) => {
                let _ = writeln!(
                    err,
                    "{}",
                    crate::i18n::tf("cli.written", &[("path", &file.display())])
                );
                exit::OK
            }
            Err(e) => {
                let _ = writeln!(
                    err,
                    "{}",
                    crate::i18n::tf("cli.cannot-write", &[("path", &file.display()), ("e", &e)])
                );
                exit::IO
            }
        },
    }
}

/// The data file to use: `--file`/`FACHMK_FILE`, else the default one, which is
/// created from the bundled dataset on first use.
pub fn data_file(asked: Option<&Path>, err: &mut dyn Write) -> Result<PathBuf, u8> {
    let path = match asked {
        Some(path) => path.to_owned(),
        None => default_data_file(err)?,
    };
    // Refused here, before the screen or a command would try to read it.
    if let Some(what) = store::read::not_regular(&path) {
        let _ = writeln!(err, "{}", store::LoadError::NotRegular { path, what });
        return Err(exit::DATA);
    }
    Ok(path)
}

/// The default data file, created from the bundled dataset on first use.
fn default_data_file(err: &mut dyn Write) -> Result<PathBuf, u8> {
    let Some(path) = store::paths::default_data_file() else {
        let _ = writeln!(err, "{}", crate::i18n::t("cli.no-data-dir"));
        return Err(exit::USAGE);
    };
    if !path.exists() {
        if let Some(dir) = path.parent()
            && let Err(e) = store::paths::create_private_dir(dir)
        {
            let _ = writeln!(
                err,
                "{}",
                crate::i18n::tf(
                    "cli.cannot-create-dir",
                    &[("dir", &dir.display()), ("e", &e)]
                )
            );
            return Err(exit::CANT_CREATE);
        }
        match store::write_new(&path, store::BUNDLED_JSON.as_bytes()) {
            Ok(()) => {
                let _ = writeln!(
                    err,
                    "{}",
                    crate::i18n::tf("cli.new-data-file", &[("path", &path.display())])
                );
            }
            Err(store::SaveError::Exists { .. }) => {}
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return Err(exit::CANT_CREATE);
            }
        }
    }
    Ok(path)
}

/// `fachmk demo --write FILE`: writes a generated archive to a new file.
pub fn demo(path: &Path, size: crate::demo::DemoSize, err: &mut dyn Write) -> u8 {
    let data = crate::demo::archive(size);
    let written = store::to_bytes(&data, path)
        .and_then(|bytes| store::write_new(path, &bytes).map(|()| bytes.len()));
    match written {
        Ok(len) => {
            let _ = writeln!(
                err,
                "{}",
                crate::i18n::tf(
                    "cli.demo-written",
                    &[
                        ("path", &path.display()),
                        ("sessions", &data.sessions.len()),
                        ("concerns", &data.concerns.len()),
                        ("kb", &(len / 1000))
                    ]
                )
            );
            exit::OK
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            exit::CANT_CREATE
        }
    }
}

/// `fachmk search QUERY`: the best hits in the data file, one per line.
#[allow(clippy::too_many_arguments)]
pub fn search(
    path: &Path,
    session: Option<u32>,
    query: &str,
    limit: usize,
    list: bool,
    today: NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let loaded = match load_for_command(path, err) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let session = session
        .or_else(|| loaded.data.session_to_prepare(today))
        .unwrap_or(0);
    let index = crate::search::Index::build(&loaded.data, session);
    if list {
        for e in &index.entries {
            let _ = writeln!(out, "{}", e.text);
        }
        return exit::OK;
    }
    print_hits(&index, query, limit, out)
}

/// `fachmk search --stdin QUERY`: the best of the lines read, as `fzf --filter` does.
pub fn search_lines(
    query: &str,
    limit: usize,
    input: impl std::io::BufRead,
    out: &mut dyn Write,
) -> u8 {
    let entries = input
        .lines()
        .map_while(Result::ok)
        .map(|text| crate::search::Entry {
            kind: crate::search::Kind::Answer,
            text,
            target: crate::search::Target::Conference(String::new()),
        })
        .collect();
    print_hits(
        &crate::search::Index::from_entries(entries),
        query,
        limit,
        out,
    )
}

fn print_hits(index: &crate::search::Index, query: &str, limit: usize, out: &mut dyn Write) -> u8 {
    let (hits, _) = index.search_within(query, None);
    if hits.is_empty() {
        return exit::INCOMPLETE;
    }
    for hit in hits.iter().take(limit) {
        let _ = writeln!(out, "{}", index.entries[hit.entry].text);
    }
    exit::OK
}
