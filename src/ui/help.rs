//! Hilfe, generated from the keymap (so it never disagrees with the keys), and
//! the reference texts of the source deck. Both are wrapped here, with a
//! hanging indent, so the rows drawn are the rows scrolled: the end is always
//! reachable, at any size.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use super::widgets::{centered, popup_block, wrap_words};
use crate::app::help::{Help, Page};
use crate::app::{App, HELP_LAYERS, Keymap, Layer, Scroll};

/// Columns of the keys before each description.
const KEYS: usize = 18;

/// The help text wrapped to `width`: per layer a heading, one entry per
/// action, a blank line. Also the row each layer's section starts at.
pub fn lines(
    keymap: &Keymap,
    theme: &Theme,
    width: usize,
) -> (Vec<Line<'static>>, Vec<(Layer, usize)>) {
    let mut lines = Vec::new();
    let mut sections = Vec::new();
    for layer in HELP_LAYERS {
        sections.push((layer, lines.len()));
        for title in wrap_words(Layer::title(layer), width, width.saturating_sub(2)) {
            let indent = if lines.len() == sections.last().map_or(0, |(_, row)| *row) {
                ""
            } else {
                "  "
            };
            lines.push(Line::from(Span::styled(
                format!("{indent}{title}"),
                theme.header,
            )));
        }
        for action in keymap.actions(layer) {
            let keys = format!("  {:<16}", keymap.keys_for(layer, action).join(", "));
            let indent = keys.chars().count().max(KEYS);
            let text = wrap_words(
                action.describe(),
                width.saturating_sub(indent),
                width.saturating_sub(KEYS),
            );
            let mut text = text.into_iter();
            lines.push(Line::from(vec![
                Span::styled(keys, theme.key),
                Span::raw(text.next().unwrap_or_default()),
            ]));
            lines.extend(text.map(|t| Line::from(format!("{:KEYS$}{t}", ""))));
        }
        lines.push(Line::from(""));
    }
    (lines, sections)
}

/// The popup both are drawn in.
fn popup(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    )
}

fn scrolled(
    frame: &mut Frame,
    popup: Rect,
    title: &str,
    content: Vec<Line<'static>>,
    top: usize,
    theme: &Theme,
) {
    frame.render_widget(Clear, popup);
    let top = u16::try_from(top).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(content)
            .block(popup_block(title, theme))
            .scroll((top, 0)),
        popup,
    );
}

impl Help {
    /// Draws the open page; records the height drawn into its `Scroll`.
    pub fn render(&self, app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
        match self.page {
            Page::Keys { section, .. } => keys(app, &self.scroll, section, frame, area, theme),
            Page::Reference => reference(app, &self.scroll, frame, area, theme),
        }
    }
}

fn keys(app: &App, scroll: &Scroll, section: Layer, frame: &mut Frame, area: Rect, theme: &Theme) {
    let popup = popup(area);
    let inner = popup_block("", theme).inner(popup);
    let (content, sections) = lines(&app.keymap, theme, usize::from(inner.width));
    let start = sections
        .iter()
        .find(|(layer, _)| *layer == section)
        .map_or(0, |(_, row)| *row);
    let top = scroll.drawn_from(content.len(), usize::from(inner.height), start);
    scrolled(
        frame,
        popup,
        crate::i18n::t("help.title"),
        content,
        top,
        theme,
    );
}

/// The reference texts (role, rules, debrief, legal basis …) from the data,
/// wrapped to `width` with the bullets' hanging indent.
pub fn reference_lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for text in &app.data.reference {
        for title in wrap_words(&text.title, width, width) {
            lines.push(Line::from(Span::styled(title, theme.header)));
        }
        for item in &text.items {
            let wrapped = wrap_words(item, width.saturating_sub(2), width.saturating_sub(2));
            for (i, part) in wrapped.into_iter().enumerate() {
                let bullet = if i == 0 { "• " } else { "  " };
                lines.push(Line::from(format!("{bullet}{part}")));
            }
        }
        lines.push(Line::from(""));
    }
    not_from_seed(app, theme, width, &mut lines);
    lines
}

/// At the end of the reference: what the bundled data holds besides the seed
/// deck, and from where.
fn not_from_seed(app: &App, theme: &Theme, width: usize, lines: &mut Vec<Line<'static>>) {
    let foreign = app.data.facts_not_from_seed();
    if foreign.is_empty() {
        return;
    }
    for title in wrap_words(crate::i18n::t("help.not-from-seed"), width, width) {
        lines.push(Line::from(Span::styled(title, theme.header)));
    }
    for intro in wrap_words(crate::i18n::t("help.not-from-seed-intro"), width, width) {
        lines.push(Line::from(Span::styled(intro, theme.dim)));
    }
    for fact in foreign {
        let what = if fact.field.is_empty() {
            fact.what.to_string()
        } else {
            crate::i18n::tf(
                "help.fact-field",
                &[("what", &fact.what), ("field", &field_word(&fact.field))],
            )
        };
        let text = format!(
            "{what}: {}",
            crate::domain::Origin::of(fact.source.as_deref())
        );
        let wrapped = wrap_words(&text, width.saturating_sub(2), width.saturating_sub(2));
        for (i, part) in wrapped.into_iter().enumerate() {
            let bullet = if i == 0 { "• " } else { "  " };
            lines.push(Line::from(format!("{bullet}{part}")));
        }
    }
}

/// A data field's name in the user's words ("debrief_date" → "Datum der Nachbesprechung").
fn field_word(field: &str) -> String {
    let word = crate::i18n::t(&format!("field-name.{field}"));
    if word == "?" {
        field.to_owned()
    } else {
        word.to_owned()
    }
}

fn reference(app: &App, scroll: &Scroll, frame: &mut Frame, area: Rect, theme: &Theme) {
    let popup = popup(area);
    let inner = popup_block("", theme).inner(popup);
    let content = reference_lines(app, theme, usize::from(inner.width));
    let top = scroll.drawn(content.len(), usize::from(inner.height));
    scrolled(
        frame,
        popup,
        crate::i18n::t("help.reference-title"),
        content,
        top,
        theme,
    );
}
