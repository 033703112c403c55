//! `fachmk search`: the fuzzy search of the screen on the command line, over
//! the data file or over lines read (`--stdin`).

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::files::{data_file, load_for_command};
use super::{CliResult, Done};

/// What `fachmk search` is asked for.
#[derive(Debug, Clone, Copy)]
pub struct SearchRequest<'a> {
    pub query: &'a str,
    pub session: Option<u32>,
    /// At most this many hits.
    pub limit: usize,
    /// Every entry of the index instead of the hits.
    pub list: bool,
}

/// `fachmk search QUERY`: the best hits in the data file, one per line.
pub fn search(
    file: Option<&Path>,
    request: &SearchRequest,
    today: NaiveDate,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CliResult {
    let loaded = load_for_command(&data_file(file, err)?)?;
    let session = request
        .session
        .or_else(|| loaded.data.session_to_prepare(today))
        .unwrap_or(0);
    let index = crate::search::Index::build(&loaded.data, session);
    if request.list {
        for e in &index.entries {
            let _ = writeln!(out, "{}", e.text);
        }
        return Ok(Done::Complete);
    }
    Ok(print_hits(&index, request.query, request.limit, out))
}

/// `fachmk search --stdin QUERY`: the best of the lines read, as `fzf --filter` does.
pub fn search_lines(
    query: &str,
    limit: usize,
    input: impl std::io::BufRead,
    out: &mut dyn Write,
) -> CliResult {
    let entries = input
        .lines()
        .map_while(Result::ok)
        .map(|text| crate::search::Entry {
            kind: crate::search::Kind::Answer,
            text,
            target: crate::search::Target::Conference(String::new()),
        })
        .collect();
    Ok(print_hits(
        &crate::search::Index::from_entries(entries),
        query,
        limit,
        out,
    ))
}

/// The hits, one per line; `Incomplete` (exit 1, as grep) when there is none.
fn print_hits(
    index: &crate::search::Index,
    query: &str,
    limit: usize,
    out: &mut dyn Write,
) -> Done {
    let (hits, _) = index.search_within(query, None);
    if hits.is_empty() {
        return Done::Incomplete;
    }
    for hit in hits.iter().take(limit) {
        let _ = writeln!(out, "{}", index.entries[hit.entry].text);
    }
    Done::Complete
}
