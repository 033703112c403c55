//! The Word files as a reader opens them: links are real hyperlinks, lists
//! are bullet lists (not one numbering across the document), tables fit the
//! page, and equal input gives equal bytes even with several links.
#![allow(clippy::unwrap_used)]

use std::io::Read as _;

use fachmk::domain::{Dataset, Exchange};
use fachmk::export::{self, Kind};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::common::sample_data;

/// Session 48 with a report linking 2024/15, and two cross-cutting decisions
/// with addresses (one with "&" in it).
fn with_links() -> Dataset {
    let mut data = sample_data();
    for (id, url) in [
        (
            "2024/02",
            "https://www.it-planungsrat.de/beschluss/beschluss-2024-02",
        ),
        (
            "2024/15",
            "https://example.org/beschluss?nr=2024-15&lang=de",
        ),
    ] {
        data.decisions.iter_mut().find(|d| d.id == id).unwrap().url = Some(url.into());
    }
    let w = data.session_mut(48).unwrap().report_mut("WMK");
    w.exchange = Exchange::Yes;
    w.answers
        .insert("Q1".into(), "Themen:\n- eins\n- zwei".into());
    w.decisions = vec!["2024/15".into()];
    data
}

/// The text of the part `name` of a .docx.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn decisions_link_in_markdown_and_in_word() {
    let data = with_links();
    let md = export::markdown(&data, 48);
    let links: Vec<String> = Parser::new_ext(&md, Options::ENABLE_TABLES)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            "https://www.it-planungsrat.de/beschluss/beschluss-2024-02",
            "https://example.org/beschluss?nr=2024-15&lang=de"
        ],
        "{md}"
    );
    let bytes = export::docx(&data, 48, Kind::Tischvorlage).unwrap();
    let document = part(&bytes, "word/document.xml");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert_eq!(
        document.matches("<w:hyperlink r:id=").count(),
        2,
        "{document}"
    );
    for (id, target) in [
        (
            "rIdLink1",
            "https://www.it-planungsrat.de/beschluss/beschluss-2024-02",
        ),
        (
            "rIdLink2",
            "https://example.org/beschluss?nr=2024-15&amp;lang=de",
        ),
    ] {
        assert!(document.contains(&format!("<w:hyperlink r:id=\"{id}\"")));
        assert!(
            rels.contains(&format!(
                "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{target}\" TargetMode=\"External\" />"
            )),
            "{rels}"
        );
    }
    // The address is the link's target, not text beside it.
    assert!(!document.contains("(https://"), "{document}");
    // Built again (new ids from docx-rs's process-wide counter, new hash
    // order of its relationships): the same bytes, also on other threads.
    let again: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| export::docx(&data, 48, Kind::Tischvorlage).unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for other in again {
        assert!(other == bytes, "a second build differs");
    }
}

#[test]
fn lists_are_bullets_and_not_one_numbering_across_the_document() {
    let bytes = export::docx(&with_links(), 48, Kind::Tischvorlage).unwrap();
    let numbering = part(&bytes, "word/numbering.xml");
    let document = part(&bytes, "word/document.xml");
    // The id the list paragraphs use is defined once, as a bullet.
    let used: Vec<&str> = document
        .match_indices("<w:numId w:val=\"")
        .map(|(i, m)| {
            let rest = &document[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert!(used.len() >= 5, "the typed list, decisions, invited");
    assert!(used.iter().all(|id| *id == used[0]));
    let num = format!("<w:num w:numId=\"{}\">", used[0]);
    assert_eq!(numbering.matches(&num).count(), 1, "{numbering}");
    let abstract_id = {
        let rest = &numbering[numbering.find(&num).unwrap() + num.len()..];
        let rest = &rest[rest.find("w:val=\"").unwrap() + 7..];
        rest[..rest.find('"').unwrap()].to_owned()
    };
    let head = format!("<w:abstractNum w:abstractNumId=\"{abstract_id}\">");
    assert_eq!(numbering.matches(&head).count(), 1, "{numbering}");
    let list = &numbering[numbering.find(&head).unwrap()..];
    let list = &list[..list.find("</w:abstractNum>").unwrap()];
    assert!(list.contains("<w:numFmt w:val=\"bullet\" />"), "{list}");
}

#[test]
fn table_columns_fill_the_page_and_keep_long_names_whole() {
    let mut data = with_links();
    let imk = data.session_mut(48).unwrap().report_mut("IMK");
    imk.exchange = Exchange::Yes;
    let bytes = export::docx(&data, 48, Kind::Tischvorlage).unwrap();
    let document = part(&bytes, "word/document.xml");
    let grid = &document[document.find("<w:tblGrid>").unwrap()..];
    let grid = &grid[..grid.find("</w:tblGrid>").unwrap()];
    let widths: Vec<usize> = grid
        .match_indices("<w:gridCol w:w=\"")
        .map(|(i, m)| {
            let rest = &grid[i + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert_eq!(widths.len(), 5, "{grid}");
    // The header row of each table repeats on every page, and only it.
    let tables = document.matches("<w:tbl>").count();
    assert_eq!(tables, 2, "overview and the IMK's concerns");
    assert_eq!(document.matches("<w:tblHeader />").count(), tables);
    let first_row = &document[document.find("<w:tr>").unwrap()..];
    let first_row = &first_row[..first_row.find("</w:tr>").unwrap()];
    assert!(first_row.contains("<w:tblHeader />") && first_row.contains(">FachMK<"));
    let total: usize = widths.iter().sum();
    assert!((8_400..=8_500).contains(&total), "{widths:?}");
    // "Wirtschaftsministerkonferenz" (28 letters of about 90 twips at 9 pt, and
    // the cell's margins) fits the first column, the widest; equal columns
    // would give each 1,700.
    assert!(widths[0] >= 2_700, "{widths:?}");
    assert!(widths.iter().all(|w| *w <= widths[0]), "{widths:?}");
}

#[test]
fn the_documents_name_the_conferences_the_domain_has_at_the_session() {
    // A conference joining with the 49th session, before any Benennung names it.
    let mut data = with_links();
    let mut new = data.conference("DMK").unwrap().clone();
    new.id = "XMK".into();
    new.name = "Neue Ministerkonferenz".into();
    new.from_session = Some(49);
    new.names.clear();
    data.conferences.push(new);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
    data.sessions
        .push(fachmk::domain::Session::new(49, day, None));
    for (n, expected) in [(48, false), (49, true)] {
        assert_eq!(data.conferences_at(n).any(|c| c.id == "XMK"), expected);
        for kind in [Kind::Tischvorlage, Kind::Arbeitsstand] {
            let md = export::markdown_of(&data, n, kind);
            assert_eq!(
                md.contains("Neue Ministerkonferenz (XMK)"),
                expected,
                "{kind:?} of {n}: {md}"
            );
        }
    }
    let md = export::markdown(&data, 49);
    assert!(
        md.contains("| Neue Ministerkonferenz (XMK) | N.N. |"),
        "{md}"
    );
    let rows = md.lines().filter(|l| l.ends_with(" |")).count();
    assert_eq!(
        rows,
        2 + data.conferences_at(49).count(),
        "header, rule, one row each"
    );
}
