//! A text field: as a popup over the screen, or inline in the walkthrough.
//! Last session's answer is shown beside it for reference.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use super::widgets::{centered, popup_block, wrapped_height};
use crate::app::{App, Editor};

impl Editor {
    /// Draws the field: into `area` when `inline` (an answer inside the
    /// walkthrough), else as a popup over it.
    pub fn render(&self, inline: bool, frame: &mut Frame, area: Rect, theme: &Theme) {
        if inline {
            render_into(self, frame, area, theme);
        } else {
            render_popup(self, frame, area, theme);
        }
    }
}

/// The open field as a popup (outside the walkthrough, or a one-line prompt).
fn render_popup(editor: &Editor, frame: &mut Frame, area: Rect, theme: &Theme) {
    let multiline = editor.target.is_multiline();
    let width = area.width.saturating_sub(4).min(100);
    let height = if multiline {
        area.height.saturating_sub(4).max(8)
    } else {
        // The prompt (which may say what a name chooses) and a long error
        // (why a save failed) are shown whole.
        let inner = width.saturating_sub(2);
        5 + title_height(editor, inner) + status_height(editor, theme, inner)
    };
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = popup_block(
        if multiline {
            crate::i18n::t("editor.edit")
        } else {
            crate::i18n::t("editor.input")
        },
        theme,
    );
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    render_into(editor, frame, inner, theme);
}

/// Whether the open field is drawn inside the walkthrough (an answer there),
/// not as a popup: every field is drawn in exactly one place.
pub fn is_inline(app: &App) -> bool {
    matches!(app.overlay, crate::app::Overlay::Walkthrough)
        && matches!(
            app.editor.as_ref().map(|e| &e.target),
            Some(crate::app::EditTarget::Answer { .. })
        )
}

fn render_into(editor: &Editor, frame: &mut Frame, area: Rect, theme: &Theme) {
    // A long text's field gets most of the room; a prompt's title is whole.
    let title_lines = title_height(editor, area.width)
        .min(if editor.target.is_multiline() {
            area.height / 3
        } else {
            area.height.saturating_sub(2)
        })
        .max(1);
    let reference_height = match &editor.reference {
        Some(_) if area.height >= 12 => area.height / 3,
        _ => 0,
    };
    let status_line = status_line(editor, theme);
    let status_lines = status_height(editor, theme, area.width)
        .min(area.height / 2)
        .max(1);
    let layout = Layout::vertical([
        Constraint::Length(title_lines),
        Constraint::Fill(1),
        Constraint::Length(status_lines),
        Constraint::Length(reference_height),
    ]);
    let [title, field, status, reference] = area.layout(&layout);
    frame.render_widget(
        Paragraph::new(Span::styled(editor.title.clone(), theme.header)).wrap(Wrap { trim: false }),
        title,
    );
    let field_block = Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .border_style(theme.dim);
    let field_inner = field_block.inner(field);
    frame.render_widget(field_block, field);
    frame.render_widget(&editor.text, field_inner);
    frame.render_widget(
        Paragraph::new(status_line).wrap(Wrap { trim: false }),
        status,
    );
    if let Some((heading, text)) = &editor.reference
        && reference_height > 0
    {
        let block = Block::default().borders(Borders::TOP).title(Span::styled(
            crate::i18n::tf("editor.compare", &[("heading", heading)]),
            theme.dim,
        ));
        frame.render_widget(
            Paragraph::new(text.clone())
                .style(theme.dim)
                .wrap(Wrap { trim: false })
                .block(block),
            reference,
        );
    }
}

/// How many lines the status takes at `width`, wrapped: an error (why a save
/// failed) or the keys' hint, whole.
fn status_height(editor: &crate::app::Editor, theme: &Theme, width: u16) -> u16 {
    wrapped_height(&[status_line(editor, theme)], width).max(1)
}

/// How many lines the field's title takes at `width`, wrapped.
fn title_height(editor: &crate::app::Editor, width: u16) -> u16 {
    wrapped_height(&[Line::from(editor.title.as_str())], width).max(1)
}

/// The line under the field: the error, else what the keys do.
fn status_line(editor: &crate::app::Editor, theme: &Theme) -> Line<'static> {
    match &editor.error {
        Some(e) => Line::from(Span::styled(
            crate::i18n::tf("editor.error", &[("error", e)]),
            theme.error,
        )),
        None => Line::from(Span::styled(
            if editor.target.is_multiline() {
                crate::i18n::t("editor.status-multiline")
            } else if editor.target.is_form() {
                crate::i18n::t("editor.status-form")
            } else {
                crate::i18n::t("editor.status-line")
            },
            theme.dim,
        )),
    }
}
