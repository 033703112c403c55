//! Übersicht: what is still missing per conference, then the Tischvorlage
//! exactly as `fachmk export --format md` writes it (the same function makes
//! both). Built when the review opened; drawn here, the gap picked highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use super::widgets::popup_block;
use crate::app::Review;

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
        let content: Vec<Line> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                if Some(i) == picked {
                    Line::from(Span::styled(line.as_str(), theme.selected))
                } else {
                    Line::from(line.as_str())
                }
            })
            .collect();
        let text = Paragraph::new(content).wrap(Wrap { trim: false });
        let top = self
            .scroll
            .drawn(text.line_count(inner.width), usize::from(inner.height));
        let top = u16::try_from(top).unwrap_or(u16::MAX);
        frame.render_widget(text.block(block).scroll((top, 0)), area);
    }
}
