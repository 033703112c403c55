//! Questions that must be answered before anything else; each shows its own keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use super::widgets::{centered, popup_block, wrapped_height};
use crate::app::{ConflictDialog, Dialog};

fn keys(pairs: &[(&str, &str)], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, what) in pairs {
        spans.push(Span::styled((*key).to_owned(), theme.key));
        spans.push(Span::raw(format!(" {what}   ")));
    }
    Line::from(spans)
}

/// A field's value as the user reads it.
fn shown(value: Option<&serde_json::Value>) -> String {
    match value {
        None | Some(serde_json::Value::Null) => crate::i18n::t("dialog.deleted").into(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn conflict_lines(dialog: &ConflictDialog, theme: &Theme) -> (String, Vec<Line<'static>>) {
    let total = dialog.merged.conflicts.len();
    let index = dialog.decisions.len().min(total.saturating_sub(1));
    let conflict = &dialog.merged.conflicts[index];
    let mut lines = vec![
        Line::from(Span::styled(conflict.describe(), theme.header)),
        Line::from(crate::i18n::t("dialog.conflict-question")),
        Line::from(""),
        Line::from(Span::styled(crate::i18n::t("dialog.mine"), theme.key)),
    ];
    lines.extend(
        shown(conflict.ours.as_ref())
            .lines()
            .map(|l| Line::from(format!("  {l}"))),
    );
    lines.push(Line::from(Span::styled(
        crate::i18n::t("dialog.theirs"),
        theme.key,
    )));
    lines.extend(
        shown(conflict.theirs.as_ref())
            .lines()
            .map(|l| Line::from(format!("  {l}"))),
    );
    lines.push(Line::from(""));
    let mut options = vec![
        ("m", crate::i18n::t("dialog.mine-short")),
        ("t", crate::i18n::t("dialog.theirs-short")),
    ];
    if conflict.both_are_text() {
        options.push(("b", crate::i18n::t("dialog.both-short")));
    }
    options.push(("Esc", crate::i18n::t("dialog.cancel-nothing-saved")));
    lines.push(keys(&options, theme));
    (
        crate::i18n::tf(
            "dialog.conflict-title",
            &[("index", &(index + 1)), ("total", &total)],
        ),
        lines,
    )
}

impl Dialog {
    /// Draws the dialog in the middle of `area`, with its own keys.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let (title, lines) = match self {
            Dialog::QuitUnsaved => (
                crate::i18n::t("dialog.unsaved-title").to_owned(),
                vec![
                    Line::from(crate::i18n::t("dialog.unsaved")),
                    Line::from(""),
                    keys(
                        &[
                            ("s", crate::i18n::t("dialog.save-quit")),
                            ("d", crate::i18n::t("dialog.discard-quit")),
                            ("Esc", crate::i18n::t("hint.cancel")),
                        ],
                        theme,
                    ),
                ],
            ),
            Dialog::LoadFailed { reason, backup } => {
                let mut lines = vec![
                    Line::from(Span::styled(reason.clone(), theme.error)),
                    Line::from(""),
                    Line::from(crate::i18n::t("dialog.file-unchanged")),
                ];
                if let Some(b) = backup {
                    lines.push(keys(
                        &[("o", &crate::i18n::tf("dialog.view-backup", &[("b", &b)]))],
                        theme,
                    ));
                }
                lines.push(keys(&[("Enter", crate::i18n::t("dialog.quit"))], theme));
                (crate::i18n::t("dialog.cannot-open").to_owned(), lines)
            }
            Dialog::Conflicts(c) => conflict_lines(c, theme),
            Dialog::Recovery { at, changes, show } => {
                let mut lines = vec![
                    Line::from(crate::i18n::tf("dialog.recovery-from", &[("at", &at)])),
                    Line::from(crate::i18n::tn(
                        "dialog.recovery-changes",
                        changes.len(),
                        &[],
                    )),
                    Line::from(""),
                ];
                if *show {
                    lines.extend(changes.iter().map(|c| Line::from(format!("  • {c}"))));
                    lines.push(Line::from(""));
                }
                lines.push(keys(
                    &[
                        ("w", "wiederherstellen"),
                        (
                            "v",
                            if *show {
                                crate::i18n::t("dialog.hide-list")
                            } else {
                                crate::i18n::t("dialog.show-differences")
                            },
                        ),
                        ("d", "verwerfen"),
                    ],
                    theme,
                ));
                (crate::i18n::t("dialog.recovery-title").to_owned(), lines)
            }
            Dialog::Overwrite { path, link, .. } => {
                let mut lines = vec![Line::from(crate::i18n::tf(
                    "dialog.overwrite-question",
                    &[("path", path)],
                ))];
                if *link {
                    lines.push(Line::from(crate::i18n::t("dialog.overwrite-link")));
                }
                lines.push(Line::from(""));
                lines.push(keys(
                    &[
                        ("j", crate::i18n::t("dialog.overwrite")),
                        ("Enter/Esc", crate::i18n::t("dialog.keep")),
                    ],
                    theme,
                ));
                (crate::i18n::t("dialog.overwrite-title").to_owned(), lines)
            }
        };
        let width = area.width.min(76);
        let height = wrapped_height(&lines, width.saturating_sub(2)) + 2;
        let popup = centered(area, width, height);
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(popup_block(title, theme)),
            popup,
        );
    }
}
