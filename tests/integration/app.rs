//! The state machine without a terminal: keys in, state and effects out.
#![allow(clippy::unwrap_used)]

use crate::common::{app, ctrl, press, type_text};
use fachmk::app::{Action, Effect, Layer, Overlay, Pane, Step};
use fachmk::domain::{ConcernStatus, Exchange, ReportStatus};
use ratatui::crossterm::event::KeyCode;

fn report_status(app: &fachmk::app::App, conference: &str) -> ReportStatus {
    app.current_session().unwrap().status_of(conference)
}

#[test]
fn starts_on_the_session_to_prepare_without_a_dialog() {
    let app = app();
    assert_eq!(app.session, 48); // today is 10.11.2025, session 48 is on 26.11.2025
    assert_eq!(app.layer(), Layer::Main);
    assert!(app.dialog.is_none());
    assert!(!app.dirty);
}

#[test]
fn arrows_and_vim_keys_move_the_selection_and_tab_cycles_panes() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "j");
    assert_eq!(app.conference_id(), "FMK");
    type_text(&mut app, "k");
    assert_eq!(app.conference_id(), "IMK");
    type_text(&mut app, "G");
    assert_eq!(app.conference_id(), "DMK");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.conference_id(), "DMK", "stays at the end");
    type_text(&mut app, "g");
    assert_eq!(app.conference_id(), "WMK");
    for expected in [
        Pane::Speakers,
        Pane::Concerns,
        Pane::Questions,
        Pane::Conferences,
    ] {
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.main.focus, expected);
    }
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.main.focus, Pane::Questions);
}

#[test]
fn no_exchange_is_one_key_in_the_main_view() {
    let mut app = app();
    type_text(&mut app, "jjj-"); // EJR
    assert_eq!(report_status(&app, "EJR"), ReportStatus::NoReport);
    assert!(app.dirty);
    // Without an exchange there is no report to mark ready.
    type_text(&mut app, "f");
    assert_eq!(report_status(&app, "EJR"), ReportStatus::NoReport);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("nichts fertig zu melden")
    );
}

#[test]
fn walkthrough_no_exchange_records_no_report_and_moves_on_at_once() {
    let mut app = app();
    type_text(&mut app, "j"); // IMK
    type_text(&mut app, "w");
    assert_eq!(app.layer(), Layer::Walkthrough);
    assert_eq!(app.walkthrough.as_ref().unwrap().step, Step::Exchange);
    type_text(&mut app, "n");
    assert_eq!(report_status(&app, "IMK"), ReportStatus::NoReport);
    let w = app.walkthrough.as_ref().unwrap();
    // FMK is already done (no report), so the next one not done is EJR.
    assert_eq!((w.conference.as_str(), &w.step), ("EJR", &Step::Exchange));
}

