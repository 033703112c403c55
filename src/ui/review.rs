//! Übersicht: what is still missing per conference, then the Tischvorlage
//! exactly as `fachmk export --format md` writes it (the same function makes both).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use super::widgets::popup_block;
use crate::app::App;

pub fn render(app: &App, scroll: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = popup_block(
        crate::i18n::tf("review.title", &[("session", &app.session)]),
        theme,
    );
    let inner = block.inner(area);
    let content: Vec<Line> = app.review_lines().into_iter().map(Line::from).collect();
    let max = content.len().saturating_sub(usize::from(inner.height));
    let top = u16::try_from(scroll.min(max)).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(content)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((top, 0)),
        area,
    );
}
