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

/// The themes to choose from (`--theme`, and `NO_COLOR`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
    // No colour at all: emphasis by bold, underline, reverse.
    Monochrome,
}

impl Theme {
    /// The theme called `name`; `NO_COLOR` set (to anything) means monochrome.
    pub fn named(name: ThemeName, no_color: bool) -> Self {
        match (name, no_color) {
            (_, true) | (ThemeName::Monochrome, _) => Self::monochrome(),
            (ThemeName::HighContrast, false) => Self::high_contrast(),
            (ThemeName::Default, false) => Self::default(),
        }
    }

    /// No colour sequences at all: state is in symbols and words anyway.
    pub fn monochrome() -> Self {
        let plain = Style::default();
        Self {
            normal: plain,
            dim: plain,
            title: plain,
            focused_title: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED),
            highlight: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            header: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            info: plain,
            key: plain.add_modifier(Modifier::BOLD),
            ready: plain,
            draft: plain,
            no_report: plain,
            open: plain,
            warning: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// Bright colours and bold text for low-vision users and washed-out screens.
    pub fn high_contrast() -> Self {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        Self {
            normal: Style::default().fg(Color::White),
            dim: Style::default().fg(Color::Gray),
            title: bold.fg(Color::White),
            focused_title: bold
                .fg(Color::LightYellow)
                .add_modifier(Modifier::UNDERLINED),
            selected: bold.fg(Color::Black).bg(Color::LightYellow),
            highlight: bold.fg(Color::LightCyan).add_modifier(Modifier::UNDERLINED),
            header: bold.fg(Color::White),
            error: bold.fg(Color::White).bg(Color::Red),
            info: bold.fg(Color::LightGreen),
            key: bold.fg(Color::LightYellow),
            ready: bold.fg(Color::LightGreen),
            draft: bold.fg(Color::LightYellow),
            no_report: Style::default().fg(Color::Gray),
            open: Style::default().fg(Color::White),
            warning: bold.fg(Color::LightYellow),
        }
    }

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
        ReportStatus::Open => ("·", crate::i18n::t("status.open")),
        ReportStatus::Draft => ("✎", crate::i18n::t("status.draft")),
        ReportStatus::Ready => ("✓", crate::i18n::t("status.ready")),
        ReportStatus::NoReport => ("–", crate::i18n::t("status.no-report")),
    }
}
