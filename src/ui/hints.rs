//! The bottom line: the current message, else the keys of the current layer
//! (generated from the keymap).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use super::widgets::{fit_hints, key_hints};
use crate::app::App;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let line = match &app.message {
        Some(m) if m.error => Line::from(Span::styled(
            crate::i18n::tf("hints.error", &[("message", &m.text)]),
            theme.error,
        )),
        Some(m) => Line::from(Span::styled(format!(" {}", m.text), theme.info)),
        None => {
            let mut hints = app.keymap.hints(app.layer());
            // Only keys that act here, in this step and view.
            hints.retain(|h| app.offers(h.action));
            // A form or a new item: Esc cancels it, and says so.
            if app.editor.as_ref().is_some_and(|e| e.target.is_form()) {
                for hint in hints
                    .iter_mut()
                    .filter(|h| h.action == crate::app::Action::Back)
                {
                    hint.text = crate::i18n::t("hint.cancel");
                }
            }
            // The own editor takes long texts only: no hint where it cannot.
            if app
                .editor
                .as_ref()
                .is_some_and(|e| !e.target.is_multiline())
            {
                hints.retain(|h| h.action != crate::app::Action::ExternalEditor);
            }
            key_hints(&fit_hints(&hints, area.width), theme)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
