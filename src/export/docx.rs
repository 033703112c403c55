//! A document as Word (.docx) through docx-rs: headings in Word's heading
//! styles, bullet lists as numbered paragraphs, tables as tables, so the
//! file can go straight into the Sitzungsunterlage.

use docx_rs::{
    AbstractNumbering, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
    Table, TableCell, TableRow,
};

use super::doc::{Block, Doc, Inline, Line};

/// The numbering of bullet lists.
const BULLETS: usize = 1;

/// The document as the bytes of a .docx file. The same document always gives
/// the same bytes (no time stamps; docx-rs numbers paragraphs per thread, so
/// each file is built on a thread of its own).
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
            Block::Table { header, rows } => docx.add_table(table(header, rows)),
        };
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    // Fixed dates, so the same document gives the same bytes.
    docx.created_at("2000-01-01T00:00:00Z")
        .updated_at("2000-01-01T00:00:00Z")
        .pack(&mut bytes)
        .map_err(std::io::Error::other)?;
    Ok(bytes.into_inner())
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
    };
    docx.default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .add_style(heading(1, 32))
        .add_style(heading(2, 28))
        .add_style(heading(3, 24))
        .add_style(heading(4, 22))
        .add_style(
            Style::new("ListParagraph", StyleType::Paragraph)
                .name("List Paragraph")
                .based_on("Normal"),
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

/// Running text as runs of a paragraph.
fn runs(paragraph: Paragraph, line: &Line) -> Paragraph {
    line.iter().fold(paragraph, |p, piece| match piece {
        Inline::Text(t) => p.add_run(Run::new().add_text(t)),
        Inline::Bold(t) => p.add_run(Run::new().add_text(t).bold()),
        Inline::Italic(t) => p.add_run(Run::new().add_text(t).italic()),
        // The address in full: docx-rs numbers links process-wide, which
        // would make the same document differ from run to run.
        Inline::Link { text, url } => p.add_run(Run::new().add_text(format!("{text} ({url})"))),
        Inline::Break => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
    })
}

fn table(header: &[String], rows: &[Vec<Line>]) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .map(|h| {
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(h).bold()))
            })
            .collect(),
    );
    let body = rows.iter().map(|row| {
        TableRow::new(
            row.iter()
                .map(|cell| TableCell::new().add_paragraph(runs(Paragraph::new(), cell)))
                .collect(),
        )
    });
    // Columns of equal width across the text (A4 less margins, in twips).
    let width = 9_000 / header.len().max(1);
    Table::new(std::iter::once(head).chain(body).collect()).set_grid(vec![width; header.len()])
}
