//! Questions that must be answered before anything else.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use super::widgets::{centered, popup_block};
use crate::app::Dialog;

pub fn render(dialog: &Dialog, frame: &mut Frame, area: Rect, theme: &Theme) {
    let (title, lines) = match dialog {
        Dialog::QuitUnsaved => (
            "Ungespeicherte Änderungen",
            vec![
                Line::from("Es gibt ungespeicherte Änderungen."),
                Line::from(""),
                Line::from(vec![
                    Span::styled("s", theme.key),
                    Span::raw(" speichern und beenden   "),
                    Span::styled("d", theme.key),
                    Span::raw(" verwerfen und beenden   "),
                    Span::styled("Esc", theme.key),
                    Span::raw(" weiterarbeiten"),
                ]),
            ],
        ),
        Dialog::LoadFailed(reason) => (
            "Datei kann nicht geöffnet werden",
            vec![
                Line::from(Span::styled(reason.clone(), theme.error)),
                Line::from(""),
                Line::from("Die Datei bleibt unverändert. Enter oder q beendet."),
            ],
        ),
    };
    let popup = centered(area, 72, 9);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(popup_block(title, theme)),
        popup,
    );
}
