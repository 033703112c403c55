//! Übersicht: what is still missing per conference, then the Tischvorlage
//! exactly as `fachmk export --format md` writes it (the same function makes both).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use super::widgets::popup_block;
use crate::app::App;

/// The lines of the review, for drawing and for scrolling limits.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::raw("Was noch fehlt:"))];
    if let Some(progress) = app.progress() {
        let mut any = false;
        for (id, missing) in &progress.per_conference {
            if missing.is_empty() {
                continue;
            }
            any = true;
            let list: Vec<String> = missing
                .iter()
                .map(crate::domain::Missing::describe)
                .collect();
            lines.push(Line::from(format!("  {id}: {}", list.join("; "))));
        }
        if !any {
            lines.push(Line::from("  nichts – alle Konferenzen sind fertig."));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from("──── Tischvorlage (wie exportiert) ────"));
    lines.push(Line::from(""));
    for line in crate::export::markdown(&app.data, app.session).lines() {
        lines.push(Line::from(line.to_owned()));
    }
    lines
}

pub fn render(app: &App, scroll: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = popup_block(format!("Übersicht · {}. Sitzung", app.session), theme);
    let inner = block.inner(area);
    let content = lines(app);
    let max = content.len().saturating_sub(usize::from(inner.height));
    let top = u16::try_from(scroll.min(max)).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(content)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((top, 0)),
        area,
    );
    let _ = theme;
}
