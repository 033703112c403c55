//! A document as Markdown: CommonMark, with tables as GitHub writes them.
//! User text is escaped only where it would otherwise become markup.

use std::fmt::Write as _;

use super::doc::{Block, Doc, Inline, Line};

/// The document as Markdown text, ending with one newline.
pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    let mut previous_list = None;
    for block in &doc.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                let _ = writeln!(out, "{hashes} {}", escape(text, false).replace('#', "\\#"));
            }
            Block::Paragraph(line) => {
                out.push_str(&inline(line, false, ""));
                out.push('\n');
            }
            Block::Bullets(items) => {
                // Two lists in a row stay two lists when their bullets differ.
                let bullet = if previous_list == Some('-') { '*' } else { '-' };
                for item in items {
                    let _ = writeln!(out, "{bullet} {}", inline(item, false, "  "));
                }
                previous_list = Some(bullet);
                continue;
            }
            Block::Table { header, rows } => table(&mut out, header, rows),
        }
        previous_list = None;
    }
    out
}

fn table(out: &mut String, header: &[String], rows: &[Vec<Line>]) {
    let cells: Vec<String> = header
        .iter()
        .map(|h| escape(h, false).replace('|', "\\|"))
        .collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| inline(cell, true, "")).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

/// Running text. In a table cell breaks become spaces and pipes are escaped;
/// elsewhere a break is a hard line break and the next line is indented by `indent`.
fn inline(line: &Line, in_cell: bool, indent: &str) -> String {
    let mut out = String::new();
    let mut at_start = true;
    for piece in line {
        let text = match piece {
            Inline::Text(t) => escape(t, at_start && !in_cell),
            Inline::Bold(t) => format!("**{}**", escape(t, false)),
            Inline::Italic(t) => format!("*{}*", escape(t, false)),
            Inline::Link { text, url } => {
                format!(
                    "[{}](<{}>)",
                    escape(text, false),
                    url.replace(['<', '>', ' '], "")
                )
            }
            Inline::Break => {
                if in_cell {
                    out.push(' ');
                } else {
                    out.push_str("\\\n");
                    out.push_str(indent);
                }
                at_start = true;
                continue;
            }
        };
        let text = if in_cell {
            text.replace('|', "\\|")
        } else {
            text
        };
        out.push_str(&text);
        at_start = false;
    }
    out
}

/// Escapes what CommonMark would read as markup: emphasis, code, links, HTML
/// and entities anywhere; headings, quotes, lists and rules at a line's start.
pub fn escape(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' => {
                out.push('\\');
                out.push(ch);
            }
            '&' if chars
                .peek()
                .is_some_and(|c| c.is_alphanumeric() || *c == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(ch),
        }
    }
    if line_start {
        if out.starts_with(['#', '>', '+', '-', '=', '~', '|']) {
            out.insert(0, '\\');
        } else if let Some(mark) = out.find(['.', ')'])
            && mark > 0
            && mark < 10
            && out[..mark].bytes().all(|b| b.is_ascii_digit())
        {
            // "1." or "1)" would begin an ordered list.
            out.insert(mark, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_only_what_is_markup() {
        assert_eq!(escape("a - b (c) 50 % & d", false), "a - b (c) 50 % & d");
        assert_eq!(
            escape("*x* [y] <z> &amp;", false),
            r"\*x\* \[y\] \<z> \&amp;"
        );
        assert_eq!(escape("- keine Liste", true), r"\- keine Liste");
        assert_eq!(escape("2024. Jahr", true), r"2024\. Jahr");
        assert_eq!(escape("# Raute", true), r"\# Raute");
    }
}
