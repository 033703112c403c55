//! A document as Word (.docx) through docx-rs: headings in Word's heading
//! styles, bullet lists as numbered paragraphs, tables as tables, so the
//! file can go straight into the Sitzungsunterlage.

use docx_rs::{
    AbstractNumbering, BreakType, Docx, Hyperlink, HyperlinkData, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, ParagraphChild, Run,
    RunFonts, SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableLayoutType,
    TableRow, WidthType,
};

use super::doc::{Block, Doc, Inline, Line};

/// The numbering of bullet lists. Not 1: docx-rs brings a decimal numbering
/// of its own under that id, and Word and LibreOffice take the first one, so
/// every list came out numbered "1.", "2.", … across the whole document.
const BULLETS: usize = 2;

/// The document as the bytes of a .docx file. The same document always gives
/// the same bytes (no time stamps; docx-rs numbers paragraphs per thread, so
/// each file is built on a thread of its own; links are numbered per document
/// and their relationships sorted, see [`Links`]).
pub fn render(doc: &Doc) -> std::io::Result<Vec<u8>> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| build(doc))
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("docx")))
    })
}

fn build(doc: &Doc) -> std::io::Result<Vec<u8>> {
    let mut docx = styled(Docx::new());
    let mut links = Links::default();
    let mut runs = |paragraph: Paragraph, line: &Line| links.runs(paragraph, line);
    for block in &doc.blocks {
        docx = match block {
            Block::Heading(level, text) => docx.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(text))
                    .style(&format!("Heading{}", (*level).clamp(1, 4)))
                    .keep_next(true),
            ),
            Block::Paragraph(line) => docx.add_paragraph(runs(Paragraph::new(), line)),
            Block::Bullets(items) => items.iter().fold(docx, |docx, item| {
                docx.add_paragraph(
                    runs(Paragraph::new(), item)
                        .style("ListParagraph")
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                )
            }),
            Block::Table { header, rows } => docx.add_table(table(header, rows, &mut runs)),
        };
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    // Fixed dates, so the same document gives the same bytes.
    let mut xml = docx
        .created_at("2000-01-01T00:00:00Z")
        .updated_at("2000-01-01T00:00:00Z")
        .build();
    xml.document_rels = sorted_relationships(&xml.document_rels);
    xml.document = repeat_header_rows(&xml.document);
    xml.pack(&mut bytes).map_err(std::io::Error::other)?;
    Ok(bytes.into_inner())
}

/// The links of one document. docx-rs numbers the relationships of links
/// process-wide (`Hyperlink::new`) and writes them in the order of a hash
/// map; here they are numbered from 1 in each document, and
/// [`sorted_relationships`] puts them in order, so equal input gives equal bytes.
#[derive(Default)]
struct Links {
    count: usize,
}

impl Links {
    /// Running text as runs of a paragraph; a link as a real hyperlink.
    fn runs(&mut self, paragraph: Paragraph, line: &Line) -> Paragraph {
        line.iter().fold(paragraph, |p, piece| match piece {
            Inline::Text(t) => p.add_run(Run::new().add_text(t)),
            Inline::Bold(t) => p.add_run(Run::new().add_text(t).bold()),
            Inline::Italic(t) => p.add_run(Run::new().add_text(t).italic()),
            Inline::Link { text, url } => {
                self.count += 1;
                p.add_hyperlink(Hyperlink {
                    link: HyperlinkData::External {
                        rid: format!("rIdLink{}", self.count),
                        // docx-rs writes the relationship's target as given.
                        path: xml_escape(url),
                    },
                    history: None,
                    children: vec![ParagraphChild::Run(Box::new(
                        Run::new().add_text(text).style(LINK_STYLE),
                    ))],
                })
            }
            Inline::Break => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
        })
    }
}

/// The character style of links, as Word names it.
const LINK_STYLE: &str = "Hyperlink";

/// The paragraph style of table cells: 9 pt, without space after.
const TABLE_STYLE: &str = "TableText";

/// Text as an XML attribute value.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
    out
}

/// `word/document.xml` with the first row of every table marked as its
/// header, repeated on each page the table runs over (docx-rs has no setting
/// for it). Every row is written with `cantSplit`; user text is escaped, so
/// the markup searched for is ours.
fn repeat_header_rows(xml: &[u8]) -> Vec<u8> {
    const ROW: &str = "<w:trPr><w:cantSplit /></w:trPr>";
    const HEADER: &str = "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>";
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let mut parts = text.split("<w:tbl>");
    let mut out = String::with_capacity(text.len() + 256);
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        out.push_str("<w:tbl>");
        out.push_str(&part.replacen(ROW, HEADER, 1));
    }
    out.into_bytes()
}

/// `word/_rels/document.xml.rels` with its relationships in the order of
/// their text (their order means nothing to Word).
fn sorted_relationships(xml: &[u8]) -> Vec<u8> {
    const OPEN: &str = "<Relationship ";
    const CLOSE: &str = "</Relationships>";
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let (Some(first), Some(end)) = (text.find(OPEN), text.rfind(CLOSE)) else {
        return xml.to_vec();
    };
    let mut items: Vec<&str> = text[first..end]
        .split_inclusive("/>")
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    items.sort_unstable();
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    for item in items {
        out.push_str(item);
    }
    out.push_str(&text[end..]);
    out.into_bytes()
}

