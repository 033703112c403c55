//! The concerns as CSV for German Excel: UTF-8 with byte-order mark, `;` as the
//! separator, CRLF line ends, fields quoted where needed. A cell that Excel would
//! read as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) gets a
//! leading apostrophe.

use crate::domain::{ConcernStatus, Dataset};

/// The columns, in order (keys of their headings).
pub const COLUMNS: [&str; 8] = [
    "csv.id",
    "csv.conference",
    "csv.title",
    "csv.status",
    "csv.since",
    "csv.carried",
    "csv.decisions",
    "csv.last-note",
];

pub fn status_word(status: ConcernStatus) -> &'static str {
    match status {
        ConcernStatus::Open => crate::i18n::t("csv.open"),
        ConcernStatus::InProgress => crate::i18n::t("walk.in-progress"),
        ConcernStatus::Resolved => crate::i18n::t("walk.resolved"),
        ConcernStatus::Dropped => crate::i18n::t("walk.dropped"),
    }
}

/// The concerns raised up to session `number` (all of them, whatever their
/// status), as they stood after it: status, times carried and last note from
/// the history up to `number`, so later work never changes the file. Folge-
/// Anliegen from the session's own debrief belong to the next session.
pub fn csv(data: &Dataset, number: u32) -> String {
    let mut out = String::from("\u{feff}");
    row(
        &mut out,
        COLUMNS.iter().map(|c| crate::i18n::t(c).to_owned()),
    );
    let concerns = data
        .concerns
        .iter()
        .filter(|c| c.raised_in <= number && c.follow_up_of.is_none_or(|of| of < number));
    for c in concerns {
        let last_note = c
            .history
            .iter()
            .filter(|h| h.session.unwrap_or(c.raised_in) <= number)
            .rev()
            .find_map(|h| h.note.clone())
            .unwrap_or_default();
        row(
            &mut out,
            [
                c.id.clone(),
                c.conference.clone(),
                c.title.clone(),
                status_word(c.status_at(number)).to_owned(),
                c.raised_in.to_string(),
                c.times_carried_at(number).to_string(),
                c.decisions.join(", "),
                last_note,
            ]
            .into_iter(),
        );
    }
    out
}

fn row(out: &mut String, fields: impl Iterator<Item = String>) {
    let cells: Vec<String> = fields.map(|f| cell(&f)).collect();
    out.push_str(&cells.join(";"));
    out.push_str("\r\n");
}

fn cell(text: &str) -> String {
    // OWASP's CSV injection list: a formula may begin with any of these.
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([';', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
