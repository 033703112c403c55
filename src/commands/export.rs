//! `fachmk export`: one document or data format of a session, to standard
//! output or a file.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::check::{load_valid, pick_session};
use super::files::data_file;
use super::{CliError, CliResult, Done, git};
use crate::cli::ExportFormat;

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

/// `fachmk export` to this process's standard output: text through `out`
/// (the terminal filter), a Word file as it is — to a pipe only, never to a
/// terminal, which [`export`] refuses.
pub fn export_to_stdout(
    file: Option<&Path>,
    request: &ExportRequest,
    today: NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    let mut raw = std::io::stdout().lock();
    let out: &mut dyn Write = if request.format == ExportFormat::Docx {
        &mut raw
    } else {
        out
    };
    let request = ExportRequest {
        to_terminal: std::io::IsTerminal::is_terminal(&std::io::stdout()),
        ..*request
    };
    export(&data_file(file, err)?, &request, today, out, err)
}

/// `fachmk export --session N --format F [--kind K] [-o FILE]`.
pub fn export(
    path: &Path,
    request: &ExportRequest,
    today: NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    let document = matches!(request.format, ExportFormat::Md | ExportFormat::Docx);
    if request.kind.is_some() && !document {
        return Err(CliError::KindNeedsDocument);
    }
    if request.format == ExportFormat::Docx && request.output.is_none() && request.to_terminal {
        return Err(CliError::DocxNeedsOutput);
    }
    let loaded = load_valid(path)?;
    // An export would silently take "ours" of an undecided merge.
    git::refuse_open_conflicts(path, &loaded.data)?;
    let data = &loaded.data;
    let number = pick_session(data, request.session, today)?.number;
    let kind = request
        .kind
        .map(crate::export::Kind::from)
        .unwrap_or_default();
    let bytes = match request.format {
        ExportFormat::Md => crate::export::markdown_of(data, number, kind).into_bytes(),
        ExportFormat::Docx => crate::export::docx(data, number, kind).map_err(CliError::Docx)?,
        // serde_json leaves DEL, C1 controls and bidi overrides raw.
        ExportFormat::Json => crate::safe::json_escaped(&crate::export::json(data, number))
            .into_owned()
            .into_bytes(),
        ExportFormat::Ics => crate::export::ics(data, number).into_bytes(),
        ExportFormat::Csv => crate::export::csv(data, number).into_bytes(),
    };
    match request.output {
        None => out.write_all(&bytes).map_err(CliError::Output)?,
        Some(file) => {
            std::fs::write(file, bytes).map_err(|source| CliError::CannotWrite {
                path: file.to_owned(),
                source,
            })?;
            let _ = writeln!(
                err,
                "{}",
                crate::i18n::tf("cli.written", &[("path", &file.display())])
            );
        }
    }
    Ok(Done::Complete)
}