/// Word's own style names, so headings land in the navigation pane and the
/// table of contents of the Sitzungsunterlage.
fn styled(docx: Docx) -> Docx {
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level - 1)
            .size(size)
            .bold()
            .line_spacing(LineSpacing::new().before(240).after(120))
    };
    docx.default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(120))
        .add_style(heading(1, 32))
        .add_style(heading(2, 28))
        .add_style(heading(3, 24))
        .add_style(heading(4, 22))
        .add_style(
            Style::new("ListParagraph", StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal")
                .line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(
            Style::new(TABLE_STYLE, StyleType::Paragraph)
                .name("Table Text")
                .based_on("Normal")
                .size(18)
                .line_spacing(LineSpacing::new().after(0)),
        )
        .add_style(
            Style::new(LINK_STYLE, StyleType::Character)
                .name("Hyperlink")
                .color("0563C1")
                .underline("single"),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// The width of the text on the page: A4 (11,906 twips) less docx-rs's
/// margins of 1,701 twips on either side.
const TEXT_WIDTH: usize = 8_500;

/// Roughly the width of one character of table text (9 pt, measured with
/// LibreOffice's stand-in for Arial, which is wider), and the margins of a
/// cell, in twips. Bold header text is two fifths wider.
const CHAR_WIDTH: usize = 95;
const CELL_MARGINS: usize = 230;

fn table(
    header: &[String],
    rows: &[Vec<Line>],
    runs: &mut impl FnMut(Paragraph, &Line) -> Paragraph,
) -> Table {
    let widths = column_widths(header, rows);
    let cell = |paragraph: Paragraph, width: usize| {
        TableCell::new()
            .width(width, WidthType::Dxa)
            .add_paragraph(paragraph.style(TABLE_STYLE))
    };
    let head = TableRow::new(
        header
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(Paragraph::new().add_run(Run::new().add_text(h).bold()), *w))
            .collect(),
    )
    .cant_split();
    let body: Vec<TableRow> = rows
        .iter()
        .map(|row| {
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| cell(runs(Paragraph::new(), c), *w))
                    .collect(),
            )
            .cant_split()
        })
        .collect();
    Table::new(std::iter::once(head).chain(body).collect())
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_grid(widths)
}

/// Column widths in twips that fill the text width: each column at least as
/// wide as its longest word (so "Wirtschaftsministerkonferenz" is not broken
/// inside), the rest shared by how much text a column holds.
fn column_widths(header: &[String], rows: &[Vec<Line>]) -> Vec<usize> {
    let columns = header.len().max(1);
    let mut least = vec![0; columns];
    let mut want = vec![0; columns];
    let texts = rows.iter().flat_map(|row| {
        row.iter()
            .enumerate()
            .map(|(i, cell)| (i, plain_text(cell), false))
    });
    let header = header.iter().enumerate().map(|(i, h)| (i, h.clone(), true));
    for (i, text, is_header) in header.chain(texts).filter(|(i, ..)| *i < columns) {
        let longest = text
            .split_whitespace()
            .map(unbroken_width)
            .max()
            .unwrap_or(0);
        let char_width = if is_header {
            CHAR_WIDTH * 7 / 5
        } else {
            CHAR_WIDTH
        };
        least[i] = least[i].max(longest * char_width + CELL_MARGINS);
        if !is_header {
            // Long texts wrap; beyond about 45 characters a column wants no more.
            want[i] = want[i].max(text.chars().count().min(45) * CHAR_WIDTH + CELL_MARGINS);
        }
    }
    let want: Vec<usize> = want.iter().zip(&least).map(|(w, l)| *w.max(l)).collect();
    let (sum_least, sum_want) = (least.iter().sum::<usize>(), want.iter().sum::<usize>());
    let widths: Vec<usize> = if sum_least >= TEXT_WIDTH {
        least.iter().map(|l| l * TEXT_WIDTH / sum_least).collect()
    } else if sum_want <= TEXT_WIDTH {
        want.iter().map(|w| w * TEXT_WIDTH / sum_want).collect()
    } else {
        let room = TEXT_WIDTH - sum_least;
        least
            .iter()
            .zip(&want)
            .map(|(l, w)| l + (w - l) * room / (sum_want - sum_least))
            .collect()
    };
    widths
}

/// The characters of `word` that stay on one line: a long word breaks after
/// its hyphens ("Mecklenburg-Vorpommern"), a short one ("A-0001") does not.
fn unbroken_width(word: &str) -> usize {
    let whole = word.chars().count();
    if whole <= 12 {
        return whole;
    }
    word.split_inclusive('-')
        .map(|part| part.chars().count())
        .max()
        .unwrap_or(whole)
}

/// The text of running text, for measuring.
fn plain_text(line: &Line) -> String {
    line.iter()
        .map(|piece| match piece {
            Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) => t.as_str(),
            Inline::Link { text, .. } => text.as_str(),
            Inline::Break => " ",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{sorted_relationships, unbroken_width};

    #[test]
    fn long_words_break_after_hyphens_short_ones_stay_whole() {
        assert_eq!(unbroken_width("A-0001"), 6);
        assert_eq!(unbroken_width("(Mecklenburg-Vorpommern);"), 13);
        assert_eq!(unbroken_width("Wirtschaftsministerkonferenz"), 28);
    }

    #[test]
    fn relationships_come_in_one_order() {
        let a = r#"<?xml version="1.0"?><Relationships x="y"><Relationship Id="rIdLink2" /><Relationship Id="rId1" /><Relationship Id="rIdLink1" /></Relationships>"#;
        let b = r#"<?xml version="1.0"?><Relationships x="y"><Relationship Id="rIdLink1" /><Relationship Id="rIdLink2" /><Relationship Id="rId1" /></Relationships>"#;
        let sorted = sorted_relationships(a.as_bytes());
        assert_eq!(sorted, sorted_relationships(b.as_bytes()));
        assert_eq!(
            String::from_utf8(sorted).unwrap_or_default(),
            r#"<?xml version="1.0"?><Relationships x="y"><Relationship Id="rId1" /><Relationship Id="rIdLink1" /><Relationship Id="rIdLink2" /></Relationships>"#
        );
    }
}
