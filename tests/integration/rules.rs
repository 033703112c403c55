//! The seed's rules, not stricter: a report is complete when the exchange is
//! decided and, where there was one, some text is given and the presenter is
//! set; unanswered Leitfragen are hints. The standing item begins with the
//! 43rd session.
#![allow(clippy::unwrap_used)]

use fachmk::domain::{Exchange, Missing, ReportStatus, SessionProgress, missing_for};

use crate::common::{fachmk, sample_data};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn one_answer_and_a_presenter_make_a_complete_report() {
    let mut data = sample_data();
    let s = data.session_mut(48).unwrap();
    let w = s.report_mut("WMK");
    w.presenter = Some("poerksen".into());
    w.status = ReportStatus::Ready;
    let s = data.session(48).unwrap();
    let missing = missing_for(&data, s, "WMK");
    assert!(missing.iter().all(Missing::is_hint), "{missing:?}");
    assert_eq!(missing.len(), 3, "Leitfragen 2–4 as hints: {missing:?}");
    assert_eq!(
        fachmk::i18n::words::hint_line(&missing).unwrap(),
        "Leitfragen 2, 3 und 4 unbeantwortet"
    );
}

#[test]
fn an_exchange_without_any_text_or_presenter_is_a_gap() {
    let mut data = sample_data();
    let r = data.session_mut(48).unwrap().report_mut("UMK");
    r.exchange = Exchange::Yes;
    r.status = ReportStatus::Ready;
    let s = data.session(48).unwrap();
    let missing = missing_for(&data, s, "UMK");
    assert!(missing.contains(&Missing::NoText), "{missing:?}");
    assert!(missing.contains(&Missing::NoPresenter), "{missing:?}");
    assert!(!missing.iter().any(Missing::is_hint), "{missing:?}");
}

#[test]
fn check_passes_with_hints_only_and_names_them_as_hints() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.json");
    let mut data = fachmk::store::bundled();
    let s = data.session_mut(48).unwrap();
    for c in [
        "WMK", "IMK", "FMK", "EJR", "UMK", "BMK", "VMK", "ASMK", "GMK", "KMK", "EnMK", "SMK",
    ] {
        let r = s.report_mut(c);
        r.exchange = Exchange::No;
        r.status = ReportStatus::NoReport;
    }
    let r = s.report_mut("DMK");
    r.exchange = Exchange::Yes;
    r.presenter = Some("Gast: Frau Beispiel".into());
    r.answers.insert("Q3".into(), "Ein Thema.".into());
    r.status = ReportStatus::Ready;
    std::fs::write(&file, fachmk::store::to_bytes(&data, &file).unwrap()).unwrap();
    let out = fachmk(dir.path())
        .args(["check", "--session", "48", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("13/13 Konferenzen fertig"), "{text}");
    assert!(
        text.contains("Hinweis – DMK: Leitfragen 1, 2 und 4 unbeantwortet"),
        "{text}"
    );
}

#[test]
fn sessions_before_the_43rd_are_not_prepared() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.json");
    fachmk(dir.path()).arg("init").arg(&file).assert().success();
    let out = fachmk(dir.path())
        .args(["check", "--session", "42", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "vor dem Tagesordnungspunkt „Reporting FachMK“ (es gibt ihn ab der 43. Sitzung)"
        ),
        "{}",
        stderr(&out)
    );
    // On the screen: the walkthrough of session 42 is refused, with the reason.
    let mut app = fachmk::app::App::new(
        sample_data(),
        crate::common::today(),
        crate::common::fixed_now(),
        "t",
        Some(42),
    );
    assert_eq!(app.session, 42);
    crate::common::press(&mut app, ratatui::crossterm::event::KeyCode::Char('w'));
    assert!(app.walkthrough.is_none());
    let message = app.message.as_ref().unwrap();
    assert!(message.error);
    assert!(
        message.text.contains("ab der 43. Sitzung"),
        "{}",
        message.text
    );
}

#[test]
fn the_dmk_counts_only_from_the_43rd_session() {
    let data = fachmk::store::bundled();
    let at = |n: u32| SessionProgress::of(&data, data.session(n).unwrap()).total();
    assert_eq!(at(42), 12);
    assert_eq!(at(43), 13);
    assert!(data.speakers_at("DMK", 42).people.is_empty());
}

#[test]
fn with_hints_only_the_last_step_offers_ready_first() {
    let mut app = crate::common::app();
    crate::common::type_text(&mut app, "j"); // IMK
    crate::common::type_text(&mut app, "wy");
    crate::common::type_text(&mut app, "Austausch im Januar");
    let mut guard = 0;
    while app.walkthrough.as_ref().unwrap().step != fachmk::app::Step::Presenter {
        if matches!(
            app.walkthrough.as_ref().unwrap().step,
            fachmk::app::Step::Concern(_)
        ) {
            crate::common::type_text(&mut app, "o"); // kept open: decided
            continue;
        }
        crate::common::press(&mut app, ratatui::crossterm::event::KeyCode::Tab);
        guard += 1;
        assert!(guard < 20);
    }
    crate::common::press(&mut app, ratatui::crossterm::event::KeyCode::Enter); // Manke
    let w = app.walkthrough.as_ref().unwrap();
    assert_eq!(w.step, fachmk::app::Step::Ready);
    assert_eq!(w.cursor, 0, "only hints: 'ready' is preselected");
    crate::common::press(&mut app, ratatui::crossterm::event::KeyCode::Enter);
    let s = app.data.session(48).unwrap();
    assert_eq!(s.status_of("IMK"), ReportStatus::Ready);
    let gaps: Vec<_> = missing_for(&app.data, s, "IMK")
        .into_iter()
        .filter(|m| !m.is_hint())
        .collect();
    // A-0001 carried from 47 was kept open on the way, so nothing is missing.
    assert!(gaps.is_empty(), "{gaps:?}");
}
