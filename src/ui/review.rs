//! Übersicht: what is still missing per conference, then the Tischvorlage
//! as its reader sees it (the document `fachmk export` writes, without
//! Markdown's marks), each line wrapped under its own text. Built when the
//! review opened; drawn here, the gap picked highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Theme;
use super::widgets::{hang_under, popup_block};
use crate::app::Review;
use crate::export::BULLET;

impl Review {
    /// Draws the review of `session`; records the height drawn into its `Scroll`.
    pub fn render(&self, session: u32, frame: &mut Frame, area: Rect, theme: &Theme) {
        frame.render_widget(Clear, area);
        let block = popup_block(
            crate::i18n::tf("review.title", &[("session", &session)]),
            theme,
        );
        let inner = block.inner(area);
        let picked = self
            .cursor
            .and_then(|i| self.gaps.get(i))
            .map(|gap| gap.line);
        let width = usize::from(inner.width);
        let mut content: Vec<Line> = Vec::new();
        for (i, line) in self.lines.iter().enumerate() {
            let style = if Some(i) == picked {
                theme.selected
            } else {
                Style::default()
            };
            for row in hanging(line, width) {
                content.push(Line::from(Span::styled(row, style)));
            }
        }
        let top = self.scroll.drawn(content.len(), usize::from(inner.height));
        let top = u16::try_from(top).unwrap_or(u16::MAX);
        frame.render_widget(Paragraph::new(content).block(block).scroll((top, 0)), area);
    }
}

/// `line` wrapped to `width` columns, its wrapped rows hanging under its text:
/// an indented line (a gap) and a list item ("• ") two columns further in
/// than they start, a paragraph at the margin.
fn hanging(line: &str, width: usize) -> Vec<String> {
    let text = line.trim_start_matches(' ');
    let indent = line.len() - text.len();
    let hang = if indent > 0 || text.starts_with(BULLET) {
        indent + 2
    } else {
        0
    };
    hang_under(line, width, hang)
}

#[cfg(test)]
mod tests {
    use super::hanging;

    #[test]
    fn wrapped_rows_hang_under_the_text_and_never_start_with_a_space() {
        let gap = hanging("  WMK: eins zwei drei vier fünf sechs", 16);
        assert_eq!(gap, ["  WMK: eins zwei", "    drei vier", "    fünf sechs"]);
        let item = hanging("• Beschluss 2024/15  Registermodernisierung", 20);
        assert_eq!(
            item,
            ["• Beschluss 2024/15", "  Registermodernisie", "  rung"]
        );
        assert_eq!(
            hanging("Absatz ohne Einzug hier", 12),
            ["Absatz ohne", "Einzug hier"]
        );
        assert_eq!(hanging("", 12), [""]);
        let row = hanging("• Bauministerkonferenz (BMK) · N.N. (Hessen) · – · 0", 34);
        assert_eq!(
            row,
            ["• Bauministerkonferenz (BMK) ·", "  N.N. (Hessen) · – · 0"]
        );
    }
}
