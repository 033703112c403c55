//! A document as its reader sees it, for the screen's preview: the words of
//! headings, paragraphs, lists and tables without Markdown's marks and
//! escapes. One line of text per paragraph, list item and table row; the
//! screen wraps them (list items under their text).

use std::fmt::Write as _;

use super::doc::{Block, Doc, Inline, Line};

/// Marks a list item (and a table row); the screen hangs its wrapped lines
/// under the text after it.
pub const BULLET: &str = "• ";

/// The document as plain text, one line per paragraph, item or row, blocks
/// apart by a blank line.
pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading(_, text) => {
                let _ = writeln!(out, "{text}");
            }
            Block::Paragraph(line) => {
                let _ = writeln!(out, "{}", inline(line, ""));
            }
            Block::Bullets(items) => {
                for item in items {
                    let _ = writeln!(out, "{BULLET}{}", inline(item, "  "));
                }
            }
            Block::Table { header, rows } => {
                let _ = writeln!(out, "{}", header.join(" · "));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(cell_text).collect();
                    let _ = writeln!(out, "{BULLET}{}", cells.join(" · "));
                }
            }
        }
    }
    out
}

/// Running text; a break starts a new line, indented by `indent`.
fn inline(line: &Line, indent: &str) -> String {
    let mut out = String::new();
    for piece in line {
        match piece {
            Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) => out.push_str(t),
            Inline::Link { text, url } if text == url => out.push_str(text),
            Inline::Link { text, url } => {
                let _ = write!(out, "{text} ({url})");
            }
            Inline::Break => {
                out.push('\n');
                out.push_str(indent);
            }
        }
    }
    out
}

/// A table cell on one line: its breaks become spaces.
fn cell_text(cell: &Line) -> String {
    inline(cell, "").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::render;
    use crate::export::doc::{Doc, Inline};

    #[test]
    fn no_marks_and_no_escapes() {
        let mut doc = Doc::default();
        doc.heading(1, "TOP __ · Reporting *FachMK*");
        doc.paragraph(vec![
            Inline::Bold("2024/15".into()),
            Inline::Text(" a_b [c] 1. x".into()),
        ]);
        doc.bullets(vec![vec![
            Inline::Text("eins".into()),
            Inline::Break,
            Inline::Text("zwei".into()),
        ]]);
        doc.table(
            vec!["A".into(), "B".into()],
            vec![vec![vec![Inline::Text("x|y".into())], vec![]]],
        );
        assert_eq!(
            render(&doc),
            "TOP __ · Reporting *FachMK*\n\n2024/15 a_b [c] 1. x\n\n• eins\n  zwei\n\nA · B\n• x|y · \n"
        );
    }
}