#[test]
fn walkthrough_full_conference_with_answers_concern_decision_presenter() {
    let mut app = app();
    type_text(&mut app, "jw"); // IMK
    type_text(&mut app, "y");
    assert_eq!(app.layer(), Layer::Editor);
    // Last session's answer is shown beside the editor.
    let reference = app.editor.as_ref().unwrap().reference.clone().unwrap();
    assert_eq!(reference.0, "47. Sitzung");
    assert!(reference.1.contains("Geschäftsstelle"));
    type_text(&mut app, "Wöchentlicher Austausch\nmit Grüßen");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Positiv");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Registermodernisierung");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Keine");
    press(&mut app, KeyCode::Tab);
    // The concern carried over from session 47.
    assert_eq!(
        app.walkthrough.as_ref().unwrap().step,
        Step::Concern("A-0001".into())
    );
    type_text(&mut app, "b"); // in Bearbeitung
    assert_eq!(app.walkthrough.as_ref().unwrap().step, Step::NewConcerns);
    press(&mut app, KeyCode::Enter); // add
    type_text(&mut app, "Neues Anliegen: Datenaustausch\n");
    press(&mut app, KeyCode::Esc); // details stay empty
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.walkthrough.as_ref().unwrap().step, Step::Decisions);
    type_text(&mut app, " "); // link the first decision offered
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.walkthrough.as_ref().unwrap().step, Step::Presenter);
    // Last session's presenter is proposed (highlighted), not set.
    assert_eq!(app.walkthrough.as_ref().unwrap().cursor, 0);
    assert_eq!(
        app.current_session()
            .unwrap()
            .report("IMK")
            .unwrap()
            .presenter,
        None
    );
    type_text(&mut app, "j");
    press(&mut app, KeyCode::Enter); // Ulbrich
    assert_eq!(app.walkthrough.as_ref().unwrap().step, Step::Ready);
    press(&mut app, KeyCode::Enter);

    let report = app
        .current_session()
        .unwrap()
        .report("IMK")
        .unwrap()
        .clone();
    assert_eq!(report.exchange, Exchange::Yes);
    assert_eq!(report.status, ReportStatus::Ready);
    assert_eq!(report.answers["Q1"], "Wöchentlicher Austausch\nmit Grüßen");
    assert_eq!(report.answers.len(), 4);
    assert_eq!(report.presenter.as_deref(), Some("ulbrich"));
    assert_eq!(report.decisions.len(), 1);
    assert_eq!(report.updated_by.as_deref(), Some("tester"));
    let concern = app.data.concerns.iter().find(|c| c.id == "A-0001").unwrap();
    assert_eq!(concern.status, ConcernStatus::InProgress);
    let last = concern.history.last().unwrap();
    assert_eq!(
        (last.session, last.status, last.by.as_str()),
        (Some(48), Some(ConcernStatus::InProgress), "tester")
    );
    let new = app
        .data
        .concerns
        .iter()
        .find(|c| c.title == "Neues Anliegen: Datenaustausch")
        .unwrap();
    assert_eq!((new.conference.as_str(), new.raised_in), ("IMK", 48));
    // On to the next conference that is not done.
    assert_eq!(app.walkthrough.as_ref().unwrap().conference, "EJR");
}

#[test]
fn leaving_the_walkthrough_keeps_typed_text_and_w_on_its_conference_resumes_there() {
    let mut app = app();
    type_text(&mut app, "jwy");
    type_text(&mut app, "Halb fertig");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.layer(), Layer::Main);
    assert_eq!(
        app.current_session()
            .unwrap()
            .report("IMK")
            .unwrap()
            .answers["Q1"],
        "Halb fertig"
    );
    type_text(&mut app, "jjj"); // wander off, and back
    type_text(&mut app, "kkk");
    type_text(&mut app, "w");
    assert_eq!(app.conference_id(), "IMK");
    assert_eq!(
        app.walkthrough.as_ref().unwrap().step,
        Step::Question("Q1".into())
    );
    assert_eq!(app.editor.as_ref().unwrap().content(), "Halb fertig");
}

#[test]
fn shift_tab_goes_back_a_step() {
    let mut app = app();
    type_text(&mut app, "jwy");
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.walkthrough.as_ref().unwrap().step,
        Step::Question("Q2".into())
    );
    press(&mut app, KeyCode::BackTab);
    assert_eq!(
        app.walkthrough.as_ref().unwrap().step,
        Step::Question("Q1".into())
    );
}

#[test]
fn undo_and_redo_every_change() {
    let mut app = app();
    type_text(&mut app, "jjj-"); // EJR no report
    type_text(&mut app, "k-"); // FMK is no report already: no change
    type_text(&mut app, "k-"); // IMK
    assert_eq!(report_status(&app, "IMK"), ReportStatus::NoReport);
    type_text(&mut app, "u");
    assert_eq!(report_status(&app, "IMK"), ReportStatus::Open);
    assert!(
        app.current_session().unwrap().report("IMK").is_none(),
        "the report created by the change is gone"
    );
    type_text(&mut app, "u");
    assert_eq!(report_status(&app, "EJR"), ReportStatus::Open);
    // Ctrl-Z suspends, as in vim and less; undo is `u`.
    assert_eq!(
        app.handle_key(ctrl('z')),
        vec![fachmk::app::Effect::Suspend]
    );
    app.handle_key(ctrl('y'));
    assert_eq!(report_status(&app, "EJR"), ReportStatus::NoReport);
    app.handle_key(ctrl('y'));
    assert_eq!(report_status(&app, "IMK"), ReportStatus::NoReport);
    app.handle_key(ctrl('y'));
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Nichts wiederherzustellen."
    );
}

