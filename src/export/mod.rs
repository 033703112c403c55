//! Exports of a session's prepared item. Pure functions of the data: the same
//! input gives the same bytes, so files can be compared and reviewed. The three
//! documents (Tischvorlage, Arbeitsstand, Nachbesprechung) are built once as a
//! `Doc` and written as Markdown or Word from it, or as plain text for the
//! screen's preview.

mod arbeitsstand;
pub mod csv;
mod doc;
mod docx;
mod ics;
mod json;
mod md;
mod nachbesprechung;
mod people;
mod text;
mod tischvorlage;

pub use csv::csv;
pub use doc::{Block, Doc, Inline};
pub use ics::ics;
pub use json::json;
pub use text::BULLET;

/// The documents of a session, each for its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// The handout for the members, before the session.
    #[default]
    Tischvorlage,
    /// Internal: progress and gaps of the preparation.
    Arbeitsstand,
    /// After the session: its Beschlüsse, what is presented to whom, follow-ups.
    Nachbesprechung,
}

impl Kind {
    pub const ALL: [Self; 3] = [
        Self::Tischvorlage,
        Self::Arbeitsstand,
        Self::Nachbesprechung,
    ];

    /// The name in file names and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tischvorlage => "tischvorlage",
            Self::Arbeitsstand => "arbeitsstand",
            Self::Nachbesprechung => "nachbesprechung",
        }
    }

    /// The document's name in the current language.
    pub fn label(self) -> &'static str {
        crate::i18n::t(&format!("doc.kind-{}", self.name()))
    }
}

/// Document `kind` of session `number`; empty when there is no such session.
pub fn document(data: &crate::domain::Dataset, number: u32, kind: Kind) -> Doc {
    let Some(session) = data.session(number) else {
        return Doc::default();
    };
    match kind {
        Kind::Tischvorlage => tischvorlage::build(data, session),
        Kind::Arbeitsstand => arbeitsstand::build(data, session),
        Kind::Nachbesprechung => nachbesprechung::build(data, session),
    }
}

/// The Tischvorlage of session `number` as Markdown.
pub fn markdown(data: &crate::domain::Dataset, number: u32) -> String {
    markdown_of(data, number, Kind::Tischvorlage)
}

/// Document `kind` of session `number` as Markdown (CommonMark with tables).
pub fn markdown_of(data: &crate::domain::Dataset, number: u32, kind: Kind) -> String {
    md::render(&document(data, number, kind))
}

/// Document `kind` of session `number` as its reader sees it, without
/// Markdown's marks and escapes (the screen's preview).
pub fn plain_text_of(data: &crate::domain::Dataset, number: u32, kind: Kind) -> String {
    text::render(&document(data, number, kind))
}

/// Document `kind` of session `number` as a Word file (.docx).
pub fn docx(data: &crate::domain::Dataset, number: u32, kind: Kind) -> std::io::Result<Vec<u8>> {
    docx::render(&document(data, number, kind))
}

use crate::domain::{Exchange, ReportStatus};

/// German word for a report status.
pub fn status_word(status: ReportStatus) -> &'static str {
    match status {
        ReportStatus::Open => crate::i18n::t("export.not-started"),
        ReportStatus::Draft => crate::i18n::t("export.in-work"),
        ReportStatus::Ready => crate::i18n::t("export.ready"),
        ReportStatus::NoReport => crate::i18n::t("export.no-exchange"),
    }
}

/// German word for the exchange answer.
pub fn exchange_word(exchange: Exchange) -> &'static str {
    match exchange {
        Exchange::Yes => crate::i18n::t("export.yes"),
        Exchange::No => crate::i18n::t("export.no"),
        Exchange::Unknown => crate::i18n::t("export.unknown"),
    }
}

/// German date as used throughout: 26.11.2025.
pub fn german_date(date: chrono::NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}
