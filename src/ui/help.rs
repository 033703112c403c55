//! Hilfe, generated from the keymap (so it never disagrees with the keys), and
//! the reference texts of the source deck.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use super::widgets::{centered, popup_block};
use crate::app::{App, HELP_LAYERS, Keymap, Layer};

/// The help text as lines, one per action of each layer.
pub fn lines(keymap: &Keymap, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for layer in HELP_LAYERS {
        lines.push(Line::from(Span::styled(Layer::title(layer), theme.header)));
        for action in keymap.actions(layer) {
            let keys = keymap.keys_for(layer, action).join(", ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), theme.key),
                Span::raw(action.describe().to_owned()),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines
}

/// A data field's name in the user's words ("debrief_date" → "Nachbesprechung").
fn field_word(field: &str) -> String {
    let key = format!("field-name.{field}");
    let word = crate::i18n::t(&key);
    if word == "?" {
        field.to_owned()
    } else {
        word.to_owned()
    }
}

fn scrolled(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    content: Vec<Line<'static>>,
    scroll: usize,
    theme: &Theme,
) {
    let popup = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, popup);
    let block = popup_block(title, theme);
    let inner = block.inner(popup);
    let height = usize::from(inner.height);
    // Wrapped, the text is taller than its lines: scroll to its real end.
    let rows = usize::from(super::widgets::wrapped_height(&content, inner.width));
    let top = u16::try_from(scroll.min(rows.saturating_sub(height))).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(content)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((top, 0)),
        popup,
    );
}

pub fn render(app: &App, scroll: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    scrolled(
        frame,
        area,
        crate::i18n::t("help.title"),
        lines(&app.keymap, theme),
        scroll,
        theme,
    );
}

/// The reference texts (role, rules, debrief, legal basis …) from the data.
pub fn reference_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for text in &app.data.reference {
        lines.push(Line::from(Span::styled(text.title.clone(), theme.header)));
        for item in &text.items {
            lines.push(Line::from(format!("• {item}")));
        }
        lines.push(Line::from(""));
    }
    // What the data holds besides the seed deck, and from where.
    let foreign = app.data.facts_not_from_seed();
    if !foreign.is_empty() {
        lines.push(Line::from(Span::styled(
            crate::i18n::t("help.not-from-seed"),
            theme.header,
        )));
        lines.push(Line::from(Span::styled(
            crate::i18n::t("help.not-from-seed-intro"),
            theme.dim,
        )));
        for fact in foreign {
            let what = if fact.field.is_empty() {
                fact.what
            } else {
                crate::i18n::tf(
                    "help.fact-field",
                    &[("what", &fact.what), ("field", &field_word(&fact.field))],
                )
            };
            lines.push(Line::from(format!(
                "• {what}: {}",
                crate::domain::source_label(fact.source.as_deref())
            )));
        }
    }
    lines
}

pub fn render_reference(app: &App, scroll: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    scrolled(
        frame,
        area,
        crate::i18n::t("help.reference-title"),
        reference_lines(app, theme),
        scroll,
        theme,
    );
}