#[test]
fn concern_status_keys_in_the_concerns_pane() {
    let mut app = app();
    type_text(&mut app, "j");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.main.focus, Pane::Concerns);
    assert_eq!(
        fachmk::app::visible_concerns(&app.data, app.session, &app.conference_id()).len(),
        1
    );
    type_text(&mut app, "E"); // erledigt, asks what came of it
    type_text(&mut app, "\n"); // no note
    assert!(fachmk::app::visible_concerns(&app.data, app.session, &app.conference_id()).is_empty());
    let c = &app.data.concerns[0];
    assert_eq!(c.status, ConcernStatus::Resolved);
    assert_eq!(c.history.last().unwrap().note.as_deref(), Some("erledigt"));
    type_text(&mut app, "u");
    assert_eq!(app.data.concerns[0].status, ConcernStatus::Open);
}

#[test]
fn adding_a_concern_with_a_key() {
    let mut app = app();
    type_text(&mut app, "a");
    assert_eq!(app.layer(), Layer::Editor);
    type_text(&mut app, "Mehr Austausch\n");
    type_text(&mut app, "Zeile eins\nZeile zwei");
    press(&mut app, KeyCode::Esc);
    let c = app.data.concerns.last().unwrap();
    assert_eq!(
        (c.conference.as_str(), c.title.as_str()),
        ("WMK", "Mehr Austausch")
    );
    assert_eq!(c.details.as_deref(), Some("Zeile eins\nZeile zwei"));
    assert_eq!(c.id, "A-0002");
}

#[test]
fn search_narrows_as_one_types_and_jumps_to_the_item() {
    let mut app = app();
    type_text(&mut app, "/");
    assert_eq!(app.layer(), Layer::Search);
    let all = match &app.overlay {
        Overlay::Search(s) => s.hits.len(),
        _ => unreachable!(),
    };
    type_text(&mut app, "erprob");
    let Overlay::Search(search) = &app.overlay else {
        unreachable!()
    };
    assert!(search.hits.len() < all);
    let first = &search.index.entries[search.hits[0].entry];
    assert_eq!(first.kind, fachmk::search::Kind::Concern);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.layer(), Layer::Main);
    assert_eq!(app.conference_id(), "IMK");
    assert_eq!(app.main.focus, Pane::Concerns);
    // Esc returns to where the user was.
    type_text(&mut app, "/sieveke");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.conference_id(), "IMK");
    assert_eq!(app.main.focus, Pane::Concerns);
    // Backspace widens again; people jump to the speakers pane.
    type_text(&mut app, "/sievekx");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.conference_id(), "BMK");
    assert_eq!(app.main.focus, Pane::Speakers);
}

#[test]
fn new_session_validates_the_date_and_proposes_the_debrief() {
    let mut app = app();
    type_text(&mut app, "n");
    type_text(&mut app, "31.02.2026\n");
    assert!(
        app.editor
            .as_ref()
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .contains("TT.MM.JJJJ")
    );
    // Clear the field and type a date before session 48.
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "01.01.2025\n");
    assert!(
        app.editor
            .as_ref()
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .contains("48. Sitzung")
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "18.03.2026\nBerlin\n");
    assert_eq!(app.editor.as_ref().unwrap().content(), "08.04.2026");
    press(&mut app, KeyCode::Enter);
    let s = app.data.session(49).unwrap();
    assert_eq!(s.date.to_string(), "2026-03-18");
    assert_eq!(s.debrief_date.to_string(), "2026-04-08");
    assert_eq!(s.place.as_deref(), Some("Berlin"));
    assert_eq!(app.session, 49);
    type_text(&mut app, "u");
    assert!(app.data.session(49).is_none());
    assert_eq!(app.session, 48);
}

#[test]
fn session_picker_lists_newest_first() {
    let mut app = app();
    type_text(&mut app, "s");
    assert_eq!(app.layer(), Layer::Sessions);
    type_text(&mut app, "j\n"); // 47
    assert_eq!(app.session, 47);
    assert_eq!(
        app.current_session().unwrap().status_of("IMK"),
        ReportStatus::Ready
    );
}

