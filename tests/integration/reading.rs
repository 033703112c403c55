//! The documents read as the Geschäftsstelle reads them: the Arbeitsstand
//! keeps gaps and hints apart (the Leitfragen are examples), the
//! Nachbesprechung speaks of a held meeting in the past.
#![allow(clippy::unwrap_used)]

use fachmk::domain::{Debrief, Exchange, ReportStatus};
use fachmk::export::{self, Kind};

use crate::common::sample_data;

/// The part of `md` from heading `from` up to the next heading of level 2.
fn section<'a>(md: &'a str, from: &str) -> &'a str {
    let start = md.find(from).unwrap_or_else(|| panic!("{from} in {md}"));
    let rest = &md[start + from.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn unanswered_leitfragen_are_hints_in_the_arbeitsstand_not_gaps() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let mut data = sample_data();
    let s = data.session_mut(48).unwrap();
    // Complete by the seed's rule: exchange, some text, a presenter, ready.
    let w = s.report_mut("WMK");
    w.presenter = Some("poerksen".into());
    w.answers.insert("Q3".into(), "Pilot".into());
    w.status = ReportStatus::Ready;
    // Three of four answered: one hint, in the singular.
    let i = s.report_mut("IMK");
    i.exchange = Exchange::Yes;
    for q in ["Q1", "Q2", "Q3"] {
        i.answers.insert(q.into(), "Text".into());
    }
    let md = export::markdown_of(&data, 48, Kind::Arbeitsstand);
    let gaps = section(&md, "## Was fehlt\n");
    assert!(
        !gaps.contains("**WMK**"),
        "a complete report is no gap: {gaps}"
    );
    assert!(!gaps.contains("unbeantwortet"), "{gaps}");
    assert!(
        gaps.contains("- **IMK**: niemand trägt vor; Bericht nicht als fertig markiert;"),
        "{gaps}"
    );
    let hints = section(&md, "## Hinweise\n");
    assert!(hints.contains("Die Leitfragen sind Beispiele, keine Pflicht"));
    assert!(
        hints.contains("- **WMK**: Leitfragen 2 und 4 unbeantwortet\n"),
        "{hints}"
    );
    assert!(
        hints.contains("- **IMK**: Leitfrage 4 unbeantwortet\n"),
        "{hints}"
    );
    // Without unanswered Leitfragen there is no such section.
    let bare = export::markdown_of(&sample_data(), 47, Kind::Arbeitsstand);
    assert!(
        bare.contains("Leitfragen 2, 3 und 4 unbeantwortet"),
        "{bare}"
    );
    let mut all = sample_data();
    let r = all.session_mut(47).unwrap().report_mut("IMK");
    for q in ["Q2", "Q3", "Q4"] {
        r.answers.insert(q.into(), "Text".into());
    }
    let md = export::markdown_of(&all, 47, Kind::Arbeitsstand);
    assert!(!md.contains("## Hinweise"), "{md}");
}

#[test]
fn a_held_debrief_had_its_invited_in_the_past() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let mut data = sample_data();
    let planned = export::markdown_of(&data, 48, Kind::Nachbesprechung);
    assert!(
        planned.contains("Termin: 17.12.2025 per Videokonferenz.\n\nEingeladen sind:"),
        "{planned}"
    );
    data.session_mut(48).unwrap().debrief = Some(Debrief {
        held_on: chrono::NaiveDate::from_ymd_opt(2025, 12, 17),
        ..Debrief::default()
    });
    let held = export::markdown_of(&data, 48, Kind::Nachbesprechung);
    assert!(
        held.contains("Durchgeführt am 17.12.2025 per Videokonferenz.\n\nEingeladen waren:"),
        "{held}"
    );
    fachmk::i18n::set(fachmk::i18n::Lang::En);
    let english = export::markdown_of(&data, 48, Kind::Nachbesprechung);
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    assert!(english.contains("Invited were:"), "{english}");
}

#[test]
fn the_outcome_of_a_concern_closed_in_the_session_is_in_both_documents() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let mut app = fachmk::app::App::new(
        sample_data(),
        crate::common::today(),
        crate::common::fixed_now(),
        "tester",
        Some(48),
    );
    assert!(app.set_exchange("IMK", Exchange::Yes));
    assert!(app.decide_concern_noted(
        "A-0001",
        fachmk::domain::ConcernStatus::Resolved,
        "Projekt gestartet"
    ));
    let work = export::markdown_of(&app.data, 48, Kind::Arbeitsstand);
    assert!(
        work.contains("(A-0001, seit 47. Sitzung, erledigt) – Ergebnis: Projekt gestartet\n"),
        "{work}"
    );
    let handout = export::markdown(&app.data, 48);
    assert!(
        handout.contains("| erledigt: Projekt gestartet |"),
        "{handout}"
    );
    // Not in the next session's: there it is no longer carried.
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 18).unwrap();
    assert!(app.add_session(fachmk::domain::Session::new(49, day, None)));
    let next = export::markdown_of(&app.data, 49, Kind::Arbeitsstand);
    assert!(!next.contains("Projekt gestartet"), "{next}");
}

