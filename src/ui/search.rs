//! Suche: the query, and the hits grouped by kind with matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

use super::Theme;
use super::widgets::{centered, popup_block};
use crate::app::Search;

impl Search {
    /// Draws the query and the hits, grouped by kind, matched characters highlighted.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let search = self;
        let popup = centered(area, area.width.min(120), area.height);
        frame.render_widget(Clear, popup);
        // An empty query lists entries, not hits; a full list is the best of
        // more, not a count of all.
        let count = search.hits.len();
        let title = if search.waiting {
            crate::i18n::t("search.title-building").to_owned()
        } else if search.query.trim().is_empty() {
            crate::i18n::t("search.title-empty").to_owned()
        } else if count >= crate::search::MAX_HITS {
            crate::i18n::tf("search.title-best", &[("count", &count)])
        } else {
            crate::i18n::tn("search.title", count, &[])
        };
        let block = popup_block(title, theme);
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [query, list_area] = inner.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(vec![
                    Span::styled("/ ", theme.key),
                    // The last search's query, kept: shown selected, as a
                    // letter typed replaces it.
                    if search.kept {
                        Span::styled(search.query.clone(), theme.selected)
                    } else {
                        Span::raw(search.query.clone())
                    },
                    Span::styled("▏", theme.key),
                ]),
                Line::from(Span::styled(crate::i18n::t("search.help"), theme.dim)),
            ]),
            query,
        );
        let width = usize::from(list_area.width.saturating_sub(2));
        let mut items = Vec::new();
        let mut selected = None;
        let mut headings: Vec<usize> = Vec::new();
        let mut last_kind = None;
        for (i, hit) in search.hits.iter().enumerate() {
            let entry = &search.index.entries[hit.entry];
            if last_kind != Some(entry.kind) {
                headings.push(items.len());
                items.push(ListItem::new(Line::from(Span::styled(
                    entry.kind.heading(),
                    theme.header,
                ))));
                last_kind = Some(entry.kind);
            }
            if i == search.cursor {
                selected = Some(items.len());
            }
            let mut spans = vec![Span::raw("  ")];
            let mut used = 2;
            for (pos, ch) in entry.text.chars().enumerate() {
                if used >= width {
                    spans.push(Span::raw("…"));
                    break;
                }
                let style = if hit.indices.contains(&pos) {
                    theme.highlight
                } else {
                    theme.normal
                };
                spans.push(Span::styled(ch.to_string(), style));
                used += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            }
            items.push(ListItem::new(Line::from(spans)));
        }
        if search.hits.is_empty() {
            let none = if search.waiting {
                crate::i18n::t("search.building")
            } else {
                crate::i18n::t("search.none")
            };
            items.push(ListItem::new(Span::styled(none, theme.dim)));
        }
        let rows: Vec<(usize, bool)> = items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.height(), !headings.contains(&i)))
            .collect();
        let list = List::new(items).highlight_style(theme.selected);
        // Where the list stood, but never hiding the heading right above the hit.
        let mut offset = search.list.first();
        if let Some(heading) = selected.and_then(|s: usize| s.checked_sub(1))
            && headings.contains(&heading)
        {
            offset = offset.min(heading);
        }
        let mut state = ListState::default()
            .with_selected(selected)
            .with_offset(offset);
        frame.render_stateful_widget(list, list_area, &mut state);
        search
            .list
            .drawn_counting(state.offset(), rows, usize::from(list_area.height));
    }
}