#[test]
fn quit_asks_when_unsaved_and_never_discards_silently() {
    let mut app = app();
    assert_eq!(type_text(&mut app, "q"), vec![Effect::Quit]);
    let mut app = crate::common::app();
    type_text(&mut app, "-");
    assert!(type_text(&mut app, "q").is_empty());
    assert_eq!(app.layer(), Layer::Dialog);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.layer(), Layer::Main);
    assert!(app.handle_key(ctrl('c')).is_empty(), "Ctrl-C is q");
    assert_eq!(
        type_text(&mut app, "s"),
        vec![Effect::Save { then_quit: true }]
    );
    type_text(&mut app, "q");
    assert_eq!(
        type_text(&mut app, "d"),
        vec![Effect::DiscardRecovery, Effect::Quit]
    );
}

#[test]
fn save_is_an_effect_and_read_only_refuses_it() {
    let mut app = app();
    assert_eq!(
        app.handle_key(ctrl('s')),
        vec![Effect::Save { then_quit: false }]
    );
    app.read_only = Some("Test".into());
    assert!(app.handle_key(ctrl('s')).is_empty());
    assert!(app.message.as_ref().unwrap().error);
    type_text(&mut app, "-");
    assert_eq!(
        report_status(&app, "WMK"),
        ReportStatus::Draft,
        "read-only: unchanged"
    );
}

#[test]
fn paste_goes_into_the_open_field_with_newlines() {
    let mut app = app();
    type_text(&mut app, "wy");
    app.handle_paste("Erste Zeile\r\nZweite Zeile – äöü 🙂");
    press(&mut app, KeyCode::Esc);
    let answer = &app
        .current_session()
        .unwrap()
        .report("WMK")
        .unwrap()
        .answers["Q1"];
    assert!(
        answer.ends_with("Erste Zeile\nZweite Zeile – äöü 🙂"),
        "{answer}"
    );
}

#[test]
fn review_and_export_from_the_screen() {
    let mut app = app();
    type_text(&mut app, "r");
    assert_eq!(app.layer(), Layer::Review);
    assert!(
        app.review_lines()
            .iter()
            .any(|l| l == "TOP __ · Reporting FachMK")
    );
    let effects = type_text(&mut app, "x\n");
    let Effect::Write { path, contents } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(path, "tischvorlage-48.md");
    assert_eq!(
        *contents,
        fachmk::export::markdown(&app.data, 48).into_bytes()
    );
    // Written (the loop reports it): the dialog closes.
    let written = path.clone();
    app.exported(&written);
    // The file name chooses the document and the format.
    type_text(&mut app, "x");
    for _ in 0.."tischvorlage-48.md".len() {
        press(&mut app, KeyCode::Backspace);
    }
    let effects = type_text(&mut app, "nachbesprechung-48.docx\n");
    let Effect::Write { path, contents } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(path, "nachbesprechung-48.docx");
    let expected = fachmk::export::docx(&app.data, 48, fachmk::export::Kind::Nachbesprechung);
    assert_eq!(*contents, expected.unwrap());
}

#[test]
fn help_is_made_from_the_keymap() {
    let app = app();
    for layer in fachmk::app::HELP_LAYERS {
        for action in app.keymap.actions(layer) {
            assert!(!app.keymap.keys_for(layer, action).is_empty());
        }
    }
    // Every hint names a key that really does that action.
    for hint in app.keymap.hints(Layer::Main) {
        assert!(
            app.keymap
                .bindings
                .iter()
                .any(|b| b.layer == Layer::Main && b.hint.map(fachmk::i18n::t) == Some(hint.text))
        );
    }
    assert_eq!(
        serde_json::to_string(&Action::NoExchange).unwrap(),
        "\"no-exchange\""
    );
}

#[test]
fn undo_with_nothing_to_undo_does_not_copy_the_data_another_thread_reads() {
    let mut app = app();
    // As the search index's thread holds it right after the start.
    let reader = std::sync::Arc::clone(&app.data);
    app.undo();
    app.redo();
    assert!(std::sync::Arc::ptr_eq(&reader, &app.data));
    // A change does copy it, and the reader's data stay as they were.
    app.set_exchange("IMK", Exchange::Yes);
    assert!(!std::sync::Arc::ptr_eq(&reader, &app.data));
    app.undo();
    assert_eq!(*reader, *app.data);
}
