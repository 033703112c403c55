//! Exports of a session's prepared item. Pure functions of the data: the same
//! input gives the same bytes, so files can be compared and reviewed.

pub mod csv;
mod ics;
mod json;
mod markdown;

pub use csv::csv;
pub use ics::ics;
pub use json::json;
pub use markdown::markdown;

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
