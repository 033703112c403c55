//! The screen as drawn: snapshots of every pane, overlay and walkthrough step at
//! 80×24 and 120×40, from a fixed dataset and a fixed date, umlauts included.
#![allow(clippy::unwrap_used)]

use crate::common::{app, ctrl, press, type_text};
use fachmk::app::{App, Dialog};
use fachmk::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// `app` resized to `width` × `height` and drawn, as the event loop does.
pub fn resized_and_drawn(app: &mut App, width: u16, height: u16) -> String {
    app.resize(width, height);
    draw(app, width, height)
}

pub fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::render(app, f, &Theme::default()))
        .unwrap();
    terminal.backend().to_string()
}

/// Snapshots `app` at both sizes under `name`.
fn snap(name: &str, app: &mut App) {
    for (w, h) in [(80, 24), (120, 40)] {
        app.resize(w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(app, w, h));
    }
}

#[test]
fn main_view() {
    let mut app = app();
    type_text(&mut app, "j"); // IMK, with a concern from session 47
    snap("main", &mut app);
}

#[test]
fn main_view_questions_focused_with_answers() {
    let mut app = app(); // WMK has a draft answer
    press(&mut app, KeyCode::BackTab);
    snap("main_questions", &mut app);
}

#[test]
fn main_view_no_report_and_vacancy() {
    let mut app = app();
    type_text(&mut app, "jjjjjj"); // VMK: N.N.
    snap("main_vacancy", &mut app);
    type_text(&mut app, "kkkk"); // FMK: no report
    snap("main_no_report", &mut app);
}

#[test]
fn walkthrough_steps() {
    let mut app = app();
    type_text(&mut app, "jw");
    snap("walk_1_exchange", &mut app);
    type_text(&mut app, "y");
    type_text(
        &mut app,
        "Austausch über Förderprogramme und Gemeinsamkeiten – Größe ✓",
    );
    snap("walk_2_question", &mut app);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    snap("walk_3_concern", &mut app);
    press(&mut app, KeyCode::Tab);
    snap("walk_4_new_concerns", &mut app);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, " ");
    snap("walk_5_decisions", &mut app);
    press(&mut app, KeyCode::Tab);
    snap("walk_6_presenter", &mut app);
    press(&mut app, KeyCode::Tab);
    snap("walk_7_ready", &mut app);
}

#[test]
fn overlays() {
    let mut app = app();
    type_text(&mut app, "/förder");
    snap("search", &mut app);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "r");
    snap("review", &mut app);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "?");
    snap("help", &mut app);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "s");
    snap("sessions", &mut app);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "i");
    snap("reference", &mut app);
}

#[test]
fn editors_and_dialogs() {
    let mut app = app();
    type_text(&mut app, "a");
    type_text(&mut app, "Gemeinsame Plattform für Förderanträge");
    snap("editor_new_concern", &mut app);
    // Enter creates it (Esc would cancel); Esc leaves its description.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "n");
    type_text(&mut app, "31.02.2026\n");
    snap("editor_session_date_error", &mut app);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "q");
    snap("dialog_quit_unsaved", &mut app);
    app.handle_key(ctrl('c'));
}

#[test]
fn load_failed_and_read_only() {
    let mut app = App::new(
        fachmk::domain::Dataset::empty(),
        crate::common::today(),
        crate::common::fixed_now(),
        "t",
        None,
    );
    app.read_only = Some("die Datei konnte nicht gelesen werden".into());
    app.dialog = Some(Dialog::LoadFailed {
        reason: "daten.json, Zeile 3, Spalte 13: Kein gültiges JSON: hier fehlt „,“ oder „}“."
            .into(),
        backup: Some("daten.json.bak".into()),
    });
    snap("load_failed", &mut app);
}

#[test]
fn too_small_says_how_large_it_must_be() {
    let app = app();
    insta::assert_snapshot!("too_small_40x10", draw(&app, 40, 10));
}

#[test]
fn no_size_panics() {
    let mut states = vec![app()];
    let mut walking = app();
    type_text(&mut walking, "wy");
    type_text(&mut walking, "Größere Änderungen 数字化 🙂");
    states.push(walking);
    let mut searching = app();
    type_text(&mut searching, "/ä");
    states.push(searching);
    let mut reviewing = app();
    type_text(&mut reviewing, "r");
    states.push(reviewing);
    for app in &states {
        for w in (1..=200).step_by(7) {
            for h in (1..=60).step_by(3) {
                draw(app, w, h);
            }
        }
    }
}

#[test]
fn conflict_and_recovery_dialogs() {
    let mut app = app();
    let base = fachmk::domain::Dataset::clone(&app.data);
    let mut ours = base.clone();
    ours.session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .answers
        .insert("Q1".into(), "Meine Fassung mit Umlauten: Größe".into());
    let mut theirs = base.clone();
    theirs
        .session_mut(48)
        .unwrap()
        .report_mut("WMK")
        .answers
        .insert("Q1".into(), "Fassung der Kollegin".into());
    let merged = fachmk::store::sync::merge_datasets(&base, &ours, &theirs).unwrap();
    app.show_conflicts(
        merged,
        fachmk::app::AfterConflicts::Save { then_quit: false },
    );
    snap("dialog_conflict", &mut app);
    app.dialog = Some(Dialog::Recovery {
        at: "10.11.2025 09:12".into(),
        changes: vec![
            "48. Sitzung · Bericht IMK".into(),
            "Anliegen A-0002 (neu)".into(),
        ],
        show: true,
    });
    snap("dialog_recovery", &mut app);
}

#[test]
fn views_across_sessions() {
    let mut app = App::new(
        crate::common::sample_data(),
        chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
        crate::common::fixed_now(),
        "tester",
        Some(48),
    );
    type_text(&mut app, "d");
    type_text(&mut app, "a");
    type_text(
        &mut app,
        "2025/31 Registermodernisierung: Umsetzungsplan für Länder\n",
    );
    type_text(&mut app, "IMK, GMK\n");
    snap("view_debrief", &mut app);
    type_text(&mut app, "j\n ");
    type_text(&mut app, "e");
    type_text(&mut app, "Rückfragen zur Finanzierung");
    press(&mut app, KeyCode::Esc);
    snap("view_debrief_conference", &mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "B");
    type_text(&mut app, "jjj");
    snap("view_decisions", &mut app);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "h");
    snap("view_history", &mut app);
    press(&mut app, KeyCode::Esc);
    crate::common::select_conference(&mut app, "IMK");
    app.data_mut()
        .session_mut(48)
        .unwrap()
        .report_mut("IMK")
        .answers
        .insert(
            "Q1".into(),
            "Austausch über die Geschäftsstelle und den Vorsitz.".into(),
        );
    type_text(&mut app, "c");
    snap("view_changes", &mut app);
    press(&mut app, KeyCode::Esc);
    crate::common::select_conference(&mut app, "EJR");
    type_text(&mut app, "p");
    snap("view_assignments", &mut app);
}