#[test]
fn the_arbeitsstand_counts_conferences_in_singular_and_plural() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let mut data = sample_data();
    let md = export::markdown_of(&data, 48, Kind::Arbeitsstand);
    assert!(md.contains(" · 1 von 13 Konferenzen fertig\n"), "{md}");
    data.conferences.retain(|c| c.id == "IMK");
    let md = export::markdown_of(&data, 48, Kind::Arbeitsstand);
    assert!(md.contains(" · 0 von 1 Konferenz fertig\n"), "{md}");
    fachmk::i18n::set(fachmk::i18n::Lang::En);
    let md = export::markdown_of(&data, 48, Kind::Arbeitsstand);
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    assert!(md.contains(" · 0 of 1 conference done\n"), "{md}");
}

#[test]
fn the_handout_says_three_weeks_only_where_it_is_so() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let mut data = sample_data();
    let md = export::markdown(&data, 48);
    assert!(
        md.contains("findet am 17.12.2025 per Videokonferenz statt, drei Wochen nach der Sitzung."),
        "{md}"
    );
    // Moved by hand (or off a holiday): the date, without the claim.
    data.session_mut(48).unwrap().debrief_date =
        chrono::NaiveDate::from_ymd_opt(2025, 12, 18).unwrap();
    let md = export::markdown(&data, 48);
    assert!(
        md.contains("findet am 18.12.2025 per Videokonferenz statt. In ihr"),
        "{md}"
    );
    assert!(!md.contains("drei Wochen"), "{md}");
}

#[test]
fn the_calendar_has_the_debrief_on_the_day_it_was_held() {
    let mut data = sample_data();
    assert!(export::ics(&data, 48).contains("DTSTART;VALUE=DATE:20251217\r\n"));
    data.session_mut(48).unwrap().debrief = Some(Debrief {
        held_on: chrono::NaiveDate::from_ymd_opt(2025, 12, 19),
        ..Debrief::default()
    });
    let ics = export::ics(&data, 48);
    assert!(ics.contains("DTSTART;VALUE=DATE:20251219\r\n"), "{ics}");
    assert!(!ics.contains("DTSTART;VALUE=DATE:20251217"), "{ics}");
}

#[test]
fn a_guest_with_an_affiliation_gets_one_pair_of_parentheses() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let mut data = sample_data();
    let s = data.session_mut(48).unwrap();
    let i = s.report_mut("IMK");
    i.exchange = Exchange::Yes;
    i.presenter = Some(" Dr. Erika Gast (BMI) ".into());
    let u = s.report_mut("UMK");
    u.exchange = Exchange::Yes;
    u.presenter = Some("Max Muster".into());
    for kind in [Kind::Tischvorlage, Kind::Arbeitsstand] {
        let md = export::markdown_of(&data, 48, kind);
        assert!(md.contains("Dr. Erika Gast (BMI, Gast)"), "{md}");
        assert!(!md.contains(") (Gast)"), "{md}");
        assert!(md.contains("Max Muster (Gast)"), "{md}");
    }
}

#[test]
fn the_conferences_without_report_are_listed_with_und_before_the_last() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let mut data = sample_data();
    let s = data.session_mut(48).unwrap();
    for id in ["WMK", "IMK", "FMK"] {
        s.report_mut(id).exchange = Exchange::No;
    }
    let md = export::markdown_of(&data, 48, Kind::Tischvorlage);
    let without = section(&md, "## 3. Ohne Bericht");
    assert!(
        without.contains(
            "erforderlich: Wirtschaftsministerkonferenz (WMK), Innenministerkonferenz (IMK) \
             und Finanzministerkonferenz (FMK).\n"
        ),
        "{without}"
    );
    assert!(
        without.contains("Sportministerkonferenz (SMK) und Digitalministerkonferenz (DMK).\n"),
        "{without}"
    );
}

#[test]
fn every_table_header_starts_with_a_capital_letter() {
    fachmk::i18n::set(fachmk::i18n::Lang::De);
    let mut data = sample_data();
    data.session_mut(48).unwrap().report_mut("WMK").presenter = Some("poerksen".into());
    let mut checked = 0;
    for kind in [Kind::Tischvorlage, Kind::Nachbesprechung] {
        let md = export::markdown_of(&data, 48, kind);
        let lines: Vec<&str> = md.lines().collect();
        let headers: Vec<&str> = lines
            .windows(2)
            .filter(|w| w[1].starts_with("| ---"))
            .map(|w| w[0])
            .collect();
        for header in headers {
            checked += 1;
            for cell in header.split('|').map(str::trim).filter(|c| !c.is_empty()) {
                assert!(
                    cell.starts_with(|c: char| c.is_uppercase()),
                    "{cell} in {header}"
                );
            }
        }
    }
    assert!(checked >= 1, "no table found");
}
