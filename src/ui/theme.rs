//! Colours and emphasis in one place. State is always also shown by symbol or
//! word, so the screen stays readable without colour.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::ReportStatus;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub normal: Style,
    pub dim: Style,
    pub title: Style,
    pub focused_title: Style,
    pub selected: Style,
    pub highlight: Style,
    pub header: Style,
    pub error: Style,
    pub info: Style,
    pub key: Style,
    pub ready: Style,
    pub draft: Style,
    pub no_report: Style,
    pub open: Style,
    pub warning: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            normal: Style::default(),
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default(),
            focused_title: Style::default()
                .add_modifier(Modifier::BOLD)
                .fg(Color::Cyan),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            highlight: Style::default()
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                .fg(Color::Yellow),
            header: Style::default().add_modifier(Modifier::BOLD),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            info: Style::default().fg(Color::Green),
            key: Style::default().add_modifier(Modifier::BOLD),
            ready: Style::default().fg(Color::Green),
            draft: Style::default().fg(Color::Yellow),
            no_report: Style::default().fg(Color::DarkGray),
            open: Style::default(),
            warning: Style::default().fg(Color::Yellow),
        }
    }
}

impl Theme {
    pub fn status(&self, status: ReportStatus) -> Style {
        match status {
            ReportStatus::Open => self.open,
            ReportStatus::Draft => self.draft,
            ReportStatus::Ready => self.ready,
            ReportStatus::NoReport => self.no_report,
        }
    }
}

/// Symbol and short word for a report status, as in the Konferenzen pane.
pub fn status_mark(status: ReportStatus) -> (&'static str, &'static str) {
    match status {
        ReportStatus::Open => ("·", "offen"),
        ReportStatus::Draft => ("✎", "Entwurf"),
        ReportStatus::Ready => ("✓", "fertig"),
        ReportStatus::NoReport => ("–", "kein Bericht"),
    }
}
