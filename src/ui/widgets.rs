//! Small pieces shared by panes and popups.

use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::Hint;

/// A pane's frame: the focused one has a double border and a marker, so focus
/// is visible without colour.
pub fn pane_block<'a>(title: impl Into<String>, focused: bool, theme: &Theme) -> Block<'a> {
    let title: String = title.into();
    if focused {
        Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Double)
            .title(Span::styled(format!("▸{title}"), theme.focused_title))
    } else {
        Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, theme.title))
    }
}

/// A popup's frame.
pub fn popup_block<'a>(title: impl Into<String>, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .title(Span::styled(format!(" {} ", title.into()), theme.header))
}

/// A centered area of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    )
}

/// Cuts `text` to `width` display columns, ending with "…" when cut. Controls
/// from the data show as the stand-in `check` and the exports use, one column
/// each (ratatui would draw them as blanks the width count does not see).
pub fn truncate(text: &str, width: usize) -> String {
    let text = crate::safe::terminal_safe(text);
    if text.width() <= width {
        return text.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// `text` word-wrapped: the first piece fits `first` columns, the others
/// `rest` (the caller puts a hanging indent before them). Runs of spaces
/// break lines and never begin one, nor does a separator "·"; a word longer
/// than a line is cut. Controls show as the stand-in, as in [`truncate`].
pub fn wrap_words(text: &str, first: usize, rest: usize) -> Vec<String> {
    let text = crate::safe::terminal_safe(text);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = first.max(1);
    // A separator "·" ends a row, never starts one: it goes with the word before.
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if word == "·" => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    for word in &words {
        let mut word = word.as_str();
        loop {
            let used = line.width();
            let sep = usize::from(used > 0);
            if used + sep + word.width() <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                width = rest.max(1);
                continue;
            }
            // Longer than a whole line: cut it.
            let mut cut = 0;
            let mut taken = 0;
            for (i, ch) in word.char_indices() {
                let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                if taken + w > width && i > 0 {
                    break;
                }
                taken += w;
                cut = i + ch.len_utf8();
            }
            lines.push(word[..cut].to_owned());
            width = rest.max(1);
            word = &word[cut..];
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `line` wrapped to `width` columns: the first row keeps the line's leading
/// spaces, the others start `hang` columns in. No row starts with a space
/// that is not the indent.
pub fn hang_under(line: &str, width: usize, hang: usize) -> Vec<String> {
    let text = line.trim_start_matches(' ');
    let indent = line.len() - text.len();
    if text.is_empty() || width <= hang.max(indent) + 1 {
        return vec![line.to_owned()];
    }
    wrap_words(text, width - indent, width - hang)
        .into_iter()
        .enumerate()
        .map(|(row, piece)| {
            let pad = if row == 0 { indent } else { hang };
            format!("{}{piece}", " ".repeat(pad))
        })
        .collect()
}

/// "Taste Beschreibung  Taste Beschreibung" for hint lines.
pub fn key_hints<'a>(hints: &[Hint], theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for hint in hints {
        spans.push(Span::styled(format!(" {}", hint.key), theme.key));
        spans.push(Span::raw(format!(" {} ", hint.text)));
    }
    Line::from(spans)
}

/// Days between `today` and `date` in words: "in 12 Tagen", "heute", "vor 3 Tagen".
pub fn days_until(today: chrono::NaiveDate, date: chrono::NaiveDate) -> String {
    let days = (date - today).num_days();
    match days {
        0 => crate::i18n::t("days.today").into(),
        1 => crate::i18n::t("days.tomorrow").into(),
        -1 => crate::i18n::t("days.yesterday").into(),
        d if d > 1 => crate::i18n::tf("days.in", &[("days", &d)]),
        d => crate::i18n::tf("days.ago", &[("days", &-d)]),
    }
}

/// Rows `lines` take when word-wrapped to `width` columns (as `Wrap { trim: false }` does, closely enough
/// to size an area).
pub fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut rows = 0usize;
    for line in lines {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let mut used = 0usize;
        let mut line_rows = 1usize;
        for word in text.split(' ') {
            let w = word.width();
            if used == 0 {
                used = w;
            } else if used + 1 + w <= width {
                used += 1 + w;
            } else {
                line_rows += 1;
                used = w;
            }
            while used > width {
                line_rows += 1;
                used -= width;
            }
        }
        rows += line_rows;
    }
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// The hints that fit in `width`: all of them if they fit; else all but the
/// arrows' "↑↓ wählen" (every list takes them, the help names them) if that
/// makes the rest fit; else all essential ones, and the others from the front
/// as long as there is room.
pub fn fit_hints(hints: &[Hint], width: u16) -> Vec<Hint> {
    let cost = |h: &Hint| h.key.width() + h.text.width() + 3;
    let fits = |hints: &[Hint]| hints.iter().map(cost).sum::<usize>() <= usize::from(width) + 1;
    if fits(hints) {
        return hints.to_vec();
    }
    let without_arrows: Vec<Hint> = hints
        .iter()
        .filter(|h| h.action != crate::app::Action::SelectPrevious)
        .cloned()
        .collect();
    if without_arrows.len() < hints.len() && fits(&without_arrows) {
        return without_arrows;
    }
    let mut budget =
        usize::from(width).saturating_sub(hints.iter().filter(|h| h.essential).map(cost).sum());
    let mut room = true;
    hints
        .iter()
        .filter(|h| {
            if h.essential {
                return true;
            }
            room = room && cost(h) <= budget;
            if room {
                budget -= cost(h);
            }
            room
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{truncate, wrap_words};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn controls_from_the_data_count_one_column_as_the_stand_in_they_show_as() {
        let title = "Böse\u{1b}]52;c;SGFjaw==\u{7} \u{1b}[6n \u{1b}c \u{9b}31m Ende";
        let cut = truncate(title, 20);
        assert_eq!(cut.width(), 20, "{cut}");
        assert!(!cut.chars().any(crate::safe::is_unsafe), "{cut:?}");
        assert!(cut.starts_with("Böse\u{fffd}]52"), "{cut}");
        let whole = truncate(title, 80);
        assert_eq!(whole.width(), title.chars().count(), "{whole}");
        for line in wrap_words(title, 10, 10) {
            assert!(line.width() <= 10, "{line}");
            assert!(!line.chars().any(crate::safe::is_unsafe), "{line:?}");
        }
    }
}
