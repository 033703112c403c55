//! A document as headings, paragraphs, lists and tables: what the three
//! documents are built as, and what Markdown and Word are written from, so
//! both formats always say the same.

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Bold(String),
    Italic(String),
    Link {
        text: String,
        url: String,
    },
    /// A line break within the paragraph, as the user typed it.
    Break,
}

/// Running text: a paragraph, a list item or a table cell.
pub type Line = Vec<Inline>;

/// A block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 1 to 4.
    Heading(u8, String),
    Paragraph(Line),
    Bullets(Vec<Line>),
    /// A header row and rows of cells, each as running text.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Line>>,
    },
}

/// A whole document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    pub fn paragraph(&mut self, line: Line) {
        if !line.is_empty() {
            self.blocks.push(Block::Paragraph(line));
        }
    }

    /// A paragraph of plain text.
    pub fn text(&mut self, text: impl Into<String>) {
        self.paragraph(vec![Inline::Text(text.into())]);
    }

    pub fn bullets(&mut self, items: Vec<Line>) {
        if !items.is_empty() {
            self.blocks.push(Block::Bullets(items));
        }
    }

    pub fn table(&mut self, header: Vec<String>, rows: Vec<Vec<Line>>) {
        self.blocks.push(Block::Table { header, rows });
    }

    /// The user's text as typed: paragraphs at blank lines, line breaks kept,
    /// lines beginning "- " (or "* ", "• ") as a list.
    pub fn user_text(&mut self, text: &str) {
        self.blocks.extend(user_blocks(text));
    }
}

/// Plain text as running text.
pub fn plain(text: impl Into<String>) -> Line {
    vec![Inline::Text(text.into())]
}

/// Text of one line: the user's line breaks and runs of spaces become one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The blocks of text the user typed.
fn user_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut items: Vec<Line> = Vec::new();
    let flush_lines = |lines: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if lines.is_empty() {
            return;
        }
        let mut line = Vec::new();
        for (i, l) in lines.drain(..).enumerate() {
            if i > 0 {
                line.push(Inline::Break);
            }
            line.push(Inline::Text(l.trim().to_owned()));
        }
        blocks.push(Block::Paragraph(line));
    };
    let flush_items = |items: &mut Vec<Line>, blocks: &mut Vec<Block>| {
        if !items.is_empty() {
            blocks.push(Block::Bullets(std::mem::take(items)));
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush_lines(&mut lines, &mut blocks);
            flush_items(&mut items, &mut blocks);
        } else if let Some(item) = ["- ", "* ", "• ", "– "]
            .iter()
            .find_map(|bullet| line.strip_prefix(bullet))
        {
            flush_lines(&mut lines, &mut blocks);
            items.push(plain(item.trim()));
        } else if !items.is_empty() && raw.starts_with([' ', '\t']) {
            // An indented line continues the list item above it.
            if let Some(Inline::Text(last)) = items.last_mut().and_then(|i| i.last_mut()) {
                last.push(' ');
                last.push_str(line);
            }
        } else {
            flush_items(&mut items, &mut blocks);
            lines.push(line);
        }
    }
    flush_lines(&mut lines, &mut blocks);
    flush_items(&mut items, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::{Block, Inline, plain, user_blocks};

    #[test]
    fn paragraphs_breaks_and_lists_as_typed() {
        let blocks = user_blocks("Erste Zeile\nzweite Zeile\n\n- eins\n- zwei\n  weiter\nDanach");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![
                    Inline::Text("Erste Zeile".into()),
                    Inline::Break,
                    Inline::Text("zweite Zeile".into()),
                ]),
                Block::Bullets(vec![plain("eins"), plain("zwei weiter")]),
                Block::Paragraph(plain("Danach")),
            ]
        );
    }
}
